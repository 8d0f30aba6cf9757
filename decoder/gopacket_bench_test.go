package decoder

import (
	"regexp"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"

	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// Why the text path does not go through gopacket's layers (README,
// "JSON and gopacket"): the same golden records, decoded to tcpdump's text
// by the decoder, and parsed (no text at all) by a gopacket
// DecodingLayerParser with pfloghdr.Layer, IPv4, IPv6, TCP and UDP.
// make bench prints both.

func goldenRecords(b *testing.B) (recs [][]byte, wire []int, text [][]byte) {
	for _, c := range loadGolden(b) {
		for i, r := range c.recs {
			recs = append(recs, r.Data)
			wire = append(wire, r.WireLen)
			text = append(text, c.want[i])
		}
	}
	return recs, wire, text
}

// BenchmarkGoldenText decodes every golden record to its text; one op is
// one pass over all of them, ns/record is per record.
func BenchmarkGoldenText(b *testing.B) {
	recs, wire, _ := goldenRecords(b)
	d := New(Options{})
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, r := range recs {
			buf = d.AppendRecord(buf[:0], r, wire[j])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/record")
}

// gopacketView parses pflog records with gopacket's layers behind
// pfloghdr.Layer.
type gopacketView struct {
	hdr     pfloghdr.Layer
	ip4     layers.IPv4
	ip6     layers.IPv6
	tcp     layers.TCP
	udp     layers.UDP
	parser  *gopacket.DecodingLayerParser
	decoded []gopacket.LayerType
}

func newGopacketView() *gopacketView {
	v := &gopacketView{decoded: make([]gopacket.LayerType, 0, 8)}
	v.parser = gopacket.NewDecodingLayerParser(pfloghdr.LayerType, &v.hdr, &v.ip4, &v.ip6, &v.tcp, &v.udp)
	v.parser.IgnoreUnsupported = true
	return v
}

// accepts reports whether gopacket parsed the record's IP header and a
// TCP or UDP header without an error or a truncation.
func (v *gopacketView) accepts(rec []byte) bool {
	if err := v.parser.DecodeLayers(rec, &v.decoded); err != nil || v.parser.Truncated {
		return false
	}
	l4 := false
	for _, t := range v.decoded {
		l4 = l4 || t == layers.LayerTypeTCP || t == layers.LayerTypeUDP
	}
	return l4
}

// ipMalformed matches what tcpdump prints for an IP, TCP or UDP header it
// finds invalid or cut short.
var ipMalformed = regexp.MustCompile(`\[(version|header length|total length|header\+payload length) [0-9]+ [<>!]=? [0-9]+\]|\[length [0-9]+ < (20|40)\]|\[\|(ip|ip6|tcp|udp)\]|truncated-(ip|udp)|bad-len|UDP, bad length|\[bad hdr length|\[remaining caplen`)

// BenchmarkGoldenGopacket parses the same records with gopacket. It also
// reports ip-malformed, the records whose IP, TCP or UDP header tcpdump
// reports as invalid or cut short, and ip-malformed-accepted, those of
// them whose IP and TCP/UDP headers gopacket parses without an error: a
// text path on gopacket's layers would still need tcpdump's checks.
func BenchmarkGoldenGopacket(b *testing.B) {
	recs, _, text := goldenRecords(b)
	v := newGopacketView()
	malformed, accepted := 0, 0
	for j, r := range recs {
		if ipMalformed.Match(text[j]) {
			malformed++
			if v.accepts(r) {
				accepted++
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range recs {
			_ = v.parser.DecodeLayers(r, &v.decoded)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/record")
	b.ReportMetric(float64(malformed), "ip-malformed")
	b.ReportMetric(float64(accepted), "ip-malformed-accepted")
	b.ReportMetric(float64(len(recs)), "records")
}
