// Package crowdsec holds pfasciilogd's CrowdSec parsers (parsers/), scan
// scenarios (scenarios/), a collection, and an acquisition example. Its
// test runs Debian's real crowdsec over pfasciilogd's output for a capture
// written by the project's generator in attack mode (the fail2ban test's
// forged payloads and odd headers), with scanners added:
//
//   - cscli explain -v shows every line of a packet pf blocked inbound
//     parsed, with the source address, kind and time the generator wrote,
//     and no other line parsed (text, JSON and NFLOG text);
//   - replaying the logs (crowdsec -dsn file://...) raises an alert for
//     every scanning source in each scenario that covers it, the hub's
//     firewallservices/pf-scan-multi_ports included, and for no other
//     source: not the slow or small scanners, not out-of-state ACK/RST
//     floods, no source of the attack capture and no victim named in its
//     payloads.
//
// It needs root (the local API runs in a network namespace of its own) and
// crowdsec (see cstest); elsewhere it skips and says why.
package crowdsec

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pfasciilogd/pfasciilogd/contrib/crowdsec/cstest"
	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

const (
	// The time zone pfasciilogd writes its times in, with a half-hour
	// offset, so that a time taken without its offset shows.
	testTZ = "Asia/Kolkata"
	// The local API, inside the test's own namespace.
	lapiListen = "127.0.0.1:8080"
	lapiURL    = "http://127.0.0.1:8080"
	nflogGroup = 7
	hubScan    = "firewallservices/pf-scan-multi_ports"
	ourPorts   = "pfasciilogd/pf-scan-multi_ports"
	ourHosts   = "pfasciilogd/pf-scan-multi_hosts"
)

// ---- the capture ----

// A scanner sends n packets, gap apart, built by pkt.
type scanner struct {
	name string
	src  netip.Addr
	n    int
	gap  time.Duration
	pkt  func(i int) []byte
	want []string // the scenarios that must raise an alert for it
}

var (
	whitelisted  = netip.MustParseAddr("198.19.200.11")
	forgedVictim = netip.MustParseAddr("192.0.2.200")
	scanDst      = netip.MustParseAddr("198.19.1.1")
	scanDst6     = netip.MustParseAddr("2001:db8:5ca9:1::1")
)

func sweepDst(i int) netip.Addr { return netip.AddrFrom4([4]byte{198, 19, 2, byte(i + 1)}) }

