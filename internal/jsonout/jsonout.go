// Package jsonout writes one packet as one line of JSON (pfasciilogd
// --format json): the fields of the decoder's Summary and the packet's
// tcpdump text.
//
// It appends to a caller-supplied buffer and does not allocate: no
// encoding/json, no fmt, no strings built per packet. Strings are escaped
// per RFC 8259 and the output is always valid UTF-8: bytes of the pflog
// header's interface and ruleset names are first escaped as tcpdump prints
// them ("M-x", "^X"), and a byte that is not part of valid UTF-8 anywhere
// else becomes U+FFFD.
//
// An object has these members, in this order (see pfasciilogd(8)):
//
//	time         RFC 3339 with microseconds, local time ("2026-11-22T01:48:13.748353+01:00")
//	af           "inet" or "inet6"; null when unknown
//	ifname       pflog header: interface, as tcpdump prints it
//	rule         pflog header: rule number
//	subrule      pflog header: rule number in the anchor; null outside an anchor
//	ruleset      pflog header: anchor name ("" outside an anchor)
//	reason       pflog header: reason, tcpdump's name ("match", "short", ..., "unkn(N)")
//	action       pflog header: action, tcpdump's name ("block", "pass", "match", ...)
//	dir          pflog header: direction, tcpdump's name ("in", "out", "in/out", "unkn(N)")
//	uid          pflog header: uid of the socket's owner; null when none
//	ridentifier  pflog header: rule identifier, only when not 0
//	proto        transport protocol ("tcp", "udp", "icmp", "icmp6", ..., or the number as a string); null when unknown
//	src, dst     addresses of the outermost IP header; null when not decoded
//	sport, dport TCP, UDP, SCTP or DCCP ports, only when decoded
//	tcp_flags    TCP flags as tcpdump prints them ("S", "S.", "FP.", "none"), only for TCP
//	length       length of the packet after the pflog (or NFLOG) header
//	text         the record tcpdump prints for the packet, without the final newline
//
// The pflog header's members (ifname to ridentifier) are left out when the
// record has no valid pflog header: NFLOG captures, or a header tcpdump
// rejects.
package jsonout

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/internal/timefmt"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// TimeLayout is the layout of the "time" member: RFC 3339 with
// microseconds.
const TimeLayout = "2006-01-02T15:04:05.000000Z07:00"

// The names FreeBSD's tcpdump prints for the pflog header's reason,
// action and direction (print-pflog.c). Reasons are printed there as
// "N(name)"; the JSON member holds the name alone.
var (
	reasons = [...]string{
		"match", "bad-offset", "fragment", "short", "normalize",
		"memory", "bad-timestamp", "congestion", "ip-option",
		"proto-cksum", "state-mismatch", "state-insert",
		"state-limit", "src-limit", "synproxy", "map-failed",
	}
	actions = [...]string{
		"pass", "block", "scrub", "noscrub", "nat", "nonat", "binat", "nobinat",
		"rdr", "nordr", "synproxy-drop", "defer", "match",
	}
	directions = [...]string{"in/out", "in", "out"}
)

// appendName appends the quoted name of v in table, or tcpdump's "unkn(N)".
func appendName(b []byte, table []string, v uint8) []byte {
	b = append(b, '"')
	if int(v) < len(table) {
		b = append(b, table[v]...)
	} else {
		b = append(b, "unkn("...)
		b = numfmt.AppendUint(b, uint64(v))
		b = append(b, ')')
	}
	return append(b, '"')
}

