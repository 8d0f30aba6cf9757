// Package timefmt formats the time prefix of a packet line.
package timefmt

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// Format selects the time prefix of each record.
type Format int

// The formats --time accepts.
const (
	ISO     Format = iota // 2026-11-22T01:48:13.748353+01:00 (local time)
	None                  // no prefix: tcpdump -t
	Tcpdump               // 01:48:13.748353 (local time, tcpdump's default)
	Unix                  // 1763772493.748353
	// RFC3339 is ISO with "Z" for UTC: the "time" member of --format
	// json. It is not a --time value.
	RFC3339 // 2026-11-22T01:48:13.748353+01:00, 2026-11-22T00:48:13.748353Z
)

// Parse maps a --time argument to a Format.
func Parse(s string) (Format, error) {
	switch s {
	case "iso":
		return ISO, nil
	case "none":
		return None, nil
	case "tcpdump":
		return Tcpdump, nil
	case "unix":
		return Unix, nil
	}
	return 0, fmt.Errorf("unknown time format %q (want iso, none, tcpdump or unix)", s)
}

func (f Format) String() string {
	switch f {
	case ISO:
		return "iso"
	case None:
		return "none"
	case Tcpdump:
		return "tcpdump"
	case Unix:
		return "unix"
	case RFC3339:
		return "rfc3339"
	}
	return "unknown"
}

// Append appends the prefix for t, including its trailing space, to b.
// It does not allocate.
func (f Format) Append(b []byte, t time.Time) []byte {
	switch f {
	case ISO:
		b = t.AppendFormat(b, "2006-01-02T15:04:05.000000-07:00")
	case RFC3339:
		b = t.AppendFormat(b, "2006-01-02T15:04:05.000000Z07:00")
	case Tcpdump:
		b = t.AppendFormat(b, "15:04:05.000000")
	case Unix:
		b = appendUnix(b, t)
	default:
		return b
	}
	return append(b, ' ')
}

func appendUnix(b []byte, t time.Time) []byte {
	b = appendUnixSec(b, t.Unix())
	return appendDec(b, uint64(t.Nanosecond()/1000), 6)
}

// appendUnixSec appends the seconds of a Unix prefix and its point.
func appendUnixSec(b []byte, sec int64) []byte {
	if sec < 0 {
		b = append(b, '-')
		sec = -sec
	}
	b = appendDec(b, uint64(sec), 1)
	return append(b, '.')
}

