package decoder

// OSPF (IP protocol 89) as tcpdump 4.99.5 prints it at default verbosity:
// print-ospf.c (OSPFv2) when the enclosing header is IPv4, print-ospf6.c
// (OSPFv3) when it is IPv6. Only the first line is printed without -v.

var ospfTypeNames = [...]string{
	1: "Hello", 2: "Database Description", 3: "LS-Request", 4: "LS-Update", 5: "LS-Ack",
}

// printOSPF is ospf_print / ospf6_print. data starts at the OSPF header;
// length is the IP payload length. The core has printed "SRC > DST: ".
func (d *Decoder) printOSPF(b []byte, data []byte, length int, ip *ipInfo) []byte {
	n := uint32(length)
	if ip.v6 {
		if len(data) < 2 {
			return appendTrunc(b, "ospf3")
		}
		b = append(b, "OSPFv"...)
		b = appendUint(b, uint64(data[0]))
		b = append(b, ", "...)
		if t := data[1]; int(t) < len(ospfTypeNames) && ospfTypeNames[t] != "" {
			b = append(b, ospfTypeNames[t]...)
		} else {
			b = append(b, "unknown packet type ("...)
			b = appendUint(b, uint64(t))
			b = append(b, ')')
		}
		b = append(b, ", length "...)
		return appendUint(b, uint64(n))
	}
	if len(data) < 16 {
		return appendTrunc(b, "ospf2")
	}
	capl := len(data)
	if be16(data[14:]) == 2 {
		// MD5 authentication: tcpdump strips the 16-byte trailer from
		// both the length and the captured data first.
		n -= 16
		capl -= 16
	}
	if capl < 2 {
		return appendTrunc(b, "ospf2")
	}
	b = append(b, "OSPFv"...)
	b = appendUint(b, uint64(data[0]))
	b = append(b, ", "...)
	if t := data[1]; int(t) < len(ospfTypeNames) && ospfTypeNames[t] != "" {
		b = append(b, ospfTypeNames[t]...)
	} else {
		b = append(b, "unknown LS-type "...)
		b = appendUint(b, uint64(t))
	}
	b = append(b, ", length "...)
	return appendUint(b, uint64(n))
}