// Protocol names (pf.conf(5) and /etc/protocols, icmp6 as pf.conf
// spells it).
var protoNames = [256]string{
	0: "hopopt", 1: "icmp", 2: "igmp", 4: "ipencap", 6: "tcp", 8: "egp",
	9: "igp", 17: "udp", 27: "rdp", 33: "dccp", 41: "ipv6", 43: "ipv6-route",
	44: "ipv6-frag", 46: "rsvp", 47: "gre", 50: "esp", 51: "ah",
	58: "icmp6", 59: "ipv6-nonxt", 60: "ipv6-opts", 88: "eigrp", 89: "ospf",
	94: "ipip", 97: "etherip", 103: "pim", 108: "ipcomp", 112: "carp",
	113: "pgm", 115: "l2tp", 132: "sctp", 135: "mobility-header",
	136: "udplite", 137: "mpls-in-ip", 139: "hip", 140: "shim6",
}

// protoMembers and tcpFlagsMembers hold the "proto" member of each
// protocol number and the "tcp_flags" member of each flags byte, comma
// first.
var protoMembers, tcpFlagsMembers [256]string

func init() {
	for i := range protoMembers {
		b := []byte(`,"proto":"`)
		if n := protoNames[i]; n != "" {
			b = append(b, n...)
		} else {
			b = numfmt.AppendUint(b, uint64(i))
		}
		protoMembers[i] = string(append(b, '"'))
		tcpFlagsMembers[i] = string(append(appendTCPFlags([]byte(`,"tcp_flags":"`), uint8(i)), '"'))
	}
}

const tcpFlagLetters = "FSRP.UEW" // tcpdump's order: FIN SYN RST PUSH ACK URG ECE CWR

// appendTCPFlags appends the flags byte as tcpdump prints it between
// "Flags [" and "]".
func appendTCPFlags(b []byte, f uint8) []byte {
	if f == 0 {
		return append(b, "none"...)
	}
	for i := 0; i < 8; i++ {
		if f&(1<<i) != 0 {
			b = append(b, tcpFlagLetters[i])
		}
	}
	return b
}

// Append appends the JSON object for one packet and a newline to b.
// t is the packet's time, s the decoder's Summary of it (nil when the
// record has none, such as tcpdump's "[Invalid header: ...]"), and text
// the record the decoder printed for it; its final newline is left out.
func Append(b []byte, t time.Time, s *decoder.Summary, text []byte) []byte {
	b = append(b, `{"time":"`...)
	b = t.AppendFormat(b, TimeLayout)
	return appendRest(b, nil, -1, s, text)
}

// An Encoder appends objects as Append does, formatting the time through
// a timefmt.Appender (its date and zone cached), and copying the pflog
// members of a header from the decoder's cache entry for it
// (Summary.PflogCacheEntry) once they are there: it writes them into
// that entry, so it is given a Summary before the Decoder's next packet
// and in the Decoder's goroutine. It writes the usual packet's members
// and text in whole pieces into b's spare capacity, and reads the
// addresses from the text in whole pieces, up to the text's capacity
// (which it does not change). It is not safe for concurrent use.
type Encoder struct {
	time *timefmt.Appender
}

// NewEncoder returns an Encoder.
func NewEncoder() *Encoder { return &Encoder{time: timefmt.NewAppender(timefmt.RFC3339)} }

// Append is the package's Append.
func (e *Encoder) Append(b []byte, t time.Time, s *decoder.Summary, text []byte) []byte {
	b = append(b, `{"time":"`...)
	b = e.time.AppendTime(b, t)
	return appendRest(b, nil, 0, s, text)
}

// PrefixAt returns the text of the "time" member for the second sec in
// loc (a nil loc is UTC), as the Encoder's timefmt.Appender gives it, for
// AppendAt; it is valid until the Encoder is used again, and it may be
// moved to a later second of its minute with its Advance.
func (e *Encoder) PrefixAt(sec int64, loc *time.Location) *timefmt.Prefix {
	return e.time.PrefixAt(sec, loc)
}

// AppendAt is Append for the time nsec nanoseconds (0 <= nsec < 1e9)
// into the second of p, which PrefixAt gave: no time.Time is made.
func (e *Encoder) AppendAt(b []byte, p *timefmt.Prefix, nsec int64, s *decoder.Summary, text []byte) []byte {
	return appendRest(b, p, nsec, s, text)
}

