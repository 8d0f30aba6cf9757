// Package timefmt formats the time prefix of a packet line.
package timefmt

import (
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
	sec := t.Unix()
	usec := t.Nanosecond() / 1000
	if sec < 0 {
		b = append(b, '-')
		sec = -sec
	}
	b = appendDec(b, uint64(sec), 1)
	b = append(b, '.')
	return appendDec(b, uint64(usec), 6)
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

// Appender appends the prefix of one Format like Format.Append, but keeps
// the zone offset with the span of Unix seconds it holds for (ZoneBounds),
// the text of the local date and that of the last second, so that a
// packet costs a copy and three digit pairs: the packets of one second
// share its text up to the microseconds, and the time of day of a new
// second is written from the local second of the day. The output is Format.Append's,
// byte for byte. An Appender is not safe for concurrent use.
type Appender struct {
	f          Format
	loc        *time.Location // the location zone and date are for; nil: nothing yet
	zoneFrom   int64          // the Unix seconds [zoneFrom, zoneTo) have offset
	zoneTo     int64
	offset     int64  // seconds east of UTC
	zone       []byte // "-07:00" (ISO), "Z07:00" (RFC3339)
	day        int64  // the local day (days since 1970-01-01) date holds
	date       []byte // "2006-01-02T" (not Tcpdump)
	dateForDay bool   // date holds day
	// The text up to the microseconds of the second sec ("2006-01-02T15:04:05."
	// or "15:04:05."): the packets of a second share it.
	sec     int64
	secText []byte // empty: none
	// line is secText, six places for the microseconds at usAt, the zone
	// and a space: lineLen bytes (0: none yet).
	line    [lineSize]byte
	usAt    uint8
	lineLen uint8
}

// lineSize holds the longest prefix, "2006-01-02T15:04:05.000000-07:00 "
// (33 bytes), with room to spare.
const lineSize = 64

// NewAppender returns an Appender for f.
func NewAppender(f Format) *Appender {
	return &Appender{f: f, date: make([]byte, 0, 16), zone: make([]byte, 0, 8), secText: make([]byte, 0, 32)}
}

// Append appends the prefix for t, including its trailing space, to b.
// It does not allocate once its buffers have grown.
func (a *Appender) Append(b []byte, t time.Time) []byte {
	if a.f == None {
		return b
	}
	return a.appendTime(b, t, 1)
}

// AppendTime is Append without the trailing space.
func (a *Appender) AppendTime(b []byte, t time.Time) []byte {
	return a.appendTime(b, t, 0)
}

// appendTime appends the prefix for t and the first space bytes (0 or 1)
// of " ": line is copied whole, one fixed-size move into the reservation,
// and the six digits of the microseconds written over its places.
func (a *Appender) appendTime(b []byte, t time.Time, space int) []byte {
	switch a.f {
	case None:
		return b
	case Unix:
		b = appendUnix(b, t)
		if space != 0 {
			b = append(b, ' ')
		}
		return b
	}
	sec := t.Unix()
	if loc := t.Location(); loc != a.loc || sec != a.sec || a.lineLen == 0 {
		a.second(t, sec, loc)
	}
	l := len(b)
	if cap(b)-l < lineSize {
		b = slices.Grow(b, lineSize)
	}
	d := (*[lineSize]byte)(b[l : l+lineSize])
	*d = a.line
	us := uint32(t.Nanosecond()) / 1000
	p := int(a.usAt) & 31 // 20 or 9: no bounds checks
	numfmt.Put2(d[p:p+2], us/10000)
	numfmt.Put2(d[p+2:p+4], us/100%100)
	numfmt.Put2(d[p+4:p+6], us%100)
	return b[:l+int(a.lineLen)-1+space]
}

// second sets secText to the text of t's second, sec, up to its
// microseconds, and the zone, if it changed, for loc (t's location).
func (a *Appender) second(t time.Time, sec int64, loc *time.Location) {
	if loc != a.loc || sec < a.zoneFrom || sec >= a.zoneTo {
		a.loc = loc
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
	a.sec, a.secText = sec, a.secText[:0]
	if a.f != Tcpdump {
		if !a.dateForDay || day != a.day {
			a.day, a.dateForDay = day, true
			a.date = t.AppendFormat(a.date[:0], "2006-01-02T")
		}
		a.secText = append(a.secText, a.date...)
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
	a.secText = append(a.secText, d[:]...)
	a.usAt = uint8(copy(a.line[:], a.secText))
	n := int(a.usAt) + 6
	n += copy(a.line[n:lineSize-1], a.zone)
	a.line[n] = ' '
	a.lineLen = uint8(n + 1)
}
