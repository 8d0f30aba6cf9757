//go:build unix

package pidfile

import (
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFailureLeavesNoFile: when the pid cannot be written (here a
// file size limit of 2 bytes: the write stops short with EFBIG, as on a
// full disk with ENOSPC), Create fails and leaves no pid file, neither
// empty nor holding part of a pid.
func TestWriteFailureLeavesNoFile(t *testing.T) {
	if os.Getpid() < 100 {
		t.Skip("a pid of fewer than 3 digits fits in the limit")
	}
	path := filepath.Join(t.TempDir(), "p.pid")
	signal.Ignore(syscall.SIGXFSZ)
	defer signal.Reset(syscall.SIGXFSZ)
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip("getrlimit:", err)
	}
	lim := old
	lim.Cur = 2
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip("setrlimit:", err)
	}
	p, err := Create(path)
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	if err == nil {
		p.Remove()
		t.Fatal("Create succeeded with a 2-byte file size limit")
	}
	if b, err := os.ReadFile(path); err == nil {
		t.Errorf("Create failed but left the pid file, holding %q", b)
	}
}
