package decoder

// BOOTP/DHCP (UDP ports 67 and 68), tcpdump's bootp_print at default
// verbosity: the opcode, the client MAC of an Ethernet request and the
// UDP payload length.

// printBOOTP appends "BOOTP/DHCP, Request from MAC, length N" and its
// variants ("Reply", "unknown (0xNN)").
func printBOOTP(b []byte, data []byte, length int) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "bootp")
	}
	op := data[0]
	b = append(b, "BOOTP/DHCP, "...)
	switch op {
	case 1:
		b = append(b, "Request"...)
	case 2:
		b = append(b, "Reply"...)
	default:
		b = append(b, "unknown (0x"...)
		b = appendHexByte(b, op)
		b = append(b, ')')
	}
	if len(data) < 3 {
		return appendTrunc(b, "bootp")
	}
	if data[1] == 1 && data[2] == 6 && op == 1 {
		// chaddr is at offset 28.
		if len(data) < 34 {
			return appendTrunc(b, "bootp")
		}
		b = append(b, " from "...)
		for i := 28; i < 34; i++ {
			if i > 28 {
				b = append(b, ':')
			}
			b = appendHexByte(b, data[i])
		}
	}
	b = append(b, ", length "...)
	return appendUint(b, uint64(uint32(length)))
}
