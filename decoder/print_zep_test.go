package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP). Records with an 802.15.4 frame or a timestamp are left out.
var zepCases = []ndCase{
	{"cbacff2f", 4, true, "ZEP [Preamble Code: M-KM-,] (invalid)"},
	{"4558020b74e2a411", 8, true, "ZEPv2  [len 8 < 32] (invalid)"},
	{"455803024a95c4d4", 8, false, "ZEPv3 ACK, seq# = 1251329236"},
	{"45580158a1ab0122bf28526a258fe400", 16, false, "ZEPv1 Channel ID 88, Device ID 0xa1ab, CRC, inner len = 0"},
	{"45580302baab1cff", 8, false, "ZEPv3 ACK, seq# = 3131776255"},
	{"04b8e1d2", 6, false, "ZEP [Preamble Code: ^DM-8] (invalid)"},
	{"455801e5a804009bd247628e17539e00", 16, false, "ZEPv1 Channel ID 229, Device ID 0xa804, LQI 155, inner len = 0"},
	{"", 0, false, "ZEP [|zep]"},
	{"4558020139c8d701ad000000000000000059ca88f3d07470c97c4323b3d6fc0077b72e", 35, false, "ZEPv2 Type 1, Channel ID 57, Device ID 0xc8d7, CRC, 0.000000000, seq# = 1506445555, inner len = 0\n\t0x0000:  77b7 2e                                  w.."},
	{"9a580301bb1eb101ae0000000000000000510583cba20640c814894526c7e200d980cf", 35, false, "ZEP [Preamble Code: M-^ZX] (invalid)"},
	{"4558030108af0800660000000000000000847525dabcbd613602c8ce8db4", 30, false, "ZEPv3  [len 30 < 32] (invalid)"},
	{"76b61dba", 4, false, "ZEP [Preamble Code: vM-6] (invalid)"},
	{"4558030293510ca1", 8, false, "ZEPv3 ACK, seq# = 2471562401"},
	{"ace3d4aa37", 5, false, "ZEP [Preamble Code: M-,M-c] (invalid)"},
	{"6f69dde9a97ab614ef1092ec62a28d9f0aafb4a6", 20, false, "ZEP [Preamble Code: oi] (invalid)"},
	{"4558030148672301fe0000000000000000f9efa3", 31, false, "ZEPv3  [len 31 < 32] (invalid)"},
	{"9fd09ff9b779d577abd02e89335410e43288da7fd8a608c38586993a36fdd3fe", 32, false, "ZEP [Preamble Code: M-^_M-P] (invalid)"},
	{"8a", 1, true, "ZEP [Preamble Code: M-^J [|zep]"},
	{"b1258666d451dc4a", 8, false, "ZEP [Preamble Code: M-1%] (invalid)"},
	{"45580201b1dd31000e000000000000000077a97a66532b521f9980aab2d8be00", 29, false, "ZEPv2  [len 29 < 32] (invalid)"},
	{"e54a33c5d8ca810a28390c7c", 11, false, "ZEP [Preamble Code: M-eJ] (invalid)"},
	{"4558020234cfd0", 7, true, "ZEPv2  [len 7 < 8] (invalid)"},
	{"b4de8844927f23871d0bdd90f3d8df225e6d11dbd4b5b54b5b73751ebb22e4a46f70834fc336f400", 40, false, "ZEP [Preamble Code: M-4M-^] (invalid)"},
	{"45580194ab67015cfbd5690ab335", 14, false, "ZEPv1  [len 14 < 16] (invalid)"},
	{"78de37f9be", 5, false, "ZEP [Preamble Code: xM-^] (invalid)"},
}

func TestZEP(t *testing.T) {
	runNDCases(t, zepCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printZEP(b, data, length)
	})
}
