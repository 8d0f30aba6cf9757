package pcapgen

import "encoding/binary"

// The "tail" mix: the long tail of real traffic that a pf host logs now
// and then and that the other mixes leave out. Every packet is one of:
//   - pfsync (IP protocol 240) of protocol versions other than FreeBSD's 5
//     in oracle mode (Debian's tcpdump has no pfsync printer; the awk
//     script writes FreeBSD's one-line text from the -info facts), and
//     version 5 with subheaders otherwise;
//   - CARP and VRRP (IP protocol 112), which tcpdump's VRRP printer
//     prints by the version field they carry;
//   - OSI over GRE (protocol 0x00fe): IS-IS PDUs, ES-IS, CLNP, NULL,
//     unknown NLPIDs, IPv4 behind NLPID 0xcc, and PDUs cut short;
//   - IPv6 jumbograms: a Hop-by-Hop header with a Jumbo Payload option
//     and a payload length of 0, the wire length above 65535, some
//     claiming more than the packet holds, and Hop-by-Hop headers with a
//     payload length of 0 and no valid jumbo option;
//   - IPv6 segment routing headers (type 4), some with an odd length;
//   - AFS RX fileserver StoreStatus calls with dates.

const protoPFSYNC = 240

func (g *Generator) tail(info *pktInfo) {
	r := g.r
	switch k := r.intn(6); k {
	case 0:
		g.tailPFSYNC(info)
	case 1:
		g.tailVRRP(info)
	case 2:
		g.tailOSI(info)
	case 3:
		g.tailJumbo(info)
	case 4:
		g.tailSRH(info)
	default:
		g.tailRX(info)
	}
}

func (g *Generator) tailPFSYNC(info *pktInfo) {
	r := g.r
	g.ipHeader(g.v4addr(), v4(224, 0, 0, 240), info, false)
	p := &g.p
	p.proto(protoPFSYNC)
	versions := []uint8{0, 6, 4, 1}
	if g.cfg.Oracle == OracleOff {
		versions = append(versions, 5, 5, 5)
	}
	ver := pick(r, versions)
	start := len(p.b)
	p.b = append(p.b, ver, 0, 0, 0)
	p.b = r.fill(p.b, 16) // the MD5 checksum field
	// Subheaders: a few actions, most with their records, then EOF.
	sizes := map[uint8]int{0: 20, 2: 12, 4: 84, 5: 12, 7: 12, 10: 12, 13: 277, 14: 277, 1: 242, 3: 242, 6: 242}
	acts := []uint8{4, 4, 7, 2, 10, 0, 13, 14, 1, 5, 11, 8, 20}
	for i, n := 0, r.intn(4); i < n; i++ {
		a := pick(r, acts)
		cnt := r.between(0, 2)
		p.b = append(p.b, a, 0, 0, byte(cnt))
		p.b = r.fill(p.b, sizes[a]*cnt)
	}
	if r.chance(0.8) {
		p.b = append(p.b, 12, 0, 0, 0) // EOF
	}
	l := len(p.b) - start
	switch r.intn(5) {
	case 0:
		l += r.between(1, 40) // a header length beyond the packet
	case 1:
		l = r.intn(65536)
	}
	binary.BigEndian.PutUint16(p.b[start+2:], uint16(l))
	if r.chance(0.15) {
		p.b = p.b[:start+r.intn(20)] // shorter than the header
	}
	info.l4, info.l4proto = p.l4, p.l4proto
}

