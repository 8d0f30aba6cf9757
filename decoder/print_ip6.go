package decoder

import "net/netip"

// printIP6 is tcpdump 4.99.5's ip6_print with -e (no "IP6 " prefix),
// including the walk over extension headers.
func (d *Decoder) printIP6(b []byte, data []byte, length int) []byte {
	// The depth of the IP headers is restored here rather than by a
	// defer in the body: with its many returns that defer would not be
	// open-coded, and the runtime's deferreturn cost about 150
	// instructions a packet.
	depth := d.ipDepth
	b = d.printIP6Header(b, data, length)
	d.ipDepth = depth
	return b
}

// printIP6Header is printIP6; the caller restores d.ipDepth. This is the
// common case, a whole header of the length the packet says without
// extension headers; printIP6Slow handles every packet.
func (d *Decoder) printIP6Header(b []byte, data []byte, length int) []byte {
	if len(data) < 40 || length < 40 {
		return d.printIP6Slow(b, data, length)
	}
	h := (*[40]byte)(data)
	total := int(be16(h[4:])) + 40
	nh := h[6]
	if h[0]>>4 != 6 || total == 40 || total > length || isIP6Ext(nh) {
		return d.printIP6Slow(b, data, length)
	}
	if len(data) > total {
		data = data[:total]
	}
	ip := d.newIP()
	// Set field by field: a composite literal is built on the stack and
	// copied.
	ip.v6, ip.direct, ip.fragmented = true, false, false
	ip.proto, ip.ttl = nh, h[7]
	ip.src, ip.dst = h[8:24:24], h[24:40:40]
	ip.spans = nil
	if d.outermost(ip) {
		ip.spans = &d.spans
		if !d.opts.NoSummary { // noteAddrs without a call
			d.sum.Src, d.sum.Dst = netip.AddrFrom16([16]byte(h[8:24])), netip.AddrFrom16([16]byte(h[24:40]))
		}
	}
	// TCP and UDP without demux's loop.
	switch nh {
	case ipprotoTCP:
		ip.direct = true
		d.noteProto(ip, ipprotoTCP)
		return d.printTCP(b, data[40:], total-40, ip)
	case ipprotoUDP:
		ip.direct = true
		d.noteProto(ip, ipprotoUDP)
		return d.printUDP(b, data[40:], total-40, ip)
	}
	return d.demuxAddrs(b, data[40:], total-40, nh, ip)
}

// printIP6Top is printIP6Header for the outermost header of a record
// under NoSummary (AppendRecord's short way, where d.ipDepth is 0): its
// ipInfo is d.ips[0], and nothing is noted for a Summary.
func (d *Decoder) printIP6Top(b []byte, data []byte, length int) []byte {
	if len(data) < 40 || length < 40 {
		return d.printIP6Slow(b, data, length)
	}
	h := (*[40]byte)(data)
	total := int(be16(h[4:])) + 40
	nh := h[6]
	if h[0]>>4 != 6 || total == 40 || total > length || nh != ipprotoTCP && isIP6Ext(nh) {
		return d.printIP6Slow(b, data, length)
	}
	if len(data) > total {
		data = data[:total]
	}
	d.ipDepth = 1
	ip := &d.ips[0]
	ip.v6, ip.fragmented = true, false
	ip.proto, ip.ttl = nh, h[7]
	ip.src, ip.dst = h[8:24:24], h[24:40:40]
	ip.spans = &d.spans
	switch nh {
	case ipprotoTCP:
		ip.direct = true
		return d.printTCP(b, data[40:], total-40, ip)
	case ipprotoUDP:
		ip.direct = true
		return d.printUDP(b, data[40:], total-40, ip)
	}
	ip.direct = false
	if !printsOwnAddrs(nh) { // demuxAddrs without a call
		b = ip.appendAddrs(b)
	}
	return d.demux(b, data[40:], total-40, nh, ip)
}

// isIP6Ext reports whether nh is one of the extension headers
// printIP6Slow walks.
func isIP6Ext(nh uint8) bool {
	switch nh {
	case ipprotoHopOpts, ipprotoDstOpts, ipprotoFragment, ipprotoMobility, ipprotoMobOld, ipprotoRouting:
		return true
	}
	return false
}

