package decoder

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// The port dispatch tests restate tcp_print's and udp_print's port tests
// of tcpdump 4.99.5 (print-tcp.c, print-udp.c; SMB on), in their order,
// naming each printer independently of dispatch.go's tables. For every
// rule they send a packet on its port (or range ends) through the whole
// decoder and require the named printer's text; for every pair of rules
// that one packet can match at once they send such a packet and require
// the earlier rule's printer. So deleting a rule, or swapping two rules
// whose order decides what some packet prints, fails the tests
// (scripts/dispatch-mutants.sh checks this one rule at a time).

// dispatchCase is one port test: the ports it names (an inclusive range),
// which side they must be on, and the printer tcpdump calls.
type dispatchCase struct {
	name   string
	lo, hi uint16
	side   uint8
	print  appPrinter
	// payload makes the printer print something of its own; nil takes
	// dispatchPayload.
	payload []byte
	// claims, when set, must also accept the payload (AppleTalk-in-UDP
	// looks at the DDP type byte).
	claims func(data []byte, sport, dport uint16) bool
}

func (c *dispatchCase) takes(data []byte, sport, dport uint16) bool {
	return c.claims == nil || c.claims(data, sport, dport)
}

// dispatchPayload is 40 bytes that every printer without a payload of
// its own prints something for (a field, a type name or a truncation
// mark).
var dispatchPayload = []byte("\x01\x02\x00\x01\x00\x00\x00\x07\x00\x00\x00\x01ABCDEFGHIJKLMNOPQRSTUVWXYZ0123\r\n")

// tcpDispatch is print-tcp.c's chain.
var tcpDispatch = []dispatchCase{
	{name: "FTP", lo: 21, print: leaf(printFTP), payload: []byte("USER anonymous\r\n")},
	{name: "SSH", lo: 22, print: leaf(printSSH), payload: []byte("SSH-2.0-OpenSSH_9.6\r\n")},
	{name: "TELNET", lo: 23, print: leaf(printTelnet), payload: []byte{0xff, 0xfd, 0x18, 0xff, 0xfb, 0x1f}},
	{name: "SMTP", lo: 25, print: leaf(printSMTP), payload: []byte("EHLO x\r\n")},
	{name: "WHOIS", lo: 43, print: leaf(printWHOIS), payload: []byte("example.com\r\n")},
	{name: "DNS", lo: 53, print: tcpDNS, payload: []byte("\x00\x1d\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01")},
	{name: "HTTP", lo: 80, print: leaf(printHTTP), payload: []byte("GET / HTTP/1.1\r\n")},
	{name: "NetBIOS", lo: 139, print: leaf(printNBTTCP)},
	{name: "BGP", lo: 179, print: leaf(printBGP)},
	{name: "RPKI-RTR", lo: 323, print: leaf(printRPKIRTR)},
	{name: "SMB", lo: 445, print: leaf(printSMBTCP)},
	{name: "RTSP", lo: 554, print: leaf(printRTSP), payload: []byte("OPTIONS * RTSP/1.0\r\n")},
	{name: "MSDP", lo: 639, print: leaf(printMSDP)},
	{name: "LDP", lo: 646, print: leaf(printLDP)},
	{name: "PPTP", lo: 1723, print: leaf(printPPTP)},
	{name: "RESP", lo: 6379, print: leaf(printRESP), payload: []byte("*1\r\n$4\r\nPING\r\n")},
	{name: "BEEP", lo: 10288, print: leaf(printBEEP), payload: []byte("MSG 0 1 . 0 10\r\n")},
	{name: "OpenFlow 6633", lo: 6633, print: leaf(printOpenFlow)},
	{name: "OpenFlow 6653", lo: 6653, print: leaf(printOpenFlow)},
	{name: "HTTP 8080", lo: 8080, print: leaf(printHTTP), payload: []byte("GET / HTTP/1.1\r\n")},
	{name: "RTSP 8554", lo: 8554, print: leaf(printRTSP), payload: []byte("OPTIONS * RTSP/1.0\r\n")},
	{name: "NFS", lo: 2049, print: tcpNFS, payload: []byte("\x80\x00\x00\x28\x00\x00\x00\x2a\x00\x00\x00\x00\x00\x00\x00\x02\x00\x01\x86\xa3\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")},
}

// atalkPayload is a DDP short header of type 2 (NBP) that
// AppleTalk-in-UDP claims.
var atalkPayload = []byte{0x00, 0x0d, 0x02, 0x02, 0x12, 0x34, 0x00, 0x01, 0x01, 0x41, 0x01, 0x42, 0x00}

