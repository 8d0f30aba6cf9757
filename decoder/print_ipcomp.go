package decoder

// IPComp (IP protocol 108) as tcpdump 4.99.5's print-ipcomp.c prints it.

// printIPComp is ipcomp_print. data starts at the IPComp header. The core
// has printed "SRC > DST: " before it; nothing follows it.
func (d *Decoder) printIPComp(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 4 {
		return appendTrunc(b, "ipcomp")
	}
	b = append(b, "IPComp(cpi=0x"...)
	b = appendHexPad(b, uint64(be16(data[2:])), 4)
	return append(b, ')')
}
