package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var msdpCases = []ndCase{
	{"70eef8750bbd9f661c08d209", 12, false, ": msdp [|msdp]"},
	{"03000f00250bc7870c5f978fd627b61e060003", 19, false, ": msdp SA-Response 0 entries [w/data] [len 1536] [|msdp]"},
	{"02000939eff183c30800aa", 11, false, ": msdp SA-Request for 239.241.131.195 [|msdp]"},
	{"030028029b97bbc6260e83af16cc8cdc51c904a0d82baaeeaafb7ae6675dd23e3f82f1226afacef5050004", 43, false, ": msdp SA-Response 2 entries [w/data] [|msdp]"},
	{"01002002d8515baf7a265259c00b6fda781461277ecbee3c18c62d30f5177a06050003", 35, false, ": msdp SA 2 entries Notification"},
	{"060003", 10, false, ": msdp [type=6 len=3] [|msdp]"},
	{"01001100ace3d4aa374e69bd51e5ecba020008e1df8a1403", 24, false, ": msdp SA 0 entries [w/data] [len 2273] [|msdp]"},
	{"03001401959b6639068f6a6e7865ffa2ccf635be", 20, false, ": msdp SA-Response 1 entries"},
	{"040003050002", 6, false, ": msdp Keepalive [|msdp]"},
	{"030014017b1e15a91fa01ee624", 23, false, ": msdp SA-Response 1 entries [|msdp]"},
	{"060008052007ff060007deea6797", 14, false, ": msdp [type=6 len=8] [len 2014] [|msdp]"},
	{"01001301cf1615718c3af3a38e704aef22fb09e2", 20, false, ": msdp SA 1 entries [|msdp]"},
	{"01002002b763a5b46f769b305887db58b8a5666d32ff719d8f6208d287d89b74020008eab0a1bb4e", 40, false, ": msdp SA 2 entries SA-Request for 176.161.187.78"},
	{"01001c0159e79ad02768daa2fbdbc80f3457cf4f826efd46af3450fc", 28, false, ": msdp SA 1 entries [w/data]"},
	{"03001401e2fd56c4142f69a21a9c14d437a54205040007b5de7b2a", 27, false, ": msdp SA-Response 1 entries Keepalive[len=7] "},
	{"050007a8175a73080003", 10, false, ": msdp Notification [type=8 len=3]"},
	{"010014017aa2802e027afdab", 20, false, ": msdp SA 1 entries"},
	{"0500030500066a1f3f34", 10, false, ": msdp Notification Notification [|msdp]"},
	{"03002002a7613eabfc679f14615aa96162d838a7895b019bc3c5ce20a2ac4584", 32, false, ": msdp SA-Response 2 entries"},
	{"020007d2fca767f906000812e87d3a", 15, false, ": msdp SA-Request for 252.167.103.249 [len 1536] [|msdp]"},
	{"060003", 3, false, ": msdp [type=6 len=3]"},
	{"0600078d9f0aaf", 7, false, ": msdp [type=6 len=7]"},
	{"04000729a83d21", 7, false, ": msdp Keepalive[len=7] "},
	{"06000303002802662559c10b70cf0902d4591bcad46151712ee7ab806282c67e95834b88b98d70600b356f", 43, false, ": msdp [type=6 len=3] SA-Response 2 entries [w/data]"},
	{"010008001a6fd8b1", 8, false, ": msdp SA 0 entries"},
	{"060007a846222a01000800d6fdc75a", 15, false, ": msdp [type=6 len=7] SA 0 entries"},
	{"0300110092330da037bead05bc204803000003", 19, false, ": msdp SA-Response 0 entries [w/data] [|msdp]"},
	{"040003000003", 6, false, ": msdp Keepalive [type=0 len=3]"},
	{"060007d71c3875000003", 10, false, ": msdp [type=6 len=7] [type=0 len=3]"},
	{"03001f028508d910ab53a31b60d5f275f42ab2dd56b337a9236c193e443c68a8", 32, false, ": msdp SA-Response 2 entries [|msdp]"},
}

func TestMSDP(t *testing.T) {
	runNDCases(t, msdpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printMSDP(b, data, length)
	})
}
