package decoder

// Cisco auto-RP (cisco_autorp_print in print-pim.c), UDP port 496.

// printAutoRP is cisco_autorp_print, appended after
// "SRC.SPORT > DST.DPORT: ":
// " auto-rp mapping Hold 3m RP 10.0.0.1 PIMv2 224.0.0.0/4".
func printAutoRP(b []byte, data []byte, length int) []byte {
	const proto = "cisco_autorp"
	if length < 8 {
		return appendTrunc(b, proto)
	}
	b = append(b, " auto-rp "...)
	if len(data) < 1 {
		return appendTrunc(b, proto)
	}
	switch t := data[0]; t {
	case 0x11:
		b = append(b, "candidate-advert"...)
	case 0x12:
		b = append(b, "mapping"...)
	default:
		b = append(b, "type-0x"...)
		b = appendHexByte(b, t)
	}
	if len(data) < 2 {
		return appendTrunc(b, proto)
	}
	numrps := int(data[1])
	b = append(b, " Hold "...)
	if len(data) < 4 {
		return appendTrunc(b, proto)
	}
	if hold := be16(data[2:]); hold != 0 {
		b = ndAppendRelts(b, uint32(hold))
	} else {
		b = append(b, "FOREVER"...)
	}
	p := 8
	n := length - 8
	for ; numrps != 0; numrps-- {
		if n < 4 || len(data) < p+4 {
			return appendTrunc(b, proto)
		}
		b = append(b, " RP "...)
		b = appendIPv4(b, data[p:p+4])
		p += 4
		n -= 4
		if n < 1 || len(data) < p+1 {
			return appendTrunc(b, proto)
		}
		v := data[p]
		b = append(b, [...]string{" PIMv?", " PIMv1", " PIMv2", " PIMv1+2"}[v&3]...)
		if v&0xfc != 0 {
			b = append(b, " [rsvd=0x"...)
			b = appendHexByte(b, v&0xfc)
			b = append(b, ']')
		}
		p++
		n--
		if n < 1 || len(data) < p+1 {
			return appendTrunc(b, proto)
		}
		nent := int(data[p])
		p++
		n--
		sep := byte(' ')
		for ; nent != 0; nent-- {
			if n < 6 || len(data) < p+6 {
				return appendTrunc(b, proto)
			}
			f := data[p]
			b = append(b, sep)
			if f&1 != 0 {
				b = append(b, '!')
			}
			b = appendIPv4(b, data[p+2:p+6])
			b = append(b, '/')
			b = appendUint(b, uint64(data[p+1]))
			if f&0x02 != 0 {
				b = append(b, " bidir"...)
			}
			if f&0xfc != 0 {
				b = append(b, "[rsvd=0x"...)
				b = appendHexByte(b, f&0xfc)
				b = append(b, ']')
			}
			sep = ','
			p += 6
			n -= 6
		}
	}
	return b
}
