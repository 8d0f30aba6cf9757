package decoder

import "encoding/binary"

// tcpOptCache keeps the text of recent TCP option lists made only of
// eol, nop, mss, wscale and sackOK: a scanner sends the same few lists
// with every probe, and their text is a function of their bytes. Lists
// with timestamps (a new value each connection), SACK blocks (relative to
// the conversation) or anything else are formatted every time. Direct
// mapped.
type tcpOptCache struct {
	ents [tcpOptCacheSize]tcpOptEntry
}

const (
	tcpOptCacheBits = 6
	tcpOptCacheSize = 1 << tcpOptCacheBits
)

type tcpOptEntry struct {
	key  [5]uint64 // the option bytes, zero padded
	klen uint8     // their number; 0: empty
	n    uint8     // length of the text
	text [176]byte
}

// cacheableTCPOptions reports whether opts is a list of eol, nop, mss,
// wscale and sackOK options whose lengths stay within it.
func cacheableTCPOptions(opts []byte) bool {
	for i := 0; i < len(opts); {
		k := opts[i]
		if k <= 1 {
			i++
			continue
		}
		if k > 4 || i+1 >= len(opts) || opts[i+1] < 2 {
			return false
		}
		i += int(opts[i+1])
	}
	return true
}

// appendTCPOptionsCached is appendTCPOptions, through d.tcpOpts when the
// options are all captured and cacheable.
func (d *Decoder) appendTCPOptionsCached(b []byte, data []byte, hlen, plen int, rev bool, thseq, thack uint32) ([]byte, bool) {
	if hlen > len(data) || hlen > 60 || !cacheableTCPOptions(data[20:hlen]) {
		return appendTCPOptions(b, data, hlen, plen, rev, thseq, thack)
	}
	var raw [40]byte
	klen := copy(raw[:], data[20:hlen])
	var k [5]uint64
	for i := range k {
		k[i] = binary.LittleEndian.Uint64(raw[8*i:])
	}
	x := (k[0]*0x9e3779b97f4a7c15 ^ k[1] ^ k[2] ^ k[3] ^ k[4] ^ uint64(klen)) * 0xff51afd7ed558ccd
	e := &d.tcpOpts.ents[x>>(64-tcpOptCacheBits)]
	if int(e.klen) == klen && e.key == k {
		return append(b, e.text[:e.n]...), true
	}
	start := len(b)
	b, ok := appendTCPOptions(b, data, hlen, plen, rev, thseq, thack)
	if n := len(b) - start; ok && n <= len(e.text) {
		e.key, e.klen, e.n = k, uint8(klen), uint8(copy(e.text[:], b[start:]))
	}
	return b, ok
}
