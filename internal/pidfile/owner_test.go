package pidfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestAllowRemovalBy reads the directory's owner and mode as unlink(2)
// does, and gives the file to the user in a sticky directory.
func TestAllowRemovalBy(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to own files as another user: not root")
	}
	const uid, gid = 65534, 65534
	for _, c := range []struct {
		name      string
		mode      os.FileMode
		owner     int
		parent    os.FileMode
		wantErr   string // "" when removable
		fileOwner int
	}{
		{"owned directory", 0o755, uid, 0o755, "", 0},
		{"root's directory", 0o755, 0, 0o755, "may not write", 0},
		{"group-writable directory", 0o775, 0, 0o755, "may not write", 0}, // group 0, not nobody's
		{"world-writable directory", 0o777, 0, 0o755, "", 0},
		{"sticky directory", 0o777 | os.ModeSticky, 0, 0o755, "", uid},
		{"owned sticky directory", 0o755 | os.ModeSticky, uid, 0o755, "", 0},
		{"unreachable directory", 0o777, uid, 0o700, "may not search", 0},
	} {
		top := t.TempDir()
		dir := filepath.Join(top, "run")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, s := range []struct {
			path string
			mode os.FileMode
		}{{top, c.parent}, {filepath.Dir(top), 0o755}, {dir, c.mode}} {
			if err := os.Chmod(s.path, s.mode); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chown(dir, c.owner, 0); err != nil {
			t.Fatal(err)
		}
		p, err := Create(filepath.Join(dir, "p.pid"))
		if err != nil {
			t.Fatal(err)
		}
		err = p.AllowRemovalBy(uid, gid)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.wantErr)
		}
		fi, _ := os.Stat(p.Path())
		if st := fi.Sys().(*syscall.Stat_t); int(st.Uid) != c.fileOwner {
			t.Errorf("%s: the pid file belongs to uid %d, want %d", c.name, st.Uid, c.fileOwner)
		}
		p.Remove()
	}
	if err := (&File{path: "/x/p.pid"}).AllowRemovalBy(0, 0); err != nil {
		t.Errorf("root: %v", err)
	}
}

// TestCreateUnwritable: a pid file that cannot be written (a file size
// limit of 0 makes write(2) fail with EFBIG; Go ignores SIGXFSZ) is
// removed, not left empty.
func TestCreateUnwritable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.pid")
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("getrlimit: %v", err)
	}
	lim := old
	lim.Cur = 0
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	p, err := Create(path)
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	if err == nil {
		p.Remove()
		t.Fatal("Create succeeded with a file size limit of 0")
	}
	if !errors.Is(err, syscall.EFBIG) {
		t.Errorf("error %v, want EFBIG", err)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("pid file left behind: %v", err)
	}
}
