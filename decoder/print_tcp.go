package decoder

import (
	"encoding/binary"
	"slices"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// TCP flag bits in tcpdump's printing order.
const (
	thFIN = 0x01
	thSYN = 0x02
	thRST = 0x04
	thPSH = 0x08
	thACK = 0x10
	thURG = 0x20
	thECE = 0x40
	thCWR = 0x80
)

const tcpFlagLetters = "FSRP.UEW"

// tcpFlagsField holds, for every flags byte, "Flags [" and tcpdump's
// letters, or "none", and "]": at most 16 bytes, stored at once.
var tcpFlagsField = func() (t [256]struct {
	text [16]byte
	n    uint8
}) {
	for f := range t {
		s := []byte("Flags [")
		if f == 0 {
			s = append(s, "none"...)
		}
		for i := 0; i < 8; i++ {
			if f&(1<<i) != 0 {
				s = append(s, tcpFlagLetters[i])
			}
		}
		s = append(s, ']')
		t[f].n = uint8(copy(t[f].text[:], s))
	}
	return
}()

// tcpOptionNames is tcpdump's tcp_option_values; missing kinds print as
// "unknown-K".
func tcpOptionName(k uint8) string {
	switch k {
	case 0:
		return "eol"
	case 1:
		return "nop"
	case 2:
		return "mss"
	case 3:
		return "wscale"
	case 4:
		return "sackOK"
	case 5:
		return "sack"
	case 6:
		return "echo"
	case 7:
		return "echoreply"
	case 8:
		return "TS"
	case 11:
		return "cc"
	case 12:
		return "ccnew"
	case 13:
		return "ccecho"
	case 19:
		return "md5"
	case 20:
		return "scps"
	case 28:
		return "uto"
	case 29:
		return "tcp-ao"
	case 30:
		return "mptcp"
	case 34:
		return "tfo"
	case 254:
		return "exp"
	}
	return ""
}

// tcpReserve is what printTCP reserves past the addresses and ports and
// writes into with a cursor: the flags (16), seq (27), ack (16), win and
// urg (22), the options (tcpOptsRoom) and the length (19), with room to
// spare for the fixed-size stores that overshoot.
const tcpReserve = 128 + tcpOptsRoom

// lit8 is the first 8 bytes of s as a little-endian word: a constant when
// s is, for one store of a short literal.
func lit8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// digits8 returns the 8 decimal digits of v < 100000000 in ASCII, the
// most significant in the low byte (first in memory once stored
// little-endian): the two halves of four digits are split into pairs and
// the pairs into digits in parallel lanes of one word, with
// multiplications by reciprocals that are exact for these ranges.
func digits8(v uint32) uint64 {
	hi := v / 10000
	x := uint64(hi) | uint64(v-hi*10000)<<32
	y := (x * 10486 >> 20) & 0x0000007f0000007f // each lane / 100
	z := (x-y*100)<<16 | y
	t := (z * 103 >> 10) & 0x000f000f000f000f // each lane / 10
	return (z-t*10)<<8 | t | 0x3030303030303030
}

// putField writes a text and a number at the start of d: the text is
// the low bytes of lit, as many as its top byte says (at most 7), and v
// follows it in decimal. It returns the number of bytes; those past it
// up to d's end may be overwritten.
func putField(d *[24]byte, lit uint64, v uint32) int {
	binary.LittleEndian.PutUint64(d[0:8], lit)
	n := int(lit>>56) & 7
	e := (*[16]byte)(d[n : n+16])
	if v >= 100000000 {
		hi := v / 100000000 // 1 to 42
		lo := digits8(v - hi*100000000)
		if hi >= 10 {
			numfmt.Put2(e[0:2], hi)
			binary.LittleEndian.PutUint64(e[2:10], lo)
			return n + 10
		}
		e[0] = byte('0' + hi)
		binary.LittleEndian.PutUint64(e[1:9], lo)
		return n + 9
	}
	if v < 100000 {
		if v < 1000 {
			if v < 10 {
				e[0] = byte('0' + v)
				return n + 1
			}
			if v < 100 {
				numfmt.Put2(e[0:2], v)
				return n + 2
			}
			q := v / 100
			e[0] = byte('0' + q)
			numfmt.Put2(e[1:3], v-q*100)
			return n + 3
		}
		if v < 10000 {
			numfmt.Put4(e[0:4], v)
			return n + 4
		}
		q := v / 10000
		e[0] = byte('0' + q)
		numfmt.Put4(e[1:5], v-q*10000)
		return n + 5
	}
	hi := v / 10000 // 10 to 9999
	lo := v - hi*10000
	if hi >= 1000 {
		numfmt.Put4(e[0:4], hi)
		numfmt.Put4(e[4:8], lo)
		return n + 8
	}
	if hi >= 100 {
		q := hi / 100
		e[0] = byte('0' + q)
		numfmt.Put2(e[1:3], hi-q*100)
		numfmt.Put4(e[3:7], lo)
		return n + 7
	}
	numfmt.Put2(e[0:2], hi)
	numfmt.Put4(e[2:6], lo)
	return n + 6
}

// putFieldAt is putField at w[p:], for p < 256 (before the options), and
// returns the position after it.
func putFieldAt(w *[tcpReserve]byte, p int, lit uint64, v uint32) int {
	return p + putField((*[24]byte)(w[p&255:p&255+24]), lit, v)
}

// putPort16At is putFieldAt for a 16-bit number, without a call.
func putPort16At(w *[tcpReserve]byte, p int, lit uint64, v uint16) int {
	binary.LittleEndian.PutUint64(w[p&255:p&255+8], lit)
	p += int(lit>>56) & 7
	return p + numfmt.PutPort((*[5]byte)(w[p&255:p&255+5]), v)
}

// field is putField's lit for the text s, padded with NULs to 8 bytes,
// of which the first n (at most 7) are the text: a constant when s and n
// are.
func field(s string, n int) uint64 {
	return lit8(s) | uint64(n)<<56
}

// printTCP is tcp_print at default verbosity.
func (d *Decoder) printTCP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 4 {
		b = appendAddr(b, ip.src)
		b = append(b, " > "...)
		b = appendAddr(b, ip.dst)
		b = append(b, ':')
		return appendTrunc(b, "tcp")
	}
	sport, dport := be16(data), be16(data[2:])
	if d.outermost(ip) { // notePorts, and the flags of a header not cut nor too short
		d.sum.SPort, d.sum.DPort = int(sport), int(dport)
		if len(data) >= 20 && data[12] >= 5<<4 {
			d.sum.TCPFlags, d.sum.HasTCPFlags = data[13], true
		}
	}
	b = ip.appendAddrPorts(b, sport, dport)
	if len(data) < 20 {
		return appendTrunc(b, "tcp")
	}
	hlen := int(data[12]>>4) * 4
	if hlen < 20 {
		b = append(b, " tcp "...)
		b = appendUint(b, uint64(uint32(length-hlen)))
		b = append(b, " [bad hdr length "...)
		b = appendUint(b, uint64(hlen))
		return append(b, " - too short, < 20]"...)
	}
	seq, ack := be32(data[4:]), be32(data[8:])
	flags := data[13]
	win, urp := be16(data[14:]), be16(data[18:])

	// The rest is written into one reservation, w, at the cursor p.
	l := len(b)
	if cap(b)-l < tcpReserve {
		b = slices.Grow(b, tcpReserve)
	}
	w := (*[tcpReserve]byte)(b[l : l+tcpReserve])
	fe := &tcpFlagsField[flags]
	*(*[16]byte)(w[0:16]) = fe.text
	p := int(fe.n)

	if flags&(thACK|thURG) == 0 && length == hlen && hlen <= len(data) {
		// A segment with neither data nor an ack, as a scan's probes
		// are: what follows, written without the conversation table.
		if flags&(thSYN|thFIN|thRST) != 0 {
			p = putFieldAt(w, p, field(", seq \x00\x00", 6), seq)
		}
		p = putPort16At(w, p, field(", win \x00\x00", 6), win)
		if hlen > 20 {
			n := putTCPOptions((*[tcpOptsRoom]byte)(w[p&127:p&127+tcpOptsRoom]), data[20:hlen], false, 0, 0) // p < 128
			if n == 0 {
				b, ok := appendTCPOptions(b[:l+p], data, hlen, 0, false, 0, 0)
				if !ok {
					return b
				}
				return append(b, ", length 0"...)
			}
			p += n
		}
		binary.LittleEndian.PutUint64(w[p:p+8], lit8(", length "))
		binary.LittleEndian.PutUint16(w[p+8:p+10], uint16(' ')|uint16('0')<<8)
		return b[:l+p+10]
	}

	var thseq, thack uint32
	rev := false
	if d.seq != nil && flags&thACK != 0 {
		rev = sport > dport
		if sport == dport {
			rev = compareBytes(ip.src, ip.dst) > 0
		}
		a, z := ip.src, ip.dst
		var k seqKey
		k.w[4] = uint64(sport)<<16 | uint64(dport)
		if rev {
			a, z = z, a
			k.w[4] = uint64(dport)<<16 | uint64(sport)
		}
		switch {
		case len(a) == 4 && len(z) == 4:
			k.w[0] = uint64(binary.LittleEndian.Uint32(a))
			k.w[2] = uint64(binary.LittleEndian.Uint32(z))
		case len(a) == 16 && len(z) == 16:
			k.w[0], k.w[1] = binary.LittleEndian.Uint64(a), binary.LittleEndian.Uint64(a[8:])
			k.w[2], k.w[3] = binary.LittleEndian.Uint64(z), binary.LittleEndian.Uint64(z[8:])
		default:
			var x [32]byte
			copy(x[:16], a)
			copy(x[16:], z)
			for i := range 4 {
				k.w[i] = binary.LittleEndian.Uint64(x[8*i:])
			}
		}
		if ip.v6 {
			k.w[4] |= seqKeyV6
		}
		e, found := d.seq.get(&k)
		if !found || flags&thSYN != 0 {
			if rev {
				e.ack, e.seq = seq, ack-1
			} else {
				e.seq, e.ack = seq, ack-1
			}
		} else if rev {
			seq -= e.ack
			ack -= e.seq
		} else {
			seq -= e.seq
			ack -= e.ack
		}
		thseq, thack = e.seq, e.ack
	}
	if hlen > length {
		b = b[:l+p]
		b = append(b, " [bad hdr length "...)
		b = appendUint(b, uint64(hlen))
		b = append(b, " - too long, > "...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, ']')
	}
	plen := uint32(length - hlen)
	if plen > 0 || flags&(thSYN|thFIN|thRST) != 0 {
		p = putFieldAt(w, p, field(", seq \x00\x00", 6), seq)
		if plen > 0 {
			p = putFieldAt(w, p, field(":\x00\x00\x00\x00\x00\x00\x00", 1), seq+plen)
		}
	}
	if flags&thACK != 0 {
		p = putFieldAt(w, p, field(", ack \x00\x00", 6), ack)
	}
	p = putPort16At(w, p, field(", win \x00\x00", 6), win)
	if flags&thURG != 0 {
		p = putPort16At(w, p, field(", urg \x00\x00", 6), urp)
	}
	if hlen > 20 {
		n := 0
		if hlen <= len(data) {
			n = putTCPOptions((*[tcpOptsRoom]byte)(w[p&127:p&127+tcpOptsRoom]), data[20:hlen], rev, thseq, thack) // p < 128
		}
		if n > 0 {
			p += n
		} else {
			var ok bool
			b, ok = appendTCPOptions(b[:l+p], data, hlen, int(plen), rev, thseq, thack)
			if !ok {
				return b
			}
			l = len(b)
			if cap(b)-l < tcpReserve {
				b = slices.Grow(b, tcpReserve)
			}
			w = (*[tcpReserve]byte)(b[l : l+tcpReserve])
			p = 0
		}
	}
	binary.LittleEndian.PutUint64(w[p:p+8], lit8(", length "))
	if plen == 0 { // most segments of a scan
		binary.LittleEndian.PutUint16(w[p+8:p+10], uint16(' ')|uint16('0')<<8)
		return b[:l+p+10]
	}
	w[p+8] = ' '
	p += 9
	if plen < 1<<16 {
		p += numfmt.PutPort((*[5]byte)(w[p:p+5]), uint16(plen))
	} else {
		p += putField((*[24]byte)(w[p:p+24]), 0, plen)
	}
	b = b[:l+p]
	if len(data) < hlen {
		b = append(b, " [remaining caplen("...)
		b = appendUint(b, uint64(len(data)))
		b = append(b, ") < header length("...)
		b = appendUint(b, uint64(hlen))
		b = append(b, ")]"...)
		return appendTrunc(b, "tcp")
	}
	if tcpPorts.first(sport, dport) < 0 { // no printer wants the payload
		return b
	}
	return d.tcpApp(b, data[hlen:], int(plen), ip, sport, dport)
}

