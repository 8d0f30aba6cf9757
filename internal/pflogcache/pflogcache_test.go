package pflogcache

import (
	"strings"
	"testing"
)

func TestGetPut(t *testing.T) {
	var c Cache
	k := Key{1, 2, 3, 4, 5, 6, 7}
	if got, _ := c.Get(&k); got != nil {
		t.Fatal("empty cache has an entry")
	}
	c.Put(&k, []byte("abc"), 7)
	if got, f := c.Get(&k); string(got) != "abc" || f != 7 {
		t.Fatalf("got %q, %d", got, f)
	}
	o := k
	o[6]++
	if got, _ := c.Get(&o); got != nil {
		t.Fatal("another key finds the entry")
	}
	long := Key{9}
	c.Put(&long, []byte(strings.Repeat("x", MaxText+1)), 0)
	if got, _ := c.Get(&long); got != nil {
		t.Fatal("a text longer than MaxText was kept")
	}
	// Three keys in one set: the oldest is evicted, never mixed up.
	var same []Key
	for i := uint64(0); len(same) < 3; i++ {
		if n := (Key{i}); n.set() == k.set() && n != k {
			same = append(same, n)
		}
	}
	for i := range same {
		c.Put(&same[i], []byte{byte('a' + i)}, 0)
	}
	if got, _ := c.Get(&k); got != nil {
		t.Error("the oldest of a set's four keys was kept")
	}
	if got, _ := c.Get(&same[0]); got != nil {
		t.Error("the two oldest of a set's four keys were kept")
	}
	for i := 1; i < 3; i++ {
		if got, _ := c.Get(&same[i]); string(got) != string(rune('a'+i)) {
			t.Errorf("key %d: got %q", i, got)
		}
	}
}

// TestIdleWhenHeadersDoNotRepeat: a window of lookups that nearly all
// miss makes the cache idle for idleSpan headers; repeating headers keep
// it busy.
func TestIdleWhenHeadersDoNotRepeat(t *testing.T) {
	var c Cache
	for i := uint64(0); i < window; i++ {
		if c.Idle() {
			t.Fatalf("idle after %d lookups", i)
		}
		k := Key{i}
		c.Get(&k)
		c.Put(&k, []byte("x"), 0)
	}
	for i := 0; i < idleSpan; i++ {
		if !c.Idle() {
			t.Fatalf("busy again after %d idle headers", i)
		}
	}
	if c.Idle() {
		t.Fatal("still idle after idleSpan headers")
	}
	for i := uint64(0); i < 10*window; i++ {
		if c.Idle() {
			t.Fatalf("idle after %d lookups of repeating headers", i)
		}
		k := Key{i % 5}
		if got, _ := c.Get(&k); got == nil {
			c.Put(&k, []byte("x"), 0)
		}
	}
}
