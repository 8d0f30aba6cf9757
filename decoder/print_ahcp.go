package decoder

// AHCP (print-ahcp.c), UDP port 5359, at default verbosity.

// printAHCP is ahcp_print, appended after "SRC.SPORT > DST.DPORT: ":
// "AHCP Version 1", "AHCP (invalid)".
func printAHCP(b []byte, data []byte, length int) []byte {
	const proto = "ahcp"
	b = append(b, "AHCP"...)
	p, n := 0, length
	invalid := func(b []byte) []byte {
		b = ndAppendInvalid(b)
		if !ndHave(data, p, n) {
			return appendTrunc(b, proto)
		}
		return b
	}
	if n < 2 {
		return invalid(b)
	}
	if len(data) < 1 {
		return appendTrunc(b, proto)
	}
	if data[0] != 43 {
		return invalid(b)
	}
	p, n = 1, n-1
	if len(data) < 2 {
		return appendTrunc(b, proto)
	}
	v := data[1]
	p, n = 2, n-1
	if v != 1 {
		b = append(b, " Version "...)
		b = appendUint(b, uint64(v))
		b = append(b, " (unknown)"...)
		if !ndHave(data, p, n) {
			return appendTrunc(b, proto)
		}
		return b
	}
	b = append(b, " Version 1"...)
	if n < 22 {
		return invalid(b)
	}
	if !ndHave(data, p, 22) {
		return appendTrunc(b, proto)
	}
	p, n = p+22, n-22
	// body
	if n < 4 {
		return invalid(b)
	}
	if !ndHave(data, p, 4) {
		return appendTrunc(b, proto)
	}
	bl := int(be16(data[p+2:]))
	p, n = p+4, n-4
	if bl > n {
		return invalid(b)
	}
	if !ndHave(data, p, bl) {
		return appendTrunc(b, proto)
	}
	return b
}
