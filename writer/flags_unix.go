//go:build unix

package writer

import "syscall"

// oNoFollow makes open fail on a symbolic link (ELOOP on Linux and OpenBSD,
// EMLINK on FreeBSD).
const oNoFollow = syscall.O_NOFOLLOW
