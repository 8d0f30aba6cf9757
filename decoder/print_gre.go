package decoder

// GRE (IP protocol 47), as tcpdump 4.99.5's print-gre.c prints it with -e
// at default verbosity, and the part of print-ppp.c that GREv1 (PPTP)
// reaches.

const (
	greCP = 0x8000 // checksum present
	greRP = 0x4000 // routing present
	greKP = 0x2000 // key present
	greSP = 0x1000 // sequence number present
	greAP = 0x0080 // acknowledgment number present
)

// Ethertypes GRE and Ethernet dispatch on.
const (
	ethertypeGREISO = 0x00fe
	ethertypeIP     = 0x0800
	ethertypeARP    = 0x0806
	ethertypeTEB    = 0x6558
	ethertypeREVARP = 0x8035
	ethertypeATALK  = 0x809b
	ethertypeIPX    = 0x8137
	ethertypeIPv6   = 0x86dd
	ethertypePPP    = 0x880b
	ethertypeMPLS   = 0x8847
	ethertypeMPLSM  = 0x8848
	ethertypeTRAIL  = 0x1000
)

// printGRE is gre_print. data starts at the GRE header; length is the IP
// payload length. The core has printed "SRC > DST: " before it.
func (d *Decoder) printGRE(b []byte, data []byte, length int, ip *ipInfo) []byte {
	n := uint32(length)
	if len(data) < 2 || n < 2 {
		return appendTrunc(b, "gre")
	}
	vers := be16(data) & 7
	b = append(b, "GREv"...)
	b = appendUint(b, uint64(vers))
	switch vers {
	case 0:
		return d.greV0(b, data, n)
	case 1:
		return d.greV1(b, data, n)
	}
	return append(b, " ERROR: unknown-version"...)
}

// greV0 is gre_print_0.
func (d *Decoder) greV0(b []byte, data []byte, length uint32) []byte {
	if len(data) < 4 || length < 4 {
		return appendTrunc(b, "gre")
	}
	flags, prot := be16(data), be16(data[2:])
	off, n := 4, length-4
	if flags&(greCP|greRP) != 0 {
		if len(data) < off+2 || n < 2 {
			return appendTrunc(b, "gre")
		}
		off += 2
		n -= 2
		if len(data) < off+2 || n < 2 {
			return appendTrunc(b, "gre")
		}
		b = append(b, ", off 0x"...)
		b = appendHex(b, uint64(be16(data[off:])))
		off += 2
		n -= 2
	}
	var ok bool
	if b, off, n, ok = greWords(b, flags, greV0Words[:], data, off, n); !ok {
		return appendTrunc(b, "gre")
	}
	if flags&greRP != 0 {
		for {
			if len(data) < off+4 || n < 4 {
				return appendTrunc(b, "gre")
			}
			af := be16(data[off:])
			sreoff := data[off+2]
			srelen := data[off+3]
			off += 4
			n -= 4
			if af == 0 && srelen == 0 {
				break
			}
			b, ok = greSRE(b, af, sreoff, srelen, data, off, n)
			if !ok || n < uint32(srelen) {
				return appendTrunc(b, "gre")
			}
			off += int(srelen)
			n -= uint32(srelen)
		}
	}
	b = greAppendProto(b, prot)
	b = append(b, ", length "...)
	b = appendUint(b, uint64(length))
	b = append(b, ':', ' ')
	rest := data[min(off, len(data)):]
	switch prot {
	case ethertypeIP:
		return d.printIP4(b, rest, int(n))
	case ethertypeIPv6:
		return d.printIP6(b, rest, int(n))
	case ethertypeTEB:
		return d.printEther(b, rest, int(n))
	case ethertypeMPLS:
		return d.mplsPrint(b, rest, n)
	case ethertypeGREISO:
		return d.printISOCLNS(b, rest, n)
	case ethertypeIPX, ethertypeATALK:
		// The IPX and AppleTalk printers are not implemented.
		return b
	}
	b = append(b, "gre-proto-0x"...)
	return appendHex(b, uint64(prot))
}

// greWord is one optional 32-bit word of the GRE header: present when
// flag is set, printed as label and the word masked with mask, in hex or
// in decimal.
type greWord struct {
	flag  uint16
	label string
	mask  uint32
	hex   bool
}

