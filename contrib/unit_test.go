package contrib

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestUnitDoesNotRestartOnUsageError: the systemd unit restarts the
// daemon when it fails, but not on exit status 2, a usage error (a bad
// flag or filter expression in PFASCIILOGD_FLAGS), which would fail the
// same way every RestartSec for ever.
func TestUnitDoesNotRestartOnUsageError(t *testing.T) {
	b, err := os.ReadFile("systemd/pfasciilogd.service")
	if err != nil {
		t.Fatal(err)
	}
	unit := string(b)
	if !regexp.MustCompile(`(?m)^Restart=on-failure$`).MatchString(unit) {
		t.Skip("the unit does not restart on failure: nothing to check")
	}
	m := regexp.MustCompile(`(?m)^RestartPreventExitStatus=(.*)$`).FindStringSubmatch(unit)
	if m == nil || !slices.Contains(strings.Fields(m[1]), "2") {
		t.Errorf("the unit restarts on exit status 2 (usage error): RestartPreventExitStatus=%v", m)
	}
}
