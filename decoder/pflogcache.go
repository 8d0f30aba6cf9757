package decoder

import (
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// appendPflogSlow appends the text of the pflog header data that
// d.pflog.Get did not find: from d.pflog's slow path, or formatted (and
// stored there) when the cache does not hold it. It decodes the header
// into h when the text needs it or the Summary is kept.
func (d *Decoder) appendPflogSlow(b []byte, data *[pfloghdr.FreeBSDStructSize]byte, h *pfloghdr.Header) []byte {
	b, e := d.pflog.AppendSlow(b, data)
	if e != nil {
		if !d.opts.NoSummary {
			e.DecodeHeader(data, h)
			d.sum.pflogEntry = e
		}
		return b
	}
	pfloghdr.DecodeFixed(data[:], h)
	start := len(b)
	b = appendPflogText(b, h)
	e = d.pflog.Put(data, b[start:], h)
	if !d.opts.NoSummary {
		d.sum.pflogEntry = e
	}
	return b
}

// PflogCacheEntry returns the decoder's cache entry for the packet's
// pflog header (valid when HasPflog): its text, and room for another
// rendering of the header, which must be a function of the fields its
// text shows. It is nil when the cache keeps nothing for the header, and
// valid until the next packet.
func (s *Summary) PflogCacheEntry() *pflogcache.Entry { return s.pflogEntry }
