package decoder

// ICMPv6 printer, default verbosity, as tcpdump 4.99.5 prints it
// (print-icmp6.c). Unlike the ICMP printer it prints as it goes, so a
// truncation keeps what was already printed: "ICMP6, echo request [|icmp6]".
// A few sub-printers (router renumbering, node information) catch their
// own truncation, print the marker and let ", length N" follow.

// icmp6TypeName returns tcpdump's name for an ICMPv6 type, or "" for a
// type it does not know. 4.99.5 still has the old KAME aliases for 139
// and 140 ahead of the node information names.
func icmp6TypeName(t byte) string {
	switch t {
	case 1:
		return "destination unreachable"
	case 2:
		return "packet too big"
	case 3:
		return "time exceeded in-transit"
	case 4:
		return "parameter problem"
	case 128:
		return "echo request"
	case 129:
		return "echo reply"
	case 130:
		return "multicast listener query"
	case 131:
		return "multicast listener report"
	case 132:
		return "multicast listener done"
	case 133:
		return "router solicitation"
	case 134:
		return "router advertisement"
	case 135:
		return "neighbor solicitation"
	case 136:
		return "neighbor advertisement"
	case 137:
		return "redirect"
	case 138:
		return "router renumbering"
	case 139:
		return "who-are-you request"
	case 140:
		return "who-are-you reply"
	case 141:
		return "inverse neighbor solicitation"
	case 142:
		return "inverse neighbor advertisement"
	case 143:
		return "multicast listener report v2"
	case 144:
		return "ha discovery request"
	case 145:
		return "ha discovery reply"
	case 146:
		return "mobile router solicitation"
	case 147:
		return "mobile router advertisement"
	case 155:
		return "RPL"
	case 200:
		return "mtrace response"
	case 201:
		return "mtrace message"
	}
	return ""
}

