//go:build !cgo && linux

package capture

func nflogHandle(r *nflogReader) *Handle { return &Handle{src: r, linkType: LinkTypeNFLOG} }