// timePrefixRoom is the room AppendAt writes its time into.
const timePrefixRoom = len(`{"time":"`) + timefmt.PrefixRoom

// appendRest appends the members after "time"'s value, after the
// object's start and the time for nsec into p's second when p is not nil
// (AppendAt); nsec not negative (the Encoder's: one argument fewer than
// a flag of its own, so that all are passed in registers) has the pflog
// members copied through the decoder's cache entry, and the usual
// packet's members written by its fast path.
func appendRest(b []byte, p *timefmt.Prefix, nsec int64, s *decoder.Summary, text []byte) []byte {
	fast := nsec >= 0
	if p != nil {
		// AppendAt's time: the object's start and the time, from p.
		l := len(b)
		if cap(b)-l < timePrefixRoom {
			b = slices.Grow(b, timePrefixRoom)
		}
		d := b[l : l+timePrefixRoom]
		*(*[16]byte)(d) = timeKey
		n := p.Put((*[timefmt.PrefixRoom]byte)(d[len(`{"time":"`):]), nsec)
		// Put's n holds a trailing space, which is written over.
		b = b[:l+len(`{"time":"`)+n-1]
	}
	if s == nil {
		b = append(b, `","af":null,"proto":null,"src":null,"dst":null,"length":0`...)
		return appendText(b, text, nil, 0)
	}
	// The length of the cache entry's text when that needs no escaping
	// (or 0), for textPlain.
	plain := 0
	// The time's closing quote and the whole "af" member, in one piece.
	switch {
	case s.HasPflog && s.Pflog.AF == pfloghdr.AFInet:
		b = append(b, `","af":"inet"`...)
	case s.HasPflog && pfloghdr.IsInet6(s.Pflog.AF):
		b = append(b, `","af":"inet6"`...)
	case !s.HasPflog && s.Src.Is4():
		b = append(b, `","af":"inet"`...)
	case !s.HasPflog && s.Src.Is6():
		b = append(b, `","af":"inet6"`...)
	default:
		b = append(b, `","af":null`...)
	}
	if s.HasPflog {
		var e *pflogcache.Entry
		short := false
		if fast {
			if e = s.PflogCacheEntry(); e != nil {
				b, plain, short = e.AppendJSONShort(b)
			}
		}
		if !short {
			b, plain = appendCachedPflog(b, &s.Pflog, e, text[:min(s.PflogText, len(text))])
		}
	}
	if fast && uint(s.Proto) < 256 && cap(b)-len(b) >= 192 {
		// The usual packet: "proto", then both addresses as the text
		// holds them, each piece written whole into the spare room
		// and counted by its length. The text is read in whole
		// pieces too, up to its capacity: the bytes past an address
		// are written into the room, and not counted.
		src0, src1, dst0, dst1 := s.SrcText[0], s.SrcText[1], s.DstText[0], s.DstText[1]
		t := text[:cap(text)]
		if s.Src.Is4() && s.Dst.Is4() && uint(src1-src0-1) < 15 && uint(dst1-dst0-1) < 15 &&
			src0 >= 0 && dst0 >= 0 && src1 <= len(text) && dst1 <= len(text) &&
			src0 <= len(t)-16 && dst0 <= len(t)-16 {
			l := len(b)
			d := b[l : l+192]
			pp := &protoPieces[s.Proto]
			*(*[32]byte)(d) = pp.w
			n := pp.n & 31
			*(*[16]byte)(d[n:]) = srcKey
			n += len(`,"src":"`)
			*(*[16]byte)(d[n:]) = [16]byte(t[src0:])
			n += (src1 - src0) & 15
			*(*[16]byte)(d[n:]) = dstKey
			n += len(`","dst":"`)
			*(*[16]byte)(d[n:]) = [16]byte(t[dst0:])
			n += (dst1 - dst0) & 15
			d[n] = '"'
			b = b[:l+n+1]
			goto ports
		}
		if s.Src.Is6() && s.Dst.Is6() && uint(src1-src0-1) < 47 && uint(dst1-dst0-1) < 47 &&
			src0 >= 0 && dst0 >= 0 && src1 <= len(text) && dst1 <= len(text) &&
			src0 <= len(t)-48 && dst0 <= len(t)-48 && !v4Compatible(s.Src) && !v4Compatible(s.Dst) {
			l := len(b)
			d := b[l : l+192]
			pp := &protoPieces[s.Proto]
			*(*[32]byte)(d) = pp.w
			n := pp.n & 31
			*(*[16]byte)(d[n:]) = srcKey
			n += len(`,"src":"`)
			put48(d[n:], t[src0:])
			n += (src1 - src0) & 63
			*(*[16]byte)(d[n:]) = dstKey
			n += len(`","dst":"`)
			put48(d[n:], t[dst0:])
			n += (dst1 - dst0) & 63
			d[n] = '"'
			b = b[:l+n+1]
			goto ports
		}
	}
	if s.Proto >= 0 && s.Proto < 256 {
		b = append(b, protoMembers[s.Proto]...)
	} else {
		b = append(b, `,"proto":null`...)
	}
	if src, dst := s.SrcText, s.DstText; copyable(s.Src, text, src) && copyable(s.Dst, text, dst) {
		// Both addresses as the text holds them, in one go.
		b = append(b, `,"src":"`...)
		b = append(b, text[src[0]:src[1]]...)
		b = append(b, `","dst":"`...)
		b = append(b, text[dst[0]:dst[1]]...)
		b = append(b, '"')
	} else {
		b = append(b, `,"src":`...)
		b = appendAddr(b, s.Src, text, s.SrcText)
		b = append(b, `,"dst":`...)
		b = appendAddr(b, s.Dst, text, s.DstText)
	}
ports:
	// The members from "sport" on.
	if l := len(b); uint(s.SPort) < 1<<16 && uint(s.DPort) < 1<<16 && uint(s.Length) < 1<<16 && cap(b)-l >= 128 {
		// The usual packet's: keys, digits and flags written whole
		// into the spare room.
		d := (*[128]byte)(b[l : l+128])
		*(*[16]byte)(d[:]) = sportKey
		n := len(`,"sport":`)
		n += putPort((*[8]byte)(d[n:]), s.SPort)
		*(*[16]byte)(d[n&31:]) = dportKey
		n += len(`,"dport":`)
		n += putPort((*[8]byte)(d[n&31:]), s.DPort)
		n &= 31
		if s.HasTCPFlags {
			fp := &tcpFlagsPieces[s.TCPFlags]
			*(*[32]byte)(d[n:]) = fp.w
			n += fp.n & 31
		}
		*(*[16]byte)(d[n:]) = lengthKey
		n += len(`,"length":`)
		n += putPort((*[8]byte)(d[n:]), s.Length)
		l += n & 127
		// appendText's usual text, without the call.
		t := text
		if m := len(t); m > 0 && t[m-1] == '\n' {
			t = t[:m-1]
		}
		if m := len(t); m >= 32 && cap(b)-l >= m+16 {
			// The result, and the object's end, made before the call.
			r := b[:l+len(`,"text":"`)+m+3]
			d := r[l:]
			*(*[16]byte)(d[:16]) = textKey
			end := (*[3]byte)(d[len(d)-3:])
			if plainCopy(d[len(`,"text":"`):], t) {
				*end = [3]byte{'"', '}', '\n'}
				return r
			}
		}
		return appendTextSlow(b[:l], t, text, s, plain)
	}
	if s.SPort >= 0 {
		b = append(b, `,"sport":`...)
		b = appendSmall(b, s.SPort)
	}
	if s.DPort >= 0 {
		b = append(b, `,"dport":`...)
		b = appendSmall(b, s.DPort)
	}
	if s.HasTCPFlags {
		if l := len(b); cap(b)-l >= 32 {
			fp := &tcpFlagsPieces[s.TCPFlags]
			*(*[32]byte)(b[l : l+32]) = fp.w
			b = b[:l+fp.n&31]
		} else {
			b = append(b, tcpFlagsMembers[s.TCPFlags]...)
		}
	}
	b = append(b, `,"length":`...)
	if s.Length >= 0 {
		b = appendSmall(b, s.Length)
	} else {
		b = appendInt(b, s.Length)
	}
	return appendText(b, text, s, plain)
}

