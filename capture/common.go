// Package capture reads packets from a live interface (pflog0, or
// nflog:N on Linux) or from a capture file, and keeps a live capture going
// across the interface's disappearance.
//
// With cgo it uses libpcap (capture.go). Without cgo it reads /dev/bpf
// directly on FreeBSD and OpenBSD (bpf_bsd.go), files through gopacket's
// pure-Go pcapgo, and compiles a subset of tcpdump's filter language itself
// (filter.go); see README-static.md.
package capture

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sync/atomic"
	"time"

	"github.com/gopacket/gopacket"
)

// Defaults for a live capture.
const (
	DefaultSnapLen     = 262144
	DefaultBufferSize  = 8 << 20
	DefaultReadTimeout = 250 * time.Millisecond
	MaxBackoff         = 30 * time.Second
)

// LinkTypeNFLOG is the DLT of Linux's NFLOG records (nflog:N).
const LinkTypeNFLOG = 239

// Config describes a live capture.
type Config struct {
	Interface   string        // pflog0, nflog:N, ...
	SnapLen     int           // 0: DefaultSnapLen
	BufferSize  int           // kernel buffer in bytes; 0: DefaultBufferSize
	ReadTimeout time.Duration // 0: DefaultReadTimeout
	Filter      string        // BPF filter expression, "" for none

	// BatchEnd, when not nil, is called by Run after the last packet of
	// what one read from the kernel delivered (an NFLOG datagram, a bpf
	// buffer; with libpcap, every packet), before the capture waits for
	// more: the handler may gather lines and hand them on there.
	BatchEnd func()
}

func (c *Config) defaults() {
	if c.SnapLen <= 0 {
		c.SnapLen = DefaultSnapLen
	}
	if c.BufferSize <= 0 {
		c.BufferSize = DefaultBufferSize
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = DefaultReadTimeout
	}
}

// FilterError is a filter expression libpcap could not compile.
type FilterError struct {
	Expr string
	Err  error
}

func (e *FilterError) Error() string {
	return fmt.Sprintf("bad filter expression %q: %v", e.Expr, e.Err)
}
func (e *FilterError) Unwrap() error { return e.Err }

// ErrTimeout is returned by Read when the read timeout expired with no
// packet; the caller simply reads again.
var ErrTimeout = errors.New("capture: read timeout")

// Stats are libpcap's counters for one handle.
type Stats struct {
	Received, Dropped, IfDropped uint64
}

// Counters accumulate the statistics of a live capture across restarts.
type Counters struct {
	Received, Dropped, IfDropped atomic.Uint64
	Restarts                     atomic.Uint64
}

// permanentError is an OpenLive error that retrying cannot mend (never
// returned by the libpcap build).
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Logger receives the capture's operational messages.
type Logger interface {
	Warnw(msg string, kv ...any)
	Infow(msg string, kv ...any)
}

// Handler receives every packet of a live capture. data and *ci are valid
// only during the call.
type Handler func(data []byte, ci *gopacket.CaptureInfo, linkType int)

