package writer

import (
	"strings"
	"testing"
)

// queueLines queues n lines from line(from) in one Write, so that the
// writer sees them all at once, and returns them.
func queueLines(t *testing.T, w *Writer, from, n int) string {
	t.Helper()
	var b strings.Builder
	for i := from; i < from+n; i++ {
		b.WriteString(line(i))
	}
	mustWrite(t, w, b.String())
	return b.String()
}

// A steady flow of lines costs one write per flush interval: lines below
// half the queue wait for the timer and then go out together, in writes of
// at most MaxWriteSize bytes of whole lines, not one write per 64 KiB.
func TestLinesBelowHalfTheQueueGoOutTogether(t *testing.T) {
	per := len(line(0))
	for _, tc := range []struct {
		name   string
		bytes  int // about this many bytes of lines, in one Write
		writes int
	}{
		{"300 KiB", 300 << 10, 1},
		{"2.5 MiB", 5 << 19, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &memFile{}
			o := &opener{files: []*memFile{f}}
			w := newTest(t, Config{Path: "mem", OpenFile: o.open, QueueBytes: 8 << 20})
			n := tc.bytes / per
			want := queueLines(t, w, 0, n)
			waitUntil(t, "the lines written", func() bool { return w.Stats().LinesWritten == uint64(n) })
			if writes, _, _, _ := f.get(); writes != tc.writes {
				t.Errorf("%d bytes of lines took %d writes, want %d", len(want), writes, tc.writes)
			}
			if got := f.String(); got != want {
				t.Errorf("file holds %d bytes, want the %d queued", len(got), len(want))
			}
		})
	}
}
