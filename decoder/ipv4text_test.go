package decoder

import (
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
