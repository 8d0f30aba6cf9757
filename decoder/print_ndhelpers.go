package decoder

// Small helpers shared by the printers of the printers helper (VAT,
// auto-RP, timed, Babel, ...), named nd* to keep clear of util.go.

// ndReltsSecs and ndReltsUnits are unsigned_relts_print's table.
var ndReltsSecs = [...]uint32{31536000, 604800, 86400, 3600, 60, 1}

const ndReltsUnits = "ywdhms"

// ndAppendRelts appends secs as tcpdump's unsigned_relts_print does:
// "0s", "8m35s", "1y2w3d4h5m6s".
func ndAppendRelts(b []byte, secs uint32) []byte {
	if secs == 0 {
		return append(b, '0', 's')
	}
	for i, s := range ndReltsSecs {
		if secs >= s {
			b = appendUint(b, uint64(secs/s))
			b = append(b, ndReltsUnits[i])
			secs %= s
		}
	}
	return b
}

// ndAppendSignedRelts is signed_relts_print.
func ndAppendSignedRelts(b []byte, secs int32) []byte {
	if secs < 0 {
		b = append(b, '-')
		return ndAppendRelts(b, uint32(-int64(secs)))
	}
	return ndAppendRelts(b, uint32(secs))
}

// ndPrintJNP is nd_printjnp: at most n bytes of data from off, escaped,
// stopping at a NUL. ok is false when the capture ended first (the caller
// then appends its truncation marker).
func ndPrintJNP(b []byte, data []byte, off, n int) (_ []byte, ok bool) {
	for i := 0; i < n; i++ {
		if off+i >= len(data) || off+i < 0 {
			return b, false
		}
		c := data[off+i]
		if c == 0 {
			break
		}
		b = appendEscChar(b, c)
	}
	return b, true
}

// ndPrintN is nd_printn: exactly n bytes escaped (NULs included); ok is
// false when the capture ended first.
func ndPrintN(b []byte, data []byte, off, n int) (_ []byte, ok bool) {
	for i := 0; i < n; i++ {
		if off+i >= len(data) || off+i < 0 {
			return b, false
		}
		b = appendEscChar(b, data[off+i])
	}
	return b, true
}

// ndAppendInvalid appends " (invalid)" (nd_print_invalid).
func ndAppendInvalid(b []byte) []byte { return append(b, " (invalid)"...) }

// ndBE24 reads a big-endian 24-bit number.
func ndBE24(p []byte) uint32 { return uint32(p[0])<<16 | uint32(p[1])<<8 | uint32(p[2]) }

// ndBE64 reads a big-endian 64-bit number.
func ndBE64(p []byte) uint64 { return uint64(be32(p))<<32 | uint64(be32(p[4:])) }

// ndHave reports whether n bytes from off are captured.
func ndHave(data []byte, off, n int) bool { return off >= 0 && n >= 0 && off+n <= len(data) }
