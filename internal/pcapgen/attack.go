package pcapgen

// Attack mode: captures for testing what reads pfasciilogd's text (fail2ban
// filters above all) against senders who put forged log lines into their
// packets. Every record comes with the generator's own account of it
// (Truth): the pflog action and direction, the packet's source address,
// whether tcpdump prints that address, what kind of packet it is, and the
// victim addresses its payload names. None of it is read back from a
// decoder's text.

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Kind classifies a packet as log consumers that ban on new connection
// attempts see it.
type Kind int

const (
	KindNone     Kind = iota // not an IP packet tcpdump decodes
	KindTCPSyn               // TCP with SYN and without ACK
	KindTCPOther             // any other TCP segment
	KindUDP                  // UDP with its ports captured
	KindICMP                 // ICMP over IPv4, ICMPv6 over IPv6
	KindFragment             // an IP fragment without the transport header
	KindOther                // any other protocol, or a transport tcpdump cannot reach
)

var kindNames = []string{"none", "tcp-syn", "tcp-other", "udp", "icmp", "fragment", "other"}

func (k Kind) String() string { return kindNames[k] }

// pflog actions and directions.
const (
	ActionPass  = 0
	ActionBlock = 1
	DirInOut    = 0
	DirIn       = 1
	DirOut      = 2
)

// Truth is what the generator knows about one record it wrote.
type Truth struct {
	Action, Dir uint8  // pflog header bytes; NFLOG records: block, in
	Group       uint16 // NFLOG resource ID (group); 0 for pflog records
	// Printed: tcpdump prints the packet's source address, right after
	// the link-layer header text (after "[total length ...] (invalid) "
	// at most). False for records cut inside the IP header, unknown
	// address families and the like.
	Printed bool
	Src     netip.Addr // source address of the outermost IP header
	Kind    Kind
	Victims []netip.Addr // addresses forged into the payload or the names
	Attack  string       // what the attack record carries; "" for ordinary traffic
}

// BlockIn tells whether pf blocked the packet on its way in.
func (t Truth) BlockIn() bool { return t.Action == ActionBlock && t.Dir == DirIn }

// AttackConfig configures Attack.
type AttackConfig struct {
	Seed   int64
	Flavor Flavor
	// Background is the number of records of ordinary traffic (the
	// generator with Malformed 0, every header oddity on) mixed in.
	Background int
	// Rounds: each round writes one record of every attack kind.
	Rounds int
}

// AttackCapture is a pflog capture and what the generator knows of it.
type AttackCapture struct {
	Flavor  Flavor
	Records []Record // each record owns its Data
	Truth   []Truth
	Victims []netip.Addr // every address forged into a payload or a name
}

// Victim addresses are drawn from prefixes no other record uses as a
// source: 192.0.2.0/24 and 2001:db8:bad:f00d::/64. Attack sources from
// 198.51.100.0/24, 203.0.113.0/24, 2001:db8:a77a:c4::/64 and
// 2001:db8:dec0:1::/64 (decoys: records that must not match).
var (
	victimV4 = netip.MustParseAddr("192.0.2.0")
	victimV6 = netip.MustParseAddr("2001:db8:bad:f00d::")
)

