package decoder

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"testing"
)

// udpRuleScan is udpApp's rule choice as a scan of the whole table from
// the top: the first rule whose ports match and whose claims accepts.
func udpRuleScan(data []byte, sport, dport uint16) int {
	for i := range udpRules {
		r := &udpRules[i]
		if r.matches(sport, dport) && (r.claims == nil || r.claims(data, sport, dport)) {
			return i
		}
	}
	return -1
}

// udpTestPorts is every port a UDP rule names, its neighbours, and some
// others.
func udpTestPorts(r *rand.Rand) []uint16 {
	var ps []uint16
	for i := range udpRules {
		for _, p := range []uint16{udpRules[i].lo, udpRules[i].hi} {
			ps = append(ps, p-1, p, p+1)
		}
	}
	ps = append(ps, 0, 1, 65535, 2049, 40000)
	for i := 0; i < 40; i++ {
		ps = append(ps, uint16(r.Intn(65536)))
	}
	return ps
}

// TestUDPRuleMatchesScan checks the side tables' choice (udpRule, and so
// udpApp's) against the scan from the top, for every pair of test ports,
// with payloads the AppleTalk rules' claims accept and refuse.
func TestUDPRuleMatchesScan(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	ps := udpTestPorts(r)
	payloads := [][]byte{nil, {0, 0}, {0, 0, 2, 0}, {0, 0, 1, 0}, {0xff, 0xff, 2}}
	for _, s := range ps {
		for _, d := range ps {
			for _, p := range payloads {
				if got, want := udpRule(p, s, d), udpRuleScan(p, s, d); got != want {
					t.Fatalf("ports %d > %d payload %x: rule %d, the scan says %d", s, d, p, got, want)
				}
			}
		}
	}
}

// TestUDPAppMatchesRulePrinter checks udpApp's direct calls (udpHot)
// against the printer of the rule the scan picks, on random payloads.
func TestUDPAppMatchesRulePrinter(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	d := New(Options{})
	ps := udpTestPorts(r)
	seen := map[uint8]bool{}
	var ip ipInfo
	for n := 0; n < 200000; n++ {
		s, dp := ps[r.Intn(len(ps))], ps[r.Intn(len(ps))]
		if n%3 == 0 {
			s = uint16(40000 + r.Intn(100))
		}
		p := make([]byte, r.Intn(120))
		r.Read(p)
		if len(p) > 2 && r.Intn(4) == 0 {
			p[2] = 2
		}
		length := len(p)
		if r.Intn(8) == 0 {
			length += r.Intn(50)
		}
		got, ok := d.udpApp([]byte("x "), p, length, &ip, s, dp)
		i := udpRuleScan(p, s, dp)
		if !ok {
			if i >= 0 {
				t.Fatalf("ports %d > %d: udpApp claims nothing, rule %d matches", s, dp, i)
			}
			continue
		}
		if i < 0 {
			t.Fatalf("ports %d > %d: udpApp printed %q, no rule matches", s, dp, got)
		}
		seen[udpHot[i]] = true
		want := udpRules[i].print(d, []byte("x "), p, length, &ip, s, dp)
		if !bytes.Equal(got, want) {
			t.Fatalf("ports %d > %d payload %x length %d:\n got %q\nwant %q", s, dp, p, length, got, want)
		}
	}
	for k := uint8(udpCold); k <= udpHotRIP; k++ {
		if !seen[k] {
			t.Errorf("no packet took udpHot kind %d", k)
		}
	}
}

// appendEchoSlow is the echo line appended a piece at a time.
func appendEchoSlow(b []byte, data []byte, length int, v6 bool) []byte {
	switch {
	case !v6 && data[0] == 8:
		b = append(b, "ICMP echo request, id "...)
	case !v6:
		b = append(b, "ICMP echo reply, id "...)
	case data[0] == 128:
		b = append(b, "ICMP6, echo request, id "...)
	default:
		b = append(b, "ICMP6, echo reply, id "...)
	}
	b = appendUint(b, uint64(be16(data[4:])))
	b = append(b, ", seq "...)
	b = appendUint(b, uint64(be16(data[6:])))
	b = append(b, ", length "...)
	return appendUint(b, uint64(uint32(length)))
}

