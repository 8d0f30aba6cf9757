package decoder

import (
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
)

// innerIP matches the text of an inner IPv4 or IPv6 packet.
var innerIP = regexp.MustCompile(`(: |\) )(\d+\.\d+\.\d+\.\d+|[0-9a-f]*:[0-9a-f:]*) > \S+: |\[\|ip6?\]|\[length \d+ < |\[total length|\[version|no next header`)

// protoCase is one packet for an IP-protocol printer: the enclosing IP
// header's facts, the captured bytes of the protocol header onwards, the
// IP payload length, and what tcpdump prints after "SRC > DST: " (after
// the pflog header for SCTP and DCCP, which print their addresses).
type protoCase struct {
	v6      bool
	addrs   string // hex "SRC/DST"
	proto   uint8
	ttl     uint8
	payload string // hex
	length  int
	want    string
}

// ipprotoPrint calls the printer of this file set for proto.
func ipprotoPrint(d *Decoder, b []byte, proto uint8, data []byte, length int, ip *ipInfo) (_ []byte, ok bool) {
	switch proto {
	case ipprotoGRE:
		return d.printGRE(b, data, length, ip), true
	case ipprotoSCTP:
		return d.printSCTP(b, data, length, ip), true
	case ipprotoDCCP:
		return d.printDCCP(b, data, length, ip), true
	case ipprotoIGMP:
		return d.printIGMP(b, data, length, ip), true
	case ipprotoPIM:
		return d.printPIM(b, data, length, ip), true
	case ipprotoOSPF:
		return d.printOSPF(b, data, length, ip), true
	case ipprotoVRRP:
		return d.printVRRP(b, data, length, ip), true
	case ipprotoEIGRP:
		return d.printEIGRP(b, data, length, ip), true
	case ipprotoRSVP:
		return d.printRSVP(b, data, length, ip), true
	case ipprotoPGM:
		return d.printPGM(b, data, length, ip), true
	case ipprotoIPComp:
		return d.printIPComp(b, data, length, ip), true
	case ipprotoEGP:
		return d.printEGP(b, data, length, ip), true
	case ipprotoPIGP:
		return d.printIGRP(b, data, length, ip), true
	case ipprotoMobile:
		return d.printMobile(b, data, length, ip), true
	case ipprotoMobility:
		return d.printMobility(b, data, length, ip), true
	case ipprotoEthernet:
		return d.printEther(b, data, length), true
	}
	return b, false
}

func (c *protoCase) decode(t testing.TB) (data []byte, ip ipInfo) {
	sd := strings.SplitN(c.addrs, "/", 2)
	src, _ := hex.DecodeString(sd[0])
	dst, _ := hex.DecodeString(sd[1])
	data, err := hex.DecodeString(c.payload)
	if err != nil {
		t.Fatalf("bad case %q: %v", c.payload, err)
	}
	return data, ipInfo{v6: c.v6, src: src, dst: dst, proto: c.proto, ttl: c.ttl, direct: true}
}

func runProtoCases(t *testing.T, cases []protoCase) {
	t.Helper()
	d := New(Options{})
	buf := make([]byte, 0, 4096)
	for i := range cases {
		c := &cases[i]
		data, ip := c.decode(t)
		got, ok := ipprotoPrint(d, nil, c.proto, data, c.length, &ip)
		if !ok {
			t.Fatalf("case %d: no printer for protocol %d", i, c.proto)
		}
		if string(got) != c.want {
			t.Errorf("case %d (proto %d, %s):\n got %q\nwant %q", i, c.proto, c.payload, got, c.want)
		}
		// The printers must not allocate. Packets that recurse into the
		// core's IP printers (GRE, Ethernet) are left out: those are the
		// core's to check.
		if (c.proto == ipprotoGRE || c.proto == ipprotoEthernet) && innerIP.MatchString(c.want) {
			continue
		}
		if n := testing.AllocsPerRun(5, func() {
			buf, _ = ipprotoPrint(d, buf[:0], c.proto, data, c.length, &ip)
		}); n != 0 {
			t.Errorf("case %d (proto %d): %v allocations", i, c.proto, n)
		}
	}
}

// FuzzIPProtoPrinters feeds arbitrary bytes to every printer of this set,
// for both IPv4 and IPv6 enclosing headers and any length.
func FuzzIPProtoPrinters(f *testing.F) {
	for _, cs := range [][]protoCase{greCases, sctpCases, etherCases, igmpCases, pimCases, ospfCases, vrrpCases, dccpCases, mobilityCases, ipprotoMiscCases} {
		for i := range cs {
			data, _ := hex.DecodeString(cs[i].payload)
			f.Add(cs[i].proto, cs[i].v6, data, cs[i].length)
		}
	}
	d := New(Options{})
	src4, dst4 := []byte{10, 0, 0, 1}, []byte{10, 0, 0, 2}
	src6, dst6 := make([]byte, 16), make([]byte, 16)
	f.Fuzz(func(t *testing.T, proto uint8, v6 bool, data []byte, length int) {
		ip := ipInfo{v6: v6, src: src4, dst: dst4, proto: proto, ttl: 64, direct: true}
		if v6 {
			ip.src, ip.dst = src6, dst6
		}
		if length < 0 || length > 1<<20 {
			length = len(data)
		}
		ipprotoPrint(d, nil, proto, data, length, &ip)
	})
}
