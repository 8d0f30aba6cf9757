package writer

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The writer under faults: every line counted once (written, dropped or
// lost), nothing waits for a stuck file system call, whole lines only.

// checkAccounting checks that every one of total lines is counted once.
func checkAccounting(t *testing.T, s Stats, total int) {
	t.Helper()
	if got := s.LinesWritten + s.LinesDropped + s.LinesLost; got != uint64(total) || s.QueuedBytes != 0 {
		t.Errorf("written %d + dropped %d + lost %d = %d, want %d lines (queued bytes %d)",
			s.LinesWritten, s.LinesDropped, s.LinesLost, got, total, s.QueuedBytes)
	}
}

// A file that loses its name during a write: the lines of that write are
// lost, not written; the next ones wait for the path to be opened again
// and go to the new file.
func TestUnlinkedAfterWriteIsLost(t *testing.T) {
	old := &memFile{}
	nf := &memFile{}
	o := &opener{files: []*memFile{old, nf}}
	log := &testLogger{}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log})
	mustWrite(t, w, line(0))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	old.set(func(f *memFile) { f.unlinkOnWrite = true })
	mustWrite(t, w, line(1))
	mustWrite(t, w, line(2))
	if err := w.Flush(); !errors.Is(err, ErrUnnamed) {
		t.Fatalf("Flush into a file that lost its name = %v, want ErrUnnamed", err)
	}
	mustWrite(t, w, line(3))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := nf.String(), line(3); got != want {
		t.Errorf("new file %q, want %q", got, want)
	}
	s := w.Stats()
	if s.LinesWritten != 2 || s.LinesLost != 2 || s.Reopens != 1 {
		t.Errorf("stats %+v, want 2 written (line 0 and 3), 2 lost (lines 1 and 2 in the removed file), 1 reopen", s)
	}
	checkAccounting(t, s, 4)
	if !log.has("removed while open") || !log.has("log lines lost") {
		t.Errorf("log messages:\n%s", log)
	}
}

// The newsyslog case of the issue: the path cannot be opened again (-Z,
// a root-owned directory), and the rotated file is then removed (gzip).
// Lines go to the old file while it has a name, then wait in the queue,
// then are dropped; the open is retried on a timer, without writes.
func TestUnnamedAndUnopenable(t *testing.T) {
	old := &memFile{}
	o := &opener{files: []*memFile{old}}
	log := &testLogger{}
	l0 := line(0)
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log, QueueBytes: 10 * len(l0), CloseTimeout: 20 * time.Millisecond})
	o.setErr(syscall.EACCES)
	reopen(t, w)
	if !log.has("still writing to the previous one") {
		t.Errorf("no message about the failed reopen:\n%s", log)
	}
	for i := range 5 {
		mustWrite(t, w, line(i))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	old.set(func(f *memFile) { f.unlinked = true }) // gzip removed it
	total, dropped := 5, 0
	for i := 5; i < 30; i++ {
		total++
		if _, err := w.Write([]byte(line(i))); errors.Is(err, ErrQueueFull) {
			dropped++
		}
	}
	if err := w.Flush(); !errors.Is(err, ErrUnnamed) {
		t.Errorf("Flush = %v, want ErrUnnamed", err)
	}
	calls := func() int { o.mu.Lock(); defer o.mu.Unlock(); return o.calls }
	c0 := calls()
	waitUntil(t, "the open to be retried on its timer", func() bool { return calls() >= c0+3 })
	s := w.Stats()
	if s.LinesWritten != 5 || s.LinesDropped != uint64(dropped) || dropped != 15 || s.QueuedBytes != 10*len(l0) {
		t.Errorf("stats %+v, want 5 written, 15 dropped, 10 lines queued", s)
	}
	if got := old.String(); got != strings.Join([]string{line(0), line(1), line(2), line(3), line(4)}, "") {
		t.Errorf("old file has %d bytes, want lines 0-4", len(got))
	}
	waitUntil(t, "the monitor to report the drops", func() bool { return log.has("lines dropped") })
	if err := w.Close(); err == nil {
		t.Error("Close with lines that could not be written returned nil")
	}
	s = w.Stats()
	if s.LinesLost != 10 {
		t.Errorf("stats %+v, want the 10 queued lines lost at Close", s)
	}
	checkAccounting(t, s, total)
	if !log.has("lines wait in the queue") || !log.has("log lines lost") {
		t.Errorf("log messages:\n%s", log)
	}
}

