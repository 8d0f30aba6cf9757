package decoder

import "net/netip"

// IP protocol numbers used by the demultiplexer.
const (
	ipprotoHopOpts  = 0
	ipprotoICMP     = 1
	ipprotoIGMP     = 2
	ipprotoIPv4     = 4
	ipprotoTCP      = 6
	ipprotoEGP      = 8
	ipprotoPIGP     = 9
	ipprotoUDP      = 17
	ipprotoDCCP     = 33
	ipprotoIPv6     = 41
	ipprotoRouting  = 43
	ipprotoFragment = 44
	ipprotoRSVP     = 46
	ipprotoGRE      = 47
	ipprotoESP      = 50
	ipprotoAH       = 51
	ipprotoMobile   = 55
	ipprotoICMPv6   = 58
	ipprotoNone     = 59
	ipprotoDstOpts  = 60
	ipprotoMobOld   = 62
	ipprotoND       = 77
	ipprotoEIGRP    = 88
	ipprotoOSPF     = 89
	ipprotoPIM      = 103
	ipprotoIPComp   = 108
	ipprotoVRRP     = 112
	ipprotoPGM      = 113
	ipprotoSCTP     = 132
	ipprotoMobility = 135
	ipprotoEthernet = 143
)

// printsOwnAddrs reports whether the printer for proto prints the
// addresses itself (with the ports) instead of ip_print doing it.
func printsOwnAddrs(proto uint8) bool {
	return proto == ipprotoTCP || proto == ipprotoUDP || proto == ipprotoSCTP || proto == ipprotoDCCP
}

// appendInvalidCheck appends " [what N op M] (invalid)", tcpdump's
// ND_ICHECKMSG_U text.
func appendInvalidCheck(b []byte, what string, n uint64, op string, m uint64) []byte {
	b = append(b, " ["...)
	b = append(b, what...)
	b = append(b, ' ')
	b = appendUint(b, n)
	b = append(b, ' ')
	b = append(b, op...)
	b = append(b, ' ')
	b = appendUint(b, m)
	return append(b, "] (invalid)"...)
}

// printIP4 is tcpdump 4.99.5's ip_print with -e (no "IP " prefix). data
// starts at the IPv4 header; length is the length tcpdump was handed.
func (d *Decoder) printIP4(b []byte, data []byte, length int) []byte {
	// The depth of the IP headers is restored here rather than by a
	// defer in the body: with its many returns that defer would not be
	// open-coded, and the runtime's deferreturn cost about 150
	// instructions a packet.
	depth := d.ipDepth
	b = d.printIP4Header(b, data, length)
	d.ipDepth = depth
	return b
}

// printIP4Header is printIP4; the caller restores d.ipDepth. This is the
// common case, a whole unfragmented header of the length the packet
// says; printIP4Slow handles every packet.
func (d *Decoder) printIP4Header(b []byte, data []byte, length int) []byte {
	if len(data) < 20 || length < 20 {
		return d.printIP4Slow(b, data, length)
	}
	h := (*[20]byte)(data)
	hlen := int(h[0]&0x0f) * 4
	total := int(be16(h[2:]))
	off := be16(h[6:])
	if h[0]>>4 != 4 || hlen < 20 || total > length || total < hlen || len(data) < hlen || off&0x1fff != 0 {
		return d.printIP4Slow(b, data, length)
	}
	if len(data) > total {
		data = data[:total]
	}
	ip := d.newIP()
	// Set field by field: a composite literal is built on the stack and
	// copied.
	proto := h[9]
	ip.v6, ip.direct, ip.fragmented = false, false, off&0x2000 != 0
	ip.proto, ip.ttl = proto, h[8]
	ip.src, ip.dst = h[12:16:16], h[16:20:20]
	// The spans only for a Summary: unlike IPv6's (whose table of names
	// they hold), IPv4's printers need nothing else from them.
	ip.spans = nil
	if d.outermost(ip) && !d.opts.NoSummary {
		ip.spans = &d.spans
		d.sum.Src, d.sum.Dst = netip.AddrFrom4([4]byte(h[12:16])), netip.AddrFrom4([4]byte(h[16:20])) // noteAddrs without a call
	}
	// TCP and UDP, most of what a firewall logs, without demux's loop.
	switch proto {
	case ipprotoTCP:
		ip.direct = true
		d.noteProto(ip, ipprotoTCP)
		return d.printTCP(b, data[hlen:], total-hlen, ip)
	case ipprotoUDP:
		ip.direct = true
		d.noteProto(ip, ipprotoUDP)
		return d.printUDP(b, data[hlen:], total-hlen, ip)
	}
	return d.demuxAddrs(b, data[hlen:], total-hlen, proto, ip)
}

