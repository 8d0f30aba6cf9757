package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var lispCases = []ndCase{
	{"8800000000df6e71e03103df00010000", 16, false, "LISP-Encapsulated-Contol-Message,"},
	{"92000000c19681f4a1336aa200010000a3e6c8a0cc2020a2e939806ef0b6845d6a9d657eb8298f2d", 40, false, "unknown-type-9,"},
	{"48000000801278b0b5d4ec8a00010000", 13, false, "LISP-Map-Notify, 0 record(s), (invalid)"},
	{"48000002092c41540a0d7e68000100049e5e36c00464226f020a000000000003a068a27586b1c8a219e96638ec4fc7c1a0ad79fdefcc000102eeb4f61ce2c8f3f99300021eec762f9a53e66c88539ac80360f507878427c702020000000000021364f26ecaa599f9838652caceff7378e426c61c00610002b4643613f1611b5ba115826961d0215b174a071e6e590002a74758", 160, false, "LISP-Map-Notify, 2 record(s),\n"},
	{"18000001194327ed7ca1b0420001000052a09017000b0000000000030cf52cda0fd4306267a7da66502a4d41", 44, false, "LISP-Map-Request,"},
	{"0ebf14582bf161951281ee0a745547d3", 16, false, "LISP-Reserved,"},
	{"3200000144cd5c4538e15e1b000100004a0c7437000b000000000001557a00ef1bc397534899bcef3a1254aad4b9d400c0bae63b5a8eb8da2a345334aa1e", 62, false, "LISP-Map-Register, 1 record(s),\n EID 85.122.0.239/11, 0 locator(s)\n    xTR-ID: 0x0000:  1bc3 9753 4899 bcef 3a12 54aa d4b9 d400\n    SITE-ID: 13887665543547107546"},
	{"", 32, false, " [|lisp]"},
	{"49da4883168596898185b9762a1e83d1de93588968a9c7dc8a5860cd5e103dd247224e1847ba216d", 40, false, "LISP-Map-Notify, 131 record(s), (invalid)"},
	{"42000001bbcdc1fd7dd6f82600010000eab3afef021300000000000283213d5008174d310e5c52dd732cf9c914a695b1b6930002bc4a394e4997c2186921a4c48a763adabe895f4991810005", 76, false, "LISP-Map-Notify, 1 record(s),\n EID 8321:3d50:817:4d31:e5c:52dd:732c:f9c9/19, 2 locator(s) LOC bc4a:394e:4997:c218:6921:a4c4:8a76:3ada"},
	{"30000002517898d471e3ba7300010000ede26c4b001c00000000000242c7ab81738be0c71f8618b8c1c3033e88fd73e80181000000000003b4c87f280e086c5bed4afdd89350c1830431dddff3cc0005", 80, false, "LISP-Map-Register, 2 record(s),\n EID 42c7:ab81:738b:e0c7:1f86:18b8:c1c3:33e/28, 0 locator(s)\n"},
	{"f5b2ee61d1cc64f08b8053aab7aec1b783690da3", 20, false, "unknown-type-15,"},
	{"4a2ae010f6d1f788a7c313f9c9e3c38a67f6f9f279354efb3e933dc84a323b9236ecf19865eec1fb5358ad47eccfb47a6c993d3afa21a1f930b5a664b01cb5835f4d1e4712bc16e4478907e8e74556d3c21f57fc77", 85, false, "LISP-Map-Notify, 16 record(s), (invalid)"},
	{"c482a7c62f09902ba96822f835df58a9d3fdb7acb9c75fb0", 24, false, "unknown-type-12,"},
	{"30000000867e312b2f36b0ec00010000075ac00031596149a4b22ea829ea70c21784a1237079c60d", 40, false, "LISP-Map-Register, 0 record(s), (invalid)"},
	{"3ce6e655a798501f690c91c9c1053ee2", 16, false, "LISP-Map-Register, 85 record(s),"},
	{"750015f13a781e73b6fc506237f549657c97ca6e01b081931c5f09c15464c63e", 64, false, "unknown-type-7,"},
	{"3296ede9f6e28c29ca021817b880926f193cae228e7cb14f38dcc140558903886a37fb10ff02b89768e7946675cf1334", 48, false, "LISP-Map-Register, 233 record(s), (invalid)"},
	{"4feb74a06aa84146ca90120f11d0bb15", 16, false, "LISP-Map-Notify, 160 record(s), (invalid)"},
	{"23ae9b041e42536b4d690c08345bfffbb6", 17, false, "LISP-Map-Reply,"},
	{"aa06b2a2c4036edd8ea19f1227e93bb8c9d24678", 20, false, "unknown-type-10,"},
	{"de7cdfb5c4b1e0493990d510c9720de98de182cfc4023dfa1bb12452deca4d34b0f92617ee0f3c79", 40, false, "unknown-type-13,"},
	{"61c832a4dfc49161d71610a780c1fe962ca6481b2a1d5dfb", 24, false, "unknown-type-6,"},
	{"56b337a9236c193e443c68a847eec19f05e94abef3eff4e3", 24, false, "unknown-type-5,"},
	{"4fa87095e1d3d2be5e8f47ab7c2d3a37765aa9d9e433f04088", 28, false, "LISP-Map-Notify, 149 record(s), (invalid)"},
	{"3e1041a9a4f4b6b53d57d9632e03d6fef5b75ec35de6855fd38ff38d32d0950b77d7d15b6b09e5d0", 40, true, "LISP-Map-Register, 169 record(s), (invalid)"},
	{"b2496f3fdb1479e845e3b58cb23f805548b6cec6477e3d8f45fa2afe1d2aac61", 32, false, "unknown-type-11,"},
	{"49d0e7084b9b54524dd6a82888b4bb66075235e1b0b31adee4f8680a", 28, false, "LISP-Map-Notify, 8 record(s), (invalid)"},
	{"3484805e6632e34e2d37c7883ad4e2cd3b9218b897a9450a1b9b", 48, false, "LISP-Map-Register, 94 record(s),"},
	{"40bc49c8d0d1e54ab9f34757876dc64c", 16, false, "LISP-Map-Notify, 200 record(s),"},
}

func TestLISP(t *testing.T) {
	runNDCases(t, lispCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLISP(b, data, length)
	})
}
