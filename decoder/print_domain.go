package decoder

import "encoding/binary"

// DNS printer: tcpdump 4.99.5's domain_print (print-domain.c) at default
// verbosity, for DNS over UDP (port 53), mDNS (UDP port 5353) and DNS over
// TCP (port 53, two-byte length prefix).
//
// Positions inside the message are plain ints measured from the first byte
// of the DNS header; the message's captured bytes (tcpdump's snapend) end at
// len(p.m). A position may lie past the end, as tcpdump's pointers may:
// every read is checked first. Where tcpdump's GET_* macro would longjmp,
// p.jmp is set and everything unwinds to print " [|domain]"; where a
// function returns NULL and domain_print jumps to its trunc label, the
// same marker is printed, so both end the same way.

// dnsPrinter is the per-packet state; it lives on the caller's stack.
type dnsPrinter struct {
	b    []byte
	m    []byte // the DNS message, header first, up to snapend
	mdns bool
	jmp  bool // a GET_* read went past snapend (tcpdump's longjmp)
}

const (
	dnsMaxCDName = 255 // MAXCDNAME
	dnsTypeOPT   = 41
	dnsClassIN   = 1
)

// ns_ops: opcode names, with their leading space.
var dnsOps = [16]string{
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA",
	" updateM", " updateMA", " zoneInit", " zoneRef",
}

// ns_resp: response code names. Two entries lack the leading space in
// tcpdump's table ("Resp17", "Resp21"); that is kept.
var dnsResp = [24]string{
	"", " FormErr", " ServFail", " NXDomain",
	" NotImp", " Refused", " YXDomain", " YXRRSet",
	" NXRRSet", " NotAuth", " NotZone", " Resp11",
	" Resp12", " Resp13", " Resp14", " NoChange",
	" BadVers", "Resp17", " Resp18", " Resp19",
	" Resp20", "Resp21", " Resp22", " BadCookie",
}

// dnsTypeLow names the types 0..65 (4.99.4+ table; "" = unnamed).
var dnsTypeLow = [66]string{
	"", "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL",
	"WKS", "PTR", "HINFO", "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN",
	"RT", "NSAP", "NSAP_PTR", "SIG", "KEY", "PX", "GPOS", "AAAA", "LOC", "NXT",
	"EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK",
	"OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY", "DHCID", "NSEC3",
	"NSEC3PARAM", "TLSA", "SMIMEA", "", "HIP", "NINFO", "RKEY", "TALINK", "CDS", "CDNSKEY",
	"OPENPGPKEY", "CSYNC", "ZONEMD", "SVCB", "HTTPS",
}

// dnsQTypeLow holds " TYPE? " for the named types of dnsTypeLow, what a
// question of class IN prints before its name; for mDNS (class IN with
// the QU bit clear or set) " TYPE (QM)? " and " TYPE (QU)? ".
var dnsQTypeLow = func() (t [3][len(dnsTypeLow)]string) {
	for i, s := range dnsTypeLow {
		if s != "" {
			t[0][i] = " " + s + "? "
			t[1][i] = " " + s + " (QM)? " // mDNS, class IN, QU bit clear
			t[2][i] = " " + s + " (QU)? " // mDNS, class IN, QU bit set
		}
	}
	return t
}()

// dnsTypeName returns ns_type2str's name for t, or "" when tcpdump prints
// "Type%u".
func dnsTypeName(t uint16) string {
	if int(t) < len(dnsTypeLow) {
		return dnsTypeLow[t]
	}
	switch t {
	case 99:
		return "SPF"
	case 100:
		return "UINFO"
	case 101:
		return "UID"
	case 102:
		return "GID"
	case 103:
		return "UNSPEC"
	case 104:
		return "NID"
	case 105:
		return "L32"
	case 106:
		return "L64"
	case 107:
		return "LP"
	case 108:
		return "EUI48"
	case 109:
		return "EUI64"
	case 249:
		return "TKEY"
	case 250:
		return "TSIG"
	case 251:
		return "IXFR"
	case 252:
		return "AXFR"
	case 253:
		return "MAILB"
	case 254:
		return "MAILA"
	case 255:
		return "ANY"
	case 256:
		return "URI"
	case 257:
		return "CAA"
	case 258:
		return "AVC"
	case 259:
		return "DOA"
	case 260:
		return "AMTRELAY"
	case 32768:
		return "TA"
	case 32769:
		return "DLV"
	}
	return ""
}

