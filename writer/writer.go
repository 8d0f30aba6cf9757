// Package writer is pfasciilogd's log writer: it appends whole text lines to
// a log file for fail2ban and the like, and its counters say what became of
// every line.
//
// Producers hand it whole lines with Write or WriteLine, which copy the
// bytes into a bounded queue and never block: one ring buffer of QueueBytes
// bytes, allocated once by New, which is all the memory the queue ever
// takes. A line that does not fit (the queue is full, or a line does not fit
// in the free space at the end of the ring) is dropped whole and counted.
//
// One goroutine owns the file and does every file system call. It writes the
// queue in writes of whole lines (at most MaxWriteSize bytes each),
// FlushInterval after the first of them was queued, or as soon as half the
// queue is taken, whichever comes first: a steady flow of lines costs one
// wake-up of the goroutine per FlushInterval, not one per write. Nothing
// else ever waits for it: Reopen only asks for a reopen (requests
// coalesce), Stats reads counters, and Close gives up after CloseTimeout
// even if a write never returns (a hung NFS server, a frozen file
// system). A second goroutine, the monitor, reports dropped and lost lines
// and a file system call that does not return, so these messages come even
// while the file goroutine is stuck.
//
// Every line handed to Write or WriteLine is counted exactly once, as
//   - written: the write returned and the file still had a name (fstat's link
//     count, looked at before and after each write), so the line can be
//     found on disk;
//   - dropped: the queue was full, or the writer was closed;
//   - lost: written into a file that had lost its name in the meantime
//     (rotated and then removed, as gzip does), or still queued when Close
//     gave up;
//
// or it is still queued (Stats.QueuedBytes). The link count cannot see a
// removal that comes after the look that follows the write: lines written to
// a rotated file after gzip read its end and before it removed it are
// counted as written.
//
// Whole lines only: a write that stops inside a line (ENOSPC, EFBIG, EIO) is
// cut back with ftruncate to the end of the last whole line, and the line
// stays queued; only if ftruncate fails too is the rest of the line written
// to the same file before anything else. A file that ends in an incomplete
// line when it is opened (a crash, an older version) is cut back to its last
// whole line the same way, so the next line never gets glued to a fragment.
//
// The log is opened with O_APPEND, O_NOFOLLOW and O_NONBLOCK and must be a
// regular file: a symbolic link, FIFO, socket or device is refused, at New
// and at a reopen (which keeps the old file).
//
// Reopen is the SIGHUP/SIGUSR1 handler for newsyslog and logrotate: the lines
// queued when the goroutine takes the request are written to the old file
// and fsynced, then the path is opened again (created if missing). A reopen
// that fails is retried every second. Until it succeeds, lines go to the old
// file as long as it still has a name; once it has none they wait in the
// queue, and past its bound they are dropped and counted. A log file that
// loses its name without a reopen (rm) is opened again the same way.
// Built-in size-based rotation is available but off by default.
//
// Write errors are counted, reported through the Logger at most once per
// ErrorLogInterval per kind of trouble, and retried with backoff; writing
// resumes (with a message saying so) when the file is writable again.
package writer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

// Defaults and limits of Config.
const (
	DefaultMode          os.FileMode   = 0o640
	DefaultQueueBytes                  = 4 << 20
	DefaultFlushInterval time.Duration = 100 * time.Millisecond
	MaxFlushInterval     time.Duration = 100 * time.Millisecond
	DefaultRotateKeep                  = 5
	DefaultCloseTimeout  time.Duration = 5 * time.Second

	// MaxWriteSize is the largest write the writer issues, except for a
	// single line longer than this, which is written in one write. It
	// holds what a flush interval of a flood gathers (about 550 KiB at
	// 50,000 lines a second): one write a flush. Each write's cost on the
	// kernel's side is per page, but each write, and the fstat calls
	// around it, also costs a system call, and a write longer than a few
	// tens of µs has the Go runtime hand the processor to another thread.
	MaxWriteSize = 1 << 20

	// ErrorLogInterval is the shortest time between two messages about the
	// same kind of trouble (write errors, dropped or lost lines, failed
	// reopens, a file system call that does not return).
	ErrorLogInterval = 10 * time.Second

	// ReopenRetryInterval is the time between two attempts to open the log
	// path again after a reopen failed.
	ReopenRetryInterval = time.Second

	// StuckAfter is how long a file system call may take before the
	// monitor reports it.
	StuckAfter = 3 * time.Second
)

// Error is the type of the package's sentinel errors.
type Error string

func (e Error) Error() string { return string(e) }

