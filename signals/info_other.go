//go:build !(darwin || dragonfly || freebsd || netbsd || openbsd)

package signals

import "os"

// infoSignal returns nil: there is no SIGINFO here; SIGUSR2 does its job.
func infoSignal() os.Signal { return nil }
