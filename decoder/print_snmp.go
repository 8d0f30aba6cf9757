package decoder

// SNMP (UDP ports 161 and 162), tcpdump's snmp_print without libsmi and
// with -n (OIDs are never abbreviated or named): a BER walk that prints
// the PDU type, the community when it is not "public", and the variable
// bindings, with tcpdump's bracketed complaints for anything unexpected.

// Element types (tcpdump's BE_*).
const (
	snmpBeAny = iota
	snmpBeNull
	snmpBeOctet
	snmpBeOID
	snmpBeInt
	snmpBeUns
	snmpBeStr
	snmpBeSeq
	snmpBeInetAddr
	snmpBePDU
	snmpBeUns64
	snmpBeNoSuchObject
	snmpBeNoSuchInst
	snmpBeEndOfMibView
)

// ASN.1 class names by class: the Universal, Application, Context and
// Private tables.
var snmpClassIDs = [4][]string{
	{"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID",
		"ObjectDes", "U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14",
		"U-15", "Sequence", "Set"},
	{"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64"},
	{"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
		"GetBulk", "Inform", "V2Trap", "Report"},
	{"P-0"},
}

// tcpdump's class table is built by a macro that puts the literal "x" in
// every class name, and that is what its messages print.
const snmpClassName = "x"

var snmpExceptionNames = [3]string{"noSuchObject", "noSuchInstance", "endOfMibView"}

var snmpErrorStatus = [19]string{
	"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr",
	"noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
	"noCreation", "inconsistentValue", "resourceUnavailable", "commitFailed",
	"undoFailed", "authorizationError", "notWritable", "inconsistentName",
}

var snmpGenericTrap = [7]string{
	"coldStart", "warmStart", "linkDown", "linkUp",
	"authenticationFailure", "egpNeighborLoss", "enterpriseSpecific",
}

// PDU ids (Context class).
const (
	snmpGetReq     = 0
	snmpGetNextReq = 1
	snmpGetResp    = 2
	snmpSetReq     = 3
	snmpTrap       = 4
	snmpGetBulkReq = 5
	snmpInformReq  = 6
	snmpV2Trap     = 7
	snmpReport     = 8
)

// snmpElem is tcpdump's struct be: one parsed BER element. Its contents
// are data[off:off+asnlen], already known to be captured.
type snmpElem struct {
	asnlen  uint32
	off     int
	id      uint8
	typ     uint8
	integer int32
	uns     uint32
	uns64   uint64
}

// snmpPrinter carries the output and the captured bytes through the walk.
// stop is set once the truncation marker was printed: tcpdump then prints
// nothing more.
type snmpPrinter struct {
	b    []byte
	data []byte
	stop bool
}

func (p *snmpPrinter) trunc() {
	p.b = appendTrunc(p.b, "snmp")
	p.stop = true
}

// num appends pre, v in decimal and post, the shape of most of tcpdump's
// bracketed complaints: "[errorIndex(" 3 ")!=0]".
func (p *snmpPrinter) num(pre string, v int64, post string) {
	p.b = append(p.b, pre...)
	p.b = appendInt(p.b, v)
	p.b = append(p.b, post...)
}

// str appends pre, s and post.
func (p *snmpPrinter) str(pre, s, post string) {
	p.b = append(p.b, pre...)
	p.b = append(p.b, s...)
	p.b = append(p.b, post...)
}

// snmpFastTyp maps a tag byte to the type asn1_parse gives its element
// when the tag is one of the common ones that parse takes without a
// complaint whatever the contents (0: any other): SEQUENCE, OCTET
// STRING, NULL, OBJECT IDENTIFIER, INTEGER (parse complains of an empty
// one, which parse's fast way leaves to the full walk) and the PDUs.
var snmpFastTyp = func() (t [256]uint8) {
	t[0x30] = snmpBeSeq
	t[0x04] = snmpBeStr
	t[0x05] = snmpBeNull
	t[0x06] = snmpBeOID
	t[0x02] = snmpBeInt
	for id := range len(snmpClassIDs[2]) {
		t[0xa0+id] = snmpBePDU
	}
	return
}()