// put48 copies the first 48 bytes of s to d in three 16-byte pieces,
// which the compiler copies inline (a 48-byte array it leaves to memmove).
func put48(d, s []byte) {
	*(*[16]byte)(d) = [16]byte(s)
	*(*[16]byte)(d[16:]) = [16]byte(s[16:])
	*(*[16]byte)(d[32:]) = [16]byte(s[32:])
}

// textKey is the key of the "text" member and its opening quote, and
// timeKey the object's start and the "time" member's key and quote.
var (
	textKey = [16]byte{',', '"', 't', 'e', 'x', 't', '"', ':', '"'}
	timeKey = [16]byte{'{', '"', 't', 'i', 'm', 'e', '"', ':', '"'}
)

// protoPieces and tcpFlagsPieces hold protoMembers and tcpFlagsMembers
// in fixed-size arrays, and srcKey and dstKey the keys around the first
// address, for the usual packet.
var (
	protoPieces    [256]piece
	tcpFlagsPieces [256]piece
	srcKey, dstKey [16]byte
)

// A piece is a text of up to 32 bytes, written whole and counted by its
// length.
type piece struct {
	w [32]byte
	n int
}

func init() {
	for i := range protoPieces {
		if len(protoMembers[i]) >= 32 {
			panic("jsonout: proto member too long")
		}
		protoPieces[i].n = copy(protoPieces[i].w[:], protoMembers[i])
		if len(tcpFlagsMembers[i]) >= 32 {
			panic("jsonout: tcp_flags member too long")
		}
		tcpFlagsPieces[i].n = copy(tcpFlagsPieces[i].w[:], tcpFlagsMembers[i])
	}
	copy(srcKey[:], `,"src":"`)
	copy(dstKey[:], `","dst":"`)
}