// printICMP6 prints an ICMPv6 message. It is called after the core has
// printed "SRC > DST: " (and any IPv6 extension header text). data is the
// ICMPv6 header onwards (to snapend), length the remaining IPv6 payload
// length.
func printICMP6(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if ip != nil && !ip.v6 {
		// ip_demux_print refuses ICMPv6 over IPv4.
		return append(b, "[ICMPv6 requires IPv6] (invalid)"...)
	}
	if length == 0 {
		return append(b, "ICMP6, length 0 (invalid)"...)
	}
	d := data
	if len(d) >= 8 && (d[0] == 128 || d[0] == 129) {
		// Echo request and reply, the most common: straight through.
		return appendEcho(b, d, length, 3-d[0]&1)
	}
	if len(d) < 1 {
		return appendTrunc(b, "icmp6")
	}
	typ := d[0]
	b = append(b, "ICMP6, "...)
	if name := icmp6TypeName(typ); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "unknown icmp6 type ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, ')')
	}
	if len(d) < 2 {
		return appendTrunc(b, "icmp6")
	}
	code := d[1]
	ulen := uint64(uint32(length))

	switch typ {
	case 1:
		switch code {
		case 0:
			b = append(b, ", unreachable route"...)
		case 1:
			b = append(b, ",  unreachable prohibited"...)
		case 2:
			b = append(b, ", beyond scope"...)
		case 3:
			b = append(b, ", unreachable address"...)
		case 4:
			b = append(b, ", unreachable port"...)
		default:
			b = append(b, ", unknown unreach code ("...)
			b = appendUint(b, uint64(code))
			b = append(b, ')')
			return icmp6AppendUnknown(b, d, length)
		}
		switch code {
		case 0, 1, 3:
			if len(d) < 48 {
				return appendTrunc(b, "icmp6")
			}
			b = append(b, ' ')
			b = appendIPv6(b, d[32:48])
		case 2:
			if len(d) < 48 {
				return appendTrunc(b, "icmp6")
			}
			b = append(b, ' ')
			b = appendIPv6(b, d[32:48])
			b = append(b, ", source address "...)
			b = appendIPv6(b, d[16:32])
		case 4:
			dport, prot, ok := icmp6UpperLayer(d)
			if !ok || len(d) < 48 {
				return appendTrunc(b, "icmp6")
			}
			b = append(b, ", "...)
			b = appendIPv6(b, d[32:48])
			if prot == 6 {
				b = append(b, " tcp port "...)
			} else {
				b = append(b, " udp port "...)
			}
			b = appendUint(b, uint64(dport))
		}

	case 2:
		if len(d) < 8 {
			return appendTrunc(b, "icmp6")
		}
		b = append(b, ", mtu "...)
		b = appendUint(b, uint64(be32(d[4:])))

	case 3:
		switch code {
		case 0:
			if len(d) < 48 {
				return appendTrunc(b, "icmp6")
			}
			b = append(b, " for "...)
			b = appendIPv6(b, d[32:48])
		case 1:
			b = append(b, " (reassembly)"...)
		default:
			b = append(b, ", unknown code ("...)
			b = appendUint(b, uint64(code))
			b = append(b, ')')
		}

	case 4:
		// The quoted destination must be captured though it is not printed.
		if len(d) < 48 {
			return appendTrunc(b, "icmp6")
		}
		switch code {
		case 0:
			b = append(b, ", erroneous - octet "...)
		case 1:
			b = append(b, ", next header - octet "...)
		case 2:
			b = append(b, ", option - octet "...)
		case 3:
			b = append(b, ", incomplete header chain - octet "...)
		default:
			b = append(b, ", code-#"...)
			b = appendUint(b, uint64(code))
		}
		if code <= 3 {
			b = appendUint(b, uint64(be32(d[4:])))
		}

	case 128, 129:
		if len(d) < 8 {
			return appendTrunc(b, "icmp6")
		}
		b = append(b, ", id "...)
		b = appendUint(b, uint64(be16(d[4:])))
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(be16(d[6:])))

	case 130:
		switch {
		case length == 24:
			b = icmp6AppendMLD(b, d)
		case length >= 28:
			b = append(b, " v2"...)
			var ok bool
			if b, ok = icmp6AppendMLDv2Query(b, d, length); !ok {
				return appendTrunc(b, "icmp6")
			}
		default:
			b = append(b, " unknown-version (len "...)
			b = appendUint(b, ulen)
			b = append(b, ") "...)
		}

	case 131, 132:
		b = icmp6AppendMLD(b, d)

	case 135, 136:
		if len(d) < 24 {
			return appendTrunc(b, "icmp6")
		}
		if typ == 135 {
			b = append(b, ", who has "...)
		} else {
			b = append(b, ", tgt is "...)
		}
		b = appendIPv6(b, d[8:24])

	case 137:
		if len(d) < 40 {
			return appendTrunc(b, "icmp6")
		}
		b = append(b, ", "...)
		b = appendIPv6(b, d[24:40])
		b = append(b, " to "...)
		b = appendIPv6(b, d[8:24])

	case 138:
		b = icmp6AppendRRenum(b, d)

	case 139, 140:
		var ok bool
		if b, ok = icmp6AppendNodeInfo(b, d, length); !ok {
			return appendTrunc(b, "icmp6")
		}

	case 143:
		if length < 8 {
			b = append(b, " [invalid len "...)
			b = appendUint(b, ulen)
			b = append(b, ']')
			break
		}
		if len(d) < 8 {
			return appendTrunc(b, "icmp6")
		}
		b = append(b, ", "...)
		b = appendUint(b, uint64(be16(d[6:])))
		b = append(b, " group record(s)"...)

	case 144, 146:
		if len(d) < 6 {
			return appendTrunc(b, "icmp6")
		}
		b = append(b, ", id 0x"...)
		b = appendHexPad(b, uint64(be16(d[4:])), 4)

	case 133, 134, 141, 142, 145, 147:
		// Nothing more at default verbosity.

	case 155:
		if code&0x80 != 0 {
			b = append(b, ", (SEC) [worktodo]"...)
			break
		}
		b = append(b, ", (CLR)"...)
		switch code {
		case 0:
			b = append(b, "DODAG Information Solicitation"...)
		case 1:
			b = append(b, "DODAG Information Object"...)
		case 2:
			b = append(b, "Destination Advertisement Object"...)
		case 3:
			b = append(b, "Destination Advertisement Object Ack"...)
		default:
			b = append(b, "RPL message, unknown code "...)
			b = appendUint(b, uint64(code))
		}

	default:
		// Unknown types, mtrace (200, 201): the length, then a hex dump.
		b = append(b, ", length "...)
		b = appendUint(b, ulen)
		return icmp6AppendUnknown(b, d, length)
	}
	b = append(b, ", length "...)
	return appendUint(b, ulen)
}

// icmp6AppendUnknown appends tcpdump's print_unknown_data(bp, "\n\t", length):
// a hex dump of at most length bytes, limited to what was captured.
func icmp6AppendUnknown(b []byte, d []byte, length int) []byte {
	n := len(d)
	if length >= 0 && length < n {
		n = length
	}
	return appendHexDump(b, d[:n])
}