func dnsAppendType(b []byte, t uint16) []byte {
	if s := dnsTypeName(t); s != "" {
		return append(b, s...)
	}
	b = append(b, "Type"...)
	return appendUint(b, uint64(t))
}

// dnsAppendClass appends ns_class2str's name or "(Class %u)".
func dnsAppendClass(b []byte, c uint16) []byte {
	switch c {
	case 1:
		return append(b, "IN"...)
	case 3:
		return append(b, "CHAOS"...)
	case 4:
		return append(b, "HS"...)
	case 255:
		return append(b, "ANY"...)
	}
	b = append(b, "(Class "...)
	b = appendUint(b, uint64(c))
	return append(b, ')')
}

func dnsEDNSOptName(o uint16) string {
	switch o {
	case 1:
		return "LLQ"
	case 2:
		return "UL"
	case 3:
		return "NSID"
	case 5:
		return "DAU"
	case 6:
		return "DHU"
	case 7:
		return "N3U"
	case 8:
		return "ECS"
	case 9:
		return "EXPIRE"
	case 10:
		return "COOKIE"
	case 11:
		return "KEEPALIVE"
	case 12:
		return "PADDING"
	case 13:
		return "CHAIN"
	case 14:
		return "KEY-TAG"
	case 16:
		return "CLIENT-TAG"
	case 17:
		return "SERVER-TAG"
	}
	return ""
}

// dnsAlgName: the dau_alg2str (5), dhu_alg2str (6) and n3u_alg2str (7) tables.
func dnsAlgName(opt uint16, a byte) string {
	switch opt {
	case 5:
		switch a {
		case 0:
			return "DELETE"
		case 1:
			return "RSAMD5"
		case 2:
			return "DH"
		case 3:
			return "DS"
		case 5:
			return "RSASHA1"
		case 6:
			return "DSA-NSEC3-SHA1"
		case 7:
			return "RSASHA1-NSEC3-SHA1"
		case 8:
			return "RSASHA256"
		case 10:
			return "RSASHA512"
		case 12:
			return "ECC-GOST"
		case 13:
			return "ECDSAP256SHA256"
		case 14:
			return "ECDSAP384SHA384"
		case 15:
			return "ED25519"
		case 16:
			return "ED448"
		case 252:
			return "INDIRECT"
		case 253:
			return "PRIVATEDNS"
		case 254:
			return "PRIVATEOID"
		}
	case 6:
		switch a {
		case 1:
			return "SHA-1"
		case 2:
			return "SHA-256"
		case 3:
			return "GOST_R_34.11-94"
		case 4:
			return "SHA-384"
		}
	case 7:
		if a == 1 {
			return "SHA-1"
		}
	}
	return ""
}

// printDomain appends what tcpdump's domain_print prints for the DNS
// message in data (captured bytes up to snapend) whose length from the
// enclosing header is length.
//
// UDP (port 53: mdns false; port 5353: mdns true): call it right after
// "SRC.SPORT > DST.DPORT: " with length = the UDP payload length udp_print
// passes on. TCP port 53 (overTCP true, mdns false): call it right after
// tcp_print's ", length N" (tcp_print prints nothing in between); data and
// length include the two-byte length prefix, and this function prints the
// leading space itself (" 43981+ A? example.com. (29)"), as domain_print
// does, or " [prefix length(P) != length(L)] (invalid)".
func printDomain(b []byte, data []byte, length int, overTCP, mdns bool) []byte {
	ulen := uint32(length) // tcpdump's u_int length
	if overTCP {
		if ulen < 2 {
			b = append(b, " [DNS over TCP: length "...)
			b = appendUint(b, uint64(ulen))
			return append(b, " < 2] (invalid)"...)
		}
		ulen -= 2
		if len(data) < 2 {
			return appendTrunc(b, "domain")
		}
		if pl := uint32(be16(data)); pl != ulen {
			b = append(b, " [prefix length("...)
			b = appendUint(b, uint64(pl))
			b = append(b, ") != length("...)
			b = appendUint(b, uint64(ulen))
			return append(b, ")] (invalid)"...)
		}
		data = data[2:]
		b = append(b, ' ')
	}
	if ulen < 12 {
		b = append(b, "domain [length "...)
		b = appendUint(b, uint64(ulen))
		return append(b, " < 12] (invalid)"...)
	}
	if len(data) < 12 {
		return appendTrunc(b, "domain")
	}
	p := dnsPrinter{b: b, m: data, mdns: mdns}
	if !p.message(ulen) {
		p.b = appendTrunc(p.b, "domain")
	}
	return p.b
}

