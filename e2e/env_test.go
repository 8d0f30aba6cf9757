package e2e

// The environment of the end-to-end tests: root, two network namespaces
// joined by a veth pair, an nftables ruleset that logs to NFLOG, the
// daemon and the packet sender built from this module, and the daemon run
// as a process whose JSON messages are parsed.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Addresses inside the test's namespaces only (198.18.0.0/15 is the
// benchmarking range of RFC 2544): the traffic never leaves them.
const (
	srcAddr   = "198.18.7.1"
	dstAddr   = "198.18.7.2"
	prefixLen = "24"

	daemonGroup = 7 // NFLOG group the daemon reads
	oracleGroup = 8 // NFLOG group tcpdump reads, when installed

	nftTable   = "pfe2e"
	nftCounter = "logged"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// requireEnv skips the test when it cannot run here, saying why.
func requireEnv(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped in -short mode")
	}
	if runtime.GOOS != "linux" {
		t.Skipf("end-to-end test needs Linux network namespaces and NFLOG, not %s", runtime.GOOS)
	}
	if os.Geteuid() != 0 {
		t.Skip("end-to-end test needs root (network namespaces, nftables, raw sockets): not root")
	}
	envOnce.Do(probeEnv)
	if envSkip != "" {
		t.Skip(envSkip)
	}
}

var (
	envOnce sync.Once
	envSkip string // why the environment cannot run the tests, "" if it can
)

func probeEnv() {
	for _, tool := range []struct{ name, pkg string }{{"ip", "iproute2"}, {"nft", "nftables"}} {
		if _, err := exec.LookPath(tool.name); err != nil {
			envSkip = fmt.Sprintf("%s not installed (Debian package %s)", tool.name, tool.pkg)
			return
		}
	}
	removeStaleNamespaces()
	ns := fmt.Sprintf("pfae2e-%d-probe", os.Getpid())
	if out, err := exec.Command("ip", "netns", "add", ns).CombinedOutput(); err != nil {
		envSkip = fmt.Sprintf("ip netns unavailable: ip netns add: %v: %s", err, bytes.TrimSpace(out))
		return
	}
	defer exec.Command("ip", "netns", "del", ns).Run()
	rules := "table inet probe {\n chain c {\n type filter hook input priority 0;\n counter log group 9 drop\n }\n}\n"
	cmd := exec.Command("ip", "netns", "exec", ns, "nft", "-f", "-")
	cmd.Stdin = strings.NewReader(rules)
	if out, err := cmd.CombinedOutput(); err != nil {
		envSkip = fmt.Sprintf("nftables with NFLOG unavailable in a network namespace: %v: %s", err, bytes.TrimSpace(out))
	}
}

// removeStaleNamespaces deletes the namespaces of earlier runs that were
// killed before their cleanup: pfae2e-PID-... where PID is gone.
func removeStaleNamespaces() {
	out, err := exec.Command("ip", "netns", "list").Output()
	if err != nil {
		return
	}
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		parts := strings.Split(f[0], "-")
		if len(parts) < 3 || parts[0] != "pfae2e" {
			continue
		}
		pid, err := strconv.Atoi(parts[1])
		if err != nil || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			exec.Command("ip", "netns", "del", f[0]).Run()
		}
	}
}

// The binaries are built once per test run.
var (
	binOnce   sync.Once
	binDir    string
	binDaemon string
	binSender string
	binErr    error
)

// binaries returns the paths of pfasciilogd and of the sender, built from
// this module (or $PFASCIILOGD_E2E_BIN for the daemon).
func binaries(t *testing.T) (daemon, sender string) {
	t.Helper()
	binOnce.Do(func() {
		binErr = build()
	})
	if binErr != nil {
		t.Fatalf("building the binaries: %v", binErr)
	}
	return binDaemon, binSender
}

func build() error {
	root, err := filepath.Abs("..")
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return fmt.Errorf("module root not found above %s: %w", root, err)
	}
	// The daemon drops privileges in one of the tests: the directory must
	// be reachable by anyone.
	if binDir, err = os.MkdirTemp("", "pfasciilogd-e2e-bin-"); err != nil {
		return err
	}
	if err := os.Chmod(binDir, 0o755); err != nil {
		return err
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		if goTool, err = exec.LookPath("go"); err != nil {
			return errors.New("the go command is neither in GOROOT/bin nor in PATH")
		}
	}
	binDaemon = filepath.Join(binDir, "pfasciilogd")
	binSender = filepath.Join(binDir, "sender")
	pkgs := [][2]string{{binSender, "./e2e/sender"}}
	if p := os.Getenv("PFASCIILOGD_E2E_BIN"); p != "" {
		if binDaemon, err = filepath.Abs(p); err != nil {
			return err
		}
	} else {
		pkgs = append(pkgs, [2]string{binDaemon, "./cmd/pfasciilogd"})
	}
	for _, p := range pkgs {
		cmd := exec.Command(goTool, "build", "-o", p[0], p[1])
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", p[1], err, out)
		}
	}
	return nil
}

