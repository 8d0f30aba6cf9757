// Package e2e is pfasciilogd's end-to-end test: the daemon reads NFLOG in
// a network namespace where nftables logs and drops the packets another
// namespace sends, and the lines in its log are checked against the
// packets, the nftables counter and the daemon's own statistics. It needs
// root, iproute2 and nftables (tcpdump, when installed, is a second
// oracle); elsewhere the tests skip and say why.
//
//	go test -v ./e2e/
//	PFASCIILOGD_E2E_BIN=bin/pfasciilogd go test -v ./e2e/   # a prebuilt daemon
package e2e

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lineRE splits a log line: the ISO time, the NFLOG length, the packet.
var lineRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d version 0, resource ID ` +
	strconv.Itoa(daemonGroup) + `, family IPv4 \(2\), length (\d+): (.*)$`)

// want is a line the daemon must write for a packet the test sent: the
// text after "length N: ", exact or as a pattern, and the packet's IPv4
// total length (0: not known in advance).
type want struct {
	text  string
	re    *regexp.Regexp
	ipLen int
}

func (w want) matches(s string) bool {
	if w.re != nil {
		return w.re.MatchString(s)
	}
	return s == w.text
}

func (w want) String() string {
	if w.re != nil {
		return "/" + w.re.String() + "/"
	}
	return strconv.Quote(w.text)
}

// TestDaemonPacketLines sends known UDP, TCP SYN and ICMP echo packets and
// checks the exact line the daemon writes for each, and, when tcpdump is
// installed, that the lines equal what tcpdump prints for the same packets
// logged to a second NFLOG group.
func TestDaemonPacketLines(t *testing.T) {
	requireEnv(t)
	p := newNetPair(t)
	dir := t.TempDir()
	logPath := filepath.Join(dir, "pf.log")

	oracle := startTcpdump(t, p)
	d := startDaemon(t, p, filepath.Join(dir, "p.pid"), "-i", "nflog:"+strconv.Itoa(daemonGroup), "--log", logPath)

	udp := func(sport, size int) want {
		return want{text: fmt.Sprintf("%s.%d > %s.47001: UDP, length %d", srcAddr, sport, dstAddr, size), ipLen: 28 + size}
	}
	syn := func(sport, seq, win int) want {
		return want{text: fmt.Sprintf("%s.%d > %s.47002: Flags [S], seq %d, win %d, length 0", srcAddr, sport, dstAddr, seq, win), ipLen: 40}
	}
	echo := func(id, seq, size int) want {
		return want{text: fmt.Sprintf("%s > %s: ICMP echo request, id %d, seq %d, length %d", srcAddr, dstAddr, id, seq, size), ipLen: 20 + size}
	}
	specs := []string{
		"udp:41000:47001:0", "udp:41001:47001:1", "udp:41002:47001:100", "udp:41003:47001:1400",
		"dgram:41010:47001:33",
		"syn:42000:47002:1000:8192:3",
		"connect:42010:47003",
		"ping:4660:1:64:3", "ping:4661:7:8",
	}
	wants := []want{
		udp(41000, 0), udp(41001, 1), udp(41002, 100), udp(41003, 1400),
		udp(41010, 33),
		syn(42000, 1000, 8192), syn(42001, 1001, 8192), syn(42002, 1002, 8192),
		{re: regexp.MustCompile(`^` + regexp.QuoteMeta(srcAddr+".42010 > "+dstAddr+".47003: Flags [S], seq ") +
			`\d+, win \d+, options \[mss \d+[^\]]*\], length 0$`)},
		echo(4660, 1, 64), echo(4660, 2, 64), echo(4660, 3, 64), echo(4661, 7, 8),
	}
	p.send(t, specs...)

	waitFor(t, 5*time.Second, "nftables to count the packets sent", func() (bool, string) {
		n := p.counter(t)
		return n >= len(wants), fmt.Sprintf("counter %d, sent %d", n, len(wants))
	})
	if n := p.counter(t); n != len(wants) {
		t.Fatalf("nftables logged %d packets, the test sent %d: unexpected traffic in the namespaces", n, len(wants))
	}
	// NFLOG batches messages for up to a second before the kernel sends them.
	d.waitLines(10*time.Second, len(wants), logPath)
	lines := readLog(t, logPath)

	// Every wanted line once, in any order (the kernel may reorder
	// packets across CPUs); nothing else.
	used := make([]bool, len(lines))
	overhead := -1 // NFLOG length minus the padded IP length: the TLVs
	for _, w := range wants {
		found := false
		for i, l := range lines {
			m := lineRE.FindStringSubmatch(l)
			if used[i] || m == nil || !w.matches(m[2]) {
				continue
			}
			used[i], found = true, true
			if w.ipLen > 0 {
				n, _ := strconv.Atoi(m[1])
				o := n - (w.ipLen+3)&^3
				if overhead < 0 {
					overhead = o
				}
				if o != overhead || o <= 0 {
					t.Errorf("line %q: NFLOG length %d for a %d-byte IP packet; other lines have %d bytes of NFLOG header and TLVs, this one %d",
						l, n, w.ipLen, overhead, o)
				}
			}
			break
		}
		if !found {
			t.Errorf("no line %s", w)
		}
	}
	for i, l := range lines {
		if !used[i] {
			t.Errorf("unexpected line %q", l)
		}
	}
	if t.Failed() {
		t.Logf("the log holds:\n%s", strings.Join(lines, "\n"))
	}

	if oracle != nil {
		want := oracle.lines(t, len(lines))
		for i, l := range lines {
			m := lineRE.FindStringSubmatch(l)
			if m == nil || i >= len(want) {
				continue
			}
			// The same packet and TLVs; only the group differs.
			got := fmt.Sprintf("version 0, resource ID %d, family IPv4 (2), length %s: %s", oracleGroup, m[1], m[2])
			if got != want[i] {
				t.Errorf("line %d differs from tcpdump's:\n got %q\nwant %q", i+1, got, want[i])
			}
		}
		if len(want) != len(lines) {
			t.Errorf("tcpdump printed %d lines, the daemon wrote %d:\n%s", len(want), len(lines), strings.Join(want, "\n"))
		}
	}

	st := d.stop()
	checkStats(t, st, len(lines), p.counter(t))
	if pr := d.log.problems(); len(pr) > 0 {
		t.Errorf("the daemon logged warnings or errors:\n%s", strings.Join(pr, "\n"))
	}
}

// TestDaemonBurstWithRotation sends a burst of UDP packets, each from its
// own source port, while the log is renamed and the daemon sent SIGHUP 20
// times, as newsyslog does; no line may be lost, split or duplicated.
func TestDaemonBurstWithRotation(t *testing.T) {
	requireEnv(t)
	const (
		burst = 24000
		// Two ranges of 12,000 source ports each that no UDP printer of
		// tcpdump's port chain claims (SOME/IP is 30490, BCM-LI 49152).
		firstPort  = 31000
		secondPort = 50000
		size       = 16
		rotations  = 20
	)
	p := newNetPair(t)
	dir := t.TempDir()
	logPath := filepath.Join(dir, "pf.log")
	d := startDaemon(t, p, filepath.Join(dir, "p.pid"), "-i", "nflog:"+strconv.Itoa(daemonGroup), "--log", logPath)

	// About two seconds of traffic, paced so that the receiving netlink
	// socket keeps up even with a small net.core.rmem_max.
	_, sender := binaries(t)
	var senderDone sync.WaitGroup
	senderDone.Add(1)
	var sendErr error
	finished := make(chan struct{})
	go func() {
		defer senderDone.Done()
		defer close(finished)
		cmd := exec.Command("ip", "netns", "exec", p.sendNS, sender, "-src", srcAddr, "-dst", dstAddr,
			"-every", "100", "-pause", "8ms", fmt.Sprintf("udp:%d:47001:%d:%d", firstPort, size, burst/2),
			fmt.Sprintf("udp:%d:47001:%d:%d", secondPort, size, burst/2))
		cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		out, err := cmd.CombinedOutput()
		if err != nil {
			sendErr = fmt.Errorf("%v: %s", err, out)
		}
	}()
	t.Cleanup(senderDone.Wait)
	done := func() bool {
		select {
		case <-finished:
			return true
		default:
			return false
		}
	}

	files := make([]string, 0, rotations+1)
	during := 0
	for k := 1; k <= rotations; k++ {
		// Rotate a file that has lines in it, while the traffic lasts.
		if !poll(10*time.Second, func() (bool, string) { return done() || countLines(logPath) > 0, "" }) {
			t.Fatalf("rotation %d: no line in %s within 10s; the daemon's messages:\n%s", k, logPath, d.log)
		}
		if !done() {
			during++
		}
		rotated := fmt.Sprintf("%s.%d", logPath, k)
		if err := os.Rename(logPath, rotated); err != nil {
			t.Fatalf("rotation %d: %v", k, err)
		}
		files = append(files, rotated)
		d.signal(syscall.SIGHUP)
		waitFor(t, 10*time.Second, fmt.Sprintf("the daemon to create %s again after SIGHUP %d", logPath, k), func() (bool, string) {
			_, err := os.Stat(logPath)
			return err == nil, fmt.Sprintf("%v; the daemon's messages:\n%s", err, d.log)
		})
	}
	files = append(files, logPath)
	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatalf("the sender did not finish within 60s")
	}
	if sendErr != nil {
		t.Fatalf("sender: %v", sendErr)
	}
	t.Logf("%d of %d rotations happened while the sender was sending", during, rotations)

	logged := p.counter(t)
	if logged < burst {
		t.Fatalf("nftables logged %d packets of the %d sent", logged, burst)
	}
	// Everything logged should reach the files; with kernel drops it will
	// not, and the statistics say so: stop waiting when the count has not
	// moved for 3s (NFLOG holds messages back for at most 1s).
	lastCount, lastMove := -1, time.Now()
	if !poll(30*time.Second, func() (bool, string) {
		n := countLines(files...)
		if n != lastCount {
			lastCount, lastMove = n, time.Now()
		}
		return n >= logged || time.Since(lastMove) > 3*time.Second, ""
	}) || lastCount < logged {
		t.Logf("the files hold %d lines for %d packets logged, and no more are coming; stopping the daemon", countLines(files...), logged)
	}
	// The statistics on demand.
	d.signal(syscall.SIGUSR2)
	waitFor(t, 10*time.Second, "a \"statistics\" message after SIGUSR2", func() (bool, string) {
		return d.log.find("statistics") != nil, ""
	})
	for _, k := range []string{"packets_received", "dropped_by_kernel", "lines_written", "lines_dropped", "write_errors", "reopens", "capture_restarts"} {
		if d.log.find("statistics").num(k) < 0 {
			t.Errorf("\"statistics\" message has no number %q: %v", k, d.log.find("statistics"))
		}
	}
	st := d.stop()

	re := regexp.MustCompile(`^` + regexp.QuoteMeta(srcAddr+".") + `(\d+)` +
		regexp.QuoteMeta(" > "+dstAddr+".47001: UDP, length "+strconv.Itoa(size)) + `$`)
	seen := make(map[int]string, burst)
	total, problems, inversions, last := 0, 0, 0, -1
	complain := func(format string, args ...any) {
		if problems++; problems <= 20 {
			t.Errorf(format, args...)
		}
	}
	nflogLen := ""
	for _, f := range files {
		lines := readLog(t, f)
		total += len(lines)
		for i, l := range lines {
			where := fmt.Sprintf("%s:%d", f, i+1)
			m := lineRE.FindStringSubmatch(l)
			var pm []string
			if m != nil {
				pm = re.FindStringSubmatch(m[2])
			}
			if pm == nil {
				complain("%s: not a whole line of the burst: %q", where, l)
				continue
			}
			if nflogLen == "" {
				nflogLen = m[1]
			} else if m[1] != nflogLen {
				complain("%s: NFLOG length %s, earlier lines %s: %q", where, m[1], nflogLen, l)
			}
			port, _ := strconv.Atoi(pm[1])
			if (port < firstPort || port >= firstPort+burst/2) && (port < secondPort || port >= secondPort+burst/2) {
				complain("%s: source port %d was not sent: %q", where, port, l)
			}
			if prev, dup := seen[port]; dup {
				complain("%s: duplicate of %s: %q", where, prev, l)
			}
			seen[port] = where
			if port < last {
				inversions++
			}
			last = port
		}
	}
	if problems > 20 {
		t.Errorf("... %d bad lines in all", problems)
	}
	if inversions > 0 {
		t.Logf("%d lines out of send order (the kernel may reorder packets across CPUs)", inversions)
	}
	t.Logf("%d lines in %d files", total, len(files))
	checkStats(t, st, total, logged)
	if r := st.num("reopens"); r != rotations {
		t.Errorf("reopens %d, want %d", r, rotations)
	}
	if pr := d.log.problems(); len(pr) > 0 {
		t.Errorf("the daemon logged warnings or errors:\n%s", strings.Join(pr, "\n"))
	}
}

// TestDaemonDropPrivileges runs the daemon with -Z nobody: it keeps
// capturing, and after a rename and SIGHUP it creates the new log as
// nobody.
func TestDaemonDropPrivileges(t *testing.T) {
	requireEnv(t)
	u, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("no user nobody for -Z: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	p := newNetPair(t)

	// A log directory nobody can write, reachable by anyone.
	top, err := os.MkdirTemp("", "pfasciilogd-e2e-Z-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(top) })
	logDir := filepath.Join(top, "log")
	if err := os.Chmod(top, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(logDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(logDir, uid, gid); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(logDir, "pf.log")
	// The pid file is removed at exit, after the privileges are gone: its
	// directory must be writable by nobody too.
	d := startDaemon(t, p, filepath.Join(logDir, "p.pid"), "-i", "nflog:"+strconv.Itoa(daemonGroup), "--log", logPath, "-Z", "nobody")

	if d.log.find("privileges dropped") == nil {
		t.Errorf("no \"privileges dropped\" message; the daemon's messages:\n%s", d.log)
	}
	if ids := procIDs(t, d.cmd.Process.Pid, "Uid:"); ids != strings.Repeat(u.Uid+" ", 4) {
		t.Errorf("daemon's uids (real, effective, saved, fs): %q, want all %s", ids, u.Uid)
	}
	if ids := procIDs(t, d.cmd.Process.Pid, "Gid:"); ids != strings.Repeat(u.Gid+" ", 4) {
		t.Errorf("daemon's gids: %q, want all %s", ids, u.Gid)
	}
	if g := procIDs(t, d.cmd.Process.Pid, "Groups:"); g != u.Gid+" " {
		t.Errorf("daemon's supplementary groups: %q, want %s", g, u.Gid)
	}

	p.send(t, "udp:30000:47001:8:5")
	d.waitLines(10*time.Second, 5, logPath)
	rotated := logPath + ".1"
	if err := os.Rename(logPath, rotated); err != nil {
		t.Fatal(err)
	}
	d.signal(syscall.SIGHUP)
	waitFor(t, 10*time.Second, "the daemon, as nobody, to create "+logPath+" again after SIGHUP", func() (bool, string) {
		_, err := os.Stat(logPath)
		return err == nil, fmt.Sprintf("%v; messages:\n%s", err, d.log)
	})
	if fi, err := os.Stat(logPath); err == nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != uid {
			t.Errorf("new %s is owned by uid %d, want %d (nobody)", logPath, st.Uid, uid)
		}
	}
	p.send(t, "udp:30005:47001:8:5")
	d.waitLines(10*time.Second, 5, logPath)
	st := d.stop()

	for _, f := range []struct {
		path  string
		first int
	}{{rotated, 30000}, {logPath, 30005}} {
		lines := readLog(t, f.path)
		if len(lines) != 5 {
			t.Errorf("%s holds %d lines, want 5:\n%s", f.path, len(lines), strings.Join(lines, "\n"))
			continue
		}
		for i, l := range lines {
			m := lineRE.FindStringSubmatch(l)
			w := fmt.Sprintf("%s.%d > %s.47001: UDP, length 8", srcAddr, f.first+i, dstAddr)
			if m == nil || m[2] != w {
				t.Errorf("%s:%d: %q, want the packet %q", f.path, i+1, l, w)
			}
		}
	}
	checkStats(t, st, countLines(rotated, logPath), p.counter(t))
	if r := st.num("reopens"); r != 1 {
		t.Errorf("reopens %d, want 1", r)
	}
	if pr := d.log.problems(); len(pr) > 0 {
		t.Errorf("the daemon logged warnings or errors:\n%s", strings.Join(pr, "\n"))
	}
}

// procIDs returns the numbers of a /proc/PID/status line, each followed
// by a space.
func procIDs(t *testing.T, pid int, key string) string {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, key); ok {
			var s strings.Builder
			for _, f := range strings.Fields(rest) {
				s.WriteString(f + " ")
			}
			return s.String()
		}
	}
	t.Fatalf("/proc/%d/status has no %s line", pid, key)
	return ""
}

// tcpdump prints, as a second oracle, the packets logged to oracleGroup.
type tcpdump struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  []string
	done chan struct{}
}

// startTcpdump starts tcpdump -n -e -t on nflog:oracleGroup in the
// receiver's namespace, or returns nil when tcpdump is not installed.
func startTcpdump(t *testing.T, p *netPair) *tcpdump {
	t.Helper()
	path, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Logf("tcpdump not installed: the lines are checked without it")
		return nil
	}
	td := &tcpdump{done: make(chan struct{})}
	td.cmd = exec.Command("ip", "netns", "exec", p.recvNS, path, "-n", "-e", "-t", "-l", "-Z", "root", "-i", "nflog:"+strconv.Itoa(oracleGroup))
	td.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stdout, err := td.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := td.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := td.cmd.Start(); err != nil {
		t.Fatalf("starting tcpdump: %v", err)
	}
	listening := make(chan struct{})
	var errText strings.Builder
	var readers sync.WaitGroup
	readers.Add(2)
	go func() {
		defer readers.Done()
		sc := bufio.NewScanner(stderr)
		once := sync.Once{}
		for sc.Scan() {
			td.mu.Lock()
			errText.WriteString(sc.Text() + "\n")
			td.mu.Unlock()
			if strings.HasPrefix(sc.Text(), "listening on") {
				once.Do(func() { close(listening) })
			}
		}
	}()
	go func() {
		defer readers.Done()
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == "" {
				continue // tcpdump ends with an empty line when interrupted
			}
			td.mu.Lock()
			td.out = append(td.out, sc.Text())
			td.mu.Unlock()
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() {
		readers.Wait()
		td.cmd.Wait()
		close(td.done)
	}()
	t.Cleanup(func() {
		td.cmd.Process.Kill()
		<-td.done
	})
	// tcpdump is only a second opinion: if it cannot run here, the test
	// goes on without it.
	select {
	case <-listening:
		return td
	case <-td.done:
	case <-time.After(15 * time.Second):
		td.cmd.Process.Kill()
		<-td.done
	}
	td.mu.Lock()
	defer td.mu.Unlock()
	t.Logf("tcpdump -i nflog:%d did not start (the lines are checked without it): %s", oracleGroup, errText.String())
	return nil
}

// lines waits until tcpdump printed n lines, stops it and returns them.
func (td *tcpdump) lines(t *testing.T, n int) []string {
	t.Helper()
	ok := poll(10*time.Second, func() (bool, string) {
		td.mu.Lock()
		defer td.mu.Unlock()
		return len(td.out) >= n, ""
	})
	td.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-td.done:
	case <-time.After(10 * time.Second):
		td.cmd.Process.Kill()
		<-td.done
	}
	td.mu.Lock()
	defer td.mu.Unlock()
	if !ok {
		t.Errorf("tcpdump printed %d lines within 10s, want %d", len(td.out), n)
	}
	return append([]string(nil), td.out...)
}
