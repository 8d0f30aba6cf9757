//go:build linux

package capture

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
)

// TestReadLoopBatchEnd: readLoop calls the batch end after the last record
// of each datagram the kernel delivered, not between its records, and
// once more before it returns.
func TestReadLoopBatchEnd(t *testing.T) {
	r, peer := nflogPair(t)
	defer peer.Close()
	r.timeout = 20 * time.Millisecond
	h := nflogHandle(r)
	defer h.Close()

	var mu sync.Mutex
	var events strings.Builder
	note := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		if s == "|" && (events.Len() == 0 || strings.HasSuffix(events.String(), "|")) {
			return // the ends of empty batches (timeouts)
		}
		events.WriteString(s)
	}
	seen := func() string {
		mu.Lock()
		defer mu.Unlock()
		return events.String()
	}
	rec := func(n int) []byte {
		var d []byte
		for i := 0; i < n; i++ {
			d = append(d, nlmsg(4<<8, []byte{2, 0, 0, 7})...)
		}
		return d
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- readLoop(ctx, h, func([]byte, *gopacket.CaptureInfo, int) { note("r") }, func() { note("|") }, &Counters{}, &Stats{})
	}()
	wait := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for seen() != want && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		if got := seen(); got != want {
			t.Fatalf("records and batch ends %q, want %q", got, want)
		}
	}
	for _, n := range []int{3, 1} {
		if _, err := peer.Write(rec(n)); err != nil {
			t.Fatal(err)
		}
	}
	wait("rrr|r|")
	if _, err := peer.Write(rec(2)); err != nil {
		t.Fatal(err)
	}
	wait("rrr|r|rr|")
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
