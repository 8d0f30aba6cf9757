package decoder

// Ethernet (print-ether.c) as tcpdump 4.99.5 prints it with -e: used for
// IPv6 next header 143 and for GRE's transparent Ethernet bridging. Also
// the LLC/SNAP and MPLS printers an Ethernet frame can lead to.

// etherTypeName is tcpdump's ethertype_values; "" when unknown.
func etherTypeName(t uint16) string {
	switch t {
	case 0x0800:
		return "IPv4"
	case 0x8847:
		return "MPLS unicast"
	case 0x8848:
		return "MPLS multicast"
	case 0x86dd:
		return "IPv6"
	case 0x8100:
		return "802.1Q"
	case 0x9100:
		return "802.1Q-9100"
	case 0x88a8:
		return "802.1Q-QinQ"
	case 0x9200:
		return "802.1Q-9200"
	case 0x88e5:
		return "802.1AE MACsec"
	case 0x0200:
		return "PUP"
	case 0x0806:
		return "ARP"
	case 0x8035:
		return "Reverse ARP"
	case 0x0600:
		return "NS"
	case 0x0500:
		return "Sprite"
	case 0x1000:
		return "Trail"
	case 0x6001:
		return "MOP DL"
	case 0x6002:
		return "MOP RC"
	case 0x6003:
		return "DN"
	case 0x6004:
		return "LAT"
	case 0x6007:
		return "SCA"
	case 0x6558:
		return "TEB"
	case 0x8038:
		return "Lanbridge"
	case 0x803c:
		return "DEC DNS"
	case 0x803e:
		return "DEC DTS"
	case 0x805b:
		return "VEXP"
	case 0x805c:
		return "VPROD"
	case 0x809b:
		return "Appletalk"
	case 0x80f3:
		return "Appletalk ARP"
	case 0x8137:
		return "IPX"
	case 0x880b:
		return "PPP"
	case 0x8808:
		return "MPCP"
	case 0x8809:
		return "Slow Protocols"
	case 0x8863:
		return "PPPoE D"
	case 0x8864:
		return "PPPoE S"
	case 0x888e:
		return "EAPOL"
	case 0x8899:
		return "Realtek protocols"
	case 0x886f:
		return "MS NLB heartbeat"
	case 0x8870:
		return "Jumbo"
	case 0x894f:
		return "NSH"
	case 0x9000:
		return "Loopback"
	case 0xfefe:
		return "OSI"
	case 0x00fe:
		return "GRE-OSI"
	case 0xabcd:
		return "CFM (old)"
	case 0x8902:
		return "CFM"
	case 0x893a:
		return "IEEE1905.1"
	case 0x88cc:
		return "LLDP"
	case 0x88ca:
		return "TIPC"
	case 0x0707:
		return "GeoNet (old)"
	case 0x8947:
		return "GeoNet"
	case 0x1111:
		return "CALM FAST"
	case 0x88a2:
		return "AoE"
	case 0x88f7:
		return "PTP"
	case 0xd28b:
		return "Arista Vendor Specific Protocol"
	}
	return ""
}

// appendMAC appends a MAC address as tcpdump -n prints it.
func appendMAC(b []byte, a []byte) []byte {
	for i := 0; i < 6; i++ {
		if i > 0 {
			b = append(b, ':')
		}
		b = appendHexByte(b, a[i])
	}
	return b
}

// etherAppendType appends "ethertype NAME (0x%04x)".
func etherAppendType(b []byte, t uint16) []byte {
	b = append(b, "ethertype "...)
	name := etherTypeName(t)
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	b = append(b, " (0x"...)
	b = appendHexPad(b, uint64(t), 4)
	return append(b, ')')
}

// etherDefaultPrint is ND_DEFAULTPRINT (hex_and_ascii_print with "\n\t")
// of length bytes; when fewer are captured it dumps what there is and
// ends with tcpdump's truncation marker for proto.
func etherDefaultPrint(b []byte, data []byte, length uint32, proto string) []byte {
	if uint32(len(data)) < length {
		b = appendHexASCIIDump(b, data)
		return appendTrunc(b, proto)
	}
	return appendHexASCIIDump(b, data[:length])
}

