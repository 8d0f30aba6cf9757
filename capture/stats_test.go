package capture

import "testing"

// TestAccumulateWraps: the kernel's 32-bit packet counters wrap; the
// packets counted across the wrap are added, not lost.
func TestAccumulateWraps(t *testing.T) {
	var c Counters
	var base Stats
	accumulate(&c, &base, Stats{Received: 4294967000, Dropped: 4294967290})
	accumulate(&c, &base, Stats{Received: 100, Dropped: 10}) // both wrapped
	if got := c.Received.Load(); got != 4294967000+396 {
		t.Errorf("received %d, want %d", got, 4294967000+396)
	}
	if got := c.Dropped.Load(); got != 4294967290+16 {
		t.Errorf("dropped %d, want %d", got, 4294967290+16)
	}
	accumulate(&c, &base, Stats{Received: 150, Dropped: 10})
	if got := c.Received.Load(); got != 4294967000+446 {
		t.Errorf("received %d after the wrap, want %d", got, 4294967000+446)
	}
}
