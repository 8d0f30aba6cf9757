package decoder

import (
	"encoding/binary"
	"slices"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// Small append helpers shared by every printer. They mirror the string
// printers of tcpdump's util-print.c: the escaping rules are part of the
// output format and of what keeps packet data from forging log lines.

const hexDigits = "0123456789abcdef"

// appendUint appends v in decimal.
func appendUint(b []byte, v uint64) []byte {
	if cap(b)-len(b) < 24 {
		b = append(b, make([]byte, 24)...)[:len(b)]
	}
	return numfmt.AppendUint24(b, v)
}

// appendInt appends v in decimal with a leading '-' when negative.
func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		return appendUint(b, uint64(-v))
	}
	return appendUint(b, uint64(v))
}

// appendHex appends v in lowercase hex without leading zeros (%x).
func appendHex(b []byte, v uint64) []byte {
	var tmp [16]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = hexDigits[v&0xf]
		v >>= 4
		if v == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// appendHexPad appends v in lowercase hex zero-padded to width digits (%0Nx).
func appendHexPad(b []byte, v uint64, width int) []byte {
	var tmp [16]byte
	i := len(tmp)
	for n := 0; n < width || v != 0; n++ {
		i--
		tmp[i] = hexDigits[v&0xf]
		v >>= 4
		if i == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// appendHexByte appends one byte as two lowercase hex digits (%02x).
func appendHexByte(b []byte, c byte) []byte {
	return append(b, hexDigits[c>>4], hexDigits[c&0xf])
}

// appendUintPad appends v in decimal, zero-padded to width digits (%0Nu).
func appendUintPad(b []byte, v uint64, width int) []byte {
	n := 1
	for t := v; t >= 10; t /= 10 {
		n++
	}
	for ; n < width; n++ {
		b = append(b, '0')
	}
	return appendUint(b, v)
}

// appendEscChar appends one byte the way tcpdump's fn_print_char does:
// bytes >= 0x80 get "M-" and lose bit 7; what is then not printable ASCII
// is printed as '^' followed by the byte XOR 0x40.
func appendEscChar(b []byte, c byte) []byte {
	if c >= 0x80 {
		b = append(b, 'M', '-')
		c &= 0x7f
	}
	if c < 0x20 || c == 0x7f {
		return append(b, '^', c^0x40)
	}
	return append(b, c)
}

// appendEscN appends every byte of s escaped (tcpdump's nd_printn).
func appendEscN(b []byte, s []byte) []byte {
	for _, c := range s {
		b = appendEscChar(b, c)
	}
	return b
}

// appendEscNUL appends s escaped, stopping at the first NUL
// (tcpdump's nd_printjnp / nd_printzp on a fixed-size field).
func appendEscNUL(b []byte, s []byte) []byte {
	// Fast path: printable ASCII up to the NUL (or the end) is copied
	// in one piece.
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] < 0x7f {
		n++
	}
	if n == len(s) || s[n] == 0 {
		return append(b, s[:n]...)
	}
	b = append(b, s[:n]...)
	for _, c := range s[n:] {
		if c == 0 {
			break
		}
		b = appendEscChar(b, c)
	}
	return b
}

// appendHexDump appends tcpdump's hex dump of data (hex_print, -x style):
// lines "\n\t0x%04x: " with groups " %02x%02x", eight groups a line.
func appendHexDump(b []byte, data []byte) []byte {
	for i := 0; i < len(data); i += 2 {
		if i%16 == 0 {
			b = append(b, "\n\t0x"...)
			b = appendHexPad(b, uint64(i), 4)
			b = append(b, ':', ' ')
		}
		b = append(b, ' ')
		b = appendHexByte(b, data[i])
		if i+1 < len(data) {
			b = appendHexByte(b, data[i+1])
		}
	}
	return b
}

// appendHexASCIIDump appends tcpdump's hex and ASCII dump (hex_and_ascii_print,
// -X style): the hex column padded to 40 characters, two spaces, then one
// character a byte, 0x21-0x7e as is and '.' for anything else.
func appendHexASCIIDump(b []byte, data []byte) []byte {
	for off := 0; off < len(data); off += 16 {
		end := off + 16
		if end > len(data) {
			end = len(data)
		}
		b = append(b, "\n\t0x"...)
		b = appendHexPad(b, uint64(off), 4)
		b = append(b, ':', ' ')
		start := len(b)
		for i := off; i < end; i += 2 {
			b = append(b, ' ')
			b = appendHexByte(b, data[i])
			if i+1 < end {
				b = appendHexByte(b, data[i+1])
			}
		}
		for len(b)-start < 40 {
			b = append(b, ' ')
		}
		b = append(b, ' ', ' ')
		for _, c := range data[off:end] {
			if c >= 0x21 && c <= 0x7e {
				b = append(b, c)
			} else {
				b = append(b, '.')
			}
		}
	}
	return b
}

// appendTrunc appends tcpdump's truncation marker " [|proto]".
func appendTrunc(b []byte, proto string) []byte {
	b = append(b, " [|"...)
	b = append(b, proto...)
	return append(b, ']')
}

// be16 and be32 read big-endian integers; callers check lengths first.
func be16(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }
func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// octetDot holds, for every byte value, its decimal text followed by a
// dot as a little-endian word, the digits first ("255." fills it), and
// octetLen the text's length with the dot: a dotted quad is four 4-byte
// stores, each past the one before.
var octetDot, octetLen = func() (t [256]uint32, n [256]uint8) {
	for v := 0; v < 256; v++ {
		var w [4]byte
		d := append(numfmt.AppendUint(nil, uint64(v)), '.')
		copy(w[:], d)
		t[v], n[v] = binary.LittleEndian.Uint32(w[:]), uint8(len(d))
	}
	return
}()

// appendIPv4 appends a dotted quad from 4 bytes.
func appendIPv4(b []byte, a []byte) []byte {
	l := len(b)
	if cap(b)-l < 20 {
		b = slices.Grow(b, 20)
	}
	return b[:l+putIPv4((*[20]byte)(b[l:l+20]), a)-1]
}

// putIPv4 writes the dotted quad of a and a dot after it at the start of
// d and returns its length with the dot (at most 16; the stores may
// write up to 19 bytes).
func putIPv4(d *[20]byte, a []byte) int {
	_ = a[3]
	p := putOctet(d, 0, a[0])
	p = putOctet(d, p, a[1])
	p = putOctet(d, p, a[2])
	return putOctet(d, p, a[3])
}

// putOctet writes o and a dot at d[p] (p < 16: it follows at most three
// octets) with one 4-byte store and returns the position after the dot.
func putOctet(d *[20]byte, p int, o byte) int {
	binary.LittleEndian.PutUint32(d[p&15:], octetDot[o])
	return p + int(octetLen[o])
}

// appendIPv6 appends a 16-byte IPv6 address the way tcpdump's own
// formatter prints it: the first longest run of two or more zero groups
// becomes "::", groups in lowercase hex without leading zeros, and the
// last 32 bits dotted for ::a.b.c.d and ::ffff:a.b.c.d.
func appendIPv6(b []byte, a []byte) []byte {
	_ = a[15]
	var g [8]uint16
	zero := 0 // bit i: group i is zero
	for i := range g {
		g[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
		if g[i] == 0 {
			zero |= 1 << i
		}
	}
	run := ip6ZeroRun[zero&0xff]
	best, bestLen := int(run>>4), int(run&0xf)
	if bestLen == 0 {
		best = -1
	}
	// Embedded IPv4 (BIND's inet_ntop rule): the zero run starts the
	// address and is exactly 6 groups, or 5 followed by ffff.
	if best == 0 && (bestLen == 6 || (bestLen == 5 && g[5] == 0xffff)) {
		b = append(b, ':', ':')
		if bestLen == 5 {
			b = append(b, "ffff:"...)
		}
		return appendIPv4(b, a[12:16])
	}
	l := len(b)
	if cap(b)-l < 40 {
		b = slices.Grow(b, 40)
	}
	d := b[l : l+40]
	p := 0
	for i := 0; i < 8; i++ {
		if i == best {
			d[p], d[p+1] = ':', ':'
			p += 2
			i += bestLen - 1
			continue
		}
		if i > 0 && i != best+bestLen {
			d[p] = ':'
			p++
		}
		// The group's digits as one 4-byte store (d has room past the
		// last group's).
		v := g[i]
		w, n := uint32(hexPair[v>>8])|uint32(hexPair[v&0xff])<<16, 4
		switch {
		case v >= 0x1000:
		case v >= 0x100:
			w, n = uint32(hexDigits[v>>8&0xf])|uint32(hexPair[v&0xff])<<8, 3
		case v >= 0x10:
			w, n = uint32(hexPair[v&0xff]), 2
		default:
			w, n = uint32(hexDigits[v&0xf]), 1
		}
		binary.LittleEndian.PutUint32(d[p:p+4], w)
		p += n
	}
	return b[:l+p]
}

// ip6ZeroRun holds, for every set of zero groups (bit i: group i), the
// first longest run of two or more of them as start<<4 | length, or 0
// when there is none: the groups "::" replaces.
var ip6ZeroRun = func() (t [256]uint8) {
	for m := range t {
		best, bestLen := 0, 0
		for i := 0; i < 8; {
			if m&(1<<i) == 0 {
				i++
				continue
			}
			j := i
			for j < 8 && m&(1<<j) != 0 {
				j++
			}
			if j-i > bestLen {
				best, bestLen = i, j-i
			}
			i = j
		}
		if bestLen >= 2 {
			t[m] = uint8(best<<4 | bestLen)
		}
	}
	return
}()

// hexPair holds the two lowercase hex digits of every byte as a
// little-endian 16-bit word.
var hexPair = func() (t [256]uint16) {
	for i := range t {
		t[i] = uint16(hexDigits[i>>4]) | uint16(hexDigits[i&0xf])<<8
	}
	return
}()

// hostOrder reads integers that the capturing kernel stored in its own
// byte order (pflog's uid and pid, NFLOG's TLV headers), as tcpdump does
// when it reads them on the same kind of host.
var hostOrder = binary.NativeEndian
