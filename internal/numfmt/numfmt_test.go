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