// parse is asn1_parse: the common element (a tag of snmpFastTyp, a
// short-form length, the whole element captured and within n) here,
// any other in parseWalk.
func (p *snmpPrinter) parse(off int, n uint32, e *snmpElem) (int, bool) {
	if n >= 2 && off >= 0 && off+1 < len(p.data) {
		c, l := p.data[off], p.data[off+1]
		if t := snmpFastTyp[c]; t != 0 && l < 0x80 && uint32(l) <= n-2 && int(l) <= len(p.data)-off-2 {
			off += 2
			if t == snmpBeInt {
				if l == 0 {
					return p.parseWalk(off-2, n, e)
				}
				body := p.data[off : off+int(l)]
				var v uint64
				if body[0]&0x80 != 0 {
					v = 0xffffffff
				}
				e.integer = int32(uint32(snmpShiftIn(v, body)))
			}
			e.id, e.typ, e.asnlen, e.off = c&0x1f, t, uint32(l), off
			return int(l) + 2, true
		}
	}
	return p.parseWalk(off, n, e)
}

// parseWalk is asn1_parse: it decodes the element at data[off:], of which at
// most n bytes belong to the enclosing item, and returns the number of
// bytes it spans (header and contents) and false when it printed a
// complaint or hit the end of the capture.
func (p *snmpPrinter) parseWalk(off int, n uint32, e *snmpElem) (int, bool) {
	var c, id, form, class uint8
	hdr := 2
	e.typ = snmpBeAny
	// The common header, a one-byte tag that is not the escape to a
	// longer one and a short-form length, both captured and within n:
	// straight to the length checks.
	if n >= 2 && off >= 0 && off < len(p.data)-1 {
		c = p.data[off]
		if l := p.data[off+1]; c&0x1f != 0x1f && l < 0x80 {
			id, form, class = c&0x1f, (c&0x20)>>5, (c&0xc0)>>6
			e.id = id
			e.asnlen = uint32(l)
			off += 2
			n -= 2
			goto lengthChecked
		}
	}
	e.asnlen = 0
	if n < 1 {
		p.b = append(p.b, "[nothing to parse]"...)
		return 0, false
	}
	if off >= len(p.data) {
		p.trunc()
		return 0, false
	}
	c = p.data[off]
	id = c & 0x1f
	form = (c & 0x20) >> 5
	class = (c & 0xc0) >> 6
	e.id = id
	off++
	n--
	hdr = 1
	if id == 0x1f {
		id = 0
		for {
			if off >= len(p.data) {
				p.trunc()
				return 0, false
			}
			c = p.data[off]
			if c&0x80 == 0 {
				break
			}
			if n < 1 {
				p.b = append(p.b, "[Xtagfield?]"...)
				return 0, false
			}
			id = id<<7 | c&0x7f
			n--
			hdr++
			off++
		}
		if n < 1 {
			p.b = append(p.b, "[Xtagfield?]"...)
			return 0, false
		}
		id = id<<7 | c
		e.id = id
		n--
		hdr++
		off++
	}
	if n < 1 {
		p.b = append(p.b, "[no asnlen]"...)
		return 0, false
	}
	if off >= len(p.data) {
		p.trunc()
		return 0, false
	}
	e.asnlen = uint32(p.data[off])
	off++
	n--
	hdr++
	if e.asnlen&0x80 != 0 {
		noct := e.asnlen % 0x80
		e.asnlen = 0
		if n < noct {
			p.num("[asnlen? ", int64(int32(n)), "<")
			p.num("", int64(noct), "]")
			return 0, false
		}
		if len(p.data)-off < int(noct) {
			p.trunc()
			return 0, false
		}
		for ; noct != 0; noct-- {
			e.asnlen = e.asnlen<<8 | uint32(p.data[off])
			off++
			n--
			hdr++
		}
	}
lengthChecked:
	if n < e.asnlen {
		p.num("[len", int64(int32(n)), "<asnlen")
		p.num("", int64(e.asnlen), "]")
		return 0, false
	}
	if int(id) >= len(snmpClassIDs[class]) {
		p.b = append(p.b, "[id?"...)
		p.b = append(p.b, "PC"[form])
		p.num("/"+snmpClassName+"/", int64(id), "]")
		return 0, false
	}
	if uint64(len(p.data)-off) < uint64(e.asnlen) {
		p.trunc()
		return 0, false
	}
	e.off = off
	if form == 0 { // primitive
		switch class {
		case 0: // universal
			switch id {
			case 4:
				e.typ = snmpBeStr
			case 2:
				e.typ = snmpBeInt
				if e.asnlen == 0 {
					p.b = append(p.b, "[asnlen=0]"...)
					return 0, false
				}
				body := p.data[off : off+int(e.asnlen)]
				var v uint64
				if body[0]&0x80 != 0 {
					v = 0xffffffff
				}
				e.integer = int32(uint32(snmpShiftIn(v, body)))
			case 6:
				e.typ = snmpBeOID
			case 5:
				e.typ = snmpBeNull
			default:
				e.typ = snmpBeOctet
				p.str("[P/U/", snmpClassIDs[class][id], "]")
			}
		case 1: // application
			switch id {
			case 0:
				e.typ = snmpBeInetAddr
			case 1, 2, 3:
				e.typ = snmpBeUns
				e.uns = uint32(snmpShiftIn(0, p.data[off:off+int(e.asnlen)]))
			case 6:
				e.typ = snmpBeUns64
				e.uns64 = snmpShiftIn(0, p.data[off:off+int(e.asnlen)])
			default:
				e.typ = snmpBeOctet
				p.str("[P/A/", snmpClassIDs[class][id], "]")
			}
		case 2: // context
			switch id {
			case 0:
				e.typ = snmpBeNoSuchObject
			case 1:
				e.typ = snmpBeNoSuchInst
			case 2:
				e.typ = snmpBeEndOfMibView
			}
		default: // private
			p.str("[P/"+snmpClassName+"/", snmpClassIDs[class][id], "]")
			e.typ = snmpBeOctet
		}
	} else { // constructed
		switch class {
		case 0:
			if id == 16 {
				e.typ = snmpBeSeq
			} else {
				e.typ = snmpBeOctet
				p.str("C/U/", snmpClassIDs[class][id], "")
			}
		case 2:
			e.typ = snmpBePDU
		default:
			e.typ = snmpBeOctet
			p.str("C/"+snmpClassName+"/", snmpClassIDs[class][id], "")
		}
	}
	return int(e.asnlen) + hdr, true
}

