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
	// A pid file that cannot be written whole goes: an empty or partial
	// one would name no process, or the wrong one. The lock makes it
	// ours to remove.
	fail := func(err error) (*File, error) {
		os.Remove(path)
		f.Close()
		return nil, fmt.Errorf("pid file %s: %w", path, err)
	}
	if err := f.Truncate(0); err != nil {
		return fail(err)
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		return fail(err)
	}
	return &File{path: path, f: f}, nil
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