// sportKey, dportKey and lengthKey are the keys of the ports and the
// length, for appendRest's usual packet.
var (
	sportKey  = [16]byte{',', '"', 's', 'p', 'o', 'r', 't', '"', ':'}
	dportKey  = [16]byte{',', '"', 'd', 'p', 'o', 'r', 't', '"', ':'}
	lengthKey = [16]byte{',', '"', 'l', 'e', 'n', 'g', 't', 'h', '"', ':'}
)

// putPort writes 0 <= v < 65536 in decimal at the start of d and returns
// the number of digits.
func putPort(d *[8]byte, v int) int {
	const dp = numfmt.DigitPairs
	if v >= 10000 { // most source ports: first
		q := v / 10000
		r := v - q*10000
		h := r / 100
		l := r - h*100
		d[0], d[1], d[2], d[3], d[4] = byte('0'+q&7), dp[2*h], dp[2*h+1], dp[2*l], dp[2*l+1]
		return 5
	}
	if v < 100 { // most lengths: then
		if v < 10 {
			d[0] = byte('0' + v)
			return 1
		}
		d[0], d[1] = dp[2*v], dp[2*v+1]
		return 2
	}
	switch {
	case v < 1000:
		q := v / 100
		r := v - q*100
		d[0], d[1], d[2] = byte('0'+q), dp[2*r], dp[2*r+1]
		return 3
	}
	q := v / 100
	r := v - q*100
	d[0], d[1], d[2], d[3] = dp[2*q], dp[2*q+1], dp[2*r], dp[2*r+1]
	return 4
}

