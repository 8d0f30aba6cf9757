package decoder

// EGP (IP protocol 8) as tcpdump 4.99.5's print-egp.c prints it at default
// verbosity (4.99.6's "EGP [length N < 16] (invalid)" is not 4.99.5's).

// printEGP is egp_print. data starts at the EGP header; length is the IP
// payload length. The core has printed "SRC > DST: " before it.
func (d *Decoder) printEGP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	n := uint32(length)
	if n < 16 || len(data) < 16 {
		return appendTrunc(b, "egp")
	}
	b = append(b, "EGPv"...)
	b = appendUint(b, uint64(data[0]))
	b = append(b, ", AS "...)
	b = appendUint(b, uint64(be16(data[6:])))
	b = append(b, ", seq "...)
	b = appendUint(b, uint64(be16(data[8:])))
	b = append(b, ", length "...)
	return appendUint(b, uint64(n))
}
