package decoder

// PIM (IP protocol 103) as tcpdump 4.99.5's print-pim.c prints it at
// default verbosity, and the PIMv1 messages carried in IGMP.

var pimV2TypeNames = [...]string{
	"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap", "Assert",
	"Graft", "Graft Acknowledgement", "Candidate RP Advertisement",
	"Prune Refresh", "DF Election", "ECMP Redirect",
}

var pimV1TypeNames = [...]string{
	"Query", "Register", "Register-Stop", "Join/Prune", "RP-reachable",
	"Assert", "Graft", "Graft-ACK",
}

// printPIM is pim_print. data starts at the PIM header; length is the IP
// payload length. The core has printed "SRC > DST: " before it.
func (d *Decoder) printPIM(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "pim")
	}
	ver, typ := data[0]>>4, data[0]&0xf
	b = append(b, "PIMv"...)
	b = appendUint(b, uint64(ver))
	if ver == 2 {
		b = append(b, ", "...)
		if int(typ) < len(pimV2TypeNames) {
			b = append(b, pimV2TypeNames[typ]...)
		} else {
			b = append(b, "Unknown Type"...)
		}
	}
	b = append(b, ", length "...)
	return appendUint(b, uint64(uint32(length)))
}

// pimV1Print is pimv1_print at default verbosity; data starts at the IGMP
// header that carries the PIMv1 message.
func pimV1Print(b []byte, data []byte, n uint32) []byte {
	if len(data) < 2 {
		return appendTrunc(b, "pimv1")
	}
	typ := data[1]
	b = append(b, ' ')
	if int(typ) < len(pimV1TypeNames) {
		b = append(b, pimV1TypeNames[typ]...)
	} else {
		b = append(b, "[type "...)
		b = appendUint(b, uint64(typ))
		b = append(b, ']')
	}
	switch typ {
	case 0: // Query
		if len(data) > 8 {
			switch m := data[8] >> 4; m {
			case 0:
				b = append(b, " Dense-mode"...)
			case 1:
				b = append(b, " Sparse-mode"...)
			case 2:
				b = append(b, " Sparse-Dense-mode"...)
			default:
				b = append(b, " mode-"...)
				b = appendUint(b, uint64(m))
			}
		}
	case 1: // Register
		if len(data) < 28 {
			return appendTrunc(b, "pimv1")
		}
		b = append(b, " for "...)
		b = appendIPv4(b, data[20:24])
		b = append(b, " > "...)
		b = appendIPv4(b, data[24:28])
	case 2: // Register-Stop
		if len(data) < 16 {
			return appendTrunc(b, "pimv1")
		}
		b = append(b, " for "...)
		b = appendIPv4(b, data[8:12])
		b = append(b, " > "...)
		b = appendIPv4(b, data[12:16])
	case 5: // Assert
		if len(data) < 20 {
			return appendTrunc(b, "pimv1")
		}
		b = append(b, " for "...)
		b = appendIPv4(b, data[16:20])
		b = append(b, " > "...)
		b = appendIPv4(b, data[8:12])
		if be32(data[12:]) != 0xffffffff {
			b = append(b, '/')
			b = appendIPv4(b, data[12:16])
		}
		if len(data) < 28 {
			return appendTrunc(b, "pimv1")
		}
		if data[20]&0x80 != 0 {
			b = append(b, " RP-tree pref "...)
		} else {
			b = append(b, " SPT pref "...)
		}
		b = appendUint(b, uint64(be32(data[20:])&0x7fffffff))
		b = append(b, " metric "...)
		b = appendUint(b, uint64(be32(data[24:])))
	}
	if len(data) < 5 {
		return appendTrunc(b, "pimv1")
	}
	if v := data[4] >> 4; v != 1 {
		b = append(b, " [v"...)
		b = appendUint(b, uint64(v))
		b = append(b, ']')
	}
	return b
}
