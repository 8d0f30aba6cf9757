// Package numfmt writes decimal numbers into byte slices in place, two
// digits at a time: the hot path of the decoder, the time prefix and the
// JSON records.
package numfmt

import (
	"encoding/binary"
)

// DigitPairs holds "00" to "99": two decimal digits are written at once.
const DigitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// DecimalLen returns the number of decimal digits of v.
func DecimalLen(v uint64) int {
	if v <= 0xffffffff {
		return decimalLen32(uint32(v))
	}
	n := 0
	for v > 0xffffffff {
		v /= 10000
		n += 4
	}
	return n + decimalLen32(uint32(v))
}

func decimalLen32(v uint32) int {
	if v < 100000 {
		switch {
		case v < 10:
			return 1
		case v < 100:
			return 2
		case v < 1000:
			return 3
		case v < 10000:
			return 4
		}
		return 5
	}
	switch {
	case v < 1000000:
		return 6
	case v < 10000000:
		return 7
	case v < 100000000:
		return 8
	case v < 1000000000:
		return 9
	}
	return 10
}

// AppendUint appends v in decimal. The digits are written in place, in
// the bytes past len(b), four at a time from the quad tables.
func AppendUint(b []byte, v uint64) []byte {
	if cap(b)-len(b) < 24 {
		b = append(b, make([]byte, 24)...)[:len(b)]
	}
	return AppendUint24(b, v)
}

// AppendUint24 is AppendUint for a b with room for 24 more bytes. It
// calls nothing, and so needs no stack frame.
func AppendUint24(b []byte, v uint64) []byte {
	l := len(b)
	if v < 10000 {
		e := quadLead[v]
		binary.LittleEndian.PutUint32(b[l:l+4], uint32(e))
		return b[:l+int(e>>32)]
	}
	if v < 1e8 {
		d := (*[12]byte)(b[l : l+12])
		hi := v / 10000
		e := quadLead[hi]
		binary.LittleEndian.PutUint32(d[:], uint32(e))
		n := int(e>>32) & 7
		binary.LittleEndian.PutUint32(d[n:], quad[v-hi*10000])
		return b[:l+n+4]
	}
	d := (*[24]byte)(b[l : l+24])
	hi := v / 1e8
	var n int
	if hi < 10000 {
		e := quadLead[hi]
		binary.LittleEndian.PutUint32(d[:], uint32(e))
		n = int(e>>32) & 7
	} else if hi < 1e8 {
		n = putLead8((*[12]byte)(d[:12]), hi)
	} else { // 17 to 20 digits
		h := hi / 1e8 // < 1845
		e := quadLead[h]
		binary.LittleEndian.PutUint32(d[:], uint32(e))
		n = int(e>>32) & 7
		putPad8((*[8]byte)(d[n:][:8]), hi-h*1e8)
		n += 8
	}
	putPad8((*[8]byte)(d[n&15:][:8]), v-hi*1e8)
	return b[:l+n+8]
}

// putLead8 writes v < 1e8 without leading zeros at the start of d and
// returns the number of digits.
func putLead8(d *[12]byte, v uint64) int {
	if v < 10000 {
		e := quadLead[v]
		binary.LittleEndian.PutUint32(d[:], uint32(e))
		return int(e >> 32)
	}
	hi := v / 10000
	e := quadLead[hi]
	binary.LittleEndian.PutUint32(d[:], uint32(e))
	n := int(e>>32) & 7
	binary.LittleEndian.PutUint32(d[n:], quad[v-hi*10000])
	return n + 4
}

// putPad8 writes v < 1e8 as eight digits with leading zeros.
func putPad8(d *[8]byte, v uint64) {
	hi := v / 10000
	binary.LittleEndian.PutUint64(d[:], uint64(quad[hi])|uint64(quad[v-hi*10000])<<32)
}

// quad holds the four digits of every v < 10000, with leading zeros, as
// a little-endian word; quadLead holds them without leading zeros (but
// the last digit) in the low 32 bits, and their number above.
var quad, quadLead = func() (q [10000]uint32, ql [10000]uint64) {
	for hi := range 100 {
		for lo := range 100 {
			v := hi*100 + lo
			w := uint32(pairs16[hi]) | uint32(pairs16[lo])<<16
			n := 4
			switch {
			case v < 10:
				n = 1
			case v < 100:
				n = 2
			case v < 1000:
				n = 3
			}
			q[v] = w
			ql[v] = uint64(w>>(32-8*n)) | uint64(n)<<32
		}
	}
	return
}()

// PutPort writes v at the start of d and returns the number of digits;
// the bytes after them, up to d[4], may be overwritten.
func PutPort(d *[5]byte, v uint16) int {
	if v < 10000 {
		e := quadLead[v]
		binary.LittleEndian.PutUint32(d[:], uint32(e))
		return int(e >> 32)
	}
	q := v / 10000
	d[0] = byte('0' + q)
	binary.LittleEndian.PutUint32(d[1:], quad[v-q*10000])
	return 5
}

// PutDecimal writes v into the whole of d, right-aligned, which must be
// exactly DecimalLen(v) bytes long (or longer: the bytes before the
// digits are left untouched).
func PutDecimal(d []byte, v uint64) {
	if v <= 0xffffffff {
		putDecimal32(d, uint32(v))
		return
	}
	putDecimal(d, v)
}

// putDecimal is PutDecimal for v > 0xffffffff.
func putDecimal(d []byte, v uint64) {
	i := len(d)
	for v > 0xffffffff {
		q := v / 10000
		Put4(d[i-4:i], uint32(v-q*10000))
		i -= 4
		v = q
	}
	putDecimal32(d[:i], uint32(v))
}

// putDecimal32 writes v into the whole of d as putDecimal does: four
// digits at a time from the right, then the one to four leading ones.
func putDecimal32(d []byte, v uint32) {
	i := len(d)
	for v >= 10000 {
		q := v / 10000
		Put4(d[i-4:i], v-q*10000)
		i -= 4
		v = q
	}
	switch {
	case v >= 1000:
		Put4(d[i-4:i], v)
	case v >= 100:
		q := v / 100
		r := (v - q*100) * 2
		_ = d[i-3]
		d[i-3], d[i-2], d[i-1] = byte('0'+q), DigitPairs[r], DigitPairs[r+1]
	case v >= 10:
		_ = d[i-2]
		d[i-2], d[i-1] = DigitPairs[v*2], DigitPairs[v*2+1]
	default:
		d[i-1] = byte('0' + v)
	}
}

// Put4 writes v < 10000 as exactly four digits: two stores of a digit
// pair from pairs16.
func Put4(d []byte, v uint32) {
	q := v / 100
	r := v - q*100
	binary.LittleEndian.PutUint32(d, uint32(pairs16[q&127])|uint32(pairs16[r&127])<<16)
}

// Put2 writes v < 100 as exactly two digits.
func Put2(d []byte, v uint32) {
	binary.LittleEndian.PutUint16(d, pairs16[v&127])
}

// pairs16 holds DigitPairs as little-endian 16-bit words, 128 of them so
// that an index masked with 127 needs no bounds check.
var pairs16 = func() (t [128]uint16) {
	for i := 0; i < 100; i++ {
		t[i] = uint16(DigitPairs[2*i]) | uint16(DigitPairs[2*i+1])<<8
	}
	return
}()
