package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var ahcpCases = []ndCase{
	{"2b01b98aeec776a179de51305738e05a410a", 30, false, "AHCP Version 1 [|ahcp]"},
	{"2b01a2a6a723e78ff5e8bac2", 12, false, "AHCP Version 1 (invalid)"},
	{"2b02791d8987c00b42b6fad343d3026a92b3e68c0f5bad4d0200000288a290", 31, true, "AHCP Version 2 (unknown)"},
	{"2bab2796b1dfaa1b4870a9ad", 12, false, "AHCP Version 171 (unknown)"},
	{"733d", 2, false, "AHCP (invalid)"},
	{"2a01c40e823d92840c89a65c70962957e9becce7f134fa2a000000", 28, false, "AHCP (invalid) [|ahcp]"},
	{"2b0170cb56f280ce5a65c30f65a2aa28abc9276caa826d990000000399da51711133f3", 35, false, "AHCP Version 1"},
	{"2b1b868dcc3c46cd8c692ad6", 12, false, "AHCP Version 27 (unknown)"},
	{"2b30", 2, false, "AHCP Version 48 (unknown)"},
	{"2b0255f922bf8b178dac848a82bc21df3a6839650a31777f02", 35, false, "AHCP Version 2 (unknown) [|ahcp]"},
	{"2b0702736939a7bfb59725bf4e1a22ef87b36a5b7f4ceee0", 24, false, "AHCP Version 7 (unknown)"},
	{"", 28, false, "AHCP [|ahcp]"},
	{"2b9455ec445f6761cae82e2341f5b0851085615a52ed50ddd54c780095111e58cde3496fef6535403783970db6a19110", 48, false, "AHCP Version 148 (unknown)"},
	{"2bea", 2, false, "AHCP Version 234 (unknown)"},
	{"2b2111c41d85a04285c23b9b30d97d69a9ad40f63542e50f01000004bdc7a6", 31, false, "AHCP Version 33 (unknown)"},
	{"2b01", 12, false, "AHCP Version 1 (invalid) [|ahcp]"},
	{"2bdcc0d0bffed4a2e256e068", 12, true, "AHCP Version 220 (unknown)"},
	{"2b9d", 2, true, "AHCP Version 157 (unknown)"},
	{"2bd3", 2, false, "AHCP Version 211 (unknown)"},
	{"2bf34b7187fa920042ace3d4aa374e69bd51e5ecbad632e1020000061403b4c03263b25e15", 37, false, "AHCP Version 243 (unknown)"},
}

func TestAHCP(t *testing.T) {
	runNDCases(t, ahcpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printAHCP(b, data, length)
	})
}
