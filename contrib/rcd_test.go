package contrib

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// oldPidEmpty, as freebsdRC's oldpid, leaves an empty file there.
const oldPidEmpty = "(empty)"

// freebsdRC runs FreeBSD's rc.d script "start" with a stand-in rc.subr
// (its start_precmd, then the command it would run) and stand-ins for
// install(1), id(1) and ifconfig(8), with /var/run moved into a temporary
// directory. rcconf is the rc.conf; oldpid, when set, is written to the
// earlier default pid file; env is added to the script's environment
// (RUNNING_PID: the pid the stand-in check_pidfile finds running). It
// returns what the script would run and the install(1) calls it made.
func freebsdRC(t *testing.T, rcconf, oldpid string, env ...string) (run, installs, varRun string) {
	t.Helper()
	dir := t.TempDir()
	varRun = filepath.Join(dir, "var/run")
	os.MkdirAll(varRun, 0o755)
	bin := filepath.Join(dir, "bin")
	os.MkdirAll(filepath.Join(dir, "prefix/sbin"), 0o755)
	os.WriteFile(filepath.Join(dir, "prefix/sbin/pfasciilogd"), []byte("#!/bin/sh\n"), 0o755)
	os.MkdirAll(bin, 0o755)
	log := filepath.Join(dir, "install.log")
	for name, body := range map[string]string{
		"install":  "echo \"install $*\" >>" + log + "\nfor a; do d=$a; done\nmkdir -p \"$d\"\n",
		"id":       "[ \"$2\" = root ] && echo wheel || echo \"$2\"\n",
		"ifconfig": "exit 0\n",
	} {
		os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\n"+body), 0o755)
	}
	os.WriteFile(filepath.Join(dir, "rc.conf"), []byte(rcconf), 0o644)
	os.WriteFile(filepath.Join(dir, "rc.subr"), []byte(`
load_rc_config() { . "`+dir+`/rc.conf"; }
load_kld() { :; }
check_pidfile() { [ -n "$RUNNING_PID" ] && echo "$RUNNING_PID"; return 0; }
warn() { echo "warn: $*" >&2; }
run_rc_command() {
	echo "pidfile_at_load=$pidfile"
	eval "$start_precmd" || exit 1
	echo "run: $command $command_args $rc_flags"
}
`), 0o644)
	if oldpid == oldPidEmpty {
		os.WriteFile(filepath.Join(varRun, "pfasciilogd.pid"), nil, 0o644)
	} else if oldpid != "" {
		os.WriteFile(filepath.Join(varRun, "pfasciilogd.pid"), []byte(oldpid), 0o644)
	}
	src, err := os.ReadFile("freebsd/pfasciilogd.in")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(src), "%%PREFIX%%", filepath.Join(dir, "prefix"))
	s = strings.ReplaceAll(s, ". /etc/rc.subr", ". "+filepath.Join(dir, "rc.subr"))
	s = strings.ReplaceAll(s, "/var/run/", varRun+"/")
	script := filepath.Join(dir, "pfasciilogd")
	os.WriteFile(script, []byte(s), 0o755)
	cmd := exec.Command("sh", script, "start")
	cmd.Env = append(append(os.Environ(), "PATH="+bin+":"+os.Getenv("PATH")), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("rc.d start: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(log)
	// The command line as the shell splits it into words.
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		lines = append(lines, strings.Join(strings.Fields(l), " ")+" ")
	}
	run = strings.Join(lines, "\n")
	return strings.ReplaceAll(run, varRun, "/var/run"), strings.ReplaceAll(string(b), varRun, "/var/run"), varRun
}

