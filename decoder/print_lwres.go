package decoder

// BIND 9 lightweight resolver (print-lwres.c) at default verbosity.

const lwresHdrLen = 28

// lwresAppendRelTS is unsigned_relts_print: "1y2w3d4h5m6s", "0s".
func lwresAppendRelTS(b []byte, secs uint32) []byte {
	if secs == 0 {
		return append(b, "0s"...)
	}
	units := [...]struct {
		n    uint32
		name byte
	}{{31536000, 'y'}, {604800, 'w'}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}
	for _, u := range units {
		if secs >= u.n {
			b = appendUint(b, uint64(secs/u.n))
			b = append(b, u.name)
			secs %= u.n
		}
	}
	return b
}

// lwresAppendClass is tok2str(ns_class2str, "Class%u", c).
func lwresAppendClass(b []byte, c uint16) []byte {
	switch c {
	case 1:
		return append(b, "IN"...)
	case 3:
		return append(b, "CHAOS"...)
	case 4:
		return append(b, "HS"...)
	case 255:
		return append(b, "ANY"...)
	}
	b = append(b, "Class"...)
	return appendUint(b, uint64(c))
}

// lwresPrinter walks one packet; a false return from its methods means
// tcpdump longjmp'd out on truncation.
type lwresPrinter struct {
	b    []byte
	data []byte
}

// name is lwres_printname: " " and l escaped bytes at off, then a check
// of the NUL after them. It returns l+1.
func (p *lwresPrinter) name(l int, off int) (int, bool) {
	p.b = append(p.b, ' ')
	for i := 0; i < l; i++ {
		if off+i >= len(p.data) {
			return 0, false
		}
		p.b = appendEscChar(p.b, p.data[off+i])
	}
	if off+l >= len(p.data) {
		return 0, false
	}
	if p.data[off+l] != 0 {
		p.b = append(p.b, " (not NUL-terminated!)"...)
	}
	return l + 1, true
}

// nameLen is lwres_printnamelen: a 16-bit length, then the name.
func (p *lwresPrinter) nameLen(off int) (int, bool) {
	if off+2 > len(p.data) {
		return 0, false
	}
	n, ok := p.name(int(be16(p.data[off:])), off+2)
	return 2 + n, ok
}

// binLen is lwres_printbinlen: a 16-bit length, then that many bytes in hex.
func (p *lwresPrinter) binLen(off int) (int, bool) {
	if off+2 > len(p.data) {
		return 0, false
	}
	l := int(be16(p.data[off:]))
	for i := 0; i < l; i++ {
		if off+2+i >= len(p.data) {
			return 0, false
		}
		p.b = appendHexByte(p.b, p.data[off+2+i])
	}
	return 2 + l, true
}

// addr is lwres_printaddr: it returns the bytes used, -1 for an address
// too short for its family (tcpdump then prints " (invalid)").
func (p *lwresPrinter) addr(off int) (int, bool) {
	if off+6 > len(p.data) {
		return 0, false
	}
	l := int(be16(p.data[off+4:]))
	a := off + 6
	if len(p.data)-a < l {
		return 0, false
	}
	switch fam := be32(p.data[off:]); fam {
	case 1:
		if l < 4 {
			return -1, true
		}
		p.b = append(p.b, ' ')
		p.b = appendIPv4(p.b, p.data[a:a+4])
		return 6 + 4, true
	case 2:
		if l < 16 {
			return -1, true
		}
		p.b = append(p.b, ' ')
		p.b = appendIPv6(p.b, p.data[a:a+16])
		return 6 + 16, true
	default:
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(fam))
		p.b = append(p.b, '/')
		for i := 0; i < l; i++ {
			p.b = appendHexByte(p.b, p.data[a+i])
		}
		return 6 + l, true
	}
}

// printLWRES is lwres_print for UDP port 921 (either side), appended after
// "SRC.SPORT > DST.DPORT: ": " lwres getaddrsbyname? IPv4 example.com"
// (with a leading space).
func printLWRES(b []byte, data []byte, length int) []byte {
	if len(data) < lwresHdrLen {
		return appendTrunc(b, "lwres")
	}
	p := lwresPrinter{b: append(b, " lwres"...), data: data}
	out, ok := p.body(length)
	if !ok {
		return appendTrunc(out, "lwres")
	}
	return out
}

