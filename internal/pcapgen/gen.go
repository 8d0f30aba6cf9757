// Package pcapgen writes DLT_PFLOG captures of the traffic pf blocks on a
// host exposed to the internet: port scans, UDP probes with real payloads,
// ICMP, IPv6 with extension headers, fragments, tunnels, odd IP protocols,
// short TCP conversations, and a share of malformed records (snaplen cuts,
// corrupted bytes). Every byte, the pflog header included, is built by hand
// and the output depends only on the seed.
//
// It also reads and writes classic pcap files (Reader, Writer).
//
// In oracle mode the generator keeps to what Debian's tcpdump 4.99.3 prints
// the way FreeBSD's 4.99.5 does, up to the differences that
// testdata/fix-4.99.3.awk corrects mechanically; see Oracle.
package pcapgen

import (
	"encoding/binary"
	"fmt"
)

// Flavor selects the pflog header layout and the value of AF_INET6.
type Flavor int

const (
	// FlavorFreeBSD: length byte 69 (72-byte header with ridentifier), AF_INET6 28.
	FlavorFreeBSD Flavor = iota
	// FlavorOpenBSD: length byte 100 (rewritten addresses), AF_INET6 24.
	FlavorOpenBSD
	// FlavorOther: length byte 61 (64-byte header, NetBSD and older FreeBSD), AF_INET6 24.
	FlavorOther
)

var flavorNames = []string{"freebsd", "openbsd", "other"}

func (f Flavor) String() string { return flavorNames[f] }

// ParseFlavor parses "freebsd", "openbsd" or "other".
func ParseFlavor(s string) (Flavor, error) {
	for i, n := range flavorNames {
		if s == n {
			return Flavor(i), nil
		}
	}
	return 0, fmt.Errorf("unknown flavor %q (freebsd, openbsd or other)", s)
}

func (f Flavor) hdrLen() int { return [...]int{69, 100, 61}[f] }
func (f Flavor) af6() uint8  { return [...]uint8{28, 24, 24}[f] }

// Oracle restricts what the generator writes so that Debian's tcpdump can
// stand in for FreeBSD's.
type Oracle int

const (
	// OracleOff: any header values and traffic.
	OracleOff Oracle = iota
	// OracleSafe: pflog header values that Debian's tcpdump names the way
	// FreeBSD's does (reasons 0-14 but 3 and 4, actions 0-10 but 3,
	// directions 0-2, no uid, ridentifier 0); no traffic that the two
	// versions send to different printers or print differently beyond
	// what testdata/fix-4.99.3.awk corrects (NetBIOS, SMB, Kerberos, PTP,
	// port pairs dispatched in a different order, IPv4 total length 0);
	// corrupted bytes only where the two print alike.
	OracleSafe
	// OracleFixable: OracleSafe plus reasons 3 and 4, action 3 and DNS
	// types renamed in 4.99.4, all of which the awk script corrects.
	OracleFixable
)

var oracleNames = []string{"off", "safe", "fixable"}

func (o Oracle) String() string { return oracleNames[o] }

// ParseOracle parses "off" (or ""), "safe" or "fixable".
func ParseOracle(s string) (Oracle, error) {
	if s == "" {
		return OracleOff, nil
	}
	for i, n := range oracleNames {
		if s == n {
			return Oracle(i), nil
		}
	}
	return 0, fmt.Errorf("unknown oracle mode %q (off, safe or fixable)", s)
}

// Mix sets the proportions of traffic kinds.
type Mix int

const (
	MixWide Mix = iota // 30% IPv6; 40% TCP, 30% UDP, 15% ICMP, 15% other
	MixScan            // 30% IPv6; 60% TCP, 25% UDP, 10% ICMP, 5% other
	MixV6              // 90% IPv6; as wide
	MixTail            // only the long tail (tail.go): pfsync, CARP/VRRP, OSI over GRE, jumbograms, SRH, AFS RX
)

var mixNames = []string{"wide", "scan", "v6", "tail"}

func (m Mix) String() string { return mixNames[m] }

// ParseMix parses "wide", "scan", "v6" or "tail".
func ParseMix(s string) (Mix, error) {
	for i, n := range mixNames {
		if s == n {
			return Mix(i), nil
		}
	}
	return 0, fmt.Errorf("unknown mix %q (wide, scan, v6 or tail)", s)
}

// Config configures a Generator.
type Config struct {
	Seed   int64
	Flavor Flavor
	Oracle Oracle
	Mix    Mix
	// Malformed is the share of records cut short at a random point;
	// 0.6 times as many more get 1-3 bytes corrupted. gen.py uses 0.03.
	Malformed float64
	// Snaplen, if > 0, cuts every record to that many bytes (pflogd's
	// default is 160).
	Snaplen int
	// Hosts, if > 0, draws every address from a pool of that many IPv4
	// and that many IPv6 addresses (the few thousand hosts a firewall
	// sees in a day); 0 draws each address afresh (about a million
	// distinct ones in a million packets).
	Hosts int
	// Rules, if > 0, draws every pflog header from a set of that many,
	// each made once like a fresh one (rule number, anchor, interface,
	// reason, action, direction, uid, ridentifier): the handful of
	// logging rules that write a firewall's log. Only the address family
	// and the pid are set per record. 0 draws each header afresh.
	Rules int
}

type pktInfo struct {
	v6       bool
	hdrEnd   int   // end of the outer IP header
	l4       int   // start of the upper layer
	l4proto  uint8 // its protocol
	exts     [6]int
	nExt     int
	deep     bool // the upper layer may be corrupted in oracle mode
	fragment bool // an IPv4 fragment, or an IPv6 one with its fragment header at 40
	tunnel   bool // carries another IP packet
	// cut, if > 0, is how many bytes of the packet the record captures.
	cut int
	// jumboWire, if > 0, is the IPv6 packet's length on the wire (a
	// jumbogram, of which the record holds the first bytes).
	jumboWire int
}

type queued struct {
	body []byte
	info pktInfo
}

// Generator produces pflog records. It is not safe for concurrent use.
type Generator struct {
	cfg        Config
	r          *rng
	sec, usec  uint32
	p, q       builder
	pay        []byte
	rec        []byte
	frags      []queued
	flow       []queued
	convs      []queued
	fromServer bool
	v4pool     []addr // Config.Hosts
	v6pool     []addr
	rules      [][]byte // Config.Rules: pflog headers
}

// New returns a Generator.
func New(cfg Config) *Generator {
	g := &Generator{cfg: cfg, r: newRNG(uint64(cfg.Seed))}
	g.sec = 1700000000 + uint32(g.r.intn(10000000))
	g.p.b = make([]byte, 0, 4096)
	g.q.b = make([]byte, 0, 4096)
	g.pay = make([]byte, 0, 4096)
	g.rec = make([]byte, 0, 4096)
	return g
}

