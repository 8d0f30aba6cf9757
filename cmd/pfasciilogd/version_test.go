package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFlags(t *testing.T) {
	for _, arg := range []string{"-V", "--version", "-version"} {
		code, out, errs := runCLI(arg)
		if code != 0 || errs != "" {
			t.Errorf("%s: exit %d, stderr %q", arg, code, errs)
		}
		if !strings.HasPrefix(out, "pfasciilogd ") || !strings.Contains(out, "\nmodule github.com/pfasciilogd/pfasciilogd ") ||
			!strings.Contains(out, "\nrevision ") || !strings.Contains(out, "\nbuilt with go") {
			t.Errorf("%s printed %q", arg, out)
		}
	}
}

func TestVersionText(t *testing.T) {
	bi := &debug.BuildInfo{
		GoVersion: "go1.99.1",
		Main:      debug.Module{Path: "github.com/pfasciilogd/pfasciilogd", Version: "v0.0.0-20261206120000-0123456789ab+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-12-06T12:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	for _, tc := range []struct {
		stamped string
		bi      *debug.BuildInfo
		ok      bool
		want    []string
	}{
		{"v0.1.0-3-g0123456-dirty", bi, true, []string{
			"pfasciilogd v0.1.0-3-g0123456-dirty\n",
			"\nmodule github.com/pfasciilogd/pfasciilogd v0.0.0-20261206120000-0123456789ab+dirty\n",
			"\nrevision 0123456789abcdef0123456789abcdef01234567 (modified) 2026-12-06T12:00:00Z\n",
			"\nbuilt with go1.99.1 for ",
		}},
		// Not stamped: the module version of the build information.
		{"", bi, true, []string{"pfasciilogd v0.0.0-20261206120000-0123456789ab+dirty\n"}},
		// Neither: say so, and how to stamp one.
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, []string{
			"pfasciilogd unknown (none stamped",
			"\nmodule github.com/pfasciilogd/pfasciilogd (devel)\n",
			"\nrevision unknown (no VCS information in the build)\n",
		}},
		{"v1.0.0", nil, false, []string{"pfasciilogd v1.0.0\nno build information\n"}},
	} {
		got := versionText(tc.stamped, tc.bi, tc.ok)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("stamped %q: %q lacks %q", tc.stamped, got, w)
			}
		}
	}
}

// TestSubcommandWordRefusedOnce: "pfasciilogd version" is a filter
// expression that does not compile; the error is printed once, with a
// hint, and nothing starts.
func TestSubcommandWordRefusedOnce(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "pf.log")
	for word, hint := range map[string]string{"version": "--version", "help": "-h"} {
		code, out, errs := runCLI("-i", "pfasciilogd-test-none0", "--pidfile", "", "--log", log, "--log-format", "json", word)
		if code != 2 || out != "" {
			t.Errorf("%s: exit %d, stdout %q", word, code, out)
		}
		if strings.Count(errs, "bad filter expression") != 1 || !strings.Contains(errs, "did you mean "+hint+"?") || strings.Contains(errs, "{") {
			t.Errorf("%s: stderr %q; want the error once, as text, with the hint %s", word, errs, hint)
		}
	}
	if _, err := os.Stat(log); err == nil {
		t.Error("the log was created for a command line that is refused")
	}
	// Another expression that does not compile gets no hint.
	_, _, errs := runCLI("-i", "pfasciilogd-test-none0", "--pidfile", "", "--log", log, "not a filter (")
	if strings.Count(errs, "bad filter expression") != 1 || strings.Contains(errs, "did you mean") {
		t.Errorf("stderr %q", errs)
	}
}

// TestMakeStampsVersion: the binary make builds (make test builds it
// first) reports the version make stamped with git describe, not
// "unknown".
func TestMakeStampsVersion(t *testing.T) {
	bin, err := filepath.Abs("../../bin/pfasciilogd")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Skip("bin/pfasciilogd not built (make test builds it first)")
	}
	if err := exec.Command("git", "-C", "../..", "rev-parse", "--git-dir").Run(); err != nil {
		t.Skip("not a git checkout: make has no version to stamp")
	}
	want, err := exec.Command("git", "-C", "../..", "describe", "--tags", "--always").Output()
	if err != nil {
		t.Skipf("git describe: %v", err)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	first := strings.SplitN(string(out), "\n", 2)[0]
	// The binary may be older than HEAD; it must carry a stamp of the
	// same form (a revision, maybe -dirty), not "unknown".
	if strings.Contains(first, "unknown") || !strings.HasPrefix(first, "pfasciilogd ") || len(first) < len("pfasciilogd ")+7 {
		t.Errorf("bin/pfasciilogd --version: %q; want the stamp of git describe (now %q)", first, strings.TrimSpace(string(want)))
	}
	// In a checkout Go can read (a .git directory, not a worktree's .git
	// file), make has Go stamp the revision too, whatever GOFLAGS says.
	if fi, err := os.Stat("../../.git"); err == nil && fi.IsDir() {
		if !regexp.MustCompile(`\nrevision [0-9a-f]{40}[ \n]`).Match(out) {
			t.Errorf("bin/pfasciilogd --version has no VCS revision:\n%s", out)
		}
	}
}