// printIP6Slow is printIP6Header for any packet.
func (d *Decoder) printIP6Slow(b []byte, data []byte, length int) []byte {
	if length < 40 {
		return appendInvalidCheck(b, "length", uint64(length), "<", 40)
	}
	if len(data) < 1 {
		return appendTrunc(b, "ip6")
	}
	if v := data[0] >> 4; v != 6 {
		return appendInvalidCheck(b, "version", uint64(v), "!=", 6)
	}
	if len(data) < 6 {
		return appendTrunc(b, "ip6")
	}
	plen := int(be16(data[4:]))
	// With a payload length of 0 tcpdump takes length+40 bytes, to find a
	// Jumbo Payload option in the Hop-by-Hop header.
	total := length + 40
	if plen != 0 {
		total = plen + 40
		if total > length {
			b = append(b, "[header+payload length "...)
			b = appendUint(b, uint64(total))
			b = append(b, " > length "...)
			b = appendUint(b, uint64(length))
			b = append(b, "] (invalid) "...)
		}
	}
	if len(data) > total {
		data = data[:total]
	}
	if len(data) < 40 {
		return appendTrunc(b, "ip6")
	}
	ip := d.newIP()
	// Set field by field: a composite literal is built on the stack and
	// copied.
	ip.v6, ip.direct, ip.fragmented = true, false, false
	ip.proto, ip.ttl = data[6], data[7]
	ip.src, ip.dst = data[8:24:24], data[24:40:40]
	ip.spans = nil
	if d.outermost(ip) {
		ip.spans = &d.spans
		if !d.opts.NoSummary {
			d.noteAddrs(ip)
		}
	}
	nh := ip.proto
	if !printsOwnAddrs(nh) {
		b = ip.appendAddrs(b)
	}
	off := 40          // start of the current header
	rest := total - 40 // logical bytes from off to the end of the packet
	first := true      // the current header follows the IPv6 header
	extSeen, hbhSeen := false, false
	jumbo := ip6Jumbo{plen: uint32(plen)}
	for {
		var adv int
		var ok bool
		switch nh {
		case ipprotoHopOpts:
			if hbhSeen {
				return append(b, "[The Hop-by-Hop Options header was already found] (invalid)"...)
			}
			if !first {
				return append(b, "[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)"...)
			}
			if off+2 > len(data) {
				return appendTrunc(b, "hbhopt")
			}
			b, adv, ok = printIP6Opts(b, data, off, "HBH ", "hbhopt", &jumbo)
			if jumbo.plen == 0 && !jumbo.found {
				return append(b, "[No valid Jumbo Payload Hop-by-Hop option found] (invalid)"...)
			}
			hbhSeen = true
		case ipprotoDstOpts:
			b, adv, ok = printDstOpts(b, data, off)
		case ipprotoFragment:
			b, adv, ok = printFrag6(b, data, off, plen)
			if ok && off+adv >= len(data) {
				return b
			}
			ip.fragmented = true
		case ipprotoMobility, ipprotoMobOld:
			return d.printMobility(b, data[min(off, len(data)):], rest, ip)
		case ipprotoRouting:
			if off >= len(data) {
				return appendTrunc(b, "ip6")
			}
			b, adv, ok = printRT6(b, data, off)
		default:
			if jumbo.found {
				// The Jumbo Payload option's length replaces the
				// payload length, and the capture is cut to it.
				t := uint64(jumbo.plen) + 40
				if t < uint64(off) {
					return appendTrunc(b, "ip6")
				}
				if t > uint64(length) {
					b = append(b, "[header+payload length "...)
					b = appendUint(b, t)
					b = append(b, " > length "...)
					b = appendUint(b, uint64(length))
					b = append(b, "] (invalid) "...)
				}
				if uint64(len(data)) > t {
					data = data[:t]
				}
				rest = int(t - uint64(off))
			} else if plen == 0 {
				// No payload length and no jumbo option: the payload is
				// empty, and an extension header could not have been there.
				if extSeen {
					return appendTrunc(b, "ip6")
				}
				rest = 0
				data = data[:40]
			}
			data = data[min(off, len(data)):]
			// TCP and UDP without demux's loop.
			switch nh {
			case ipprotoTCP:
				ip.direct = nh == ip.proto
				d.noteProto(ip, ipprotoTCP)
				return d.printTCP(b, data, rest, ip)
			case ipprotoUDP:
				ip.direct = nh == ip.proto
				d.noteProto(ip, ipprotoUDP)
				return d.printUDP(b, data, rest, ip)
			}
			return d.demux(b, data, rest, nh, ip)
		}
		if !ok {
			return b
		}
		nh = data[off]
		extSeen, first = true, false
		if rest < adv {
			return appendTrunc(b, "ip6")
		}
		off += adv
		rest -= adv
	}
}

