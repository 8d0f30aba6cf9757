package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var lsppingCases = []ndCase{
	{"000100000401000000000005cb8b5d5700000000cb06c5e654bf1a", 27, false, "\n\t\t packet is too short"},
	{"00010000030100c900000005c8c1878c0000000000000000000000000000005202da", 34, false, "LSP-PINGv1, unknown (3), seq 3368126348, length: 34"},
	{"11010000fa010000000000059990ae61000000000000000000000000000000009c", 33, false, "LSP-PING version 4353 packet not supported"},
	{"0002000001010000000000051be99a74000000000000000000000000000000a6", 32, true, "LSP-PING version 2 packet not supported"},
	{"000100000001009e00000005305548cf00000000000000000000000000000000b8", 33, false, "LSP-PINGv1, unknown (0), seq 810895567, length: 33"},
	{"0001000001010000000000057b8490d300000000000000000000000000000000afdae139801b", 38, false, "LSP-PINGv1, MPLS Echo Request, seq 2072285395, length: 38"},
	{"00f30000000100000000000531e89d5200000000000000000000000000000000", 32, false, "LSP-PING version 243 packet not supported"},
	{"0001000002010000000000051a99e5ed00000000000000000000000000000008", 32, true, "LSP-PINGv1, MPLS Echo Reply, seq 446293485, length: 32"},
	{"0001000004010000000000058ea32f2e00000000000000000000000000000000c8f63542e5", 37, false, "LSP-PINGv1, unknown (4), seq 2393059118, length: 37"},
	{"bcb8aa4da4a5ad1ea5e8532f070df93560c7d23886df16eb6e160196d720abb0cd1f8943680678e41bd2371056eb2105044873", 51, true, "LSP-PING version 48312 packet not supported"},
	{"77b07670eb940bd5335f973daad8619b91ffc911f57cced458bbbf2ce03753c9bdfa0ff0169dc9575674066676cfb0b4", 48, false, "LSP-PING version 30640 packet not supported"},
	{"00020000040100000000000586ced96e0000000000000000000000000000", 38, false, " [|lspping]"},
	{"463de0401b27ec476e572e5d9e81e1edff1bff95a64ff58276e5b115c99d91c9adfb74e56d84b3764e775ff9419143b8", 48, false, "LSP-PING version 17981 packet not supported"},
	{"3189fc50d280b496a5815f6d3750813d671646e83a7e5ad5d75414a806a4574bbc7e15", 48, false, "LSP-PING version 12681 packet not supported"},
	{"63ddc894312952acbbdbc33fc01ade663975f4c458447031b1a5e155c1f75e13", 32, true, "LSP-PING version 25565 packet not supported"},
}

func TestLSPPing(t *testing.T) {
	runNDCases(t, lsppingCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLSPPing(b, data, length)
	})
}
