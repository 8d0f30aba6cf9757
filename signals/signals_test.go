package signals

import (
	"context"
	"syscall"
	"testing"
)

func TestOf(t *testing.T) {
	for sig, want := range map[syscall.Signal]Action{
		syscall.SIGHUP: Reopen, syscall.SIGUSR1: Reopen,
		syscall.SIGTERM: Stop, syscall.SIGINT: Stop,
		syscall.SIGUSR2: Stats, syscall.SIGPIPE: 0,
	} {
		if got := Of(sig); got != want {
			t.Errorf("Of(%v) = %v, want %v", sig, got, want)
		}
	}
}

func TestNotifyDeliversInOrder(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := Notify(ctx)
	for _, s := range []syscall.Signal{syscall.SIGHUP, syscall.SIGUSR2, syscall.SIGUSR1} {
		if err := syscall.Kill(syscall.Getpid(), s); err != nil {
			t.Fatal(err)
		}
		want := Of(s)
		if got := <-ch; got != want {
			t.Fatalf("signal %v gave %v, want %v", s, got, want)
		}
	}
	cancel()
	for range ch {
	}
}
