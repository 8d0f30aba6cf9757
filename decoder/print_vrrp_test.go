package decoder

// Code generated from tcpdump output; DO NOT EDIT.
// Expected texts: "corpus" cases come from the conformance corpus (FreeBSD
// tcpdump 4.99.5), "deb4993" cases from Debian's tcpdump 4.99.3 on packets
// made with scapy, kept only where 4.99.3 and 4.99.5 print the same.

import "testing"

var vrrpCases = []protoCase{
	{false, "b67a8077/3d099546", 112, 64, "686c3f7d1cf257f895705f5076e4fa949e46b9f8fefc6f1f16d14a623b", 29, "VRRPv6, unknown type (8), (ttl 64)"},                                  // corpus scan-101.pcap
	{true, "20010db85a740000000000000000bc7c/2a03106581c3f529fbb52525ad78e18f", 112, 1, "923e30c366837705460ec7c97a", 13, "VRRPv9, unknown type (2), (ttl 1)"},                     // corpus scan-101.pcap
	{true, "20010db86da3000000000000000006b3/2a035a2fd6f400a7c4cd952fd9c427e9", 112, 255, "fde68165009cd5d18b79fa2e88ed69b35b375de23071a82a70", 25, "VRRPv15, unknown type (13)"},  // corpus v6-103.pcap
	{false, "90aedddf/8e84b955", 112, 255, "3b0a0e605f3039a5ac72cdc364e6b607ddaad3b552ea5b6d76452cae21", 29, "VRRPv3, unknown type (11)"},                                          // corpus wide-102.pcap
	{false, "0a000001/e0000005", 112, 255, "21016401000100000a0000010000000000000000", 20, "VRRPv2, Advertisement, vrid 1, prio 100, authtype none, intvl 1s, length 20"},          // deb4993
	{false, "0a000001/e0000005", 112, 64, "21016401000100000a000001", 12, "VRRPv2, Advertisement, (ttl 64), vrid 1, prio 100, authtype none, intvl 1s, length 12"},                 // deb4993
	{false, "0a000001/e0000005", 112, 255, "31056401006400000a000001", 12, "VRRPv3, Advertisement, vrid 5, prio 100, intvl 100cs, length 12"},                                      // deb4993
	{false, "0a000001/e0000005", 112, 255, "21010001010000000a0000017061737300000000", 20, "VRRPv2, Advertisement, vrid 1, prio 0, authtype simple, intvl 0s, length 20"},          // deb4993
	{false, "0a000001/e0000005", 112, 255, "2101", 2, "VRRPv2, Advertisement [|vrrp]"},                                                                                             // deb4993
	{false, "0a000001/e0000005", 112, 255, "2101640105", 5, "VRRPv2, Advertisement, vrid 1, prio 100, authtype #5 [|vrrp]"},                                                        // deb4993
	{false, "0a000001/e0000005", 112, 47, "f4", 1, "VRRPv15, unknown type (4), (ttl 47)"},                                                                                          // deb4993
	{false, "0a000001/e0000005", 112, 255, "", 0, "VRRP [|vrrp]"},                                                                                                                  // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 112, 255, "3105640100640000", 8, "VRRPv3, Advertisement, vrid 5, prio 100, intvl 100cs, length 8"}, // deb4993
}

func TestVrrpPrinter(t *testing.T) { runProtoCases(t, vrrpCases) }
