package jsonout

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// pflogRecord is a pflog record: a FreeBSD header for rule on ifname
// (in the anchor ruleset, subrule sub, unless sub is NoSubrule), then an
// IPv4 UDP datagram.
func pflogRecord(ifname, ruleset string, rule, sub uint32, f func(h []byte)) []byte {
	h := make([]byte, pfloghdr.FreeBSDStructSize)
	h[0], h[1], h[2], h[3] = pfloghdr.LenFreeBSD, pfloghdr.AFInet, 1, 0
	copy(h[4:20], ifname)
	copy(h[20:36], ruleset)
	binary.BigEndian.PutUint32(h[36:], rule)
	binary.BigEndian.PutUint32(h[40:], sub)
	binary.NativeEndian.PutUint32(h[44:], pfloghdr.NoUID)
	h[60] = 1
	if f != nil {
		f(h)
	}
	ip := []byte{0x45, 0, 0, 36, 0, 0, 0, 0, 64, 17, 0, 0, 203, 0, 113, 5, 198, 51, 100, 7,
		0x9c, 0x40, 0x07, 0x6c, 0, 16, 0, 0, 'p', 'a', 'y', 'l', 'o', 'a', 'd', '!'}
	return append(h, ip...)
}

// TestEncoderPflogCacheIsFresh: an Encoder's pflog members, kept in the
// decoder's cache entry for the header, are the ones Append formats
// afresh, for headers that differ in any one member (or only in what the
// members do not show), with names that need escaping in JSON or in
// tcpdump's text, seen in turn and again.
func TestEncoderPflogCacheIsFresh(t *testing.T) {
	var recs [][]byte
	for _, name := range []string{"vtnet0", `e"m\0`, "e\x01m", "e\xffm", "0123456789abcdef", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"} {
		recs = append(recs,
			pflogRecord(name, "", 1, pfloghdr.NoSubrule, nil),
			pflogRecord("em0", name, 1, 3, nil),
			pflogRecord("em0", name, 1, pfloghdr.NoSubrule, nil))
	}
	for i := 0; i < 16; i++ {
		recs = append(recs,
			pflogRecord("em0", "", 2, pfloghdr.NoSubrule, func(h []byte) { h[2] = byte(i) }),
			pflogRecord("em0", "", 2, pfloghdr.NoSubrule, func(h []byte) { h[3] = byte(i * 17) }),
			pflogRecord("em0", "", 2, pfloghdr.NoSubrule, func(h []byte) { h[60] = byte(i) }),
			pflogRecord("em0", "", uint32(i*7919), pfloghdr.NoSubrule, nil),
			pflogRecord("em0", "a", 2, uint32(i), nil),
			pflogRecord("em0", "anchor-number-"+string(rune('a'+i)), 2, 1, nil), // one set
			pflogRecord("em0", "", 2, pfloghdr.NoSubrule, func(h []byte) { binary.NativeEndian.PutUint32(h[44:], uint32(i)) }),
			pflogRecord("em0", "", 2, pfloghdr.NoSubrule, func(h []byte) { binary.BigEndian.PutUint32(h[64:], uint32(i)) }),
			pflogRecord("em0", "", 3, pfloghdr.NoSubrule, func(h []byte) { h[1], h[48], h[61] = pfloghdr.AFInet6FreeBSD, byte(i), byte(i) }))
	}
	d := decoder.New(decoder.Options{})
	e := NewEncoder()
	shared := 0
	for round := 0; round < 3; round++ {
		for i, rec := range recs {
			text := d.AppendRecord(nil, rec, len(rec))
			s := d.Summary()
			if s.PflogCacheEntry() != nil {
				if m, _ := s.PflogCacheEntry().JSON(); m != nil {
					shared++
				}
			}
			for _, n := range []int{s.PflogText, s.PflogText + 1, len(text) + 5} {
				s.PflogText = n
				buf := make([]byte, 0, (i+n)%3*200) // room to spare, or none
				got := string(e.Append(buf, testTime, s, text))
				want := string(Append(nil, testTime, s, text))
				if got != want {
					t.Fatalf("round %d, record %d, PflogText %d:\n got %s\nwant %s", round, i, n, got, want)
				}
			}
		}
	}
	if shared < len(recs) {
		t.Errorf("members copied from the decoder's cache %d times in %d records", shared, 3*len(recs))
	}
}

