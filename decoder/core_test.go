package decoder

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"
)

// Expected texts in this file come from tcpdump itself: the examples that
// spec/tcpdump-format.md records as verified against the binaries.

// pflog64 returns a FreeBSD pflog header (length byte 69, 72 bytes) for
// af, rule 0, reason match, action block, direction in, interface em0.
func pflog64(af byte) []byte {
	h := make([]byte, 72)
	h[0], h[1], h[2], h[3] = 69, af, 1, 0
	copy(h[4:], "em0")
	binary.BigEndian.PutUint32(h[40:], 0xffffffff)
	binary.NativeEndian.PutUint32(h[44:], 0xffffffff)
	h[60] = 1
	return h
}

func ipv4(src, dst string, proto byte, payload []byte) []byte {
	p := make([]byte, 20, 20+len(payload))
	p[0] = 0x45
	binary.BigEndian.PutUint16(p[2:], uint16(20+len(payload)))
	p[8], p[9] = 64, proto
	s, d := netip.MustParseAddr(src).As4(), netip.MustParseAddr(dst).As4()
	copy(p[12:], s[:])
	copy(p[16:], d[:])
	return append(p, payload...)
}

func tcpSeg(sport, dport uint16, seq, ack uint32, flags byte, opts []byte, data string) []byte {
	hl := 20 + len(opts)
	t := make([]byte, hl, hl+len(data))
	binary.BigEndian.PutUint16(t, sport)
	binary.BigEndian.PutUint16(t[2:], dport)
	binary.BigEndian.PutUint32(t[4:], seq)
	binary.BigEndian.PutUint32(t[8:], ack)
	t[12] = byte(hl/4) << 4
	t[13] = flags
	binary.BigEndian.PutUint16(t[14:], 65535)
	copy(t[20:], opts)
	return append(t, data...)
}

const prefix = "rule 0/0(match): block in on em0: "

func render(d *Decoder, pkt []byte) string { return renderCut(d, pkt, len(pkt)) }

func renderCut(d *Decoder, pkt []byte, wire int) string {
	out := d.AppendRecord(nil, pkt, wire)
	return strings.TrimSuffix(strings.TrimPrefix(string(out), prefix), "\n")
}

func TestRelativeSequenceNumbers(t *testing.T) {
	d := New(Options{})
	a, b := "10.0.0.1", "10.0.0.2"
	seg := func(fromA bool, seq, ack uint32, flags byte, data string) []byte {
		if fromA {
			return append(pflog64(2), ipv4(a, b, 6, tcpSeg(40001, 80, seq, ack, flags, nil, data))...)
		}
		return append(pflog64(2), ipv4(b, a, 6, tcpSeg(80, 40001, seq, ack, flags, nil, data))...)
	}
	for i, tc := range []struct {
		pkt  []byte
		want string
	}{
		{seg(true, 1000000, 0, thSYN, ""), "10.0.0.1.40001 > 10.0.0.2.80: Flags [S], seq 1000000, win 65535, length 0"},
		{seg(false, 5000000, 1000001, thSYN|thACK, ""), "10.0.0.2.80 > 10.0.0.1.40001: Flags [S.], seq 5000000, ack 1000001, win 65535, length 0"},
		{seg(true, 1000001, 5000001, thACK, ""), "10.0.0.1.40001 > 10.0.0.2.80: Flags [.], ack 1, win 65535, length 0"},
		{seg(true, 1000028, 5000020, thFIN|thACK, ""), "10.0.0.1.40001 > 10.0.0.2.80: Flags [F.], seq 28, ack 20, win 65535, length 0"},
		{seg(false, 5000020, 1000029, thRST|thACK, ""), "10.0.0.2.80 > 10.0.0.1.40001: Flags [R.], seq 20, ack 29, win 65535, length 0"},
	} {
		if got := render(d, tc.pkt); got != tc.want {
			t.Errorf("packet %d:\n got %s\nwant %s", i, got, tc.want)
		}
	}
	// -S prints absolute numbers.
	abs := New(Options{AbsoluteSeq: true})
	abs.AppendRecord(nil, seg(false, 5000000, 1000001, thSYN|thACK, ""), 0)
	if got := render(abs, seg(true, 1000001, 5000001, thACK, "")); !strings.Contains(got, "ack 5000001") {
		t.Errorf("-S: %s", got)
	}
}

