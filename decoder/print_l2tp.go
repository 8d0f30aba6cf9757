package decoder

// L2TP (print-l2tp.c) at default verbosity: the header flags, tunnel and
// session IDs, sequence numbers, then the AVPs of a control message or the
// PPP frame of a data message.

// l2tpMsgTypes is l2tp_msgtype2str, indexed by message type.
var l2tpMsgTypes = [...]string{
	1: "SCCRQ", 2: "SCCRP", 3: "SCCCN", 4: "StopCCN", 6: "HELLO", 7: "OCRQ",
	8: "OCRP", 9: "OCCN", 10: "ICRQ", 11: "ICRP", 12: "ICCN", 14: "CDN",
	15: "WEN", 16: "SLI",
}

// l2tpAVPNames is l2tp_avp2str, indexed by attribute type.
var l2tpAVPNames = [...]string{
	0: "MSGTYPE", 1: "RESULT_CODE", 2: "PROTO_VER", 3: "FRAMING_CAP",
	4: "BEARER_CAP", 5: "TIE_BREAKER", 6: "FIRM_VER", 7: "HOST_NAME",
	8: "VENDOR_NAME", 9: "ASSND_TUN_ID", 10: "RECV_WIN_SIZE", 11: "CHALLENGE",
	12: "Q931_CC", 13: "CHALLENGE_RESP", 14: "ASSND_SESS_ID", 15: "CALL_SER_NUM",
	16: "MINIMUM_BPS", 17: "MAXIMUM_BPS", 18: "BEARER_TYPE", 19: "FRAMING_TYPE",
	20: "PACKET_PROC_DELAY", 21: "CALLED_NUMBER", 22: "CALLING_NUMBER",
	23: "SUB_ADDRESS", 24: "TX_CONN_SPEED", 25: "PHY_CHANNEL_ID",
	26: "INI_RECV_LCP", 27: "LAST_SENT_LCP", 28: "LAST_RECV_LCP",
	29: "PROXY_AUTH_TYPE", 30: "PROXY_AUTH_NAME", 31: "PROXY_AUTH_CHAL",
	32: "PROXY_AUTH_ID", 33: "PROXY_AUTH_RESP", 34: "CALL_ERRORS", 35: "ACCM",
	36: "RANDOM_VECTOR", 37: "PRIVATE_GRP_ID", 38: "RX_CONN_SPEED",
	39: "SEQ_REQUIRED", 46: "PPP_DISCON_CC",
}

// l2tpAuthTypes is l2tp_authentype2str.
var l2tpAuthTypes = [...]string{"Reserved", "Textual", "CHAP", "PAP", "No Auth", "MS-CHAPv1"}

// l2tpDirections is l2tp_cc_direction2str.
var l2tpDirections = [...]string{"global error", "at peer", "at local"}

const l2tpTooShort = "AVP too short"

func l2tpOctets(b []byte, p []byte) []byte {
	for _, c := range p {
		b = appendHexByte(b, c)
	}
	return b
}

