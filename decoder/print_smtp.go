package decoder

// SMTP (tcpdump's print-smtp.c): every first line is printed if printable.

// printSMTP appends what tcp_print prints after ", length N" for TCP port
// 25 (tcp_print's ": " included).
func printSMTP(b []byte, data []byte, length int) []byte {
	b = append(b, ':', ' ')
	return txtprotoPrint(b, data, length, "SMTP", "smtp", nil, false)
}