func compareBytes(a, b []byte) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

// appendTCPOptions appends ", options [...]". ok is false when the record
// ends inside the options (a bad option or a truncation).
func appendTCPOptions(b []byte, data []byte, hlen, plen int, rev bool, thseq, thack uint32) (_ []byte, ok bool) {
	b = append(b, ", options ["...)
	cp := 20
	left := hlen - 20
	sep := false
	bad := func(b []byte) []byte {
		b = append(b, "[bad opt]"...)
		if sep {
			b = append(b, ']')
		}
		return b
	}
	for left > 0 {
		if sep {
			b = append(b, ',')
		}
		if cp >= len(data) {
			return appendTrunc(b, "tcp"), false
		}
		opt := data[cp]
		cp++
		var olen int
		if opt == 0 || opt == 1 {
			olen = 1
		} else {
			if cp >= len(data) {
				return appendTrunc(b, "tcp"), false
			}
			olen = int(data[cp])
			cp++
			if olen < 2 || olen > left {
				return bad(b), false
			}
			left--
		}
		left--
		datalen := 0
		// need checks that l bytes are within the option space and captured.
		need := func(l int) int {
			if l > left {
				return 1
			}
			if cp+l > len(data) {
				return 2
			}
			return 0
		}
		// A LENCHECK failure: past the option space is a bad option; not
		// captured goes to print-tcp.c's trunc label, which adds '>' once
		// an option was printed.
		fail := func(b []byte, r int) []byte {
			if r == 1 {
				return bad(b)
			}
			b = appendTrunc(b, "tcp")
			if sep {
				b = append(b, '>')
			}
			return b
		}
		if name := tcpOptionName(opt); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "unknown-"...)
			b = appendUint(b, uint64(opt))
		}
		switch opt {
		case 2: // mss
			datalen = 2
			if r := need(2); r != 0 {
				return fail(b, r), false
			}
			b = append(b, ' ')
			b = appendUint(b, uint64(be16(data[cp:])))
		case 3: // wscale
			datalen = 1
			if r := need(1); r != 0 {
				return fail(b, r), false
			}
			b = append(b, ' ')
			b = appendUint(b, uint64(data[cp]))
		case 5: // sack
			datalen = olen - 2
			if datalen%8 != 0 {
				b = append(b, " invalid sack"...)
			} else {
				b = append(b, ' ')
				b = appendUint(b, uint64(datalen/8))
				b = append(b, ' ')
				for i := 0; i < datalen; i += 8 {
					if r := need(i + 4); r != 0 {
						return fail(b, r), false
					}
					s := be32(data[cp+i:])
					if r := need(i + 8); r != 0 {
						return fail(b, r), false
					}
					e := be32(data[cp+i+4:])
					if rev {
						s -= thseq
						e -= thseq
					} else {
						s -= thack
						e -= thack
					}
					b = append(b, '{')
					b = appendUint(b, uint64(s))
					b = append(b, ':')
					b = appendUint(b, uint64(e))
					b = append(b, '}')
				}
			}
		case 6, 7, 11, 12, 13: // echo, echoreply, cc, ccnew, ccecho
			datalen = 4
			if r := need(4); r != 0 {
				return fail(b, r), false
			}
			b = append(b, ' ')
			b = appendUint(b, uint64(be32(data[cp:])))
		case 8: // timestamp
			datalen = 8
			if r := need(8); r != 0 {
				return fail(b, r), false
			}
			b = append(b, " val "...)
			b = appendUint(b, uint64(be32(data[cp:])))
			b = append(b, " ecr "...)
			b = appendUint(b, uint64(be32(data[cp+4:])))
		case 19: // md5 signature
			datalen = 16
			if r := need(16); r != 0 {
				return fail(b, r), false
			}
			// tcp_verify_signature: the whole segment must be captured
			// before it looks for the -M secret.
			if hlen+plen > len(data) {
				b = append(b, " snaplen too short, can't check - "...)
			} else {
				b = append(b, " shared secret not supplied with -M, can't check - "...)
			}
			for i := 0; i < 16; i++ {
				b = appendHexByte(b, data[cp+i])
			}
		case 20: // scps
			datalen = 2
			if r := need(2); r != 0 {
				return fail(b, r), false
			}
			b = append(b, " cap "...)
			b = appendHexByte(b, data[cp])
			b = append(b, " id "...)
			b = appendUint(b, uint64(data[cp+1]))
		case 29: // tcp-ao
			datalen = olen - 2
			if datalen < 2 {
				b = append(b, " (invalid)"...)
			} else {
				if r := need(1); r != 0 {
					return fail(b, r), false
				}
				b = append(b, " keyid "...)
				b = appendUint(b, uint64(data[cp]))
				if r := need(2); r != 0 {
					return fail(b, r), false
				}
				b = append(b, " rnextkeyid "...)
				b = appendUint(b, uint64(data[cp+1]))
				if datalen > 2 {
					b = append(b, " mac 0x"...)
					for i := 2; i < datalen; i++ {
						if r := need(i + 1); r != 0 {
							return fail(b, r), false
						}
						b = appendHexByte(b, data[cp+i])
					}
				}
			}
		case 0, 1, 4: // eol, nop, sackOK
		case 28: // uto
			datalen = 2
			if r := need(2); r != 0 {
				return fail(b, r), false
			}
			v := uint32(be16(data[cp:]))
			b = append(b, " 0x"...)
			b = appendHex(b, uint64(v))
			if v&1 != 0 {
				v = (v >> 1) * 60
			} else {
				v >>= 1
			}
			b = append(b, ' ')
			b = appendUint(b, uint64(v))
		case 30: // mptcp
			datalen = olen - 2
			if r := need(datalen); r != 0 {
				return fail(b, r), false
			}
			var mok bool
			b, mok = appendMPTCP(b, data[cp-2:cp+datalen], data[13])
			if !mok {
				return bad(b), false
			}
		case 34: // tfo
			datalen = olen - 2
			if r := need(datalen); r != 0 {
				return fail(b, r), false
			}
			b = append(b, ' ')
			b = appendFastOpen(b, data[cp:cp+datalen], false)
		case 254: // exp
			datalen = olen - 2
			if r := need(datalen); r != 0 {
				return fail(b, r), false
			}
			if datalen < 2 {
				return bad(b), false
			}
			magic := be16(data[cp:])
			b = append(b, '-')
			if magic == 0xf989 {
				b = appendFastOpen(b, data[cp+2:cp+datalen], true)
			} else {
				b = appendHexPad(b, uint64(magic), 4)
			}
		default:
			datalen = olen - 2
			if datalen > 0 {
				b = append(b, " 0x"...)
			}
			for i := 0; i < datalen; i++ {
				if r := need(i + 1); r != 0 {
					return fail(b, r), false
				}
				b = appendHexByte(b, data[cp+i])
			}
		}
		cp += datalen
		left -= datalen
		datalen++
		if opt != 0 && opt != 1 {
			datalen++
		}
		if datalen != olen {
			b = append(b, "[len "...)
			b = appendUint(b, uint64(olen))
			b = append(b, ']')
		}
		sep = true
		if opt == 0 {
			break
		}
	}
	return append(b, ']'), true
}

// appendFastOpen appends a TCP Fast Open option's data.
func appendFastOpen(b []byte, data []byte, exp bool) []byte {
	if exp {
		b = append(b, "tfo"...)
	}
	if len(data) == 0 {
		return append(b, " cookiereq"...)
	}
	if len(data)%2 != 0 || len(data) < 4 || len(data) > 16 {
		return append(b, " (invalid)"...)
	}
	b = append(b, " cookie "...)
	for _, c := range data {
		b = appendHexByte(b, c)
	}
	return b
}