// netPair is two network namespaces joined by a veth pair: the sender's
// (srcAddr) and the receiver's (dstAddr), where an nftables ruleset counts
// every IPv4 packet from srcAddr to dstAddr, logs it to NFLOG groups
// daemonGroup and oracleGroup, and drops it.
type netPair struct {
	sendNS, recvNS string
}

var nsSeq atomic.Int32

func newNetPair(t *testing.T) *netPair {
	t.Helper()
	n := nsSeq.Add(1)
	p := &netPair{
		sendNS: fmt.Sprintf("pfae2e-%d-%d-s", os.Getpid(), n),
		recvNS: fmt.Sprintf("pfae2e-%d-%d-r", os.Getpid(), n),
	}
	for _, ns := range []string{p.sendNS, p.recvNS} {
		run(t, "ip", "netns", "add", ns)
		t.Cleanup(func() {
			if out, err := exec.Command("ip", "netns", "del", ns).CombinedOutput(); err != nil {
				t.Errorf("ip netns del %s: %v: %s", ns, err, out)
			}
		})
	}
	// Created inside the sender's namespace, the pair never exists in the
	// host's.
	run(t, "ip", "-n", p.sendNS, "link", "add", "e2e0", "type", "veth", "peer", "name", "e2e1", "netns", p.recvNS)
	run(t, "ip", "-n", p.sendNS, "addr", "add", srcAddr+"/"+prefixLen, "dev", "e2e0")
	run(t, "ip", "-n", p.recvNS, "addr", "add", dstAddr+"/"+prefixLen, "dev", "e2e1")
	for _, l := range [][2]string{{p.sendNS, "e2e0"}, {p.recvNS, "e2e1"}, {p.sendNS, "lo"}, {p.recvNS, "lo"}} {
		run(t, "ip", "-n", l[0], "link", "set", l[1], "up")
	}
	// A permanent neighbour entry: the first packets of a burst must not
	// wait for ARP, which keeps only a few of them (unres_qlen) and drops
	// the rest before nftables sees them, on a loaded machine.
	out := run(t, "ip", "-n", p.recvNS, "-j", "link", "show", "e2e1")
	var links []struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal(out, &links); err != nil || len(links) != 1 || links[0].Address == "" {
		t.Fatalf("ip -j link show e2e1: %v: %s", err, out)
	}
	run(t, "ip", "-n", p.sendNS, "neigh", "replace", dstAddr, "lladdr", links[0].Address, "dev", "e2e0", "nud", "permanent")
	rules := fmt.Sprintf(`table inet %[1]s {
	counter %[2]s { }
	chain input {
		type filter hook input priority 0; policy accept;
		ip saddr %[3]s ip daddr %[4]s counter name %[2]q log group %[5]d
		ip saddr %[3]s ip daddr %[4]s log group %[6]d drop
	}
}
`, nftTable, nftCounter, srcAddr, dstAddr, daemonGroup, oracleGroup)
	cmd := exec.Command("ip", "netns", "exec", p.recvNS, "nft", "-f", "-")
	cmd.Stdin = strings.NewReader(rules)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("loading the nftables ruleset: %v: %s\n%s", err, out, rules)
	}
	return p
}

// counter returns the packets the nftables counter counted: the packets
// logged to NFLOG.
func (p *netPair) counter(t *testing.T) int {
	t.Helper()
	return nftPackets(t, p.recvNS, nftTable, nftCounter)
}

// send runs the sender in the sender's namespace with the given flags and
// packet specs (see e2e/sender).
func (p *netPair) send(t *testing.T, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, sender := binaries(t)
	a := append([]string{"netns", "exec", p.sendNS, sender, "-src", srcAddr, "-dst", dstAddr}, args...)
	if out, err := exec.CommandContext(ctx, "ip", a...).CombinedOutput(); err != nil {
		t.Fatalf("sender %s: %v: %s", strings.Join(args, " "), err, out)
	}
}

func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, bytes.TrimSpace(out))
	}
	return out
}

// waitFor polls cond until it returns true, and fails the test after
// timeout with what and cond's last explanation.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	if !poll(timeout, cond) {
		_, why := cond()
		t.Fatalf("timed out after %v waiting for %s: %s", timeout, what, why)
	}
}

