package decoder

import (
	"os"
	"testing"
	"time"
)

// TestMain runs the tests in UTC: tcpdump prints the dates inside packets
// (AFS RX's DATEOUT) in local time, and the expected texts were made with
// TZ=UTC (testdata/golden.sh sets it for tcpdump).
func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}
