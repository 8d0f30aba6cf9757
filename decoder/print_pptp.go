package decoder

// PPTP control messages (tcpdump's print-pptp.c, RFC 2637) at default
// verbosity: ": pptp CTRL_MSGTYPE=NAME" and the message's fields. A field
// past the captured bytes ends the text with " [|pptp]".

var pptpMsgTypes = [16]string{
	"NOT_DEFINED", "SCCRQ", "SCCRP", "StopCCRQ", "StopCCRP", "ECHORQ",
	"ECHORP", "OCRQ", "OCRP", "ICRQ", "ICRP", "ICCN", "CCRQ", "CDN",
	"WEN", "SLI",
}

// pptpW is a cursor over a PPTP message: every getter reports whether the
// bytes were captured.
type pptpW struct {
	data []byte
	b    []byte
}

func (w *pptpW) u8(off int) (uint32, bool) {
	if off < 0 || off >= len(w.data) {
		return 0, false
	}
	return uint32(w.data[off]), true
}

func (w *pptpW) u16(off int) (uint32, bool) {
	if off < 0 || off+2 > len(w.data) {
		return 0, false
	}
	return uint32(be16(w.data[off:])), true
}

func (w *pptpW) u32(off int) (uint32, bool) {
	if off < 0 || off+4 > len(w.data) {
		return 0, false
	}
	return be32(w.data[off:]), true
}

// num appends " LABEL(%u)" for a big-endian field of size 1, 2 or 4.
func (w *pptpW) num(label string, off, size int) bool {
	var v uint32
	var ok bool
	switch size {
	case 1:
		v, ok = w.u8(off)
	case 2:
		v, ok = w.u16(off)
	default:
		v, ok = w.u32(off)
	}
	if !ok {
		return false
	}
	w.b = append(w.b, ' ')
	w.b = append(w.b, label...)
	w.b = append(w.b, '(')
	w.b = appendUint(w.b, uint64(v))
	w.b = append(w.b, ')')
	return true
}

// reserved appends " [ERROR: reserved=%u must be zero]" when the field is
// not zero.
func (w *pptpW) reserved(off, size int) bool {
	var v uint32
	var ok bool
	if size == 1 {
		v, ok = w.u8(off)
	} else {
		v, ok = w.u16(off)
	}
	if !ok {
		return false
	}
	if v != 0 {
		w.b = append(w.b, " [ERROR: reserved="...)
		w.b = appendUint(w.b, uint64(v))
		w.b = append(w.b, " must be zero]"...)
	}
	return true
}

// str appends " LABEL(" + the NUL-terminated string of at most n bytes +
// ")" (nd_printjnp, which reads byte by byte).
func (w *pptpW) str(label string, off, n int) bool {
	w.b = append(w.b, ' ')
	w.b = append(w.b, label...)
	w.b = append(w.b, '(')
	for i := 0; i < n; i++ {
		if off+i >= len(w.data) {
			return false
		}
		c := w.data[off+i]
		if c == 0 {
			break
		}
		w.b = appendEscChar(w.b, c)
	}
	w.b = append(w.b, ')')
	return true
}

func (w *pptpW) protoVer(off int) bool {
	v, ok := w.u16(off)
	if !ok {
		return false
	}
	w.b = append(w.b, " PROTO_VER("...)
	w.b = appendUint(w.b, uint64(v>>8))
	w.b = append(w.b, '.')
	w.b = appendUint(w.b, uint64(v&0xff))
	w.b = append(w.b, ')')
	return true
}

// framingCap prints its label before reading the field (tcpdump does), so
// a cut field leaves " FRAME_CAP(" before the truncation marker.
func (w *pptpW) framingCap(off int) bool {
	w.b = append(w.b, " FRAME_CAP("...)
	v, ok := w.u32(off)
	if !ok {
		return false
	}
	if v&1 != 0 {
		w.b = append(w.b, 'A')
	}
	if v&2 != 0 {
		w.b = append(w.b, 'S')
	}
	w.b = append(w.b, ')')
	return true
}

func (w *pptpW) bearerCap(off int) bool {
	v, ok := w.u32(off)
	if !ok {
		return false
	}
	w.b = append(w.b, " BEARER_CAP("...)
	if v&2 != 0 {
		w.b = append(w.b, 'D')
	}
	if v&1 != 0 {
		w.b = append(w.b, 'A')
	}
	w.b = append(w.b, ')')
	return true
}

// tok appends " LABEL(NAME)" for a 32-bit value looked up in names
// (index 1..len), "?" otherwise.
func (w *pptpW) tok(label string, off int, names []string) bool {
	v, ok := w.u32(off)
	if !ok {
		return false
	}
	w.b = append(w.b, ' ')
	w.b = append(w.b, label...)
	w.b = append(w.b, '(')
	if v >= 1 && int(v) <= len(names) {
		w.b = append(w.b, names[v-1]...)
	} else {
		w.b = append(w.b, '?')
	}
	w.b = append(w.b, ')')
	return true
}

