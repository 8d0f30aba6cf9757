package decoder

// Telnet option negotiation (tcpdump's print-telnet.c): a run of IAC
// commands at the start of the payload prints as
// " [telnet DO TERMINAL TYPE, DO TSPEED, WILL ECHO]".

const (
	telIAC  = 255
	telSB   = 250
	telSE   = 240
	telCmd0 = 236 // TELCMD_FIRST (xEOF)
)

// telnetCmds is telcmds[] indexed by command - 236.
var telnetCmds = [...]string{
	"EOF", "SUSP", "ABORT", "EOR",
	"SE", "NOP", "DMARK", "BRK", "IP", "AO", "AYT", "EC",
	"EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
}

// telnetOpts is telopts[] (options 0-39, NTELOPTS = 40).
var telnetOpts = [...]string{
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME",
	"STATUS", "TIMING MARK", "RCTE", "NAOL", "NAOP",
	"NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
	"NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO",
	"DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT",
	"SEND LOCATION", "TERMINAL TYPE", "END OF RECORD",
	"TACACS UID", "OUTPUT MARKING", "TTYLOC",
	"3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW",
	"LINEMODE", "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION",
	"ENCRYPT", "NEW-ENVIRON",
}

// Sub-option qualifier tables; "" marks tcpdump's NULL entries.
var (
	telnetSubCmds  = [...]string{"IS", "SEND", "INFO"}
	telnetAuthCmds = [...]string{"IS", "SEND", "REPLY", "NAME"}
	telnetAuthType = [...]string{
		"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK",
		"SRP", "RSA", "SSL", "", "",
		"LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS",
		"NTLM",
	}
	telnetEncCmds = [...]string{
		"IS", "SUPPORT", "REPLY", "START", "END",
		"REQUEST-START", "REQUEST-END", "END_KEYID", "DEC_KEYID",
	}
	telnetEncType = [...]string{
		"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64",
		"", "CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64",
	}
)

// telnetAppendAltHex appends x as C's "%#x" (0 prints as "0").
func telnetAppendAltHex(b []byte, x uint64) []byte {
	if x == 0 {
		return append(b, '0')
	}
	b = append(b, '0', 'x')
	return appendHex(b, x)
}

// telnetStrOrID is STR_OR_ID: the table entry, or "%#x" of the value.
func telnetStrOrID(b []byte, x byte, tab []string) []byte {
	if int(x) < len(tab) && tab[x] != "" {
		return append(b, tab[x]...)
	}
	return telnetAppendAltHex(b, uint64(x))
}

