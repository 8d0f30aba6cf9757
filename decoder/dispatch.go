package decoder

// Port dispatch for the application printers, as tables in tcpdump
// 4.99.5's order (spec §4.7 and §5.2): the first rule whose port matches
// wins.

// appPrinter appends what tcpdump prints for an application payload: for
// UDP after "SRC.SPORT > DST.DPORT: ", for TCP after ", length N".
type appPrinter func(d *Decoder, b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) []byte

// Which side of the conversation a rule's port must be on.
const (
	onEither = iota
	onSrc
	onDst
)

type portRule struct {
	lo, hi uint16 // an inclusive range; most rules have lo == hi
	side   uint8
	print  appPrinter
	// claims, when set, must also accept the payload (AppleTalk-in-UDP
	// looks at a payload byte besides the ports).
	claims func(data []byte, sport, dport uint16) bool
}

func (r *portRule) matches(sport, dport uint16) bool {
	s := sport >= r.lo && sport <= r.hi
	t := dport >= r.lo && dport <= r.hi
	switch r.side {
	case onSrc:
		return s
	case onDst:
		return t
	}
	return s || t
}

// portIndex maps a port to 1 + the index of the first rule of a table
// that names it (0: none), so that a packet between two ports no printer
// wants (most of a port scan) skips the table, and any other starts its
// scan at the first rule that can match.
type portIndex [65536]uint8

func newPortIndex(rules []portRule) *portIndex {
	if len(rules) >= 255 {
		panic("decoder: more port rules than a portIndex holds")
	}
	var x portIndex
	for i := len(rules) - 1; i >= 0; i-- {
		for p := int(rules[i].lo); p <= int(rules[i].hi); p++ {
			x[p] = uint8(i + 1)
		}
	}
	return &x
}

// first returns the index of the first rule that names sport or dport,
// or -1.
func (x *portIndex) first(sport, dport uint16) int {
	a, b := x[sport], x[dport]
	if a == 0 || (b != 0 && b < a) {
		a = b
	}
	return int(a) - 1
}

// tcpPorts is filled in init and never changes.
var tcpPorts *portIndex

// tcpApp dispatches a TCP payload (tcp_print's port tests). Every TCP
// rule takes its ports on either side and claims nothing (init checks
// it), so the first rule that names either port is the one that matches.
func (d *Decoder) tcpApp(b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) []byte {
	start := tcpPorts.first(sport, dport)
	if start < 0 {
		return b
	}
	return tcpRules[start].print(d, b, data, length, ip, sport, dport)
}

// sidePortIndex maps a port to 1 + the index of the first rule of a
// table that matches a packet with that port on one side (the source or
// the destination), 0 for none: the first rule that matches a packet is
// the lower of its source port's and its destination port's entries.
type sidePortIndex [65536]uint8

func (x *sidePortIndex) fill(rules []portRule, side uint8) {
	if len(rules) >= 255 {
		panic("decoder: more port rules than a sidePortIndex holds")
	}
	for i := len(rules) - 1; i >= 0; i-- {
		if rules[i].side != onEither && rules[i].side != side {
			continue
		}
		for p := int(rules[i].lo); p <= int(rules[i].hi); p++ {
			x[p] = uint8(i + 1)
		}
	}
}

// udpSrcPorts and udpDstPorts are filled in init and never change.
var udpSrcPorts, udpDstPorts sidePortIndex

// udpFirst returns 1 + the index of the first UDP rule whose ports match
// (0: none), claims or no claims.
func udpFirst(sport, dport uint16) uint8 {
	a, c := udpSrcPorts[sport], udpDstPorts[dport]
	if a == 0 || (c != 0 && c < a) {
		a = c
	}
	return a
}

// udpRule returns the index of the first UDP rule whose ports match and
// whose claims, if any, accepts data, or -1: the rule udpApp uses.
func udpRule(data []byte, sport, dport uint16) int {
	i := int(udpFirst(sport, dport)) - 1
	if i >= 0 && udpRules[i].claims != nil && !udpRules[i].claims(data, sport, dport) {
		return udpRuleAfter(i+1, data, sport, dport)
	}
	return i
}

// udpRuleAfter is the scan of udpRules from start (after a rule whose
// claims said no).
func udpRuleAfter(start int, data []byte, sport, dport uint16) int {
	for i := start; i < len(udpRules); i++ {
		r := &udpRules[i]
		if r.matches(sport, dport) && (r.claims == nil || r.claims(data, sport, dport)) {
			return i
		}
	}
	return -1
}

// The UDP printers udpApp calls directly rather than through their
// rule's appPrinter (an indirect call through an adapter, eleven
// arguments): the common ones of a scan. udpHot maps a rule's index to
// its kind (udpCold: through the rule).
const (
	udpCold   = iota
	udpClaims // the rule's claims must accept the payload too
	udpHotDNS
	udpHotMDNS
	udpHotSNMP
	udpHotNTP
	udpHotTFTP
	udpHotSIP
	udpHotBOOTP
	udpHotSyslog
	udpHotNBT137
	udpHotNBT138
	udpHotRIP
)

