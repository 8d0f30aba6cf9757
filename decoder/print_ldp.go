package decoder

// LDP (print-ldp.c), UDP and TCP port 646, at default verbosity: the
// first PDU header only, and nothing for 18 bytes or fewer.

// printLDP is ldp_print. After UDP it is appended after
// "SRC.SPORT > DST.DPORT: ", after TCP after ", length N" (with no
// separator: "..., length 30LDP, Label-Space-ID: ..." is what tcpdump
// prints): "LDP, Label-Space-ID: 10.0.0.1:0, pdu-length: 26".
func printLDP(b []byte, data []byte, length int) []byte {
	if length <= 18 {
		return b
	}
	if len(data) < 10 {
		return appendTrunc(b, "ldp")
	}
	if v := be16(data); v != 1 {
		b = append(b, "LDP version "...)
		b = appendUint(b, uint64(v))
		return append(b, " packet not supported"...)
	}
	pl := be16(data[2:])
	if pl < 6 {
		b = append(b, "LDP, pdu-length: "...)
		b = appendUint(b, uint64(pl))
		return append(b, " (too short, < 6)"...)
	}
	b = append(b, "LDP, Label-Space-ID: "...)
	b = appendIPv4(b, data[4:8])
	b = append(b, ':')
	b = appendUint(b, uint64(be16(data[8:])))
	b = append(b, ", pdu-length: "...)
	return appendUint(b, uint64(pl))
}
