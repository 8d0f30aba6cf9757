package decoder

// OSI network layer protocols (print-isoclns.c) at default verbosity with
// -e, as far as GRE (protocol 0x00fe) carries them: the NLPID, then the
// one-line summaries of IS-IS PDUs, ES-IS and CLNP headers, or the inner
// IPv4/IPv6 packet.

const (
	nlpidNULLNS = 0x00
	nlpidQ933   = 0x08
	nlpidCLNP   = 0x81
	nlpidESIS   = 0x82
	nlpidISIS   = 0x83
	nlpidIP6    = 0x8e
	nlpidIP     = 0xcc
	nlpidPPP    = 0xcf
)

// nlpidName is tok2str(nlpid_values, "Unknown", v).
func nlpidName(v byte) string {
	switch v {
	case nlpidNULLNS:
		return "NULL"
	case nlpidQ933:
		return "Q.933"
	case 0x09:
		return "LMI"
	case 0x80:
		return "SNAP"
	case nlpidCLNP:
		return "CLNP"
	case nlpidESIS:
		return "ES-IS"
	case nlpidISIS:
		return "IS-IS"
	case 0x84:
		return "CONS"
	case 0x85:
		return "IDRP"
	case 0xc1:
		return "ISIS_SPB"
	case 0xb1:
		return "FRF.15"
	case nlpidIP:
		return "IPv4"
	case nlpidPPP:
		return "PPP"
	case 0x8a:
		return "X25 ES-IS"
	case nlpidIP6:
		return "IPv6"
	}
	return "Unknown"
}

// printISOCLNS is isoclns_print with -e: "OSI NLPID NAME (0xNN): " and the
// protocol. data is what was captured of the PDU, length its length.
func (d *Decoder) printISOCLNS(b []byte, data []byte, length uint32) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "isoclns")
	}
	if uint32(len(data)) > length {
		data = data[:length]
	}
	nlpid := data[0]
	b = append(b, "OSI NLPID "...)
	b = append(b, nlpidName(nlpid)...)
	b = append(b, " (0x"...)
	b = appendHexPad(b, uint64(nlpid), 2)
	b = append(b, "): "...)
	switch nlpid {
	case nlpidCLNP:
		var ok bool
		if b, ok = printCLNP(b, data, length); !ok {
			b = appendHexDump(b, data)
		}
		return b
	case nlpidESIS:
		return printESIS(b, data, length)
	case nlpidISIS:
		var ok bool
		if b, ok = printISIS(b, data, length); !ok {
			b = appendHexDump(b, data)
		}
		return b
	case nlpidNULLNS:
		b = append(b, "length: "...)
		return appendUint(b, uint64(length))
	case nlpidIP:
		return d.printIP4(b, data[1:], int(length-1))
	case nlpidIP6:
		return d.printIP6(b, data[1:], int(length-1))
	case nlpidQ933, nlpidPPP:
		// The Q.933 and PPP printers are not implemented.
		return b
	}
	b = append(b, "length: "...)
	b = appendUint(b, uint64(length))
	if length > 1 {
		b = appendHexDump(b, data)
	}
	return b
}

// appendISONSAP is isonsap_string: the address in hex, a dot after every
// even-numbered byte but the last.
func appendISONSAP(b []byte, a []byte) []byte {
	if len(a) < 1 || len(a) > 20 {
		return append(b, "isonsap_string: illegal length"...)
	}
	for i, c := range a {
		b = appendHexByte(b, c)
		if i&1 == 0 && i+1 < len(a) {
			b = append(b, '.')
		}
	}
	return b
}

// printCLNP is clnp_print's default-verbosity path; ok is false when
// tcpdump returns 0 and isoclns_print adds a hex dump.
func printCLNP(b []byte, data []byte, length uint32) (_ []byte, ok bool) {
	const hdr = 9 // struct clnp_header_t
	if len(data) < hdr {
		return appendTrunc(b, "clnp"), true
	}
	li := uint32(data[1])
	if data[2] != 1 {
		b = append(b, "version "...)
		b = appendUint(b, uint64(data[2]))
		return append(b, " packet not supported"...), false
	}
	if li > length || li < hdr {
		return appendLIError(b, li, length, data), false
	}
	typ := data[4] & 0x1f
	rest := li - hdr
	p := data[hdr:]
	var dst, src []byte
	var read bool
	if b, dst, p, rest, read, ok = clnpAddr(b, p, rest); !read {
		return b, ok
	}
	if b, src, _, _, read, ok = clnpAddr(b, p, rest); !read {
		return b, ok
	}
	b = appendISONSAP(b, src)
	b = append(b, " > "...)
	b = appendISONSAP(b, dst)
	b = append(b, ", "...)
	switch typ {
	case 1:
		b = append(b, "Error Report"...)
	case 28:
		b = append(b, "Data"...)
	case 29:
		b = append(b, "MD"...)
	case 30:
		b = append(b, "Echo Request"...)
	case 31:
		b = append(b, "Echo Response"...)
	default:
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, ')')
	}
	b = append(b, ", length "...)
	return appendUint(b, uint64(length)), true
}

