package main

import (
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
	dec := decoder.New(decoder.Options{AbsoluteSeq: c.absSeq, SeqTableSize: c.seqTable, LinkType: lt, NoSummary: c.format != formatJSON})
	// Records are appended to out, whole, and out is written once it
	// holds outSize bytes: no copy into a bufio.Writer per record.
	const outSize = 256 << 10
	out := make([]byte, 0, outSize+64<<10)
	flush := func() error {
		if len(out) == 0 {
			return nil
		}
		_, err := stdout.Write(out)
		out = out[:0]
		return err
	}
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
			flush()
			return fmt.Errorf("%s: %v", c.readFile, err)
		}
		out = format.appendRecord(out, dec, ci.Timestamp, data, ci.Length)
		if len(out) >= outSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