// poll is waitFor without the failure: it says whether cond came true.
func poll(timeout time.Duration, cond func() (bool, string)) bool {
	deadline := time.Now().Add(timeout)
	for {
		if ok, _ := cond(); ok {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// message is one of the daemon's JSON messages on stderr.
type message map[string]any

func (m message) str(k string) string {
	s, _ := m[k].(string)
	return s
}

// num returns the number under k, or -1.
func (m message) num(k string) int64 {
	f, ok := m[k].(float64)
	if !ok {
		return -1
	}
	return int64(f)
}

// logSink parses the daemon's stderr, one JSON object a line. It keeps the
// first and the last messages, the last one of each text, and how many
// times each level and text came.
type logSink struct {
	mu      sync.Mutex
	partial []byte
	head    []message
	tail    []message // ring of the last ones
	next    int       // next slot in tail
	total   int
	last    map[string]message // by msg
	counts  map[string]int     // by level and msg
	order   []string           // keys of counts, first seen first
}

// The first keepHead and the last keepTail messages are kept.
const keepHead, keepTail = 20, 10

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		s.last, s.counts = map[string]message{}, map[string]int{}
	}
	s.partial = append(s.partial, p...)
	for {
		i := bytes.IndexByte(s.partial, '\n')
		if i < 0 {
			break
		}
		line := s.partial[:i]
		m := message{}
		if err := json.Unmarshal(line, &m); err != nil {
			m = message{"level": "text", "msg": string(line)}
		}
		s.partial = s.partial[i+1:]
		s.total++
		s.last[m.str("msg")] = m
		key := m.str("level") + "\x00" + m.str("msg")
		if s.counts[key] == 0 {
			s.order = append(s.order, key)
		}
		s.counts[key]++
		switch {
		case len(s.head) < keepHead:
			s.head = append(s.head, m)
		case len(s.tail) < keepTail:
			s.tail = append(s.tail, m)
		default:
			s.tail[s.next] = m
			s.next = (s.next + 1) % keepTail
		}
	}
	return len(p), nil
}

// find returns the last message whose msg is msg, or nil.
func (s *logSink) find(msg string) message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last[msg]
}

// String is the daemon's messages, for failure messages: all of them, or
// the first and last ones and a count of each kind.
func (s *logSink) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	put := func(m message) {
		j, _ := json.Marshal(m)
		b.Write(j)
		b.WriteByte('\n')
	}
	for _, m := range s.head {
		put(m)
	}
	if omitted := s.total - len(s.head) - len(s.tail); omitted > 0 {
		fmt.Fprintf(&b, "... %d messages omitted; in all:\n", omitted)
		for _, k := range s.order {
			level, msg, _ := strings.Cut(k, "\x00")
			fmt.Fprintf(&b, "    %7d x %s %q\n", s.counts[k], level, msg)
		}
		b.WriteString("... the last ones:\n")
	}
	for i := range s.tail {
		put(s.tail[(s.next+i)%len(s.tail)])
	}
	b.Write(s.partial)
	return b.String()
}

// problems lists the kinds of warnings and errors the daemon logged, with
// their counts and the last example, except those whose msg is in allowed.
func (s *logSink) problems(allowed ...string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, k := range s.order {
		level, msg, _ := strings.Cut(k, "\x00")
		if level == "info" || level == "debug" || slices.Contains(allowed, msg) {
			continue
		}
		j, _ := json.Marshal(s.last[msg])
		out = append(out, fmt.Sprintf("%d x %s", s.counts[k], j))
	}
	return out
}

// daemon is a running pfasciilogd.
type daemon struct {
	t       *testing.T
	cmd     *exec.Cmd
	log     *logSink
	pidfile string
	done    chan struct{}
	waitErr error
}

// startDaemon runs pfasciilogd in the receiver's namespace with
// --log-format json and args, and waits until it says "started".
func startDaemon(t *testing.T, p *netPair, pidfile string, args ...string) *daemon {
	t.Helper()
	bin, _ := binaries(t)
	a := append([]string{"netns", "exec", p.recvNS, bin, "--log-format", "json", "--pidfile", pidfile}, args...)
	d := &daemon{t: t, log: &logSink{}, pidfile: pidfile, done: make(chan struct{})}
	d.cmd = exec.Command("ip", a...) // ip execs the daemon: same pid
	d.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	d.cmd.Stderr = d.log
	d.cmd.Stdout = d.log
	if err := d.cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	go func() {
		d.waitErr = d.cmd.Wait()
		close(d.done)
	}()
	t.Cleanup(func() {
		select {
		case <-d.done:
			return
		default:
		}
		d.cmd.Process.Kill()
		select {
		case <-d.done:
		case <-time.After(10 * time.Second):
			t.Errorf("pfasciilogd (pid %d) did not die after SIGKILL", d.cmd.Process.Pid)
		}
	})
	deadline := time.After(15 * time.Second)
	for d.log.find("started") == nil {
		select {
		case <-d.done:
			t.Fatalf("pfasciilogd exited before it started (%v); its messages:\n%s", d.waitErr, d.log)
		case <-deadline:
			t.Fatalf("pfasciilogd did not log \"started\" within 15s; its messages:\n%s", d.log)
		case <-time.After(20 * time.Millisecond):
		}
	}
	if m := d.log.find("capture: cannot open interface yet, will retry"); m != nil {
		t.Fatalf("pfasciilogd could not open nflog:%d: %v", daemonGroup, m)
	}
	b, err := os.ReadFile(pidfile)
	if err != nil || strings.TrimSpace(string(b)) != strconv.Itoa(d.cmd.Process.Pid) {
		t.Fatalf("pid file %s holds %q (%v), want %d", pidfile, b, err, d.cmd.Process.Pid)
	}
	return d
}

