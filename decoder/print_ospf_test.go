package decoder

// Code generated from tcpdump output; DO NOT EDIT.
// Expected texts: "corpus" cases come from the conformance corpus (FreeBSD
// tcpdump 4.99.5), "deb4993" cases from Debian's tcpdump 4.99.3 on packets
// made with scapy, kept only where 4.99.3 and 4.99.5 print the same.

import "testing"

var ospfCases = []protoCase{
	{true, "2a018c2ad045f8a77525d5eeab44c313/2a0381c61d60675ff37e19c89e976911", 89, 128, "867ffb170ce9fdadefef25a882523eb494c43a14cdea829ccb61d3748b2f9c136758c1", 35, "OSPFv134, unknown packet type (127), length 35"}, // corpus scan-101.pcap
	{false, "42d516aa/0e3329e4", 89, 128, "5ee1a4e9771040dff8eb2d10c00a4fda48a011ff392fbaae162a0b7aed79a169b379807e41dd", 38, "OSPFv94, unknown LS-type 225, length 38"},                                                 // corpus scan-101.pcap
	{true, "20010db8ee4f0000000000000000ebac/20010db873b900000000000000001973", 89, 50, "79", 1, " [|ospf3]"},                                                                                                            // corpus v6-103.pcap
	{false, "1c918873/0c6e2379", 89, 64, "977f", 2, " [|ospf2]"}, // corpus wide-102.pcap
	{false, "0a000001/e0000005", 89, 64, "0201002c0a000001000000000000000000000000000000000000000000000000000000000000000000000000", 44, "OSPFv2, Hello, length 44"},                                // deb4993
	{false, "0a000001/e0000005", 89, 64, "0207001a0a0000010000000000000000", 16, "OSPFv2, unknown LS-type 7, length 16"},                                                                            // deb4993
	{false, "0a000001/e0000005", 89, 64, "0201002c0a000001000000000000000200000000000000000000000000000000000000000000000000000000", 44, "OSPFv2, Hello, length 28"},                                // deb4993
	{false, "0a000001/e0000005", 89, 64, "0201002c0a0000010000000000000002", 16, " [|ospf2]"},                                                                                                       // deb4993
	{false, "0a000001/e0000005", 89, 64, "0201", 2, " [|ospf2]"},                                                                                                                                    // deb4993
	{false, "0a000001/e0000005", 89, 64, "", 0, " [|ospf2]"},                                                                                                                                        // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 89, 64, "030100240a00000100000000000000000000000000000000000000000000000000000000", 36, "OSPFv3, Hello, length 36"}, // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 89, 64, "3b00", 2, "OSPFv59, unknown packet type (0), length 2"},                                                    // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 89, 64, "03", 1, " [|ospf3]"},                                                                                       // deb4993
}

func TestOspfPrinter(t *testing.T) { runProtoCases(t, ospfCases) }
