package writer

import (
	"testing"
)

// Lines queued while a write is in progress (not the first in the queue,
// below half of it, so they do not wake the writer) are written within the
// flush interval after it, not left waiting for the next line that finds
// the queue empty or fills half of it.
func TestLinesQueuedDuringWriteAreWritten(t *testing.T) {
	f := &memFile{entered: make(chan struct{}, 100), gate: make(chan struct{})}
	o := &opener{files: []*memFile{f}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open})
	mustWrite(t, w, line(0))
	<-f.entered // the write of line 0 is in progress
	mustWrite(t, w, line(1))
	close(f.gate)
	waitUntil(t, "line 1 written", func() bool { return w.Stats().LinesWritten == 2 })
	if got, want := f.String(), line(0)+line(1); got != want {
		t.Errorf("file holds %q, want %q", got, want)
	}
}
