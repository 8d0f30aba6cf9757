package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDaemonSustainedRate is the live half of the performance issue: a
// flood of blocked packets at a steady rate (50,000 a second for 5 seconds
// by default) through nftables' NFLOG into the daemon, with the log
// rotated under it a few times. No line may be lost inside the daemon:
// every packet it received is a whole line in the files. Packets the
// kernel could not queue to the netlink socket are reported, from the
// nftables counter and the daemon's dropped_by_kernel, not failed.
//
// The test asserts no speed: it logs the rate the sender achieved, the
// daemon's CPU time and the counts; `make bench-live` prints them.
// PFASCIILOGD_E2E_RATE and PFASCIILOGD_E2E_SECONDS change the load. With
// PFASCIILOGD_E2E_TCPDUMP=1 the old wrapper's tcpdump -l runs beside the
// daemon on the same packets (a second NFLOG group), for comparison.
func TestDaemonSustainedRate(t *testing.T) {
	requireEnv(t)
	rate, seconds := envInt(t, "PFASCIILOGD_E2E_RATE", 50000), envInt(t, "PFASCIILOGD_E2E_SECONDS", 5)
	flood(t, floodRun{rate: rate, seconds: seconds, packets: rate * seconds, rotations: 5,
		tcpdump: os.Getenv("PFASCIILOGD_E2E_TCPDUMP") != ""})
}

// TestDaemonOverloadReportsKernelDrops floods the daemon as fast as the
// sender can, with the smallest capture buffer the daemon accepts, so
// that the netlink socket is likely to overflow: whatever the kernel
// drops must show in dropped_by_kernel, and every packet the daemon
// received must still be a whole line.
func TestDaemonOverloadReportsKernelDrops(t *testing.T) {
	requireEnv(t)
	st := flood(t, floodRun{packets: 200000, daemonArgs: []string{"--buffer-size", "64K"}})
	if st.kernelLost > 0 && st.kernelDrops == 0 {
		t.Errorf("%d packets logged by nftables never reached the daemon, but dropped_by_kernel is 0", st.kernelLost)
	}
	if st.kernelLost == 0 {
		t.Logf("no packet was lost in the kernel this time: the daemon kept up with the sender")
	}
}

// floodRun is one flood of UDP packets from 12,000 source ports no
// printer claims.
type floodRun struct {
	rate, seconds int // packets a second (0: as fast as possible), and the seconds that takes
	packets       int
	rotations     int // renames and SIGHUPs while the flood lasts
	daemonArgs    []string
	tcpdump       bool // run tcpdump -l beside the daemon, for comparison
}

type floodResult struct {
	kernelLost  int64 // packets nftables logged that the daemon did not receive
	kernelDrops int64 // dropped_by_kernel
}

