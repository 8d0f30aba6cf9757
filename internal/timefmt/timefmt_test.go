package timefmt

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, wherever the test runs
)

// TestAppenderMatchesFormat checks the cached Appender against
// Format.Append (time.AppendFormat) on runs of packets within a second,
// across second, day and daylight-saving boundaries, in several zones.
func TestAppenderMatchesFormat(t *testing.T) {
	var locs []*time.Location
	for _, name := range []string{"UTC", "Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		locs = append(locs, loc)
	}
	// Instants around the 2026 daylight-saving changes of the zones
	// above, a leap day and a year boundary.
	starts := []time.Time{
		time.Date(2026, 3, 29, 0, 59, 58, 0, time.UTC),  // Europe: CET to CEST at 01:00 UTC
		time.Date(2026, 10, 25, 0, 59, 58, 0, time.UTC), // and back
		time.Date(2026, 3, 8, 5, 29, 58, 0, time.UTC),   // St. John's
		time.Date(2026, 4, 4, 14, 59, 58, 0, time.UTC),  // Lord Howe: half an hour
		time.Date(2028, 2, 29, 23, 59, 58, 0, time.UTC),
		time.Date(2026, 12, 31, 23, 59, 58, 0, time.UTC),
		time.Unix(0, 0).Add(-1500 * time.Millisecond),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, f := range []Format{ISO, Tcpdump, Unix, None, RFC3339} {
		for _, loc := range locs {
			a := NewAppender(f)
			for _, start := range starts {
				ts := start.In(loc)
				for i := 0; i < 400; i++ {
					ts = ts.Add(time.Duration(r.IntN(20_000_000))) // up to 20ms on
					if i%97 == 0 {
						ts = ts.Add(-time.Second) // out of order, as a reordered capture is
					}
					got := string(a.Append(nil, ts))
					want := string(f.Append(nil, ts))
					if got != want {
						t.Fatalf("%v in %v at %v: Appender %q, Format.Append %q", f, loc, ts.UTC(), got, want)
					}
					if got, want := string(a.AppendTime([]byte("x"), ts)), "x"+strings.TrimSuffix(want, " "); got != want {
						t.Fatalf("%v in %v at %v: AppendTime %q, want %q", f, loc, ts.UTC(), got, want)
					}
				}
			}
			// Jumps of up to a year, back and forth, from 1900 to 2100.
			ts := time.Date(1900, 1, 1, 0, 0, 0, 0, loc)
			for i := 0; i < 20000; i++ {
				d := time.Duration(r.Int64N(int64(365 * 24 * time.Hour)))
				if i%3 == 0 && ts.Year() > 1901 {
					d = -d / 2
				}
				ts = ts.Add(d)
				if ts.Year() >= 2100 {
					ts = time.Date(1900, 1, 1, 0, 0, 0, 0, loc)
				}
				if got, want := string(a.Append(nil, ts)), string(f.Append(nil, ts)); got != want {
					t.Fatalf("%v in %v at %v: Appender %q, Format.Append %q", f, loc, ts.UTC(), got, want)
				}
			}
		}
	}
}

func TestAppenderDoesNotAllocate(t *testing.T) {
	a := NewAppender(ISO)
	b := make([]byte, 0, 64)
	ts := time.Date(2026, 11, 22, 12, 0, 0, 0, time.Local)
	b = a.Append(b[:0], ts)
	if n := testing.AllocsPerRun(100, func() { b = a.Append(b[:0], ts.Add(time.Microsecond)) }); n != 0 {
		t.Errorf("%v allocations per prefix", n)
	}
}

func BenchmarkPrefix(b *testing.B) {
	ts := time.Date(2026, 11, 22, 12, 0, 0, 0, time.Local)
	buf := make([]byte, 0, 64)
	b.Run("format", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			buf = ISO.Append(buf[:0], ts.Add(time.Duration(i)*time.Microsecond))
		}
	})
	b.Run("appender", func(b *testing.B) {
		a := NewAppender(ISO)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			buf = a.Append(buf[:0], ts.Add(time.Duration(i)*time.Microsecond))
		}
	})
}