// l2tpAVPValue prints an IETF AVP's value; p is exactly the value bytes
// (the whole AVP was checked to be captured).
func l2tpAVPValue(b []byte, attr uint16, p []byte) []byte {
	n := len(p)
	switch attr {
	case 0: // MSGTYPE
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		t := be16(p)
		if int(t) < len(l2tpMsgTypes) && l2tpMsgTypes[t] != "" {
			return append(b, l2tpMsgTypes[t]...)
		}
		b = append(b, "MSGTYPE-#"...)
		return appendUint(b, uint64(t))
	case 1: // RESULT_CODE
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		b = appendUint(b, uint64(be16(p)))
		p = p[2:]
		if len(p) == 0 {
			return b
		}
		if len(p) < 2 {
			return append(b, " AVP too short"...)
		}
		b = append(b, '/')
		b = appendUint(b, uint64(be16(p)))
		p = p[2:]
		if len(p) == 0 {
			return b
		}
		b = append(b, ' ')
		return appendEscN(b, p)
	case 2: // PROTO_VER
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		b = appendUint(b, uint64(p[0]))
		b = append(b, '.')
		return appendUint(b, uint64(p[1]))
	case 3, 19: // FRAMING_CAP, FRAMING_TYPE
		if n < 4 {
			return append(b, l2tpTooShort...)
		}
		v := be32(p)
		if v&2 != 0 {
			b = append(b, 'A')
		}
		if v&1 != 0 {
			b = append(b, 'S')
		}
		return b
	case 4, 18: // BEARER_CAP, BEARER_TYPE
		if n < 4 {
			return append(b, l2tpTooShort...)
		}
		v := be32(p)
		if v&2 != 0 {
			b = append(b, 'A')
		}
		if v&1 != 0 {
			b = append(b, 'D')
		}
		return b
	case 5: // TIE_BREAKER
		if n < 8 {
			return append(b, l2tpTooShort...)
		}
		return l2tpOctets(b, p[:8])
	case 6, 9, 10, 14: // FIRM_VER, ASSND_TUN_ID, RECV_WIN_SIZE, ASSND_SESS_ID
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		return appendUint(b, uint64(be16(p)))
	case 7, 8, 22, 21, 23, 30, 37: // host/vendor names, numbers, sub-address, auth name, group
		return appendEscN(b, p)
	case 11, 26, 27, 28, 31, 33, 36: // challenges, LCP CONFREQs, auth chal/resp, random vector
		return l2tpOctets(b, p)
	case 12: // Q931_CC
		if n < 3 {
			return append(b, l2tpTooShort...)
		}
		b = appendUint(b, uint64(be16(p)))
		b = append(b, ", "...)
		b = appendHexByte(b, p[2])
		if n > 3 {
			b = append(b, ' ')
			b = appendEscN(b, p[3:])
		}
		return b
	case 13: // CHALLENGE_RESP
		if n < 16 {
			return append(b, l2tpTooShort...)
		}
		return l2tpOctets(b, p[:16])
	case 15, 16, 17, 24, 25, 38: // serial number, BPS, speeds, channel ID
		if n < 4 {
			return append(b, l2tpTooShort...)
		}
		return appendUint(b, uint64(be32(p)))
	case 20: // PACKET_PROC_DELAY
		return append(b, "obsolete"...)
	case 29: // PROXY_AUTH_TYPE
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		t := be16(p)
		if int(t) < len(l2tpAuthTypes) {
			return append(b, l2tpAuthTypes[t]...)
		}
		b = append(b, "AuthType-#"...)
		return appendUint(b, uint64(t))
	case 32: // PROXY_AUTH_ID
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		return appendUint(b, uint64(p[1]))
	case 34: // CALL_ERRORS
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		p = p[2:]
		for _, name := range [...]string{"CRCErr=", "FrameErr=", "HardOver=", "BufOver=", "Timeout=", "AlignErr="} {
			if len(p) < 4 {
				return append(b, l2tpTooShort...)
			}
			b = append(b, name...)
			b = appendUint(b, uint64(be32(p)))
			b = append(b, ' ')
			p = p[4:]
		}
		return b
	case 35: // ACCM
		if n < 2 {
			return append(b, l2tpTooShort...)
		}
		p = p[2:]
		for _, name := range [...]string{"send=", "recv="} {
			if len(p) < 4 {
				return append(b, l2tpTooShort...)
			}
			b = append(b, name...)
			b = appendHexPad(b, uint64(be32(p)), 8)
			b = append(b, ' ')
			p = p[4:]
		}
		return b
	case 46: // PPP_DISCON_CC
		if n < 5 {
			return append(b, l2tpTooShort...)
		}
		b = appendHexPad(b, uint64(be16(p)), 4)
		b = append(b, ", "...)
		b = appendHexPad(b, uint64(be16(p[2:])), 4)
		b = append(b, ' ')
		if int(p[4]) < len(l2tpDirections) {
			b = append(b, l2tpDirections[p[4]]...)
		} else {
			b = append(b, "Direction-#"...)
			b = appendUint(b, uint64(p[4]))
		}
		if n > 5 {
			b = append(b, ' ')
			b = appendEscN(b, p[5:])
		}
		return b
	}
	return b
}

