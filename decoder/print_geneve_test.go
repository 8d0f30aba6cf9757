package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 run on generated packets (IPv4 10.0.0.1 > 10.0.0.2); the inner frames go through printEther.
var geneveCases = []isakmpUDPCase{
	{40000, 6081, 50, false, "0a000001", "0a000002", "0000655800000a00ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002", "Geneve, Flags [none], vni 0xa, proto TEB (0x6558): 00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
	{40000, 6081, 36, false, "0a000001", "0a000002", "0000080000000a004500001c00010000401100000a0000010a0000021234abcd00080000", "Geneve, Flags [none], vni 0xa, proto IPv4 (0x0800): 10.0.0.1.4660 > 10.0.0.2.43981: UDP, length 0"},
	{40000, 6081, 58, false, "0a000001", "0a000002", "02c0655800000a0701020304aabbccddffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002", "Geneve, Flags [OC], vni 0xa, rsvd 0x7, proto TEB (0x6558), options [8 bytes]: 00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
	{40000, 6081, 50, false, "0a000001", "0a000002", "4000655800000a00ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002", "Geneve ERROR: unknown-version 1"},
	{40000, 6081, 18, false, "0a000001", "0a000002", "1f00655800000a00ffffffffffff00112233", "Geneve, Flags [none], vni 0xa, proto TEB (0x6558) truncated-geneve - 114 bytes missing"},
	{40000, 6081, 7, false, "0a000001", "0a000002", "0000655800000a", "Geneve [length 7 < 8] (invalid)"},
	{40000, 6081, 50, false, "0a000001", "0a000002", "0000655800", "Geneve [|geneve]"},
	{40000, 6081, 8, false, "0a000001", "0a000002", "0000655800000a00", "Geneve, Flags [none], vni 0xa, proto TEB (0x6558):  [|ether]"},
	{40000, 6081, 36, false, "0a000001", "0a000002", "0000080600000a0000010800060400010011223344550a0000010000000000000a000002", "Geneve, Flags [none], vni 0xa, proto ARP (0x0806): Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
}

func TestGeneve(t *testing.T) {
	var d Decoder
	for i := range geneveCases {
		tc := &geneveCases[i]
		p, ip := tc.decode(t)
		_ = ip
		got := d.printGeneve(nil, p, tc.length)
		if string(got) != tc.want {
			t.Errorf("case %d (%d > %d %s):\n got %q\nwant %q", i, tc.sport, tc.dport, tc.payload, got, tc.want)
		}
	}
}