// printEther is ether_print(ndo, p, length, caplen) with caplen the
// captured bytes: the frame starts at data[0]; length is the bytes left in
// the enclosing packet.
func (d *Decoder) printEther(b []byte, data []byte, length int) []byte {
	n := uint32(length)
	caplen := uint32(len(data))
	if n < caplen {
		b = append(b, "[length "...)
		b = appendUint(b, uint64(n))
		b = append(b, " < caplen "...)
		b = appendUint(b, uint64(caplen))
		return append(b, "] (invalid)"...)
	}
	if caplen < 14 {
		return appendTrunc(b, "ether")
	}
	origLen := n
	b = appendMAC(b, data[6:12])
	b = append(b, " > "...)
	b = appendMAC(b, data[0:6])
	b = append(b, ", "...)
	p := 12
	n -= 12
	caplen -= 12
	lt := be16(data[p:])
	p += 2
	n -= 2
	caplen -= 2
	printedLength := false
	for lt == 0x8100 || lt == 0x9100 || lt == 0x9200 || lt == 0x88a8 {
		if caplen < 4 || n < 4 {
			return appendTrunc(b, "vlan")
		}
		tag := be16(data[p:])
		b = etherAppendType(b, lt)
		if !printedLength {
			b = append(b, ", length "...)
			b = appendUint(b, uint64(origLen))
			b = append(b, ": "...)
			printedLength = true
		} else {
			b = append(b, ", "...)
		}
		b = append(b, "vlan "...)
		b = appendUint(b, uint64(tag&0xfff))
		b = append(b, ", p "...)
		b = appendUint(b, uint64(tag>>13))
		if tag&0x1000 != 0 {
			b = append(b, ", DEI"...)
		}
		b = append(b, ", "...)
		lt = be16(data[p+2:])
		p += 4
		n -= 4
		caplen -= 4
	}
	rest := data[p:]
	switch {
	case lt <= 1500:
		if uint32(lt) < n {
			n = uint32(lt)
			if caplen > n {
				caplen = n
			}
		}
		rest = rest[:caplen]
		b = append(b, "802.3"...)
		if !printedLength {
			b = append(b, ", length "...)
			b = appendUint(b, uint64(n))
			b = append(b, ": "...)
		}
		return d.llcPrint(b, rest, n)
	case lt == 0x8870: // jumbo: LLC follows
		return d.llcPrint(b, rest, n)
	}
	b = etherAppendType(b, lt)
	if !printedLength {
		b = append(b, ", length "...)
		b = appendUint(b, uint64(origLen))
		b = append(b, ": "...)
	} else {
		b = append(b, ", "...)
	}
	var ok bool
	if b, ok = d.etherTypePrint(b, lt, rest, n); !ok {
		b = etherDefaultPrint(b, rest, uint32(len(rest)), "ether")
	}
	return b
}

// etherTypePrint is ethertype_print; ok is false for types it leaves to
// the raw hex dump.
func (d *Decoder) etherTypePrint(b []byte, t uint16, data []byte, length uint32) (_ []byte, ok bool) {
	switch t {
	case ethertypeIP:
		return d.printIP4(b, data, int(length)), true
	case ethertypeIPv6:
		return d.printIP6(b, data, int(length)), true
	case ethertypeARP, ethertypeREVARP:
		return printARP(b, data, length), true
	case ethertypePPP:
		if length != 0 {
			b = append(b, ": "...)
			b = d.printPPP(b, data, length)
		}
		return b, true
	case ethertypeMPLS, ethertypeMPLSM:
		return d.mplsPrint(b, data, length), true
	case 0x9000:
		return loopbackPrint(b, data, length), true
	case 0x6003, 0x809b, 0x80f3, 0x8137, 0xfefe, 0x8863, 0x8864, 0x3c12, 0x3c13,
		0x888e, 0x8899, 0x8808, 0x8809, 0x8902, 0xabcd, 0x88cc, 0x894f,
		0x88ca, 0x886f, 0x0707, 0x8947, 0x1111, 0x88a2, 0x88f7:
		// DECnet, AppleTalk, AARP, IPX, OSI, PPPoE, EAPOL, Realtek, MPCP,
		// Slow, CFM, LLDP, NSH, TIPC, MS NLB, GeoNet, CALM FAST, AoE and
		// PTP have printers in tcpdump that are not implemented here:
		// print nothing rather than a raw dump tcpdump would not.
		return b, true
	}
	return b, false
}

