package pcapgen

// Port dispatch of tcpdump's TCP and UDP printers, in the order Debian's
// 4.99.3 and FreeBSD's 4.99.5 try them (spec §4.7 and §5.2). The generator
// uses them in oracle mode only, to keep out port pairs that the two
// versions send to different printers, and printers whose text differs
// between the two builds (Debian lacks the SMB/NetBIOS printers; Kerberos,
// PTP and MPLS-in-UDP changed in 4.99.5): the golden expected text comes
// from Debian's tcpdump, so such packets could not be corrected
// mechanically.

type portRule struct {
	name   string
	lo, hi uint16
	side   uint8 // sideEither, sideSrc, sideDst
}

const (
	sideEither = iota
	sideSrc
	sideDst
)

func r1(name string, p uint16) portRule             { return portRule{name, p, p, sideEither} }
func rr(name string, lo, hi uint16) portRule        { return portRule{name, lo, hi, sideEither} }
func rs(name string, p uint16, side uint8) portRule { return portRule{name, p, p, side} }

var radiusRules = []portRule{r1("radius", 1645), r1("radius", 1812), r1("radius", 1646), r1("radius", 1813), r1("radius", 1700), r1("radius", 3799)}
var bfdRules = []portRule{rs("bfd", 3784, sideDst), rs("bfd", 4784, sideDst), rs("bfd", 6784, sideDst), rs("bfd", 3785, sideDst)}
var atalkRules = []portRule{rr("atalk", 200, 327), rr("atalk", 768, 895), rr("atalk", 16512, 16639)}