// TestEchoMatchesSlow sends echo requests and replies, ICMP and ICMPv6,
// through printICMP and printICMP6 and compares them with appendEchoSlow.
func TestEchoMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	edge := []uint16{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 65535}
	v4, v6 := &ipInfo{}, &ipInfo{v6: true}
	for n := 0; n < 100000; n++ {
		data := make([]byte, 8+r.Intn(4))
		r.Read(data)
		six := n&1 != 0
		if six {
			data[0] = byte(128 + r.Intn(2))
		} else {
			data[0] = byte(8 * r.Intn(2))
		}
		if n%4 < 2 {
			binary.BigEndian.PutUint16(data[4:], edge[r.Intn(len(edge))])
			binary.BigEndian.PutUint16(data[6:], edge[r.Intn(len(edge))])
		}
		length := 1 + r.Intn(70000)
		if n%5 == 1 {
			length = int(r.Uint32()>>1) + 1
		}
		prefix := make([]byte, r.Intn(4), r.Intn(200)+4)
		var got []byte
		if six {
			got = printICMP6(prefix, data, length, v6)
		} else {
			got = printICMP(prefix, data, length, v4)
		}
		want := appendEchoSlow(prefix, data, length, six)
		if !bytes.Equal(got, want) {
			t.Fatalf("% x length %d:\n got %q\nwant %q", data, length, got, want)
		}
	}
}

// TestEscHalfMatchesEscRun checks appendEscHalf against appendEscRun on
// halves of printable bytes, of bytes at the edges of the range, and of
// any bytes.
func TestEscHalfMatchesEscRun(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	edge := []byte{0x00, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0xff, 'a', 'Z'}
	for n := 0; n < 200000; n++ {
		var h [8]byte
		for i := range h {
			switch n % 3 {
			case 0:
				h[i] = byte(0x20 + r.Intn(0x5f))
			case 1:
				h[i] = edge[r.Intn(len(edge))]
			default:
				h[i] = byte(r.Intn(256))
			}
		}
		if n%3 == 0 && r.Intn(2) == 0 {
			h[r.Intn(8)] = edge[r.Intn(len(edge))]
		}
		end := byte(" \n"[n&1])
		prefix := make([]byte, r.Intn(5), r.Intn(20)+5)
		got := appendEscHalf(prefix, &h, end)
		want := append(appendEscRun(prefix, h[:]), end)
		if !bytes.Equal(got, want) {
			t.Fatalf("% x: %q, want %q", h, got, want)
		}
	}
}

// txtHasSlow is the comparison of a token with every name of its length.
func txtHasSlow(c *txtCmdSet, tok []byte) bool {
	if len(tok) >= len(c.byLen) {
		return false
	}
	for _, cmd := range c.byLen[len(tok)] {
		if txtTokenIs(tok, cmd) {
			return true
		}
	}
	return false
}

// TestTxtCmdSetHasMatchesSlow checks the word comparison of txtCmdSet.has
// against txtTokenIs: the names in mixed case, the names with a byte
// changed to a neighbour of the capitals' range (or with its high bit
// set), random tokens, all with spare capacity or none after them.
func TestTxtCmdSetHasMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	sets := []*txtCmdSet{httpCmds, rtspCmds, sipCmds}
	edge := []byte{'@', 'A', 'Z', '[', '`', 'a', 'z', '{', 0xc1, 0xda, 0xe1, 0x01, '-', ' '}
	var names []string
	for _, c := range sets {
		for _, l := range c.byLen {
			names = append(names, l...)
		}
	}
	matched := 0
	for n := 0; n < 300000; n++ {
		var tok []byte
		switch n % 3 {
		case 0, 1:
			tok = []byte(names[r.Intn(len(names))])
			for i := range tok {
				if r.Intn(2) == 0 && tok[i] >= 'A' && tok[i] <= 'Z' {
					tok[i] += 'a' - 'A'
				}
			}
			if n%3 == 1 {
				tok[r.Intn(len(tok))] = edge[r.Intn(len(edge))]
			}
		default:
			tok = make([]byte, 1+r.Intn(10))
			for i := range tok {
				tok[i] = edge[r.Intn(len(edge))]
			}
		}
		// The token at the end of its array, or followed by garbage.
		buf := make([]byte, len(tok)+r.Intn(3)*r.Intn(9))
		r.Read(buf)
		copy(buf, tok)
		tok = buf[:len(tok)]
		for _, c := range sets {
			got, want := c.has(tok), txtHasSlow(c, tok)
			if got != want {
				t.Fatalf("%q (cap %d): has %v, txtTokenIs %v", tok, cap(tok), got, want)
			}
			if got {
				matched++
			}
		}
	}
	if matched == 0 {
		t.Fatal("no token matched a name")
	}
}