// message prints the header and sections; false means " [|domain]" is due.
func (p *dnsPrinter) message(length uint32) bool {
	b, ok := p.header(p.b, length)
	p.b = b
	return ok
}

// header is message on b, kept in a local rather than in p between the
// calls that print names and records.
func (p *dnsPrinter) header(b []byte, length uint32) ([]byte, bool) {
	m := p.m
	snap := len(m)
	// The header's words after the id in one read (12 bytes are there).
	h := binary.BigEndian.Uint64(m[4:12])
	flags := be16(m[2:])
	qd := int(h >> 48)
	an := int(h >> 32 & 0xffff)
	ns := int(h >> 16 & 0xffff)
	ar := int(h & 0xffff)

	cp := 12
	ok := true

	opcode := (flags >> 11) & 0xf
	b = appendUint(b, uint64(be16(m)))
	if opcode != 0 {
		b = append(b, dnsOps[opcode]...)
	}
	if flags&0x8000 != 0 {
		// response; only a response prints the response code, so
		// only a response needs the walk for the OPT record's bits
		// (the walk prints nothing).
		rcode := p.extRcode(flags, qd, an, ns, ar)
		if int(rcode) < len(dnsResp) {
			b = append(b, dnsResp[rcode]...)
		} else {
			b = append(b, " Resp"...)
			b = appendUint(b, uint64(rcode&0xfff))
		}
		if flags&0x0400 != 0 {
			b = append(b, '*')
		}
		if flags&0x0080 == 0 {
			b = append(b, '-')
		}
		if flags&0x0200 != 0 {
			b = append(b, '|')
		}
		if flags&0x0020 != 0 {
			b = append(b, '$')
		}
		if qd != 1 {
			b = p.count(b, qd, 'q')
		}
		cp = 12
		for i := 0; i < qd; i++ {
			if i != 0 {
				b = append(b, ',')
			}
			if cp, ok = p.nskip(cp); !ok {
				return b, false
			}
			cp += 4
		}
		b = append(b, ' ')
		b = appendUint(b, uint64(an))
		b = append(b, '/')
		b = appendUint(b, uint64(ns))
		b = append(b, '/')
		b = appendUint(b, uint64(ar))
		if an > 0 {
			if b, cp, ok = p.rprintB(b, cp); !ok {
				return b, false
			}
			an--
			for cp < snap && an > 0 {
				b = append(b, ',')
				if b, cp, ok = p.rprintB(b, cp); !ok {
					return b, false
				}
				an--
			}
		}
		if an > 0 {
			return b, false
		}
	} else {
		// request
		if flags&0x0100 != 0 {
			b = append(b, '+')
		}
		if flags&0x0010 != 0 {
			b = append(b, '%')
		}
		if flags&0x6cf != 0 {
			b = append(b, " [b2&3=0x"...)
			b = appendHex(b, uint64(flags))
			b = append(b, ']')
		}
		if opcode == 1 { // IQUERY
			if qd != 0 {
				b = p.count(b, qd, 'q')
			}
			if an != 1 {
				b = p.count(b, an, 'a')
			}
		} else {
			if an != 0 {
				b = p.count(b, an, 'a')
			}
			if qd != 1 {
				b = p.count(b, qd, 'q')
			}
		}
		if ns != 0 {
			b = p.count(b, ns, 'n')
		}
		if ar != 0 {
			b = append(b, " ["...)
			b = appendUint(b, uint64(ar))
			b = append(b, "au]"...)
		}
		cp = 12
		if qd > 0 {
			if b, cp, ok = p.qprintB(b, cp); !ok {
				return b, false
			}
			qd--
			for cp < snap && qd > 0 {
				if b, cp, ok = p.qprintB(b, cp); !ok {
					return b, false
				}
				qd--
			}
		}
		if qd > 0 {
			return b, false
		}
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(length))
	b = append(b, ')')
	return b, true
}

