package decoder

// NTP (UDP port 123), tcpdump's ntp_print at default verbosity: the
// version, the mode name and the UDP payload length, nothing else.

var ntpModeNames = [8]string{
	"unspecified",
	"symmetric active",
	"symmetric passive",
	"Client",
	"Server",
	"Broadcast",
	"Control Message",
	"Reserved",
}

// printNTP appends "NTPvV, MODE, length N", or " [|ntp]" when not even
// the first byte was captured.
func printNTP(b []byte, data []byte, length int) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "ntp")
	}
	status := data[0]
	b = append(b, "NTPv"...)
	b = appendUint(b, uint64(status>>3&7))
	b = append(b, ", "...)
	b = append(b, ntpModeNames[status&7]...)
	b = append(b, ", length "...)
	return appendUint(b, uint64(uint32(length)))
}