// l2tpAVP is l2tp_avp_print: it returns the AVP's length, or 0 after
// printing the truncation marker.
func l2tpAVP(b []byte, data []byte, length int) (_ []byte, n int) {
	b = append(b, ' ')
	if len(data) < 2 {
		return appendTrunc(b, "l2tp"), 0
	}
	n = int(be16(data) & 0x3ff)
	if n < 6 || n > length || n > len(data) {
		return appendTrunc(b, "l2tp"), 0
	}
	flags := be16(data)
	if flags&0x8000 != 0 {
		b = append(b, '*')
	}
	hidden := flags&0x4000 != 0
	if hidden {
		b = append(b, '?')
	}
	if vendor := be16(data[2:]); vendor != 0 {
		b = append(b, "VENDOR"...)
		b = appendHexPad(b, uint64(vendor), 4)
		b = append(b, ":ATTR"...)
		b = appendHexPad(b, uint64(be16(data[4:])), 4)
		b = append(b, '(')
		b = l2tpOctets(b, data[6:n])
		return append(b, ')'), n
	}
	attr := be16(data[4:])
	if int(attr) < len(l2tpAVPNames) && l2tpAVPNames[attr] != "" {
		b = append(b, l2tpAVPNames[attr]...)
	} else {
		b = append(b, "AVP-#"...)
		b = appendUint(b, uint64(attr))
	}
	b = append(b, '(')
	if hidden {
		b = append(b, "???"...)
	} else {
		b = l2tpAVPValue(b, attr, data[6:n])
	}
	return append(b, ')'), n
}

// printL2TP is l2tp_print for UDP port 1701 (either side), appended after
// "SRC.SPORT > DST.DPORT: ": " l2tp:[TLS](0/0)Ns=0,Nr=0 *MSGTYPE(SCCRQ) ..."
// (with a leading space). A data message's PPP frame goes to printPPP.
func (d *Decoder) printL2TP(b []byte, data []byte, length int) []byte {
	if len(data) < 2 {
		return appendTrunc(b, "l2tp")
	}
	hdr := be16(data)
	switch hdr & 0xf {
	case 2:
		b = append(b, " l2tp:"...)
	case 1:
		return append(b, " l2f:"...)
	default:
		return append(b, " Unknown Version, neither L2F(1) nor L2TP(2)"...)
	}
	b = append(b, '[')
	flagT := hdr&0x8000 != 0
	flagL := hdr&0x4000 != 0
	flagS := hdr&0x0800 != 0
	flagO := hdr&0x0200 != 0
	if flagT {
		b = append(b, 'T')
	}
	if flagL {
		b = append(b, 'L')
	}
	if flagS {
		b = append(b, 'S')
	}
	if flagO {
		b = append(b, 'O')
	}
	if hdr&0x0100 != 0 {
		b = append(b, 'P')
	}
	b = append(b, ']')
	off := 2
	l2tpLen := 0
	if flagL {
		if len(data) < off+2 {
			return appendTrunc(b, "l2tp")
		}
		l2tpLen = int(be16(data[off:]))
		off += 2
	}
	if len(data) < off+2 {
		return appendTrunc(b, "l2tp")
	}
	b = append(b, '(')
	b = appendUint(b, uint64(be16(data[off:])))
	b = append(b, '/')
	off += 2
	if len(data) < off+2 {
		return appendTrunc(b, "l2tp")
	}
	b = appendUint(b, uint64(be16(data[off:])))
	b = append(b, ')')
	off += 2
	if flagS {
		if len(data) < off+2 {
			return appendTrunc(b, "l2tp")
		}
		b = append(b, "Ns="...)
		b = appendUint(b, uint64(be16(data[off:])))
		b = append(b, ',')
		off += 2
		if len(data) < off+2 {
			return appendTrunc(b, "l2tp")
		}
		b = append(b, "Nr="...)
		b = appendUint(b, uint64(be16(data[off:])))
		off += 2
	}
	if flagO {
		if len(data) < off+2 {
			return appendTrunc(b, "l2tp")
		}
		pad := int(be16(data[off:]))
		if len(data)-(off+2) < pad {
			return appendTrunc(b, "l2tp")
		}
		off += 2 + pad
	}
	if flagL {
		if length < l2tpLen {
			b = append(b, " Length "...)
			b = appendUint(b, uint64(l2tpLen))
			return append(b, " larger than packet"...)
		}
		length = l2tpLen
	}
	if length < off {
		b = append(b, " Length "...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, " smaller than header length"...)
	}
	if !flagT {
		b = append(b, " {"...)
		p := data[off:]
		b = d.printPPP(b, p, uint32(length-off))
		return append(b, '}')
	}
	if !flagL {
		return append(b, " No length"...)
	}
	if length == off {
		return append(b, " ZLB"...)
	}
	for length > off {
		var n int
		b, n = l2tpAVP(b, data[off:], length-off)
		if n == 0 {
			break
		}
		off += n
	}
	return b
}
