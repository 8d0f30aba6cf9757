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

// randomDNSName appends a name in wire form that is usually plain but may
// hold pointers, bit-string and bad labels, unprintable bytes, over-long
// names or a cut.
func randomDNSName(r *rand.Rand, m []byte) []byte {
	labels := r.Intn(6)
	var sizes []int
	if r.Intn(5) == 0 {
		// Names whose printed length lands around MAXCDNAME (255):
		// labels of 63 and a last one to reach the target.
		target := 248 + r.Intn(16)
		for target > 0 {
			l := 63
			if target-1 < l {
				l = target - 1
			}
			if l < 1 {
				l = 1
			}
			sizes = append(sizes, l)
			target -= l + 1
		}
		labels = len(sizes)
	}
	for i := 0; i < labels; i++ {
		l := 1 + r.Intn(12)
		if sizes != nil {
			l = sizes[i]
		}
		switch r.Intn(30) {
		case 0:
			return append(m, 0xc0|byte(r.Intn(2)), byte(r.Intn(40)))
		case 1:
			m = append(m, 0x41, byte(r.Intn(40)))
			continue
		case 2:
			m = append(m, 0x80|byte(r.Intn(64)))
		case 3:
			l = 63
		}
		m = append(m, byte(l))
		odd := -1
		if r.Intn(3*labels) == 0 {
			odd = r.Intn(l) // one byte of the name is not a letter
		}
		for j := 0; j < l; j++ {
			c := byte('a' + r.Intn(26))
			if j == odd {
				c = []byte{0, 0x1f, 0x7f, 0x80, 0xff, '.', ' ', '~', byte(r.Intn(256))}[r.Intn(9)]
			}
			m = append(m, c)
		}
	}
	return append(m, 0)
}

// fqdn's plain-name fast path must print and return exactly what the
// general walk does.
func TestDNSFqdnPlainMatchesWalk(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 50000; i++ {
		m := make([]byte, r.Intn(14))
		for j := range m {
			m[j] = byte(r.Intn(256))
		}
		cp := len(m)
		m = randomDNSName(r, m)
		if r.Intn(4) == 0 {
			m = m[:r.Intn(len(m)+1)]
		}
		if r.Intn(8) == 0 {
			cp = r.Intn(len(m) + 2)
		}
		bp := 0
		if r.Intn(4) == 0 {
			bp = r.Intn(cp + 1)
		}
		fast := dnsPrinter{b: []byte("z"), m: m}
		slow := dnsPrinter{b: []byte("z"), m: m}
		rf, okf := fast.fqdn(cp, bp)
		rs, oks := slow.fqdnWalk(cp, bp)
		if rf != rs || okf != oks || fast.jmp != slow.jmp || !bytes.Equal(fast.b, slow.b) {
			t.Fatalf("m=%x cp=%d bp=%d: got %d %v %q, want %d %v %q", m, cp, bp, rf, okf, fast.b, rs, oks, slow.b)
		}
	}
}

// printableRun must agree with a byte-at-a-time scan.
func TestPrintableRun(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for i := 0; i < 20000; i++ {
		s := randomEscBytes(r, r.Intn(40))
		if r.Intn(2) == 0 {
			for j := range s {
				if s[j] < 0x20 || s[j] >= 0x7f {
					s[j] = 'a'
				}
			}
			if len(s) > 0 && r.Intn(2) == 0 {
				s[r.Intn(len(s))] = []byte{0, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xff, 0xfe}[r.Intn(8)]
			}
		}
		want := 0
		for want < len(s) && s[want] >= 0x20 && s[want] < 0x7f {
			want++
		}
		if got := printableRun(s); got != want {
			t.Fatalf("%x: got %d, want %d", s, got, want)
		}
	}
}
