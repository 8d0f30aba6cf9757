package decoder

import (
	"encoding/binary"
	"math/bits"
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
// character a byte, 0x21-0x7e as is and '.' for anything else. Each line
// is written in place into one reservation.
func appendHexASCIIDump(b []byte, data []byte) []byte {
	off := 0
	// Whole lines at offsets of four hex digits: all of a line's parts
	// at fixed places, the ASCII column eight bytes a store.
	for ; off+16 <= len(data) && off <= 0xffff; off += 16 {
		line := (*[16]byte)(data[off : off+16])
		l := len(b)
		if cap(b)-l < 72 {
			b = slices.Grow(b, 72)
		}
		d := (*[72]byte)(b[l : l+72])
		binary.LittleEndian.PutUint64(d[0:], dumpOffsetWord|uint64(hexPair[off>>8&0xff])<<32|uint64(hexPair[off&0xff])<<48)
		d[8], d[9] = ':', ' '
		binary.LittleEndian.PutUint64(d[10:], hexPairSpace[line[0]]|uint64(hexPair[line[1]])<<24)
		binary.LittleEndian.PutUint64(d[15:], hexPairSpace[line[2]]|uint64(hexPair[line[3]])<<24)
		binary.LittleEndian.PutUint64(d[20:], hexPairSpace[line[4]]|uint64(hexPair[line[5]])<<24)
		binary.LittleEndian.PutUint64(d[25:], hexPairSpace[line[6]]|uint64(hexPair[line[7]])<<24)
		binary.LittleEndian.PutUint64(d[30:], hexPairSpace[line[8]]|uint64(hexPair[line[9]])<<24)
		binary.LittleEndian.PutUint64(d[35:], hexPairSpace[line[10]]|uint64(hexPair[line[11]])<<24)
		binary.LittleEndian.PutUint64(d[40:], hexPairSpace[line[12]]|uint64(hexPair[line[13]])<<24)
		binary.LittleEndian.PutUint64(d[45:], hexPairSpace[line[14]]|uint64(hexPair[line[15]])<<24)
		d[50], d[51] = ' ', ' '
		binary.LittleEndian.PutUint64(d[52:], asciiDump8(binary.LittleEndian.Uint64(line[0:8])))
		binary.LittleEndian.PutUint64(d[60:], asciiDump8(binary.LittleEndian.Uint64(line[8:16])))
		b = b[:l+68]
	}
	for ; off < len(data); off += 16 {
		line := data[off:min(off+16, len(data))]
		if off > 0xffff { // more than four digits of offset
			b = append(b, "\n\t0x"...)
			b = appendHexPad(b, uint64(off), 4)
		} else {
			b = append(b, '\n', '\t', '0', 'x', hexDigits[off>>12], hexDigits[off>>8&0xf], hexDigits[off>>4&0xf], hexDigits[off&0xf])
		}
		l := len(b)
		if cap(b)-l < 80 {
			b = slices.Grow(b, 80)
		}
		d := (*[80]byte)(b[l : l+80])
		d[0], d[1] = ':', ' '
		p := 2
		for i := 0; i+1 < len(line); i += 2 {
			// hexPairSpace's unknown top bits keep this one store.
			binary.LittleEndian.PutUint64(d[p&63:], hexPairSpace[line[i]]|uint64(hexPair[line[i+1]])<<24)
			p += 5
		}
		if len(line)%2 == 1 {
			binary.LittleEndian.PutUint64(d[p&63:], hexPairSpace[line[len(line)-1]])
			p += 3
		}
		for ; p < 44; p++ { // the column and the two spaces after it
			d[p] = ' '
		}
		for i, c := range line {
			d[(44+i)&63] = asciiDump[c]
		}
		b = b[:l+44+len(line)]
	}
	return b
}

// dumpOffsetWord is "\n\t0x" as the low half of a little-endian word.
const dumpOffsetWord = '\n' | '\t'<<8 | '0'<<16 | 'x'<<24

// asciiDump8 is asciiDump of each of the eight bytes of w: those outside
// 0x21-0x7e (a high bit, or no carry out of the low seven bits plus
// 0x5f, or a carry out of them plus 1) become '.'.
func asciiDump8(w uint64) uint64 {
	const lo7, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	y := w & lo7
	bad := (w | ^(y + 0x5f5f5f5f5f5f5f5f) | (y + 0x0101010101010101)) & hi
	mask := (bad >> 7) * 0xff
	return w&^mask | 0x2e2e2e2e2e2e2e2e&mask
}

// hexPairSpace holds a space and the two hex digits of every byte as a
// little-endian word.
var hexPairSpace = func() (t [256]uint64) {
	for i := range t {
		t[i] = ' ' | uint64(hexPair[i])<<8
	}
	return
}()

// asciiDump holds the character hex_and_ascii_print shows for each byte.
var asciiDump = func() (t [256]byte) {
	for c := range t {
		t[c] = '.'
		if c >= 0x21 && c <= 0x7e {
			t[c] = byte(c)
		}
	}
	return
}()

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

// ip6Room is the room putIPv6 needs: the text is at most 39 bytes, the
// stores' positions are masked to prove them in bounds.
const ip6Room = 72

// appendIPv6 appends a 16-byte IPv6 address the way tcpdump's own
// formatter prints it: the first longest run of two or more zero groups
// becomes "::", groups in lowercase hex without leading zeros, and the
// last 32 bits dotted for ::a.b.c.d and ::ffff:a.b.c.d.
func appendIPv6(b []byte, a []byte) []byte {
	l := len(b)
	if cap(b)-l < ip6Room {
		b = slices.Grow(b, ip6Room)
	}
	return b[:l+putIPv6((*[ip6Room]byte)(b[l:l+ip6Room]), [16]byte(a))]
}

// putIPv6 writes the text of a as appendIPv6 does at the start of d and
// returns its length. Each group is one store, of its digits and a colon.
func putIPv6(d *[ip6Room]byte, a [16]byte) int {
	run := ip6ZeroRun[zeroGroups(binary.LittleEndian.Uint64(a[:8]))|zeroGroups(binary.LittleEndian.Uint64(a[8:]))<<4]
	best, end := int(run>>4), int(run>>4+run&0xf) // the "::" groups
	if run == 0 {
		// No "::" (most addresses of a scan): the eight groups in a
		// row, the last without its colon.
		p := putGroup(d, 0, a[0], a[1])
		p = putGroup(d, p, a[2], a[3])
		p = putGroup(d, p, a[4], a[5])
		p = putGroup(d, p, a[6], a[7])
		p = putGroup(d, p, a[8], a[9])
		p = putGroup(d, p, a[10], a[11])
		p = putGroup(d, p, a[12], a[13])
		p = putGroup(d, p, a[14], a[15])
		return p - 1
	} else if best == 0 && (end == 6 || end == 5 && a[10]&a[11] == 0xff) {
		// Embedded IPv4 (BIND's inet_ntop rule): the zero run starts
		// the address and is exactly 6 groups, or 5 followed by ffff.
		binary.LittleEndian.PutUint64(d[:8], ':'|':'<<8|'f'<<16|'f'<<24|'f'<<32|'f'<<40|':'<<48)
		p := 2
		if end == 5 {
			p = 7
		}
		return p - 1 + putIPv4((*[20]byte)(d[p:][:20]), a[12:16])
	}
	// The groups in a row, those of the run left out and a colon in
	// their place ("::" when they start the address), then without the
	// colon after the last group unless the run ends the address.
	p := 0
	if best == 0 {
		d[0] = ':'
		p = 1
	}
	p = putGroupOut(d, p, 0, best, end, a[0], a[1])
	p = putGroupOut(d, p, 1, best, end, a[2], a[3])
	p = putGroupOut(d, p, 2, best, end, a[4], a[5])
	p = putGroupOut(d, p, 3, best, end, a[6], a[7])
	p = putGroupOut(d, p, 4, best, end, a[8], a[9])
	p = putGroupOut(d, p, 5, best, end, a[10], a[11])
	p = putGroupOut(d, p, 6, best, end, a[12], a[13])
	p = putGroupOut(d, p, 7, best, end, a[14], a[15])
	if end < 8 {
		p-- // the colon after the last group
	}
	return p
}

// putGroupOut is putGroup for group i of an address whose groups best up
// to end are left out: the first of them writes a colon.
func putGroupOut(d *[ip6Room]byte, p, i, best, end int, hi, lo byte) int {
	if i < best || i >= end {
		return putGroup(d, p, hi, lo)
	}
	if i == best {
		d[p&63] = ':'
		p++
	}
	return p
}

// zeroGroups returns the zero 16-bit lanes of x as bits 0 to 3.
func zeroGroups(x uint64) uint64 {
	const low = 0x00ff00ff00ff00ff
	nz := ((x|x>>8)&low + low) & 0x0100010001000100 // bit 8 of a lane: it is not zero
	// Gather bit 8 of lane j at bit 45+j.
	return ((nz ^ 0x0100010001000100) >> 8 * 0x0000200040008001) >> 45 & 0xf
}

// putGroup writes the group hi<<8|lo in hex without leading zeros and a
// colon after it at d[p] (p < 64) with one store, and returns the position
// after the colon.
func putGroup(d *[ip6Room]byte, p int, hi, lo byte) int {
	w := uint64(hexPair[hi]) | hexPairColon[lo]<<16    // "hhll:"
	z := bits.TrailingZeros64((w^0x303030)|1<<24) &^ 7 // the leading zeros' bits: at most 24
	binary.LittleEndian.PutUint64(d[p&63:], w>>z)
	return p + 5 - z>>3
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

// hexPairColon is hexPair with a colon after the two digits.
var hexPairColon = func() (t [256]uint64) {
	for i := range t {
		t[i] = uint64(hexPair[i]) | ':'<<16
	}
	return
}()

// hostOrder reads integers that the capturing kernel stored in its own
// byte order (pflog's uid and pid, NFLOG's TLV headers), as tcpdump does
// when it reads them on the same kind of host.
var hostOrder = binary.NativeEndian
