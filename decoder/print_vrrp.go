package decoder

// VRRP (IP protocol 112) as tcpdump 4.99.5's print-vrrp.c prints it at
// default verbosity. CARP uses the same protocol number and, without
// "-T carp", is printed by the VRRP printer too.

// printVRRP is vrrp_print. data starts at the VRRP header; length is the
// IP payload length; ip.ttl is the IPv4 TTL or IPv6 hop limit. The core
// has printed "SRC > DST: " before it.
func (d *Decoder) printVRRP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	b = append(b, "VRRP"...)
	if len(data) < 1 {
		return appendTrunc(b, "vrrp")
	}
	version, typ := data[0]>>4, data[0]&0xf
	b = append(b, 'v')
	b = appendUint(b, uint64(version))
	if typ == 1 {
		b = append(b, ", Advertisement"...)
	} else {
		b = append(b, ", unknown type ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, ')')
	}
	if ip.ttl != 255 {
		b = append(b, ", (ttl "...)
		b = appendUint(b, uint64(ip.ttl))
		b = append(b, ')')
	}
	if version < 2 || version > 3 || typ != 1 {
		return b
	}
	if len(data) < 3 {
		return appendTrunc(b, "vrrp")
	}
	b = append(b, ", vrid "...)
	b = appendUint(b, uint64(data[1]))
	b = append(b, ", prio "...)
	b = appendUint(b, uint64(data[2]))
	if version == 2 {
		if len(data) < 5 {
			return appendTrunc(b, "vrrp")
		}
		b = append(b, ", authtype "...)
		switch a := data[4]; a {
		case 0:
			b = append(b, "none"...)
		case 1:
			b = append(b, "simple"...)
		case 2:
			b = append(b, "ah"...)
		default:
			b = append(b, '#')
			b = appendUint(b, uint64(a))
		}
		if len(data) < 6 {
			return appendTrunc(b, "vrrp")
		}
		b = append(b, ", intvl "...)
		b = appendUint(b, uint64(data[5]))
		b = append(b, "s, length "...)
		return appendUint(b, uint64(uint32(length)))
	}
	if len(data) < 6 {
		return appendTrunc(b, "vrrp")
	}
	b = append(b, ", intvl "...)
	b = appendUint(b, uint64(data[4]&0x0f)<<8|uint64(data[5]))
	b = append(b, "cs, length "...)
	return appendUint(b, uint64(uint32(length)))
}