const (
	// ErrClosed is returned by every method after Close.
	ErrClosed Error = "writer: closed"
	// ErrQueueFull is returned by Write and WriteLine when the line was
	// dropped because the queue has no room for it.
	ErrQueueFull Error = "writer: queue full, line dropped"
	// ErrUnnamed is returned by Flush while the file has lost its name and
	// the path cannot be opened again: lines wait in the queue.
	ErrUnnamed Error = "writer: the log file was removed and cannot be opened again yet; lines wait in the queue"
)

// File is what the writer needs of an open log file; *os.File implements it.
type File interface {
	Write(p []byte) (n int, err error)
	ReadAt(p []byte, off int64) (n int, err error)
	Truncate(size int64) error
	Sync() error
	Close() error
	Stat() (os.FileInfo, error)
}

// Logger receives the writer's operational messages, as key/value pairs.
// *zap.SugaredLogger implements it.
type Logger interface {
	Infow(msg string, keysAndValues ...any)
	Errorw(msg string, keysAndValues ...any)
}

// Config configures a Writer. The zero value of every field but Path
// selects the default.
type Config struct {
	// Path of the log file, opened with OpenFlags (or, when reading it is
	// not allowed, OpenFlags with O_WRONLY instead of O_RDWR: then an
	// incomplete last line cannot be seen). Directories are not created.
	Path string
	// Mode of a newly created file, before the umask (default 0640).
	// Only permission bits are allowed.
	Mode os.FileMode
	// QueueBytes is the size of the queue (default 4 MiB): the bytes of
	// lines queued and not yet written never exceed it, and it is all the
	// memory the queue takes. A line that does not fit is dropped whole
	// and counted.
	QueueBytes int
	// FlushInterval is the longest a queued line waits before it is
	// written (default and maximum 100ms).
	FlushInterval time.Duration
	// RotateSize turns on built-in rotation: before a line that would make
	// the file larger than RotateSize bytes, path.(K-2) is renamed to
	// path.(K-1), ..., path to path.0, and a new path is opened, where K is
	// RotateKeep. 0 (the default) turns it off. A single line longer than
	// RotateSize gets a file of its own.
	RotateSize int64
	// RotateKeep is the number of rotated files kept, path.0 (newest) to
	// path.(RotateKeep-1) (oldest); default 5.
	RotateKeep int
	// CloseTimeout bounds Close (default 5s): how long it keeps writing
	// and retrying a failing file, and waits for a file system call that
	// does not return, before it counts what is still queued as lost. It
	// also bounds the first open in New.
	CloseTimeout time.Duration
	// Logger receives operational messages; nil discards them.
	Logger Logger
	// OpenFile opens the log file (default os.OpenFile); a hook for tests.
	// It is called with OpenFlags (or its O_WRONLY variant) and Mode.
	OpenFile func(path string, flag int, perm os.FileMode) (File, error)

	tune *tuning // tests: retry and logging intervals
}

// tuning holds the writer's internal intervals; tests shrink them.
type tuning struct {
	retryMin, retryMax time.Duration // write retries while failing
	reopenRetry        time.Duration // after a failed reopen
	rotateRetry        time.Duration // after a failed rotation
	logInterval        time.Duration // rate limit of messages
	monitorTick        time.Duration // how often the monitor looks
	stuckAfter         time.Duration // a file system call this long is reported
	closeGrace         time.Duration // Close waits this much past CloseTimeout for the last fsync
}

func defaultTuning() *tuning {
	return &tuning{
		retryMin:    100 * time.Millisecond,
		retryMax:    5 * time.Second,
		reopenRetry: ReopenRetryInterval,
		rotateRetry: 10 * time.Second,
		logInterval: ErrorLogInterval,
		monitorTick: time.Second,
		stuckAfter:  StuckAfter,
		closeGrace:  250 * time.Millisecond,
	}
}

func (c Config) normalize() (Config, error) {
	if c.Path == "" {
		return c, errors.New("writer: no log file path")
	}
	switch {
	case c.Mode == 0:
		c.Mode = DefaultMode
	case c.Mode&^os.ModePerm != 0:
		return c, fmt.Errorf("writer: mode %v: only permission bits are allowed", c.Mode)
	}
	switch {
	case c.QueueBytes == 0:
		c.QueueBytes = DefaultQueueBytes
	case c.QueueBytes < 0:
		return c, fmt.Errorf("writer: negative queue size %d", c.QueueBytes)
	}
	switch {
	case c.FlushInterval == 0:
		c.FlushInterval = DefaultFlushInterval
	case c.FlushInterval < 0 || c.FlushInterval > MaxFlushInterval:
		return c, fmt.Errorf("writer: flush interval %v: must be more than 0 and at most %v", c.FlushInterval, MaxFlushInterval)
	}
	if c.RotateSize < 0 {
		return c, fmt.Errorf("writer: negative rotation size %d", c.RotateSize)
	}
	switch {
	case c.RotateKeep == 0:
		c.RotateKeep = DefaultRotateKeep
	case c.RotateKeep < 0:
		return c, fmt.Errorf("writer: negative number of rotated files %d", c.RotateKeep)
	}
	switch {
	case c.CloseTimeout == 0:
		c.CloseTimeout = DefaultCloseTimeout
	case c.CloseTimeout < 0:
		return c, fmt.Errorf("writer: negative close timeout %v", c.CloseTimeout)
	}
	if c.Logger == nil {
		c.Logger = nopLogger{}
	}
	if c.OpenFile == nil {
		c.OpenFile = osOpenFile
	}
	if c.tune == nil {
		c.tune = defaultTuning()
	}
	return c, nil
}