// mplsPrint is mpls_print at default verbosity.
func (d *Decoder) mplsPrint(b []byte, data []byte, length uint32) []byte {
	b = append(b, "MPLS"...)
	p := 0
	var entry uint32
	for {
		if length < 4 {
			b = append(b, " (invalid)"...)
			if uint32(len(data)-p) < length {
				return appendTrunc(b, "mpls")
			}
			return b
		}
		if len(data) < p+4 {
			return appendTrunc(b, "mpls")
		}
		entry = be32(data[p:])
		b = append(b, " (label "...)
		b = appendUint(b, uint64(entry>>12))
		b = append(b, ", tc "...)
		b = appendUint(b, uint64((entry>>9)&7))
		if entry&0x100 != 0 {
			b = append(b, ", [S]"...)
		}
		b = append(b, ", ttl "...)
		b = appendUint(b, uint64(entry&0xff))
		b = append(b, ')')
		p += 4
		length -= 4
		if entry&0x100 != 0 {
			break
		}
	}
	rest := data[p:]
	pt := 0 // 0 unknown, 4, 6, 7 (OSI)
	switch entry >> 12 {
	case 0, 3:
		pt = 4
	case 2:
		pt = 6
	default:
		if length < 1 {
			return b
		}
		if len(rest) < 1 {
			return appendTrunc(b, "mpls")
		}
		switch first := rest[0]; {
		case first >= 0x45 && first <= 0x4f:
			pt = 4
		case first >= 0x60 && first <= 0x6f:
			pt = 6
		case first >= 0x81 && first <= 0x83:
			pt = 7
		}
	}
	switch pt {
	case 4:
		b = append(b, ' ')
		return d.printIP4(b, rest, int(length))
	case 6:
		b = append(b, ' ')
		return d.printIP6(b, rest, int(length))
	case 7:
		// The OSI printer is not implemented.
		return append(b, ' ')
	}
	return etherDefaultPrint(b, rest, length, "mpls")
}

// llcSAPName is tcpdump's llc_values; "" when unknown.
func llcSAPName(s uint8) string {
	switch s {
	case 0x00:
		return "Null"
	case 0xff:
		return "Global"
	case 0x02:
		return "802.1B I"
	case 0x03:
		return "802.1B G"
	case 0x06:
		return "IP"
	case 0x04:
		return "SNA"
	case 0x0e:
		return "ProWay NM"
	case 0x42:
		return "STP"
	case 0x4e:
		return "RS511"
	case 0x7e:
		return "ISO8208"
	case 0x8e:
		return "ProWay"
	case 0xaa:
		return "SNAP"
	case 0xe0:
		return "IPX"
	case 0xf0:
		return "NetBeui"
	case 0xfe:
		return "OSI"
	}
	return ""
}

// llcFlagName is tcpdump's llc_flag_values.
func llcFlagName(v uint16) string {
	switch v {
	case 0:
		return "Command"
	case 1:
		return "Response"
	case 0x10, 0x100:
		return "Poll"
	case 0x11, 0x101:
		return "Final"
	}
	return "?"
}

func llcAppendSAP(b []byte, s uint8) []byte {
	name := llcSAPName(s)
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	b = append(b, " (0x"...)
	b = appendHexByte(b, s)
	return append(b, ')')
}

