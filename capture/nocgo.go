//go:build !cgo

package capture

// The capture source of the build without cgo: files through pcapgo and
// the pure-Go filter compiler run in golang.org/x/net/bpf's VM; live
// capture through /dev/bpf on FreeBSD and OpenBSD (bpf_bsd.go), refused
// elsewhere (live_stub.go).

import (
	"errors"
	"fmt"
	"io"

	"github.com/gopacket/gopacket"
	"golang.org/x/net/bpf"
)

// source is a live capture (bpf_bsd.go) or a file.
type source interface {
	read() ([]byte, gopacket.CaptureInfo, error)
	buffered() bool // the next read returns a record without waiting
	stats() (Stats, error)
	close()
}

// Handle is an open capture, live or from a file.
type Handle struct {
	src      source
	linkType int
}

type fileSource struct {
	fr *fileReader
	vm *bpf.VM // nil: no filter
}

func (s *fileSource) read() ([]byte, gopacket.CaptureInfo, error) {
	for {
		data, ci, err := s.fr.read()
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, ci, fmt.Errorf("truncated dump file: %w", err)
			}
			return nil, ci, err
		}
		if s.vm != nil {
			n, verr := s.vm.Run(data)
			if verr != nil || n == 0 {
				continue
			}
		}
		return data, ci, nil
	}
}

func (s *fileSource) buffered() bool { return true }

func (s *fileSource) stats() (Stats, error) {
	return Stats{}, errors.New("no statistics for a file")
}

func (s *fileSource) close() { s.fr.close() }

// OpenFile opens a pcap or pcapng file ("-" is standard input).
func OpenFile(path, filter string) (*Handle, error) {
	fr, err := openPcapgo(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &fileSource{fr: fr}
	if filter != "" {
		prog, err := CompileFilterPure(fr.linkType, DefaultSnapLen, filter)
		if err == nil {
			s.vm, err = bpf.NewVM(prog)
		}
		if err != nil {
			fr.close()
			return nil, &FilterError{Expr: filter, Err: err}
		}
	}
	return &Handle{src: s, linkType: fr.linkType}, nil
}

// CheckFilter compiles expr for linkType without opening anything, so a
// bad expression is refused before the daemon starts.
func CheckFilter(linkType int, expr string) error {
	if expr == "" {
		return nil
	}
	if _, err := CompileFilterPure(linkType, DefaultSnapLen, expr); err != nil {
		return &FilterError{Expr: expr, Err: err}
	}
	return nil
}

// LinkType returns the capture's DLT.
func (h *Handle) LinkType() int { return h.linkType }

// Read returns the next packet. The data is valid until the next Read.
// It returns io.EOF at the end of a file and ErrTimeout when a live read
// timed out.
func (h *Handle) Read() ([]byte, gopacket.CaptureInfo, error) { return h.src.read() }

func (h *Handle) buffered() bool { return h.src.buffered() }

// Stats returns the counters of a live handle.
func (h *Handle) Stats() (Stats, error) { return h.src.stats() }

// Close closes the handle.
func (h *Handle) Close() { h.src.close() }
