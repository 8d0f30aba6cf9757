//go:build cgo

package capture

import (
	"io"
	"net/netip"
	"path/filepath"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcap"
	"golang.org/x/net/bpf"
)

// supportedExprs are checked against libpcap's compiler: on every packet of
// testdata/golden (and every truncation of its first 100 bytes), our
// program accepts exactly when libpcap's does.
var supportedExprs = []string{
	"ip", "ip6", "tcp", "udp", "icmp", "icmp6", "sctp",
	"not ip", "!tcp", "ip and tcp", "ip6 && udp", "tcp or udp", "tcp || icmp",
	"tcp and not port 22", "(tcp or udp) and port 53", "tcp or udp and port 53",
	"not (icmp or icmp6)", "not not tcp",
	"host 203.0.113.5", "src host 203.0.113.5", "dst host 198.51.100.7",
	"host 2001:db8::1", "src host 2001:db8::1", "dst host 2001:db8::2", "host ::1",
	"net 10.0.0.0/8", "src net 203.0.113.0/24", "dst net 198.51.100.0/24", "net 192.0.2.0/24",
	"net 203.0.113.5/32", "net 0.0.0.0/1",
	"port 22", "port 53", "port 80", "port 443", "src port 22", "dst port 22",
	"tcp port 22", "udp port 53", "tcp src port 80", "udp dst port 53", "sctp port 9", "tcp dst port 443",
	"inbound", "outbound", "not inbound",
	"on vtnet0", "ifname em0", "on lo0", "ruleset foo",
	"rnr 1", "rulenum 0", "rnr 4294967295", "srnr 0",
	"action block", "action pass", "action drop", "action accept",
	"reason match", "reason short", "reason fragment", "reason 3",
	"inbound and tcp and dst port 22 and action block",
	"host 203.0.113.5 or host 2001:db8::1 and not port 123",
}

type pkt struct {
	data []byte
	ci   gopacket.CaptureInfo
}

func goldenPackets(t *testing.T) []pkt {
	files, _ := filepath.Glob("../testdata/golden/*.pcap")
	if len(files) == 0 {
		t.Skip("no testdata/golden/*.pcap")
	}
	var out []pkt
	for _, f := range files {
		fr, err := openPcapgo(f)
		if err != nil {
			t.Fatal(err)
		}
		for {
			data, ci, err := fr.read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			d := append([]byte(nil), data...)
			// libpcap on Linux compares the af byte with Linux's
			// AF_INET6 (10): map the BSDs' values so that the IPv6
			// paths are compared too.
			if len(d) > 1 && (d[1] == 24 || d[1] == 28 || d[1] == 30) {
				d[1] = 10
			}
			out = append(out, pkt{d, ci})
			for n := 0; n < len(d) && n < 100; n++ {
				c := ci
				c.CaptureLength = n
				out = append(out, pkt{d[:n], c})
			}
		}
		fr.close()
	}
	return out
}

func TestFilterMatchesLibpcap(t *testing.T) {
	pkts := goldenPackets(t)
	exprs := append([]string(nil), supportedExprs...)
	// Addresses that occur in the captures, so that host and net match.
	var v4, v6 bool
	for _, p := range pkts {
		d := p.data
		if len(d) < 2 {
			continue
		}
		x := int(d[0]+3) &^ 3
		if !v4 && d[1] == 2 && len(d) >= x+20 {
			v4 = true
			s, ds := netip.AddrFrom4([4]byte(d[x+12:x+16])), netip.AddrFrom4([4]byte(d[x+16:x+20]))
			n := netip.PrefixFrom(s, 16).Masked()
			exprs = append(exprs, "host "+s.String(), "src host "+s.String(), "dst host "+ds.String(),
				"net "+n.String(), "src net "+n.String(), "dst net "+netip.PrefixFrom(ds, 24).Masked().String(),
				"host "+s.String()+" and tcp and not port 22")
		}
		if !v6 && d[1] == 10 && len(d) >= x+40 {
			v6 = true
			s, ds := netip.AddrFrom16([16]byte(d[x+8:x+24])), netip.AddrFrom16([16]byte(d[x+24:x+40]))
			exprs = append(exprs, "host "+s.String(), "src host "+s.String(), "dst host "+ds.String(), "dst host "+s.String())
		}
	}
	for _, expr := range exprs {
		prog, err := compileFilter(LinkTypePFLOG, DefaultSnapLen, expr, 10)
		if err != nil {
			t.Errorf("%q: %v", expr, err)
			continue
		}
		vm, err := bpf.NewVM(prog)
		if err != nil {
			t.Errorf("%q: VM: %v", expr, err)
			continue
		}
		ref, err := pcap.NewBPF(layers.LinkTypePFLog, DefaultSnapLen, expr)
		if err != nil {
			t.Fatalf("%q: libpcap refuses it: %v", expr, err)
		}
		accepted, bad := 0, 0
		for _, p := range pkts {
			want := ref.Matches(p.ci, p.data)
			n, _ := vm.Run(p.data)
			if got := n > 0; got != want {
				if bad++; bad <= 3 {
					t.Errorf("%q: packet of %d bytes (af %v): libpcap %v, ours %v", expr, len(p.data), p.data[:min(2, len(p.data))], want, got)
				}
			}
			if want {
				accepted++
			}
		}
		t.Logf("%-50q %5d/%d accepted, %d differ", expr, accepted, len(pkts), bad)
	}
}
