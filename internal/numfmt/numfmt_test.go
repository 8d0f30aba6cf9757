package numfmt

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

func TestAppendUintMatchesStrconv(t *testing.T) {
	vals := []uint64{0, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 100000,
		math.MaxUint16, math.MaxUint32 - 1, math.MaxUint32, math.MaxUint32 + 1, math.MaxUint64}
	for p := uint64(1); p < math.MaxUint64/10; p *= 10 {
		vals = append(vals, p-1, p, p+1)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		vals = append(vals, r.Uint64()>>r.IntN(64))
	}
	for _, v := range vals {
		got := string(AppendUint([]byte("x"), v))
		if want := "x" + strconv.FormatUint(v, 10); got != want {
			t.Fatalf("AppendUint(%d) = %q, want %q", v, got, want)
		}
		if DecimalLen(v) != len(got)-1 {
			t.Fatalf("DecimalLen(%d) = %d", v, DecimalLen(v))
		}
	}
}

func TestAppendUintEveryRoom(t *testing.T) {
	// Every value below 200000 and around the powers of ten, appended to
	// buffers with no room, a little room and plenty of it, and to the
	// room-assuming AppendUint24 directly.
	vals := []uint64{}
	for v := uint64(0); v < 200000; v++ {
		vals = append(vals, v)
	}
	for p := uint64(10); p < math.MaxUint64/10; p *= 10 {
		vals = append(vals, p-1, p, p+1, 2*p-1, 9*p+p-1)
	}
	vals = append(vals, math.MaxUint64, math.MaxUint64-1, math.MaxUint32, 1<<63)
	for _, v := range vals {
		want := "ab" + strconv.FormatUint(v, 10)
		for _, room := range []int{0, 3, 23, 24, 40} {
			b := make([]byte, 2, 2+room)
			copy(b, "ab")
			if got := string(AppendUint(b, v)); got != want {
				t.Fatalf("AppendUint(%d) with room %d = %q, want %q", v, room, got, want)
			}
			if room >= 24 {
				// The bytes past the digits may be scribbled on, not those before.
				if got := string(AppendUint24(b, v)); got != want {
					t.Fatalf("AppendUint24(%d) = %q, want %q", v, got, want)
				}
			}
		}
	}
}

func TestPutPort(t *testing.T) {
	for v := range 65536 {
		var d [5]byte
		n := PutPort(&d, uint16(v))
		if got, want := string(d[:n]), strconv.Itoa(v); got != want {
			t.Fatalf("PutPort(%d) = %q, want %q", v, got, want)
		}
	}
}