var udpHot [256]uint8

// udpHotKind is the kind of a rule of udpRuleList, told by its ports.
func udpHotKind(r *portRule) uint8 {
	if r.claims != nil {
		return udpClaims
	}
	if r.side != onEither {
		return udpCold
	}
	switch [2]uint16{r.lo, r.hi} {
	case [2]uint16{53, 53}:
		return udpHotDNS
	case [2]uint16{5353, 5353}:
		return udpHotMDNS
	case [2]uint16{161, 162}:
		return udpHotSNMP
	case [2]uint16{123, 123}:
		return udpHotNTP
	case [2]uint16{69, 69}:
		return udpHotTFTP
	case [2]uint16{5060, 5060}:
		return udpHotSIP
	case [2]uint16{67, 68}:
		return udpHotBOOTP
	case [2]uint16{514, 514}:
		return udpHotSyslog
	case [2]uint16{137, 137}:
		return udpHotNBT137
	case [2]uint16{138, 138}:
		return udpHotNBT138
	case [2]uint16{520, 520}:
		return udpHotRIP
	}
	return udpCold
}

// udpApp dispatches a UDP payload; ok is false when no printer claims it
// and udp_print prints its generic "UDP, length N".
func (d *Decoder) udpApp(b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) (_ []byte, ok bool) {
	// udpRule, with the payload test of a rule that has one left to
	// udpAppClaims.
	a := udpFirst(sport, dport)
	if a == 0 {
		return b, false
	}
	i := a - 1
	switch udpHot[i] {
	case udpClaims:
		return d.udpAppClaims(int(i), b, data, length, ip, sport, dport)
	case udpHotDNS:
		return printDomain(b, data, length, false, false), true
	case udpHotMDNS:
		return printDomain(b, data, length, false, true), true
	case udpHotSNMP:
		return printSNMP(b, data, length), true
	case udpHotNTP:
		return printNTP(b, data, length), true
	case udpHotTFTP:
		return printTFTP(b, data, length), true
	case udpHotSIP:
		return printSIP(b, data, length), true
	case udpHotBOOTP:
		return printBOOTP(b, data, length), true
	case udpHotSyslog:
		return printSyslog(b, data, length), true
	case udpHotNBT137:
		return printNBTUDP137(b, data, length), true
	case udpHotNBT138:
		return printNBTUDP138(b, data, length), true
	case udpHotRIP:
		return printRIP(b, data, length), true
	}
	return udpRules[i].print(d, b, data, length, ip, sport, dport), true
}

// udpAppClaims is udpApp for a packet whose first matching rule, i, has a
// payload test.
func (d *Decoder) udpAppClaims(i int, b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) (_ []byte, ok bool) {
	if !udpRules[i].claims(data, sport, dport) {
		if i = udpRuleAfter(i+1, data, sport, dport); i < 0 {
			return b, false
		}
	}
	return udpRules[i].print(d, b, data, length, ip, sport, dport), true
}

func one(p uint16, f appPrinter) portRule     { return portRule{lo: p, hi: p, side: onEither, print: f} }
func dstOnly(p uint16, f appPrinter) portRule { return portRule{lo: p, hi: p, side: onDst, print: f} }
func srcOnly(p uint16, f appPrinter) portRule { return portRule{lo: p, hi: p, side: onSrc, print: f} }
func span(lo, hi uint16, f appPrinter) portRule {
	return portRule{lo: lo, hi: hi, side: onEither, print: f}
}

// atalkRange is AppleTalk-in-UDP: a port in the range and the payload's
// DDP type byte.
func atalkRange(lo, hi uint16) portRule {
	return portRule{lo: lo, hi: hi, side: onEither, print: udpATalk, claims: atalkClaims}
}

// Adapters from the printers' own signatures to appPrinter.

// leaf adapts a printer that needs only its payload and length.
func leaf(f func(b, data []byte, length int) []byte) appPrinter {
	return func(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
		return f(b, data, length)
	}
}

func udpDNS(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printDomain(b, data, length, false, false)
}
func udpMDNS(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printDomain(b, data, length, false, true)
}
func tcpDNS(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printDomain(b, data, length, true, false)
}

// udpBFD passes the destination port: bfd_print tells control from echo
// by it.
func udpBFD(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, dport uint16) []byte {
	return printBFD(b, data, length, dport)
}

// tcpRules is tcp_print's order in 4.99.5 with SMB on (spec §4.7).
var tcpRules = []portRule{
	one(21, leaf(printFTP)),
	one(22, leaf(printSSH)),
	one(23, leaf(printTelnet)),
	one(25, leaf(printSMTP)),
	one(43, leaf(printWHOIS)),
	one(53, tcpDNS),
	one(80, leaf(printHTTP)),
	one(139, leaf(printNBTTCP)),
	one(179, leaf(printBGP)),
	one(323, leaf(printRPKIRTR)),
	one(445, leaf(printSMBTCP)),
	one(554, leaf(printRTSP)),
	one(639, leaf(printMSDP)),
	one(646, leaf(printLDP)),
	one(1723, leaf(printPPTP)),
	one(6379, leaf(printRESP)),
	one(10288, leaf(printBEEP)),
	one(6633, leaf(printOpenFlow)),
	one(6653, leaf(printOpenFlow)),
	one(8080, leaf(printHTTP)),
	one(8554, leaf(printRTSP)),
	one(2049, tcpNFS), // print-tcp.c's last test: an RPC call to, or reply from, 2049
}

