package decoder

// LMP (print-lmp.c), UDP port 701, at default verbosity: the message type.

// lmpMsgType is lmp_msg_type_values.
func lmpMsgType(t uint8) string {
	switch {
	case t >= 1 && t <= 20:
		return [...]string{"Config", "Config ACK", "Config NACK", "Hello",
			"Begin Verify", "Begin Verify ACK", "Begin Verify NACK", "End Verify",
			"End Verify ACK", "Test", "Test Status Success", "Test Status Failure",
			"Test Status ACK", "Link Summary", "Link Summary ACK", "Link Summary NACK",
			"Channel Status", "Channel Status ACK", "Channel Status Request",
			"Channel Status Response"}[t-1]
	case t == 50:
		return "Service Config"
	case t == 51:
		return "Service Config ACK"
	case t == 52:
		return "Service Config NACK"
	}
	return ""
}

// printLMP is lmp_print, appended after "SRC.SPORT > DST.DPORT: ":
// "LMPv1 Hello Message, length: 20", "LMP version 0 packet not supported".
func printLMP(b []byte, data []byte, length int) []byte {
	if len(data) < 8 {
		return appendTrunc(b, "lmp")
	}
	v := data[0] >> 4
	if v != 1 {
		b = append(b, "LMP version "...)
		b = appendUint(b, uint64(v))
		return append(b, " packet not supported"...)
	}
	b = append(b, "LMPv1 "...)
	if s := lmpMsgType(data[3]); s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(data[3]))
		b = append(b, ')')
	}
	b = append(b, " Message, length: "...)
	return appendUint(b, uint64(length))
}
