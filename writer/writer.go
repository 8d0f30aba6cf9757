// Package writer is pfasciilogd's log writer: it appends whole text lines to
// a log file for fail2ban and the like, without ever losing or splitting a
// line on rotation.
//
// One goroutine owns the file. Producers hand it whole lines with Write or
// WriteLine, which copy the bytes into a bounded in-memory queue and never
// block; when the queue is full the line is dropped whole and counted. The
// goroutine writes the queue in large writes (up to MaxWriteSize bytes each)
// that end on a line boundary, at the latest FlushInterval after a line was
// queued. A short write keeps the unwritten remainder and writes it first, so
// a file never holds half a line followed by another line.
//
// Reopen is the SIGHUP/SIGUSR1 handler for newsyslog and logrotate: the lines
// queued before the call are written to the old file and fsynced, then the
// path is opened again (created if missing). Built-in size-based rotation is
// available but off by default.
//
// Write errors (ENOSPC, EIO, ...) are counted, reported through the Logger at
// most once per ErrorLogInterval, and retried with backoff; lines keep
// queueing up to the bound, and writing resumes (with a message saying so)
// when the file is writable again.
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
	// single line longer than this, which is written in one write.
	MaxWriteSize = 64 << 10

	// ErrorLogInterval is the shortest time between two messages about the
	// same kind of trouble (write errors, dropped lines, failed reopens).
	ErrorLogInterval = 10 * time.Second
)

// OpenFlags are the flags the log file is opened with: append only,
// created when missing, and never through a symbolic link.
const OpenFlags = os.O_WRONLY | os.O_APPEND | os.O_CREATE | oNoFollow

// Error is the type of the package's sentinel errors.
type Error string

func (e Error) Error() string { return string(e) }

const (
	// ErrClosed is returned by every method after Close.
	ErrClosed Error = "writer: closed"
	// ErrQueueFull is returned by Write and WriteLine when the line was
	// dropped because the queue holds QueueBytes bytes already.
	ErrQueueFull Error = "writer: queue full, line dropped"
)

// File is what the writer needs of an open log file; *os.File implements it.
type File interface {
	Write(p []byte) (n int, err error)
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
	// Path of the log file, opened with OpenFlags: O_NOFOLLOW makes a
	// symbolic link fail. Directories are not created.
	Path string
	// Mode of a newly created file, before the umask (default 0640).
	// Only permission bits are allowed.
	Mode os.FileMode
	// QueueBytes bounds the bytes queued and not yet written (default
	// 4 MiB). A line that does not fit is dropped whole and counted.
	// The two buffers behind the queue never hold more than
	// 2*QueueBytes bytes of memory together.
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
	// CloseTimeout bounds how long Close keeps retrying a failing file
	// before it drops what is still queued (default 5s).
	CloseTimeout time.Duration
	// Logger receives operational messages; nil discards them.
	Logger Logger
	// OpenFile opens the log file (default os.OpenFile); a hook for tests.
	// It is called with OpenFlags and Mode.
	OpenFile func(path string, flag int, perm os.FileMode) (File, error)

	tune *tuning // tests: retry and logging intervals
}

// tuning holds the writer's internal intervals; tests shrink them.
type tuning struct {
	retryMin, retryMax             time.Duration // write retries while failing
	reopenRetryMin, reopenRetryMax time.Duration // after a failed reopen
	rotateRetry                    time.Duration // after a failed rotation
	logInterval                    time.Duration // rate limit of messages
}