// llcPrint is llc_print with -e, followed by ND_DEFAULTPRINT when tcpdump
// finds no printer for the payload (the caller's job in tcpdump). data is
// what was captured of the length bytes left.
func (d *Decoder) llcPrint(b []byte, data []byte, length uint32) []byte {
	caplen := uint32(len(data))
	if caplen < 3 || length < 3 {
		b = appendTrunc(b, "llc")
		return appendHexASCIIDump(b, data)
	}
	dsapField, ssapField := data[0], data[1]
	control := uint16(data[2])
	isU := control&3 == 3
	hdrlen := uint32(3)
	if !isU {
		if caplen < 4 || length < 4 {
			b = appendTrunc(b, "llc")
			return appendHexASCIIDump(b, data)
		}
		control = uint16(data[2]) | uint16(data[3])<<8
		hdrlen = 4
	}
	if ssapField == 0xff && dsapField == 0xff {
		// Ethernet_802.3 IPX: the IPX printer is not implemented.
		return append(b, "IPX 802.3: "...)
	}
	dsap := dsapField &^ 1
	ssap := ssapField &^ 1
	b = append(b, "LLC, dsap "...)
	b = llcAppendSAP(b, dsap)
	if dsapField&1 != 0 {
		b = append(b, " Group, ssap "...)
	} else {
		b = append(b, " Individual, ssap "...)
	}
	b = llcAppendSAP(b, ssap)
	if ssapField&1 != 0 {
		b = append(b, " Response"...)
	} else {
		b = append(b, " Command"...)
	}
	b = append(b, ", ctrl 0x"...)
	if isU {
		b = appendHexPad(b, uint64(control), 2)
	} else {
		b = appendHexPad(b, uint64(control), 4)
	}
	b = append(b, ": "...)
	p := data[hdrlen:]
	length -= hdrlen
	caplen -= hdrlen
	if ssap == 0xaa && dsap == 0xaa && control == 3 {
		var ok bool
		if b, ok = d.snapPrint(b, p, length); !ok {
			b = appendHexASCIIDump(b, data)
		}
		return b
	}
	if control == 3 {
		switch {
		case ssap == 0x42 && dsap == 0x42:
			// The STP printer is not implemented.
			return b
		case ssap == 0x06 && dsap == 0x06:
			return d.printIP4(b, p, int(length))
		case ssap == 0xe0 && dsap == 0xe0:
			// The IPX printer is not implemented.
			return append(b, "IPX 802.2: "...)
		case ssap == 0xfe && dsap == 0xfe:
			// The OSI printer is not implemented.
			return b
		}
	}
	if ssap == 0xf0 && dsap == 0xf0 && (control&1 == 0 || control == 3) {
		// NetBEUI (FreeBSD builds have the SMB printers): not implemented.
		return b
	}
	if isU {
		b = append(b, "Unnumbered, "...)
		switch cmd := control & 0xef; cmd {
		case 0x03:
			b = append(b, "ui"...)
		case 0xe3:
			b = append(b, "test"...)
		case 0xaf:
			b = append(b, "xid"...)
		case 0x63:
			b = append(b, "ua"...)
		case 0x43:
			b = append(b, "disc"...)
		case 0x0f:
			b = append(b, "dm"...)
		case 0x6f:
			b = append(b, "sabme"...)
		case 0x87:
			b = append(b, "frmr"...)
		default:
			b = appendHexPad(b, uint64(cmd), 2)
		}
		b = append(b, ", Flags ["...)
		b = append(b, llcFlagName(uint16(ssapField&1)|control&0x10)...)
		b = append(b, "], length "...)
		b = appendUint(b, uint64(length+hdrlen))
		if control&^0x10 == 0xaf {
			if length == 0 {
				return b
			}
			if caplen < 1 {
				return appendTrunc(b, "llc")
			}
			if p[0] == 0x81 {
				if caplen < 3 || length < 3 {
					b = appendTrunc(b, "llc")
					return appendHexASCIIDump(b, p)
				}
				b = append(b, ": "...)
				b = appendHexByte(b, p[1])
				b = append(b, ' ')
				return appendHexByte(b, p[2])
			}
		}
	} else if control&1 != 0 {
		b = append(b, "Supervisory, "...)
		switch (control >> 2) & 3 {
		case 0:
			b = append(b, "Receiver Ready"...)
		case 1:
			b = append(b, "Receiver not Ready"...)
		case 2:
			b = append(b, "Reject"...)
		default:
			b = append(b, '?')
		}
		b = append(b, ", rcv seq "...)
		b = appendUint(b, uint64((control>>9)&0x7f))
		b = append(b, ", Flags ["...)
		b = append(b, llcFlagName(uint16(ssapField&1)|control&0x100)...)
		b = append(b, "], length "...)
		return appendUint(b, uint64(length+hdrlen))
	} else {
		b = append(b, "Information, send seq "...)
		b = appendUint(b, uint64((control>>1)&0x7f))
		b = append(b, ", rcv seq "...)
		b = appendUint(b, uint64((control>>9)&0x7f))
		b = append(b, ", Flags ["...)
		b = append(b, llcFlagName(uint16(ssapField&1)|control&0x100)...)
		b = append(b, "], length "...)
		b = appendUint(b, uint64(length+hdrlen))
	}
	// Unknown payload: the raw dump of the frame from the LLC header on.
	return appendHexASCIIDump(b, data)
}

