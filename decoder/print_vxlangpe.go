package decoder

// VXLAN-GPE (print-vxlan-gpe.c), UDP port 4790, and the NSH printer it
// hands next-protocol 4 to (print-nsh.c), at default verbosity.

// printVXLANGPE is vxlan_gpe_print, appended after
// "SRC.SPORT > DST.DPORT: ": "VXLAN-GPE, flags [IP], vni 1: " + inner.
func (d *Decoder) printVXLANGPE(b []byte, data []byte, length int) []byte {
	const proto = "vxlan_gpe"
	b = append(b, "VXLAN-GPE, "...)
	if length < 8 {
		b = append(b, " (len "...)
		b = appendUint(b, uint64(uint32(length)))
		b = append(b, " < 8)"...)
		return ndAppendInvalid(b)
	}
	if len(data) < 1 {
		return appendTrunc(b, proto)
	}
	flags := data[0]
	b = append(b, "flags ["...)
	n := len(b)
	for _, f := range [...]struct {
		bit  byte
		name byte
	}{{0x08, 'I'}, {0x04, 'P'}, {0x02, 'B'}, {0x01, 'O'}} {
		if flags&f.bit != 0 {
			b = append(b, f.name)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	b = append(b, "], "...)
	if len(data) < 8 {
		return appendTrunc(b, proto)
	}
	np := data[3]
	b = append(b, "vni "...)
	b = appendUint(b, uint64(ndBE24(data[4:])))
	b = append(b, ": "...)
	return d.vxlanGPENext(b, np, data[8:], length-8, true)
}

// vxlanGPENext prints the payload of next protocol np; gpe tells
// vxlan_gpe_print (which also knows NSH, and adds " (invalid)" to an
// unknown protocol) from nsh_print.
func (d *Decoder) vxlanGPENext(b []byte, np byte, data []byte, length int, gpe bool) []byte {
	switch np {
	case 1:
		return d.printIP4(b, data, length)
	case 2:
		return d.printIP6(b, data, length)
	case 3:
		return d.printEther(b, data, length)
	case 4:
		if gpe {
			return d.printNSH(b, data, length)
		}
	}
	b = append(b, "ERROR: unknown-next-protocol"...)
	if gpe {
		return ndAppendInvalid(b)
	}
	return b
}

// printNSH is nsh_print at default verbosity:
// "NSH, flags [none], service-path-id 0x000001, service-index 0xff: " + inner.
func (d *Decoder) printNSH(b []byte, data []byte, length int) []byte {
	const proto = "nsh"
	if length < 8 {
		b = append(b, " (packet length "...)
		b = appendUint(b, uint64(uint32(length)))
		b = append(b, " < 8)"...)
		return ndAppendInvalid(b)
	}
	if len(data) < 4 {
		return appendTrunc(b, proto)
	}
	base := be32(data)
	b = append(b, "NSH, "...)
	if base>>30 != 0 {
		return b
	}
	b = append(b, "flags ["...)
	if (base>>28)&3&0x2 != 0 {
		b = append(b, 'O')
	} else {
		b = append(b, "none"...)
	}
	b = append(b, "], "...)
	hl := int((base >> 16) & 0x3f)
	if length < hl*4 {
		b = append(b, " (too many headers for packet length "...)
		b = appendUint(b, uint64(uint32(length)))
		b = append(b, ')')
		return ndAppendInvalid(b)
	}
	if len(data) < 7 {
		return appendTrunc(b, proto)
	}
	b = append(b, "service-path-id 0x"...)
	b = appendHexPad(b, uint64(ndBE24(data[4:])), 6)
	b = append(b, ", "...)
	if len(data) < 8 {
		return appendTrunc(b, proto)
	}
	b = append(b, "service-index 0x"...)
	b = appendHex(b, uint64(data[7]))
	if hl < 2 {
		b = append(b, " (less than two headers)"...)
		return ndAppendInvalid(b)
	}
	if !ndHave(data, 8, (hl-2)*4) {
		return appendTrunc(b, proto)
	}
	b = append(b, ": "...)
	return d.vxlanGPENext(b, byte(base), data[hl*4:], length-hl*4, false)
}
