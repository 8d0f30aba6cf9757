package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var olsrCases = []ndCase{
	{"ffff2101c92525000f262c43801f6adcac8eb56651d129b53b", 25, false, "OLSRv4, seq 0x2101, length 25"},
	{"00003aab374d03fe32b148080ea7fe5f50fe3e8450acb4743100", 26, false, "OLSRv4, seq 0x3aab, length 0"},
	{"0014ab0484c6e2fd", 8, true, "OLSRv6, seq 0xab04, length 8"},
	{"00640a1b522fcd8d9b", 9, false, "OLSRv4, seq 0x0a1b, length 9"},
	{"0000cd5ecc8861fbb7c0390679fac586882b53c9321a6cb05c59943b7707d6", 31, true, "OLSRv6, seq 0xcd5e, length 0"},
	{"6ced456428de25c34e7c9a83f5c53c37b8e8f6ca6caa4c89", 24, true, "OLSRv6, seq 0x4564, length 24"},
	{"ffff11f7e77e642406dc49021d8aa52271014431b2668ef659ec49", 27, false, "OLSRv4, seq 0x11f7, length 27"},
	{"ffff53ae111e098e12899f5af4acd8e8af7973b11d0be165c94e5b7683ca1459a3", 33, false, "OLSRv4, seq 0x53ae, length 33"},
	{"0014f6dc08af085966847525dabcbd613602c8ada8d2af83ce8db426df72f1b1", 32, false, "OLSRv4, seq 0xf6dc, length 20"},
	{"0004e8becb2fb6b6760154e84090c54cacaf80014960836d031d12eb91713827", 32, false, "OLSRv4, seq 0xe8be, length 4"},
	{"ffff16d0d0d55aee8e420f8122ef6fdfcc8632615da82c0b5f27763c91", 29, false, "OLSRv4, seq 0x16d0, length 29"},
	{"f5ac4e1c26", 5, false, "OLSRv4, seq 0x4e1c, length 5"},
	{"00045e4650ff", 9, false, "OLSRv4, seq 0x5e46, length 4"},
	{"ffff2e2bef6c3946c239c57deff7295202b41ceb45ffc46760", 25, false, "OLSRv4, seq 0x2e2b, length 25"},
	{"fffff2379cda9808cebafb8373a3b359082ec3b98aeec7", 23, false, "OLSRv4, seq 0xf237, length 23"},
}

func TestOLSR(t *testing.T) {
	runNDCases(t, olsrCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printOLSR(b, data, length, v6)
	})
}
