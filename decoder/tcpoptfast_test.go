package decoder

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"testing"
)

// tcpOptKinds are the kinds the option tests draw from: every kind
// putTCPOptions prints, those it leaves to appendTCPOptions, and unknown
// ones.
var tcpOptKinds = []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 19, 20, 28, 29, 30, 34, 200, 253, 254, 255}

// tcpOptProperLen is the length each kind has when well formed (0: any).
func tcpOptProperLen(k byte, r *rand.Rand) int {
	switch k {
	case 2, 20, 28:
		return 4
	case 3:
		return 3
	case 4:
		return 2
	case 5:
		return 2 + 8*(1+r.IntN(4))
	case 6, 7, 11, 12, 13:
		return 6
	case 8:
		return 10
	case 19:
		return 18
	}
	return 2 + r.IntN(6)
}

// checkTCPOptions compares appendTCPOptionsFast with appendTCPOptions on
// the options opts, of which captured bytes are in the record, followed
// by extra bytes of payload, and reports whether putTCPOptions printed them.
func checkTCPOptions(t *testing.T, opts []byte, captured, extra, plen int, rev bool, thseq, thack uint32) bool {
	t.Helper()
	hlen := 20 + len(opts)
	data := make([]byte, 20+captured, 20+captured+extra)
	data[12] = byte(hlen/4) << 4
	copy(data[20:], opts)
	for i := 0; i < extra; i++ {
		data = append(data, byte(i*37+11))
	}
	got, gok := appendTCPOptionsFast([]byte("x"), data, hlen, plen, rev, thseq, thack)
	want, wok := appendTCPOptions([]byte("x"), data, hlen, plen, rev, thseq, thack)
	if string(got) != string(want) || gok != wok {
		t.Fatalf("options % x (%d captured, %d more): got %q %v, want %q %v", opts, captured, extra, got, gok, want, wok)
	}
	if captured < len(opts) {
		return false
	}
	var d [tcpOptsRoom]byte
	return putTCPOptions(&d, data[20:hlen], rev, thseq, thack) > 0
}

// TestTCPOptionsFastIsExact: random option lists, mostly well formed but
// also with bad lengths, an eol before more bytes, a kind in the last
// byte, cut short by the capture or followed by payload, print as
// appendTCPOptions prints them; a good share goes through putTCPOptions.
func TestTCPOptionsFastIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	fast, n := 0, 0
	for n < 200000 {
		var o []byte
		for m := r.IntN(8); m >= 0; m-- {
			k := tcpOptKinds[r.IntN(len(tcpOptKinds))]
			if r.IntN(3) == 0 {
				k = 1
			}
			o = append(o, k)
			if k <= 1 {
				continue
			}
			l := tcpOptProperLen(k, r)
			if r.IntN(8) == 0 {
				l = r.IntN(14)
			}
			if r.IntN(40) == 0 { // the kind is the last byte
				break
			}
			o = append(o, byte(l))
			for i := 2; i < l; i++ {
				v := byte(r.IntN(256))
				if r.IntN(3) == 0 {
					v = 0
				}
				o = append(o, v)
			}
		}
		if r.IntN(4) != 0 {
			for len(o)%4 != 0 {
				o = append(o, byte(r.IntN(2)))
			}
		}
		if len(o) == 0 || len(o) > 40 || len(o)%4 != 0 {
			continue
		}
		captured := len(o)
		if r.IntN(10) == 0 {
			captured = r.IntN(len(o) + 1)
		}
		extra := 0
		if captured == len(o) && r.IntN(2) == 0 {
			extra = 1 + r.IntN(6)
		}
		if checkTCPOptions(t, o, captured, extra, r.IntN(3), r.IntN(2) == 0, r.Uint32(), r.Uint32()) {
			fast++
		}
		n++
	}
	if fast < n/10 {
		t.Errorf("only %d of %d lists went through putTCPOptions", fast, n)
	}
}

