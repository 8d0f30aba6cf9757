package pidfile

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// AllowRemovalBy prepares the pid file for a daemon that is about to drop
// its privileges to uid and gid (and no other group), so that it can
// still remove the file at exit: that needs search permission on every
// directory above the file, write and search permission on its directory,
// and, in a sticky directory (/tmp), to own the file or the directory.
// The sticky case it mends by giving the file to uid. It returns nil when
// the user will be able to remove the file, else an error saying what
// stands in the way. Only the mode bits are read: an ACL may allow more.
func (p *File) AllowRemovalBy(uid, gid int) error {
	if uid == 0 {
		return nil
	}
	abs, err := filepath.Abs(p.path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(abs)
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if st, err := stat(d); err != nil {
			return err
		} else if !allowed(st, uid, gid, 1) {
			return fmt.Errorf("uid %d may not search directory %s (mode %#o, owner %d:%d)", uid, d, st.Mode&0o7777, st.Uid, st.Gid)
		}
		if d == filepath.Dir(d) {
			break
		}
	}
	st, err := stat(dir)
	if err != nil {
		return err
	}
	if !allowed(st, uid, gid, 3) {
		return fmt.Errorf("uid %d may not write in directory %s (mode %#o, owner %d:%d)", uid, dir, st.Mode&0o7777, st.Uid, st.Gid)
	}
	if st.Mode&syscall.S_ISVTX != 0 && int(st.Uid) != uid {
		// Sticky: only the owner of the file or of the directory may
		// remove the file.
		if err := p.f.Chown(uid, -1); err != nil {
			return fmt.Errorf("directory %s is sticky and the pid file cannot be given to uid %d: %w", dir, uid, err)
		}
	}
	return nil
}

func stat(path string) (*syscall.Stat_t, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil, fmt.Errorf("%s: no owner and mode", path)
	}
	return st, nil
}

// allowed says whether uid:gid has the permission bits want (1 search,
// 2 write, 4 read; combined) on the file st describes.
func allowed(st *syscall.Stat_t, uid, gid int, want uint32) bool {
	m := uint32(st.Mode)
	switch {
	case int(st.Uid) == uid:
		m >>= 6
	case int(st.Gid) == gid:
		m >>= 3
	}
	return m&want == want
}
