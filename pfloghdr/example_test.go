package pfloghdr_test

import (
	"encoding/binary"
	"fmt"
	"net"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// pflogRecord builds a pflog record: a header of the given length byte
// (61, 69 or 100) for a blocked inbound packet on em0, then pkt.
func pflogRecord(length, af uint8, pkt []byte) []byte {
	h := make([]byte, (int(length)+3)&^3)
	h[0], h[1], h[2], h[3] = length, af, 1, 0 // block, match
	copy(h[4:], "em0")
	binary.BigEndian.PutUint32(h[36:], 7)          // rule 7
	binary.BigEndian.PutUint32(h[40:], 0xffffffff) // no anchor
	h[60] = 1                                      // in
	switch length {
	case pfloghdr.LenFreeBSD:
		binary.BigEndian.PutUint32(h[64:], 1700) // ridentifier
	case pfloghdr.LenOpenBSD:
		h[61] = 1                                // rewritten
		copy(h[64:], net.IP{192, 0, 2, 99})      // the address pf rewrote to
		binary.BigEndian.PutUint16(h[96:], 8022) // and the port
	}
	return append(h, pkt...)
}

func serialize(ls ...gopacket.SerializableLayer) []byte {
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, ls...); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Decode the three pflog header layouts with a DecodingLayerParser: the
// pflog layer first, then gopacket's IP and transport layers.
func Example() {
	ip4 := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP,
		SrcIP: net.IP{198, 51, 100, 7}, DstIP: net.IP{192, 0, 2, 1}}
	tcp4 := &layers.TCP{SrcPort: 40000, DstPort: 22, SYN: true, Window: 1024}
	_ = tcp4.SetNetworkLayerForChecksum(ip4)
	v4 := serialize(ip4, tcp4)

	ip6 := &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: layers.IPProtocolUDP,
		SrcIP: net.ParseIP("2001:db8::7"), DstIP: net.ParseIP("2001:db8::1")}
	udp6 := &layers.UDP{SrcPort: 5353, DstPort: 53}
	_ = udp6.SetNetworkLayerForChecksum(ip6)
	v6 := serialize(ip6, udp6)

	records := [][]byte{
		pflogRecord(pfloghdr.LenFreeBSD, pfloghdr.AFInet, v4),
		pflogRecord(pfloghdr.LenOpenBSD, pfloghdr.AFInet, v4),
		pflogRecord(pfloghdr.LenNetBSD, pfloghdr.AFInet6OpenBSD, v6),
	}

	var (
		hdr pfloghdr.Layer
		i4  layers.IPv4
		i6  layers.IPv6
		tcp layers.TCP
		udp layers.UDP
	)
	parser := gopacket.NewDecodingLayerParser(pfloghdr.LayerType, &hdr, &i4, &i6, &tcp, &udp)
	var decoded []gopacket.LayerType
	for _, rec := range records {
		if err := parser.DecodeLayers(rec, &decoded); err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s header, rule %d on %s:", hdr.Layout(), hdr.RuleNr, hdr.IfNameBytes())
		for _, t := range decoded {
			switch t {
			case layers.LayerTypeIPv4:
				fmt.Printf(" %v > %v", i4.SrcIP, i4.DstIP)
			case layers.LayerTypeIPv6:
				fmt.Printf(" %v > %v", i6.SrcIP, i6.DstIP)
			case layers.LayerTypeTCP:
				fmt.Printf(" TCP %d > %d", tcp.SrcPort, tcp.DstPort)
			case layers.LayerTypeUDP:
				fmt.Printf(" UDP %d > %d", udp.SrcPort, udp.DstPort)
			}
		}
		switch hdr.Layout() {
		case pfloghdr.LayoutFreeBSD:
			fmt.Printf(", ridentifier %d", hdr.RIdentifier)
		case pfloghdr.LayoutOpenBSD:
			fmt.Printf(", rewritten to %v.%d", net.IP(hdr.SAddr[:4]), hdr.SPort)
		}
		fmt.Println()
	}
	// Output:
	// FreeBSD header, rule 7 on em0: 198.51.100.7 > 192.0.2.1 TCP 40000 > 22, ridentifier 1700
	// OpenBSD header, rule 7 on em0: 198.51.100.7 > 192.0.2.1 TCP 40000 > 22, rewritten to 192.0.2.99.8022
	// NetBSD header, rule 7 on em0: 2001:db8::7 > 2001:db8::1 UDP 5353 > 53
}
