package jsonout

import (
	"testing"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// TestEncoderPflogCacheIsFresh: an Encoder's pflog members, copied from
// its cache, are the ones Append formats afresh, for headers that differ
// in any one member, seen in turn and again.
func TestEncoderPflogCacheIsFresh(t *testing.T) {
	variants := []func(h *pfloghdr.Header){
		func(h *pfloghdr.Header) {},
		func(h *pfloghdr.Header) { h.Action = 0 },
		func(h *pfloghdr.Header) { h.Reason = 3 },
		func(h *pfloghdr.Header) { h.Dir = 2 },
		func(h *pfloghdr.Header) { h.RuleNr = 8 },
		func(h *pfloghdr.Header) { h.SubruleNr = 4 },
		func(h *pfloghdr.Header) { h.SubruleNr = pfloghdr.NoSubrule },
		func(h *pfloghdr.Header) { h.Ruleset[0] = 'g' },
		func(h *pfloghdr.Header) { h.UID = pfloghdr.NoUID },
		func(h *pfloghdr.Header) { h.RIdentifier = 0 },
		func(h *pfloghdr.Header) { h.IfName[15] = '"' },
		func(h *pfloghdr.Header) { h.AF = pfloghdr.AFInet6FreeBSD },
	}
	for i := 0; i < 200; i++ {
		variants = append(variants, func(h *pfloghdr.Header) { h.RuleNr = uint32(i * 7919) })
	}
	e := NewEncoder()
	text := []byte("some text\n")
	for round := 0; round < 3; round++ {
		for i, v := range variants {
			s := fullSummary()
			v(&s.Pflog)
			got := string(e.Append(nil, testTime, s, text))
			want := string(Append(nil, testTime, s, text))
			if got != want {
				t.Fatalf("round %d, variant %d:\n got %s\nwant %s", round, i, got, want)
			}
		}
	}
}

// TestEncoderPlainHeaderText: the record's pflog header text is copied
// unescaped only when it needs no escaping, also when the cache answers.
func TestEncoderPlainHeaderText(t *testing.T) {
	e := NewEncoder()
	for round := 0; round < 2; round++ {
		for i, hdr := range []string{
			`rule 1/0(match): block in on em0: `,
			`rule 1/0(match): block in on e"m\0: `,
			"rule 1/0(match): block in on e\x01m: ",
			"rule 1/0(match): block in on e\xffm: ",
		} {
			s := fullSummary()
			s.Pflog.RuleNr = uint32(100 + i) // one cache entry per header text
			text := []byte(hdr + "1.2.3.4 > 5.6.7.8: \"x\"\n")
			for _, n := range []int{len(hdr), len(text) + 5} {
				s.PflogText = n
				got := string(e.Append(nil, testTime, s, text))
				want := string(Append(nil, testTime, s, text))
				if got != want {
					t.Fatalf("round %d, header %d, PflogText %d:\n got %s\nwant %s", round, i, n, got, want)
				}
			}
		}
	}
}
