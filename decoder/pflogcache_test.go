package decoder

import (
	"testing"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// TestPflogCacheTextIsFresh: a header's text from the cache is the text
// formatted afresh, for headers that differ in any one field the text
// shows, seen in turn and again (so that each finds its own entry, or one
// that another evicted or shares a slot with).
func TestPflogCacheTextIsFresh(t *testing.T) {
	base := pfloghdr.Header{Action: 1, Reason: 0, Dir: 1, RuleNr: 7, SubruleNr: pfloghdr.NoSubrule, UID: pfloghdr.NoUID}
	copy(base.IfName[:], "em0")
	copy(base.Ruleset[:], "f2b/sshd")
	variants := []func(h *pfloghdr.Header){
		func(h *pfloghdr.Header) {},
		func(h *pfloghdr.Header) { h.Action = 0 },
		func(h *pfloghdr.Header) { h.Action = 200 },
		func(h *pfloghdr.Header) { h.Reason = 3 },
		func(h *pfloghdr.Header) { h.Dir = 2 },
		func(h *pfloghdr.Header) { h.Dir = 9 },
		func(h *pfloghdr.Header) { h.RuleNr = 8 },
		func(h *pfloghdr.Header) { h.SubruleNr = 3 },
		func(h *pfloghdr.Header) { h.SubruleNr = 3; h.Ruleset[0] = 'g' },
		func(h *pfloghdr.Header) { h.Ruleset[0] = 'g' }, // no anchor: the same text as base
		func(h *pfloghdr.Header) { h.UID = 0 },
		func(h *pfloghdr.Header) { h.RIdentifier = 5 },
		func(h *pfloghdr.Header) { h.IfName[2] = '1' },
		func(h *pfloghdr.Header) { h.IfName[15] = 'x' },
		func(h *pfloghdr.Header) {
			h.IfName = [16]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
		},
		func(h *pfloghdr.Header) {
			h.SubruleNr, h.UID, h.RIdentifier, h.RuleNr, h.Reason, h.Action, h.Dir = 4294967294, 4294967294, 4294967295, 4294967294, 255, 255, 255
			h.IfName = [16]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
			h.Ruleset = h.IfName
		},
	}
	for i := 0; i < 100; i++ {
		variants = append(variants, func(h *pfloghdr.Header) { h.RuleNr = uint32(i * 7919) })
	}
	d := New(Options{})
	for round := 0; round < 3; round++ {
		for i, v := range variants {
			h := base
			v(&h)
			got := string(d.appendPflogHeader([]byte("x"), &h))
			want := "x" + string(appendPflogText(nil, &h))
			if got != want {
				t.Fatalf("round %d, variant %d:\n got %q\nwant %q", round, i, got, want)
			}
		}
	}
}