var (
	pptpBearerTypes  = []string{"A", "D", "Any"}
	pptpFramingTypes = []string{"A", "S", "E"}
)

// pptpField is one step of a message layout.
type pptpField struct {
	kind  uint8 // see the pf* constants
	off   int   // offset from the start of the message body
	size  int
	label string
}

const (
	pptpFNum       = iota // " LABEL(%u)"
	pptpFRes              // reserved field
	pptpFStr              // " LABEL(string)" of size bytes
	pptpFStrLen           // " LABEL(string)", at most min(64, u16 at size) bytes
	pptpFVer              // PROTO_VER
	pptpFFrameCap         // FRAME_CAP
	pptpFBearCap          // BEARER_CAP
	pptpFBearType         // BEARER_TYPE
	pptpFFrameType        // FRAME_TYPE
	pptpFHex32            // " LABEL(0x%08x)"
)

var pptpLayouts = [16][]pptpField{
	1: { // SCCRQ
		{pptpFVer, 0, 2, ""}, {pptpFRes, 2, 2, ""}, {pptpFFrameCap, 4, 4, ""},
		{pptpFBearCap, 8, 4, ""}, {pptpFNum, 12, 2, "MAX_CHAN"},
		{pptpFNum, 14, 2, "FIRM_REV"}, {pptpFStr, 16, 64, "HOSTNAME"},
		{pptpFStr, 80, 64, "VENDOR"},
	},
	2: { // SCCRP
		{pptpFVer, 0, 2, ""}, {pptpFNum, 2, 1, "RESULT_CODE"}, {pptpFNum, 3, 1, "ERR_CODE"},
		{pptpFFrameCap, 4, 4, ""}, {pptpFBearCap, 8, 4, ""},
		{pptpFNum, 12, 2, "MAX_CHAN"}, {pptpFNum, 14, 2, "FIRM_REV"},
		{pptpFStr, 16, 64, "HOSTNAME"}, {pptpFStr, 80, 64, "VENDOR"},
	},
	3: { // StopCCRQ
		{pptpFNum, 0, 1, "REASON"}, {pptpFRes, 1, 1, ""}, {pptpFRes, 2, 2, ""},
	},
	4: { // StopCCRP
		{pptpFNum, 0, 1, "RESULT_CODE"}, {pptpFNum, 1, 1, "ERR_CODE"}, {pptpFRes, 2, 2, ""},
	},
	5: { // ECHORQ
		{pptpFNum, 0, 4, "ID"},
	},
	6: { // ECHORP
		{pptpFNum, 0, 4, "ID"}, {pptpFNum, 4, 1, "RESULT_CODE"}, {pptpFNum, 5, 1, "ERR_CODE"},
		{pptpFRes, 6, 2, ""},
	},
	7: { // OCRQ
		{pptpFNum, 0, 2, "CALL_ID"}, {pptpFNum, 2, 2, "CALL_SER_NUM"},
		{pptpFNum, 4, 4, "MIN_BPS"}, {pptpFNum, 8, 4, "MAX_BPS"},
		{pptpFBearType, 12, 4, ""}, {pptpFFrameType, 16, 4, ""},
		{pptpFNum, 20, 2, "RECV_WIN"}, {pptpFNum, 22, 2, "PROC_DELAY"},
		{pptpFNum, 24, 2, "PHONE_NO_LEN"}, {pptpFRes, 26, 2, ""},
		{pptpFStrLen, 28, 24, "PHONE_NO"}, {pptpFStr, 92, 64, "SUB_ADDR"},
	},
	8: { // OCRP
		{pptpFNum, 0, 2, "CALL_ID"}, {pptpFNum, 2, 2, "PEER_CALL_ID"},
		{pptpFNum, 4, 1, "RESULT_CODE"}, {pptpFNum, 5, 1, "ERR_CODE"},
		{pptpFNum, 6, 2, "CAUSE_CODE"}, {pptpFNum, 8, 4, "CONN_SPEED"},
		{pptpFNum, 12, 2, "RECV_WIN"}, {pptpFNum, 14, 2, "PROC_DELAY"},
		{pptpFNum, 16, 4, "PHY_CHAN_ID"},
	},
	9: { // ICRQ
		{pptpFNum, 0, 2, "CALL_ID"}, {pptpFNum, 2, 2, "CALL_SER_NUM"},
		{pptpFBearType, 4, 4, ""}, {pptpFNum, 8, 4, "PHY_CHAN_ID"},
		{pptpFNum, 12, 2, "DIALED_NO_LEN"}, {pptpFNum, 14, 2, "DIALING_NO_LEN"},
		{pptpFStrLen, 16, 12, "DIALED_NO"}, {pptpFStrLen, 80, 14, "DIALING_NO"},
		{pptpFStr, 144, 64, "SUB_ADDR"},
	},
	10: { // ICRP
		{pptpFNum, 0, 2, "CALL_ID"}, {pptpFNum, 2, 2, "PEER_CALL_ID"},
		{pptpFNum, 4, 1, "RESULT_CODE"}, {pptpFNum, 5, 1, "ERR_CODE"},
		{pptpFNum, 6, 2, "RECV_WIN"}, {pptpFNum, 8, 2, "PROC_DELAY"},
		{pptpFRes, 10, 2, ""},
	},
	11: { // ICCN
		{pptpFNum, 0, 2, "PEER_CALL_ID"}, {pptpFRes, 2, 2, ""},
		{pptpFNum, 4, 4, "CONN_SPEED"}, {pptpFNum, 8, 2, "RECV_WIN"},
		{pptpFNum, 10, 2, "PROC_DELAY"}, {pptpFFrameType, 12, 4, ""},
	},
	12: { // CCRQ
		{pptpFNum, 0, 2, "CALL_ID"}, {pptpFRes, 2, 2, ""},
	},
	13: { // CDN
		{pptpFNum, 0, 2, "CALL_ID"}, {pptpFNum, 2, 1, "RESULT_CODE"},
		{pptpFNum, 3, 1, "ERR_CODE"}, {pptpFNum, 4, 2, "CAUSE_CODE"},
		{pptpFRes, 6, 2, ""}, {pptpFStr, 8, 128, "CALL_STATS"},
	},
	14: { // WEN
		{pptpFNum, 0, 2, "PEER_CALL_ID"}, {pptpFRes, 2, 2, ""},
		{pptpFNum, 4, 4, "CRC_ERR"}, {pptpFNum, 8, 4, "FRAMING_ERR"},
		{pptpFNum, 12, 4, "HARDWARE_OVERRUN"}, {pptpFNum, 16, 4, "BUFFER_OVERRUN"},
		{pptpFNum, 20, 4, "TIMEOUT_ERR"}, {pptpFNum, 24, 4, "ALIGN_ERR"},
	},
	15: { // SLI
		{pptpFNum, 0, 2, "PEER_CALL_ID"}, {pptpFRes, 2, 2, ""},
		{pptpFHex32, 4, 4, "SEND_ACCM"}, {pptpFHex32, 8, 4, "RECV_ACCM"},
	},
}

