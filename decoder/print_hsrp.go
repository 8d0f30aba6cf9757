package decoder

// HSRP (print-hsrp.c) at default verbosity.

// hsrpOpCodes is op_code_str.
var hsrpOpCodes = [...]string{"hello", "coup", "resign"}

// hsrpState returns the states table's name for s, "" if none.
func hsrpState(s byte) string {
	switch s {
	case 0:
		return "initial"
	case 1:
		return "learn"
	case 2:
		return "listen"
	case 4:
		return "speak"
	case 8:
		return "standby"
	case 16:
		return "active"
	}
	return ""
}

// printHSRP is hsrp_print for UDP destination port 1985, appended after
// "SRC.SPORT > DST.DPORT: ":
// "HSRPv0-hello 20: state=active group=1 addr=10.0.0.254".
func printHSRP(b []byte, data []byte, length int) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "hsrp")
	}
	b = append(b, "HSRPv"...)
	b = appendUint(b, uint64(data[0]))
	if data[0] != 0 {
		return b
	}
	b = append(b, '-')
	if len(data) < 2 {
		return appendTrunc(b, "hsrp")
	}
	if op := data[1]; int(op) < len(hsrpOpCodes) {
		b = append(b, hsrpOpCodes[op]...)
	} else {
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(op))
		b = append(b, ')')
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(uint32(length)))
	b = append(b, ": "...)
	if len(data) < 3 {
		return appendTrunc(b, "hsrp")
	}
	b = append(b, "state="...)
	if s := hsrpState(data[2]); s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "Unknown ("...)
		b = appendUint(b, uint64(data[2]))
		b = append(b, ')')
	}
	b = append(b, ' ')
	if len(data) < 7 {
		return appendTrunc(b, "hsrp")
	}
	b = append(b, "group="...)
	b = appendUint(b, uint64(data[6]))
	b = append(b, ' ')
	if len(data) < 8 {
		return appendTrunc(b, "hsrp")
	}
	if data[7] != 0 {
		b = append(b, "[reserved="...)
		b = appendUint(b, uint64(data[7]))
		b = append(b, "!] "...)
	}
	if len(data) < 20 {
		return appendTrunc(b, "hsrp")
	}
	b = append(b, "addr="...)
	return appendIPv4(b, data[16:20])
}
