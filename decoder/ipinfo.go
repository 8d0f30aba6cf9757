package decoder

import (
	"encoding/binary"
	"slices"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// ipInfo describes the IP header that encloses a transport or other
// protocol printer: what tcpdump's printers reach through ndo->ndo_... and
// the "ip" pointer they are handed. printIP4Header and printIP6Header set
// every field, one by one.
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
	// were printed, for Summary.SrcText and DstText; nil for an IPv4
	// header under NoSummary (IPv6's printers need its table of names).
	spans *addrSpans
}

// addrSpans are the offsets of the outermost header's address text in the
// output buffer; base is where the record starts.
type addrSpans struct {
	base     int
	src, dst [2]int
	v6       *v6Names // the Decoder's, for the outermost header's addresses
}

// appendAddr appends one address of the enclosing IP header.
func appendAddr(b []byte, a []byte) []byte {
	if len(a) == 4 {
		return appendIPv4(b, a)
	}
	return appendIPv6(b, a)
}

// appendAddrs appends "SRC > DST: ", written in place into one
// reservation.
func (ip *ipInfo) appendAddrs(b []byte) []byte {
	l := len(b)
	if cap(b)-l < endpoints6Room {
		b = slices.Grow(b, endpoints6Room)
	}
	d := (*[endpoints6Room]byte)(b[l : l+endpoints6Room])
	var srcEnd, dstStart, dstEnd int
	if ip.v6 {
		srcEnd = ip.put6((*[ip6Room]byte)(d[:ip6Room]), ip.src) & 63 // at most 39
		binary.LittleEndian.PutUint32(d[srcEnd:][:4], ' '|'>'<<8|' '<<16)
		dstStart = srcEnd + 3
		dstEnd = (dstStart + ip.put6((*[ip6Room]byte)(d[dstStart:][:ip6Room]), ip.dst)) & 127
	} else {
		srcEnd = (putIPv4((*[20]byte)(d[:20]), ip.src) - 1) & 15 // without the dot
		binary.LittleEndian.PutUint32(d[srcEnd:][:4], ' '|'>'<<8|' '<<16)
		dstStart = srcEnd + 3
		dstEnd = (dstStart + putIPv4((*[20]byte)(d[dstStart:][:20]), ip.dst) - 1) & 63
	}
	binary.LittleEndian.PutUint16(d[dstEnd:][:2], ':'|' '<<8)
	if sp := ip.spans; sp != nil {
		base := l - sp.base
		sp.src = [2]int{base, base + srcEnd}
		sp.dst = [2]int{base + dstStart, base + dstEnd}
	}
	return b[:l+dstEnd+2]
}

// appendAddrPorts appends "SRC.SPORT > DST.DPORT: " when the protocol sits
// directly in IP, else "SPORT > DPORT: " (tcpdump's tcpport/udpipaddr_print).
// It calls nothing but last, and so saves nothing on the stack.
func (ip *ipInfo) appendAddrPorts(b []byte, sport, dport uint16) []byte {
	switch {
	case !ip.direct:
		return appendPorts(b, sport, dport)
	case ip.v6:
		return ip.appendEndpoints6(b, sport, dport, true)
	case cap(b)-len(b) < endpoints4Room:
		return ip.appendEndpoints4Grow(b, sport, dport, true)
	}
	return ip.appendEndpoints4(b, sport, dport, true)
}

// appendPorts appends "SPORT > DPORT: ".
func appendPorts(b []byte, sport, dport uint16) []byte {
	b = appendUint(b, uint64(sport))
	b = append(b, " > "...)
	b = appendUint(b, uint64(dport))
	return append(b, ':', ' ')
}

// appendEndpoints4Grow is appendEndpoints4 for a b without the room.
func (ip *ipInfo) appendEndpoints4Grow(b []byte, sport, dport uint16, colon bool) []byte {
	return ip.appendEndpoints4(slices.Grow(b, endpoints4Room), sport, dport, colon)
}

// appendEndpoints appends "SRC.SPORT > DST.DPORT" whatever encloses the
// protocol (SCTP and DCCP always print the addresses).
func (ip *ipInfo) appendEndpoints(b []byte, sport, dport uint16) []byte {
	switch {
	case ip.v6:
		return ip.appendEndpoints6(b, sport, dport, false)
	case cap(b)-len(b) < endpoints4Room:
		return ip.appendEndpoints4Grow(b, sport, dport, false)
	}
	return ip.appendEndpoints4(b, sport, dport, false)
}

// v6Names remembers the text of recently printed IPv6 addresses, as
// tcpdump's address-name table does, in a fixed two-way set-associative
// table: a firewall logs the same few thousand addresses again and again,
// and a hit costs a hash and a copy instead of the zero-run search and hex
// digits of appendIPv6. A miss puts the address first in its set and
// moves the first one second, forgetting the second.
type v6Names struct {
	sets [4096][2]v6Name
}

type v6Name struct {
	addr [16]byte
	text [40]byte // the text (at most 39 bytes), copied whole
	n    uint8    // text length; 0: empty
}

// append appends the text of the 16-byte address a (what put writes).
func (c *v6Names) append(b []byte, a []byte) []byte {
	l := len(b)
	if cap(b)-l < ip6Room {
		b = slices.Grow(b, ip6Room)
	}
	return b[:l+c.put((*[ip6Room]byte)(b[l:l+ip6Room]), a)]
}

