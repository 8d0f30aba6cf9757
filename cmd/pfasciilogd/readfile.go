package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"

	"github.com/pfasciilogd/pfasciilogd/capture"
	"github.com/pfasciilogd/pfasciilogd/decoder"
)

// readFile prints every record of c.readFile to stdout.
func readFile(c *config, stdout io.Writer) error {
	h, err := capture.OpenFile(c.readFile, c.filter)
	if err != nil {
		return err
	}
	defer h.Close()
	lt := h.LinkType()
	if !decoder.Supported(lt) {
		return fmt.Errorf("%s: link type %s (%d) is not PFLOG (117) or NFLOG (239)", c.readFile, layers.LinkType(lt), lt)
	}
	dec := decoder.New(decoder.Options{AbsoluteSeq: c.absSeq, SeqTableSize: c.seqTable, LinkType: lt})
	w := bufio.NewWriterSize(stdout, 256<<10)
	buf := make([]byte, 0, 64<<10)
	format := newRecordFormatter(c)
	var ci gopacket.CaptureInfo
	for {
		data, err := h.ReadInto(&ci)
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			if errors.Is(err, capture.ErrTimeout) {
				continue
			}
			w.Flush()
			return fmt.Errorf("%s: %v", c.readFile, err)
		}
		buf = format.appendRecord(buf[:0], dec, ci.Timestamp, data, ci.Length)
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return w.Flush()
}
