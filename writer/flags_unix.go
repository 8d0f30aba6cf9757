//go:build unix

package writer

import (
	"os"
	"syscall"
)

// oNoFollow makes open fail on a symbolic link (ELOOP on Linux and OpenBSD,
// EMLINK on FreeBSD); oNonblock makes it return at once on a FIFO without
// a reader (ENXIO) instead of waiting for one.
const (
	oNoFollow = syscall.O_NOFOLLOW
	oNonblock = syscall.O_NONBLOCK
)

// linkCount returns the number of names of the file fi describes, and
// whether it is known.
func linkCount(fi os.FileInfo) (uint64, bool) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink), true
	}
	return 0, false
}
