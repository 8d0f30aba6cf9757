package writer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"syscall"
	"time"
)

// loop is the goroutine that owns the file. Only run and what it calls
// touch these fields.
type loop struct {
	w   *Writer
	c   *Config
	t   *tuning
	log Logger

	f       File
	regular bool  // fsync and rotation only for regular files
	size    int64 // of f, as far as this writer knows

	// cur is the buffer taken from the queue: cur[:off] is written,
	// cur[lineStart:off] is the written start of a line whose rest is not.
	cur       []byte
	off       int
	lineStart int

	timer    *time.Timer
	armed    bool
	deadline time.Time

	// Write failures.
	failing      bool
	failSince    time.Time
	failLogged   bool // this outage was reported
	backoff      time.Duration
	outageErrs   uint64
	errsSinceLog uint64
	errLog       limiter

	// A reopen that failed and is retried.
	reopenWanted  bool
	reopenAt      time.Time
	reopenBackoff time.Duration
	reopenLog     limiter

	rotateAt  time.Time // built-in rotation suspended until then
	rotateLog limiter

	dropsReported uint64
	dropLog       limiter
}

// limiter allows one event per interval.
type limiter struct {
	last     time.Time
	interval time.Duration
}

func (r *limiter) allow(now time.Time) bool {
	if !r.last.IsZero() && now.Sub(r.last) < r.interval {
		return false
	}
	r.last = now
	return true
}

func newLoop(w *Writer, f File) *loop {
	t := w.cfg.tune
	l := &loop{
		w:         w,
		c:         &w.cfg,
		t:         t,
		log:       w.cfg.Logger,
		timer:     time.NewTimer(time.Hour),
		errLog:    limiter{interval: t.logInterval},
		reopenLog: limiter{interval: t.logInterval},
		rotateLog: limiter{interval: t.logInterval},
		dropLog:   limiter{interval: t.logInterval},
	}
	l.timer.Stop()
	l.setFile(f)
	return l
}

func (l *loop) run() {
	defer close(l.w.done)
	for {
		select {
		case <-l.w.wake:
			if !l.failing && l.w.pendingLen() >= l.w.flushAt {
				l.attempt(1)
			}
		case <-l.timer.C:
			l.armed = false
			l.attempt(1)
		case req := <-l.w.ctl:
			switch req.op {
			case opFlush:
				req.reply <- l.attempt(1)
			case opReopen:
				req.reply <- l.reopen()
			case opClose:
				err := l.close()
				l.w.mu.Lock()
				l.w.closeErr = err
				l.w.mu.Unlock()
				return
			}
		}
		l.reportDrops(false)
		l.schedule()
	}
}

// schedule arms the timer for the next write: at once when a large write's
// worth is queued, else FlushInterval from now at the latest. While the file
// is failing the retry timer set by noteWriteError stands.
func (l *loop) schedule() {
	if l.failing {
		return
	}
	switch p := l.w.pendingLen(); {
	case p >= l.w.flushAt:
		l.armAt(0)
	case p > 0:
		l.armAt(l.c.FlushInterval)
	}
}

// armAt makes the timer fire within d.
func (l *loop) armAt(d time.Duration) {
	t := time.Now().Add(d)
	if l.armed && !t.Before(l.deadline) {
		return
	}
	l.setTimer(d)
}

func (l *loop) setTimer(d time.Duration) {
	l.timer.Reset(d)
	l.armed = true
	l.deadline = time.Now().Add(d)
}

// attempt writes what remains of cur and then up to takes more buffers from
// the queue (all of it if takes < 0), and keeps the failure state.
func (l *loop) attempt(takes int) error {
	if err := l.drain(takes); err != nil {
		l.noteWriteError(err)
		return err
	}
	if l.failing {
		l.noteRecovered()
	}
	return nil
}

func (l *loop) drain(takes int) error {
	if l.reopenWanted && (l.failing || !time.Now().Before(l.reopenAt)) {
		l.retryReopen()
	}
	for {
		if l.off == len(l.cur) {
			if takes == 0 || !l.take() {
				return nil
			}
			takes--
		}
		if err := l.writeChunk(); err != nil {
			return err
		}
	}
}

// take swaps the queue's buffer for cur, which is completely written.
func (l *loop) take() bool {
	w := l.w
	w.mu.Lock()
	if len(w.pending) == 0 {
		w.mu.Unlock()
		return false
	}
	l.cur, w.pending = w.pending, l.cur[:0]
	w.mu.Unlock()
	l.off, l.lineStart = 0, 0
	return true
}

