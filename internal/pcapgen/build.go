package pcapgen

import (
	"encoding/binary"
	"hash/crc32"
)

// IP protocol numbers used by the generator.
const (
	protoHBH    = 0
	protoICMP   = 1
	protoIGMP   = 2
	protoIPIP   = 4
	protoTCP    = 6
	protoUDP    = 17
	protoIPv6   = 41
	protoRT6    = 43
	protoFrag6  = 44
	protoGRE    = 47
	protoESP    = 50
	protoAH     = 51
	protoICMPv6 = 58
	protoNone   = 59
	protoDstOpt = 60
	protoOSPF   = 89
	protoPIM    = 103
	protoVRRP   = 112
	protoSCTP   = 132
)

type addr struct {
	v6 bool
	a  [16]byte // IPv4 in the first 4 bytes
}

func (a addr) bytes() []byte {
	if a.v6 {
		return a.a[:]
	}
	return a.a[:4]
}

// builder assembles one IP packet in b: the IP header (and IPv6 extension
// headers), then whatever the caller appends as the upper layer; finish
// fills in lengths and checksums.
type builder struct {
	b       []byte
	v6      bool
	src     addr
	dst     addr
	nhPos   int   // index of the byte naming the next protocol
	l4      int   // offset of the upper-layer header
	l4proto uint8 // protocol at l4
	hdrEnd  int   // end of the IP header proper (IPv4 with options, IPv6 fixed header)
}

func (p *builder) ipv4(src, dst addr, ttl, tos uint8, id uint16, df bool, opts []byte) {
	p.b = p.b[:0]
	p.v6 = false
	p.src, p.dst = src, dst
	ihl := 5 + len(opts)/4
	var frag byte
	if df {
		frag = 0x40
	}
	p.b = append(p.b, 0x40|byte(ihl), tos, 0, 0, byte(id>>8), byte(id), frag, 0, ttl, 0, 0, 0)
	p.b = append(p.b, src.a[:4]...)
	p.b = append(p.b, dst.a[:4]...)
	p.b = append(p.b, opts...)
	p.nhPos = 9
	p.hdrEnd = len(p.b)
	p.l4 = len(p.b)
}

func (p *builder) ipv6(src, dst addr, hlim, tc uint8, flow uint32) {
	p.b = p.b[:0]
	p.v6 = true
	p.src, p.dst = src, dst
	p.b = append(p.b, 0x60|tc>>4, tc<<4|byte(flow>>16&0x0f), byte(flow>>8), byte(flow), 0, 0, 0, hlim)
	p.b = append(p.b, src.a[:]...)
	p.b = append(p.b, dst.a[:]...)
	p.nhPos = 6
	p.hdrEnd = 40
	p.l4 = 40
}

// ext appends an IPv6 extension header whose first byte (next header) is
// filled in later; body is the rest of it (length byte included).
func (p *builder) ext(kind uint8, body []byte) {
	p.b[p.nhPos] = kind
	p.nhPos = len(p.b)
	p.b = append(p.b, 0)
	p.b = append(p.b, body...)
	p.l4 = len(p.b)
}

// proto names the upper-layer protocol; its header starts here.
func (p *builder) proto(proto uint8) {
	p.b[p.nhPos] = proto
	p.l4 = len(p.b)
	p.l4proto = proto
}

// finish fills in the IP length fields and the upper-layer checksum.
func (p *builder) finish() {
	b := p.b
	if p.v6 {
		binary.BigEndian.PutUint16(b[4:], uint16(len(b)-40))
	} else {
		binary.BigEndian.PutUint16(b[2:], uint16(len(b)))
	}
	l4 := b[p.l4:]
	switch p.l4proto {
	case protoTCP:
		p.pseudoSum(l4, 16)
	case protoUDP:
		if p.pseudoSum(l4, 6) && len(l4) >= 8 && l4[6] == 0 && l4[7] == 0 {
			l4[6], l4[7] = 0xff, 0xff
		}
	case protoICMPv6:
		p.pseudoSum(l4, 2)
	case protoICMP, protoIGMP, protoPIM, protoVRRP:
		if len(l4) >= 4 {
			l4[2], l4[3] = 0, 0
			binary.BigEndian.PutUint16(l4[2:], ^fold(sum16(0, l4)))
		}
	case protoSCTP:
		if len(l4) >= 12 {
			binary.LittleEndian.PutUint32(l4[8:], 0)
			binary.LittleEndian.PutUint32(l4[8:], crc32.Checksum(l4, castagnoli))
		}
	}
	if !p.v6 {
		ipv4Checksum(b)
	}
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// pseudoSum writes the checksum over the pseudo header and l4 at offset off.
func (p *builder) pseudoSum(l4 []byte, off int) bool {
	if len(l4) < off+2 {
		return false
	}
	l4[off], l4[off+1] = 0, 0
	s := sum16(0, p.src.bytes())
	s = sum16(s, p.dst.bytes())
	s += uint32(p.l4proto) + uint32(len(l4))
	s = sum16(s, l4)
	binary.BigEndian.PutUint16(l4[off:], ^fold(s))
	return true
}

func ipv4Checksum(b []byte) {
	hl := int(b[0]&0x0f) * 4
	if hl < 20 || hl > len(b) {
		hl = 20
	}
	b[10], b[11] = 0, 0
	binary.BigEndian.PutUint16(b[10:], ^fold(sum16(0, b[:hl])))
}

func sum16(s uint32, b []byte) uint32 {
	n := len(b) &^ 1
	for i := 0; i < n; i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)&1 != 0 {
		s += uint32(b[len(b)-1]) << 8
	}
	return s
}