// A failed reopen is retried on a timer, not only when a line comes.
func TestReopenRetriedWithoutWrites(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "log")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(sub, "pf.log")
	tu := fastTuning()
	tu.reopenRetry = 20 * time.Millisecond
	log := &testLogger{}
	w := newTest(t, Config{Path: path, Logger: log, tune: tu})
	mustWrite(t, w, line(0))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(sub); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, w, line(1)) // into the removed file: lost, or waits
	reopen(t, w)
	if !log.has("does not exist") {
		t.Errorf("no message about the missing directory:\n%s", log)
	}
	time.Sleep(100 * time.Millisecond) // several retries fail
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the log to be created again without a write or a signal", func() bool {
		_, err := os.Stat(path)
		return err == nil
	})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s := w.Stats()
	checkAccounting(t, s, 2)
	if got := strings.Count(readFile(t, path), "\n"); uint64(got) != s.LinesWritten-1 {
		t.Errorf("new file holds %d lines, stats %+v (line 0 went to the removed file)", got, s)
	}
}

// Write, ftruncate and open calls that never return: Reopen and Stats
// answer at once, the monitor reports the stuck call and the drops, and
// Close returns after CloseTimeout with the queued lines counted as lost.
func TestStuckWriteDoesNotBlock(t *testing.T) {
	f := &memFile{entered: make(chan struct{}, 1), gate: make(chan struct{})}
	o := &opener{files: []*memFile{f}}
	log := &testLogger{}
	l0 := line(0)
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log, QueueBytes: 5 * len(l0), CloseTimeout: 50 * time.Millisecond})
	mustWrite(t, w, l0)
	mustWrite(t, w, line(1))
	<-f.entered // the write hangs
	for i := 2; i < 10; i++ {
		w.Write([]byte(line(i)))
	}
	done := make(chan struct{})
	go func() {
		for range 100 {
			if err := w.Reopen(); err != nil {
				t.Error(err)
			}
			_ = w.Stats()
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Reopen or Stats waited for a stuck write")
	}
	waitUntil(t, "the monitor to report the stuck write", func() bool { return log.has("not responding") })
	waitUntil(t, "the monitor to report the drops", func() bool { return log.has("lines dropped") })
	closed := make(chan error, 1)
	go func() { closed <- w.Close() }()
	var err error
	select {
	case err = <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close waited for a stuck write")
	}
	if err == nil || !strings.Contains(err.Error(), "did not return") {
		t.Errorf("Close = %v", err)
	}
	s := w.Stats()
	if s.LinesLost != 5 || s.LinesDropped != 5 || s.LinesWritten != 0 {
		t.Errorf("stats %+v, want 5 lost (queued at Close), 5 dropped", s)
	}
	// The write returns at last: nothing changes.
	close(f.gate)
	<-w.done
	if s2 := w.Stats(); s2 != s {
		t.Errorf("stats changed after Close gave up: %+v, then %+v", s, s2)
	}
	checkAccounting(t, s, 10)
	if !log.has("giving up") {
		t.Errorf("log messages:\n%s", log)
	}
}

// Reopen requests made while the file goroutine is busy are one reopen.
func TestReopensCoalesce(t *testing.T) {
	old := &memFile{entered: make(chan struct{}, 1), gate: make(chan struct{})}
	nf := &memFile{}
	o := &opener{files: []*memFile{old, nf}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open})
	mustWrite(t, w, line(0))
	<-old.entered // the write hangs
	for range 50 {
		if err := w.Reopen(); err != nil {
			t.Fatal(err)
		}
	}
	mustWrite(t, w, line(1))
	old.set(func(f *memFile) { f.entered = nil })
	close(old.gate)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if s := w.Stats(); s.Reopens != 1 || s.LinesWritten != 2 {
		t.Errorf("stats %+v, want 1 reopen for 50 requests", s)
	}
	if got := old.String() + nf.String(); got != line(0)+line(1) {
		t.Errorf("files hold %q", got)
	}
}

