package decoder

import (
	"encoding/binary"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// pflogCache keeps the -e text of recent pflog headers. A log is written
// by a handful of rules, so the same few headers (rule, anchor, reason,
// action, direction, interface) come back packet after packet: their text
// is copied, not formatted again. Two-way set associative; a header whose
// text is longer than an entry holds is formatted every time.
type pflogCache struct {
	sets [pflogCacheSets]struct {
		ways [2]pflogEntry
		next uint8 // the way the next miss replaces
	}
}

const (
	pflogCacheBits = 6
	pflogCacheSets = 1 << pflogCacheBits
)

// pflogKey holds every field of a header that its text depends on:
// the interface (0, 1), the anchor when the rule lies in one (2, 3),
// rule and subrule numbers (4), uid and ridentifier (5), action, reason
// and direction (6).
type pflogKey [7]uint64

type pflogEntry struct {
	key  pflogKey
	n    uint16 // length of the text; 0: empty
	text [240]byte
}

func newPflogKey(h *pfloghdr.Header) (k pflogKey) {
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

func (k *pflogKey) set() uint64 {
	x := (k[0] ^ k[1]*0x9e3779b97f4a7c15 ^ k[2] ^ k[3]) * 0xff51afd7ed558ccd
	x ^= (k[4] ^ k[5]*0xc4ceb9fe1a85ec53 ^ k[6]<<40) * 0x9e3779b97f4a7c15
	x ^= x >> 29
	return (x * 0xbf58476d1ce4e5b9) >> (64 - pflogCacheBits)
}

func (k *pflogKey) equal(o *pflogKey) bool {
	return k[0] == o[0] && k[1] == o[1] && k[2] == o[2] && k[3] == o[3] &&
		k[4] == o[4] && k[5] == o[5] && k[6] == o[6]
}

// appendPflogHeader appends the -e text of a pflog header.
func (d *Decoder) appendPflogHeader(b []byte, h *pfloghdr.Header) []byte {
	k := newPflogKey(h)
	s := &d.pflog.sets[k.set()]
	for i := range s.ways {
		if e := &s.ways[i]; e.n != 0 && e.key.equal(&k) {
			return append(b, e.text[:e.n]...)
		}
	}
	start := len(b)
	b = appendPflogText(b, h)
	e := &s.ways[s.next&1]
	if n := len(b) - start; n <= len(e.text) {
		e.key, e.n = k, uint16(copy(e.text[:], b[start:]))
		s.next ^= 1
	}
	return b
}
