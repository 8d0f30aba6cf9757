// Package decoder renders pflog packets as the exact text FreeBSD's tcpdump
// (4.99.5, FreeBSD's pflog printer, SMB printers on) prints for them with
// "tcpdump -n -e -t": one record per packet.
//
// The printers live one protocol a file, as tcpdump's print-*.c do. Every
// printer appends to a caller-supplied buffer; nothing on the per-packet
// path allocates once the TCP conversation table has warmed up.
package decoder

import (
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// DefaultSeqTableSize is the default capacity of the table of TCP
// conversations used for relative sequence numbers.
const DefaultSeqTableSize = 65536

// Options configures a Decoder.
type Options struct {
	// AbsoluteSeq prints absolute TCP sequence numbers, like tcpdump -S.
	AbsoluteSeq bool
	// SeqTableSize bounds the TCP conversation table (least recently used
	// conversations are evicted first). 0 means DefaultSeqTableSize.
	SeqTableSize int
	// LinkType is the capture's link type: LinkTypePFLOG (the default when
	// 0) or LinkTypeNFLOG.
	LinkType int
	// NoSummary says that the caller never reads Summary (text output):
	// the pflog header is then decoded only when its text is not in the
	// cache, and the addresses are not kept as netip.Addr. The text is
	// the same.
	NoSummary bool
}

// Decoder turns pflog packets into text. It keeps tcpdump's per-process
// TCP conversation state, so one Decoder must see the packets of one
// stream in order. A Decoder is not safe for concurrent use.
type Decoder struct {
	opts Options
	seq  *seqTable
	ike  isakmpCookies // ISAKMP initiator cookies seen, as tcpdump keeps them
	rx   rxCalls       // AFS RX calls seen, to decode their replies
	nfs  nfsXIDMap     // NFS calls seen, to decode their replies (print-nfs.c's xid_map)

	// textPflog: pflog records and no Summary, AppendRecord's short way.
	textPflog bool

	// ips holds the ipInfo of each IP header being printed (tunnels nest
	// them), so that they need not be allocated.
	ips     [8]ipInfo
	ipDepth int
	spans   addrSpans        // of ips[0]
	v6      *v6Names         // text of recent IPv6 addresses
	pflog   pflogcache.Cache // text of recent pflog headers

	sum Summary // the fields of the last packet, for structured output
}

// newIP returns the ipInfo for an IP header about to be printed, which
// the caller sets whole (it is not zeroed here); printIP4 and printIP6
// give it back (restore ipDepth) when they return.
func (d *Decoder) newIP() *ipInfo {
	i := d.ipDepth
	d.ipDepth++
	if i < len(d.ips) {
		return &d.ips[i]
	}
	return &ipInfo{} // nested deeper than any real packet
}

// New returns a Decoder.
func New(opts Options) *Decoder {
	if opts.LinkType == 0 {
		opts.LinkType = LinkTypePFLOG
	}
	if opts.SeqTableSize <= 0 {
		opts.SeqTableSize = DefaultSeqTableSize
	}
	d := &Decoder{opts: opts, v6: new(v6Names)}
	d.spans.v6 = d.v6 // for good: AppendRecord sets the other fields
	d.textPflog = opts.NoSummary && opts.LinkType == LinkTypePFLOG
	if !opts.AbsoluteSeq {
		d.seq = newSeqTable(opts.SeqTableSize)
	}
	return d
}

// Limits tcpdump applies to a pcap record before decoding it.
const maxSnaplen = 262144

// AppendRecord appends the text of one packet, ending in '\n', to b.
// data holds the captured bytes and wireLen the packet's length on the
// wire, as a pcap record gives them.
func (d *Decoder) AppendRecord(b []byte, data []byte, wireLen int) []byte {
	caplen := len(data)
	if caplen == 0 || wireLen < caplen || caplen > maxSnaplen || wireLen > maxSnaplen {
		return appendInvalidHeader(b, caplen, wireLen)
	}
	d.ipDepth = 0
	d.spans.base = len(b) // spans.v6 is d.v6, set by New
	if !d.textPflog || caplen < pfloghdr.FreeBSDStructSize {
		return d.appendRecordSlow(b, data, wireLen)
	}
	// printPflog for text output (no Summary), written out here: one
	// call fewer per packet, and the IP printers called without their
	// wrappers' restoring of d.ipDepth, which the next record resets.
	l := int(data[0])
	hl := (l + 3) &^ 3
	if l < pfloghdr.MinLen || caplen < hl {
		return d.appendRecordSlow(b, data, wireLen)
	}
	raw := (*[pfloghdr.FreeBSDStructSize]byte)(data)
	// What follows the header, worked out before the lookup: fewer
	// values live across it.
	payload := data[hl:caplen:caplen]
	length := wireLen - hl
	// d.pflog.Get written out: no call, so nothing spilled around it.
	var e *pflogcache.Entry
	if d.pflog.Count() {
		w0, w1, w2, w3, w4, w5, w6 := pflogcache.Words(raw)
		switch s := d.pflog.Ways(w0, w1, w4, w5, w6); {
		case s[0].Is(w0, w1, w2, w3, w4, w5, w6):
			e = &s[0]
		case s[1].Is(w0, w1, w2, w3, w4, w5, w6):
			e = &s[1]
		case s[2].Is(w0, w1, w2, w3, w4, w5, w6):
			e = &s[2]
		case s[3].Is(w0, w1, w2, w3, w4, w5, w6):
			e = &s[3]
		}
	}
	if e == nil {
		return d.appendRecordMiss(b, raw, payload, length, nil)
	}
	var short bool
	if b, short = e.AppendShort(b); !short {
		return d.appendRecordMiss(b, raw, payload, length, e)
	}
	// The payload, with the IP printers for the outermost header under
	// NoSummary.
	switch af := raw[1]; {
	case af == pfloghdr.AFInet:
		b = d.printIP4Top(b, payload, length)
	case pfloghdr.IsInet6(af):
		b = d.printIP6Top(b, payload, length)
	default:
		b = appendHexASCIIDump(b, payload)
	}
	return append(b, '\n')
}

// appendRecordMiss is the end of AppendRecord's short way for a pflog
// header raw whose text AppendShort did not copy: from its entry e (a
// long text, or little room in b), or not in the cache (e nil); then
// the payload, of the given length, and '\n'. A function of its own so
// that the short way keeps its values in registers.
func (d *Decoder) appendRecordMiss(b []byte, raw *[pfloghdr.FreeBSDStructSize]byte, payload []byte, length int, e *pflogcache.Entry) []byte {
	if e != nil {
		b = e.AppendText(b)
	} else {
		b = d.appendPflogUncached(b, raw)
	}
	switch af := raw[1]; {
	case af == pfloghdr.AFInet:
		b = d.printIP4Top(b, payload, length)
	case pfloghdr.IsInet6(af):
		b = d.printIP6Top(b, payload, length)
	default:
		b = appendHexASCIIDump(b, payload)
	}
	return append(b, '\n')
}

// appendRecordSlow is AppendRecord after its checks of the record's
// lengths, for any record.
func (d *Decoder) appendRecordSlow(b []byte, data []byte, wireLen int) []byte {
	if !d.opts.NoSummary {
		d.sum.reset()
		d.spans.src, d.spans.dst = [2]int{}, [2]int{}
	}
	if d.opts.LinkType == LinkTypeNFLOG {
		b = d.printNFLOG(b, data, wireLen)
	} else {
		b = d.printPflog(b, data, wireLen)
	}
	if !d.opts.NoSummary {
		d.sum.SrcText, d.sum.DstText = d.spans.src, d.spans.dst
	}
	return append(b, '\n')
}

// appendInvalidHeader appends the text of a pcap record whose lengths
// tcpdump refuses, out of AppendRecord so that its values need not be
// kept on AppendRecord's stack.
func appendInvalidHeader(b []byte, caplen, wireLen int) []byte {
	b = append(b, "[Invalid header:"...)
	sep := false
	if caplen == 0 {
		b = append(b, " caplen==0"...)
		sep = true
	}
	if wireLen == 0 {
		if sep {
			b = append(b, ',')
		}
		b = append(b, " len==0"...)
		sep = true
	}
	if wireLen != 0 && wireLen < caplen {
		if sep {
			b = append(b, ',')
		}
		b = append(b, " len("...)
		b = appendUint(b, uint64(wireLen))
		b = append(b, ") < caplen("...)
		b = appendUint(b, uint64(caplen))
		b = append(b, ')')
		sep = true
	}
	if caplen > maxSnaplen {
		if sep {
			b = append(b, ',')
		}
		b = append(b, " caplen("...)
		b = appendUint(b, uint64(caplen))
		b = append(b, ") > 262144"...)
		sep = true
	}
	if wireLen > maxSnaplen {
		if sep {
			b = append(b, ',')
		}
		b = append(b, " len("...)
		b = appendUint(b, uint64(wireLen))
		b = append(b, ") > 262144"...)
	}
	b = append(b, ']', '\n')
	return b
}

// LinkType returns the link type the Decoder renders.
func (d *Decoder) LinkType() int { return d.opts.LinkType }

// Supported reports whether the decoder renders captures of linkType.
func Supported(linkType int) bool {
	return linkType == LinkTypePFLOG || linkType == LinkTypeNFLOG
}

// AppendPacket is AppendRecord without the final newline.
func (d *Decoder) AppendPacket(b []byte, data []byte, wireLen int) []byte {
	b = d.AppendRecord(b, data, wireLen)
	return b[:len(b)-1]
}