func (g *Generator) tailVRRP(info *pktInfo) {
	r := g.r
	v6 := r.chance(0.25)
	src, dst := g.v4addr(), v4(224, 0, 0, 18)
	if v6 {
		src, dst = g.v6addr(), v6multicast(0x12)
	}
	g.ipHeader(src, dst, info, false)
	p := &g.p
	p.proto(protoVRRP)
	switch r.intn(5) {
	case 0, 1: // CARP: version 2, advertisement; vhid, advskew, authlen, demote, advbase
		p.b = append(p.b, 0x21, byte(r.between(1, 255)), byte(r.intn(255)), 7, 0, byte(r.intn(3)), 0, 0)
		p.b = put32(p.b, r.u32())
		p.b = put32(p.b, r.u32())
		p.b = r.fill(p.b, 20) // the HMAC
	case 2: // VRRPv2 with its address list and authentication
		p.b = append(p.b, 0x21, byte(r.between(1, 255)), byte(r.intn(256)), 1, byte(r.intn(3)), byte(r.intn(5)), 0, 0)
		p.b = append(p.b, 192, 0, 2, byte(r.between(1, 254)))
		p.b = append(p.b, "secret\x00\x00"...)
	case 3: // VRRPv3
		p.b = append(p.b, 0x31, byte(r.between(1, 255)), byte(r.intn(256)), 1, byte(r.intn(16)), byte(r.intn(256)), 0, 0)
		if v6 {
			a := g.v6addr()
			p.b = append(p.b, a.a[:]...)
		} else {
			p.b = append(p.b, 192, 0, 2, byte(r.between(1, 254)))
		}
	default: // other versions and types: only the first line
		p.b = append(p.b, pick(r, []byte{0x11, 0x22, 0x41, 0x2f, 0x01}), 1, 100, 1, 0, 1, 0, 0)
	}
	if r.chance(0.5) {
		// CARP and VRRP go out with TTL 255; other values print.
		if v6 {
			p.b[7] = 255
		} else {
			p.b[8] = 255
		}
	}
	info.l4, info.l4proto = p.l4, p.l4proto
}