// writeChunk issues one write of whole lines from cur[off:] (or of the rest
// of a line partly written before), rotating first when the lines would
// not fit in the file.
func (l *loop) writeChunk() error {
	rem := l.cur[l.off:] // ends in '\n': the queue holds whole lines
	var n int
	if l.off != l.lineStart {
		// The rest of a line goes to the file its start is in.
		n = bytes.IndexByte(rem, '\n') + 1
	} else {
		rotating := l.rotationOn()
		limit := MaxWriteSize
		if rotating {
			limit = int(min(int64(limit), max(l.c.RotateSize-l.size, 0)))
		}
		n = chunkLen(rem, limit)
		if n == 0 && rotating && l.size > 0 {
			if !time.Now().Before(l.rotateAt) && l.rotate() == nil {
				limit = int(min(int64(MaxWriteSize), l.c.RotateSize-l.size))
			} else {
				limit = MaxWriteSize // keep writing to the big file
			}
			n = chunkLen(rem, limit)
		}
		if n == 0 {
			n = bytes.IndexByte(rem, '\n') + 1 // one line longer than the limit
		}
	}
	m, err := l.f.Write(rem[:n])
	if m < 0 || m > n {
		m = 0
		if err == nil {
			err = io.ErrShortWrite
		}
	}
	if m > 0 {
		l.advance(rem[:m])
	}
	if err == nil && m == 0 {
		err = io.ErrShortWrite
	}
	return err // a short write without error: the loop writes the rest
}

// chunkLen returns the length of the longest prefix of rem, at most limit
// bytes, that ends in '\n'; 0 if there is none.
func chunkLen(rem []byte, limit int) int {
	if len(rem) <= limit {
		return len(rem)
	}
	if limit <= 0 {
		return 0
	}
	return bytes.LastIndexByte(rem[:limit], '\n') + 1
}

// advance records that p, the bytes at cur[off:], were written.
func (l *loop) advance(p []byte) {
	lines := countNL(p)
	if lines > 0 {
		l.lineStart = l.off + bytes.LastIndexByte(p, '\n') + 1
	}
	l.off += len(p)
	l.size += int64(len(p))
	w := l.w
	w.mu.Lock()
	w.queued -= len(p)
	w.stats.BytesWritten += uint64(len(p))
	w.stats.LinesWritten += uint64(lines)
	w.mu.Unlock()
}

func (l *loop) noteWriteError(err error) {
	now := time.Now()
	l.w.mu.Lock()
	l.w.stats.WriteErrors++
	queued := l.w.queued
	l.w.mu.Unlock()
	if errors.Is(err, syscall.EBADF) || errors.Is(err, syscall.ESTALE) {
		// The descriptor itself is gone bad: open the path again.
		if !l.reopenWanted {
			l.reopenWanted, l.reopenAt, l.reopenBackoff = true, now, 0
		}
	}
	if !l.failing {
		l.failing, l.failSince, l.failLogged = true, now, false
		l.outageErrs = 0
		l.backoff = l.t.retryMin
	} else {
		l.backoff = min(max(2*l.backoff, l.t.retryMin), l.t.retryMax)
	}
	l.outageErrs++
	l.errsSinceLog++
	if l.errLog.allow(now) {
		if !l.failLogged {
			l.log.Errorw("cannot write log file; keeping lines queued and retrying",
				"path", l.c.Path, "error", err, "errors", l.errsSinceLog, "queued_bytes", queued)
			l.failLogged = true
		} else {
			l.log.Errorw("log file still not writable",
				"path", l.c.Path, "error", err, "errors", l.errsSinceLog,
				"failing_for", now.Sub(l.failSince).Round(time.Millisecond).String(), "queued_bytes", queued)
		}
		l.errsSinceLog = 0
	}
	l.setTimer(l.backoff)
}

func (l *loop) noteRecovered() {
	if l.failLogged {
		l.log.Infow("log file writable again; writing resumed",
			"path", l.c.Path, "errors", l.outageErrs,
			"failed_for", time.Since(l.failSince).Round(time.Millisecond).String())
	}
	l.failing = false
	l.backoff = 0
}

func (l *loop) noteSyncError(err error) {
	now := time.Now()
	l.w.mu.Lock()
	l.w.stats.WriteErrors++
	l.w.mu.Unlock()
	l.errsSinceLog++
	if l.errLog.allow(now) {
		l.log.Errorw("cannot fsync log file", "path", l.c.Path, "error", err, "errors", l.errsSinceLog)
		l.errsSinceLog = 0
	}
}

