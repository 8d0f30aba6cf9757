// Package contrib holds the files pfasciilogd installs beside its binary;
// this test checks them.
package contrib

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestRCScriptsParse(t *testing.T) {
	for _, f := range []string{"freebsd/pfasciilogd.in", "openbsd/pfasciilogd"} {
		out, err := exec.Command("sh", "-n", f).CombinedOutput()
		if err != nil {
			t.Errorf("sh -n %s: %v\n%s", f, err, out)
		}
	}
}

func TestManPageLint(t *testing.T) {
	if _, err := exec.LookPath("mandoc"); err != nil {
		t.Skip("mandoc not installed (Debian package mandoc; make test installs it as root)")
	}
	out, err := exec.Command("mandoc", "-Tlint", "-W", "warning", "pfasciilogd.8").CombinedOutput()
	if err != nil || len(out) != 0 {
		t.Errorf("mandoc -Tlint: %v\n%s", err, out)
	}
}

func TestInstallLaysDownEveryFile(t *testing.T) {
	if _, err := os.Stat("../bin/pfasciilogd"); err != nil {
		t.Skip("bin/pfasciilogd not built (make test builds it first)")
	}
	examples := []string{
		"share/examples/pfasciilogd/freebsd/rc.d/pfasciilogd",
		"share/examples/pfasciilogd/freebsd/newsyslog.conf.d/pfasciilogd.conf",
		"share/examples/pfasciilogd/openbsd/rc.d/pfasciilogd",
		"share/examples/pfasciilogd/linux/systemd/pfasciilogd.service",
		"share/examples/pfasciilogd/fail2ban/filter.d/pfasciilogd.conf",
		"share/examples/pfasciilogd/fail2ban/jail.d/pfasciilogd.local",
	}
	for os_, live := range map[string][]string{
		"FreeBSD": {"usr/local/etc/rc.d/pfasciilogd", "usr/local/etc/newsyslog.conf.d/pfasciilogd.conf"},
		"OpenBSD": {"etc/rc.d/pfasciilogd"},
		"Linux":   {"usr/local/lib/systemd/system/pfasciilogd.service"},
	} {
		dest := t.TempDir()
		cmd := exec.Command("sh", "scripts/install.sh", "install")
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "BIN=bin/pfasciilogd", "PREFIX=/usr/local", "DESTDIR="+dest, "INSTALL_OS="+os_)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: install: %v\n%s", os_, err, out)
		}
		man := "usr/local/share/man/man8/pfasciilogd.8"
		if os_ == "OpenBSD" {
			man = "usr/local/man/man8/pfasciilogd.8" // OpenBSD's hier(7)
		}
		want := append([]string{"usr/local/sbin/pfasciilogd", man}, live...)
		for _, e := range examples {
			want = append(want, "usr/local/"+e)
		}
		for _, f := range want {
			if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
				t.Errorf("%s: %s not installed", os_, f)
			}
		}
		rc, _ := os.ReadFile(filepath.Join(dest, "usr/local/share/examples/pfasciilogd/freebsd/rc.d/pfasciilogd"))
		if strings.Contains(string(rc), "%%PREFIX%%") {
			t.Errorf("%s: %%%%PREFIX%%%% not substituted in the rc.d script", os_)
		}
	}
}
