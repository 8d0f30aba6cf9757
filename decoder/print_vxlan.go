package decoder

// VXLAN (print-vxlan.c) and OTV (print-otv.c, which 4.99.5 still uses for
// UDP port 8472) at default verbosity: a header line, a newline, then the
// inner Ethernet frame on its own line.

// printVXLAN is vxlan_print for UDP port 4789 (either side), appended after
// "SRC.SPORT > DST.DPORT: ": "VXLAN, flags [I] (0x08), vni 1\n" + frame.
func (d *Decoder) printVXLAN(b []byte, data []byte, length int) []byte {
	b = append(b, "VXLAN"...)
	if length < 8 {
		return append(b, " (invalid)"...)
	}
	if len(data) < 1 {
		return appendTrunc(b, "vxlan")
	}
	flags := data[0]
	b = append(b, ", flags ["...)
	if flags&0x08 != 0 {
		b = append(b, 'I')
	} else {
		b = append(b, "invalid"...)
	}
	b = append(b, "] (0x"...)
	b = appendHexByte(b, flags)
	b = append(b, "), "...)
	if len(data) < 7 {
		return appendTrunc(b, "vxlan")
	}
	b = append(b, "vni "...)
	b = appendUint(b, uint64(be32(data[3:])&0xffffff))
	b = append(b, '\n')
	if len(data) < 8 {
		return appendTrunc(b, "vxlan")
	}
	return d.printEther(b, data[8:], length-8)
}

// printOTV is otv_print for UDP port 8472 (either side), appended after
// "SRC.SPORT > DST.DPORT: ":
// "OTV, flags [I] (0x08), overlay 0, instance 1\n" + frame.
func (d *Decoder) printOTV(b []byte, data []byte, length int) []byte {
	b = append(b, "OTV, "...)
	if length < 8 {
		b = append(b, "[length "...)
		b = appendUint(b, uint64(uint32(length)))
		b = append(b, " < 8] (invalid)"...)
		if len(data) < length {
			return appendTrunc(b, "otv")
		}
		return b
	}
	if len(data) < 1 {
		return appendTrunc(b, "otv")
	}
	flags := data[0]
	b = append(b, "flags ["...)
	if flags&0x08 != 0 {
		b = append(b, 'I')
	} else {
		b = append(b, '.')
	}
	b = append(b, "] (0x"...)
	b = appendHexByte(b, flags)
	b = append(b, "), "...)
	if len(data) < 4 {
		return appendTrunc(b, "otv")
	}
	b = append(b, "overlay "...)
	b = appendUint(b, uint64(be32(data)&0xffffff))
	b = append(b, ", "...)
	if len(data) < 7 {
		return appendTrunc(b, "otv")
	}
	b = append(b, "instance "...)
	b = appendUint(b, uint64(be32(data[3:])&0xffffff))
	b = append(b, '\n')
	if len(data) < 8 {
		return appendTrunc(b, "otv")
	}
	return d.printEther(b, data[8:], length-8)
}
