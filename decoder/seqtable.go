package decoder

// seqTable is tcpdump's table of TCP conversations for relative sequence
// numbers (print-tcp.c's tcp_seq_hash), bounded: when it is full the least
// recently used conversation is forgotten, so output differs from tcpdump's
// only for a conversation that was evicted and then seen again.
//
// Entries live in one preallocated slice linked into an LRU list; the map
// from key to slot grows up to the capacity and is then reused, so the
// steady state allocates nothing.
type seqTable struct {
	index   map[seqKey]int32
	entries []seqEntry
	head    int32 // most recently used, -1 when empty
	tail    int32 // least recently used
	cap     int
}

// seqKey identifies a conversation: the two endpoints in tcpdump's
// canonical order and their ports (the lower side's port in the top half).
type seqKey struct {
	addr [32]byte // src then dst; IPv4 uses the first 4 bytes of each half
	port uint32
	v6   bool
}

type seqEntry struct {
	key        seqKey
	seq, ack   uint32 // tcpdump's th->seq and th->ack
	prev, next int32
}

func newSeqTable(capacity int) *seqTable {
	return &seqTable{
		index: make(map[seqKey]int32, min(capacity, 4096)),
		head:  -1,
		tail:  -1,
		cap:   capacity,
	}
}

// Len returns the number of conversations held.
func (t *seqTable) Len() int { return len(t.index) }

func (t *seqTable) unlink(i int32) {
	e := &t.entries[i]
	if e.prev >= 0 {
		t.entries[e.prev].next = e.next
	} else {
		t.head = e.next
	}
	if e.next >= 0 {
		t.entries[e.next].prev = e.prev
	} else {
		t.tail = e.prev
	}
}

func (t *seqTable) pushFront(i int32) {
	e := &t.entries[i]
	e.prev = -1
	e.next = t.head
	if t.head >= 0 {
		t.entries[t.head].prev = i
	}
	t.head = i
	if t.tail < 0 {
		t.tail = i
	}
}

// lookup returns the entry for k, marking it most recently used, or nil.
func (t *seqTable) lookup(k *seqKey) *seqEntry {
	i, ok := t.index[*k]
	if !ok {
		return nil
	}
	if t.head != i {
		t.unlink(i)
		t.pushFront(i)
	}
	return &t.entries[i]
}

// insert adds an entry for k (which must not be present), evicting the
// least recently used one when the table is full.
func (t *seqTable) insert(k *seqKey) *seqEntry {
	var i int32
	if len(t.entries) < t.cap {
		t.entries = append(t.entries, seqEntry{})
		i = int32(len(t.entries) - 1)
	} else {
		i = t.tail
		t.unlink(i)
		delete(t.index, t.entries[i].key)
	}
	t.entries[i].key = *k
	t.index[*k] = i
	t.pushFront(i)
	return &t.entries[i]
}