// ouiName is tcpdump's oui_values; "" when unknown.
func ouiName(o uint32) string {
	switch o {
	case 0x000000:
		return "Ethernet"
	case 0x00000c:
		return "Cisco"
	case 0x00005e:
		return "IANA"
	case 0x000081:
		return "Nortel Networks SONMP"
	case 0x0000f8:
		return "Cisco bridged"
	case 0x0080c2:
		return "Ethernet bridged"
	case 0x00a03e:
		return "ATM Forum"
	case 0x00e02f:
		return "DOCSIS Spanning Tree"
	case 0x080007:
		return "Appletalk"
	case 0x009069:
		return "Juniper"
	case 0x080009:
		return "Hewlett-Packard"
	case 0x00120f:
		return "IEEE 802.3 Private"
	case 0x0012bb:
		return "ANSI/TIA"
	case 0x001b21:
		return "DCBX"
	case 0x002320:
		return "Nicira Networks"
	case 0x5c16c7:
		return "Big Switch Networks"
	case 0xb0d2f5:
		return "Vello Systems"
	case 0x002481:
		return "HP"
	case 0x0004ea:
		return "HP-Labs"
	case 0x748771:
		return "Infoblox Inc"
	case 0xa42305:
		return "Open Networking Lab"
	case 0x00049f:
		return "Freescale"
	case 0x0015ad:
		return "Netronome"
	case 0x001018:
		return "Broadcom"
	case 0x00e004:
		return "PMC-Sierra"
	case 0xd0f0db:
		return "Ericsson"
	}
	return ""
}

// snapPIDName is tok2str(oui_to_struct_tok(orgcode), "Unknown", et).
func snapPIDName(oui uint32, et uint16) string {
	var s string
	switch oui {
	case 0x000000, 0x0000f8, 0x080007:
		s = etherTypeName(et)
	case 0x00000c:
		switch et {
		case 0x2000:
			s = "CDP"
		case 0x2003:
			s = "VTP"
		case 0x2004:
			s = "DTP"
		case 0x0111:
			s = "UDLD"
		case 0x010b:
			s = "PVST"
		case 0x010c:
			s = "VLAN Bridge"
		}
	case 0x0080c2:
		switch et {
		case 0x0001:
			s = "Ethernet + FCS"
		case 0x0007:
			s = "Ethernet w/o FCS"
		case 0x0002:
			s = "802.4 + FCS"
		case 0x0008:
			s = "802.4 w/o FCS"
		case 0x0003:
			s = "Token Ring + FCS"
		case 0x0009:
			s = "Token Ring w/o FCS"
		case 0x0004:
			s = "FDDI + FCS"
		case 0x000a:
			s = "FDDI w/o FCS"
		case 0x0005:
			s = "802.6 + FCS"
		case 0x000b:
			s = "802.6 w/o FCS"
		case 0x000e:
			s = "BPDU"
		}
	}
	if s == "" {
		s = "Unknown"
	}
	return s
}