// Next returns the next record. Its Data is valid until the next call.
func (g *Generator) Next() Record {
	r := g.r
	var body []byte
	var info pktInfo
	switch {
	case len(g.frags) > 0:
		body, info = g.frags[0].body, g.frags[0].info
		g.frags = g.frags[1:]
	case len(g.flow) > 0 && r.chance(0.5):
		body, info = g.flow[0].body, g.flow[0].info
		g.flow = g.flow[1:]
	case len(g.convs) > 0 && r.chance(0.06):
		body, info = g.replay()
	case g.cfg.Mix == MixTail:
		g.tail(&info)
		g.p.finish()
		if info.jumboWire > 0 {
			binary.BigEndian.PutUint16(g.p.b[4:], 0)
		}
		body = g.p.b
	default:
		body, info = g.makePacket()
		if r.chance(0.03) && (info.l4proto == protoTCP || info.l4proto == protoUDP ||
			info.l4proto == protoICMP || info.l4proto == protoICMPv6) && info.l4 == info.hdrEnd {
			g.fragment(info)
			body, info = g.frags[0].body, g.frags[0].info
			g.frags = g.frags[1:]
		}
	}
	return g.record(body, info)
}

// ---- pflog header ----

var ifNames = []string{"vtnet0", "em0", "igb1", "ix0", "re0", "lagg0", "vlan100", "wg0",
	"bridge0", "tun0", "epair0b", "mlxen0", "pppoe0", "bce1"}

// Interface and anchor names that exercise the escaping of nd_printjnp.
// Anchors never contain a space or ':' (the awk corrections find the
// header's fields by them).
var oddIfNames = []string{"e\x01\x1b[\x7f\x80\xff \\x", "abcdefghijklmnop", "lo0\x00junk", "", "em0: block in", "tap\xe9"}
var rulesets = []string{"f2b/sshd", "f2b/pf", "blacklistd", "ext", "sshguard", "a", "very_long_ancho"}
var oddRulesets = []string{"ABCDEFGHIJKLMNOP", "a\nb\xe9c", "x\x7fy/z", ""}

var ruleNumbers = []uint32{0, 1, 2, 3, 7, 12, 42, 120, 1000, 65535, 4294967294, 4294967295}

