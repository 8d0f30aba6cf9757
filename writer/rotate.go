package writer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// osOpenFile is the default Config.OpenFile.
func osOpenFile(path string, flag int, perm os.FileMode) (File, error) {
	f, err := os.OpenFile(path, flag, perm)
	if err != nil {
		return nil, err // not a typed nil *os.File
	}
	return f, nil
}

// openFile opens c.Path for appending, explaining the usual failures.
func openFile(c *Config) (File, error) {
	f, err := c.OpenFile(c.Path, OpenFlags, c.Mode)
	if err == nil {
		return f, nil
	}
	if fi, lerr := os.Lstat(c.Path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return nil, fmt.Errorf("writer: refusing to open log file %s: it is a symbolic link: %w", c.Path, err)
	}
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(c.Path)
		if _, serr := os.Stat(dir); serr != nil {
			return nil, fmt.Errorf("writer: cannot open log file: directory %s does not exist (directories are not created): %w", dir, err)
		}
	}
	return nil, fmt.Errorf("writer: cannot open log file: %w", err)
}

// rotationOn says whether built-in rotation applies to the current file.
// While a reopen is pending (the path could not be opened after a
// rotation), the file is not rotated again.
func (l *loop) rotationOn() bool {
	return l.c.RotateSize > 0 && l.regular && !l.reopenWanted
}

// rotate renames path.(K-2) to path.(K-1), ..., path to path.0 and opens a
// new path. On failure it logs (rate-limited), suspends rotation for a
// while, and the caller keeps writing to the current file.
func (l *loop) rotate() error {
	_ = l.sync()
	now := time.Now()
	if err := renameChain(l.c.Path, l.c.RotateKeep); err != nil {
		l.rotateAt = now.Add(l.t.rotateRetry)
		if l.rotateLog.allow(now) {
			l.log.Errorw("cannot rotate log file; writing on to it", "path", l.c.Path, "error", err)
		}
		return err
	}
	nf, err := openFile(l.c)
	if err != nil {
		// The descriptor now writes to path.0; retry opening path.
		l.reopenWanted = true
		l.reopenBackoff = l.t.reopenRetryMin
		l.reopenAt = now.Add(l.reopenBackoff)
		l.reopenLog.last = now
		l.log.Errorw("cannot open new log file after rotation; writing on to the rotated one and retrying",
			"path", l.c.Path, "rotated", rotatedName(l.c.Path, 0), "error", err)
		return err
	}
	l.switchTo(nf, false)
	l.w.mu.Lock()
	l.w.stats.Rotations++
	l.w.mu.Unlock()
	l.log.Infow("rotated log file", "path", l.c.Path, "keep", l.c.RotateKeep)
	return nil
}

// renameChain shifts path.(keep-2) .. path.0 up by one, dropping the oldest
// (rename replaces it), then renames path to path.0. Missing files are
// skipped.
func renameChain(path string, keep int) error {
	for i := keep - 1; i > 0; i-- {
		err := os.Rename(rotatedName(path, i-1), rotatedName(path, i))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	err := os.Rename(path, rotatedName(path, 0))
	if errors.Is(err, fs.ErrNotExist) {
		return nil // someone removed it: just open a new one
	}
	return err
}

func rotatedName(path string, i int) string {
	return path + "." + strconv.Itoa(i)
}
