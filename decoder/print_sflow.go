package decoder

// sFlow (print-sflow.c), UDP port 6343, at default verbosity.

// printSFlow is sflow_print, appended after "SRC.SPORT > DST.DPORT: ":
// "sFlowv5, IPv4 agent 10.0.0.1, agent-id 1, length 100".
func printSFlow(b []byte, data []byte, length int) []byte {
	const proto = "sflow"
	if len(data) < 8 {
		return appendTrunc(b, proto)
	}
	ipv := be32(data[4:])
	if (length < 28 && ipv == 1) || (length < 40 && ipv == 2) {
		b = append(b, "sFlowv"...)
		b = appendUint(b, uint64(be32(data)))
		b = append(b, " [length "...)
		b = appendUint(b, uint64(length))
		b = append(b, " < 28]"...)
		return ndAppendInvalid(b)
	}
	if len(data) < 28 {
		return appendTrunc(b, proto)
	}
	if v := be32(data); v != 5 {
		b = append(b, "sFlow version "...)
		b = appendUint(b, uint64(v))
		return append(b, " packet not supported"...)
	}
	b = append(b, "sFlowv5, "...)
	var id uint32
	if ipv == 1 {
		b = append(b, "IPv4 agent "...)
		b = appendIPv4(b, data[8:12])
		id = be32(data[12:])
	} else {
		b = append(b, "IPv6 agent "...)
		b = appendIPv6(b, data[8:24])
		id = be32(data[24:])
	}
	b = append(b, ", agent-id "...)
	b = appendUint(b, uint64(id))
	b = append(b, ", length "...)
	return appendUint(b, uint64(length))
}