func TestStuckOpenDoesNotBlock(t *testing.T) {
	f := &memFile{}
	o := &opener{files: []*memFile{f}}
	log := &testLogger{}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log, CloseTimeout: 50 * time.Millisecond})
	o.mu.Lock()
	o.gate, o.entered = make(chan struct{}), make(chan struct{}, 1)
	o.mu.Unlock()
	if err := w.Reopen(); err != nil {
		t.Fatal(err)
	}
	<-o.entered // the open hangs
	mustWrite(t, w, line(0))
	if err := w.Reopen(); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the monitor to report the stuck open", func() bool { return log.has("call open") || log.has("[path mem call open") })
	closed := make(chan error, 1)
	go func() { closed <- w.Close() }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close waited for a stuck open")
	}
	checkAccounting(t, w.Stats(), 1)
	close(o.gate)
}

// An open that hangs at New fails after CloseTimeout.
func TestStuckOpenAtNew(t *testing.T) {
	o := &opener{gate: make(chan struct{})}
	defer close(o.gate)
	_, err := New(Config{Path: "mem", OpenFile: o.open, CloseTimeout: 20 * time.Millisecond, tune: fastTuning()})
	if err == nil || !strings.Contains(err.Error(), "did not finish") {
		t.Fatalf("New with a hanging open = %v", err)
	}
}

// A write that stops inside a line is cut back to the last whole line, for
// each error a full or failing disk gives; when the disk never recovers
// the file still ends in a whole line.
func TestShortWritesCutBack(t *testing.T) {
	for _, e := range []syscall.Errno{syscall.ENOSPC, syscall.EFBIG, syscall.EIO} {
		t.Run(e.Error(), func(t *testing.T) {
			f := &memFile{failNext: 5, partial: true, failErr: e}
			o := &opener{files: []*memFile{f}}
			w := newTest(t, Config{Path: "mem", OpenFile: o.open})
			want := writeLines(t, w, 0, 2000)
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got := f.String(); got != want {
				t.Fatalf("file: %d bytes, want %d: lines lost, split or repeated", len(got), len(want))
			}
			if f.cuts == 0 {
				t.Error("no write was cut back")
			}
			s := w.Stats()
			if s.LinesWritten != 2000 || s.BytesWritten != uint64(len(want)) {
				t.Errorf("stats %+v", s)
			}

			// Never recovers: whole lines only, the rest lost.
			g := &memFile{failAll: true, partial: true, failErr: e}
			o = &opener{files: []*memFile{g}}
			w = newTest(t, Config{Path: "mem", OpenFile: o.open, CloseTimeout: 20 * time.Millisecond})
			writeLines(t, w, 0, 100)
			if err := w.Close(); !errors.Is(err, e) {
				t.Errorf("Close = %v, want %v", err, e)
			}
			got := g.String()
			if got != "" && !strings.HasSuffix(got, "\n") || !strings.HasPrefix(want, got) {
				t.Errorf("file ends in a fragment: ...%q", got[max(0, len(got)-40):])
			}
			s = w.Stats()
			if s.LinesWritten != uint64(strings.Count(got, "\n")) {
				t.Errorf("lines_written %d, file holds %d lines", s.LinesWritten, strings.Count(got, "\n"))
			}
			checkAccounting(t, s, 100)
		})
	}
}

// When ftruncate fails too, the rest of the line is written to the same
// file before anything else.
func TestCutFailsLineFinishedInSameFile(t *testing.T) {
	f := &memFile{failNext: 3, partial: true, failCut: true}
	o := &opener{files: []*memFile{f}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open})
	want := writeLines(t, w, 0, 1000)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := f.String(); got != want {
		t.Fatalf("file: %d bytes, want %d", len(got), len(want))
	}
	checkAccounting(t, w.Stats(), 1000)
}

// A rotation while the disk is full: the old file is left with whole
// lines only, and the refused lines go whole to the new one.
func TestReopenDuringOutageLeavesWholeLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pf.log")
	var ff *failingFile
	w := newTest(t, Config{Path: path, OpenFile: func(p string, flag int, m os.FileMode) (File, error) {
		f, err := osOpenFile(p, flag, m)
		if err != nil || ff != nil {
			return f, err
		}
		ff = &failingFile{File: f, limit: 3000} // the first file: "full" after 3000 bytes
		return ff, nil
	}})
	want := writeLines(t, w, 0, 200)
	_ = w.Flush()
	if err := os.Rename(path, path+".0"); err != nil {
		t.Fatal(err)
	}
	reopen(t, w)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	old, cur := readFile(t, path+".0"), readFile(t, path)
	if !strings.HasSuffix(old, "\n") || old+cur != want {
		t.Fatalf("old file ends in ...%q; old+new: %d bytes, want %d", old[max(0, len(old)-30):], len(old+cur), len(want))
	}
	checkAccounting(t, w.Stats(), 200)
}

