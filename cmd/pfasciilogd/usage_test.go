package main

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestUsageShowsDefaults: -h prints the default of every flag that has
// one, as the man page and the README state it (--mode's 0640 was left
// out once: flag hides a default equal to the zero value's text).
func TestUsageShowsDefaults(t *testing.T) {
	var usage bytes.Buffer
	if _, err := parseFlags([]string{"-h"}, &usage); err == nil {
		t.Fatal("-h did not stop")
	}
	for _, want := range []string{
		"(default 0640)",
		`(default "pflog0")`,
		`(default "/var/log/pf.log")`,
		`(default "/var/run/pfasciilogd.pid")`,
		"(default 5s)",
	} {
		if !strings.Contains(usage.String(), want) {
			t.Errorf("-h lacks %s:\n%s", want, usage.String())
		}
	}
}

// TestUsageErrorsExitTwo: a bad flag or a filter expression that cannot
// compile for the interface exits 2 before anything starts; the systemd
// unit does not restart on 2 (RestartPreventExitStatus), which
// contrib's TestUnitDoesNotRestartOnUsageError checks.
func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"--queue-size", "lots"},
		{"-i", "nflog:5", "--pidfile=", "--log", t.TempDir() + "/pf.log", "tcp"},
		{"-i", "pflog0", "--pidfile=", "--log", t.TempDir() + "/pf.log", "tcp and"},
	} {
		var out, errb bytes.Buffer
		if got := run(args, &out, &errb); got != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, got, errb.String())
		}
	}
}

// TestBadNFLOGGroupRefusedBeforeStart: an nflog device whose group does
// not parse is a usage error, reported before the log is created or
// anything says "started" (it used to be retried, then stop the daemon);
// e2e's startup test checks the same as root.
func TestBadNFLOGGroupRefusedBeforeStart(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("no NFLOG on this system")
	}
	dir := t.TempDir()
	for _, iface := range []string{"nflog:x", "nflog:65536", "nflog:1,"} {
		var out, errb bytes.Buffer
		got := run([]string{"-i", iface, "--pidfile", dir + "/pid", "--log", dir + "/pf.log"}, &out, &errb)
		if got != 2 || !strings.Contains(errb.String(), iface) || strings.Contains(errb.String(), "started") {
			t.Errorf("-i %s: exit %d, stderr %q; want exit 2 and the interface's error alone", iface, got, errb.String())
		}
		for _, f := range []string{"pid", "pf.log"} {
			if _, err := os.Stat(dir + "/" + f); err == nil {
				t.Errorf("-i %s: %s created", iface, f)
			}
		}
	}
}
