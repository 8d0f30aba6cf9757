package decoder

// LISP control (print-lisp.c), UDP port 4342, at default verbosity.

var lispTypes = [...]string{0: "LISP-Reserved", 1: "LISP-Map-Request", 2: "LISP-Map-Reply",
	3: "LISP-Map-Register", 4: "LISP-Map-Notify", 8: "LISP-Encapsulated-Contol-Message"}

// lispHexPrint is hex_print(ident, ...): lines "IDENT0x%04x: " with eight
// " %02x%02x" groups; ok is false when the capture ends first.
func lispHexPrint(b []byte, ident string, p []byte, n int) ([]byte, bool) {
	i := 0
	off := 0
	for k := 0; k+1 < n; k += 2 {
		if i%8 == 0 {
			b = append(b, ident...)
			b = append(b, "0x"...)
			b = appendHexPad(b, uint64(off), 4)
			b = append(b, ": "...)
			off += 16
		}
		i++
		if k+1 >= len(p) {
			return b, false
		}
		b = append(b, ' ')
		b = appendHexByte(b, p[k])
		b = appendHexByte(b, p[k+1])
	}
	if n&1 != 0 {
		if i%8 == 0 {
			b = append(b, ident...)
			b = append(b, "0x"...)
			b = appendHexPad(b, uint64(off), 4)
			b = append(b, ": "...)
		}
		if n-1 >= len(p) {
			return b, false
		}
		b = append(b, ' ')
		b = appendHexByte(b, p[n-1])
	}
	return b, true
}

// printLISP is lisp_print, appended after "SRC.SPORT > DST.DPORT: ":
// "LISP-Map-Register, 1 record(s),\n EID 10.0.0.0/8, 1 locator(s) LOC 10.0.0.1".
func printLISP(b []byte, data []byte, length int) []byte {
	const proto = "lisp"
	if len(data) < 16 {
		return appendTrunc(b, proto)
	}
	t := data[0] >> 4
	if int(t) < len(lispTypes) && lispTypes[t] != "" {
		b = append(b, lispTypes[t]...)
	} else {
		b = append(b, "unknown-type-"...)
		b = appendUint(b, uint64(t))
	}
	b = append(b, ',')
	if t != 3 && t != 4 {
		return b
	}
	var xtr bool
	if t == 3 {
		xtr = data[0]&2 != 0
	} else {
		xtr = data[0]&8 != 0
	}
	authLen := be16(data[14:])
	records := int(data[3])
	b = append(b, ' ')
	b = appendUint(b, uint64(records))
	b = append(b, " record(s),"...)
	po := uint16(16) + authLen
	if records == 0 {
		return ndAppendInvalid(b)
	}
	for length > int(po) && records != 0 {
		records--
		if !ndHave(data, int(po), 12) {
			return appendTrunc(b, proto)
		}
		b = append(b, '\n')
		eid := int(po)
		po += 12
		mask := data[eid+5]
		afi := be16(data[eid+10:])
		locs := int(data[eid+4])
		switch afi {
		case 1:
			if !ndHave(data, int(po), 4) {
				return appendTrunc(b, proto)
			}
			b = append(b, " EID "...)
			b = appendIPv4(b, data[po:po+4])
			po += 4
		case 2:
			if !ndHave(data, int(po), 16) {
				return appendTrunc(b, proto)
			}
			b = append(b, " EID "...)
			b = appendIPv6(b, data[po:po+16])
			po += 16
		default:
			return b
		}
		b = append(b, '/')
		b = appendUint(b, uint64(mask))
		b = append(b, ',')
		b = append(b, ' ')
		b = appendUint(b, uint64(locs))
		b = append(b, " locator(s)"...)
		for ; locs != 0; locs-- {
			if !ndHave(data, int(po), 8) {
				return appendTrunc(b, proto)
			}
			loc := int(po)
			po += 8
			switch be16(data[loc+6:]) {
			case 1:
				if !ndHave(data, int(po), 4) {
					return appendTrunc(b, proto)
				}
				b = append(b, " LOC "...)
				b = appendIPv4(b, data[loc+8:loc+12])
				po += 4
			case 2:
				if !ndHave(data, int(po), 16) {
					return appendTrunc(b, proto)
				}
				b = append(b, " LOC "...)
				b = appendIPv6(b, data[loc+8:loc+24])
				po += 16
			}
		}
	}
	if xtr {
		if !ndHave(data, int(po), 24) {
			return ndAppendInvalid(b)
		}
		b, _ = lispHexPrint(b, "\n    xTR-ID: ", data[po:], 16)
		b = append(b, "\n    SITE-ID: "...)
		return appendUint(b, ndBE64(data[int(po)+16:]))
	}
	if int(po) < len(data) {
		var ok bool
		rest := data[po:]
		if b, ok = lispHexPrint(b, "\n    Data: ", rest, len(rest)); !ok {
			return appendTrunc(b, proto)
		}
	}
	return b
}
