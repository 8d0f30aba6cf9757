package decoder

import (
	"bytes"
	"encoding/binary"

	"github.com/pfasciilogd/pfasciilogd/internal/numfmt"
)

// tcpOptCache keeps the text of recent TCP option lists made only of
// eol, nop, mss, wscale, sackOK and at most one timestamp: a scanner sends
// the same few lists with every probe, and their text is a function of
// their bytes. A timestamp's two values change with every connection, so
// the entry holds the text around them and they are written into it on
// every hit. Lists with SACK blocks (relative to the conversation) or
// anything else are formatted every time. Direct mapped.
type tcpOptCache struct {
	ents [tcpOptCacheSize]tcpOptEntry
}

const (
	tcpOptCacheBits = 6
	tcpOptCacheSize = 1 << tcpOptCacheBits
)

type tcpOptEntry struct {
	key  [5]uint64 // the option bytes, zero padded, the timestamp's values zeroed
	klen uint8     // their number; 0: empty
	n    uint8     // length of the text
	// ts is where in text the timestamp's values go (after "TS val "),
	// 0 when the list has none; the text has " ecr " and the rest after it.
	ts   uint8
	text [176]byte
}

// cacheableTCPOptions reports whether opts is a list of eol, nop, mss,
// wscale, sackOK and at most one 10-byte timestamp option whose lengths
// stay within it, and where the timestamp's values start in opts (0: no
// timestamp).
func cacheableTCPOptions(opts []byte) (ok bool, ts int) {
	for i := 0; i < len(opts); {
		k := opts[i]
		if k <= 1 {
			i++
			continue
		}
		if i+1 >= len(opts) || opts[i+1] < 2 {
			return false, 0
		}
		if k == 8 {
			if ts != 0 || opts[i+1] != 10 || i+10 > len(opts) {
				return false, 0
			}
			ts = i + 2
		} else if k > 4 {
			return false, 0
		}
		i += int(opts[i+1])
	}
	return true, ts
}

// tsText is how a timestamp's text starts and its two values are parted.
const (
	tsText  = "TS val "
	ecrText = " ecr "
)

// appendTCPOptionsCached is appendTCPOptions, through d.tcpOpts when the
// options are all captured and cacheable.
func (d *Decoder) appendTCPOptionsCached(b []byte, data []byte, hlen, plen int, rev bool, thseq, thack uint32) ([]byte, bool) {
	if hlen > len(data) || hlen > 60 {
		return appendTCPOptions(b, data, hlen, plen, rev, thseq, thack)
	}
	opts := data[20:hlen]
	ok, ts := cacheableTCPOptions(opts)
	if !ok {
		return appendTCPOptions(b, data, hlen, plen, rev, thseq, thack)
	}
	var raw [40]byte
	klen := copy(raw[:], opts)
	var val, ecr uint32
	if ts != 0 {
		val, ecr = be32(opts[ts:]), be32(opts[ts+4:])
		clear(raw[ts : ts+8])
	}
	var k [5]uint64
	for i := range k {
		k[i] = binary.LittleEndian.Uint64(raw[8*i:])
	}
	x := (k[0]*0x9e3779b97f4a7c15 ^ k[1] ^ k[2] ^ k[3] ^ k[4] ^ uint64(klen)) * 0xff51afd7ed558ccd
	e := &d.tcpOpts.ents[x>>(64-tcpOptCacheBits)]
	if int(e.klen) == klen && e.key == k {
		if e.ts == 0 {
			return append(b, e.text[:e.n]...), true
		}
		b = append(b, e.text[:e.ts]...)
		b = appendUint(b, uint64(val))
		b = append(b, ecrText...)
		b = appendUint(b, uint64(ecr))
		return append(b, e.text[e.ts:e.n]...), true
	}
	start := len(b)
	b, ok = appendTCPOptions(b, data, hlen, plen, rev, thseq, thack)
	if !ok || len(b)-start > len(e.text) {
		return b, ok
	}
	t := b[start:]
	if ts == 0 {
		e.key, e.klen, e.n, e.ts = k, uint8(klen), uint8(copy(e.text[:], t)), 0
		return b, ok
	}
	// The text without the two values: up to "TS val ", then what follows
	// " ecr " and the second value.
	i := bytes.Index(t, []byte(tsText))
	if i < 0 {
		return b, ok
	}
	pre := i + len(tsText)
	j := pre + numfmt.DecimalLen(uint64(val))
	if !bytes.HasPrefix(t[j:], []byte(ecrText)) {
		return b, ok
	}
	post := j + len(ecrText) + numfmt.DecimalLen(uint64(ecr))
	e.ts = uint8(copy(e.text[:], t[:pre]))
	e.n = e.ts + uint8(copy(e.text[pre:], t[post:]))
	e.key, e.klen = k, uint8(klen)
	return b, ok
}