// qprintB and rprintB are qprint and rprint on b.
func (p *dnsPrinter) qprintB(b []byte, cp int) ([]byte, int, bool) {
	p.b = b
	cp, ok := p.qprint(cp)
	return p.b, cp, ok
}

func (p *dnsPrinter) rprintB(b []byte, cp int) ([]byte, int, bool) {
	p.b = b
	cp, ok := p.rprint(cp)
	return p.b, cp, ok
}

// extRcode returns the response code, extended from the OPT record's TTL
// when domain_print's quiet walk over the sections finds one.
func (p *dnsPrinter) extRcode(flags uint16, qd, an, ns, ar int) uint16 {
	m := p.m
	snap := len(m)
	rcode := flags & 0xf
	cp := 12
	ok := true
	for i := 0; i < qd; i++ {
		if cp, ok = p.nskip(cp); !ok {
			return rcode
		}
		cp += 4
		if cp >= snap {
			return rcode
		}
	}
	for i := 0; i < an+ns; i++ {
		if cp, ok = p.nskip(cp); !ok {
			return rcode
		}
		cp += 8
		if cp+2 > snap {
			return rcode
		}
		cp += 2 + int(be16(m[cp:]))
		if cp >= snap {
			return rcode
		}
	}
	for i := 0; i < ar; i++ {
		if cp, ok = p.nskip(cp); !ok {
			return rcode
		}
		if cp+2 > snap {
			return rcode
		}
		typ := be16(m[cp:])
		cp += 4
		if cp+1 > snap {
			return rcode
		}
		if typ == dnsTypeOPT {
			return rcode | uint16(m[cp])<<4
		}
		cp += 4
		if cp+2 > snap {
			return rcode
		}
		cp += 2 + int(be16(m[cp:]))
		if cp >= snap {
			return rcode
		}
	}
	return rcode
}

// count appends " [Nc]".
func (p *dnsPrinter) count(b []byte, n int, c byte) []byte {
	b = append(b, ' ', '[')
	b = appendUint(b, uint64(n))
	return append(b, c, ']')
}

// ttest reports whether n bytes at pos are captured (ND_TTEST_LEN).
func (p *dnsPrinter) ttest(pos, n int) bool {
	return pos >= 0 && n >= 0 && pos <= len(p.m)-n
}

// nskip is ns_nskip: the position after the name at cp, false for NULL.
func (p *dnsPrinter) nskip(cp int) (int, bool) {
	if !p.ttest(cp, 1) {
		return 0, false
	}
	i := p.m[cp]
	cp++
	for i != 0 {
		switch i & 0xc0 {
		case 0xc0:
			return cp + 1, true
		case 0x40:
			if i&0x3f != 1 {
				return 0, false
			}
			if !p.ttest(cp, 1) {
				return 0, false
			}
			bitlen := int(p.m[cp])
			if bitlen == 0 {
				bitlen = 256
			}
			cp++
			cp += (bitlen + 7) / 8
		case 0x80:
			return 0, false
		default:
			cp += int(i)
		}
		if !p.ttest(cp, 1) {
			return 0, false
		}
		i = p.m[cp]
		cp++
	}
	return cp, true
}

// labellen is tcpdump's labellen: -1 on error (having printed why, for a
// bad label type).
func (p *dnsPrinter) labellen(cp int) int {
	if !p.ttest(cp, 1) {
		return -1
	}
	i := p.m[cp]
	switch i & 0xc0 {
	case 0x40:
		if elt := i & 0x3f; elt != 1 {
			p.b = append(p.b, "<ELT "...)
			p.b = appendUint(p.b, uint64(elt))
			p.b = append(p.b, '>')
			return -1
		}
		if !p.ttest(cp+1, 1) {
			return -1
		}
		bitlen := int(p.m[cp+1])
		if bitlen == 0 {
			bitlen = 256
		}
		return (bitlen+7)/8 + 1
	case 0x80:
		p.b = append(p.b, "<BAD LABEL TYPE>"...)
		return -1
	}
	return int(i)
}

// printn is nd_printn bounded by snapend: false when it stopped early.
func (p *dnsPrinter) printn(s int, n uint32) bool {
	if n == 0 {
		return true
	}
	if s < 0 || s >= len(p.m) {
		return false
	}
	end := len(p.m)
	if uint64(n) < uint64(end-s) {
		end = s + int(n)
	}
	p.b = appendEscRun(p.b, p.m[s:end])
	return uint64(end-s) == uint64(n)
}