func scanners() []scanner {
	a := func(s string) netip.Addr { return netip.MustParseAddr(s) }
	ms := time.Millisecond
	return []scanner{
		{"tcp-syn-scan", a("198.19.200.1"), 30, 120 * ms,
			func(i int) []byte { return tcpPacket(a("198.19.200.1"), scanDst, 40000, uint16(1+i), fSYN) },
			[]string{hubScan, ourPorts}},
		{"udp-scan", a("198.19.200.2"), 30, 120 * ms,
			func(i int) []byte { return udpPacket(a("198.19.200.2"), scanDst, 40000, uint16(1000+i)) },
			[]string{ourPorts}},
		{"icmp-sweep", a("198.19.200.3"), 30, 120 * ms,
			func(i int) []byte { return echoPacket(a("198.19.200.3"), sweepDst(i), uint16(i)) },
			[]string{ourHosts}},
		{"syn-sweep", a("198.19.200.4"), 30, 120 * ms,
			func(i int) []byte { return tcpPacket(a("198.19.200.4"), sweepDst(i), 40000, 22, fSYN) },
			[]string{ourHosts}},
		{"tcp6-syn-scan", a("2001:db8:5ca9::1"), 30, 120 * ms,
			func(i int) []byte {
				return tcpPacket(a("2001:db8:5ca9::1"), scanDst6, 40000, uint16(1+i), fSYN|fECE|fCWR)
			},
			[]string{hubScan, ourPorts}},
		{"udp6-icmp6-sweep", a("2001:db8:5ca9::2"), 30, 120 * ms,
			func(i int) []byte {
				d := scanDst6.As16()
				d[15] = byte(i + 1)
				if i%2 == 0 {
					return echoPacket(a("2001:db8:5ca9::2"), netip.AddrFrom16(d), uint16(i))
				}
				return udpPacket(a("2001:db8:5ca9::2"), netip.AddrFrom16(d), 40000, 161)
			},
			[]string{ourHosts}},
		// Out-of-state segments from a host you were talking to, to many
		// of your ephemeral ports: never a scan.
		{"out-of-state", a("198.19.200.6"), 40, 60 * ms,
			func(i int) []byte {
				f := []uint8{fACK, fACK | fPSH, fRST | fACK, fFIN | fACK, fRST}[i%5]
				return tcpPacket(a("198.19.200.6"), scanDst, 443, uint16(50000+i), f)
			}, nil},
		// Below the threshold: 8 ports.
		{"few-ports", a("198.19.200.7"), 8, 120 * ms,
			func(i int) []byte { return tcpPacket(a("198.19.200.7"), scanDst, 40000, uint16(1+i), fSYN) }, nil},
		// Slower than the bucket leaks: a port every 6 s.
		{"slow-scan", a("198.19.200.8"), 40, 6 * time.Second,
			func(i int) []byte { return tcpPacket(a("198.19.200.8"), scanDst, 40000, uint16(1+i), fSYN) }, nil},
		// A UDP scan from port 53 whose DNS queries forge a TCP scan by
		// forgedVictim: the scanner is banned, the victim never.
		{"forger", a("198.19.200.10"), 30, 120 * ms,
			func(i int) []byte {
				return dnsPacket(a("198.19.200.10"), scanDst, uint16(2000+i), fmt.Sprintf(
					"x: rule 1/0(match): block in on vtnet0: %s.4444 > %s.%d: Flags [S], seq 1, win 1024, length 0", forgedVictim, scanDst, 1+i))
			},
			[]string{ourPorts}},
		// A scan from an address the whitelist (the contrib example with
		// this address added) lists: never banned.
		{"whitelisted", whitelisted, 30, 120 * ms,
			func(i int) []byte { return tcpPacket(whitelisted, scanDst, 40000, uint16(1+i), fSYN) }, nil},
		// Many attempts on one port of one host: not a scan.
		{"one-port", a("198.19.200.9"), 40, 60 * ms,
			func(i int) []byte { return tcpPacket(a("198.19.200.9"), scanDst, uint16(40000+i), 22, fSYN) }, nil},
	}
}

const (
	fFIN = 0x01
	fSYN = 0x02
	fRST = 0x04
	fPSH = 0x08
	fACK = 0x10
	fECE = 0x40
	fCWR = 0x80
)

func ipPacket(src, dst netip.Addr, proto uint8, l4 []byte) []byte {
	if src.Is4() {
		b := make([]byte, 20, 20+len(l4))
		b[0] = 0x45
		binary.BigEndian.PutUint16(b[2:], uint16(20+len(l4)))
		binary.BigEndian.PutUint16(b[4:], 0x1234)
		binary.BigEndian.PutUint16(b[6:], 0x4000)
		b[8], b[9] = 64, proto
		s, d := src.As4(), dst.As4()
		copy(b[12:], s[:])
		copy(b[16:], d[:])
		var sum uint32
		for i := 0; i < 20; i += 2 {
			sum += uint32(binary.BigEndian.Uint16(b[i:]))
		}
		for sum > 0xffff {
			sum = sum&0xffff + sum>>16
		}
		binary.BigEndian.PutUint16(b[10:], ^uint16(sum))
		return append(b, l4...)
	}
	b := make([]byte, 40, 40+len(l4))
	b[0] = 0x60
	binary.BigEndian.PutUint16(b[4:], uint16(len(l4)))
	b[6], b[7] = proto, 64
	s, d := src.As16(), dst.As16()
	copy(b[8:], s[:])
	copy(b[24:], d[:])
	return append(b, l4...)
}

func tcpPacket(src, dst netip.Addr, sport, dport uint16, flags uint8) []byte {
	h := make([]byte, 20)
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint32(h[4:], 0x01020304)
	if flags&fACK != 0 {
		binary.BigEndian.PutUint32(h[8:], 0x05060708)
	}
	h[12], h[13] = 5<<4, flags
	binary.BigEndian.PutUint16(h[14:], 1024)
	return ipPacket(src, dst, 6, h)
}

