package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/pfasciilogd/pfasciilogd/capture"
	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// TestReadFileMatchesReference compares the output of readFile with
// that of a plain loop over Handle.Read, each record's time formatted by
// timefmt's Format.Append (time.AppendFormat) or, for JSON, by
// recordFormatter.appendRecord from the record's time.Time: every --time
// and --format, with and without a filter, for little- and big-endian
// files, micro- and nanoseconds, fractions past a second, pcapng, and a
// file cut in a record (the same records, then the same error).
func TestReadFileMatchesReference(t *testing.T) {
	dir := t.TempDir()
	g := pcapgen.New(pcapgen.Config{Seed: 5, Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixScan, Hosts: 40, Malformed: 0.05})
	var recs []pcapgen.Record
	for i := 0; i < 3000; i++ {
		r := g.Next()
		r.Data = bytes.Clone(r.Data)
		r.Sec = 1_700_000_000 + uint32(i/4)
		if i%101 == 7 {
			r.Usec = 1_000_000 + uint32(i)*977 // past a second, as libpcap returns it
		}
		recs = append(recs, r)
	}
	le := filepath.Join(dir, "le.pcap")
	if err := pcapgen.WriteFile(le, 262144, recs); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(le)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nano := bytes.Clone(b)
	binary.LittleEndian.PutUint32(nano, 0xa1b23c4d)
	var ng bytes.Buffer
	w, err := pcapgo.NewNgWriter(&ng, layers.LinkTypePFLog)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[:400] {
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(int64(r.Sec), int64(r.Usec%1e6)*1000), CaptureLength: len(r.Data), Length: r.WireLen}
		if err := w.WritePacket(ci, r.Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	files := []string{sample, le, write("nano.pcap", nano), write("be.pcap", swapped(b)),
		write("cut.pcap", b[:len(b)-9]), write("ng.pcapng", ng.Bytes())}
	// Local time as the machine has it, and a zone of its own, restored.
	local := time.Local
	t.Cleanup(func() { time.Local = local })
	for i, path := range append(files, files...) {
		if i == len(files) {
			time.Local = time.FixedZone("test", -(3*3600 + 30*60 + 7))
		}
		for _, format := range []string{"text", "json"} {
			for _, tf := range []string{"iso", "none", "tcpdump", "unix"} {
				for _, expr := range []string{"", "tcp"} {
					args := []string{"-r", path, "--format", format, "--time", tf}
					if expr != "" {
						args = append(args, expr)
					}
					c, err := parseFlags(args, io.Discard)
					if err != nil {
						t.Fatal(err)
					}
					var got bytes.Buffer
					gerr := readFile(c, &got)
					want, werr := referenceOutput(t, c)
					if fmt.Sprint(gerr) != fmt.Sprint(werr) {
						t.Errorf("%v: error %v, want %v", args, gerr, werr)
					}
					if !bytes.Equal(got.Bytes(), want) {
						t.Errorf("%v: output differs from the reference (%d and %d bytes):\n%s", args, got.Len(), len(want), firstDiff(got.Bytes(), want))
					}
					if bytes.Count(want, []byte("\n")) < 10 {
						t.Errorf("%v: only %d records", args, bytes.Count(want, []byte("\n")))
					}
				}
			}
		}
	}
}

// referenceOutput is readFile as a loop over Handle.Read.
func referenceOutput(t *testing.T, c *config) ([]byte, error) {
	h, err := capture.OpenFile(c.readFile, c.filter)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	dec := decoder.New(decoder.Options{AbsoluteSeq: c.absSeq, SeqTableSize: c.seqTable, LinkType: h.LinkType(), NoSummary: c.format != formatJSON})
	format := newRecordFormatter(c)
	var out []byte
	for {
		data, ci, err := h.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("%s: %v", c.readFile, err)
		}
		if c.format == formatJSON {
			out = format.appendRecord(out, dec, ci.Timestamp, data, ci.Length)
			continue
		}
		out = c.timeFmt.Append(out, ci.Timestamp)
		out = dec.AppendRecord(out, data, ci.Length)
	}
}

// swapped is a big-endian copy of the little-endian pcap file b.
func swapped(b []byte) []byte {
	b = bytes.Clone(b)
	sw := func(p []byte) { p[0], p[1], p[2], p[3] = p[3], p[2], p[1], p[0] }
	sw(b[0:])
	b[4], b[5], b[6], b[7] = b[5], b[4], b[7], b[6]
	for _, o := range []int{8, 12, 16, 20} {
		sw(b[o:])
	}
	for off := 24; off+16 <= len(b); {
		caplen := int(binary.LittleEndian.Uint32(b[off+8:]))
		for _, o := range []int{0, 4, 8, 12} {
			sw(b[off+o:])
		}
		off += 16 + caplen
	}
	return b
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := range min(len(gl), len(wl)) {
		if !bytes.Equal(gl[i], wl[i]) {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, gl[i], wl[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(gl), len(wl))
}

// TestReadFileAllocationsPerFile: readFile allocates per file, not per
// record: ten times the records cost no more allocations.
func TestReadFileAllocationsPerFile(t *testing.T) {
	dir := t.TempDir()
	g := pcapgen.New(pcapgen.Config{Seed: 9, Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixScan, Hosts: 20})
	var recs []pcapgen.Record
	for i := 0; i < 5000; i++ {
		r := g.Next()
		r.Data = bytes.Clone(r.Data)
		r.Sec = 1_700_000_000 + uint32(i/3)
		recs = append(recs, r)
	}
	small, large := filepath.Join(dir, "small.pcap"), filepath.Join(dir, "large.pcap")
	if err := pcapgen.WriteFile(small, 262144, recs[:500]); err != nil {
		t.Fatal(err)
	}
	if err := pcapgen.WriteFile(large, 262144, recs); err != nil {
		t.Fatal(err)
	}
	for _, tf := range []string{"iso", "none"} {
		allocs := func(path string) float64 {
			c, err := parseFlags([]string{"-r", path, "--time", tf}, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			return testing.AllocsPerRun(3, func() {
				if err := readFile(c, io.Discard); err != nil {
					t.Fatal(err)
				}
			})
		}
		if s, l := allocs(small), allocs(large); l > s {
			t.Errorf("--time %s: %v allocations for 500 records, %v for 5000", tf, s, l)
		}
	}
}
