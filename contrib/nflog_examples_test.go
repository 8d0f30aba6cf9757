package contrib

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestNFLOGExamplesDrop: every example rule that logs to an NFLOG group
// (nft add/insert rule ... log group N, iptables -j NFLOG) also drops the
// packet. NFLOG lines name no action, so the nflog jail counts every line
// as a failure: a rule that logs accepted traffic (new SSH connections,
// say) would have fail2ban ban the host's own users.
func TestNFLOGExamplesDrop(t *testing.T) {
	files := []string{
		"../README.md",
		"pfasciilogd.8",
		"systemd/pfasciilogd.service",
		"systemd/pfasciilogd.default",
		"fail2ban/filter.d/pfasciilogd-nflog.conf",
		"fail2ban/jail.d/pfasciilogd-nflog.local",
		"crowdsec/acquis.d/pfasciilogd.yaml",
	}
	nftRule := regexp.MustCompile(`nft (?:add|insert) rule .*\blog group \d+`)
	nftDrop := regexp.MustCompile(`\blog group \d+ drop\b`)
	iptRule := regexp.MustCompile(`iptables -[AI] .*-j NFLOG`)
	rules := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(b), "\n") {
			switch {
			case nftRule.MatchString(l):
				rules++
				if !nftDrop.MatchString(l) {
					t.Errorf("%s:%d: the example logs to NFLOG without dropping: %s", f, i+1, strings.TrimSpace(l))
				}
			case iptRule.MatchString(l):
				rules++
				if !strings.Contains(l, "-j DROP") {
					t.Errorf("%s:%d: the iptables example logs to NFLOG without dropping: %s", f, i+1, strings.TrimSpace(l))
				}
			}
		}
	}
	if rules < 3 {
		t.Errorf("found %d example rules: the test no longer reads them", rules)
	}
}
