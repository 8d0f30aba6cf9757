package decoder

// BFD (print-bfd.c) at default verbosity.

// bfdV0Flags and bfdV1Flags are bfd_v0_flag_values and
// bfd_v1_flag_values, in table order.
var bfdV0Flags = [...]struct {
	bit  byte
	name string
}{
	{0x80, "I Hear You"}, {0x40, "Demand"}, {0x20, "Poll"}, {0x10, "Final"},
	{0x08, "Control Plane Independent"}, {0x04, "Authentication Present"},
	{0x02, "Reserved"}, {0x01, "Reserved"},
}

var bfdV1Flags = [...]struct {
	bit  byte
	name string
}{
	{0x20, "Poll"}, {0x10, "Final"}, {0x08, "Control Plane Independent"},
	{0x04, "Authentication Present"}, {0x02, "Demand"}, {0x01, "Multipoint"},
}

// bfdV1States is bfd_v1_state_values (all four values are named).
var bfdV1States = [...]string{"AdminDown", "Down", "Init", "Up"}

// printBFD is bfd_print for UDP destination ports 3784 (control), 4784
// (multihop), 6784 (LAG) and 3785 (echo), appended after
// "SRC.SPORT > DST.DPORT: "; port is the destination port:
// "BFDv1, Control, State Down, Flags: [none], length: 24".
func printBFD(b []byte, data []byte, length int, port uint16) []byte {
	switch port {
	case 3784, 4784, 6784:
		if len(data) < 24 {
			return appendTrunc(b, "bfd")
		}
		version := data[0] >> 5
		flags := data[1]
		switch version {
		case 0:
			b = append(b, "BFDv0, Control, Flags: ["...)
			n := len(b)
			for _, f := range bfdV0Flags {
				if flags&f.bit != 0 {
					if len(b) != n {
						b = append(b, ", "...)
					}
					b = append(b, f.name...)
				}
			}
			if len(b) == n {
				b = append(b, "none"...)
			}
		case 1:
			b = append(b, "BFDv1, "...)
			switch port {
			case 3784:
				b = append(b, "Control"...)
			case 4784:
				b = append(b, "Multihop"...)
			default:
				b = append(b, "Lag"...)
			}
			b = append(b, ", State "...)
			b = append(b, bfdV1States[flags>>6]...)
			b = append(b, ", Flags: ["...)
			n := len(b)
			for _, f := range bfdV1Flags {
				if flags&f.bit != 0 {
					if len(b) != n {
						b = append(b, ", "...)
					}
					b = append(b, f.name...)
				}
			}
			if len(b) == n {
				b = append(b, "none"...)
			}
		default:
			b = append(b, "BFDv"...)
			b = appendUint(b, uint64(version))
			b = append(b, ", Control, length: "...)
			return appendUint(b, uint64(uint32(length)))
		}
		b = append(b, "], length: "...)
		return appendUint(b, uint64(uint32(length)))
	case 3785:
		b = append(b, "BFD, Echo, length: "...)
		return appendUint(b, uint64(uint32(length)))
	}
	b = append(b, "BFD, unknown ("...)
	b = appendUint(b, uint64(port))
	b = append(b, "), length: "...)
	return appendUint(b, uint64(uint32(length)))
}