type nopLogger struct{}

func (nopLogger) Infow(string, ...any)  {}
func (nopLogger) Errorw(string, ...any) {}

// Stats are the writer's counters since New. Lines are counted as '\n'
// bytes: every line handed to Write or WriteLine ends up counted exactly
// once, as written, dropped or lost, or is still queued.
type Stats struct {
	LinesWritten uint64 // lines written completely to a file that still had a name
	LinesDropped uint64 // lines dropped: queue full, or after Close
	LinesLost    uint64 // lines written into a file that had lost its name, or still queued when Close gave up
	BytesWritten uint64 // bytes of the lines counted as written
	WriteErrors  uint64 // failed write, ftruncate and fsync calls
	Reopens      uint64 // successful reopens of the path (Reopen, or its retry)
	Rotations    uint64 // built-in rotations
	QueuedBytes  int    // bytes queued and not yet written, now
}

// Writer appends whole lines to a log file; see the package documentation.
// Its methods are safe for concurrent use, and none of them waits for a
// file system call.
type Writer struct {
	cfg     Config
	flushAt int // queued bytes that make the writer write at once: half the queue

	wake     chan struct{}   // the loop: lines queued, reopen asked, close asked
	flushReq chan chan error // Flush
	closeReq chan struct{}   // closed by Close
	done     chan struct{}   // closed when the loop has exited
	monStop  chan struct{}   // closed by Close: stops the monitor
	monDone  chan struct{}   // closed when the monitor has exited

	mu   sync.Mutex
	ring ring // the queue; see ring

	closed        bool
	closeDeadline time.Time // set by Close for the loop
	abandoned     bool      // Close gave up on the loop: it counts nothing any more
	reopenReq     bool      // Reopen was asked and the loop has not taken it yet
	busyOp        string    // the file system call in progress ("" if none)
	busySince     time.Time
	closeErr      error
	stats         Stats

	mon monitor // owned by the monitor goroutine, then by Close
}

// New opens cfg.Path (synchronously, so that a bad path fails here, but
// waiting at most CloseTimeout for it) and starts the goroutine that owns
// the file and the monitor.
func New(cfg Config) (*Writer, error) {
	c, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	f, err := openWithin(&c, c.CloseTimeout)
	if err != nil {
		return nil, err
	}
	w := &Writer{
		cfg:      c,
		flushAt:  max(c.QueueBytes/2, 1),
		wake:     make(chan struct{}, 1),
		flushReq: make(chan chan error),
		closeReq: make(chan struct{}),
		done:     make(chan struct{}),
		monStop:  make(chan struct{}),
		monDone:  make(chan struct{}),
		ring:     ring{buf: make([]byte, c.QueueBytes)},
	}
	w.mon = newMonitor(w)
	l := newLoop(w, f)
	go l.run()
	go w.monitorLoop()
	return w, nil
}

// openWithin opens the log in a goroutine and waits at most d for it: an
// open that hangs (a hung NFS server) must not hang the caller. A file
// opened after the wait is closed.
func openWithin(c *Config, d time.Duration) (File, error) {
	type result struct {
		f   File
		err error
	}
	ch := make(chan result, 1)
	abandon := make(chan struct{})
	go func() {
		f, err := openFile(c)
		select {
		case ch <- result{f, err}:
		case <-abandon:
			if f != nil {
				f.Close()
			}
		}
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case r := <-ch:
		return r.f, r.err
	case <-t.C:
		close(abandon)
		select {
		case r := <-ch: // it finished just now
			return r.f, r.err
		default:
		}
		return nil, fmt.Errorf("writer: opening log file %s did not finish within %v (a hung file system?)", c.Path, d)
	}
}

// Write queues p, one or more whole lines each ending in '\n' (a missing
// final '\n' is added), without blocking. It returns len(p), or 0 and
// ErrQueueFull when p does not fit in the queue and was dropped whole, or
// ErrClosed after Close. Write does not keep p.
func (w *Writer) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if err := w.enqueue(p, p[len(p)-1] != '\n'); err != nil {
		return 0, err
	}
	return len(p), nil
}

