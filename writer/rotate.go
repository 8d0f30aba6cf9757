package writer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// OpenFlags are the flags the log file is opened with: read and write (to
// see whether it ends in a whole line), append only, created when missing,
// never through a symbolic link, and without waiting (for the reader of a
// FIFO, say). When reading is not allowed, it is opened with O_WRONLY
// instead of O_RDWR.
const OpenFlags = os.O_RDWR | os.O_APPEND | os.O_CREATE | oNoFollow | oNonblock

// osOpenFile is the default Config.OpenFile.
func osOpenFile(path string, flag int, perm os.FileMode) (File, error) {
	f, err := os.OpenFile(path, flag, perm)
	if err != nil {
		return nil, err // not a typed nil *os.File
	}
	return f, nil
}

// openFile opens c.Path for appending, explaining the usual failures, and
// refuses anything but a regular file. A file that ends in an incomplete
// line is cut back to its last whole line.
func openFile(c *Config) (File, error) {
	// Not even opened if it is something else already: opening a FIFO
	// or a device can have effects (a FIFO's reader sees a writer come
	// and go). fstat below catches what comes in between.
	if fi, err := os.Lstat(c.Path); err == nil && !fi.Mode().IsRegular() {
		if fi.Mode()&fs.ModeSymlink != 0 {
			return nil, fmt.Errorf("writer: refusing to open log file %s: it is a symbolic link", c.Path)
		}
		return nil, fmt.Errorf("writer: refusing log file %s: it is %s, not a regular file", c.Path, kindOf(fi.Mode()))
	}
	f, err := c.OpenFile(c.Path, OpenFlags, c.Mode)
	if errors.Is(err, fs.ErrPermission) {
		f, err = c.OpenFile(c.Path, OpenFlags&^os.O_RDWR|os.O_WRONLY, c.Mode)
	}
	if err != nil {
		if fi, lerr := os.Lstat(c.Path); lerr == nil {
			if fi.Mode()&fs.ModeSymlink != 0 {
				return nil, fmt.Errorf("writer: refusing to open log file %s: it is a symbolic link: %w", c.Path, err)
			}
			if !fi.Mode().IsRegular() {
				return nil, fmt.Errorf("writer: refusing log file %s: it is %s, not a regular file: %w", c.Path, kindOf(fi.Mode()), err)
			}
		}
		if errors.Is(err, fs.ErrNotExist) {
			dir := filepath.Dir(c.Path)
			if _, serr := os.Stat(dir); serr != nil {
				return nil, fmt.Errorf("writer: cannot open log file: directory %s does not exist (directories are not created): %w", dir, err)
			}
		}
		return nil, fmt.Errorf("writer: cannot open log file: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("writer: cannot open log file: fstat %s: %w", c.Path, err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("writer: refusing log file %s: it is %s, not a regular file", c.Path, kindOf(fi.Mode()))
	}
	if err := repairTail(f, fi.Size(), c); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// kindOf names the kind of file of a mode that is not a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m.IsDir():
		return "a directory"
	}
	return "not a regular file (" + m.Type().String() + ")"
}

// tailScan is how far back repairTail looks for the end of the last whole
// line.
const tailScan = 1 << 20

// repairTail cuts a file of size bytes that ends in an incomplete line (a
// crash, an older version, someone else) back to its last whole line, so
// that the next line is not glued to the fragment; a file with no newline
// in its last tailScan bytes gets a newline instead. A file opened without
// read access is left as it is.
func repairTail(f File, size int64, c *Config) error {
	if size == 0 {
		return nil
	}
	var buf [4096]byte
	if n, err := f.ReadAt(buf[:1], size-1); n != 1 || err != nil || buf[0] == '\n' {
		return nil // whole, or cannot be read (O_WRONLY)
	}
	cut := int64(-1)
	for end := size - 1; cut < 0 && size-end < tailScan; {
		if end == 0 {
			cut = 0
			break
		}
		start := max(end-int64(len(buf)), 0)
		n, err := f.ReadAt(buf[:end-start], start)
		if int64(n) != end-start {
			return fmt.Errorf("writer: cannot read the end of log file %s: %w", c.Path, err)
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			cut = start + int64(i) + 1
		}
		end = start
	}
	if cut < 0 {
		if _, err := f.Write([]byte{'\n'}); err != nil {
			return fmt.Errorf("writer: log file %s ends in an incomplete line and cannot be ended: %w", c.Path, err)
		}
		c.Logger.Errorw("log file ended in an incomplete line longer than the scan; ended it with a newline",
			"path", c.Path, "scanned_bytes", tailScan)
		return nil
	}
	if err := f.Truncate(cut); err != nil {
		return fmt.Errorf("writer: log file %s ends in an incomplete line and cannot be cut back to its last whole line: %w", c.Path, err)
	}
	c.Logger.Errorw("log file ended in an incomplete line (a crash?); removed it",
		"path", c.Path, "removed_bytes", size-cut)
	return nil
}

// rotationOn says whether built-in rotation applies to the current file.
// While a reopen is pending (the path could not be opened after a
// rotation), the file is not rotated again.
func (l *loop) rotationOn() bool {
	return l.c.RotateSize > 0 && !l.reopenWanted
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
	l.busy("open")
	nf, err := openFile(l.c)
	l.idle()
	if err != nil {
		// The descriptor now writes to path.0; retry opening path.
		l.reopenWanted = true
		l.reopenAt = now.Add(l.t.reopenRetry)
		l.reopenLog.last, l.reopenErr = now, err.Error()
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
