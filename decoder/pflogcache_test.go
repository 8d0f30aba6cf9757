package decoder

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
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

// TestRawPflogKeyIsKeyOf: the key read from a header's bytes is the key
// of the decoded header, for random bytes and for rules with and without
// an anchor.
func TestRawPflogKeyIsKeyOf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	data := make([]byte, pfloghdr.FreeBSDStructSize)
	for i := 0; i < 2000; i++ {
		for j := range data {
			data[j] = byte(r.Uint32())
		}
		if i%2 == 0 {
			binary.BigEndian.PutUint32(data[40:], pfloghdr.NoSubrule)
		}
		var h pfloghdr.Header
		if !pfloghdr.DecodeFixed(data, &h) {
			t.Fatal("DecodeFixed failed")
		}
		if got, want := rawPflogKey(data), pflogcache.KeyOf(&h); got != want {
			t.Fatalf("header % x: key %x, KeyOf %x", data, got, want)
		}
	}
}
