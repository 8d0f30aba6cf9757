package pflogcache

import (
	"strings"
	"testing"
)

func TestGetPut(t *testing.T) {
	var c Cache
	k := Key{1, 2, 3, 4, 5, 6, 7}
	if c.Get(&k) != nil {
		t.Fatal("empty cache has an entry")
	}
	c.Put(&k, []byte("abc"))
	if got := string(c.Get(&k)); got != "abc" {
		t.Fatalf("got %q", got)
	}
	o := k
	o[6]++
	if c.Get(&o) != nil {
		t.Fatal("another key finds the entry")
	}
	long := Key{9}
	c.Put(&long, []byte(strings.Repeat("x", MaxText+1)))
	if c.Get(&long) != nil {
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
		c.Put(&same[i], []byte{byte('a' + i)})
	}
	if c.Get(&k) != nil || c.Get(&same[0]) != nil {
		t.Error("the two oldest of a set's four keys were kept")
	}
	for i := 1; i < 3; i++ {
		if got := string(c.Get(&same[i])); got != string(rune('a'+i)) {
			t.Errorf("key %d: got %q", i, got)
		}
	}
}