// icmp6UpperLayer walks the IPv6 packet quoted in an error message
// (starting at offset 8) through its extension headers to a TCP or UDP
// header, as tcpdump's get_upperlayer does. ok is false when that fails
// for any reason (not captured, other protocol, non-first fragment).
func icmp6UpperLayer(d []byte) (dport uint16, prot byte, ok bool) {
	const base = 8
	if len(d) < base+7 {
		return 0, 0, false
	}
	nh := d[base+6]
	pos, hlen := base, 40
	for pos < len(d) {
		pos += hlen
		switch nh {
		case 6, 17:
			if pos+4 > len(d) {
				return 0, 0, false
			}
			return be16(d[pos+2:]), nh, true
		case 0, 43, 60: // hop-by-hop, routing, destination options
			if pos+2 > len(d) {
				return 0, 0, false
			}
			nh, hlen = d[pos], (int(d[pos+1])+1)<<3
		case 44: // fragment
			if pos+4 > len(d) {
				return 0, 0, false
			}
			if be16(d[pos+2:])&0xfff8 != 0 {
				return 0, 0, false
			}
			nh, hlen = d[pos], 8
		case 51: // AH
			if pos+2 > len(d) {
				return 0, 0, false
			}
			nh, hlen = d[pos], (int(d[pos+1])+2)<<2
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// icmp6AppendMLD appends the MLDv1 text; nothing when the 24-byte message
// is not all captured.
func icmp6AppendMLD(b []byte, d []byte) []byte {
	if len(d) < 24 {
		return b
	}
	b = append(b, "max resp delay: "...)
	b = appendUint(b, uint64(be16(d[4:])))
	b = append(b, " addr: "...)
	return appendIPv6(b, d[8:24])
}

// icmp6AppendMLDv2Query appends the MLDv2 query text (length >= 28).
func icmp6AppendMLDv2Query(b []byte, d []byte, length int) ([]byte, bool) {
	if len(d) < 24 { // max resp code (4..6), then the group address
		return b, false
	}
	b = append(b, " [gaddr "...)
	b = appendIPv6(b, d[8:24])
	if len(d) < 28 {
		return b, false
	}
	if nsrcs := int(be16(d[26:])); nsrcs > 0 {
		if length < 28+nsrcs*16 {
			b = append(b, " [invalid number of sources]"...)
		} else {
			b = append(b, ", "...)
			b = appendUint(b, uint64(nsrcs))
			b = append(b, " source(s)"...)
		}
	}
	return append(b, ']'), true
}

// icmp6AppendRRenum appends the router renumbering text. Its truncation
// marker does not end the line: the caller goes on with ", length N".
func icmp6AppendRRenum(b []byte, d []byte) []byte {
	if len(d) < 16 {
		return appendTrunc(b, "icmp6")
	}
	code := d[1]
	switch code {
	case 0:
		b = append(b, ", command"...)
	case 1:
		b = append(b, ", result"...)
	case 255:
		b = append(b, ", sequence number reset"...)
	default:
		b = append(b, ", code-#"...)
		b = appendUint(b, uint64(code))
	}
	b = append(b, ", seq="...)
	b = appendUint(b, uint64(be32(d[4:])))
	if code != 0 {
		return b
	}
	// Match-prefix part at 16, its prefix at 24..40.
	if len(d) < 40 {
		return appendTrunc(b, "icmp6")
	}
	b = append(b, " match("...)
	switch d[16] {
	case 1:
		b = append(b, "add"...)
	case 2:
		b = append(b, "change"...)
	case 3:
		b = append(b, "setglobal"...)
	default:
		b = append(b, '#')
		b = appendUint(b, uint64(d[16]))
	}
	b = append(b, ',')
	b = appendIPv6(b, d[24:40])
	b = append(b, '/')
	b = appendUint(b, uint64(d[19]))
	b = append(b, ')')
	n := int(d[17]) - 3
	if n%4 != 0 {
		return appendTrunc(b, "icmp6")
	}
	n /= 4
	for i := 0; i < n; i++ {
		off := 40 + 32*i
		if len(d) < off+32 {
			return appendTrunc(b, "icmp6")
		}
		b = append(b, " use("...)
		if f := d[off+12]; f != 0 {
			if f&0x80 != 0 {
				b = append(b, 'V')
			}
			if f&0x40 != 0 {
				b = append(b, 'P')
			}
			b = append(b, ',')
		}
		b = appendIPv6(b, d[off+16:off+32])
		b = append(b, '/')
		b = appendUint(b, uint64(d[off]))
		b = append(b, '/')
		b = appendUint(b, uint64(d[off+1]))
		b = append(b, ')')
	}
	return b
}

// icmp6AppendNodeAddrFlags appends " [aGSLCA]" (and T when withT) for the
// node-addresses flags; nothing when they are zero.
func icmp6AppendNodeAddrFlags(b []byte, f uint16, withT bool) []byte {
	if f == 0 {
		return b
	}
	b = append(b, " ["...)
	if f&0x0040 != 0 {
		b = append(b, 'a')
	}
	if f&0x0020 != 0 {
		b = append(b, 'G')
	}
	if f&0x0010 != 0 {
		b = append(b, 'S')
	}
	if f&0x0008 != 0 {
		b = append(b, 'L')
	}
	if f&0x0004 != 0 {
		b = append(b, 'C')
	}
	if f&0x0002 != 0 {
		b = append(b, 'A')
	}
	if withT && f&0x0001 != 0 {
		b = append(b, 'T')
	}
	return append(b, ']')
}

// icmp6AppendSupTypes appends the "supported qtypes" text.
func icmp6AppendSupTypes(b []byte, f uint16) []byte {
	b = append(b, "supported qtypes"...)
	if f != 0 {
		if f&1 != 0 {
			b = append(b, " [C]"...)
		} else {
			b = append(b, " []"...)
		}
	}
	return b
}

// icmp6AppendNodeInfo appends the node information query/reply text
// (types 139/140). A truncation it catches itself is appended here and
// ok stays true; ok is false when the whole line must end (tcpdump's
// longjmp), and the caller appends the marker.
func icmp6AppendNodeInfo(b []byte, d []byte, length int) ([]byte, bool) {
	siz := len(d)
	switch d[0] {
	case 139:
		if siz == 12 {
			return append(b, " who-are-you request"...), true
		}
		b = append(b, " node information query"...)
		if siz < 16 {
			return appendTrunc(b, "icmp6"), true
		}
		b = append(b, " ("...)
		qtype, flags := be16(d[4:]), be16(d[6:])
		switch qtype {
		case 0:
			b = append(b, "noop"...)
		case 1:
			b = icmp6AppendSupTypes(b, flags)
		case 2:
			b = append(b, "DNS name"...)
		case 3:
			b = append(b, "node addresses"...)
			b = icmp6AppendNodeAddrFlags(b, flags, false)
		default:
			b = append(b, "unknown"...)
		}
		if qtype == 0 || qtype == 1 {
			return append(b, ')'), true
		}
		if siz == 16 {
			return append(b, ", 03 draft)"...), true
		}
		switch d[1] {
		case 0:
			if siz == 32 {
				b = append(b, ", subject="...)
				b = appendIPv6(b, d[16:32])
			}
		case 1:
			b = append(b, ", subject=DNS name"...)
			var ok bool
			if b, ok = icmp6AppendNIName(b, d, 16); !ok {
				return b, false
			}
		case 2:
			if siz == 20 {
				b = append(b, ", subject="...)
				b = appendIPv4(b, d[16:20])
			}
		default:
			b = append(b, ", unknown subject"...)
		}
		return append(b, ')'), true

	case 140:
		if length > siz || siz < 16 {
			return appendTrunc(b, "icmp6"), true
		}
		b = append(b, " node information reply ("...)
		code := d[1]
		switch code {
		case 1:
			b = append(b, "refused"...)
		case 2:
			b = append(b, "unknown"...)
		}
		if code != 0 {
			return append(b, ')'), true
		}
		qtype, flags := be16(d[4:]), be16(d[6:])
		switch qtype {
		case 0:
			b = append(b, "noop"...)
		case 1:
			b = icmp6AppendSupTypes(b, flags)
		case 2:
			b = append(b, "DNS name"...)
			var ok bool
			if b, ok = icmp6AppendNIName(b, d, 20); !ok {
				return b, false
			}
			if flags&1 != 0 {
				b = append(b, " [TTL="...)
				b = appendUint(b, uint64(be32(d[16:])))
				b = append(b, ']')
			}
		case 3:
			b = append(b, "node addresses"...)
			for i := 16; i+20 <= siz; i += 20 {
				b = append(b, ' ')
				b = appendIPv6(b, d[i+4:i+20])
				b = append(b, '(')
				b = appendUint(b, uint64(be32(d[i:])))
				b = append(b, ')')
			}
			b = icmp6AppendNodeAddrFlags(b, flags, true)
		default:
			b = append(b, "unknown"...)
		}
		return append(b, ')'), true
	}
	return b, true
}

// icmp6AppendNIName appends a node information name starting at off: a
// pascal string when its first byte is the length of the rest of the
// capture (icmp-name-lookup-03), else DNS labels (dnsname_print).
func icmp6AppendNIName(b []byte, d []byte, off int) ([]byte, bool) {
	if off >= len(d) {
		return b, false
	}
	if int(d[off]) == len(d)-off-1 {
		b = append(b, ", \""...)
		b = appendEscN(b, d[off+1:])
		return append(b, '"'), true
	}
	b = append(b, ", \""...)
	cp, ep := off, len(d)
	for cp < ep {
		i := int(d[cp])
		cp++
		if i != 0 {
			if i > ep-cp {
				b = append(b, "???"...)
				break
			}
			b = appendEscN(b, d[cp:cp+i])
			cp += i
			if cp+1 < ep && d[cp] != 0 {
				b = append(b, '.')
			}
			continue
		}
		if cp == ep {
			b = append(b, '.')
		} else if !(cp+1 == ep && d[cp] == 0) {
			b = append(b, "???"...)
		}
		break
	}
	return append(b, '"'), true
}