// TestFreeBSDRCScriptPidDirectory: the rc.d script gives the daemon a pid
// file in /var/run/pfasciilogd, a directory owned by the user it drops to,
// so that it can remove the pid file at exit; the earlier wrapper's
// variables still work; a daemon started with the earlier default pid file
// is still found.
func TestFreeBSDRCScriptPidDirectory(t *testing.T) {
	run, installs, _ := freebsdRC(t, "pfasciilogd_enable=YES\n", "")
	for _, want := range []string{
		"pidfile_at_load=/var/run/pfasciilogd/pfasciilogd.pid \n",
		" -i pflog0 --log /var/log/pf.log --pidfile /var/run/pfasciilogd/pfasciilogd.pid -Z _pflogd ",
		"run: /usr/sbin/daemon -f -S -T pfasciilogd ",
	} {
		if !strings.Contains(run, want) {
			t.Errorf("default: %q lacks %q", run, want)
		}
	}
	if installs != "install -d -o _pflogd -g _pflogd -m 0755 /var/run/pfasciilogd\n" {
		t.Errorf("default: install calls %q", installs)
	}

	// As root: the directory is root's, no -Z; the old wrapper's names.
	run, installs, _ = freebsdRC(t, "pfasciilog_enable=YES\npfasciilogd_user=\npfasciilog_interface=pflog1\npfasciilog_logfile=/var/log/pflog1.log\n", "")
	if !strings.Contains(run, " -i pflog1 --log /var/log/pflog1.log --pidfile /var/run/pfasciilogd/pfasciilogd.pid ") || strings.Contains(run, "-Z") {
		t.Errorf("root, old names: %q", run)
	}
	if installs != "install -d -o root -g wheel -m 0755 /var/run/pfasciilogd\n" {
		t.Errorf("root: install calls %q", installs)
	}

	// An administrator's pid file in /var/run: /var/run is never given away.
	run, installs, _ = freebsdRC(t, "pfasciilogd_enable=YES\npfasciilogd_pidfile=/var/run/pf.pid\n", "")
	if !strings.Contains(run, "--pidfile /var/run/pf.pid ") || installs != "" {
		t.Errorf("pidfile in /var/run: %q, install calls %q", run, installs)
	}

	// A daemon started by the earlier script: stop and status find it by
	// the old pid file; start (restart's second half) uses the new one.
	run, _, varRun := freebsdRC(t, "pfasciilogd_enable=YES\n", "4242\n", "RUNNING_PID=4242")
	if !strings.Contains(run, "pidfile_at_load=/var/run/pfasciilogd.pid \n") || !strings.Contains(run, "--pidfile /var/run/pfasciilogd/pfasciilogd.pid ") {
		t.Errorf("old pid file: %q", run)
	}
	// While a daemon still runs under the old pid file, it stays.
	if _, err := os.Stat(filepath.Join(varRun, "pfasciilogd.pid")); err != nil {
		t.Errorf("the old pid file of a running daemon went at start: %v", err)
	}
	// Once nothing runs under it (the earlier daemon, after -Z, left it
	// behind, empty or not), start removes it: nothing is left behind.
	for _, left := range []string{oldPidEmpty, "4242\n"} {
		_, _, varRun = freebsdRC(t, "pfasciilogd_enable=YES\n", left)
		if _, err := os.Stat(filepath.Join(varRun, "pfasciilogd.pid")); err == nil {
			t.Errorf("start left the earlier default pid file (%q) behind", left)
		}
	}
}

// TestPidFileConvention: each system's files name the same pid file: the
// FreeBSD rc.d script's default and its newsyslog entry; the systemd
// unit's RuntimeDirectory and --pidfile; on OpenBSD none, as its base
// daemons (rc.d finds the daemon by name, newsyslog signals it with pkill).
func TestPidFileConvention(t *testing.T) {
	read := func(f string) string {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	rc := read("freebsd/pfasciilogd.in")
	if !strings.Contains(rc, ": ${pfasciilogd_pidfile:=/var/run/pfasciilogd/pfasciilogd.pid}") {
		t.Error("the FreeBSD rc.d script's default pid file is not /var/run/pfasciilogd/pfasciilogd.pid")
	}
	if f := regexp.MustCompile(`(?m)^/var/log/pf\.log\s.*\s(\S+)$`).FindStringSubmatch(read("newsyslog/pfasciilogd.conf")); f == nil || f[1] != "/var/run/pfasciilogd/pfasciilogd.pid" {
		t.Errorf("FreeBSD's newsyslog entry signals %v, not /var/run/pfasciilogd/pfasciilogd.pid", f)
	}
	unit := read("systemd/pfasciilogd.service")
	if !strings.Contains(unit, "\nRuntimeDirectory=pfasciilogd\n") || !strings.Contains(unit, " --pidfile /run/pfasciilogd/pfasciilogd.pid ") {
		t.Error("the systemd unit does not keep its pid file in its RuntimeDirectory /run/pfasciilogd")
	}
	obsd := read("openbsd/pfasciilogd")
	if !regexp.MustCompile(`(?m)^daemon_flags=".*--pidfile=".*$`).MatchString(obsd) {
		t.Error("OpenBSD's rc.d script does not run the daemon without a pid file (--pidfile=)")
	}
	nsl := read("openbsd/newsyslog.conf")
	if strings.Contains(nsl, "\n/var/log/pf.log") && (strings.Contains(strings.SplitN(nsl, "\n/var/log/pf.log", 2)[1], ".pid") || !strings.Contains(nsl, `"pkill -HUP -t - -x pfasciilogd"`)) {
		t.Error("OpenBSD's newsyslog line must signal the daemon with pkill, not through a pid file")
	}
}