func udpPacket(src, dst netip.Addr, sport, dport uint16) []byte {
	h := make([]byte, 8, 12)
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint16(h[4:], 12)
	return ipPacket(src, dst, 17, append(h, "scan"...))
}

// dnsPacket is a DNS query for name from port 53 (tcpdump picks the DNS
// printer by either port) to dport.
func dnsPacket(src, dst netip.Addr, dport uint16, name string) []byte {
	b := []byte{0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0}
	for _, l := range strings.Split(name, ".") {
		if l != "" {
			b = append(b, byte(len(l)))
			b = append(b, l...)
		}
	}
	b = append(b, 0, 0, 1, 0, 1)
	h := make([]byte, 8, 8+len(b))
	binary.BigEndian.PutUint16(h[0:], 53)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint16(h[4:], uint16(8+len(b)))
	return ipPacket(src, dst, 17, append(h, b...))
}

func echoPacket(src, dst netip.Addr, seq uint16) []byte {
	h := []byte{8, 0, 0, 0, 0, 7, byte(seq >> 8), byte(seq)}
	proto := uint8(1)
	if src.Is6() {
		h[0], proto = 128, 58
	}
	return ipPacket(src, dst, proto, h)
}

// pflogHeader is FreeBSD's pflog header of a packet blocked inbound on
// vtnet0 by rule 1 (pcapgen's FreeBSD layout: 69 bytes, padded to 72).
func pflogHeader(v6 bool) []byte {
	b := make([]byte, 72)
	b[0], b[1], b[2] = 69, 2, pcapgen.ActionBlock
	if v6 {
		b[1] = 28
	}
	copy(b[4:20], "vtnet0")
	binary.BigEndian.PutUint32(b[36:], 1)
	binary.BigEndian.PutUint32(b[40:], 0xffffffff)
	binary.LittleEndian.PutUint32(b[44:], 0xffffffff)
	b[60] = pcapgen.DirIn
	return b
}

// testCapture is the attack capture with the scanners after it, as pflog
// and as NFLOG records, and what the generator knows of them.
type testCapture struct {
	recs, nrecs   []pcapgen.Record
	truth, ntruth []pcapgen.Truth
	victims       map[netip.Addr]bool
	attackSrcs    map[netip.Addr]bool
}

func buildCapture(t *testing.T) *testCapture {
	c := &testCapture{victims: map[netip.Addr]bool{forgedVictim: true}, attackSrcs: map[netip.Addr]bool{}}
	const base = 1763772000
	var shift uint32
	for i, fl := range []pcapgen.Flavor{pcapgen.FlavorFreeBSD, pcapgen.FlavorOther, pcapgen.FlavorOpenBSD} {
		a := pcapgen.Attack(pcapgen.AttackConfig{Seed: 20261206 + int64(i), Flavor: fl, Background: 1000, Rounds: 2})
		first := a.Records[0].Sec
		for j, r := range a.Records {
			r.Sec = r.Sec - first + base + shift
			c.recs = append(c.recs, r)
			c.truth = append(c.truth, a.Truth[j])
			if a.Truth[j].Attack != "" && a.Truth[j].Src.IsValid() {
				c.attackSrcs[a.Truth[j].Src] = true
			}
		}
		shift = c.recs[len(c.recs)-1].Sec - base + 10
		for _, v := range a.Victims {
			c.victims[v] = true
		}
	}
	ac := &pcapgen.AttackCapture{Records: c.recs, Truth: c.truth}
	c.nrecs, c.ntruth = ac.NFLOG(func(int) uint16 { return nflogGroup })

	// The scanners, 10 s after the attack capture, in time order.
	type pkt struct {
		at time.Duration
		ip []byte
	}
	var pkts []pkt
	for k, s := range scanners() {
		for i := 0; i < s.n; i++ {
			pkts = append(pkts, pkt{time.Duration(i)*s.gap + time.Duration(k)*time.Millisecond, s.pkt(i)})
		}
	}
	sort.SliceStable(pkts, func(i, j int) bool { return pkts[i].at < pkts[j].at })
	start := time.Unix(int64(c.recs[len(c.recs)-1].Sec)+10, 0)
	for _, p := range pkts {
		at := start.Add(p.at)
		sec, usec := uint32(at.Unix()), uint32(at.Nanosecond()/1000)
		v6 := p.ip[0]>>4 == 6
		data := append(pflogHeader(v6), p.ip...)
		c.recs = append(c.recs, pcapgen.Record{Sec: sec, Usec: usec, Data: data, WireLen: len(data)})
		c.truth = append(c.truth, pcapgen.ClassifyPflog(data, len(data)))
		n := pcapgen.NFLOGRecord(p.ip, nflogGroup, "cs-test")
		c.nrecs = append(c.nrecs, pcapgen.Record{Sec: sec, Usec: usec, Data: n, WireLen: len(n)})
		tr := pcapgen.ClassifyIP(p.ip, len(p.ip), v6)
		tr.Action, tr.Dir, tr.Group = pcapgen.ActionBlock, pcapgen.DirIn, nflogGroup
		c.ntruth = append(c.ntruth, tr)
	}
	t.Logf("capture: %d pflog records (%d scanner packets), %d NFLOG records; %d attack sources, %d victims",
		len(c.recs), len(pkts), len(c.nrecs), len(c.attackSrcs), len(c.victims))
	return c
}

