package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var ldptcpCases = []ndCase{
	{"0001000425dabcbd0000", 10, false, ""},
	{"bf41882d64a208b3d02c6c1409e59c7909c6e959e11104429bf4f711e77e642406", 33, false, "LDP version 48961 packet not supported"},
	{"47daf72e8d337037dacf483ae16e526e8bbba7b1", 20, false, "LDP version 18394 packet not supported"},
	{"0001001a134866d4000270912924879de6fd8b", 19, false, "LDP, Label-Space-ID: 19.72.102.212:2, pdu-length: 26"},
	{"0001000621a6312e0002752eaa427cb378887d", 19, false, "LDP, Label-Space-ID: 33.166.49.46:2, pdu-length: 6"},
	{"000100646bdb06e900017c35561ac35308fdf8bcda0edfc779041666a112", 30, false, "LDP, Label-Space-ID: 107.219.6.233:1, pdu-length: 100"},
	{"0001001aece997cc0001c4f9280a4ca121b81b", 19, false, "LDP, Label-Space-ID: 236.233.151.204:1, pdu-length: 26"},
	{"2460115ab7df866b526bcf5e597aed4990a552a3907b6355901048420ddf1ab3", 32, false, "LDP version 9312 packet not supported"},
	{"a24aa75af114ae6a3e4475b95e24eec7b1a59b95e8406280", 24, false, "LDP version 41546 packet not supported"},
	{"00010005298f2de5000074c79d15a75fa29b7d", 19, false, "LDP, pdu-length: 5 (too short, < 6)"},
	{"18020004a88f45860001042be2e2b1f891c799", 19, false, "LDP version 6146 packet not supported"},
	{"0002001ada9ba24c000221b8d4c80c3a120733", 19, false, "LDP version 2 packet not supported"},
	{"000100062ba35df40000659155e7390e34819c", 19, false, "LDP, Label-Space-ID: 43.163.93.244:0, pdu-length: 6"},
	{"0002006493e193", 30, false, " [|ldp]"},
	{"0001001ab2668ef6000049a252c96a9882eae0455e5950ffd0a656", 30, false, "LDP, Label-Space-ID: 178.102.142.246:0, pdu-length: 26"},
}

func TestLDPTCP(t *testing.T) {
	runNDCases(t, ldptcpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLDP(b, data, length)
	})
}

var ldpudpCases = []ndCase{
	{"0001001a0d257bcf000212657d7aafdea51b", 18, false, ""},
	{"66d9238825805a314d1e", 24, false, "LDP version 26329 packet not supported"},
	{"11cec0e44755fd5eca5a27aa655550c1e35d64fde99447d97ef5c543", 28, false, "LDP version 4558 packet not supported"},
	{"0001000461060a110000f3dc6ff8a8595664b0", 19, false, "LDP, pdu-length: 4 (too short, < 6)"},
	{"00010006dbbc72e30002aa5d1a18bced52eebfb44fea66f4906a41709036", 30, false, "LDP, Label-Space-ID: 219.188.114.227:2, pdu-length: 6"},
	{"00010005e2e51ce80002003f985c255e7ab9e5bb944c8e3442fa", 30, true, "LDP, pdu-length: 5 (too short, < 6)"},
	{"00020006bd851bf20001c13424f79515e7378e590ef5116afb0ffcacfa96", 30, false, "LDP version 2 packet not supported"},
	{"000100055cc44fae00", 29, false, " [|ldp]"},
	{"000100064abef3ef0002e3ce2913b542a7f9d301b23e1fb37f681ac395ce", 30, true, "LDP, Label-Space-ID: 74.190.243.239:2, pdu-length: 6"},
	{"00010064d3f68fd900001dcd2824daa04e30949286770240d7922cb0a047", 30, false, "LDP, Label-Space-ID: 211.246.143.217:0, pdu-length: 100"},
	{"00010064115909e100024badcd", 30, false, "LDP, Label-Space-ID: 17.89.9.225:2, pdu-length: 100"},
	{"000100641fedcfc800002c34acca99d7feeea0", 19, false, "LDP, Label-Space-ID: 31.237.207.200:0, pdu-length: 100"},
	{"01a7d966c768bb1eb188ae510583cba20640c8149b45c7c7e24da6d980cf2089", 32, true, "LDP version 423 packet not supported"},
	{"b7c0390679fac586882b53c9321a6cb05c59943b7707d693504a44a7613eabfc", 32, true, "LDP version 47040 packet not supported"},
	{"000100066328757900019b033d61024499a5a24d0c3b86b69540cdeea448", 30, false, "LDP, Label-Space-ID: 99.40.117.121:1, pdu-length: 6"},
}

func TestLDPUDP(t *testing.T) {
	runNDCases(t, ldpudpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLDP(b, data, length)
	})
}
