package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var beepCases = []ndCase{
	{"36ef4dee7b791573283731133a1681d44bb13a19c77251fa57b4cb57a6241907", 32, false, " BEEP (payload or undecoded)"},
	{"4e554c20d4658dcce12c036d", 12, false, " BEEP NUL"},
	{"53455120a003ee7845a04c", 11, false, " BEEP SEQ"},
	{"45525220a37f4f50827fd20f", 12, false, " BEEP ERR"},
	{"525059202369", 9, false, " BEEP RPY"},
	{"414e5320a7d987d3b5", 9, false, " BEEP ANS"},
	{"454e440005a1c81ae4", 9, false, " BEEP END"},
	{"4d53470047e8", 6, false, " BEEP MSG"},
}

func TestBEEP(t *testing.T) {
	runNDCases(t, beepCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printBEEP(b, data, length)
	})
}
