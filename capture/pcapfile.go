package capture

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"
)

// fileReader reads a pcap or pcapng file with gopacket's pure-Go pcapgo
// (the build without cgo; with cgo libpcap reads files).
type fileReader struct {
	f *os.File
	r interface {
		ZeroCopyReadPacketData() ([]byte, gopacket.CaptureInfo, error)
	}
	linkType int
}

// openPcapgo opens path ("-" is standard input), pcap or pcapng by magic.
func openPcapgo(path string) (*fileReader, error) {
	f := os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return nil, err
		}
	}
	fr, err := newFileReader(f)
	if err != nil {
		if path != "-" {
			f.Close()
		}
		return nil, err
	}
	if path != "-" {
		fr.f = f
	}
	return fr, nil
}

func newFileReader(in io.Reader) (*fileReader, error) {
	br := bufio.NewReaderSize(in, 1<<16)
	magic, err := br.Peek(4)
	if err != nil {
		return nil, fmt.Errorf("not a pcap or pcapng file: %w", err)
	}
	if binary.BigEndian.Uint32(magic) == 0x0A0D0D0A {
		r, err := pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions)
		if err != nil {
			return nil, err
		}
		return &fileReader{r: r, linkType: int(r.LinkType())}, nil
	}
	r, err := pcapgo.NewReader(br)
	if err != nil {
		return nil, err
	}
	return &fileReader{r: r, linkType: int(r.LinkType())}, nil
}

func (fr *fileReader) read() ([]byte, gopacket.CaptureInfo, error) {
	return fr.r.ZeroCopyReadPacketData()
}

func (fr *fileReader) close() {
	if fr.f != nil {
		fr.f.Close()
	}
}
