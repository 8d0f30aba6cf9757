package decoder

import "testing"

// Cases taken from the conformance corpus (/work/shared/conformance):
// payload = the captured bytes of the TCP/UDP payload, length = the
// length tcpdump passed to the printer, want = the text FreeBSD's
// tcpdump 4.99.5 printed after ", length N" (TCP) or after
// "SRC.SPORT > DST.DPORT: " (UDP). A record's final newline is not
// part of want; printers that add their own "\n" keep it.
var smbCorpusCases = []txtPrinterCase{
	{"wide-102.pcap rec 2032", printNBTTCP, "59e8", 2, " [|nbt_tcp]"},
	{"scan-101.pcap rec 564", printNBTTCP, "1b5f4406c9", 5, " NBT Session Packet: Unknown packet type 0x1BData: (4 bytes)\n[000] 5F 44 06 C9                                       _D^FM-I \n"},
	{"scan-101.pcap rec 2347", printNBTTCP, "af4558b36bb0", 6, " NBT Session Packet: Unknown packet type 0xAFData: (5 bytes)\n[000] 45 58 B3 6B B0                                    EXM-3kM-0 \n"},
	{"wide-102.pcap rec 3480", printNBTTCP, "d3e5c49c449cf1", 7, " NBT Session Packet: Unknown packet type 0xD3Data: (6 bytes)\n[000] E5 C4 9C 44 9C F1                                 M-eM-DM-^\\DM-^\\M-q \n"},
	{"v6-103.pcap rec 469", printNBTTCP, "a7192aef154a888148", 9, " NBT Session Packet: Unknown packet type 0xA7Data: (8 bytes)\n[000] 19 2A EF 15 4A 88 81 48                           ^Y*M-o^UJM-^HM-^AH \n"},
	{"scan-101.pcap rec 1369", printNBTTCP, "2868068a66fa2671357b0f5fbc", 13, " NBT Session Packet: Unknown packet type 0x28Data: (12 bytes)\n[000] 68 06 8A 66 FA 26 71 35  7B 0F 5F BC              h^FM-^JfM-z&q5 {^O_M-<\n"},
	{"scan-101.pcap rec 3592", printNBTTCP, "60eeb9892ff0c154ac06e288156983", 15, " NBT Session Packet: Unknown packet type 0x60Data: (14 bytes)\n[000] EE B9 89 2F F0 C1 54 AC  06 E2 88 15 69 83        M-nM-9M-^I/M-pM-ATM-, ^FM-bM-^H^UiM-^C\n"},
	{"wide-102.pcap rec 824", printNBTTCP, "461d253bc98d582ac882a854d637d723", 16, " NBT Session Packet: Unknown packet type 0x46Data: (15 bytes)\n[000] 1D 25 3B C9 8D 58 2A C8  82 A8 54 D6 37 D7 23     ^]%;M-IM-^MX*M-H M-^BM-(TM-V7M-W#\n"},
	{"scan-101.pcap rec 3370", printNBTTCP, "797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979", 480, " NBT Session Packet: Unknown packet type 0x79Data: (479 bytes)\n[000] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[010] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[020] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[030] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[040] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[050] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[060] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[070] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[080] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[090] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[0A0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[0B0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[0C0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[0D0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[0E0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[0F0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[100] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[110] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[120] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[130] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[140] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[150] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[160] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[170] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[180] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[190] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[1A0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[1B0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[1C0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  yyyyyyyy yyyyyyyy\n[1D0] 79 79 79 79 79 79 79 79  79 79 79 79 79 79 79     yyyyyyyy yyyyyyy\n"},
	{"wide-102.pcap rec 1816", printNBTUDP137, "80f00010000100000000000020434b41414141414141414141414141414141", 50, "NBT UDP PACKET(137): QUERY; REQUEST; BROADCAST"},
	{"scan-101.pcap rec 255", printNBTUDP137, "80f00010000100000000000020434b4141414141414141414141414141414141414141414141414141414141410000210001", 50, "NBT UDP PACKET(137): QUERY; REQUEST; BROADCAST"},
	{"wide-102.pcap rec 1210", printNBTUDP138, "6d2ae9ba6360dfe85c46484e775ac84b", 16, "NBT UDP PACKET(138)"},
	{"wide-102.pcap rec 2474", printSMBTCP, "b613e0e904", 5, " SMB-over-TCP packet:(raw data or continuation?)\n"},
	{"scan-101.pcap rec 2299", printSMBTCP, "0a5ae705406922cc", 8, " SMB-over-TCP packet:(raw data or continuation?)\n"},
	{"scan-101.pcap rec 3591", printSMBTCP, "b93687f0bbcf187bac63", 10, " SMB-over-TCP packet:(raw data or continuation?)\n"},
	{"scan-101.pcap rec 3664", printSMBTCP, "1e1ab4cb2f8df37b52edc9df", 12, " SMB-over-TCP packet:(raw data or continuation?)\n"},
	{"wide-102.pcap rec 2125", printSMBTCP, "d11d08df1097f93ceb8b59a3e34f463f7a8b", 18, " SMB-over-TCP packet:(raw data or continuation?)\n"},
	{"scan-101.pcap rec 3682", printSMBTCP, "797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979", 228, " SMB-over-TCP packet:(raw data or continuation?)\n"},
}