// ---- the test ----

// A log of pfasciilogd's and what each of its lines must parse to.
type logCase struct {
	name, typ string // acquisition type (the parser's program)
	log       string
	recs      []pcapgen.Record
	truth     []pcapgen.Truth
	failure   func(pcapgen.Truth) bool // lines that must parse
}

func TestCrowdSec(t *testing.T) {
	cstest.RequireRoot(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	in, why := cstest.Find(root)
	if in == nil {
		t.Skip(why)
	}
	contrib, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("crowdsec %s from %s", in.Version(), in.Root)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bin, err := cstest.BuildDaemon(root, dir)
	if err != nil {
		t.Fatal(err)
	}

	c := buildCapture(t)
	pflog := filepath.Join(dir, "attack.pcap")
	if err := pcapgen.WriteFile(pflog, 65535, c.recs); err != nil {
		t.Fatal(err)
	}
	nflog := filepath.Join(dir, "attack-nflog.pcap")
	if err := pcapgen.WriteFileLinkType(nflog, pcapgen.LinkTypeNFLOG, 65535, c.nrecs); err != nil {
		t.Fatal(err)
	}
	blockIn := func(tr pcapgen.Truth) bool { return tr.Printed && tr.BlockIn() }
	printed := func(tr pcapgen.Truth) bool { return tr.Printed }
	cases := []logCase{
		{"text", "pfasciilogd", decode(t, bin, pflog, "text"), c.recs, c.truth, blockIn},
		{"json", "pfasciilogd-json", decode(t, bin, pflog, "json"), c.recs, c.truth, blockIn},
		{"nflog", "pfasciilogd-nflog", decode(t, bin, nflog, "text"), c.nrecs, c.ntruth, printed},
		{"nflog-json", "pfasciilogd-nflog-json", decode(t, bin, nflog, "json"), c.nrecs, c.ntruth, printed},
	}
	checkAttackReachedLog(t, cases[0].log)

	// One local API for every case, in a namespace of its own; each case
	// is an agent (machine) of its own, and reads only its own alerts.
	ns := cstest.Netns(t, "lapi")
	lapi := in.NewConfig(t, filepath.Join(dir, "lapi"), ns, cstest.Options{Listen: lapiListen, URL: lapiURL})
	lapi.StartLAPI()

	for _, lc := range cases {
		lc := lc
		t.Run("explain-"+lc.name, func(t *testing.T) {
			t.Parallel()
			agent := newAgent(t, in, lapi, contrib, filepath.Join(dir, "explain-"+lc.name), ns, false)
			checkExplain(t, agent, lc)
		})
		if lc.name == "nflog-json" {
			continue // the JSON and NFLOG replays cover it
		}
		t.Run("replay-"+lc.name, func(t *testing.T) {
			t.Parallel()
			name := "replay-" + lc.name
			// Without the hub's parsers once (an offline install without
			// the hub): the parser needs no raw parser before it and sets
			// the packets' times itself (without them crowdsec 1.4.6
			// raises no alert in a replay).
			agent := newAgent(t, in, lapi, contrib, filepath.Join(dir, name), ns, lc.name == "nflog")
			whitelist(t, contrib, agent.Dir)
			out := agent.Replay(lc.log, lc.typ)
			if p := cstest.Problems(out); len(p) > 0 {
				t.Errorf("crowdsec replay reported problems:\n%s", strings.Join(p, "\n"))
			}
			checkAlerts(t, lapi.For(t).Alerts(), name, c)
		})
	}
}

func newAgent(t *testing.T, in *cstest.Install, lapi *cstest.Config, contrib, dir, ns string, noHub bool) *cstest.Config {
	agent := in.NewConfig(t, dir, ns, cstest.Options{URL: lapiURL, Contrib: contrib, HubScenarios: []string{hubScan}, NoHub: noHub})
	lapi.For(t).AddMachine(filepath.Base(dir), agent, lapiURL)
	return agent
}

// whitelist installs the contrib whitelist, with the whitelisted scanner
// added, into the agent's configuration in dir.
func whitelist(t *testing.T, contrib, dir string) {
	const f = "parsers/s02-enrich/pfasciilogd-whitelist.yaml"
	b, err := os.ReadFile(filepath.Join(contrib, f))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "    - \"::1\"\n", "    - \"::1\"\n    - \""+whitelisted.String()+"\"\n", 1)
	if s == string(b) {
		t.Fatalf("%s: no \"::1\" entry to add %s after", f, whitelisted)
	}
	if err := os.WriteFile(filepath.Join(dir, "etc", f), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// decode runs pfasciilogd -r with the given --format and returns the
// log's path.
func decode(t *testing.T, bin, pcap, format string) string {
	t.Helper()
	log := pcap + "." + format + ".log"
	f, err := os.Create(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command(bin, "-r", pcap, "--format", format)
	cmd.Env = append(os.Environ(), "TZ="+testTZ)
	cmd.Stdout = f
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s -r %s --format %s: %v\n%s", bin, pcap, format, err, stderr.Bytes())
	}
	return log
}

// checkAttackReachedLog makes sure forged lines naming victims are in the
// text log, so that the test tests something.
func checkAttackReachedLog(t *testing.T, log string) {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(string(b), "\n") {
		if i := strings.Index(l, ": block in on "); i >= 0 && strings.Contains(l[i+1:], ": block in on em0: 192.0.2.") {
			n++
		}
	}
	if n == 0 {
		t.Fatalf("no line of %s carries a forged block-in line naming a victim: the attack does not reach the log", log)
	}
	t.Logf("%d lines carry a second, forged block-in line naming a victim in 192.0.2.0/24", n)
}

// ---- cscli explain ----

// explained is what cscli explain -v says of one line.
type explained struct {
	line    string
	ok      bool              // "parser success"
	parsers []string          // s01 parsers that succeeded
	set     map[string]string // evt.Meta.X and evt.Parsed.X as created or updated
}

// parseExplain reads cscli explain -v output.
func parseExplain(out []byte) ([]explained, error) {
	var res []explained
	var cur *explained
	stage := ""
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if s, ok := strings.CutPrefix(l, "line: "); ok {
			res = append(res, explained{line: s, set: map[string]string{}})
			cur, stage = &res[len(res)-1], ""
			continue
		}
		if cur == nil {
			if strings.TrimSpace(l) != "" {
				return nil, fmt.Errorf("text before the first line: %q", l)
			}
			continue
		}
		f := strings.TrimLeft(l, "\t|├└ ")
		switch {
		case strings.HasPrefix(f, "s0") && !strings.Contains(f, " "):
			stage = f
		case strings.Contains(l, "parser success"):
			cur.ok = true
		case strings.HasPrefix(f, "🟢 ") && stage == "s01-parse":
			cur.parsers = append(cur.parsers, strings.Fields(f)[1])
		case strings.HasPrefix(f, "create evt.") || strings.HasPrefix(f, "update evt."):
			k, v, _ := strings.Cut(f[len("create "):], " : ")
			if _, nv, ok := strings.Cut(v, " -> "); ok && strings.HasPrefix(f, "update") {
				v = nv
			}
			cur.set[k] = v
		}
	}
	return res, sc.Err()
}

var kindNames = map[pcapgen.Kind]string{
	pcapgen.KindTCPSyn: "tcp-syn", pcapgen.KindTCPOther: "tcp-other", pcapgen.KindUDP: "udp", pcapgen.KindICMP: "icmp",
}

func kindName(k pcapgen.Kind) string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "other"
}

