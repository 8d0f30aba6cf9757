package decoder

import (
	"encoding/binary"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// ICMP (IPv4) printer, default verbosity, as tcpdump 4.99.5 prints it
// (print-icmp.c). tcpdump formats the whole text into a local buffer and
// prints "ICMP %s, length %u" only at the end, so any truncation leaves
// nothing of the ICMP text: the line reads "SRC > DST:  [|icmp]".

// icmpBufMax is the longest text tcpdump's buffer holds: FreeBSD's
// char buf[MAXHOSTNAMELEN + 100] with MAXHOSTNAMELEN 256, less the NUL.
// Only a router advertisement with many entries can reach it.
const icmpBufMax = 355

// printICMP prints an ICMP message. It is called after the core has
// printed "SRC > DST: ". data is the ICMP header onwards (to snapend),
// length the IP payload length from the IP header.
func printICMP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if ip != nil && ip.v6 {
		// ip_demux_print refuses ICMP over IPv6.
		return append(b, "[ICMP requires IPv4] (invalid)"...)
	}
	if len(data) >= 8 && (data[0] == 8 || data[0] == 0) {
		// Echo request and reply, most of ICMP: the whole line without
		// the buffer bookkeeping (its text is always short).
		return appendEcho(b, data, length, (data[0]>>3)&1)
	}
	start := len(b)
	b = append(b, "ICMP "...)
	s := len(b)
	b, ok := icmpAppendText(b, data)
	if !ok {
		return appendTrunc(b[:start], "icmp")
	}
	if len(b)-s > icmpBufMax {
		b = b[:s+icmpBufMax]
	}
	b = append(b, ", length "...)
	return appendUint(b, uint64(uint32(length)))
}

// echoWords holds the start of an echo line up to its id as
// little-endian words, three of each, for ICMP reply and request and
// ICMPv6 reply and request; echoLen their lengths.
var echoWords = [4][3]uint64{
	wordsOf("ICMP echo reply, id "), wordsOf("ICMP echo request, id "),
	wordsOf("ICMP6, echo reply, id "), wordsOf("ICMP6, echo request, id "),
}
var echoLen = [4]int{
	len("ICMP echo reply, id "), len("ICMP echo request, id "),
	len("ICMP6, echo reply, id "), len("ICMP6, echo request, id "),
}

// The rest of the echo line's fixed text as little-endian words: ", seq "
// and ", length" (the space after it is a byte of its own).
var echoSeqWord, echoLengthWord = wordsOf(", seq ")[0], wordsOf(", length")[0]

// wordsOf returns s, at most 24 bytes, as three little-endian words, the
// bytes past its end zero.
func wordsOf(s string) (w [3]uint64) {
	var a [24]byte
	copy(a[:], s)
	for i := range w {
		w[i] = binary.LittleEndian.Uint64(a[8*i:])
	}
	return w
}

// echoRoom is the most appendEcho writes past len(b): the text up to
// the length (at most 24+5+6+5+9 bytes, with whole words written past
// some of them) and AppendUint24's 24.
const echoRoom = 56 + 24

// appendEcho appends "ICMP echo request, id I, seq S, length L" and its
// kin, as echoWords[k&3] starts it, data being at least 8 bytes long.
func appendEcho(b []byte, data []byte, length int, k uint8) []byte {
	if cap(b)-len(b) < echoRoom {
		b = append(b, make([]byte, echoRoom)...)[:len(b)]
	}
	l := len(b)
	d := (*[echoRoom]byte)(b[l : l+echoRoom])
	w := &echoWords[k&3]
	binary.LittleEndian.PutUint64(d[0:], w[0])
	binary.LittleEndian.PutUint64(d[8:], w[1])
	binary.LittleEndian.PutUint64(d[16:], w[2])
	n := echoLen[k&3]
	n += numfmt.PutPort((*[5]byte)(d[n:][:5]), be16(data[4:]))
	binary.LittleEndian.PutUint64(d[n&63:], echoSeqWord)
	n += 6
	n += numfmt.PutPort((*[5]byte)(d[n&63:][:5]), be16(data[6:]))
	binary.LittleEndian.PutUint64(d[n&63:], echoLengthWord)
	d[(n+8)&63] = ' '
	return numfmt.AppendUint24(b[:l+n+9], uint64(uint32(length)))
}

