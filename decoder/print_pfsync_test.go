package decoder

import (
	"encoding/binary"
	"strings"
	"testing"
)

// pfsyncPkt builds a pfsync payload: the header (version, length field,
// a zero checksum) and the subheaders, each an action, a count and
// size bytes of records.
func pfsyncPkt(version uint8, lenField int, subs ...[3]int) []byte {
	p := make([]byte, 20)
	p[0] = version
	for _, s := range subs {
		p = append(p, byte(s[0]), 0, byte(s[1]>>8), byte(s[1]))
		p = append(p, make([]byte, s[2])...)
	}
	if lenField < 0 {
		lenField = len(p)
	}
	binary.BigEndian.PutUint16(p[2:], uint16(lenField))
	return p
}

// Expected texts follow FreeBSD's contrib/tcpdump/print-pfsync.c
// (pfsync_ip_print, pfsync_print) at default verbosity, with FreeBSD
// 15's action table; Debian's tcpdump has no pfsync printer to check
// them against. The first is the record of the issue that asked for it.
func TestPFSYNC(t *testing.T) {
	for _, c := range []struct {
		name    string
		payload []byte
		cut     int // bytes of the payload captured, 0: all
		want    string
	}{
		{"not FreeBSD's version", pfsyncPkt(0, 50079, [3]int{4, 1, 84}), 0, "PFSYNCv0 len 50079"},
		{"OpenBSD's version", pfsyncPkt(6, -1, [3]int{12, 0, 0}), 0, "PFSYNCv6 len 24"},
		{"compressed updates", pfsyncPkt(5, -1, [3]int{4, 2, 168}, [3]int{7, 1, 12}, [3]int{12, 0, 0}), 0,
			"PFSYNCv5 len 212\n    update compressed count 2\n    delete compressed count 1\n    eof count 0"},
		{"states of 13.1, 14 and 15", pfsyncPkt(5, -1, [3]int{1, 1, 242}, [3]int{14, 1, 277}, [3]int{16, 1, 360}), 0,
			"PFSYNCv5 len 911\n    insert 13.1 count 1\n    update count 1\n    update count 1"},
		{"clear, ack, request, bus, tdb", pfsyncPkt(5, -1, [3]int{0, 1, 20}, [3]int{2, 1, 12}, [3]int{5, 1, 12}, [3]int{10, 1, 12}, [3]int{11, 3, 0}), 0,
			"PFSYNCv5 len 96\n    clear all count 1\n    insert ack count 1\n    request uncompressed count 1\n    bulk update status count 1\n    tdb count 3"},
		{"unknown action", pfsyncPkt(5, -1, [3]int{17, 1, 0}), 0, "PFSYNCv5 len 24\n    act UNKNOWN id 17"},
		{"fragments not printed", pfsyncPkt(5, -1, [3]int{8, 1, 0}, [3]int{12, 0, 0}), 0, "PFSYNCv5 len 28\n    frag insert count 1\n    unimplemented action 8"},
		{"header says more", pfsyncPkt(5, 300, [3]int{4, 1, 84}), 0, "PFSYNCv5 len 300\n    update compressed count 1\n    ..."},
		{"header says less", pfsyncPkt(5, 60, [3]int{4, 1, 84}), 0, "PFSYNCv5 len 60\n    update compressed count 1\n    invalid header length"},
		{"bytes after the frame", append(pfsyncPkt(5, 108, [3]int{4, 1, 84}), 0, 0, 0, 0, 0), 0, "PFSYNCv5 len 108\n    update compressed count 1\n    invalid packet length"},
		// The walk stops at the end of the records; the header length is used up.
		{"count beyond the packet", pfsyncPkt(5, 108, [3]int{4, 3, 84}), 0, "PFSYNCv5 len 108\n    update compressed count 3"},
		{"shorter than the header", make([]byte, 19), 0, "[|pfsync]"},
		{"cut by the capture", pfsyncPkt(5, -1, [3]int{4, 1, 84}), 50, "[|pfsync]"},
	} {
		pkt := append(pflog64(2), ipv4("10.0.0.1", "224.0.0.240", 240, c.payload)...)
		keep := len(pkt)
		if c.cut > 0 {
			keep = 72 + 20 + c.cut
		}
		got := renderCut(New(Options{}), pkt[:keep], len(pkt))
		want := "10.0.0.1 > 224.0.0.240: " + c.want
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, want)
		}
		if strings.Count(got, "\n") != strings.Count(c.want, "\n") {
			t.Errorf("%s: line count", c.name)
		}
	}
}

// The IS-IS record of the issue that asked for OSI over GRE (a record of
// tcpdump's own test suite: an L1 LSP with every ID byte 0xff).
func TestISISOverGRE(t *testing.T) {
	isis := []byte{0x83, 27, 1, 0, 18, 1, 0, 0, 0, 30, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 3, 0, 0, 0}
	gre := append([]byte{0, 0, 0, 0xfe}, isis...)
	pkt := append(pflog64(2), ipv4("10.0.0.1", "10.0.0.2", 47, gre)...)
	got := render(New(Options{}), pkt)
	want := "10.0.0.1 > 10.0.0.2: GREv0, proto GRE-OSI (0x00fe), length 34: OSI NLPID IS-IS (0x83): L1 LSP, lsp-id ffff.ffff.ffff.ff-ff, seq 0xffffffff, lifetime 65535s, length 30"
	if got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
}