// Hand-made NetBIOS session and SMB payloads. Debian's tcpdump has no SMB
// printer, so these follow print-smb.c's default-verbosity paths: the
// session types are a fixed string, a reject reads the reason byte, and
// an SMB1 header ("\xffSMB") prints its command name and direction.
var smbSourceCases = []txtPrinterCase{
	{"session request", printNBTTCP, "81000044" + "20434b41414141", 72, " NBT Session Packet: Session Request"},
	{"session message", printNBTTCP, "00000010ff534d42", 20, " NBT Session Packet: Session Message"},
	{"session granted", printNBTTCP, "82000000", 4, " NBT Session Packet: Session Granted"},
	{"keepalive", printNBTTCP, "85000000", 4, " NBT Session Packet: Session Keepalive"},
	{"reject", printNBTTCP, "8300000182", 5, " NBT Session Packet:  [|nbt_tcp]"},
	{"reject reason", printNBTTCP, "830000048200000000", 9, " NBT Session Packet: Session Reject, Called name not present"},
	{"reject other", printNBTTCP, "830000047f00000000", 9, " NBT Session Packet: Session Reject, Unspecified error 0x7F"},
	{"nbt short", printNBTTCP, "8100", 2, " [|nbt_tcp]"},
	{"nbt cut", printNBTTCP, "810000", 40, " [|nbt_tcp]"},
	{"smb negprot", printSMBTCP, "0000000c" + "ff534d4272000000001853c8", 16, " SMB PACKET: SMBnegprot (REQUEST)"},
	{"smb reply", printSMBTCP, "0000000c" + "ff534d4272000000009853c8", 16, " SMB PACKET: SMBnegprot (REPLY)"},
	{"smb unknown cmd", printSMBTCP, "0000000c" + "ff534d42ff000000001853c8", 16, " SMB PACKET: SMBunknown (REQUEST)"},
	{"smb continued", printSMBTCP, "00000100" + "ff534d4273000000001853c8", 100, " WARNING: Packet is continued in later TCP segments\nSMB PACKET: SMBsesssetupX (REQUEST)"},
	{"smb short snap", printSMBTCP, "00000100" + "ff534d4225000000009853c8", 900, " WARNING: Short packet. Try increasing the snap length by 244\nSMB PACKET: SMBtrans (REPLY)"},
	{"smb2", printSMBTCP, "00000040fe534d4240000000", 68, " SMB-over-TCP packet:(raw data or continuation?)\n"},
	{"smb short", printSMBTCP, "000000", 3, " [|smb_tcp]"},
	{"smb header cut", printSMBTCP, "00000020ff534d4272", 36, " WARNING: Short packet. Try increasing the snap length by 27\n [|smb]"},
	{"nbns query", printNBTUDP137, "a1b2011000010000000000002043", 50, "NBT UDP PACKET(137): QUERY; REQUEST; BROADCAST"},
	{"nbns positive", printNBTUDP137, "a1b2850000000001000000002043", 62, "NBT UDP PACKET(137): QUERY; POSITIVE; RESPONSE; UNICAST"},
	{"nbns negative", printNBTUDP137, "a1b2a80300000001000000002043", 62, "NBT UDP PACKET(137): REGISTRATION; NEGATIVE; RESPONSE; UNICAST"},
	{"nbns opunknown", printNBTUDP137, "a1b2180000000000000000002043", 62, "NBT UDP PACKET(137): OPUNKNOWN; REQUEST; UNICAST"},
	{"nbns short", printNBTUDP137, "a1b20110000100", 50, " [|nbt_udp137]"},
	{"nbns empty", printNBTUDP137, "a1b201100001000000000000", 0, ""},
	{"nbdgm", printNBTUDP138, "1102", 200, "NBT UDP PACKET(138)"},
	{"nbdgm empty", printNBTUDP138, "", 200, ""},
}

func TestSMBCorpus(t *testing.T) { runTxtPrinterCases(t, smbCorpusCases) }
func TestSMBSource(t *testing.T) { runTxtPrinterCases(t, smbSourceCases) }
