package decoder

import (
	"math/rand/v2"
	"testing"
)

// TestSeqTableIsLRU drives the table and a plain list kept in recency
// order with the same random lookups and inserts, at several capacities,
// and requires the same conversations to be held, with their values,
// after every step: eviction is exactly least recently used.
func TestSeqTableIsLRU(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, capacity := range []int{1, 2, 3, 7, 64, 500} {
		tab := newSeqTable(capacity)
		type ref struct {
			k   seqKey
			seq uint32
		}
		var lru []ref // most recent first
		find := func(k seqKey) int {
			for i, e := range lru {
				if e.k == k {
					return i
				}
			}
			return -1
		}
		universe := capacity*2 + 3
		for step := 0; step < 40*universe+20000; step++ {
			var k seqKey
			n := r.IntN(universe)
			k.w[0] = uint64(n & 0xffff)
			k.w[2] = uint64(byte(n * 7))
			k.w[4] = uint64(n%5) << 16
			if n%3 == 0 {
				k.w[1] = 1 << 8
				k.w[4] |= seqKeyV6
			}
			var e *seqEntry
			i := find(k)
			held := false
			if step%2 == 0 { // lookup, then insert when missing
				e = tab.lookup(&k)
				held = e != nil
			} else { // get, as printTCP does
				e, held = tab.get(&k)
			}
			if held != (i >= 0) {
				t.Fatalf("cap %d step %d: key %d held by table %v, by the reference %v", capacity, step, n, held, i >= 0)
			}
			if !held {
				if e == nil {
					e = tab.insert(&k)
				}
				e.seq = uint32(step)
				lru = append([]ref{{k, uint32(step)}}, lru...)
				if len(lru) > capacity {
					lru = lru[:capacity]
				}
			} else {
				if e.seq != lru[i].seq {
					t.Fatalf("cap %d step %d: key %d value %d, want %d", capacity, step, n, e.seq, lru[i].seq)
				}
				x := lru[i]
				copy(lru[1:i+1], lru[:i])
				lru[0] = x
			}
			if tab.Len() != len(lru) {
				t.Fatalf("cap %d step %d: table holds %d, reference %d", capacity, step, tab.Len(), len(lru))
			}
		}
	}
}

// TestSeqTableFillsWithoutAllocating: the table is allocated whole, so
// filling it and evicting from it allocate nothing.
func TestSeqTableFillsWithoutAllocating(t *testing.T) {
	tab := newSeqTable(DefaultSeqTableSize)
	var k seqKey
	n := uint32(0)
	allocs := testing.AllocsPerRun(3*DefaultSeqTableSize, func() {
		n++
		k.w[0] = uint64(n & 0xffffff)
		tab.get(&k)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per new conversation", allocs)
	}
	if tab.Len() != DefaultSeqTableSize {
		t.Errorf("table holds %d, want %d", tab.Len(), DefaultSeqTableSize)
	}
}

// TestSeqTableGetAgreesWithFind: get hashes and probes on its own; what
// it inserts, find (through hash) finds, IPv4 and IPv6 keys alike, and
// what get finds is what lookup finds.
func TestSeqTableGetAgreesWithFind(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	tab := newSeqTable(100)
	for i := 0; i < 5000; i++ {
		var k seqKey
		k.w[0], k.w[2] = uint64(r.Uint32()%50), uint64(r.Uint32())
		k.w[4] = uint64(r.Uint32())
		if r.IntN(2) == 0 {
			k.w[1], k.w[3] = r.Uint64(), r.Uint64()
			k.w[4] |= seqKeyV6
		}
		e, _ := tab.get(&k)
		s, ok := tab.find(&k)
		if !ok || &tab.entries[uint32(tab.slots[s])-1] != e {
			t.Fatalf("step %d: get's entry for %x not found by find", i, k.w)
		}
		if f, found := tab.get(&k); !found || f != e {
			t.Fatalf("step %d: get did not find %x again", i, k.w)
		}
	}
}
