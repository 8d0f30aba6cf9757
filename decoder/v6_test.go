package decoder

import (
	"net/netip"
	"testing"
)

func TestV6Fmt(t *testing.T) {
	for _, s := range []string{"::ffff:10.0.0.1", "::10.0.0.2", "::1", "::", "2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1", "64:ff9b::a00:1", "fe80::", "2001:0:0:1::", "1:0:0:2::3", "::ffff:0:a00:1", "::1:0:0:0", "::2", "::ffff:0.0.0.1", "::0.1.0.0", "::100"} {
		a := netip.MustParseAddr(s).As16()
		got := string(appendIPv6(nil, a[:]))
		if got != s {
			t.Errorf("%s -> %s", s, got)
		}
	}
}