// v6Set returns the number of a's set.
func v6Set(a *[16]byte) uint64 {
	h := (binary.LittleEndian.Uint64(a[:8])*0x9e3779b97f4a7c15 ^ binary.LittleEndian.Uint64(a[8:])) * 0xbf58476d1ce4e5b9
	return h >> (64 - 12)
}

// put writes the text of a at the start of d and returns its length;
// without a table (c nil), putIPv6's.
func (c *v6Names) put(d *[ip6Room]byte, s []byte) int {
	a := [16]byte(s)
	if c == nil {
		return putIPv6(d, a)
	}
	set := &c.sets[v6Set(&a)]
	if e := &set[0]; e.n != 0 && e.addr == a {
		*(*[40]byte)(d[:40]) = e.text
		return int(e.n)
	}
	if e := &set[1]; e.n != 0 && e.addr == a {
		*(*[40]byte)(d[:40]) = e.text
		return int(e.n)
	}
	n := putIPv6(d, a)
	set[1] = set[0]
	set[0] = v6Name{a, [40]byte(d[:40]), uint8(n)}
	return n
}

// put6 writes the text of the IPv6 address a of the header at the start
// of d, through the table of IPv6 names for the outermost header's, and
// returns its length.
func (ip *ipInfo) put6(d *[ip6Room]byte, a []byte) int {
	var c *v6Names
	if s := ip.spans; s != nil {
		c = s.v6
	}
	return c.put(d, a)
}

// endpoints6Room is the room appendEndpoints6 needs past len(b): the text
// is at most 95 bytes, the stores' positions are masked to prove them in
// bounds.
const endpoints6Room = 136

// appendEndpoints6 is appendEndpoints for IPv6, with ": " after it when
// colon is set, written in place into one reservation.
func (ip *ipInfo) appendEndpoints6(b []byte, sport, dport uint16, colon bool) []byte {
	l := len(b)
	if cap(b)-l < endpoints6Room {
		b = slices.Grow(b, endpoints6Room)
	}
	d := (*[endpoints6Room]byte)(b[l : l+endpoints6Room])
	srcEnd := ip.put6((*[ip6Room]byte)(d[:ip6Room]), ip.src) & 63 // at most 39
	d[srcEnd] = '.'
	p := srcEnd + 1 + numfmt.PutPort((*[5]byte)(d[srcEnd+1:][:5]), sport)
	binary.LittleEndian.PutUint32(d[p&63:][:4], ' '|'>'<<8|' '<<16)
	dstStart := (p + 3) & 63 // at most 48
	dstEnd := (dstStart + ip.put6((*[ip6Room]byte)(d[dstStart:][:ip6Room]), ip.dst)) & 127
	d[dstEnd] = '.'
	p = dstEnd + 1 + numfmt.PutPort((*[5]byte)(d[dstEnd+1:][:5]), dport)
	if colon {
		binary.LittleEndian.PutUint16(d[p&127:][:2], ':'|' '<<8)
		p += 2
	}
	if sp := ip.spans; sp != nil {
		base := l - sp.base
		sp.src = [2]int{base, base + srcEnd}
		sp.dst = [2]int{base + dstStart, base + dstEnd}
	}
	return b[:l+p]
}

// endpoints4Room is the room appendEndpoints4 needs past len(b): the
// text is at most 51 bytes, the stores' positions are masked to prove
// them in bounds.
const endpoints4Room = 80

// appendEndpoints4 is appendEndpoints for IPv4, with ": " after it when
// colon is set, for a b with endpoints4Room bytes of room: each octet with
// its dot is one 4-byte store, each port one or two, " > " one. It calls
// nothing, and so saves nothing on the stack.
func (ip *ipInfo) appendEndpoints4(b []byte, sport, dport uint16, colon bool) []byte {
	l := len(b)
	d := (*[endpoints4Room]byte)(b[l : l+endpoints4Room])
	src, dst := ip.src[:4], ip.dst[:4]
	s := (*[20]byte)(d[:20])
	p := putOctet(s, 0, src[0])
	p = putOctet(s, p, src[1])
	p = putOctet(s, p, src[2])
	srcEnd := putOctet(s, p, src[3]) // with the dot: at most 16
	p = srcEnd + numfmt.PutPort((*[5]byte)(d[srcEnd&31:][:5]), sport)
	binary.LittleEndian.PutUint32(d[p&31:][:4], ' '|'>'<<8|' '<<16)
	dstStart := (p + 3) & 31 // at most 24
	s = (*[20]byte)(d[dstStart:][:20])
	p = putOctet(s, 0, dst[0])
	p = putOctet(s, p, dst[1])
	p = putOctet(s, p, dst[2])
	dstEnd := dstStart + putOctet(s, p, dst[3]) // with the dot
	p = dstEnd + numfmt.PutPort((*[5]byte)(d[dstEnd&63:][:5]), dport)
	if colon {
		binary.LittleEndian.PutUint16(d[p&63:][:2], ':'|' '<<8)
		p += 2
	}
	if sp := ip.spans; sp != nil {
		base := l - sp.base
		sp.src = [2]int{base, base + srcEnd - 1}
		sp.dst = [2]int{base + dstStart, base + dstEnd - 1}
	}
	return b[:l+p]
}
