package decoder

import "github.com/pfasciilogd/pfasciilogd/pfloghdr"

// pflogCache keeps the -e text of recent pflog headers. A log is written
// by a handful of rules, so the same few headers (rule, anchor, reason,
// action, direction, interface) come back packet after packet: their text
// is copied, not formatted again. Direct mapped; a header whose text is
// longer than an entry holds is formatted every time.
type pflogCache struct {
	ents [pflogCacheSize]pflogEntry
}

const (
	pflogCacheBits = 5
	pflogCacheSize = 1 << pflogCacheBits
)

// pflogKey holds every field of a header that its text depends on.
type pflogKey struct {
	ifName                      [pfloghdr.IfNameSize]byte
	ruleset                     [pfloghdr.RulesetSize]byte // when the rule lies in an anchor
	ruleNr, subruleNr, uid, rid uint32
	action, reason, dir         uint8
}

type pflogEntry struct {
	key  pflogKey
	n    uint16 // length of the text; 0: empty
	text [240]byte
}

func newPflogKey(h *pfloghdr.Header) pflogKey {
	k := pflogKey{
		ifName: h.IfName, ruleNr: h.RuleNr, subruleNr: h.SubruleNr, uid: h.UID, rid: h.RIdentifier,
		action: h.Action, reason: h.Reason, dir: h.Dir,
	}
	if h.SubruleNr != pfloghdr.NoSubrule { // else the text has no anchor
		k.ruleset = h.Ruleset
	}
	return k
}

func (k *pflogKey) slot() uint32 {
	x := k.ruleNr ^ k.subruleNr*0x85ebca6b ^ uint32(k.action)<<8 ^ uint32(k.reason)<<16 ^ uint32(k.dir)<<24
	x ^= uint32(k.ifName[0]) | uint32(k.ifName[1])<<8 | uint32(k.ifName[2])<<16 | uint32(k.ifName[len(k.ifName)/4])<<24
	return (x * 0x9e3779b1) >> (32 - pflogCacheBits)
}

// appendPflogHeader appends the -e text of a pflog header.
func (d *Decoder) appendPflogHeader(b []byte, h *pfloghdr.Header) []byte {
	k := newPflogKey(h)
	e := &d.pflog.ents[k.slot()]
	if e.n != 0 && e.key == k {
		return append(b, e.text[:e.n]...)
	}
	start := len(b)
	b = appendPflogText(b, h)
	if n := len(b) - start; n <= len(e.text) {
		e.key, e.n = k, uint16(copy(e.text[:], b[start:]))
	}
	return b
}