// printIP4Top is printIP4Header for the outermost header of a record
// under NoSummary (AppendRecord's short way, where d.ipDepth is 0): its
// ipInfo is d.ips[0], and nothing is noted for a Summary.
func (d *Decoder) printIP4Top(b []byte, data []byte, length int) []byte {
	if len(data) < 20 || length < 20 {
		return d.printIP4Slow(b, data, length)
	}
	h := (*[20]byte)(data)
	hlen := int(h[0]&0x0f) * 4
	total := int(be16(h[2:]))
	off := be16(h[6:])
	if h[0]>>4 != 4 || hlen < 20 || total > length || total < hlen || len(data) < hlen || off&0x1fff != 0 {
		return d.printIP4Slow(b, data, length)
	}
	if len(data) > total {
		data = data[:total]
	}
	d.ipDepth = 1
	ip := &d.ips[0]
	proto := h[9]
	ip.v6, ip.fragmented = false, off&0x2000 != 0
	ip.proto, ip.ttl = proto, h[8]
	ip.src, ip.dst = h[12:16:16], h[16:20:20]
	ip.spans = nil // as printIP4Header leaves it under NoSummary
	switch proto {
	case ipprotoTCP:
		ip.direct = true
		return d.printTCP(b, data[hlen:], total-hlen, ip)
	case ipprotoUDP:
		ip.direct = true
		return d.printUDP(b, data[hlen:], total-hlen, ip)
	}
	ip.direct = false
	if !printsOwnAddrs(proto) { // demuxAddrs without a call
		b = ip.appendAddrs(b)
	}
	return d.demux(b, data[hlen:], total-hlen, proto, ip)
}

// printIP4Slow is printIP4Header for any packet.
func (d *Decoder) printIP4Slow(b []byte, data []byte, length int) []byte {
	if length < 20 {
		return appendInvalidCheck(b, "length", uint64(length), "<", 20)
	}
	if len(data) < 1 {
		return appendTrunc(b, "ip")
	}
	if v := data[0] >> 4; v != 4 {
		return appendInvalidCheck(b, "version", uint64(v), "!=", 4)
	}
	hlen := int(data[0]&0x0f) * 4
	if hlen < 20 {
		return appendInvalidCheck(b, "header length", uint64(hlen), "<", 20)
	}
	if len(data) < 4 {
		return appendTrunc(b, "ip")
	}
	total := int(be16(data[2:]))
	if total > length {
		b = append(b, "[total length "...)
		b = appendUint(b, uint64(total))
		b = append(b, " > length "...)
		b = appendUint(b, uint64(length))
		b = append(b, "] (invalid) "...)
	}
	if total == 0 {
		total = length // presumed TSO
	} else if total < hlen {
		return appendInvalidCheck(b, "total length", uint64(total), "<", uint64(hlen))
	}
	if len(data) < 20 {
		return appendTrunc(b, "ip")
	}
	if len(data) > total {
		data = data[:total]
	}
	off := be16(data[6:])
	ip := d.newIP()
	// Set field by field: a composite literal is built on the stack and
	// copied.
	ip.v6, ip.direct, ip.fragmented = false, false, off&0x2000 != 0
	ip.proto, ip.ttl = data[9], data[8]
	ip.src, ip.dst = data[12:16:16], data[16:20:20]
	ip.spans = nil
	if d.outermost(ip) && !d.opts.NoSummary { // as printIP4Header does
		ip.spans = &d.spans
		d.noteAddrs(ip)
	}
	if off&0x1fff != 0 {
		b = ip.appendAddrs(b)
		b = append(b, "ip-proto-"...)
		return appendUint(b, uint64(ip.proto))
	}
	if !printsOwnAddrs(ip.proto) {
		b = ip.appendAddrs(b)
	}
	if len(data) < hlen {
		b = append(b, " [remaining caplen("...)
		b = appendUint(b, uint64(len(data)))
		b = append(b, ") < header length("...)
		b = appendUint(b, uint64(hlen))
		b = append(b, ")]"...)
		return appendTrunc(b, "ip")
	}
	// TCP and UDP, most of what a firewall logs, without demux's loop.
	switch ip.proto {
	case ipprotoTCP:
		ip.direct = true
		d.noteProto(ip, ipprotoTCP)
		return d.printTCP(b, data[hlen:], total-hlen, ip)
	case ipprotoUDP:
		ip.direct = true
		d.noteProto(ip, ipprotoUDP)
		return d.printUDP(b, data[hlen:], total-hlen, ip)
	}
	return d.demux(b, data[hlen:], total-hlen, ip.proto, ip)
}

// ipProtoName is tcpdump's ipproto_values for the names it prints in
// "[X requires IPvN]".
func ipProtoName(p uint8) string {
	switch p {
	case ipprotoICMP:
		return "ICMP"
	case ipprotoIGMP:
		return "IGMP"
	case ipprotoICMPv6:
		return "ICMPv6"
	case ipprotoEthernet:
		return "Ethernet"
	}
	return "unknown"
}

func appendRequires(b []byte, proto uint8, v string) []byte {
	b = append(b, '[')
	b = append(b, ipProtoName(proto)...)
	b = append(b, " requires "...)
	b = append(b, v...)
	return append(b, "] (invalid)"...)
}

