package decoder

// AppleTalk in UDP (llap_print and ddp_print in print-atalk.c): UDP ports
// 200-327, 768-895 and 16512-16639 when payload byte 2 (the LAP type) is
// lapDDP (2).

// atalkClaims reports whether udp_print hands the payload to llap_print:
// one of the ports is an AppleTalk port and payload byte 2, captured, is 2.
func atalkClaims(data []byte, sport, dport uint16) bool {
	return len(data) >= 3 && data[2] == 2 && (atalkPort(sport) || atalkPort(dport))
}

func atalkPort(p uint16) bool {
	return (p >= 200 && p <= 327) || (p >= 768 && p <= 895) || (p >= 16512 && p <= 16639)
}

// atalkAddr is ataddr_string with -n: "net.node", or "net" for node 255.
func atalkAddr(b []byte, net uint16, node byte) []byte {
	b = appendUint(b, uint64(net))
	if node != 255 {
		b = append(b, '.')
		b = appendUint(b, uint64(node))
	}
	return b
}

// printLLAP is llap_print, appended after "SRC.SPORT > DST.DPORT: ":
// "2314.12.14 > 1800.11.13: at-#15 0".
func (d *Decoder) printLLAP(b []byte, data []byte, length int) []byte {
	if length < 3 {
		b = append(b, " [|llap "...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, ']')
	}
	if len(data) < 3 {
		return appendTrunc(b, "llap")
	}
	src, dst, t := data[1], data[0], data[2]
	p := data[3:]
	length -= 3
	switch t {
	case 1: // short DDP
		if length < 5 {
			b = append(b, " [|sddp "...)
			b = appendUint(b, uint64(uint32(length)))
			return append(b, ']')
		}
		if len(p) < 5 {
			return append(b, " [|sddp]"...)
		}
		b = atalkAddr(b, 0, src)
		b = append(b, '.')
		b = appendUint(b, uint64(p[3]))
		b = append(b, " > "...)
		b = atalkAddr(b, 0, dst)
		b = append(b, '.')
		b = appendUint(b, uint64(p[2]))
		b = append(b, ':')
		return d.atalkDDP(b, p[5:], length-5, p[4], 0, src, p[3])
	case 2:
		if length < 13 {
			b = append(b, " [|ddp "...)
			b = appendUint(b, uint64(uint32(length)))
			return append(b, ']')
		}
		if len(p) < 13 {
			return append(b, " [|ddp]"...)
		}
		snet := be16(p[6:])
		b = atalkAddr(b, snet, p[9])
		b = append(b, '.')
		b = appendUint(b, uint64(p[11]))
		b = append(b, " > "...)
		b = atalkAddr(b, be16(p[4:]), p[8])
		b = append(b, '.')
		b = appendUint(b, uint64(p[10]))
		b = append(b, ':')
		return d.atalkDDP(b, p[13:], length-13, p[12], snet, p[9], p[11])
	}
	b = appendUint(b, uint64(src))
	b = append(b, " > "...)
	b = appendUint(b, uint64(dst))
	b = append(b, " at-lap#"...)
	b = appendUint(b, uint64(t))
	b = append(b, ' ')
	return appendUint(b, uint64(uint32(length)))
}

// atalkDDP is ddp_print.
func (d *Decoder) atalkDDP(b []byte, p []byte, length int, t byte, snet uint16, snode, skt byte) []byte {
	switch t {
	case 2:
		return atalkNBP(b, p, length, snet, snode, skt)
	case 3:
		return atalkATP(b, p, length)
	case 88:
		return d.printEIGRP(b, p, length, nil)
	}
	b = append(b, " at-"...)
	switch t {
	case 1:
		b = append(b, "rtmp"...)
	case 5:
		b = append(b, "rtmpReq"...)
	case 4:
		b = append(b, "echo"...)
	case 22:
		b = append(b, "IP"...)
	case 23:
		b = append(b, "ARP"...)
	case 0x4b:
		b = append(b, "KLAP"...)
	default:
		b = append(b, '#')
		b = appendUint(b, uint64(t))
	}
	b = append(b, ' ')
	return appendUint(b, uint64(uint32(length)))
}

