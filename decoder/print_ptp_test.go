package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP). v1 compat / signalling corrected by hand to 4.99.5 majorSdoId / signaling (spec §8).
var ptpCases = []ndCase{
	{"0802002c0507bb2f78d056b99355ee22891b3e0fbe652634dd9c4ef165b1c7a79855", 34, false, "PTPv2, majorSdoId : 0x0, msg type : follow up msg, length : 44, domain : 5, reserved1 : 7, Flags [l1 61, l1 59, utc reasonable, timescale, frequency tracable, alternate master, two step, profile specific 1, profile specific 2], NS correction : 132836203533141, sub NS correction : 60962, reserved2 : 2300263951, clock identity : 0xbe652634dd9c4ef1, port id : 26033, seq id : 51111, control : 152 (Reserved), log message interval : 85, preciseOriginTimeStamp : [|ptp]"},
	{"dd79843704d7d2c1", 8, false, " [length 8 < 34] (invalid)"},
	{"0501002c0507b788acb9c75fb05e5c1d0d0464ad7b8389dab6d9ef3e48769d5917743d58", 74, false, "PTPv1 (not implemented)"},
	{"4e76d4a805765795", 12, false, " [length 12 < 34] (invalid)"},
	{"a9e1054a7b32738bba725ee3b7bc135dc7b4b1d19a85ea2a1b35899e", 28, false, " [length 28 < 34] (invalid)"},
	{"", 0, false, " [length 0 < 34] (invalid)"},
	{"5250cd4b32f84b06c33554cf2eff509de4a746a3ff673fd1", 24, false, " [length 24 < 34] (invalid)"},
	{"fa05", 2, true, " [length 2 < 34] (invalid)"},
	{"3e697057", 4, false, " [length 4 < 34] (invalid)"},
	{"e16d66c7a9e2", 6, true, " [length 6 < 34] (invalid)"},
	{"9d5b88fb43", 5, false, " [length 5 < 34] (invalid)"},
	{"85b33f", 3, false, " [length 3 < 34] (invalid)"},
	{"54687f39b13c8a6b03c0598820d40e02", 16, false, " [length 16 < 34] (invalid)"},
	{"1cf83aa75d58a2d14b585db9cefe6e4ff9bf8b593df711c444ea9caf3eb0da7b", 32, false, " [length 32 < 34] (invalid)"},
	{"78b095225fe21ec871cf5313c93a8f7dd9167d25", 20, false, " [length 20 < 34] (invalid)"},
	{"e8c35dcc", 1, false, " [length 1 < 34] (invalid)"},
	{"8654ca913dff50", 7, false, " [length 7 < 34] (invalid)"},
	{"0391c0e73f7b5ddb770420dea148d75b", 15, false, " [length 15 < 34] (invalid)"},
	{"73654d52ee0ad79c8f70a6eddd867c2272d6c482a7c62f0990", 25, true, " [length 25 < 34] (invalid)"},
	{"842ce60cb22bbccdf816", 10, false, " [length 10 < 34] (invalid)"},
	{"baf54b5943d91726b69f80b8bd9ed0ccf3e0bca6d34d43f48081", 26, true, " [length 26 < 34] (invalid)"},
	{"d0d0f3f8197e7ae0791e3eefd5deb7891cb4dbaa", 19, false, " [length 19 < 34] (invalid)"},
	{"0902002c05070b4bca1f1b3378cb4346ace62a12f23acbd6da8abb3ccca041bf8a67", 33, false, " [length 33 < 34] (invalid)"},
	{"60ff83ce7f5149e0c87b1356e663f5eba562f52884", 21, false, " [length 21 < 34] (invalid)"},
	{"0501002c05078c18b4153906d8d535372aa152b28fc5f5365665b80ec67b78d66a2c", 31, false, " [length 31 < 34] (invalid)"},
	{"fe9edb928025d86417717d0a", 11, false, " [length 11 < 34] (invalid)"},
	{"0bd60b", 14, false, " [length 14 < 34] (invalid)"},
}

func TestPTP(t *testing.T) {
	runNDCases(t, ptpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printPTP(b, data, length)
	})
}