func appendDec(b []byte, v uint64, width int) []byte {
	var tmp [20]byte
	i := len(tmp)
	for v > 0 || len(tmp)-i < width {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}

// Appender appends the prefix of one Format like Format.Append, byte for
// byte, from the text of the last second it wrote: the packets of one
// second share their text up to the microseconds, and cost a copy of it
// and one store of the six digits. A new second in the same minute (and
// span of one zone offset) rewrites the two digits of the seconds; a new
// minute is written from the local second of the day, with the zone
// offset kept with the span of Unix seconds it holds for (ZoneBounds) and
// the text of the local date. An Appender is not safe for concurrent use.
type Appender struct {
	// cur is the last second's prefix; until a first one, and always
	// for None, its loc is &unset, which no caller has.
	cur        Prefix
	none       Prefix // PrefixAt's for None: no text
	unset      time.Location
	f          Format
	zoneLoc    *time.Location // the location zone and date are for; nil: nothing yet
	zoneFrom   int64          // the Unix seconds [zoneFrom, zoneTo) have offset
	zoneTo     int64
	offset     int64  // seconds east of UTC
	zone       []byte // "-07:00" (ISO), "Z07:00" (RFC3339)
	day        int64  // the local day (days since 1970-01-01) date holds
	date       []byte // "2006-01-02T" (not Tcpdump)
	dateForDay bool   // date holds day
}

// lineSize holds the longest prefix, "-9223372036854775808.000000 "
// (Unix, 28 bytes; ISO is 33), and the 8-byte store of the digits at
// usAt <= 21.
const lineSize = 48

// PrefixRoom is the bytes Prefix.Put writes into, of which the prefix is
// the first ones.
const PrefixRoom = lineSize

// Prefix is the prefix of the times of one second, sec in loc: line[:n]
// (with the trailing space) with the six digits of the microseconds to
// be written at usAt. tail is the two bytes of line after those digits,
// in the top of a little-endian word, so that the digits are one 8-byte
// store. An Appender keeps the last one; PrefixAt gives it, so that a
// loop over records writes the prefix of each with Put, inlined, and
// calls the Appender only when the second changes.
type Prefix struct {
	sec  int64
	loc  *time.Location
	line [lineSize]byte
	usAt uint8
	n    uint8
	tail uint64
	// sec's minute (Unix: its hundred seconds): a second in [minFrom,
	// minTo) (of one zone span) differs from minStart only in its two
	// digits at usAt-3. An empty span holds nothing.
	minStart, minFrom, minTo int64
}

// Advance makes p the prefix of the second sec, in p's location, if sec
// is in p's minute (and span of one zone offset), where only the two
// digits of the seconds change, and tells whether it did. It is inlined,
// for loops that write records one second after another.
func (p *Prefix) Advance(sec int64) bool {
	if sec < p.minFrom || sec >= p.minTo {
		return false
	}
	numfmt.Put2(p.line[(int(p.usAt)-3)&31:], uint32(sec-p.minStart))
	p.sec = sec
	return true
}

// Sec is the second of p: Unix seconds.
func (p *Prefix) Sec() int64 { return p.sec }

// Put writes the prefix (with its trailing space) of the time nsec
// nanoseconds (0 <= nsec < 1e9) into p's second at the start of d, and
// returns its length: one fixed-size move of p's text and one 8-byte
// store of the microseconds as two three-digit groups. The rest of d is
// overwritten.
func (p *Prefix) Put(d *[PrefixRoom]byte, nsec int64) int {
	*d = p.line
	us := uint32(nsec) / 1000
	hi := us / 1000
	lo := us - hi*1000
	binary.LittleEndian.PutUint64(d[p.usAt&31:], uint64(digits3[hi&1023])|uint64(digits3[lo&1023])<<24|p.tail)
	return int(p.n)
}

// PrefixAt returns the prefix of the second sec in loc (a nil loc is
// UTC), valid until the Appender is used again. For None, it writes
// nothing.
func (a *Appender) PrefixAt(sec int64, loc *time.Location) *Prefix {
	if a.f == None {
		a.none.sec = sec
		return &a.none
	}
	if sec != a.cur.sec || loc != a.cur.loc {
		if loc == nil {
			loc = time.UTC
		}
		if !a.sameMinute(sec, loc) {
			a.second(sec, loc)
		}
	}
	return &a.cur
}

// NewAppender returns an Appender for f.
func NewAppender(f Format) *Appender {
	a := &Appender{f: f, date: make([]byte, 0, 16), zone: make([]byte, 0, 8)}
	a.cur.loc = &a.unset
	return a
}

// Append appends the prefix for t, including its trailing space, to b.
// It does not allocate once its buffers have grown.
func (a *Appender) Append(b []byte, t time.Time) []byte {
	sec, nsec, loc := t.Unix(), int64(t.Nanosecond()), t.Location()
	l := len(b)
	if sec != a.cur.sec || loc != a.cur.loc || cap(b)-l < lineSize { // always for None
		return a.appendNew(b, sec, nsec, loc, 1)
	}
	return b[:l+a.cur.Put((*[lineSize]byte)(b[l:l+lineSize]), nsec)]
}

// AppendTime is Append without the trailing space.
func (a *Appender) AppendTime(b []byte, t time.Time) []byte {
	sec, nsec, loc := t.Unix(), int64(t.Nanosecond()), t.Location()
	if sec != a.cur.sec || loc != a.cur.loc {
		return a.appendNew(b, sec, nsec, loc, 0)
	}
	l := len(b)
	if cap(b)-l < lineSize {
		b = slices.Grow(b, lineSize)
	}
	return b[:l+a.cur.Put((*[lineSize]byte)(b[l:l+lineSize]), nsec)-1]
}

// AppendAt is Append for time.Unix(sec, nsec).In(loc) (a nil loc is
// UTC): the prefix of a record whose time is read as seconds and
// nanoseconds, with no time.Time made for it.
func (a *Appender) AppendAt(b []byte, sec, nsec int64, loc *time.Location) []byte {
	if sec != a.cur.sec || loc != a.cur.loc || uint64(nsec) >= 1e9 {
		if uint64(nsec) >= 1e9 || !a.sameMinute(sec, loc) {
			return a.appendNew(b, sec, nsec, loc, 1)
		}
	}
	l := len(b)
	if cap(b)-l < lineSize {
		return a.appendNew(b, sec, nsec, loc, 1)
	}
	return b[:l+a.cur.Put((*[lineSize]byte)(b[l:l+lineSize]), nsec)]
}

// digits3 holds 0 to 999 as three digits in the low bytes of a
// little-endian word; 1024 of them, so that an index masked with 1023
// needs no bounds check.
var digits3 = func() (t [1024]uint32) {
	for h := range 10 {
		for p := range 100 {
			t[h*100+p] = uint32('0'+h) | uint32(numfmt.DigitPairs[2*p])<<8 | uint32(numfmt.DigitPairs[2*p+1])<<16
		}
	}
	return
}()

// appendNew is AppendAt (space 1) or AppendTime (space 0) for a time not
// in the cached second: it makes it the cached one.
func (a *Appender) appendNew(b []byte, sec, nsec int64, loc *time.Location, space int) []byte {
	if a.f == None {
		return b
	}
	if loc == nil {
		loc = time.UTC
	}
	if uint64(nsec) >= 1e9 {
		t := time.Unix(sec, nsec)
		sec, nsec = t.Unix(), int64(t.Nanosecond())
	}
	if !a.sameMinute(sec, loc) {
		a.second(sec, loc)
	}
	l := len(b)
	if cap(b)-l < lineSize {
		b = slices.Grow(b, lineSize)
	}
	return b[:l+a.cur.Put((*[lineSize]byte)(b[l:l+lineSize]), nsec)-1+space]
}

// sameMinute makes line the prefix of the second sec in loc if that is
// in the minute of the cached one (and the span of its zone offset):
// the two digits of the seconds change.
func (a *Appender) sameMinute(sec int64, loc *time.Location) bool {
	return loc == a.cur.loc && a.cur.Advance(sec)
}

// second makes line the prefix of the second sec in loc, up to its
// microseconds, with the zone, if it changed.
func (a *Appender) second(sec int64, loc *time.Location) {
	a.cur.sec, a.cur.loc = sec, loc
	a.cur.minFrom, a.cur.minTo = 0, 0
	var text []byte
	if a.f == Unix {
		text = appendUnixSec(a.cur.line[:0], sec)
		a.cur.usAt = uint8(len(text))
		a.cur.line[a.cur.usAt+6] = ' '
		a.cur.n = a.cur.usAt + 7
		a.cur.tail = uint64(a.cur.line[a.cur.usAt+6])<<48 | uint64(a.cur.line[a.cur.usAt+7])<<56
		if sec >= 100 {
			// The seconds of sec's hundred differ in their last two
			// digits, before the point as the seconds of a minute are.
			a.cur.minStart = sec - sec%100
			a.cur.minFrom, a.cur.minTo = a.cur.minStart, a.cur.minStart+100
		}
		return
	}
	t := time.Unix(sec, 0).In(loc)
	if loc != a.zoneLoc || sec < a.zoneFrom || sec >= a.zoneTo {
		a.zoneLoc = loc
		_, off := t.Zone()
		a.offset = int64(off)
		from, to := t.ZoneBounds()
		a.zoneFrom, a.zoneTo = math.MinInt64, math.MaxInt64
		if !from.IsZero() {
			a.zoneFrom = from.Unix()
		}
		if !to.IsZero() {
			a.zoneTo = to.Unix()
		}
		a.zone = a.zone[:0]
		switch a.f {
		case ISO:
			a.zone = t.AppendFormat(a.zone, "-07:00")
		case RFC3339:
			a.zone = t.AppendFormat(a.zone, "Z07:00")
		}
		a.dateForDay = false
	}
	local := sec + a.offset
	day := local / 86400
	sod := local - day*86400
	if sod < 0 {
		day--
		sod += 86400
	}
	text = a.cur.line[:0]
	if a.f != Tcpdump {
		if !a.dateForDay || day != a.day {
			a.day, a.dateForDay = day, true
			a.date = t.AppendFormat(a.date[:0], "2006-01-02T")
		}
		text = append(text, a.date...)
	}
	// hh:mm:ss.
	var d [9]byte
	s := uint32(sod)
	numfmt.Put2(d[0:], s/3600)
	d[2] = ':'
	numfmt.Put2(d[3:], s/60%60)
	d[5] = ':'
	numfmt.Put2(d[6:], s%60)
	d[8] = '.'
	text = append(text, d[:]...)
	a.cur.usAt = uint8(len(text))
	n := int(a.cur.usAt) + 6
	n += copy(a.cur.line[n:lineSize-1], a.zone)
	a.cur.line[n] = ' '
	a.cur.n = uint8(n + 1)
	a.cur.tail = uint64(a.cur.line[a.cur.usAt+6])<<48 | uint64(a.cur.line[a.cur.usAt+7])<<56
	// The minute of sec, within the zone's span.
	a.cur.minStart = sec - int64(s%60)
	a.cur.minFrom, a.cur.minTo = max(a.cur.minStart, a.zoneFrom), min(a.cur.minStart+60, a.zoneTo)
}