// flood runs the daemon under fr, checks every line and the statistics
// (checkStats: no line lost inside the daemon) and logs the figures.
func flood(t *testing.T, fr floodRun) floodResult {
	t.Helper()
	const (
		firstPort = 31000 // 12,000 source ports no UDP printer claims
		ports     = 12000
		dport     = 47001
		size      = 16
	)
	total, rate, rotations := fr.packets, fr.rate, fr.rotations
	seconds := max(fr.seconds, 1)
	var specs []string
	for left := total; left > 0; left -= ports {
		specs = append(specs, fmt.Sprintf("udp:%d:%d:%d:%d", firstPort, dport, size, min(left, ports)))
	}

	p := newNetPair(t)
	dir := t.TempDir()
	logPath := filepath.Join(dir, "pf.log")
	d := startDaemon(t, p, filepath.Join(dir, "p.pid"), append([]string{"-i", "nflog:" + strconv.Itoa(daemonGroup), "--log", logPath}, fr.daemonArgs...)...)
	pid := d.cmd.Process.Pid

	var td *rateTcpdump
	if fr.tcpdump {
		td = startRateTcpdump(t, p, filepath.Join(dir, "tcpdump.log"))
	}

	_, sender := binaries(t)
	cpu0 := cpuTime(t, pid)
	args := append([]string{"netns", "exec", p.sendNS, sender, "-src", srcAddr, "-dst", dstAddr, "-rate", strconv.Itoa(rate)}, specs...)
	began := time.Now()
	cmd := exec.Command("ip", args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	type result struct {
		out []byte
		err error
	}
	finished := make(chan result, 1)
	go func() {
		out, err := cmd.CombinedOutput()
		finished <- result{out, err}
	}()

	// Rotate while the flood lasts, about once a second.
	files := make([]string, 0, rotations+1)
	var res *result
	for k := 1; k <= rotations && res == nil; k++ {
		select {
		case r := <-finished:
			res = &r
			continue
		case <-time.After(time.Duration(seconds) * time.Second / time.Duration(rotations+1)):
		}
		rotated := fmt.Sprintf("%s.%d", logPath, k)
		if err := os.Rename(logPath, rotated); err != nil {
			t.Fatalf("rotation %d: %v", k, err)
		}
		files = append(files, rotated)
		d.signal(syscall.SIGHUP)
	}
	files = append(files, logPath)
	if res == nil {
		select {
		case r := <-finished:
			res = &r
		case <-time.After(time.Duration(seconds)*time.Second + 60*time.Second):
			t.Fatalf("the sender did not finish within %ds", seconds+60)
		}
	}
	sendTime := time.Since(began)
	if res.err != nil {
		t.Fatalf("sender: %v: %s", res.err, res.out)
	}
	sent := strings.TrimSpace(string(res.out))
	if rate == 0 {
		sent = fmt.Sprintf("%s in %.3fs", sent, time.Since(began).Seconds())
	}
	asked := "as fast as it can"
	if rate > 0 {
		asked = fmt.Sprintf("%d packets/s for %ds", rate, seconds)
	}
	t.Logf("sender: %s (asked for %s)", sent, asked)

	logged := p.counter(t)
	// Wait until every logged packet is a line, or the count has not moved
	// for 3s (NFLOG flushes its queue within 1s).
	last, moved := -1, time.Now()
	poll(60*time.Second, func() (bool, string) {
		n := countLines(files...)
		if n != last {
			last, moved = n, time.Now()
		}
		return n >= logged || time.Since(moved) > 3*time.Second, ""
	})
	cpu := cpuTime(t, pid) - cpu0
	st := d.stop()
	if td != nil {
		td.report(t, logged, sendTime)
	}

	re := regexp.MustCompile(`^` + regexp.QuoteMeta(srcAddr+".") + `(\d+)` +
		regexp.QuoteMeta(" > "+dstAddr+"."+strconv.Itoa(dport)+": UDP, length "+strconv.Itoa(size)) + `$`)
	lines, bad := 0, 0
	perPort := make([]int, ports)
	for _, f := range files {
		for i, l := range readLog(t, f) {
			lines++
			m := lineRE.FindStringSubmatch(l)
			var pm []string
			if m != nil {
				pm = re.FindStringSubmatch(m[2])
			}
			port := -1
			if pm != nil {
				port, _ = strconv.Atoi(pm[1])
			}
			if port < firstPort || port >= firstPort+ports {
				if bad++; bad <= 10 {
					t.Errorf("%s:%d: not a whole line of the flood: %q", f, i+1, l)
				}
				continue
			}
			perPort[port-firstPort]++
		}
	}
	if bad > 10 {
		t.Errorf("... %d bad lines in all", bad)
	}
	// Each source port was sent total/ports times or once more: a line
	// more than that is a duplicate.
	for i, n := range perPort {
		want := total / ports
		if i < total%ports {
			want++
		}
		if n > want {
			t.Errorf("source port %d: %d lines for %d packets sent", firstPort+i, n, want)
			break
		}
	}
	checkStats(t, st, lines, logged)
	if r := st.num("reopens"); r != int64(len(files)-1) {
		t.Errorf("reopens %d, want %d", r, len(files)-1)
	}
	t.Logf("LIVE RATE: asked %s; %s; nftables logged %d; daemon received %d, dropped_by_kernel %d, lines %d in %d files, lost inside the daemon %d, lost before it %d; daemon CPU %.3fs (%.3f µs a packet received; %.1f%% of one core over the %.1fs flood)",
		asked, sent, logged, st.num("packets_received"), st.num("dropped_by_kernel"), lines, len(files),
		st.num("packets_received")-int64(lines), int64(logged)-st.num("packets_received"),
		cpu.Seconds(), float64(cpu.Nanoseconds())/1e3/float64(max(st.num("packets_received"), 1)),
		100*cpu.Seconds()/sendTime.Seconds(), sendTime.Seconds())
	if pr := d.log.problems(); len(pr) > 0 {
		t.Errorf("the daemon logged warnings or errors:\n%s", strings.Join(pr, "\n"))
	}
	return floodResult{kernelLost: int64(logged) - st.num("packets_received"), kernelDrops: st.num("dropped_by_kernel")}
}

// envInt is the positive integer in the environment variable name, or def.
func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive integer", name, v)
	}
	return n
}

