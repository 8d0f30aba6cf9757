package decoder

// RPKI-RTR (print-rpki-rtr.c), TCP port 323: without -v tcpdump prints
// only the protocol name.

// printRPKIRTR is rpki_rtr_print, appended after ", length N" of the TCP
// line: ", RPKI-RTR".
func printRPKIRTR(b []byte, _ []byte, _ int) []byte {
	return append(b, ", RPKI-RTR"...)
}