// failingFile is a real file that takes at most limit bytes, then fails
// with ENOSPC after a short write, as a full disk does.
type failingFile struct {
	File
	limit int64
}

func (f *failingFile) Write(p []byte) (int, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	room := f.limit - fi.Size()
	if room >= int64(len(p)) {
		return f.File.Write(p)
	}
	n := 0
	if room > 0 {
		n, _ = f.File.Write(p[:room])
	}
	return n, &os.PathError{Op: "write", Path: "failing", Err: syscall.ENOSPC}
}

// A log that ends in an incomplete line (a crash, an older version) is cut
// back to its last whole line at open, so no line gets glued to it.
func TestIncompleteLastLineCutAtOpen(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ before, after string }{
		{"whole 1\nwhole 2\nfrag", "whole 1\nwhole 2\n"},
		{"fragment only", ""},
		{"x", ""},
		{"whole\n", "whole\n"},
		{strings.Repeat("y", 10000) + "\n" + strings.Repeat("z", 9000), strings.Repeat("y", 10000) + "\n"},
	} {
		path := filepath.Join(dir, "pf.log")
		if err := os.WriteFile(path, []byte(c.before), 0o640); err != nil {
			t.Fatal(err)
		}
		log := &testLogger{}
		w := newTest(t, Config{Path: path, Logger: log})
		mustWrite(t, w, "next\n")
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, path); got != c.after+"next\n" {
			t.Errorf("%.20q...: got %.40q..., want %.40q...", c.before, got, c.after+"next\n")
		}
		if c.before != c.after && !log.has("incomplete line") {
			t.Errorf("no message about the removed fragment:\n%s", log)
		}
	}
}

// The log must be a regular file: a FIFO, a device, a directory are
// refused at New without waiting (a FIFO without reader used to block
// open forever), and at a reopen, which keeps the old file.
func TestNotARegularFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, kind := range map[string]string{fifo: "a FIFO", "/dev/null": "a character device", dir: "a directory"} {
		res := make(chan error, 1)
		go func() {
			w, err := New(Config{Path: path, tune: fastTuning()})
			if err == nil {
				w.Close()
			}
			res <- err
		}()
		select {
		case err := <-res:
			if err == nil || !strings.Contains(err.Error(), kind) || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("New(%s) = %v, want a refusal naming %s", path, err, kind)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("New(%s) hangs", path)
		}
	}

	// Swapped in between the look at the path and the open: fstat sees it.
	sock := &memFile{mode: os.ModeSocket}
	o := &opener{files: []*memFile{sock}}
	if _, err := New(Config{Path: "mem", OpenFile: o.open, tune: fastTuning()}); err == nil || !strings.Contains(err.Error(), "a socket, not a regular file") {
		t.Errorf("New on what fstat says is a socket = %v", err)
	}
	if _, _, _, closed := sock.get(); !closed {
		t.Error("the socket refused was not closed")
	}

	path := filepath.Join(dir, "pf.log")
	log := &testLogger{}
	w := newTest(t, Config{Path: path, Logger: log})
	mustWrite(t, w, line(0))
	if err := os.Rename(path, path+".0"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	reopen(t, w)
	mustWrite(t, w, line(1))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !log.has("a FIFO, not a regular file") {
		t.Errorf("no message about the FIFO:\n%s", log)
	}
	if got := readFile(t, path+".0"); got != line(0)+line(1) {
		t.Errorf("old file %q, want lines 0 and 1", got)
	}
}

