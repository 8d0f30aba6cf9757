package decoder

import (
	"encoding/hex"
	"math/rand"
	"testing"
)

// icmpCase is one ICMP or ICMPv6 message: where it comes from, the length
// tcpdump's IP printer passes (IP payload length), the captured bytes from
// the ICMP header on (hex) and the text tcpdump prints after "SRC > DST: ".
type icmpCase struct {
	src    string
	length int
	data   string
	want   string
}

func icmpRunCases(t *testing.T, v6 bool, cases []icmpCase) {
	t.Helper()
	for i, c := range cases {
		d, err := hex.DecodeString(c.data)
		if err != nil {
			t.Fatalf("%s #%d: bad hex: %v", c.src, i, err)
		}
		ip := &ipInfo{v6: v6}
		var got []byte
		if v6 {
			got = printICMP6([]byte("X: "), d, c.length, ip)
		} else {
			got = printICMP([]byte("X: "), d, c.length, ip)
		}
		if string(got) != "X: "+c.want {
			t.Errorf("%s #%d (len %d, %s):\n want %q\n got  %q", c.src, i, c.length, c.data, "X: "+c.want, got)
		}
	}
}

func TestICMPCorpus(t *testing.T) { icmpRunCases(t, false, icmpCasesCorpus) }
func TestICMPDebian(t *testing.T) { icmpRunCases(t, false, icmpCasesDebian) }
func TestICMPHand(t *testing.T)   { icmpRunCases(t, false, icmpCasesHand) }

// Hand-made cases.
var icmpCasesHand = []icmpCase{
	// A router advertisement whose text outgrows tcpdump's buffer: FreeBSD's
	// char buf[MAXHOSTNAMELEN + 100] holds 355 characters (MAXHOSTNAMELEN is
	// 256 there; Debian's 64 cuts at 163). Expected text written by hand from
	// the entries {200.100.100.i 4000000000+i}, cut at 355 characters.
	{"hand, FreeBSD buffer", 328, "0900123428020708c8646400ee6b2800c8646401ee6b2801c8646402ee6b2802c8646403ee6b2803c8646404ee6b2804c8646405ee6b2805c8646406ee6b2806c8646407ee6b2807c8646408ee6b2808c8646409ee6b2809c864640aee6b280ac864640bee6b280bc864640cee6b280cc864640dee6b280dc864640eee6b280ec864640fee6b280fc8646410ee6b2810c8646411ee6b2811c8646412ee6b2812c8646413ee6b2813c8646414ee6b2814c8646415ee6b2815c8646416ee6b2816c8646417ee6b2817c8646418ee6b2818c8646419ee6b2819c864641aee6b281ac864641bee6b281bc864641cee6b281cc864641dee6b281dc864641eee6b281ec864641fee6b281fc8646420ee6b2820c8646421ee6b2821c8646422ee6b2822c8646423ee6b2823c8646424ee6b2824c8646425ee6b2825c8646426ee6b2826c8646427ee6b2827",
		"ICMP router advertisement lifetime 30:00 40: {200.100.100.0 4000000000} {200.100.100.1 4000000001} {200.100.100.2 4000000002} {200.100.100.3 4000000003} {200.100.100.4 4000000004} {200.100.100.5 4000000005} {200.100.100.6 4000000006} {200.100.100.7 4000000007} {200.100.100.8 4000000008} {200.100.100.9 4000000009} {200.100.100.10 4000000010} {200.100.100.11 4, length 328"},
	// Spec §6.1 examples.
	{"spec", 64, "0800000000010002", "ICMP echo request, id 1, seq 2, length 64"},
	{"spec", 20, "0e000000000700080038cefc0000000005265bff", "ICMP time stamp reply id 7 seq 8: org 01:02:03.004, recv 00:00:00.000, xmit 23:59:59.999, length 20"},
	{"spec", 8, "2a00000000000000", "ICMP type-#42, length 8"},
	{"spec", 8, "08000000", " [|icmp]"},
	{"empty", 0, "", " [|icmp]"},
}

