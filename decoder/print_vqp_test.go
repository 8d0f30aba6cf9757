package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var vqpCases = []ndCase{
	{"01050002d9c25be1", 8, false, "VQPv1 unknown (5) Message, error-code No error (0), length 8"},
	{"0c1f42009a421ea1", 5, false, " (invalid)"},
	{"f04c65645c9c248356c8", 10, false, "VQP version 240 packet not supported"},
	{"f61aeed5", 1, false, " [|vqp]"},
	{"01010600e59c7909", 8, false, "VQPv1 Request, Join Port Message, error-code unknown (6), length 8"},
	{"452366cbd591e019a45c65abc08beb4ccb7c4dae687dc101", 24, false, "VQP version 69 packet not supported"},
	{"01c5460206bb6cc3", 8, false, "VQPv1 unknown (197) Message, error-code unknown (70), length 8"},
	{"0104060073e096d8", 8, false, "VQPv1 Response, Reconfirm Message, error-code unknown (6), length 8"},
	{"010004013439de7d", 8, true, "VQPv1 unknown (0) Message, error-code Shutdown port (4), length 8"},
	{"99e36cc4892d4b037cf9a0a12a9c495800671e88f13085aa", 24, false, "VQP version 153 packet not supported"},
	{"55cac766fd8eb84d848f592ab8ac49848281b2c48eef064c428173642465db7a47ebc8642a274e1d0fcfc3d54642257b", 48, false, "VQP version 85 packet not supported"},
	{"2e2042694c750d34814ff532cc5f012dda1a6fd8b11834d6", 24, false, "VQP version 46 packet not supported"},
	{"0203000267339c10", 8, false, "VQP version 2 packet not supported"},
	{"3b2b2d355c72b81c70bdd2d481e0c706b0ebc524b736b3e4903bd893f6ddeb4960bf60cc47a3105636276b07f8a0f0d758a97c10962b0c1102e470a3a1a43143", 64, false, "VQP version 59 packet not supported"},
	{"01020300840884ab38cceb968fbe49681d35c1e3a003ee78", 24, false, "VQPv1 Response, VLAN Message, error-code Access denied (3), length 24"},
	{"010304026ed42f9474d18f386e698ddbb30401f4a33ebe78", 24, true, "VQPv1 Request, Reconfirm Message, error-code Shutdown port (4), length 24"},
	{"9238a579c107739840af5fc5f75a3ce562f33c232cbaf4a0e7dbbe5d6ec0fd24feac04a4d42db4be403a8e68cf449ba246226bbcf230181dc15880ff56c1463d", 64, true, "VQP version 146 packet not supported"},
	{"d904030282eae0455e5950ffd0a65647870b0a8b21b43780", 24, false, "VQP version 217 packet not supported"},
	{"b803b573e7551b7f", 8, true, "VQP version 184 packet not supported"},
	{"ca1c3f1a43eeca957a51f0777380d5eb04814e10", 20, true, "VQP version 202 packet not supported"},
}

func TestVQP(t *testing.T) {
	runNDCases(t, vqpCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printVQP(b, data, length)
	})
}
