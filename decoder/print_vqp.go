package decoder

// Cisco VQP (print-vqp.c), UDP port 1589, at default verbosity.

// printVQP is vqp_print, appended after "SRC.SPORT > DST.DPORT: ":
// "VQPv1 Request, Join Port Message, error-code No error (0), length 40".
func printVQP(b []byte, data []byte, length int) []byte {
	if len(data) < 8 {
		return appendTrunc(b, "vqp")
	}
	if length < 8 {
		return ndAppendInvalid(b)
	}
	v := data[0]
	if v != 1 {
		b = append(b, "VQP version "...)
		b = appendUint(b, uint64(v))
		return append(b, " packet not supported"...)
	}
	b = append(b, "VQPv1 "...)
	switch t := data[1]; t {
	case 1:
		b = append(b, "Request, Join Port"...)
	case 2:
		b = append(b, "Response, VLAN"...)
	case 3:
		b = append(b, "Request, Reconfirm"...)
	case 4:
		b = append(b, "Response, Reconfirm"...)
	default:
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(t))
		b = append(b, ')')
	}
	b = append(b, " Message, error-code "...)
	e := data[2]
	switch e {
	case 0:
		b = append(b, "No error"...)
	case 3:
		b = append(b, "Access denied"...)
	case 4:
		b = append(b, "Shutdown port"...)
	case 5:
		b = append(b, "Wrong VTP domain"...)
	default:
		b = append(b, "unknown"...)
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(e))
	b = append(b, "), length "...)
	return appendUint(b, uint64(length))
}