var (
	actionsAny  = []uint8{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	actionsSafe = []uint8{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 2, 8, 10, 4, 5, 6, 7, 9}
	actionsFix  = []uint8{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 2, 8, 10, 4, 5, 6, 7, 9, 3}
	reasonsAny  = []uint8{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}
	reasonsSafe = []uint8{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
	reasonsFix  = []uint8{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
	dirsAny     = []uint8{1, 1, 1, 1, 1, 1, 1, 1, 2, 0, 3, 4}
	dirsSafe    = []uint8{1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 0}
	unknownAFs  = []uint8{0, 10, 17, 30, 255}
	oddLenBytes = []uint8{0, 44, 45, 60, 64, 68, 72, 255}
	hostEndian  = binary.LittleEndian // uid and pid, as an amd64 pf writes them
	fixedEndian = binary.BigEndian
)

func (g *Generator) appendPflog(b []byte, af uint8) []byte {
	if g.cfg.Rules <= 0 {
		return g.appendFreshPflog(b, af)
	}
	i := g.r.intn(g.cfg.Rules)
	if i >= len(g.rules) {
		h := g.appendFreshPflog(nil, af)
		g.rules = append(g.rules, h)
		return append(b, h...)
	}
	start := len(b)
	b = append(b, g.rules[i]...)
	if len(b)-start >= 2 {
		b[start+1] = af
	}
	if len(b)-start >= 52 {
		pid := uint32(0xffffffff)
		if g.r.chance(0.6) {
			pid = uint32(g.r.between(1, 99999))
		}
		hostEndian.PutUint32(b[start+48:], pid)
	}
	return b
}

// appendFreshPflog appends a pflog header with every field drawn afresh.
func (g *Generator) appendFreshPflog(b []byte, af uint8) []byte {
	r := g.r
	fl := g.cfg.Flavor
	length := fl.hdrLen()
	var action, reason, dir uint8
	switch g.cfg.Oracle {
	case OracleSafe:
		action, reason, dir = pick(r, actionsSafe), pick(r, reasonsSafe), pick(r, dirsSafe)
	case OracleFixable:
		action, reason, dir = pick(r, actionsFix), pick(r, reasonsFix), pick(r, dirsSafe)
	default:
		action, reason, dir = pick(r, actionsAny), pick(r, reasonsAny), pick(r, dirsAny)
	}
	lenByte := uint8(length)
	if g.cfg.Oracle == OracleOff && g.cfg.Rules <= 0 && r.chance(0.004) { // a rule's header is well formed
		lenByte = pick(r, oddLenBytes)
	}
	start := len(b)
	b = append(b, lenByte, af, action, reason)
	ifname := pick(r, ifNames)
	if r.chance(0.02) {
		ifname = pick(r, oddIfNames)
		if g.cfg.Oracle != OracleOff && ifname == "em0: block in" {
			ifname = "em0"
		}
	}
	b = appendFixed(b, ifname, 16)
	var ruleset string
	rulenr, subrulenr := pick(r, ruleNumbers), uint32(0xffffffff)
	if r.chance(0.25) {
		ruleset = pick(r, rulesets)
		if r.chance(0.08) {
			ruleset = pick(r, oddRulesets)
		}
		rulenr, subrulenr = uint32(r.intn(41)), uint32(r.intn(301))
	}
	b = appendFixed(b, ruleset, 16)
	b = fixedEndian.AppendUint32(b, rulenr)
	b = fixedEndian.AppendUint32(b, subrulenr)
	uid := uint32(0xffffffff)
	if g.cfg.Oracle == OracleOff && r.chance(0.2) {
		uid = uint32(r.intn(65535))
	}
	b = hostEndian.AppendUint32(b, uid)
	pid := uint32(0xffffffff)
	if r.chance(0.6) {
		pid = uint32(r.between(1, 99999))
	}
	b = hostEndian.AppendUint32(b, pid)
	b = append(b, 0, 0, 0, 0, 0, 0, 0, 0, dir) // rule_uid, rule_pid, dir
	switch fl {
	case FlavorFreeBSD:
		var rid uint32
		if g.cfg.Oracle == OracleOff && r.chance(0.2) {
			rid = uint32(r.between(1, 1<<31))
		}
		b = append(b, 0, 0, 0)
		b = fixedEndian.AppendUint32(b, rid)
		b = append(b, 0) // reserve
	case FlavorOpenBSD:
		// rewritten, naf, pad, then the addresses and ports after NAT,
		// zero unless pf rewrote the packet.
		if r.chance(0.05) {
			b = append(b, 1, af, 0)
			n := 4
			if af != 2 {
				n = 16
			}
			b = r.fill(b, n)
			b = append(b, make([]byte, 16-n)...)
			b = r.fill(b, n)
			b = append(b, make([]byte, 16-n)...)
			b = r.fill(b, 4)
		} else {
			b = append(b, 0, af, 0)
			b = append(b, make([]byte, 36)...)
		}
	default:
		b = append(b, 0, 0, 0)
	}
	for (len(b)-start)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func appendFixed(b []byte, s string, n int) []byte {
	if len(s) > n {
		s = s[:n]
	}
	b = append(b, s...)
	for i := len(s); i < n; i++ {
		b = append(b, 0)
	}
	return b
}

// ---- records, malformation ----

func (g *Generator) record(body []byte, info pktInfo) Record {
	r := g.r
	af := uint8(2)
	if info.v6 {
		af = g.cfg.Flavor.af6()
	}
	if r.chance(0.004) {
		af = pick(r, unknownAFs)
		if af == 30 && !info.v6 && g.cfg.Oracle != OracleOff {
			// IPv4 read as IPv6: 4.99.5 checks the length and version
			// before the capture, 4.99.3 the other way round.
			af = 0
		}
	}
	g.rec = g.appendPflog(g.rec[:0], af)
	hl := len(g.rec)
	g.rec = append(g.rec, body...)
	wire := len(g.rec)
	keep := len(body) // body bytes captured
	if info.jumboWire > 0 {
		wire = hl + info.jumboWire
	}
	if info.cut > 0 && info.cut < keep {
		keep = info.cut
	}
	m := float64(r.next()>>11) / (1 << 53)
	if m < g.cfg.Malformed {
		keep = r.intn(len(body))
	} else if m < g.cfg.Malformed*1.6 {
		g.corrupt(g.rec[hl:], info)
	}
	if g.cfg.Snaplen > 0 && hl+keep > g.cfg.Snaplen {
		keep = g.cfg.Snaplen - hl
	}
	if keep < len(body) && g.cfg.Oracle != OracleOff {
		if info.v6 && info.fragment && keep >= 40 && keep < 48 {
			keep = 39 - r.intn(8) // a cut fragment header prints differently in 4.99.5
		}
		if info.l4proto == protoTCP && info.deep {
			// ccecho cut short prints ", [|tcp]" in 4.99.3, which the awk
			// cannot tell from a cut before an option.
			if has13, _, end := tcpOption13(body, info.l4); has13 && keep > info.l4+20 && keep < end {
				keep = info.l4 + 20
			}
		}
	}
	g.rec = g.rec[:hl+keep]
	g.usec += uint32(r.between(1, 400000))
	for g.usec >= 1000000 {
		g.usec -= 1000000
		g.sec++
	}
	return Record{Sec: g.sec, Usec: g.usec, Data: g.rec, WireLen: wire}
}

func (g *Generator) corrupt(b []byte, info pktInfo) {
	r := g.r
	limit := len(b) - 1
	if limit > 60 {
		limit = 60
	}
	n := r.between(1, 3)
	for i := 0; i < n; i++ {
		for try := 0; try < 40; try++ {
			pos := r.intn(limit + 1)
			if r.chance(0.3) && info.hdrEnd <= limit {
				pos = r.intn(info.hdrEnd) // the IP header's own checks
			}
			if g.cfg.Oracle != OracleOff && !corruptible(info, pos) {
				continue
			}
			old := b[pos]
			b[pos] = r.u8()
			if g.cfg.Oracle != OracleOff && !info.v6 && pos >= 2 && pos <= 3 && b[2] == 0 && b[3] == 0 {
				// total length 0: 4.99.5 presumes TSO and decodes the
				// packet, 4.99.3 says bad-len 0.
				b[pos] = old
				continue
			}
			if g.cfg.Oracle != OracleOff && info.l4proto == protoTCP && info.deep {
				// A ccecho option too short for its data prints a bare
				// "[bad opt]" in 4.99.3 (the option has no name there).
				if _, short, _ := tcpOption13(b, info.l4); short {
					b[pos] = old
					continue
				}
			}
			break
		}
	}
}

// tcpOption13 walks the options of the TCP header at l4 as tcpdump does
// and reports whether there is an option 13 (ccecho), whether one is too
// short for its 4 bytes of data, and where the options end.
func tcpOption13(b []byte, l4 int) (has, short bool, end int) {
	if len(b) < l4+20 {
		return false, false, 0
	}
	end = l4 + int(b[l4+12]>>4)*4
	lim := end
	if lim > len(b) {
		lim = len(b)
	}
	for i := l4 + 20; i < lim; {
		kind := b[i]
		if kind == 0 {
			break
		}
		if kind == 1 {
			i++
			continue
		}
		if i+1 >= lim {
			break
		}
		n := int(b[i+1])
		if n < 2 || i+n > end {
			break
		}
		if kind == 13 {
			has = true
			short = short || n < 6
		}
		i += n
	}
	return has, short, end
}

// corruptible reports whether corrupting byte pos changes what Debian's and
// FreeBSD's tcpdump print in the same way (or in a way the awk corrects).
// The protocol numbers and the TCP/UDP/SCTP ports stay, so the same
// printers run in both; tunnels and fragments keep everything past the
// outer IP header.
func corruptible(info pktInfo, pos int) bool {
	if info.v6 && pos == 6 || !info.v6 && pos == 9 {
		return false
	}
	// Inner IP texts of tunnels depend on the outer lengths (IPv4 header
	// length included); IPv6
	// extension and fragment headers beyond the payload length print
	// differently in 4.99.5 (frag6).
	if info.tunnel && (!info.v6 && pos <= 3 || info.v6 && (pos == 4 || pos == 5)) {
		return false
	}
	if info.v6 && (info.nExt > 0 || info.fragment) && (pos == 4 || pos == 5) {
		return false
	}
	if pos < info.hdrEnd {
		return true
	}
	if !info.deep {
		return false
	}
	for i := 0; i < info.nExt; i++ {
		if pos == info.exts[i] {
			return false
		}
	}
	if pos < info.l4 {
		return true
	}
	switch info.l4proto {
	case protoTCP, protoUDP, protoSCTP:
		return pos >= info.l4+4
	}
	return true
}

// ---- addresses ----

// pooled returns an address of pool (Config.Hosts), adding a new one
// made by fresh while the pool is not full.
func (g *Generator) pooled(pool *[]addr, fresh func() addr) addr {
	i := g.r.intn(g.cfg.Hosts)
	if i < len(*pool) {
		return (*pool)[i]
	}
	a := fresh()
	*pool = append(*pool, a)
	return a
}

func (g *Generator) v4addr() addr {
	if g.cfg.Hosts > 0 {
		return g.pooled(&g.v4pool, g.freshV4)
	}
	return g.freshV4()
}

func (g *Generator) v6addr() addr {
	if g.cfg.Hosts > 0 {
		return g.pooled(&g.v6pool, g.freshV6)
	}
	return g.freshV6()
}

func (g *Generator) freshV4() addr {
	r := g.r
	var a addr
	for {
		o := r.between(1, 223)
		if o != 10 && o != 127 {
			a.a[0] = byte(o)
			break
		}
	}
	a.a[1], a.a[2], a.a[3] = r.u8(), r.u8(), byte(r.between(1, 254))
	return a
}

var v6Prefixes = []uint16{0x2001, 0x2a01, 0x2a03, 0x2604, 0x2400}

func (g *Generator) freshV6() addr {
	r := g.r
	a := addr{v6: true}
	k := r.intn(100)
	switch {
	case k < 50:
		r.fill(a.a[:0], 16)
		binary.BigEndian.PutUint16(a.a[0:], pick(r, v6Prefixes))
	case k < 80:
		copy(a.a[:], []byte{0x20, 0x01, 0x0d, 0xb8})
		binary.BigEndian.PutUint16(a.a[4:], r.u16())
		binary.BigEndian.PutUint16(a.a[14:], uint16(r.between(1, 0xffff)))
	case k < 96:
		copy(a.a[:], []byte{0x2a, 0x03, 0x40, 0x00, 0x00, 0x02})
		binary.BigEndian.PutUint16(a.a[6:], uint16(r.intn(0x1000)))
		a.a[15] = byte(r.between(1, 255))
	case k < 98: // v4-mapped and v4-compatible: tcpdump prints them dotted
		if r.chance(0.5) {
			a.a[10], a.a[11] = 0xff, 0xff
		}
		v4 := g.freshV4()
		copy(a.a[12:], v4.a[:4])
	default:
		copy(a.a[:], []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1})
		a.a[15] = 1
	}
	return a
}

func linkLocal(r *rng) addr {
	a := addr{v6: true}
	a.a[0], a.a[1] = 0xfe, 0x80
	r.fill(a.a[:8], 8)
	a.a[8] &^= 2
	return a
}

func v6multicast(last ...byte) addr {
	a := addr{v6: true}
	a.a[0], a.a[1] = 0xff, 0x02
	copy(a.a[16-len(last):], last)
	return a
}

func v4(a, b, c, d byte) addr { return addr{a: [16]byte{a, b, c, d}} }

// ephemeral returns a client port. In oracle mode it stays in the range
// Linux uses and away from every port a printer is selected by.
func (g *Generator) ephemeral() uint16 {
	if g.cfg.Oracle == OracleOff {
		return uint16(g.r.between(1024, 65535))
	}
	for {
		p := uint16(g.r.between(32768, 60999))
		if p != 49152 {
			return p
		}
	}
}

// ---- packets ----

var ttls = []uint8{64, 128, 255, 47, 1, 240, 52, 113}
var toses = []uint8{0, 0, 0, 0, 0x10, 0x28, 0xb8, 2, 3}
var hlims = []uint8{64, 128, 255, 50, 1}

// ipHeader starts g.p with an IP header from src to dst and extension
// headers or options by chance, and records them in info.
func (g *Generator) ipHeader(src, dst addr, info *pktInfo, extOK bool) {
	r := g.r
	p := &g.p
	if src.v6 {
		p.ipv6(src, dst, pick(r, hlims), pick(r, toses), uint32(r.intn(1<<20)))
		info.v6 = true
		info.hdrEnd = 40
		if extOK {
			k := r.intn(100)
			switch {
			case k < 4:
				g.ext(info, protoHBH, []byte{0, 1, 4, 0, 0, 0, 0})
			case k < 8:
				g.ext(info, protoDstOpt, []byte{0, 1, 4, 0, 0, 0, 0})
			case k < 10:
				n := r.between(1, 2)
				body := []byte{byte(2 * n), 0, byte(n), 0, 0, 0, 0}
				for i := 0; i < n; i++ {
					a := g.v6addr()
					body = append(body, a.a[:]...)
				}
				g.ext(info, protoRT6, body)
			case k < 11:
				g.ext(info, protoHBH, []byte{0, 1, 4, 0, 0, 0, 0})
				g.ext(info, protoDstOpt, []byte{0, 1, 4, 0, 0, 0, 0})
			}
		}
	} else {
		var opts []byte
		if r.chance(0.03) {
			opts = []byte{1, 7, 7, 4, 0, 0, 0, 0} // NOP, record route with one slot
		}
		p.ipv4(src, dst, pick(r, ttls), pick(r, toses), r.u16(), r.intn(3) > 0, opts)
		info.hdrEnd = p.hdrEnd
	}
	info.l4 = len(p.b)
}

func (g *Generator) ext(info *pktInfo, kind uint8, body []byte) {
	if info.nExt < len(info.exts) {
		info.exts[info.nExt] = len(g.p.b)
		info.nExt++
	}
	g.p.ext(kind, body)
}

func (g *Generator) addrs(v6 bool) (addr, addr) {
	if v6 {
		return g.v6addr(), g.v6addr()
	}
	return g.v4addr(), g.v4addr()
}

func (g *Generator) makePacket() ([]byte, pktInfo) {
	r := g.r
	v6share := 0.3
	if g.cfg.Mix == MixV6 {
		v6share = 0.9
	}
	v6 := r.chance(v6share)
	w := [3]int{40, 70, 85}
	if g.cfg.Mix == MixScan {
		w = [3]int{60, 85, 95}
	}
	var info pktInfo
	k := r.intn(100)
	switch {
	case k < w[0]:
		if r.chance(0.04) {
			return g.startFlow(v6)
		}
		g.tcp(v6, &info)
	case k < w[1]:
		g.udp(v6, &info)
	case k < w[2]:
		if v6 {
			g.icmp6(&info)
		} else {
			g.icmp(&info)
		}
	default:
		g.other(v6, &info)
	}
	g.p.finish()
	if info.l4proto == protoTCP && len(g.convs) < 200 && len(g.p.b) >= info.l4+14 && g.p.b[info.l4+13]&0x10 != 0 {
		g.convs = append(g.convs, queued{append([]byte(nil), g.p.b...), info})
	}
	return g.p.b, info
}

// TCP flags.
const (
	fFIN = 1 << iota
	fSYN
	fRST
	fPSH
	fACK
	fURG
	fECE
	fCWR
)

func ts(v, e uint32) []byte {
	return []byte{8, 10, byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v), byte(e >> 24), byte(e >> 16), byte(e >> 8), byte(e)}
}

func join(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	optMSS1460 = []byte{2, 4, 5, 0xb4}
	optNOP     = []byte{1}
	optSackOK  = []byte{4, 2}
)

var synOptionSets = [][]byte{
	join(optMSS1460, optSackOK, ts(840989709, 0), optNOP, []byte{3, 3, 7}),
	optMSS1460,
	nil,
	{2, 4, 5, 0xa0, 1, 3, 3, 8, 1, 1, 4, 2},
	{2, 4, 5, 0x50, 1, 1, 4, 2},
	join([]byte{2, 4, 0xff, 0xd7}, optSackOK, ts(123456, 0), optNOP, []byte{3, 3, 10}),
	join(optNOP, optNOP, ts(1, 2)),
	{2, 4, 2, 0x18, 1, 3, 3, 2, 0},
	join(optMSS1460, optNOP, optNOP, []byte{5, 10, 0, 0, 3, 0xe8, 0, 0, 7, 0xd0}),
	{253, 4, 0, 1, 1},
	join([]byte{2, 4, 5, 0xac, 1, 3, 3, 14}, optSackOK, ts(4294967295, 0)),
}

// Rarer options, printed by less common code paths.
var oddOptionSets = [][]byte{
	join([]byte{19, 18}, []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, optNOP, optNOP),
	{34, 2, 1, 1},
	{34, 10, 1, 2, 3, 4, 5, 6, 7, 8, 1, 1},
	{28, 4, 0x80, 0x01},
	{30, 12, 0x00, 0x81, 1, 2, 3, 4, 5, 6, 7, 8},
	{99, 4, 0xab, 0xcd},
	{2, 5, 5, 0xb4, 0},
	{6, 6, 0, 0, 0, 5, 7, 6, 0, 0, 0, 6},
	{5, 5, 1, 2, 3, 1},
	{254, 4, 0xf9, 0x89},
	{3, 3, 7},
	{20, 4, 1, 2},
	{29, 8, 1, 2, 0xaa, 0xbb, 0xcc, 0xdd},
	{1, 1, 12, 6, 0, 0, 0, 2, 13, 6, 0, 0, 0, 3}, // ccnew, ccecho
}

var commonTCPPorts = []uint16{22, 23, 25, 80, 443, 445, 3389, 8080, 6379, 3306, 5432,
	1433, 5900, 8443, 9200, 27017, 2375, 6443, 5060, 1024, 81, 8888, 21, 110, 143, 993, 995, 587, 465,
	139, 135, 111, 2049, 5985, 11211, 9000, 7001, 8000, 50000, 179}

var windows = []uint16{1024, 29200, 64240, 65535, 14600, 0, 512}

func (g *Generator) tcp(v6 bool, info *pktInfo) {
	r := g.r
	for try := 0; ; try++ {
		sport := g.ephemeral()
		dport := uint16(r.between(1, 65535))
		if r.chance(0.7) {
			dport = pick(r, commonTCPPorts)
		}
		var flags uint8
		var ack uint32
		payload := g.pay[:0]
		style := r.intn(100)
		switch {
		case style < 60:
			flags = fSYN
		case style < 70:
			flags, ack = pick(r, []uint8{fRST, fRST | fACK, fFIN, fFIN | fACK, fACK, fPSH | fACK, fFIN | fPSH | fACK}), r.u32()
		case style < 78:
			flags, ack = pick(r, []uint8{fSYN | fECE, fSYN | fECE | fCWR, fSYN | fACK, fSYN | fURG, fFIN | fPSH | fURG, 0, 0xff}), r.u32()
		case style < 90:
			flags, ack = fPSH|fACK, r.u32()
			payload, dport = g.appendTCPPayload(payload)
			if dport == 80 && r.chance(0.15) {
				payload = append(payload[:0], pick(r, httpResponses)...)
				sport, dport = 80, g.ephemeral()
			}
		default:
			flags = fSYN
			payload = r.fill(payload, r.between(1, 20))
		}
		if g.cfg.Oracle != OracleOff && !portsOracleSafe(protoTCP, sport, dport, payload) && try < 20 {
			continue
		}
		var opts []byte
		if flags&fSYN != 0 {
			opts = pick(r, synOptionSets)
			if r.chance(0.06) {
				opts = pick(r, oddOptionSets)
			}
		} else if r.chance(0.33) {
			opts = join(optNOP, optNOP, ts(r.u32(), r.u32()))
		}
		var urg uint16
		if r.chance(0.05) {
			urg = uint16(r.between(1, 100))
			flags |= fURG
		}
		src, dst := g.addrs(v6)
		g.ipHeader(src, dst, info, true)
		g.p.proto(protoTCP)
		g.p.b = appendTCP(g.p.b, sport, dport, r.u32(), ack, flags, pick(r, windows), urg, opts, payload)
		g.pay = payload
		g.setL4(info, protoTCP)
		return
	}
}

func (g *Generator) setL4(info *pktInfo, proto uint8) {
	info.l4 = g.p.l4
	info.l4proto = proto
	info.deep = true
}

func (g *Generator) udp(v6 bool, info *pktInfo) {
	r := g.r
	for try := 0; ; try++ {
		g.fromServer = false
		payload, dport := g.appendUDPPayload(g.pay[:0], v6)
		sport := g.ephemeral()
		switch r.intn(10) {
		case 0:
			sport = 53
		case 1:
			sport = 123
		case 2:
			sport = 5353
		case 3:
			sport = 40000
		}
		if g.fromServer {
			sport, dport = dport, g.ephemeral()
		}
		g.pay = payload
		if g.cfg.Oracle != OracleOff && !portsOracleSafe(protoUDP, sport, dport, payload) {
			if try < 20 {
				continue
			}
			payload, sport, dport = payload[:0], 40000, 40001
		}
		src, dst := g.addrs(v6)
		switch dport {
		case 1900:
			dst = v4(239, 255, 255, 250)
			if v6 {
				dst = v6multicast(0x0c)
			}
		case 5353:
			dst = v4(224, 0, 0, 251)
			if v6 {
				dst = v6multicast(0xfb)
			}
			sport = 5353
		case 67:
			src, dst, sport = v4(0, 0, 0, 0), v4(255, 255, 255, 255), 68
		case 547:
			src, dst, sport = linkLocal(r), v6multicast(0, 1, 0, 2), 546
		case 521:
			src, dst, sport = linkLocal(r), v6multicast(0x09), 521
		}
		g.ipHeader(src, dst, info, true)
		g.p.proto(protoUDP)
		g.p.b = appendUDP(g.p.b, sport, dport, payload)
		g.setL4(info, protoUDP)
		return
	}
}

// quoteV4 appends the start of an IPv4 packet as an ICMP error quotes it.
func (g *Generator) quoteV4(b []byte, src, dst addr, proto uint8, sport, dport uint16) []byte {
	r := g.r
	q := &g.q
	q.ipv4(src, dst, pick(r, ttls), 0, r.u16(), true, nil)
	q.proto(proto)
	if proto == protoTCP {
		q.b = appendTCP(q.b, sport, dport, r.u32(), r.u32(), fSYN|fACK, 65535, 0, nil, nil)
	} else {
		q.b = appendUDP(q.b, sport, dport, r.fill(g.pay[:0], r.intn(20)))
	}
	q.finish()
	n := 28
	if r.chance(0.3) {
		n = len(q.b)
	}
	if n > len(q.b) {
		n = len(q.b)
	}
	return append(b, q.b[:n]...)
}

func (g *Generator) quoteV6(b []byte, src, dst addr, proto uint8, sport, dport uint16) []byte {
	r := g.r
	q := &g.q
	q.ipv6(src, dst, 64, 0, 0)
	q.proto(proto)
	if proto == protoTCP {
		q.b = appendTCP(q.b, sport, dport, r.u32(), r.u32(), fACK, 65535, 0, nil, nil)
	} else {
		q.b = appendUDP(q.b, sport, dport, []byte("abcd"))
	}
	q.finish()
	return append(b, q.b...)
}

func (g *Generator) icmp(info *pktInfo) {
	r := g.r
	src, dst := g.addrs(false)
	g.ipHeader(src, dst, info, false)
	g.p.proto(protoICMP)
	b := g.p.b
	k := r.intn(100)
	switch {
	case k < 45:
		b = append(b, 8, 0, 0, 0)
		b = put16(b, r.u16())
		b = put16(b, r.u16())
		switch r.intn(3) {
		case 1:
			b = append(b, make([]byte, 8)...)
		case 2:
			b = append(b, "\x00\x01\x02\x03\x04\x05\x06\x07abcdefghijklmnopqrstuvwabcdefghi01234567890123456789"[:56]...)
		}
	case k < 50:
		b = append(b, 0, 0, 0, 0, 0, 1, 0, 2)
		b = append(b, "abcdefgh"...)
	case k < 58:
		b = append(b, 13, 0, 0, 0)
		b = put16(b, r.u16())
		b = append(b, 0, 1)
		b = append(b, make([]byte, 12)...)
	case k < 60:
		b = append(b, 14, 0, 0, 0, 0, 7, 0, 8)
		b = put32(b, 3723004)
		b = put32(b, 0)
		b = put32(b, 86399999)
	case k < 78:
		code := pick(r, []uint8{0, 1, 3, 3, 3, 10, 13, 4, 2, 9})
		b = append(b, 3, code, 0, 0, 0, 0, 0, 0)
		if code == 4 {
			b[len(b)-2], b[len(b)-1] = 0x05, 0x78
		}
		if r.chance(0.3) {
			b = g.quoteV4(b, dst, src, protoTCP, 443, g.ephemeral())
		} else {
			b = g.quoteV4(b, dst, src, protoUDP, g.ephemeral(), pick(r, []uint16{53, 33434, 161, 123}))
		}
	case k < 88:
		b = append(b, 11, uint8(r.intn(2)), 0, 0, 0, 0, 0, 0)
		b = g.quoteV4(b, dst, src, protoTCP, 443, g.ephemeral())
	case k < 91:
		b = append(b, 5, uint8(r.intn(4)), 0, 0)
		gw := g.v4addr()
		b = append(b, gw.a[:4]...)
		b = g.quoteV4(b, dst, src, protoUDP, g.ephemeral(), 53)
	case k < 93:
		b = append(b, 9, 0, 0, 0, 1, 2, 0x07, 0x08)
		gw := g.v4addr()
		b = append(b, gw.a[:4]...)
		b = append(b, 0, 0, 0, 5)
	default:
		t := pick(r, []uint8{0, 10, 17, 18, 30, 42, 4, 12, 15, 16})
		b = append(b, t, uint8(r.intn(2)), 0, 0)
		b = append(b, make([]byte, 8)...)
		if t == 12 {
			b[len(b)-8] = 20
		}
	}
	g.p.b = b
	g.setL4(info, protoICMP)
}

func (g *Generator) icmp6(info *pktInfo) {
	r := g.r
	src, dst := g.addrs(true)
	k := r.intn(100)
	var b []byte
	hbhRouterAlert := false
	switch {
	case k < 15:
		tgt := g.v6addr()
		dst = v6multicast(0, 0, 0, 1, 0xff, tgt.a[13], tgt.a[14], tgt.a[15])
		b = append(b, 135, 0, 0, 0, 0, 0, 0, 0)
		b = append(b, tgt.a[:]...)
		if r.chance(0.5) {
			b = append(b, 1, 1)
			b = r.fill(b, 6)
		}
	case k < 23:
		src, dst = linkLocal(r), v6multicast(2)
		b = append(b, 133, 0, 0, 0, 0, 0, 0, 0)
	case k < 26:
		b = append(b, 136, 0, 0, 0, 0x60, 0, 0, 0)
		b = append(b, src.a[:]...)
	case k < 28:
		src, dst = linkLocal(r), v6multicast(1)
		b = append(b, 134, 0, 0, 0, 64, 0, 0x07, 0x08, 0, 0, 0, 0, 0, 0, 0, 0)
	case k < 30:
		src, dst = linkLocal(r), v6multicast(1)
		hbhRouterAlert = true
		b = append(b, 130, 0, 0, 0, 0x27, 0x10, 0, 0)
		b = append(b, make([]byte, 16)...)
	case k < 32:
		src, dst = linkLocal(r), v6multicast(0x16)
		hbhRouterAlert = true
		b = append(b, 143, 0, 0, 0, 0, 0, 0, 1, 4, 0, 0, 0, 0xff, 0x02)
		b = append(b, make([]byte, 13)...)
		b = append(b, 0xfb)
	case k < 42:
		code := pick(r, []uint8{0, 1, 3, 4})
		b = append(b, 1, code, 0, 0, 0, 0, 0, 0)
		b = g.quoteV6(b, dst, src, protoUDP, 1234, 53)
	case k < 46:
		b = append(b, 2, 0, 0, 0, 0, 0, 0x05, 0x00)
		b = g.quoteV6(b, dst, src, protoTCP, 443, 50000)
	case k < 49:
		b = append(b, 3, uint8(r.intn(2)), 0, 0, 0, 0, 0, 0)
		b = g.quoteV6(b, dst, src, protoUDP, g.ephemeral(), 33434)
	case k < 51:
		b = append(b, 4, uint8(r.intn(3)), 0, 0, 0, 0, 0, 6)
		b = g.quoteV6(b, dst, src, protoUDP, g.ephemeral(), 53)
	case k < 53:
		b = append(b, pick(r, []uint8{99, 200, 160}), 0, 0x38, 0x3a, 1, 2, 3, 4, 5, 6)
	case k < 62:
		b = append(b, 129, 0, 0, 0, 0, 1, 0, 2)
	default:
		b = append(b, 128, 0, 0, 0)
		b = put16(b, r.u16())
		b = put16(b, uint16(r.intn(101)))
		b = append(b, "abcdefgh"...)
	}
	g.ipHeader(src, dst, info, !hbhRouterAlert)
	if hbhRouterAlert {
		g.ext(info, protoHBH, []byte{0, 5, 2, 0, 0, 1, 0})
	}
	g.p.proto(protoICMPv6)
	g.p.b = append(g.p.b, b...)
	g.setL4(info, protoICMPv6)
}

func (g *Generator) other(v6 bool, info *pktInfo) {
	r := g.r
	src, dst := g.addrs(v6)
	k := r.intn(100)
	if v6 && k >= 55 && k < 63 {
		k = 99 // no IGMP over IPv6
	}
	g.ipHeader(src, dst, info, false)
	p := &g.p
	switch {
	case k < 20:
		p.proto(protoGRE)
		g.gre()
		info.tunnel = true
	case k < 35:
		p.proto(protoESP)
		p.b = put32(p.b, uint32(r.between(1, 1<<31)))
		p.b = put32(p.b, uint32(r.between(1, 1000)))
		p.b = r.fill(p.b, 32)
	case k < 47:
		p.proto(protoSCTP)
		g.sctp()
	case k < 55:
		info.tunnel = true
		p.proto(protoAH)
		nh := pick(r, []uint8{protoTCP, protoICMP, protoUDP})
		p.b = append(p.b, nh, 4, 0, 0, 0, 0, 0, 7, 0, 0, 0, 1)
		p.b = r.fill(p.b, 12)
		switch nh {
		case protoTCP:
			p.b = appendTCP(p.b, uint16(r.between(1024, 65535)), 22, r.u32(), 0, fSYN, 65535, 0, nil, nil)
		case protoUDP:
			p.b = appendUDP(p.b, 1234, 9999, []byte("abc"))
		default:
			p.b = append(p.b, 8, 0, 0xf7, 0xfa, 0, 5, 0, 6)
		}
	case k < 63:
		p.proto(protoIGMP)
		grp := v4(239, byte(r.intn(256)), byte(r.intn(256)), byte(r.between(1, 254)))
		switch r.intn(5) {
		case 0:
			p.b = append(p.b, 0x16, 0, 0, 0)
			p.b = append(p.b, grp.a[:4]...)
		case 1:
			p.b = append(p.b, 0x12, 0, 0, 0)
			p.b = append(p.b, grp.a[:4]...)
		case 2:
			p.b = append(p.b, 0x17, 0, 0, 0, 224, 0, 0, 2)
		case 3:
			p.b = append(p.b, 0x11, byte(pick(r, []uint8{100, 0, 10})), 0, 0, 0, 0, 0, 0)
		default:
			p.b = append(p.b, 0x22, 0, 0, 0, 0, 0, 0, 1, 4, 0, 0, 0)
			p.b = append(p.b, grp.a[:4]...)
		}
	case k < 68:
		info.tunnel = true
		if v6 {
			p.proto(protoIPIP)
			g.q.ipv4(g.v4addr(), g.v4addr(), 64, 0, r.u16(), false, nil)
			g.q.proto(protoUDP)
			g.q.b = appendUDP(g.q.b, 1234, 9999, []byte("ab"))
		} else if r.chance(0.5) {
			p.proto(protoIPIP)
			g.q.ipv4(v4(192, 168, 1, 1), v4(192, 168, 1, 2), 64, 0, r.u16(), false, nil)
			g.q.proto(protoTCP)
			g.q.b = appendTCP(g.q.b, 1234, 80, r.u32(), 0, fSYN, 65535, 0, optMSS1460, nil)
		} else {
			p.proto(protoIPv6)
			g.q.ipv6(g.v6addr(), g.v6addr(), 64, 0, 0)
			g.q.proto(protoUDP)
			g.q.b = appendUDP(g.q.b, 1234, 9999, []byte("ab"))
		}
		g.q.finish()
		p.b = append(p.b, g.q.b...)
	case k < 72:
		p.proto(protoOSPF)
		if v6 {
			p.b = append(p.b, 3, 1, 0, 36, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
				0, 0, 0, 1, 1, 0, 0, 0x13, 0, 10, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0)
		} else {
			p.b = append(p.b, 2, 1, 0, 44, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				255, 255, 255, 0, 0, 10, 2, 1, 0, 0, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0)
		}
	case k < 76:
		p.proto(protoPIM)
		p.b = append(p.b, 0x20, 0, 0, 0, 0, 1, 0, 2, 0, 105)
	case k < 80:
		p.proto(protoVRRP)
		if v6 {
			p.b = append(p.b, 0x31, 5, 200, 1, 0, 100, 0, 0)
			a := g.v6addr()
			p.b = append(p.b, a.a[:]...)
		} else {
			p.b = append(p.b, 0x21, 1, 100, 1, 0, 1, 0, 0, 10, 0, 0, 254, 0, 0, 0, 0, 0, 0, 0, 0)
		}
	default:
		pr := pick(r, []uint8{253, 254, 143, 115, 59, 0, 58, 1, 77, 103})
		p.proto(pr)
		p.b = r.fill(p.b, r.intn(41))
	}
	info.l4, info.l4proto = p.l4, p.l4proto
}

func (g *Generator) gre() {
	r := g.r
	p := &g.p
	inner := func() {
		g.q.ipv4(v4(192, 0, 2, 1), v4(198, 51, 100, 1), 64, 0, r.u16(), false, nil)
		g.q.proto(protoICMP)
		g.q.b = append(g.q.b, 8, 0, 0, 0, 0, 5, 0, 6)
		g.q.finish()
	}
	switch r.intn(7) {
	case 0, 1:
		p.b = append(p.b, 0, 0, 0x08, 0)
		inner()
		p.b = append(p.b, g.q.b...)
	case 2:
		p.b = append(p.b, 0x20, 0, 0x08, 0, 0, 0, 0, 42)
		inner()
		p.b = append(p.b, g.q.b...)
	case 3: // PPTP
		inner()
		p.b = append(p.b, 0x30, 0x01, 0x88, 0x0b)
		p.b = put16(p.b, uint16(len(g.q.b)+2))
		p.b = append(p.b, 0, 5, 0, 0, 0, 7, 0, 0x21)
		p.b = append(p.b, g.q.b...)
	case 4:
		p.b = append(p.b, 0, 0, 0x86, 0xdd)
		g.q.ipv6(g.v6addr(), g.v6addr(), 64, 0, 0)
		g.q.proto(protoNone)
		g.q.finish()
		p.b = append(p.b, g.q.b...)
	case 5:
		p.b = append(p.b, 0, 0, 0x12, 0x34)
		p.b = r.fill(p.b, 8)
	default: // TEB: an ARP request in Ethernet
		p.b = append(p.b, 0, 0, 0x65, 0x58, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x06,
			0, 1, 8, 0, 6, 4, 0, 1, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 192, 168, 1, 1, 0, 0, 0, 0, 0, 0, 192, 168, 1, 2)
	}
}

func (g *Generator) sctp() {
	r := g.r
	p := &g.p
	p.b = put16(p.b, uint16(r.between(1024, 65535)))
	p.b = put16(p.b, pick(r, []uint16{2905, 36412, 38412, 5060, 3868}))
	p.b = put32(p.b, 0)
	p.b = put32(p.b, 0)
	switch r.intn(4) {
	case 0:
		p.b = append(p.b, 6, 0, 0, 4) // ABORT
	case 1:
		p.b = append(p.b, 0, 3, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 'a', 'b', 'c', 'd') // DATA B/E
	default:
		p.b = append(p.b, 1, 0, 0, 20)
		p.b = put32(p.b, uint32(r.between(1, 1<<31)))
		p.b = append(p.b, 0, 1, 0, 0, 0, 10, 0, 10)
		p.b = put32(p.b, r.u32())
	}
}

// ---- fragments, conversations ----

// fragment splits the packet just built (g.p, with a larger payload) and
// queues the fragments.
func (g *Generator) fragment(info pktInfo) {
	r := g.r
	p := &g.p
	fill, n := byte('y'), r.between(600, 2000)
	if info.v6 {
		fill, n = 'x', r.between(1300, 3000)
	}
	for i := 0; i < n; i++ {
		p.b = append(p.b, fill)
	}
	if info.l4proto == protoUDP {
		binary.BigEndian.PutUint16(p.b[info.l4+4:], uint16(len(p.b)-info.l4))
	}
	p.finish()
	var parts [][]byte
	if info.v6 {
		parts = fragment6(p.b, pick(r, []int{600, 1280}), r.u32(), nil)
	} else {
		parts = fragment4(p.b, pick(r, []int{256, 512, 1480}), nil)
	}
	for i, f := range parts {
		fi := pktInfo{v6: info.v6, hdrEnd: info.hdrEnd, l4: info.hdrEnd, fragment: true}
		if i == 0 && !info.v6 {
			fi = info
		}
		g.frags = append(g.frags, queued{f, fi})
	}
}

func (g *Generator) replay() ([]byte, pktInfo) {
	r := g.r
	c := g.convs[r.intn(len(g.convs))]
	b := append(g.p.b[:0], c.body...)
	g.p.b = b
	t := b[c.info.l4:]
	if r.chance(0.6) {
		binary.BigEndian.PutUint32(t[4:], binary.BigEndian.Uint32(t[4:])+uint32(r.between(1, 3000)))
		binary.BigEndian.PutUint32(t[8:], binary.BigEndian.Uint32(t[8:])+uint32(pick(r, []int{0, 0, 1, 500})))
	}
	fixChecksums(b, c.info)
	return b, c.info
}

// fixChecksums recomputes the TCP and IPv4 checksums of a stored packet.
func fixChecksums(b []byte, info pktInfo) {
	var p builder
	p.b, p.v6, p.l4, p.l4proto = b, info.v6, info.l4, info.l4proto
	if info.v6 {
		p.src, p.dst = addr{v6: true}, addr{v6: true}
		copy(p.src.a[:], b[8:24])
		copy(p.dst.a[:], b[24:40])
	} else {
		copy(p.src.a[:4], b[12:16])
		copy(p.dst.a[:4], b[16:20])
	}
	p.finish()
}

var flowServices = []uint16{80, 22, 443, 25, 8080, 6379, 21}

var flowResponses = map[uint16]string{
	80:   "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 0\r\n\r\n",
	8080: "HTTP/1.1 401 Unauthorized\r\n\r\n",
	22:   "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6\r\n",
	25:   "220 mail.example.com ESMTP Postfix\r\n",
	21:   "220 (vsFTPd 3.0.3)\r\n",
	6379: "-NOAUTH Authentication required.\r\n",
	443:  "\x16\x03\x03\x00\x5d\x02\x00\x00\x59\x03\x03",
}

// startFlow queues a short TCP conversation, as a "log (all)" rule or a
// state-mismatch block logs it, and returns its first packet.
func (g *Generator) startFlow(v6 bool) ([]byte, pktInfo) {
	r := g.r
	cli, srv := g.addrs(v6)
	cport, sport := g.ephemeral(), pick(r, flowServices)
	cseq, sseq := r.u32(), r.u32()
	var req []byte
	for _, s := range tcpServices {
		if s.port == sport {
			req = []byte(pick(r, s.payloads))
		}
	}
	if sport == 443 {
		req = r.fill([]byte("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"), 20)
	}
	resp := []byte(flowResponses[sport])
	n, m := uint32(len(req)), uint32(len(resp))
	tsv := r.u32()
	type seg struct {
		fromCli bool
		flags   uint8
		seq     uint32
		ack     uint32
		opts    []byte
		data    []byte
	}
	var segs []seg
	switch r.intn(3) {
	case 0: // a whole conversation
		segs = []seg{
			{true, fSYN, cseq, 0, synOptionSets[0], nil},
			{false, fSYN | fACK, sseq, cseq + 1, optMSS1460, nil},
			{true, fACK, cseq + 1, sseq + 1, nil, nil},
			{true, fPSH | fACK, cseq + 1, sseq + 1, nil, req},
			{false, fPSH | fACK, sseq + 1, cseq + 1 + n, nil, resp},
			{true, fFIN | fACK, cseq + 1 + n, sseq + 1 + m, nil, nil},
			{false, pick(r, []uint8{fRST | fACK, fFIN | fACK}), sseq + 1 + m, cseq + 2 + n, nil, nil},
		}
	case 1: // mid-stream, no SYN seen
		segs = []seg{
			{true, fACK, cseq, sseq, join(optNOP, optNOP, ts(tsv, tsv-100)), nil},
			{true, fPSH | fACK, cseq, sseq, join(optNOP, optNOP, ts(tsv+1, tsv-99)), req},
			{false, fACK, sseq, cseq + n, nil, nil},
			{true, fRST | fACK, cseq + n, sseq, nil, nil},
		}
	default: // SACK: the first ACK packet prints absolute numbers but relative SACK edges
		sack := []byte{1, 1, 5, 10}
		sack = put32(sack, sseq+101)
		sack = put32(sack, sseq+201)
		segs = []seg{
			{true, fACK, cseq, sseq + 1, sack, nil},
			{false, fPSH | fACK, sseq + 1, cseq, nil, resp},
			{true, fACK, cseq, sseq + 1 + m, nil, nil},
			{true, fRST, cseq, 0, nil, nil},
		}
	}
	var first queued
	for i, s := range segs {
		var info pktInfo
		src, dst, sp, dp := cli, srv, cport, sport
		if !s.fromCli {
			src, dst, sp, dp = srv, cli, sport, cport
		}
		g.ipHeader(src, dst, &info, false)
		g.p.proto(protoTCP)
		g.p.b = appendTCP(g.p.b, sp, dp, s.seq, s.ack, s.flags, 65535, 0, s.opts, s.data)
		g.setL4(&info, protoTCP)
		g.p.finish()
		q := queued{append([]byte(nil), g.p.b...), info}
		if i == 0 {
			first = q
		} else {
			g.flow = append(g.flow, q)
		}
	}
	return first.body, first.info
}
