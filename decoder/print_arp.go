package decoder

// ARP and RARP (print-arp.c) as tcpdump 4.99.5 prints them with -e at
// default verbosity, reached from the Ethernet printer.

// arpHrdName is tcpdump's arphrd_values; "" when unknown.
func arpHrdName(h uint16) string {
	switch h {
	case 1:
		return "Ethernet"
	case 6:
		return "TokenRing"
	case 7:
		return "ArcNet"
	case 15:
		return "FrameRelay"
	case 23:
		return "Strip"
	case 24:
		return "IEEE 1394"
	case 19:
		return "ATM"
	case 32:
		return "InfiniBand"
	}
	return ""
}

// arpOpName is tcpdump's arpop_values; "" when unknown.
func arpOpName(op uint16) string {
	switch op {
	case 1:
		return "Request"
	case 2:
		return "Reply"
	case 3:
		return "Reverse Request"
	case 4:
		return "Reverse Reply"
	case 8:
		return "Inverse Request"
	case 9:
		return "Inverse Reply"
	case 10:
		return "NACK Reply"
	}
	return ""
}

func arpAppendHrd(b []byte, hrd uint16) []byte {
	if name := arpHrdName(hrd); name != "" {
		return append(b, name...)
	}
	b = append(b, "Unknown Hardware ("...)
	b = appendUint(b, uint64(hrd))
	return append(b, ')')
}

func arpAppendPro(b []byte, pro uint16) []byte {
	if name := etherTypeName(pro); name != "" {
		return append(b, name...)
	}
	b = append(b, "Unknown Protocol (0x"...)
	b = appendHexPad(b, uint64(pro), 4)
	return append(b, ')')
}

func arpAppendOp(b []byte, op uint16) []byte {
	if name := arpOpName(op); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "Unknown ("...)
		b = appendUint(b, uint64(op))
		b = append(b, ')')
	}
	return append(b, ' ')
}

// arpAppendLinkAddr is linkaddr_string for an Ethernet/ATM address (or a
// Frame Relay Q.922 address when fr is set).
func arpAppendLinkAddr(b []byte, a []byte, fr bool) []byte {
	if len(a) == 0 {
		return append(b, "<empty>"...)
	}
	if fr {
		return arpAppendQ922(b, a)
	}
	for i, c := range a {
		if i > 0 {
			b = append(b, ':')
		}
		b = appendHexByte(b, c)
	}
	return b
}

// arpAppendQ922 is q922_string.
func arpAppendQ922(b []byte, p []byte) []byte {
	if p[0]&1 != 0 {
		return append(b, "<Invalid DLCI>"...)
	}
	if len(p) < 2 {
		return append(b, "<Truncated>"...)
	}
	dlci := uint32(p[0]&0xfc)<<2 | uint32(p[1]&0xf0)>>4
	if p[1]&1 == 0 {
		i := 2
		if len(p) < 3 {
			return append(b, "<Truncated>"...)
		}
		if p[i]&1 == 0 {
			dlci = dlci<<7 | uint32(p[i]>>1)
			i++
		}
		if len(p) <= i {
			return append(b, "<Truncated>"...)
		}
		if p[i]&1 == 0 {
			return append(b, "<Invalid DLCI>"...)
		}
		dlci = dlci<<6 | uint32(p[i]>>2)
	}
	b = append(b, "DLCI "...)
	return appendUint(b, uint64(dlci))
}

