package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var someipCases = []ndCase{
	{"ea13a19f", 4, false, "SOMEIP (invalid)"},
	{"418809b6b925e75dc7848ea5ef6b2eb4", 16, false, "SOMEIP, service 16776, method 2486, len 3106269021, client 51076, session 36517, pver 239, iver 107, msgtype Unknown, retcode Unknown\n"},
	{"bc7f4f6dca0c8bdaadf6ae291c47f05a", 16, false, "SOMEIP, service 48255, method 20333, len 3389819866, client 44534, session 44585, pver 28, iver 71, msgtype Unknown, retcode Unknown\n"},
	{"f784a871847d0fcea2dd7f89612554e3", 16, false, "SOMEIP, service 63364, event 10353, len 2222788558, client 41693, session 32649, pver 97, iver 37, msgtype Unknown, retcode Unknown\n"},
	{"7e99ddb3e2a68e3dbe11936837840884", 16, false, "SOMEIP, service 32409, event 23987, len 3802566205, client 48657, session 37736, pver 55, iver 132, msgtype Unknown, retcode Unknown\n"},
	{"9d87b28893180e05e1156927a1e79b3a", 16, true, "SOMEIP, service 40327, event 12936, len 2467827205, client 57621, session 26919, pver 161, iver 231, msgtype Unknown, retcode Unknown\n"},
	{"fd16c63696d3ed37dad20d861f9584a60e471c6f", 20, false, "SOMEIP, service 64790, event 17974, len 2530471223, client 56018, session 3462, pver 31, iver 149, msgtype Unknown, retcode Unknown\n"},
	{"ee0a745547d3b05ff9e5a92b37c41ab3306ee6d7", 20, false, "SOMEIP, service 60938, method 29781, len 1205055583, client 63973, session 43307, pver 55, iver 196, msgtype Unknown, retcode Unknown\n"},
	{"a9e1054a7b32738bba725ee3b7bc135dc7b4b1d19a85ea2a1b35899e", 28, false, "SOMEIP, service 43489, method 1354, len 2066903947, client 47730, session 24291, pver 183, iver 188, msgtype Unknown, retcode Unknown\n"},
	{"0dd7a3", 16, false, "SOMEIP [|someip]"},
	{"6761cae82e2341f5b0851085615a52ed50ddd54c", 20, false, "SOMEIP, service 26465, event 19176, len 774062581, client 45189, session 4229, pver 97, iver 90, msgtype Unknown, retcode Unknown\n"},
	{"e36cc4892d4b037cf9a0a12a9c495800", 16, true, "SOMEIP, service 58220, event 17545, len 759890812, client 63904, session 41258, pver 156, iver 73, msgtype Unknown, retcode E_OK\n"},
	{"df885f4d1ba9b4c022a25a4a3a68f477b7526899", 20, false, "SOMEIP, service 57224, method 24397, len 464106688, client 8866, session 23114, pver 58, iver 104, msgtype Unknown, retcode Unknown\n"},
	{"cd8362a1673955d7d781422f847a8f5e", 16, false, "SOMEIP, service 52611, method 25249, len 1731810775, client 55169, session 16943, pver 132, iver 122, msgtype Unknown, retcode Unknown\n"},
	{"ef519814999510a79610f92c53c4fc87", 16, true, "SOMEIP, service 61265, event 6164, len 2576683175, client 38416, session 63788, pver 83, iver 196, msgtype Unknown, retcode Unknown\n"},
}

func TestSOMEIP(t *testing.T) {
	runNDCases(t, someipCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printSOMEIP(b, data, length)
	})
}