// TestTCPOptionsFastValues: every printed kind, timestamps and SACK
// blocks at every offset after nops, with values of every length, in
// both directions, and the lists scanners send.
func TestTCPOptionsFastValues(t *testing.T) {
	values := []uint32{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 65535, 99999, 100000,
		999999, 1000000, 9999999, 10000000, 99999999, 100000000, 999999999, 1000000000,
		4294967295, 123456, 874740069, 98858862}
	r := rand.New(rand.NewPCG(7, 8))
	for _, v := range values {
		for _, k := range []byte{2, 3, 6, 7, 8, 11, 12, 13, 5} {
			body := tcpOptProperLen(k, r) - 2
			for off := 0; off+2+body <= 40; off++ {
				o := make([]byte, off, 40)
				for i := range o {
					o[i] = 1
				}
				o = append(o, k, byte(2+body))
				for i := 0; i < body; i += 4 {
					o = binary.BigEndian.AppendUint32(o, v+uint32(i)*0x01010101)
				}
				o = o[:off+2+body]
				if k == 2 {
					binary.BigEndian.PutUint16(o[off+2:], uint16(v))
				}
				for len(o)%4 != 0 {
					o = append(o, 0)
				}
				for _, rev := range []bool{false, true} {
					if !checkTCPOptions(t, o, len(o), 0, 0, rev, v*3, v*7) {
						t.Errorf("options % x did not go through putTCPOptions", o)
					}
				}
			}
		}
	}
	for _, o := range [][]byte{
		{2, 4, 0xff, 0xd7, 4, 2, 8, 10, 0, 1, 0xe2, 0x40, 0, 0, 0, 0, 1, 3, 3, 10}, // mss,sackOK,TS,nop,wscale
		{1, 1, 8, 10, 0x34, 0x22, 0x3d, 0x65, 0x05, 0xe4, 0x7c, 0x6e},              // nop,nop,TS
		{2, 4, 5, 180},             // mss
		{2, 4, 5, 180, 1, 1, 4, 2}, // mss,nop,nop,sackOK
		{253, 4, 0, 1, 1, 0},       // unknown-253 0x0001,nop,eol
		{2, 4, 5, 180, 1, 1, 5, 10, 0, 0, 3, 232, 0, 0, 7, 208}, // mss,nop,nop,sack 1
		{2, 4, 5, 180, 1, 3, 3, 7, 0, 0, 0, 0},                  // mss,nop,wscale,eol
		{0, 2, 4, 5, 180, 0, 0, 0},                              // eol first
		{1, 1, 1, 1},
		{9, 2, 10, 2, 200, 2, 255, 2}, // unknown kinds without data
		{6, 6, 0, 0, 0, 1, 7, 6, 0xff, 0xff, 0xff, 0xff},
	} {
		for len(o)%4 != 0 {
			o = append(o, 0)
		}
		if !checkTCPOptions(t, o, len(o), 5, 0, false, 1000, 2000) {
			t.Errorf("options % x did not go through putTCPOptions", o)
		}
	}
}

// TestPutField compares putField with strconv around every number of
// digits, after texts of every length.
func TestPutField(t *testing.T) {
	var d [24]byte
	texts := []string{"", ":", ", ", " ecr ", ", seq ", "1234567"}
	i := 0
	check := func(v uint32) {
		s := texts[i%len(texts)]
		i++
		n := putField(&d, field(s+"\x00\x00\x00\x00\x00\x00\x00\x00", len(s)), v)
		if got, want := string(d[:n]), s+strconv.FormatUint(uint64(v), 10); got != want {
			t.Fatalf("putField(%q, %d) = %q", s, v, got)
		}
	}
	for p := uint64(1); p <= 1e10; p *= 10 {
		for _, v := range []uint64{p - 2, p - 1, p, p + 1, p * 2, p * 5, p*10 - 1} {
			if v <= 0xffffffff {
				check(uint32(v))
			}
		}
	}
	check(0xffffffff)
	r := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 100000; i++ {
		check(r.Uint32() >> r.IntN(32))
	}
}

// TestTCPOptionsFastLengths: every kind after nops at every offset, with
// every length byte from 0 to past the end of the list, the list whole,
// followed by payload, or cut short.
func TestTCPOptionsFastLengths(t *testing.T) {
	for _, k := range tcpOptKinds {
		for size := 4; size <= 40; size += 4 {
			for off := 0; off+2 <= size; off++ {
				for l := 0; l <= size-off+3; l++ {
					o := make([]byte, size)
					for i := range off {
						o[i] = 1
					}
					o[off], o[off+1] = k, byte(l)
					for i := off + 2; i < size; i++ {
						o[i] = byte(i * 29)
					}
					checkTCPOptions(t, o, size, 0, 0, false, 5, 6)
					checkTCPOptions(t, o, size, 4, 1, true, 5, 6)
					checkTCPOptions(t, o, size-1, 0, 0, false, 5, 6)
				}
			}
		}
	}
}