// The queue takes QueueBytes of memory, allocated once, and never holds
// more than QueueBytes of lines, however it fills and drains.
func TestQueueMemoryBound(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	const qb = 4 << 20
	f := &memFile{discard: true, entered: make(chan struct{}, 1), gate: make(chan struct{})}
	o := &opener{files: []*memFile{f}}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, QueueBytes: qb})
	p := []byte(line(1))
	mustWrite(t, w, string(p))
	<-f.entered // the first write hangs: the queue fills up
	peak, total := 0, 1
	for range 3 * qb / len(p) {
		total++
		w.Write(p)
		peak = max(peak, w.Stats().QueuedBytes)
	}
	go func() {
		for range f.entered {
		}
	}()
	close(f.gate) // drains; fill again while it writes
	for range 3 * qb / len(p) {
		total++
		w.Write(p)
		peak = max(peak, w.Stats().QueuedBytes)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m1)
	alloc := m1.TotalAlloc - m0.TotalAlloc
	t.Logf("%d bytes allocated for a %d-byte queue; peak %d bytes queued", alloc, qb, peak)
	if alloc > qb+qb/16 {
		t.Errorf("the writer allocated %d bytes for a %d-byte queue", alloc, qb)
	}
	if peak > qb {
		t.Errorf("queued bytes reached %d, more than the queue size %d", peak, qb)
	}
	if peak < qb-2*len(p) {
		t.Errorf("queued bytes peaked at %d: the queue did not fill (%d)", peak, qb)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	checkAccounting(t, w.Stats(), total)
}

// Lines of every length through a small queue, which wraps around often:
// whole and in order.
func TestSmallQueueWraps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pf.log")
	w := newTest(t, Config{Path: path, QueueBytes: 1000})
	var want strings.Builder
	for i := range 20000 {
		s := fmt.Sprintf("%d %s\n", i, strings.Repeat("w", i*7%300))
		for {
			_, err := w.Write([]byte(s))
			if err == nil {
				break
			}
			if !errors.Is(err, ErrQueueFull) {
				t.Fatal(err)
			}
			runtime.Gosched()
		}
		want.WriteString(s)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != want.String() {
		t.Fatalf("file: %d bytes, want %d", len(got), want.Len())
	}
	s := w.Stats()
	if s.LinesWritten != 20000 {
		t.Errorf("stats %+v", s)
	}
}

// Random faults (failed and half-done writes, files losing their name
// during a write, failed opens, reopen requests, a full queue): every
// line is counted once, lines_written is exactly the lines of the files
// written while they had a name, and every file holds whole lines, each
// line at most once.
func TestRandomFaultsAccounting(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { randomFaults(t, seed) })
	}
}

func randomFaults(t *testing.T, seed uint64) {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, 13))
	chance := func(p float64) bool {
		mu.Lock()
		defer mu.Unlock()
		return rng.Float64() < p
	}
	var files []*memFile
	open := func(path string, flag int, perm os.FileMode) (File, error) {
		mu.Lock()
		n := len(files)
		mu.Unlock()
		if n > 0 && chance(0.2) {
			return nil, &os.PathError{Op: "open", Path: path, Err: syscall.EACCES}
		}
		f := &memFile{namedBytes: -1, decide: func() (bool, bool, bool) {
			return chance(0.1), chance(0.5), chance(0.02)
		}}
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
		return f, nil
	}
	w := newTest(t, Config{Path: "mem", OpenFile: open, QueueBytes: 8 << 10, CloseTimeout: 300 * time.Millisecond})
	const total = 8000
	for i := range total {
		w.Write([]byte(line(i))) // a full queue drops it, counted
		if i%97 == 0 {
			w.Reopen()
		}
		if i%40 == 0 {
			time.Sleep(time.Millisecond) // mostly, the writer keeps up
		}
	}
	w.Close()
	s := w.Stats()
	checkAccounting(t, s, total)
	mu.Lock()
	defer mu.Unlock()
	named, seen := 0, make(map[string]bool, total)
	for k, f := range files {
		c := f.String()
		if c != "" && !strings.HasSuffix(c, "\n") {
			t.Errorf("file %d ends in a fragment: ...%q", k, c[max(0, len(c)-30):])
		}
		if f.namedBytes >= 0 {
			named += strings.Count(c[:f.namedBytes], "\n")
		} else {
			named += strings.Count(c, "\n")
		}
		for _, l := range strings.SplitAfter(c, "\n") {
			if l == "" {
				continue
			}
			if seen[l] {
				t.Errorf("file %d: line written twice: %q", k, l)
			}
			seen[l] = true
		}
	}
	if uint64(named) != s.LinesWritten {
		t.Errorf("lines_written %d, but the files hold %d lines written while they had a name (stats %+v, %d files)", s.LinesWritten, named, s, len(files))
	}
	t.Logf("stats %+v, %d files", s, len(files))
}
