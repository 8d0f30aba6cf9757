package decoder

// SOME/IP (print-someip.c), UDP port 30490. The record ends with an extra
// newline tcpdump prints after the return code.

var someipRetcodes = [...]string{"E_OK", "E_NOT_OK", "E_UNKNOWN_SERVICE", "E_UNKNOWN_METHOD",
	"E_NOT_READY", "E_NOT_REACHABLE", "E_TIMEOUT", "E_WRONG_PROTOCOL_VERSION",
	"E_WRONG_INTERFACE_VERSION", "E_MALFORMED_MESSAGE", "E_WRONG_MESSAGE_TYPE",
	"E_E2E_REPEATED", "E_E2E_WRONG_SEQUENCE", "E_E2E", "E_E2E_NOT_AVAILABLE", "E_E2E_NO_NEW_DATA"}

func someipMsgType(t byte) string {
	switch t {
	case 0x00:
		return "REQUEST"
	case 0x01:
		return "REQUEST_NO_RETURN"
	case 0x02:
		return "NOTIFICATION"
	case 0x80:
		return "RESPONSE"
	case 0x81:
		return "ERROR"
	case 0x20:
		return "TP_REQUEST"
	case 0x21:
		return "TP_REQUEST_NO_RETURN"
	case 0x22:
		return "TP_NOTIFICATION"
	case 0xa0:
		return "TP_RESPONSE"
	case 0xa1:
		return "TP_ERROR"
	}
	return "Unknown"
}

// printSOMEIP is someip_print, appended after "SRC.SPORT > DST.DPORT: ":
// "SOMEIP, service 1, method 2, len 8, client 3, session 4, pver 1, iver 1,
// msgtype REQUEST, retcode E_OK\n".
func printSOMEIP(b []byte, data []byte, length int) []byte {
	const proto = "someip"
	b = append(b, "SOMEIP"...)
	if length < 16 {
		return ndAppendInvalid(b)
	}
	if len(data) < 4 {
		return appendTrunc(b, proto)
	}
	id := be32(data)
	b = append(b, ", service "...)
	b = appendUint(b, uint64(id>>16))
	if id&0x8000 != 0 {
		b = append(b, ", event "...)
	} else {
		b = append(b, ", method "...)
	}
	b = appendUint(b, uint64(id&0x7fff))
	if len(data) < 8 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", len "...)
	b = appendUint(b, uint64(be32(data[4:])))
	if len(data) < 12 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", client "...)
	b = appendUint(b, uint64(be16(data[8:])))
	b = append(b, ", session "...)
	b = appendUint(b, uint64(be16(data[10:])))
	if len(data) < 13 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", pver "...)
	b = appendUint(b, uint64(data[12]))
	if len(data) < 14 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", iver "...)
	b = appendUint(b, uint64(data[13]))
	if len(data) < 15 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", msgtype "...)
	b = append(b, someipMsgType(data[14])...)
	if len(data) < 16 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", retcode "...)
	if rc := data[15]; int(rc) < len(someipRetcodes) {
		b = append(b, someipRetcodes[rc]...)
	} else {
		b = append(b, "Unknown"...)
	}
	return append(b, '\n')
}