// snmpShiftIn shifts the bytes of body into v, most significant first, as
// asn1_parse reads integers. Its low 32 bits are what tcpdump's 32-bit
// loops get (the bits shifted out above them never come back).
func snmpShiftIn(v uint64, body []byte) uint64 {
	for _, c := range body {
		v = v<<8 | uint64(c)
	}
	return v
}

func (p *snmpPrinter) body(e *snmpElem) []byte {
	return p.data[e.off : e.off+int(e.asnlen)]
}

// printOctets is asn1_print_octets: "_%02x" for every byte.
func (p *snmpPrinter) printOctets(e *snmpElem) {
	for _, c := range p.body(e) {
		p.b = append(p.b, '_')
		p.b = appendHexByte(p.b, c)
	}
}

// printString is asn1_print_string: quoted when every byte is printable
// ASCII, else the bytes in hex joined by '_'.
func (p *snmpPrinter) printString(e *snmpElem) {
	s := p.body(e)
	printable := true
	for _, c := range s {
		if c < 0x20 || c > 0x7e {
			printable = false
			break
		}
	}
	if printable {
		p.b = append(p.b, '"')
		p.b = append(p.b, s...)
		p.b = append(p.b, '"')
		return
	}
	for i, c := range s {
		if i > 0 {
			p.b = append(p.b, '_')
		}
		p.b = appendHexByte(p.b, c)
	}
}

