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

// ntpPrefix holds "NTPvV, MODE, length " for the low six bits of the
// first byte (version and mode), built once.
var ntpPrefix = func() (t [64]string) {
	for i := range t {
		t[i] = "NTPv" + string(rune('0'+i>>3)) + ", " + ntpModeNames[i&7] + ", length "
	}
	return t
}()

// printNTP appends "NTPvV, MODE, length N", or " [|ntp]" when not even
// the first byte was captured.
func printNTP(b []byte, data []byte, length int) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "ntp")
	}
	b = append(b, ntpPrefix[data[0]&0x3f]...)
	return appendUint(b, uint64(uint32(length)))
}