// Attack returns a capture mixing ordinary traffic with attack records:
// packets pf blocked inbound whose payload forges whole log lines naming
// victims (DNS query names, HTTP request lines, SIP URIs, FTP USER, SMTP
// HELO, SSH banners, TFTP file names, SNMP communities, syslog messages;
// separated by TAB, ": ", CR/LF, fake ISO-8601 dates), the same under
// other actions and directions, pflog headers whose anchor or interface
// names contain ": block in on ", and records cut inside the IP header.
func Attack(cfg AttackConfig) *AttackCapture {
	g := New(Config{Seed: cfg.Seed, Flavor: cfg.Flavor})
	a := &attacker{g: g, r: newRNG(uint64(cfg.Seed) ^ 0x5eed_a77a_c4),
		fl: cfg.Flavor, victims: map[netip.Addr]bool{}}
	a.p.b = make([]byte, 0, 4096)
	c := &AttackCapture{Flavor: cfg.Flavor}

	var atk []attackRec
	for round := 0; round < cfg.Rounds; round++ {
		for _, k := range attackKinds {
			atk = append(atk, k.build(a, round))
		}
	}
	// Interleave: background records, with the attack records spread
	// evenly among them.
	total := cfg.Background + len(atk)
	ai := 0
	var sec, usec uint32 = 1700000000 + uint32(a.r.intn(10000000)), 0
	for i := 0; i < total; i++ {
		var rec Record
		var t Truth
		if ai < len(atk) && (cfg.Background == 0 || i*len(atk) >= ai*total) {
			rec, t = atk[ai].rec, atk[ai].truth
			ai++
		} else {
			for {
				r := g.Next()
				if int(r.Data[0]) != cfg.Flavor.hdrLen() {
					continue // odd length bytes: the header lands inside the packet
				}
				t = ClassifyPflog(r.Data, r.WireLen)
				if t.Src.IsValid() && a.victims[t.Src.Unmap()] {
					continue
				}
				rec = Record{Data: append([]byte(nil), r.Data...), WireLen: r.WireLen}
				break
			}
		}
		usec += uint32(a.r.between(1, 300000))
		for usec >= 1000000 {
			usec -= 1000000
			sec++
		}
		rec.Sec, rec.Usec = sec, usec
		c.Records = append(c.Records, rec)
		c.Truth = append(c.Truth, t)
	}
	for v := range a.victims {
		c.Victims = append(c.Victims, v)
	}
	slices.SortFunc(c.Victims, netip.Addr.Compare)
	return c
}

// NFLOG returns the capture's packets as Linux NFLOG records (link type
// 239), those whose IP packet was captured whole: group(i) gives the
// resource ID of record i. Truth carries over with Group set; the action
// and direction become block, in (NFLOG has neither: the nftables rule
// that logs to the group decides).
func (c *AttackCapture) NFLOG(group func(i int) uint16) ([]Record, []Truth) {
	var recs []Record
	var truth []Truth
	for i, rec := range c.Records {
		d := rec.Data
		if len(d) < 72 || int(d[0]) < 61 {
			continue
		}
		h := (int(d[0]) + 3) &^ 3
		if len(d) < h || len(d) != rec.WireLen || len(d) == h {
			continue
		}
		ip := d[h:]
		fam := uint8(2)
		switch ip[0] >> 4 {
		case 4:
		case 6:
			fam = 10
		default:
			continue
		}
		gid := group(i)
		b := NFLOGRecord(ip, gid, "f2b-test")
		t := ClassifyIP(ip, len(ip), fam == 10)
		t.Action, t.Dir, t.Group = ActionBlock, DirIn, gid
		t.Victims, t.Attack = c.Truth[i].Victims, c.Truth[i].Attack
		recs = append(recs, Record{Sec: rec.Sec, Usec: rec.Usec, Data: b, WireLen: len(b)})
		truth = append(truth, t)
	}
	return recs, truth
}

// NFLOGRecord wraps the IP packet ip as the NFLOG record (link type 239)
// of resource ID group that the kernel would send and libpcap would
// return: nfgenmsg (family from the IP version), then NFULA_PACKET_HDR
// (hw_protocol, hook), NFULA_PREFIX and NFULA_PAYLOAD, with TLV lengths
// and types in host byte order.
func NFLOGRecord(ip []byte, group uint16, prefix string) []byte {
	fam, proto := uint8(2), uint16(0x0800)
	if len(ip) > 0 && ip[0]>>4 == 6 {
		fam, proto = 10, 0x86dd
	}
	b := []byte{fam, 0, byte(group >> 8), byte(group)}
	b = appendNFTLV(b, 1, []byte{byte(proto >> 8), byte(proto), 1, 0})
	b = appendNFTLV(b, 10, append([]byte(prefix), 0))
	return appendNFTLV(b, 9, ip)
}