// print is asn1_print. It cannot hit the end of the capture: parse has
// checked that the whole element is there.
func (p *snmpPrinter) print(e *snmpElem) {
	switch e.typ {
	case snmpBeOctet:
		p.printOctets(e)
	case snmpBeNull:
	case snmpBeOID:
		first := true
		var o uint32
		b := p.b
		for _, c := range p.body(e) {
			o = o<<7 + uint32(c&0x7f)
			if c&0x80 != 0 {
				continue
			}
			if first {
				first = false
				s := o / 40
				if s > 2 {
					s = 2
				}
				b = append(b, '.', byte('0'+s))
				o -= s * 40
			}
			// Most sub-identifiers are below 100: their digits
			// go with the dot in one append.
			switch {
			case o < 10:
				b = append(b, '.', byte('0'+o))
			case o < 100:
				b = append(b, '.', byte('0'+o/10), byte('0'+o%10))
			default:
				b = append(b, '.')
				b = appendUint(b, uint64(o))
			}
			o = 0
		}
		p.b = b
	case snmpBeInt:
		p.b = appendInt(p.b, int64(e.integer))
	case snmpBeUns:
		p.b = appendUint(p.b, uint64(e.uns))
	case snmpBeUns64:
		p.b = appendUint(p.b, e.uns64)
	case snmpBeStr:
		p.printString(e)
	case snmpBeSeq:
		p.num("Seq(", int64(e.asnlen), ")")
	case snmpBeInetAddr:
		if e.asnlen != 4 {
			p.b = append(p.b, "[inetaddr len!=4]"...)
		}
		for i, c := range p.body(e) {
			if i > 0 {
				p.b = append(p.b, '.')
			}
			p.b = appendUint(p.b, uint64(c))
		}
	case snmpBeNoSuchObject, snmpBeNoSuchInst, snmpBeEndOfMibView:
		p.str("[", snmpExceptionNames[e.id], "]")
	case snmpBePDU:
		p.b = append(p.b, snmpClassIDs[2][e.id]...)
		p.num("(", int64(e.asnlen), ")")
	case snmpBeAny:
		p.b = append(p.b, "[BE_ANY!?]"...)
	default:
		p.b = append(p.b, "[be!?]"...)
	}
}

// expect parses the next element and checks its type; on a wrong type it
// prints "[WHAT]" and the element, as tcpdump does before giving up.
func (p *snmpPrinter) expect(off int, n uint32, e *snmpElem, typ uint8, what string) (int, bool) {
	count, ok := p.parse(off, n, e)
	if !ok {
		return 0, false
	}
	if e.typ != typ {
		p.str("[", what, "]")
		p.print(e)
		return 0, false
	}
	return count, true
}

// field is expect followed by stepping over the element: it returns the
// offset and the length left after it.
func (p *snmpPrinter) field(off int, n uint32, e *snmpElem, typ uint8, what string) (int, uint32, bool) {
	count, ok := p.expect(off, n, e, typ, what)
	return off + count, n - uint32(count), ok
}

// seq is expect for a sequence: it returns the offset and the length of
// the sequence's contents.
func (p *snmpPrinter) seq(off int, n uint32, e *snmpElem, what string) (int, uint32, bool) {
	_, ok := p.expect(off, n, e, snmpBeSeq, what)
	return e.off, e.asnlen, ok
}

func (p *snmpPrinter) extra(n uint32, what string) {
	p.num("[", int64(int32(n)), " extra after ")
	p.str("", what, "]")
}

func (p *snmpPrinter) errorStatus(v int32) {
	if v >= 0 && int(v) < len(snmpErrorStatus) {
		p.b = append(p.b, snmpErrorStatus[v]...)
		return
	}
	p.num("err=", int64(uint32(v)), "")
}

