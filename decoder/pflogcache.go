package decoder

import (
	"encoding/binary"

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

// appendPflogRaw is appendPflogHeader under Options.NoSummary: the key is
// read from the header's bytes (data holds at least
// pfloghdr.FreeBSDStructSize), and h is decoded only to format a text
// the cache does not hold.
func (d *Decoder) appendPflogRaw(b []byte, data []byte, h *pfloghdr.Header) []byte {
	if d.pflog.Idle() {
		pfloghdr.DecodeFixed(data, h)
		return appendPflogText(b, h)
	}
	k := rawPflogKey(data)
	if t, _ := d.pflog.Get(&k); t != nil {
		return append(b, t...)
	}
	pfloghdr.DecodeFixed(data, h)
	start := len(b)
	b = appendPflogText(b, h)
	d.pflog.Put(&k, b[start:], 0)
	return b
}

// rawPflogKey is pflogcache.KeyOf(h) for the header data, read from its
// bytes without decoding the rest: the same words, so that the same
// headers fall into the same sets of the cache.
func rawPflogKey(data []byte) (k pflogcache.Key) {
	_ = data[pfloghdr.FreeBSDStructSize-1]
	le := binary.LittleEndian
	k[0], k[1] = le.Uint64(data[4:]), le.Uint64(data[12:])
	be := binary.BigEndian
	sub := be.Uint32(data[40:])
	if sub != pfloghdr.NoSubrule { // else the text has no anchor
		k[2], k[3] = le.Uint64(data[20:]), le.Uint64(data[28:])
	}
	k[4] = uint64(be.Uint32(data[36:])) | uint64(sub)<<32
	k[5] = uint64(binary.NativeEndian.Uint32(data[44:])) | uint64(be.Uint32(data[64:]))<<32
	k[6] = uint64(data[2]) | uint64(data[3])<<8 | uint64(data[60])<<16
	return k
}
