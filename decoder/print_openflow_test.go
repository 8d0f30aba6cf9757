package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var openflowCases = []ndCase{
	{"010d00586bdc8450a97c10962b0c1102e470a3a1a43143938727cda2f0a4599f1590d8086c4631e886ab3235b6d7e3ddc512ad033a61c67896f4deb8cae1e9df2b97f695f8214f2f34cb5bbe5d23db0877de5d2eea196ebc", 88, false, ": OpenFlow\n\tversion 1.0, type PACKET_OUT, length 88, xid 0x6bdc8450"},
	{"04120007e592067337179706072ed33a14607ad7523be6557b5134dec19681f4a1336aa2140d0597a3e6c8a0010400071c823d9e6ef0b6845d6a9d657eb8298f2de52ead74c79d15a75fa29b7dab332f7d700a7ccd258924260b0594b7fcf04e33a727105b4c48a39c369640", 108, false, ": OpenFlow\n\tversion 1.3, type MULTIPART_REQUEST, length 7 (too short!), xid 0xe5920673 (invalid)"},
	{"040c0050c9d455ae7ae61235d041c0a76135f75c0d3e415788fcfc5133fb32a4659ae2f48081e88671c13d09e88e8466cd464f46949f866c5cbbdae1632b2aed0f7bd54ec00c1210df58f6b2dc3c1b3a", 80, false, ": OpenFlow\n\tversion 1.3, type PORT_STATUS, length 80, xid 0xc9d455ae"},
	{"471b002061b0f35af960362e649471aad60c8735663bce624052bd483eaf107404130050ecd30c6be2c078b095225fe21ec871cf5313c93a8f7dd9167d25d650c095db1ccd2fec86530bd468305cacad00f15b5750d61271031ff70e8f3a7d9d85e95bc8a060ee99ec8263b3aca0fd03", 112, false, ": OpenFlow\n\tversion unknown (0x47), type unknown (0x1b), length 32, xid 0x61b0f35a\n\tversion 1.3, type MULTIPART_REPLY, length 80, xid 0xecd30c6b"},
	{"0100005895537a879f0ec828d3c42362aa2629191796a42187283d045f88151eaa53680b80d0d4cfd56a54fe5b2c6473096b74e150f377ea2959b8abec6025ed341417bc3b9744a9be7e54392eaf652b4ebb563b7bf0e85301070058a8fe5671d4d4a7b211b9a9e41150534435539ab37876b00ea94e242abcb2f2eeb32de9d61fc4659613a771ca08c9fcdf99e36cc4892d4b037cf9a0a12a9c495800671e88f13085aa988eb97462e92189c147493004070010902a8b5ad050782f6688e9", 191, false, ": OpenFlow\n\tversion 1.0, type HELLO, length 88, xid 0x95537a87\n\tversion 1.0, type GET_CONFIG_REQUEST, length 88, xid 0xa8fe5671 (invalid)\n\tversion 1.3, type GET_CONFIG_REQUEST, length 16, xid 0x902a8b5a (invalid) [|openflow]"},
	{"040b001a99b5af2fbed504a0c7bc79e97d23cfb5105f54e7b7eb021d001d178c5c45ce0a95f63a8924146553d37258ef8548", 50, false, ": OpenFlow\n\tversion 1.3, type FLOW_REMOVED, length 26, xid 0x99b5af2f\n\tversion 1.1, type unknown (0x1d), length 29, xid 0x178c5c45 [|openflow]"},
	{"0211000c17f54ca4b1d845bc02000050c92677c2871ff156208f4a6c4c004ae8c35dccba5630fc130acd963c5c8a2d0325a4cd1b8f824ec02df299ff496d64a569b3d63bebf26a7446bce674ff17b51c8fae9cfcb94e4e90f2ab5bbd", 92, false, ": OpenFlow\n\tversion 1.1, type unknown (0x11), length 12, xid 0x17f54ca4\n\tversion 1.1, type unknown (0x00), length 80, xid 0xc92677c2"},
	{"010b002070afcc3bff1bff95a64ff58276e5b115c99d91c9adfb74e56d84b376", 32, false, ": OpenFlow\n\tversion 1.0, type FLOW_REMOVED, length 32, xid 0x70afcc3b (invalid)"},
	{"010000102cf536d1c6a54338f87df32c041e0010aa98c9265f886db68f99570c", 32, false, ": OpenFlow\n\tversion 1.0, type HELLO, length 16, xid 0x2cf536d1\n\tversion 1.3, type unknown (0x1e), length 16, xid 0xaa98c926"},
	{"471300409c60fb7e10e9a33b621f6f8285", 103, false, ": OpenFlow\n\tversion unknown (0x47), type unknown (0x13), length 64, xid 0x9c60fb7e [|openflow]"},
	{"471d000567f736ea040a00244a832d1f19ea9be0b6f848c3d70992dcf8042f001b69567dafc061904864c89a041a0018c5900c8796e53f511871e99bb6db166100484dc2", 68, false, ": OpenFlow\n\tversion unknown (0x47), type unknown (0x1d), length 5 (too short!), xid 0x67f736ea (invalid)"},
	{"0415005883ef7579caadab8c8a478a3461b500b86b5fcc1dc683268ccd7bfca2a27e35b9513b508b2c9b914555d8386c86e00d8396bc83a0b73e493eb3c4bab9568a6b8a4cdf970e98dd003116e8b646a2fb08a095630fee01000020135d957d1a64a60361983de7b68c5f17a2b581fc3f917371cca3cb1602020025d7b1c047c679397fb08dd307eb9cb5bef59146a3986343b2c2956ce8", 152, false, ": OpenFlow\n\tversion 1.3, type BARRIER_REPLY, length 88, xid 0x83ef7579 (invalid)\n\tversion 1.0, type HELLO, length 32, xid 0x135d957d\n\tversion 1.1, type unknown (0x02), length 37, xid 0xd7b1c047 [|openflow]"},
	{"fa", 1, false, ": OpenFlow\n\tversion unknown (0xfa) (end of TCP payload)"},
	{"041b000c830ab71858316ea6011d00508a326e5e1e0318f38b562d2dc20a3a7d27351d6d444d1797c45480d88bd8999e1cfe2bcc17a793df26bf9e4b16418e8fb21b06f8848b07c9e76e44726b3a0ea99e0e84aa03f46d40bf036b4e020c004002406d027ed973c9c152804a6d5e178a90004420dbf1a554582d2424eaf5028f7ae40b586a8786a2de3fe871af78ba031050c4ff67abeb", 151, false, ": OpenFlow\n\tversion 1.3, type GET_ASYNC_REPLY, length 12, xid 0x830ab718 (invalid)\n\tversion 1.0, type unknown (0x1d), length 80, xid 0x8a326e5e\n\tversion 1.1, type unknown (0x0c), length 64, xid 0x02406d02 [|openflow]"},
	{"470f0040e2f3fef5ec3a3fc944c698f02e823ee333fb540e7e3ef80d1786d72b3f87c25258d8e127c001882deb72a8852afa10bd76055b0d191c8116d3c6b9a8010500203cfb1c4177abd02e89335410e43288da7fd8a608c3858699bd36fd", 95, false, ": OpenFlow\n\tversion unknown (0x47), type unknown (0x0f), length 64, xid 0xe2f3fef5\n\tversion 1.0, type FEATURES_REQUEST, length 32, xid 0x3cfb1c41 (invalid) [|openflow]"},
	{"1639a3d22779a0759f2937fdfb5e4ae4f30fbabd", 20, false, ": OpenFlow\n\tversion unknown (0x16), type unknown (0x39), length 41938, xid 0x2779a075 [|openflow]"},
	{"3c97", 2, false, ": OpenFlow\n\tversion unknown (0x3c), type unknown (0x97) (end of TCP payload)"},
	{"b7947f3e129cfb9d979fdd2cff1ccda0347a1a03", 20, false, ": OpenFlow\n\tversion unknown (0xb7), type unknown (0x94), length 32574, xid 0x129cfb9d [|openflow]"},
	{"0118005864a1b0ddd861a6e75e6507caa77f541eec24552b9356a1f5a552a5fca01a6b46ff5867b7990b3ec7d8b7698e02b41d8a5e6c8db20fa4b6450c413bf37cd12406517898d471e3ba73abfe06ede26c4be442c7ab81", 88, false, ": OpenFlow\n\tversion 1.0, type unknown (0x18), length 88, xid 0x64a1b0dd"},
	{"397db85f6f431d4484c59ef24c4ab26f", 16, false, ": OpenFlow\n\tversion unknown (0x39), type unknown (0x7d), length 47199, xid 0x6f431d44 [|openflow]"},
	{"47110050916c94eb75cb205ddd12f860975197c88cab4e68434d00e2fe59d1f7b5cf13bd95f82ce37ea68ed1ed2d9e21092ec86047de34f27f56889b6ce697dd9b1b2f0bdd5dd404ebb71f9c34fcd7fe0110000ca59113", 87, false, ": OpenFlow\n\tversion unknown (0x47), type unknown (0x11), length 80, xid 0x916c94eb\n\tversion 1.0, type STATS_REQUEST, length 12 (end of TCP payload)"},
	{"040700205754f5435f81dcafd1d6ee285188ef3840191c6fb7ee0703fbea3f4c040c004079b378fe37cf35d306329053fe844654c72e7609cfc56b49f1607bc9d38daa5a0340ac024360ea439830cece2aa6862c9be877d6517ebedabc31ffb30404002819506b1993aeb6047674ecaa46be43d4a292619e42537f1564229d9e5b9a16f05bdb703e", 136, false, ": OpenFlow\n\tversion 1.3, type GET_CONFIG_REQUEST, length 32, xid 0x5754f543 (invalid)\n\tversion 1.3, type PORT_STATUS, length 64, xid 0x79b378fe (invalid)\n\tversion 1.3, type EXPERIMENTER, length 40, xid 0x19506b19"},
	{"6546a94d02406b68b9ef7dcb8c871a64af10b2e5", 20, false, ": OpenFlow\n\tversion unknown (0x65), type unknown (0x46), length 43341, xid 0x02406b68 [|openflow]"},
	{"0208000c97f567", 7, false, ": OpenFlow\n\tversion 1.1, type unknown (0x08), length 12 (end of TCP payload)"},
	{"0413000c", 12, false, ": OpenFlow\n\tversion 1.3, type MULTIPART_REPLY, length 12 [|openflow]"},
	{"3c22f9746f1f3809", 8, false, ": OpenFlow\n\tversion unknown (0x3c), type unknown (0x22), length 63860, xid 0x6f1f3809 [|openflow]"},
	{"0101005860272c6a4755fd5eca5a27aa655550c1e35d64fde99447d97ef5c543c2e859972e9f8ef1667c4183014f17cbcb93349b21a55d4f231e8469c029d9de9c1d2a74fbad0bb760395f7be8a093841a86975b250c0820010100404ea3f2a53b3a7ebcdd58930e3e036d4137e46071804c151c7d66c8cff4b77e2c16f330ce68d4a32dfddceb072283dc4c0da763c7584ed7eefd056ab9471500083acdf611", 160, false, ": OpenFlow\n\tversion 1.0, type ERROR, length 88, xid 0x60272c6a\n\tversion 1.0, type ERROR, length 64, xid 0x4ea3f2a5\n\tversion unknown (0x47), type unknown (0x15), length 8, xid 0x3acdf611"},
	{"95cd", 2, false, ": OpenFlow\n\tversion unknown (0x95), type unknown (0xcd) (end of TCP payload)"},
	{"0409000a03", 5, false, ": OpenFlow\n\tversion 1.3, type SET_CONFIG, length 10 (end of TCP payload)"},
	{"470b004036654a078246e2d13533190d46aa1584e90ee4b91d5f084af0fbc2eae9bd1237b245038ea0c237e2ea6b202617849cc2b80298489a8e3d32956477b547150008db53423b", 72, false, ": OpenFlow\n\tversion unknown (0x47), type unknown (0x0b), length 64, xid 0x36654a07\n\tversion unknown (0x47), type unknown (0x15), length 8, xid 0xdb53423b"},
	{"471f002019d9", 56, false, ": OpenFlow\n\tversion unknown (0x47), type unknown (0x1f), length 32 [|openflow]"},
	{"51b2c24ce78e2dba3a54dab5e48b5ab7688d5a0011a07936ee670a01f0bc1c945f26931709ca9c0b8ba9782701fd412ade402b57", 52, false, ": OpenFlow\n\tversion unknown (0x51), type unknown (0xb2), length 49740, xid 0xe78e2dba [|openflow]"},
	{"010c001033ce604c3b2c709281d87f10", 16, false, ": OpenFlow\n\tversion 1.0, type PORT_STATUS, length 16, xid 0x33ce604c (invalid)"},
	{"041a000c36d786", 7, false, ": OpenFlow\n\tversion 1.3, type GET_ASYNC_REQUEST, length 12 (end of TCP payload)"},
	{"040500408172e5a360827ebf2b98bbd6a1c2462493935bf060b38323672fb4456a840eebee6e021e30bf6aa3ee63a5dc9c18650b956c57b2ab1e393a421e19b6", 64, false, ": OpenFlow\n\tversion 1.3, type FEATURES_REQUEST, length 64, xid 0x8172e5a3 (invalid)"},
	{"04190050b56eeea15941dcb2bbbfde11bc3fab1b6cb75b92ff59d8bcbe0f555db7f0e4623ea408db71e09ed78d2865e7391302727a10ffa96861380e998f3044bde6d8a81f9b2aed71516b", 75, false, ": OpenFlow\n\tversion 1.3, type ROLE_REPLY, length 80, xid 0xb56eeea1 (invalid) [|openflow]"},
	{"010d0008b3efaa87470a005082ae2d89da189544b46a678729883d890f2565c395f7961c8470a0cff82d71faa3e3b5b5e58e01e8e54eec7f6be0256a13791d949982bb921afcdce724d1c09acd1011693342afb2c9d910e4040e002c3d9d220f11df1df3d1109c7e5c9a76ff8aa60571b581b2719e0e5ea4fa0a6d55abb0754e75a94ea8", 132, false, ": OpenFlow\n\tversion 1.0, type PACKET_OUT, length 8, xid 0xb3efaa87 (invalid)\n\tversion unknown (0x47), type unknown (0x0a), length 80, xid 0x82ae2d89\n\tversion 1.3, type FLOW_MOD, length 44, xid 0x3d9d220f"},
	{"04060010a4a11e268c0438d19adc53e70404000c5370b70e2e0b5052", 28, false, ": OpenFlow\n\tversion 1.3, type FEATURES_REPLY, length 16, xid 0xa4a11e26 (invalid)\n\tversion 1.3, type EXPERIMENTER, length 12, xid 0x5370b70e (invalid)"},
	{"ad4610927f2818383a6d11ca", 12, false, ": OpenFlow\n\tversion unknown (0xad), type unknown (0x46), length 4242, xid 0x7f281838 [|openflow]"},
	{"04080008fd0f4869", 8, false, ": OpenFlow\n\tversion 1.3, type GET_CONFIG_REPLY, length 8, xid 0xfd0f4869 (invalid)"},
}

func TestOpenFlow(t *testing.T) {
	runNDCases(t, openflowCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printOpenFlow(b, data, length)
	})
}