// cpuTime is the CPU time the process has used so far: the sum of its
// threads' run time in nanoseconds (the first field of
// /proc/PID/task/TID/schedstat; Go does not end its threads), or, where
// the kernel keeps no schedstat, user plus system time from
// /proc/PID/stat in clock ticks of 1/100 s (the kernel's USER_HZ), too
// coarse for a few seconds at 2% of a core.
func cpuTime(t *testing.T, pid int) time.Duration {
	t.Helper()
	if d, ok := schedTime(pid); ok {
		return d
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatalf("reading the daemon's CPU time: %v", err)
	}
	// The command name, in parentheses, may hold spaces: count from after it.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		t.Fatalf("/proc/%d/stat: too few fields: %q", pid, s)
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("/proc/%d/stat: bad utime/stime: %q", pid, s)
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// schedTime sums the run time of pid's threads from their schedstat.
func schedTime(pid int) (time.Duration, bool) {
	dir := fmt.Sprintf("/proc/%d/task", pid)
	tasks, err := os.ReadDir(dir)
	if err != nil || len(tasks) == 0 {
		return 0, false
	}
	var sum time.Duration
	for _, e := range tasks {
		b, err := os.ReadFile(dir + "/" + e.Name() + "/schedstat")
		if err != nil {
			return 0, false
		}
		f := strings.Fields(string(b))
		if len(f) < 1 {
			return 0, false
		}
		ns, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, false
		}
		sum += time.Duration(ns)
	}
	return sum, true
}

// rateTcpdump is the old wrapper's command, for comparison: tcpdump
// -n -e -t -l on the second NFLOG group, its output in a file.
type rateTcpdump struct {
	cmd    *exec.Cmd
	out    string
	stderr strings.Builder
	cpu0   time.Duration
	done   chan error
}

func startRateTcpdump(t *testing.T, p *netPair, out string) *rateTcpdump {
	t.Helper()
	path, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Log("PFASCIILOGD_E2E_TCPDUMP: tcpdump not installed, no comparison")
		return nil
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	td := &rateTcpdump{out: out, done: make(chan error, 1)}
	td.cmd = exec.Command("ip", "netns", "exec", p.recvNS, path, "-n", "-e", "-t", "-l", "-Z", "root", "-i", "nflog:"+strconv.Itoa(oracleGroup))
	td.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	td.cmd.Stdout = f
	td.cmd.Stderr = &td.stderr
	if err := td.cmd.Start(); err != nil {
		t.Fatalf("starting tcpdump: %v", err)
	}
	go func() { td.done <- td.cmd.Wait() }()
	t.Cleanup(func() { td.cmd.Process.Kill() })
	// It says "listening on" when the netlink socket is bound.
	if !poll(15*time.Second, func() (bool, string) { return strings.Contains(td.stderr.String(), "listening on"), "" }) {
		t.Fatalf("tcpdump did not start listening within 15s")
	}
	td.cpu0 = cpuTime(t, td.cmd.Process.Pid)
	return td
}

func (td *rateTcpdump) report(t *testing.T, logged int, sendTime time.Duration) {
	t.Helper()
	// The kernel holds NFLOG records back for up to a second: wait for
	// tcpdump's lines as for the daemon's.
	last, moved := -1, time.Now()
	poll(30*time.Second, func() (bool, string) {
		n := countLines(td.out)
		if n != last {
			last, moved = n, time.Now()
		}
		return n >= logged || time.Since(moved) > 3*time.Second, ""
	})
	cpu := cpuTime(t, td.cmd.Process.Pid) - td.cpu0
	td.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-td.done:
	case <-time.After(10 * time.Second):
		t.Fatalf("tcpdump did not exit within 10s of SIGINT")
	}
	// tcpdump ends its output with an empty line when interrupted.
	lines := 0
	if b, err := os.ReadFile(td.out); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" {
				lines++
			}
		}
	}
	kdrop := "?"
	if m := regexp.MustCompile(`(\d+) packets? dropped by kernel`).FindStringSubmatch(td.stderr.String()); m != nil {
		kdrop = m[1]
	}
	t.Logf("TCPDUMP -l beside it: nftables logged %d; tcpdump wrote %d lines, dropped by kernel %s; CPU %.2fs (%.2f µs a line; %.1f%% of one core over the %.1fs flood)",
		logged, lines, kdrop, cpu.Seconds(), float64(cpu.Microseconds())/float64(max(lines, 1)),
		100*cpu.Seconds()/sendTime.Seconds(), sendTime.Seconds())
}
