package writer

import "time"

// monitor reports, from its own goroutine, what must be reported even while
// the file goroutine is stuck in a file system call: lines dropped, lines
// lost, and the stuck call itself. Each kind at most once per log interval.
type monitor struct {
	w                       *Writer
	dropped, lost           uint64 // reported so far
	dropLog, lostLog, stuck limiter
}

func newMonitor(w *Writer) monitor {
	iv := w.cfg.tune.logInterval
	return monitor{w: w, dropLog: limiter{interval: iv}, lostLog: limiter{interval: iv}, stuck: limiter{interval: iv}}
}

func (w *Writer) monitorLoop() {
	defer close(w.monDone)
	t := time.NewTicker(w.cfg.tune.monitorTick)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			w.mon.report(false)
		case <-w.monStop:
			return
		}
	}
}

// report logs what changed since the last report, each kind at most once
// per log interval unless final.
func (m *monitor) report(final bool) {
	w := m.w
	now := time.Now()
	w.mu.Lock()
	s := w.stats
	s.QueuedBytes = w.ring.queued
	op, since := w.busyOp, w.busySince
	w.mu.Unlock()
	log, path := w.cfg.Logger, w.cfg.Path
	if s.LinesDropped != m.dropped && (m.dropLog.allow(now) || final) {
		log.Errorw("log queue full; lines dropped",
			"path", path, "dropped", s.LinesDropped-m.dropped, "dropped_total", s.LinesDropped,
			"queue_bytes", w.cfg.QueueBytes)
		m.dropped = s.LinesDropped
	}
	if s.LinesLost != m.lost && (m.lostLog.allow(now) || final) {
		log.Errorw("log lines lost",
			"path", path, "lost", s.LinesLost-m.lost, "lost_total", s.LinesLost)
		m.lost = s.LinesLost
	}
	if op != "" && !final && now.Sub(since) >= w.cfg.tune.stuckAfter && m.stuck.allow(now) {
		log.Errorw("log file not responding: a file system call does not return",
			"path", path, "call", op, "blocked_for", now.Sub(since).Round(time.Second).String(),
			"queued_bytes", s.QueuedBytes, "lines_dropped", s.LinesDropped)
	}
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