// telnetParse is telnet_parse: it walks one command starting at the IAC
// at data[sp] with length bytes left, appending its text when print is
// set. It returns the bytes used (n < 0: not a command, stop the run) and
// trunc when a byte past the capture had to be read (tcpdump longjmps).
func telnetParse(b []byte, data []byte, sp, length int, print bool) (_ []byte, n int, trunc bool) {
	osp := sp
	fetch := func() (c int, end, tr bool) {
		if length < 1 {
			return 0, true, false
		}
		if sp >= len(data) {
			return 0, false, true
		}
		c = int(data[sp])
		sp++
		length--
		return c, false, false
	}
	c, end, tr := fetch()
	if tr {
		return b, 0, true
	}
	if end || c != telIAC {
		return b, -1, false
	}
	c, end, tr = fetch()
	if tr {
		return b, 0, true
	}
	if end {
		return b, -1, false
	}
	if c == telIAC {
		if print {
			b = append(b, "IAC IAC"...)
		}
		return b, sp - osp, false
	}
	i := c - telCmd0
	if i < 0 || i > telIAC-telCmd0 {
		return b, -1, false
	}
	switch c {
	case 254, 253, 252, 251, telSB: // DONT, DO, WONT, WILL, SB
		x, end, tr := fetch()
		if tr {
			return b, 0, true
		}
		if end {
			return b, -1, false
		}
		if print {
			b = append(b, telnetCmds[i]...)
			b = append(b, ' ')
			if x < len(telnetOpts) {
				b = append(b, telnetOpts[x]...)
			} else {
				b = telnetAppendAltHex(b, uint64(x))
			}
		}
		if c != telSB {
			break
		}
		// IAC SB ... IAC SE: find the IAC SE within the bytes left.
		p := sp
		for length > p+1-sp {
			if p >= len(data) {
				return b, 0, true
			}
			if data[p] == telIAC {
				if p+1 >= len(data) {
					return b, 0, true
				}
				if data[p+1] == telSE {
					break
				}
			}
			p++
		}
		if p >= len(data) {
			return b, 0, true
		}
		if data[p] != telIAC {
			return b, -1, false
		}
		var t1, t2 []string
		switch x {
		case 37: // AUTHENTICATION
			t1, t2 = telnetAuthCmds[:], telnetAuthType[:]
		case 38: // ENCRYPT
			t1, t2 = telnetEncCmds[:], telnetEncType[:]
		default:
			t1 = telnetSubCmds[:]
		}
		for _, tab := range [2][]string{t1, t2} {
			if tab == nil || p <= sp {
				break
			}
			q, end, tr := fetch()
			if tr {
				return b, 0, true
			}
			if end {
				return b, -1, false
			}
			if print {
				b = append(b, ' ')
				b = telnetStrOrID(b, byte(q), tab)
			}
		}
		for p > sp {
			q, end, tr := fetch()
			if tr {
				return b, 0, true
			}
			if end {
				return b, -1, false
			}
			if print {
				b = append(b, ' ')
				b = telnetAppendAltHex(b, uint64(q))
			}
		}
		if print {
			b = append(b, " SE"...)
		}
		sp += 2 // the terminating IAC SE (length is not reduced)
	default:
		if print {
			b = append(b, telnetCmds[i]...)
		}
	}
	return b, sp - osp, false
}

// printTelnet appends what tcp_print prints after ", length N" for TCP
// port 23 (no ": "): " [telnet CMD, CMD]" for a run of IAC commands at
// the start of the payload, nothing for other data. A command cut by the
// capture ends the text with " [|telnet]" (and no closing bracket).
func printTelnet(b []byte, data []byte, length int) []byte {
	first := true
	sp := 0
	// tcpdump keeps length unsigned; a command that overruns it (IAC SE
	// counted past the end) wraps it, so the next read is past the data.
	ulen := uint32(length)
	for ulen > 0 {
		if sp >= len(data) {
			return appendTrunc(b, "telnet")
		}
		if data[sp] != telIAC {
			break
		}
		l := int(ulen)
		if ulen > 1<<30 {
			l = 1 << 30
		}
		if c := data[min(sp+1, len(data)-1)]; l >= 3 && sp+2 < len(data) && c >= 251 && c <= 254 {
			// IAC WILL/WONT/DO/DONT option, the usual command: what
			// telnet_parse prints for it, without its two walks.
			if first {
				b = append(b, " [telnet "...)
			} else {
				b = append(b, ", "...)
			}
			b = append(b, telnetCmds[c-telCmd0]...)
			b = append(b, ' ')
			if x := data[sp+2]; int(x) < len(telnetOpts) {
				b = append(b, telnetOpts[x]...)
			} else {
				b = telnetAppendAltHex(b, uint64(x))
			}
			first = false
			sp += 3
			ulen -= 3
			continue
		}
		_, n, tr := telnetParse(nil, data, sp, l, false)
		if tr {
			return appendTrunc(b, "telnet")
		}
		if n < 0 {
			break
		}
		if first {
			b = append(b, " [telnet "...)
		} else {
			b = append(b, ", "...)
		}
		b, _, _ = telnetParse(b, data, sp, l, true)
		first = false
		sp += n
		ulen -= uint32(n)
	}
	if !first {
		b = append(b, ']')
	}
	return b
}
