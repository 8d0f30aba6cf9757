package decoder

// OLSR (print-olsr.c), UDP port 698, at default verbosity: the common
// header only.

// printOLSR is olsr_print, appended after "SRC.SPORT > DST.DPORT: ";
// v6 tells an IPv6 packet: "OLSRv4, seq 0x0204, length 4".
func printOLSR(b []byte, data []byte, length int, v6 bool) []byte {
	b = append(b, "OLSRv"...)
	if v6 {
		b = append(b, '6')
	} else {
		b = append(b, '4')
	}
	if length < 4 || len(data) < 4 {
		return appendTrunc(b, "olsr")
	}
	if pl := int(be16(data)); pl < length {
		length = pl
	}
	b = append(b, ", seq 0x"...)
	b = appendHexPad(b, uint64(be16(data[2:])), 4)
	b = append(b, ", length "...)
	return appendUint(b, uint64(length))
}

// udpOLSR adapts printOLSR to the UDP port table.
func udpOLSR(_ *Decoder, b, data []byte, length int, ip *ipInfo, _, _ uint16) []byte {
	return printOLSR(b, data, length, ip != nil && ip.v6)
}
