package decoder

import (
	"encoding/binary"
	"slices"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// ipInfo describes the IP header that encloses a transport or other
// protocol printer: what tcpdump's printers reach through ndo->ndo_... and
// the "ip" pointer they are handed.
type ipInfo struct {
	v6  bool
	src []byte // 4 or 16 bytes
	dst []byte
	// direct is true when the immediately enclosing header is the IPv4 or
	// IPv6 header itself with this protocol number: TCP, UDP, SCTP and
	// DCCP then print "SRC.SPORT > DST.DPORT: ", otherwise "SPORT > DPORT: ".
	direct bool
	// fragmented is tcpdump's "fragmented" argument: the MF bit of IPv4.
	fragmented bool
	// proto is the protocol field of the IP header itself (IPv4 ip_p, the
	// first IPv6 next header): printers compare it to their own number.
	proto uint8
	// ttl is the IPv4 TTL or the IPv6 hop limit (VRRP prints it when not 255).
	ttl uint8
	// spans, for the outermost header only, records where its addresses
	// were printed, for Summary.SrcText and DstText.
	spans *addrSpans
}

// addrSpans are the offsets of the outermost header's address text in the
// output buffer; base is where the record starts.
type addrSpans struct {
	base     int
	src, dst [2]int
	v6       *v6Names // the Decoder's, for the outermost header's addresses
}

// appendSrc and appendDst append the header's addresses, recording where
// the outermost header's are.
func (ip *ipInfo) appendSrc(b []byte) []byte {
	if ip.spans == nil {
		return appendAddr(b, ip.src)
	}
	return ip.spans.appendAddr(b, ip.src, ip.v6, &ip.spans.src)
}

func (ip *ipInfo) appendDst(b []byte) []byte {
	if ip.spans == nil {
		return appendAddr(b, ip.dst)
	}
	return ip.spans.appendAddr(b, ip.dst, ip.v6, &ip.spans.dst)
}

// appendAddr appends a, through the table of IPv6 names when there is
// one, and sets span to where it is in the record.
func (s *addrSpans) appendAddr(b []byte, a []byte, v6 bool, span *[2]int) []byte {
	start := len(b)
	if v6 && s.v6 != nil {
		b = s.v6.append(b, a)
	} else {
		b = appendAddr(b, a)
	}
	*span = [2]int{start - s.base, len(b) - s.base}
	return b
}

// appendAddr appends one address of the enclosing IP header.
func appendAddr(b []byte, a []byte) []byte {
	if len(a) == 4 {
		return appendIPv4(b, a)
	}
	return appendIPv6(b, a)
}

// appendAddrs appends "SRC > DST: ".
func (ip *ipInfo) appendAddrs(b []byte) []byte {
	b = ip.appendSrc(b)
	b = append(b, " > "...)
	b = ip.appendDst(b)
	return append(b, ':', ' ')
}

// appendAddrPorts appends "SRC.SPORT > DST.DPORT: " when the protocol sits
// directly in IP, else "SPORT > DPORT: " (tcpdump's tcpport/udpipaddr_print).
func (ip *ipInfo) appendAddrPorts(b []byte, sport, dport uint16) []byte {
	if ip.direct {
		b = ip.appendEndpoints(b, sport, dport)
		return append(b, ':', ' ')
	}
	b = appendUint(b, uint64(sport))
	b = append(b, " > "...)
	b = appendUint(b, uint64(dport))
	return append(b, ':', ' ')
}

// appendEndpoints appends "SRC.SPORT > DST.DPORT" whatever encloses the
// protocol (SCTP and DCCP always print the addresses).
func (ip *ipInfo) appendEndpoints(b []byte, sport, dport uint16) []byte {
	if len(ip.src) == 4 && len(ip.dst) == 4 {
		return ip.appendEndpoints4(b, sport, dport)
	}
	b = ip.appendSrc(b)
	b = append(b, '.')
	b = appendUint(b, uint64(sport))
	b = append(b, " > "...)
	b = ip.appendDst(b)
	b = append(b, '.')
	return appendUint(b, uint64(dport))
}

// v6Names remembers the text of recently printed IPv6 addresses, as
// tcpdump's address-name table does, in a fixed direct-mapped table: a
// firewall logs the same few thousand addresses again and again, and a
// hit costs a hash and a copy instead of the zero-run search and hex
// digits of appendIPv6. A collision only overwrites a slot.
type v6Names struct {
	slots [4096]v6Name
}

type v6Name struct {
	addr [16]byte
	n    uint8 // text length; 0: empty
	text [39]byte
}

// append appends the text of the 16-byte address a.
func (c *v6Names) append(b []byte, a []byte) []byte {
	k := [16]byte(a)
	h := (binary.LittleEndian.Uint64(k[:8])*0x9e3779b97f4a7c15 ^ binary.LittleEndian.Uint64(k[8:])) * 0xbf58476d1ce4e5b9
	e := &c.slots[h>>(64-12)]
	if e.n != 0 && e.addr == k {
		return append(b, e.text[:e.n]...)
	}
	start := len(b)
	b = appendIPv6(b, a)
	if n := len(b) - start; n <= len(e.text) {
		e.addr = k
		e.n = uint8(copy(e.text[:], b[start:]))
	}
	return b
}

// appendEndpoints4 is appendEndpoints for IPv4, written in place into
// one reservation: "a.b.c.d.SPORT > e.f.g.h.DPORT" is at most 49 bytes.
func (ip *ipInfo) appendEndpoints4(b []byte, sport, dport uint16) []byte {
	l := len(b)
	if cap(b)-l < 64 {
		b = slices.Grow(b, 64)
	}
	d := b[l : l+64]
	p := putIPv4(d, ip.src)
	d[p] = '.'
	p++
	p += putPort(d[p:], sport)
	srcEnd := p
	d[p], d[p+1], d[p+2] = ' ', '>', ' '
	p += 3
	dstStart := p
	p += putIPv4(d[p:], ip.dst)
	dstEnd := p
	d[p] = '.'
	p++
	p += putPort(d[p:], dport)
	if ip.spans != nil {
		base := l - ip.spans.base
		srcLen := srcEnd - 1 - decimalLen16(sport)
		ip.spans.src = [2]int{base, base + srcLen}
		ip.spans.dst = [2]int{base + dstStart, base + dstEnd}
	}
	return b[:l+p]
}

// putPort writes v at the start of d (which has room for 5 digits) and
// returns the number of digits.
func putPort(d []byte, v uint16) int { return numfmt.PutSmall(d, uint32(v)) }

func decimalLen16(v uint16) int {
	switch {
	case v >= 10000:
		return 5
	case v >= 1000:
		return 4
	case v >= 100:
		return 3
	case v >= 10:
		return 2
	}
	return 1
}
