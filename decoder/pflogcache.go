package decoder

import (
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// appendPflogSlow appends the text of the pflog header data that
// d.pflog did not count or Get did not find, and that it does not pass
// by: from d.pflog's slow path, or formatted and stored there; it returns
// the header's entry, or nil. The header is decoded into the Summary, as
// the text needs it or the Summary is kept.
func (d *Decoder) appendPflogSlow(b []byte, data *[pfloghdr.FreeBSDStructSize]byte) ([]byte, *pflogcache.Entry) {
	b, e := d.pflog.AppendSlow(b, data)
	if e != nil {
		if !d.opts.NoSummary {
			e.DecodeHeader(data, &d.sum.Pflog)
		}
		return b, e
	}
	h := &d.sum.Pflog
	pfloghdr.DecodeFixed(data[:], h)
	start := len(b)
	b = appendPflogText(b, h)
	if d.opts.NoSummary {
		h = nil // DecodeHeader is not asked
	}
	return b, d.pflog.Put(data, b[start:], h)
}

// appendPflogUncached is printPflog's text of the pflog header data
// under NoSummary when d.pflog did not count it or Get did not find it.
func (d *Decoder) appendPflogUncached(b []byte, data *[pfloghdr.FreeBSDStructSize]byte) []byte {
	if d.pflog.Idle() {
		h := &d.sum.Pflog
		pfloghdr.DecodeFixed(data[:], h)
		return appendPflogText(b, h)
	}
	b, _ = d.appendPflogSlow(b, data)
	return b
}

// PflogCacheEntry returns the decoder's cache entry for the packet's
// pflog header (valid when HasPflog): its text, and room for another
// rendering of the header, which must be a function of the fields its
// text shows. It is nil when the cache keeps nothing for the header, and
// valid until the next packet.
func (s *Summary) PflogCacheEntry() *pflogcache.Entry { return s.pflogEntry }