// WriteLine queues line followed by '\n', without blocking; line should not
// end in '\n'. It returns ErrQueueFull when the line was dropped because
// the queue is full, or ErrClosed after Close. WriteLine does not keep line.
func (w *Writer) WriteLine(line []byte) error {
	return w.enqueue(line, true)
}

func (w *Writer) enqueue(p []byte, addNL bool) error {
	need := len(p)
	if addNL {
		need++
	}
	w.mu.Lock()
	var dst []byte
	if !w.closed {
		dst = w.ring.reserve(need)
	}
	if dst == nil {
		w.stats.LinesDropped += uint64(countNL(p))
		if addNL {
			w.stats.LinesDropped++
		}
		closed := w.closed
		w.mu.Unlock()
		if closed {
			return ErrClosed
		}
		return ErrQueueFull
	}
	before := w.ring.queued - need
	copy(dst, p)
	if addNL {
		dst[need-1] = '\n'
	}
	w.mu.Unlock()
	if before == 0 || (before < w.flushAt && before+need >= w.flushAt) {
		w.poke()
	}
	return nil
}

// poke wakes the loop without blocking.
func (w *Writer) poke() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Reopen asks for the log to be reopened, without waiting: the file
// goroutine writes everything queued to the current file, fsyncs and
// closes it, and opens the path again, creating it if missing (the
// SIGHUP/SIGUSR1 handler for newsyslog and logrotate's create mode).
// Requests made before the goroutine takes one are one request. If the
// path cannot be opened, the old file is kept as long as it has a name,
// the open is retried every second, and the failure is logged. Reopen
// returns ErrClosed after Close, else nil.
func (w *Writer) Reopen() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return ErrClosed
	}
	w.reopenReq = true
	w.mu.Unlock()
	w.poke()
	return nil
}

// Flush writes everything queued before the call, without fsync, and
// waits for it: for tests and tools, not for a daemon's signal handler.
// It returns nil when all of it is written; otherwise the write error,
// and the lines stay queued and are retried.
func (w *Writer) Flush() error {
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return ErrClosed
	}
	reply := make(chan error, 1)
	select {
	case w.flushReq <- reply:
	case <-w.done:
		return ErrClosed
	}
	select {
	case err := <-reply:
		return err
	case <-w.done:
		return ErrClosed
	}
}

// Close stops accepting lines, writes everything queued (retrying a failing
// file), fsyncs and closes the file, for at most CloseTimeout (and a
// moment for the last fsync): then it counts the lines still queued as
// lost, reports them, and returns, even if a write never returns. Every
// call returns the same result.
func (w *Writer) Close() error {
	w.mu.Lock()
	already := w.closed
	w.closed = true
	if !already {
		w.closeDeadline = time.Now().Add(w.cfg.CloseTimeout)
	}
	deadline := w.closeDeadline
	w.mu.Unlock()
	if !already {
		close(w.closeReq)
		close(w.monStop)
	}
	t := time.NewTimer(time.Until(deadline) + w.cfg.tune.closeGrace)
	defer t.Stop()
	select {
	case <-w.done:
	case <-t.C:
		w.abandon()
	}
	if !already {
		<-w.monDone
		w.mon.report(true)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closeErr
}

// abandon gives up on a loop stuck in a file system call: what is still
// queued is lost, and whatever the loop does later is not counted.
func (w *Writer) abandon() {
	w.mu.Lock()
	select {
	case <-w.done:
		w.mu.Unlock()
		return // it finished after all
	default:
	}
	if w.abandoned { // another Close did
		w.mu.Unlock()
		return
	}
	w.abandoned = true
	lost := w.ring.lines()
	w.stats.LinesLost += uint64(lost)
	w.ring.reset()
	op, since := w.busyOp, w.busySince
	if op == "" {
		op, since = "write", w.closeDeadline
	}
	blocked := time.Since(since).Round(time.Millisecond)
	err := fmt.Errorf("writer: %s of %s did not return for %v: %d lines not written, counted as lost",
		op, w.cfg.Path, blocked, lost)
	w.closeErr = errors.Join(w.closeErr, err)
	w.mu.Unlock()
	w.cfg.Logger.Errorw("log file not responding at exit; giving up", "path", w.cfg.Path, "call", op,
		"blocked_for", blocked.String(), "lines_lost", lost)
}

// Stats returns the current counters.
func (w *Writer) Stats() Stats {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.stats
	s.QueuedBytes = w.ring.queued
	return s
}

// Path returns the path of the log file.
func (w *Writer) Path() string { return w.cfg.Path }

func countNL(p []byte) int {
	return bytes.Count(p, []byte{'\n'})
}
