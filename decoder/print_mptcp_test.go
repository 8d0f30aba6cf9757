package decoder

import (
	"encoding/hex"
	"testing"
)

// Expected texts: Debian tcpdump 4.99.3 (whose print-mptcp.c is 4.99.5's)
// on generated TCP segments; the text is what follows "options [mptcp".
// ok false: tcpdump printed "[bad opt]" right after the text.
var mptcpCases = []struct {
	opt   string
	flags uint8
	want  string
	ok    bool
}{
	{"1e0c00810102030405060708", 0x02, " 12 capable v0 csum {0x102030405060708}", true},
	{"1e040181", 0x02, " 4 capable v1 csum", true},
	{"1e1400010102030405060708090a0b0c0d0e0f10", 0x10, " 20 capable v0 {0x102030405060708,0x90a0b0c0d0e0f10}", true},
	{"1e1601010102030405060708090a0b0c0d0e0f101112", 0x10, " 22 capable v1 {0x102030405060708,0x90a0b0c0d0e0f10}", true},
	{"1e0c02810102030405060708", 0x02, " 12 capable Unknown Version (2)", true},
	{"1e0c02810102030405060708", 0x10, " 12 capable", false},
	{"1e0c11020102030405060708", 0x02, " 12 join backup id 2 token 0x1020304 nonce 0x5060708", true},
	{"1e1010020102030405060708090a0b0c", 0x12, " 16 join id 2 hmac 0x102030405060708 nonce 0x90a0b0c", true},
	{"1e1810020102030405060708090a0b0c0d0e0f1011121314", 0x10, " 24 join hmac 0x0102030405060708090a0b0c0d0e0f1011121314", true},
	{"1e1c201f0102030405060708090a0b0c0d0e0f101112131415161718", 0x10, " 28 dss fin ack 72623859790382856 seq 651345242494996240 subseq 286397204 len 5398 csum 0x1718", true},
	{"1e08200101020304", 0x10, " 8 dss ack 16909060", true},
	{"1e1220050102030405060708090a0b0c0d0e", 0x10, " 18 dss ack 16909060 seq 84281096 subseq 151653132 len 3342", true},
	{"1e1420050102030405060708090a0b0c0d0e0f10", 0x10, " 20 dss ack 16909060 seq 84281096 subseq 151653132 len 3342 csum 0xf10", true},
	{"1e08300201020304", 0x10, " 8 add-addr v1 id 2 1.2.3.4", true},
	{"1e0a3402010203040050", 0x10, " 10 add-addr v0-ip4 id 2 1.2.3.4:80", true},
	{"1e103102010203040001020304050607", 0x10, " 16 add-addr v1-echo id 2 1.2.3.4 hmac 0x1020304050607", true},
	{"1e143602000102030405060708090a0b0c0d0e0f", 0x10, " 20 add-addr v0-ip6 id 2 1:203:405:607:809:a0b:c0d:e0f", true},
	{"1e1e3f02000102030405060708090a0b0c0d0e0f00500001020304050607", 0x10, " 30 add-addr [bad version/echo] id 2 1:203:405:607:809:a0b:c0d:e0f:80 hmac 0x1020304050607", true},
	{"1e0640020304", 0x10, " 6 rem-addr id 2 3 4", true},
	{"1e045102", 0x10, " 4 prio backup id 2", true},
	{"1e0350", 0x10, " 3 prio non-backup", true},
	{"1e0c60000102030405060708", 0x10, " 12 fail seq 72623859790382856", true},
	{"1e0c70000102030405060708", 0x10, " 12 fast-close key 0x102030405060708", true},
	{"1e0c80000102030405060708", 0x10, " 12 unknown", true},
	{"1e0cf0000102030405060708", 0x10, " 12 unknown", true},
	{"1e02", 0x10, "", false},
	{"1e0300", 0x10, " 3 capable", false},
	{"1e0c05810102030405060708", 0x02, " 12 capable Unknown Version (5)", true},
	{"1e16200d0102030405060708090a0b0c0d0e0f101112", 0x10, " 22 dss ack 16909060 seq 361984551142689548 subseq 219025168 len 4370", true},
	{"1e18200d0102030405060708090a0b0c0d0e0f1011121314", 0x10, " 24 dss ack 16909060 seq 361984551142689548 subseq 219025168 len 4370 csum 0x1314", true},
	{"1e0c20030102030405060708", 0x10, " 12 dss ack 72623859790382856", true},
}

func TestMPTCP(t *testing.T) {
	for i, tc := range mptcpCases {
		opt, err := hex.DecodeString(tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		if int(opt[1]) < len(opt) && opt[1] >= 2 {
			opt = opt[:opt[1]]
		}
		got, ok := appendMPTCP(nil, opt, tc.flags)
		if string(got) != tc.want || ok != tc.ok {
			t.Errorf("case %d (%s flags %#x):\n got %q %v\nwant %q %v", i, tc.opt, tc.flags, got, ok, tc.want, tc.ok)
		}
	}
}
