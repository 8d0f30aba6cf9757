package pcapgen

import (
	"bytes"
	"net/netip"
	"reflect"
	"testing"
)

func TestAttackDeterministic(t *testing.T) {
	cfg := AttackConfig{Seed: 3, Flavor: FlavorOpenBSD, Background: 500, Rounds: 2}
	a, b := Attack(cfg), Attack(cfg)
	if len(a.Records) != len(b.Records) {
		t.Fatalf("%d and %d records", len(a.Records), len(b.Records))
	}
	for i := range a.Records {
		if !bytes.Equal(a.Records[i].Data, b.Records[i].Data) || a.Records[i].Sec != b.Records[i].Sec ||
			a.Records[i].Usec != b.Records[i].Usec {
			t.Fatalf("record %d differs between two runs with the same seed", i)
		}
	}
	if !reflect.DeepEqual(a.Truth, b.Truth) || !reflect.DeepEqual(a.Victims, b.Victims) {
		t.Fatal("truth differs between two runs with the same seed")
	}
}

// TestAttackTruth checks the generator's account against the bytes it
// wrote: the pflog header's action and direction, the source address, and
// that no victim is ever a printed source.
func TestAttackTruth(t *testing.T) {
	for _, fl := range []Flavor{FlavorFreeBSD, FlavorOpenBSD, FlavorOther} {
		c := Attack(AttackConfig{Seed: 9, Flavor: fl, Background: 2000, Rounds: 3})
		if len(c.Records) != 2000+3*len(attackKinds) || len(c.Truth) != len(c.Records) {
			t.Fatalf("%v: %d records, %d truths", fl, len(c.Records), len(c.Truth))
		}
		victims := map[netip.Addr]bool{}
		for _, v := range c.Victims {
			victims[v] = true
		}
		kinds := map[Kind]int{}
		attacks, blockIn := 0, 0
		for i, tr := range c.Truth {
			d := c.Records[i].Data
			if tr.Action != d[2] || tr.Dir != d[60] {
				t.Fatalf("%v record %d: truth says action %d dir %d, header %d %d", fl, i, tr.Action, tr.Dir, d[2], d[60])
			}
			if tr.Printed && victims[tr.Src.Unmap()] {
				t.Fatalf("%v record %d: victim %v is a source", fl, i, tr.Src)
			}
			if tr.Attack != "" {
				attacks++
				if len(tr.Victims) == 0 {
					t.Fatalf("%v record %d: attack %s names no victim", fl, i, tr.Attack)
				}
			}
			if tr.Printed && tr.BlockIn() {
				blockIn++
				kinds[tr.Kind]++
			}
		}
		if attacks != 3*len(attackKinds) {
			t.Errorf("%v: %d attack records, want %d", fl, attacks, 3*len(attackKinds))
		}
		for _, k := range []Kind{KindTCPSyn, KindTCPOther, KindUDP, KindICMP, KindFragment, KindOther} {
			if kinds[k] == 0 {
				t.Errorf("%v: no block-in packet of kind %v among %d", fl, k, blockIn)
			}
		}
	}
}

func TestClassifyIP(t *testing.T) {
	var p builder
	src, dst := addr{a: [16]byte{198, 51, 100, 1}}, addr{a: [16]byte{192, 0, 2, 9}}
	p.ipv4(src, dst, 64, 0, 1, true, nil)
	p.proto(protoTCP)
	p.b = appendTCP(p.b, 40000, 22, 1, 0, fSYN, 1024, 0, nil, nil)
	p.finish()
	tr := ClassifyIP(p.b, len(p.b), false)
	if !tr.Printed || tr.Kind != KindTCPSyn || tr.Src != netip.MustParseAddr("198.51.100.1") {
		t.Errorf("IPv4 SYN: %+v", tr)
	}
	if tr := ClassifyIP(p.b[:19], len(p.b), false); tr.Printed {
		t.Errorf("IPv4 cut at 19 bytes: printed")
	}
	p.b[33] = fSYN | fACK
	if tr := ClassifyIP(p.b, len(p.b), false); tr.Kind != KindTCPOther {
		t.Errorf("IPv4 SYN-ACK: %v", tr.Kind)
	}

	s6, d6 := addrBytes(netip.MustParseAddr("2001:db8::1")), addrBytes(netip.MustParseAddr("2001:db8::2"))
	p.ipv6(s6, d6, 64, 0, 0)
	p.ext(protoFrag6, []byte{0, 0x05, 0x00, 0, 0, 0, 1}) // offset 1280
	p.proto(protoUDP)
	p.b = appendUDP(p.b, 1, 2, []byte("x"))
	p.finish()
	if tr := ClassifyIP(p.b, len(p.b), true); !tr.Printed || tr.Kind != KindFragment {
		t.Errorf("IPv6 later fragment: %+v", tr)
	}
	p.ipv6(s6, d6, 64, 0, 0)
	p.ext(protoDstOpt, []byte{0, 1, 4, 0, 0, 0, 0})
	p.ext(protoHBH, []byte{0, 1, 4, 0, 0, 0, 0}) // HBH not first: invalid
	p.proto(protoUDP)
	p.b = appendUDP(p.b, 1, 2, []byte("x"))
	p.finish()
	if tr := ClassifyIP(p.b, len(p.b), true); !tr.Printed || tr.Kind != KindOther {
		t.Errorf("IPv6 HBH after DSTOPT: %+v", tr)
	}
}
