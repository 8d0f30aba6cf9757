package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var vatCases = []ndCase{
	{"00be3644fddca438e9dc8201efbb06", 15, false, "udp/vt 15 190 / 0"},
	{"8e7fc10261e00a0f7c85", 10, false, "udp/vt 10 639 / 35"},
	{"40c1cc0d7cf7aeb9", 8, false, "udp/vt 8 193 / 16"},
	{"1f2a7b5765da47c1cdb42a13e9b593be", 13, false, "udp/vt 13 810 / 7"},
	{"0032", 2, false, "udp/vt 2 50 / 0"},
	{"cbf4709c08204bfc3bb8849e9b463646e913e4f0a6be4007678921ec9106880bcd3932a4e52effaf1660561c3b153c9c66524c746f2db4de8844927f23871d0bdd90f3d8df225e", 71, false, "udp/vt 71 1012 / 50"},
	{"975f4cfea917a5ec79d110e0527171ca334e74b10addeee347f05b0d", 28, false, "udp/vt 28 863 / 37"},
	{"00e7e0cc061b9968937d8ba381b1258666d451dc4a", 21, false, "udp/vt 21 231 / 0"},
	{"40f25f775c95e3e8907d059bf0", 13, false, "udp/vt 13 242 / 16"},
	{"00551b7f15b81fb54173769ad819a6403b737b", 19, false, "udp/vt 19 85 / 0"},
	{"7f66", 2, false, "udp/vt 2 870 / 31"},
	{"5b731e54d2e8006517cb25cd024873ccad6a34c7a2102767b3b415da", 28, false, "udp/vt 28 883 / 22"},
	{"00fd75d8fdb9e2790b5958ee5f75", 14, false, "udp/vt 14 253 / 0"},
	{"00cf2041adf3fcbcdd", 9, false, "udp/vt 9 207 / 0"},
	{"40b551d129b5", 8, false, "udp/vt 8 181 / 16"},
	{"00caa4da1e98406c189c24279e9851d581420413", 20, false, "udp/vt 20 202 / 0"},
	{"000a745547d3b05ff9e5a92b37c41ab3306ee6d7dd", 21, false, "udp/vat 13 c29781 1205055583 f10"},
	{"00906a417090362d74d96d99fca6c0681b9e996b7c", 21, true, "udp/vat 13 c27201 1888499245* f16"},
	{"7fa7777f6f9f9ca59a02", 40, false, "udp/vt 40 935 / 31"},
	{"009a85ea2a1b35899e6cda667d8e2fd5c893", 18, false, "udp/vat 10 c34282 706426249* f26"},
}

func TestVAT(t *testing.T) {
	runNDCases(t, vatCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printVAT(b, data, length)
	})
}