func atalkBitmap(b []byte, bm byte) []byte {
	if (int(bm)+1)&int(bm) != 0 {
		c := byte('<')
		for i := 0; bm != 0; i++ {
			if bm&1 != 0 {
				b = append(b, c)
				b = appendUint(b, uint64(i))
				c = ','
			}
			bm >>= 1
		}
		return append(b, '>')
	}
	i := 0
	for ; bm != 0; i++ {
		bm >>= 1
	}
	if i > 1 {
		b = append(b, "<0-"...)
		b = appendUint(b, uint64(i-1))
		return append(b, '>')
	}
	return append(b, "<0>"...)
}

func atalkATP(b []byte, p []byte, length int) []byte {
	if len(p) < 8 {
		return appendTrunc(b, "llap")
	}
	if length < 8 {
		b = append(b, " [|atp "...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, ']')
	}
	length -= 8
	c := p[0]
	tid := be16(p[2:])
	switch c & 0xc0 {
	case 0x40:
		b = append(b, " atp-req"...)
		if c&0x20 != 0 {
			b = append(b, ' ')
		} else {
			b = append(b, '*')
		}
		b = append(b, ' ')
		b = appendUint(b, uint64(tid))
		b = atalkBitmap(b, p[1])
		if length != 0 {
			b = append(b, " [len="...)
			b = appendUint(b, uint64(length))
			b = append(b, ']')
		}
		switch c & 0x18 {
		case 0x10:
			b = append(b, " [EOM]"...)
		case 0x08:
			b = append(b, " [STS]"...)
		case 0x18:
			b = append(b, " [EOM,STS]"...)
		}
	case 0x80:
		b = append(b, " atp-resp"...)
		if c&0x10 != 0 {
			b = append(b, '*')
		} else {
			b = append(b, ' ')
		}
		b = appendUint(b, uint64(tid))
		b = append(b, ':')
		b = appendUint(b, uint64(p[1]))
		b = append(b, " ("...)
		b = appendUint(b, uint64(length))
		b = append(b, ')')
		switch c & 0x28 {
		case 0x20:
			b = append(b, " [XO]"...)
		case 0x08:
			b = append(b, " [STS]"...)
		case 0x28:
			b = append(b, " [XO,STS]"...)
		}
	case 0xc0:
		b = append(b, " atp-rel  "...)
		b = appendUint(b, uint64(tid))
		b = atalkBitmap(b, p[1])
		if length != 0 {
			b = append(b, " [len="...)
			b = appendUint(b, uint64(length))
			b = append(b, ']')
		}
		if c&0x38 != 0 {
			sep := byte('[')
			if c&0x20 != 0 {
				b = append(b, sep)
				b = append(b, "XO"...)
				sep = ','
			}
			if c&0x10 != 0 {
				b = append(b, sep)
				b = append(b, "EOM"...)
				sep = ','
			}
			if c&0x08 != 0 {
				b = append(b, sep)
				b = append(b, "STS"...)
			}
			b = append(b, ']')
		}
	default:
		b = append(b, " atp-0x"...)
		b = appendHex(b, uint64(c))
		b = append(b, "  "...)
		b = appendUint(b, uint64(tid))
		b = append(b, " ("...)
		b = appendUint(b, uint64(length))
		b = append(b, ')')
	}
	if v := be32(p[4:]); v != 0 {
		b = append(b, " 0x"...)
		b = appendHex(b, uint64(v))
	}
	return b
}

