package main

import (
	"os"
	"runtime"

	"github.com/pfasciilogd/pfasciilogd/writer"
)

// maxBatch bounds the bytes of lines gathered before they go to the
// writer's queue: a full queue drops a batch whole.
const maxBatch = 16 << 10

// lineBatch gathers the lines of what one read from the kernel delivered
// (hundreds of NFLOG records in a flood) and queues them together: one
// lock of the writer's queue for many lines. It is used by the capture
// goroutine only.
type lineBatch struct {
	w *writer.Writer
	b []byte
}

// full tells whether the batch should be queued now.
func (lb *lineBatch) full() bool { return len(lb.b) >= maxBatch }

// flush queues the lines gathered (a full queue counts them as dropped).
func (lb *lineBatch) flush() {
	if len(lb.b) > 0 {
		lb.w.Write(lb.b)
		lb.b = lb.b[:0]
	}
}

// oneProcessor runs the daemon's goroutines on one processor, unless the
// environment's GOMAXPROCS says otherwise: capturing, decoding and
// writing take a small part of one core. A second processor added thread
// wake-ups each time the capture handed the writer work (a fifth of the
// daemon's CPU time at 50,000 packets a second) while the writer wrote
// every 64 KiB; now that it writes once per flush interval, a second
// processor costs about as much (0.44 against 0.42 µs a packet, README
// "Performance"), and neither setting lost consistently fewer records in
// the kernel at full speed with a 64 KiB socket buffer.
func oneProcessor() {
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
}
