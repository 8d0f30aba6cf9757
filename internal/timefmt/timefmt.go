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
