package decoder

// Zephyr (print-zephyr.c), UDP ports 2103 and 2104.

var zephyrTypes = [...]string{"unsafe", "unacked", "acked", "hm-ack", "hm-ctl",
	"serv-ack", "serv-nak", "client-ack", "stat"}

// zephyrParser walks the NUL-terminated fields as parse_field does.
type zephyrParser struct {
	data  []byte
	p     int
	left  int
	trunc bool
}

// next returns the next field (without its NUL); ok is false when the
// length ran out first, z.trunc is set when the capture did.
func (z *zephyrParser) next() (f []byte, ok bool) {
	start := z.p
	for {
		if z.left == 0 {
			return nil, false
		}
		if z.p >= len(z.data) {
			z.trunc = true
			return nil, false
		}
		if z.data[z.p] == 0 {
			break
		}
		z.p++
		z.left--
	}
	f = z.data[start:z.p]
	z.p++
	z.left--
	return f, true
}

// zephyrStrtol16 is strtol(s, NULL, 16) converted to a C int.
func zephyrStrtol16(s []byte) int32 {
	i := 0
	for i < len(s) && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	hexval := func(c byte) int {
		switch {
		case c >= '0' && c <= '9':
			return int(c - '0')
		case c >= 'a' && c <= 'f':
			return int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	if i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && hexval(s[i+2]) >= 0 {
		i += 2
	}
	var v uint64
	over := false
	for ; i < len(s); i++ {
		d := hexval(s[i])
		if d < 0 {
			break
		}
		if !over {
			if v >= 1<<60 {
				over = true
			} else if v = v<<4 | uint64(d); v > 1<<63 {
				over = true
			}
		}
	}
	var r int64
	switch {
	case over && neg:
		r = -1 << 63
	case over:
		r = 1<<63 - 1
	case neg:
		if v == 1<<63 {
			r = -1 << 63
		} else {
			r = -int64(v)
		}
	default:
		if v == 1<<63 {
			r = 1<<63 - 1
		} else {
			r = int64(v)
		}
	}
	return int32(r)
}

// zephyrAppendStr appends s escaped (fn_print_str) after cutting it to
// 255 bytes, the size of tcpdump's z_buf, lowered when lower is set
// (str_to_lower, the only path through z_buf).
func zephyrAppendStr(b []byte, s []byte, lower bool) []byte {
	if len(s) > 255 {
		s = s[:255]
	}
	for _, c := range s {
		if lower && c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = appendEscChar(b, c)
	}
	return b
}

// zephyrAppendTriple appends "<class,inst,recipient>" escaped, cut to 255
// bytes as z_triple's snprintf does; an empty recipient is "*".
func zephyrAppendTriple(b []byte, c, i, r []byte) []byte {
	n := 0
	b, n = zephyrPut(b, n, "<")
	b, n = zephyrPutB(b, n, c)
	b, n = zephyrPut(b, n, ",")
	b, n = zephyrPutB(b, n, i)
	b, n = zephyrPut(b, n, ",")
	if len(r) == 0 {
		b, n = zephyrPut(b, n, "*")
	} else {
		b, n = zephyrPutB(b, n, r)
	}
	b, _ = zephyrPut(b, n, ">")
	return b
}

func zephyrPutB(b []byte, n int, s []byte) ([]byte, int) {
	for _, ch := range s {
		if n >= 255 {
			break
		}
		b = appendEscChar(b, ch)
		n++
	}
	return b, n
}

func zephyrPut(b []byte, n int, s string) ([]byte, int) {
	if n < 255 && len(s) == 1 {
		return append(b, s[0]), n + 1
	}
	return b, n
}

func zephyrIs(s []byte, lit string) bool { return string(s) == lit }

// printZephyr is zephyr_print, appended after "SRC.SPORT > DST.DPORT: ":
// " zephyr unacked user to <MESSAGE,PERSONAL,user@REALM> op PING".
func printZephyr(b []byte, data []byte, length int) []byte {
	const proto = "zephyr"
	z := zephyrParser{data: data, left: length}
	version, ok := z.next()
	if z.trunc {
		return appendTrunc(b, proto)
	}
	if !ok {
		return ndAppendInvalid(b)
	}
	if len(version) < 4 || string(version[:4]) != "ZEPH" {
		return b
	}
	var f [16][]byte // numfields .. multi_uid
	lose := false
	for i := range f {
		s, ok := z.next()
		if z.trunc {
			return appendTrunc(b, proto)
		}
		if !ok {
			lose = true
		}
		f[i] = s
	}
	if lose {
		return ndAppendInvalid(b)
	}
	kind := zephyrStrtol16(f[1])
	class, inst, opcode, sender, recipient := f[7], f[8], f[9], f[10], f[11]
	b = append(b, " zephyr"...)
	if v := version[4:]; len(v) < 3 || string(v[:3]) != "0.2" {
		b = append(b, " v"...)
		return appendEscN(b, v)
	}
	b = append(b, ' ')
	if kind >= 0 && int(kind) < len(zephyrTypes) {
		b = append(b, zephyrTypes[kind]...)
	} else {
		b = append(b, "type "...)
		b = appendInt(b, int64(kind))
	}
	if kind == 5 { // Z_PACKET_SERVACK
		ack, ok := z.next()
		if z.trunc {
			return appendTrunc(b, proto)
		}
		if !ok {
			lose = true
		} else if !zephyrIs(ack, "SENT") {
			b = append(b, '/')
			b = zephyrAppendStr(b, ack, true)
		}
	}
	if len(sender) != 0 {
		b = append(b, ' ')
		b = appendEscN(b, sender)
	}
	switch {
	case zephyrIs(class, "USER_LOCATE"):
		switch {
		case zephyrIs(opcode, "USER_HIDE"):
			b = append(b, " hide"...)
		case zephyrIs(opcode, "USER_UNHIDE"):
			b = append(b, " unhide"...)
		default:
			b = append(b, " locate "...)
			b = appendEscN(b, inst)
		}
		return b
	case zephyrIs(class, "ZEPHYR_ADMIN"):
		b = append(b, " zephyr-admin "...)
		return zephyrAppendStr(b, opcode, true)
	case zephyrIs(class, "ZEPHYR_CTL"):
		switch {
		case zephyrIs(inst, "CLIENT"):
			switch {
			case zephyrIs(opcode, "SUBSCRIBE"), zephyrIs(opcode, "SUBSCRIBE_NODEFS"), zephyrIs(opcode, "UNSUBSCRIBE"):
				b = append(b, ' ')
				if !zephyrIs(opcode, "SUBSCRIBE") {
					b = append(b, "un"...)
				}
				b = append(b, "sub"...)
				if zephyrIs(opcode, "SUBSCRIBE_NODEFS") {
					b = append(b, "-nodefs"...)
				}
				if kind != 5 {
					var t [3][]byte
					for i := range t {
						s, ok := z.next()
						if z.trunc {
							return appendTrunc(b, proto)
						}
						if !ok {
							lose = true
						}
						t[i] = s
					}
					if !lose {
						b = append(b, ' ')
						b = zephyrAppendTriple(b, t[0], t[1], t[2])
					}
				}
				return b
			case zephyrIs(opcode, "GIMME"):
				return append(b, " ret"...)
			case zephyrIs(opcode, "GIMMEDEFS"):
				return append(b, " gimme-defs"...)
			case zephyrIs(opcode, "CLEARSUB"):
				return append(b, " clear-subs"...)
			}
			b = append(b, ' ')
			return zephyrAppendStr(b, opcode, true)
		case zephyrIs(inst, "HM"):
			b = append(b, ' ')
			return zephyrAppendStr(b, opcode, true)
		case zephyrIs(inst, "REALM"):
			switch {
			case zephyrIs(opcode, "ADD_SUBSCRIBE"):
				b = append(b, " realm add-subs"...)
			case zephyrIs(opcode, "REQ_SUBSCRIBE"):
				b = append(b, " realm req-subs"...)
			case zephyrIs(opcode, "RLM_SUBSCRIBE"):
				b = append(b, " realm rlm-sub"...)
			case zephyrIs(opcode, "RLM_UNSUBSCRIBE"):
				b = append(b, " realm rlm-unsub"...)
			}
			return b
		}
	case zephyrIs(class, "HM_CTL"):
		b = append(b, " hm_ctl "...)
		b = zephyrAppendStr(b, inst, true)
		b = append(b, ' ')
		return zephyrAppendStr(b, opcode, true)
	case zephyrIs(class, "HM_STAT"):
		if zephyrIs(inst, "HMST_CLIENT") && zephyrIs(opcode, "GIMMESTATS") {
			return append(b, " get-client-stats"...)
		}
	case zephyrIs(class, "WG_CTL"):
		b = append(b, " wg_ctl "...)
		b = zephyrAppendStr(b, inst, true)
		b = append(b, ' ')
		return zephyrAppendStr(b, opcode, true)
	case zephyrIs(class, "LOGIN"):
		switch {
		case zephyrIs(opcode, "USER_FLUSH"):
			return append(b, " flush_locs"...)
		case zephyrIs(opcode, "NONE"), zephyrIs(opcode, "OPSTAFF"), zephyrIs(opcode, "REALM-VISIBLE"),
			zephyrIs(opcode, "REALM-ANNOUNCED"), zephyrIs(opcode, "NET-VISIBLE"), zephyrIs(opcode, "NET-ANNOUNCED"):
			b = append(b, " set-exposure "...)
			return zephyrAppendStr(b, opcode, true)
		}
	}
	b = append(b, " to "...)
	b = zephyrAppendTriple(b, class, inst, recipient)
	if len(opcode) != 0 {
		b = append(b, " op "...)
		b = appendEscN(b, opcode)
	}
	return b
}
