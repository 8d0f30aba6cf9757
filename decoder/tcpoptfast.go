package decoder

import (
	"encoding/binary"
	"slices"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// putTCPOptions is appendTCPOptions for the option lists scanners and
// stacks send, written straight into a reservation: all captured, and
// made of eol, nop, mss, wscale, sackOK, sack, timestamps, the four-byte
// echo and cc kinds and unknown kinds, each of its proper length. It
// writes ", options [...]" at the start of d, which must have room for
// tcpOptsRoom bytes, and returns its length, or 0 when the list needs
// appendTCPOptions (another kind, a bad or odd length, a cut list); d's
// bytes are then garbage.
//
// The few whole lists that stacks and scanners send most are templates
// of fixed bytes with values between: their text is the template's with
// the values filled in. The others go an option at a time, through
// putTCPOptionsAny.
func putTCPOptions(d *[tcpOptsRoom]byte, o []byte, rev bool, thseq, thack uint32) int {
	const (
		// the fixed bytes of mss, nop, wscale in a list's first 8 bytes
		mssNopWsMask = 0x00ffffff0000ffff
		mssNopWs     = 0x0003030100000402
	)
	const (
		tNone       = iota
		tMSS        // mss
		tSackOK     // mss,nop,nop,sackOK
		tNopNopTS   // nop,nop,TS
		tWsSackOK   // mss,nop,wscale,nop,nop,sackOK
		tWsEol      // mss,nop,wscale,eol and anything after it
		tSackTSWs   // mss,sackOK,TS,nop,wscale
		tWsSackOKTS // mss,nop,wscale,sackOK,TS
		tNopNopSack // nop,nop,sack of one block
		tMSSSack    // mss,nop,nop,sack of one block
	)
	t := tNone
	switch len(o) {
	case 4:
		if uint32(o[0])|uint32(o[1])<<8 == 0x0402 {
			t = tMSS
		}
	case 8:
		w := binary.LittleEndian.Uint64(o)
		if w&0xffffffff0000ffff == 0x0204010100000402 {
			t = tSackOK
		} else if w&0x0000ffff0000ff00 == 0x0000000100000400 && tcpOptText[uint8(w)].class == optUnknown {
			// unknown-K with two bytes, nop, eol (and bytes after the
			// eol, which are not printed), as a scanner's probes send.
			return putTCPOptUnknown2NopEol(d, o)
		}
	case 12:
		w, x := binary.LittleEndian.Uint64(o), binary.LittleEndian.Uint32(o[8:12])
		switch {
		case uint32(w) == 0x0a080101:
			t = tNopNopTS
		case uint32(w) == 0x0a050101:
			t = tNopNopSack
		case w&mssNopWsMask != mssNopWs:
		case x == 0x02040101:
			t = tWsSackOK
		case x&0xff == 0:
			t = tWsEol
		}
	case 16:
		if binary.LittleEndian.Uint64(o)&0xffffffff0000ffff == 0x0a05010100000402 {
			t = tMSSSack
		}
	case 20:
		w, x := binary.LittleEndian.Uint64(o), binary.LittleEndian.Uint32(o[8:12])
		switch {
		case w&0xffffffff0000ffff == 0x0a08020400000402 && binary.LittleEndian.Uint32(o[16:20])&0x00ffffff == 0x00030301:
			t = tSackTSWs
		case w&mssNopWsMask == mssNopWs && x == 0x0a080204:
			t = tWsSackOKTS
		}
	}
	if t == tNone {
		return putTCPOptionsAny(d, o, rev, thseq, thack)
	}
	var p int
	if t == tNopNopSack || t == tMSSSack {
		x := o[len(o)-8:]
		if t == tMSSSack {
			*(*[16]byte)(d[0:16]) = optTextMSS
			p = 15 + numfmt.PutPort((*[5]byte)(d[15:20]), uint16(o[2])<<8|uint16(o[3]))
			*(*[16]byte)(d[p : p+16]) = optTextNopNopSack
			p += 16
		} else {
			*(*[16]byte)(d[0:16]) = optTextNopNopTS[0]
			*(*[16]byte)(d[16:32]) = optTextNopNopSack1
			p = 26
		}
		base := thack
		if rev {
			base = thseq
		}
		p += putField((*[24]byte)(d[p:p+24]), field("{\x00\x00\x00\x00\x00\x00\x00", 1), binary.BigEndian.Uint32(x[0:4])-base)
		p += putField((*[24]byte)(d[p:p+24]), field(":\x00\x00\x00\x00\x00\x00\x00", 1), binary.BigEndian.Uint32(x[4:8])-base)
		binary.LittleEndian.PutUint16(d[p:p+2], '}'|']'<<8)
		return p + 2
	}
	if t == tNopNopTS {
		*(*[16]byte)(d[0:16]) = optTextNopNopTS[0]
		*(*[16]byte)(d[16:32]) = optTextNopNopTS[1]
		p = 26
		p += putField((*[24]byte)(d[p:p+24]), 0, binary.BigEndian.Uint32(o[4:8]))
		p += putField((*[24]byte)(d[p:p+24]), field(" ecr \x00\x00\x00", 5), binary.BigEndian.Uint32(o[8:12]))
		d[p] = ']'
		return p + 1
	}
	*(*[16]byte)(d[0:16]) = optTextMSS
	p = 15 + numfmt.PutPort((*[5]byte)(d[15:20]), uint16(o[2])<<8|uint16(o[3]))
	ts := 8 // where the timestamps are
	if t >= tWsSackOK && t != tSackTSWs {
		*(*[16]byte)(d[p : p+16]) = optTextWscale
		p += 12
		if x := o[7]; x < 10 {
			d[p] = '0' + x
			p++
		} else {
			p += putField((*[24]byte)(d[p:p+24]), 0, uint32(x))
		}
		ts = 12
	}
	switch t {
	case tSackOK, tWsSackOK:
		*(*[16]byte)(d[p : p+16]) = optTextSackOK
		p += 15
	case tWsEol:
		binary.LittleEndian.PutUint32(d[p:p+4], lit4(",eol"))
		p += 4
	case tSackTSWs, tWsSackOKTS:
		*(*[16]byte)(d[p : p+16]) = optTextSackTS
		p += 15
		x := o[ts : ts+8 : ts+8]
		p += putField((*[24]byte)(d[p:p+24]), 0, binary.BigEndian.Uint32(x[0:4]))
		p += putField((*[24]byte)(d[p:p+24]), field(" ecr \x00\x00\x00", 5), binary.BigEndian.Uint32(x[4:8]))
		if t == tSackTSWs {
			*(*[16]byte)(d[p : p+16]) = optTextWscale
			p += 12
			if x := o[19]; x < 10 {
				d[p] = '0' + x
				p++
			} else {
				p += putField((*[24]byte)(d[p:p+24]), 0, uint32(x))
			}
		}
	}
	d[p] = ']'
	return p + 1
}

// putTCPOptUnknown2NopEol is putTCPOptions for an 8-byte list of an
// unknown kind with two bytes of data, nop and eol.
func putTCPOptUnknown2NopEol(d *[tcpOptsRoom]byte, o []byte) int {
	o = o[:8:8]
	e := &tcpOptText[o[0]]
	binary.LittleEndian.PutUint64(d[0:8], lit8(", option"))
	binary.LittleEndian.PutUint16(d[8:10], uint16('s')|uint16(' ')<<8)
	*(*[16]byte)(d[10:26]) = e.text
	d[10] = '['
	p := 10 + int(e.n&31) // at most 15
	binary.LittleEndian.PutUint64(d[p:p+8], uint64(lit4(" 0x\x00"))|uint64(hexPair[o[2]])<<24|uint64(hexPair[o[3]])<<40)
	binary.LittleEndian.PutUint64(d[p+7:p+15], lit8(",nop,eol"))
	d[p+15] = ']'
	return p + 16
}

// putTCPOptionsAny is putTCPOptions for any list, an option at a time.
func putTCPOptionsAny(d *[tcpOptsRoom]byte, opts []byte, rev bool, thseq, thack uint32) int {
	// Every option's text starts with ','; the first one becomes '['.
	binary.LittleEndian.PutUint64(d[0:8], lit8(", option"))
	binary.LittleEndian.PutUint16(d[8:10], uint16('s')|uint16(' ')<<8)
	p := 10
	for i := 0; i < len(opts); {
		k := opts[i]
		if k == 1 { // nop
			binary.LittleEndian.PutUint32(d[p:p+4], uint32(',')|uint32('n')<<8|uint32('o')<<16|uint32('p')<<24)
			p += 4
			i++
			continue
		}
		e := &tcpOptText[k]
		*(*[16]byte)(d[p : p+16]) = e.text
		p += int(e.n)
		if e.class == optEol {
			break
		}
		if i+1 >= len(opts) {
			return 0
		}
		olen := int(opts[i+1])
		if olen < 2 || olen > len(opts)-i {
			return 0
		}
		v := i + 2 // the option's data
		i += olen
		switch e.class {
		case optTS:
			if olen != 10 {
				return 0
			}
			x := opts[v : v+8 : v+8]
			p += putField((*[24]byte)(d[p:p+24]), 0, binary.BigEndian.Uint32(x[0:4]))
			p += putField((*[24]byte)(d[p:p+24]), field(" ecr \x00\x00\x00", 5), binary.BigEndian.Uint32(x[4:8]))
		case optMSS:
			if olen != 4 {
				return 0
			}
			x := opts[v : v+2 : v+2]
			p += putField((*[24]byte)(d[p:p+24]), 0, uint32(x[0])<<8|uint32(x[1]))
		case optWscale:
			if olen != 3 {
				return 0
			}
			if x := opts[v]; x < 10 { // the usual shifts
				d[p] = '0' + x
				p++
			} else {
				p += putField((*[24]byte)(d[p:p+24]), 0, uint32(x))
			}
		case optSackOK:
			if olen != 2 {
				return 0
			}
		case optU32:
			if olen != 6 {
				return 0
			}
			p += putField((*[24]byte)(d[p:p+24]), 0, binary.BigEndian.Uint32(opts[v:v+4]))
		case optSack:
			o := opts[v:i]
			if len(o)%8 != 0 {
				return 0
			}
			d[p] = byte('0' + len(o)/8) // at most 4 blocks
			d[p+1] = ' '
			p += 2
			base := thack
			if rev {
				base = thseq
			}
			for j := 0; j+8 <= len(o); j += 8 {
				p += putField((*[24]byte)(d[p:p+24]), field("{\x00\x00\x00\x00\x00\x00\x00", 1), be32(o[j:])-base)
				p += putField((*[24]byte)(d[p:p+24]), field(":\x00\x00\x00\x00\x00\x00\x00", 1), be32(o[j+4:])-base)
				d[p] = '}'
				p++
			}
		case optUnknown:
			if o := opts[v:i]; len(o) > 0 {
				d[p], d[p+1], d[p+2] = ' ', '0', 'x'
				p += 3
				for _, c := range o {
					d[p], d[p+1] = hexDigits[c>>4], hexDigits[c&0xf]
					p += 2
				}
			}
		default:
			return 0
		}
	}
	d[10] = '['
	d[p] = ']'
	return p + 1
}

// tcpOptsRoom is the room putTCPOptions needs: ", options [" and at most
// 6 bytes of text for each of the 40 bytes of options (a 2-byte
// ",unknown-255"), "]", and a 16-byte store past the end.
const tcpOptsRoom = 11 + 6*40 + 1 + 16

// How putTCPOptions prints a kind.
const (
	optOther   = iota // appendTCPOptions does
	optNop            // one byte
	optEol            // one byte, the end of the list
	optMSS            // a 2-byte value
	optWscale         // a 1-byte value
	optSackOK         // no value
	optTS             // two 4-byte values
	optU32            // a 4-byte value
	optSack           // blocks of two 4-byte values
	optUnknown        // unknown-K and its bytes in hex
)

// tcpOptText is, for every kind, its name as putTCPOptions starts it (with
// the space or "val " that follows) and how it goes on.
var tcpOptText = func() (t [256]struct {
	text  [16]byte
	n     uint8
	class uint8
}) {
	for k := range t {
		s := tcpOptionName(uint8(k))
		c := uint8(optOther)
		switch k {
		case 0:
			c = optEol
		case 1:
			c = optNop
		case 2:
			c, s = optMSS, s+" "
		case 3:
			c, s = optWscale, s+" "
		case 4:
			c = optSackOK
		case 5:
			c, s = optSack, s+" "
		case 6, 7, 11, 12, 13:
			c, s = optU32, s+" "
		case 8:
			c, s = optTS, s+" val "
		default:
			if s == "" {
				c, s = optUnknown, "unknown-"+string(appendUint(nil, uint64(k)))
			}
		}
		if c == optOther {
			s = ""
		} else {
			s = "," + s
		}
		t[k].n = uint8(copy(t[k].text[:], s))
		t[k].class = c
	}
	return
}()

// appendTCPOptionsFast is appendTCPOptions through putTCPOptions when
// it can.
func appendTCPOptionsFast(b []byte, data []byte, hlen, plen int, rev bool, thseq, thack uint32) ([]byte, bool) {
	if hlen <= len(data) {
		l := len(b)
		if cap(b)-l < tcpOptsRoom {
			b = slices.Grow(b, tcpOptsRoom)
		}
		if n := putTCPOptions((*[tcpOptsRoom]byte)(b[l:l+tcpOptsRoom]), data[20:hlen], rev, thseq, thack); n > 0 {
			return b[:l+n], true
		}
		b = b[:l]
	}
	return appendTCPOptions(b, data, hlen, plen, rev, thseq, thack)
}

// lit4 is the first 4 bytes of s as a little-endian word.
func lit4(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// text16 is s, at most 16 bytes, padded with NULs, for one 16-byte store.
func text16(s string) (a [16]byte) {
	copy(a[:], s)
	return
}

// The fixed texts of putTCPOptionsCommon's templates.
var (
	optTextMSS      = text16(", options [mss ")
	optTextNopNopTS = [2][16]byte{text16(", options [nop,n"), text16("op,TS val ")}
	optTextSackOK   = text16(",nop,nop,sackOK")
	optTextSackTS   = text16(",sackOK,TS val ")
	optTextWscale   = text16(",nop,wscale ")
	// ",nop,nop,sack 1 " and, after ", options [nop,n", "op,sack 1 "
	optTextNopNopSack  = text16(",nop,nop,sack 1 ")
	optTextNopNopSack1 = text16("op,sack 1 ")
)
