package decoder

// FTP (tcpdump's print-ftp.c): every first line is printed if printable.

// printFTP appends what tcp_print prints after ", length N" for TCP port
// 21 (tcp_print's ": " included): ": FTP" and ": " plus the first line.
func printFTP(b []byte, data []byte, length int) []byte {
	b = append(b, ':', ' ')
	return txtprotoPrint(b, data, length, "FTP", "ftp", nil, false)
}
