package writer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"syscall"
	"time"
)

// loop is the goroutine that owns the file and makes every file system
// call. Only run and what it calls touch these fields.
type loop struct {
	w   *Writer
	c   *Config
	t   *tuning
	log Logger

	f        File
	named    bool  // f had a name (a link count above 0) at the last look
	size     int64 // of f, as far as this writer knows
	lineRest int   // bytes of the first queued line already in f (a cut failed)

	timer   *time.Timer
	flushBy time.Time // the queued lines are due then; zero if none

	// Write failures.
	failing      bool
	failSince    time.Time
	failLogged   bool // this outage was reported
	backoff      time.Duration
	retryAt      time.Time
	outageErrs   uint64
	errsSinceLog uint64
	errLog       limiter

	// A reopen that failed, or a file that lost its name: the path is
	// opened again at reopenAt.
	reopenWanted bool
	reopenAt     time.Time
	reopenLog    limiter
	reopenErr    string // last failure logged
	unnamedLog   limiter
	cutLog       limiter

	rotateAt  time.Time // built-in rotation suspended until then
	rotateLog limiter
}

func newLoop(w *Writer, f File) *loop {
	t := w.cfg.tune
	l := &loop{
		w:          w,
		c:          &w.cfg,
		t:          t,
		log:        w.cfg.Logger,
		timer:      time.NewTimer(time.Hour),
		errLog:     limiter{interval: t.logInterval},
		reopenLog:  limiter{interval: t.logInterval},
		unnamedLog: limiter{interval: t.logInterval},
		cutLog:     limiter{interval: t.logInterval},
		rotateLog:  limiter{interval: t.logInterval},
	}
	l.timer.Stop()
	l.setFile(f)
	return l
}

func (l *loop) run() {
	defer close(l.w.done)
	for {
		fired := false
		select {
		case <-l.w.wake:
		case <-l.timer.C:
			fired = true
		case reply := <-l.w.flushReq:
			reply <- l.flush()
		case <-l.w.closeReq:
			l.close()
			return
		}
		l.step(fired)
		l.schedule()
	}
}

// step does what is due: a requested or retried reopen, then the writes.
func (l *loop) step(fired bool) {
	l.reopenIfDue()
	p := l.queued()
	if p == 0 {
		l.flushBy = time.Time{}
		return
	}
	now := time.Now()
	if l.flushBy.IsZero() {
		l.flushBy = now.Add(l.c.FlushInterval)
	}
	if !l.named || l.failing && now.Before(l.retryAt) {
		return
	}
	if p >= l.w.flushAt || fired && !now.Before(l.flushBy) {
		_ = l.attempt()
	}
}

// reopenIfDue serves a Reopen request, or retries a reopen when it is due.
func (l *loop) reopenIfDue() {
	w := l.w
	w.mu.Lock()
	req := w.reopenReq
	w.reopenReq = false
	w.mu.Unlock()
	switch {
	case req:
		l.reopen()
	case l.reopenWanted && !time.Now().Before(l.reopenAt):
		l.finishLine()
		_ = l.openPath(true)
	}
}

// finishLine writes the rest of a line a failed cut left in the file, if
// it still has a name, before a retried reopen replaces the file: the old
// file then ends in a whole line (Reopen's own request writes the queue to
// the old file first anyway).
func (l *loop) finishLine() {
	if !l.named || l.lineRest == 0 {
		return
	}
	if _, err := l.writeChunk(); err != nil && !errors.Is(err, ErrUnnamed) {
		l.noteWriteError(err)
	}
}

