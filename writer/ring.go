package writer

// ring is the queue: one buffer, allocated once, of whole lines. Lines are
// never split at the end of the buffer, so that every write is of one
// contiguous piece: a line that does not fit after the last one goes to
// the start of the buffer, if there is room before the first one, and the
// end of the buffer stays unused until the writer gets there.
//
// Not wrapped, the lines are buf[head:tail]; wrapped, buf[head:end] and
// then buf[0:tail], with tail <= head. The file goroutine writes from the
// front without holding the lock (producers only write into free space),
// and calls consume when a write returned. Every method is called with
// Writer.mu held.
type ring struct {
	buf        []byte
	head, tail int
	end        int // end of the lines at the back, when wrapped
	wrapped    bool
	queued     int // bytes of lines in buf
}

// reserve returns n free bytes after the last line, now part of the queue,
// or nil if they do not fit.
func (r *ring) reserve(n int) []byte {
	if r.queued == 0 {
		r.reset()
	}
	var at int
	switch {
	case r.wrapped:
		if r.head-r.tail < n {
			return nil
		}
		at = r.tail
	case len(r.buf)-r.tail >= n:
		at = r.tail
	case r.head >= n:
		r.wrapped, r.end, at = true, r.tail, 0
	default:
		return nil
	}
	r.tail = at + n
	r.queued += n
	return r.buf[at:r.tail:r.tail]
}

// front returns the lines at the front that lie in one piece.
func (r *ring) front() []byte {
	if r.wrapped {
		return r.buf[r.head:r.end]
	}
	return r.buf[r.head:r.tail]
}

// consume removes the first n bytes of front().
func (r *ring) consume(n int) {
	r.head += n
	r.queued -= n
	if r.wrapped && r.head == r.end {
		r.head, r.wrapped = 0, false
	}
	if r.queued == 0 {
		r.reset()
	}
}

func (r *ring) reset() {
	r.head, r.tail, r.end, r.wrapped, r.queued = 0, 0, 0, false, 0
}

// lines counts the lines queued.
func (r *ring) lines() int {
	if r.wrapped {
		return countNL(r.buf[r.head:r.end]) + countNL(r.buf[:r.tail])
	}
	return countNL(r.buf[r.head:r.tail])
}
