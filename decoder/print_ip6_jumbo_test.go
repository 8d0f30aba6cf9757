package decoder

import (
	"encoding/binary"
	"testing"
)

// IPv6 jumbograms as in tcpdump's tests ipv6_jumbogram_1 and
// ipv6_jumbogram_invalid_length (4.99.5 texts, at default verbosity): a
// payload length of 0, a Hop-by-Hop header with a Jumbo Payload option,
// an ICMPv6 echo request; only the first bytes captured.
func TestIPv6Jumbogram(t *testing.T) {
	jumbo := func(jlen uint32, opt byte) []byte {
		hbh := []byte{58, 0, opt, 4, 0, 0, 0, 0}
		binary.BigEndian.PutUint32(hbh[4:], jlen)
		icmp := []byte{128, 0, 0, 0, 0x11, 0xe0, 0xc9, 0x1e, 1, 2, 3, 4}
		p := ipv6Pkt("2200::244:212:3fff:feae:22f7", "2200::240:2:0:0:4", 0, append(hbh, icmp...))
		binary.BigEndian.PutUint16(p[4:], 0)
		return append(pflog64(28), p...)
	}
	const addrs = "2200::244:212:3fff:feae:22f7 > 2200::240:2:0:0:4: "
	for _, c := range []struct {
		pkt  []byte
		wire int // the IPv6 packet's length on the wire
		want string
	}{
		{jumbo(65536, 0xc2), 65576, "HBH ICMP6, echo request, id 4576, seq 51486, length 65528"},
		{jumbo(65537, 0xc2), 65576, "HBH [header+payload length 65577 > length 65576] (invalid) ICMP6, echo request, id 4576, seq 51486, length 65529"},
		{jumbo(65535, 0xc2), 65575, "HBH [No valid Jumbo Payload Hop-by-Hop option found] (invalid)"},
		{jumbo(65536, 0x1e), 65576, "HBH [No valid Jumbo Payload Hop-by-Hop option found] (invalid)"},
	} {
		if got, want := renderCut(New(Options{}), c.pkt, 72+c.wire), addrs+c.want; got != want {
			t.Errorf("\n got %q\nwant %q", got, want)
		}
	}
}
