package decoder

// Code generated from tcpdump output; DO NOT EDIT.
// Expected texts: "corpus" cases come from the conformance corpus (FreeBSD
// tcpdump 4.99.5), "deb4993" cases from Debian's tcpdump 4.99.3 on packets
// made with scapy, kept only where 4.99.3 and 4.99.5 print the same.

import "testing"

var mobilityCases = []protoCase{
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b00000000000000", 8, "mobility: BRR"},                                                               // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b010100000000000000000000000000", 16, "mobility: HoTI"},                                             // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b0204000000123400000000000000000000000000000000", 24, "mobility: CoT nonce id=0x1234"},              // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b01050000000007c0000010", 12, "mobility: BU seq#=7 AH lifetime=64"},                                 // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b0106000000038000090010", 12, "mobility: BA status=3 K seq#=9 lifetime=64"},                         // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b0207000000010020010db8000000000000000000000001", 24, "mobility: BE status=1 homeaddr 2001:db8::1"}, // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b00090000000000", 8, "mobility: type-#9 len=0"},                                                     // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b00050000000000", 8, "(header length 8 is too small for type 5) [|mobility]"},                       // deb4993
	{true, "20010db8000000000000000000000001/ff020000000000000000000000000005", 135, 64, "3b00", 2, " [|mobility]"},                                                                            // deb4993
}

func TestMobilityPrinter(t *testing.T) { runProtoCases(t, mobilityCases) }
