package decoder

// Kerberos (print-krb.c) as 4.99.5 prints it: the word "kerberos", the
// protocol version and, for Kerberos 4, a few header fields.

// krbAppendType appends tok2str(type2str, NULL, t): a name or "#t".
func krbAppendType(b []byte, t byte) []byte {
	switch t {
	case 2:
		return append(b, "KDC_REQUEST"...)
	case 4:
		return append(b, "KDC_REPLY"...)
	case 6:
		return append(b, "APPL_REQUEST"...)
	case 8:
		return append(b, "APPL_REQUEST_MUTUAL"...)
	case 10:
		return append(b, "ERR_REPLY"...)
	case 12:
		return append(b, "PRIVATE"...)
	case 14:
		return append(b, "SAFE"...)
	case 16:
		return append(b, "APPL_ERR"...)
	case 126:
		return append(b, "DIE"...)
	}
	b = append(b, '#')
	return appendUint(b, uint64(t))
}

// krbErrors is kerr2str.
var krbErrors = [...]string{
	"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER",
	"NAME_MAST_KEY_VER", "SERV_MAST_KEY_VER", "BYTE_ORDER",
	"PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE", "NULL_KEY",
}

// krbCString is c_print: the escaped bytes of data from off up to a NUL.
// ok is false when the capture ends first (tcpdump then prints the
// truncation marker after what it printed).
func krbCString(b []byte, data []byte, off int) (_ []byte, next int, ok bool) {
	for off < len(data) {
		c := data[off]
		off++
		if c == 0 {
			return b, off, true
		}
		b = appendEscChar(b, c)
	}
	return b, off, false
}

// printKRB is krb_print for UDP ports 88 and 750 (either side), appended
// after "SRC.SPORT > DST.DPORT: ": "kerberos v5", "kerberos v4 le #0: (unknown)".
func printKRB(b []byte, data []byte, length int) []byte {
	b = append(b, "kerberos"...)
	if len(data) < 1 {
		return appendTrunc(b, "kerberos")
	}
	switch v := data[0]; v {
	case 1, 2, 3:
		b = append(b, " v"...)
		return appendUint(b, uint64(v))
	case 4:
		b = append(b, " v4"...)
		return krbPrint4(b, data)
	case 106, 107:
		return append(b, " v5"...)
	}
	return b
}

// krbU16 is KTOHSP: a 16-bit field in the byte order the message claims.
func krbU16(data []byte, off int, le bool) (uint16, bool) {
	if off < 0 || off+2 > len(data) {
		return 0, false
	}
	if le {
		return uint16(data[off]) | uint16(data[off+1])<<8, true
	}
	return be16(data[off:]), true
}

// krbPrint4 is krb4_print.
func krbPrint4(b []byte, data []byte) []byte {
	if len(data) < 2 {
		return appendTrunc(b, "kerberos")
	}
	le := data[1]&1 != 0
	t := data[1] &^ 1
	if le {
		b = append(b, " le "...)
	} else {
		b = append(b, " be "...)
	}
	b = krbAppendType(b, t)
	b = append(b, ": "...)
	var ok bool
	off := 0
	// hdr is krb4_print_hdr: name.instance@realm after the 2-byte header.
	hdr := func() bool {
		off = 2
		if b, off, ok = krbCString(b, data, off); !ok {
			return false
		}
		b = append(b, '.')
		if b, off, ok = krbCString(b, data, off); !ok {
			return false
		}
		b = append(b, '@')
		b, off, ok = krbCString(b, data, off)
		return ok
	}
	switch t {
	case 2: // KDC_REQUEST
		if !hdr() {
			return appendTrunc(b, "kerberos")
		}
		off += 4 // ctime
		if off >= len(data) {
			return appendTrunc(b, "kerberos")
		}
		b = append(b, ' ')
		b = appendUint(b, uint64(data[off])*5)
		b = append(b, "min "...)
		off++
		if b, off, ok = krbCString(b, data, off); !ok {
			return appendTrunc(b, "kerberos")
		}
		b = append(b, '.')
		if b, off, ok = krbCString(b, data, off); !ok {
			return appendTrunc(b, "kerberos")
		}
	case 6: // APPL_REQUEST
		off = 2
		if off >= len(data) {
			return appendTrunc(b, "kerberos")
		}
		b = append(b, 'v')
		b = appendUint(b, uint64(data[off]))
		b = append(b, ' ')
		off++
		if b, off, ok = krbCString(b, data, off); !ok {
			return appendTrunc(b, "kerberos")
		}
		for i := 0; i < 2; i++ {
			if off >= len(data) {
				return appendTrunc(b, "kerberos")
			}
			b = append(b, " ("...)
			b = appendUint(b, uint64(data[off]))
			b = append(b, ')')
			off++
		}
	case 4: // KDC_REPLY
		if !hdr() {
			return appendTrunc(b, "kerberos")
		}
		off += 10 // timestamp + n + exp + kvno
		v, ok := krbU16(data, off, le)
		if !ok {
			return appendTrunc(b, "kerberos")
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(v))
		b = append(b, ')')
	case 10: // ERR_REPLY
		if !hdr() {
			return appendTrunc(b, "kerberos")
		}
		off += 4 // timestamp
		v, ok := krbU16(data, off, le)
		if !ok {
			return appendTrunc(b, "kerberos")
		}
		b = append(b, ' ')
		if int(v) < len(krbErrors) {
			b = append(b, krbErrors[v]...)
		} else {
			b = append(b, '#')
			b = appendUint(b, uint64(v))
		}
		b = append(b, ' ')
		off += 4
		if b, off, ok = krbCString(b, data, off); !ok {
			return appendTrunc(b, "kerberos")
		}
	default:
		b = append(b, "(unknown)"...)
	}
	return b
}
