package decoder

import (
	"encoding/binary"
	"math/rand/v2"
	"net/netip"
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
