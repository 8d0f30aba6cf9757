package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP). Inner IPv4/IPv6 texts that 4.99.5 words differently are left out.
var mplsudpCases = []ndCase{
	{"", 0, false, "MPLS (invalid)"},
	{"66d9238825805a314d1e", 24, false, "MPLS (label 421266, tc 1, [S], ttl 136)\n\t0x0000:  2580 5a31 4d1e                           %.Z1M. [|mpls]"},
	{"0d", 3, false, "MPLS (invalid) [|mpls]"},
	{"000021406000000000083b400000000000000000000000000000000000000000000000000000000000000000fd5eca5a27aa6555", 52, false, "MPLS (label 2, tc 0, [S], ttl 64) :: > ::: no next header"},
	{"003e81404500001c0001000040110000010101010202020204d2162e00080000", 32, false, "MPLS (label 1000, tc 0, [S], ttl 64) 1.1.1.1.1234 > 2.2.2.2.5678: UDP, length 0"},
	{"003e8040000061406000000000083b4000000000000000000000000000000000000000000000000000000000bc000000bd6e8bbba7b1804c", 56, false, "MPLS (label 1000, tc 0, ttl 64) (label 6, tc 0, [S], ttl 64) :: > ::188.0.0.0: no next header"},
	{"09c6e959e1", 7, true, "MPLS (label 40046, tc 4, [S], ttl 89)\n\t0x0000:  e1                                       . [|mpls]"},
	{"000101406000000000083b40000000000000000000000000000000000000000000000000000000000000000009ee33379b817659", 52, false, "MPLS (label 16, tc 0, [S], ttl 64) :: > ::: no next header"},
	{"0000304000010140e8619f97ebf741e06fcd", 18, false, "MPLS (label 3, tc 0, ttl 64) (label 16, tc 0, [S], ttl 64)\n\t0x0000:  e861 9f97 ebf7 41e0 6fcd                 .a....A.o."},
	{"00010040000021406000000000083b4000000000000000000000000000000000000000000000000000000000000000005cf3733c40a9679e", 56, false, "MPLS (label 16, tc 0, ttl 64) (label 2, tc 0, [S], ttl 64) :: > ::: no next header"},
	{"9238a579c107739840af5fc5f75a3ce562f33c232cbaf4a0e7dbbe5d6ec0fd24feac04a4d42db4be403a8e68cf449ba246226bbcf230181dc15880ff56c1463d", 64, true, "MPLS (label 598922, tc 2, [S], ttl 121)\n\t0x0000:  c107 7398 40af 5fc5 f75a 3ce5 62f3 3c23  ..s.@._..Z<.b.<#\n\t0x0010:  2cba f4a0 e7db be5d 6ec0 fd24 feac 04a4  ,......]n..$....\n\t0x0020:  d42d b4be 403a 8e68 cf44 9ba2 4622 6bbc  .-..@:.h.D..F\"k.\n\t0x0030:  f230 181d c158 80ff 56c1 463d            .0...X..V.F="},
	{"00002040000101404500001c0001000040110000010101010202020204d2162e00080000", 36, false, "MPLS (label 2, tc 0, ttl 64) (label 16, tc 0, [S], ttl 64) 1.1.1.1.1234 > 2.2.2.2.5678: UDP, length 0"},
	{"00000040000101404500001c0001000040110000010101010202020204d2162e00080000", 36, true, "MPLS (label 0, tc 0, ttl 64) (label 16, tc 0, [S], ttl 64) 1.1.1.1.1234 > 2.2.2.2.5678: UDP, length 0"},
	{"4daa01c731d1", 6, false, "MPLS (label 318112, tc 0, [S], ttl 199)\n\t0x0000:  31d1                                     1."},
	{"", 6, false, "MPLS [|mpls]"},
	{"000001404500001c0001000040110000010101010202e9a804d2162e00080000", 32, false, "MPLS (label 0, tc 0, [S], ttl 64) 1.1.1.1.1234 > 2.2.233.168.5678: UDP, length 0"},
	{"5129e2f4baa2266e714ab5af575462686910d460ebd2a90ea15b4076d6f9583c3f3208ee5b2a2d4706d08e61b0e0faedfcef8534acae20e9c68fc9a9229a4684", 64, false, "MPLS (label 332446, tc 1, ttl 244) (label 764450, tc 3, ttl 110) (label 464043, tc 2, [S], ttl 175)\n\t0x0000:  5754 6268 6910 d460 ebd2 a90e a15b 4076  WTbhi..`.....[@v\n\t0x0010:  d6f9 583c 3f32 08ee 5b2a 2d47 06d0 8e61  ..X<?2..[*-G...a\n\t0x0020:  b0e0 faed fcef 8534 acae 20e9 c68f c9a9  .......4........\n\t0x0030:  229a 4684                                \".F."},
	{"0dafc4971c7c0c", 12, false, "MPLS (label 56060, tc 2, ttl 151) [|mpls]"},
	{"080031407c00001c0001000040110000010101010202960204d2162e00080000", 32, true, "MPLS (label 32771, tc 0, [S], ttl 64)\n\t0x0000:  7c00 001c 0001 0000 4011 0000 0101 0101  |.......@.......\n\t0x0010:  0202 9602 04d2 162e 0008 0000            ............"},
	{"a300304000628140f43e0b4bce95881e3877", 18, false, "MPLS (label 667651, tc 0, ttl 64) (label 1576, tc 0, [S], ttl 64)\n\t0x0000:  f43e 0b4b ce95 881e 3877                 .>.K....8w"},
}

func TestMPLSUDP(t *testing.T) {
	runNDCases(t, mplsudpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return udpMPLS(d, b, data, length, nil, 0, 0)
	})
}
