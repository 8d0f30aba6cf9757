// Package pflogcache keeps the text of recent pflog headers. A log is
// written by a handful of rules, so the same few headers (rule, anchor,
// reason, action, direction, interface) come back packet after packet:
// their text, tcpdump's or the JSON members, is copied rather than
// formatted again.
package pflogcache

import (
	"encoding/binary"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// Key holds every field of a header that its text depends on: the
// interface (words 0, 1), the anchor when the rule lies in one (2, 3),
// rule and subrule numbers (4), uid and ridentifier (5), action, reason
// and direction (6). The address family, length and pid are not in it.
type Key [7]uint64

// KeyOf returns h's Key.
func KeyOf(h *pfloghdr.Header) (k Key) {
	le := binary.LittleEndian
	k[0], k[1] = le.Uint64(h.IfName[:8]), le.Uint64(h.IfName[8:16])
	if h.SubruleNr != pfloghdr.NoSubrule { // else the text has no anchor
		k[2], k[3] = le.Uint64(h.Ruleset[:8]), le.Uint64(h.Ruleset[8:16])
	}
	k[4] = uint64(h.RuleNr) | uint64(h.SubruleNr)<<32
	k[5] = uint64(h.UID) | uint64(h.RIdentifier)<<32
	k[6] = uint64(h.Action) | uint64(h.Reason)<<8 | uint64(h.Dir)<<16
	return k
}

func (k *Key) set() uint64 {
	x := (k[0] ^ k[1]*0x9e3779b97f4a7c15 ^ k[2] ^ k[3]) * 0xff51afd7ed558ccd
	x ^= (k[4] ^ k[5]*0xc4ceb9fe1a85ec53 ^ k[6]<<40) * 0x9e3779b97f4a7c15
	x ^= x >> 29
	return (x * 0xbf58476d1ce4e5b9) >> (64 - setBits)
}

func (k *Key) equal(o *Key) bool {
	return k[0] == o[0] && k[1] == o[1] && k[2] == o[2] && k[3] == o[3] &&
		k[4] == o[4] && k[5] == o[5] && k[6] == o[6]
}

// MaxText is the longest text a Cache keeps.
const MaxText = 240

const (
	setBits = 6
	sets    = 1 << setBits
)

// A Cache maps Keys to texts: two-way set associative, 128 entries,
// allocated whole (about 38 KiB). The zero Cache is empty and ready. It
// is not safe for concurrent use.
//
// When headers hardly repeat (fewer than 1 in 8 of 256 lookups found),
// the Cache idles for the next 4,096 headers: Idle reports true, and the
// caller formats them without looking up or storing, so that a stream of
// ever new headers costs little more than it would without a cache.
type Cache struct {
	sets [sets]struct {
		ways [2]entry
		next uint8 // the way the next Put replaces
	}
	lookups, hits int // since the last verdict
	idle          int // headers left to pass by
}

const (
	window   = 256  // lookups per verdict
	minHits  = 32   // hits in a window below which the cache idles
	idleSpan = 4096 // headers an idle cache passes by
)

// Idle reports whether the caller should format the next header without
// the cache (see Cache).
func (c *Cache) Idle() bool {
	if c.idle > 0 {
		c.idle--
		return true
	}
	return false
}

type entry struct {
	key  Key
	n    uint16 // length of the text; 0: empty
	aux  int    // the caller's
	text [MaxText]byte
}

// Get returns the text and the number stored for k, or nil. The text is
// valid until the next Put.
func (c *Cache) Get(k *Key) (text []byte, aux int) {
	if c.lookups++; c.lookups == window {
		if c.hits < minHits {
			c.idle = idleSpan
		}
		c.lookups, c.hits = 0, 0
	}
	s := &c.sets[k.set()]
	for i := range s.ways {
		if e := &s.ways[i]; e.n != 0 && e.key.equal(k) {
			c.hits++
			return e.text[:e.n], e.aux
		}
	}
	return nil, 0
}

// Put stores text and a number of the caller's for k, evicting the older
// of the two entries of k's set; an empty text or one longer than
// MaxText is not stored.
func (c *Cache) Put(k *Key, text []byte, aux int) {
	if len(text) == 0 || len(text) > MaxText {
		return
	}
	s := &c.sets[k.set()]
	e := &s.ways[s.next&1]
	e.key, e.n, e.aux = *k, uint16(copy(e.text[:], text)), aux
	s.next ^= 1
}
