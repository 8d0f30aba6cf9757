//go:build cgo

// The libpcap capture source (the default build, with cgo).

package capture

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcap"
	"golang.org/x/net/bpf"
)

// Handle is an open libpcap capture, live or from a file, or on Linux an
// NFLOG socket read natively (nflog_linux.go).
type Handle struct {
	h         *pcap.Handle
	file      *fileSource  // a capture file, instead of h
	nl        *nflogReader // nflog:N, instead of h
	linkType  int
	netfilter bool          // nfqueue:N (libpcap's netlink reader)
	idle      time.Duration // pause after an empty netfilter read
}

// OpenLive opens a live capture with an inactive handle: immediate mode,
// the snapshot length, kernel buffer and read timeout of cfg, then the
// filter. An nflog device on Linux is read without libpcap.
func OpenLive(cfg Config) (*Handle, error) {
	cfg.defaults()
	if isNFLOG(cfg.Interface) {
		nl, err := openNFLOG(cfg, compileNFLOGFilter)
		if err != nil {
			return nil, err
		}
		return &Handle{nl: nl, linkType: LinkTypeNFLOG}, nil
	}
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
	if strings.HasPrefix(cfg.Interface, "nfqueue") {
		hd.netfilter = true
		hd.idle = min(cfg.ReadTimeout, 10*time.Millisecond)
	}
	return hd, nil
}

// OpenFile opens a pcap or pcapng file ("-" is standard input). It is
// read in Go (pcapfile.go), without a cgo call per packet; libpcap
// compiles the filter once, and filterProg runs its program as libpcap's
// own file reader would.
func OpenFile(path, filter string) (*Handle, error) {
	s, lt, err := openFileSource(path, filter, compileFileFilter)
	if err != nil {
		return nil, err
	}
	return &Handle{file: s, linkType: lt}, nil
}

// compileFileFilter compiles expr with libpcap for a file of linkType.
func compileFileFilter(linkType int, expr string) (filterProg, error) {
	raw, err := pcap.CompileBPFFilter(layersLinkType(linkType), maxSnaplenPFLOG, expr)
	if err != nil {
		return nil, err
	}
	prog := make([]bpf.RawInstruction, len(raw))
	for i, in := range raw {
		prog[i] = bpf.RawInstruction{Op: in.Code, Jt: in.Jt, Jf: in.Jf, K: in.K}
	}
	return newFilterProgRaw(prog)
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

// compileNFLOGFilter compiles expr with libpcap for link type NFLOG, to
// run in golang.org/x/net/bpf's VM over the records the native reader
// returns, as libpcap's netfilter reader runs it over the same bytes.
func compileNFLOGFilter(expr string, snapLen int) (*bpf.VM, error) {
	raw, err := pcap.CompileBPFFilter(layersLinkType(LinkTypeNFLOG), snapLen, expr)
	if err != nil {
		return nil, err
	}
	prog := make([]bpf.Instruction, len(raw))
	for i, in := range raw {
		prog[i] = bpf.RawInstruction{Op: in.Code, Jt: in.Jt, Jf: in.Jf, K: in.K}.Disassemble()
	}
	return bpf.NewVM(prog)
}

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

// Read returns the next packet. The data is valid until the next Read.
// It returns io.EOF at the end of a file and ErrTimeout when a live read
// timed out.
func (h *Handle) Read() ([]byte, gopacket.CaptureInfo, error) {
	if h.file != nil {
		return h.file.read()
	}
	if h.nl != nil {
		return h.nl.read()
	}
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

// ReadInto is Read filling *ci, which saves copying it on the paths of
// a capture file and of NFLOG.
func (h *Handle) ReadInto(ci *gopacket.CaptureInfo) ([]byte, error) {
	if h.file != nil {
		return h.file.readInto(ci)
	}
	if h.nl != nil {
		return h.nl.readInto(ci)
	}
	data, c, err := h.Read()
	*ci = c
	return data, err
}

func isEAGAIN(err error) bool {
	return err != nil && strings.Contains(strings.ToLower(err.Error()), syscall.EAGAIN.Error())
}

// buffered tells whether the next Read returns a packet already read from
// the kernel (NFLOG's datagram) or a file, without waiting; libpcap does
// not say.
func (h *Handle) buffered() bool { return h.file != nil || (h.nl != nil && h.nl.buffered()) }

// Stats returns the counters of a live handle.
func (h *Handle) Stats() (Stats, error) {
	if h.nl != nil {
		return h.nl.stats()
	}
	if h.file != nil {
		return h.file.stats()
	}
	s, err := h.h.Stats()
	if err != nil {
		return Stats{}, err
	}
	return Stats{uint64(s.PacketsReceived), uint64(s.PacketsDropped), uint64(s.PacketsIfDropped)}, nil
}

// Close closes the handle.
func (h *Handle) Close() {
	if h.nl != nil {
		h.nl.close()
		return
	}
	if h.file != nil {
		h.file.close()
		return
	}
	h.h.Close()
}
