package decoder

// RADIUS (print-radius.c) at default verbosity: the header line only.

// radiusCommand returns radius_command_values' name for code c.
func radiusCommand(c byte) string {
	switch c {
	case 1:
		return "Access-Request"
	case 2:
		return "Access-Accept"
	case 3:
		return "Access-Reject"
	case 4:
		return "Accounting-Request"
	case 5:
		return "Accounting-Response"
	case 11:
		return "Access-Challenge"
	case 12:
		return "Status-Server"
	case 13:
		return "Status-Client"
	case 40:
		return "Disconnect-Request"
	case 41:
		return "Disconnect-ACK"
	case 42:
		return "Disconnect-NAK"
	case 43:
		return "CoA-Request"
	case 44:
		return "CoA-ACK"
	case 45:
		return "CoA-NAK"
	case 255:
		return "Reserved"
	}
	return "Unknown Command"
}

// printRADIUS is radius_print for UDP ports 1645, 1812, 1646, 1813, 1700
// and 3799 (either side), appended after "SRC.SPORT > DST.DPORT: ":
// "RADIUS, Access-Request (1), id: 0x01 length: 20". The 20-byte header
// must be captured and its length field be at least 20, else " [|radius]".
func printRADIUS(b []byte, data []byte, length int) []byte {
	if len(data) < 20 {
		return appendTrunc(b, "radius")
	}
	n := int(be16(data[2:]))
	if n < 20 {
		return appendTrunc(b, "radius")
	}
	if n > length {
		n = length
	}
	b = append(b, "RADIUS, "...)
	b = append(b, radiusCommand(data[0])...)
	b = append(b, " ("...)
	b = appendUint(b, uint64(data[0]))
	b = append(b, "), id: 0x"...)
	b = appendHexByte(b, data[1])
	b = append(b, " length: "...)
	return appendUint(b, uint64(uint32(n)))
}
