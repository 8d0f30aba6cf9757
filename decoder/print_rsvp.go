package decoder

// RSVP (IP protocol 46) as tcpdump 4.99.5's print-rsvp.c prints it at
// default verbosity: the message type only.

// rsvpMsgName is tcpdump's rsvp_msg_type_values; "" when unknown.
func rsvpMsgName(t uint8) string {
	switch t {
	case 1:
		return "Path"
	case 2:
		return "Resv"
	case 3:
		return "PathErr"
	case 4:
		return "ResvErr"
	case 5:
		return "PathTear"
	case 6:
		return "ResvTear"
	case 7:
		return "ResvConf"
	case 12:
		return "Bundle"
	case 13:
		return "Acknowledgement"
	case 14:
		return "Hello (Old)"
	case 15:
		return "Refresh"
	case 20:
		return "Hello"
	}
	return ""
}

// printRSVP is rsvp_print. data starts at the RSVP header; length is the
// IP payload length. The core has printed "SRC > DST: " before it.
func (d *Decoder) printRSVP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 8 {
		return appendTrunc(b, "rsvp")
	}
	if v := data[0] >> 4; v != 1 {
		b = append(b, "ERROR: RSVP version "...)
		b = appendUint(b, uint64(v))
		return append(b, " packet not supported"...)
	}
	b = append(b, "RSVPv1 "...)
	if name := rsvpMsgName(data[1]); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(data[1]))
		b = append(b, ')')
	}
	b = append(b, " Message, length: "...)
	return appendUint(b, uint64(uint32(length)))
}
