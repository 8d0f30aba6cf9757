package main

import (
	"fmt"
	"time"

	"github.com/pfasciilogd/pfasciilogd/capture"
	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/jsonout"
	"github.com/pfasciilogd/pfasciilogd/internal/timefmt"
)

// The record formats --format accepts.
const (
	formatText = "text" // the time prefix (--time) and tcpdump's record
	formatJSON = "json" // one JSON object a packet (internal/jsonout)
)

func checkFormat(s string) error {
	switch s {
	case formatText, formatJSON:
		return nil
	}
	return fmt.Errorf("--format %q: want text or json", s)
}

// recordFormatter turns a packet into the bytes written for it, in the
// format --format asked for. It keeps a scratch buffer for the text of a
// JSON record, so that neither format allocates per packet.
type recordFormatter struct {
	json   *jsonout.Encoder // nil: text
	prefix *timefmt.Appender
	text   []byte
}

func newRecordFormatter(c *config) *recordFormatter {
	f := &recordFormatter{prefix: timefmt.NewAppender(c.timeFmt)}
	if c.format == formatJSON {
		f.json = jsonout.NewEncoder()
	}
	return f
}

// maxSnaplen is the record size past which tcpdump, and so the decoder,
// print "[Invalid header: ...]" instead of decoding the packet.
const maxSnaplen = 262144

// appendRecord appends the record of the packet data (wireLen bytes on the
// wire, captured at ts) as d renders it.
func (f *recordFormatter) appendRecord(b []byte, d *decoder.Decoder, ts time.Time, data []byte, wireLen int) []byte {
	if f.json == nil {
		b = f.prefix.Append(b, ts)
		return d.AppendRecord(b, data, wireLen)
	}
	f.text = d.AppendRecord(f.text[:0], data, wireLen)
	return f.json.Append(b, ts, summary(d, data, wireLen), f.text)
}

// summary is d's Summary of the packet data (wireLen bytes on the wire)
// it just printed, or nil when it printed "[Invalid header: ...]" for it.
func summary(d *decoder.Decoder, data []byte, wireLen int) *decoder.Summary {
	// 1 <= caplen <= wireLen <= maxSnaplen, in two comparisons.
	if caplen := len(data); uint(caplen-1) >= uint(wireLen) || uint(wireLen) > maxSnaplen {
		// "[Invalid header: ...]": the decoder did not look at the
		// packet, and its Summary is the previous packet's.
		return nil
	}
	return d.Summary()
}

// appendJSONRecords appends the JSON objects of recs, whose data is in
// data, as appendRecord does for each from time.Unix(Sec, Nsec).In(loc):
// the encoder is asked for the text of a record's second only when the
// second changes.
func (f *recordFormatter) appendJSONRecords(out []byte, d *decoder.Decoder, loc *time.Location, data []byte, recs []capture.Record) []byte {
	enc := f.json
	p := enc.PrefixAt(recs[0].Sec, loc)
	text := f.text // kept in f once, after the loop
	for i := range recs {
		r := &recs[i]
		if r.Sec != p.Sec() && !p.Advance(r.Sec) {
			p = enc.PrefixAt(r.Sec, loc)
		}
		pkt := data[r.Start:r.End]
		text = d.AppendRecord(text[:0], pkt, r.Length)
		out = enc.AppendAt(out, p, r.Nsec, summary(d, pkt, r.Length), text)
	}
	f.text = text
	return out
}