// The optional words of GREv0 and GREv1 between the protocol and the
// routing field, in the order they come in.
var (
	greV0Words = [...]greWord{
		{greKP, ", key=0x", 0xffffffff, true},
		{greSP, ", seq ", 0xffffffff, false},
	}
	greV1Words = [...]greWord{
		{greKP, ", call ", 0xffff, false},
		{greSP, ", seq ", 0xffffffff, false},
		{greAP, ", ack ", 0xffffffff, false},
	}
)

// greWords prints those of words whose flag is set in flags, reading them
// from data[off:] with n bytes left in the packet, and returns off and n
// past them. ok is false when a word is cut off (the caller then prints
// the truncation marker).
func greWords(b []byte, flags uint16, words []greWord, data []byte, off int, n uint32) (_ []byte, _ int, _ uint32, ok bool) {
	for _, w := range words {
		if flags&w.flag == 0 {
			continue
		}
		if len(data) < off+4 || n < 4 {
			return b, off, n, false
		}
		b = append(b, w.label...)
		v := uint64(be32(data[off:]) & w.mask)
		if w.hex {
			b = appendHex(b, v)
		} else {
			b = appendUint(b, v)
		}
		off += 4
		n -= 4
	}
	return b, off, n, true
}

// greAppendProto appends ", proto NAME (0x%04x)" (printed because of -e).
func greAppendProto(b []byte, prot uint16) []byte {
	b = append(b, ", proto "...)
	name := etherTypeName(prot)
	if name == "" {
		name = "unknown"
	}
	b = append(b, name...)
	b = append(b, " (0x"...)
	b = appendHexPad(b, uint64(prot), 4)
	return append(b, ')')
}

// greSRE is gre_sre_print: one source route entry starting at data[off:],
// with n bytes left in the packet. ok is false where tcpdump gives up.
func greSRE(b []byte, af uint16, sreoff, srelen uint8, data []byte, off int, n uint32) (_ []byte, ok bool) {
	switch af {
	case 0x0800:
		b = append(b, ", (rtaf=ip"...)
		b, ok = greSREList(b, sreoff, srelen, data, off, n, 4)
		return append(b, ')'), ok
	case 0xfffe:
		b = append(b, ", (rtaf=asn"...)
		b, ok = greSREList(b, sreoff, srelen, data, off, n, 2)
		return append(b, ')'), ok
	}
	b = append(b, ", (rtaf=0x"...)
	b = appendHex(b, uint64(af))
	return append(b, ')'), true
}

func greSREBad(b []byte, sreoff, srelen uint8, mask uint8) (_ []byte, bad bool) {
	switch {
	case sreoff&mask != 0:
		b = append(b, ", badoffset="...)
		return appendUint(b, uint64(sreoff)), true
	case srelen&mask != 0:
		b = append(b, ", badlength="...)
		return appendUint(b, uint64(srelen)), true
	case sreoff >= srelen:
		b = append(b, ", badoff/len="...)
		b = appendUint(b, uint64(sreoff))
		b = append(b, '/')
		return appendUint(b, uint64(srelen)), true
	}
	return b, false
}

// greSREList prints the addresses of a source route entry, each width
// bytes long: IPv4 addresses (width 4) or AS numbers (width 2).
func greSREList(b []byte, sreoff, srelen uint8, data []byte, off int, n uint32, width int) ([]byte, bool) {
	b, bad := greSREBad(b, sreoff, srelen, uint8(width-1))
	if bad {
		return b, true
	}
	start := off
	for srelen != 0 {
		if len(data) < off+width || n < uint32(width) {
			return b, false
		}
		b = append(b, ' ')
		if off-start == int(sreoff) {
			b = append(b, '*')
		}
		if width == 4 {
			b = appendIPv4(b, data[off:off+4])
		} else {
			b = appendHex(b, uint64(be16(data[off:])))
		}
		off += width
		n -= uint32(width)
		srelen -= uint8(width)
	}
	return b, true
}

