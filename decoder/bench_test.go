package decoder

import (
	"encoding/binary"
	"net/netip"
	"testing"
)

func ipv6Pkt(src, dst string, nh byte, payload []byte) []byte {
	p := make([]byte, 40, 40+len(payload))
	p[0] = 0x60
	binary.BigEndian.PutUint16(p[4:], uint16(len(payload)))
	p[6], p[7] = nh, 64
	s, d := netip.MustParseAddr(src).As16(), netip.MustParseAddr(dst).As16()
	copy(p[8:], s[:])
	copy(p[24:], d[:])
	return append(p, payload...)
}

func udpDgram(sport, dport uint16, payload []byte) []byte {
	u := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(u, sport)
	binary.BigEndian.PutUint16(u[2:], dport)
	binary.BigEndian.PutUint16(u[4:], uint16(8+len(payload)))
	return append(u, payload...)
}

// benchPackets are one pflog record of each kind the hot path sees.
func benchPackets() map[string][]byte {
	synOpts := []byte{2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 1, 2, 3, 0, 0, 0, 0, 1, 3, 3, 7}
	dnsQuery := []byte{0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
		7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1}
	icmpEcho := []byte{8, 0, 0, 0, 0x12, 0x34, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}
	icmp6Echo := []byte{128, 0, 0, 0, 0x12, 0x34, 0, 1, 'a', 'b', 'c', 'd'}
	hbh := append([]byte{6, 0, 1, 4, 0, 0, 0, 0}, tcpSeg(40000, 443, 1000, 0, thSYN, nil, "")...)
	malformed := ipv4("10.0.0.1", "10.0.0.2", 6, tcpSeg(40000, 22, 1, 0, thSYN, []byte{2, 9, 5, 0xb4}, ""))
	malformed[0] = 0x47
	return map[string][]byte{
		"tcp-syn-options": append(pflog64(2), ipv4("203.0.113.5", "198.51.100.7", 6, tcpSeg(41854, 22, 3398156566, 0, thSYN, synOpts, ""))...),
		"tcp-payload-rel": append(pflog64(2), ipv4("203.0.113.5", "198.51.100.7", 6, tcpSeg(41854, 80, 1000, 2000, thACK|thPSH, nil, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"))...),
		"udp-generic":     append(pflog64(2), ipv4("203.0.113.5", "198.51.100.7", 17, udpDgram(40000, 1900, make([]byte, 90)))...),
		"udp-dns":         append(pflog64(2), ipv4("203.0.113.5", "198.51.100.7", 17, udpDgram(40000, 53, dnsQuery))...),
		"icmp-echo":       append(pflog64(2), ipv4("203.0.113.5", "198.51.100.7", 1, icmpEcho)...),
		"icmp6-echo":      append(pflog64(28), ipv6Pkt("2001:db8::1", "2001:db8::2", 58, icmp6Echo)...),
		"ipv6-hbh-tcp":    append(pflog64(28), ipv6Pkt("2001:db8::1", "2001:db8::2", 0, hbh)...),
		"malformed":       append(pflog64(2), malformed...),
	}
}

func BenchmarkDecode(b *testing.B) {
	for name, pkt := range benchPackets() {
		b.Run(name, func(b *testing.B) {
			d := New(Options{})
			buf := make([]byte, 0, 4096)
			b.ReportAllocs()
			b.SetBytes(int64(len(pkt)))
			for i := 0; i < b.N; i++ {
				buf = d.AppendRecord(buf[:0], pkt, len(pkt))
			}
		})
	}
}

// TestHotPathDoesNotAllocate keeps the zero-allocation promise honest.
func TestHotPathDoesNotAllocate(t *testing.T) {
	for name, pkt := range benchPackets() {
		d := New(Options{})
		buf := make([]byte, 0, 4096)
		buf = d.AppendRecord(buf[:0], pkt, len(pkt)) // warm the conversation table
		if n := testing.AllocsPerRun(200, func() { buf = d.AppendRecord(buf[:0], pkt, len(pkt)) }); n != 0 {
			t.Errorf("%s: %v allocations per packet", name, n)
		}
	}
}
