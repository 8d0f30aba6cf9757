package contrib

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// installSh runs scripts/install.sh ACTION with the settings env (BIN,
// PREFIX /usr/local and INSTALL_OS unless given) into dest.
func installSh(t *testing.T, action, dest string, env ...string) string {
	t.Helper()
	cmd := exec.Command("sh", "scripts/install.sh", action)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "BIN=bin/pfasciilogd", "PREFIX=/usr/local", "DESTDIR="+dest)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("install.sh %s %v: %v\n%s", action, env, err, out)
	}
	return string(out)
}

// stagedFiles lists the regular files under dest, relative to it.
func stagedFiles(t *testing.T, dest string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			rel, _ := filepath.Rel(dest, p)
			files = append(files, rel)
		}
		return nil
	})
	slices.Sort(files)
	return files
}

func needBinary(t *testing.T) {
	if _, err := os.Stat("../bin/pfasciilogd"); err != nil {
		t.Skip("bin/pfasciilogd not built (make test builds it first)")
	}
}

// TestInstallLaysDownEveryFile: make install for each system, INSTALL_OS
// in any case, lays down the binary, the man page, the docs, the fail2ban
// directory and every system's files as examples, and that system's
// rc.d script, newsyslog, logrotate and default files, with PREFIX in the
// scripts.
func TestInstallLaysDownEveryFile(t *testing.T) {
	needBinary(t)
	ex := "usr/local/share/examples/pfasciilogd/"
	common := []string{
		"usr/local/sbin/pfasciilogd",
		"usr/local/share/doc/pfasciilogd/LICENSE",
		"usr/local/share/doc/pfasciilogd/README.md",
		ex + "freebsd/rc.d/pfasciilogd",
		ex + "freebsd/newsyslog.conf.d/pfasciilogd.conf",
		ex + "openbsd/rc.d/pfasciilogd",
		ex + "openbsd/newsyslog.conf",
		ex + "linux/systemd/pfasciilogd.service",
		ex + "linux/logrotate.d/pfasciilogd",
		ex + "linux/default/pfasciilogd",
	}
	// The whole fail2ban directory, whatever it holds, without its tests.
	filepath.WalkDir("fail2ban", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !strings.HasSuffix(p, ".go") && !strings.Contains(p, "testdata") {
			common = append(common, ex+p)
		}
		return nil
	})
	for _, tc := range []struct {
		os   string
		live []string
	}{
		{"freebsd", []string{"usr/local/share/man/man8/pfasciilogd.8", "usr/local/etc/rc.d/pfasciilogd",
			"usr/local/etc/newsyslog.conf.d/pfasciilogd.conf", "usr/local/etc/newsyslog.conf.d/pfasciilogd.conf.sample"}},
		{"OpenBSD", []string{"usr/local/man/man8/pfasciilogd.8", "etc/rc.d/pfasciilogd", "etc/newsyslog.conf"}},
		{"LINUX", []string{"usr/local/share/man/man8/pfasciilogd.8", "usr/local/lib/systemd/system/pfasciilogd.service",
			"etc/logrotate.d/pfasciilogd", "etc/default/pfasciilogd"}},
	} {
		dest := t.TempDir()
		if tc.os == "OpenBSD" {
			os.MkdirAll(filepath.Join(dest, "etc"), 0o755)
			os.WriteFile(filepath.Join(dest, "etc/newsyslog.conf"), []byte("/var/log/messages 644 5 300 * Z\n"), 0o644)
		}
		installSh(t, "install", dest, "INSTALL_OS="+tc.os)
		want := append(slices.Clone(common), tc.live...)
		slices.Sort(want)
		if got := stagedFiles(t, dest); !slices.Equal(got, want) {
			t.Errorf("INSTALL_OS=%s installed\n  %s\nwant\n  %s", tc.os, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		for _, f := range append(tc.live, ex+"freebsd/rc.d/pfasciilogd", ex+"linux/systemd/pfasciilogd.service") {
			b, _ := os.ReadFile(filepath.Join(dest, f))
			if strings.Contains(string(b), "%%PREFIX%%") {
				t.Errorf("%s: %%%%PREFIX%%%% not substituted in %s", tc.os, f)
			}
		}
		for f, mode := range map[string]fs.FileMode{"usr/local/sbin/pfasciilogd": 0o755, "usr/local/etc/rc.d/pfasciilogd": 0o555, "etc/rc.d/pfasciilogd": 0o555} {
			if fi, err := os.Stat(filepath.Join(dest, f)); err == nil && fi.Mode().Perm() != mode {
				t.Errorf("%s: %s has mode %v, want %v", tc.os, f, fi.Mode().Perm(), mode)
			}
		}
	}
}

// TestInstallPrefix: another PREFIX reaches the paths in the rc.d scripts
// and the unit.
func TestInstallPrefix(t *testing.T) {
	needBinary(t)
	dest := t.TempDir()
	installSh(t, "install", dest, "INSTALL_OS=Linux", "PREFIX=/opt/pf")
	unit, err := os.ReadFile(filepath.Join(dest, "opt/pf/lib/systemd/system/pfasciilogd.service"))
	if err != nil || !strings.Contains(string(unit), "ExecStart=/opt/pf/sbin/pfasciilogd ") {
		t.Errorf("unit with PREFIX=/opt/pf: %v\n%s", err, unit)
	}
	rc, _ := os.ReadFile(filepath.Join(dest, "opt/pf/share/examples/pfasciilogd/freebsd/rc.d/pfasciilogd"))
	if !strings.Contains(string(rc), "procname=/opt/pf/sbin/pfasciilogd") {
		t.Error("the FreeBSD rc.d script does not run /opt/pf/sbin/pfasciilogd")
	}
}

// TestUninstallIsSymmetric: uninstall removes everything install laid
// down, and leaves the administrator's files: a changed configuration
// file, and the rest of OpenBSD's newsyslog.conf. Installing twice adds
// the newsyslog line once.
func TestUninstallIsSymmetric(t *testing.T) {
	needBinary(t)
	for _, sys := range []string{"FreeBSD", "openbsd", "Linux"} {
		dest := t.TempDir()
		nsl := filepath.Join(dest, "etc/newsyslog.conf")
		orig := "# OpenBSD\n/var/log/messages 644 5 300 * Z\n"
		if sys == "openbsd" {
			os.MkdirAll(filepath.Dir(nsl), 0o755)
			os.WriteFile(nsl, []byte(orig), 0o644)
		}
		installSh(t, "install", dest, "INSTALL_OS="+sys)
		installSh(t, "install", dest, "INSTALL_OS="+sys)
		if sys == "openbsd" {
			b, _ := os.ReadFile(nsl)
			if n := strings.Count(string(b), "/var/log/pf.log"); n != 1 {
				t.Errorf("openbsd: newsyslog.conf has %d lines for /var/log/pf.log after two installs:\n%s", n, b)
			}
		}
		installSh(t, "uninstall", dest, "INSTALL_OS="+sys)
		var want []string
		if sys == "openbsd" {
			want = []string{"etc/newsyslog.conf"}
			if b, _ := os.ReadFile(nsl); string(b) != orig {
				t.Errorf("openbsd: newsyslog.conf after uninstall:\n%s\nwant\n%s", b, orig)
			}
		}
		if got := stagedFiles(t, dest); !slices.Equal(got, want) {
			t.Errorf("%s: left after uninstall: %v", sys, got)
		}
		for _, d := range []string{"usr/local/share/examples/pfasciilogd", "usr/local/share/doc/pfasciilogd"} {
			if _, err := os.Stat(filepath.Join(dest, d)); err == nil {
				t.Errorf("%s: %s left after uninstall", sys, d)
			}
		}
	}

	// A configuration file the administrator changed stays.
	dest := t.TempDir()
	installSh(t, "install", dest, "INSTALL_OS=Linux")
	lr := filepath.Join(dest, "etc/logrotate.d/pfasciilogd")
	os.WriteFile(lr, []byte("# mine\n"), 0o644)
	out := installSh(t, "install", dest, "INSTALL_OS=Linux")
	if b, _ := os.ReadFile(lr); string(b) != "# mine\n" || !strings.Contains(out, "kept") {
		t.Errorf("install replaced a changed logrotate file (%q); said %q", b, out)
	}
	installSh(t, "uninstall", dest, "INSTALL_OS=Linux")
	if got := stagedFiles(t, dest); !slices.Equal(got, []string{"etc/logrotate.d/pfasciilogd"}) {
		t.Errorf("uninstall after a change left %v; want only the changed logrotate file", got)
	}
}

// TestInstallScriptsParse: the installer and the Debian package's scripts
// are valid sh.
func TestInstallScriptsParse(t *testing.T) {
	for _, f := range []string{"../scripts/install.sh", "debian/build.sh", "debian/postinst", "debian/prerm", "debian/postrm"} {
		if out, err := exec.Command("sh", "-n", f).CombinedOutput(); err != nil {
			t.Errorf("sh -n %s: %v\n%s", f, err, out)
		}
	}
}
