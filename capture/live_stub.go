//go:build !cgo && !freebsd && !openbsd

package capture

import "errors"

// ErrNoLiveCapture is OpenLive's error in a build without cgo on a system
// other than FreeBSD and OpenBSD.
var ErrNoLiveCapture = errors.New("built without cgo: live capture needs libpcap or a BSD")

// OpenLive is not available here: see ErrNoLiveCapture.
func OpenLive(cfg Config) (*Handle, error) {
	return nil, &permanentError{ErrNoLiveCapture}
}