// greV1 is gre_print_1 (enhanced GRE, PPTP).
func (d *Decoder) greV1(b []byte, data []byte, length uint32) []byte {
	if len(data) < 4 || length < 4 {
		return appendTrunc(b, "gre")
	}
	flags, prot := be16(data), be16(data[2:])
	off, n := 4, length-4
	var ok bool
	if b, off, n, ok = greWords(b, flags, greV1Words[:], data, off, n); !ok {
		return appendTrunc(b, "gre")
	}
	if flags&greSP == 0 {
		b = append(b, ", no-payload"...)
	}
	b = greAppendProto(b, prot)
	b = append(b, ", length "...)
	b = appendUint(b, uint64(length))
	if flags&greSP == 0 {
		return b
	}
	b = append(b, ':', ' ')
	if prot == ethertypePPP {
		return d.printPPP(b, data[min(off, len(data)):], n)
	}
	b = append(b, "gre-proto-0x"...)
	return appendHex(b, uint64(prot))
}

// PPP protocol numbers (ppp.h).
const (
	pppIP      = 0x0021
	pppOSI     = 0x0023
	pppIPX     = 0x002b
	pppVJNC    = 0x002f
	pppML      = 0x003d
	pppIPv6    = 0x0057
	pppCOMP    = 0x00fd
	pppMPLSU   = 0x0281
	pppMPLSM   = 0x0283
	pppIPCP    = 0x8021
	pppOSICP   = 0x8023
	pppIPv6CP  = 0x8057
	pppCCP     = 0x80fd
	pppMPLSCP  = 0x8281
	pppLCP     = 0xc021
	pppPAP     = 0xc023
	pppCHAP    = 0xc223
	pppBACP    = 0xc02b
	pppBAP     = 0xc02d
	pppUnknown = ""
)

// pppTypeName is tcpdump's ppptype2str.
func pppTypeName(p uint32) string {
	switch p {
	case 0x0021:
		return "IP"
	case 0x0023:
		return "OSI"
	case 0x0025:
		return "NS"
	case 0x0027:
		return "DECNET"
	case 0x0029:
		return "APPLE"
	case 0x002b:
		return "IPX"
	case 0x002d:
		return "VJC IP"
	case 0x002f:
		return "VJNC IP"
	case 0x0031:
		return "BRPDU"
	case 0x0033:
		return "STII"
	case 0x0035:
		return "VINES"
	case 0x0281, 0x0283:
		return "MPLS"
	case 0x00fd:
		return "Compressed"
	case 0x003d:
		return "MLPPP"
	case 0x0057:
		return "IP6"
	case 0x0201:
		return "HELLO"
	case 0x0231:
		return "LUXCOM"
	case 0x0233:
		return "SNS"
	case 0x8021:
		return "IPCP"
	case 0x8023:
		return "OSICP"
	case 0x8025:
		return "NSCP"
	case 0x8027:
		return "DECNETCP"
	case 0x8029:
		return "APPLECP"
	case 0x802b:
		return "IPXCP"
	case 0x8033:
		return "STIICP"
	case 0x8035:
		return "VINESCP"
	case 0x8057:
		return "IP6CP"
	case 0x8281:
		return "MPLSCP"
	case 0xc021:
		return "LCP"
	case 0xc023:
		return "PAP"
	case 0xc025:
		return "LQM"
	case 0xc223:
		return "CHAP"
	case 0xc227:
		return "EAP"
	case 0xc027:
		return "SPAP"
	case 0xc123:
		return "Old-SPAP"
	case 0xc02b:
		return "BACP"
	case 0xc02d:
		return "BAP"
	case 0xc03d:
		return "MLPPP-CP"
	case 0x80fd:
		return "CCP"
	}
	return pppUnknown
}