// udpDispatch is print-udp.c's chain.
var udpDispatch = []dispatchCase{
	{name: "DNS", lo: 53, print: udpDNS, payload: []byte("\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01")},
	{name: "BOOTP", lo: 67, hi: 68, print: leaf(printBOOTP)},
	{name: "TFTP", lo: 69, print: leaf(printTFTP), payload: []byte("\x00\x01file\x00octet\x00")},
	{name: "Kerberos", lo: 88, print: leaf(printKRB)},
	{name: "NTP", lo: 123, print: leaf(printNTP)},
	{name: "NetBIOS-NS", lo: 137, print: leaf(printNBTUDP137)},
	{name: "NetBIOS-DGM", lo: 138, print: leaf(printNBTUDP138)},
	{name: "SNMP", lo: 161, hi: 162, print: leaf(printSNMP)},
	{name: "PTP", lo: 319, hi: 320, print: leaf(printPTP)},
	{name: "AutoRP", lo: 496, print: leaf(printAutoRP)},
	{name: "ISAKMP", lo: 500, print: udpISAKMP},
	{name: "syslog", lo: 514, print: leaf(printSyslog), payload: []byte("<34>Oct 11 22:14:15 host su: x")},
	{name: "RIP", lo: 520, print: leaf(printRIP)},
	{name: "RIPng", lo: 521, print: leaf(printRIPng)},
	{name: "timed", lo: 525, print: leaf(printTimed)},
	{name: "DHCPv6", lo: 546, hi: 547, print: leaf(printDHCP6)},
	{name: "LDP", lo: 646, print: leaf(printLDP)},
	{name: "AODV", lo: 654, print: udpAODV},
	{name: "OLSR", lo: 698, print: udpOLSR},
	{name: "LMP", lo: 701, print: leaf(printLMP)},
	{name: "Kerberos 750", lo: 750, print: leaf(printKRB)},
	{name: "LWRES", lo: 921, print: leaf(printLWRES)},
	{name: "mDNS", lo: 5353, print: udpMDNS, payload: []byte("\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x05local\x00\x00\x01\x00\x01")},
	{name: "NAT-T ISAKMP", lo: 4500, print: udpNATT},
	{name: "ISAKMP 7500", lo: 7500, print: udpISAKMP},
	{name: "ISAKMP 8500", lo: 8500, print: udpISAKMP},
	{name: "L2TP", lo: 1701, print: method((*Decoder).printL2TP)},
	{name: "VAT", lo: 3456, side: onDst, print: leaf(printVAT)},
	{name: "Zephyr", lo: 2103, hi: 2104, print: leaf(printZephyr), payload: []byte("ZEPH0.2\x001\x00 0x5\x00uid\x000\x000\x000\x00\x00ZEPHYR_CTL\x00PERSONAL\x00NET-VISIBLE\x00sender@R\x00\x00fmt\x000\x000\x00muid\x00SENT\x00")},
	{name: "RX", lo: 7000, hi: 7009, print: udpRX},
	{name: "AHCP", lo: 5359, print: leaf(printAHCP)},
	{name: "Babel", lo: 6696, hi: 6697, print: leaf(printBabel)},
	{name: "HNCP", lo: 8231, print: leaf(printHNCP)},
	{name: "WB", lo: 4567, side: onDst, print: leaf(printWB)},
	{name: "RADIUS 1645", lo: 1645, print: leaf(printRADIUS)},
	{name: "RADIUS 1646", lo: 1646, print: leaf(printRADIUS)},
	{name: "RADIUS 1700", lo: 1700, print: leaf(printRADIUS)},
	{name: "RADIUS 1812", lo: 1812, print: leaf(printRADIUS)},
	{name: "RADIUS 1813", lo: 1813, print: leaf(printRADIUS)},
	{name: "RADIUS 3799", lo: 3799, print: leaf(printRADIUS)},
	{name: "HSRP", lo: 1985, side: onDst, print: leaf(printHSRP)},
	{name: "LSP-PING", lo: 3503, print: leaf(printLSPPing)},
	{name: "BFD 3784", lo: 3784, side: onDst, print: udpBFD},
	{name: "BFD 4784", lo: 4784, side: onDst, print: udpBFD},
	{name: "BFD 6784", lo: 6784, side: onDst, print: udpBFD},
	{name: "BFD echo", lo: 3785, side: onDst, print: udpBFD},
	{name: "VQP", lo: 1589, print: leaf(printVQP)},
	{name: "sFlow", lo: 6343, print: leaf(printSFlow)},
	{name: "LWAPP-control-to", lo: 12223, side: onDst, print: udpLWAPPControlDst, payload: []byte("\x04\x00\x00\x10\x01\x02\x03\x04\x05\x06\x01\x05\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00")},
	{name: "LWAPP-control-from", lo: 12223, side: onSrc, print: udpLWAPPControlSrc, payload: []byte{4, 0, 0}},
	{name: "LWAPP-data", lo: 12222, print: leaf(printLWAPPData)},
	{name: "SIP", lo: 5060, print: leaf(printSIP), payload: []byte("OPTIONS sip:x SIP/2.0\r\n")},
	{name: "OTV", lo: 8472, print: method((*Decoder).printOTV)},
	{name: "VXLAN", lo: 4789, print: method((*Decoder).printVXLAN)},
	{name: "Geneve", lo: 6081, side: onDst, print: method((*Decoder).printGeneve)},
	{name: "LISP", lo: 4342, print: leaf(printLISP)},
	{name: "VXLAN-GPE", lo: 4790, print: method((*Decoder).printVXLANGPE)},
	{name: "ZEP", lo: 17754, print: leaf(printZEP)},
	{name: "MPLS", lo: 6635, print: udpMPLS},
	{name: "AppleTalk 200", lo: 200, hi: 327, print: udpATalk, payload: atalkPayload, claims: atalkClaims},
	{name: "AppleTalk 768", lo: 768, hi: 895, print: udpATalk, payload: atalkPayload, claims: atalkClaims},
	{name: "AppleTalk 16512", lo: 16512, hi: 16639, print: udpATalk, payload: atalkPayload, claims: atalkClaims},
	{name: "SOME/IP", lo: 30490, print: leaf(printSOMEIP)},
	{name: "BCM-LI", lo: 49152, side: onSrc, print: leaf(printBCMLI)},
}

