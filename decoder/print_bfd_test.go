package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 run on generated packets (IPv4 10.0.0.1 > 10.0.0.2 or IPv6 2001:db8::1 > 2001:db8::2, rev = swapped).
var bfdCases = []isakmpUDPCase{
	{40000, 3784, 24, false, "0a000001", "0a000002", "204005180000000100000000000f4240000f424000000000", "BFDv1, Control, State Down, Flags: [none], length: 24"},
	{40000, 4784, 24, false, "0a000001", "0a000002", "204005180000000100000000000f4240000f424000000000", "BFDv1, Multihop, State Down, Flags: [none], length: 24"},
	{40000, 6784, 24, false, "0a000001", "0a000002", "204005180000000100000000000f4240000f424000000000", "BFDv1, Lag, State Down, Flags: [none], length: 24"},
	{40000, 3785, 24, false, "0a000001", "0a000002", "204005180000000100000000000f4240000f424000000000", "BFD, Echo, length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "20ff05180000000100000000000f4240000f424000000000", "BFDv1, Control, State Up, Flags: [Poll, Final, Control Plane Independent, Authentication Present, Demand, Multipoint], length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "20c005180000000100000000000f4240000f424000000000", "BFDv1, Control, State Up, Flags: [none], length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "208005180000000100000000000f4240000f424000000000", "BFDv1, Control, State Init, Flags: [none], length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "00ff05180000000100000000000f4240000f424000000000", "BFDv0, Control, Flags: [I Hear You, Demand, Poll, Final, Control Plane Independent, Authentication Present, Reserved, Reserved], length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "000005180000000100000000000f4240000f424000000000", "BFDv0, Control, Flags: [none], length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "40ff05180000000100000000000f4240000f424000000000", "BFDv2, Control, length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "e0ff05180000000100000000000f4240000f424000000000", "BFDv7, Control, length: 24"},
	{40000, 3784, 24, false, "0a000001", "0a000002", "204005180000000100000000000f4240000f4240000000", " [|bfd]"},
	{40000, 3784, 23, false, "0a000001", "0a000002", "204005180000000100000000000f4240000f4240000000", " [|bfd]"},
	{40000, 3785, 0, false, "0a000001", "0a000002", "", "BFD, Echo, length: 0"},
	{40000, 3784, 12, false, "0a000001", "0a000002", "204005180000000100000000000f4240000f4240000000000102", "BFDv1, Control, State Down, Flags: [none], length: 12"},
}

func TestBFD(t *testing.T) {
	for i := range bfdCases {
		tc := &bfdCases[i]
		p, ip := tc.decode(t)
		_ = ip
		got := printBFD(nil, p, tc.length, tc.dport)
		if string(got) != tc.want {
			t.Errorf("case %d (%d > %d %s):\n got %q\nwant %q", i, tc.sport, tc.dport, tc.payload, got, tc.want)
		}
	}
}
