package decoder

// IGMP (IP protocol 2) as tcpdump 4.99.5's print-igmp.c prints it at
// default verbosity, with the DVMRP messages it carries (print-dvmrp.c).

// igmpRelTS is unsigned_relts_print: seconds as "1y2w3d4h5m6s".
func igmpRelTS(b []byte, secs uint32) []byte {
	if secs == 0 {
		return append(b, "0s"...)
	}
	units := [...]uint32{31536000, 604800, 86400, 3600, 60, 1}
	const names = "ywdhms"
	for i, u := range units {
		if secs >= u {
			b = appendUint(b, uint64(secs/u))
			b = append(b, names[i])
			secs %= u
		}
	}
	return b
}

// printIGMP is igmp_print. data starts at the IGMP header; length is the
// IP payload length. The core has printed "SRC > DST: " before it.
func (d *Decoder) printIGMP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	n := uint32(length)
	if len(data) < 1 {
		return appendTrunc(b, "igmp")
	}
	switch t := data[0]; t {
	case 0x11:
		b = append(b, "igmp query"...)
		if n >= 12 {
			return igmpV3Query(b, data, n)
		}
		if len(data) < 2 {
			return appendTrunc(b, "igmp")
		}
		if data[1] != 0 {
			b = append(b, " v2"...)
			if data[1] != 100 {
				b = append(b, " [max resp time "...)
				b = appendUint(b, uint64(data[1]))
				b = append(b, ']')
			}
		} else {
			b = append(b, " v1"...)
		}
		if len(data) < 8 {
			return appendTrunc(b, "igmp")
		}
		if be32(data[4:]) != 0 {
			b = append(b, " [gaddr "...)
			b = appendIPv4(b, data[4:8])
			b = append(b, ']')
		}
		if n != 8 {
			b = append(b, " [len "...)
			b = appendUint(b, uint64(n))
			b = append(b, ']')
		}
	case 0x12, 0x16, 0x17:
		if len(data) < 8 {
			return appendTrunc(b, "igmp")
		}
		switch t {
		case 0x12:
			b = append(b, "igmp v1 report "...)
		case 0x16:
			b = append(b, "igmp v2 report "...)
		default:
			b = append(b, "igmp leave "...)
		}
		b = appendIPv4(b, data[4:8])
		if t == 0x12 && n != 8 {
			b = append(b, " [len "...)
			b = appendUint(b, uint64(n))
			b = append(b, ']')
		}
	case 0x22:
		b = append(b, "igmp v3 report"...)
		if n < 16 || n&3 != 0 {
			b = append(b, " [invalid len "...)
			b = appendUint(b, uint64(n))
			return append(b, ']')
		}
		if len(data) < 8 {
			return appendTrunc(b, "igmp")
		}
		b = append(b, ", "...)
		b = appendUint(b, uint64(be16(data[6:])))
		b = append(b, " group record(s)"...)
	case 0x13:
		b = append(b, "igmp dvmrp"...)
		if n < 8 {
			b = append(b, " [len "...)
			b = appendUint(b, uint64(n))
			return append(b, ']')
		}
		return dvmrpPrint(b, data, n)
	case 0x14:
		b = append(b, "igmp pimv1"...)
		return pimV1Print(b, data, n)
	case 0x1e:
		return igmpMtrace(b, "mresp", data, n)
	case 0x1f:
		return igmpMtrace(b, "mtrace", data, n)
	default:
		b = append(b, "igmp-"...)
		b = appendUint(b, uint64(t))
	}
	return b
}

// igmpV3Query is print_igmpv3_query.
func igmpV3Query(b []byte, data []byte, n uint32) []byte {
	b = append(b, " v3"...)
	if n < 12 || n&3 != 0 {
		b = append(b, " [invalid len "...)
		b = appendUint(b, uint64(n))
		return append(b, ']')
	}
	if len(data) < 2 {
		return appendTrunc(b, "igmp")
	}
	mrc := uint32(data[1])
	mrt := mrc
	if mrc >= 128 {
		mrt = ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3)
	}
	if mrc != 100 {
		b = append(b, " [max resp time "...)
		if mrt < 600 {
			// "%.1fs" of mrt * 0.1
			b = appendUint(b, uint64(mrt/10))
			b = append(b, '.')
			b = appendUint(b, uint64(mrt%10))
			b = append(b, 's')
		} else {
			b = igmpRelTS(b, mrt/10)
		}
		b = append(b, ']')
	}
	if len(data) < 8 {
		return appendTrunc(b, "igmp")
	}
	if be32(data[4:]) == 0 {
		return b
	}
	b = append(b, " [gaddr "...)
	b = appendIPv4(b, data[4:8])
	if len(data) < 12 {
		return appendTrunc(b, "igmp")
	}
	nsrcs := uint32(be16(data[10:]))
	if nsrcs > 0 {
		if n < 12+(nsrcs<<2) {
			b = append(b, " [invalid number of sources]"...)
		} else {
			b = append(b, ", "...)
			b = appendUint(b, uint64(nsrcs))
			b = append(b, " source(s)"...)
		}
	}
	return append(b, ']')
}

