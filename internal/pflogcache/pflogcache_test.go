package pflogcache

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// inKey reports whether the text of a header depends on its byte i.
func inKey(i int) bool { return i >= 2 && i < 48 || i == 60 || i >= 64 && i < 68 }

// lookup is the decoder's lookup (see Cache): Count and Get, else Idle
// and AppendSlow; idle says the cache passes the header by. Get, asked
// also when Count refuses, finds what AppendSlow finds.
func lookup(t *testing.T, c *Cache, h *[HeaderSize]byte) (e *Entry, idle bool) {
	t.Helper()
	counted := c.Count()
	g := c.Get(h)
	if _, slow := c.AppendSlow(nil, h); g != slow {
		t.Fatalf("Get finds %p, AppendSlow %p", g, slow)
	}
	if w := waysGet(c, h); g != w {
		t.Fatalf("Get finds %p, Words, Ways and Is %p", g, w)
	}
	if counted && g != nil {
		return g, false
	}
	if c.Idle() {
		return nil, true
	}
	return g, false
}

// waysGet is Get written out with Words, Ways and Is, as the decoder's
// AppendRecord does.
func waysGet(c *Cache, h *[HeaderSize]byte) *Entry {
	w0, w1, w2, w3, w4, w5, w6 := Words(h)
	s := c.Ways(w0, w1, w4, w5, w6)
	for i := range s {
		if s[i].Is(w0, w1, w2, w3, w4, w5, w6) {
			return &s[i]
		}
	}
	return nil
}

// get is lookup's entry.
func get(t *testing.T, c *Cache, h *[HeaderSize]byte) *Entry {
	t.Helper()
	e, _ := lookup(t, c, h)
	return e
}

// put is c.Put with the header decoded as the decoder does.
func put(c *Cache, h *[HeaderSize]byte, text []byte) *Entry {
	var d pfloghdr.Header
	pfloghdr.DecodeFixed(h[:], &d)
	return c.Put(h, text, &d)
}

func randomHeader(r *rand.Rand) (h [HeaderSize]byte) {
	for i := range h {
		h[i] = byte(r.Uint32())
	}
	return h
}

// TestKeyOfBytes: two headers have the same Key exactly when they agree
// in every byte the text depends on.
func TestKeyOfBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		h := randomHeader(r)
		k := KeyOf(&h)
		if k == (Key{}) {
			t.Fatal("an all-zero Key")
		}
		for i := range h {
			for _, bit := range []byte{1, 0x80, 0xff} {
				o := h
				o[i] ^= bit
				if same := KeyOf(&o) == k; same == inKey(i) {
					t.Fatalf("byte %d ^ %#x: same key %v", i, bit, same)
				}
			}
		}
	}
	var zero [HeaderSize]byte
	if KeyOf(&zero) == (Key{}) {
		t.Fatal("the all-zero header has the all-zero Key of an empty entry")
	}
}

// TestGetPut: Get finds what Put stored for a header, and for a header
// that differs from it only in bytes outside the Key; never for one that
// differs in a byte of the Key, also when the two share a set.
func TestGetPut(t *testing.T) {
	var c Cache
	var h [HeaderSize]byte
	if e := get(t, &c, &h); e != nil {
		t.Fatal("empty cache has an entry for the all-zero header")
	}
	e := put(&c, &h, []byte("abc"))
	if e == nil || string(e.Text()) != "abc" {
		t.Fatalf("Put: %v", e)
	}
	if g := get(t, &c, &h); g != e {
		t.Fatal("Get does not find what Put stored")
	}
	if g := get(t, &c, &h); g == nil || string(g.AppendText([]byte("x"))) != "xabc" {
		t.Fatal("AppendText")
	}
	o := h
	o[0], o[1], o[50], o[61], o[70] = 100, 2, 7, 1, 9 // length, af, pid, pad: not in the key
	if g := get(t, &c, &o); g != e {
		t.Fatal("a header that differs outside the key misses")
	}
	for i := range h {
		if !inKey(i) {
			continue
		}
		o := h
		o[i] = 1
		if g := get(t, &c, &o); g != nil {
			t.Fatalf("a header that differs in byte %d finds %q", i, g.Text())
		}
	}
	long := h
	long[40] = 9
	if put(&c, &long, []byte(strings.Repeat("x", MaxText+1))) != nil || get(t, &c, &long) != nil {
		t.Fatal("a text longer than MaxText was kept")
	}
}