// printDstOpts prints a Destination Options header (dstopt_process): at
// default verbosity only its name; the options are not walked.
func printDstOpts(b []byte, data []byte, off int) (_ []byte, adv int, ok bool) {
	if off+2 > len(data) {
		return appendTrunc(b, "dstopt"), 0, false
	}
	hl := (int(data[off+1]) + 1) << 3
	if off+hl > len(data) {
		return appendTrunc(b, "dstopt"), 0, false
	}
	return append(b, "DSTOPT "...), hl, true
}

// ip6Jumbo is what the Hop-by-Hop header's Jumbo Payload option tells
// ip6_print: plen starts as the IPv6 payload length; a valid option (the
// first one, with the payload length 0 and a length of at least 65536)
// sets found and plen.
type ip6Jumbo struct {
	found bool
	plen  uint32
}

// printIP6Opts prints a Hop-by-Hop or Destination Options header at
// data[off:] (print-ip6opts.c): the name, then only the option walk's
// error texts at default verbosity. jumbo is nil but for Hop-by-Hop.
func printIP6Opts(b []byte, data []byte, off int, name, proto string, jumbo *ip6Jumbo) (_ []byte, adv int, ok bool) {
	if off+2 > len(data) {
		return appendTrunc(b, proto), 0, false
	}
	hl := (int(data[off+1]) + 1) << 3
	if off+hl > len(data) {
		return appendTrunc(b, proto), 0, false
	}
	b = append(b, name...)
	opts := data[off+2 : off+hl]
	n := len(opts)
	seenJumbo := false
	for i := 0; i < n; {
		var optlen int
		t := opts[i]
		if t == 0 { // Pad1
			optlen = 1
		} else {
			if i+1 >= n {
				return appendTrunc(b, proto), 0, false
			}
			optlen = int(opts[i+1]) + 2
		}
		if i+optlen > n {
			return appendTrunc(b, proto), 0, false
		}
		switch t {
		case 0:
		case 1: // PadN
			if n-i < 2 {
				b = append(b, "(padn: trunc)"...)
				return appendTrunc(b, proto), 0, false
			}
		case 5: // Router Alert
			if n-i < 4 {
				b = append(b, "(rtalert: trunc)"...)
				return appendTrunc(b, proto), 0, false
			}
			if opts[i+1] != 2 {
				b = append(b, "(rtalert: invalid len "...)
				b = appendUint(b, uint64(opts[i+1]))
				b = append(b, ')')
				return appendTrunc(b, proto), 0, false
			}
		case 0xc2: // Jumbo Payload
			if n-i < 6 {
				b = append(b, "(jumbo: trunc)"...)
				return appendTrunc(b, proto), 0, false
			}
			if opts[i+1] != 4 {
				b = append(b, "(jumbo: invalid len "...)
				b = appendUint(b, uint64(opts[i+1]))
				b = append(b, ')')
				return appendTrunc(b, proto), 0, false
			}
			if !seenJumbo {
				seenJumbo = true
				if l := be32(opts[i+2:]); jumbo != nil && jumbo.plen == 0 && l >= 65536 {
					jumbo.found, jumbo.plen = true, l
				}
			}
		case 0xc9: // Home Address
			if n-i < 18 {
				b = append(b, "(homeaddr: trunc)"...)
				return appendTrunc(b, proto), 0, false
			}
			if opts[i+1] < 16 {
				b = append(b, "(homeaddr: invalid len "...)
				b = appendUint(b, uint64(opts[i+1]))
				b = append(b, ')')
				return appendTrunc(b, proto), 0, false
			}
		default:
			if n-i < 2 {
				b = append(b, "(type "...)
				b = appendUint(b, uint64(t))
				b = append(b, ": trunc)"...)
				return appendTrunc(b, proto), 0, false
			}
		}
		i += optlen
	}
	return b, hl, true
}

