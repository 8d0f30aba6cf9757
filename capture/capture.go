// Package capture reads packets from a live interface (pflog0, or
// nflog:N on Linux) or from a capture file through libpcap, and keeps a
// live capture going across the interface's disappearance.
package capture

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcap"
)

// Defaults for a live capture.
const (
	DefaultSnapLen     = 262144
	DefaultBufferSize  = 8 << 20
	DefaultReadTimeout = 250 * time.Millisecond
	MaxBackoff         = 30 * time.Second
)

// Config describes a live capture.
type Config struct {
	Interface   string        // pflog0, nflog:N, ...
	SnapLen     int           // 0: DefaultSnapLen
	BufferSize  int           // kernel buffer in bytes; 0: DefaultBufferSize
	ReadTimeout time.Duration // 0: DefaultReadTimeout
	Filter      string        // BPF filter expression, "" for none
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

// Handle is an open libpcap capture, live or from a file.
type Handle struct {
	h         *pcap.Handle
	linkType  int
	netfilter bool          // nflog:N / nfqueue:N (libpcap's netlink reader)
	idle      time.Duration // pause after an empty netfilter read
}

// OpenLive opens a live capture with an inactive handle: immediate mode,
// the snapshot length, kernel buffer and read timeout of cfg, then the
// filter.
func OpenLive(cfg Config) (*Handle, error) {
	cfg.defaults()
	in, err := pcap.NewInactiveHandle(cfg.Interface)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Interface, err)
	}
	defer in.CleanUp()
	for _, set := range []func() error{
		func() error { return in.SetSnapLen(cfg.SnapLen) },
		func() error { return in.SetImmediateMode(true) },
		func() error { return in.SetBufferSize(cfg.BufferSize) },
		func() error { return in.SetTimeout(cfg.ReadTimeout) },
		func() error { return in.SetPromisc(false) },
	} {
		if err := set(); err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.Interface, err)
		}
	}
	h, err := in.Activate()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Interface, err)
	}
	hd, err := finish(h, cfg.Filter)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(cfg.Interface, "nflog") || strings.HasPrefix(cfg.Interface, "nfqueue") {
		hd.netfilter = true
		hd.idle = min(cfg.ReadTimeout, 10*time.Millisecond)
	}
	return hd, nil
}

// OpenFile opens a pcap or pcapng file ("-" is standard input).
func OpenFile(path, filter string) (*Handle, error) {
	h, err := pcap.OpenOffline(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return finish(h, filter)
}

func finish(h *pcap.Handle, filter string) (*Handle, error) {
	if filter != "" {
		if err := h.SetBPFFilter(filter); err != nil {
			h.Close()
			return nil, &FilterError{Expr: filter, Err: err}
		}
	}
	return &Handle{h: h, linkType: int(h.LinkType())}, nil
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

// CheckFilter compiles expr for linkType without opening anything, so a
// bad expression is refused before the daemon starts.
func CheckFilter(linkType int, expr string) error {
	if expr == "" {
		return nil
	}
	if _, err := pcap.CompileBPFFilter(layersLinkType(linkType), DefaultSnapLen, expr); err != nil {
		return &FilterError{Expr: expr, Err: err}
	}
	return nil
}

// LinkType returns the capture's DLT.
func (h *Handle) LinkType() int { return h.linkType }

// ErrTimeout is returned by Read when the read timeout expired with no
// packet; the caller simply reads again.
var ErrTimeout = errors.New("capture: read timeout")

// Read returns the next packet. The data is valid until the next Read.
// It returns io.EOF at the end of a file and ErrTimeout when a live read
// timed out.
func (h *Handle) Read() ([]byte, gopacket.CaptureInfo, error) {
	data, ci, err := h.h.ZeroCopyReadPacketData()
	switch {
	case err == nil:
		return data, ci, nil
	case errors.Is(err, pcap.NextErrorTimeoutExpired):
		return nil, ci, ErrTimeout
	case errors.Is(err, io.EOF) || errors.Is(err, pcap.NextErrorNoMorePackets):
		return nil, ci, io.EOF
	case h.netfilter && errors.Is(err, pcap.NextErrorReadError) && isEAGAIN(h.h.Error()):
		// libpcap's netfilter reader reports an empty non-blocking
		// socket as a read error ("Can't receive packet: Resource
		// temporarily unavailable"), and gopacket cannot wait on it.
		time.Sleep(h.idle)
		return nil, ci, ErrTimeout
	}
	if errors.Is(err, pcap.NextErrorReadError) {
		err = fmt.Errorf("%w: %v", err, h.h.Error())
	}
	return nil, ci, err
}

func isEAGAIN(err error) bool {
	return err != nil && strings.Contains(strings.ToLower(err.Error()), syscall.EAGAIN.Error())
}

// Stats are libpcap's counters for one handle.
type Stats struct {
	Received, Dropped, IfDropped uint64
}

// Stats returns the counters of a live handle.
func (h *Handle) Stats() (Stats, error) {
	s, err := h.h.Stats()
	if err != nil {
		return Stats{}, err
	}
	return Stats{uint64(s.PacketsReceived), uint64(s.PacketsDropped), uint64(s.PacketsIfDropped)}, nil
}

// Close closes the handle.
func (h *Handle) Close() { h.h.Close() }

// Counters accumulate the statistics of a live capture across restarts.
type Counters struct {
	Received, Dropped, IfDropped atomic.Uint64
	Restarts                     atomic.Uint64
}

// Logger receives the capture's operational messages.
type Logger interface {
	Warnw(msg string, kv ...any)
	Infow(msg string, kv ...any)
}

// Handler receives every packet of a live capture. data is valid only
// during the call.
type Handler func(data []byte, ci gopacket.CaptureInfo, linkType int)

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
			if errors.As(err, &fe) {
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
		err = readLoop(ctx, h, handle, c, &base)
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
// it reads until a read times out.
func readLoop(ctx context.Context, h *Handle, handle Handler, c *Counters, base *Stats) error {
	lt := h.LinkType()
	done := ctx.Done()
	n := 0
	for {
		select {
		case <-done:
			for i := 0; i < drainMax; i++ {
				data, ci, err := h.Read()
				if err != nil {
					break
				}
				handle(data, ci, lt)
			}
			addStats(h, c, base)
			return nil
		default:
		}
		data, ci, err := h.Read()
		if err == nil {
			handle(data, ci, lt)
			if n++; n&1023 == 0 {
				addStats(h, c, base)
			}
			continue
		}
		if errors.Is(err, ErrTimeout) {
			addStats(h, c, base)
			continue
		}
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
	if s.Received >= base.Received {
		c.Received.Add(s.Received - base.Received)
	}
	if s.Dropped >= base.Dropped {
		c.Dropped.Add(s.Dropped - base.Dropped)
	}
	if s.IfDropped >= base.IfDropped {
		c.IfDropped.Add(s.IfDropped - base.IfDropped)
	}
	*base = s
}
