package decoder

// EIGRP (IP protocol 88) as tcpdump 4.99.5's print-eigrp.c prints it at
// default verbosity.

var eigrpOpcodeNames = [...]string{
	1: "Update", 3: "Query", 4: "Reply", 5: "Hello", 6: "IPX SAP", 7: "Probe",
}

// printEIGRP is eigrp_print. data starts at the EIGRP header; length is
// the IP payload length. The core has printed "SRC > DST: " before it.
func (d *Decoder) printEIGRP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 20 {
		return appendTrunc(b, "eigrp")
	}
	if data[0] != 2 {
		b = append(b, "EIGRP version "...)
		b = appendUint(b, uint64(data[0]))
		return append(b, " packet not supported"...)
	}
	b = append(b, "EIGRP "...)
	if op := data[1]; int(op) < len(eigrpOpcodeNames) && eigrpOpcodeNames[op] != "" {
		b = append(b, eigrpOpcodeNames[op]...)
	} else {
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(op))
		b = append(b, ')')
	}
	b = append(b, ", length: "...)
	return appendUint(b, uint64(uint32(length)))
}
