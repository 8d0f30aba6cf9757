package decoder

import (
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// appendPflogHeader appends the -e text of a pflog header, copied from
// d.pflog when a header with the same fields was printed recently.
func (d *Decoder) appendPflogHeader(b []byte, h *pfloghdr.Header) []byte {
	if d.pflog.Idle() {
		return appendPflogText(b, h)
	}
	k := pflogcache.KeyOf(h)
	if t, _ := d.pflog.Get(&k); t != nil {
		return append(b, t...)
	}
	start := len(b)
	b = appendPflogText(b, h)
	d.pflog.Put(&k, b[start:], 0)
	return b
}
