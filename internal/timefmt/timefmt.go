// Package timefmt formats the time prefix of a packet line.
package timefmt

import (
	"fmt"
	"time"
)

// Format selects the time prefix of each record.
type Format int

// The formats --time accepts.
const (
	ISO     Format = iota // 2026-11-22T01:48:13.748353+01:00 (local time)
	None                  // no prefix: tcpdump -t
	Tcpdump               // 01:48:13.748353 (local time, tcpdump's default)
	Unix                  // 1763772493.748353
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
	}
	return "unknown"
}

// Append appends the prefix for t, including its trailing space, to b.
// It does not allocate.
func (f Format) Append(b []byte, t time.Time) []byte {
	switch f {
	case ISO:
		b = t.AppendFormat(b, "2006-01-02T15:04:05.000000-07:00")
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
// the text of the last whole second it formatted (and, for ISO, its zone
// offset), so that a stream of packets within the same second costs a copy
// and six digits each. A zone offset changes only on a second boundary, so
// the cache is exact. An Appender is not safe for concurrent use.
type Appender struct {
	f    Format
	sec  int64          // the Unix second head and zone hold
	loc  *time.Location // the location they were formatted in; nil: nothing yet
	head []byte         // "2006-01-02T15:04:05" or "15:04:05"
	zone []byte         // "-07:00" (ISO only)
}

// NewAppender returns an Appender for f.
func NewAppender(f Format) *Appender {
	return &Appender{f: f, head: make([]byte, 0, 32), zone: make([]byte, 0, 8)}
}

// Append appends the prefix for t, including its trailing space, to b.
// It does not allocate once its cache has been filled.
func (a *Appender) Append(b []byte, t time.Time) []byte {
	if a.f != ISO && a.f != Tcpdump {
		return a.f.Append(b, t)
	}
	sec := t.Unix()
	if a.loc == nil || sec != a.sec || t.Location() != a.loc {
		a.sec, a.loc = sec, t.Location()
		if a.f == ISO {
			a.head = t.AppendFormat(a.head[:0], "2006-01-02T15:04:05")
			a.zone = t.AppendFormat(a.zone[:0], "-07:00")
		} else {
			a.head = t.AppendFormat(a.head[:0], "15:04:05")
			a.zone = a.zone[:0]
		}
	}
	b = append(b, a.head...)
	b = append(b, '.')
	b = appendDec(b, uint64(t.Nanosecond()/1000), 6)
	b = append(b, a.zone...)
	return append(b, ' ')
}