func appendNFTLV(b []byte, typ uint16, v []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(v)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, v...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// LinkTypeNFLOG is DLT_NFLOG / LINKTYPE_NFLOG.
const LinkTypeNFLOG = 239

// WriteFileLinkType writes records to a new pcap file of the given link
// type (WriteFile writes PFLOG).
func WriteFileLinkType(path string, linkType, snaplen int, recs []Record) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	var h [24]byte
	binary.LittleEndian.PutUint32(h[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[16:], uint32(snaplen))
	binary.LittleEndian.PutUint32(h[20:], uint32(linkType))
	w.Write(h[:])
	var rh [16]byte
	for _, rec := range recs {
		binary.LittleEndian.PutUint32(rh[0:], rec.Sec)
		binary.LittleEndian.PutUint32(rh[4:], rec.Usec)
		binary.LittleEndian.PutUint32(rh[8:], uint32(len(rec.Data)))
		binary.LittleEndian.PutUint32(rh[12:], uint32(rec.WireLen))
		w.Write(rh[:])
		w.Write(rec.Data)
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ---- what a record is, from its bytes as the generator laid them out ----

// ClassifyPflog tells what FreeBSD's tcpdump makes of a pflog record: the
// header checks of its pflog printer (the whole 72-byte struct captured, a
// length byte of at least 61), the address family, then ClassifyIP.
func ClassifyPflog(data []byte, wireLen int) Truth {
	var t Truth
	if len(data) < 72 || int(data[0]) < 61 {
		return t
	}
	h := (int(data[0]) + 3) &^ 3
	if len(data) < h {
		return t
	}
	action, dir := data[2], data[60]
	switch data[1] {
	case 2:
		t = ClassifyIP(data[h:], wireLen-h, false)
	case 24, 28, 30:
		t = ClassifyIP(data[h:], wireLen-h, true)
	}
	t.Action, t.Dir = action, dir
	return t
}

// ClassifyIP classifies an IP packet of which ip was captured and length
// bytes were on the wire, handed to tcpdump's IPv4 (v6 false) or IPv6
// printer. It follows the checks of tcpdump 4.99.5's ip_print and
// ip6_print that decide whether the addresses are printed, and the IPv6
// extension headers that its printer walks at default verbosity.
func ClassifyIP(ip []byte, length int, v6 bool) Truth {
	var t Truth
	if !v6 {
		if length < 20 || len(ip) < 1 || ip[0]>>4 != 4 {
			return t
		}
		hl := int(ip[0]&0x0f) * 4
		if hl < 20 || len(ip) < 20 {
			return t
		}
		total := int(binary.BigEndian.Uint16(ip[2:]))
		if total != 0 && total < hl {
			return t
		}
		if len(ip) < hl {
			return t // options cut: "[remaining caplen(N) < header length(H)] [|ip]"
		}
		if total > length || total == 0 {
			total = length
		}
		t.Src = netip.AddrFrom4([4]byte(ip[12:16]))
		end := total
		if end > len(ip) {
			end = len(ip)
		}
		proto := ip[9]
		t.Printed = true
		if binary.BigEndian.Uint16(ip[6:])&0x1fff != 0 {
			t.Kind = KindFragment
			return t
		}
		if proto == protoSCTP && end-hl < 12 {
			t.Printed = false // print-sctp.c checks the common header before the addresses
		}
		t.Kind = transportKind(proto, ip[hl:end], false)
		return t
	}
	if len(ip) < 40 || length < 40 || ip[0]>>4 != 6 {
		return t
	}
	t.Src = netip.AddrFrom16([16]byte(ip[8:24]))
	t.Printed = true
	end := 40 + int(binary.BigEndian.Uint16(ip[4:]))
	if end > length {
		end = length
	}
	if end > len(ip) {
		end = len(ip)
	}
	nh, pos := ip[6], 40
	for {
		switch nh {
		case protoHBH, protoDstOpt, protoRT6:
			if nh == protoHBH && pos != 40 {
				t.Kind = KindOther // "[The Hop-by-Hop Options header ...] (invalid)"
				return t
			}
			if pos+8 > end {
				t.Kind = KindOther
				return t
			}
			n := (int(ip[pos+1]) + 1) * 8
			if nh == protoRT6 && (ip[pos+2] != 0 || ip[pos+1]&1 != 0) {
				t.Kind = KindOther // only the type 0 headers the generator writes
				return t
			}
			if pos+n > end {
				t.Kind = KindOther
				return t
			}
			nh, pos = ip[pos], pos+n
		case protoFrag6:
			if pos+8 > end {
				t.Kind = KindOther
				return t
			}
			if binary.BigEndian.Uint16(ip[pos+2:])&0xfff8 != 0 {
				t.Kind = KindFragment
				return t
			}
			nh, pos = ip[pos], pos+8
		default:
			if nh == protoSCTP && pos == 40 && end-pos < 12 {
				t.Printed = false
			}
			t.Kind = transportKind(nh, ip[pos:end], true)
			return t
		}
	}
}

func transportKind(proto uint8, l4 []byte, v6 bool) Kind {
	switch {
	case proto == protoTCP:
		if len(l4) < 20 || l4[12]>>4 < 5 {
			return KindOther // no flags printed
		}
		if l4[13]&fSYN != 0 && l4[13]&fACK == 0 {
			return KindTCPSyn
		}
		return KindTCPOther
	case proto == protoUDP:
		if len(l4) < 4 {
			return KindOther
		}
		return KindUDP
	case proto == protoICMP && !v6, proto == protoICMPv6 && v6:
		return KindICMP
	}
	return KindOther
}

// ---- attack records ----

type attacker struct {
	g       *Generator
	r       *rng
	fl      Flavor
	p       builder
	nSrc    int
	nDecoy  int
	nVictim int
	victims map[netip.Addr]bool
}

type attackRec struct {
	rec   Record
	truth Truth
}

// hdr is a pflog header as an attack record sets it.
type hdr struct {
	action, reason, dir uint8
	ifname, ruleset     string
	rulenr, subrulenr   uint32
	uid, rid            uint32
}

func blockIn() hdr {
	return hdr{action: ActionBlock, dir: DirIn, ifname: "vtnet0", rulenr: 1, subrulenr: 0xffffffff, uid: 0xffffffff}
}

func (a *attacker) appendHdr(b []byte, af uint8, h hdr) []byte {
	start := len(b)
	b = append(b, uint8(a.fl.hdrLen()), af, h.action, h.reason)
	b = appendFixed(b, h.ifname, 16)
	b = appendFixed(b, h.ruleset, 16)
	b = fixedEndian.AppendUint32(b, h.rulenr)
	b = fixedEndian.AppendUint32(b, h.subrulenr)
	b = hostEndian.AppendUint32(b, h.uid)
	b = hostEndian.AppendUint32(b, 4242) // pid
	b = append(b, 0, 0, 0, 0, 0, 0, 0, 0, h.dir)
	switch a.fl {
	case FlavorFreeBSD:
		b = append(b, 0, 0, 0)
		b = fixedEndian.AppendUint32(b, h.rid)
		b = append(b, 0)
	case FlavorOpenBSD:
		b = append(b, 0, af, 0)
		b = append(b, make([]byte, 36)...)
	default:
		b = append(b, 0, 0, 0)
	}
	for (len(b)-start)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// source returns a fresh attacker address (decoy: for a record that must
// not match).
func (a *attacker) source(v6, decoy bool) netip.Addr {
	n := a.nSrc
	if decoy {
		n = a.nDecoy
		a.nDecoy++
	} else {
		a.nSrc++
	}
	if v6 {
		b := netip.MustParseAddr("2001:db8:a77a:c4::").As16()
		if decoy {
			b = netip.MustParseAddr("2001:db8:dec0:1::").As16()
		}
		binary.BigEndian.PutUint32(b[12:], uint32(n+1))
		return netip.AddrFrom16(b)
	}
	base := [4]byte{198, 51, 100, 0}
	if decoy {
		base = [4]byte{203, 0, 113, 0}
	}
	base[2] += byte(n / 254)
	base[3] = byte(n%254 + 1)
	return netip.AddrFrom4(base)
}

func (a *attacker) victim(v6 bool) netip.Addr {
	a.nVictim++
	n := a.nVictim%250 + 1
	var v netip.Addr
	if v6 {
		b := victimV6.As16()
		b[15] = byte(n)
		b[14] = byte(a.r.intn(3))
		v = netip.AddrFrom16(b)
	} else {
		b := victimV4.As4()
		b[3] = byte(n)
		v = netip.AddrFrom4(b)
	}
	a.victims[v] = true
	return v
}

func addrBytes(x netip.Addr) addr {
	var r addr
	if x.Is4() {
		b := x.As4()
		copy(r.a[:], b[:])
		return r
	}
	r.v6 = true
	r.a = x.As16()
	return r
}

// forgery is a text meant to pass for a whole log line, or its tail,
// naming victim v.
type forgery func(a *attacker, v netip.Addr) string

// The forged texts: tcpdump's own notation with the separators a parser
// might split on. The first one is what the old failregex
// `rule \d/\d\(match\): block in on \w+: <HOST>\.\d+` takes anywhere in a
// line.
var forgeries = []forgery{
	func(a *attacker, v netip.Addr) string {
		return " rule 1/0(match): block in on em0: " + v.String() + ".4444 > 10.0.0.1.22: Flags [S], seq 1, win 1024, length 0"
	},
	func(a *attacker, v netip.Addr) string {
		return "\t" + fakeDate(a) + " rule 1/0(match): block in on vtnet0: " + v.String() + ".41854 > 198.51.100.7.22: Flags [S], seq 3398156566, win 65535, length 0"
	},
	func(a *attacker, v netip.Addr) string {
		return ": block in on em0: " + v.String() + " > 10.0.0.1: ICMP echo request, id 1, seq 1, length 64"
	},
	func(a *attacker, v netip.Addr) string {
		return "\r\n" + fakeDate(a) + " rule 12.f2b/sshd.0/0(match) [uid 0] [ridentifier 7]: block in on em0: " + v.String() + ".22 > 10.0.0.1.22: Flags [S], seq 1, win 1024, length 0"
	},
	func(a *attacker, v netip.Addr) string {
		return "\n" + fakeDate(a) + " rule 0/0(match): block in on igb1: " + v.String() + " > 10.0.0.1: ICMP echo request"
	},
	func(a *attacker, v netip.Addr) string {
		return fakeDate(a) + " " + v.String() + " " + v.String() + ".22 [" + v.String() + "]:22"
	},
	func(a *attacker, v netip.Addr) string {
		s := v.String()
		if v.Is4() {
			s = "::ffff:" + s
		}
		return "x: block in on em0:\t" + s + ".80 > 10.0.0.1.80: Flags [S]\t" + s
	},
	func(a *attacker, v netip.Addr) string {
		return "rule 1/0(match): block in on em0: [total length 60 > length 40] (invalid) " + v.String() + ".1 > 10.0.0.1.22: Flags [S]"
	},
	anchorForgery,
}

// anchorForgery continues an anchor name: "rule 1.ANCHOR" + ".1/0(match):
// block in on em0: VICTIM...", for a parser that lets an anchor name run on.
func anchorForgery(a *attacker, v netip.Addr) string {
	return "x.1/0(match): block in on em0: " + v.String() + ".22 > 10.0.0.1.22: Flags [S], seq 1, win 1024, length 0"
}

func fakeDate(a *attacker) string {
	return fmt.Sprintf("2026-11-22T%02d:%02d:%02d.%06d+01:00", a.r.intn(24), a.r.intn(60), a.r.intn(60), a.r.intn(1000000))
}

// carrier builds a packet whose payload carries text: a transport, a
// port and the payload bytes.
type carrier struct {
	name  string
	proto uint8
	port  uint16
	flags uint8 // TCP flags
	body  func(text string) []byte
}

func httpBody(s string) []byte { return []byte("GET /" + s + " HTTP/1.1\r\nHost: x\r\n\r\n") }

func dnsBody(s string) []byte {
	b := []byte{0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0}
	for _, l := range strings.Split(s, ".") {
		for len(l) > 63 {
			b = append(b, 63)
			b = append(b, l[:63]...)
			l = l[63:]
		}
		if l != "" {
			b = append(b, byte(len(l)))
			b = append(b, l...)
		}
	}
	return append(b, 0, 0, 1, 0, 1)
}

func sipBody(s string) []byte {
	return []byte("OPTIONS sip:" + s + " SIP/2.0\r\nVia: SIP/2.0/UDP nm\r\nCall-ID: 1\r\n\r\n")
}

func tftpBody(s string) []byte {
	s = strings.ReplaceAll(s, "\x00", "")
	return append(append([]byte{0, 1}, s...), "\x00octet\x00"...)
}

func snmpBody(s string) []byte {
	if len(s) > 200 {
		s = s[:200]
	}
	oid := berTLV(nil, 0x06, snmpOIDs[0])
	vbl := berTLV(nil, 0x30, berTLV(nil, 0x30, append(oid, 0x05, 0x00)))
	pdu := append([]byte{0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00}, vbl...)
	msg := []byte{0x02, 0x01, 0x01}
	msg = berTLV(msg, 0x04, []byte(s))
	msg = berTLV(msg, 0xa0, pdu)
	return berTLV(nil, 0x30, msg)
}

var carriers = []carrier{
	{"http", protoTCP, 80, fPSH | fACK, httpBody},
	{"http-syn", protoTCP, 80, fSYN, httpBody},
	{"ftp-user", protoTCP, 21, fPSH | fACK, func(s string) []byte { return []byte("USER " + s + "\r\n") }},
	{"smtp-helo", protoTCP, 25, fPSH | fACK, func(s string) []byte { return []byte("HELO " + s + "\r\n") }},
	{"smtp-helo-syn", protoTCP, 25, fSYN, func(s string) []byte { return []byte("HELO " + s + "\r\n") }},
	{"ssh-banner", protoTCP, 22, fPSH | fACK, func(s string) []byte { return []byte("SSH-2.0-" + s + "\r\n") }},
	{"ssh-banner-syn", protoTCP, 22, fSYN, func(s string) []byte { return []byte("SSH-2.0-" + s + "\r\n") }},
	{"dns-qname", protoUDP, 53, 0, dnsBody},
	{"sip-uri", protoUDP, 5060, 0, sipBody},
	{"tftp-file", protoUDP, 69, 0, tftpBody},
	{"snmp-community", protoUDP, 161, 0, snmpBody},
	{"syslog", protoUDP, 514, 0, func(s string) []byte { return []byte("<34>" + s) }},
	{"icmp-echo", protoICMP, 0, 0, func(s string) []byte { return append([]byte{8, 0, 0, 0, 0, 1, 0, 1}, s...) }},
}

// build writes one packet from src to dst carrying text; ext adds IPv6
// extension headers ("hbh", "frag" for a first fragment), overlong makes
// the IP length field claim 100 bytes more than there are.
func (a *attacker) packet(c carrier, src, dst netip.Addr, text string, ext string, overlong bool) ([]byte, Kind) {
	p := &a.p
	s, d := addrBytes(src), addrBytes(dst)
	if src.Is6() {
		p.ipv6(s, d, 64, 0, uint32(a.r.intn(1<<20)))
		switch ext {
		case "hbh":
			p.ext(protoHBH, []byte{0, 1, 4, 0, 0, 0, 0})
		case "dstopt":
			p.ext(protoDstOpt, []byte{0, 1, 4, 0, 0, 0, 0})
		case "frag":
			p.ext(protoFrag6, []byte{0, 0, 0, 0x12, 0x34, 0x56, 0x78}) // offset 0, M=0
		}
	} else {
		p.ipv4(s, d, 64, 0, a.r.u16(), true, nil)
	}
	payload := c.body(text)
	proto := c.proto
	if proto == protoICMP && src.Is6() {
		proto = protoICMPv6
		payload[0] = 128
	}
	p.proto(proto)
	kind := KindUDP
	switch proto {
	case protoTCP:
		p.b = appendTCP(p.b, uint16(a.r.between(32768, 60999)), c.port, a.r.u32(), 0, c.flags, 1024, 0, nil, payload)
		if c.flags&fACK != 0 {
			binary.BigEndian.PutUint32(p.b[p.l4+8:], a.r.u32())
			kind = KindTCPOther
		} else {
			kind = KindTCPSyn
		}
	case protoUDP:
		p.b = appendUDP(p.b, uint16(a.r.between(32768, 60999)), c.port, payload)
	default:
		p.b = append(p.b, payload...)
		kind = KindICMP
	}
	p.finish()
	if overlong {
		if p.v6 {
			binary.BigEndian.PutUint16(p.b[4:], uint16(len(p.b)-40+100))
		} else {
			binary.BigEndian.PutUint16(p.b[2:], uint16(len(p.b)+100))
			ipv4Checksum(p.b)
		}
	}
	return p.b, kind
}

func (a *attacker) record(h hdr, pkt []byte, keep int, t Truth) attackRec {
	af := uint8(2)
	if pkt[0]>>4 == 6 {
		af = a.fl.af6()
	}
	b := a.appendHdr(nil, af, h)
	hl := len(b)
	b = append(b, pkt...)
	wire := len(b)
	if keep >= 0 && hl+keep < len(b) {
		b = b[:hl+keep]
	}
	t.Action, t.Dir = h.action, h.dir
	return attackRec{Record{Data: b, WireLen: wire}, t}
}

// attackKind builds one attack record for a round.
type attackKind struct {
	name  string
	build func(a *attacker, round int) attackRec
}

var attackKinds []attackKind

func init() {
	for _, c := range carriers {
		for _, v6 := range []bool{false, true} {
			c, v6 := c, v6
			fam := "v4"
			if v6 {
				fam = "v6"
			}
			attackKinds = append(attackKinds, attackKind{c.name + "-" + fam, func(a *attacker, round int) attackRec {
				return a.payloadAttack(c, v6, round, blockIn(), false, nil)
			}})
			// The same packet logged by other rules: nothing may match.
			attackKinds = append(attackKinds, attackKind{c.name + "-" + fam + "-decoy", func(a *attacker, round int) attackRec {
				return a.payloadAttack(c, v6, round, pick(a.r, decoyHeaders)(a), true, nil)
			}})
		}
	}
	attackKinds = append(attackKinds,
		attackKind{"odd-header", func(a *attacker, round int) attackRec {
			c := pick(a.r, carriers)
			return a.payloadAttack(c, a.r.chance(0.4), round, pick(a.r, oddBlockIn)(a), false, nil)
		}},
		attackKind{"odd-header-decoy", func(a *attacker, round int) attackRec {
			// Anchor and interface names that spell a block-in header,
			// followed by payloads that continue them.
			c := pick(a.r, carriers[:len(carriers)-2]) // a printer that shows the text
			return a.payloadAttack(c, a.r.chance(0.4), round, pick(a.r, oddDecoys)(a), true, anchorForgery)
		}},
		attackKind{"ext-hdr", func(a *attacker, round int) attackRec {
			c := pick(a.r, carriers)
			return a.variantAttack(c, true, pick(a.r, []string{"hbh", "dstopt", "frag"}), false, -1)
		}},
		attackKind{"overlong-v4", func(a *attacker, round int) attackRec {
			return a.variantAttack(pick(a.r, carriers), false, "", true, -1)
		}},
		attackKind{"overlong-v6", func(a *attacker, round int) attackRec {
			return a.variantAttack(pick(a.r, carriers), true, "", true, -1)
		}},
		attackKind{"cut-ip-header", func(a *attacker, round int) attackRec {
			v6 := a.r.chance(0.5)
			keep := a.r.between(1, 19)
			if v6 {
				keep = a.r.between(1, 39)
			}
			return a.variantAttack(pick(a.r, carriers), v6, "", false, keep)
		}},
	)
}

// Headers of records that must not match: pass, block out, block in/out,
// match, scrub, unknown actions and directions.
var decoyHeaders = []func(a *attacker) hdr{
	func(a *attacker) hdr { h := blockIn(); h.action = ActionPass; return h },
	func(a *attacker) hdr { h := blockIn(); h.dir = DirOut; return h },
	func(a *attacker) hdr { h := blockIn(); h.dir = DirInOut; return h },
	func(a *attacker) hdr { h := blockIn(); h.action = 12; return h }, // match
	func(a *attacker) hdr { h := blockIn(); h.action = 2; return h },  // scrub
	func(a *attacker) hdr { h := blockIn(); h.action = 3; return h },  // noscrub
	func(a *attacker) hdr { h := blockIn(); h.action = 11; return h }, // defer
	func(a *attacker) hdr { h := blockIn(); h.action = 10; return h }, // synproxy-drop
	func(a *attacker) hdr { h := blockIn(); h.action = 17; return h }, // unkn(17)
	func(a *attacker) hdr { h := blockIn(); h.dir = 3; return h },     // unkn(3)
}

// Block-in headers in every notation: anchors (with "/", escapes, empty,
// 16 bytes, ": block in on " inside), uid, ridentifier, unknown reasons,
// interface names with spaces, escapes and ": " in them.
var oddBlockIn = []func(a *attacker) hdr{
	func(a *attacker) hdr { h := blockIn(); h.ruleset, h.rulenr, h.subrulenr = "f2b/sshd", 3, 7; return h },
	func(a *attacker) hdr { h := blockIn(); h.ruleset, h.rulenr, h.subrulenr = "", 7, 0; return h },
	func(a *attacker) hdr {
		h := blockIn()
		h.ruleset, h.rulenr, h.subrulenr = "a\x01b\xe9c/\x7f", 4294967295, 4294967294
		return h
	},
	func(a *attacker) hdr { h := blockIn(); h.ruleset, h.subrulenr = ": block in on em", 2; return h },
	func(a *attacker) hdr { h := blockIn(); h.ruleset, h.subrulenr = "x.1/0(match): bl", 2; return h },
	func(a *attacker) hdr { h := blockIn(); h.ruleset, h.subrulenr = "ABCDEFGHIJKLMNOP", 2; return h },
	func(a *attacker) hdr { h := blockIn(); h.uid, h.rid = 0, 1; return h },
	func(a *attacker) hdr { h := blockIn(); h.uid, h.rid, h.reason = 1001, 4294967295, 17; return h },
	func(a *attacker) hdr { h := blockIn(); h.reason = 12; return h },
	func(a *attacker) hdr { h := blockIn(); h.rulenr = 4294967295; h.reason = 15; return h },
	func(a *attacker) hdr { h := blockIn(); h.ifname = "em0: block in"; return h },
	func(a *attacker) hdr { h := blockIn(); h.ifname = "x: block in on y"; return h },
	func(a *attacker) hdr { h := blockIn(); h.ifname = "e\x01\x1b[\x7f\x80\xff \\x"; return h },
	func(a *attacker) hdr { h := blockIn(); h.ifname = ""; return h },
	func(a *attacker) hdr { h := blockIn(); h.ifname = "abcdefghijklmnop"; return h },
	func(a *attacker) hdr {
		h := blockIn()
		h.ifname = "e: 192.0.2.250"
		a.victims[netip.MustParseAddr("192.0.2.250")] = true
		return h
	},
	func(a *attacker) hdr {
		h := blockIn()
		h.ifname = "e: 192.0.2.251.1"
		a.victims[netip.MustParseAddr("192.0.2.251")] = true
		return h
	},
	func(a *attacker) hdr { h := blockIn(); h.ifname = "M-^A ^[: in on :"; return h },
}

// Other actions with names that spell a block-in header.
var oddDecoys = []func(a *attacker) hdr{
	func(a *attacker) hdr {
		h := blockIn()
		h.action, h.ruleset, h.subrulenr = ActionPass, ": block in on em", 2
		return h
	},
	func(a *attacker) hdr {
		h := blockIn()
		h.dir, h.ruleset, h.subrulenr = DirOut, "0(match): block ", 2
		return h
	},
	func(a *attacker) hdr { h := blockIn(); h.action, h.ifname = ActionPass, "x: block in on y"; return h },
	func(a *attacker) hdr { h := blockIn(); h.dir, h.ifname = DirOut, "em0: block in on"; return h },
	func(a *attacker) hdr {
		h := blockIn()
		h.action, h.ruleset, h.subrulenr, h.ifname = 12, "1/0(match): bloc", 1, "k in on em0"
		return h
	},
}

// payloadAttack: a packet whose payload forges a line naming a victim
// (with forgery f, or one picked by round).
func (a *attacker) payloadAttack(c carrier, v6 bool, round int, h hdr, decoy bool, f forgery) attackRec {
	src := a.source(v6, decoy)
	dst := a.g.v4addr()
	if v6 {
		dst = a.g.v6addr()
		for !dst.v6 || dst.a[0] == 0 {
			dst = a.g.v6addr()
		}
	}
	v := a.victim(a.r.chance(0.5))
	if f == nil {
		f = forgeries[(round+a.r.intn(len(forgeries)))%len(forgeries)]
	}
	text := f(a, v)
	pkt, kind := a.packet(c, src, addrFromBytes(dst), text, "", false)
	t := Truth{Printed: true, Src: src, Kind: kind, Victims: []netip.Addr{v}, Attack: c.name}
	return a.record(h, pkt, -1, t)
}

// variantAttack: extension headers, overlong IP lengths, cuts.
func (a *attacker) variantAttack(c carrier, v6 bool, ext string, overlong bool, keep int) attackRec {
	src := a.source(v6, keep >= 0)
	dst := addrFromBytes(a.g.v4addr())
	if v6 {
		dst = netip.MustParseAddr("2001:db8:1::" + strconv.Itoa(a.r.between(1, 9999)))
	}
	v := a.victim(a.r.chance(0.5))
	text := pick(a.r, forgeries)(a, v)
	pkt, kind := a.packet(c, src, dst, text, ext, overlong)
	t := Truth{Printed: keep < 0, Src: src, Kind: kind, Victims: []netip.Addr{v}, Attack: c.name + "/" + ext}
	if overlong {
		t.Attack += "/overlong"
	}
	if keep >= 0 {
		t.Kind, t.Attack = KindNone, c.name+"/cut"
	}
	return a.record(blockIn(), pkt, keep, t)
}

func addrFromBytes(x addr) netip.Addr {
	if x.v6 {
		return netip.AddrFrom16(x.a)
	}
	return netip.AddrFrom4([4]byte(x.a[:4]))
}
