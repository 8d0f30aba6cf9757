package decoder

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
}

// appendSrc and appendDst append the header's addresses, recording where
// the outermost header's are.
func (ip *ipInfo) appendSrc(b []byte) []byte {
	s := len(b)
	b = appendAddr(b, ip.src)
	if ip.spans != nil {
		ip.spans.src = [2]int{s - ip.spans.base, len(b) - ip.spans.base}
	}
	return b
}

func (ip *ipInfo) appendDst(b []byte) []byte {
	s := len(b)
	b = appendAddr(b, ip.dst)
	if ip.spans != nil {
		ip.spans.dst = [2]int{s - ip.spans.base, len(b) - ip.spans.base}
	}
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
	b = ip.appendSrc(b)
	b = append(b, '.')
	b = appendUint(b, uint64(sport))
	b = append(b, " > "...)
	b = ip.appendDst(b)
	b = append(b, '.')
	return appendUint(b, uint64(dport))
}
