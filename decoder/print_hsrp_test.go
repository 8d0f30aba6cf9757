package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 run on generated packets (IPv4 10.0.0.1 > 10.0.0.2 or IPv6 2001:db8::1 > 2001:db8::2, rev = swapped).
var hsrpCases = []isakmpUDPCase{
	{1985, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f0000000a0000fe", "HSRPv0-hello 20: state=active group=1 addr=10.0.0.254"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000110020a640107636973636f0000000a0000fe", "HSRPv0-coup 20: state=active group=1 [reserved=7!] addr=10.0.0.254"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000510050a640100636973636f0000000a0000fe", "HSRPv0-unknown (5) 20: state=active group=1 addr=10.0.0.254"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000210080a640100636973636f0000000a0000fe", "HSRPv0-resign 20: state=active group=1 addr=10.0.0.254"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "010210080a640100636973636f0000000a0000fe", "HSRPv1"},
	{40000, 1985, 1, false, "0a000001", "0a000002", "02", "HSRPv2"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "", " [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "00", "HSRPv0- [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "0000", "HSRPv0-hello 20:  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010", "HSRPv0-hello 20: state=active  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "00001003", "HSRPv0-hello 20: state=active  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a", "HSRPv0-hello 20: state=active  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a64", "HSRPv0-hello 20: state=active  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a6401", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a64010063", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a6401006369", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a64010063697363", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f00", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f0000", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f000000", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f0000000a", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f0000000a00", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f0000000a0000", "HSRPv0-hello 20: state=active group=1  [|hsrp]"},
	{40000, 1985, 20, false, "0a000001", "0a000002", "000010030a640100636973636f0000000a0000fe", "HSRPv0-hello 20: state=active group=1 addr=10.0.0.254"},
}

func TestHSRP(t *testing.T) {
	for i := range hsrpCases {
		tc := &hsrpCases[i]
		p, ip := tc.decode(t)
		_ = ip
		got := printHSRP(nil, p, tc.length)
		if string(got) != tc.want {
			t.Errorf("case %d (%d > %d %s):\n got %q\nwant %q", i, tc.sport, tc.dport, tc.payload, got, tc.want)
		}
	}
}
