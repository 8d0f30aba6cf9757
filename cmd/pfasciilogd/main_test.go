package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../testdata/sample.pcap"

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestReadFileTimeFormats(t *testing.T) {
	code, none, errs := runCLI("-r", sample, "--time", "none")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(none, "\n"), "\n")
	if len(lines) != 60 || !strings.HasPrefix(lines[0], "rule 21.a.136/0(match): block in on epair0b: ") {
		t.Fatalf("%d lines, first %q", len(lines), lines[0])
	}
	for _, tc := range []struct{ format, prefix string }{
		{"unix", "1709750114.221088 rule "},
		{"tcpdump", ":35:14.221088 rule "},
	} {
		_, out, _ := runCLI("-r", sample, "--time", tc.format)
		first := strings.SplitN(out, "\n", 2)[0]
		if !strings.Contains(first, tc.prefix) {
			t.Errorf("--time %s: %q", tc.format, first)
		}
	}
	t.Setenv("TZ", "UTC")
	_, iso, _ := runCLI("-r", sample)
	if !strings.HasPrefix(iso, "2024-03-06T18:35:14.221088+00:00 rule 21.a.136") {
		t.Errorf("iso: %q", strings.SplitN(iso, "\n", 2)[0])
	}
}

func TestFilterExpression(t *testing.T) {
	code, out, errs := runCLI("-r", sample, "--time", "none", "udp")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.Contains(l, "Flags [") {
			t.Errorf("filter udp let a TCP packet through: %s", l)
		}
	}
	code, _, errs = runCLI("-r", sample, "not a filter (")
	if code == 0 || !strings.Contains(errs, "bad filter expression") || strings.Count(errs, "\n") != 1 {
		t.Errorf("bad filter: exit %d, %q", code, errs)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk")
	os.WriteFile(junk, []byte("this is not a capture file at all\n"), 0o644)
	eth := filepath.Join(dir, "eth.pcap")
	os.WriteFile(eth, []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0}, 0o644)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--bogus"}, 2, "flag provided but not defined"},
		{[]string{"--time", "never"}, 2, "unknown time format"},
		{[]string{"-r", filepath.Join(dir, "missing.pcap")}, 1, "missing.pcap"},
		{[]string{"-r", junk}, 1, "junk"},
		{[]string{"-r", eth}, 1, "is not PFLOG (117) or NFLOG (239)"},
		{[]string{"--buffer-size", "12Q"}, 2, "is not a size"},
		{[]string{"--mode", "999"}, 2, "octal file mode"},
	} {
		code, _, errs := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
}

func TestTruncatedFileKeepsWhatWasRead(t *testing.T) {
	b, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.pcap")
	os.WriteFile(cut, b[:len(b)-7], 0o644)
	code, out, errs := runCLI("-r", cut, "--time", "none")
	if code != 1 || strings.Count(out, "\n") != 59 || !strings.Contains(errs, "cut.pcap") {
		t.Errorf("exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errs)
	}
}

func TestUnwritableLogRefusedAtStart(t *testing.T) {
	code, _, errs := runCLI("-i", "pfasciilogd-test-none0", "--pidfile", "", "--log", "/nonexistent-dir/pf.log", "--log-format", "json")
	if code == 0 || !strings.Contains(errs, "/nonexistent-dir/pf.log") {
		t.Errorf("exit %d: %q", code, errs)
	}
}

// A start-up error is said once: as the console message on a terminal,
// and with JSON messages as the JSON message plus one plain line.
func TestStartErrorSaidOnce(t *testing.T) {
	for _, format := range []string{"console", "json"} {
		code, _, errs := runCLI("-i", "pfasciilogd-test-none0", "--pidfile", "", "--log", "/nonexistent-dir/pf.log", "--log-format", format)
		if code == 0 {
			t.Fatalf("%s: exit 0: %q", format, errs)
		}
		want := 1
		if format == "json" {
			want = 2
		}
		n := 0
		for _, l := range strings.Split(errs, "\n") {
			if strings.Contains(l, "/nonexistent-dir/pf.log") {
				n++
			}
		}
		if n != want {
			t.Errorf("%s: the error is on %d lines, want %d: %q", format, n, want, errs)
		}
	}
}
