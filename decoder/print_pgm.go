package decoder

// PGM (IP protocol 113) as tcpdump 4.99.5's print-pgm.c prints it at
// default verbosity.

// printPGM is pgm_print. data starts at the PGM header; length is the IP
// payload length. The core has printed "SRC > DST: " before it; PGM then
// prints its own address/port pair.
func (d *Decoder) printPGM(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 4 {
		b = appendAddr(b, ip.src)
		b = append(b, " > "...)
		b = appendAddr(b, ip.dst)
		b = append(b, ':')
		return appendTrunc(b, "pgm")
	}
	b = ip.appendAddrPorts(b, be16(data), be16(data[2:]))
	if len(data) < 16 {
		return appendTrunc(b, "pgm")
	}
	b = append(b, "PGM, length "...)
	return appendUint(b, uint64(be16(data[14:])))
}