// icmpUnreachText holds the unreachable codes that take the form
// PREFIX D SUFFIX; index by code. Codes 2, 3, 4 and >15 are handled apart.
var icmpUnreachText = [16]struct{ pre, suf string }{
	0:  {"net ", " unreachable"},
	1:  {"host ", " unreachable"},
	5:  {"", " unreachable - source route failed"},
	6:  {"net ", " unreachable - unknown"},
	7:  {"host ", " unreachable - unknown"},
	8:  {"", " unreachable - source host isolated"},
	9:  {"net ", " unreachable - admin prohibited"},
	10: {"host ", " unreachable - admin prohibited"},
	11: {"net ", " unreachable - tos prohibited"},
	12: {"host ", " unreachable - tos prohibited"},
	13: {"host ", " unreachable - admin prohibited filter"},
	14: {"host ", " unreachable - host precedence violation"},
	15: {"host ", " unreachable - precedence cutoff"},
}

// icmpAppendText appends the text tcpdump builds in its buffer. ok is
// false when a field it needs was not captured.
func icmpAppendText(b []byte, d []byte) ([]byte, bool) {
	if len(d) < 2 {
		return b, false
	}
	typ, code := d[0], d[1]
	switch typ {
	case 0, 8:
		if len(d) < 8 {
			return b, false
		}
		if typ == 8 {
			b = append(b, "echo request, id "...)
		} else {
			b = append(b, "echo reply, id "...)
		}
		b = appendUint(b, uint64(be16(d[4:])))
		b = append(b, ", seq "...)
		return appendUint(b, uint64(be16(d[6:]))), true

	case 3:
		// Every code prints the quoted destination (offset 8+16).
		if len(d) < 28 {
			return b, false
		}
		dst := d[24:28]
		switch code {
		case 2:
			b = appendIPv4(b, dst)
			b = append(b, " protocol "...)
			b = appendUint(b, uint64(d[17]))
			return append(b, " unreachable"...), true
		case 3:
			hlen := int(d[8]&0x0f) * 4
			if len(d) < 8+hlen+4 {
				return b, false
			}
			dport := be16(d[8+hlen+2:])
			b = appendIPv4(b, dst)
			switch d[17] {
			case 6:
				b = append(b, " tcp port "...)
			case 17:
				b = append(b, " udp port "...)
			default:
				b = append(b, " protocol "...)
				b = appendUint(b, uint64(d[17]))
				b = append(b, " port "...)
			}
			b = appendUint(b, uint64(dport))
			return append(b, " unreachable"...), true
		case 4:
			mtu := be16(d[6:])
			b = appendIPv4(b, dst)
			b = append(b, " unreachable - need to frag"...)
			if mtu != 0 {
				b = append(b, " (mtu "...)
				b = appendUint(b, uint64(mtu))
				b = append(b, ')')
			}
			return b, true
		}
		if int(code) < len(icmpUnreachText) {
			t := icmpUnreachText[code]
			b = append(b, t.pre...)
			b = appendIPv4(b, dst)
			return append(b, t.suf...), true
		}
		b = appendIPv4(b, dst)
		b = append(b, " unreachable - #"...)
		return appendUint(b, uint64(code)), true

	case 5:
		if len(d) < 28 {
			return b, false
		}
		var mid string
		switch code {
		case 0:
			b, mid = append(b, "redirect "...), " to net "
		case 1:
			b, mid = append(b, "redirect "...), " to host "
		case 2:
			b, mid = append(b, "redirect-tos "...), " to net "
		case 3:
			b, mid = append(b, "redirect-tos "...), " to host "
		default:
			b = append(b, "redirect-#"...)
			b = appendUint(b, uint64(code))
			b, mid = append(b, ' '), " to "
		}
		b = appendIPv4(b, d[24:28])
		b = append(b, mid...)
		return appendIPv4(b, d[4:8]), true

	case 9:
		if len(d) < 8 {
			return b, false
		}
		b = append(b, "router advertisement lifetime "...)
		lt := uint64(be16(d[6:]))
		switch {
		case lt < 60:
			b = appendUint(b, lt)
		case lt < 3600:
			b = appendUint(b, lt/60)
			b = append(b, ':')
			b = appendUintPad(b, lt%60, 2)
		default:
			b = appendUint(b, lt/3600)
			b = append(b, ':')
			b = appendUintPad(b, (lt%3600)/60, 2)
			b = append(b, ':')
			b = appendUintPad(b, lt%60, 2)
		}
		num := int(d[4])
		b = append(b, ' ')
		b = appendUint(b, uint64(num))
		b = append(b, ':')
		if size := d[5]; size != 2 {
			b = append(b, " [size "...)
			b = appendUint(b, uint64(size))
			return append(b, ']'), true
		}
		for i := 0; i < num; i++ {
			off := 8 + 8*i
			if len(d) < off+8 {
				return b, false
			}
			b = append(b, " {"...)
			b = appendIPv4(b, d[off:off+4])
			b = append(b, ' ')
			b = appendUint(b, uint64(be32(d[off+4:])))
			b = append(b, '}')
		}
		return b, true

	case 11:
		if len(d) < 28 {
			return b, false
		}
		switch code {
		case 0:
			return append(b, "time exceeded in-transit"...), true
		case 1:
			return append(b, "ip reassembly time exceeded"...), true
		}
		b = append(b, "time exceeded-#"...)
		return appendUint(b, uint64(code)), true

	case 12:
		if code != 0 {
			b = append(b, "parameter problem - code "...)
			return appendUint(b, uint64(code)), true
		}
		if len(d) < 5 {
			return b, false
		}
		b = append(b, "parameter problem - octet "...)
		return appendUint(b, uint64(d[4])), true

	case 18:
		if len(d) < 12 {
			return b, false
		}
		b = append(b, "address mask is 0x"...)
		return appendHexPad(b, uint64(be32(d[8:])), 8), true

	case 13:
		if len(d) < 8 {
			return b, false
		}
		b = append(b, "time stamp query id "...)
		b = appendUint(b, uint64(be16(d[4:])))
		b = append(b, " seq "...)
		return appendUint(b, uint64(be16(d[6:]))), true

	case 14:
		if len(d) < 20 {
			return b, false
		}
		b = append(b, "time stamp reply id "...)
		b = appendUint(b, uint64(be16(d[4:])))
		b = append(b, " seq "...)
		b = appendUint(b, uint64(be16(d[6:])))
		b = append(b, ": org "...)
		b = icmpAppendTstamp(b, be32(d[8:]))
		b = append(b, ", recv "...)
		b = icmpAppendTstamp(b, be32(d[12:]))
		b = append(b, ", xmit "...)
		return icmpAppendTstamp(b, be32(d[16:])), true

	case 4:
		return append(b, "source quench"...), true
	case 10:
		return append(b, "router solicitation"...), true
	case 15:
		return append(b, "information request"...), true
	case 16:
		return append(b, "information reply"...), true
	case 17:
		return append(b, "address mask request"...), true
	}
	b = append(b, "type-#"...)
	return appendUint(b, uint64(typ)), true
}

// icmpAppendTstamp appends milliseconds since midnight UTC as
// "%02u:%02u:%02u.%03u" (hours are not reduced modulo 24).
func icmpAppendTstamp(b []byte, t uint32) []byte {
	ms := uint64(t % 1000)
	sec := uint64(t / 1000)
	min := sec / 60
	sec -= min * 60
	hrs := min / 60
	min -= hrs * 60
	b = appendUintPad(b, hrs, 2)
	b = append(b, ':')
	b = appendUintPad(b, min, 2)
	b = append(b, ':')
	b = appendUintPad(b, sec, 2)
	b = append(b, '.')
	return appendUintPad(b, ms, 3)
}