// TestSetEviction: headers that differ only in the anchor's bytes share a
// set (the hash leaves them out); of five, the oldest is evicted and the
// others keep their own texts.
func TestSetEviction(t *testing.T) {
	var c Cache
	var hs [5][HeaderSize]byte
	for i := range hs {
		hs[i][20] = byte('a' + i)
		k := KeyOf(&hs[i])
		if s, s0 := setOf(k[0], k[1], k[4], k[5], k[6]), setOf(KeyOf(&hs[0])[0], 0, 0, 0, KeyOf(&hs[0])[6]); s != s0 {
			t.Fatalf("header %d in set %d, not %d", i, s, s0)
		}
	}
	for round := 0; round < 3; round++ {
		for i := range hs {
			if e := get(t, &c, &hs[i]); e != nil {
				t.Fatalf("round %d: header %d found %q, evicted in turn", round, i, e.Text())
			}
			put(&c, &hs[i], []byte{byte('a' + i)})
		}
	}
	for i := 1; i < len(hs); i++ {
		if e := get(t, &c, &hs[i]); e == nil || string(e.Text()) != string(rune('a'+i)) {
			t.Fatalf("header %d: %v", i, e)
		}
	}
	if e := get(t, &c, &hs[0]); e != nil {
		t.Fatalf("the oldest of five found %q", e.Text())
	}
}

// TestRandomHeaders: many headers, some of them in the same set, each
// found with its own text or not at all.
func TestRandomHeaders(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var c Cache
	var hs [][HeaderSize]byte
	for i := 0; i < 600; i++ {
		h := randomHeader(r)
		if i%3 == 0 && i > 0 { // a near twin of an earlier header
			h = hs[r.IntN(len(hs))]
			h[2+r.IntN(46)] ^= byte(1 + r.IntN(255))
		}
		hs = append(hs, h)
	}
	text := func(h *[HeaderSize]byte) []byte {
		k := KeyOf(h)
		return []byte(strings.Repeat("t", 1+int(k[0]>>16%100)) + string(rune('A'+k[4]%26)) + string(rune('A'+k[2]%26)) + string(rune('A'+k[6]>>32%26)))
	}
	hits := 0
	for n := 0; n < 20000; n++ {
		h := &hs[r.IntN(20+n%len(hs)/2)]
		e, idle := lookup(t, &c, h)
		if e != nil {
			hits++
			if string(e.Text()) != string(text(h)) {
				t.Fatalf("lookup %d: got %q, want %q", n, e.Text(), text(h))
			}
			continue
		}
		if !idle {
			put(&c, h, text(h))
		}
	}
	if hits == 0 {
		t.Fatal("no hits")
	}
}

func TestAppendText(t *testing.T) {
	var c Cache
	var h [HeaderSize]byte
	for _, n := range []int{1, 15, 16, 63, 64, 65, 100, 127, 128, 129, MaxText} {
		h[36] = byte(n)
		want := strings.Repeat("y", n-1) + "z"
		put(&c, &h, []byte(want))
		e := get(t, &c, &h)
		for _, b := range [][]byte{nil, make([]byte, 3, 3+n), make([]byte, 3, 66), make([]byte, 3, 67), make([]byte, 3, 130), make([]byte, 3, 131), make([]byte, 3, 400)} {
			got := e.AppendText(b)
			if string(got[len(b):]) != want || len(got) != len(b)+n || string(got[:len(b)]) != string(b) {
				t.Fatalf("text of %d bytes to cap %d: %q", n, cap(b), got)
			}
			got, short := e.AppendShort(b)
			if wantShort := n <= 64 && cap(b)-len(b) >= 64; short != wantShort {
				t.Fatalf("text of %d bytes to cap %d: AppendShort %v", n, cap(b), short)
			}
			if short && (string(got[len(b):]) != want || len(got) != len(b)+n) || !short && len(got) != len(b) {
				t.Fatalf("text of %d bytes to cap %d: AppendShort %q", n, cap(b), got)
			}
		}
	}
}

func TestJSON(t *testing.T) {
	var c Cache
	var h [HeaderSize]byte
	e := put(&c, &h, []byte("text"))
	if m, _ := e.JSON(); m != nil {
		t.Fatal("a new entry has a second rendering")
	}
	e.SetJSON([]byte("json"), 4)
	if m, p := e.JSON(); string(m) != "json" || p != 4 {
		t.Fatalf("got %q, %d", m, p)
	}
	// The entry is reused for another header: its rendering goes.
	var o [HeaderSize]byte
	for i := 0; i < ways; i++ {
		o[20] = byte(1 + i) // the same set
		put(&c, &o, []byte("other"))
	}
	if string(e.Text()) != "other" {
		t.Fatalf("entry not reused: %q", e.Text())
	}
	if m, _ := e.JSON(); m != nil {
		t.Fatalf("a reused entry keeps the old rendering %q", m)
	}
	e.SetJSON([]byte(strings.Repeat("j", MaxJSON+1)), 0)
	if m, _ := e.JSON(); m != nil {
		t.Fatal("a rendering longer than MaxJSON was kept")
	}
}

// TestIdleWhenHeadersDoNotRepeat: a window of lookups that nearly all
// miss makes the cache idle for idleSpan headers; repeating headers keep
// it busy.
func TestIdleWhenHeadersDoNotRepeat(t *testing.T) {
	var c Cache
	var h [HeaderSize]byte
	for i := 0; i < window; i++ {
		h[36], h[37] = byte(i), byte(i>>8)
		e, idle := lookup(t, &c, &h)
		if idle {
			t.Fatalf("idle after %d lookups", i)
		}
		if e != nil {
			t.Fatalf("lookup %d found %q", i, e.Text())
		}
		put(&c, &h, []byte("x"))
	}
	for i := 0; i < idleSpan; i++ {
		// h: the last header stored
		if e, idle := lookup(t, &c, &h); !idle || e != nil {
			t.Fatalf("busy again after %d idle headers", i)
		}
	}
	if e, idle := lookup(t, &c, &h); idle || e == nil {
		t.Fatal("still idle after idleSpan headers")
	}
	for i := 0; i < 10*window; i++ {
		h[36] = byte(i % 5)
		e, idle := lookup(t, &c, &h)
		if idle {
			t.Fatalf("idle after %d lookups of repeating headers", i)
		}
		if e == nil {
			put(&c, &h, []byte("x"))
		}
	}
}

// twins returns headers that differ from h only in byte i and fall into
// h's set.
func twins(h [HeaderSize]byte, i int) (ts [][HeaderSize]byte) {
	k := KeyOf(&h)
	set := setOf(k[0], k[1], k[4], k[5], k[6])
	for v := 0; v < 256; v++ {
		o := h
		o[i] = byte(v)
		if ko := KeyOf(&o); o != h && setOf(ko[0], ko[1], ko[4], ko[5], ko[6]) == set {
			ts = append(ts, o)
		}
	}
	return ts
}

// TestSetTwins: a header whose entry is in any way of its set is not
// found for one that differs from it in a single byte of the Key and
// falls into the same set, for every byte of the Key.
func TestSetTwins(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	h := randomHeader(r)
	k := KeyOf(&h)
	set := setOf(k[0], k[1], k[4], k[5], k[6])
	for i := range h {
		if !inKey(i) {
			continue
		}
		ts := twins(h, i)
		if len(ts) == 0 && (i < 16 || i >= 32) { // bytes 16-31 are not hashed: 255 twins
			t.Logf("byte %d: no twin", i)
		}
		for way := 0; way < ways; way++ {
			c := new(Cache)
			c.budget = 1 << 30 // Get always looks
			// way fillers (differing in an anchor byte, which the
			// hash leaves out), then h, in h's set: h lands in that
			// way.
			fb := 20
			if i == fb {
				fb++
			}
			for _, f := range twins(h, fb)[:way] {
				put(c, &f, []byte("filler"))
			}
			if e := put(c, &h, []byte("h")); e != &c.sets[set].ways[way] {
				t.Fatalf("byte %d: h not in way %d", i, way)
			}
			for _, o := range ts {
				if e := get(t, c, &o); e != nil {
					t.Fatalf("byte %d, way %d: a twin finds %q", i, way, e.Text())
				}
			}
			if e := get(t, c, &h); e == nil || string(e.Text()) != "h" {
				t.Fatalf("byte %d, way %d: h not found", i, way)
			}
		}
	}
}

// TestDecodeHeader: an entry decodes any header of its key as
// pfloghdr.DecodeFixed does, the bytes outside the key (length, address
// family, pids, padding, OpenBSD's fields) read from that header.
func TestDecodeHeader(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	var c Cache
	for n := 0; n < 2000; n++ {
		a := randomHeader(r)
		e := put(&c, &a, []byte("text"))
		for m := 0; m < 4; m++ {
			b := a
			for i := range b {
				if !inKey(i) && r.IntN(2) == 0 {
					b[i] = byte(r.Uint32())
				}
			}
			var got, want pfloghdr.Header
			got.SAddr[3], got.SPort, got.HasRewrites = 7, 9, true // stale fields
			e.DecodeHeader(&b, &got)
			pfloghdr.DecodeFixed(b[:], &want)
			if got != want {
				t.Fatalf("header % x:\n got %+v\nwant %+v", b, got, want)
			}
		}
	}
}

func TestAppendJSONShort(t *testing.T) {
	var c Cache
	var h [HeaderSize]byte
	for _, n := range []int{0, 1, 63, 64, 65, 127, 128, 129, 191, 192, 193, 200, MaxJSON} {
		h[36] = byte(n)
		e := put(&c, &h, []byte("text"))
		want := strings.Repeat("j", n)
		if n > 0 {
			e.SetJSON([]byte(want), n+1)
		}
		for _, b := range [][]byte{nil, make([]byte, 3, 3+n), make([]byte, 3, 130), make([]byte, 3, 131), make([]byte, 3, 194), make([]byte, 3, 195), make([]byte, 3, 600)} {
			got, plain, ok := e.AppendJSONShort(b)
			if wantOK := n > 0 && n <= 192 && cap(b)-len(b) >= 192; ok != wantOK {
				t.Fatalf("%d bytes to cap %d: ok %v", n, cap(b), ok)
			}
			if ok && (string(got[len(b):]) != want || len(got) != len(b)+n || plain != n+1) || !ok && len(got) != len(b) {
				t.Fatalf("%d bytes to cap %d: %q, %d", n, cap(b), got, plain)
			}
		}
	}
}
