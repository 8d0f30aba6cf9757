package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var hncpCases = []ndCase{
	{"07d0000c2daccf5b78f824d6ca6f8200000b0000000800000004000881e5de9c33981b", 35, false, "hncp (35) Future use (x2) [|hncp]"},
	{"07d0000000040008c9bdfa0ff0169dc90004000174066676002b0008b0b4eb8902c44269002c0000", 40, false, "hncp (40) Future use, Network state (x2), Prefix-Policy, Unassigned"},
	{"000500083beb8fc501a473130002000453f1591a000000089bd8e8a1cb0f16c00003000460e4b6c7", 40, false, "hncp (40) Node state, Request node state, Reserved, Node endpoint"},
	{"00210008a6fe72a56891a8c00320000178fad3a6", 20, false, "hncp (20) External-Connection, Private use"},
	{"f35f89019f7543ff1e03", 10, false, "hncp (10) [|hncp]"},
	{"033a61c67896f4deb8cae1e9", 12, false, "hncp (12) [|hncp]"},
	{"84aba4", 3, false, "hncp (3) [|hncp]"},
	{"0000000860e84090c54cacaf", 12, true, "hncp (12) Reserved"},
	{"0005000c4bf91bbbc7d258f451595aed000300086c0a840eba2ca0d600210008f2dc822990f2faea000600049a9743c5000100", 51, false, "hncp (51) Node state, Node endpoint, External-Connection [|hncp]"},
	{"000b0001584872ef", 8, false, "hncp (8) Future use"},
	{"002b0001751f0e5300030003d3f3260e03200008c1233dfbff120e6f002c000878448c9bad50baab002c000c3ffbe4c09f3da2a041c1799f", 56, false, "hncp (56) Prefix-Policy, Node endpoint, Private use, Unassigned (x2)"},
	{"", 0, false, "hncp (0)"},
	{"000000014fd8f3e7", 8, true, "hncp (8) Reserved"},
	{"4f6c9cd39d", 40, false, "hncp (40) [|hncp]"},
	{"07d00000000690045d2e", 20, false, "hncp (20) [|hncp]"},
	{"0020000c684edb5250cd4b32f84b06c30003000c2ccf2eff509de4a746a3ff6700030004126554af", 40, false, "hncp (40) HNCP-Version, Node endpoint (x2)"},
	{"00010008e431d8cf3f0805d137210001cf14499207d0000cd255f0968311c8d24aa557e8002b00084028c985c8fa11940004000c89c68c3f82043d36ef4dee7b", 64, false, "hncp (64) Request network state, Future use (x2), Prefix-Policy, Network state"},
	{"002b0000000500044b2aa234", 12, false, "hncp (12) Prefix-Policy, Node state"},
	{"000089", 36, false, "hncp (36) [|hncp]"},
	{"0008000000010001db8b7be3", 12, true, "hncp (12) Peer, Request network state"},
	{"00010003a648c17200020001fedf4e06002c0008ac25c4f812d09dfc000000043bbd62e6", 36, false, "hncp (36) Request network state, Request node state, Unassigned, Reserved"},
	{"5c62601605", 5, true, "hncp (5) [|hncp]"},
	{"07d000015bba505c00210001e2f9b53100a3000499c966870006000c2def3a1beb89da2b01dbdfcf", 40, true, "hncp (40) Future use, External-Connection, Unassigned, Future use"},
	{"dddeb27f1dc2", 6, false, "hncp (6) [|hncp]"},
	{"000300082d03feb42634df760002000007d0000c14351348bbdb1a691c80e9be002b00047b3c13a500040000", 44, true, "hncp (44) Node endpoint, Request node state, Future use, Prefix-Policy, Network state"},
	{"07d00003e6b9d6de0003000367e6e87c", 16, false, "hncp (16) Future use, Node endpoint"},
	{"000300012817070203200003c49364cc0004000c4d0f07c64a1dc2824228ec9b00000000", 36, false, "hncp (36) Node endpoint, Private use, Network state, Reserved"},
	{"7bce7b0f5e464fa7", 8, false, "hncp (8) [|hncp]"},
	{"07d0000480ce5a65002b000007d00001a2aa28ab002b000000050003826d", 32, false, "hncp (32) Future use, Prefix-Policy, Future use [|hncp]"},
	{"0000000867339c10e04c03ec00020001c2f09679", 20, true, "hncp (20) Reserved, Request node state"},
}

func TestHNCP(t *testing.T) {
	runNDCases(t, hncpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printHNCP(b, data, length)
	})
}
