package decoder

import (
	"hash/maphash"
	"math/bits"
)

// seqTable is tcpdump's table of TCP conversations for relative sequence
// numbers (print-tcp.c's tcp_seq_hash), bounded: when it is full the least
// recently used conversation is forgotten, so output differs from tcpdump's
// only for a conversation that was evicted and then seen again.
//
// Everything is allocated by newSeqTable, so filling the table allocates
// nothing, and a packet touches few cache lines:
//   - slots is an open-addressing (linear probing) index at most half full:
//     each 8-byte slot holds the low 32 bits of the key's hash and the
//     entry's number + 1 (0: empty), so a probe rarely reads an entry
//     whose key differs;
//   - entries are the conversations, one cache line each;
//   - recency is a FIFO of (entry, stamp) uses instead of a linked list:
//     a use appends to it and sets the entry's stamp, so the least recently
//     used entry is the first one in the FIFO whose record is its latest
//     use (older records of it are skipped). The FIFO holds 3 records per
//     entry and is compacted to the live ones when full, so a use costs
//     O(1) amortized, written sequentially. Eviction is exactly LRU.
type seqTable struct {
	slots   []uint64 // hash<<32 | entry+1; len is a power of two
	mask    uint64
	entries []seqEntry // len is the number held; cap the capacity
	uses    []seqUse   // the FIFO: uses[head:] are pending
	head    int
	stamp   uint64 // the stamp of the latest use
	seed    uint64 // random, for the hash
}

// seqKey identifies a conversation: the two endpoints in tcpdump's
// canonical order and their ports, as words compared at once. w[0:2] is
// the lower side's address and w[2:4] the other's (IPv4 in the low 32
// bits of w[0] and w[2], little-endian); w[4] holds the ports, the lower
// side's in bits 16-31, and 1 in bit 32 for IPv6.
type seqKey struct {
	w [5]uint64
}

// seqKeyV6 is the IPv6 bit of seqKey.w[4].
const seqKeyV6 = 1 << 32

// eq reports whether k and o are the same key.
func (k *seqKey) eq(o *seqKey) bool {
	return (k.w[0]^o.w[0])|(k.w[1]^o.w[1])|(k.w[2]^o.w[2])|(k.w[3]^o.w[3])|(k.w[4]^o.w[4]) == 0
}

type seqEntry struct {
	key      seqKey
	seq, ack uint32 // tcpdump's th->seq and th->ack
	stamp    uint64 // the stamp of its latest use
	_        [8]byte
}

type seqUse struct {
	entry int64
	stamp uint64
}

func newSeqTable(capacity int) *seqTable {
	n := uint64(1) << bits.Len64(uint64(2*capacity-1)) // >= 2 x capacity
	return &seqTable{
		slots:   make([]uint64, n),
		mask:    n - 1,
		entries: make([]seqEntry, 0, capacity),
		uses:    make([]seqUse, 0, 3*capacity),
		seed:    maphash.Comparable(maphash.MakeSeed(), 0),
	}
}

// Len returns the number of conversations held.
func (t *seqTable) Len() int { return len(t.entries) }

// hash mixes the key's words with a per-table random seed (so that
// crafted addresses cannot aim at one probe chain).
func (t *seqTable) hash(k *seqKey) uint64 {
	h := t.seed ^ k.w[4]
	h = mix(h, k.w[0])
	h = mix(h, k.w[2])
	if k.w[4]&seqKeyV6 != 0 {
		h = mix(h, k.w[1])
		h = mix(h, k.w[3])
	}
	return h ^ h>>29
}

func mix(h, w uint64) uint64 {
	hi, lo := bits.Mul64(h^w, 0x9e3779b97f4a7c15)
	return hi ^ lo
}

// find returns the slot that holds k, or the empty slot where it would
// go, and whether k is there.
func (t *seqTable) find(k *seqKey) (uint64, bool) {
	return t.findHash(k, uint32(t.hash(k)))
}

// findHash is find for a key whose hash is h.
func (t *seqTable) findHash(k *seqKey, h uint32) (uint64, bool) {
	for i := uint64(h) & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return i, false
		}
		if uint32(s>>32) == h && t.entries[uint32(s)-1].key.eq(k) {
			return i, true
		}
	}
}