// varbinds is varbind_print.
func (p *snmpPrinter) varbinds(pduid uint8, off int, n uint32) {
	var e snmpElem
	count, ok := p.expect(off, n, &e, snmpBeSeq, "!SEQ of varbind")
	if !ok {
		return
	}
	if uint32(count) < n {
		p.extra(n-uint32(count), "SEQ of varbind")
	}
	n = e.asnlen
	off = e.off
	isGet := pduid == snmpGetReq || pduid == snmpGetNextReq || pduid == snmpGetBulkReq
	for n != 0 {
		p.b = append(p.b, ' ')
		if count, ok = p.expect(off, n, &e, snmpBeSeq, "!varbind"); !ok {
			return
		}
		vbend := off + count
		vblen := n - uint32(count)
		n = e.asnlen
		off = e.off
		if count, ok = p.expect(off, n, &e, snmpBeOID, "objName!=OID"); !ok {
			return
		}
		p.print(&e)
		n -= uint32(count)
		off += count
		if !isGet {
			p.b = append(p.b, '=')
		}
		if _, ok = p.parse(off, n, &e); !ok {
			return
		}
		if isGet {
			if e.typ != snmpBeNull {
				p.b = append(p.b, "[objVal!=NULL]"...)
				p.print(&e)
			}
		} else if e.typ != snmpBeNull {
			p.print(&e)
		}
		n = vblen
		off = vbend
	}
}

// pduFields is snmppdu_print: request id, error status and index, and the
// variable bindings of every PDU but the v1 Trap.
func (p *snmpPrinter) pduFields(pduid uint8, off int, n uint32) {
	var e snmpElem
	off, n, ok := p.field(off, n, &e, snmpBeInt, "reqId!=INT")
	if !ok {
		return
	}

	if off, n, ok = p.field(off, n, &e, snmpBeInt, "errorStatus!=INT"); !ok {
		return
	}
	strict := pduid == snmpGetReq || pduid == snmpGetNextReq || pduid == snmpSetReq ||
		pduid == snmpInformReq || pduid == snmpV2Trap || pduid == snmpReport
	var errStatus int32
	switch {
	case strict && e.integer != 0:
		p.b = append(p.b, "[errorStatus("...)
		p.errorStatus(e.integer)
		p.b = append(p.b, ")!=0]"...)
	case pduid == snmpGetBulkReq:
		p.num(" N=", int64(e.integer), "")
	case e.integer != 0:
		p.b = append(p.b, ' ')
		p.errorStatus(e.integer)
		errStatus = e.integer
	}

	if off, n, ok = p.field(off, n, &e, snmpBeInt, "errorIndex!=INT"); !ok {
		return
	}
	switch {
	case strict && e.integer != 0:
		p.num("[errorIndex(", int64(e.integer), ")!=0]")
	case pduid == snmpGetBulkReq:
		p.num(" M=", int64(e.integer), "")
	case e.integer != 0:
		if errStatus == 0 {
			p.num("[errorIndex(", int64(e.integer), ") w/o errorStatus]")
		} else {
			p.num("@", int64(e.integer), "")
		}
	case errStatus != 0:
		p.b = append(p.b, "[errorIndex==0]"...)
	}

	p.varbinds(pduid, off, n)
}

