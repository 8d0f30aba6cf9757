package decoder

import (
	"encoding/hex"
	"testing"
)

// Expected texts: "corpus" rows are FreeBSD tcpdump 4.99.5 output from
// shared/conformance (the payload extracted from the pcap); "deb4993" rows are
// Debian's tcpdump 4.99.3 on generated packets (its NTP printer prints the
// same as 4.99.5 at default verbosity); "hand"/"spec" rows say why.
var ntpCases = []udpAppCase{
	{"corpus scan-101.pcap#9", "4f5054494f4e53207369703a6e6d205349502f322e300d0a5669613a205349502f322e302f554450206e6d3b6272616e63683d666f6f0d0a46726f6d3a203c7369703a6e6d406e6d3e3b7461673d726f6f740d0a546f3a203c7369703a6e6d32406e6d323e0d0a43616c6c2d49443a2035303030300d0a435365713a203432204f5054494f4e530d0a4d61782d466f7277617264733a2037300d0a436f6e74656e742d4c656e6774683a20300d0a0d0a", -1, 176, "NTPv1, Reserved, length 176"},
	{"corpus scan-101.pcap#29", "4d2d534541524348202a20485454502f312e310d0a484f53543a203233392e3235352e3235352e3235303a313930300d0a4d414e3a2022737364703a646973636f766572220d0a4d583a20310d0a53543a20737364703a616c6c0d0a0d0a", -1, 94, "NTPv1, Broadcast, length 94"},
	{"corpus scan-101.pcap#35", "80f00010000100000000000020434b4141414141414141414141414141414141414141414141414141414141410000210001", -1, 50, "NTPv0, unspecified, length 50"},
	{"corpus scan-101.pcap#75", "c4a8ea31258aaa4bd40aada473c4449284a8c728529fc3b5bd3d0903f6848a0465f5e02b78292f2b2b61ad46430a2f4fcce851ce0b4571a7354a67fe5b07090c3e9acd944159d38ec5dd", -1, 74, "NTPv0, Server, length 74"},
	{"corpus scan-101.pcap#124", "9976bcedfc69516bb8b7a47370b947ea1683a229c263e90f05c1c88cc02ab12bf96c4566b8f260a17d74efcaa82522768671164a9154f1df88d385b971", -1, 61, "NTPv3, symmetric active, length 61"},
	{"corpus scan-101.pcap#153", "23020a0000000000000000007f0000010000000000000000eeacde9c65f0d8000000000000000000eeacde9c65f1b000", -1, 48, "NTPv4, Client, length 48"},
	{"corpus scan-101.pcap#1526", "7aa9b762d40eaafec709ba9312228d9c2225d976f675b164aa250dc0", -1, 28, "NTPv7, symmetric passive, length 28"},
	{"corpus scan-101.pcap#2009", "c66f1a7e61106f9a312755ca9dc70178a0614f6d16baa13ceef316cd", -1, 28, "NTPv0, Control Message, length 28"},
	{"corpus wide-102.pcap#1880", "", -1, 0, " [|ntp]"},
}

func TestPrintNTP(t *testing.T) { udpAppRunCases(t, printNTP, ntpCases) }

// udpAppCase is one row of the UDP application printer tables (NTP, SNMP,
// TFTP, BOOTP, syslog, RIP, RIPng): the payload from the start of the
// protocol header, how much of it was captured (-1: all), the length
// argument tcpdump passes, and what tcpdump prints.
type udpAppCase struct {
	src    string
	hex    string
	cut    int
	length int
	want   string
}

func udpAppRunCases(t *testing.T, f func(b []byte, data []byte, length int) []byte, cases []udpAppCase) {
	t.Helper()
	for i, c := range cases {
		pl, err := hex.DecodeString(c.hex)
		if err != nil {
			t.Fatalf("#%d %s: bad hex: %v", i, c.src, err)
		}
		data := pl
		if c.cut >= 0 {
			data = pl[:c.cut]
		}
		got := f([]byte("PFX"), data, c.length)
		if string(got) != "PFX"+c.want {
			t.Errorf("#%d %s (%s, cut %d, length %d)\n want %q\n got  %q", i, c.src, c.hex, c.cut, c.length, c.want, string(got[3:]))
		}
	}
}

var udpAppPrinters = []func(b []byte, data []byte, length int) []byte{
	printNTP, printSNMP, printTFTP, printBOOTP, printSyslog, printRIP, printRIPng,
}

// The printers only append to the caller's buffer.
func TestUDPAppPrintersNoAlloc(t *testing.T) {
	all := [][]udpAppCase{ntpCases, snmpCases, tftpCases, bootpCases, syslogCases, ripCases, ripngCases}
	buf := make([]byte, 0, 4096)
	for i, cases := range all {
		f := udpAppPrinters[i]
		for _, c := range cases {
			pl, _ := hex.DecodeString(c.hex)
			if c.cut >= 0 {
				pl = pl[:c.cut]
			}
			n := testing.AllocsPerRun(5, func() { buf = f(buf[:0], pl, c.length) })
			if n != 0 {
				t.Errorf("%s: %v allocations", c.want, n)
			}
		}
	}
}

func FuzzUDPAppPrinters(f *testing.F) {
	for _, cases := range [][]udpAppCase{ntpCases, snmpCases, tftpCases, bootpCases, syslogCases, ripCases, ripngCases} {
		for _, c := range cases {
			pl, _ := hex.DecodeString(c.hex)
			f.Add(pl, c.length)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, length int) {
		for _, p := range udpAppPrinters {
			p(nil, data, length)
			p(nil, data, len(data))
			if len(data) > 0 {
				p(nil, data[:len(data)/2], len(data))
			}
		}
	})
}
