package decoder

// Geneve (print-geneve.c) at default verbosity with -e.

// geneveFlags is geneve_flag_values, printed without separators.
var geneveFlags = [...]struct {
	bit  byte
	name string
}{{0x80, "O"}, {0x40, "C"}, {0x20, "R1"}, {0x10, "R2"}, {0x08, "R3"}, {0x04, "R4"}, {0x02, "R5"}, {0x01, "R6"}}

// printGeneve is geneve_print for UDP destination port 6081 (4.99.4+),
// appended after "SRC.SPORT > DST.DPORT: ":
// "Geneve, Flags [none], vni 0xa, proto TEB (0x6558): " + inner packet.
func (d *Decoder) printGeneve(b []byte, data []byte, length int) []byte {
	b = append(b, "Geneve"...)
	if length < 8 {
		b = append(b, " [length "...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, " < 8] (invalid)"...)
	}
	if len(data) < 8 {
		return appendTrunc(b, "geneve")
	}
	verOpt := data[0]
	if v := verOpt >> 6; v != 0 {
		b = append(b, " ERROR: unknown-version "...)
		return appendUint(b, uint64(v))
	}
	flags := data[1]
	prot := be16(data[2:])
	b = append(b, ", Flags ["...)
	n := len(b)
	for _, f := range geneveFlags {
		if flags&f.bit != 0 {
			b = append(b, f.name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	b = append(b, "], vni 0x"...)
	b = appendHex(b, uint64(be32(data[3:])&0xffffff))
	if r := data[7]; r != 0 {
		b = append(b, ", rsvd 0x"...)
		b = appendHex(b, uint64(r))
	}
	b = append(b, ", proto "...)
	if name := etherTypeName(prot); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "unknown"...)
	}
	b = append(b, " (0x"...)
	b = appendHexPad(b, uint64(prot), 4)
	b = append(b, ')')
	rest := length - 8
	optsLen := int(verOpt&0x3f) * 4
	if rest < optsLen {
		b = append(b, " truncated-geneve - "...)
		b = appendUint(b, uint64(optsLen-rest))
		return append(b, " bytes missing"...)
	}
	if len(data)-8 < optsLen {
		return appendTrunc(b, "geneve")
	}
	if optsLen > 0 {
		b = append(b, ", options ["...)
		b = appendUint(b, uint64(optsLen))
		b = append(b, " bytes]"...)
	}
	b = append(b, ": "...)
	p := data[8+optsLen:]
	rest -= optsLen
	var ok bool
	if b, ok = d.etherTypePrint(b, prot, p, uint32(rest)); !ok {
		if prot == 0x6558 {
			return d.printEther(b, p, rest)
		}
		b = append(b, "geneve-proto-0x"...)
		b = appendHex(b, uint64(prot))
	}
	return b
}
