package decoder

// VAT/VT audio (vat_print in print-udp.c), UDP destination port 3456.

// printVAT is vat_print, appended after "SRC.SPORT > DST.DPORT: ":
// "udp/vat 8 c515 67438087 f1", "udp/vt 18 837 / 17",
// "udp/va/vat, length 1 < 2".
func printVAT(b []byte, data []byte, length int) []byte {
	if length < 2 {
		b = append(b, "udp/va/vat, length "...)
		b = appendUint(b, uint64(length))
		return append(b, " < 2"...)
	}
	if len(data) < 2 {
		return appendTrunc(b, "vat")
	}
	ts := uint32(be16(data))
	if ts&0xf060 != 0 {
		b = append(b, "udp/vt "...)
		b = appendUint(b, uint64(length))
		b = append(b, ' ')
		b = appendUint(b, uint64(ts&0x3ff))
		b = append(b, " / "...)
		return appendUint(b, uint64(ts>>10))
	}
	if length < 8 {
		b = append(b, "udp/vat, length "...)
		b = appendUint(b, uint64(length))
		return append(b, " < 8"...)
	}
	if len(data) < 8 {
		return appendTrunc(b, "vat")
	}
	i0, i1 := be32(data), be32(data[4:])
	b = append(b, "udp/vat "...)
	b = appendUint(b, uint64(length-8))
	b = append(b, " c"...)
	b = appendUint(b, uint64(i0&0xffff))
	b = append(b, ' ')
	b = appendUint(b, uint64(i1))
	if i0&0x800000 != 0 {
		b = append(b, '*')
	}
	if i0&0x1f0000 != 0 {
		b = append(b, " f"...)
		b = appendUint(b, uint64((i0>>16)&0x1f))
	}
	if i0&0x3f000000 != 0 {
		b = append(b, " s"...)
		b = appendUint(b, uint64((i0>>24)&0x3f))
	}
	return b
}
