package capture

import (
	"errors"
	"fmt"

	"golang.org/x/net/bpf"
)

// filterProg runs a classic BPF program over a captured packet the way
// libpcap's bpf_filter (pcap_offline_filter) does when it reads a file:
// loads see the caplen captured bytes, BPF_LEN loads the length on the
// wire, and a load past the captured bytes or a division by zero rejects
// the packet. golang.org/x/net/bpf's VM cannot tell the two lengths
// apart: on a record pflogd cut to 160 bytes, "greater 200" would differ.
type filterProg []bpf.RawInstruction

// Opcode fields (linux/filter.h, pcap/bpf.h).
const (
	bpfLD   = 0x00
	bpfLDX  = 0x01
	bpfST   = 0x02
	bpfSTX  = 0x03
	bpfALU  = 0x04
	bpfJMP  = 0x05
	bpfRET  = 0x06
	bpfMISC = 0x07

	bpfW = 0x00
	bpfH = 0x08
	bpfB = 0x10

	bpfIMM = 0x00
	bpfABS = 0x20
	bpfIND = 0x40
	bpfMEM = 0x60
	bpfLEN = 0x80
	bpfMSH = 0xa0

	bpfX = 0x08 // source: X instead of K

	bpfMemWords = 16
)

// newFilterProg checks prog as libpcap's bpf_validate does (jumps stay
// inside the program and go forward, scratch memory indexes are in range,
// the program ends in a return) and returns it ready to run.
func newFilterProg(prog []bpf.Instruction) (filterProg, error) {
	raw, err := bpf.Assemble(prog)
	if err != nil {
		return nil, err
	}
	return newFilterProgRaw(raw)
}

func newFilterProgRaw(raw []bpf.RawInstruction) (filterProg, error) {
	n := len(raw)
	if n == 0 {
		return nil, errors.New("empty BPF program")
	}
	for pc, in := range raw {
		switch in.Op & 0x07 {
		case bpfLD, bpfLDX:
			if in.Op&0xe0 == bpfMEM && in.K >= bpfMemWords {
				return nil, fmt.Errorf("BPF instruction %d: scratch memory index %d", pc, in.K)
			}
		case bpfST, bpfSTX:
			if in.K >= bpfMemWords {
				return nil, fmt.Errorf("BPF instruction %d: scratch memory index %d", pc, in.K)
			}
		case bpfJMP:
			if in.Op&0xf0 == 0x00 { // JA
				if uint64(pc)+1+uint64(in.K) >= uint64(n) {
					return nil, fmt.Errorf("BPF instruction %d: jump out of the program", pc)
				}
			} else if pc+1+int(in.Jt) >= n || pc+1+int(in.Jf) >= n {
				return nil, fmt.Errorf("BPF instruction %d: jump out of the program", pc)
			}
		}
	}
	if raw[n-1].Op&0x07 != bpfRET {
		return nil, errors.New("BPF program does not end in a return")
	}
	return filterProg(raw), nil
}

// match reports whether the program accepts the packet p, captured from
// wireLen bytes on the wire.
func (prog filterProg) match(p []byte, wireLen int) bool {
	var a, x uint32
	var mem [bpfMemWords]uint32
	plen := uint32(len(p))
	for pc := 0; pc < len(prog); pc++ {
		in := &prog[pc]
		k := in.K
		switch in.Op {
		case bpfRET | 0x00: // RET K
			return k != 0
		case bpfRET | 0x10: // RET A
			return a != 0

		case bpfLD | bpfW | bpfABS, bpfLD | bpfW | bpfIND:
			off, ok := loadOffset(in, x, plen, 4)
			if !ok {
				return false
			}
			a = uint32(p[off])<<24 | uint32(p[off+1])<<16 | uint32(p[off+2])<<8 | uint32(p[off+3])
		case bpfLD | bpfH | bpfABS, bpfLD | bpfH | bpfIND:
			off, ok := loadOffset(in, x, plen, 2)
			if !ok {
				return false
			}
			a = uint32(p[off])<<8 | uint32(p[off+1])
		case bpfLD | bpfB | bpfABS, bpfLD | bpfB | bpfIND:
			off, ok := loadOffset(in, x, plen, 1)
			if !ok {
				return false
			}
			a = uint32(p[off])
		case bpfLD | bpfW | bpfLEN:
			a = uint32(wireLen)
		case bpfLDX | bpfW | bpfLEN:
			x = uint32(wireLen)
		case bpfLD | bpfIMM:
			a = k
		case bpfLDX | bpfIMM:
			x = k
		case bpfLD | bpfMEM:
			a = mem[k]
		case bpfLDX | bpfMEM:
			x = mem[k]
		case bpfLDX | bpfB | bpfMSH:
			if k >= plen {
				return false
			}
			x = uint32(p[k]&0x0f) << 2
		case bpfST:
			mem[k] = a
		case bpfSTX:
			mem[k] = x

		case bpfJMP | 0x00: // JA
			pc += int(k)
		case bpfJMP | 0x10, bpfJMP | 0x10 | bpfX: // JEQ
			pc += jump(a == operand(in, k, x), in)
		case bpfJMP | 0x20, bpfJMP | 0x20 | bpfX: // JGT
			pc += jump(a > operand(in, k, x), in)
		case bpfJMP | 0x30, bpfJMP | 0x30 | bpfX: // JGE
			pc += jump(a >= operand(in, k, x), in)
		case bpfJMP | 0x40, bpfJMP | 0x40 | bpfX: // JSET
			pc += jump(a&operand(in, k, x) != 0, in)

		case bpfALU | 0x80: // NEG
			a = -a
		case bpfMISC | 0x00: // TAX
			x = a
		case bpfMISC | 0x80: // TXA
			a = x
		default:
			if in.Op&0x07 != bpfALU {
				return false // not an instruction libpcap runs
			}
			v := operand(in, k, x)
			switch in.Op & 0xf0 {
			case 0x00:
				a += v
			case 0x10:
				a -= v
			case 0x20:
				a *= v
			case 0x30:
				if v == 0 {
					return false
				}
				a /= v
			case 0x90:
				if v == 0 {
					return false
				}
				a %= v
			case 0x40:
				a |= v
			case 0x50:
				a &= v
			case 0xa0:
				a ^= v
			case 0x60:
				if v < 32 {
					a <<= v
				} else {
					a = 0
				}
			case 0x70:
				if v < 32 {
					a >>= v
				} else {
					a = 0
				}
			default:
				return false
			}
		}
	}
	return false
}

// loadOffset returns the offset of a load of size bytes (K, plus X for
// BPF_IND) and whether those bytes lie within the plen captured ones.
func loadOffset(in *bpf.RawInstruction, x, plen, size uint32) (uint32, bool) {
	off := in.K
	if in.Op&0xe0 == bpfIND {
		off += x
		if off < x {
			return 0, false
		}
	}
	return off, off <= plen && plen-off >= size
}

func operand(in *bpf.RawInstruction, k, x uint32) uint32 {
	if in.Op&bpfX != 0 {
		return x
	}
	return k
}

func jump(cond bool, in *bpf.RawInstruction) int {
	if cond {
		return int(in.Jt)
	}
	return int(in.Jf)
}
