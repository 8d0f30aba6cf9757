package pcapgen

import "net/netip"

// NonHost returns pflog records of packets pf blocked inbound whose source
// address is no host's own: the unspecified addresses (a DHCP client
// before it has an address, IPv6 duplicate address detection), link-local
// sources (169.254.0.0/16, fe80::/10: autoconfigured neighbours, mDNS,
// router solicitations), multicast and broadcast sources (which no host
// sends from: always forged), also as IPv4-mapped IPv6 addresses. Each is
// a packet that counts as an attempt to open something (UDP, TCP SYN,
// ICMP). Records whose Attack is "non-host-control" come from the
// addresses right next to those ranges, which are ordinary sources. The
// records are one second apart from sec on.
func NonHost(fl Flavor, sec uint32) *AttackCapture {
	type pkt struct {
		src, dst     string
		proto        uint8
		sport, dport uint16
		icmpType     uint8
		control      bool
	}
	pkts := []pkt{
		{src: "0.0.0.0", dst: "255.255.255.255", proto: protoUDP, sport: 68, dport: 67},
		{src: "::", dst: "ff02::1:ff00:1", proto: protoICMPv6, icmpType: 135},
		{src: "fe80::1c2d:3eff:fe4f:5a6b", dst: "ff02::2", proto: protoICMPv6, icmpType: 133},
		{src: "fe80::1c2d:3eff:fe4f:5a6b", dst: "ff02::fb", proto: protoUDP, sport: 5353, dport: 5353},
		{src: "febf:ffff::1", dst: "2001:db8::1", proto: protoTCP, sport: 40000, dport: 22},
		{src: "169.254.23.45", dst: "224.0.0.251", proto: protoUDP, sport: 5353, dport: 5353},
		{src: "169.254.0.1", dst: "198.51.100.7", proto: protoTCP, sport: 40001, dport: 22},
		{src: "224.0.0.1", dst: "198.51.100.7", proto: protoTCP, sport: 40002, dport: 22},
		{src: "239.255.255.250", dst: "198.51.100.7", proto: protoUDP, sport: 1900, dport: 1900},
		{src: "255.255.255.255", dst: "198.51.100.7", proto: protoICMP, icmpType: 8},
		{src: "ff02::1", dst: "2001:db8::1", proto: protoTCP, sport: 40003, dport: 22},
		{src: "ff05::1:3", dst: "2001:db8::1", proto: protoUDP, sport: 547, dport: 547},
		{src: "::ffff:169.254.9.9", dst: "2001:db8::1", proto: protoTCP, sport: 40004, dport: 22},
		{src: "::ffff:0.0.0.0", dst: "2001:db8::1", proto: protoUDP, sport: 68, dport: 67},
		{src: "::ffff:224.0.0.5", dst: "2001:db8::1", proto: protoUDP, sport: 5000, dport: 5000},
		// Controls: ordinary sources next to the ranges above.
		{src: "0.0.0.1", dst: "198.51.100.7", proto: protoUDP, sport: 68, dport: 67, control: true},
		{src: "169.253.255.254", dst: "198.51.100.7", proto: protoTCP, sport: 40010, dport: 22, control: true},
		{src: "169.255.0.1", dst: "198.51.100.7", proto: protoTCP, sport: 40011, dport: 22, control: true},
		{src: "223.255.255.254", dst: "198.51.100.7", proto: protoTCP, sport: 40012, dport: 22, control: true},
		{src: "240.0.0.1", dst: "198.51.100.7", proto: protoICMP, icmpType: 8, control: true},
		{src: "255.255.255.254", dst: "198.51.100.7", proto: protoUDP, sport: 5000, dport: 5000, control: true},
		{src: "fec0::1", dst: "2001:db8::1", proto: protoTCP, sport: 40013, dport: 22, control: true},
		{src: "fe7f:ffff::1", dst: "2001:db8::1", proto: protoUDP, sport: 5000, dport: 5000, control: true},
		{src: "ff::1", dst: "2001:db8::1", proto: protoTCP, sport: 40014, dport: 22, control: true},
		{src: "2001:db8::fe80:1", dst: "2001:db8::1", proto: protoICMPv6, icmpType: 128, control: true},
		{src: "::ffff:169.253.1.1", dst: "2001:db8::1", proto: protoTCP, sport: 40015, dport: 22, control: true},
	}
	a := &attacker{fl: fl}
	c := &AttackCapture{Flavor: fl}
	var p builder
	for i, k := range pkts {
		src, dst := addrBytes(netip.MustParseAddr(k.src)), addrBytes(netip.MustParseAddr(k.dst))
		if src.v6 {
			p.ipv6(src, dst, 255, 0, 0)
		} else {
			p.ipv4(src, dst, 64, 0, uint16(i), false, nil)
		}
		p.proto(k.proto)
		switch k.proto {
		case protoTCP:
			p.b = appendTCP(p.b, k.sport, k.dport, uint32(1000+i), 0, fSYN, 1024, 0, nil, nil)
		case protoUDP:
			p.b = appendUDP(p.b, k.sport, k.dport, []byte{0, 0, 0, 0})
		default:
			p.b = append(p.b, k.icmpType, 0, 0, 0, 0, 0, 0, 0)
			if k.icmpType == 135 { // neighbour solicitation: the target address
				p.b = append(p.b, netip.MustParseAddr("2001:db8::1").AsSlice()...)
			}
		}
		p.finish()
		t := ClassifyIP(p.b, len(p.b), src.v6)
		t.Attack = "non-host"
		if k.control {
			t.Attack = "non-host-control"
		}
		r := a.record(blockIn(), p.b, -1, t)
		r.rec.Sec = sec + uint32(i)
		c.Records = append(c.Records, r.rec)
		c.Truth = append(c.Truth, r.truth)
	}
	return c
}