// blabel prints an EDNS0 bit-string label whose bit count is at cp.
func (p *dnsPrinter) blabel(cp int) bool {
	if !p.ttest(cp, 1) {
		return false
	}
	bitlen := int(p.m[cp])
	if bitlen == 0 {
		bitlen = 256
	}
	lim := cp + 1 + (bitlen+3)/4
	p.b = append(p.b, `\[x`...)
	bitp, b := cp+1, bitlen
	for ; bitp < lim && b > 7; b, bitp = b-8, bitp+1 {
		if !p.ttest(bitp, 1) {
			p.jmp = true
			return false
		}
		p.b = appendHexByte(p.b, p.m[bitp])
	}
	if b > 4 {
		if !p.ttest(bitp, 1) {
			p.jmp = true
			return false
		}
		p.b = appendHexByte(p.b, p.m[bitp]&byte(0xff<<(8-b)))
	} else if b > 0 {
		if !p.ttest(bitp, 1) {
			p.jmp = true
			return false
		}
		p.b = append(p.b, hexDigits[(p.m[bitp]>>4)&(0x0f<<(4-b))&0xf])
	}
	p.b = append(p.b, '/')
	p.b = appendUint(p.b, uint64(bitlen))
	p.b = append(p.b, ']')
	return true
}

// fqdn is fqdn_print: it prints the name at cp, with compression pointers
// taken relative to bp, and returns the position after the name as it
// sits at cp (false for NULL).
func (p *dnsPrinter) fqdn(cp, bp int) (int, bool) {
	if rp, ok := p.fqdnPlain(cp); ok {
		return rp, true
	}
	return p.fqdnWalk(cp, bp)
}

// fqdnWalk is fqdn_print's walk over any name, label by label.
func (p *dnsPrinter) fqdnWalk(cp, bp int) (int, bool) {
	l := p.labellen(cp)
	if l < 0 {
		return 0, false
	}
	if !p.ttest(cp, 1) {
		return 0, false
	}
	maxOffset := uint32(cp - bp)
	i := p.m[cp]
	cp++
	rp, rpSet := 0, false
	compress := false
	if i&0xc0 != 0xc0 {
		rp, rpSet = cp+l, true
	}
	if i == 0 {
		p.b = append(p.b, '.')
		return rp, rpSet
	}
	nameChars := 0
	for i != 0 && cp < len(p.m) {
		switch i & 0xc0 {
		case 0xc0:
			if !compress {
				rp, rpSet = cp+1, true
				compress = true
			}
			if !p.ttest(cp, 1) {
				return 0, false
			}
			offset := (uint32(i)<<8 | uint32(p.m[cp])) & 0x3fff
			if offset >= maxOffset {
				p.b = append(p.b, "<BAD PTR>"...)
				return 0, false
			}
			maxOffset = offset
			cp = bp + int(offset)
			if !p.ttest(cp, 1) {
				return 0, false
			}
			i = p.m[cp]
			if l = p.labellen(cp); l < 0 {
				return 0, false
			}
			cp++
			continue
		case 0x40:
			if elt := i & 0x3f; elt != 1 {
				p.b = append(p.b, "<ELT "...)
				p.b = appendUint(p.b, uint64(elt))
				p.b = append(p.b, '>')
				return 0, false
			}
			if !p.blabel(cp) {
				return 0, false
			}
		case 0x80:
			p.b = append(p.b, "<BAD LABEL TYPE>"...)
			return 0, false
		default:
			if nameChars+l <= dnsMaxCDName {
				if !p.printn(cp, uint32(l)) {
					return 0, false
				}
			} else if nameChars < dnsMaxCDName {
				if !p.printn(cp, uint32(dnsMaxCDName-nameChars)) {
					return 0, false
				}
			}
			nameChars += l
		}
		cp += l
		if nameChars <= dnsMaxCDName {
			p.b = append(p.b, '.')
		}
		nameChars++
		if !p.ttest(cp, 1) {
			return 0, false
		}
		i = p.m[cp]
		if l = p.labellen(cp); l < 0 {
			return 0, false
		}
		cp++
		if !compress {
			rp += l + 1
		}
	}
	if nameChars > dnsMaxCDName {
		p.b = append(p.b, "<DOMAIN NAME TOO LONG>"...)
	}
	return rp, rpSet
}