// snapPrint is snap_print with -e; ok is false when the payload is left
// to the raw dump.
func (d *Decoder) snapPrint(b []byte, p []byte, length uint32) (_ []byte, ok bool) {
	if len(p) < 5 || length < 5 {
		return appendTrunc(b, "snap"), true
	}
	org := uint32(p[0])<<16 | uint32(p[1])<<8 | uint32(p[2])
	et := be16(p[3:])
	b = append(b, "oui "...)
	name := ouiName(org)
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	b = append(b, " (0x"...)
	b = appendHexPad(b, uint64(org), 6)
	if org == 0 {
		b = append(b, "), ethertype "...)
	} else {
		b = append(b, "), pid "...)
	}
	b = append(b, snapPIDName(org, et)...)
	b = append(b, " (0x"...)
	b = appendHexPad(b, uint64(et), 4)
	b = append(b, "), length "...)
	b = appendUint(b, uint64(length-5))
	b = append(b, ": "...)
	p = p[5:]
	length -= 5
	switch org {
	case 0x000000, 0x0000f8:
		return d.etherTypePrint(b, et, p, length)
	case 0x080007:
		if et == 0x809b {
			return d.etherTypePrint(b, et, p, length)
		}
	case 0x00000c:
		switch et {
		case 0x2000, 0x2004, 0x0111, 0x2003, 0x010b, 0x010c:
			// CDP, DTP, UDLD, VTP and STP printers are not implemented.
			return b, true
		}
	case 0x0080c2:
		switch et {
		case 0x0001, 0x0007:
			if len(p) < 2 {
				return appendTrunc(b, "snap"), true
			}
			return d.printEther(b, p[2:], int(length-2)), true
		case 0x0003, 0x0009, 0x0004, 0x000a, 0x000e:
			// Token Ring, FDDI and STP printers are not implemented.
			return b, true
		}
	}
	return b, false
}

// loopbackPrint is loopback_print (Ethernet configuration testing
// protocol, ethertype 0x9000).
func loopbackPrint(b []byte, p []byte, n uint32) []byte {
	b = append(b, "Loopback"...)
	// invalid ends the text the way the printer's "invalid" label does.
	invalid := func(b []byte, p []byte, n uint32) []byte {
		b = append(b, " (invalid)"...)
		if uint32(len(p)) < n {
			return appendTrunc(b, "loopback")
		}
		return b
	}
	if n < 2 {
		return invalid(b, p, n)
	}
	if len(p) < 2 {
		return appendTrunc(b, "loopback")
	}
	skip := uint32(p[0]) | uint32(p[1])<<8
	p = p[2:]
	n -= 2
	b = append(b, ", skipCount "...)
	b = appendUint(b, uint64(skip))
	if skip%8 != 0 {
		b = append(b, " (bogus)"...)
	}
	if skip > n {
		return invalid(b, p, n)
	}
	if uint32(len(p)) < skip {
		return appendTrunc(b, "loopback")
	}
	p = p[skip:]
	n -= skip
	// loopback_message_print
	if n < 2 {
		return invalid(b, p, n)
	}
	if len(p) < 2 {
		return appendTrunc(b, "loopback")
	}
	fn := uint32(p[0]) | uint32(p[1])<<8
	p = p[2:]
	n -= 2
	switch fn {
	case 1:
		b = append(b, ", Reply"...)
		if n < 2 {
			return invalid(b, p, n)
		}
		if len(p) < 2 {
			return appendTrunc(b, "loopback")
		}
		b = append(b, ", receipt number "...)
		b = appendUint(b, uint64(uint32(p[0])|uint32(p[1])<<8))
		p = p[2:]
		n -= 2
	case 2:
		b = append(b, ", Forward Data"...)
		if n < 6 {
			return invalid(b, p, n)
		}
		if len(p) < 6 {
			return appendTrunc(b, "loopback")
		}
		b = append(b, ", forwarding address "...)
		b = appendMAC(b, p)
		p = p[6:]
		n -= 6
	default:
		b = append(b, ",  invalid ("...)
		b = appendUint(b, uint64(fn))
		b = append(b, ')')
		if uint32(len(p)) < n {
			return appendTrunc(b, "loopback")
		}
		return b
	}
	b = append(b, ", data ("...)
	b = appendUint(b, uint64(n))
	b = append(b, " octets)"...)
	if uint32(len(p)) < n {
		return appendTrunc(b, "loopback")
	}
	return b
}