// clnpAddr reads one length-prefixed NSAP address of a CLNP header from
// p, within rest bytes of the length indicator. When it fails, read is
// false and b holds tcpdump's text: a length indicator too short (ok
// false, a hex dump follows) or the capture cut short (ok true).
func clnpAddr(b, p []byte, rest uint32) (_, addr, next []byte, left uint32, read, ok bool) {
	const short = "li < size of fixed part of CLNP header and addresses"
	if rest < 1 {
		return append(b, short...), nil, nil, 0, false, false
	}
	if len(p) < 1 {
		return appendTrunc(b, "clnp"), nil, nil, 0, false, true
	}
	n := uint32(p[0])
	p = p[1:]
	rest--
	if rest < n {
		return append(b, short...), nil, nil, 0, false, false
	}
	if uint32(len(p)) < n {
		return appendTrunc(b, "clnp"), nil, nil, 0, false, true
	}
	return b, p[:n], p[n:], rest - n, true, true
}

// appendLIError appends what CLNP and ES-IS print for a length indicator
// beyond the PDU or below the header's minimum: the latter with every
// captured byte of the PDU in hex.
func appendLIError(b []byte, li, length uint32, data []byte) []byte {
	b = append(b, " length indicator"...)
	if li > length {
		b = append(b, '(')
		b = appendUint(b, uint64(li))
		b = append(b, ") > PDU size ("...)
		b = appendUint(b, uint64(length))
		return append(b, ")!"...)
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(li))
	b = append(b, " < min PDU size:"...)
	for _, c := range data {
		b = appendHexByteUpper(b, c)
	}
	return b
}

// appendHexByteUpper is "%02X".
func appendHexByteUpper(b []byte, c byte) []byte {
	const digits = "0123456789ABCDEF"
	return append(b, digits[c>>4], digits[c&0xf])
}

