package jsonout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

var testTime = time.Date(2026, 11, 22, 1, 48, 13, 748353999, time.FixedZone("CET", 3600))

func fullSummary() *decoder.Summary {
	s := &decoder.Summary{
		HasPflog: true,
		Length:   60,
		Src:      netip.MustParseAddr("203.0.113.5"),
		Dst:      netip.MustParseAddr("198.51.100.7"),
		Proto:    6,
		SPort:    41854,
		DPort:    22,
		TCPFlags: 0x12, HasTCPFlags: true,
	}
	h := &s.Pflog
	h.Length = pfloghdr.LenFreeBSD
	h.AF = pfloghdr.AFInet
	h.Action = 1
	h.Reason = 0
	copy(h.IfName[:], "vtnet0")
	copy(h.Ruleset[:], "f2b/sshd")
	h.RuleNr = 1
	h.SubruleNr = 3
	h.UID = 1001
	h.Dir = 1
	h.RIdentifier = 12345
	return s
}

func TestAppendFull(t *testing.T) {
	text := []byte("rule 1.f2b/sshd.3/0(match) [uid 1001] [ridentifier 12345]: block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S.], length 0\n")
	got := Append(nil, testTime, fullSummary(), text)
	want := `{"time":"2026-11-22T01:48:13.748353+01:00","af":"inet","ifname":"vtnet0","rule":1,"subrule":3,"ruleset":"f2b/sshd",` +
		`"reason":"match","action":"block","dir":"in","uid":1001,"ridentifier":12345,"proto":"tcp",` +
		`"src":"203.0.113.5","dst":"198.51.100.7","sport":41854,"dport":22,"tcp_flags":"S.","length":60,` +
		`"text":"rule 1.f2b/sshd.3/0(match) [uid 1001] [ridentifier 12345]: block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S.], length 0"}` + "\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var m map[string]any
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatal(err)
	}
}

func TestAppendSparse(t *testing.T) {
	s := fullSummary()
	s.Pflog.SubruleNr = pfloghdr.NoSubrule
	s.Pflog.UID = pfloghdr.NoUID
	s.Pflog.RIdentifier = 0
	s.Pflog.AF = pfloghdr.AFInet6FreeBSD
	s.Pflog.Action, s.Pflog.Reason, s.Pflog.Dir = 13, 16, 3
	s.Src, s.Dst = netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8::2")
	s.Proto, s.SPort, s.DPort, s.HasTCPFlags = 253, -1, -1, false
	got := string(Append(nil, testTime.UTC(), s, []byte("x\n\ty\n\n")))
	want := `{"time":"2026-11-22T00:48:13.748353Z","af":"inet6","ifname":"vtnet0","rule":1,"subrule":null,"ruleset":"",` +
		`"reason":"unkn(16)","action":"unkn(13)","dir":"unkn(3)","uid":null,"proto":"253",` +
		`"src":"2001:db8::1","dst":"2001:db8::2","length":60,"text":"x\n\ty\n"}` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	// NFLOG: no pflog header; the family comes from the addresses.
	n := &decoder.Summary{Length: 40, Src: netip.MustParseAddr("198.18.7.1"), Dst: netip.MustParseAddr("198.18.7.2"), Proto: 17, SPort: 53, DPort: 5353}
	got = string(Append(nil, testTime.UTC(), n, []byte("version 0 ...\n")))
	want = `{"time":"2026-11-22T00:48:13.748353Z","af":"inet","proto":"udp","src":"198.18.7.1","dst":"198.18.7.2","sport":53,"dport":5353,"length":40,"text":"version 0 ..."}` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	// Nothing decoded.
	empty := &decoder.Summary{Proto: -1, SPort: -1, DPort: -1}
	got = string(Append(nil, testTime.UTC(), empty, []byte("[pflog: invalid header length!]\n")))
	want = `{"time":"2026-11-22T00:48:13.748353Z","af":null,"proto":null,"src":null,"dst":null,"length":0,"text":"[pflog: invalid header length!]"}` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = string(Append(nil, testTime.UTC(), nil, []byte("[Invalid header: caplen==0]\n")))
	want = `{"time":"2026-11-22T00:48:13.748353Z","af":null,"proto":null,"src":null,"dst":null,"length":0,"text":"[Invalid header: caplen==0]"}` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestHeaderStrings: raw bytes of the interface and ruleset names come out
// as tcpdump prints them, inside a valid JSON string.
func TestHeaderStrings(t *testing.T) {
	s := fullSummary()
	s.Pflog.IfName = [16]byte{'e', '"', '\\', 0x01, 0x7f, 0xe9, 0x80, 0xff, 'x', 0, 'y'}
	s.Pflog.Ruleset = [16]byte{'a', '\n', 0xc3, 0xa9}
	out := Append(nil, testTime, s, []byte("t\n"))
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got, want := m["ifname"], `e"\^A^?M-iM-^@M-^?x`; got != want {
		t.Errorf("ifname %q, want %q", got, want)
	}
	if got, want := m["ruleset"], "a^JM-CM-)"; got != want {
		t.Errorf("ruleset %q, want %q", got, want)
	}
}

func TestAppendString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{"plain ascii", `"plain ascii"`},
		{"q\"b\\s/", `"q\"b\\s/"`},
		{"\n\t\r\b\f\x00\x1f\x7f", `"\n\t\r\b\f\u0000\u001f\u007f"`},
		{"caf\xc3\xa9 \xe2\x82\xac", "\"caf\xc3\xa9 \xe2\x82\xac\""},
		{"bad \xff \xc3 \xed\xa0\x80 end", `"bad \ufffd \ufffd \ufffd\ufffd\ufffd end"`},
	} {
		got := AppendString(nil, []byte(tc.in))
		if string(got) != tc.want {
			t.Errorf("AppendString(%q) = %s, want %s", tc.in, got, tc.want)
		}
		if !utf8.Valid(got) {
			t.Errorf("AppendString(%q) is not valid UTF-8", tc.in)
		}
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("AppendString(%q): %v", tc.in, err)
		} else if utf8.ValidString(tc.in) && back != tc.in {
			t.Errorf("AppendString(%q) reads back as %q", tc.in, back)
		}
	}
}