// trap is trappdu_print, the SNMPv1 Trap-PDU.
func (p *snmpPrinter) trap(off int, n uint32) {
	var e snmpElem
	p.b = append(p.b, ' ')
	off, n, ok := p.field(off, n, &e, snmpBeOID, "enterprise!=OID")
	if !ok {
		return
	}
	p.print(&e)
	p.b = append(p.b, ' ')

	if off, n, ok = p.field(off, n, &e, snmpBeInetAddr, "agent-addr!=INETADDR"); !ok {
		return
	}
	p.print(&e)

	if off, n, ok = p.field(off, n, &e, snmpBeInt, "generic-trap!=INT"); !ok {
		return
	}
	generic := e.integer
	p.b = append(p.b, ' ')
	if generic >= 0 && int(generic) < len(snmpGenericTrap) {
		p.b = append(p.b, snmpGenericTrap[generic]...)
	} else {
		p.num("gt=", int64(generic), "")
	}

	if off, n, ok = p.field(off, n, &e, snmpBeInt, "specific-trap!=INT"); !ok {
		return
	}
	if generic != 6 {
		if e.integer != 0 {
			p.num("[specific-trap(", int64(e.integer), ")!=0]")
		}
	} else {
		p.num(" s=", int64(e.integer), "")
	}
	p.b = append(p.b, ' ')

	if off, n, ok = p.field(off, n, &e, snmpBeUns, "time-stamp!=TIMETICKS"); !ok {
		return
	}
	p.print(&e)

	p.varbinds(snmpTrap, off, n)
}

// pdu is pdu_print.
func (p *snmpPrinter) pdu(off int, n uint32, version int32) {
	var e snmpElem
	count, ok := p.parse(off, n, &e)
	if !ok {
		return
	}
	if e.typ != snmpBePDU {
		p.b = append(p.b, "[no PDU]"...)
		return
	}
	if uint32(count) < n {
		p.extra(n-uint32(count), "PDU")
	}
	p.print(&e)
	p.b = append(p.b, ' ')
	n = e.asnlen
	off = e.off
	id := e.id
	if version == 0 && (id == snmpGetBulkReq || id == snmpInformReq || id == snmpV2Trap || id == snmpReport) {
		p.b = append(p.b, "[v2 PDU in v1 message]"...)
		return
	}
	if version == 1 && id == snmpTrap {
		p.b = append(p.b, "[v1 PDU in v2 message]"...)
		return
	}
	if id == snmpTrap {
		p.trap(off, n)
	} else {
		p.pduFields(id, off, n)
	}
}

// scopedPDU is scopedpdu_print (SNMPv3).
func (p *snmpPrinter) scopedPDU(off int, n uint32, version int32) {
	var e snmpElem
	off, n, ok := p.seq(off, n, &e, "!scoped PDU")
	if !ok {
		return
	}
	if off, n, ok = p.field(off, n, &e, snmpBeStr, "contextEngineID!=STR"); !ok {
		return
	}
	p.b = append(p.b, "E="...)
	p.printOctets(&e)
	p.b = append(p.b, ' ')

	if off, n, ok = p.field(off, n, &e, snmpBeStr, "contextName!=STR"); !ok {
		return
	}
	p.b = append(p.b, "C="...)
	p.printString(&e)
	p.b = append(p.b, ' ')

	p.pdu(off, n, version)
}

// community is community_print (SNMPv1 and v2c).
func (p *snmpPrinter) community(off int, n uint32, version int32) {
	var e snmpElem
	off, n, ok := p.field(off, n, &e, snmpBeStr, "comm!=STR")
	if !ok {
		return
	}
	if string(p.body(&e)) != "public" {
		p.b = append(p.b, "C="...)
		p.printString(&e)
		p.b = append(p.b, ' ')
	}
	p.pdu(off, n, version)
}

// usm is usm_print, the SNMPv3 user-based security parameters.
func (p *snmpPrinter) usm(off int, n uint32) {
	var e snmpElem
	off, n, ok := p.seq(off, n, &e, "!usm")
	if !ok {
		return
	}
	steps := [...]struct {
		typ  uint8
		what string
	}{
		{snmpBeStr, "msgAuthoritativeEngineID!=STR"},
		{snmpBeInt, "msgAuthoritativeEngineBoots!=INT"},
		{snmpBeInt, "msgAuthoritativeEngineTime!=INT"},
		{snmpBeStr, "msgUserName!=STR"},
		{snmpBeStr, "msgAuthenticationParameters!=STR"},
		{snmpBeStr, "msgPrivacyParameters!=STR"},
	}
	count := 0
	for i := range steps {
		if count, ok = p.expect(off, n, &e, steps[i].typ, steps[i].what); !ok {
			return
		}
		n -= uint32(count)
		off += count
		if i == 3 {
			p.b = append(p.b, "U="...)
			p.printString(&e)
			p.b = append(p.b, ' ')
		}
	}
	if uint32(count) < n {
		p.extra(n-uint32(count), "usm SEQ")
	}
}