// printARP is arp_print(ndo, p, length, caplen) with caplen = len(data).
func printARP(b []byte, data []byte, length uint32) []byte {
	if len(data) < 8 {
		return appendTrunc(b, "arp")
	}
	hrd := be16(data)
	pro := be16(data[2:])
	op := be16(data[6:])
	if hrd == 19 {
		return printATMARP(b, data, length)
	}
	fr := hrd == 15
	hln, pln := int(data[4]), int(data[5])
	sha := 8
	spa := sha + hln
	tha := spa + pln
	tpa := tha + hln
	if len(data) < tpa+pln {
		return appendTrunc(b, "arp")
	}
	ipOK := pro == ethertypeIP || pro == ethertypeTRAIL
	if !ipOK || pln != 4 || hln == 0 {
		b = arpAppendHrd(b, hrd)
		b = append(b, " (len "...)
		b = appendUint(b, uint64(hln))
		b = append(b, "), "...)
		b = arpAppendPro(b, pro)
		b = append(b, " (len "...)
		b = appendUint(b, uint64(pln))
		b = append(b, ')')
		return arpAppendLength(b, length)
	}
	b = arpAppendOp(b, op)
	switch op {
	case 1:
		b = append(b, "who-has "...)
		b = appendIPv4(b, data[tpa:tpa+4])
		for _, c := range data[tha : tha+hln] {
			if c != 0 {
				b = append(b, " ("...)
				b = arpAppendLinkAddr(b, data[tha:tha+hln], fr)
				b = append(b, ')')
				break
			}
		}
		b = append(b, " tell "...)
		b = appendIPv4(b, data[spa:spa+4])
	case 2:
		b = appendIPv4(b, data[spa:spa+4])
		b = append(b, " is-at "...)
		b = arpAppendLinkAddr(b, data[sha:sha+hln], fr)
	case 3, 8:
		b = append(b, "who-is "...)
		b = arpAppendLinkAddr(b, data[tha:tha+hln], fr)
		b = append(b, " tell "...)
		b = arpAppendLinkAddr(b, data[sha:sha+hln], fr)
	case 4:
		b = arpAppendLinkAddr(b, data[tha:tha+hln], fr)
		b = append(b, " at "...)
		b = appendIPv4(b, data[tpa:tpa+4])
	case 9:
		b = arpAppendLinkAddr(b, data[sha:sha+hln], fr)
		b = append(b, " at "...)
		b = appendIPv4(b, data[spa:spa+4])
	default:
		return appendHexASCIIDump(b, data)
	}
	return arpAppendLength(b, length)
}

func arpAppendLength(b []byte, length uint32) []byte {
	b = append(b, ", length "...)
	return appendUint(b, uint64(length))
}

// printATMARP is atmarp_print.
func printATMARP(b []byte, data []byte, length uint32) []byte {
	if len(data) < 12 {
		return appendTrunc(b, "arp")
	}
	hrd := be16(data)
	pro := be16(data[2:])
	op := be16(data[6:])
	shl, ssl := int(data[4]&0x3f), int(data[5]&0x3f)
	spl := int(data[8])
	thl, tsl := int(data[9]&0x3f), int(data[10]&0x3f)
	tpl := int(data[11])
	sha := 12
	ssa := sha + shl
	spa := ssa + ssl
	tha := spa + spl
	tsa := tha + thl
	tpa := tsa + tsl
	if len(data) < tpa+tpl {
		return appendTrunc(b, "arp")
	}
	ipOK := pro == ethertypeIP || pro == ethertypeTRAIL
	if !ipOK || spl != 4 || tpl != 4 {
		b = arpAppendHrd(b, hrd)
		b = append(b, ", "...)
		b = arpAppendPro(b, pro)
		b = append(b, " (len "...)
		b = appendUint(b, uint64(spl))
		b = append(b, '/')
		b = appendUint(b, uint64(tpl))
		b = append(b, ')')
		return arpAppendLength(b, length)
	}
	addr := func(b []byte, ha, hl, sa, sl int) []byte {
		if hl == 0 {
			return append(b, "<No address>"...)
		}
		b = arpAppendLinkAddr(b, data[ha:ha+hl], false)
		if sl != 0 {
			b = append(b, ',')
			b = arpAppendLinkAddr(b, data[sa:sa+sl], false)
		}
		return b
	}
	b = arpAppendOp(b, op)
	switch op {
	case 1:
		b = append(b, "who-has "...)
		b = appendIPv4(b, data[tpa:tpa+4])
		if thl != 0 {
			b = append(b, " ("...)
			b = addr(b, tha, thl, tsa, tsl)
			b = append(b, ')')
		}
		b = append(b, " tell "...)
		b = appendIPv4(b, data[spa:spa+4])
	case 2:
		b = appendIPv4(b, data[spa:spa+4])
		b = append(b, " is-at "...)
		b = addr(b, sha, shl, ssa, ssl)
	case 8:
		b = append(b, "who-is "...)
		b = addr(b, tha, thl, tsa, tsl)
		b = append(b, " tell "...)
		b = addr(b, sha, shl, ssa, ssl)
	case 9:
		b = addr(b, sha, shl, ssa, ssl)
		b = append(b, "at "...)
		b = appendIPv4(b, data[spa:spa+4])
	case 10:
		b = append(b, "for "...)
		b = appendIPv4(b, data[spa:spa+4])
	default:
		return appendHexASCIIDump(b, data)
	}
	return arpAppendLength(b, length)
}