// waitLines waits until the files hold at least n lines in all, and fails
// the test with the daemon's messages if they do not within timeout.
func (d *daemon) waitLines(timeout time.Duration, n int, paths ...string) {
	d.t.Helper()
	if !poll(timeout, func() (bool, string) { return countLines(paths...) >= n, "" }) {
		d.t.Fatalf("timed out after %v waiting for %d lines in %s: %d lines; the daemon's messages:\n%s",
			timeout, n, strings.Join(paths, " "), countLines(paths...), d.log)
	}
}

func (d *daemon) signal(sig syscall.Signal) {
	d.t.Helper()
	if err := d.cmd.Process.Signal(sig); err != nil {
		d.t.Fatalf("sending %v to pfasciilogd: %v; its messages:\n%s", sig, err, d.log)
	}
}

// stop sends SIGTERM, checks that the daemon exits with status 0 and
// removes its pid file, and returns its final statistics.
func (d *daemon) stop() message {
	t := d.t
	t.Helper()
	st, status := d.stopStatus()
	if status != 0 {
		t.Errorf("pfasciilogd exited with status %d after SIGTERM, want 0; its messages:\n%s", status, d.log)
	}
	if _, err := os.Lstat(d.pidfile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("pid file %s still there after exit (%v)", d.pidfile, err)
	}
	for _, k := range []string{"packets_received", "dropped_by_kernel", "lines_written", "lines_dropped", "write_errors", "reopens", "capture_restarts"} {
		if st.num(k) < 0 {
			t.Errorf("\"stopped\" message has no number %q: %v", k, st)
		}
	}
	return st
}

// checkStats checks the final statistics against the lines found in the
// log files and the packets nftables logged. Kernel-side drops (the
// netlink socket overflowing) are reported, not failed; a line lost
// inside the daemon fails.
func checkStats(t *testing.T, st message, lines, logged int) {
	t.Helper()
	recv, kdrop := st.num("packets_received"), st.num("dropped_by_kernel")
	written, dropped := st.num("lines_written"), st.num("lines_dropped")
	t.Logf("nftables logged %d packets; daemon: packets_received %d, dropped_by_kernel %d, lines_written %d, lines_dropped %d, write_errors %d, reopens %d, capture_restarts %d; lines in the files %d",
		logged, recv, kdrop, written, dropped, st.num("write_errors"), st.num("reopens"), st.num("capture_restarts"), lines)
	if dropped != 0 {
		t.Errorf("the daemon dropped %d lines (lines_dropped)", dropped)
	}
	if st.num("write_errors") != 0 {
		t.Errorf("write_errors %d, want 0", st.num("write_errors"))
	}
	if st.num("capture_restarts") != 0 {
		t.Errorf("capture_restarts %d, want 0: the capture failed and was reopened", st.num("capture_restarts"))
	}
	if written != int64(lines) {
		t.Errorf("lines_written %d but the log files hold %d lines", written, lines)
	}
	if recv != int64(lines) {
		t.Errorf("packets_received %d but the log files hold %d lines: lines lost inside the daemon", recv, lines)
	}
	switch {
	case kdrop > 0:
		t.Logf("KERNEL DROPS: dropped_by_kernel %d (records the kernel could not queue); %d of %d logged packets never reached the daemon (not the daemon's fault)",
			kdrop, logged-lines, logged)
		if lines > logged {
			t.Errorf("%d lines for %d packets logged by nftables", lines, logged)
		}
	case lines != logged:
		t.Errorf("%d lines for %d packets logged by nftables, and no kernel drop reported", lines, logged)
	}
}

// readLog returns the lines of a log file, checking that it ends with a
// newline (an empty file is fine).
func readLog(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading log: %v", err)
	}
	if len(b) == 0 {
		return nil
	}
	if b[len(b)-1] != '\n' {
		t.Errorf("%s does not end with a newline: ...%q", path, b[max(0, len(b)-80):])
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// countLines counts the newlines in the files (missing files count 0).
func countLines(paths ...string) int {
	n := 0
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		n += bytes.Count(b, []byte{'\n'})
	}
	return n
}
