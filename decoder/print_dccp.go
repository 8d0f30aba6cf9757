package decoder

// DCCP (IP protocol 33) as tcpdump 4.99.5's print-dccp.c prints it at
// default verbosity.

var dccpTypeNames = [...]string{
	"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack", "DCCP-DataAck",
	"DCCP-CloseReq", "DCCP-Close", "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck",
}

var dccpResetCodes = [...]string{
	"unspecified", "closed", "aborted", "no_connection", "packet_error",
	"option_error", "mandatory_error", "connection_refused", "bad_service_code",
	"too_busy", "bad_init_cookie", "aggression_penalty",
}

// printDCCP is dccp_print. data starts at the DCCP header; length is the
// IP payload length. Like SCTP it prints "SRC.SPORT > DST.DPORT: " itself
// from the enclosing IP header.
func (d *Decoder) printDCCP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	n := uint32(length)
	if len(data) < 12 {
		return appendTrunc(b, "dccp")
	}
	if n < 12 {
		b = append(b, "truncated-dccp - "...)
		b = appendUint(b, uint64(12-n))
		return append(b, " bytes missing!"...)
	}
	x := data[8]&1 != 0
	fixed := uint32(12)
	if x {
		fixed = 16
	}
	if n < fixed {
		b = append(b, "truncated-dccp - "...)
		b = appendUint(b, uint64(fixed-n))
		return append(b, " bytes missing!"...)
	}
	if uint32(len(data)) < fixed {
		return appendTrunc(b, "dccp")
	}
	sport, dport := be16(data), be16(data[2:])
	d.notePorts(ip, sport, dport)
	b = ip.appendEndpoints(b, sport, dport)
	b = append(b, ": DCCP "...)
	typ := (data[8] >> 1) & 0xf
	name := ""
	if int(typ) < len(dccpTypeNames) {
		name = dccpTypeNames[typ]
	}
	// missing reports a header too short for its type.
	missing := func(b []byte, need uint32) []byte {
		b = append(b, "truncated-"...)
		b = append(b, name...)
		b = append(b, " - "...)
		b = appendUint(b, uint64(need-n))
		return append(b, " bytes missing!"...)
	}
	switch typ {
	case 0: // Request
		if n < fixed+4 {
			return missing(b, fixed+4)
		}
		if uint32(len(data)) < fixed+4 {
			return appendTrunc(b, "dccp")
		}
		b = append(b, name...)
		b = append(b, " (service="...)
		b = appendUint(b, uint64(be32(data[fixed:])))
		b = append(b, ") "...)
	case 1: // Response
		if n < fixed+12 {
			return missing(b, fixed+12)
		}
		if uint32(len(data)) < fixed+12 {
			return appendTrunc(b, "dccp")
		}
		b = append(b, name...)
		b = append(b, " (service="...)
		b = appendUint(b, uint64(be32(data[fixed+8:])))
		b = append(b, ") "...)
	case 2: // Data
		b = append(b, name...)
		b = append(b, ' ')
	case 7: // Reset
		if n < fixed+12 {
			return missing(b, fixed+12)
		}
		if uint32(len(data)) < fixed+12 {
			return appendTrunc(b, "dccp")
		}
		b = append(b, name...)
		b = append(b, " (code="...)
		if c := data[fixed+8]; int(c) < len(dccpResetCodes) {
			b = append(b, dccpResetCodes[c]...)
		} else {
			b = append(b, "invalid"...)
		}
		b = append(b, ") "...)
	case 3, 4, 5, 6, 8, 9:
		if n < fixed+8 {
			return missing(b, fixed+8)
		}
		b = append(b, name...)
		b = append(b, ' ')
	default:
		b = append(b, "unknown-type-"...)
		b = appendUint(b, uint64(typ))
		b = append(b, ' ')
	}
	if typ != 0 && typ != 2 {
		// dccp_print_ack_no
		var ack uint64
		if x {
			if uint32(len(data)) < fixed+8 {
				return appendTrunc(b, "dccp")
			}
			a := data[fixed+2 : fixed+8]
			ack = uint64(a[0])<<40 | uint64(a[1])<<32 | uint64(be32(a[2:]))
		} else {
			if uint32(len(data)) < fixed+4 {
				return appendTrunc(b, "dccp")
			}
			a := data[fixed+1 : fixed+4]
			ack = uint64(a[0])<<16 | uint64(a[1])<<8 | uint64(a[2])
		}
		b = append(b, "(ack="...)
		b = appendUint(b, ack)
		b = append(b, ") "...)
	}
	return b
}
