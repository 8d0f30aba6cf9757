package decoder

// HNCP (print-hncp.c), UDP port 8231, at default verbosity: the TLV
// types listed in line, repeats counted.

// hncpTypeName is tok2str(type_values) over hncp_print_rec's type mask.
func hncpTypeName(mask uint32) string {
	switch mask {
	case 1:
		return "Request network state"
	case 2:
		return "Request node state"
	case 3:
		return "Node endpoint"
	case 4:
		return "Network state"
	case 5:
		return "Node state"
	case 8:
		return "Peer"
	case 9:
		return "Keep-alive interval"
	case 10:
		return "Trust-Verdict"
	case 32:
		return "HNCP-Version"
	case 33:
		return "External-Connection"
	case 34:
		return "Delegated-Prefix"
	case 35:
		return "Assigned-Prefix"
	case 36:
		return "Node-Address"
	case 37:
		return "DHCPv4-Data"
	case 38:
		return "DHCPv6-Data"
	case 39:
		return "DNS-Delegated-Zone"
	case 40:
		return "Domain-Name"
	case 41:
		return "Node-Name"
	case 42:
		return "Managed-PSK"
	case 43:
		return "Prefix-Policy"
	case 0x10000:
		return "Reserved"
	case 0x10001:
		return "Unassigned"
	case 0x10002:
		return "Private use"
	case 0x10003:
		return "Future use"
	}
	return "Easter Egg"
}

func hncpTypeMask(t uint16) uint32 {
	switch {
	case t >= 1 && t <= 5, t >= 8 && t <= 10, t >= 32 && t <= 43:
		return uint32(t)
	case t == 0:
		return 0x10000
	case t >= 44 && t <= 511:
		return 0x10001
	case t >= 768 && t <= 1023:
		return 0x10002
	}
	return 0x10003
}

// printHNCP is hncp_print, appended after "SRC.SPORT > DST.DPORT: ":
// "hncp (24) Node endpoint, Network state (x2)".
func printHNCP(b []byte, data []byte, length int) []byte {
	b = append(b, "hncp ("...)
	b = appendUint(b, uint64(length))
	b = append(b, ')')
	lastMask := uint32(0xffffffff)
	lastCount := -1
	first := true
	flush := func(b []byte) []byte {
		if lastCount > 0 {
			if first {
				first = false
				b = append(b, ' ')
			} else {
				b = append(b, ", "...)
			}
			b = append(b, hncpTypeName(lastMask)...)
			if lastCount > 1 {
				b = append(b, " (x"...)
				b = appendUint(b, uint64(lastCount))
				b = append(b, ')')
			}
		}
		return b
	}
	for i := 0; i < length; {
		if len(data) < i+4 {
			return appendTrunc(b, "hncp")
		}
		if i+4 > length {
			return ndAppendInvalid(b)
		}
		t := be16(data[i:])
		bl := int(be16(data[i+2:]))
		if len(data) < i+4+bl {
			return appendTrunc(b, "hncp")
		}
		if i+bl+4 > length {
			return ndAppendInvalid(b)
		}
		if m := hncpTypeMask(t); m == lastMask {
			lastCount++
		} else {
			b = flush(b)
			lastMask, lastCount = m, 1
		}
		i += 4 + (bl+3)&^3
	}
	return flush(b)
}
