package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var aodvCases = []ndCase{
	{"05861093", 4, false, " aodv type 5 4"},
	{"038913028e2b1dae6625fb1aa9893be1a25e71692772673501026d7dbf28f9344b48a8df322ff5edc731ddff", 44, false, " aodv rerr [D] [items 2] [44]: {142.43.29.174}(1713765146) {169.137.59.225}(2724098409)"},
	{"1394c2b3846a1f3f343e1729", 12, true, " aodv rrep-ack 12"},
	{"1341c857ae263c69", 8, false, " aodv rrep-ack 8"},
	{"02f26a7446bce674ff17b51c8fae9cfcb94e4e90f2ab5bbd0104b64739f06a023a9baf468610e9a33b621f6f828586622eabf5c82ec7", 54, false, " aodv rrep 54  prefix 10 hops 116\n\tdst 70.188.230.116 dseq 4279743772 src 143.174.156.252 3108916880 ms\n\text 242 171"},
	{"554f0cdf3a171efe", 8, true, " aodv type 85 8"},
	{"111fa8d60fb0b8b9", 8, false, " aodv [|aodv]"},
	{"05d1b259cf144992", 8, false, " aodv type 5 8"},
	{"04b5ae0096144218c52187ae13adce59cb2ec7c71960d5af410b576e4088", 30, false, " aodv rrep-ack 30"},
	{"6f330389f5d0fb9efec55db33582117371efd3d7c085f89d8b29037349778177b4062e1c176c712d99f185d40bf46fd5", 48, false, " aodv type 111 48"},
	{"03923300922fd1479a5873c4382542d4a2ffd50b017f65a10104b138e28463fad97bf30c0049bd053431540a9569fb78843e", 50, false, " aodv rerr [D] [items 0] [50]:"},
	{"c5d7dceaf57bdb7e210da4b2748bd5a055b0786240fb5057487213c3bfadf5bdb774f0d2ed79334a", 40, true, " aodv type 197 40"},
	{"368730fb27f0c6ab", 8, true, " aodv type 54 8"},
	{"", 0, false, " [|aodv]"},
	{"02add4248620a5095ca773a086819cf9d406965394183bdc01048eb6fd908358a549b430cbb662cae64cf67c137e282413f1f7a757fe", 54, false, " aodv rrep 54  prefix 20 hops 36\n\tdst 134.32.165.9 dseq 1554477984 src 134.129.156.249 3557201491 ms\n\text 148 24"},
	{"04cd2654c6b42e0bfe74210cd7012bdadbfdc2adc0cf7e890b9f2ba3a78e5e1a360b8cbd74a038f071be40fd", 44, false, " aodv rrep-ack 44"},
	{"12618003c75fa8ee700639956fd22668429036d3", 20, false, " aodv rerr  [items 3] [20]: [|aodv]"},
	{"91", 1, false, " aodv type 145 1"},
	{"1271e301", 4, false, " aodv rerr  [items 1] [4]: [|aodv]"},
	{"135b36cc157119e7551b7f15b81fb54173769ad819a6403b010423b04b7187fa920042ace3d4aa374e69bd51e5ecbad6", 48, false, " aodv rrep-ack 48"},
	{"01a8ef4576512c494d812fb1782b317cbf926caa94328111", 24, false, " aodv rreq 24  hops 69 id 0x76512c49\n\tdst 77.129.47.177 seq 2016096636 src 191.146.108.170 seq 2486337809"},
	{"04320ef3923bc13b2fcaa05e8bdd637f3c9c143b4a2ae0100102f788a7c313f9c9e3c38a67f6f9f279354efb3e933dc84a323b9236ec", 54, false, " aodv rrep-ack 54"},
	{"646e6d5301", 5, false, " aodv type 100 5"},
	{"1aa45753d7eff70b8569f4dc7aa3709c318b5e0cd5084ad643ca57", 28, false, " aodv type 26 28"},
	{"041c57c76e30bb06b71d4ef3220b38cc07a5901f6017149ddd448900", 50, false, " aodv rrep-ack 50"},
	{"12fc8301c9b0cdedd5681b92764d49ac97e7d99abfa08474e8c9a8136b30", 30, false, " aodv rerr [D] [items 1] [30]: {c9b0:cded:d568:1b92:764d:49ac:97e7:d99a}(3214967924)"},
	{"17377c00c2f490c7af2ddc0d67a1b49ce119e81d5046d7e52968", 26, true, " aodv type 23 26"},
	{"12817303e0c71f8618b8c1c3ae3e9488fd73e8f2b4c87f280e086c5bed4afdd89350c1830431dddff3cccb3f85e703a9", 48, false, " aodv rerr [D] [items 3] [48]: {e0c7:1f86:18b8:c1c3:ae3e:9488:fd73:e8f2}(3033038632) {e08:6c5b:ed4a:fdd8:9350:c183:431:dddf}(4090284863) [|aodv]"},
	{"028248676bff78dc2546399c2a32522b3f0fbefcdbcd93b4a8e2", 26, false, " aodv rrep 26  prefix 8 hops 103\n\tdst 107.255.120.220 dseq 625359260 src 42.50.82.43 1057996540 ms\n\text 219 205"},
	{"11e4d735e205dd121ece1ce7d8ae1de3ff86dbf9562e41a429cb7a197fae9a6cbde2616a3f388bd8d69b7f408f8978073c17ab4530e9", 54, false, " aodv rrep 54  prefix 23 hops 53\n\tdst 1ece:1ce7:d8ae:1de3:ff86:dbf9:562e:41a4 dseq 3792035090 src 29cb:7a19:7fae:9a6c:bde2:616a:3f38:8bd8 3600514880 ms\n\text 143 137"},
}

func TestAODV(t *testing.T) {
	runNDCases(t, aodvCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printAODV(b, data, length, v6)
	})
}
