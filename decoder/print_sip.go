package decoder

// SIP (tcpdump's print-sip.c), a text protocol carried over UDP 5060.

var sipCmds = newTxtCmdSet(
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY",
	"OPTIONS", "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK",
	"SUBSCRIBE", "UPDATE", "PUBLISH",
)

// printSIP appends what udp_print prints after "SRC.SPORT > DST.DPORT: "
// for UDP port 5060: "SIP" and, for a request or a response with a
// 3-digit status as second token, ": " and the first line.
func printSIP(b []byte, data []byte, length int) []byte {
	return txtprotoPrint(b, data, length, "SIP", "sip", sipCmds, true)
}
