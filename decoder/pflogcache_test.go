package decoder

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// pflogVariants returns raw pflog headers (pfloghdr.FreeBSDStructSize
// bytes, the length byte still to set) that differ in every field the
// text shows, with garbage interface and anchor names, unknown actions,
// reasons and directions, the OpenBSD layout's fields where FreeBSD has
// its ridentifier, and groups that differ only in the anchor's bytes (so
// that they fall into one set of the cache and evict each other).
func pflogVariants() [][]byte {
	base := pflog64(pfloghdr.AFInet)
	binary.BigEndian.PutUint32(base[36:], 7)
	var vs [][]byte
	add := func(f func(h []byte)) {
		h := append([]byte(nil), base...)
		f(h)
		vs = append(vs, h)
	}
	anchor := func(h []byte, name string, sub uint32) {
		copy(h[20:36], make([]byte, 16))
		copy(h[20:36], name)
		binary.BigEndian.PutUint32(h[40:], sub)
	}
	add(func(h []byte) {})
	for a := 0; a < 16; a++ {
		add(func(h []byte) { h[2] = byte(a) })
	}
	for _, r := range []byte{1, 3, 15, 16, 17, 200, 255} {
		add(func(h []byte) { h[3] = r })
	}
	for _, d := range []byte{0, 2, 3, 4, 255} {
		add(func(h []byte) { h[60] = d })
		add(func(h []byte) { h[60], h[2] = d, 99 })
	}
	for _, n := range []uint32{0, 1, 42, 65535, 4294967294, 4294967295} {
		add(func(h []byte) { binary.BigEndian.PutUint32(h[36:], n) })
		add(func(h []byte) { binary.NativeEndian.PutUint32(h[44:], n) })                 // uid
		add(func(h []byte) { binary.BigEndian.PutUint32(h[64:], n) })                    // ridentifier
		add(func(h []byte) { anchor(h, "f2b/sshd", n) })                                 // subrule
		add(func(h []byte) { anchor(h, "x", n); binary.BigEndian.PutUint32(h[36:], n) }) // both
	}
	for _, name := range []string{
		"lagg0", "epair0b", "0123456789abcdef", "em\x001", "\xff\xfe\x80\x01\x7f\\\"\n\t ab",
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", "\x00garbage",
	} {
		add(func(h []byte) { copy(h[4:20], make([]byte, 16)); copy(h[4:20], name) })
		add(func(h []byte) { anchor(h, name, 3) })
		add(func(h []byte) { anchor(h, name, pfloghdr.NoSubrule) }) // not shown
	}
	for _, rs := range []string{`a\b`, `"q"`, "x^?y/z", "\x1b[0m", "M-\xe9", "sshguard", "blacklistd"} {
		add(func(h []byte) { anchor(h, rs, 1) })
	}
	// Ten anchors that differ only in their last bytes: one set.
	for i := 0; i < 10; i++ {
		add(func(h []byte) { anchor(h, "anchor-number-"+string(rune('a'+i)), 2) })
		add(func(h []byte) { anchor(h, "anchor-number-"+string(rune('a'+i)), pfloghdr.NoSubrule) })
	}
	// OpenBSD's rewritten flag, address family and addresses where
	// FreeBSD has padding and its ridentifier.
	add(func(h []byte) { h[61], h[62], h[64], h[65], h[66], h[67] = 1, 2, 192, 0, 2, 99 })
	add(func(h []byte) { h[61], h[62], h[64], h[68] = 1, 24, 0x20, 0xff })
	return vs
}

// TestPflogCacheTextIsFresh: a record whose pflog header's text comes from
// the cache is the record formatted without it (by a decoder whose cache
// is emptied before each packet), for headers that differ in every field
// the text shows and in fields it does not (length byte, address family,
// pid, padding, OpenBSD's rewrite fields), seen in turn and again, with
// and without the Summary.
func TestPflogCacheTextIsFresh(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	udp := ipv4("203.0.113.5", "198.51.100.7", 17, udpDgram(40000, 1900, []byte("payload")))
	lengths := []int{0, 1, 44, 60, pfloghdr.LenNetBSD, 62, 64, pfloghdr.LenFreeBSD, 70, 72, 73, 80, 99, pfloghdr.LenOpenBSD, 101, 128, 255}
	afs := []byte{pfloghdr.AFInet, pfloghdr.AFInet6FreeBSD, pfloghdr.AFInet6OpenBSD, 17}
	for _, noSum := range []bool{false, true} {
		d, fresh := New(Options{NoSummary: noSum}), New(Options{NoSummary: noSum})
		vs := pflogVariants()
		hits := 0
		for round := 0; round < 3; round++ {
			for i, v := range vs {
				l := lengths[(i+round)%len(lengths)]
				hl := max((l+3)&^3, pfloghdr.FreeBSDStructSize)
				pkt := append(append([]byte(nil), v...), make([]byte, hl-len(v))...)
				pkt[0], pkt[1] = byte(l), afs[(i+2*round)%len(afs)]
				if round > 0 { // fields the text does not show
					for _, j := range []int{48, 52, 53, 56, 59, 61, 62, 63, 68, 69, 70, 71} {
						if j < 61 || pkt[61] == 0 { // else the OpenBSD fields stay
							pkt[j] = byte(r.Uint32())
						}
					}
				}
				pkt = append(pkt, udp...)
				if _, e := d.pflog.AppendSlow(nil, (*[pfloghdr.FreeBSDStructSize]byte)(pkt)); l >= pfloghdr.MinLen && e != nil {
					hits++
				}
				fresh.pflog = pflogcache.Cache{}
				// A buffer with room to spare (the cache copies
				// texts in fixed pieces into it), or none.
				buf := append(make([]byte, 0, 1+(i+round)%3*100), 'x')
				got := string(d.AppendRecord(buf, pkt, len(pkt)))
				want := string(fresh.AppendRecord([]byte("x"), pkt, len(pkt)))
				if got != want {
					t.Fatalf("NoSummary %v, round %d, variant %d, length %d:\n got %q\nwant %q", noSum, round, i, l, got, want)
				}
				if gs, ws := *d.Summary(), *fresh.Summary(); !noSum {
					gs.pflogEntry, ws.pflogEntry = nil, nil // each decoder's own
					if gs != ws {
						t.Fatalf("round %d, variant %d, length %d: Summary\n got %+v\nwant %+v", round, i, l, gs, ws)
					}
				}
				if s := d.Summary(); !noSum && s.HasPflog {
					if e := s.PflogCacheEntry(); e != nil && string(e.Text()) != got[1:1+s.PflogText] {
						t.Fatalf("round %d, variant %d: the Summary's entry holds %q, the record %q", round, i, e.Text(), got)
					}
				}
			}
		}
		if hits < len(vs) {
			t.Errorf("NoSummary %v: %d hits in %d lookups", noSum, hits, 3*len(vs))
		}
	}
}

