package decoder

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// TestPutIPv4PairsMatchesRef: putIPv4, two octets a store, writes every pair of octets,
// in either half of an address, as net/netip does, with the dot after.
func TestPutIPv4PairsMatchesRef(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	var d [24]byte
	for i := range 1 << 16 {
		x, y := byte(i), byte(i>>8)
		for _, a := range [][4]byte{{x, y, byte(r.Uint32()), byte(r.Uint32())}, {byte(r.Uint32()), byte(r.Uint32()), x, y}} {
			for k := range d {
				d[k] = 0xee
			}
			n := putIPv4(&d, a[:])
			want := netip.AddrFrom4(a).String() + "."
			if got := string(d[:n]); got != want {
				t.Fatalf("putIPv4(%v) = %q, want %q", a, got, want)
			}
		}
	}
}
