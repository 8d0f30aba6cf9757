//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package signals

import (
	"os"
	"syscall"
)

// infoSignal returns SIGINFO, sent by ^T on a BSD terminal.
func infoSignal() os.Signal { return syscall.SIGINFO }
