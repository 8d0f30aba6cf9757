package decoder

import "time"

// ZEP (print-zep.c), UDP port 17754. The 802.15.4 frame a ZEP header
// announces (inner len != 0) is not decoded here: tcpdump's 802.15.4
// printer is not implemented, and those records print the rest as the
// default hex dump instead.

// zepDefault is ND_DEFAULTPRINT: hex and ASCII lines of the rest of the
// payload, what was captured of it, then " [|zep]" if the capture ended
// first.
func zepDefault(b []byte, data []byte, off, n int) []byte {
	if n <= 0 {
		return b
	}
	avail := len(data) - off
	if avail < 0 {
		avail = 0
	}
	if n > avail {
		if avail > 0 {
			b = appendHexASCIIDump(b, data[off:])
		}
		return appendTrunc(b, "zep")
	}
	return appendHexASCIIDump(b, data[off:off+n])
}

// zepNTPTime is p_ntp_time_fmt with "%Y-%m-%d %H:%M:%S" (UTC), the
// format of the FreeBSD copy of print-zep.c (Debian 4.99.3 printed
// "%Y/%m/%d %H:%M:%S" in local time: unverified for 4.99.5).
func zepNTPTime(b []byte, p []byte) []byte {
	i := be32(p)
	uf := be32(p[4:])
	ff := float64(uf) / 4294967296.0
	f := uint32(ff * 1000000000.0)
	b = appendUint(b, uint64(i))
	b = append(b, '.')
	b = appendUintPad(b, uint64(f), 9)
	if i != 0 {
		secs := int64(i - 2208988800) // 32-bit unsigned arithmetic, as in C
		b = append(b, " ("...)
		b = time.Unix(secs, 0).UTC().AppendFormat(b, "2006-01-02 15:04:05")
		b = append(b, ')')
	}
	return b
}

// printZEP is zep_print, appended after "SRC.SPORT > DST.DPORT: ":
// "ZEPv2 ACK, seq# = 77", "ZEP [Preamble Code: GE] (invalid)".
func printZEP(b []byte, data []byte, length int) []byte {
	const proto = "zep"
	b = append(b, "ZEP"...)
	if len(data) < 1 {
		return appendTrunc(b, proto)
	}
	if data[0] == 'E' && len(data) < 2 {
		return appendTrunc(b, proto)
	}
	if data[0] != 'E' || data[1] != 'X' {
		b = append(b, " [Preamble Code: "...)
		b = appendEscChar(b, data[0])
		if len(data) < 2 {
			return appendTrunc(b, proto)
		}
		b = appendEscChar(b, data[1])
		b = append(b, ']')
		return ndAppendInvalid(b)
	}
	if len(data) < 3 {
		return appendTrunc(b, proto)
	}
	v := data[2]
	b = append(b, 'v')
	b = appendUint(b, uint64(v))
	b = append(b, ' ')
	var inner int
	off := 0
	if v == 1 {
		if length < 16 {
			b = append(b, " [len "...)
			b = appendUint(b, uint64(uint32(length)))
			b = append(b, " < 16]"...)
			return ndAppendInvalid(b)
		}
		if len(data) < 6 {
			return appendTrunc(b, proto)
		}
		b = append(b, "Channel ID "...)
		b = appendUint(b, uint64(data[3]))
		b = append(b, ", Device ID 0x"...)
		b = appendHexPad(b, uint64(be16(data[4:])), 4)
		b = append(b, ", "...)
		if len(data) < 7 {
			return appendTrunc(b, proto)
		}
		if data[6] != 0 {
			b = append(b, "CRC, "...)
		} else {
			if len(data) < 8 {
				return appendTrunc(b, proto)
			}
			b = append(b, "LQI "...)
			b = appendUint(b, uint64(data[7]))
			b = append(b, ", "...)
		}
		if len(data) < 16 {
			return appendTrunc(b, proto)
		}
		inner = int(data[15])
		b = append(b, "inner len = "...)
		b = appendUint(b, uint64(inner))
		off = 16
	} else {
		if len(data) < 4 {
			return appendTrunc(b, proto)
		}
		if data[3] == 2 {
			if length < 8 {
				b = append(b, " [len "...)
				b = appendUint(b, uint64(uint32(length)))
				b = append(b, " < 8]"...)
				return ndAppendInvalid(b)
			}
			if len(data) < 8 {
				return appendTrunc(b, proto)
			}
			b = append(b, "ACK, seq# = "...)
			b = appendUint(b, uint64(be32(data[4:])))
			off = 8
		} else {
			if length < 32 {
				b = append(b, " [len "...)
				b = appendUint(b, uint64(uint32(length)))
				b = append(b, " < 32]"...)
				return ndAppendInvalid(b)
			}
			if len(data) < 7 {
				return appendTrunc(b, proto)
			}
			b = append(b, "Type "...)
			b = appendUint(b, uint64(data[3]))
			b = append(b, ", Channel ID "...)
			b = appendUint(b, uint64(data[4]))
			b = append(b, ", Device ID 0x"...)
			b = appendHexPad(b, uint64(be16(data[5:])), 4)
			b = append(b, ", "...)
			if len(data) < 8 {
				return appendTrunc(b, proto)
			}
			if data[7] != 0 {
				b = append(b, "CRC, "...)
			} else {
				if len(data) < 9 {
					return appendTrunc(b, proto)
				}
				b = append(b, "LQI "...)
				b = appendUint(b, uint64(data[8]))
				b = append(b, ", "...)
			}
			if len(data) < 17 {
				return appendTrunc(b, proto)
			}
			b = zepNTPTime(b, data[9:17])
			if len(data) < 32 {
				return appendTrunc(b, proto)
			}
			inner = int(data[31])
			b = append(b, ", seq# = "...)
			b = appendUint(b, uint64(be32(data[17:])))
			b = append(b, ", inner len = "...)
			b = appendUint(b, uint64(inner))
			off = 32
		}
	}
	if inner != 0 {
		b = append(b, "\n\t"...)
	}
	return zepDefault(b, data, off, length-off)
}
