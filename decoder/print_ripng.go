package decoder

// RIPng (UDP port 521), tcpdump's ripng_print at default verbosity.

const ripngEntryLen = 20 // 16-byte prefix, tag, prefix length, metric

// printRIPng appends " ripng-req N: PREFIX/LEN ...", " ripng-resp N: ...",
// " ripng-req dump" and the malformed forms, each with its leading space.
func printRIPng(b []byte, data []byte, length int) []byte {
	n := int(uint32(length))
	if len(data) < 2 {
		return appendTrunc(b, "ripng")
	}
	vers := data[1]
	if vers != 1 {
		// 4.99.x; later tcpdump says "ripng [version V, must be 1]".
		b = append(b, " [vers "...)
		b = appendUint(b, uint64(vers))
		return append(b, "] (invalid)"...)
	}
	cmd := data[0]
	var left int
	switch cmd {
	case 1, 2:
		if n < 4 {
			return append(b, " (invalid)"...)
		}
		left = n - 4
		j := left / ripngEntryLen
		if cmd == 1 && j == 1 {
			if len(data) < 24 {
				return appendTrunc(b, "ripng")
			}
			if data[23] == 16 && ripngZero16(data[4:20]) {
				return append(b, " ripng-req dump"...)
			}
		}
		if cmd == 1 {
			b = append(b, " ripng-req "...)
		} else {
			b = append(b, " ripng-resp "...)
		}
		b = appendUint(b, uint64(j))
		if j*ripngEntryLen != left {
			b = append(b, '[')
			b = appendUint(b, uint64(uint32(length)))
			b = append(b, ']')
		}
		b = append(b, ':')
		for off := 4; left >= ripngEntryLen; left, off = left-ripngEntryLen, off+ripngEntryLen {
			b = append(b, ' ')
			// The address and the prefix length are fetched before
			// anything of the entry is printed.
			if len(data) < off+19 {
				return appendTrunc(b, "ripng")
			}
			b = appendIPv6(b, data[off:off+16])
			b = append(b, '/')
			b = appendUint(b, uint64(data[off+18]))
			if tag := be16(data[off+16:]); tag != 0 {
				b = append(b, " ["...)
				b = appendUint(b, uint64(tag))
				b = append(b, ']')
			}
			if len(data) < off+20 {
				return appendTrunc(b, "ripng")
			}
			if metric := data[off+19]; metric != 0 && cmd == 2 {
				b = append(b, " ("...)
				b = appendUint(b, uint64(metric))
				b = append(b, ')')
			}
		}
		if left != 0 {
			return append(b, " (invalid)"...)
		}
		return b
	default:
		b = append(b, " ripng-"...)
		b = appendUint(b, uint64(cmd))
		b = append(b, " ?? "...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, " (invalid)"...)
	}
}

func ripngZero16(a []byte) bool {
	for _, c := range a {
		if c != 0 {
			return false
		}
	}
	return true
}
