package decoder

// RTSP (tcpdump's print-rtsp.c), printed like HTTP.

var rtspCmds = newTxtCmdSet(
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
	"RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN",
)

// printRTSP appends what tcp_print prints after ", length N" for TCP port
// 554 or 8554 (tcp_print's ": " included).
func printRTSP(b []byte, data []byte, length int) []byte {
	b = append(b, ':', ' ')
	return txtprotoPrint(b, data, length, "RTSP", "rtsp", rtspCmds, true)
}