// FuzzAppendString: whatever the bytes, the result is one valid JSON string
// in valid UTF-8 that reads back as the input when the input was valid UTF-8.
func FuzzAppendString(f *testing.F) {
	f.Add([]byte("rule 1/0(match): block in on em0: \"x\"\n\t\xff"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out := AppendString(nil, in)
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8: %q", out)
		}
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%v: %q", err, out)
		}
		if utf8.Valid(in) && back != string(in) {
			t.Fatalf("%q reads back as %q", in, back)
		}
		if bytes.ContainsAny(out[1:len(out)-1], "\n\r") {
			t.Fatalf("raw newline in %q", out)
		}
	})
}

func TestAppendDoesNotAllocate(t *testing.T) {
	s := fullSummary()
	text := []byte("rule 1.f2b/sshd.3/0(match): block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S], seq 1, win 65535, length 0\n\t0x0000: 4500\n")
	local := time.Now()
	buf := make([]byte, 0, 4096)
	allocs := testing.AllocsPerRun(1000, func() {
		buf = Append(buf[:0], testTime, s, text)
		buf = Append(buf[:0], local, s, text)
		buf = Append(buf[:0], local, nil, text)
	})
	if allocs != 0 {
		t.Errorf("Append allocates %.1f times per call", allocs/3)
	}
}

func BenchmarkAppend(b *testing.B) {
	s := fullSummary()
	text := []byte("rule 1.f2b/sshd.3/0(match) [uid 1001] [ridentifier 12345]: block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S], seq 3398156566, win 65535, options [mss 1460,sackOK,TS val 123456 ecr 0,nop,wscale 7], length 0\n")
	t := time.Now()
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		buf = Append(buf[:0], t, s, text)
	}
}

