package pcapgen

import (
	"bytes"
	"testing"
)

// TestTailMix checks the long-tail mix: deterministic; every kind comes
// up; oracle mode writes no pfsync of FreeBSD's version (5), which the
// awk script cannot correct, and otherwise mode does; jumbograms claim
// more than 65,535 bytes on the wire.
func TestTailMix(t *testing.T) {
	cfg := Config{Seed: 9, Mix: MixTail, Oracle: OracleFixable}
	a, b := collect(cfg, 600), collect(cfg, 600)
	kinds := map[string]int{}
	for i, r := range a {
		if !bytes.Equal(r.Data, b[i].Data) || r.WireLen != b[i].WireLen {
			t.Fatalf("record %d differs between two runs", i)
		}
		ip := r.Data[72:]
		switch {
		case ip[0]>>4 == 4 && ip[9] == protoPFSYNC:
			kinds["pfsync"]++
			if len(ip) > 20 && ip[20] == 5 {
				t.Errorf("record %d: pfsync version 5 in oracle mode", i)
			}
		case ip[0]>>4 == 4 && ip[9] == protoVRRP || ip[0]>>4 == 6 && ip[6] == protoVRRP:
			kinds["vrrp"]++
		case ip[0]>>4 == 4 && ip[9] == protoGRE || ip[0]>>4 == 6 && ip[6] == protoGRE:
			kinds["gre"]++
		case ip[0]>>4 == 6 && ip[6] == protoHBH:
			kinds["hbh"]++
			if r.WireLen-72 > 65535 {
				kinds["jumbo"]++
			}
		case ip[0]>>4 == 6 && ip[6] == protoRT6:
			kinds["srh"]++
		case ip[0]>>4 == 4 && ip[9] == protoUDP:
			kinds["rx"]++
		}
	}
	for _, k := range []string{"pfsync", "vrrp", "gre", "hbh", "jumbo", "srh", "rx"} {
		if kinds[k] == 0 {
			t.Errorf("no %s record in 600", k)
		}
	}
	v5 := 0
	for _, r := range collect(Config{Seed: 9, Mix: MixTail}, 600) {
		if ip := r.Data[72:]; ip[0]>>4 == 4 && ip[9] == protoPFSYNC && len(ip) > 20 && ip[20] == 5 {
			v5++
		}
	}
	if v5 == 0 {
		t.Error("no pfsync version 5 outside oracle mode")
	}
}