// demuxAddrs is demux after "SRC > DST: " for the protocols whose
// printers do not print the addresses themselves: kept out of the short
// ways of printIP4 and printIP6, which then call nothing but last.
func (d *Decoder) demuxAddrs(b []byte, data []byte, length int, nh uint8, ip *ipInfo) []byte {
	if !printsOwnAddrs(ip.proto) {
		b = ip.appendAddrs(b)
	}
	return d.demux(b, data, length, nh, ip)
}

// demux is tcpdump's ip_demux_print, shared by IPv4 and IPv6. data starts
// at the protocol header nh; length is the remaining IP payload length.
func (d *Decoder) demux(b []byte, data []byte, length int, nh uint8, ip *ipInfo) []byte {
	for {
		ip.direct = nh == ip.proto
		d.noteProto(ip, nh)
		switch nh {
		case ipprotoAH:
			if len(data) < 1 {
				return appendTrunc(b, "ah")
			}
			next := data[0]
			var adv int
			var ok bool
			b, adv, ok = printAH(b, data)
			if !ok {
				return b
			}
			nh = next
			if adv > len(data) {
				data = data[len(data):]
			} else {
				data = data[adv:]
			}
			length = int(uint32(length - adv))
			continue
		case ipprotoESP:
			return printESP(b, data, length)
		case ipprotoIPComp:
			return d.printIPComp(b, data, length, ip)
		case ipprotoSCTP:
			return d.printSCTP(b, data, length, ip)
		case ipprotoDCCP:
			return d.printDCCP(b, data, length, ip)
		case ipprotoTCP:
			return d.printTCP(b, data, length, ip)
		case ipprotoUDP:
			return d.printUDP(b, data, length, ip)
		case ipprotoICMP:
			if ip.v6 {
				return appendRequires(b, nh, "IPv4")
			}
			return printICMP(b, data, length, ip)
		case ipprotoICMPv6:
			if !ip.v6 {
				return appendRequires(b, nh, "IPv6")
			}
			return printICMP6(b, data, length, ip)
		case ipprotoPIGP:
			return d.printIGRP(b, data, length, ip)
		case ipprotoEIGRP:
			return d.printEIGRP(b, data, length, ip)
		case ipprotoND:
			b = append(b, " nd "...)
			return appendUint(b, uint64(uint32(length)))
		case ipprotoEGP:
			return d.printEGP(b, data, length, ip)
		case ipprotoOSPF:
			return d.printOSPF(b, data, length, ip)
		case ipprotoIGMP:
			if ip.v6 {
				return appendRequires(b, nh, "IPv4")
			}
			return d.printIGMP(b, data, length, ip)
		case ipprotoIPv4:
			return d.printIP4(b, data, length)
		case ipprotoIPv6:
			return d.printIP6(b, data, length)
		case ipprotoRSVP:
			return d.printRSVP(b, data, length, ip)
		case ipprotoGRE:
			return d.printGRE(b, data, length, ip)
		case ipprotoMobile:
			return d.printMobile(b, data, length, ip)
		case ipprotoPIM:
			return d.printPIM(b, data, length, ip)
		case ipprotoVRRP:
			return d.printVRRP(b, data, length, ip)
		case ipprotoPGM:
			return d.printPGM(b, data, length, ip)
		case ipprotoEthernet:
			if !ip.v6 {
				return appendRequires(b, nh, "IPv6")
			}
			return d.printEther(b, data, length)
		case ipprotoPFSYNC:
			return printPFSYNC(b, data, length)
		case ipprotoNone:
			return append(b, "no next header"...)
		}
		b = append(b, " ip-proto-"...)
		b = appendUint(b, uint64(nh))
		b = append(b, ' ')
		return appendUint(b, uint64(uint32(length)))
	}
}

// printAH prints an IPsec AH header (print-ah.c) and returns the number of
// bytes it covers; ok is false when the packet ended inside it.
func printAH(b []byte, data []byte) (_ []byte, adv int, ok bool) {
	b = append(b, "AH"...)
	if len(data) < 2 {
		return appendTrunc(b, "ah"), 0, false
	}
	hdrlen := (int(data[1]) + 2) * 4
	b = append(b, '(')
	if len(data) < 4 {
		return appendTrunc(b, "ah"), 0, false
	}
	if r := be16(data[2:]); r != 0 {
		b = append(b, "reserved=0x"...)
		b = appendHex(b, uint64(r))
		b = append(b, "[MustBeZero],"...)
	}
	if len(data) < 8 {
		return appendTrunc(b, "ah"), 0, false
	}
	b = append(b, "spi=0x"...)
	b = appendHexPad(b, uint64(be32(data[4:])), 8)
	b = append(b, ',')
	if len(data) < 12 {
		return appendTrunc(b, "ah"), 0, false
	}
	b = append(b, "seq=0x"...)
	b = appendHex(b, uint64(be32(data[8:])))
	b = append(b, ",icv=0x"...)
	for i := 12; i < hdrlen; i++ {
		if i >= len(data) {
			return appendTrunc(b, "ah"), 0, false
		}
		b = appendHexByte(b, data[i])
	}
	b = append(b, "): "...)
	return b, hdrlen, true
}