// TestAppendAtMatchesAppend: AppendAt, from a PrefixAt moved on by its
// Advance as readFile's loop does, writes what Append writes for
// time.Unix(sec, nsec).In(loc): times that go forward and back by
// seconds, minutes and days, across the changes of zone offset of
// Europe/Berlin and America/St_Johns, in UTC (with "Z"), a fixed zone and
// a nil location, with little room in the buffer or plenty.
func TestAppendAtMatchesAppend(t *testing.T) {
	var locs []*time.Location
	for _, name := range []string{"Europe/Berlin", "America/St_Johns", "Asia/Kolkata"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		locs = append(locs, loc)
	}
	locs = append(locs, time.UTC, time.FixedZone("odd", -(3*3600+30*60+7)), nil)
	s := fullSummary()
	text := []byte("rule 1.f2b/sshd.3/0(match): block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S.], length 0\n")
	r := rand.New(rand.NewPCG(3, 4))
	starts := []int64{1711846800, 1698541200, 1699155000, 1704067200, 0, 59, -1, 951782400}
	for _, loc := range locs {
		e, ref := NewEncoder(), NewEncoder()
		for _, start := range starts {
			sec := start - 200
			p := e.PrefixAt(sec, loc)
			for range 3000 {
				switch k := r.IntN(20); {
				case k < 8:
				case k < 16:
					sec += int64(r.IntN(3) + 1)
				case k < 18:
					sec -= int64(r.IntN(90))
				default:
					sec += int64(r.IntN(200000))
				}
				nsec := int64(r.IntN(1e9))
				if sec != p.Sec() && !p.Advance(sec) {
					p = e.PrefixAt(sec, loc)
				}
				buf := make([]byte, 0, r.IntN(3)*300)
				got := string(e.AppendAt(buf, p, nsec, s, text))
				tm := time.Unix(sec, nsec)
				if loc != nil {
					tm = tm.In(loc)
				}
				want := string(ref.Append(nil, tm, s, text))
				if got != want {
					t.Fatalf("%v: %d.%09d:\n got %s\nwant %s", loc, sec, nsec, got, want)
				}
			}
		}
	}
}

// TestEncoderFastPathsMatchAppend: the Encoder (pflog members from the
// decoder's cache, the usual packet's members by its fast path) writes
// what the package's Append (neither) writes, for generated packets of
// every mix and flavor with malformed ones among them, and for their
// Summaries with the text spans moved anywhere in (or past) the text,
// and the buffer with no room, little, or plenty.
func TestEncoderFastPathsMatchAppend(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n, fast := 0, 0
	for _, mix := range []pcapgen.Mix{pcapgen.MixScan, pcapgen.MixWide, pcapgen.MixV6, pcapgen.MixTail} {
		for _, flavor := range []pcapgen.Flavor{pcapgen.FlavorFreeBSD, pcapgen.FlavorOpenBSD, pcapgen.FlavorOther} {
			g := pcapgen.New(pcapgen.Config{Seed: int64(mix)*7 + int64(flavor), Flavor: flavor, Mix: mix, Hosts: 30, Malformed: 0.1})
			d := decoder.New(decoder.Options{})
			e := NewEncoder()
			for range 1500 {
				rec := g.Next()
				text := d.AppendRecord(nil, rec.Data, rec.WireLen)
				s := d.Summary()
				check := func(what string) {
					t.Helper()
					l := r.IntN(40)
					buf := make([]byte, l, l+r.IntN(40)+r.IntN(3)*250)
					// The text with spare capacity, of garbage.
					spare := make([]byte, len(text), len(text)+r.IntN(64))
					copy(spare, text)
					for i := range spare[len(text):cap(spare)] {
						spare[:cap(spare)][len(text)+i] = "\"\\\x00\xff."[r.IntN(5)]
					}
					got := string(e.Append(buf, testTime, s, spare))
					want := string(Append(buf[:len(buf):len(buf)], testTime, s, text))
					if got != want {
						t.Fatalf("%s:\n got %s\nwant %s", what, got, want)
					}
					n++
				}
				check("as decoded")
				if s.Src.Is4() && s.Dst.Is4() && s.SrcText[0] < s.SrcText[1] {
					fast++
				}
				saved := *s
				for range 4 {
					*s = saved
					at := func() int { return r.IntN(len(text) + 20) }
					switch r.IntN(4) {
					case 0:
						s.SrcText = [2]int{at(), at()}
					case 1:
						s.DstText = [2]int{at(), at()}
					case 2:
						s.SrcText[1] = s.SrcText[0] + r.IntN(20)
						s.DstText[1] = s.DstText[0] + r.IntN(20)
					default:
						s.PflogText = at()
						s.Proto = r.IntN(300) - 20
					}
					check("moved spans")
				}
				*s = saved
			}
		}
	}
	if fast < n/20 {
		t.Errorf("only %d of %d records IPv4 with addresses in the text", fast, n)
	}
}

// TestAppendAtDoesNotAllocate: with room in its buffer, AppendAt (and the
// Encoder's PrefixAt within a second) allocates nothing.
func TestAppendAtDoesNotAllocate(t *testing.T) {
	s := fullSummary()
	text := []byte("rule 1.f2b/sshd.3/0(match): block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S], seq 1, win 65535, length 0\n\t0x0000: 4500\n")
	s.SrcText = [2]int{49, 60}
	s.DstText = [2]int{69, 81}
	e := NewEncoder()
	buf := make([]byte, 0, 4096)
	p := e.PrefixAt(1_700_000_000, time.UTC)
	allocs := testing.AllocsPerRun(1000, func() {
		p = e.PrefixAt(1_700_000_000, time.UTC)
		buf = e.AppendAt(buf[:0], p, 123456789, s, text)
		buf = e.AppendAt(buf[:0], p, 5, s, text[:90])
		buf = e.AppendAt(buf[:0], p, 5, nil, text)
	})
	if allocs != 0 {
		t.Errorf("AppendAt allocates %.1f times per call", allocs/3)
	}
	if !bytes.Contains(buf, []byte(`"text":"rule 1.f2b`)) {
		t.Errorf("%s", buf)
	}
}
