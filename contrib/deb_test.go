package contrib

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDebianPackage builds the package as "make deb" does, runs lintian
// on it (warnings and errors fail, the overrides explain the rest),
// installs it with dpkg -i, checks its files, conffiles, version and unit,
// and purges it: nothing of it may remain. It needs root on Debian, and
// skips where pfasciilogd is installed already, so as not to touch it.
func TestDebianPackage(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("not root: dpkg -i needs root (CI runs as root)")
	}
	for _, tool := range []string{"dpkg", "dpkg-deb", "dpkg-query"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: not a Debian system", tool)
		}
	}
	if _, err := os.Stat("../bin/pfasciilogd"); err != nil {
		t.Skip("bin/pfasciilogd not built (make test builds it first)")
	}
	if out, err := exec.Command("dpkg-query", "-W", "-f", "${Status}", "pfasciilogd").Output(); err == nil && strings.Contains(string(out), "installed") {
		t.Skip("the pfasciilogd package is installed on this machine already: not replacing it")
	}
	if _, err := os.Stat("/usr/sbin/pfasciilogd"); err == nil {
		t.Skip("/usr/sbin/pfasciilogd exists outside a package: not replacing it")
	}

	cmd := exec.Command("sh", "contrib/debian/build.sh", t.TempDir())
	cmd.Dir = ".."
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("build.sh: %v", err)
	}
	deb := strings.TrimSpace(string(out))
	if fi, err := os.Stat(deb); err != nil {
		t.Fatalf("build.sh printed %q: %v", deb, err)
	} else {
		t.Logf("%s: %d bytes", filepath.Base(deb), fi.Size())
	}

	if _, err := exec.LookPath("lintian"); err != nil {
		t.Log("lintian not installed: not run (make test installs it as root)")
	} else if out, err := exec.Command("lintian", "--fail-on", "error,warning", deb).CombinedOutput(); err != nil {
		t.Errorf("lintian: %v\n%s", err, out)
	}

	// Install; dpkg's lock may be held for a moment by another apt or dpkg.
	dpkg := func(args ...string) {
		t.Helper()
		for i := 0; ; i++ {
			out, err := exec.Command("dpkg", args...).CombinedOutput()
			if err == nil {
				return
			}
			if i < 60 && strings.Contains(string(out), "lock") {
				time.Sleep(time.Second)
				continue
			}
			t.Fatalf("dpkg %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	dpkg("-i", deb)
	purged := false
	defer func() {
		if !purged {
			exec.Command("dpkg", "--purge", "pfasciilogd").Run()
		}
	}()
	// Again, as an upgrade: the maintainer scripts' other path, and a
	// conffile the administrator changed stays.
	os.WriteFile("/etc/default/pfasciilogd", []byte("PFASCIILOGD_INTERFACE=nflog:7\n"), 0o644)
	dpkg("-i", "--force-confold", deb)
	if b, _ := os.ReadFile("/etc/default/pfasciilogd"); string(b) != "PFASCIILOGD_INTERFACE=nflog:7\n" {
		t.Errorf("reinstalling replaced a changed /etc/default/pfasciilogd: %q", b)
	}

	list, err := exec.Command("dpkg", "-L", "pfasciilogd").Output()
	if err != nil {
		t.Fatalf("dpkg -L: %v", err)
	}
	var files []string
	sc := bufio.NewScanner(strings.NewReader(string(list)))
	for sc.Scan() {
		if fi, err := os.Lstat(sc.Text()); err == nil && fi.Mode().IsRegular() {
			files = append(files, sc.Text())
		}
	}
	for _, want := range []string{
		"/usr/sbin/pfasciilogd",
		"/usr/share/man/man8/pfasciilogd.8.gz",
		"/lib/systemd/system/pfasciilogd.service",
		"/etc/logrotate.d/pfasciilogd",
		"/etc/default/pfasciilogd",
		"/usr/share/doc/pfasciilogd/copyright",
		"/usr/share/doc/pfasciilogd/changelog.Debian.gz",
		"/usr/share/doc/pfasciilogd/README.md.gz",
		"/usr/share/doc/pfasciilogd/examples/fail2ban/filter.d/pfasciilogd.conf",
		"/usr/share/doc/pfasciilogd/examples/linux/systemd/pfasciilogd.service",
	} {
		if !slices.Contains(files, want) {
			t.Errorf("the package lacks %s", want)
		}
	}
	for _, f := range files {
		// fail2ban reads /etc/fail2ban: the package enables no jail.
		if strings.HasPrefix(f, "/etc/fail2ban") || strings.Contains(f, "freebsd") || strings.Contains(f, "openbsd") {
			t.Errorf("the package ships %s", f)
		}
	}
	conf, _ := exec.Command("dpkg-query", "-W", "-f", "${Conffiles}", "pfasciilogd").Output()
	for _, want := range []string{"/etc/logrotate.d/pfasciilogd", "/etc/default/pfasciilogd"} {
		if !strings.Contains(string(conf), want+" ") {
			t.Errorf("%s is not a conffile: %q", want, conf)
		}
	}
	unit, _ := os.ReadFile("/lib/systemd/system/pfasciilogd.service")
	if !strings.Contains(string(unit), "ExecStart=/usr/sbin/pfasciilogd ") || !strings.Contains(string(unit), "RuntimeDirectory=pfasciilogd") {
		t.Errorf("the unit does not start /usr/sbin/pfasciilogd with its RuntimeDirectory:\n%s", unit)
	}
	if v, err := exec.Command("/usr/sbin/pfasciilogd", "--version").Output(); err != nil || !strings.HasPrefix(string(v), "pfasciilogd ") || strings.Contains(strings.SplitN(string(v), "\n", 2)[0], "unknown") {
		t.Errorf("pfasciilogd --version: %v, %q", err, v)
	}
	if _, err := exec.LookPath("systemd-analyze"); err == nil {
		if out, err := exec.Command("systemd-analyze", "verify", "/lib/systemd/system/pfasciilogd.service").CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("systemd-analyze verify: %v\n%s", err, out)
		}
	} else {
		t.Log("systemd-analyze not installed: the unit is not verified")
	}
	if _, err := exec.LookPath("logrotate"); err == nil {
		if out, err := exec.Command("logrotate", "-d", "/etc/logrotate.d/pfasciilogd").CombinedOutput(); err != nil || strings.Contains(string(out), "error") {
			t.Errorf("logrotate -d: %v\n%s", err, out)
		}
	}

	// A log the daemon wrote goes with the purge, as the conffiles do.
	os.MkdirAll("/var/log/pfasciilogd", 0o750)
	os.WriteFile("/var/log/pfasciilogd/pf.log", []byte("x\n"), 0o640)
	dpkg("--purge", "pfasciilogd")
	purged = true
	for _, f := range append(files, "/var/log/pfasciilogd", "/usr/share/doc/pfasciilogd") {
		if _, err := os.Lstat(f); err == nil {
			t.Errorf("%s left after dpkg --purge", f)
		}
	}
	if out, err := exec.Command("dpkg-query", "-W", "pfasciilogd").CombinedOutput(); err == nil {
		t.Errorf("dpkg still knows the package after --purge: %s", out)
	}
}
