// Package pidfile writes the daemon's pid file under an exclusive lock, so
// a second instance refuses to start, like pidfile(3) on FreeBSD.
package pidfile

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// File is a locked pid file. The lock lasts as long as the descriptor.
type File struct {
	path string
	f    *os.File
}

// ErrRunning is returned when another process holds the pid file.
var ErrRunning = errors.New("already running")

// Create opens path, takes an exclusive lock on it and writes the current
// pid. If another process holds the lock it returns an error wrapping
// ErrRunning that names that process's pid.
func Create(path string) (*File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pid file %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		buf := make([]byte, 32)
		n, _ := f.ReadAt(buf, 0)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			pid := strings.TrimSpace(string(buf[:n]))
			if pid == "" {
				pid = "unknown"
			}
			return nil, fmt.Errorf("pid file %s is locked by pid %s: %w", path, pid, ErrRunning)
		}
		return nil, fmt.Errorf("pid file %s: lock: %w", path, err)
	}
	// The lock is ours: a pid file that cannot be written (a full disk,
	// a file size limit) is removed, not left empty or stale.
	if err := f.Truncate(0); err != nil {
		return nil, discard(path, f, err)
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		return nil, discard(path, f, err)
	}
	return &File{path: path, f: f}, nil
}

// discard removes the locked pid file path that could not be written, and
// closes it; the error says what went wrong.
func discard(path string, f *os.File, err error) error {
	if rerr := os.Remove(path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
		f.Truncate(0)
		f.Close()
		return fmt.Errorf("pid file %s: %w (and it could not be removed: %v)", path, err, rerr)
	}
	f.Close()
	return fmt.Errorf("pid file %s: %w", path, err)
}

// Path returns the file's path.
func (p *File) Path() string { return p.path }

// Remove deletes the pid file and releases the lock. When the file cannot
// be deleted (a daemon that dropped privileges, in a directory only root
// may write), it is emptied through the descriptor still open, so no stale
// pid remains; the error is still returned.
func (p *File) Remove() error {
	err := os.Remove(p.path)
	if err != nil {
		p.f.Truncate(0)
	}
	p.f.Close()
	return err
}