// isisID appends a 6-byte system ID of a router.
func (g *Generator) isisID(b []byte) []byte {
	r := g.r
	if r.chance(0.2) {
		return append(b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	}
	return append(b, 0x19, 0x21, 0x68, 0x00, byte(r.intn(256)), byte(r.between(1, 255)))
}

// osiPDU appends one OSI PDU as GRE carries it.
func (g *Generator) osiPDU(b []byte) []byte {
	r := g.r
	start := len(b)
	isis := func(typ, fixed byte) []byte {
		return append(b, 0x83, fixed, 1, pick(r, []byte{0, 6}), typ, 1, 0, pick(r, []byte{0, 3, 0}))
	}
	switch r.intn(13) {
	case 0, 1: // L1/L2 LSP
		b = isis(pick(r, []byte{18, 20}), 27)
		b = put16(b, uint16(27+r.intn(40)))
		b = put16(b, pick(r, []uint16{65535, 1200, 0, 99, 1199}))
		b = g.isisID(b)
		b = append(b, byte(r.intn(2)), byte(r.intn(3)))
		b = put32(b, pick(r, []uint32{0xffffffff, 1, r.u32()}))
		b = put16(b, r.u16())
		b = append(b, 0x03)
		b = append(b, 1, 2, 0x49, 0x00) // an area TLV
	case 2: // LAN IIH
		b = isis(pick(r, []byte{15, 16}), 27)
		b = append(b, 3)
		b = g.isisID(b)
		b = put16(b, 30)
		b = put16(b, 1497)
		b = append(b, byte(r.intn(128)))
		b = g.isisID(b)
		b = append(b, byte(r.between(1, 3)))
	case 3: // p2p IIH
		b = isis(17, 20)
		b = append(b, 3)
		b = g.isisID(b)
		b = put16(b, 30)
		b = put16(b, 1497)
		b = append(b, 1)
	case 4: // CSNP
		b = isis(pick(r, []byte{24, 25}), 33)
		b = put16(b, 33)
		b = g.isisID(b)
		b = append(b, 0)
		b = append(b, 0, 0, 0, 0, 0, 0, 0, 0)
		b = append(b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	case 5: // PSNP
		b = isis(pick(r, []byte{26, 27}), 17)
		b = put16(b, 17)
		b = g.isisID(b)
		b = append(b, 0)
	case 6: // odd IS-IS headers: bad version, ID length, fixed length, type
		switch r.intn(5) {
		case 0:
			b = append(b, 0x83, 27, 2, 0, 18, 1, 0, 0)
		case 1:
			b = append(b, 0x83, 27, 1, 4, 18, 1, 0, 0)
		case 2:
			b = isis(pick(r, []byte{18, 15, 17, 24, 26}), byte(r.between(8, 40)))
		case 3:
			b = isis(pick(r, []byte{1, 19, 30}), 8)
		default:
			b = append(b, 0x83, 27, 1, 0, 18, 1, 0, 255)
		}
		b = r.fill(b, r.intn(30))
	case 7: // ES-IS
		b = append(b, 0x82, byte(pick(r, []int{15, 9, 40, 20})), 1, 0, pick(r, []byte{2, 4, 6, 9}), 0, 30, 0, 0)
		b = append(b, 1, 0x0a, 0x49, 0, 1, 0x19, 0x21, 0x68, 0, 0x10, 0x01, 0)
	case 8: // CLNP data
		b = append(b, 0x81, 0, 1, 30, pick(r, []byte{0x9c, 0x1c, 0x1e, 0x01, 0x1f, 0x05}), 0, 60, 0, 0)
		b = append(b, 10, 0x49, 0, 1, 0x19, 0x21, 0x68, 0, 0x10, 0x01, 0)
		b = append(b, 10, 0x49, 0, 1, 0x19, 0x21, 0x68, 0, 0x10, 0x02, 0)
		b[start+1] = byte(len(b) - start) // the length indicator covers the addresses
		b = append(b, "payload"...)
	case 9: // CLNP with a bad length indicator or version
		b = append(b, 0x81, pick(r, []byte{5, 200, 12}), pick(r, []byte{1, 1, 2}), 30, 0x1c, 0, 40, 0, 0, 3, 0x49, 0, 1, 3, 0x49, 0, 2)
	case 10: // NULL and unknown NLPIDs
		b = append(b, pick(r, []byte{0x00, 0x85, 0x09, 0x80, 0x42}))
		b = r.fill(b, r.intn(24))
	case 11: // IPv4 behind NLPID 0xcc
		b = append(b, 0xcc)
		g.q.ipv4(v4(192, 0, 2, 1), v4(198, 51, 100, 1), 64, 0, r.u16(), false, nil)
		g.q.proto(protoICMP)
		g.q.b = append(g.q.b, 8, 0, 0, 0, 0, 5, 0, 6)
		g.q.finish()
		b = append(b, g.q.b...)
	default: // ES-IS too short for a header
		b = append(b, 0x82, 2)
	}
	return b
}

func (g *Generator) tailOSI(info *pktInfo) {
	r := g.r
	v6 := r.chance(0.2)
	src, dst := g.addrs(v6)
	g.ipHeader(src, dst, info, false)
	p := &g.p
	p.proto(protoGRE)
	p.b = append(p.b, 0, 0, 0, 0xfe)
	p.b = g.osiPDU(p.b)
	if r.chance(0.12) {
		// Cut inside the PDU, after the GRE header: the IP lengths still
		// cover it (a snaplen cut, not a corrupted length).
		info.cut = p.l4 + 4 + r.intn(len(p.b)-p.l4-4)
	}
	info.tunnel = true
	info.l4, info.l4proto = p.l4, p.l4proto
}

// tailJumbo writes an IPv6 jumbogram: payload length 0, a Hop-by-Hop
// header with a Jumbo Payload option, and an upper layer whose claimed
// length is the jumbo length; the record holds only its first bytes.
func (g *Generator) tailJumbo(info *pktInfo) {
	r := g.r
	g.ipHeader(g.v6addr(), g.v6addr(), info, false)
	p := &g.p
	jumbo := uint32(65536 + r.intn(4000))
	k := r.intn(6)
	opt := []byte{0, 0xc2, 4, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(opt[3:], jumbo)
	switch k {
	case 4: // a jumbo length below 65536 is not valid
		binary.BigEndian.PutUint32(opt[3:], uint32(r.intn(65536)))
	case 5: // no jumbo option at all
		opt = []byte{0, 1, 4, 0, 0, 0, 0}
	}
	g.ext(info, protoHBH, opt)
	switch r.intn(3) {
	case 0:
		p.proto(protoUDP)
		p.b = appendUDP(p.b, uint16(r.between(1024, 65535)), pick(r, []uint16{9999, 4000, 33434}), r.fill(nil, 24))
		binary.BigEndian.PutUint16(p.b[p.l4+4:], 0) // UDP length 0: a jumbo datagram
	case 1:
		p.proto(protoTCP)
		p.b = appendTCP(p.b, uint16(r.between(1024, 65535)), 443, r.u32(), r.u32(), fACK|fPSH, 512, 0, nil, r.fill(nil, 24))
	default:
		p.proto(protoICMPv6)
		p.b = append(p.b, 128, 0, 0, 0)
		p.b = put16(p.b, r.u16())
		p.b = put16(p.b, r.u16())
		p.b = r.fill(p.b, 24)
	}
	info.l4, info.l4proto = p.l4, p.l4proto
	// The wire length: what the jumbo option says, or one byte less (the
	// option then claims more than the packet holds).
	wire := 40 + int(jumbo)
	if k == 3 {
		wire--
	}
	info.jumboWire = wire
}

func (g *Generator) tailSRH(info *pktInfo) {
	r := g.r
	g.ipHeader(g.v6addr(), g.v6addr(), info, false)
	p := &g.p
	n := r.between(1, 3)
	l := 2 * n
	if r.chance(0.4) {
		l = 2*n + 1 // odd: tcpdump stops at it
	}
	body := []byte{byte(l), 4, byte(r.intn(n + 1)), byte(n - 1), byte(pick(r, []int{0, 0, 0x80})), 0, 0}
	binary.BigEndian.PutUint16(body[5:], pick(r, []uint16{0, 0, 0x1234}))
	for i := 0; i < n; i++ {
		a := g.v6addr()
		body = append(body, a.a[:]...)
	}
	if l%2 == 1 {
		body = append(body, make([]byte, 8)...)
	}
	g.ext(info, protoRT6, body)
	p.proto(protoUDP)
	p.b = appendUDP(p.b, uint16(r.between(1024, 65535)), 9999, []byte("srh"))
	info.l4, info.l4proto = p.l4, p.l4proto
}

// tailRX writes an AFS RX call to the fileserver (port 7000), most of
// them StoreStatus with a modification date.
func (g *Generator) tailRX(info *pktInfo) {
	r := g.r
	g.ipHeader(g.v4addr(), g.v4addr(), info, false)
	p := &g.p
	p.proto(protoUDP)
	var rx []byte
	rx = put32(rx, r.u32())
	rx = put32(rx, r.u32()&^3)
	rx = put32(rx, uint32(r.between(1, 100)))
	rx = put32(rx, 1)
	rx = put32(rx, 1)
	rx = append(rx, 1, 1, 0, 0, 0, 0, 0, 1) // data, client-initiated, service 1
	op := pick(r, []uint32{135, 135, 135, 133})
	rx = put32(rx, op)
	rx = put32(rx, uint32(r.between(1, 1000))) // fid
	rx = put32(rx, uint32(r.between(1, 1000)))
	rx = put32(rx, uint32(r.between(1, 1000)))
	mask := pick(r, []uint32{1, 0x0f, 0x1f, 0x401, 9})
	date := pick(r, []uint32{942356784, 0, 2147483647, 0x80000000, 1700000000 + uint32(r.intn(1e8))})
	rx = put32(rx, mask)
	rx = put32(rx, date)
	rx = put32(rx, uint32(r.intn(1000)))
	rx = put32(rx, uint32(r.intn(1000)))
	rx = put32(rx, 0o644)
	rx = put32(rx, 0)
	if op == 133 { // StoreData: offset, length, file length
		rx = put32(rx, 0)
		rx = put32(rx, 10)
		rx = put32(rx, 10)
	}
	p.b = appendUDP(p.b, uint16(r.between(1024, 65535)), 7000, rx)
	info.l4, info.l4proto = p.l4, p.l4proto
}