// fqdnPlain is fqdn's fast path for the common name: not the root, no
// compression pointer or bit-string label, every label and the final
// zero captured, no more than MAXCDNAME characters printed, and only
// printable ASCII in the labels. It prints the name, as fqdn would, and
// returns the position after it; false (with nothing printed) leaves the
// name to fqdn's general walk.
func (p *dnsPrinter) fqdnPlain(cp int) (int, bool) {
	q, ok := p.plainEnd(cp)
	if !ok || !p.appendPlain(cp, q) {
		return 0, false
	}
	return q + 1, true
}

// plainEnd returns the position of the final zero of the name at cp when
// the name is plain: not the root, only ordinary labels (no pointer,
// bit-string or bad label type), all captured, no more than MAXCDNAME
// characters printed. nskip would return the position after it.
func (p *dnsPrinter) plainEnd(cp int) (int, bool) {
	m := p.m
	if cp < 0 || cp >= len(m) || m[cp] == 0 {
		return 0, false
	}
	q := cp
	for {
		l := m[q]
		if l == 0 {
			break
		}
		if l >= 0x40 {
			return 0, false
		}
		q += int(l) + 1
		if q >= len(m) {
			return 0, false
		}
	}
	if q-cp > dnsMaxCDName {
		return 0, false
	}
	return q, true
}

// appendPlain prints the plain name at cp whose final zero is at q (see
// plainEnd), as fqdn would, unless a label holds a byte nd_printn would
// escape: then it prints nothing and returns false. The name printed is
// the wire form after its first length byte, each later length byte (and
// the final zero) turned into a dot.
func (p *dnsPrinter) appendPlain(cp, q int) bool {
	b, ok := appendPlainName(p.b, p.m, cp, q)
	p.b = b
	return ok
}

// appendPlainName is appendPlain on b and the message m.
func appendPlainName(b, m []byte, cp, q int) ([]byte, bool) {
	start := len(b)
	b = append(b, m[cp+1:q+1]...)
	out := b[start:]
	for k := int(m[cp]); k < len(out); {
		l := int(out[k])
		out[k] = '.'
		k += l + 1
	}
	if !allPrintable(out) {
		return b[:start], false
	}
	return b, true
}

// qprint is ns_qprint: " TYPE[ CLASS][ (QU|QM)]? name".
func (p *dnsPrinter) qprint(cp int) (int, bool) {
	np := cp
	q, plain := p.plainEnd(cp)
	ok := true
	if plain {
		cp = q + 1 // what nskip returns for a plain name
	} else {
		cp, ok = p.nskip(cp)
	}
	if !ok || !p.ttest(cp, 4) {
		return 0, false
	}
	m := p.m
	t, i := be16(m[cp:]), be16(m[cp+2:])
	if plain && int(t) < len(dnsQTypeLow[0]) && i&^0x8000 == dnsClassIN && dnsQTypeLow[0][t] != "" &&
		(i == dnsClassIN || p.mdns) {
		// The common question: " TYPE? " in one piece.
		k := 0
		if p.mdns {
			k = 1 + int(i>>15)
		}
		if b, ok := appendPlainName(append(p.b, dnsQTypeLow[k][t]...), m, np, q); ok {
			p.b = b
			return q + 5, true
		}
	}
	b := append(p.b, ' ')
	b = dnsAppendType(b, t)
	class := i
	if p.mdns {
		class = i &^ 0x8000
	}
	if class != dnsClassIN {
		b = append(b, ' ')
		b = dnsAppendClass(b, class)
	}
	if p.mdns {
		if i&0x8000 != 0 {
			b = append(b, " (QU)"...)
		} else {
			b = append(b, " (QM)"...)
		}
	}
	b = append(b, "? "...)
	if plain {
		if b, ok = appendPlainName(b, m, np, q); ok {
			p.b = b
			return q + 5, true
		}
	}
	p.b = b
	rp, ok := p.fqdnWalk(np, 0)
	if !ok {
		return 0, false
	}
	return rp + 4, true
}

