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

// appendICMPEchoSlow is the echo line appended a piece at a time.
func appendICMPEchoSlow(b []byte, data []byte, length int) []byte {
	if data[0] == 8 {
		b = append(b, "ICMP echo request, id "...)
	} else {
		b = append(b, "ICMP echo reply, id "...)
	}
	b = appendUint(b, uint64(be16(data[4:])))
	b = append(b, ", seq "...)
	b = appendUint(b, uint64(be16(data[6:])))
	b = append(b, ", length "...)
	return appendUint(b, uint64(uint32(length)))
}

func TestICMPEchoMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	edge := []uint16{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 65535}
	for n := 0; n < 100000; n++ {
		data := make([]byte, 8+r.Intn(4))
		r.Read(data)
		data[0] = byte(8 * r.Intn(2))
		if n%2 == 0 {
			binary.BigEndian.PutUint16(data[4:], edge[r.Intn(len(edge))])
			binary.BigEndian.PutUint16(data[6:], edge[r.Intn(len(edge))])
		}
		length := r.Intn(70000)
		switch n % 5 {
		case 0:
			length = -r.Intn(10)
		case 1:
			length = int(r.Uint32())
		}
		prefix := make([]byte, r.Intn(4), r.Intn(200)+4)
		got := appendICMPEcho(prefix, data, length)
		want := appendICMPEchoSlow(prefix, data, length)
		if !bytes.Equal(got, want) {
			t.Fatalf("% x length %d:\n got %q\nwant %q", data, length, got, want)
		}
	}
}

// TestSNMPParseMatchesWalk checks parse's fast way against parseWalk
// alone on random elements, biased to the tags and lengths it takes.
func TestSNMPParseMatchesWalk(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	tags := []byte{0x30, 0x04, 0x05, 0x06, 0x02, 0xa0, 0xa1, 0xa5, 0xa8, 0xa9, 0x80, 0x41, 0x1f, 0x3f, 0x00}
	for k := 0; k < 300000; k++ {
		data := make([]byte, r.Intn(12))
		r.Read(data)
		off := r.Intn(len(data) + 2)
		if off >= 0 && off < len(data) && r.Intn(4) != 0 {
			data[off] = tags[r.Intn(len(tags))]
			if off+1 < len(data) && r.Intn(3) != 0 {
				data[off+1] = byte(r.Intn(12))
			}
		}
		n := uint32(r.Intn(14))
		if r.Intn(10) == 0 {
			n = r.Uint32()
		}
		var e1, e2 snmpElem
		p1 := snmpPrinter{b: []byte("x"), data: data}
		p2 := snmpPrinter{b: []byte("x"), data: data}
		c1, ok1 := p1.parse(off, n, &e1)
		c2, ok2 := p2.parseWalk(off, n, &e2)
		if c1 != c2 || ok1 != ok2 || !bytes.Equal(p1.b, p2.b) || p1.stop != p2.stop ||
			(ok1 && e1 != e2) {
			t.Fatalf("% x off %d n %d: parse %d %v %q %+v, parseWalk %d %v %q %+v",
				data, off, n, c1, ok1, p1.b, e1, c2, ok2, p2.b, e2)
		}
	}
}