// TestICMPWrongIPVersion: Debian 4.99.3 (-n -e -t) on IPv4 with protocol 58
// and IPv6 with next header 1 (ip_demux_print's check).
func TestICMPWrongIPVersion(t *testing.T) {
	d, _ := hex.DecodeString("8000000000010002")
	if got := string(printICMP6(nil, d, 8, &ipInfo{v6: false})); got != "[ICMPv6 requires IPv6] (invalid)" {
		t.Errorf("icmp6 over IPv4: %q", got)
	}
	d, _ = hex.DecodeString("0800000000010002")
	if got := string(printICMP(nil, d, 8, &ipInfo{v6: true})); got != "[ICMP requires IPv4] (invalid)" {
		t.Errorf("icmp over IPv6: %q", got)
	}
}

// TestICMPNoPanic feeds random and cut-short messages of every type.
func TestICMPNoPanic(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	buf := make([]byte, 0, 1024)
	for i := 0; i < 200000; i++ {
		n := r.Intn(90)
		if r.Intn(20) == 0 {
			n = r.Intn(2100)
		}
		d := make([]byte, n)
		r.Read(d)
		if n > 0 {
			d[0] = byte(r.Intn(20))
		}
		if n > 5 && r.Intn(2) == 0 {
			d[5] = 2
		}
		ip := &ipInfo{v6: r.Intn(50) == 0}
		buf = printICMP(buf[:0], d, r.Intn(3000)-1, ip)
		ip.v6 = !ip.v6
		d = append(d[:0:0], d...)
		if n > 0 {
			d[0] = byte(r.Intn(256))
			if r.Intn(2) == 0 {
				d[0] = 128 + byte(r.Intn(30))
			}
		}
		buf = printICMP6(buf[:0], d, r.Intn(3000)-1, ip)
	}
}

func BenchmarkICMPEcho(b *testing.B) {
	d, _ := hex.DecodeString("0800000000010002")
	ip := &ipInfo{}
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = printICMP(buf[:0], d, 64, ip)
	}
}

