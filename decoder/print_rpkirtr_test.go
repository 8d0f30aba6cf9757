package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var rpkiCases = []ndCase{
	{"baf3594800599d5a4c6a447c", 12, false, ", RPKI-RTR"},
}

func TestRPKIRTR(t *testing.T) {
	runNDCases(t, rpkiCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printRPKIRTR(b, data, length)
	})
}
