package decoder

// SSH (tcpdump's print-ssh.c): only the version banner is printed.

// printSSH appends what tcp_print prints after ", length N" for TCP port
// 22 (ssh_print prints its own ": "): ": SSH: " and the banner line when
// the payload starts with "SSH-" and the line is printable ASCII (no TAB)
// ended by LF or CR LF within length; otherwise nothing. Reading past the
// captured bytes before that is decided gives " [|ssh]".
func printSSH(b []byte, data []byte, length int) []byte {
	const magic = "SSH-"
	for i := 0; i < len(magic); i++ {
		if i >= len(data) {
			return appendTrunc(b, "ssh")
		}
		if data[i] != magic[i] {
			return b
		}
	}
	idx := len(magic)
	lim := max(min(length, len(data)), idx)
	for idx < length {
		idx += printableRun(data[idx:lim]) // no TAB: it stops the run too
		if idx >= lim {
			if idx < length {
				return appendTrunc(b, "ssh")
			}
			break
		}
		c := data[idx]
		if c == '\n' {
			break
		}
		if c == '\r' {
			if idx+1 >= length {
				return b
			}
			if idx+1 >= len(data) {
				return appendTrunc(b, "ssh")
			}
			if data[idx+1] == '\n' {
				break
			}
		}
		return b
	}
	if idx >= length {
		return b // no line ending in this packet
	}
	b = append(b, ": SSH: "...)
	return append(b, data[:idx]...)
}