// printPPTP appends what tcp_print prints after ", length N" for TCP port
// 1723 (pptp_print prints its own ": ").
func printPPTP(b []byte, data []byte, length int) []byte {
	b = append(b, ": pptp"...)
	w := pptpW{data: data, b: b}
	mc, ok := w.u32(4)
	if !ok {
		return appendTrunc(w.b, "pptp")
	}
	if mc != 0x1a2b3c4d {
		w.b = append(w.b, " UNEXPECTED Magic-Cookie!!("...)
		w.b = appendHexPad(w.b, uint64(mc), 8)
		w.b = append(w.b, ") Magic-Cookie="...)
		w.b = appendHexPad(w.b, uint64(mc), 8)
	}
	t, ok := w.u16(8)
	if !ok {
		return appendTrunc(w.b, "pptp")
	}
	if t < 16 {
		w.b = append(w.b, " CTRL_MSGTYPE="...)
		w.b = append(w.b, pptpMsgTypes[t]...)
	} else {
		w.b = append(w.b, " UNKNOWN_CTRL_MSGTYPE("...)
		w.b = appendUint(w.b, uint64(t))
		w.b = append(w.b, ')')
	}
	if !w.reserved(10, 2) {
		return appendTrunc(w.b, "pptp")
	}
	if t >= 16 {
		return w.b
	}
	const body = 12
	for _, f := range pptpLayouts[t] {
		off := body + f.off
		ok := true
		switch f.kind {
		case pptpFNum:
			ok = w.num(f.label, off, f.size)
		case pptpFRes:
			ok = w.reserved(off, f.size)
		case pptpFStr:
			ok = w.str(f.label, off, f.size)
		case pptpFStrLen:
			var n uint32
			n, ok = w.u16(body + f.size)
			if ok {
				if n > 64 {
					n = 64
				}
				ok = w.str(f.label, off, int(n))
			}
		case pptpFVer:
			ok = w.protoVer(off)
		case pptpFFrameCap:
			ok = w.framingCap(off)
		case pptpFBearCap:
			ok = w.bearerCap(off)
		case pptpFBearType:
			ok = w.tok("BEARER_TYPE", off, pptpBearerTypes)
		case pptpFFrameType:
			ok = w.tok("FRAME_TYPE", off, pptpFramingTypes)
		case pptpFHex32:
			var v uint32
			v, ok = w.u32(off)
			if ok {
				w.b = append(w.b, ' ')
				w.b = append(w.b, f.label...)
				w.b = append(w.b, "(0x"...)
				w.b = appendHexPad(w.b, uint64(v), 8)
				w.b = append(w.b, ')')
			}
		}
		if !ok {
			return appendTrunc(w.b, "pptp")
		}
	}
	return w.b
}