// Corpus: payloads cut from shared/conformance pcaps (FreeBSD tcpdump 4.99.5 text).
var icmpCasesCorpus = []icmpCase{
	{"scan-101.pcap#112", 8, "08009c3775e6e5e1", "ICMP echo request, id 30182, seq 58849, length 8"},
	{"scan-101.pcap#201", 8, "08005a12919a0c53", "ICMP echo request, id 37274, seq 3155, length 8"},
	{"wide-102.pcap#2170", 16, "0a01f5fe00000000", "ICMP router solicitation, length 16"},
	{"wide-102.pcap#2827", 16, "2a01d5fe00000000000000", "ICMP type-#42, length 16"},
	{"wide-102.pcap#2644", 48, "0b0000a60000000045000028", " [|icmp]"},
	{"scan-101.pcap#41", 16, "1e00e1ff000000000000000000000000", "ICMP type-#30, length 16"},
	{"scan-101.pcap#212", 16, "0a00f5ff000000000000000000000000", "ICMP router solicitation, length 16"},
	{"scan-101.pcap#237", 16, "0901f6fe000000000000000000000000", "ICMP router advertisement lifetime 0 0: [size 0], length 16"},
	{"scan-101.pcap#376", 16, "0001fffe000000000000000000000000", "ICMP echo reply, id 0, seq 0, length 16"},
	{"scan-101.pcap#547", 58640, "0500faff000000008b00000000000000", " [|icmp]"},
	{"scan-101.pcap#553", 16, "0901f6fe000000000000000000000000", "ICMP router advertisement lifetime 0 0: [size 0], length 16"},
	{"scan-101.pcap#600", 16, "0001fffe000000000000000000000000", "ICMP echo reply, id 0, seq 0, length 16"},
	{"scan-101.pcap#2353", 20, "1101eefe00000000000000000000000000000000", "ICMP address mask request, length 20"},
	{"wide-102.pcap#378", 20, "1100eeff00000000000000000000000000000000", "ICMP address mask request, length 20"},
	{"scan-101.pcap#493", 32, "0d00bd4246ba000100b9f99c00b9f99c00b9f99c000000000000000000000000", "ICMP time stamp query id 18106 seq 1, length 32"},
	{"scan-101.pcap#509", 32, "0d00d22a31d2000100b9f99c00b9f99c00b9f99c000000000000000000000000", "ICMP time stamp query id 12754 seq 1, length 32"},
	{"scan-101.pcap#1073", 36, "03017c88000000004500001c000100004011fb60d8db99b8555cb77fdc8300350008", "ICMP host 85.92.183.127 unreachable, length 36"},
	{"scan-101.pcap#30", 36, "0300b51d000000004500001c000100004011c2ccc8e8c0aa1aa913c862d100350008e4d3", "ICMP net 26.169.19.200 unreachable, length 36"},
	{"scan-101.pcap#85", 36, "0303ca85000000004500001c000100004011ad6120d5e7e267585d5fcfdd829a0008dff6", "ICMP 103.88.93.95 udp port 33434 unreachable, length 36"},
	{"scan-101.pcap#227", 36, "0303eb92000000004500001c0001000040118c5417b782608387d0ddd7ca829a0008b6fc", "ICMP 131.135.208.221 udp port 33434 unreachable, length 36"},
	{"scan-101.pcap#401", 36, "03001c7f000000004500001c0001000040115b6bba6d4d2e1889ff40ef24829a00086eb9", "ICMP net 24.137.255.64 unreachable, length 36"},
	{"scan-101.pcap#574", 36, "030d0f5a000000004500001c0001000040116883b3cc0a8465edee0f8fd0003500085d8b", "ICMP host 101.237.238.15 unreachable - admin prohibited filter, length 36"},
	{"scan-101.pcap#580", 36, "030a146d000000004500001c00010000401163737ed64c8c21e72a148aba00a100085d25", "ICMP host 33.231.42.20 unreachable - admin prohibited, length 36"},
	{"scan-101.pcap#732", 36, "030da66f000000004500001c000100004011d16d6ed4e3d6aa0aacad6f4000350008e705", "ICMP host 170.10.172.173 unreachable - admin prohibited filter, length 36"},
	{"scan-101.pcap#865", 36, "0301239a000000004500001c000100004011544fa07cf28aa35ff01a188f829a00083e33", "ICMP host 163.95.240.26 unreachable, length 36"},
	{"scan-101.pcap#2162", 36, "030a314f000000004500001c00010000401146916f3edb1aa22047c61be000a10008af1d", "ICMP host 162.32.71.198 unreachable - admin prohibited, length 36"},
	{"wide-102.pcap#44", 48, "0b00df8000000000450000280001000040069069bb6a3917b171447301bbdc67000000000000000050122000c7", "ICMP time exceeded in-transit, length 48"},
	{"scan-101.pcap#83", 48, "0b005a43000000004500002800010000400615a74612d008a5d6a93701bb4b47000000000000000050122000dda70000", "ICMP time exceeded in-transit, length 48"},
}

