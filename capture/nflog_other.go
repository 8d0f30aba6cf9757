//go:build !linux

package capture

import (
	"errors"
	"fmt"

	"github.com/gopacket/gopacket"
	"golang.org/x/net/bpf"
)

// NFLOG is Linux's: elsewhere no device name is an nflog device.

func isNFLOG(string) bool { return false }

func checkNFLOG(name string) error {
	return fmt.Errorf("-i %s: nflog devices exist only on Linux", name)
}

type nflogReader struct{}

func openNFLOG(Config, func(string, int) (*bpf.VM, error)) (*nflogReader, error) {
	return nil, &permanentError{errors.New("nflog devices exist only on Linux")}
}

func (*nflogReader) read() ([]byte, gopacket.CaptureInfo, error) {
	return nil, gopacket.CaptureInfo{}, errors.New("nflog devices exist only on Linux")
}
func (*nflogReader) readInto(*gopacket.CaptureInfo) ([]byte, error) {
	return nil, errors.New("nflog devices exist only on Linux")
}
func (*nflogReader) stats() (Stats, error) { return Stats{}, nil }
func (*nflogReader) buffered() bool        { return false }
func (*nflogReader) close()                {}