// appendInt appends v in decimal ("-" first when negative).
func appendInt(b []byte, v int) []byte {
	if v < 0 {
		return numfmt.AppendUint(append(b, '-'), uint64(-v))
	}
	return appendSmall(b, v)
}

// appendSmall appends 0 <= v in decimal: below 100,000 (ports, lengths)
// with one append of its digits, pairs of them from numfmt.DigitPairs.
func appendSmall(b []byte, v int) []byte {
	const dp = numfmt.DigitPairs
	switch {
	case v < 10:
		return append(b, byte('0'+v))
	case v < 100:
		return append(b, dp[2*v], dp[2*v+1])
	case v < 1000:
		q := v / 100
		r := v - q*100
		return append(b, byte('0'+q), dp[2*r], dp[2*r+1])
	case v < 10000:
		q := v / 100
		r := v - q*100
		return append(b, dp[2*q], dp[2*q+1], dp[2*r], dp[2*r+1])
	case v < 100000:
		q := v / 10000
		r := v - q*10000
		h := r / 100
		l := r - h*100
		return append(b, byte('0'+q), dp[2*h], dp[2*h+1], dp[2*l], dp[2*l+1])
	}
	return numfmt.AppendUint(b, uint64(v))
}

// appendCachedPflog is appendPflog through e, the decoder's cache entry
// for h (if not nil): the members are formatted once and kept in e, as
// the decoder keeps h's text there, for they are a function of the same
// fields. hdrText is the text of h that the record begins with; plain is
// its length when it needs no escaping in a JSON string, else 0. The
// entry keeps the length of its own text when that needs no escaping:
// the record's header text when their lengths agree.
func appendCachedPflog(b []byte, h *pfloghdr.Header, e *pflogcache.Entry, hdrText []byte) (_ []byte, plain int) {
	if e == nil {
		return appendPflog(b, h), 0
	}
	if m, n := e.JSON(); m != nil {
		if n != len(hdrText) {
			n = 0
		}
		return append(b, m...), n
	}
	start := len(b)
	b = appendPflog(b, h)
	if t := e.Text(); isPlain(t) {
		plain = len(t)
	}
	e.SetJSON(b[start:], plain)
	if plain != len(hdrText) {
		plain = 0
	}
	return b, plain
}

// appendPflog appends the members of the pflog header.
func appendPflog(b []byte, h *pfloghdr.Header) []byte {
	b = append(b, `,"ifname":`...)
	b = appendCString(b, h.IfName[:])
	b = append(b, `,"rule":`...)
	b = numfmt.AppendUint(b, uint64(h.RuleNr))
	b = append(b, `,"subrule":`...)
	if h.HasAnchor() {
		b = numfmt.AppendUint(b, uint64(h.SubruleNr))
		b = append(b, `,"ruleset":`...)
		b = appendCString(b, h.Ruleset[:])
	} else {
		b = append(b, `null,"ruleset":""`...)
	}
	b = append(b, `,"reason":`...)
	b = appendName(b, reasons[:], h.Reason)
	b = append(b, `,"action":`...)
	b = appendName(b, actions[:], h.Action)
	b = append(b, `,"dir":`...)
	b = appendName(b, directions[:], h.Dir)
	b = append(b, `,"uid":`...)
	if h.UID != pfloghdr.NoUID {
		b = numfmt.AppendUint(b, uint64(h.UID))
	} else {
		b = append(b, "null"...)
	}
	if h.RIdentifier != 0 {
		b = append(b, `,"ridentifier":`...)
		b = numfmt.AppendUint(b, uint64(h.RIdentifier))
	}
	return b
}

// appendAddr appends a as a JSON string (netip's text), or null. span is
// where text holds it as tcpdump printed it: the same characters, copied
// rather than formatted again, except for an IPv6 address with 96 leading
// zero bits, which tcpdump prints as ::a.b.c.d and netip in hex.
func appendAddr(b []byte, a netip.Addr, text []byte, span [2]int) []byte {
	if !a.IsValid() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	if copyable(a, text, span) {
		b = append(b, text[span[0]:span[1]]...)
	} else {
		b = a.AppendTo(b)
	}
	return append(b, '"')
}

