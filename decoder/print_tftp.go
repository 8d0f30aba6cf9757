package decoder

// TFTP (UDP port 69), tcpdump's tftp_print.

var tftpOpNames = [7]string{"", "RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK"}

var tftpErrNames = [8]string{
	"EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE",
	"EBADOP", "EBADID", "EEXISTS", "ENOUSER",
}

// tftpPrintZ is nd_printztn: it prints the NUL-terminated string at
// data[off:], at most n bytes, escaped, and returns the number of bytes
// used including the NUL, or 0 when no NUL came before n bytes or the end
// of the capture (what it printed stays).
func tftpPrintZ(b []byte, data []byte, off, n int) ([]byte, int) {
	lim := len(data)
	if n >= 0 && n < lim-off {
		lim = off + n
	}
	start := off
	for off < lim {
		// A run of printable bytes (the NUL is not one) goes in one
		// piece.
		k := printableRun(data[off:lim])
		b = append(b, data[off:off+k]...)
		off += k
		if off >= lim {
			break
		}
		c := data[off]
		off++
		if c == 0 {
			return b, off - start
		}
		b = appendEscChar(b, c)
	}
	return b, 0
}

// printTFTP appends "TFTP, length N, OP ...".
func printTFTP(b []byte, data []byte, length int) []byte {
	n := int(uint32(length))
	b = append(b, "TFTP, length "...)
	b = appendUint(b, uint64(uint32(length)))
	if n < 2 || len(data) < 2 {
		return appendTrunc(b, "tftp")
	}
	opcode := int(be16(data))
	if opcode < 1 || opcode >= len(tftpOpNames) {
		b = append(b, ", tftp-#"...)
		return appendUint(b, uint64(opcode))
	}
	b = append(b, ", "...)
	b = append(b, tftpOpNames[opcode]...)
	off := 2
	n -= 2
	var ui int
	switch opcode {
	case 1, 2: // RRQ, WRQ
		if n == 0 {
			return appendTrunc(b, "tftp")
		}
		b = append(b, ' ', '"')
		b, ui = tftpPrintZ(b, data, off, n)
		b = append(b, '"')
		if ui == 0 {
			return appendTrunc(b, "tftp")
		}
		off += ui
		n -= ui
		if n == 0 {
			return appendTrunc(b, "tftp") // no mode
		}
		b = append(b, ' ')
		b, ui = tftpPrintZ(b, data, off, n)
		if ui == 0 {
			return appendTrunc(b, "tftp")
		}
		off += ui
		n -= ui
		return tftpOptions(b, data, off, n)
	case 6: // OACK
		return tftpOptions(b, data, off, n)
	case 3, 4: // DATA, ACK
		if n < 2 || len(data) < off+2 {
			return appendTrunc(b, "tftp")
		}
		b = append(b, " block "...)
		return appendUint(b, uint64(be16(data[off:])))
	default: // 5, ERROR
		if n < 2 || len(data) < off+2 {
			return appendTrunc(b, "tftp")
		}
		code := int(be16(data[off:]))
		b = append(b, ' ')
		if code < len(tftpErrNames) {
			b = append(b, tftpErrNames[code]...)
		} else {
			b = append(b, "tftp-err-#"...)
			b = appendUint(b, uint64(code))
			b = append(b, ' ', '"')
		}
		off += 2
		n -= 2
		if n == 0 {
			return appendTrunc(b, "tftp") // no error message
		}
		b = append(b, ' ', '"')
		b, ui = tftpPrintZ(b, data, off, n)
		b = append(b, '"')
		if ui == 0 {
			return appendTrunc(b, "tftp")
		}
		return b
	}
}

// tftpOptions prints the NUL-terminated option strings of RRQ/WRQ/OACK,
// each after a space unless it is empty.
func tftpOptions(b []byte, data []byte, off, n int) []byte {
	var ui int
	for n != 0 {
		if off >= len(data) {
			return appendTrunc(b, "tftp")
		}
		if data[off] != 0 {
			b = append(b, ' ')
		}
		b, ui = tftpPrintZ(b, data, off, n)
		if ui == 0 {
			return appendTrunc(b, "tftp")
		}
		off += ui
		n -= ui
	}
	return b
}