// TestPlainWordsExact: a word is accepted exactly when none of its bytes
// needs escaping, for every byte value in every position among plain
// neighbours, and for random words.
func TestPlainWordsExact(t *testing.T) {
	needs := func(c byte) bool { return c < 0x20 || c == '"' || c == '\\' || c >= 0x7f }
	check := func(w []byte) {
		want := true
		for _, c := range w {
			if needs(c) {
				want = false
			}
		}
		if got := plainWords(w) == 8; got != want {
			t.Fatalf("% x: plain %v, want %v", w, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []byte{'a', ' ', '~', '!', '#', '[', ']'} {
				w := bytes.Repeat([]byte{fill}, 8)
				w[pos] = byte(c)
				check(w)
			}
		}
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 200000 {
		var w [8]byte
		for i := range w {
			w[i] = byte(r.IntN(256))
			if r.IntN(4) > 0 {
				w[i] = byte(0x20 + r.IntN(0x5f))
			}
		}
		check(w[:])
	}
	// Longer strings: plainWords stops at the word holding the first
	// byte to escape, or at the last whole word.
	for n := 0; n <= 72; n++ {
		for pos := -1; pos < n; pos++ {
			s := bytes.Repeat([]byte{'a'}, n)
			want := n &^ 7
			if pos >= 0 {
				s[pos] = '"'
				want = pos &^ 7
			}
			if got := plainWords(s); got != want {
				t.Fatalf("%d bytes, '\"' at %d: plainWords %d, want %d", n, pos, got, want)
			}
		}
	}
}

// refAppendString is AppendString byte by byte.
func refAppendString(b []byte, s []byte) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(s[i:])
			if r != utf8.RuneError || size > 1 {
				b = append(b, s[i:i+size]...)
			} else {
				b = append(b, `\ufffd`...)
			}
			i += size
			continue
		}
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c == '\b':
			b = append(b, `\b`...)
		case c == '\f':
			b = append(b, `\f`...)
		case c < 0x20 || c == 0x7f:
			b = append(b, fmt.Sprintf(`\u%04x`, c)...)
		default:
			b = append(b, c)
		}
		i++
	}
	return append(b, '"')
}

// TestAppendStringMatchesBytewise: appendString, which copies a word at a
// time and escapes a stretch at a time into room made for it, writes what
// an escaper byte by byte writes, for strings of every length up to a few
// stretches with bytes to escape (and UTF-8 sequences, valid or not,
// across words and stretches) anywhere or nowhere, with a plain start of
// any length, into buffers with and without room.
func TestAppendStringMatchesBytewise(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	pieces := []string{"\"", "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "\x80", "\xff", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xe2\x82", "\xed\xa0\x80", "M-", "."}
	for range 20000 {
		n := r.IntN(80)
		if r.IntN(10) == 0 {
			n = r.IntN(1500)
		}
		s := make([]byte, 0, n)
		dense := r.IntN(4)
		for len(s) < n {
			if dense > 0 && r.IntN(40/dense) == 0 {
				s = append(s, pieces[r.IntN(len(pieces))]...)
			} else {
				s = append(s, byte(0x20+r.IntN(0x5f)))
			}
		}
		plain := 0
		for plain < len(s) && !needsEscape(s[plain]) && r.IntN(20) > 0 {
			plain++
		}
		pre := make([]byte, r.IntN(5), 5+r.IntN(3)*len(s)*3)
		want := string(refAppendString(pre[:len(pre):len(pre)], s))
		if got := string(appendString(pre, s, plain)); got != want {
			t.Fatalf("%q (plain %d):\n got %s\nwant %s", s, plain, got, want)
		}
		if got := string(AppendString(pre, s)); got != want {
			t.Fatalf("AppendString(%q):\n got %s\nwant %s", s, got, want)
		}
	}
}

// TestAppendSmall: appendSmall writes what strconv writes, for every
// number below 200,000 and a few larger, with and without spare room, and
// putPort for every number below 65,536.
func TestAppendSmall(t *testing.T) {
	check := func(v int) {
		for _, room := range []int{0, 3, 8, 20} {
			pre := make([]byte, 2, 2+room)
			pre[0], pre[1] = 'x', 'y'
			got := string(appendSmall(pre, v))
			if want := "xy" + strconv.Itoa(v); got != want {
				t.Fatalf("appendSmall(%d), room %d: %q, want %q", v, room, got, want)
			}
		}
	}
	for v := 0; v < 200000; v++ {
		check(v)
		if v < 1<<16 {
			var d [8]byte
			n := putPort(&d, v)
			if got, want := string(d[:n]), strconv.Itoa(v); got != want {
				t.Fatalf("putPort(%d): %q, want %q", v, got, want)
			}
		}
	}
	for _, v := range []int{1 << 20, 1<<31 - 1, 1<<63 - 1} {
		check(v)
	}
}
