package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/gopacket/gopacket/layers"

	"github.com/pfasciilogd/pfasciilogd/capture"
	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/timefmt"
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
	fr := h.FileReader()
	loc := fr.Location()
	format := newRecordFormatter(c)
	var recs [64]capture.Record
	for {
		data, n, err := fr.Read(recs[:])
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			if len(out) > 0 {
				stdout.Write(out)
			}
			return fmt.Errorf("%s: %v", c.readFile, err)
		}
		switch {
		case format.json != nil:
			out = format.appendJSONRecords(out, dec, loc, data, recs[:n])
		case c.timeFmt == timefmt.None:
			out = appendRecords(out, dec, data, recs[:n])
		default:
			out = appendRecordsAt(out, dec, format.prefix, loc, data, recs[:n])
		}
		if len(out) >= outSize {
			if _, err := stdout.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	if len(out) == 0 {
		return nil
	}
	_, err = stdout.Write(out)
	return err
}

// appendRecords appends the text of recs, whose data is in data.
func appendRecords(out []byte, dec *decoder.Decoder, data []byte, recs []capture.Record) []byte {
	for i := range recs {
		r := &recs[i]
		out = dec.AppendRecord(out, data[r.Start:r.End], r.Length)
	}
	return out
}

// appendRecordsAt is appendRecords with the time prefix of each record
// (in loc): prefix is asked for the text of a record's second only when
// the second changes, and its Put is inlined.
func appendRecordsAt(out []byte, dec *decoder.Decoder, prefix *timefmt.Appender, loc *time.Location, data []byte, recs []capture.Record) []byte {
	p := prefix.PrefixAt(recs[0].Sec, loc)
	for i := range recs {
		r := &recs[i]
		if r.Sec != p.Sec() && !p.Advance(r.Sec) {
			p = prefix.PrefixAt(r.Sec, loc)
		}
		l := len(out)
		if cap(out)-l < timefmt.PrefixRoom {
			out = slices.Grow(out, timefmt.PrefixRoom)
		}
		out = out[:l+p.Put((*[timefmt.PrefixRoom]byte)(out[l:l+timefmt.PrefixRoom]), r.Nsec)]
		out = dec.AppendRecord(out, data[r.Start:r.End], r.Length)
	}
	return out
}
