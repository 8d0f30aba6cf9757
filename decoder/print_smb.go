package decoder

import (
	"encoding/binary"
	"slices"
)

// NetBIOS and SMB printers of FreeBSD's tcpdump (ENABLE_SMB: print-smb.c
// and smbutil.c) at default verbosity. At vflag 0 only the paths below
// are reached; the detailed SMB dissection needs -vv.

// smbCmdNames maps an SMB command byte to tcpdump's smb_fns[] name
// ("SMBunknown" for the rest). pSETDIR is '\377', a negative char on
// FreeBSD/amd64, so command 0xff is SMBunknown too.
var smbCmdNames = func() (t [256]string) {
	for i := range t {
		t[i] = "SMBunknown"
	}
	for _, e := range [...]struct {
		id   uint8
		name string
	}{
		{0x70, "SMBtcon"}, {0x71, "SMBtdis"}, {0x11, "SMBexit"},
		{0x27, "SMBioctl"}, {0x2B, "SMBecho"}, {0x74, "SMBulogoffX"},
		{0x08, "SMBgetatr"}, {0x09, "SMBsetatr"}, {0x10, "SMBchkpth"},
		{0x81, "SMBsearch"}, {0x02, "SMBopen"}, {0x03, "SMBcreate"},
		{0x0F, "SMBmknew"}, {0x06, "SMBunlink"}, {0x0A, "SMBread"},
		{0x0B, "SMBwrite"}, {0x04, "SMBclose"}, {0x00, "SMBmkdir"},
		{0x01, "SMBrmdir"}, {0x80, "SMBdskattr"}, {0x07, "SMBmv"},
		{0x12, "SMBlseek"}, {0x05, "SMBflush"}, {0xC0, "SMBsplopen"},
		{0xC2, "SMBsplclose"}, {0xC3, "SMBsplretq"}, {0xC1, "SMBsplwr"},
		{0x0C, "SMBlock"}, {0x0D, "SMBunlock"}, {0x1a, "SMBreadbraw"},
		{0x1d, "SMBwritebraw"}, {0x20, "SMBwritec"}, {0x2c, "SMBwriteclose"},
		{0x13, "SMBlockread"}, {0x14, "SMBwriteunlock"}, {0x1B, "SMBreadBmpx"},
		{0x1E, "SMBwriteBmpx"}, {0x1F, "SMBwriteBs"}, {0x22, "SMBsetattrE"},
		{0x23, "SMBgetattrE"}, {0x26, "SMBtranss"}, {0x28, "SMBioctls"},
		{0x29, "SMBcopy"}, {0x2A, "SMBmove"}, {0x2D, "SMBopenX"},
		{0x2E, "SMBreadX"}, {0x2F, "SMBwriteX"}, {0x82, "SMBffirst"},
		{0x83, "SMBfunique"}, {0x84, "SMBfclose"}, {0x35, "SMBfindnclose"},
		{0x34, "SMBfindclose"}, {0xD0, "SMBsends"}, {0xD5, "SMBsendstrt"},
		{0xD6, "SMBsendend"}, {0xD7, "SMBsendtxt"}, {0xD1, "SMBsendb"},
		{0xD2, "SMBfwdname"}, {0xD3, "SMBcancelf"}, {0xD4, "SMBgetmac"},
		{0x72, "SMBnegprot"}, {0x73, "SMBsesssetupX"}, {0x75, "SMBtconX"},
		{0x24, "SMBlockingX"}, {0x32, "SMBtrans2"}, {0x33, "SMBtranss2"},
		{0x0E, "SMBctemp"}, {0x1C, "SMBreadBs"}, {0x25, "SMBtrans"},
		{0xA0, "SMBnttrans"}, {0xA1, "SMBnttranss"}, {0xA2, "SMBntcreateX"},
		{0xA4, "SMBntcancel"},
	} {
		t[e.id] = e.name
	}
	return t
}()

// smbPrintSMB is print_smb at default verbosity: "SMB PACKET: NAME
// (REQUEST)" or "(REPLY)". buf is the SMB header onwards (captured bytes).
func smbPrintSMB(b []byte, buf []byte) []byte {
	if len(buf) < 10 {
		return appendTrunc(b, "smb")
	}
	b = append(b, "SMB PACKET: "...)
	b = append(b, smbCmdNames[buf[4]]...)
	if buf[9]&0x80 != 0 {
		return append(b, " (REPLY)"...)
	}
	return append(b, " (REQUEST)"...)
}