func fold(s uint32) uint16 {
	for s>>16 != 0 {
		s = s&0xffff + s>>16
	}
	return uint16(s)
}

// appendTCP appends a TCP header (options padded with EOL to a multiple of
// four bytes) and payload.
func appendTCP(b []byte, sport, dport uint16, seq, ack uint32, flags uint8, win, urg uint16, opts, payload []byte) []byte {
	olen := (len(opts) + 3) &^ 3
	off := 5 + olen/4
	b = append(b, byte(sport>>8), byte(sport), byte(dport>>8), byte(dport),
		byte(seq>>24), byte(seq>>16), byte(seq>>8), byte(seq),
		byte(ack>>24), byte(ack>>16), byte(ack>>8), byte(ack),
		byte(off<<4), flags, byte(win>>8), byte(win), 0, 0, byte(urg>>8), byte(urg))
	b = append(b, opts...)
	for i := len(opts); i < olen; i++ {
		b = append(b, 0)
	}
	return append(b, payload...)
}

// appendUDP appends a UDP header with the right length and the payload.
func appendUDP(b []byte, sport, dport uint16, payload []byte) []byte {
	n := 8 + len(payload)
	b = append(b, byte(sport>>8), byte(sport), byte(dport>>8), byte(dport), byte(n>>8), byte(n), 0, 0)
	return append(b, payload...)
}

func put16(b []byte, v uint16) []byte { return append(b, byte(v>>8), byte(v)) }
func put32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

// fragment4 splits a finished IPv4 packet into fragments of at most size
// payload bytes (a multiple of 8), appending each to out.
func fragment4(pkt []byte, size int, out [][]byte) [][]byte {
	hl := int(pkt[0]&0x0f) * 4
	payload := pkt[hl:]
	for off := 0; off < len(payload); off += size {
		end := off + size
		more := true
		if end >= len(payload) {
			end, more = len(payload), false
		}
		f := make([]byte, 0, hl+end-off)
		f = append(f, pkt[:hl]...)
		f = append(f, payload[off:end]...)
		fo := uint16(off / 8)
		if more {
			fo |= 0x2000
		}
		fo |= uint16(pkt[6]&0x40) << 8
		binary.BigEndian.PutUint16(f[6:], fo)
		binary.BigEndian.PutUint16(f[2:], uint16(len(f)))
		ipv4Checksum(f)
		out = append(out, f)
	}
	return out
}

// fragment6 splits a finished IPv6 packet into fragments no larger than
// mtu, each with a fragment header after the fixed header.
func fragment6(pkt []byte, mtu int, id uint32, out [][]byte) [][]byte {
	nh := pkt[6]
	rest := pkt[40:]
	size := (mtu - 48) &^ 7
	for off := 0; off < len(rest); off += size {
		end := off + size
		more := true
		if end >= len(rest) {
			end, more = len(rest), false
		}
		f := make([]byte, 0, 48+end-off)
		f = append(f, pkt[:40]...)
		f[6] = protoFrag6
		fo := uint16(off)
		if more {
			fo |= 1
		}
		f = append(f, nh, 0, byte(fo>>8), byte(fo))
		f = put32(f, id)
		f = append(f, rest[off:end]...)
		binary.BigEndian.PutUint16(f[4:], uint16(len(f)-40))
		out = append(out, f)
	}
	return out
}
