package decoder

// HTTP (tcpdump's print-http.c): a text protocol whose first line is
// printed only for a known request method or a 3-digit status code in the
// second token. Includes the WebDAV methods.

var httpCmds = newTxtCmdSet(
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST",
	"BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE",
	"SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE",
	"CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST",
	"SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT",
	"MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
	"VERSION-CONTROL", "BASELINE-CONTROL",
)

// printHTTP appends what tcp_print prints after ", length N" for TCP port
// 80 or 8080 (tcp_print's ": " included): ": HTTP" and, for a request or
// response line, ": " and that line.
func printHTTP(b []byte, data []byte, length int) []byte {
	b = append(b, ':', ' ')
	return txtprotoPrint(b, data, length, "HTTP", "http", httpCmds, true)
}
