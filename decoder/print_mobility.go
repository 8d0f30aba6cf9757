package decoder

// The IPv6 Mobility header (next header 135, and the old 62) as tcpdump
// 4.99.5's print-mobility.c prints it at default verbosity, and the
// minimal encapsulation of IP protocol 55 (print-mobile.c).

var mobilityTypeNames = [...]string{"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"}

// mobilityMinLen is tcpdump's ip6m_hdrlen.
var mobilityMinLen = [...]uint32{8, 16, 16, 24, 24, 12, 12, 24}

// printMobility is mobility_print. data starts at the Mobility header;
// length is what remains of the IPv6 payload. ip6_print has printed
// "SRC > DST: " (and any extension headers) before it and stops after it.
func (d *Decoder) printMobility(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 2 {
		return appendTrunc(b, "mobility")
	}
	mhlen := (uint32(data[1]) + 1) << 3
	if len(data) < 3 {
		return appendTrunc(b, "mobility")
	}
	typ := data[2]
	if int(typ) < len(mobilityMinLen) && mhlen < mobilityMinLen[typ] {
		b = append(b, "(header length "...)
		b = appendUint(b, uint64(mhlen))
		b = append(b, " is too small for type "...)
		b = appendUint(b, uint64(typ))
		b = append(b, ')')
		return appendTrunc(b, "mobility")
	}
	b = append(b, "mobility: "...)
	if int(typ) < len(mobilityTypeNames) {
		b = append(b, mobilityTypeNames[typ]...)
	} else {
		b = append(b, "type-#"...)
		b = appendUint(b, uint64(typ))
	}
	switch typ {
	case 0, 1, 2:
	case 3, 4:
		if len(data) < 8 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " nonce id=0x"...)
		b = appendHex(b, uint64(be16(data[6:])))
	case 5:
		if len(data) < 8 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " seq#="...)
		b = appendUint(b, uint64(be16(data[6:])))
		if len(data) < 10 {
			return appendTrunc(b, "mobility")
		}
		if bits := data[8] >> 4; bits != 0 {
			b = append(b, ' ')
			if bits&8 != 0 {
				b = append(b, 'A')
			}
			if bits&4 != 0 {
				b = append(b, 'H')
			}
			if bits&2 != 0 {
				b = append(b, 'L')
			}
			if bits&1 != 0 {
				b = append(b, 'K')
			}
		}
		if len(data) < 12 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " lifetime="...)
		b = appendUint(b, uint64(be16(data[10:]))<<2)
	case 6:
		if len(data) < 7 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " status="...)
		b = appendUint(b, uint64(data[6]))
		if len(data) < 8 {
			return appendTrunc(b, "mobility")
		}
		if data[7]&0x80 != 0 {
			b = append(b, " K"...)
		}
		if len(data) < 10 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " seq#="...)
		b = appendUint(b, uint64(be16(data[8:])))
		if len(data) < 12 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " lifetime="...)
		b = appendUint(b, uint64(be16(data[10:]))<<2)
	case 7:
		if len(data) < 7 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " status="...)
		b = appendUint(b, uint64(data[6]))
		if len(data) < 24 {
			return appendTrunc(b, "mobility")
		}
		b = append(b, " homeaddr "...)
		b = appendIPv6(b, data[8:24])
	default:
		b = append(b, " len="...)
		b = appendUint(b, uint64(data[1]))
	}
	return b
}

// printMobile is mobile_print (IP protocol 55, RFC 2004 minimal
// encapsulation). The core has printed "SRC > DST: " before it.
func (d *Decoder) printMobile(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if uint32(length) < 8 || len(data) < 12 {
		return appendTrunc(b, "mobile")
	}
	b = append(b, "mobile: "...)
	proto := be16(data)
	n := 8
	if proto&0x0080 != 0 {
		b = append(b, "[S] "...)
		n = 12
	} else {
		b = append(b, "[] "...)
	}
	var sum uint32
	for i := 0; i < n; i += 2 {
		sum += uint32(be16(data[i:]))
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	if sum != 0xffff {
		b = append(b, " (bad checksum "...)
		b = appendUint(b, uint64(be16(data[2:])))
		b = append(b, ')')
	}
	return b
}
