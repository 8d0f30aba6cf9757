package decoder

import (
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// appendPflogMiss appends the text of the pflog header data (decoded into
// h) that d.pflog does not hold, and stores it there.
func (d *Decoder) appendPflogMiss(b []byte, data *[pfloghdr.FreeBSDStructSize]byte, h *pfloghdr.Header) []byte {
	pfloghdr.DecodeFixed(data[:], h)
	start := len(b)
	b = appendPflogText(b, h)
	e := d.pflog.Put(data, b[start:])
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
