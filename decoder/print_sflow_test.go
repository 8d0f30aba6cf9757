package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var sflowCases = []ndCase{
	{"00000005000000019197bf4afea7e0b2005f1436de4cd5a6915451f8d81b5f43b739c8d791ad59", 39, false, "sFlowv5, IPv4 agent 145.151.191.74, agent-id 4272414898, length 39"},
	{"000000050000000128256f58dd0bbcf9917066fc78d9e7bb60f62583", 28, false, "sFlowv5, IPv4 agent 40.37.111.88, agent-id 3708534009, length 28"},
	{"00000005000000026df111d6605f9567393284e0d24eda2d49021b", 27, false, "sFlowv5 [length 27 < 28] (invalid)"},
	{"", 0, true, " [|sflow]"},
	{"0000000400000002a17c73aee8ea74e6d873e15b2f0b9c8ce58f87f34ac200abd975234f8395267656d74ef181ce55c8", 48, false, "sFlow version 4 packet not supported"},
	{"0000000400000002a6d34d43f48081daf11896fcb0fd43e44af24d", 27, true, "sFlowv4 [length 27 < 28] (invalid)"},
	{"00000005000000026c541e35151af65d423ecfc41ccb119b2dc102a5194327ed7ca1b042001d52", 39, false, "sFlowv5 [length 39 < 28] (invalid)"},
	{"000000050000000240cb86ac7d8af44af055", 18, false, "sFlowv5 [length 18 < 28] (invalid)"},
	{"0000000500000001b863ecc1e5b1287e7730782d9fbd293eb87f919e3f55d06ced456428de25c34e", 40, false, "sFlowv5, IPv4 agent 184.99.236.193, agent-id 3853592702, length 40"},
	{"00000005000000034022fe48808ffdb718f7e2ae6109bc3ca4bd472216123a8fac1fe8a54da4dccd", 40, false, "sFlowv5, IPv6 agent 4022:fe48:808f:fdb7:18f7:e2ae:6109:bc3c, agent-id 2763867938, length 40"},
	{"00000005000000021458c404eaa99963b11c70982d4267122b426b4ed26fc710e86dfc5c99409ca947546cea21dce415", 48, false, "sFlowv5, IPv6 agent 1458:c404:eaa9:9963:b11c:7098:2d42:6712, agent-id 725773134, length 48"},
	{"0000000500000001995f8db26d630fbb08a5d56fc48629bcc674db226e775f61060a1120bef3dc6f", 40, false, "sFlowv5, IPv4 agent 153.95.141.178, agent-id 1835208635, length 40"},
	{"000000050000000143f68921f5af7eee008f161a01287b43e065776b37f15d73c592a9642da98dd80e883785d2dece8b", 48, false, "sFlowv5, IPv4 agent 67.246.137.33, agent-id 4121919214, length 48"},
	{"0000000500000003879ecf51875b46841185d640b087199e07eae688a72fd828d1556ba1446ae0", 39, false, "sFlowv5, IPv6 agent 879e:cf51:875b:4684:1185:d640:b087:199e, agent-id 132834952, length 39"},
	{"0000000500000002f79e7e3d1369a1460aef734983f312ab983bc087fff59add8abb017bcb4e49e8", 40, false, "sFlowv5, IPv6 agent f79e:7e3d:1369:a146:aef:7349:83f3:12ab, agent-id 2554052743, length 40"},
	{"00000005000000024326c3c375c19741051edc29a0acd0bac86b6fd5512353b9091d0f07b013c3d0cfd0e9521a410faf", 48, false, "sFlowv5, IPv6 agent 4326:c3c3:75c1:9741:51e:dc29:a0ac:d0ba, agent-id 3362484181, length 48"},
	{"000000050000000122f835df58a9d3fdb7acb9c75fb05e5c1d0d0464ad7b8389dab6d9ef3e48769d", 40, false, "sFlowv5, IPv4 agent 34.248.53.223, agent-id 1487524861, length 40"},
	{"0000000500000002a6f5e002189940c7249641a5a4c5f34a83707ec1bc199aedb0024cf3ff0910c8", 40, false, "sFlowv5, IPv6 agent a6f5:e002:1899:40c7:2496:41a5:a4c5:f34a, agent-id 2205187777, length 40"},
	{"0000000500000002e22b0662b8e03a60080c359c0ad558855a170b6060583db8189e38556e00197757d7774802effb10", 48, false, "sFlowv5, IPv6 agent e22b:662:b8e0:3a60:80c:359c:ad5:5885, agent-id 1511459680, length 48"},
	{"000000050000000303b74b0d50dac2ef04d2282e055ea7c596547e00e70762734e132b926a209c33a2fa201107dd055a", 48, false, "sFlowv5, IPv6 agent 3b7:4b0d:50da:c2ef:4d2:282e:55e:a7c5, agent-id 2522119680, length 48"},
}

func TestSFlow(t *testing.T) {
	runNDCases(t, sflowCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printSFlow(b, data, length)
	})
}
