package decoder

import (
	"net/netip"

	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// Summary holds the fields of the last packet a Decoder printed, for
// structured output (pfasciilogd --format json). It describes the
// outermost IP packet: a tunnel's inner packet does not change it.
type Summary struct {
	// Pflog is the pflog header; valid when HasPflog.
	Pflog    pfloghdr.Header
	HasPflog bool
	// PflogText is the length of the pflog header's text ("rule ...: ")
	// the record's text begins with, or 0.
	PflogText int
	// pflogEntry is the pflog cache's entry for the header, or nil.
	pflogEntry *pflogcache.Entry
	// Length is the packet's length on the wire after the link-layer
	// header (pflog or NFLOG).
	Length int
	// Src and Dst are the addresses of the outermost IP header; invalid
	// when the packet was too short or not IP.
	Src, Dst netip.Addr
	// SrcText and DstText are where the record's text holds Src and Dst
	// as tcpdump printed them: [start, end) from the start of the record
	// (after anything the caller put before it); empty ({0, 0}) when the
	// record does not print them as "SRC > DST" or "SRC.PORT > DST.PORT".
	SrcText, DstText [2]int
	// Proto is the transport protocol after IPv6 extension headers and
	// AH, or -1 when unknown.
	Proto int
	// SPort and DPort are the TCP, UDP, SCTP or DCCP ports, or -1.
	SPort, DPort int
	// TCPFlags is the TCP flags byte; valid when HasTCPFlags.
	TCPFlags    uint8
	HasTCPFlags bool
}

func (s *Summary) reset() {
	s.HasPflog, s.PflogText = false, 0
	s.Length = 0
	s.Src, s.Dst = netip.Addr{}, netip.Addr{}
	s.Proto, s.SPort, s.DPort = -1, -1, -1
	s.TCPFlags, s.HasTCPFlags = 0, false
}

// Summary returns the fields of the packet last passed to AppendRecord.
// It is valid until the next call, and not filled in under
// Options.NoSummary.
func (d *Decoder) Summary() *Summary { return &d.sum }

// outermost reports whether ip is the outermost IP header of the packet.
func (d *Decoder) outermost(ip *ipInfo) bool { return len(d.ips) > 0 && ip == &d.ips[0] }

// noteAddrs records the outermost header's addresses. printIP4 and
// printIP6 record them for the outermost header unless under NoSummary,
// after they set its spans to d.spans (nil for the others, and for IPv4
// under NoSummary), which has its printers record where they print the
// addresses.
func (d *Decoder) noteAddrs(ip *ipInfo) {
	if ip.v6 {
		d.sum.Src = netip.AddrFrom16([16]byte(ip.src))
		d.sum.Dst = netip.AddrFrom16([16]byte(ip.dst))
	} else {
		d.sum.Src = netip.AddrFrom4([4]byte(ip.src))
		d.sum.Dst = netip.AddrFrom4([4]byte(ip.dst))
	}
}

// noteProto records the transport protocol of the outermost header.
func (d *Decoder) noteProto(ip *ipInfo, proto uint8) {
	if d.outermost(ip) {
		d.sum.Proto = int(proto)
	}
}

// notePorts records the transport ports of the outermost packet.
func (d *Decoder) notePorts(ip *ipInfo, sport, dport uint16) {
	if d.outermost(ip) {
		d.sum.SPort, d.sum.DPort = int(sport), int(dport)
	}
}
