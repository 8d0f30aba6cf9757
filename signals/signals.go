// Package signals maps the daemon's signals to what they ask for:
// SIGHUP and SIGUSR1 reopen the log (newsyslog and logrotate), SIGTERM and
// SIGINT stop after draining, SIGINFO (BSD, ^T) and SIGUSR2 log statistics.
package signals

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Action is what a signal asks the daemon to do.
type Action int

// The actions.
const (
	Reopen Action = iota + 1
	Stop
	Stats
)

func (a Action) String() string {
	switch a {
	case Reopen:
		return "reopen"
	case Stop:
		return "stop"
	case Stats:
		return "stats"
	}
	return "none"
}

// Of returns the action of sig, or 0 for a signal the daemon ignores.
func Of(sig os.Signal) Action {
	switch sig {
	case syscall.SIGHUP, syscall.SIGUSR1:
		return Reopen
	case syscall.SIGTERM, syscall.SIGINT:
		return Stop
	case syscall.SIGUSR2:
		return Stats
	}
	if i := infoSignal(); i != nil && sig == i {
		return Stats
	}
	return 0
}

// Handled lists the signals Notify catches.
func Handled() []os.Signal {
	s := []os.Signal{syscall.SIGHUP, syscall.SIGUSR1, syscall.SIGTERM, syscall.SIGINT, syscall.SIGUSR2}
	if i := infoSignal(); i != nil {
		s = append(s, i)
	}
	return s
}

// Notify delivers the action of every handled signal on the returned
// channel until ctx ends. A burst of signals is not lost: the channel is
// buffered, and signals that arrive while it is full are coalesced by the
// runtime only for the same signal.
func Notify(ctx context.Context) <-chan Action {
	raw := make(chan os.Signal, 16)
	signal.Notify(raw, Handled()...)
	out := make(chan Action, 16)
	go func() {
		defer signal.Stop(raw)
		defer close(out)
		for {
			select {
			case <-ctx.Done():
				return
			case s := <-raw:
				if a := Of(s); a != 0 {
					select {
					case out <- a:
					case <-ctx.Done():
						return
					}
				}
			}
		}
	}()
	return out
}