// sync fsyncs the file if it is a regular one.
func (l *loop) sync() error {
	if !l.regular {
		return nil
	}
	err := l.f.Sync()
	if err != nil {
		l.noteSyncError(err)
	}
	return err
}

// reopen serves Reopen.
func (l *loop) reopen() error {
	l.reopenWanted = false // opened below, not also by drain
	_ = l.attempt(1)       // everything queued before Reopen, into the old file
	nf, err := openFile(l.c)
	if err != nil {
		now := time.Now()
		l.reopenWanted = true
		l.reopenBackoff = l.t.reopenRetryMin
		l.reopenAt = now.Add(l.reopenBackoff)
		l.reopenLog.last = now
		l.log.Errorw("cannot reopen log file; still writing to the previous one and retrying",
			"path", l.c.Path, "error", err)
		return err
	}
	l.switchTo(nf, true)
	l.countReopen()
	if l.off < len(l.cur) {
		// What the old file refused goes to the new one now.
		_ = l.attempt(0)
	}
	return nil
}

// retryReopen retries a failed reopen.
func (l *loop) retryReopen() {
	nf, err := openFile(l.c)
	if err != nil {
		now := time.Now()
		l.reopenBackoff = min(max(2*l.reopenBackoff, l.t.reopenRetryMin), l.t.reopenRetryMax)
		l.reopenAt = now.Add(l.reopenBackoff)
		if l.reopenLog.allow(now) {
			l.log.Errorw("still cannot reopen log file", "path", l.c.Path, "error", err)
		}
		return
	}
	l.switchTo(nf, true)
	l.countReopen()
	l.log.Infow("reopened log file", "path", l.c.Path)
}

func (l *loop) countReopen() {
	l.w.mu.Lock()
	l.w.stats.Reopens++
	l.w.mu.Unlock()
}

// switchTo replaces the file with nf. A line whose start went to the old
// file is written again from its start to the new one.
func (l *loop) switchTo(nf File, sync bool) {
	if sync {
		_ = l.sync()
	}
	if err := l.f.Close(); err != nil {
		l.log.Errorw("closing previous log file", "path", l.c.Path, "error", err)
	}
	l.setFile(nf)
	if back := l.off - l.lineStart; back > 0 {
		l.w.mu.Lock()
		l.w.queued += back
		l.w.mu.Unlock()
		l.off = l.lineStart
	}
	l.reopenWanted = false
	l.reopenBackoff = 0
	if l.failing {
		l.backoff = 0
	}
}

func (l *loop) setFile(f File) {
	l.f = f
	l.regular, l.size = true, 0
	if fi, err := f.Stat(); err == nil {
		l.regular, l.size = fi.Mode().IsRegular(), fi.Size()
	}
}

// close serves Close.
func (l *loop) close() error {
	deadline := time.Now().Add(l.c.CloseTimeout)
	var werr error
	for {
		werr = l.attempt(-1)
		if werr == nil {
			break
		}
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		time.Sleep(min(l.backoff, left))
	}
	l.timer.Stop()
	l.reportDrops(true)
	var errs []error
	if werr != nil {
		w := l.w
		w.mu.Lock()
		lost := countNL(l.cur[l.off:]) + countNL(w.pending)
		w.stats.LinesDropped += uint64(lost)
		w.queued = 0
		w.pending = w.pending[:0]
		w.mu.Unlock()
		l.off = len(l.cur)
		l.log.Errorw("closing log file with lines not written", "path", l.c.Path, "lines", lost, "error", werr)
		errs = append(errs, fmt.Errorf("writer: %d lines not written to %s: %w", lost, l.c.Path, werr))
	}
	if err := l.sync(); err != nil {
		errs = append(errs, fmt.Errorf("writer: fsync %s: %w", l.c.Path, err))
	}
	if err := l.f.Close(); err != nil {
		errs = append(errs, fmt.Errorf("writer: close %s: %w", l.c.Path, err))
	}
	return errors.Join(errs...)
}

// reportDrops reports lines dropped since the last report, at most once per
// log interval unless forced.
func (l *loop) reportDrops(force bool) {
	l.w.mu.Lock()
	d := l.w.stats.LinesDropped
	l.w.mu.Unlock()
	if d == l.dropsReported {
		return
	}
	if !l.dropLog.allow(time.Now()) && !force {
		return
	}
	l.log.Errorw("log queue full; lines dropped",
		"path", l.c.Path, "dropped", d-l.dropsReported, "dropped_total", d, "queue_bytes", l.c.QueueBytes)
	l.dropsReported = d
}