// igmpMtrace is print_mtrace.
func igmpMtrace(b []byte, name string, data []byte, n uint32) []byte {
	if n < 8+16 {
		b = append(b, " [invalid len "...)
		b = appendUint(b, uint64(n))
		return append(b, ']')
	}
	if len(data) < 8+16 {
		return appendTrunc(b, "igmp")
	}
	tr := data[8:]
	b = append(b, name...)
	b = append(b, ' ')
	b = appendUint(b, uint64(tr[13])<<16|uint64(tr[14])<<8|uint64(tr[15]))
	b = append(b, ": "...)
	b = appendIPv4(b, tr[0:4])
	b = append(b, " to "...)
	b = appendIPv4(b, tr[4:8])
	b = append(b, " reply-to "...)
	b = appendIPv4(b, tr[8:12])
	if tr[8]&0xf0 == 0xe0 {
		b = append(b, " with-ttl "...)
		b = appendUint(b, uint64(tr[12]))
	}
	return b
}

// dvmrpNames is tcpdump's dvmrp_msgtype_str.
var dvmrpNames = [...]string{
	1: "Probe", 2: "Report", 3: "Ask-neighbors(old)", 4: "Neighbors(old)",
	5: "Ask-neighbors2", 6: "Neighbors2", 7: "Prune", 8: "Graft", 9: "Graft-ACK",
}

// dvmrpPrint is dvmrp_print at default verbosity; data starts at the IGMP
// header and n >= 8.
func dvmrpPrint(b []byte, data []byte, n uint32) []byte {
	if len(data) < 2 {
		return appendTrunc(b, "dvmrp")
	}
	typ := data[1]
	b = append(b, ' ')
	if int(typ) < len(dvmrpNames) && dvmrpNames[typ] != "" {
		b = append(b, dvmrpNames[typ]...)
	} else {
		b = append(b, "[type "...)
		b = appendUint(b, uint64(typ))
		b = append(b, ']')
	}
	p := data[min(8, len(data)):]
	n -= 8
	switch typ {
	case 4:
		return dvmrpNeighbors(b, p, n)
	case 6:
		if len(data) < 8 {
			return appendTrunc(b, "dvmrp")
		}
		return dvmrpNeighbors2(b, p, n, data[7], data[6])
	case 7, 8, 9:
		if len(p) < 8 {
			return appendTrunc(b, "dvmrp")
		}
		b = append(b, " src "...)
		b = appendIPv4(b, p[0:4])
		b = append(b, " grp "...)
		b = appendIPv4(b, p[4:8])
		if typ == 7 {
			b = append(b, " timer "...)
			if len(p) < 12 {
				return appendTrunc(b, "dvmrp")
			}
			b = igmpRelTS(b, be32(p[8:]))
		}
	}
	return b
}

func dvmrpNeighbors(b []byte, p []byte, n uint32) []byte {
	i := 0
	for n > 0 {
		if n < 7 {
			b = append(b, " [length "...)
			b = appendUint(b, uint64(n))
			return append(b, " < 7] (invalid)"...)
		}
		if len(p) < i+7 {
			return appendTrunc(b, "dvmrp")
		}
		laddr := p[i : i+4]
		metric, thresh := p[i+4], p[i+5]
		ncount := int(p[i+6])
		i += 7
		n -= 7
		for ; ncount > 0; ncount-- {
			if n < 4 {
				b = append(b, " [length "...)
				b = appendUint(b, uint64(n))
				return append(b, " < 4] (invalid)"...)
			}
			b = append(b, " ["...)
			b = appendIPv4(b, laddr)
			b = append(b, " ->"...)
			if len(p) < i+4 {
				return appendTrunc(b, "dvmrp")
			}
			b = append(b, ' ')
			b = appendIPv4(b, p[i:i+4])
			b = append(b, ", ("...)
			b = appendUint(b, uint64(metric))
			b = append(b, '/')
			b = appendUint(b, uint64(thresh))
			b = append(b, ")]"...)
			i += 4
			n -= 4
		}
	}
	return b
}

func dvmrpNeighbors2(b []byte, p []byte, n uint32, major, minor uint8) []byte {
	b = append(b, " (v "...)
	b = appendUint(b, uint64(major))
	b = append(b, '.')
	b = appendUint(b, uint64(minor))
	b = append(b, "):"...)
	i := 0
	for n > 0 {
		if n < 8 {
			b = append(b, " [length "...)
			b = appendUint(b, uint64(n))
			return append(b, " < 8] (invalid)"...)
		}
		if len(p) < i+8 {
			return appendTrunc(b, "dvmrp")
		}
		laddr := p[i : i+4]
		metric, thresh, flags := p[i+4], p[i+5], p[i+6]
		ncount := int(p[i+7])
		i += 8
		n -= 8
		for ncount--; ncount >= 0 && n > 0; ncount-- {
			if n < 4 {
				b = append(b, " [length "...)
				b = appendUint(b, uint64(n))
				return append(b, " < 4] (invalid)"...)
			}
			b = append(b, " ["...)
			b = appendIPv4(b, laddr)
			b = append(b, " -> "...)
			if len(p) < i+4 {
				return appendTrunc(b, "dvmrp")
			}
			b = appendIPv4(b, p[i:i+4])
			b = append(b, " ("...)
			b = appendUint(b, uint64(metric))
			b = append(b, '/')
			b = appendUint(b, uint64(thresh))
			if flags&0x01 != 0 {
				b = append(b, "/tunnel"...)
			}
			if flags&0x02 != 0 {
				b = append(b, "/srcrt"...)
			}
			if flags&0x40 != 0 {
				b = append(b, "/querier"...)
			}
			if flags&0x20 != 0 {
				b = append(b, "/disabled"...)
			}
			if flags&0x10 != 0 {
				b = append(b, "/down"...)
			}
			b = append(b, ")]"...)
			i += 4
			n -= 4
		}
		if ncount != -1 {
			return append(b, " [invalid ncount] (invalid)"...)
		}
	}
	return b
}