func TestMidStreamAndWrap(t *testing.T) {
	d := New(Options{})
	a, b := "10.0.0.1", "10.0.0.2"
	p := func(fromA bool, seq, ack uint32, flags byte, n int) string {
		data := strings.Repeat("x", n)
		var pkt []byte
		if fromA {
			pkt = append(pflog64(2), ipv4(a, b, 6, tcpSeg(40002, 443, seq, ack, flags, nil, data))...)
		} else {
			pkt = append(pflog64(2), ipv4(b, a, 6, tcpSeg(443, 40002, seq, ack, flags, nil, data))...)
		}
		return render(d, pkt)
	}
	want := []string{
		"10.0.0.1.40002 > 10.0.0.2.443: Flags [.], ack 987654321, win 65535, length 0",
		"10.0.0.1.40002 > 10.0.0.2.443: Flags [P.], seq 0:10, ack 1, win 65535, length 10",
		"10.0.0.2.443 > 10.0.0.1.40002: Flags [.], ack 10, win 65535, length 0",
	}
	got := []string{
		p(true, 5000, 987654321, thACK, 0),
		p(true, 5000, 987654321, thACK|thPSH, 10),
		p(false, 987654321, 5010, thACK, 0),
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mid-stream %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestSeqTableEviction(t *testing.T) {
	d := New(Options{SeqTableSize: 2})
	pkt := func(sport uint16, seq uint32) []byte {
		return append(pflog64(2), ipv4("10.0.0.1", "10.0.0.2", 6, tcpSeg(sport, 80, seq, 1, thACK, nil, "x"))...)
	}
	render(d, pkt(1001, 100))
	if got := render(d, pkt(1001, 110)); !strings.Contains(got, "seq 10:11") {
		t.Fatalf("relative: %s", got)
	}
	render(d, pkt(1002, 100))
	render(d, pkt(1003, 100)) // evicts 1001, the least recently used
	if d.seq.Len() != 2 {
		t.Errorf("table holds %d, want 2", d.seq.Len())
	}
	if got := render(d, pkt(1001, 120)); !strings.Contains(got, "seq 120:121") {
		t.Errorf("after eviction the conversation starts again absolute: %s", got)
	}
}

func TestTCPOptionsAndErrors(t *testing.T) {
	d := New(Options{AbsoluteSeq: true})
	mk := func(opts []byte, flags byte) []byte {
		return append(pflog64(2), ipv4("10.0.0.1", "10.0.0.2", 6, tcpSeg(40000, 22, 1000, 0, flags, opts, ""))...)
	}
	for _, tc := range []struct {
		opts []byte
		want string
	}{
		{[]byte{2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 1, 2, 3, 0, 0, 0, 0, 1, 3, 3, 7}, "options [mss 1460,sackOK,TS val 66051 ecr 0,nop,wscale 7]"},
		{[]byte{2, 4, 5, 0xb4, 0, 0, 0, 0}, "options [mss 1460,eol]"},
		{[]byte{34, 2, 1, 1}, "options [tfo  cookiereq,nop,nop]"},
		{[]byte{254, 4, 0xf9, 0x89}, "options [exp-tfo cookiereq]"},
		{[]byte{254, 4, 0x12, 0x34, 1, 1, 0, 0}, "options [exp-1234,nop,nop,eol]"},
		{[]byte{28, 4, 0x80, 0x01}, "options [uto 0x8001 983040]"},
		{[]byte{20, 4, 1, 2}, "options [scps cap 01 id 2]"},
		{[]byte{99, 4, 0xab, 0xcd}, "options [unknown-99 0xabcd]"},
		{[]byte{2, 5, 5, 0xb4, 0, 0, 0, 0}, "options [mss 1460[len 5],eol]"},
		{[]byte{2, 4, 5, 0xb4, 3, 9, 0, 0}, "options [mss 1460,[bad opt]]"},
	} {
		got := render(d, mk(tc.opts, thSYN))
		if !strings.Contains(got, tc.want) {
			t.Errorf("options % x:\n got %s\nwant …%s", tc.opts, got, tc.want)
		}
	}
	// A data offset below 5.
	pkt := mk(nil, thSYN)
	pkt[72+20+12] = 4 << 4
	if got := render(d, pkt); got != "10.0.0.1.40000 > 10.0.0.2.22:  tcp 4 [bad hdr length 16 - too short, < 20]" {
		t.Errorf("short hlen: %s", got)
	}
	// Ports captured but not the header.
	if got := renderCut(d, pkt[:72+20+6], len(pkt)); got != "10.0.0.1.40000 > 10.0.0.2.22:  [|tcp]" {
		t.Errorf("cut header: %s", got)
	}
	if got := renderCut(d, pkt[:72+20+2], len(pkt)); got != "10.0.0.1 > 10.0.0.2: [|tcp]" {
		t.Errorf("cut ports: %s", got)
	}
}

func TestIPv4Checks(t *testing.T) {
	d := New(Options{})
	base := append(pflog64(2), ipv4("10.0.0.1", "10.0.0.2", 253, make([]byte, 20))...)
	if got := render(d, base); got != "10.0.0.1 > 10.0.0.2:  ip-proto-253 20" {
		t.Errorf("unknown proto: %s", got)
	}
	frag := append([]byte(nil), base...)
	binary.BigEndian.PutUint16(frag[72+6:], 0x2000|185)
	frag[72+9] = 17
	if got := render(d, frag); got != "10.0.0.1 > 10.0.0.2: ip-proto-17" {
		t.Errorf("later fragment: %s", got)
	}
	hl := append([]byte(nil), base...)
	hl[72] = 0x44
	if got := render(d, hl); got != " [header length 16 < 20] (invalid)" {
		t.Errorf("hlen: %q", got)
	}
	icmp6 := append([]byte(nil), base...)
	icmp6[72+9] = 58
	if got := render(d, icmp6); got != "10.0.0.1 > 10.0.0.2: [ICMPv6 requires IPv6] (invalid)" {
		t.Errorf("icmp6 in v4: %s", got)
	}
}

func TestPflogHeaderText(t *testing.T) {
	d := New(Options{})
	h := make([]byte, 72)
	h[0], h[1], h[2], h[3] = 69, 2, 12, 15
	copy(h[4:], []byte{'e', 1, 0x1b, '[', 0x7f, 0x80, 0xff, ' ', '\\', 'x'})
	copy(h[20:], "a/b")
	binary.BigEndian.PutUint32(h[36:], 3)
	binary.BigEndian.PutUint32(h[40:], 1)
	binary.NativeEndian.PutUint32(h[44:], 0)
	h[60] = 0
	binary.BigEndian.PutUint32(h[64:], 7)
	pkt := append(h, ipv4("10.0.0.1", "10.0.0.2", 253, nil)...)
	got := string(d.AppendRecord(nil, pkt, len(pkt)))
	want := "rule 3.a/b.1/15(map-failed) [uid 0] [ridentifier 7]: match in/out on e^A^[[^?M-^@M-^? \\x: 10.0.0.1 > 10.0.0.2:  ip-proto-253 0\n"
	if got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	short := pflog64(2)[:64]
	short[0] = 61
	if got := string(d.AppendRecord(nil, short, 64)); got != " [|pflog]\n" {
		t.Errorf("64-byte record: %q", got)
	}
	short[0] = 60
	if got := string(d.AppendRecord(nil, short, 64)); got != "[pflog: invalid header length!]\n" {
		t.Errorf("length 60: %q", got)
	}
	if got := string(d.AppendRecord(nil, short[:10], 5)); got != "[Invalid header: len(5) < caplen(10)]\n" {
		t.Errorf("len < caplen: %q", got)
	}
}

func TestSummary(t *testing.T) {
	d := New(Options{})
	pkt := append(pflog64(2), ipv4("10.0.0.1", "10.0.0.2", 6, tcpSeg(40000, 22, 1, 0, thSYN, nil, ""))...)
	d.AppendRecord(nil, pkt, len(pkt))
	s := d.Summary()
	if !s.HasPflog || s.Pflog.Action != 1 || s.Src.String() != "10.0.0.1" || s.Dst.String() != "10.0.0.2" ||
		s.Proto != 6 || s.SPort != 40000 || s.DPort != 22 || !s.HasTCPFlags || s.TCPFlags != thSYN || s.Length != 40 {
		t.Errorf("summary %+v", *s)
	}
	// An IPIP packet is summarised by its outer header.
	inner := ipv4("192.168.1.1", "192.168.1.2", 17, udpDgram(1, 2, nil))
	pkt = append(pflog64(2), ipv4("10.0.0.1", "10.0.0.2", 4, inner)...)
	d.AppendRecord(nil, pkt, len(pkt))
	if s.Src.String() != "10.0.0.1" || s.Proto != 4 || s.SPort != -1 || s.HasTCPFlags {
		t.Errorf("ipip summary %+v", *s)
	}
}
