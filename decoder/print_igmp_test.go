package decoder

// Code generated from tcpdump output; DO NOT EDIT.
// Expected texts: "corpus" cases come from the conformance corpus (FreeBSD
// tcpdump 4.99.5), "deb4993" cases from Debian's tcpdump 4.99.3 on packets
// made with scapy, kept only where 4.99.3 and 4.99.5 print the same.

import "testing"

var igmpCases = []protoCase{
	{false, "369d83bf/23a13460", 2, 64, "1614f8e6ef010203", 8, "igmp v2 report 239.1.2.3"},                                                                                                                                // corpus scan-101.pcap
	{false, "d3499de6/b64bd4ef", 2, 1, "1614f8e6ef", 8, " [|igmp]"},                                                                                                                                                       // corpus scan-101.pcap
	{false, "0a000001/e0000005", 2, 64, "1600fa00efe10203", 8, "igmp v2 report 239.225.2.3"},                                                                                                                              // deb4993
	{false, "0a000001/e0000005", 2, 64, "12000000efe10203", 8, "igmp v1 report 239.225.2.3"},                                                                                                                              // deb4993
	{false, "0a000001/e0000005", 2, 64, "12000000efe102030000", 10, "igmp v1 report 239.225.2.3 [len 10]"},                                                                                                                // deb4993
	{false, "0a000001/e0000005", 2, 64, "17000000efe10203", 8, "igmp leave 239.225.2.3"},                                                                                                                                  // deb4993
	{false, "0a000001/e0000005", 2, 64, "1164000000000000", 8, "igmp query v2"},                                                                                                                                           // deb4993
	{false, "0a000001/e0000005", 2, 64, "110a0000efe10203", 8, "igmp query v2 [max resp time 10] [gaddr 239.225.2.3]"},                                                                                                    // deb4993
	{false, "0a000001/e0000005", 2, 64, "1100000000000000", 8, "igmp query v1"},                                                                                                                                           // deb4993
	{false, "0a000001/e0000005", 2, 64, "11640000efe10203000000020102030405060708", 20, "igmp query v3 [gaddr 239.225.2.3, 2 source(s)]"},                                                                                 // deb4993
	{false, "0a000001/e0000005", 2, 64, "11c80000efe1020300000000", 12, "igmp query v3 [max resp time 5m7s] [gaddr 239.225.2.3]"},                                                                                         // deb4993
	{false, "0a000001/e0000005", 2, 64, "118200000000000000000000", 12, "igmp query v3 [max resp time 14.4s]"},                                                                                                            // deb4993
	{false, "0a000001/e0000005", 2, 64, "220000000000000204000000efe10203", 16, "igmp v3 report, 2 group record(s)"},                                                                                                      // deb4993
	{false, "0a000001/e0000005", 2, 64, "22000000000000020400", 10, "igmp v3 report [invalid len 10]"},                                                                                                                    // deb4993
	{false, "0a000001/e0000005", 2, 64, "1300000000000000", 8, "igmp dvmrp [type 0]"},                                                                                                                                     // deb4993
	{false, "0a000001/e0000005", 2, 64, "1307000000000000010203040506070800001234", 20, "igmp dvmrp Prune src 1.2.3.4 grp 5.6.7.8 timer 1h17m40s"},                                                                        // deb4993
	{false, "0a000001/e0000005", 2, 64, "13060000000003010a000001010241020a0000020a000003", 24, "igmp dvmrp Neighbors2 (v 1.3): [10.0.0.1 -> 10.0.0.2 (1/2/tunnel/querier)] [10.0.0.1 -> 10.0.0.3 (1/2/tunnel/querier)]"}, // deb4993
	{false, "0a000001/e0000005", 2, 64, "13040000000000000a0000010102010a000002", 19, "igmp dvmrp Neighbors(old) [10.0.0.1 -> 10.0.0.2, (1/2)]"},                                                                          // deb4993
	{false, "0a000001/e0000005", 2, 64, "140000001000000020", 9, "igmp pimv1 Query Sparse-Dense-mode"},                                                                                                                    // deb4993
	{false, "0a000001/e0000005", 2, 64, "1401000010000000000000000000000000000000000000000102030405060708", 32, "igmp pimv1 Register for 0.0.0.0 > 1.2.3.4"},                                                              // deb4993
	{false, "0a000001/e0000005", 2, 64, "14050000100000000a000001ffffffff0a0000028000000500000009", 28, "igmp pimv1 Assert for 10.0.0.2 > 10.0.0.1 RP-tree pref 5 metric 9"},                                              // deb4993
	{false, "0a000001/e0000005", 2, 64, "1f000000e00000010a0000010a000002e000000240000102", 24, "mtrace 258: 10.0.0.1 to 10.0.0.2 reply-to 224.0.0.2 with-ttl 64"},                                                        // deb4993
	{false, "0a000001/e0000005", 2, 64, "1e000000", 4, " [invalid len 4]"},                                                                                                                                                // deb4993
	{false, "0a000001/e0000005", 2, 64, "9900", 2, "igmp-153"},                                                                                                                                                            // deb4993
	{false, "0a000001/e0000005", 2, 64, "", 0, " [|igmp]"},                                                                                                                                                                // deb4993
	{false, "0a000001/e0000005", 2, 64, "16", 1, " [|igmp]"},                                                                                                                                                              // deb4993
}

func TestIgmpPrinter(t *testing.T) { runProtoCases(t, igmpCases) }
