package pcapgen

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"testing"
)

func collect(cfg Config, n int) []Record {
	g := New(cfg)
	out := make([]Record, n)
	for i := range out {
		r := g.Next()
		r.Data = append([]byte(nil), r.Data...)
		out[i] = r
	}
	return out
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Seed: 42, Flavor: FlavorOpenBSD, Mix: MixV6, Malformed: 0.1}
	a, b := collect(cfg, 3000), collect(cfg, 3000)
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) || a[i].WireLen != b[i].WireLen || a[i].Sec != b[i].Sec || a[i].Usec != b[i].Usec {
			t.Fatalf("record %d differs between two runs with the same seed", i)
		}
	}
	c := collect(Config{Seed: 43, Flavor: FlavorOpenBSD, Mix: MixV6, Malformed: 0.1}, 10)
	if bytes.Equal(a[0].Data, c[0].Data) && bytes.Equal(a[1].Data, c[1].Data) {
		t.Fatal("seeds 42 and 43 give the same records")
	}
}

func TestRoundTrip(t *testing.T) {
	recs := collect(Config{Seed: 1, Malformed: 0.2, Snaplen: 160}, 500)
	path := filepath.Join(t.TempDir(), "x.pcap")
	if err := WriteFile(path, 160, recs); err != nil {
		t.Fatal(err)
	}
	lt, got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if lt != LinkTypePFLOG || len(got) != len(recs) {
		t.Fatalf("link type %d, %d records; want %d, %d", lt, len(got), LinkTypePFLOG, len(recs))
	}
	for i := range recs {
		if !bytes.Equal(got[i].Data, recs[i].Data) || got[i].WireLen != recs[i].WireLen || len(got[i].Data) > 160 {
			t.Fatalf("record %d differs after a round trip", i)
		}
	}
}

// TestOracleHeaders checks the header values oracle mode promises.
func TestOracleHeaders(t *testing.T) {
	for _, fl := range []Flavor{FlavorFreeBSD, FlavorOpenBSD, FlavorOther} {
		for _, o := range []Oracle{OracleSafe, OracleFixable} {
			for i, r := range collect(Config{Seed: 7, Flavor: fl, Oracle: o, Malformed: 0.3}, 5000) {
				d := r.Data
				if int(d[0]) != fl.hdrLen() || len(d) < (fl.hdrLen()+3)&^3 {
					t.Fatalf("%v/%v record %d: length byte %d, caplen %d", fl, o, i, d[0], len(d))
				}
				action, reason, dir := d[2], d[3], d[60]
				bad := action > 10 || reason > 14 || dir > 2 || binary.LittleEndian.Uint32(d[44:]) != 0xffffffff
				if o == OracleSafe {
					bad = bad || action == 3 || reason == 3 || reason == 4
				}
				if fl == FlavorFreeBSD {
					bad = bad || binary.BigEndian.Uint32(d[64:]) != 0
				}
				if bad {
					t.Fatalf("%v/%v record %d: header %x", fl, o, i, d[:72])
				}
			}
		}
	}
}

func TestPortsOracleSafe(t *testing.T) {
	for _, c := range []struct {
		proto        uint8
		sport, dport uint16
		safe         bool
	}{
		{protoUDP, 40000, 53, true},
		{protoUDP, 161, 123, false},    // SNMP first in 4.99.3, NTP in 4.99.5
		{protoUDP, 514, 520, false},    // RIP vs syslog
		{protoUDP, 40000, 137, false},  // NetBIOS: FreeBSD only
		{protoUDP, 49152, 9999, true},  // BCM-LI in both
		{protoUDP, 49152, 5060, false}, // BCM-LI before SIP only in 4.99.3
		{protoUDP, 40000, 6081, true},
		{protoUDP, 6081, 40000, false}, // Geneve by the source port only before 4.99.4
		{protoUDP, 53, 1900, true},
		{protoUDP, 40000, 88, false}, // Kerberos text changed
		{protoTCP, 21, 23, false},
		{protoTCP, 40000, 80, true},
		{protoTCP, 40000, 445, false},
	} {
		if got := portsOracleSafe(c.proto, c.sport, c.dport, nil); got != c.safe {
			t.Errorf("proto %d %d > %d: safe %v, want %v", c.proto, c.sport, c.dport, got, c.safe)
		}
	}
}

func TestSplitRecords(t *testing.T) {
	text := "rule 0/0(match): block in on em0: a\n" +
		"rule 0/0(match): block in on em0: \n\t0x0000:  0102\n" +
		" [|pflog]\n" +
		"rule 1/0(match): block in on em0: x SMB-over-TCP packet:(raw data or continuation?)\n\n" +
		"[pflog: invalid header length!]\n" +
		"[Invalid header: caplen==0]\n"
	got := SplitRecords([]byte(text))
	want := []string{
		"rule 0/0(match): block in on em0: a\n",
		"rule 0/0(match): block in on em0: \n\t0x0000:  0102\n",
		" [|pflog]\n",
		"rule 1/0(match): block in on em0: x SMB-over-TCP packet:(raw data or continuation?)\n\n",
		"[pflog: invalid header length!]\n",
		"[Invalid header: caplen==0]\n",
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("record %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func BenchmarkNext(b *testing.B) {
	g := New(Config{Seed: 1, Malformed: 0.03})
	n := 0
	for i := 0; i < b.N; i++ {
		n += len(g.Next().Data)
	}
	b.SetBytes(int64(n / b.N))
}