// dispatchFree is a port no rule names.
const dispatchFree = 40000

func (c *dispatchCase) data() []byte {
	if c.payload != nil {
		return c.payload
	}
	return dispatchPayload
}

func (c *dispatchCase) ports() []uint16 {
	if c.hi <= c.lo {
		return []uint16{c.lo}
	}
	return []uint16{c.lo, c.hi}
}

// endpoints returns the packet's source and destination ports that put
// port p on a side this rule accepts, with other on the other side.
func (c *dispatchCase) endpoints(p, other uint16) (sport, dport uint16) {
	if c.side == onSrc {
		return p, other
	}
	return other, p
}

// dispatchRender decodes one IPv4 TCP segment or UDP datagram from
// 192.0.2.1 to 198.51.100.2 carrying payload, with a fresh Decoder.
func dispatchRender(tcp bool, sport, dport uint16, payload []byte) []byte {
	var pkt []byte
	if tcp {
		pkt = ipv4("192.0.2.1", "198.51.100.2", 6, tcpSeg(sport, dport, 1000, 2000, 0x18, nil, string(payload)))
	} else {
		pkt = ipv4("192.0.2.1", "198.51.100.2", 17, udpDgram(sport, dport, payload))
	}
	rec := append(pflog64(2), pkt...)
	return New(Options{AbsoluteSeq: true}).AppendRecord(nil, rec, len(rec))
}

// dispatchExpect is what the printer alone prints for the payload with
// these ports, with a fresh Decoder.
func dispatchExpect(c *dispatchCase, sport, dport uint16, payload []byte) []byte {
	ip := &ipInfo{src: []byte{192, 0, 2, 1}, dst: []byte{198, 51, 100, 2}, direct: true, proto: 17, ttl: 64}
	return c.print(New(Options{AbsoluteSeq: true}), nil, payload, len(payload), ip, sport, dport)
}

// checkReaches fails unless the decoder's text for the packet ends in the
// printer's own text, which is not empty and not how the packet prints
// with no printer.
func checkReaches(t *testing.T, tcp bool, c *dispatchCase, sport, dport uint16, payload []byte, where string) {
	t.Helper()
	got := bytes.TrimSuffix(dispatchRender(tcp, sport, dport, payload), []byte("\n"))
	want := dispatchExpect(c, sport, dport, payload)
	if len(want) == 0 {
		t.Fatalf("%s: the printer prints nothing for the test payload; give the case a payload", where)
	}
	if !bytes.HasSuffix(got, want) {
		t.Errorf("%s: the packet does not reach the printer:\n got %q\nwant suffix %q", where, got, want)
		return
	}
	// The text must tell this printer from its absence, or a missing
	// rule would pass.
	none := bytes.TrimSuffix(dispatchRender(tcp, dispatchFree, dispatchFree+1, payload), []byte("\n"))
	if bytes.HasSuffix(none, want) {
		t.Fatalf("%s: the printer's text %q is also what no printer gives", where, want)
	}
}

// swapShows reports whether the packet would print differently with b's
// rule before a's: b takes the payload and prints something else.
func swapShows(tcp bool, a, b *dispatchCase, sport, dport uint16, payload []byte) bool {
	if !a.takes(payload, sport, dport) || !b.takes(payload, sport, dport) {
		return false
	}
	want := dispatchExpect(a, sport, dport, payload)
	alt := dispatchExpect(b, sport, dport, payload)
	if !tcp {
		return !bytes.Equal(want, alt) // the whole UDP text is checked
	}
	if len(want) == 0 {
		return false // a's text alone could not tell the orders apart
	}
	// TCP: the text ends with the printer's; with the rules swapped it
	// would end with b's.
	got := bytes.TrimSuffix(dispatchRender(tcp, sport, dport, payload), []byte("\n"))
	if !bytes.HasSuffix(got, want) {
		return true // checkReaches reports it
	}
	swapped := append(got[:len(got)-len(want):len(got)-len(want)], alt...)
	return !bytes.HasSuffix(swapped, want)
}

