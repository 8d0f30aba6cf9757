package decoder

// LWAPP (print-lwapp.c), UDP ports 12223 (control) and 12222 (data), at
// default verbosity.

// lwappHeader appends the non-verbose line for the transport header whose
// first byte is v.
func lwappHeader(b []byte, v byte, length int) []byte {
	if ver := v >> 6; ver != 0 {
		b = append(b, "LWAPP version "...)
		b = appendUint(b, uint64(ver))
		return append(b, " packet not supported"...)
	}
	b = append(b, "LWAPPv0, "...)
	if v&0x04 != 0 {
		b = append(b, "Control"...)
	} else {
		b = append(b, "Data"...)
	}
	b = append(b, " frame, Flags ["...)
	n := len(b)
	for _, f := range [...]struct {
		bit  byte
		name string
	}{{0x01, "Last Fragment Bit"}, {0x02, "Fragment Bit"}, {0x04, "Control Bit"}} {
		if v&f.bit != 0 {
			if len(b) != n {
				b = append(b, ", "...)
			}
			b = append(b, f.name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	b = append(b, "], length "...)
	return appendUint(b, uint64(length))
}

// printLWAPPControl is lwapp_control_print, appended after
// "SRC.SPORT > DST.DPORT: ". apIdent is set for destination port 12223
// (the header follows a 6-byte AP identity), clear for source port 12223.
func printLWAPPControl(b []byte, data []byte, length int, apIdent bool) []byte {
	off := 0
	if apIdent {
		off = 6
	}
	if len(data) < off+6 {
		return appendTrunc(b, "lwapp_control")
	}
	return lwappHeader(b, data[off], length)
}

// printLWAPPData is lwapp_data_print, appended after
// "SRC.SPORT > DST.DPORT: ".
func printLWAPPData(b []byte, data []byte, length int) []byte {
	if len(data) < 6 {
		return appendTrunc(b, "lwapp_data")
	}
	return lwappHeader(b, data[0], length)
}

// udpLWAPPControlDst and udpLWAPPControlSrc adapt printLWAPPControl to the
// UDP port table (dst 12223, then src 12223).
func udpLWAPPControlDst(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printLWAPPControl(b, data, length, true)
}

func udpLWAPPControlSrc(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printLWAPPControl(b, data, length, false)
}