// printPPP is ppp_print with -e: data starts at the PPP address/control
// or protocol field; length is the bytes left in the packet.
func (d *Decoder) printPPP(b []byte, data []byte, length uint32) []byte {
	olen := length
	if length < 2 || len(data) < 2 {
		return appendTrunc(b, "ppp")
	}
	off := 0
	switch be16(data) {
	case 0x0003:
		b = append(b, "In  "...)
		off, length = 2, length-2
	case 0x0103:
		b = append(b, "Out "...)
		off, length = 2, length-2
	case 0xff03:
		off, length = 2, length-2
	}
	if length < 2 || len(data) < off+1 {
		return appendTrunc(b, "ppp")
	}
	var proto uint32
	if data[off]%2 != 0 {
		proto = uint32(data[off])
		off++
		length--
	} else {
		if len(data) < off+2 {
			return appendTrunc(b, "ppp")
		}
		proto = uint32(be16(data[off:]))
		off += 2
		length -= 2
	}
	name := pppTypeName(proto)
	if name == "" {
		b = append(b, "unknown"...)
	} else {
		b = append(b, name...)
	}
	b = append(b, " (0x"...)
	b = appendHexPad(b, uint64(proto), 4)
	b = append(b, "), length "...)
	b = appendUint(b, uint64(olen))
	if name == "" {
		return b
	}
	b = append(b, ':', ' ')
	p := data[off:]
	switch proto {
	case pppLCP, pppIPCP, pppOSICP, pppMPLSCP, pppIPv6CP, pppCCP, pppBACP:
		return pppCtrl(b, name, p, length)
	case pppML:
		if length < 2 || len(p) < 2 {
			return append(b, "[|mlppp]"...)
		}
		b = append(b, "seq 0x"...)
		b = appendHexPad(b, uint64(be16(p)&0x0fff), 3)
		b = append(b, ", Flags ["...)
		switch p[0] & 0xc0 {
		case 0xc0:
			b = append(b, "begin, end"...)
		case 0x80:
			b = append(b, "begin"...)
		case 0x40:
			b = append(b, "end"...)
		default:
			b = append(b, "none"...)
		}
		b = append(b, "], length "...)
		return appendUint(b, uint64(length))
	case pppCHAP:
		return pppCHAPPrint(b, p, length)
	case pppPAP:
		return pppPAPPrint(b, p, length)
	case pppBAP:
		return b
	case pppIP, pppVJNC:
		return d.printIP4(b, p, int(length))
	case pppIPv6:
		return d.printIP6(b, p, int(length))
	case pppMPLSU, pppMPLSM:
		return d.mplsPrint(b, p, length)
	case pppIPX, pppOSI:
		// The IPX and OSI printers are not implemented.
		return b
	case pppCOMP:
		return append(b, "compressed PPP data"...)
	}
	b = append(b, name...)
	b = append(b, ' ')
	// print_unknown_data(ndo, p, "\n\t", length)
	if uint32(len(p)) < length {
		length = uint32(len(p))
	}
	return appendHexDump(b, p[:length])
}

// pppCtrlCodes is tcpdump's cpcodes.
var pppCtrlCodes = [...]string{
	"Vendor-Extension", "Conf-Request", "Conf-Ack", "Conf-Nack", "Conf-Reject",
	"Term-Request", "Term-Ack", "Code-Reject", "Prot-Reject", "Echo-Request",
	"Echo-Reply", "Disc-Req", "Ident", "Time-Rem", "Reset-Req", "Reset-Ack",
}

// pppCtrl is handle_ctrl_proto at default verbosity.
func pppCtrl(b []byte, name string, p []byte, length uint32) []byte {
	b = append(b, name...)
	b = append(b, ", "...)
	if length < 4 || len(p) < 2 {
		b = append(b, "[|"...)
		b = append(b, name...)
		return append(b, ']')
	}
	code := p[0]
	if int(code) < len(pppCtrlCodes) {
		b = append(b, pppCtrlCodes[code]...)
	} else {
		b = append(b, "Unknown Opcode"...)
	}
	b = append(b, " (0x"...)
	b = appendHexByte(b, code)
	b = append(b, "), id "...)
	b = appendUint(b, uint64(p[1]))
	b = append(b, ", length "...)
	return appendUint(b, uint64(length+2))
}

