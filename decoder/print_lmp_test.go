package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var lmpCases = []ndCase{
	{"000001093274833bf4d6cabfb7ee88", 15, false, "LMP version 0 packet not supported"},
	{"2000020db6a5003fe2e6b39cccadfc39c1c36801", 20, false, "LMP version 2 packet not supported"},
	{"10000310a2fa01", 7, true, " [|lmp]"},
	{"1000010ee0cc061b9968937d8ba381b12586", 18, false, "LMPv1 Link Summary Message, length: 18"},
	{"668bede06584f17f455d7aae8b4321454f", 28, false, "LMP version 6 packet not supported"},
	{"1fc46596134971ca08c9fcdf99e36cc4672d4b037cf9a0a1", 24, false, "LMPv1 unknown (150) Message, length: 24"},
	{"1ce8d2003f985c25397ab9e5bb944c8e3442faa976b4131c3c5efee8", 28, false, "LMPv1 unknown (0) Message, length: 28"},
	{"10000033180223eafac6b5d60841550f45287a6679", 21, false, "LMPv1 Service Config ACK Message, length: 21"},
	{"10000335d46575cce1fa036db82a", 13, false, "LMPv1 unknown (53) Message, length: 13"},
	{"e06014c1d2ccda8be2ac0c28f1d652dc525888d3f692b1e9cbc0927ab773870a2586c7528781fb08", 40, false, "LMP version 14 packet not supported"},
	{"100001043eb2fb345a9e31992d3ba4e193e193", 19, false, "LMPv1 Hello Message, length: 19"},
	{"100078130c4b81367783fdff6227", 14, false, "LMPv1 Channel Status Request Message, length: 14"},
	{"c5a5554c334d719aded8", 10, false, "LMP version 12 packet not supported"},
	{"100003e9968180a1336aa2140d0597a3e6c8a0cc20", 21, false, "LMPv1 unknown (233) Message, length: 21"},
	{"81b2c48eef064c42", 8, false, "LMP version 8 packet not supported"},
	{"770d5dbb9a96c1d7ec2565d0", 12, false, "LMP version 7 packet not supported"},
	{"10000105d75414a806a4574bbc7e15d650", 17, false, "LMPv1 Begin Verify Message, length: 17"},
	{"10000107d819a6403b737b23b0", 13, false, "LMPv1 Begin Verify NACK Message, length: 13"},
	{"10008202ca9698bb277a1e0287", 13, false, "LMPv1 Config ACK Message, length: 13"},
	{"bb578a30299976c098459a47983d99336ae1cc320fcaf40396f0f0bc5c6bf4667346dd65bafb74187d3ab922156cdda9d0e6e2ebe5be1468844237d466a73402", 64, false, "LMP version 11 packet not supported"},
}

func TestLMP(t *testing.T) {
	runNDCases(t, lmpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLMP(b, data, length)
	})
}