// printFrag6 prints an IPv6 Fragment header (frag6_print). ok is false
// for a later fragment, whose payload is not decoded.
func printFrag6(b []byte, data []byte, off int, plen int) (_ []byte, adv int, ok bool) {
	b = append(b, "frag ("...)
	if off+8 > len(data) {
		return appendTrunc(b, "frag6"), 0, false
	}
	foff := be16(data[off+2:]) & 0xfff8
	b = appendUint(b, uint64(foff))
	b = append(b, '|')
	if off+8 > 40+plen {
		b = append(b, "[length < 0] (invalid)"...)
	} else {
		b = appendUint(b, uint64(40+plen-off-8))
	}
	b = append(b, ')')
	if foff != 0 {
		return b, 0, false
	}
	b = append(b, ' ')
	return b, 8, true
}

// printRT6 prints an IPv6 Routing header (rt6_print).
func printRT6(b []byte, data []byte, off int) (_ []byte, adv int, ok bool) {
	p := data[off:]
	b = append(b, "RT6"...)
	if len(p) < 2 {
		return appendTrunc(b, "rt6"), 0, false
	}
	l := int(p[1])
	b = append(b, " (len="...)
	b = appendUint(b, uint64(l))
	if len(p) < 3 {
		return appendTrunc(b, "rt6"), 0, false
	}
	typ := p[2]
	b = append(b, ", type="...)
	b = appendUint(b, uint64(typ))
	if typ == 0 {
		b = append(b, " [Deprecated]"...)
	}
	if len(p) < 4 {
		return appendTrunc(b, "rt6"), 0, false
	}
	b = append(b, ", segleft="...)
	b = appendUint(b, uint64(p[3]))
	switch typ {
	case 0, 2:
		if len(p) < 8 {
			return appendTrunc(b, "rt6"), 0, false
		}
		if r := be32(p[4:]); r != 0 {
			b = append(b, ", rsv=0x"...)
			b = appendHex(b, uint64(r))
		}
		if l%2 == 1 {
			b = append(b, " [length "...)
			b = appendUint(b, uint64(l))
			return append(b, "] (invalid)"...), 0, false
		}
		n := l >> 1
		for i := 0; i < n; i++ {
			a := 8 + 16*i
			if a+16 > len(p) {
				return appendTrunc(b, "rt6"), 0, false
			}
			b = append(b, ", ["...)
			b = appendUint(b, uint64(i))
			b = append(b, ']')
			b = appendIPv6(b, p[a:a+16])
		}
		b = append(b, ") "...)
		return b, (l + 1) << 3, true
	case 4:
		if len(p) < 5 {
			return appendTrunc(b, "rt6"), 0, false
		}
		last := int(p[4])
		b = append(b, ", last-entry="...)
		b = appendUint(b, uint64(last))
		if len(p) < 6 {
			return appendTrunc(b, "rt6"), 0, false
		}
		if p[5] != 0 {
			b = append(b, ", flags=0x"...)
			b = appendHex(b, uint64(p[5]))
		}
		if len(p) < 8 {
			return appendTrunc(b, "rt6"), 0, false
		}
		b = append(b, ", tag="...)
		b = appendHex(b, uint64(be16(p[6:])))
		// 4.99.4 reworded the type 0 message only (tcpdump 13e3472b).
		if l%2 == 1 {
			b = append(b, " (invalid length "...)
			b = appendUint(b, uint64(l))
			return append(b, ") (invalid)"...), 0, false
		}
		// The segments the header's length holds, whatever last-entry says.
		for i := 0; i < l>>1; i++ {
			a := 8 + 16*i
			if a+16 > len(p) {
				return appendTrunc(b, "rt6"), 0, false
			}
			b = append(b, ", ["...)
			b = appendUint(b, uint64(i))
			b = append(b, ']')
			b = appendIPv6(b, p[a:a+16])
		}
		b = append(b, ") "...)
		return b, (l + 1) << 3, true
	}
	b = append(b, " (unknown type) (invalid)"...)
	return b, 0, false
}
