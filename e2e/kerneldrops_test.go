package e2e

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestDaemonCountsKernelDropsInRecords stops the daemon (SIGSTOP) for 1.5s
// in the middle of a flood of 20,000 packets a second, with the smallest
// capture buffer: the netlink socket overflows and the kernel drops tens
// of thousands of NFLOG records, a whole datagram of them at a time.
// dropped_by_kernel must count those records (from the numbers the kernel
// gives them), to within 5% of the records actually missing from the log
// (the nftables counter minus the lines), not the ENOBUFS errors.
func TestDaemonCountsKernelDropsInRecords(t *testing.T) {
	requireEnv(t)
	t.Parallel()
	const (
		rate    = 20000
		packets = 4 * rate // 4s
		ports   = 10000
	)
	var specs []string
	for left := packets; left > 0; left -= ports {
		specs = append(specs, fmt.Sprintf("udp:%d:%d:16:%d", 32000, 47002, min(left, ports)))
	}
	p := newNetPair(t)
	dir := t.TempDir()
	logPath := filepath.Join(dir, "pf.log")
	d := startDaemon(t, p, filepath.Join(dir, "p.pid"), "-i", "nflog:"+strconv.Itoa(daemonGroup), "--log", logPath, "--buffer-size", "64K")

	_, sender := binaries(t)
	cmd := exec.Command("ip", append([]string{"netns", "exec", p.sendNS, sender, "-src", srcAddr, "-dst", dstAddr, "-rate", strconv.Itoa(rate)}, specs...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	finished := make(chan error, 1)
	var out []byte
	go func() {
		var err error
		out, err = cmd.CombinedOutput()
		finished <- err
	}()
	time.Sleep(time.Second)
	d.signal(syscall.SIGSTOP)
	time.Sleep(1500 * time.Millisecond)
	d.signal(syscall.SIGCONT)
	select {
	case err := <-finished:
		if err != nil {
			t.Fatalf("sender: %v: %s", err, out)
		}
	case <-time.After(time.Minute):
		t.Fatal("the sender did not finish within a minute")
	}
	logged := p.counter(t)
	// Wait until the line count has not moved for 3s (NFLOG flushes its
	// queue within a second).
	last, moved := -1, time.Now()
	poll(30*time.Second, func() (bool, string) {
		n := countLines(logPath)
		if n != last {
			last, moved = n, time.Now()
		}
		return n >= logged || time.Since(moved) > 3*time.Second, ""
	})
	st := d.stop()
	lines := len(readLog(t, logPath))
	missing := int64(logged - lines)
	kdrop := st.num("dropped_by_kernel")
	t.Logf("sender: %s; nftables logged %d, lines %d, missing %d; daemon: packets_received %d, dropped_by_kernel %d, lines_written %d",
		bytes.TrimSpace(out), logged, lines, missing, st.num("packets_received"), kdrop, st.num("lines_written"))
	if st.num("packets_received") != int64(lines) || st.num("lines_written") != int64(lines) {
		t.Errorf("packets_received %d, lines_written %d, but %d lines in the log", st.num("packets_received"), st.num("lines_written"), lines)
	}
	if missing < rate/2 {
		t.Fatalf("only %d of %d records missing: stopping the daemon for 1.5s did not overflow its 64K socket buffer", missing, logged)
	}
	if diff := kdrop - missing; diff*20 > missing || -diff*20 > missing {
		t.Errorf("dropped_by_kernel %d for %d records missing (nftables counted %d, the log holds %d lines): more than 5%% off", kdrop, missing, logged, lines)
	}
}
