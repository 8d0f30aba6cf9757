//go:build !cgo

package capture

// The capture source of the build without cgo: files through pcapfile.go
// and the pure-Go filter compiler run in filterProg; live
// capture through /dev/bpf on FreeBSD and OpenBSD (bpf_bsd.go), refused
// elsewhere (live_stub.go).

import (
	"github.com/gopacket/gopacket"
)

// source is a live capture (bpf_bsd.go, nflog_linux.go) or a file.
type source interface {
	read() ([]byte, gopacket.CaptureInfo, error)
	readInto(ci *gopacket.CaptureInfo) ([]byte, error) // read filling *ci
	buffered() bool                                    // the next read returns a record without waiting
	stats() (Stats, error)
	close()
}

// Handle is an open capture, live or from a file.
type Handle struct {
	src      source
	file     *fileSource // src when it is a file
	linkType int
}

// OpenFile opens a pcap or pcapng file ("-" is standard input).
func OpenFile(path, filter string) (*Handle, error) {
	s, lt, err := openFileSource(path, filter, func(linkType int, expr string) (filterProg, error) {
		prog, err := CompileFilterPure(linkType, DefaultSnapLen, expr)
		if err != nil {
			return nil, err
		}
		return newFilterProg(prog)
	})
	if err != nil {
		return nil, err
	}
	return &Handle{src: s, file: s, linkType: lt}, nil
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

// ReadInto is Read filling *ci, which saves copying it per packet.
func (h *Handle) ReadInto(ci *gopacket.CaptureInfo) ([]byte, error) {
	if h.file != nil {
		return h.file.readInto(ci)
	}
	return h.src.readInto(ci)
}

func (h *Handle) buffered() bool { return h.src.buffered() }

// Stats returns the counters of a live handle.
func (h *Handle) Stats() (Stats, error) { return h.src.stats() }

// Close closes the handle.
func (h *Handle) Close() { h.src.close() }