var services = map[string]string{"tcp-syn": "tcp", "udp": "udp", "icmp": "icmp"}

// recordStart matches the first line of a record, text or JSON.
var recordStart = regexp.MustCompile(`^(?:\{"time":")?\d{4}-\d\d-\d\dT`)

// lineKey is what identifies a line of the log: its time, unique in the
// capture (text: the prefix; JSON: the "time" member).
func lineKey(line string) string {
	if strings.HasPrefix(line, `{"time":"`) {
		line = line[len(`{"time":"`):]
	}
	if i := strings.IndexAny(line, ` "`); i > 0 {
		return line[:i]
	}
	return line
}

func checkExplain(t *testing.T, agent *cstest.Config, lc logCase) {
	b, err := os.ReadFile(lc.log)
	if err != nil {
		t.Fatal(err)
	}
	// One record, one line starting with its time, except for the lines
	// tcpdump continues a record with (hex dumps, empty lines some
	// printers add), which must never parse.
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	index := map[string]int{}
	for _, l := range lines {
		if !recordStart.MatchString(l) {
			continue
		}
		k := lineKey(l)
		if _, dup := index[k]; dup {
			t.Fatalf("two lines of %s at %s", lc.log, k)
		}
		index[k] = len(index)
	}
	if len(index) != len(lc.recs) {
		t.Fatalf("%s: %d lines (and %d continuation lines) for %d records", lc.log, len(index), len(lines)-len(index), len(lc.recs))
	}

	start := time.Now()
	out := agent.Cscli(10*time.Minute, "explain", "-v", "--file", lc.log, "--type", lc.typ)
	elapsed := time.Since(start)
	ex, err := parseExplain(out)
	if err != nil {
		t.Fatalf("cscli explain output: %v", err)
	}
	nonEmpty := 0 // crowdsec reads no empty line
	for _, l := range lines {
		if l != "" {
			nonEmpty++
		}
	}
	if len(ex) != nonEmpty {
		t.Fatalf("cscli explain showed %d lines of %d (not empty)", len(ex), nonEmpty)
	}
	const parser = "pfasciilogd/pf-logs"
	expected, parsed, bad := 0, 0, 0
	byKind := map[string]int{}
	fail := func(format string, a ...any) {
		if bad++; bad <= 10 {
			t.Errorf(format, a...)
		}
	}
	seen := map[int]bool{}
	cont := 0
	for _, e := range ex {
		if !recordStart.MatchString(e.line) {
			if cont++; e.ok {
				fail("continuation line parsed: %q", e.line)
			}
			continue
		}
		i, ok := index[lineKey(e.line)]
		if !ok || seen[i] {
			t.Fatalf("cscli explain showed a line not in the log once: %q", e.line)
		}
		seen[i] = true
		tr, rec := lc.truth[i], lc.recs[i]
		must := lc.failure(tr)
		if must {
			expected++
		}
		if e.ok {
			parsed++
		}
		switch {
		case must && !e.ok:
			fail("line %d not parsed: %s", i+1, e.line)
			continue
		case !must && e.ok:
			fail("line %d parsed (%v) but pf did not block it inbound: %s", i+1, e.set, e.line)
			continue
		case !must:
			continue
		}
		if len(e.parsers) != 1 || e.parsers[0] != parser {
			fail("line %d: parsed by %v, want %s", i+1, e.parsers, parser)
		}
		if e.set["evt.Meta.log_type"] != "pf_drop" {
			fail("line %d: log_type %q", i+1, e.set["evt.Meta.log_type"])
		}
		if a, err := netip.ParseAddr(e.set["evt.Meta.source_ip"]); err != nil || a != tr.Src {
			fail("line %d: source_ip %q, the packet's source is %s: %s", i+1, e.set["evt.Meta.source_ip"], tr.Src, e.line)
		}
		k := kindName(tr.Kind)
		byKind[k]++
		if e.set["evt.Meta.pf_kind"] != k {
			fail("line %d: pf_kind %q, the packet is %s: %s", i+1, e.set["evt.Meta.pf_kind"], k, e.line)
		}
		if e.set["evt.Meta.service"] != services[k] {
			fail("line %d: service %q, want %q: %s", i+1, e.set["evt.Meta.service"], services[k], e.line)
		}
		at := time.Unix(int64(rec.Sec), int64(rec.Usec)*1000)
		if ts, err := time.Parse(time.RFC3339Nano, e.set["evt.Meta.timestamp"]); err != nil || !ts.Equal(at) {
			fail("line %d: timestamp %q, the packet's time is %s", i+1, e.set["evt.Meta.timestamp"], at.UTC().Format(time.RFC3339Nano))
		}
	}
	t.Logf("cscli explain -v --type %s: %d lines (%d continuation lines), %d parsed, %d expected (by kind: %v); %d mismatches; %.1fs",
		lc.typ, len(ex), cont, parsed, expected, byKind, bad, elapsed.Seconds())
	if expected == 0 || byKind["tcp-syn"] == 0 || byKind["tcp-other"] == 0 || byKind["udp"] == 0 || byKind["icmp"] == 0 || byKind["other"] == 0 {
		t.Errorf("the capture does not cover every kind of packet: %v", byKind)
	}
}

