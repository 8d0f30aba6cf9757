package pcapgen

import "testing"

// TestRulesBoundDistinctHeaders: with Config.Rules every pflog header but
// its address family and pid is one of that many.
func TestRulesBoundDistinctHeaders(t *testing.T) {
	for _, rules := range []int{0, 1, 7} {
		g := New(Config{Seed: 3, Flavor: FlavorFreeBSD, Mix: MixScan, Hosts: 50, Rules: rules})
		seen := map[string]bool{}
		for i := 0; i < 5000; i++ {
			d := g.Next().Data
			hl := (int(d[0]) + 3) &^ 3
			if rules == 0 && d[0] != 69 {
				continue // an odd length byte, drawn afresh
			}
			if len(d) < hl || hl < 52 {
				t.Fatalf("rules %d, record %d: header of %d bytes in %d", rules, i, hl, len(d))
			}
			h := append([]byte(nil), d[:hl]...)
			h[1] = 0
			copy(h[48:52], "pid!")
			seen[string(h)] = true
		}
		switch {
		case rules == 0 && len(seen) < 1000:
			t.Errorf("rules 0: only %d distinct headers in 5000 records", len(seen))
		case rules > 0 && len(seen) != rules:
			t.Errorf("rules %d: %d distinct headers", rules, len(seen))
		}
	}
}