// TestTCPOptionsFastLongest: the longest texts, 2-byte unknown kinds
// (six bytes of text for each byte of options) before every kind with
// its largest values, fit the room putTCPOptions has.
func TestTCPOptionsFastLongest(t *testing.T) {
	for _, k := range []byte{2, 3, 4, 5, 6, 7, 8, 200} {
		for l := 2; l <= 40; l++ {
			for pre := 0; 2*pre+l <= 40; pre++ {
				var o []byte
				for i := 0; i < pre; i++ {
					o = append(o, 255, 2)
				}
				o = append(o, k, byte(l))
				for i := 2; i < l; i++ {
					o = append(o, 0xff)
				}
				for len(o)%4 != 0 {
					o = append(o, 1)
				}
				checkTCPOptions(t, o, len(o), 0, 0, false, 0, 0)
				checkTCPOptions(t, o, len(o), 0, 0, true, 1, 1)
			}
		}
	}
}

// TestTCPOptionsTemplates: the lists putTCPOptions prints from templates,
// with random values, and each with one byte changed to every value
// (which turns most into other lists, some bad or cut), print as
// appendTCPOptions prints them.
func TestTCPOptionsTemplates(t *testing.T) {
	templates := [][]byte{
		{2, 4, 0, 0},                                                  // mss
		{2, 4, 0, 0, 1, 1, 4, 2},                                      // mss,nop,nop,sackOK
		{1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0},                         // nop,nop,TS
		{2, 4, 0, 0, 1, 3, 3, 0, 1, 1, 4, 2},                          // mss,nop,wscale,nop,nop,sackOK
		{2, 4, 0, 0, 1, 3, 3, 0, 0, 0, 0, 0},                          // mss,nop,wscale,eol
		{2, 4, 0, 0, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 0}, // mss,sackOK,TS,nop,wscale
		{2, 4, 0, 0, 1, 3, 3, 0, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0}, // mss,nop,wscale,sackOK,TS
		{1, 1, 5, 10, 0, 0, 0, 0, 0, 0, 0, 0},                         // nop,nop,sack 1
		{2, 4, 0, 0, 1, 1, 5, 10, 0, 0, 0, 0, 0, 0, 0, 0},             // mss,nop,nop,sack 1
		{253, 4, 0, 0, 1, 0, 0, 0},                                    // unknown-253 0x....,nop,eol (and garbage)
	}
	// the bytes of each template that hold values
	values := []string{"..xx", "..xx....", "....xxxxxxxx", "..xx...x....", "..xx...x.xxx",
		"..xx....xxxxxxxx...x", "..xx...x....xxxxxxxx", "....xxxxxxxx", "..xx....xxxxxxxx", "..xx..xx"}
	r := rand.New(rand.NewPCG(11, 12))
	fill := func(o []byte, vals string) {
		for i, c := range vals {
			if c == 'x' {
				switch r.IntN(4) {
				case 0:
					o[i] = 0
				case 1:
					o[i] = 0xff
				default:
					o[i] = byte(r.IntN(256))
				}
			}
		}
	}
	for ti, tmpl := range templates {
		o := make([]byte, len(tmpl))
		for n := 0; n < 2000; n++ {
			copy(o, tmpl)
			fill(o, values[ti])
			if !checkTCPOptions(t, o, len(o), r.IntN(3), 0, r.IntN(2) == 0, r.Uint32(), r.Uint32()) {
				t.Errorf("options % x did not go through putTCPOptions", o)
			}
		}
		for i := range tmpl {
			for v := 0; v < 256; v++ {
				copy(o, tmpl)
				fill(o, values[ti])
				o[i] = byte(v)
				checkTCPOptions(t, o, len(o), 2, 1, v&1 == 0, 77, 99)
				checkTCPOptions(t, o, len(o)-1-i%3, 0, 0, false, 77, 99)
			}
		}
	}
}