// use records a use of entry i.
func (t *seqTable) use(i int32) {
	if len(t.uses) == cap(t.uses) {
		t.compact()
	}
	t.stamp++
	t.entries[i].stamp = t.stamp
	t.uses = append(t.uses, seqUse{int64(i), t.stamp})
}

// compact drops the records of the FIFO that are not their entry's
// latest use, keeping the order: at most one per entry remains.
func (t *seqTable) compact() {
	n := 0
	for _, u := range t.uses[t.head:] {
		if t.entries[u.entry].stamp == u.stamp {
			t.uses[n] = u
			n++
		}
	}
	t.uses = t.uses[:n]
	t.head = 0
}

// lookup returns the entry for k, marking it most recently used, or nil.
func (t *seqTable) lookup(k *seqKey) *seqEntry {
	s, ok := t.find(k)
	if !ok {
		return nil
	}
	return t.hit(s)
}

// hit returns the entry of slot s, marking it most recently used.
func (t *seqTable) hit(s uint64) *seqEntry {
	i := int32(uint32(t.slots[s]) - 1)
	if t.entries[i].stamp != t.stamp { // not already the latest use
		t.use(i)
	}
	return &t.entries[i]
}

// get is lookup, and insert when k is not there, with one hash and one
// probe unless an eviction moved the slots; found says which. The hash,
// the probe and the hit are written out here, for the common case.
func (t *seqTable) get(k *seqKey) (e *seqEntry, found bool) {
	x := t.seed ^ k.w[4]
	x = mix(x, k.w[0])
	x = mix(x, k.w[2])
	if k.w[4]&seqKeyV6 != 0 {
		x = mix(x, k.w[1])
		x = mix(x, k.w[3])
	}
	h := uint32(x ^ x>>29) // t.hash(k)
	slots, mask := t.slots, t.mask
	s := uint64(h) & mask
	for ; ; s = (s + 1) & mask {
		v := slots[s]
		if v == 0 {
			break
		}
		if uint32(v>>32) == h {
			i := uint32(v) - 1
			if e = &t.entries[i]; e.key.eq(k) {
				if e.stamp != t.stamp { // not already the latest use
					t.use(int32(i))
				}
				return e, true
			}
		}
	}
	var i int32
	if n := len(t.entries); n < cap(t.entries) {
		t.entries = t.entries[:n+1] // its key, seq and ack are set below, its stamp by use
		i = int32(n)
	} else {
		i = t.evict()
		s, _ = t.findHash(k, h)
	}
	e = &t.entries[i]
	e.key = *k
	e.seq, e.ack = 0, 0
	t.slots[s] = uint64(h)<<32 | uint64(i+1)
	t.use(i)
	return e, false
}

// insert adds an entry for k (which must not be present), evicting the
// least recently used one when the table is full.
func (t *seqTable) insert(k *seqKey) *seqEntry {
	e, _ := t.get(k)
	return e
}

// evict removes the least recently used entry from the index and returns
// its number.
func (t *seqTable) evict() int32 {
	for {
		u := t.uses[t.head]
		t.head++
		if t.entries[u.entry].stamp == u.stamp {
			t.remove(int32(u.entry))
			return int32(u.entry)
		}
	}
}

// remove deletes entry i's slot, shifting the probe chain behind it back
// (deletion without tombstones).
func (t *seqTable) remove(i int32) {
	want := uint64(i + 1)
	s := uint64(uint32(t.hash(&t.entries[i].key))) & t.mask
	for uint32(t.slots[s]) != uint32(want) {
		s = (s + 1) & t.mask
	}
	for j := (s + 1) & t.mask; t.slots[j] != 0; j = (j + 1) & t.mask {
		home := (t.slots[j] >> 32) & t.mask
		// Move j's slot into the hole at s unless its home lies
		// cyclically in (s, j].
		if (j-home)&t.mask >= (j-s)&t.mask {
			t.slots[s] = t.slots[j]
			s = j
		}
	}
	t.slots[s] = 0
}