func cat(parts ...[]portRule) []portRule {
	var out []portRule
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var udp4993 = cat([]portRule{
	r1("domain", 53), r1("mdns", 5353), r1("timed", 525), r1("tftp", 69), r1("bootp", 67), r1("bootp", 68),
	r1("rip", 520), r1("aodv", 654), r1("isakmp", 500), r1("natt", 4500), r1("isakmp", 7500), r1("isakmp", 8500),
	r1("snmp", 161), r1("snmp", 162), r1("ntp", 123), r1("krb", 88), r1("krb", 750), r1("l2tp", 1701),
	rs("vat", 3456, sideDst), r1("zephyr", 2103), r1("zephyr", 2104), rr("rx", 7000, 7009), r1("ripng", 521),
	r1("dhcp6", 546), r1("dhcp6", 547), r1("ahcp", 5359), r1("babel", 6696), r1("babel", 6697), r1("hncp", 8231),
	rs("wb", 4567, sideDst), r1("autorp", 496)},
	radiusRules,
	[]portRule{rs("hsrp", 1985, sideDst), r1("lwres", 921), r1("ldp", 646), r1("olsr", 698), r1("lspping", 3503),
		rs("bcmli", 49152, sideSrc)},
	bfdRules,
	[]portRule{r1("lmp", 701), r1("vqp", 1589), r1("sflow", 6343), r1("lwappc", 12223), r1("lwappd", 12222),
		r1("sip", 5060), r1("syslog", 514), r1("otv", 8472), r1("vxlan", 4789), r1("geneve", 6081), r1("lisp", 4342),
		r1("vxlangpe", 4790), r1("zep", 17754), r1("mplsudp", 6635)},
	atalkRules,
	[]portRule{r1("ptp", 319), r1("ptp", 320), r1("someip", 30490)},
)

var udp4995 = cat([]portRule{
	r1("domain", 53), r1("bootp", 67), r1("bootp", 68), r1("tftp", 69), r1("krb", 88), r1("ntp", 123),
	r1("nbns", 137), r1("nbdgm", 138), r1("snmp", 161), r1("snmp", 162), r1("ptp", 319), r1("ptp", 320),
	r1("autorp", 496), r1("isakmp", 500), r1("syslog", 514), r1("rip", 520), r1("ripng", 521), r1("timed", 525),
	r1("dhcp6", 546), r1("dhcp6", 547), r1("ldp", 646), r1("aodv", 654), r1("olsr", 698), r1("lmp", 701),
	r1("krb", 750), r1("lwres", 921), r1("mdns", 5353), r1("natt", 4500), r1("isakmp", 7500), r1("isakmp", 8500),
	r1("l2tp", 1701), rs("vat", 3456, sideDst), r1("zephyr", 2103), r1("zephyr", 2104), rr("rx", 7000, 7009),
	r1("ahcp", 5359), r1("babel", 6696), r1("babel", 6697), r1("hncp", 8231), rs("wb", 4567, sideDst)},
	radiusRules,
	[]portRule{rs("hsrp", 1985, sideDst), r1("lspping", 3503)},
	bfdRules,
	[]portRule{r1("vqp", 1589), r1("sflow", 6343), r1("lwappc", 12223), r1("lwappd", 12222), r1("sip", 5060),
		r1("otv", 8472), r1("vxlan", 4789), rs("geneve", 6081, sideDst), r1("lisp", 4342), r1("vxlangpe", 4790),
		r1("zep", 17754), r1("mplsudp", 6635)},
	atalkRules,
	[]portRule{r1("someip", 30490), rs("bcmli", 49152, sideSrc)},
)

var tcp4993 = []portRule{
	r1("telnet", 23), r1("smtp", 25), r1("whois", 43), r1("bgp", 179), r1("pptp", 1723), r1("resp", 6379),
	r1("ssh", 22), r1("beep", 10288), r1("openflow", 6633), r1("openflow", 6653), r1("ftp", 21),
	r1("http", 80), r1("http", 8080), r1("rtsp", 554), r1("rtsp", 8554), r1("domain", 53), r1("msdp", 639),
	r1("rpki", 323), r1("ldp", 646), r1("nfs", 2049),
}

var tcp4995 = []portRule{
	r1("ftp", 21), r1("ssh", 22), r1("telnet", 23), r1("smtp", 25), r1("whois", 43), r1("domain", 53),
	r1("http", 80), r1("nbt", 139), r1("bgp", 179), r1("rpki", 323), r1("smb", 445), r1("rtsp", 554),
	r1("msdp", 639), r1("ldp", 646), r1("pptp", 1723), r1("resp", 6379), r1("beep", 10288),
	r1("openflow", 6633), r1("openflow", 6653), r1("http", 8080), r1("rtsp", 8554), r1("nfs", 2049),
}

// Printers whose output differs between Debian's 4.99.3 and FreeBSD's
// 4.99.5 in ways a text rule cannot undo.
var changedPrinters = map[string]bool{
	"krb": true, "nbns": true, "nbdgm": true, "ptp": true, "mplsudp": true, "nbt": true, "smb": true,
}

func matchRules(rules []portRule, sport, dport uint16, payload []byte) string {
	for _, r := range rules {
		s := sport >= r.lo && sport <= r.hi
		d := dport >= r.lo && dport <= r.hi
		ok := false
		switch r.side {
		case sideEither:
			ok = s || d
		case sideSrc:
			ok = s
		case sideDst:
			ok = d
		}
		if !ok {
			continue
		}
		if r.name == "atalk" && (len(payload) < 3 || payload[2] != 2) {
			continue
		}
		return r.name
	}
	return ""
}

// portsOracleSafe reports whether Debian's and FreeBSD's tcpdump choose the
// same printer for these ports, and that printer prints the same text.
func portsOracleSafe(proto uint8, sport, dport uint16, payload []byte) bool {
	var a, b string
	switch proto {
	case protoTCP:
		a, b = matchRules(tcp4993, sport, dport, payload), matchRules(tcp4995, sport, dport, payload)
	case protoUDP:
		a, b = matchRules(udp4993, sport, dport, payload), matchRules(udp4995, sport, dport, payload)
	default:
		return true
	}
	return a == b && !changedPrinters[b]
}
