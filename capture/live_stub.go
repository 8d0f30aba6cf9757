//go:build !cgo && !freebsd && !openbsd

package capture

import (
	"errors"

	"golang.org/x/net/bpf"
)

// ErrNoLiveCapture is OpenLive's error in a build without cgo on a system
// other than FreeBSD and OpenBSD.
var ErrNoLiveCapture = errors.New("built without cgo: live capture needs libpcap or a BSD")

// OpenLive is not available here (see ErrNoLiveCapture), but for nflog:N
// on Linux, read without libpcap (nflog_linux.go); a filter expression
// there needs libpcap's compiler.
func OpenLive(cfg Config) (*Handle, error) {
	if !isNFLOG(cfg.Interface) {
		return nil, &permanentError{ErrNoLiveCapture}
	}
	cfg.defaults()
	nl, err := openNFLOG(cfg, func(string, int) (*bpf.VM, error) {
		return nil, errors.New("built without cgo: filters on nflog need libpcap's compiler")
	})
	if err != nil {
		return nil, err
	}
	return &Handle{src: nl, linkType: LinkTypeNFLOG}, nil
}
