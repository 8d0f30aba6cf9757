package decoder

import (
	"bytes"
	"math/rand"
	"testing"
)

// randomEscBytes returns inputs that mix printable runs with bytes that
// need escaping (controls, DEL, high bytes).
func randomEscBytes(r *rand.Rand, n int) []byte {
	s := make([]byte, n)
	for i := range s {
		switch r.Intn(4) {
		case 0:
			s[i] = byte(r.Intn(256))
		default:
			s[i] = byte(0x20 + r.Intn(0x5f))
		}
	}
	return s
}

// appendEscRun must print exactly what the byte-at-a-time appendEscN does.
func TestAppendEscRunMatchesEscN(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		s := randomEscBytes(r, r.Intn(40))
		if i < 256 {
			s = append(s, byte(i))
		}
		got := appendEscRun([]byte("x"), s)
		want := appendEscN([]byte("x"), s)
		if !bytes.Equal(got, want) {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
}

// dnsPrintnSlow is the byte-at-a-time nd_printn that printn replaced.
func dnsPrintnSlow(p *dnsPrinter, s int, n uint32) bool {
	for n > 0 && s < len(p.m) {
		if s < 0 {
			return false
		}
		n--
		p.b = appendEscChar(p.b, p.m[s])
		s++
	}
	return n == 0
}

func TestDNSPrintnMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		m := randomEscBytes(r, r.Intn(20))
		s := r.Intn(len(m)+6) - 3
		var n uint32
		switch r.Intn(4) {
		case 0:
			n = r.Uint32()
		case 1:
			n = uint32(r.Intn(3))
		default:
			n = uint32(r.Intn(len(m) + 4))
		}
		fast := dnsPrinter{b: []byte("y"), m: m}
		slow := dnsPrinter{b: []byte("y"), m: m}
		okf := fast.printn(s, n)
		oks := dnsPrintnSlow(&slow, s, n)
		if okf != oks || !bytes.Equal(fast.b, slow.b) {
			t.Fatalf("m=%q s=%d n=%d: got %v %q, want %v %q", m, s, n, okf, fast.b, oks, slow.b)
		}
	}
}