// ---- replay ----

func checkAlerts(t *testing.T, alerts []cstest.Alert, machine string, c *testCapture) {
	got := map[string]map[netip.Addr]bool{} // scenario -> sources
	n := 0
	for _, a := range alerts {
		if a.MachineID != machine {
			continue
		}
		n++
		src, err := netip.ParseAddr(a.Source.Value)
		if err != nil {
			t.Errorf("alert %d (%s): source %q is not an address", a.ID, a.Scenario, a.Source.Value)
			continue
		}
		if got[a.Scenario] == nil {
			got[a.Scenario] = map[netip.Addr]bool{}
		}
		got[a.Scenario][src] = true
		if len(a.Decisions) == 0 || a.Decisions[0].Type != "ban" {
			t.Errorf("alert %d (%s, %s): no ban decision: %+v", a.ID, a.Scenario, src, a.Decisions)
		}
		if c.victims[src] {
			t.Errorf("alert %d (%s): a victim named in a forged payload, %s", a.ID, a.Scenario, src)
		}
		if c.attackSrcs[src] {
			t.Errorf("alert %d (%s): %s, a source of one packet of the attack capture", a.ID, a.Scenario, src)
		}
	}
	want := map[string]map[netip.Addr]bool{}
	names := map[netip.Addr]string{}
	for _, s := range scanners() {
		names[s.src] = s.name
		for _, sc := range s.want {
			if want[sc] == nil {
				want[sc] = map[netip.Addr]bool{}
			}
			want[sc][s.src] = true
		}
	}
	name := func(a netip.Addr) string {
		if s, ok := names[a]; ok {
			return s + " " + a.String()
		}
		return a.String()
	}
	for _, sc := range []string{ourPorts, ourHosts, hubScan} {
		var srcs []string
		for a := range got[sc] {
			srcs = append(srcs, name(a))
			if !want[sc][a] {
				t.Errorf("%s raised an alert for %s, which must not be banned", sc, name(a))
			}
		}
		for a := range want[sc] {
			if !got[sc][a] {
				t.Errorf("%s raised no alert for %s", sc, name(a))
			}
		}
		sort.Strings(srcs)
		t.Logf("%s: %s: alerts for %s", machine, sc, strings.Join(srcs, ", "))
	}
	for sc := range got {
		if sc != ourPorts && sc != ourHosts && sc != hubScan {
			t.Errorf("alert from an unexpected scenario %s", sc)
		}
	}
	if n == 0 {
		t.Errorf("no alert from machine %s", machine)
	}
}
