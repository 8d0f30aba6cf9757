package decoder

import (
	"encoding/binary"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"strings"
	"testing"
)

// TestAppendIPv4 checks the dotted quad against net/netip for every
// value of every octet, the lengths of the four octets in every
// combination, after text already in the buffer.
func TestAppendIPv4(t *testing.T) {
	vals := []byte{0, 1, 9, 10, 42, 99, 100, 199, 255}
	check := func(a [4]byte) {
		got := string(appendIPv4([]byte("x"), a[:]))
		if want := "x" + netip.AddrFrom4(a).String(); got != want {
			t.Fatalf("%v: %q, want %q", a, got, want)
		}
	}
	for v := 0; v < 256; v++ {
		for i := 0; i < 4; i++ {
			a := [4]byte{255, 255, 255, 255}
			a[i] = byte(v)
			check(a)
			a = [4]byte{}
			a[i] = byte(v)
			check(a)
		}
	}
	for _, a := range vals {
		for _, b := range vals {
			for _, c := range vals {
				for _, d := range vals {
					check([4]byte{a, b, c, d})
				}
			}
		}
	}
}

// TestAppendIPv6 checks IPv6 text against net/netip for addresses whose
// groups have every number of digits and zero runs of every length, the
// first group not zero (tcpdump's embedded IPv4 forms are netip's only
// there).
func TestAppendIPv6(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	vals := []uint16{0, 0, 0, 1, 0xf, 0x10, 0xab, 0x100, 0xfff, 0x1000, 0xbeef, 0xffff}
	for i := 0; i < 20000; i++ {
		var a [16]byte
		for g := 0; g < 8; g++ {
			v := vals[r.IntN(len(vals))]
			if g == 0 && v == 0 {
				v = 0x2001
			}
			binary.BigEndian.PutUint16(a[2*g:], v)
		}
		got := string(appendIPv6([]byte("x"), a[:]))
		if want := "x" + netip.AddrFrom16(a).String(); got != want {
			t.Fatalf("% x: %q, want %q", a, got, want)
		}
	}
}

// appendIPv6Ref is the plain formatter appendIPv6 replaced: group by
// group, the zero run searched for, the digits counted by comparisons.
func appendIPv6Ref(b []byte, a []byte) []byte {
	var g [8]uint16
	for i := range g {
		g[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	best, bestLen := -1, 0
	for i := 0; i < 8; {
		if g[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && g[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		best, bestLen = -1, 0
	}
	if best == 0 && (bestLen == 6 || (bestLen == 5 && g[5] == 0xffff)) {
		b = append(b, ':', ':')
		if bestLen == 5 {
			b = append(b, "ffff:"...)
		}
		for i, o := range a[12:16] {
			if i > 0 {
				b = append(b, '.')
			}
			b = strconv.AppendUint(b, uint64(o), 10)
		}
		return b
	}
	for i := 0; i < 8; i++ {
		if i == best {
			b = append(b, ':', ':')
			i += bestLen - 1
			continue
		}
		if i > 0 && i != best+bestLen {
			b = append(b, ':')
		}
		b = strconv.AppendUint(b, uint64(g[i]), 16)
	}
	return b
}

// TestAppendIPv6MatchesRef: appendIPv6, the table of recent texts, and
// the in-place endpoint printers give the plain formatter's text for
// every set of zero groups (each zero group otherwise given every digit
// count), the embedded IPv4 forms and their near misses, after text of
// every length already in the buffer.
func TestAppendIPv6MatchesRef(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	vals := []uint16{1, 0xf, 0x10, 0xab, 0x100, 0xfff, 0x1000, 0xbeef, 0xffff}
	var addrs [][16]byte
	for zero := 0; zero < 256; zero++ {
		for k := 0; k < 8; k++ {
			var a [16]byte
			for g := 0; g < 8; g++ {
				if zero&(1<<g) == 0 {
					binary.BigEndian.PutUint16(a[2*g:], vals[(g+k+zero)%len(vals)])
				}
			}
			addrs = append(addrs, a)
		}
	}
	for i := 0; i < 3000; i++ {
		var a [16]byte
		for g := 0; g < 8; g++ {
			if r.IntN(2) == 0 {
				binary.BigEndian.PutUint16(a[2*g:], uint16(r.Uint32()>>r.IntN(17)))
			}
		}
		switch i % 6 {
		case 1:
			clear(a[:12]) // ::a.b.c.d
		case 2:
			clear(a[:10])
			a[10], a[11] = 0xff, 0xff // ::ffff:a.b.c.d
		case 3:
			clear(a[:10])
			a[10], a[11] = 0xff, 0xfe // not embedded
		case 4:
			clear(a[2:12]) // x::a.b.c.d is not embedded
		}
		addrs = append(addrs, a)
	}
	var c v6Names
	for i, a := range addrs {
		pre := strings.Repeat("p", i%41)
		want := pre + string(appendIPv6Ref(nil, a[:]))
		if got := string(appendIPv6([]byte(pre), a[:])); got != want {
			t.Fatalf("%x: %q, want %q", a, got, want)
		}
		for range 2 { // a miss, then a hit
			if got := string(c.append([]byte(pre), a[:])); got != want {
				t.Fatalf("v6Names %x: %q, want %q", a, got, want)
			}
		}
	}
}

// appendHexASCIIDumpRef is the byte-at-a-time dump appendHexASCIIDump
// replaced.
func appendHexASCIIDumpRef(b []byte, data []byte) []byte {
	for off := 0; off < len(data); off += 16 {
		end := min(off+16, len(data))
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

// TestHexASCIIDumpMatchesRef: the dump written in place is the
// byte-at-a-time one for every length up to a few lines, every byte
// value, after text of every length, and past the offset 0xffff.
func TestHexASCIIDumpMatchesRef(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	check := func(pre string, data []byte) {
		want := string(appendHexASCIIDumpRef([]byte(pre), data))
		if got := string(appendHexASCIIDump([]byte(pre), data)); got != want {
			t.Fatalf("% x: %q, want %q", data, got, want)
		}
	}
	check("", all)
	for n := 0; n < 70; n++ {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		check(strings.Repeat("p", n%23), data)
	}
	big := make([]byte, 0x10000+37)
	for i := range big {
		big[i] = byte(r.Uint32())
	}
	check("x", big)
}

// TestV6NamesSetCollisions: addresses that share a set of v6Names, used
// in a random order (hits in either way, misses that evict), print as
// appendIPv6 prints them.
func TestV6NamesSetCollisions(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	var same [][16]byte
	var want int
	for len(same) < 6 {
		var a [16]byte
		binary.LittleEndian.PutUint64(a[:8], r.Uint64())
		binary.LittleEndian.PutUint64(a[8:], r.Uint64()&0x00ff00ff00ff00ff)
		if r.IntN(3) == 0 {
			clear(a[4:12])
		}
		s := int(v6Set(&a))
		if len(same) == 0 {
			want = s
		}
		if s == want {
			same = append(same, a)
		}
	}
	var c v6Names
	for i := 0; i < 5000; i++ {
		a := same[r.IntN(len(same))]
		if i%7 == 0 { // mostly two of them, as a conversation
			a = same[i%2]
		}
		pre := strings.Repeat("q", i%13)
		if got, want := string(c.append([]byte(pre), a[:])), string(appendIPv6([]byte(pre), a[:])); got != want {
			t.Fatalf("v6Names %x: %q, want %q", a, got, want)
		}
	}
}
