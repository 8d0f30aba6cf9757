package decoder

// RIP (UDP port 520), tcpdump's rip_print at default verbosity: version,
// command and length. This follows rip_print after 4.99.5's "RIP: Make a
// couple trivial protocol updates": every version, 0 included, gets the
// same line, and commands 6-11 carry their RFC 2091 names (4.99.3 instead
// hex-dumps version 0 and calls 5 and 6 "Poll" and "Poll Entry").

var ripCmdNames = [12]string{
	"", "Request", "Response", "Trace on", "Trace off", "",
	"Triggered Request", "Triggered Response", "Triggered Acknowledgement",
	"Update Request", "Update Response", "Update Acknowledge",
}

// printRIP appends "RIPvV, COMMAND, length: N", or " [|rip]" when fewer
// than 4 bytes are both captured and within length.
func printRIP(b []byte, data []byte, length int) []byte {
	avail := len(data)
	if uint32(length) < uint32(avail) {
		avail = int(uint32(length))
	}
	if avail < 4 {
		return appendTrunc(b, "rip")
	}
	b = append(b, "RIPv"...)
	b = appendUint(b, uint64(data[1]))
	b = append(b, ", "...)
	cmd := int(data[0])
	if cmd < len(ripCmdNames) && ripCmdNames[cmd] != "" {
		b = append(b, ripCmdNames[cmd]...)
	} else {
		b = append(b, "unknown command ("...)
		b = appendUint(b, uint64(cmd))
		b = append(b, ')')
	}
	b = append(b, ", length: "...)
	return appendUint(b, uint64(uint32(length)))
}