func tcpNFS(d *Decoder, b, data []byte, length int, ip *ipInfo, sport, dport uint16) []byte {
	b, _ = d.nfs.printNFSTCP(b, data, length, ip, sport, dport)
	return b
}

func udpISAKMP(d *Decoder, b, data []byte, length int, ip *ipInfo, _, _ uint16) []byte {
	return d.ike.printISAKMP(b, data, length, ip)
}
func udpNATT(d *Decoder, b, data []byte, length int, ip *ipInfo, _, _ uint16) []byte {
	return d.ike.printISAKMPNATT(b, data, length, ip)
}
func udpRX(d *Decoder, b, data []byte, length int, ip *ipInfo, sport, dport uint16) []byte {
	return d.rx.printRX(b, data, length, ip, sport, dport)
}

// method adapts a Decoder method that needs only its payload and length.
func method(f func(d *Decoder, b, data []byte, length int) []byte) appPrinter {
	return func(d *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
		return f(d, b, data, length)
	}
}

// udpRules is udp_print's order in 4.99.5 with SMB on (spec §5.2). It is
// filled in init: some printers (L2TP, VXLAN, OTV, Geneve) reach IP again
// and so the UDP dispatcher itself.
var udpRules []portRule

func init() {
	udpRules = udpRuleList()
	for _, r := range tcpRules {
		if r.side != onEither || r.claims != nil {
			panic("decoder: tcpApp takes every TCP rule's ports on either side, claiming nothing")
		}
	}
	tcpPorts = newPortIndex(tcpRules)
	udpSrcPorts.fill(udpRules, onSrc)
	udpDstPorts.fill(udpRules, onDst)
	for i := range udpRules {
		udpHot[i] = udpHotKind(&udpRules[i])
	}
}

func udpRuleList() []portRule {
	return []portRule{
		one(53, udpDNS),
		span(67, 68, leaf(printBOOTP)),
		one(69, leaf(printTFTP)),
		one(88, leaf(printKRB)),
		one(123, leaf(printNTP)),
		one(137, leaf(printNBTUDP137)),
		one(138, leaf(printNBTUDP138)),
		span(161, 162, leaf(printSNMP)),
		span(319, 320, leaf(printPTP)),
		one(496, leaf(printAutoRP)),
		one(500, udpISAKMP),
		one(514, leaf(printSyslog)),
		one(520, leaf(printRIP)),
		one(521, leaf(printRIPng)),
		one(525, leaf(printTimed)),
		span(546, 547, leaf(printDHCP6)),
		one(646, leaf(printLDP)),
		one(654, udpAODV),
		one(698, udpOLSR),
		one(701, leaf(printLMP)),
		one(750, leaf(printKRB)),
		one(921, leaf(printLWRES)),
		one(5353, udpMDNS),
		one(4500, udpNATT),
		one(7500, udpISAKMP),
		one(8500, udpISAKMP),
		one(1701, method((*Decoder).printL2TP)),
		dstOnly(3456, leaf(printVAT)),
		span(2103, 2104, leaf(printZephyr)),
		span(7000, 7009, udpRX),
		one(5359, leaf(printAHCP)),
		span(6696, 6697, leaf(printBabel)),
		one(8231, leaf(printHNCP)),
		dstOnly(4567, leaf(printWB)),
		one(1645, leaf(printRADIUS)),
		one(1646, leaf(printRADIUS)),
		one(1700, leaf(printRADIUS)),
		one(1812, leaf(printRADIUS)),
		one(1813, leaf(printRADIUS)),
		one(3799, leaf(printRADIUS)),
		dstOnly(1985, leaf(printHSRP)),
		one(3503, leaf(printLSPPing)),
		dstOnly(3784, udpBFD),
		dstOnly(4784, udpBFD),
		dstOnly(6784, udpBFD),
		dstOnly(3785, udpBFD),
		one(1589, leaf(printVQP)),
		one(6343, leaf(printSFlow)),
		dstOnly(12223, udpLWAPPControlDst),
		srcOnly(12223, udpLWAPPControlSrc),
		one(12222, leaf(printLWAPPData)),
		one(5060, leaf(printSIP)),
		one(8472, method((*Decoder).printOTV)),
		one(4789, method((*Decoder).printVXLAN)),
		dstOnly(6081, method((*Decoder).printGeneve)),
		one(4342, leaf(printLISP)),
		one(4790, method((*Decoder).printVXLANGPE)),
		one(17754, leaf(printZEP)),
		one(6635, udpMPLS),
		atalkRange(200, 327),
		atalkRange(768, 895),
		atalkRange(16512, 16639),
		one(30490, leaf(printSOMEIP)),
		srcOnly(49152, leaf(printBCMLI)),
	}
}