// schedule sets the timer for what comes next: a reopen retry, a write
// retry, or the queued lines' flush.
func (l *loop) schedule() {
	var next time.Time
	consider := func(t time.Time) {
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	if l.reopenWanted {
		consider(l.reopenAt)
	}
	if p := l.queued(); p > 0 && l.named {
		switch {
		case l.failing:
			consider(l.retryAt)
		case p >= l.w.flushAt:
			consider(time.Now())
		default:
			consider(l.flushBy)
		}
	}
	if next.IsZero() {
		l.timer.Stop()
		return
	}
	l.timer.Reset(max(time.Until(next), 0))
}

func (l *loop) queued() int {
	l.w.mu.Lock()
	defer l.w.mu.Unlock()
	return l.w.ring.queued
}

// busy and idle bracket every file system call, for the monitor and for
// Close.
func (l *loop) busy(op string) {
	l.w.mu.Lock()
	l.w.busyOp, l.w.busySince = op, time.Now()
	l.w.mu.Unlock()
}

func (l *loop) idle() {
	l.w.mu.Lock()
	l.w.busyOp = ""
	l.w.mu.Unlock()
}

// attempt writes the lines queued now, and keeps the failure state.
func (l *loop) attempt() error {
	start := time.Now()
	left := l.queued()
	for left > 0 {
		n, err := l.writeChunk()
		left -= n
		if errors.Is(err, ErrUnnamed) {
			return err
		}
		if err != nil {
			l.noteWriteError(err)
			return err
		}
		if n == 0 {
			break
		}
	}
	if l.failing {
		l.noteRecovered()
	}
	// Lines queued during the writes did not wake the loop (the queue
	// was not empty): they are due a flush interval after the start.
	l.flushBy = time.Time{}
	if l.queued() > 0 {
		l.flushBy = start.Add(l.c.FlushInterval)
	}
	return nil
}

// writeChunk issues one write of whole lines from the front of the queue
// (or of the rest of a line a failed cut left in the file), rotating first
// when the lines would not fit in the file. It returns the bytes taken
// from the queue: whole lines, counted as written, or as lost when the
// file turns out to have lost its name.
func (l *loop) writeChunk() (int, error) {
	w := l.w
	w.mu.Lock()
	front := w.ring.front() // ends in '\n': the queue holds whole lines
	w.mu.Unlock()
	if len(front) == 0 {
		return 0, nil
	}
	if !l.named || !l.checkName() {
		return 0, ErrUnnamed
	}
	var n int
	if l.lineRest > 0 {
		// The rest of a line goes to the file its start is in.
		n = bytes.IndexByte(front, '\n') + 1
	} else {
		rotating := l.rotationOn()
		limit := MaxWriteSize
		if rotating {
			limit = int(min(int64(limit), max(l.c.RotateSize-l.size, 0)))
		}
		n = chunkLen(front, limit)
		if n == 0 && rotating && l.size > 0 {
			if !time.Now().Before(l.rotateAt) && l.rotate() == nil {
				limit = int(min(int64(MaxWriteSize), l.c.RotateSize-l.size))
			} else {
				limit = MaxWriteSize // keep writing to the big file
			}
			n = chunkLen(front, limit)
		}
		if n == 0 {
			n = bytes.IndexByte(front, '\n') + 1 // one line longer than the limit
		}
	}
	l.busy("write")
	m, err := l.f.Write(front[l.lineRest:n])
	l.idle()
	if m < 0 || m > n-l.lineRest {
		m = 0
		if err == nil {
			err = io.ErrShortWrite
		}
	}
	if err == nil && m == 0 {
		err = io.ErrShortWrite
	}
	total := l.lineRest + m // bytes of front in the file
	whole := bytes.LastIndexByte(front[:total], '\n') + 1
	if err == nil && total > whole {
		err = io.ErrShortWrite // stopped inside a line: cut back, retry later
	}
	// Look again: the file may have lost its name while we wrote.
	named := true
	l.busy("fstat")
	fi, serr := l.f.Stat()
	l.idle()
	if serr == nil {
		l.size = fi.Size()
		if k, ok := linkCount(fi); ok && k == 0 {
			named = false
		}
	} else {
		l.size += int64(m)
	}
	l.lineRest = total - whole
	if l.lineRest > 0 && l.cut(l.lineRest) {
		l.lineRest = 0
	}
	lines := countNL(front[:whole])
	w.mu.Lock()
	if !w.abandoned {
		w.ring.consume(whole)
		if named {
			w.stats.LinesWritten += uint64(lines)
			w.stats.BytesWritten += uint64(whole)
		} else {
			w.stats.LinesLost += uint64(lines)
		}
	}
	w.mu.Unlock()
	if !named {
		l.lostName()
		if err == nil {
			err = ErrUnnamed
		}
	}
	return whole, err // a short write of whole lines: the caller writes the rest
}

// checkName looks whether the file still has a name before writing to it.
func (l *loop) checkName() bool {
	l.busy("fstat")
	fi, err := l.f.Stat()
	l.idle()
	if err != nil {
		return true // the write will tell
	}
	l.size = fi.Size()
	if k, ok := linkCount(fi); ok && k == 0 {
		l.lostName()
		return false
	}
	return true
}

// lostName notes that the file has no name any more (it was rotated and
// then removed, or just removed): nothing more is written to it, and the
// path is opened again at once and then every second.
func (l *loop) lostName() {
	l.named = false
	if !l.reopenWanted {
		l.reopenWanted, l.reopenAt = true, time.Now()
	}
	if l.unnamedLog.allow(time.Now()) {
		l.log.Errorw("log file was removed while open; lines wait in the queue until the path can be opened again",
			"path", l.c.Path, "queued_bytes", l.queued())
	}
}

// cut truncates the file by frag bytes, the start of a line a write did
// not finish, so that the file ends in a whole line again.
func (l *loop) cut(frag int) bool {
	target := l.size - int64(frag)
	if target < 0 {
		return false
	}
	l.busy("ftruncate")
	err := l.f.Truncate(target)
	l.idle()
	if err != nil {
		l.w.mu.Lock()
		l.w.stats.WriteErrors++
		l.w.mu.Unlock()
		if l.cutLog.allow(time.Now()) {
			l.log.Errorw("cannot cut the log file back to its last whole line; the rest of the line will follow in the same file",
				"path", l.c.Path, "bytes", frag, "error", err)
		}
		return false
	}
	l.size = target
	return true
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

func (l *loop) noteWriteError(err error) {
	now := time.Now()
	l.w.mu.Lock()
	l.w.stats.WriteErrors++
	queued := l.w.ring.queued
	l.w.mu.Unlock()
	if errors.Is(err, syscall.EBADF) || errors.Is(err, syscall.ESTALE) {
		// The descriptor itself is gone bad: open the path again.
		if !l.reopenWanted {
			l.reopenWanted, l.reopenAt = true, now
		}
	}
	if !l.failing {
		l.failing, l.failSince, l.failLogged = true, now, false
		l.outageErrs = 0
		l.backoff = l.t.retryMin
	} else {
		l.backoff = min(max(2*l.backoff, l.t.retryMin), l.t.retryMax)
	}
	l.retryAt = now.Add(l.backoff)
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

// sync fsyncs the file if it still has a name.
func (l *loop) sync() error {
	if !l.named {
		return nil
	}
	l.busy("fsync")
	err := l.f.Sync()
	l.idle()
	if err != nil {
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
	return err
}

// flush serves Flush.
func (l *loop) flush() error {
	l.reopenIfDue()
	if !l.named {
		if l.queued() == 0 {
			return nil
		}
		return ErrUnnamed
	}
	return l.attempt()
}

// reopen serves Reopen: what is queued goes to the old file if it still
// has a name, then the path is opened again.
func (l *loop) reopen() {
	if l.named {
		_ = l.attempt()
	}
	_ = l.openPath(false)
}

// openPath opens the path again and switches to it; on failure the open
// is retried every second. retry says whether this is a retry.
func (l *loop) openPath(retry bool) error {
	l.busy("open")
	nf, err := openFile(l.c)
	l.idle()
	now := time.Now()
	if err != nil {
		l.reopenWanted = true
		l.reopenAt = now.Add(l.t.reopenRetry)
		if msg := err.Error(); msg != l.reopenErr || l.reopenLog.allow(now) {
			l.reopenErr = msg
			l.reopenLog.last = now
			if l.named {
				l.log.Errorw("cannot reopen log file; still writing to the previous one (it still has a name) and retrying every second",
					"path", l.c.Path, "error", err)
			} else {
				l.log.Errorw("cannot reopen log file; the previous one was removed, lines wait in the queue; retrying every second",
					"path", l.c.Path, "error", err, "queued_bytes", l.queued())
			}
		}
		return err
	}
	wasNamed := l.named
	l.switchTo(nf, true)
	l.w.mu.Lock()
	l.w.stats.Reopens++
	l.w.mu.Unlock()
	if retry || !wasNamed {
		l.log.Infow("reopened log file", "path", l.c.Path)
	}
	l.reopenErr = ""
	return nil
}

// switchTo replaces the file with nf. A line a failed cut left unfinished
// in the old file is cut once more, and goes whole to the new one.
func (l *loop) switchTo(nf File, sync bool) {
	if l.lineRest > 0 && !l.cut(l.lineRest) {
		l.log.Errorw("previous log file left ending in an incomplete line; the line goes whole to the new file",
			"path", l.c.Path, "bytes", l.lineRest)
	}
	l.lineRest = 0
	if sync {
		_ = l.sync()
	}
	l.busy("close")
	err := l.f.Close()
	l.idle()
	if err != nil {
		l.log.Errorw("closing previous log file", "path", l.c.Path, "error", err)
	}
	l.setFile(nf)
	l.reopenWanted = false
	if l.failing {
		l.backoff, l.retryAt = 0, time.Now()
	}
}

func (l *loop) setFile(f File) {
	l.f, l.named, l.size = f, true, 0
	if fi, err := f.Stat(); err == nil {
		l.size = fi.Size()
	}
}

// close serves Close: write what is queued until Close's deadline, then
// count the rest as lost.
func (l *loop) close() {
	w := l.w
	w.mu.Lock()
	deadline := w.closeDeadline
	w.mu.Unlock()
	var werr error
	for {
		l.reopenIfDue()
		if l.named {
			werr = l.attempt()
		} else {
			werr = ErrUnnamed
		}
		if werr == nil && l.queued() == 0 {
			break
		}
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		wait := 10 * time.Millisecond
		switch {
		case !l.named && l.reopenWanted:
			wait = time.Until(l.reopenAt)
		case l.failing:
			wait = time.Until(l.retryAt)
		}
		time.Sleep(min(max(wait, 0), left))
	}
	l.timer.Stop()
	var errs []error
	w.mu.Lock()
	lost := 0
	if !w.abandoned {
		lost = w.ring.lines()
		w.stats.LinesLost += uint64(lost)
		w.ring.reset()
	}
	w.mu.Unlock()
	if lost > 0 {
		if werr == nil {
			werr = errors.New("time is up")
		}
		l.log.Errorw("closing log file with lines not written; counted as lost", "path", l.c.Path, "lines", lost, "error", werr)
		errs = append(errs, fmt.Errorf("writer: %d lines not written to %s: %w", lost, l.c.Path, werr))
	}
	if l.lineRest > 0 && !l.cut(l.lineRest) {
		errs = append(errs, fmt.Errorf("writer: %s left ending in an incomplete line", l.c.Path))
	}
	if err := l.sync(); err != nil {
		errs = append(errs, fmt.Errorf("writer: fsync %s: %w", l.c.Path, err))
	}
	l.busy("close")
	if err := l.f.Close(); err != nil {
		errs = append(errs, fmt.Errorf("writer: close %s: %w", l.c.Path, err))
	}
	l.idle()
	w.mu.Lock()
	if !w.abandoned {
		w.closeErr = errors.Join(errs...)
	}
	w.mu.Unlock()
}