// rprint is ns_rprint at default verbosity (the owner name is skipped).
func (p *dnsPrinter) rprint(cp int) (int, bool) {
	m := p.m
	cp, ok := p.nskip(cp)
	if !ok || !p.ttest(cp, 10) {
		return len(m), true
	}
	typ := be16(m[cp:])
	i := be16(m[cp+2:])
	class := i
	if p.mdns {
		class = i &^ 0x8000
	}
	if class != dnsClassIN && typ != dnsTypeOPT {
		p.b = append(p.b, ' ')
		p.b = dnsAppendClass(p.b, class)
	}
	if p.mdns && i&0x8000 != 0 {
		p.b = append(p.b, " (Cache flush)"...)
	}
	var optFlags uint16
	if typ == dnsTypeOPT {
		optFlags = be16(m[cp+6:])
	}
	rdlen := int(be16(m[cp+8:]))
	cp += 10
	rp := cp + rdlen
	p.b = append(p.b, ' ')
	p.b = dnsAppendType(p.b, typ)
	if rp > len(m) {
		return 0, false
	}
	switch typ {
	case 1: // A
		if !p.ttest(cp, 4) {
			return 0, false
		}
		p.b = append(p.b, ' ')
		p.b = appendIPv4(p.b, m[cp:cp+4])
	case 2, 5, 12, 39: // NS, CNAME, PTR, DNAME
		p.b = append(p.b, ' ')
		if _, ok := p.fqdn(cp, 0); !ok {
			return 0, false
		}
	case 15: // MX
		p.b = append(p.b, ' ')
		if !p.ttest(cp, 2) {
			return 0, false
		}
		if _, ok := p.fqdn(cp+2, 0); !ok {
			return 0, false
		}
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(be16(m[cp:])))
	case 16: // TXT
		for cp < rp {
			p.b = append(p.b, ' ', '"')
			if !p.ttest(cp, 1) {
				return 0, false
			}
			n := int(m[cp])
			if !p.printn(cp+1, uint32(n)) {
				return 0, false
			}
			cp += 1 + n
			p.b = append(p.b, '"')
		}
	case 33: // SRV
		p.b = append(p.b, ' ')
		if !p.ttest(cp, 6) {
			return 0, false
		}
		if _, ok := p.fqdn(cp+6, 0); !ok {
			return 0, false
		}
		p.b = append(p.b, ':')
		p.b = appendUint(p.b, uint64(be16(m[cp+4:])))
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(be16(m[cp:])))
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(be16(m[cp+2:])))
	case 28: // AAAA
		if !p.ttest(cp, 16) {
			return 0, false
		}
		p.b = append(p.b, ' ')
		p.b = appendIPv6(p.b, m[cp:cp+16])
	case 38: // A6
		if !p.ttest(cp, 1) {
			return 0, false
		}
		pbit := int(m[cp])
		pbyte := (pbit &^ 7) / 8
		if pbit > 128 {
			p.b = append(p.b, ' ')
			p.b = appendUint(p.b, uint64(pbit))
			p.b = append(p.b, "(bad plen)"...)
			break
		} else if pbit < 128 {
			if !p.ttest(cp+1, 16-pbyte) {
				p.jmp = true
				return 0, false
			}
			var a [16]byte
			copy(a[pbyte:], m[cp+1:cp+1+16-pbyte])
			p.b = append(p.b, ' ')
			p.b = appendUint(p.b, uint64(pbit))
			p.b = append(p.b, ' ')
			p.b = appendIPv6(p.b, a[:])
		}
		if pbit > 0 {
			p.b = append(p.b, ' ')
			if _, ok := p.fqdn(cp+1+16-pbyte, 0); !ok {
				return 0, false
			}
		}
	case 256: // URI
		if !p.ttest(cp, rdlen) {
			return 0, false
		}
		if rdlen < 4 { // 4.99.5: "Detect and correctly handle too-short URI RRs"
			p.b = append(p.b, " len "...)
			p.b = appendUint(p.b, uint64(rdlen))
			p.b = append(p.b, " is too short (< 4)"...)
			break
		}
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(be16(m[cp:])))
		p.b = append(p.b, ' ')
		p.b = appendUint(p.b, uint64(be16(m[cp+2:])))
		p.b = append(p.b, ' ')
		if !p.printn(cp+4, uint32(rdlen-4)) {
			return 0, false
		}
	case dnsTypeOPT:
		p.b = append(p.b, " UDPsize="...)
		p.b = appendUint(p.b, uint64(class))
		if optFlags&0x8000 != 0 {
			p.b = append(p.b, " DO"...)
		}
		if cp < rp {
			p.b = append(p.b, " ["...)
			for cp < rp {
				if cp, ok = p.eopt(cp); !ok {
					return 0, false
				}
				if cp < rp {
					p.b = append(p.b, ',')
				}
			}
			p.b = append(p.b, ']')
		}
	}
	return rp, true
}

