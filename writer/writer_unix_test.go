//go:build unix

package writer

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestModeAndFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pflog.log")
	var flags int
	var perm os.FileMode
	w := newTest(t, Config{Path: path, OpenFile: func(p string, flag int, m os.FileMode) (File, error) {
		flags, perm = flag, m
		return osOpenFile(p, flag, m)
	}})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if want := os.O_RDWR | os.O_APPEND | os.O_CREATE | syscall.O_NOFOLLOW | syscall.O_NONBLOCK; flags != want || perm != 0o640 {
		t.Errorf("opened with flags %#x mode %v, want %#x 0640", flags, perm, want)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&^0o640 != 0 {
		t.Errorf("created with mode %v", fi.Mode())
	}
}