// smbAppendUpperHex appends v as "%X".
func smbAppendUpperHex(b []byte, v uint64) []byte {
	const digits = "0123456789ABCDEF"
	var tmp [16]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = digits[v&0xf]
		v >>= 4
		if v == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// smbHexSpace holds "%02X " of every byte value as a little-endian word
// (the fourth byte is left for the next to overwrite), built once.
var smbHexSpace = func() (t [256]uint32) {
	const digits = "0123456789ABCDEF"
	for c := range t {
		t[c] = uint32(digits[c>>4]) | uint32(digits[c&0xf])<<8 | ' '<<16
	}
	return t
}()

// appendEscHalf appends the eight bytes of h escaped as appendEscRun
// does, then end: printable ASCII all through (0x20-0x7e) in one store.
func appendEscHalf(b []byte, h *[8]byte, end byte) []byte {
	const lo7, hi, one, add = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080, 0x0101010101010101, 0x6060606060606060
	w := binary.LittleEndian.Uint64(h[:])
	if y := w & lo7; (w|^(y+add)|(y+one))&hi != 0 {
		return append(appendEscRun(b, h[:]), end)
	}
	l := len(b)
	if cap(b)-l < 9 {
		b = slices.Grow(b, 9)
	}
	d := (*[9]byte)(b[l : l+9])
	binary.LittleEndian.PutUint64(d[:8], w)
	d[8] = end
	return b[:l+9]
}

// smbDataPrint is smb_data_print: rows of "[%03X] " + 16 "%02X " bytes
// (an extra space after the 8th) + the two 8-byte halves escaped like
// fn_print_char, each row ended by a newline.
func smbDataPrint(b []byte, buf []byte) []byte {
	n := len(buf)
	if n == 0 {
		return b
	}
	b = append(b, "[000] "...)
	i := 0
	// Whole rows: the 16 hex bytes written in place, the halves escaped
	// a printable run at a time.
	for i+16 <= n && i < n {
		l := len(b)
		b = slices.Grow(b, 51)[:l+50]
		d := b[l : l+51 : l+51] // one byte of slack for the last word
		row := buf[i : i+16 : i+16]
		for k := 0; k < 8; k++ {
			binary.LittleEndian.PutUint32(d[3*k:], smbHexSpace[row[k]])
			binary.LittleEndian.PutUint32(d[25+3*k:], smbHexSpace[row[8+k]])
		}
		d[24], d[49] = ' ', ' '
		b = appendEscHalf(b, (*[8]byte)(row[:8]), ' ')
		b = appendEscHalf(b, (*[8]byte)(row[8:]), '\n')
		i += 16
		if i < n {
			b = append(b, '[')
			if i < 0x100 {
				b = append(b, '0')
				if i < 0x10 {
					b = append(b, '0')
				}
			}
			b = smbAppendUpperHex(b, uint64(i))
			b = append(b, ']', ' ')
		}
	}
	for i < n {
		c := buf[i]
		const digits = "0123456789ABCDEF"
		b = append(b, digits[c>>4], digits[c&0xf], ' ')
		i++
		if i%8 == 0 {
			b = append(b, ' ')
		}
		if i%16 == 0 {
			b = appendEscN(b, buf[i-16:i-8])
			b = append(b, ' ')
			b = appendEscN(b, buf[i-8:i])
			b = append(b, '\n')
			if i < n {
				b = append(b, '[')
				if i < 0x100 {
					b = append(b, '0')
					if i < 0x10 {
						b = append(b, '0')
					}
				}
				b = smbAppendUpperHex(b, uint64(i))
				b = append(b, ']', ' ')
			}
		}
	}
	if r := i % 16; r != 0 {
		pad := 16 - r
		b = append(b, ' ')
		if pad > 8 {
			b = append(b, ' ')
		}
		for ; pad > 0; pad-- {
			b = append(b, "   "...)
		}
		h := r
		if h > 8 {
			h = 8
		}
		b = appendEscN(b, buf[i-r:i-r+h])
		b = append(b, ' ')
		if r > h {
			b = appendEscN(b, buf[i-(r-h):i])
		}
		b = append(b, '\n')
	}
	return b
}

// printNBTTCP appends what tcp_print prints after ", length N" for TCP
// port 139 (nbt_tcp_print, which prints its own leading space):
// " NBT Session Packet: Session Request" and so on. An unknown packet type
// is followed by "Data: (N bytes)\n" and a hex dump whose lines all end
// in "\n", so the record then ends with an empty line.
func printNBTTCP(b []byte, data []byte, length int) []byte {
	if length < 4 || len(data) < 4 {
		return appendTrunc(b, "nbt_tcp")
	}
	caplen := len(data)
	typ := data[0]
	nbtLen := int(be16(data[2:]))
	length -= 4
	caplen -= 4
	b = append(b, " NBT Session Packet: "...)
	switch typ {
	case 0x00:
		return append(b, "Session Message"...)
	case 0x81:
		return append(b, "Session Request"...)
	case 0x82:
		return append(b, "Session Granted"...)
	case 0x83:
		if nbtLen < 4 || length < 4 || caplen < 4 {
			return appendTrunc(b, "nbt_tcp")
		}
		b = append(b, "Session Reject, "...)
		switch ec := data[4]; ec {
		case 0x80:
			b = append(b, "Not listening on called name"...)
		case 0x81:
			b = append(b, "Not listening for calling name"...)
		case 0x82:
			b = append(b, "Called name not present"...)
		case 0x83:
			b = append(b, "Called name present, but insufficient resources"...)
		default:
			b = append(b, "Unspecified error 0x"...)
			b = smbAppendUpperHex(b, uint64(ec))
		}
		return b
	case 0x85:
		return append(b, "Session Keepalive"...)
	}
	// smb_fdata(data, "Unknown packet type [rB]", maxbuf): the type byte
	// as "0x%X", then the rest of the captured bytes as a data dump.
	b = append(b, "Unknown packet type 0x"...)
	b = smbAppendUpperHex(b, uint64(typ))
	rest := data[1:]
	b = append(b, "Data: ("...)
	b = appendUint(b, uint64(len(rest)))
	b = append(b, " bytes)\n"...)
	return smbDataPrint(b, rest)
}

// printSMBTCP appends what tcp_print prints after ", length N" for TCP
// port 445 (smb_tcp_print, which prints its own leading space). An SMB1
// message gives " SMB PACKET: SMBnegprot (REQUEST)"; anything else (SMB2
// included) gives " SMB-over-TCP packet:(raw data or continuation?)\n",
// so the record ends with an empty line.
func printSMBTCP(b []byte, data []byte, length int) []byte {
	if length < 4 || len(data) < 4 {
		return appendTrunc(b, "smb_tcp")
	}
	caplen := len(data) - 4
	smbLen := int(data[1])<<16 | int(data[2])<<8 | int(data[3])
	length -= 4
	if smbLen >= 4 && caplen >= 4 && data[4] == 0xff && data[5] == 'S' && data[6] == 'M' && data[7] == 'B' {
		if smbLen > caplen {
			if smbLen > length {
				b = append(b, " WARNING: Packet is continued in later TCP segments\n"...)
			} else {
				b = append(b, " WARNING: Short packet. Try increasing the snap length by "...)
				b = appendUint(b, uint64(smbLen-caplen))
				b = append(b, '\n')
			}
		} else {
			b = append(b, ' ')
		}
		return smbPrintSMB(b, data[4:])
	}
	return append(b, " SMB-over-TCP packet:(raw data or continuation?)\n"...)
}

// printNBTUDP137 appends what udp_print prints after
// "SRC.SPORT > DST.DPORT: " for UDP port 137 (nbt_udp137_print):
// "NBT UDP PACKET(137): OPCODE[; POSITIVE|NEGATIVE]; REQUEST|RESPONSE;
// UNICAST|BROADCAST".
func printNBTUDP137(b []byte, data []byte, length int) []byte {
	if len(data) < 12 {
		return appendTrunc(b, "nbt_udp137")
	}
	if length <= 0 {
		return b
	}
	response := data[2]>>7 != 0
	opcode := (data[2] >> 3) & 0xf
	nmFlags := (data[2]&7)<<4 | data[3]>>4
	rcode := data[3] & 0xf
	b = append(b, "NBT UDP PACKET(137): "...)
	switch opcode {
	case 0:
		b = append(b, "QUERY"...)
	case 5:
		b = append(b, "REGISTRATION"...)
	case 6:
		b = append(b, "RELEASE"...)
	case 7:
		b = append(b, "WACK"...)
	case 8:
		b = append(b, "REFRESH(8)"...)
	case 9:
		b = append(b, "REFRESH"...)
	case 15:
		b = append(b, "MULTIHOMED REGISTRATION"...)
	default:
		b = append(b, "OPUNKNOWN"...)
	}
	if response {
		if rcode != 0 {
			b = append(b, "; NEGATIVE"...)
		} else {
			b = append(b, "; POSITIVE"...)
		}
		b = append(b, "; RESPONSE"...)
	} else {
		b = append(b, "; REQUEST"...)
	}
	if nmFlags&1 != 0 {
		return append(b, "; BROADCAST"...)
	}
	return append(b, "; UNICAST"...)
}

// printNBTUDP138 appends what udp_print prints after
// "SRC.SPORT > DST.DPORT: " for UDP port 138 (nbt_udp138_print):
// "NBT UDP PACKET(138)", or nothing when no payload byte is there.
func printNBTUDP138(b []byte, data []byte, length int) []byte {
	if length <= 0 || len(data) == 0 {
		return b
	}
	return append(b, "NBT UDP PACKET(138)"...)
}
