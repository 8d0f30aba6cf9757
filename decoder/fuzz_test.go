package decoder

import (
	"bytes"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// FuzzDecode feeds arbitrary records to AppendRecord. The seeds are the
// records of the golden captures, with the wire length given as the
// difference from the captured length (negative: a record claiming less
// than was captured).
//
// It checks that decoding never panics and that the text is one record:
//   - it is appended after what the buffer held, which stays untouched;
//   - it ends in '\n', with at most one empty line before the end (the SMB
//     and SOME/IP printers end records with an empty line, as tcpdump does);
//   - no line after the first starts like a record (a pflog header text or
//     pflog-level message), so a reader cannot be fooled into seeing two;
//   - it holds no byte below 0x20 but '\n' and '\t'.
//
// The same Decoder then decodes the record again, to go through the TCP
// conversation state and per-decoder caches with an entry present.
func FuzzDecode(f *testing.F) {
	for _, c := range loadGolden(f) {
		for _, r := range c.recs {
			f.Add(r.Data, r.WireLen-len(r.Data))
		}
	}
	f.Add([]byte{}, 0)
	f.Add([]byte{69}, 10)
	f.Fuzz(func(t *testing.T, data []byte, extra int) {
		fuzzDecodeTwice(t, Options{}, data, extra)
		// Without a Summary the text is the same.
		wire := max(len(data)+extra, 0)
		with := New(Options{}).AppendRecord(nil, data, wire)
		if without := New(Options{NoSummary: true}).AppendRecord(nil, data, wire); !bytes.Equal(with, without) {
			t.Fatalf("NoSummary: %q, with a Summary: %q", without, with)
		}
	})
}

// fuzzDecodeTwice decodes a record twice with one Decoder, after a prefix
// in the buffer, and checks the prefix and each text.
func fuzzDecodeTwice(t *testing.T, opts Options, data []byte, extra int) {
	wire := len(data) + extra
	if wire < 0 {
		wire = 0
	}
	d := New(opts)
	prefix := []byte("prefix:")
	for pass := 0; pass < 2; pass++ {
		out := d.AppendRecord(append([]byte(nil), prefix...), data, wire)
		if !bytes.HasPrefix(out, prefix) {
			t.Fatalf("pass %d: the buffer's previous content was changed: %q", pass, out)
		}
		fuzzCheckRecord(t, out[len(prefix):])
	}
}

func fuzzCheckRecord(t *testing.T, rec []byte) {
	t.Helper()
	if len(rec) == 0 || rec[len(rec)-1] != '\n' {
		t.Fatalf("record does not end in a newline: %q", rec)
	}
	if bytes.HasSuffix(rec, []byte("\n\n\n")) {
		t.Fatalf("record ends in more than one empty line: %q", rec)
	}
	for i, c := range rec {
		if c < 0x20 && c != '\n' && c != '\t' {
			t.Fatalf("control byte 0x%02x at %d: %q", c, i, rec)
		}
	}
	if n := len(pcapgen.SplitRecords(rec)); n != 1 {
		t.Fatalf("text reads as %d records: %q", n, rec)
	}
}
