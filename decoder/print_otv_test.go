package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 run on generated packets (IPv4 10.0.0.1 > 10.0.0.2); the inner frames go through printEther.
var otvCases = []isakmpUDPCase{
	{40000, 8472, 50, false, "0a000001", "0a000002", "0800000000000100ffffffffffff00112233445508004500001c00010000401100000a0000010a0000021234abcd00080000", "OTV, flags [I] (0x08), overlay 0, instance 1\n00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype IPv4 (0x0800), length 42: 10.0.0.1.4660 > 10.0.0.2.43981: UDP, length 0"},
	{40000, 8472, 50, false, "0a000001", "0a000002", "0800000000000100ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002", "OTV, flags [I] (0x08), overlay 0, instance 1\n00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
	{40000, 8472, 50, false, "0a000001", "0a000002", "00ffffffabcdef77ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002", "OTV, flags [.] (0x00), overlay 16777215, instance 11259375\n00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
	{8472, 40000, 50, false, "0a000001", "0a000002", "0800000000000100ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002", "OTV, flags [I] (0x08), overlay 0, instance 1\n00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
	{40000, 8472, 8, false, "0a000001", "0a000002", "0800000000000100", "OTV, flags [I] (0x08), overlay 0, instance 1\n [|ether]"},
	{40000, 8472, 7, false, "0a000001", "0a000002", "08000000000001", "OTV, [length 7 < 8] (invalid)"},
	{40000, 8472, 1, false, "0a000001", "0a000002", "08", "OTV, [length 1 < 8] (invalid)"},
	{40000, 8472, 0, false, "0a000001", "0a000002", "", "OTV, [length 0 < 8] (invalid)"},
	{40000, 8472, 50, false, "0a000001", "0a000002", "0800000000000100ffff", "OTV, flags [I] (0x08), overlay 0, instance 1\n [|ether]"},
	{40000, 8472, 50, false, "0a000001", "0a000002", "08000000000001", "OTV, flags [I] (0x08), overlay 0, instance 1\n [|otv]"},
	{40000, 8472, 50, false, "0a000001", "0a000002", "080000", "OTV, flags [I] (0x08),  [|otv]"},
	{40000, 8472, 12, false, "0a000001", "0a000002", "0800000000000100ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002", "OTV, flags [I] (0x08), overlay 0, instance 1\n[length 4 < caplen 42] (invalid)"},
}

func TestOTV(t *testing.T) {
	var d Decoder
	for i := range otvCases {
		tc := &otvCases[i]
		p, ip := tc.decode(t)
		_ = ip
		got := d.printOTV(nil, p, tc.length)
		if string(got) != tc.want {
			t.Errorf("case %d (%d > %d %s):\n got %q\nwant %q", i, tc.sport, tc.dport, tc.payload, got, tc.want)
		}
	}
}
