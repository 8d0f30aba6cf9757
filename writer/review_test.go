package writer

import (
	"syscall"
	"testing"
	"time"
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

// A write that stopped inside a line that cannot be cut back (ftruncate
// fails: an append-only file) while a failed reopen is being retried: the
// rest of the line goes to the same file before the retried open switches
// to the new one, so the old file does not keep the fragment.
func TestRetriedReopenFinishesLineInOldFile(t *testing.T) {
	calls := 0
	old := &memFile{failCut: true}
	old.decide = func() (fail, partial, unlink bool) {
		calls++
		return calls == 1, true, false // the first write stops half-way
	}
	nf := &memFile{}
	o := &opener{files: []*memFile{old, nf}}
	tune := fastTuning()
	tune.retryMin, tune.retryMax = time.Hour, time.Hour // only the reopen retry comes
	tune.reopenRetry = 20 * time.Millisecond
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, tune: tune})
	o.setErr(syscall.EACCES)
	reopen(t, w)
	mustWrite(t, w, line(0))
	if err := w.Flush(); err == nil {
		t.Fatal("Flush of a write that stopped half-way returned nil")
	}
	o.setErr(nil)
	waitUntil(t, "the retried reopen", func() bool { return w.Stats().Reopens == 1 })
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := old.String(); got != line(0) {
		t.Errorf("old file holds %q, want line 0 finished in it", got)
	}
	if got := nf.String(); got != "" {
		t.Errorf("new file holds %q, want nothing", got)
	}
	if s := w.Stats(); s.LinesWritten != 1 {
		t.Errorf("stats %+v, want 1 line written", s)
	}
}
