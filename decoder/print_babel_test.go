package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var babelCases = []ndCase{
	{"2902000d0a06ff13c5389cd60702df8700", 17, true, "babel invalid header"},
	{"2a02001c0d0000060cbb578a30299976c098459a47080c3d99336ae1cc320fcaf40396", 35, false, "babel 2 (28) ss-update pad1 router-id (invalid)"},
	{"2a0200048f02ac16", 8, true, "babel 2 (4) unknown"},
	{"2a0200171206368730fb27f0120aaba9b8eb9717e7105e5b1302283710020000", 32, false, "babel 2 (23) challenge_request challenge_request (invalid)"},
	{"2a020018010209db0f023e150200140c5d7845650eb173c0e74faded", 28, false, "babel 2 (24) padN ss-mh-request ack-req unknown"},
	{"2a02000001020000", 8, false, "babel 2 (0) | padN"},
	{"2a0200380d1424d8974a92b44b9e55b49ab568b09445602b7a5b090a0d4bfccd64893188f98a030c0cad838d80183af8d8a3241d06063a4b61034def01020000", 64, false, "babel 2 (56) ss-update route-request ack router-id | padN"},
	{"2a020000", 1, false, "babel 2 (invalid)"},
	{"2a0200150e028f060a06c8b1f204a437050637a02ac040ce", 24, false, "babel 2 (21) (invalid)"},
	{"2a0100240c0a13b00ea2eaf1d599baf50f00051496da7b5be53abbb8e7bde91282e14f8d207a106d", 40, false, "babel 1 unknown version"},
	{"2a02", 4, false, "babel [|babel]"},
	{"2a02000f080007000f0ab0ecabbb1d33cad145380800", 19, false, "babel 2 (15) update (invalid)"},
	{"2a0200000800", 6, false, "babel 2 (0) | update (invalid)"},
	{"2a020000", 4, false, "babel 2 (0)"},
	{"2a02000d0b0cf91af938e6c3508b255fb7db", 18, false, "babel 2 (13) (invalid)"},
	{"2a02001b0802959e080cb974703dc148b891b4b61a1d020aadb67b9c92c5a5554c33", 34, false, "babel 2 (27) update (invalid)"},
	{"2a020007c806e119e81d5046", 12, false, "babel 2 (7) (invalid)"},
	{"2a0200061302b406020000020000", 14, false, "babel 2 (6) challenge_reply ack-req | pad1 ack-req pad1"},
	{"2a02000013", 10, false, "babel 2 (0) | [|babel]"},
	{"2a02000000020000", 8, true, "babel 2 (0) | pad1 ack-req pad1"},
	{"2a02003cc802ddf10a1435c096bca05ad77e6126742b82d772fc8311c9b00b0ad5681b92764d49ac97e70c149abfa08474e8c9a8136b30457eb449e4cc8006d5", 64, false, "babel 2 (60) unknown seqno-request tspc hmac"},
	{"2a0200220e0609b0644e2427080ad2a0878a3fc5732af246050cb47a902f52e1bce26eca189410020000", 42, false, "babel 2 (34) ss-request update/prefix/unknown ihu | mac"},
	{"2a02001fc81474c439907483cdee8e62695a63789e262186766b1106654d4ec7e920", 34, true, "babel 2 (31) (invalid)"},
	{"2a0200141402ff6b0200120ce5d00de3609058bdc0eaf9b800020000", 28, true, "babel 2 (20) unknown ack-req challenge_request | pad1 ack-req pad1"},
	{"2a02002e0f14be92ebfe6ee0147e07e69cd65f9a5d599079fe440a0612f9e2dcb621", 50, false, "babel 2 (46) ss-mh-request seqno-request [|babel]"},
	{"2a0200090206f94d8ac367f50500", 14, true, "babel 2 (9) ack-req (invalid)"},
	{"2a5200070b06921088481ad4", 12, false, "babel 82 unknown version"},
	{"2a020026130a990bc9d47e0ecb0928c2051453ae8c7bff1ba8fb1706718f102f9a1631d7cb881202237101020000", 46, false, "babel 2 (38) challenge_reply ihu challenge_request | padN"},
	{"2a020006c8023b160200", 10, false, "babel 2 (6) unknown ack-req"},
	{"2a0200030502", 8, false, "babel 2 (3) (invalid)"},
}

func TestBabel(t *testing.T) {
	runNDCases(t, babelCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printBabel(b, data, length)
	})
}
