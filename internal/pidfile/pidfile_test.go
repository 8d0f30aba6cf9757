package pidfile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestCreateLockRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.pid")
	p, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("pid file holds %q", b)
	}
	// flock locks belong to the open file description: a second open in
	// the same process conflicts like a second daemon would.
	if _, err := Create(path); !errors.Is(err, ErrRunning) || !strings.Contains(err.Error(), strconv.Itoa(os.Getpid())) {
		t.Errorf("second Create: %v", err)
	}
	if err := p.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("pid file still there: %v", err)
	}
	p2, err := Create(path)
	if err != nil {
		t.Fatalf("after Remove: %v", err)
	}
	p2.Remove()
}

func TestStalePidFileIsTakenOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.pid")
	os.WriteFile(path, []byte("99999999\n"), 0o644)
	p, err := Create(path)
	if err != nil {
		t.Fatalf("stale file: %v", err)
	}
	b, _ := os.ReadFile(path)
	if strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("pid file holds %q", b)
	}
	p.Remove()
}

func TestSymlinkRefused(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "target"), nil, 0o644)
	link := filepath.Join(dir, "p.pid")
	os.Symlink(filepath.Join(dir, "target"), link)
	if _, err := Create(link); err == nil {
		t.Error("Create followed a symlink")
	}
}
