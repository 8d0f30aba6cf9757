package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 run on generated packets (IPv4 10.0.0.1 > 10.0.0.2 or IPv6 2001:db8::1 > 2001:db8::2, rev = swapped).
var bcmliCases = []isakmpUDPCase{
	{49152, 9999, 4, false, "0a000001", "0a000002", "00000000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 1900, 14, false, "0a000001", "0a000002", "4cb55345aaaaaaaaaaaaaaaaaaaa", "BCM-LI-SHIM: direction egress, pkt-type ipv6, pkt-subtype double VLAN tag, li-id 3494725"},
	{49152, 9999, 0, false, "0a000001", "0a000002", "", " (length 0 < 4) (invalid)"},
	{49152, 9999, 3, false, "0a000001", "0a000002", "010203", " (length 3 < 4) (invalid)"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "010203", " [|bcm_li]"},
	{49152, 9999, 5, false, "0a000001", "0a000002", "01020304", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 131844 [|bcm_li]"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "0102030405", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 131844"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "20000000", "BCM-LI-SHIM: direction unused, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "40000000", "BCM-LI-SHIM: direction egress, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "60000000", "BCM-LI-SHIM: direction ingress, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "80000000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "e0000000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "08000000", "BCM-LI-SHIM: direction unknown, pkt-type undecided, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "0a000000", "BCM-LI-SHIM: direction unknown, pkt-type ipv4, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "0c000000", "BCM-LI-SHIM: direction unknown, pkt-type ipv6, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "0e000000", "BCM-LI-SHIM: direction unknown, pkt-type ethernet, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "10000000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "00400000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype single VLAN tag, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "00800000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype double VLAN tag, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "00c00000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype untagged, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "01000000", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 0"},
	{49152, 9999, 4, false, "0a000001", "0a000002", "003fffff", "BCM-LI-SHIM: direction unknown, pkt-type unknown, pkt-subtype unknown, li-id 4194303"},
}

func TestBCMLI(t *testing.T) {
	for i := range bcmliCases {
		tc := &bcmliCases[i]
		p, ip := tc.decode(t)
		_ = ip
		got := printBCMLI(nil, p, tc.length)
		if string(got) != tc.want {
			t.Errorf("case %d (%d > %d %s):\n got %q\nwant %q", i, tc.sport, tc.dport, tc.payload, got, tc.want)
		}
	}
}
