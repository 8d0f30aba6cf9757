package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var autorpCases = []ndCase{
	{"12010000342ea4e67bdb6c0a4301010a8a0bbfe9", 20, true, " auto-rp mapping Hold FOREVER RP 123.219.108.10 PIMv1+2 [rsvd=0x40] !138.11.191.233/10"},
	{"11020e10b9bdce9dae550e4b80010108395ed219883668", 23, false, " auto-rp candidate-advert Hold 1h RP 174.85.14.75 PIMv? [rsvd=0x80] !57.94.210.25/8 [|cisco_autorp]"},
	{"1301000028a34e198d63ea71ae00", 14, false, " auto-rp type-0x13 Hold FOREVER RP 141.99.234.113 PIMv2 [rsvd=0xac]"},
	{"13020e10eef82186a85201f80f0200023631cd7c031b6ff09247badec4775f", 28, false, " auto-rp type-0x13 Hold 1h RP 168.82.1.248 PIMv1+2 [rsvd=0x0c] 54.49.205.124/2,!111.240.146.71/27 bidir [|cisco_autorp]"},
	{"", 0, false, " [|cisco_autorp]"},
	{"12020e10edb1bb54689247ba2202001ac7d9febd020f213b52159834e6", 29, false, " auto-rp mapping Hold 1h RP 104.146.71.186 PIMv2 [rsvd=0x20] 199.217.254.189/26,33.59.82.21/15 bidir [|cisco_autorp]"},
	{"1302869f6b2eb4f0be9043990502030623e5e7666deb8de065842e455d7aae01020821454fd6", 38, true, " auto-rp type-0x13 Hold 9h34m23s RP 190.144.67.153 PIMv1 [rsvd=0x04] !35.229.231.102/6 bidir,!141.224.101.132/235[rsvd=0x6c] RP 46.69.93.122 PIMv2 [rsvd=0xac] 33.69.79.214/8 bidir"},
	{"075a30db339f96902df351eeb740bc49c8d0d1e54ab9f34757876dc64c905b3a0b7c595f7cedf45b", 40, false, " auto-rp type-0x07 Hold 3h28m27s RP 45.243.81.238 PIMv1+2 [rsvd=0xb4] 200.208.209.229/73[rsvd=0xbc],243.71.87.135/185 bidir[rsvd=0x48],!76.144.91.58/198[rsvd=0x6c],!89.95.124.237/124 bidir[rsvd=0x08] [|cisco_autorp]"},
	{"399859b4f1fe52887a8724a67d708652431decb6427f9b15d9e4fc1b58c1ffa09d8e51b7bc2fdb7cba30b47c21bb9f16b506c53101015bec376ebf2246cd5ee0", 64, false, " auto-rp type-0x39 Hold 6h22m44s RP 122.135.36.166 PIMv1 [rsvd=0x7c] 67.29.236.182/82 bidir[rsvd=0x84],155.21.217.228/127 bidir[rsvd=0x40],88.193.255.160/27[rsvd=0xfc],!81.183.188.47/142[rsvd=0x9c],!186.48.180.124/124 bidir[rsvd=0xd8],!159.22.181.6/187[rsvd=0x20],!1.1.91.236/49[rsvd=0xc4],!191.34.70.205/110 bidir[rsvd=0x34] [|cisco_autorp]"},
	{"df8705024df34cb3277e4f43cd47a96342463b41118e8bb4034a0420e9ddcb9e44c8dab8e5b395f3", 40, false, " auto-rp type-0xdf Hold 21m22s RP 39.126.79.67 PIMv1 [rsvd=0xcc] !66.70.59.65/99[rsvd=0xa8],!139.180.3.74/142[rsvd=0x10],233.221.203.158/32[rsvd=0x04],218.184.229.179/200[rsvd=0x44] [|cisco_autorp]"},
	{"130200b455e5e3632362db5fe0010004184e49ddc832a4dfc400", 26, false, " auto-rp type-0x13 Hold 3m RP 35.98.219.95 PIMv? [rsvd=0xe0] 24.78.73.221/4 RP 200.50.164.223 PIMv? [rsvd=0xc4]"},
	{"12000e10d0847505", 8, false, " auto-rp mapping Hold 1h"},
	{"08081d49d818cd", 32, false, " auto-rp type-0x08 Hold 2h4m57s [|cisco_autorp]"},
	{"5f74d1893f815f50ea0d5e3353f3977bacfc2d7218e738868ac282c2", 28, false, " auto-rp type-0x5f Hold 14h54m1s RP 234.13.94.51 PIMv1+2 [rsvd=0x50] !172.252.45.114/123 bidir[rsvd=0x94],56.134.138.194/231[rsvd=0x18] [|cisco_autorp]"},
	{"cda2b4a8e20f2f719381c75d5232ae84062f883a6ddcf8fe", 24, true, " auto-rp type-0xcd Hold 12h50m48s RP 147.129.199.93 PIMv2 [rsvd=0x50] 6.47.136.58/132 bidir[rsvd=0xac] [|cisco_autorp]"},
	{"4f6c9cd39d", 40, false, " auto-rp type-0x4f Hold 11h9m7s [|cisco_autorp]"},
	{"0f0ca37d8624c632a56b322f297b3cec5ec543327efebff8e7adbc9f3dafcb50", 32, false, " auto-rp type-0x0f Hold 11h37m33s RP 165.107.50.47 PIMv1 [rsvd=0x28] 94.197.67.50/236[rsvd=0x3c],191.248.231.173/254 bidir[rsvd=0x7c],61.175.203.80/159[rsvd=0xbc] [|cisco_autorp]"},
	{"817a3372e7325c03f8108b50", 12, false, " auto-rp type-0x81 Hold 3h39m30s RP 248.16.139.80 [|cisco_autorp]"},
	{"120200b426e227045f9995c1cd002234dd1ba200", 20, false, " auto-rp mapping Hold 3m RP 95.153.149.193 PIMv1 [rsvd=0xcc] RP 34.52.221.27 PIMv2 [rsvd=0xa0]"},
	{"be6900ff435bc3015d0887bb6fd0607cd64bd4c91657006a", 24, false, " auto-rp type-0xbe Hold 4m15s RP 93.8.135.187 PIMv1+2 [rsvd=0x6c] 214.75.212.201/124[rsvd=0x60] [|cisco_autorp]"},
	{"ef8534acaec3e9c68fc9a9229a46840a4b5c5fc33f7ece5795b141cb3ac2b974", 32, false, " auto-rp type-0xef Hold 3h44m44s RP 143.201.169.34 PIMv2 [rsvd=0x98] 75.92.95.195/10[rsvd=0x84],!206.87.149.177/126 bidir[rsvd=0x3c],!58.194.185.116/203[rsvd=0x40] [|cisco_autorp]"},
	{"1201869f6f29933e3785bf418800", 14, false, " auto-rp mapping Hold 9h34m23s RP 55.133.191.65 PIMv? [rsvd=0x88]"},
	{"ee6faa00a4bac7ff1c2553d04441283c019b508a4df6250a", 24, false, " auto-rp type-0xee Hold 12h5m20s RP 28.37.83.208 PIMv? [rsvd=0x44] 1.155.80.138/60[rsvd=0x28] [|cisco_autorp]"},
	{"5c523cfcf4d92dd46d9eb696e08a8ccde16c43a146c91c076977ba507dd4e23281f9c39e3f69e5600f76008cdabc9d3ecd039b8bec052436452b8a92de912868", 64, false, " auto-rp type-0x5c Hold 4h20m12s RP 109.158.182.150 PIMv? [rsvd=0xe0] 225.108.67.161/205[rsvd=0x8c],28.7.105.119/201 bidir[rsvd=0x44],125.212.226.50/80 bidir[rsvd=0xb8],!195.158.63.105/249[rsvd=0x80],!15.118.0.140/96[rsvd=0xe4],157.62.205.3/188 bidir[rsvd=0xd8],!236.5.36.54/139 bidir[rsvd=0x98],!138.146.222.145/43[rsvd=0x44] [|cisco_autorp]"},
	{"17ce88a4374368bff0a6161cea44e8ff6d8e834f913ca272ae", 25, false, " auto-rp type-0x17 Hold 9h43m RP 240.166.22.28 PIMv2 [rsvd=0xe8] 109.142.131.79/255[rsvd=0xe8] [|cisco_autorp]"},
}

func TestAutoRP(t *testing.T) {
	runNDCases(t, autorpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printAutoRP(b, data, length)
	})
}
