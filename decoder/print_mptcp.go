package decoder

var mptcpSubtypes = [...]string{
	"capable", "join", "dss", "add-addr", "remove-addr", "prio", "fail",
	"fast-close", "tcprst", "unknown",
}

// appendMPTCP appends the MPTCP option opt (kind and length bytes
// included). It prints the length and the subtype name; the subtype's
// details are not decoded yet.
func appendMPTCP(b []byte, opt []byte, flags uint8) ([]byte, bool) {
	if len(opt) < 3 {
		return b, false
	}
	sub := int(opt[2] >> 4)
	if sub >= len(mptcpSubtypes) {
		sub = len(mptcpSubtypes) - 1
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(len(opt)))
	b = append(b, ' ')
	b = append(b, mptcpSubtypes[sub]...)
	return b, true
}
