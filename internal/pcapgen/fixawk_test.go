package pcapgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixAwk runs testdata/fix-4.99.3.awk on Debian 4.99.3 lines and
// checks the FreeBSD 4.99.5 lines it makes of them. The expected lines
// follow the spec's examples (§1.4, §1.5, §2.2, §3, §4.5, §4.7, §8).
func TestFixAwk(t *testing.T) {
	awk, err := exec.LookPath("awk")
	if err != nil {
		t.Skip("no awk")
	}
	const h = "rule 0/0(match): block in on em0: "
	const hx = "rule 0/0(match) [ridentifier 1157627944]: block in on em0: "
	cases := []struct {
		info, in, want string // info: caplen len hdrlen ihl rid [pfsync]
	}{
		{"100 100 72 20 0", "rule 0/unkn(3): block in on em0: x", "rule 0/3(short): block in on em0: x"},
		{"100 100 72 20 0", "rule 5.a/b.3/3(short): block in on em0: x", "rule 5.a/b.3/4(normalize): block in on em0: x"},
		{"100 100 72 20 0", "rule 0/0(match): unkn(3) in on em0: x", "rule 0/0(match): noscrub in on em0: x"},
		{"100 100 64 20 1157627944", h + "x", hx + "x"},
		{"68 100 64 20 -", h + "x", " [|pflog]"},
		{"100 100 72 20 0", h + "IP6, wrong link-layer encapsulation (invalid)", h + " [version 6 != 4] (invalid)"},
		{"100 100 72 20 0", h + "IP5 (invalid)", h + " [version 5 != 4] (invalid)"},
		{"100 100 72 20 0", h + "bad-hlen 16", h + " [header length 16 < 20] (invalid)"},
		{"112 112 72 20 0",
			h + "truncated-ip - 1460 bytes missing! 10.0.0.1.40000 > 10.0.0.2.22: Flags [S], seq 1000:2460, win 65535, length 1460 [|ssh]",
			h + "[total length 1500 > length 40] (invalid) 10.0.0.1.40000 > 10.0.0.2.22: Flags [S], seq 1000:2460, win 65535, length 1460 [|ssh]"},
		{"100 100 72 24 0", h + "bad-len 10", h + " [total length 10 < 24] (invalid)"},
		{"100 100 72 0 0", h + "version error: 4 != 6", h + " [version 4 != 6] (invalid)"},
		{"132 132 72 0 0",
			h + "truncated-ip6 - 980 bytes missing!2001:db8::1.40000 > 2001:db8::2.443: Flags [S], seq 1000:1980, win 65535, length 980",
			h + "[header+payload length 1040 > length 60] (invalid) 2001:db8::1.40000 > 2001:db8::2.443: Flags [S], seq 1000:1980, win 65535, length 980"},
		{"200 200 72 0 0", h + "a > b: RT6 (len=3, type=0 [Deprecated], segleft=1 (invalid length 3) (invalid)",
			h + "a > b: RT6 (len=3, type=0 [Deprecated], segleft=1 [length 3] (invalid)"},
		{"200 200 72 0 0", h + "a > b: RT6 (len=5, type=4, segleft=2, last-entry=1, tag=0 (invalid length 5) (invalid)",
			h + "a > b: RT6 (len=5, type=4, segleft=2, last-entry=1, tag=0 (invalid length 5) (invalid)"},
		{"200 65648 72 0 0", h + "a > b: HBH truncated-ip6 - 1 bytes missing!ICMP6, echo request, id 4576, seq 51486, length 65529",
			h + "a > b: HBH [header+payload length 65577 > length 65576] (invalid) ICMP6, echo request, id 4576, seq 51486, length 65529"},
		{"200 200 72 20 0 0,50079,1", h + "a > b:  ip-proto-240 128", h + "a > b: PFSYNCv0 len 50079"},
		{"200 200 72 20 0 6,24,1", h + "a > b:  ip-proto-240 24", h + "a > b: PFSYNCv6 len 24"},
		{"100 200 72 20 0 0,0,0", h + "a > b:  ip-proto-240 108", h + "a > b: [|pfsync]"},
		{"200 200 72 20 0 -", h + "a > b:  ip-proto-241 10", h + "a > b:  ip-proto-241 10"},
		{"200 200 72 20 0 -", h + "a.1 > b.7000:  rx data fs call store-status fid 1/2/3 StoreStatus date 1999/11/11 21:46:24 (68)",
			h + "a.1 > b.7000:  rx data fs call store-status fid 1/2/3 StoreStatus date 1999-11-11 21:46:24 (68)"},
		{"200 200 72 0 0", h + "a > b: frag (0|18446744073709551608)  [|ip6]", h + "a > b: frag (0|[length < 0] (invalid))  [|ip6]"},
		{"200 200 72 0 0", h + "a > b: frag (1480|40)", h + "a > b: frag (1480|40)"},
		{"200 200 72 20 0", h + "a.1 > b.2: Flags [S], seq 1, win 2, options [ccnew 2, 3,eol], length 0",
			h + "a.1 > b.2: Flags [S], seq 1, win 2, options [ccnew 2,ccecho 3,eol], length 0"},
		{"200 200 72 20 0", h + "a.1 > b.2: Flags [S], seq 1, win 2, options [ 3], length 0",
			h + "a.1 > b.2: Flags [S], seq 1, win 2, options [ccecho 3], length 0"},
		{"200 200 72 20 0", h + "a.1 > b.2: Flags [S], seq 1, win 2, options [md5 shared secret not supplied with -M, can't check - 00,nop], length 0",
			h + "a.1 > b.2: Flags [S], seq 1, win 2, options [md5 shared secret not supplied with -M, can't check - 00,nop], length 0"},
		{"200 200 72 20 0", h + "a.1 > b.80: Flags [P.], seq 1:6, ack 1, win 2, length 5: HTTP: GET / [|http]",
			h + "a.1 > b.80: Flags [P.], seq 1:6, ack 1, win 2, length 5: HTTP: GET /"},
		{"200 200 72 20 0", h + "a.1 > b.80: Flags [P.], seq 1:6, ack 1, win 2, length 500: HTTP [|http]",
			h + "a.1 > b.80: Flags [P.], seq 1:6, ack 1, win 2, length 500: HTTP [|http]"},
		{"200 200 72 20 0", h + "a.1 > b.5060: SIP: OPTIONS sip:nm SIP/2.0 [|sip]", h + "a.1 > b.5060: SIP: OPTIONS sip:nm SIP/2.0"},
		{"200 200 72 20 0", h + "1.2.3.4.40000 > 5.6.7.8.53: 1+ Type65? x. (20)", h + "1.2.3.4.40000 > 5.6.7.8.53: 1+ HTTPS? x. (20)"},
		{"200 200 72 20 0", h + "a > b: HBH 5353 > 53: 1+ Type257? x. (20)", h + "a > b: HBH 5353 > 53: 1+ CAA? x. (20)"},
		{"200 200 72 20 0", h + "1.2.3.4.53 > 5.6.7.8.4000: 1 1/0/0 UNSPECA? x. Type650 (20)", h + "1.2.3.4.53 > 5.6.7.8.4000: 1 1/0/0 NID? x. Type650 (20)"},
		{"200 200 72 20 0", h + "\n\t0x0000:  0102", h + "\n\t0x0000:  0102"},
	}
	dir := t.TempDir()
	var info, in, want strings.Builder
	for _, c := range cases {
		info.WriteString(c.info + "\n")
		in.WriteString(c.in + "\n")
		want.WriteString(c.want + "\n")
	}
	run := func(info, in string) (string, error) {
		ip, rp := filepath.Join(dir, "info"), filepath.Join(dir, "raw")
		if err := os.WriteFile(ip, []byte(info), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(rp, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(awk, "-f", "../../testdata/fix-4.99.3.awk", ip, rp).Output()
		return string(out), err
	}
	got, err := run(info.String(), in.String())
	if err != nil {
		t.Fatal(err)
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want.String(), "\n")
	for i := range wl {
		if i >= len(gl) || gl[i] != wl[i] {
			g := "<missing>"
			if i < len(gl) {
				g = gl[i]
			}
			t.Errorf("line %d:\n got  %q\n want %q", i+1, g, wl[i])
		}
	}
	// What no rule can correct stops the script.
	if _, err := run("100 100 72 20 0\n", h+"bad-len 0\n"); err == nil {
		t.Error("bad-len 0 was let through")
	}
	if _, err := run("200 200 72 20 0 5,24,1\n", h+"a > b:  ip-proto-240 24\n"); err == nil {
		t.Error("pfsync version 5 was let through")
	}
	if _, err := run("100 100 72 20 0\n100 100 72 20 0\n", h+"x\n"); err == nil {
		t.Error("a record count mismatch was let through")
	}
}
