package writer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// memFile is an in-memory File whose writes can fail, be short, or block.
type memFile struct {
	mu            sync.Mutex
	buf           bytes.Buffer
	discard       bool // count bytes only
	n             int64
	writes        int   // Write calls
	failures      int   // failed Write calls
	failNext      int   // fail this many more writes
	failAll       bool  // fail every write
	failErr       error // default ENOSPC
	partial       bool  // a failing write first writes half of p and a byte, if over 2 bytes
	syncs         int
	closed        bool
	unlinked      bool        // Stat reports no name
	mode          os.FileMode // Stat's mode; 0: a regular file
	failCut       bool        // Truncate fails
	cuts          int         // Truncate calls that succeeded
	unlinkOnWrite bool        // the next Write unlinks the file after writing
	namedBytes    int         // bytes written while it had a name, once unlinkOnWrite took effect; -1 before
	// decide, if set, is asked at each Write whether it fails (half-way
	// if partial) or unlinks the file after writing.
	decide func() (fail, partial, unlink bool)

	entered chan struct{} // if set, each Write sends on it first
	gate    chan struct{} // if set, each Write receives from it first
	failed  chan struct{} // if set, each failure sends on it (non-blocking)
}

func (f *memFile) Write(p []byte) (int, error) {
	if f.entered != nil {
		f.entered <- struct{}{}
	}
	if f.gate != nil {
		<-f.gate
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return 0, os.ErrClosed
	}
	f.writes++
	if f.decide != nil {
		fail, partial, unlink := f.decide()
		f.unlinkOnWrite = f.unlinkOnWrite || unlink
		if fail {
			f.failNext++
			f.partial = partial
		}
	}
	if f.failAll || f.failNext > 0 {
		if f.failNext > 0 {
			f.failNext--
		}
		f.failures++
		n := 0
		if f.partial && len(p) > 2 {
			n = len(p)/2 + 1
			f.buf.Write(p[:n])
			f.n += int64(n)
		}
		if f.failed != nil {
			select {
			case f.failed <- struct{}{}:
			default:
			}
		}
		err := f.failErr
		if err == nil {
			err = syscall.ENOSPC
		}
		return n, &fs.PathError{Op: "write", Path: "mem", Err: err}
	}
	f.n += int64(len(p))
	if !f.discard {
		f.buf.Write(p)
	}
	if f.unlinkOnWrite && !f.unlinked {
		f.unlinkOnWrite, f.unlinked = false, true
		f.namedBytes = f.buf.Len() - len(p)
	}
	return len(p), nil
}

func (f *memFile) ReadAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b := f.buf.Bytes()
	if off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (f *memFile) Truncate(size int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failCut {
		return &fs.PathError{Op: "truncate", Path: "mem", Err: syscall.EIO}
	}
	if size > int64(f.buf.Len()) {
		return &fs.PathError{Op: "truncate", Path: "mem", Err: syscall.EINVAL}
	}
	f.buf.Truncate(int(size))
	f.n = size
	f.cuts++
	return nil
}

func (f *memFile) Sync() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.syncs++
	return nil
}

func (f *memFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

func (f *memFile) Stat() (os.FileInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	nlink := uint64(1)
	if f.unlinked {
		nlink = 0
	}
	mode := f.mode
	if mode == 0 {
		mode = 0o640
	}
	return memInfo{size: f.n, nlink: nlink, mode: mode}, nil
}

func (f *memFile) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.buf.String()
}

func (f *memFile) set(fn func(f *memFile)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *memFile) get() (writes, failures, syncs int, closed bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.writes, f.failures, f.syncs, f.closed
}

type memInfo struct {
	size  int64
	nlink uint64
	mode  os.FileMode
}

func (i memInfo) Name() string       { return "mem" }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() os.FileMode  { return i.mode }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return memStat(i.nlink) }

// opener hands out the given files in turn, or fails while err is set.
// While gate is set, an open first waits on it (after telling entered).
type opener struct {
	mu      sync.Mutex
	files   []*memFile
	calls   int
	err     error
	gate    chan struct{}
	entered chan struct{}
}

func (o *opener) open(path string, flag int, perm os.FileMode) (File, error) {
	o.mu.Lock()
	gate, entered := o.gate, o.entered
	o.mu.Unlock()
	if entered != nil {
		entered <- struct{}{}
	}
	if gate != nil {
		<-gate
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.calls++
	if o.err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: o.err}
	}
	if len(o.files) == 0 {
		return nil, &fs.PathError{Op: "open", Path: path, Err: syscall.EMFILE}
	}
	f := o.files[0]
	o.files = o.files[1:]
	return f, nil
}

func (o *opener) setErr(err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.err = err
}

// testLogger records messages.
type testLogger struct {
	mu   sync.Mutex
	msgs []string
}

func (l *testLogger) Infow(msg string, kv ...any)  { l.add("INFO", msg, kv) }
func (l *testLogger) Errorw(msg string, kv ...any) { l.add("ERROR", msg, kv) }

func (l *testLogger) add(level, msg string, kv []any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, fmt.Sprintf("%s %s %v", level, msg, kv))
}

func (l *testLogger) has(sub string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, m := range l.msgs {
		if strings.Contains(m, sub) {
			return true
		}
	}
	return false
}

func (l *testLogger) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.msgs, "\n")
}

// fastTuning retries at once-ish, so tests never wait for backoff.
func fastTuning() *tuning {
	return &tuning{
		retryMin:    time.Millisecond,
		retryMax:    2 * time.Millisecond,
		reopenRetry: 0,
		rotateRetry: time.Hour,
		logInterval: time.Hour,
		monitorTick: 5 * time.Millisecond,
		stuckAfter:  20 * time.Millisecond,
		closeGrace:  time.Second,
	}
}

func line(i int) string {
	// The same length for every i below 10^8.
	return fmt.Sprintf("2026-11-22T01:48:13.%06d+01:00 rule 1/0(match): block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S], seq %08d, length 0\n", i%1000000, i)
}

func newTest(t testing.TB, c Config) *Writer {
	t.Helper()
	if c.tune == nil {
		c.tune = fastTuning()
	}
	w, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func mustWrite(t testing.TB, w *Writer, s string) {
	t.Helper()
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatalf("Write(%q): %v", s, err)
	}
}

// writeLines queues line(from) ... line(to-1) and returns them.
func writeLines(t testing.TB, w *Writer, from, to int) string {
	t.Helper()
	var b strings.Builder
	for i := from; i < to; i++ {
		b.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	return b.String()
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reopen asks for a reopen and waits until the writer has served it.
func reopen(t testing.TB, w *Writer) {
	t.Helper()
	if err := w.Reopen(); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil && !errors.Is(err, ErrUnnamed) {
		t.Logf("Flush after Reopen: %v", err)
	}
}

// waitUntil polls cond for up to 10s.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
