//go:build linux

package capture

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

var nfattr = pcapgen.AppendNFAttr

// numbered builds the record the kernel sends for a packet of group g
// with NFULNL_CFG_F_SEQ (seq >= 0) and NFULA_TIMESTAMP (ts not zero), and
// the record libpcap returns for it: the same without NFULA_SEQ.
func numbered(g uint16, seq int64, ts time.Time, payload []byte, prefix string) (kernel, libpcap []byte) {
	head := []byte{2, 0, byte(g >> 8), byte(g)}
	head = nfattr(head, 1, []byte{0x08, 0x00, 1, 0}) // NFULA_PACKET_HDR
	head = nfattr(head, 10, append([]byte(prefix), 0))
	if !ts.IsZero() {
		v := binary.BigEndian.AppendUint64(nil, uint64(ts.Unix()))
		v = binary.BigEndian.AppendUint64(v, uint64(ts.Nanosecond()/1000))
		head = nfattr(head, nfulaTimestamp, v)
	}
	tail := nfattr(nil, 9, payload) // NFULA_PAYLOAD, last
	kernel = append([]byte{}, head...)
	if seq >= 0 {
		kernel = nfattr(kernel, nfulaSeq, binary.BigEndian.AppendUint32(nil, uint32(seq)))
	}
	kernel = append(kernel, tail...)
	return kernel, append(head, tail...)
}

// TestNFLOGSeqRecord: the record handed on is byte for byte libpcap's,
// whichever side of NFULA_SEQ is moved; the time is the kernel's.
func TestNFLOGSeqRecord(t *testing.T) {
	ts := time.Date(2026, 12, 6, 13, 0, 0, 123456000, time.UTC)
	recvd := ts.Add(40 * time.Millisecond)
	clk := newNFLOGClock(recvd)
	for _, c := range []struct {
		name    string
		payload []byte
		prefix  string
	}{
		{"short payload", make([]byte, 20), ""},
		{"long payload", bytes.Repeat([]byte{0x45}, 600), "a long prefix for the rule"},
	} {
		var s nflogSeqs
		k, want := numbered(7, 0, ts, c.payload, c.prefix)
		var gotTS time.Time
		got := s.record(k, &clk, &gotTS)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: record\n got % x\nwant % x", c.name, got, want)
		}
		if !gotTS.Equal(ts) {
			t.Errorf("%s: time %v, want the kernel's %v", c.name, gotTS, ts)
		}
		if s.missing != 0 || !s.numbered {
			t.Errorf("%s: missing %d numbered %v", c.name, s.missing, s.numbered)
		}
	}
	// No timestamp, or one from another clock (uptime): the receipt time.
	var s nflogSeqs
	for _, kts := range []time.Time{{}, time.Unix(3600, 0), recvd.Add(time.Minute)} {
		k, want := numbered(7, -1, kts, []byte{1, 2, 3}, "")
		var gotTS time.Time
		got := s.record(k, &clk, &gotTS)
		if !bytes.Equal(got, want) || !gotTS.Equal(recvd) {
			t.Errorf("kernel time %v: record % x time %v, want % x and the receipt time", kts, got, gotTS, want)
		}
	}
	if s.numbered {
		t.Error("records without NFULA_SEQ taken for numbered ones")
	}
	// A malformed attribute list is handed on untouched.
	bad := []byte{2, 0, 0, 7, 200, 0, 12, 0, 0, 0, 0, 1}
	var badTS time.Time
	if got := s.record(append([]byte{}, bad...), &clk, &badTS); !bytes.Equal(got, bad) {
		t.Errorf("malformed record changed: % x", got)
	}
}

// TestNFLOGSeqGaps: the records missing from each group's numbering are
// counted, across the 32-bit wrap, and the first number seen counts those
// lost since the instance began at 0.
func TestNFLOGSeqGaps(t *testing.T) {
	var s nflogSeqs
	clk := newNFLOGClock(time.Now())
	feed := func(g uint16, seqs ...uint32) {
		for _, q := range seqs {
			k, _ := numbered(g, int64(q), time.Time{}, []byte{0}, "")
			s.record(k, &clk, new(time.Time))
		}
	}
	feed(7, 0, 1, 2, 1002, 1003) // 999 lost in one datagram
	feed(8, 5, 6)                // 5 lost before the first
	if s.missing != 999+5 {
		t.Fatalf("missing %d, want 1004", s.missing)
	}
	s.groups[0].next = 0xfffffffe
	feed(7, 0xfffffffe, 0xffffffff, 0, 10) // wraps, then 9 lost
	if s.missing != 1004+9 {
		t.Fatalf("across the wrap: missing %d, want 1013", s.missing)
	}
	feed(7, 3) // backwards: a new start, nothing counted
	feed(7, 4)
	if s.missing != 1013 {
		t.Fatalf("after a number going back: missing %d, want 1013", s.missing)
	}
}

// TestNFLOGReaderCountsGaps: stats() reports the records missing from the
// numbering as dropped, not the ENOBUFS errors.
func TestNFLOGReaderCountsGaps(t *testing.T) {
	r, peer := nflogPair(t)
	defer peer.Close()
	defer r.close()
	r.nobufs = 1 // one ENOBUFS: the datagram of records 2 to 401 was lost
	var d []byte
	var want [][]byte
	for _, q := range []int64{0, 1, 402} {
		k, l := numbered(7, q, time.Time{}, []byte{0x45, 0, 0, 20}, "")
		d = append(d, nlmsg(4<<8, k)...)
		want = append(want, l)
	}
	if _, err := peer.Write(d); err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		rec, ci, err := r.read()
		if err != nil || !bytes.Equal(rec, w) || ci.Length != len(w) {
			t.Fatalf("record %d: % x %v, want % x", i, rec, err, w)
		}
	}
	if st, _ := r.stats(); st.Received != 3 || st.Dropped != 400 {
		t.Errorf("stats %+v, want 3 received and 400 dropped", st)
	}
}