// Debian tcpdump 4.99.3 (-n -e -t) on scapy-built packets, some cut short
// or with random bytes changed; 4.99.3 and 4.99.5 print ICMP alike at
// default verbosity.
var icmpCasesDebian = []icmpCase{
	{"deb", 8, "", " [|icmp]"},
	{"deb", 20, "0205", "ICMP type-#2, length 20"},
	{"deb", 36, "0400", "ICMP source quench, length 36"},
	{"deb", 24, "0f05", "ICMP information request, length 24"},
	{"deb", 16, "0ac8", "ICMP router solicitation, length 16"},
	{"deb", 2, "1002", "ICMP information reply, length 2"},
	{"deb", 10, "110d", "ICMP address mask request, length 10"},
	{"deb", 40, "0c02", "ICMP parameter problem - code 2, length 40"},
	{"deb", 36, "0c00120869", "ICMP parameter problem - octet 105, length 36"},
	{"deb", 8, "000112347534a20f", "ICMP echo reply, id 30004, seq 41487, length 8"},
	{"deb", 16, "080012341cded4c0", "ICMP echo request, id 7390, seq 54464, length 16"},
	{"deb", 20, "0902123432425f08", "ICMP router advertisement lifetime 6:45:28 50: [size 66], length 20"},
	{"deb", 24, "0d001234dde0f35d", "ICMP time stamp query id 56800 seq 62301, length 24"},
	{"deb", 8, "0900123400020000", "ICMP router advertisement lifetime 0 0:, length 8"},
	{"deb", 8, "0900123400000000", "ICMP router advertisement lifetime 0 0: [size 0], length 8"},
	{"deb", 8, "090012340002003c", "ICMP router advertisement lifetime 1:00 0:, length 8"},
	{"deb", 12, "1200123451f7387039c41d58", "ICMP address mask is 0x39c41d58, length 12"},
	{"deb", 16, "12031234b311260c7f4f6dca", "ICMP address mask is 0x7f4f6dca, length 16"},
	{"deb", 20, "12051234c81ae431cf3f0805", "ICMP address mask is 0xcf3f0805, length 20"},
	{"deb", 12, "1200123400010002ffffff00", "ICMP address mask is 0xffffff00, length 12"},
	{"deb", 12, "120012340001000200000001", "ICMP address mask is 0x00000001, length 12"},
	{"deb", 40, "120d12343f82043d36ef4dee", "ICMP address mask is 0x36ef4dee, length 40"},
	{"deb", 12, "1200123454010002c5ffff00", "ICMP address mask is 0xc5ffff00, length 12"},
	{"deb", 16, "12031234ab3b8aea5f864f90", "ICMP address mask is 0x5f864f90, length 16"},
	{"deb", 12, "120412340df734271cdfd7e4", "ICMP address mask is 0x1cdfd7e4, length 12"},
	{"deb", 12, "1207123458c9bb03d6e2f208", "ICMP address mask is 0xd6e2f208, length 12"},
	{"deb", 12, "12f712db0df73427dadfd7e4", "ICMP address mask is 0xdadfd7e4, length 12"},
	{"deb", 12, "120712348ac90703d6e22808", "ICMP address mask is 0xd6e22808, length 12"},
	{"deb", 16, "12c81234b1c22ebc1f792d74", "ICMP address mask is 0x1f792d74, length 16"},
	{"deb", 12, "12ec123400010002c5000001", "ICMP address mask is 0xc5000001, length 12"},
	{"deb", 12, "12021234dc30e87f8a6c3005", "ICMP address mask is 0x8a6c3005, length 12"},
	{"deb", 40, "1205123484033cfde13a7d65", "ICMP address mask is 0xe13a7d65, length 40"},
	{"deb", 20, "120f1234cae23b700f5a0e42", "ICMP address mask is 0x0f5a0e42, length 20"},
	{"deb", 12, "1200123400010002ffff7700", "ICMP address mask is 0xffff7700, length 12"},
	{"deb", 20, "12101234188f9c82c43c729c40", "ICMP address mask is 0xc43c729c, length 20"},
	{"deb", 28, "1207123455f0f28311c8d24aa5", "ICMP address mask is 0x11c8d24a, length 28"},
	{"deb", 13, "121012340dc35a9d46f6bd8482", "ICMP address mask is 0x46f6bd84, length 13"},
	{"deb", 16, "12fa1234b1232ebc02792d7405", "ICMP address mask is 0x02792d74, length 16"},
	{"deb", 28, "120d1234935c09fb7d391b7e78", "ICMP address mask is 0x7d391b7e, length 28"},
	{"deb", 14, "120112346f30efef0c1d8a1af16a", "ICMP address mask is 0x0c1d8a1a, length 14"},
	{"deb", 16, "120512348a7e273af294c4e0fe65", "ICMP address mask is 0xf294c4e0, length 16"},
	{"deb", 24, "120d12346f284ea2b6ea5fc2f9f0", "ICMP address mask is 0xb6ea5fc2, length 24"},
	{"deb", 28, "12f21234fe15df245ad4105bd3b7", "ICMP address mask is 0x5ad4105b, length 28"},
	{"deb", 15, "12031234b311260c7f4fadcae38bda", "ICMP address mask is 0x7f4fadca, length 15"},
	{"deb", 15, "12031234ab3b8aea5f6d4f3b079d9e", "ICMP address mask is 0x5f6d4f3b, length 15"},
	{"deb", 16, "1203123454b62401e0315a4c7d9c49", "ICMP address mask is 0xe0315a4c, length 16"},
	{"deb", 16, "09001234010200000a000000ffffffff", "ICMP router advertisement lifetime 0 1: {10.0.0.0 4294967295}, length 16"},
	{"deb", 16, "090012340102003c0a00000080000000", "ICMP router advertisement lifetime 1:00 1: {10.0.0.0 2147483648}, length 16"},
	{"deb", 40, "120412ecf6ae291c47f05a2e04212f5d", "ICMP address mask is 0x47f05a2e, length 40"},
	{"deb", 24, "12001234e7e324b8e38b9e982689125a", "ICMP address mask is 0xe38b9e98, length 24"},
	{"deb", 40, "1200123455daa18e11f0d7eb02365b13", "ICMP address mask is 0x11f0d7eb, length 40"},
	{"deb", 20, "120df434935c09fb7d0d1b7e785358a1", "ICMP address mask is 0x7d0d1b7e, length 20"},
	{"deb", 20, "12041234f6ae291c47f0e62e04880c5d8e", "ICMP address mask is 0x47f0e62e, length 20"},
	{"deb", 24, "12071234f18987e0bafddbbc0c2063bfc3", "ICMP address mask is 0xbafddbbc, length 24"},
	{"deb", 20, "120f1234cae23b700f5a2442f66b3d35e2f32d", "ICMP address mask is 0x0f5a2442, length 20"},
	{"deb", 20, "0e021234e51263e6c794b2588b5c0e1f2175e4a3", "ICMP time stamp reply id 58642 seq 25574: org 930:06:50.968, recv 649:27:45.951, xmit 155:56:14.371, length 20"},
	{"deb", 20, "12c81234035fd952e339c84ab625ebbbe5980e99", "ICMP address mask is 0xe339c84a, length 20"},
	{"deb", 28, "12041234916744641f37d37b21fd4d77e643339bde170c", "ICMP address mask is 0x1f37d37b, length 28"},
	{"deb", 24, "09001234020200000a000000000000050a000001ffffffff", "ICMP router advertisement lifetime 0 2: {10.0.0.0 5} {10.0.0.1 4294967295}, length 24"},
	{"deb", 24, "090012340202003c0a000000000000000a00000100000000", "ICMP router advertisement lifetime 1:00 2: {10.0.0.0 0} {10.0.0.1 0}, length 24"},
	{"deb", 24, "12071234f18987e0bafddb030c2063bfc34c087c52633d74", "ICMP address mask is 0xbafddb03, length 24"},
	{"deb", 24, "12071234f19d87e0bafd87030c2063bfc34c087c52633d74", "ICMP address mask is 0xbafd8703, length 24"},
	{"deb", 36, "05101234ae550e4b4500001400010000402f8e76c0000209c6336407", "ICMP redirect-#16 198.51.100.7 to 174.85.14.75, length 36"},
	{"deb", 36, "0301123400000000450000140001000040068e9fc0000209c6336407", "ICMP host 198.51.100.7 unreachable, length 36"},
	{"deb", 36, "030d1234000005dc450000140001000040118e94c0000209c6336407", "ICMP host 198.51.100.7 unreachable - admin prohibited filter, length 36"},
	{"deb", 28, "0b01121de712a9a7450000140001000040018ea4c0000209c6336407", "ICMP ip reassembly time exceeded, length 28"},
	{"deb", 36, "0b0212345e2f5e6f4500001400019a0040118e94c0000209c6336407", "ICMP time exceeded-#2, length 36"},
	{"deb", 36, "03081234000005dc456800140001000040118e94c0000209c6336407", "ICMP 198.51.100.7 unreachable - source host isolated, length 36"},
	{"deb", 36, "03091234000005dc45004e140001000040118e94c0000209c6336407", "ICMP net 198.51.100.7 unreachable - admin prohibited, length 36"},
	{"deb", 36, "031212340000afdc450000140001000040118e94c0000209c6336407", "ICMP 198.51.100.7 unreachable - #18, length 36"},
	{"deb", 36, "03021234000005dc450000140001000040118e94c0000209c6336407", "ICMP 198.51.100.7 protocol 17 unreachable, length 36"},
	{"deb", 36, "030e123400000000450000140001000040068e9fc0000209c6336407", "ICMP host 198.51.100.7 unreachable - host precedence violation, length 36"},
	{"deb", 33, "03071234475f2fed4500001400010000402f8e76c0000209c63364ac", "ICMP host 198.51.100.172 unreachable - unknown, length 33"},
	{"deb", 36, "05031234342c45df450000140001000040b78e94c0000209c6336407", "ICMP redirect-tos 198.51.100.7 to host 52.44.69.223, length 36"},
	{"deb", 36, "03041234000005dc450000140001000040118e94c000e909c7336407", "ICMP 199.51.100.7 unreachable - need to frag (mtu 1500), length 36"},
	{"deb", 36, "0306123400000000450000140001000040068e9fc0ff0209c6336407", "ICMP net 198.51.100.7 unreachable - unknown, length 36"},
	{"deb", 36, "030a1234000005dc4500a414000100004011d294c0000209c6336407", "ICMP host 198.51.100.7 unreachable - admin prohibited, length 36"},
	{"deb", 36, "030b1234000005dc450000140001000040118e94c0000209c6336407", "ICMP net 198.51.100.7 unreachable - tos prohibited, length 36"},
	{"deb", 36, "030c1234000005dc450000140001000040118e94c0000209c6336407", "ICMP host 198.51.100.7 unreachable - tos prohibited, length 36"},
	{"deb", 28, "030f123412f61b604500001400010000402f8e76c06b0209c6336407", "ICMP host 198.51.100.7 unreachable - precedence cutoff, length 28"},
	{"deb", 40, "1200123455daa18e11f0cceb97365b13d353f95f963c713e75ad28c8", "ICMP address mask is 0x11f0cceb, length 40"},
	{"deb", 34, "0300123400000000450000890001000040068e9fc0c80209c6336407", "ICMP net 198.51.100.7 unreachable, length 34"},
	{"deb", 36, "03051234000005dc450000140001000040118e94c0000209c63364079c", "ICMP 198.51.100.7 unreachable - source route failed, length 36"},
	{"deb", 40, "0501123403ed99274600001800010000402f8b70c0000209c633640701", "ICMP redirect 198.51.100.7 to host 3.237.153.39, length 40"},
	{"deb", 36, "0b001234775d6bc8450000140001000040068e9fc0000209c63364079c40", "ICMP time exceeded in-transit, length 36"},
	{"deb", 30, "03031234000005dc540000140001000040118e94c00002093b3364079c40", "ICMP 59.51.100.7 udp port 25607 unreachable, length 30"},
	{"deb", 31, "050012343bb03088450000140001000040118e94c0000209103364079c4082", "ICMP redirect 16.51.100.7 to net 59.176.48.136, length 31"},
	{"deb", 36, "030412340000000045000014000100004006949fc0000209c63364079c4001", "ICMP 198.51.100.7 unreachable - need to frag, length 36"},
	{"deb", 32, "09001234030200000a000000ffffffff0a000001000000000a00000200000005", "ICMP router advertisement lifetime 0 3: {10.0.0.0 4294967295} {10.0.0.1 0} {10.0.0.2 5}, length 32"},
	{"deb", 32, "090012340302003c0a000000ffffffff0a000001800000000a00000280000000", "ICMP router advertisement lifetime 1:00 3: {10.0.0.0 4294967295} {10.0.0.1 2147483648} {10.0.0.2 2147483648}, length 32"},
	{"deb", 36, "0303123400000000450000140001000040848e21c0000209c63364079c4013c400", "ICMP 198.51.100.7 protocol 132 port 5060 unreachable, length 36"},
	{"deb", 33, "1205123484039efde13a7dcf195bcd2df119fc81887993f2bca3e40cdaf1cae7fc", "ICMP address mask is 0xe13a7dcf, length 33"},
	{"deb", 36, "03031234fc335f17450000140001000040068e9fc0000209c63364079c40005000080000", "ICMP 198.51.100.7 tcp port 80 unreachable, length 36"},
	{"deb", 36, "050212344869a47b450000140001000040068e9fc0000209c63364079c40829a00080000", "ICMP redirect-tos 198.51.100.7 to net 72.105.164.123, length 36"},
}