// Run captures from cfg.Interface until ctx is done, calling handle for
// every packet. When the interface is missing at start or goes away (pf
// disabled, pflog0 destroyed), it logs once per attempt and tries again
// with exponential backoff up to MaxBackoff. It returns nil when ctx ends
// and an error only for a mistake that retrying cannot mend (a filter
// libpcap refuses, a link type the caller's accept refuses).
//
// first, when not nil, is a handle the caller already opened with
// OpenLive(cfg); Run uses it before opening any other.
func Run(ctx context.Context, cfg Config, first *Handle, accept func(linkType int) error, handle Handler, c *Counters, log Logger) error {
	backoff := time.Second
	var base Stats // counters of the current handle already added to c
	for attempt := 0; ; attempt++ {
		if ctx.Err() != nil {
			if first != nil {
				first.Close()
			}
			return nil
		}
		var h *Handle
		var err error
		if first != nil {
			h, first = first, nil
		} else {
			h, err = OpenLive(cfg)
		}
		if err == nil && accept != nil {
			if aerr := accept(h.LinkType()); aerr != nil {
				h.Close()
				return aerr
			}
		}
		if err != nil {
			var fe *FilterError
			var pe *permanentError
			if errors.As(err, &fe) || errors.As(err, &pe) {
				return err
			}
			log.Warnw("capture: cannot open interface, retrying", "interface", cfg.Interface, "error", err.Error(), "retry_in", backoff.String())
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(backoff):
			}
			backoff = min(backoff*2, MaxBackoff)
			continue
		}
		if attempt > 0 {
			c.Restarts.Add(1)
			log.Infow("capture: interface open again", "interface", cfg.Interface)
		}
		base = Stats{}
		opened := time.Now()
		err = readLoop(ctx, h, handle, cfg.BatchEnd, c, &base)
		h.Close()
		if err == nil {
			return nil
		}
		if time.Since(opened) > MaxBackoff {
			backoff = time.Second // it had been working: start over
		}
		log.Warnw("capture: read failed, reopening", "interface", cfg.Interface, "error", err.Error(), "retry_in", backoff.String())
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, MaxBackoff)
	}
}

// drainMax bounds the packets read after a stop was asked for.
const drainMax = 1 << 20

// readLoop reads until ctx ends (nil) or the handle fails (the error).
// When ctx ends it first drains what the kernel has already captured:
// it reads until a read times out. The end of ctx is looked at, and
// batchEnd called, between the kernel's batches.
func readLoop(ctx context.Context, h *Handle, handle Handler, batchEnd func(), c *Counters, base *Stats) error {
	lt := h.LinkType()
	done := ctx.Done()
	if batchEnd == nil {
		batchEnd = func() {}
	}
	n := 0
	var ci gopacket.CaptureInfo // filled in place by every read
	for {
		if !h.buffered() {
			batchEnd()
			select {
			case <-done:
				for i := 0; i < drainMax; i++ {
					data, err := h.ReadInto(&ci)
					if err != nil {
						break
					}
					handle(data, &ci, lt)
				}
				batchEnd()
				addStats(h, c, base)
				return nil
			default:
			}
		}
		data, err := h.ReadInto(&ci)
		if err == nil {
			handle(data, &ci, lt)
			if n++; n&1023 == 0 {
				addStats(h, c, base)
			}
			continue
		}
		if errors.Is(err, ErrTimeout) {
			addStats(h, c, base)
			continue
		}
		batchEnd()
		addStats(h, c, base)
		if errors.Is(err, io.EOF) {
			err = errors.New("capture ended")
		}
		return err
	}
}

// addStats adds what h counted since the last call to c.
func addStats(h *Handle, c *Counters, base *Stats) {
	s, err := h.Stats()
	if err != nil {
		return
	}
	accumulate(c, base, s)
}

// accumulate adds to c what s counts beyond base, and makes s the base.
// The counts are packets: the kernel's (bpf's bs_recv and bs_drop,
// libpcap's ps_recv and ps_drop) or, on NFLOG, the reader's.
func accumulate(c *Counters, base *Stats, s Stats) {
	c.Received.Add(counterDelta(s.Received, base.Received))
	c.Dropped.Add(counterDelta(s.Dropped, base.Dropped))
	c.IfDropped.Add(counterDelta(s.IfDropped, base.IfDropped))
	*base = s
}

// counterDelta is what a counter grew from before to now. The kernel's
// counters are 32 bits (struct bpf_stat, struct pcap_stat: u_int) and wrap
// after 4 billion packets, a few days of a flood: a count below the last
// one, when the last one fits in 32 bits, wrapped once.
func counterDelta(now, before uint64) uint64 {
	switch {
	case now >= before:
		return now - before
	case before <= math.MaxUint32:
		return now + 1<<32 - before
	}
	return 0
}