// atalkCString is print_cstring; next is -1 when printing stopped.
func atalkCString(b []byte, p []byte, off int) (_ []byte, next int) {
	if off >= len(p) {
		return appendTrunc(b, "llap"), -1
	}
	n := int(p[off])
	off++
	if n > 32 {
		b = append(b, "[len="...)
		b = appendUint(b, uint64(n))
		return append(b, ']'), -1
	}
	for ; n != 0; n-- {
		if off >= len(p) {
			return appendTrunc(b, "llap"), -1
		}
		b = appendEscChar(b, p[off])
		off++
	}
	return b, off
}

// atalkName is nbp_name_print for the tuple at off; it returns the offset
// after the name, -1 if printing stopped.
func atalkName(b []byte, p []byte, off int) ([]byte, int) {
	b = append(b, " \""...)
	cp := off + 5
	if b, cp = atalkCString(b, p, cp); cp < 0 {
		return b, -1
	}
	b = append(b, ':')
	if b, cp = atalkCString(b, p, cp); cp < 0 {
		return b, -1
	}
	b = append(b, '@')
	if b, cp = atalkCString(b, p, cp); cp < 0 {
		return b, -1
	}
	return append(b, '"'), cp
}

func atalkNBP(b []byte, p []byte, length int, snet uint16, snode, skt byte) []byte {
	if length < 2 {
		b = append(b, " truncated-nbp "...)
		return appendUint(b, uint64(uint32(length)))
	}
	if length-2 < 8 {
		b = append(b, " truncated-nbp "...)
		return appendUint(b, uint64(uint32(length)))
	}
	if len(p) < 2 {
		return appendTrunc(b, "llap")
	}
	c := p[0]
	switch i := c & 0xf0; i {
	case 0x10, 0x20:
		if i == 0x20 {
			b = append(b, " nbp-lkup "...)
		} else {
			b = append(b, " nbp-brRq "...)
		}
		b = appendUint(b, uint64(p[1]))
		b = append(b, ':')
		if len(p) < 2+5 {
			return appendTrunc(b, "llap")
		}
		b, _ = atalkName(b, p, 2)
		if c&0xf != 1 {
			b = append(b, " [ntup="...)
			b = appendUint(b, uint64(c&0xf))
			b = append(b, ']')
		}
		if e := p[6]; e != 0 {
			b = append(b, " [enum="...)
			b = appendUint(b, uint64(e))
			b = append(b, ']')
		}
		if be16(p[2:]) != snet || p[4] != snode || p[5] != skt {
			b = append(b, " [addr="...)
			b = atalkAddr(b, be16(p[2:]), p[4])
			b = append(b, '.')
			b = appendUint(b, uint64(p[5]))
			b = append(b, ']')
		}
	case 0x30:
		b = append(b, " nbp-reply "...)
		b = appendUint(b, uint64(p[1]))
		b = append(b, ':')
		tp := 2
		for n := c & 0xf; n != 0 && tp > 0; n-- {
			if len(p) < tp+5 {
				return appendTrunc(b, "llap")
			}
			var next int
			b, next = atalkName(b, p, tp)
			if e := p[tp+4]; e != 1 {
				b = append(b, '(')
				b = appendUint(b, uint64(e))
				b = append(b, ')')
			}
			if p[tp+3] != skt {
				b = append(b, ' ')
				b = appendUint(b, uint64(p[tp+3]))
			}
			if be16(p[tp:]) != snet || p[tp+2] != snode {
				b = append(b, " [addr="...)
				b = atalkAddr(b, be16(p[tp:]), p[tp+2])
				b = append(b, ']')
			}
			tp = next
		}
	default:
		b = append(b, " nbp-0x"...)
		b = appendHex(b, uint64(c))
		b = append(b, "  "...)
		b = appendUint(b, uint64(p[1]))
		b = append(b, " ("...)
		b = appendUint(b, uint64(uint32(length-2)))
		b = append(b, ')')
	}
	return b
}

// udpATalk adapts printLLAP to the UDP port table; the rule must only be
// taken when atalkClaims(data, sport, dport) holds.
func udpATalk(d *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return d.printLLAP(b, data, length)
}