// checkUDPText fails unless the packet's whole text is the pflog and UDP
// header text, then the printer's.
func checkUDPText(t *testing.T, c *dispatchCase, sport, dport uint16, payload []byte, where string) {
	t.Helper()
	got := string(bytes.TrimSuffix(dispatchRender(false, sport, dport, payload), []byte("\n")))
	want := fmt.Sprintf("%s192.0.2.1.%d > 198.51.100.2.%d: %s", prefix, sport, dport, dispatchExpect(c, sport, dport, payload))
	if got != want {
		t.Errorf("%s:\n got %q\nwant %q", where, got, want)
	}
}

func testDispatchRules(t *testing.T, tcp bool, cases []dispatchCase) {
	for i := range cases {
		c := &cases[i]
		for _, p := range c.ports() {
			sport, dport := c.endpoints(p, dispatchFree)
			checkReaches(t, tcp, c, sport, dport, c.data(), fmt.Sprintf("%s (ports %d > %d)", c.name, sport, dport))
		}
	}
}

// sharedPacket returns ports of one packet that both rules accept, with a
// port of a on the side a wants and of b on the other; ok is false when
// no packet matches both (two destination-only rules, say).
func sharedPacket(a, b *dispatchCase) (sport, dport uint16, ok bool) {
	for _, pa := range a.ports() {
		for _, pb := range b.ports() {
			for _, sw := range [2]bool{false, true} {
				s, d := pa, pb
				if sw {
					s, d = pb, pa
				}
				if a.accepts(s, d) && b.accepts(s, d) {
					return s, d, true
				}
			}
		}
	}
	return 0, 0, false
}

func (c *dispatchCase) accepts(sport, dport uint16) bool {
	hi := c.hi
	if hi < c.lo {
		hi = c.lo
	}
	s := sport >= c.lo && sport <= hi
	d := dport >= c.lo && dport <= hi
	switch c.side {
	case onSrc:
		return s
	case onDst:
		return d
	}
	return s || d
}

// samePrinter tells the rules that call one printer, named by the same
// first word (RADIUS's six ports, HTTP on 80 and 8080...): in tcpdump most
// are one test, and their order prints nothing different.
func samePrinter(a, b *dispatchCase) bool {
	return strings.Fields(a.name)[0] == strings.Fields(b.name)[0]
}

// ddpVariant is p with its third byte 2, the DDP type AppleTalk-in-UDP
// looks for.
func ddpVariant(p []byte) []byte {
	v := append([]byte(nil), p...)
	if len(v) >= 3 {
		v[2] = 2
	}
	return v
}

func testDispatchOrder(t *testing.T, tcp bool, cases []dispatchCase) {
	pairs := 0
	for i := range cases {
		for j := i + 1; j < len(cases); j++ {
			a, b := &cases[i], &cases[j]
			if samePrinter(a, b) {
				continue
			}
			sport, dport, ok := sharedPacket(a, b)
			if !ok {
				continue
			}
			// a's payload, or b's, or a's with a DDP type of 2 that
			// AppleTalk takes: the first that tells the two orders apart.
			var payload []byte
			for _, p := range [][]byte{a.data(), b.data(), ddpVariant(a.data())} {
				if swapShows(tcp, a, b, sport, dport, p) {
					payload = p
					break
				}
			}
			if payload == nil {
				t.Fatalf("%s before %s (ports %d > %d): no payload prints differently in the other order", a.name, b.name, sport, dport)
			}
			where := fmt.Sprintf("%s before %s (ports %d > %d)", a.name, b.name, sport, dport)
			if tcp {
				checkReaches(t, tcp, a, sport, dport, payload, where)
			} else {
				checkUDPText(t, a, sport, dport, payload, where)
			}
			pairs++
		}
	}
	if pairs == 0 {
		t.Fatal("no pair of rules shares a packet")
	}
}

func TestTCPDispatchReachesEachPrinter(t *testing.T) { testDispatchRules(t, true, tcpDispatch) }
func TestUDPDispatchReachesEachPrinter(t *testing.T) { testDispatchRules(t, false, udpDispatch) }
func TestTCPDispatchOrder(t *testing.T)              { testDispatchOrder(t, true, tcpDispatch) }
func TestUDPDispatchOrder(t *testing.T)              { testDispatchOrder(t, false, udpDispatch) }