// copyable reports whether text holds the valid address a at span as
// appendAddr writes it.
func copyable(a netip.Addr, text []byte, span [2]int) bool {
	return span[0] < span[1] && span[1] <= len(text) && a.IsValid() && (a.Is4() || !v4Compatible(a))
}

func v4Compatible(a netip.Addr) bool {
	x := a.As16()
	return binary.BigEndian.Uint64(x[:8]) == 0 && binary.BigEndian.Uint32(x[8:12]) == 0
}

// appendText appends the "text" member, text without its final newline,
// and closes the object. ep is for textPlain.
func appendText(b []byte, text []byte, s *decoder.Summary, ep int) []byte {
	full := text
	n := len(text)
	if n > 0 && text[n-1] == '\n' {
		n--
		text = text[:n]
	}
	if l := len(b); n >= 32 && cap(b)-l >= n+16 {
		// Copied whole as it is checked, when it needs no escaping,
		// between the key and the end of the object.
		d := b[l : l+n+16]
		*(*[16]byte)(d) = textKey
		if plainCopy(d[len(`,"text":"`):], text) {
			*(*[4]byte)(d[n+len(`,"text":"`):]) = [4]byte{'"', '}', '\n'}
			return b[:l+len(`,"text":"`)+n+3]
		}
	}
	return appendTextSlow(b, text, full, s, ep)
}

// appendTextSlow is appendText for a text that is short, or needs
// escaping, or b without the room: full is the text with its newline.
func appendTextSlow(b []byte, text, full []byte, s *decoder.Summary, ep int) []byte {
	b = append(b, `,"text":`...)
	b = appendString(b, text, textPlain(s, full, ep))
	return append(b, '}', '\n')
}

// textPlain returns the length of the start of the record text (of the
// Summary s, or nil) that is known to need no escaping in a JSON string:
// the pflog header's text, when ep, the length of the pflog cache entry's
// text if that needs no escaping, is the length of the header's text the
// record begins with; and then the source address, if it follows: the
// decoder's digits, hex, dots and colons (copied as they are by
// appendAddr too).
func textPlain(s *decoder.Summary, text []byte, ep int) int {
	if s == nil || !s.HasPflog || ep <= 0 || ep != min(s.PflogText, len(text)) {
		return 0
	}
	if src := s.SrcText; src[0] == ep && src[0] < src[1] && src[1] <= len(text) {
		return src[1]
	}
	return ep
}