func defaultTuning() *tuning {
	return &tuning{
		retryMin:       100 * time.Millisecond,
		retryMax:       5 * time.Second,
		reopenRetryMin: time.Second,
		reopenRetryMax: 30 * time.Second,
		rotateRetry:    10 * time.Second,
		logInterval:    ErrorLogInterval,
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
// bytes: every line handed to Write or WriteLine ends up counted either as
// written or as dropped, or is still queued.
type Stats struct {
	LinesWritten uint64 // lines written completely
	LinesDropped uint64 // lines dropped: queue full, after Close, or unwritable at Close
	BytesWritten uint64 // bytes written, including parts of lines rewritten after a failure
	WriteErrors  uint64 // failed write and fsync calls
	Reopens      uint64 // successful reopens of the path (Reopen, or its retry)
	Rotations    uint64 // built-in rotations
	QueuedBytes  int    // bytes queued and not yet written, now
}

// Writer appends whole lines to a log file; see the package documentation.
// Its methods are safe for concurrent use.
type Writer struct {
	cfg     Config
	flushAt int // queued bytes that make the writer write at once

	wake chan struct{} // producers: the queue was empty, or crossed flushAt
	ctl  chan request  // Reopen, Flush, Close
	done chan struct{} // closed when the goroutine has exited

	mu       sync.Mutex
	pending  []byte // whole lines, not yet taken by the goroutine
	queued   int    // bytes in pending + bytes the goroutine has not written
	closed   bool
	closeErr error
	stats    Stats
}

type op int

const (
	opFlush op = iota
	opReopen
	opClose
)

type request struct {
	op    op
	reply chan error
}

// New opens cfg.Path (synchronously, so that a bad path fails here) and
// starts the goroutine that owns the file.
func New(cfg Config) (*Writer, error) {
	c, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	f, err := openFile(&c)
	if err != nil {
		return nil, err
	}
	w := &Writer{
		cfg:     c,
		flushAt: min(MaxWriteSize, max(c.QueueBytes/2, 1)),
		wake:    make(chan struct{}, 1),
		ctl:     make(chan request),
		done:    make(chan struct{}),
		pending: make([]byte, 0, min(c.QueueBytes, MaxWriteSize)),
	}
	l := newLoop(w, f)
	go l.run()
	return w, nil
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
	if w.closed || w.queued+need > w.cfg.QueueBytes {
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
	before := len(w.pending)
	if cap(w.pending)-before < need {
		w.grow(need)
	}
	w.pending = append(w.pending, p...)
	if addNL {
		w.pending = append(w.pending, '\n')
	}
	w.queued += need
	after := len(w.pending)
	w.mu.Unlock()
	if before == 0 || (before < w.flushAt && after >= w.flushAt) {
		select {
		case w.wake <- struct{}{}:
		default:
		}
	}
	return nil
}

// grow makes room for need more bytes in pending, never beyond QueueBytes
// (which suffices: pending never holds more than queued bytes). Called with
// mu held.
func (w *Writer) grow(need int) {
	n := len(w.pending) + need
	c := min(max(2*cap(w.pending), n), max(w.cfg.QueueBytes, n))
	b := make([]byte, len(w.pending), c)
	copy(b, w.pending)
	w.pending = b
}

// Reopen writes everything queued before the call to the current file,
// fsyncs and closes it, and opens the path again, creating it if missing:
// the SIGHUP/SIGUSR1 handler for newsyslog and logrotate's create mode.
// Lines the old file refuses (a full disk) go to the new one, whole. If the
// path cannot be opened, the old file is kept, the open is retried with
// backoff, and the error is returned.
func (w *Writer) Reopen() error { return w.request(opReopen) }

// Flush writes everything queued before the call, without fsync. It
// returns nil when all of it is written; otherwise the write error, and the
// lines stay queued and are retried.
func (w *Writer) Flush() error { return w.request(opFlush) }

func (w *Writer) request(o op) error {
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return ErrClosed
	}
	req := request{op: o, reply: make(chan error, 1)}
	select {
	case w.ctl <- req:
	case <-w.done:
		return ErrClosed
	}
	return <-req.reply
}

// Close stops accepting lines, writes everything queued (retrying a failing
// file for at most CloseTimeout, then dropping and counting the rest),
// fsyncs and closes the file. Every call returns the same result. A write
// that blocks in the kernel (a hung NFS server) blocks Close too.
func (w *Writer) Close() error {
	w.mu.Lock()
	already := w.closed
	w.closed = true
	w.mu.Unlock()
	if !already {
		w.ctl <- request{op: opClose}
	}
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closeErr
}

// Stats returns the current counters.
func (w *Writer) Stats() Stats {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.stats
	s.QueuedBytes = w.queued
	return s
}

// Path returns the path of the log file.
func (w *Writer) Path() string { return w.cfg.Path }

func (w *Writer) pendingLen() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.pending)
}

func countNL(p []byte) int {
	return bytes.Count(p, []byte{'\n'})
}
