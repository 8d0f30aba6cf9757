package decoder

import (
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// appendPflogSlow appends the text of the pflog header data that
// d.pflog did not count or Get did not find, and that it does not pass
// by: from d.pflog's slow path, or formatted and stored there. The
// header is decoded into the Summary (as the text needs it, or the
// Summary is kept).
func (d *Decoder) appendPflogSlow(b []byte, data *[pfloghdr.FreeBSDStructSize]byte) []byte {
	b, e := d.pflog.AppendSlow(b, data)
	switch {
	case e == nil:
		start := len(b)
		b = d.appendPflogFresh(b, data)
		if d.opts.NoSummary {
			d.pflog.Put(data, b[start:], nil)
		} else {
			d.sum.pflogEntry = d.pflog.Put(data, b[start:], &d.sum.Pflog)
		}
	case !d.opts.NoSummary:
		e.DecodeHeader(data, &d.sum.Pflog)
		d.sum.pflogEntry = e
	}
	return b
}

// appendPflogFresh decodes the pflog header data into the Summary and
// appends its text, formatted afresh.
func (d *Decoder) appendPflogFresh(b []byte, data *[pfloghdr.FreeBSDStructSize]byte) []byte {
	h := &d.sum.Pflog
	pfloghdr.DecodeFixed(data[:], h)
	if !d.opts.NoSummary {
		d.sum.pflogEntry = nil
	}
	return appendPflogText(b, h)
}

// PflogCacheEntry returns the decoder's cache entry for the packet's
// pflog header (valid when HasPflog): its text, and room for another
// rendering of the header, which must be a function of the fields its
// text shows. It is nil when the cache keeps nothing for the header, and
// valid until the next packet.
func (s *Summary) PflogCacheEntry() *pflogcache.Entry { return s.pflogEntry }