// pppAuthHead prints the code and id that handle_chap and handle_pap
// start with. lower and upper are the protocol's name in both cases;
// codes names the codes (an empty or missing name is "unknown"). ok is
// false when the handler returns there.
func pppAuthHead(b []byte, p []byte, length uint32, lower, upper string, codes []string) (_ []byte, ok bool) {
	if length < 1 {
		b = append(b, "[|"...)
		b = append(b, lower...)
		return append(b, ']'), false
	}
	if len(p) < 1 {
		return appendTrunc(b, "ppp"), false
	}
	if length < 4 {
		b = append(b, "[|"...)
		b = append(b, lower...)
		b = append(b, " 0x"...)
		b = appendHexByte(b, p[0])
		return append(b, ']'), false
	}
	code := p[0]
	b = append(b, upper...)
	b = append(b, ", "...)
	if int(code) < len(codes) && codes[code] != "" {
		b = append(b, codes[code]...)
	} else {
		b = append(b, "unknown"...)
	}
	b = append(b, " (0x"...)
	b = appendHexByte(b, code)
	b = append(b, ')')
	if len(p) < 2 {
		return appendTrunc(b, "ppp"), false
	}
	b = append(b, ", id "...)
	b = appendUint(b, uint64(p[1]))
	if len(p) < 4 {
		return appendTrunc(b, "ppp"), false
	}
	return b, true
}

// pppAuthText appends cnt bytes of p from p[i] on, escaped; ok is false
// when the capture ends first (the truncation marker is then appended).
func pppAuthText(b []byte, p []byte, i, cnt uint32) (_ []byte, ok bool) {
	for k := uint32(0); k < cnt; k++ {
		if uint32(len(p)) <= i+k {
			return appendTrunc(b, "ppp"), false
		}
		b = appendEscChar(b, p[i+k])
	}
	return b, true
}

// pppCHAPCodes and pppPAPCodes name the CHAP and PAP codes by number.
var (
	pppCHAPCodes = [...]string{1: "Challenge", 2: "Response", 3: "Success", 4: "Fail"}
	pppPAPCodes  = [...]string{1: "Auth-Req", 2: "Auth-ACK", 3: "Auth-NACK"}
)

// pppCHAPPrint is handle_chap.
func pppCHAPPrint(b []byte, p []byte, length uint32) []byte {
	b, ok := pppAuthHead(b, p, length, "chap", "CHAP", pppCHAPCodes[:])
	if !ok {
		return b
	}
	code := p[0]
	ln := uint32(be16(p[2:]))
	i := uint32(4)
	switch code {
	case 1, 2:
		if length-i < 1 {
			return b
		}
		if uint32(len(p)) <= i {
			return appendTrunc(b, "ppp")
		}
		vs := uint32(p[i])
		i++
		if length-i < vs {
			return b
		}
		b = append(b, ", Value "...)
		for k := uint32(0); k < vs; k++ {
			if uint32(len(p)) <= i {
				return appendTrunc(b, "ppp")
			}
			b = appendHexByte(b, p[i])
			i++
		}
		b = append(b, ", Name "...)
		b, _ = pppAuthText(b, p, i, ln-i)
	case 3, 4:
		b = append(b, ", Msg "...)
		b, _ = pppAuthText(b, p, i, ln-i)
	}
	return b
}

// pppPAPPrint is handle_pap.
func pppPAPPrint(b []byte, p []byte, length uint32) []byte {
	b, ok := pppAuthHead(b, p, length, "pap", "PAP", pppPAPCodes[:])
	if !ok {
		return b
	}
	code := p[0]
	ln := uint32(be16(p[2:]))
	if ln > length {
		b = append(b, ", length "...)
		b = appendUint(b, uint64(ln))
		return append(b, " > packet size"...)
	}
	length = ln
	if length < 4 {
		b = append(b, ", length "...)
		b = appendUint(b, uint64(length))
		return append(b, " < PAP header length"...)
	}
	i := uint32(4)
	// field prints one length-prefixed string; done is true when
	// handle_pap returns there.
	field := func(b []byte, label string) (_ []byte, done bool) {
		if length-i < 1 {
			return b, true
		}
		if uint32(len(p)) <= i {
			return appendTrunc(b, "ppp"), true
		}
		fl := uint32(p[i])
		i++
		if length-i < fl {
			return b, true
		}
		b = append(b, label...)
		b, ok := pppAuthText(b, p, i, fl)
		i += fl
		return b, !ok
	}
	var done bool
	switch code {
	case 1:
		if ln < 6 {
			return append(b, "[|pap]"...)
		}
		if b, done = field(b, ", Peer "); done {
			return b
		}
		b, _ = field(b, ", Name ")
	case 2, 3:
		if ln < 5 {
			return append(b, "[|pap]"...)
		}
		b, _ = field(b, ", Msg ")
	}
	return b
}