func (p *lwresPrinter) body(length int) ([]byte, bool) {
	d := p.data
	pktLen := be32(d)
	s := 0
	unsupported := false
	if v := be16(d[4:]); v != 0 {
		p.b = append(p.b, " v"...)
		p.b = appendUint(p.b, uint64(v))
		if uint64(len(d)) < uint64(pktLen) {
			return p.b, false
		}
		s = int(pktLen)
		return p.tail(length, s, unsupported), true
	}
	flags := be16(d[6:])
	response := flags&1 != 0
	op := be32(d[12:])
	p.b = append(p.b, ' ')
	switch op {
	case 0:
		p.b = append(p.b, "noop"...)
	case 0x00010001:
		p.b = append(p.b, "getaddrsbyname"...)
	case 0x00010002:
		p.b = append(p.b, "getnamebyaddr"...)
	case 0x00010003:
		p.b = append(p.b, "getrdatabyname"...)
	default:
		p.b = append(p.b, "#0x"...)
		p.b = appendHex(p.b, uint64(op))
	}
	if !response {
		p.b = append(p.b, '?')
	}
	if flags&^1 != 0 {
		p.b = append(p.b, "[0x"...)
		p.b = appendHex(p.b, uint64(flags))
		p.b = append(p.b, ']')
	}
	q := lwresHdrLen
	var n int
	var ok bool
	if !response {
		switch op {
		case 0:
			s = q
		case 0x00010001: // getaddrsbyname request
			if len(d) < q+10 {
				return p.b, false
			}
			v := be32(d[q+4:])
			switch v & 3 {
			case 1:
				p.b = append(p.b, " IPv4"...)
			case 2:
				p.b = append(p.b, " IPv6"...)
			case 3:
				p.b = append(p.b, " IPv4/6"...)
			}
			if v&^3 != 0 {
				p.b = append(p.b, "[0x"...)
				p.b = appendHex(p.b, uint64(v))
				p.b = append(p.b, ']')
			}
			s = q + 10
			if n, ok = p.name(int(be16(d[q+8:])), s); !ok {
				return p.b, false
			}
			s += n
		case 0x00010002: // getnamebyaddr request
			if len(d) < q+4 {
				return p.b, false
			}
			s = q + 4
			if n, ok = p.addr(s); !ok {
				return p.b, false
			}
			if n < 0 {
				return append(p.b, " (invalid)"...), true
			}
			s += n
		case 0x00010003: // getrdatabyname request
			if len(d) < q+10 {
				return p.b, false
			}
			p.b = append(p.b, ' ')
			p.b = dnsAppendType(p.b, be16(d[q+6:]))
			if c := be16(d[q+4:]); c != 1 {
				p.b = append(p.b, ' ')
				p.b = lwresAppendClass(p.b, c)
			}
			s = q + 10
			if n, ok = p.name(int(be16(d[q+8:])), s); !ok {
				return p.b, false
			}
			s += n
		default:
			s = q
			unsupported = true
		}
		return p.tail(length, s, unsupported), true
	}
	switch op {
	case 0:
		s = q
	case 0x00010001: // getaddrsbyname response
		if len(d) < q+10 {
			return p.b, false
		}
		nal, nad := int(be16(d[q+4:])), int(be16(d[q+6:]))
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(nal))
		p.b = append(p.b, '/')
		p.b = appendUint(p.b, uint64(nad))
		s = q + 10
		if n, ok = p.name(int(be16(d[q+8:])), s); !ok {
			return p.b, false
		}
		s += n
		for i := 0; i < nal; i++ {
			if n, ok = p.nameLen(s); !ok {
				return p.b, false
			}
			s += n
		}
		for i := 0; i < nad; i++ {
			if n, ok = p.addr(s); !ok {
				return p.b, false
			}
			if n < 0 {
				return append(p.b, " (invalid)"...), true
			}
			s += n
		}
	case 0x00010002: // getnamebyaddr response
		if len(d) < q+8 {
			return p.b, false
		}
		nal := int(be16(d[q+4:]))
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(nal))
		s = q + 8
		if n, ok = p.name(int(be16(d[q+6:])), s); !ok {
			return p.b, false
		}
		s += n
		for i := 0; i < nal; i++ {
			if n, ok = p.nameLen(s); !ok {
				return p.b, false
			}
			s += n
		}
	case 0x00010003: // getrdatabyname response
		if len(d) < q+16 {
			return p.b, false
		}
		p.b = append(p.b, ' ')
		p.b = dnsAppendType(p.b, be16(d[q+6:]))
		if c := be16(d[q+4:]); c != 1 {
			p.b = append(p.b, ' ')
			p.b = lwresAppendClass(p.b, c)
		}
		p.b = append(p.b, " TTL "...)
		p.b = lwresAppendRelTS(p.b, be32(d[q+8:]))
		nrd, nsig := int(be16(d[q+12:])), int(be16(d[q+14:]))
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(nrd))
		p.b = append(p.b, '/')
		p.b = appendUint(p.b, uint64(nsig))
		s = q + 16
		if n, ok = p.nameLen(s); !ok {
			return p.b, false
		}
		s += n
		for i := 0; i < nrd+nsig; i++ {
			if n, ok = p.binLen(s); !ok {
				return p.b, false
			}
			s += n
		}
	default:
		s = q
		unsupported = true
	}
	return p.tail(length, s, unsupported), true
}

// tail prints the length mismatch and "[extra]" checks; s is how far the
// printer got.
func (p *lwresPrinter) tail(length int, s int, unsupported bool) []byte {
	pktLen := be32(p.data)
	if uint64(pktLen) != uint64(uint32(length)) {
		p.b = append(p.b, " [len: "...)
		p.b = appendUint(p.b, uint64(pktLen))
		p.b = append(p.b, " != "...)
		p.b = appendUint(p.b, uint64(uint32(length)))
		p.b = append(p.b, ']')
	}
	if !unsupported && uint64(s) < uint64(pktLen) {
		p.b = append(p.b, "[extra]"...)
	}
	return p.b
}
