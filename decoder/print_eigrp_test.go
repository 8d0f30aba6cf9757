package decoder

// Code generated from tcpdump output; DO NOT EDIT.
// Expected texts: "corpus" cases come from the conformance corpus (FreeBSD
// tcpdump 4.99.5), "deb4993" cases from Debian's tcpdump 4.99.3 on packets
// made with scapy, kept only where 4.99.3 and 4.99.5 print the same.

import "testing"

var ipprotoMiscCases = []protoCase{
	{false, "0a000001/e0000005", 88, 64, "0205000000000000000000000000000000000001210b3f7523c8", 26, "EIGRP Hello, length: 26"},                                               // deb4993
	{false, "0a000001/e0000005", 88, 64, "01050000", 4, " [|eigrp]"},                                                                                                          // deb4993
	{false, "0a000001/e0000005", 88, 64, "0263000000000000000000000000000000000001", 20, "EIGRP unknown (99), length: 20"},                                                    // deb4993
	{false, "0a000001/e0000005", 88, 64, "0205", 2, " [|eigrp]"},                                                                                                              // deb4993
	{false, "0a000001/e0000005", 46, 64, "1001000040000008", 8, "RSVPv1 Path Message, length: 8"},                                                                             // deb4993
	{false, "0a000001/e0000005", 46, 64, "20010000", 4, " [|rsvp]"},                                                                                                           // deb4993
	{false, "0a000001/e0000005", 46, 64, "1063000040000008", 8, "RSVPv1 unknown (99) Message, length: 8"},                                                                     // deb4993
	{false, "0a000001/e0000005", 46, 64, "1001", 2, " [|rsvp]"},                                                                                                               // deb4993
	{false, "0a000001/e0000005", 113, 64, "04d2162e000000000102030405060000", 16, "10.0.0.1.1234 > 224.0.0.5.5678: PGM, length 0"},                                            // deb4993
	{false, "0a000001/e0000005", 113, 64, "04d2", 2, "10.0.0.1 > 224.0.0.5: [|pgm]"},                                                                                          // deb4993
	{false, "0a000001/e0000005", 113, 64, "04d2162e00", 5, "10.0.0.1.1234 > 224.0.0.5.5678:  [|pgm]"},                                                                         // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 113, 64, "00010002000000000000000000000010", 16, "2001:db8::1.1 > ff02::5.2: PGM, length 16"}, // deb4993
	{false, "0a000001/e0000005", 108, 64, "04001234", 4, "IPComp(cpi=0x1234)"},                                                                                                // deb4993
	{false, "0a000001/e0000005", 108, 64, "0400", 2, " [|ipcomp]"},                                                                                                            // deb4993
	{false, "0a000001/e0000005", 8, 64, "02010000000000010002000000000000", 16, "EGPv2, AS 1, seq 2, length 16"},                                                              // deb4993
	{false, "0a000001/e0000005", 8, 64, "0201", 2, " [|egp]"},                                                                                                                 // deb4993
	{false, "0a000001/e0000005", 9, 64, "110000010000000000000000", 12, "igrp: update V1 edit=0 AS=1 (0/0/0)"},                                                                // deb4993
	{false, "0a000001/e0000005", 9, 64, "1100000100010001000100000a000000000100006405dcff01020a000000000100006405dcff01020a000000000100006405dcff0102", 54, "igrp: update V1 edit=0 AS=1 (1/1/1) *.10.0.0 d=10 b=100000 r=255 l=1 M=101 mtu=1500 in 2 hops 10.0.0.0 d=10 b=100000 r=255 l=1 M=101 mtu=1500 in 2 hops X10.0.0.0 d=10 b=100000 r=255 l=1 M=101 mtu=1500 in 2 hops"}, // deb4993
	{false, "0a000001/e0000005", 9, 64, "1100000100010000000000000a000000000100006405dcff01020a000000000100006405dcff0102", 40, "igrp: update V1 edit=0 AS=1 (1/0/0) *.10.0.0 d=10 b=100000 r=255 l=1 M=101 mtu=1500 in 2 hops [extra bytes 14] (invalid)"},                                                                                                                       // deb4993
	{false, "0a000001/e0000005", 9, 64, "110000010001", 6, "igrp: [|igrp]"},                               // deb4993
	{false, "0a000001/e0000005", 55, 64, "0400fbff0a000002", 8, " [|mobile]"},                             // deb4993
	{false, "0a000001/e0000005", 55, 64, "048000000a0000020a000003", 12, "mobile: [S]  (bad checksum 0)"}, // deb4993
	{false, "0a000001/e0000005", 55, 64, "040000000a0000020a000003", 12, "mobile: []  (bad checksum 0)"},  // deb4993
	{false, "0a000001/e0000005", 55, 64, "0400", 2, " [|mobile]"},                                         // deb4993
}

func TestIPProtoMiscPrinter(t *testing.T) { runProtoCases(t, ipprotoMiscCases) }
