package decoder

// MSDP (print-msdp.c), TCP port 639, at default verbosity.

// printMSDP is msdp_print, appended after ", length N" of the TCP line:
// ": msdp Keepalive", ": msdp SA 1 entries", ": msdp [|msdp]".
func printMSDP(b []byte, data []byte, length int) []byte {
	const proto = "msdp"
	b = append(b, ": msdp"...)
	if len(data) < 3 {
		return appendTrunc(b, proto)
	}
	t, l := data[0], int(be16(data[1:]))
	if l > 1500 || l < 3 || t == 0 || t > 7 {
		return appendTrunc(b, proto)
	}
	p, n := 0, length
	for n != 0 {
		if len(data) < p+3 {
			return appendTrunc(b, proto)
		}
		t, l = data[p], int(be16(data[p+1:]))
		if l > 1400 {
			b = append(b, " [len "...)
			b = appendUint(b, uint64(l))
			b = append(b, ']')
		}
		if l < 3 || n < l {
			return appendTrunc(b, proto)
		}
		p, n = p+3, n-3
		switch t {
		case 1, 3:
			if t == 1 {
				b = append(b, " SA"...)
			} else {
				b = append(b, " SA-Response"...)
			}
			if p >= len(data) {
				return appendTrunc(b, proto)
			}
			e := int(data[p])
			b = append(b, ' ')
			b = appendUint(b, uint64(e))
			b = append(b, " entries"...)
			if e*12+8 < l {
				b = append(b, " [w/data]"...)
			}
		case 2:
			b = append(b, " SA-Request"...)
			if len(data) < p+5 {
				return appendTrunc(b, proto)
			}
			b = append(b, " for "...)
			b = appendIPv4(b, data[p+1:p+5])
		case 4:
			b = append(b, " Keepalive"...)
			if l != 3 {
				b = append(b, "[len="...)
				b = appendUint(b, uint64(l))
				b = append(b, "] "...)
			}
		case 5:
			b = append(b, " Notification"...)
		default:
			b = append(b, " [type="...)
			b = appendUint(b, uint64(t))
			b = append(b, " len="...)
			b = appendUint(b, uint64(l))
			b = append(b, ']')
		}
		p, n = p+l-3, n-(l-3)
	}
	return b
}
