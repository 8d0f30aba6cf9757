package decoder

// Broadcom LI shim (print-bcm-li.c) at default verbosity.

// printBCMLI is bcm_li_print for UDP source port 49152 (the last rule of
// 4.99.5's UDP dispatch), appended after "SRC.SPORT > DST.DPORT: ":
// "BCM-LI-SHIM: direction egress, pkt-type ipv6, pkt-subtype unknown, li-id 2970437".
func printBCMLI(b []byte, data []byte, length int) []byte {
	if length < 4 {
		b = append(b, " (length "...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, " < 4) (invalid)"...)
	}
	if len(data) < 4 {
		return appendTrunc(b, "bcm_li")
	}
	shim := be32(data)
	b = append(b, "BCM-LI-SHIM: direction "...)
	switch (shim >> 29) & 7 {
	case 1:
		b = append(b, "unused"...)
	case 2:
		b = append(b, "egress"...)
	case 3:
		b = append(b, "ingress"...)
	default:
		b = append(b, "unknown"...)
	}
	b = append(b, ", pkt-type "...)
	switch (shim >> 25) & 0xf {
	case 4:
		b = append(b, "undecided"...)
	case 5:
		b = append(b, "ipv4"...)
	case 6:
		b = append(b, "ipv6"...)
	case 7:
		b = append(b, "ethernet"...)
	default:
		b = append(b, "unknown"...)
	}
	b = append(b, ", pkt-subtype "...)
	switch (shim >> 22) & 7 {
	case 1:
		b = append(b, "single VLAN tag"...)
	case 2:
		b = append(b, "double VLAN tag"...)
	case 3:
		b = append(b, "untagged"...)
	default:
		b = append(b, "unknown"...)
	}
	b = append(b, ", li-id "...)
	b = appendUint(b, uint64(shim&0x3fffff))
	// Without -v tcpdump only checks that the rest was captured.
	if len(data)-4 < length-4 {
		return appendTrunc(b, "bcm_li")
	}
	return b
}
