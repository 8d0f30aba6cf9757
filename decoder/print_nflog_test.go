package decoder

import (
	"encoding/hex"
	"strings"
	"testing"
)

// Expected lines printed by Debian's tcpdump 4.99.3 (-n -e -t) for an
// NFLOG capture made with scapy (little-endian TLV headers).
func TestNFLOG(t *testing.T) {
	pkts := strings.Split("02000007080001000800010008000a00706678002c0009004500002800010000400666cd0a0000010a0000029c400016000003e80000000050022000dba10000;0a000007080001000800010008000a00706678003600090060000000000a114020010db800000000000000000000000120010db800000000000000000000000204d2270f000a172261620000;02000007080001000800010008000a0070667800200009004500001c00010000400166de0a0000010a0000020800f7f400050006", ";")
	want := []string{
		"version 0, resource ID 7, family IPv4 (2), length 64: 10.0.0.1.40000 > 10.0.0.2.22: Flags [S], seq 1000, win 8192, length 0",
		"version 0, resource ID 7, family IPv6 (10), length 76: 2001:db8::1.1234 > 2001:db8::2.9999: UDP, length 2",
		"version 0, resource ID 7, family IPv4 (2), length 52: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 5, seq 6, length 8",
	}
	d := New(Options{LinkType: LinkTypeNFLOG})
	for i, h := range pkts {
		p, err := hex.DecodeString(h)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(d.AppendPacket(nil, p, len(p))); got != want[i] {
			t.Errorf("packet %d:\n got %s\nwant %s", i, got, want[i])
		}
		// Every shorter capture decodes without panicking.
		for n := 1; n < len(p); n++ {
			d.AppendRecord(nil, p[:n], len(p))
		}
	}
	if got := string(d.AppendPacket(nil, []byte{2, 0}, 2)); got != " [|nflog]" {
		t.Errorf("short: %q", got)
	}
}
