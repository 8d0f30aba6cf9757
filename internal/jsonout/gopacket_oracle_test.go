package jsonout_test

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"

	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/jsonout"
	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// gopacketOracle decodes a pflog record with gopacket's own layers behind
// pfloghdr's: an implementation of IPv4, IPv6, TCP and UDP that shares no
// code with the decoder.
type gopacketOracle struct {
	hdr     pfloghdr.Layer
	ip4     layers.IPv4
	ip6     layers.IPv6
	tcp     layers.TCP
	udp     layers.UDP
	parser  *gopacket.DecodingLayerParser
	decoded []gopacket.LayerType
}

func newGopacketOracle() *gopacketOracle {
	o := &gopacketOracle{}
	o.parser = gopacket.NewDecodingLayerParser(pfloghdr.LayerType, &o.hdr, &o.ip4, &o.ip6, &o.tcp, &o.udp)
	o.parser.IgnoreUnsupported = true
	return o
}

// oracleFields are the JSON members the oracle checks.
type oracleFields struct {
	Src      *string `json:"src"`
	Dst      *string `json:"dst"`
	SPort    *int    `json:"sport"`
	DPort    *int    `json:"dport"`
	Proto    *string `json:"proto"`
	TCPFlags *string `json:"tcp_flags"`
}

// expect returns what the JSON must say when gopacket decoded exactly
// one IP header and a TCP or UDP header behind it, from a capture that
// holds the whole IP packet; ok is false otherwise (fragments, extension
// headers, tunnels, cut or malformed packets: gopacket stops or reads
// them its own way, and tcpdump's text decides what is decoded).
func (o *gopacketOracle) expect(rec pcapgen.Record) (want oracleFields, ok bool) {
	if err := o.parser.DecodeLayers(rec.Data, &o.decoded); err != nil || o.parser.Truncated || len(rec.Data) != rec.WireLen {
		return want, false
	}
	var ips, l4 int
	var src, dst netip.Addr
	var proto string
	for _, t := range o.decoded {
		switch t {
		case layers.LayerTypeIPv4:
			ips++
			src, _ = netip.AddrFromSlice(o.ip4.SrcIP)
			dst, _ = netip.AddrFromSlice(o.ip4.DstIP)
			// gopacket reads fragments and wrong versions as whole
			// packets; tcpdump does not.
			if o.ip4.Version != 4 || int(o.ip4.Length) != len(o.hdr.LayerPayload()) || o.ip4.Flags&layers.IPv4MoreFragments != 0 || o.ip4.FragOffset != 0 {
				return want, false
			}
		case layers.LayerTypeIPv6:
			ips++
			src, _ = netip.AddrFromSlice(o.ip6.SrcIP)
			dst, _ = netip.AddrFromSlice(o.ip6.DstIP)
			if o.ip6.Version != 6 || int(o.ip6.Length)+40 != len(o.hdr.LayerPayload()) {
				return want, false
			}
		case layers.LayerTypeTCP:
			l4++
			proto = "tcp"
			sp, dp := int(o.tcp.SrcPort), int(o.tcp.DstPort)
			want.SPort, want.DPort = &sp, &dp
			f := tcpFlags(&o.tcp)
			want.TCPFlags = &f
		case layers.LayerTypeUDP:
			l4++
			proto = "udp"
			sp, dp := int(o.udp.SrcPort), int(o.udp.DstPort)
			want.SPort, want.DPort = &sp, &dp
		}
	}
	if ips != 1 || l4 != 1 {
		return want, false
	}
	s, d := src.String(), dst.String()
	want.Src, want.Dst, want.Proto = &s, &d, &proto
	return want, true
}

// tcpFlags spells the flags the way tcpdump and the JSON do.
func tcpFlags(t *layers.TCP) string {
	var s string
	for _, f := range []struct {
		on bool
		c  string
	}{{t.FIN, "F"}, {t.SYN, "S"}, {t.RST, "R"}, {t.PSH, "P"}, {t.ACK, "."}, {t.URG, "U"}, {t.ECE, "E"}, {t.CWR, "W"}} {
		if f.on {
			s += f.c
		}
	}
	if s == "" {
		return "none"
	}
	return s
}

func show(p any) string {
	switch v := p.(type) {
	case *string:
		if v != nil {
			return *v
		}
	case *int:
		if v != nil {
			return fmt.Sprint(*v)
		}
	}
	return "(absent)"
}

// TestJSONAgreesWithGopacket decodes every golden capture with the
// decoder, writes each record's JSON through jsonout.Append (what
// --format json writes), and compares src, dst, sport, dport, proto and
// tcp_flags with gopacket's decoding of the same record wherever gopacket
// decodes the IP and transport headers.
func TestJSONAgreesWithGopacket(t *testing.T) {
	files, err := filepath.Glob("../../testdata/golden/*.pcap")
	if err != nil || len(files) == 0 {
		t.Fatal("no golden captures")
	}
	o := newGopacketOracle()
	compared := 0
	for _, f := range files {
		_, recs, err := pcapgen.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := decoder.New(decoder.Options{})
		var text, js []byte
		bad := 0
		for i, r := range recs {
			text = d.AppendPacket(text[:0], r.Data, r.WireLen)
			want, ok := o.expect(r)
			if !ok {
				continue
			}
			js = jsonout.Append(js[:0], time.Unix(0, 0), d.Summary(), text)
			var got oracleFields
			if err := json.Unmarshal(js, &got); err != nil {
				t.Fatalf("%s record %d: %v: %s", f, i+1, err, js)
			}
			compared++
			pairs := [][2]any{{got.Src, want.Src}, {got.Dst, want.Dst}, {got.SPort, want.SPort},
				{got.DPort, want.DPort}, {got.Proto, want.Proto}, {got.TCPFlags, want.TCPFlags}}
			names := []string{"src", "dst", "sport", "dport", "proto", "tcp_flags"}
			for k, p := range pairs {
				if g, w := show(p[0]), show(p[1]); g != w {
					bad++
					if bad <= 5 {
						t.Errorf("%s record %d: %s is %s, gopacket says %s\n  %s", filepath.Base(f), i+1, names[k], g, w, text)
					}
				}
			}
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d records compared", compared)
	}
	t.Logf("%d records compared with gopacket", compared)
}
