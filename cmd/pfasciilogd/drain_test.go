package main

import (
	"io"
	"testing"
	"time"
)

func TestDrainTimeoutFlag(t *testing.T) {
	c, err := parseFlags(nil, io.Discard)
	if err != nil || c.drainTimeout != 5*time.Second {
		t.Errorf("default --drain-timeout: %v, %v; want 5s", c.drainTimeout, err)
	}
	if c, err := parseFlags([]string{"--drain-timeout", "250ms"}, io.Discard); err != nil || c.drainTimeout != 250*time.Millisecond {
		t.Errorf("--drain-timeout 250ms: %v, %v", c, err)
	}
	for _, bad := range []string{"0", "-1s", "2h", "soon"} {
		if _, err := parseFlags([]string{"--drain-timeout", bad}, io.Discard); err == nil {
			t.Errorf("--drain-timeout %s accepted", bad)
		}
	}
}
