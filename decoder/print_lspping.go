package decoder

// MPLS LSP ping (print-lspping.c), UDP port 3503, at default verbosity.

// printLSPPing is lspping_print, appended after "SRC.SPORT > DST.DPORT: ":
// "LSP-PINGv1, MPLS Echo Request, seq 77, length: 32"; a short packet
// gives "\n\t\t packet is too short".
func printLSPPing(b []byte, data []byte, length int) []byte {
	if length < 32 {
		return append(b, "\n\t\t packet is too short"...)
	}
	if len(data) < 32 {
		return appendTrunc(b, "lspping")
	}
	v := be16(data)
	if v != 1 {
		b = append(b, "LSP-PING version "...)
		b = appendUint(b, uint64(v))
		return append(b, " packet not supported"...)
	}
	b = append(b, "LSP-PINGv1, "...)
	switch t := data[4]; t {
	case 1:
		b = append(b, "MPLS Echo Request"...)
	case 2:
		b = append(b, "MPLS Echo Reply"...)
	default:
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(t))
		b = append(b, ')')
	}
	b = append(b, ", seq "...)
	b = appendUint(b, uint64(be32(data[12:])))
	b = append(b, ", length: "...)
	return appendUint(b, uint64(length))
}