// printESIS is esis_print's default-verbosity path.
func printESIS(b []byte, data []byte, length uint32) []byte {
	if length <= 2 {
		return append(b, "no header at all!"...)
	}
	const hdr = 9 // struct esis_header_t
	if len(data) < hdr {
		return appendTrunc(b, "esis")
	}
	li := uint32(data[1])
	if data[0] != nlpidESIS {
		b = append(b, " nlpid 0x"...)
		b = appendHexPad(b, uint64(data[0]), 2)
		return append(b, " packet not supported"...)
	}
	if data[2] != 1 {
		b = append(b, " version "...)
		b = appendUint(b, uint64(data[2]))
		return append(b, " packet not supported"...)
	}
	if li > length || li < hdr+2 {
		return appendLIError(b, li, length, data)
	}
	switch typ := data[4] & 0x1f; typ {
	case 2:
		b = append(b, "ESH"...)
	case 4:
		b = append(b, "ISH"...)
	case 6:
		b = append(b, "redirect"...)
	default:
		b = append(b, "unknown type ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, ')')
	}
	b = append(b, ", length "...)
	return appendUint(b, uint64(length))
}

// isisPDUName is tok2str(isis_pdu_values, ...) for the known PDU types.
func isisPDUName(t byte) string {
	switch t {
	case 15:
		return "L1 Lan IIH"
	case 16:
		return "L2 Lan IIH"
	case 17:
		return "p2p IIH"
	case 18:
		return "L1 LSP"
	case 20:
		return "L2 LSP"
	case 24:
		return "L1 CSNP"
	case 25:
		return "L2 CSNP"
	case 26:
		return "L1 PSNP"
	case 27:
		return "L2 PSNP"
	}
	return ""
}

// appendISISID is isis_print_id: a system ID as xxxx.xxxx.xxxx, a node ID
// with ".nn", an LSP ID with ".nn-nn".
func appendISISID(b []byte, id []byte) []byte {
	for i := 0; i < 6; i++ {
		b = appendHexByte(b, id[i])
		if i == 1 || i == 3 {
			b = append(b, '.')
		}
	}
	if len(id) >= 7 {
		b = append(b, '.')
		b = appendHexByte(b, id[6])
	}
	if len(id) == 8 {
		b = append(b, '-')
		b = appendHexByte(b, id[7])
	}
	return b
}

// printISIS is isis_print's default-verbosity path: the PDU type and its
// one-line summary. ok is false when tcpdump returns 0 (a hex dump
// follows).
func printISIS(b []byte, data []byte, length uint32) (_ []byte, ok bool) {
	const common = 8 // struct isis_common_header
	if len(data) < common || length < common {
		return appendTrunc(b, "isis"), true
	}
	if data[2] != 1 {
		b = append(b, "version "...)
		b = appendUint(b, uint64(data[2]))
		return append(b, " packet not supported"...), false
	}
	if idl := data[3]; idl != 6 && idl != 0 {
		b = append(b, "system ID length of "...)
		b = appendUint(b, uint64(idl))
		return append(b, " is not supported"...), false
	}
	if data[5] != 1 {
		b = append(b, "version "...)
		b = appendUint(b, uint64(data[5]))
		return append(b, " packet not supported"...), false
	}
	fixed := uint32(data[1])
	if length < fixed {
		b = append(b, "fixed header length "...)
		b = appendUint(b, uint64(fixed))
		b = append(b, " > packet length "...)
		b = appendUint(b, uint64(length))
		return b, false
	}
	if fixed < common {
		b = append(b, "fixed header length "...)
		b = appendUint(b, uint64(fixed))
		return append(b, " < minimum header size 8"...), false
	}
	if data[7] == 255 {
		return append(b, "bad packet -- 255 areas"...), false
	}
	// The ID length is 0 or 6 here, both a 6-byte system ID.
	typ := data[4]
	if name := isisPDUName(typ); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "unknown PDU-Type "...)
		b = appendUint(b, uint64(typ))
	}
	var size uint32 // the PDU type's header after the common one
	switch typ {
	case 15, 16:
		size = 19
	case 17:
		size = 12
	case 18, 20:
		size = 19
	case 24, 25:
		size = 25
	case 26, 27:
		size = 9
	default:
		b = append(b, ", length "...)
		return appendUint(b, uint64(length)), true
	}
	if fixed != common+size {
		if typ == 26 || typ == 27 {
			b = append(b, "- bogus fixed header length "...)
		} else {
			b = append(b, ", bogus fixed header length "...)
		}
		b = appendUint(b, uint64(fixed))
		b = append(b, " should be "...)
		if typ == 18 || typ == 20 {
			// print-isoclns.c prints the LSP header's size alone here.
			b = appendUint(b, uint64(size))
		} else {
			b = appendUint(b, uint64(common+size))
		}
		return b, false
	}
	if uint32(len(data)) < common+size || length < common+size {
		return appendTrunc(b, "isis"), true
	}
	h := data[common:]
	switch typ {
	case 15, 16:
		b = append(b, ", src-id "...)
		b = appendISISID(b, h[1:7])
		b = append(b, ", lan-id "...)
		b = appendISISID(b, h[12:19])
		b = append(b, ", prio "...)
		b = appendUint(b, uint64(h[11]))
	case 17:
		b = append(b, ", src-id "...)
		b = appendISISID(b, h[1:7])
	case 18, 20:
		b = append(b, ", lsp-id "...)
		b = appendISISID(b, h[4:12])
		b = append(b, ", seq 0x"...)
		b = appendHexPad(b, uint64(be32(h[12:])), 8)
		b = append(b, ", lifetime "...)
		lt := be16(h[2:])
		for w := 10000; w > 1 && uint32(lt) < uint32(w); w /= 10 {
			b = append(b, ' ') // %5u
		}
		b = appendUint(b, uint64(lt))
		b = append(b, 's')
	case 24, 25:
		b = append(b, ", src-id "...)
		b = appendISISID(b, h[2:9])
	case 26, 27:
		b = append(b, ", src-id "...)
		b = appendISISID(b, h[2:9])
	}
	b = append(b, ", length "...)
	return appendUint(b, uint64(length)), true
}