// TestAppendAtMatchesFormat checks AppendAt, the prefix of a time given
// as Unix seconds and nanoseconds, against Format.Append of the same
// time.Unix(sec, nsec).In(loc): runs of seconds one to three apart (the
// path that rewrites only the seconds of the cached minute) across
// minutes, days, daylight-saving changes and the local mean time of
// 1900 (offsets that are not whole minutes), nanoseconds out of range,
// a nil location, and the same second in another location.
func TestAppendAtMatchesFormat(t *testing.T) {
	var locs []*time.Location
	for _, name := range []string{"UTC", "Europe/Amsterdam", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu", "Africa/Monrovia", "Local"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		locs = append(locs, loc)
	}
	locs = append(locs, time.FixedZone("odd", 5*3600+17*60+31))
	starts := []int64{
		time.Date(2026, 3, 29, 0, 58, 58, 0, time.UTC).Unix(),
		time.Date(2026, 10, 25, 0, 58, 58, 0, time.UTC).Unix(),
		time.Date(2026, 3, 8, 5, 28, 58, 0, time.UTC).Unix(),
		time.Date(2026, 4, 4, 14, 58, 58, 0, time.UTC).Unix(),
		time.Date(2028, 2, 29, 23, 58, 58, 0, time.UTC).Unix(),
		time.Date(2026, 12, 31, 23, 58, 58, 0, time.UTC).Unix(),
		// Amsterdam left its +00:19:32 of 1937 at 1940-05-15 23:40:28 UTC
		// and Monrovia its -00:44:30 at 1972-01-07 00:44:30 UTC.
		time.Date(1940, 5, 15, 23, 38, 0, 0, time.UTC).Unix(),
		time.Date(1972, 1, 7, 0, 43, 0, 0, time.UTC).Unix(),
		-200, 0, 1<<32 - 150,
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, f := range []Format{ISO, Tcpdump, Unix, None, RFC3339} {
		for _, loc := range locs {
			a := NewAppender(f)
			for _, start := range starts {
				sec := start
				for i := 0; i < 400; i++ {
					sec += int64(r.IntN(4))
					nsec := r.Int64N(1e9)
					switch i % 53 {
					case 7:
						nsec = 1e9 + r.Int64N(5e9) // a pcap's fraction past a second
					case 11:
						nsec = -r.Int64N(3e9)
					case 13:
						sec -= 61 // back, as a reordered capture goes
					}
					ts := time.Unix(sec, nsec).In(loc)
					want := string(f.Append([]byte("x"), ts))
					if got := string(a.AppendAt([]byte("x"), sec, nsec, loc)); got != want {
						t.Fatalf("%v in %v at %d.%09d: AppendAt %q, Format.Append %q", f, loc, sec, nsec, got, want)
					}
					if i%17 == 0 { // another location in between, and back
						if got, want := string(a.AppendAt(nil, sec, nsec, nil)), string(f.Append(nil, time.Unix(sec, nsec).UTC())); got != want {
							t.Fatalf("%v in nil at %d.%09d: AppendAt %q, Format.Append %q", f, sec, nsec, got, want)
						}
					}
					if got, want := string(a.Append(nil, ts)), strings.TrimPrefix(want, "x"); got != want {
						t.Fatalf("%v in %v at %d.%09d: Append %q, Format.Append %q", f, loc, sec, nsec, got, want)
					}
				}
			}
		}
	}
}

// TestAppendAtGrows checks that AppendAt and AppendTime make room in a
// full slice and keep what it holds.
func TestAppendAtGrows(t *testing.T) {
	ts := time.Date(2026, 11, 22, 12, 0, 0, 123456789, time.UTC)
	for _, f := range []Format{ISO, Tcpdump, Unix, RFC3339} {
		a := NewAppender(f)
		for i := 0; i < 3; i++ { // a new second, then the cached one
			b := append(make([]byte, 0, 5), "abcde"...)
			want := "abcde" + string(f.Append(nil, ts))
			if got := string(a.AppendAt(b, ts.Unix(), int64(ts.Nanosecond()), time.UTC)); got != want {
				t.Errorf("%v: %q, want %q", f, got, want)
			}
			b = append(make([]byte, 0, 5), "abcde"...)
			if got := string(a.AppendTime(b, ts)); got != strings.TrimSuffix(want, " ") {
				t.Errorf("%v: AppendTime %q, want %q", f, got, strings.TrimSuffix(want, " "))
			}
		}
	}
}

// TestPrefixAtMatchesFormat checks Prefix.Put, from PrefixAt or
// Prefix.Advance, against Format.Append on runs of seconds as
// TestAppendAtMatchesFormat does, with AppendAt and AppendTime on the
// same Appender in between.
func TestPrefixAtMatchesFormat(t *testing.T) {
	locs := []*time.Location{time.UTC, time.FixedZone("odd", -(3*3600 + 29*60 + 53))}
	for _, name := range []string{"Europe/Amsterdam", "Australia/Lord_Howe"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		locs = append(locs, loc)
	}
	r := rand.New(rand.NewPCG(5, 6))
	var d [PrefixRoom]byte
	for _, f := range []Format{ISO, Tcpdump, Unix, None, RFC3339} {
		for _, loc := range locs {
			a := NewAppender(f)
			var p *Prefix
			for _, start := range []int64{time.Date(2026, 3, 29, 0, 58, 58, 0, time.UTC).Unix(), time.Date(1940, 5, 15, 23, 38, 0, 0, time.UTC).Unix(), -100} {
				sec := start
				for i := 0; i < 500; i++ {
					sec += int64(r.IntN(4))
					if i%61 == 0 {
						sec -= 100
					}
					nsec := r.Int64N(1e9)
					ts := time.Unix(sec, nsec).In(loc)
					want := string(f.Append(nil, ts))
					// As a record loop does: the cached prefix advanced
					// within its minute, else asked for.
					if p == nil || p.Sec() != sec && (i%2 == 0 || !p.Advance(sec)) {
						p = a.PrefixAt(sec, loc)
					}
					if p.Sec() != sec {
						t.Fatalf("%v: PrefixAt(%d).Sec() = %d", f, sec, p.Sec())
					}
					if got := string(d[:p.Put(&d, nsec)]); got != want {
						t.Fatalf("%v in %v at %d.%09d: Put %q, Format.Append %q", f, loc, sec, nsec, got, want)
					}
					switch i % 3 {
					case 1:
						if got := string(a.AppendAt(nil, sec+int64(i%5), nsec, loc)); got != string(f.Append(nil, ts.Add(time.Duration(i%5)*time.Second))) {
							t.Fatalf("%v: AppendAt after PrefixAt: %q", f, got)
						}
					case 2:
						if got := string(a.AppendTime(nil, ts)); got != strings.TrimSuffix(want, " ") {
							t.Fatalf("%v: AppendTime after PrefixAt: %q, want %q", f, got, strings.TrimSuffix(want, " "))
						}
					}
				}
			}
		}
	}
}

// TestFirstPrefixAtZero: the first prefix of an Appender, at the Unix
// epoch in a nil location (UTC), is written, not taken for a cached one.
func TestFirstPrefixAtZero(t *testing.T) {
	for _, f := range []Format{ISO, Tcpdump, Unix, None, RFC3339} {
		want := string(f.Append(nil, time.Unix(0, 5000).UTC()))
		if got := string(NewAppender(f).AppendAt(nil, 0, 5000, nil)); got != want {
			t.Errorf("%v: AppendAt %q, want %q", f, got, want)
		}
		var d [PrefixRoom]byte
		p := NewAppender(f).PrefixAt(0, nil)
		if got := string(d[:p.Put(&d, 5000)]); got != want {
			t.Errorf("%v: PrefixAt %q, want %q", f, got, want)
		}
	}
}
