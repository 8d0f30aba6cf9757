package decoder

// WHOIS (tcpdump's print-whois.c): every first line is printed if
// printable.

// printWHOIS appends what tcp_print prints after ", length N" for TCP port
// 43 (tcp_print's ": " included).
func printWHOIS(b []byte, data []byte, length int) []byte {
	b = append(b, ':', ' ')
	return txtprotoPrint(b, data, length, "WHOIS", "whois", nil, false)
}