// plainFrom reports whether s, whose first plain bytes need no escaping,
// needs none at all.
func plainFrom(s []byte, plain int) bool {
	if plain >= len(s) {
		return true
	}
	if len(s) < 16 {
		return isPlain(s[plain:])
	}
	i := plain + plainBlocks(s[plain:])
	if len(s)-i >= 16 {
		// A block refused (or none checked): by the word.
		i += plainWords(s[i:])
		if len(s)-i >= 8 {
			return false
		}
	}
	// The bytes from i are in the last 16.
	le := binary.LittleEndian
	return plain8(le.Uint64(s[len(s)-16:])) && plain8(le.Uint64(s[len(s)-8:]))
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string: '"' and '\\' escaped, control
// characters as \n, \t, \r, \b, \f or \u00XX (and DEL as \u007f), valid
// UTF-8 as is, and every byte that is not part of valid UTF-8 as \ufffd.
// Eight bytes at a time are checked for anything to escape, so the
// printable ASCII of a tcpdump record is copied in one piece.
func AppendString(b []byte, s []byte) []byte { return appendString(b, s, 0) }

// appendString is AppendString for an s whose first plain bytes need no
// escaping. It looks for the next byte to escape by the block
// (plainBlocks), the word and then the byte, and appends the plain run
// before it in one piece.
func appendString(b []byte, s []byte, plain int) []byte {
	const highs = 0x8080808080808080
	i := min(plain, len(s))
	b = append(b, '"')
	start := 0
	for i < len(s) {
		if len(s)-i >= 16 {
			i += plainBlocks(s[i:])
		}
		m := uint64(0)
		for len(s)-i >= 8 {
			if m = bad8(binary.LittleEndian.Uint64(s[i:])) & highs; m != 0 {
				break
			}
			i += 8
		}
		if m != 0 {
			// The lowest byte flagged is one to escape.
			i += bits.TrailingZeros64(m) >> 3
		} else {
			for i < len(s) && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' && s[i] < 0x7f {
				i++
			}
			if i == len(s) {
				break
			}
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(s[i:])
			if r != utf8.RuneError || size > 1 {
				i += size
				continue
			}
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		case '\r':
			b = append(b, '\\', 'r')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		default:
			if c >= utf8.RuneSelf {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainWords returns the length of the longest run of whole 8-byte words
// at the start of s in which no byte may need more than a copy: no
// control character, '"', '\\', DEL or byte >= 0x80 (which may start
// valid UTF-8; the byte loop decides). A word is refused when one of its
// bytes is one of those (and perhaps when a byte next to one is), never
// accepted with one.
func plainWords(s []byte) int {
	const highs = 0x8080808080808080
	le := binary.LittleEndian
	n := len(s)
	for len(s) >= 32 {
		_ = s[31]
		if (bad8(le.Uint64(s[0:8]))|bad8(le.Uint64(s[8:16]))|bad8(le.Uint64(s[16:24]))|bad8(le.Uint64(s[24:32])))&highs != 0 {
			break
		}
		s = s[32:]
	}
	for len(s) >= 8 {
		if !plain8(le.Uint64(s[:8])) {
			break
		}
		s = s[8:]
	}
	return n - len(s)
}

func plain8(w uint64) bool { return bad8(w)&0x8080808080808080 == 0 }

// bad8 has the high bit of a byte set where w has a byte to escape (and
// perhaps where a byte next to one is), never without one.
func bad8(w uint64) uint64 {
	const ones = 0x0101010101010101
	// A high bit is set in (w^0x02..)-0x21.. for a byte < 0x20, '"' or
	// >= 0xa0 (w^0x02 maps '"' to ' ', ' ' to '"', and the control
	// characters among themselves), in w+0x01.. for one from 0x7f to
	// 0xfe, and in (w^'\\'..)-0x01.. for '\\': every byte to escape
	// (0xff too, by the first) sets one. Borrows and carries across
	// bytes start only at such a byte, so the lowest of them is always
	// flagged.
	return ((w ^ 0x02*ones) - 0x21*ones) | (w + ones) | ((w ^ '\\'*ones) - ones)
}

// appendCString appends a fixed-size, NUL-terminated field of the pflog
// header as a JSON string, its bytes escaped as tcpdump prints them: a
// byte with the high bit set as "M-" and the low seven bits, a control
// character as "^" and the character 0x40 above it ("^?" for DEL).
func appendCString(b []byte, s []byte) []byte {
	b = append(b, '"')
	// Fast path: printable ASCII other than '"' and '\\' up to the NUL
	// (or the end) is copied in one piece.
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] < 0x7f && s[n] != '"' && s[n] != '\\' {
		n++
	}
	b = append(b, s[:n]...)
	if n == len(s) || s[n] == 0 {
		return append(b, '"')
	}
	for _, c := range s[n:] {
		if c == 0 {
			break
		}
		if c >= 0x80 {
			b = append(b, 'M', '-')
			c &= 0x7f
		}
		switch {
		case c < 0x20 || c == 0x7f:
			b = append(b, '^', c^0x40)
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// isPlain reports whether s needs no escaping in a JSON string: printable
// ASCII without '"' and '\\'.
func isPlain(s []byte) bool {
	i := plainWords(s)
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
