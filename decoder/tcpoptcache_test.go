package decoder

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestTCPOptionCacheTextIsFresh: option lists printed through the cache,
// each seen several times among others, print as appendTCPOptions does;
// among them lists with bad lengths, an eol before more bytes, and some
// that are not cacheable.
func TestTCPOptionCacheTextIsFresh(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	kinds := []byte{0, 1, 2, 3, 4, 8, 5, 200}
	var lists [][]byte
	for len(lists) < 300 {
		var o []byte
		for n := r.IntN(6); n >= 0; n-- {
			k := kinds[r.IntN(len(kinds))]
			o = append(o, k)
			if k > 1 {
				l := []int{2, 3, 4, 5, 10}[r.IntN(5)]
				o = append(o, byte(l))
				for i := 2; i < l; i++ {
					o = append(o, byte(r.IntN(256)))
				}
			}
		}
		for len(o)%4 != 0 {
			o = append(o, 1)
		}
		if len(o) > 40 {
			continue
		}
		lists = append(lists, o)
	}
	d := New(Options{})
	for i := 0; i < 3000; i++ {
		o := lists[r.IntN(len(lists))]
		hlen := 20 + len(o)
		data := make([]byte, hlen, hlen+10)
		copy(data[20:], o)
		if r.IntN(10) == 0 { // cut short
			data = data[:20+r.IntN(len(o)+1)]
		}
		plen, rev, thseq, thack := r.IntN(3), r.IntN(2) == 0, r.Uint32(), r.Uint32() // what SACK and md5 print depends on
		got, gok := d.appendTCPOptionsCached([]byte("x"), data, hlen, plen, rev, thseq, thack)
		want, wok := appendTCPOptions([]byte("x"), data, hlen, plen, rev, thseq, thack)
		if string(got) != string(want) || gok != wok {
			t.Fatalf("options % x (%d captured): got %q %v, want %q %v", o, len(data)-20, got, gok, want, wok)
		}
	}
}

// TestTCPOptionCacheTimestamps checks that option lists read from
// the cache, timestamps included, print what appendTCPOptions prints:
// every list twice (a miss, then a hit), and the timestamp lists again
// with other values of every length.
func TestTCPOptionCacheTimestamps(t *testing.T) {
	lists := [][]byte{
		{1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0},                                      // nop,nop,TS
		{2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7},            // mss,sackOK,TS,nop,wscale
		{2, 4, 5, 180, 1, 3, 3, 7, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0},            // mss,nop,wscale,sackOK,TS
		{8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},                                      // TS,eol,eol
		{2, 4, 5, 180, 1, 3, 3, 7, 0, 0, 0, 0},                                     // mss,nop,wscale,eol
		{8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, // two TS: not cached
		{1, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0},                                       // TS of length 9
	}
	values := []uint32{0, 7, 42, 123456, 4294967295, 1000000000, 99, 100000}
	d := New(Options{})
	for _, opts := range lists {
		for round := 0; round < 2*len(values); round++ {
			data := make([]byte, 20+len(opts))
			data[12] = byte((20+len(opts))/4) << 4
			copy(data[20:], opts)
			for i := 0; i+10 <= len(opts); i++ {
				if opts[i] == 8 && opts[i+1] == 10 {
					binary.BigEndian.PutUint32(data[20+i+2:], values[round%len(values)])
					binary.BigEndian.PutUint32(data[20+i+6:], values[(round+3)%len(values)])
					break
				}
			}
			hlen := len(data)
			want, wok := appendTCPOptions([]byte("x"), data, hlen, 0, false, 0, 0)
			got, gok := d.appendTCPOptionsCached([]byte("x"), data, hlen, 0, false, 0, 0)
			if string(got) != string(want) || gok != wok {
				t.Fatalf("options % x: cached %q, %v; formatted %q, %v", data[20:], got, gok, want, wok)
			}
		}
	}
}
