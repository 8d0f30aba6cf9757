// Package contrib holds the files pfasciilogd installs beside its binary;
// this test checks them.
package contrib

import (
	"os/exec"
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