// v3msg is v3msg_print.
func (p *snmpPrinter) v3msg(off int, n uint32) {
	var e snmpElem
	start, total := off, n
	off, n, ok := p.seq(off, n, &e, "!message")
	if !ok {
		return
	}

	if off, n, ok = p.field(off, n, &e, snmpBeInt, "msgID!=INT"); !ok {
		return
	}

	if off, n, ok = p.field(off, n, &e, snmpBeInt, "msgMaxSize!=INT"); !ok {
		return
	}

	if off, n, ok = p.field(off, n, &e, snmpBeStr, "msgFlags!=STR"); !ok {
		return
	}
	if e.asnlen != 1 {
		p.num("[msgFlags size ", int64(int32(e.asnlen)), "]")
		return
	}
	flags := p.data[e.off]
	if flags != 0 && flags != 1 && flags != 3 && flags != 4 && flags != 5 && flags != 7 {
		const upper = "0123456789ABCDEF"
		p.b = append(p.b, "[msgFlags=0x"...)
		p.b = append(p.b, upper[flags>>4], upper[flags&0xf])
		p.b = append(p.b, ']')
		return
	}
	p.b = append(p.b, "F="...)
	if flags&1 != 0 {
		p.b = append(p.b, 'a')
	}
	if flags&2 != 0 {
		p.b = append(p.b, 'p')
	}
	if flags&4 != 0 {
		p.b = append(p.b, 'r')
	}
	p.b = append(p.b, ' ')

	count, ok := p.expect(off, n, &e, snmpBeInt, "msgSecurityModel!=INT")
	if !ok {
		return
	}
	model := e.integer
	n -= uint32(count)
	off += count
	if uint32(count) < n {
		p.extra(n-uint32(count), "message SEQ")
	}
	if model != 3 {
		p.num("[security model ", int64(model), "]")
		return
	}

	// The security parameters follow the header sequence, within what
	// is left of the whole message.
	n = total - uint32(off-start)
	if off, n, ok = p.field(off, n, &e, snmpBeStr, "msgSecurityParameters!=STR"); !ok {
		return
	}

	p.usm(e.off, e.asnlen)
	if p.stop {
		return
	}
	p.scopedPDU(off, n, 3)
}

// printSNMP appends what snmp_print prints, starting with its own leading
// space: " GetRequest(25)  .1.3.6.1.2.1.1.1.0",
// " C=\"private\" GetResponse(40)  .1.3.6.1.2.1.1.5.0=\"host\"",
// " [len3<asnlen101]", " [nothing to parse]", " [|snmp]".
// It serves both port 161 and port 162 (tcpdump does not tell them apart).
func printSNMP(b []byte, data []byte, length int) []byte {
	p := snmpPrinter{b: append(b, ' '), data: data}
	n := uint32(length)
	var e snmpElem
	count, ok := p.parse(0, n, &e)
	if !ok {
		return p.b
	}
	if e.typ != snmpBeSeq {
		p.b = append(p.b, "[!init SEQ]"...)
		p.print(&e)
		return p.b
	}
	if uint32(count) < n {
		p.extra(n-uint32(count), "iSEQ")
	}
	n = e.asnlen
	off := e.off
	if off, n, ok = p.field(off, n, &e, snmpBeInt, "version!=INT"); !ok {
		return p.b
	}
	version := e.integer
	if version != 0 && version != 1 && version != 3 {
		p.num("SNMP [version = ", int64(version), "]")
		return p.b
	}
	if version == 3 {
		p.v3msg(off, n)
	} else {
		p.community(off, n, version)
	}
	return p.b
}
