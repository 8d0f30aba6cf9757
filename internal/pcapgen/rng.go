package pcapgen

// rng is a small deterministic generator (xoshiro256**, seeded through
// splitmix64). It is ours rather than math/rand's so that a seed gives the
// same capture whatever Go release builds the generator: the golden
// captures are committed and must be reproducible byte for byte.
type rng struct{ s [4]uint64 }

func newRNG(seed uint64) *rng {
	r := &rng{}
	x := seed
	for i := range r.s {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		r.s[i] = z ^ (z >> 31)
	}
	return r
}

func rotl(x uint64, k uint) uint64 { return x<<k | x>>(64-k) }

func (r *rng) next() uint64 {
	s := &r.s
	res := rotl(s[1]*5, 7) * 9
	t := s[1] << 17
	s[2] ^= s[0]
	s[3] ^= s[1]
	s[1] ^= s[2]
	s[0] ^= s[3]
	s[2] ^= t
	s[3] = rotl(s[3], 45)
	return res
}

// intn returns a number in [0, n); 0 when n <= 0.
func (r *rng) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int((r.next() >> 1) % uint64(n))
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance is true with probability p.
func (r *rng) chance(p float64) bool {
	return float64(r.next()>>11)/(1<<53) < p
}

func (r *rng) u8() uint8   { return uint8(r.next() >> 56) }
func (r *rng) u16() uint16 { return uint16(r.next() >> 48) }
func (r *rng) u32() uint32 { return uint32(r.next() >> 32) }

// fill appends n random bytes to b.
func (r *rng) fill(b []byte, n int) []byte {
	for n > 0 {
		v := r.next()
		for i := 0; i < 8 && n > 0; i++ {
			b = append(b, byte(v))
			v >>= 8
			n--
		}
	}
	return b
}

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }
