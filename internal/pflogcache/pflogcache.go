// Package pflogcache keeps the text of recent pflog headers. A log is
// written by a handful of rules, so the same few headers (rule, anchor,
// reason, action, direction, interface) come back packet after packet:
// their text is copied rather than formatted again. An entry also has room
// for a second rendering of its header (the JSON members), which a later
// stage fills in once and copies from then on.
package pflogcache

import (
	"encoding/binary"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// HeaderSize is the number of bytes of a raw header a Key is read from:
// FreeBSD's sizeof(struct pfloghdr), pfloghdr.FreeBSDStructSize.
const HeaderSize = 72

// Key holds, as they lie in the header, every byte of a raw pflog header
// (FreeBSD's struct pfloghdr, or a shorter or longer layout read through
// it) that its text depends on: action and reason (bytes 2 and 3), the
// interface (4-19), the anchor (20-35, also when the rule lies in none),
// rule and subrule numbers (36-43), uid (44-47), direction (60) and
// ridentifier (64-67). Length, address family, pid, rule uid and pid,
// padding and OpenBSD's rewritten addresses are not in it.
//
// Bytes 0-47 are read as six words, bytes 0 and 1 masked out; the last
// word holds bytes 60 and 64-67 and a bit that no header byte sets, so
// that no Key is all zero (the key of an empty entry).
type Key [7]uint64

const lastMask = 0xffffffff_000000ff // bytes 60 and 64-67 of the word at 60

// KeyOf returns the Key of the raw header data.
func KeyOf(data *[HeaderSize]byte) (k Key) {
	le := binary.LittleEndian
	k[0], k[1], k[2] = le.Uint64(data[0:])&^0xffff, le.Uint64(data[8:]), le.Uint64(data[16:])
	k[3], k[4], k[5] = le.Uint64(data[24:]), le.Uint64(data[32:]), le.Uint64(data[40:])
	k[6] = le.Uint64(data[60:])&lastMask | 1<<8
	return k
}

// setOf is the set of the key whose words are w0 to w6: a hash of the
// words that tell rules apart (action, reason, interface, rule and
// subrule, uid, direction, ridentifier); Get does the same.
func setOf(w0, w1, w4, w5, w6 uint64) uint {
	return uint(((w0 ^ w1 ^ w4 ^ w5 ^ w6) * 0x9e3779b97f4a7c15) >> (64 - setBits))
}

// MaxText is the longest text an Entry keeps, and MaxJSON the longest
// second rendering.
const (
	MaxText = 240
	MaxJSON = 400
)

const (
	setBits = 6
	sets    = 1 << setBits
	ways    = 4 // Get looks at each in turn
)

var _ [0]struct{} = [ways - 4]struct{}{} // Get is written for four ways

// An Entry is a header's text, its decoding (pfloghdr.Header, the
// fields outside the key left to DecodeHeader) and its second rendering
// once SetJSON gave it.
type Entry struct {
	key Key
	n   int // length of the text; 0: empty
	// head is the text's first 128 bytes again, for AppendText to copy in
	// fixed pieces: a field, which the compiler copies inline (an
	// array read through a pointer made from a slice, it cannot tell
	// from an overlapping one and leaves to memmove).
	head  struct{ lo, hi [64]byte }
	text  [MaxText]byte
	jn    int // length of the second rendering; 0: none yet
	plain int
	jhead struct{ a, b, c [64]byte } // as head, for AppendJSONShort
	json  [MaxJSON]byte
	hdr   pfloghdr.Header // as pfloghdr.DecodeFixed decodes the header
}

// Text returns the entry's text.
func (e *Entry) Text() []byte { return e.text[:e.n] }

// JSON returns the second rendering and the number SetJSON stored with
// it, or nil.
func (e *Entry) JSON() ([]byte, int) {
	if e.jn == 0 {
		return nil, 0
	}
	return e.json[:e.jn], e.plain
}

// SetJSON keeps a second rendering of the entry's header (which must be
// a function of the fields its Key holds) and a number of the caller's;
// an empty one or one longer than MaxJSON is not kept.
func (e *Entry) SetJSON(r []byte, plain int) {
	if len(r) == 0 || len(r) > MaxJSON {
		return
	}
	e.jn, e.plain = copy(e.json[:], r), plain
	copy(e.jhead.a[:], e.json[:64])
	copy(e.jhead.b[:], e.json[64:128])
	copy(e.jhead.c[:], e.json[128:192])
}

// AppendJSONShort appends the second rendering to b and returns the
// number SetJSON stored with it and true, when there is one, it is no
// longer than 192 bytes and b has 192 bytes of spare capacity, which it
// may write past it; else it returns b as it is and false, and the caller
// uses JSON. Small enough to be inlined.
func (e *Entry) AppendJSONShort(b []byte) ([]byte, int, bool) {
	if uint(e.jn-1) >= 192 || cap(b)-len(b) < 192 { // jn is 0 or over 192
		return b, 0, false
	}
	d := (*[192]byte)(b[len(b):cap(b)])
	*(*[64]byte)(d[:64]) = e.jhead.a
	*(*[64]byte)(d[64:128]) = e.jhead.b
	if e.jn > 128 { // most are shorter
		*(*[64]byte)(d[128:]) = e.jhead.c
	}
	return b[:len(b)+e.jn], e.plain, true
}

// DecodeHeader is pfloghdr.DecodeFixed(data[:], h) for a header data of
// e's key: the fields the key holds are e's copy of them, made by Put,
// the others (length, address family, pids and rule uid) are read from
// data.
func (e *Entry) DecodeHeader(data *[HeaderSize]byte, h *pfloghdr.Header) {
	*h = e.hdr
	h.Length, h.AF = data[0], data[1]
	ne := binary.NativeEndian
	h.PID, h.RuleUID, h.RulePID = int32(ne.Uint32(data[48:])), ne.Uint32(data[52:]), int32(ne.Uint32(data[56:]))
}

// A Cache maps the Keys of raw headers to Entries: four-way set
// associative, 256 entries of about 1.1 KiB, allocated whole (290 KiB). The zero
// Cache is empty and ready. It is not safe for concurrent use. For each
// header, the caller does
//
//	var e *Entry
//	if c.Count() {
//		e = c.Get(h) // then e.AppendShort, else e.AppendText
//	}
//	if e == nil {
//		idle := c.Idle()
//		if !idle {
//			b, e = c.AppendSlow(b, h)
//		}
//		if e == nil {
//			// format the text
//			if !idle {
//				e = c.Put(h, text, decoded)
//			}
//		}
//	}
//
// (Words, Ways and Is are Get for a caller that writes it out, without
// a call.) When headers hardly repeat (fewer than 1 in 8 of 256 lookups
// found), the Cache idles for the next 4,096 headers: Count and Idle
// pass them by, so that a stream of ever new headers costs little more
// than it would without a cache.
type Cache struct {
	budget int // lookups left in the window; < 0: its verdict is due
	sets   [sets]struct {
		ways [ways]Entry
		next uint8 // the way the next Put replaces
	}
	misses int // Puts in the window
	idle   int // headers left to pass by after this one
}

const (
	window   = 256  // lookups per verdict
	minHits  = 32   // hits in a window below which the cache idles
	idleSpan = 4096 // headers an idle cache passes by
)

// Count counts a lookup and reports whether Get may look; false when
// the window's verdict is due (or the cache idles): the caller then asks
// Idle.
func (c *Cache) Count() bool {
	c.budget--
	return c.budget >= 0
}

// Idle reports whether the cache passes this header by, giving the
// window's verdict when it is due: the caller formats its text, and
// gives it to no Put. The caller asks it for every header that Count
// refused or Get did not find; when it says false, AppendSlow looks up
// the header.
func (c *Cache) Idle() bool { return c.budget < 0 && c.due() }

// Get returns the entry of the raw header h when the cache holds it;
// else nil, and the caller asks Idle. The entry is valid until the next
// Put.
//
// Get is the per-packet path: a leaf, written for the fewest
// instructions.
func (c *Cache) Get(h *[HeaderSize]byte) *Entry {
	// Words as binary.LittleEndian reads them (KeyOf), without its
	// inlined calls' marks (each an instruction).
	w0 := uint64(h[0]) | uint64(h[1])<<8 | uint64(h[2])<<16 | uint64(h[3])<<24 | uint64(h[4])<<32 | uint64(h[5])<<40 | uint64(h[6])<<48 | uint64(h[7])<<56
	w1 := uint64(h[8]) | uint64(h[9])<<8 | uint64(h[10])<<16 | uint64(h[11])<<24 | uint64(h[12])<<32 | uint64(h[13])<<40 | uint64(h[14])<<48 | uint64(h[15])<<56
	w2 := uint64(h[16]) | uint64(h[17])<<8 | uint64(h[18])<<16 | uint64(h[19])<<24 | uint64(h[20])<<32 | uint64(h[21])<<40 | uint64(h[22])<<48 | uint64(h[23])<<56
	w3 := uint64(h[24]) | uint64(h[25])<<8 | uint64(h[26])<<16 | uint64(h[27])<<24 | uint64(h[28])<<32 | uint64(h[29])<<40 | uint64(h[30])<<48 | uint64(h[31])<<56
	w4 := uint64(h[32]) | uint64(h[33])<<8 | uint64(h[34])<<16 | uint64(h[35])<<24 | uint64(h[36])<<32 | uint64(h[37])<<40 | uint64(h[38])<<48 | uint64(h[39])<<56
	w5 := uint64(h[40]) | uint64(h[41])<<8 | uint64(h[42])<<16 | uint64(h[43])<<24 | uint64(h[44])<<32 | uint64(h[45])<<40 | uint64(h[46])<<48 | uint64(h[47])<<56
	w6 := uint64(h[60]) | uint64(h[61])<<8 | uint64(h[62])<<16 | uint64(h[63])<<24 | uint64(h[64])<<32 | uint64(h[65])<<40 | uint64(h[66])<<48 | uint64(h[67])<<56
	w0 &^= 0xffff
	w6 = w6&lastMask | 1<<8
	// setOf written out, and the ways one by one rather than in a
	// loop, each key compared word by word: the fewest instructions.
	s := &c.sets[((w0^w1^w4^w5^w6)*0x9e3779b97f4a7c15)>>(64-setBits)]
	var e *Entry
	if k := &s.ways[0].key; k[4] == w4 && k[0] == w0 && k[1] == w1 &&
		k[2] == w2 && k[3] == w3 && k[5] == w5 && k[6] == w6 {
		e = &s.ways[0]
	} else if k := &s.ways[1].key; k[4] == w4 && k[0] == w0 && k[1] == w1 &&
		k[2] == w2 && k[3] == w3 && k[5] == w5 && k[6] == w6 {
		e = &s.ways[1]
	} else if k := &s.ways[2].key; k[4] == w4 && k[0] == w0 && k[1] == w1 &&
		k[2] == w2 && k[3] == w3 && k[5] == w5 && k[6] == w6 {
		e = &s.ways[2]
	} else if k := &s.ways[3].key; k[4] == w4 && k[0] == w0 && k[1] == w1 &&
		k[2] == w2 && k[3] == w3 && k[5] == w5 && k[6] == w6 {
		e = &s.ways[3]
	} else {
		return nil
	}
	return e
}

// AppendShort appends e's text to b and reports true when the text is
// short (as nearly all are) and b has 64 bytes of spare capacity, which
// it may write past the text; else it returns b as it is and false, and
// the caller uses AppendText. Small enough to be inlined.
func (e *Entry) AppendShort(b []byte) ([]byte, bool) {
	if e.n > 64 || cap(b)-len(b) < 64 {
		return b, false
	}
	*(*[64]byte)(b[len(b):cap(b)]) = e.head.lo
	return b[:len(b)+e.n], true
}

// AppendText appends e's text to b. It may write up to 128 bytes of b's
// spare capacity past the text.
func (e *Entry) AppendText(b []byte) []byte {
	if b, ok := e.AppendShort(b); ok {
		return b
	}
	if l, n := len(b), e.n; n <= 128 && cap(b)-l >= 128 {
		d := (*[128]byte)(b[l:cap(b)])
		*(*[64]byte)(d[:64]) = e.head.lo
		*(*[64]byte)(d[64:]) = e.head.hi
		return b[:l+n]
	}
	return append(b, e.Text()...)
}

var _ [MaxText - 128]struct{} // head holds 128 bytes of a text

// AppendSlow is Get and AppendText for the headers Get did not find
// and Idle did not pass by (Get leaves long texts and scant buffer
// capacity to it too): it appends the text of h to b and returns its
// entry when the cache holds it, else b as it is and nil, and the caller
// formats the text and gives it to Put.
func (c *Cache) AppendSlow(b []byte, h *[HeaderSize]byte) ([]byte, *Entry) {
	if e := c.Get(h); e != nil {
		return e.AppendText(b), e
	}
	return b, nil
}

// due ends a window of lookups, or passes one more header by while the
// cache idles; it reports whether this header is passed by.
func (c *Cache) due() bool {
	switch {
	case c.idle > 0:
		c.idle, c.budget = c.idle-1, 0
	case c.misses > window-minHits:
		c.idle, c.budget, c.misses = idleSpan-1, 0, 0
	default:
		c.budget, c.misses = window-1, 0
		return false
	}
	return true
}

// Put stores text for the raw header data that AppendSlow did not find,
// and h, pfloghdr.DecodeFixed's decoding of data, for DecodeHeader (nil
// when the caller never asks it), evicting the oldest of the entries of
// its set, and returns the entry; an empty text or one longer than
// MaxText is not stored (nil).
func (c *Cache) Put(data *[HeaderSize]byte, text []byte, h *pfloghdr.Header) *Entry {
	c.misses++
	if len(text) == 0 || len(text) > MaxText {
		return nil
	}
	k := KeyOf(data)
	s := &c.sets[setOf(k[0], k[1], k[4], k[5], k[6])]
	e := &s.ways[s.next%ways]
	s.next++
	e.key, e.n, e.jn, e.plain = k, copy(e.text[:], text), 0, 0
	copy(e.head.lo[:], e.text[:64])
	copy(e.head.hi[:], e.text[64:128])
	if h != nil {
		e.hdr = *h
	}
	return e
}

// Words returns the words of the Key of the raw header h, as KeyOf does,
// for a caller that looks up h itself (Ways and Is, as Get does).
// Inlined.
func Words(h *[HeaderSize]byte) (w0, w1, w2, w3, w4, w5, w6 uint64) {
	le := binary.LittleEndian
	return le.Uint64(h[0:]) &^ 0xffff, le.Uint64(h[8:]), le.Uint64(h[16:]), le.Uint64(h[24:]),
		le.Uint64(h[32:]), le.Uint64(h[40:]), le.Uint64(h[60:])&lastMask | 1<<8
}

// Ways returns the entries of the set of the Key whose words are w0 to
// w6 (Words), of which the one whose key Is those words, if any, holds
// its text: Get written out by its caller (inlined), without a call.
// The entries are valid until the next Put.
func (c *Cache) Ways(w0, w1, w4, w5, w6 uint64) *[ways]Entry {
	return &c.sets[setOf(w0, w1, w4, w5, w6)].ways
}

// Is reports whether e's key has the words w0 to w6 (Words). Inlined.
func (e *Entry) Is(w0, w1, w2, w3, w4, w5, w6 uint64) bool {
	k := &e.key
	return k[4] == w4 && k[0] == w0 && k[1] == w1 && k[2] == w2 && k[3] == w3 && k[5] == w5 && k[6] == w6
}
