package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP). Inner IPv4/IPv6 texts that 4.99.5 words differently are left out.
var vxlangpeCases = []ndCase{
	{"00000005a7fe", 6, false, "VXLAN-GPE,  (len 6 < 8) (invalid)"},
	{"000000049d030b000fc10203ba026ddb000000000000000000000000000000004500001c0001000040110000010101010202020204d2162e00080000", 60, false, "VXLAN-GPE, flags [none], vni 10289931: NSH, flags [none], service-path-id 0xba026d, service-index 0xdb (less than two headers) (invalid)"},
	{"0a000002a192bf006000000000083b4000000000000000000000000000000000000000000000000000000000000000000755e4b7906ed4ee", 56, false, "VXLAN-GPE, flags [IB], vni 10588863: :: > ::: no next header"},
	{"03000003736e9700ffffffffffff0011225144550806fd5dba629bdc2369aa7a89d4508b7898afc42ecb44b0963a74cbaa51", 50, false, "VXLAN-GPE, flags [BO], vni 7564951: 00:11:22:51:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42:  [|arp]"},
	{"0100000419544a000fc1020159583d7e000000000000000000000000000000004500001c0001000040110000010101010202020204d2162e00080000", 60, false, "VXLAN-GPE, flags [O], vni 1659978: NSH, flags [none], service-path-id 0x59583d, service-index 0x7e (less than two headers) (invalid)"},
	{"090000be82", 5, false, "VXLAN-GPE,  (len 5 < 8) (invalid)"},
	{"05000003fecb0600ffffffffffff0011223344550806c5e654bf1abcb4e0799b2de2b6635244e217", 40, true, "VXLAN-GPE, flags [PO], vni 16698118: 00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 32:  [|arp]"},
	{"080000042990f2004fc10201ef9a9743000000000000000000000000000000004500001c0001000040110000010101010202", 50, false, "VXLAN-GPE, flags [I], vni 2724082: NSH, "},
	{"0c00000109ee33004500001c0001000040110000010101010202020204d2162e00080000", 36, false, "VXLAN-GPE, flags [IP], vni 650803: 1.1.1.1.1234 > 2.2.2.2.5678: UDP, length 0"},
	{"0400000352a56300ffffffffffff00112233445508066654d68dae75a90da4b4f2a1b20c01f179e3e0cf74b760ba49b16d8f", 50, true, "VXLAN-GPE, flags [P], vni 5416291: 00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42:  [|arp]"},
	{"0900000289131a006000000000083b4000000000000000000000000000000000000000000000000000000000000000008e2b1dae6625fb1a", 56, false, "VXLAN-GPE, flags [IO], vni 8983322: :: > ::: no next header"},
	{"0f0000ff7e406a006000000000083b400000000000000000000000000000000000000000000000003d0000000000000017ab7ecfea875d3b", 56, false, "VXLAN-GPE, flags [IPBO], vni 8274026: ERROR: unknown-next-protocol (invalid)"},
	{"0d000003d594cc00ffffffffffffbe11223344550806fffd4886b1cb2b9a4a9a9d5611c228865dde", 40, false, "VXLAN-GPE, flags [IPO], vni 13997260: be:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 32:  [|arp]"},
	{"0e000001eb717c004500001c0001000040110000010101010202020204d2162e00080000", 36, false, "VXLAN-GPE, flags [IPB], vni 15430012: 1.1.1.1.1234 > 2.2.2.2.5678: UDP, length 0"},
	{"060000034015cc00ffffffffffff0011223344550806059801c3ae318352662559c10b70cf0902d4591bcad46151712ee7ab", 50, false, "VXLAN-GPE, flags [PB], vni 4199884: 00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42:  [|arp]"},
	{"9b746b24eab0a1bb4e9904b85746711c643cbe2f47003b0b", 24, true, "VXLAN-GPE, flags [IBO], vni 15380641: ERROR: unknown-next-protocol (invalid)"},
	{"02000002170cbe006000000000083b400000000000000000000000000000000000000000000000000000000000000000d504a0c7bc79e97d", 56, false, "VXLAN-GPE, flags [B], vni 1510590: :: > ::: no next header"},
	{"30a88c04a439b4", 7, false, "VXLAN-GPE,  (len 7 < 8) (invalid)"},
	{"0d", 3, false, "VXLAN-GPE,  (len 3 < 8) (invalid)"},
	{"7669f94e", 4, true, "VXLAN-GPE,  (len 4 < 8) (invalid)"},
	{"01", 33, false, "VXLAN-GPE, flags [O],  [|vxlan_gpe]"},
	{"7d", 1, false, "VXLAN-GPE,  (len 1 < 8) (invalid)"},
	{"", 0, false, "VXLAN-GPE,  (len 0 < 8) (invalid)"},
	{"779e57d2a842af79e39f9d94878118e4897eee08e3ec39a3dc6f39d9279f4183f07b1e15a91fa01e", 40, false, "VXLAN-GPE, flags [PBO], vni 11027119: ERROR: unknown-next-protocol (invalid)"},
	{"47c9", 20, false, "VXLAN-GPE, flags [PBO],  [|vxlan_gpe]"},
	{"2a45", 2, false, "VXLAN-GPE,  (len 2 < 8) (invalid)"},
	{"", 36, true, "VXLAN-GPE,  [|vxlan_gpe]"},
	{"14", 53, false, "VXLAN-GPE, flags [P],  [|vxlan_gpe]"},
	{"0b00", 8, true, "VXLAN-GPE, flags [IBO],  [|vxlan_gpe]"},
	{"0a0000", 57, false, "VXLAN-GPE, flags [IB],  [|vxlan_gpe]"},
}

func TestVXLANGPE(t *testing.T) {
	runNDCases(t, vxlangpeCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return d.printVXLANGPE(b, data, length)
	})
}
