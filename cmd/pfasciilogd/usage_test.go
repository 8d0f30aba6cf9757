package main

import (
	"bytes"
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