// TestPflogKeyCoversText: headers with the same pflogcache.Key have the
// same text, for random headers and ones that differ from them only in
// the bytes the Key leaves out.
func TestPflogKeyCoversText(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var a, b [pfloghdr.FreeBSDStructSize]byte
	for i := 0; i < 5000; i++ {
		for j := range a {
			a[j] = byte(r.Uint32())
		}
		switch i % 4 {
		case 0:
			binary.BigEndian.PutUint32(a[40:], pfloghdr.NoSubrule)
		case 1:
			a[2], a[3], a[60] = byte(i%14), byte(i%17), byte(i%4)
		}
		b = a
		for _, j := range []int{0, 1, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 61, 62, 63, 68, 69, 70, 71} {
			if r.IntN(2) == 0 {
				b[j] = byte(r.Uint32())
			}
		}
		if pflogcache.KeyOf(&a) != pflogcache.KeyOf(&b) {
			t.Fatalf("header % x: another key for % x", a, b)
		}
		var ha, hb pfloghdr.Header
		pfloghdr.DecodeFixed(a[:], &ha)
		pfloghdr.DecodeFixed(b[:], &hb)
		if ta, tb := appendPflogText(nil, &ha), appendPflogText(nil, &hb); string(ta) != string(tb) {
			t.Fatalf("one key, two texts: %q, %q", ta, tb)
		}
	}
}

// TestPflogCacheRandomHeaders: records of random headers (a pool of them,
// seen again and again with other bytes outside the key, other lengths
// and address families) print as a decoder whose cache is emptied before
// each packet prints them.
func TestPflogCacheRandomHeaders(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	udp := ipv4("203.0.113.5", "198.51.100.7", 17, udpDgram(40000, 1900, []byte("payload")))
	pool := make([][]byte, 150)
	for i := range pool {
		h := make([]byte, pfloghdr.FreeBSDStructSize)
		for j := range h {
			h[j] = byte(r.Uint32())
		}
		if i%2 == 0 { // readable names, known tokens, no anchor
			copy(h[4:20], "vtnet\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
			h[9] = byte('0' + i%10)
			binary.BigEndian.PutUint32(h[40:], pfloghdr.NoSubrule)
			h[2], h[3], h[60] = byte(i%13), byte(i%16), byte(i%3)
		}
		pool[i] = h
	}
	afs := []byte{pfloghdr.AFInet, pfloghdr.AFInet6FreeBSD, pfloghdr.AFInet6OpenBSD, pfloghdr.AFInet6Darwin, 0, 99}
	for _, noSum := range []bool{false, true} {
		d, fresh := New(Options{NoSummary: noSum}), New(Options{NoSummary: noSum})
		for n := 0; n < 3000; n++ {
			h := pool[r.IntN(20+n%len(pool)/4)]
			l := pfloghdr.MinLen + r.IntN(256-pfloghdr.MinLen)
			hl := max((l+3)&^3, pfloghdr.FreeBSDStructSize)
			pkt := append(append([]byte(nil), h...), make([]byte, hl-len(h))...)
			pkt[0], pkt[1] = byte(l), afs[r.IntN(len(afs))]
			for _, j := range []int{48, 50, 53, 55, 56, 59, 61, 62, 63, 68, 70, 71} {
				pkt[j] = byte(r.Uint32())
			}
			pkt = append(pkt, udp...)
			buf := make([]byte, 0, r.IntN(300))
			got := string(d.AppendRecord(buf, pkt, len(pkt)))
			fresh.pflog = pflogcache.Cache{}
			want := string(fresh.AppendRecord(nil, pkt, len(pkt)))
			if got != want {
				t.Fatalf("NoSummary %v, packet %d:\n got %q\nwant %q", noSum, n, got, want)
			}
			if gs, ws := *d.Summary(), *fresh.Summary(); !noSum {
				gs.pflogEntry, ws.pflogEntry = nil, nil
				if gs != ws {
					t.Fatalf("packet %d: Summary\n got %+v\nwant %+v", n, gs, ws)
				}
			}
		}
	}
}
