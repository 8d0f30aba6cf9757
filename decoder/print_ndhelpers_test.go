package decoder

import (
	"encoding/hex"
	"testing"
)

// ndCase is one payload of the printers helper's tests: the captured bytes
// (hex), the length tcpdump hands the printer, whether the packet is IPv6,
// and the exact text tcpdump printed for it.
type ndCase struct {
	payload string
	length  int
	v6      bool
	want    string
}

func runNDCases(t *testing.T, cases []ndCase, f func(d *Decoder, b, data []byte, length int, v6 bool) []byte) {
	t.Helper()
	d := New(Options{})
	for i, tc := range cases {
		p, err := hex.DecodeString(tc.payload)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		got := f(d, nil, p, tc.length, tc.v6)
		if string(got) != tc.want {
			t.Errorf("case %d (%s, length %d):\n got %q\nwant %q", i, tc.payload, tc.length, got, tc.want)
		}
	}
}

func TestNDRelts(t *testing.T) {
	for _, tc := range []struct {
		secs uint32
		want string
	}{{0, "0s"}, {515, "8m35s"}, {3600, "1h"}, {31536000 + 604800 + 86400 + 3600 + 61, "1y1w1d1h1m1s"}} {
		if got := string(ndAppendRelts(nil, tc.secs)); got != tc.want {
			t.Errorf("%d: got %q want %q", tc.secs, got, tc.want)
		}
	}
}
