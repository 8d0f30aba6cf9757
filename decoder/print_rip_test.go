package decoder

import "testing"

// Expected texts: "corpus" rows are FreeBSD tcpdump 4.99.5 output from
// shared/conformance (the payload extracted from the pcap); "deb4993" rows are
// Debian's tcpdump 4.99.3 on generated packets (its RIP printer prints the
// same as 4.99.5 at default verbosity); "hand"/"spec" rows say why.
var ripCases = []udpAppCase{
	{"corpus scan-101.pcap#77", "010100000000000000000000000000000000000000000000", -1, 24, "RIPv1, Request, length: 24"},
	{"deb4993", "04020000902da902f87f52a3e76c1a6bb817e05dde47980c", -1, 24, "RIPv2, Trace off, length: 24"},
	{"deb4993", "04020000902da902f87f52a3e76c1a6bb817e05dde47980c", 0, 24, " [|rip]"},
	{"deb4993", "03010000b98805a615e890a9d289ccd8a2d6c44dc6c5d149027a82c17b653b2c1119cfa6e2a1e900f2f0afc2", -1, 44, "RIPv1, Trace on, length: 44"},
	{"deb4993", "c8070000", -1, 4, "RIPv7, unknown command (200), length: 4"},
	{"deb4993", "0201000002f59b4c8530367a3b4efe8a3ca6ef7d531583bb", -1, 24, "RIPv1, Response, length: 24"},
	// 4.99.5 changed rip_print (CHANGES: "RIP: Make a couple trivial protocol
	// updates"): version 0 is no longer hex-dumped and the command names
	// follow RFC 2091 (5 unnamed, 6-11 named). Debian's 4.99.3 prints
	// "RIPv0\n\t0x0000:  0200 0000" and "Poll"/"Poll Entry" for these; the
	// expectations are corrected by hand to tcpdump's later rip_cmd_values.
	{"hand: 4.99.5 v0 not special", "02000000", -1, 4, "RIPv0, Response, length: 4"},
	{"hand: 4.99.5 cmd 5 unnamed", "0501000088a42472", -1, 8, "RIPv1, unknown command (5), length: 8"},
	{"hand: 4.99.5 cmd 6", "060100003d2b6f77", -1, 8, "RIPv1, Triggered Request, length: 8"},
	{"hand: 4.99.5 cmd 9", "09020000", -1, 4, "RIPv2, Update Request, length: 4"},
	{"hand: 4.99.5 cmd 11", "0b020000", -1, 4, "RIPv2, Update Acknowledge, length: 4"},
}

func TestPrintRIP(t *testing.T) { udpAppRunCases(t, printRIP, ripCases) }
