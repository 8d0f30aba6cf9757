package decoder

// IGRP (IP protocol 9) as tcpdump 4.99.5's print-igrp.c prints it.

// printIGRP is igrp_print. data starts at the IGRP header; length is the
// IP payload length. The core has printed "SRC > DST: " before it.
func (d *Decoder) printIGRP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	b = append(b, "igrp:"...)
	if len(data) < 10 {
		return appendTrunc(b, "igrp")
	}
	nint, nsys, next := be16(data[4:]), be16(data[6:]), be16(data[8:])
	b = append(b, ' ')
	switch op := data[0] & 0xf; op {
	case 1:
		b = append(b, "update"...)
	case 2:
		b = append(b, "request"...)
	default:
		b = append(b, "op-#"...)
		b = appendUint(b, uint64(op))
	}
	b = append(b, " V"...)
	b = appendUint(b, uint64(data[0]>>4))
	b = append(b, " edit="...)
	b = appendUint(b, uint64(data[1]))
	b = append(b, " AS="...)
	b = appendUint(b, uint64(be16(data[2:])))
	b = append(b, " ("...)
	b = appendUint(b, uint64(nint))
	b = append(b, '/')
	b = appendUint(b, uint64(nsys))
	b = append(b, '/')
	b = appendUint(b, uint64(next))
	b = append(b, ')')
	if len(data) < 12 {
		return appendTrunc(b, "igrp")
	}
	n := uint32(length) - 12
	p := 12
	for n >= 14 {
		if len(data) < p+3 {
			return appendTrunc(b, "igrp")
		}
		net := data[p : p+3]
		switch {
		case nint > 0:
			b = append(b, " *."...)
			b = igrpNet(b, net)
			nint--
		case nsys > 0:
			b = append(b, ' ')
			b = igrpNet(b, net)
			b = append(b, ".0"...)
			nsys--
		case next > 0:
			b = append(b, " X"...)
			b = igrpNet(b, net)
			b = append(b, ".0"...)
			next--
		default:
			b = append(b, " [extra bytes "...)
			b = appendUint(b, uint64(n))
			b = append(b, ']')
			return append(b, " (invalid)"...)
		}
		if len(data) < p+14 {
			return appendTrunc(b, "igrp")
		}
		e := data[p:]
		delay := uint32(e[3])<<16 | uint32(e[4])<<8 | uint32(e[5])
		bw := uint32(e[6])<<16 | uint32(e[7])<<8 | uint32(e[8])
		metric := min(bw+delay, 0xffffff)
		b = append(b, " d="...)
		b = appendUint(b, uint64(10*delay))
		b = append(b, " b="...)
		if bw != 0 {
			b = appendUint(b, uint64(10000000/bw))
		} else {
			b = append(b, '0')
		}
		b = append(b, " r="...)
		b = appendUint(b, uint64(e[11]))
		b = append(b, " l="...)
		b = appendUint(b, uint64(e[12]))
		b = append(b, " M="...)
		b = appendUint(b, uint64(metric))
		b = append(b, " mtu="...)
		b = appendUint(b, uint64(be16(e[9:])))
		b = append(b, " in "...)
		b = appendUint(b, uint64(e[13]))
		b = append(b, " hops"...)
		p += 14
		n -= 14
	}
	if nint != 0 || nsys != 0 || next != 0 || n != 0 {
		b = append(b, " (invalid)"...)
	}
	return b
}

func igrpNet(b []byte, net []byte) []byte {
	b = appendUint(b, uint64(net[0]))
	b = append(b, '.')
	b = appendUint(b, uint64(net[1]))
	b = append(b, '.')
	return appendUint(b, uint64(net[2]))
}