// eopt is eopt_print: one EDNS option.
func (p *dnsPrinter) eopt(cp int) (int, bool) {
	m := p.m
	if !p.ttest(cp, 2) {
		return 0, false
	}
	opt := be16(m[cp:])
	cp += 2
	if s := dnsEDNSOptName(opt); s != "" {
		p.b = append(p.b, s...)
	} else {
		p.b = append(p.b, "Opt"...)
		p.b = appendUint(p.b, uint64(opt))
	}
	if !p.ttest(cp, 2) {
		return 0, false
	}
	dl := int(be16(m[cp:]))
	cp += 2
	if !p.ttest(cp, dl) {
		return 0, false
	}
	if dl > 0 {
		d := m[cp : cp+dl]
		p.b = append(p.b, ' ')
		switch opt {
		case 8: // ECS
			p.ecs(d)
		case 10: // COOKIE
			if dl < 8 || (dl > 8 && dl < 16) || dl > 40 {
				p.b = append(p.b, " (invalid)"...)
			} else {
				for i, c := range d {
					if i == 8 {
						p.b = append(p.b, ' ')
					}
					p.b = appendHexByte(p.b, c)
				}
			}
		case 11: // KEEPALIVE, "%0.1f sec" of v/10.0
			if dl != 2 {
				p.b = append(p.b, " (invalid)"...)
			} else {
				v := be16(d)
				p.b = appendUint(p.b, uint64(v/10))
				p.b = append(p.b, '.')
				p.b = appendUint(p.b, uint64(v%10))
				p.b = append(p.b, " sec"...)
			}
		case 9: // EXPIRE
			if dl != 4 {
				p.b = append(p.b, " (invalid)"...)
			} else {
				p.b = appendUint(p.b, uint64(be32(d)))
				p.b = append(p.b, " sec"...)
			}
		case 12: // PADDING
			p.b = append(p.b, '(')
			p.b = appendUint(p.b, uint64(dl))
			p.b = append(p.b, ')')
		case 14: // KEY-TAG
			if dl%2 != 0 {
				p.b = append(p.b, " (invalid)"...)
			} else {
				for i := 0; i < dl; i += 2 {
					if i > 0 {
						p.b = append(p.b, ' ')
					}
					p.b = appendUint(p.b, uint64(be16(d[i:])))
				}
			}
		case 5, 6, 7: // DAU, DHU, N3U
			for i, c := range d {
				if i > 0 {
					p.b = append(p.b, ' ')
				}
				if s := dnsAlgName(opt, c); s != "" {
					p.b = append(p.b, s...)
				} else {
					p.b = append(p.b, "Alg_"...)
					p.b = appendUint(p.b, uint64(c))
				}
			}
		case 13: // CHAIN: the name's own result is ignored
			p.fqdn(cp, cp+dl)
			if p.jmp {
				return 0, false
			}
		default:
			for _, c := range d {
				p.b = appendHexByte(p.b, c)
			}
		}
	}
	return cp + dl, true
}

// ecs is print_eopt_ecs for the option data d (fully captured).
func (p *dnsPrinter) ecs(d []byte) {
	if len(d) < 4 {
		p.b = append(p.b, " (invalid)"...)
		return
	}
	family := be16(d)
	srcLen, scopeLen := int(d[2]), int(d[3])
	var bits int
	switch family {
	case 1:
		bits = 32
	case 2:
		bits = 128
	default:
		p.b = append(p.b, " (invalid)"...)
		return
	}
	n := len(d) - 4
	if n > bits/8 || srcLen > bits || scopeLen > bits || (srcLen+7)/8 != n {
		p.b = append(p.b, " (invalid)"...)
		return
	}
	var a [16]byte
	copy(a[:], d[4:])
	if family == 1 {
		p.b = appendIPv4(p.b, a[:4])
	} else {
		p.b = appendIPv6(p.b, a[:])
	}
	p.b = append(p.b, '/')
	p.b = appendUint(p.b, uint64(srcLen))
	p.b = append(p.b, '/')
	p.b = appendUint(p.b, uint64(scopeLen))
}
