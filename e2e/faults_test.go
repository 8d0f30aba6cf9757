package e2e

// The daemon under the faults a firewall meets over years (issue 13): a
// rotation it cannot follow, a log directory removed, a FIFO at the log
// path, a full disk, a file size limit, a file system that stops
// answering, a log left ending in a fragment. In each case the counters
// tell the truth (every line written, dropped or lost, and lines_written
// is what the files hold), the daemon answers its signals, and every file
// holds whole lines only.

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// faultPorts hands each test its own range of source ports that no UDP
// printer claims (31000-42999), so that the lines are one per packet.
const faultPortBase = 31000

// sendUDP sends n UDP packets of 16 bytes from source ports first,
// first+1, ..., about 2000 a second: slow enough for the kernel and for a
// 64K queue.
func sendUDP(t *testing.T, p *netPair, first, n int) {
	t.Helper()
	p.send(t, "-every", "20", "-pause", "10ms", fmt.Sprintf("udp:%d:47001:16:%d", first, n))
}

// msgPrefix returns the last message whose msg starts with prefix, or nil.
func (s *logSink) msgPrefix(prefix string) message {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range s.order {
		_, msg, _ := strings.Cut(k, "\x00")
		if strings.HasPrefix(msg, prefix) {
			return s.last[msg]
		}
	}
	return nil
}

// count returns how many messages with this msg came.
func (s *logSink) count(msg string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, c := range s.counts {
		if _, m, _ := strings.Cut(k, "\x00"); m == msg {
			n += c
		}
	}
	return n
}

// waitMsg waits for a message starting with prefix.
func (d *daemon) waitMsg(timeout time.Duration, prefix string) message {
	d.t.Helper()
	var m message
	if !poll(timeout, func() (bool, string) { m = d.log.msgPrefix(prefix); return m != nil, "" }) {
		d.t.Fatalf("no message %q within %v; the daemon's messages:\n%s", prefix, timeout, d.log)
	}
	return m
}

// statsNow sends SIGUSR2 and returns the statistics it answers with; it
// fails the test if no answer comes within 10s.
func (d *daemon) statsNow() message {
	d.t.Helper()
	before := d.log.count("statistics")
	d.signal(syscall.SIGUSR2)
	if !poll(10*time.Second, func() (bool, string) { return d.log.count("statistics") > before, "" }) {
		d.t.Fatalf("no statistics within 10s of SIGUSR2: the daemon does not answer its signals; its messages:\n%s", d.log)
	}
	return d.log.find("statistics")
}

// waitReceived waits until the daemon has received n packets, and
// returns its statistics.
func (d *daemon) waitReceived(n int) message {
	d.t.Helper()
	var st message
	deadline := time.Now().Add(20 * time.Second)
	for {
		st = d.statsNow()
		if st.num("packets_received") >= int64(n) {
			return st
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("the daemon received %d packets of %d within 20s; its messages:\n%s", st.num("packets_received"), n, d.log)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// stopStatus sends SIGTERM and waits at most 20s for the exit; it returns
// the "stopped" statistics and the exit status.
func (d *daemon) stopStatus() (message, int) {
	t := d.t
	t.Helper()
	d.signal(syscall.SIGTERM)
	select {
	case <-d.done:
	case <-time.After(20 * time.Second):
		t.Fatalf("pfasciilogd did not exit within 20s of SIGTERM; its messages:\n%s", d.log)
	}
	status := 0
	var ee *exec.ExitError
	if errors.As(d.waitErr, &ee) {
		status = ee.ExitCode()
	} else if d.waitErr != nil {
		t.Fatalf("waiting for pfasciilogd: %v", d.waitErr)
	}
	st := d.log.find("stopped")
	if st == nil {
		t.Fatalf("pfasciilogd logged no \"stopped\" statistics; its messages:\n%s", d.log)
	}
	return st, status
}

// checkTruth checks the accounting of the final statistics: every packet
// received is a line written, dropped or lost, once; lines_written is
// onDisk; the kernel lost nothing (the sends are paced).
func checkTruth(t *testing.T, st message, onDisk, logged int) {
	t.Helper()
	recv := st.num("packets_received")
	written, dropped, lost := st.num("lines_written"), st.num("lines_dropped"), st.num("lines_lost")
	t.Logf("nftables logged %d; packets_received %d, dropped_by_kernel %d, lines_written %d, lines_dropped %d, lines_lost %d, write_errors %d, reopens %d; lines on disk %d",
		logged, recv, st.num("dropped_by_kernel"), written, dropped, lost, st.num("write_errors"), st.num("reopens"), onDisk)
	if lost < 0 {
		t.Errorf("the statistics have no lines_lost: %v", st)
	}
	if written+dropped+lost != recv {
		t.Errorf("lines_written %d + lines_dropped %d + lines_lost %d = %d, but packets_received %d: lines unaccounted for",
			written, dropped, lost, written+dropped+lost, recv)
	}
	if written != int64(onDisk) {
		t.Errorf("lines_written %d, but the files hold %d lines", written, onDisk)
	}
	if k := st.num("dropped_by_kernel"); k == 0 && recv != int64(logged) {
		t.Errorf("packets_received %d, nftables logged %d, and no kernel drop reported", recv, logged)
	}
}

// wholeLines checks that the file holds whole records only, ending in a
// newline, and returns how many. A fragment may be there for the moment
// between a short write and its ftruncate: one that stays is an error.
func wholeLines(t *testing.T, path string) int {
	t.Helper()
	var b []byte
	for try := 0; try < 5; try++ {
		var err error
		if b, err = os.ReadFile(path); err != nil {
			t.Fatalf("reading %s: %v", path, err)
		}
		if len(b) == 0 || b[len(b)-1] == '\n' {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return wholeLinesOf(t, path, b)
}

func wholeLinesOf(t *testing.T, name string, b []byte) int {
	t.Helper()
	if len(b) == 0 {
		return 0
	}
	if b[len(b)-1] != '\n' {
		t.Errorf("%s ends in an incomplete line: ...%q", name, b[max(0, len(b)-60):])
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	bad := 0
	for i, l := range lines {
		if lineRE.MatchString(l) {
			continue
		}
		if bad++; bad <= 3 {
			t.Errorf("%s:%d is not a whole record: %q", name, i+1, l)
		}
	}
	return len(lines)
}

// faultEnv begins every fault test: it needs root and the tools, runs in
// parallel with the others, and gets a network pair and a new directory.
func faultEnv(t *testing.T) (*netPair, string) {
	t.Helper()
	requireEnv(t)
	t.Parallel()
	p := newNetPair(t)
	return p, reachableDir(t)
}

// faultDaemon starts the daemon on nflog:daemonGroup, writing logPath,
// with its pid file in pidDir (a new directory if ""), and more flags.
func faultDaemon(t *testing.T, p *netPair, logPath, pidDir string, args ...string) *daemon {
	t.Helper()
	if pidDir == "" {
		pidDir = reachableDir(t)
	}
	return startDaemon(t, p, filepath.Join(pidDir, "p.pid"),
		append([]string{"-i", "nflog:" + strconv.Itoa(daemonGroup), "--log", logPath}, args...)...)
}

// nobodyIDs returns the uid and gid of nobody, or skips.
func nobodyIDs(t *testing.T) (int, int) {
	t.Helper()
	u, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("no user nobody for -Z: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return uid, gid
}

// reachableDir returns a new directory anyone can enter (the daemon may
// run as nobody), removed at the end of the test.
func reachableDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pfasciilogd-e2e-fault-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFaultRotationWithoutPermission is the first measurement:
// -Z nobody, the log in a root-owned 0755 directory, and a newsyslog-style
// rotation without an owner (mv, SIGHUP, gzip). The reopen fails; lines go
// to the rotated file while it has a name, and once gzip has removed it
// they wait in the queue and are dropped, counted; lines_written is what
// the gzipped file holds.
func TestFaultRotationWithoutPermission(t *testing.T) {
	uid, gid := nobodyIDs(t)
	p, top := faultEnv(t)
	logDir := filepath.Join(top, "log") // root's, 0755: nobody cannot create in it
	runDir := filepath.Join(top, "run") // nobody's, for the pid file
	for _, d := range []string{logDir, runDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chown(runDir, uid, gid); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(logDir, "pf.log")
	d := faultDaemon(t, p, logPath, runDir, "-Z", "nobody", "--queue-size", "64K", "--drain-timeout", "1s")

	const a, b, c = 1000, 1000, 3000
	port := faultPortBase
	sendUDP(t, p, port, a)
	port += a
	d.waitLines(15*time.Second, a, logPath)

	rotated := logPath + ".1"
	if err := os.Rename(logPath, rotated); err != nil {
		t.Fatal(err)
	}
	d.signal(syscall.SIGHUP)
	d.waitMsg(10*time.Second, "cannot reopen log file")
	sendUDP(t, p, port, b) // to the rotated file: it still has a name
	port += b
	d.waitLines(15*time.Second, a+b, rotated)

	run(t, "gzip", rotated) // removes the rotated file
	sendUDP(t, p, port, c)  // no file with a name: the queue, then drops
	d.waitReceived(a + b + c)
	if _, err := os.Stat(logPath); err == nil {
		t.Errorf("%s exists: the daemon, as nobody, created it in a directory of root's", logPath)
	}
	st, status := d.stopStatus()

	zr, err := os.Open(rotated + ".gz")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	gz, err := gzip.NewReader(zr)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(gz)
	if err != nil {
		t.Fatal(err)
	}
	onDisk := wholeLinesOf(t, rotated+".gz", unzipped)
	checkTruth(t, st, onDisk, p.counter(t))
	if st.num("lines_dropped")+st.num("lines_lost") < c-64<<10/100 {
		t.Errorf("lines_dropped %d + lines_lost %d: most of the %d lines after gzip cannot have been written", st.num("lines_dropped"), st.num("lines_lost"), c)
	}
	if status != 1 {
		t.Errorf("exit status %d with lines lost, want 1", status)
	}
	for _, m := range []string{"log queue full; lines dropped", "log file was removed while open"} {
		if d.log.msgPrefix(m) == nil {
			t.Errorf("no message %q; the daemon's messages:\n%s", m, d.log)
		}
	}
	if n := d.log.count(d.log.msgPrefix("cannot reopen log file").str("msg")); n > 4 {
		t.Errorf("%d messages about the failed reopen in a few seconds: not rate-limited", n)
	}
}

// TestFaultLogDirRemoved removes the log directory for a few seconds: the
// lines meanwhile wait in the queue, the open is retried every second
// without waiting for a line or a signal, and the new log appears soon
// after mkdir, with the lines that waited.
func TestFaultLogDirRemoved(t *testing.T) {
	p, top := faultEnv(t)
	logDir := filepath.Join(top, "log")
	if err := os.Mkdir(logDir, 0o755); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(logDir, "pf.log")
	d := faultDaemon(t, p, logPath, top)

	const a, b, c = 500, 800, 300
	port := faultPortBase + 4000
	sendUDP(t, p, port, a)
	port += a
	d.waitLines(15*time.Second, a, logPath)
	if err := os.RemoveAll(logDir); err != nil {
		t.Fatal(err)
	}
	d.signal(syscall.SIGHUP)
	sendUDP(t, p, port, b)
	port += b
	d.waitReceived(a + b)
	d.waitMsg(10*time.Second, "cannot reopen log file")
	time.Sleep(3 * time.Second) // a few failed retries
	if err := os.Mkdir(logDir, 0o755); err != nil {
		t.Fatal(err)
	}
	made := time.Now()
	// No line and no signal from here: only the retry timer can open it.
	waitFor(t, 5*time.Second, "the daemon to create the log again after mkdir", func() (bool, string) {
		_, err := os.Stat(logPath)
		return err == nil, fmt.Sprintf("%v; the daemon's messages:\n%s", err, d.log)
	})
	t.Logf("the log was created again %v after mkdir", time.Since(made).Round(10*time.Millisecond))
	d.waitLines(10*time.Second, b, logPath)
	sendUDP(t, p, port, c)
	d.waitLines(15*time.Second, b+c, logPath)
	st, status := d.stopStatus()
	onDisk := wholeLines(t, logPath)
	// The a lines were written to the file before rm removed it.
	checkTruth(t, st, a+onDisk, p.counter(t))
	if onDisk != b+c || st.num("lines_dropped") != 0 || st.num("lines_lost") != 0 || status != 0 {
		t.Errorf("the new log holds %d lines, want %d; dropped %d, lost %d, exit status %d (want 0)",
			onDisk, b+c, st.num("lines_dropped"), st.num("lines_lost"), status)
	}
}

// TestFaultFIFOAtStart: a FIFO at the log path is refused at start with a
// clear message and a non-zero exit, without waiting for a reader, and
// nothing is left behind.
func TestFaultFIFOAtStart(t *testing.T) {
	p, dir := faultEnv(t)
	logPath := filepath.Join(dir, "pf.log")
	if err := syscall.Mkfifo(logPath, 0o600); err != nil {
		t.Fatal(err)
	}
	bin, _ := binaries(t)
	log := &logSink{}
	cmd := exec.Command("ip", "netns", "exec", p.recvNS, bin, "--log-format", "json",
		"--pidfile", filepath.Join(dir, "p.pid"), "-i", "nflog:"+strconv.Itoa(daemonGroup), "--log", logPath)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.Stderr, cmd.Stdout = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("pfasciilogd hangs with a FIFO at the log path; its messages:\n%s", log)
	}
	if err == nil {
		t.Errorf("pfasciilogd started with a FIFO at the log path; its messages:\n%s", log)
	}
	if m := log.msgPrefix("cannot start"); m == nil || !strings.Contains(m.str("error"), "FIFO") {
		t.Errorf("no \"cannot start\" message naming the FIFO; the daemon's messages:\n%s", log)
	}
	if fi, err := os.Lstat(logPath); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO changed: %v %v", fi, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files left in %s: %v", dir, ents)
	}
}

// TestFaultFIFOAtReopen: a FIFO put at the log path after a rotation is
// refused at SIGHUP: the old file is kept, the daemon says why, and it
// keeps answering SIGUSR2 and SIGTERM.
func TestFaultFIFOAtReopen(t *testing.T) {
	p, dir := faultEnv(t)
	logPath := filepath.Join(dir, "pf.log")
	d := faultDaemon(t, p, logPath, dir)
	const a, b = 300, 300
	port := faultPortBase + 6000
	sendUDP(t, p, port, a)
	port += a
	d.waitLines(15*time.Second, a, logPath)
	rotated := logPath + ".1"
	if err := os.Rename(logPath, rotated); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(logPath, 0o600); err != nil {
		t.Fatal(err)
	}
	d.signal(syscall.SIGHUP)
	d.statsNow() // answers
	m := d.waitMsg(10*time.Second, "cannot reopen log file")
	if !strings.Contains(m.str("error"), "FIFO") {
		t.Errorf("the reopen failure does not name the FIFO: %v", m)
	}
	sendUDP(t, p, port, b)
	d.waitLines(15*time.Second, a+b, rotated)
	st, status := d.stopStatus()
	checkTruth(t, st, wholeLines(t, rotated), p.counter(t))
	if status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
}

// mountTmpfs mounts a tmpfs of size bytes on a new directory, unmounted
// at the end of the test, or skips.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	return mountNew(t, "a tmpfs", "-t", "tmpfs", "-o", "size="+size+",mode=0755", "pfae2e")
}

// mountNew mounts what mount(8) args say on a new directory, unmounted at
// the end of the test, or skips saying it cannot mount what.
func mountNew(t *testing.T, what string, args ...string) string {
	t.Helper()
	dir := reachableDir(t)
	if out, err := exec.Command("mount", append(args, dir)...).CombinedOutput(); err != nil {
		t.Skipf("cannot mount %s: %v: %s", what, err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// TestFaultDiskFull fills a small tmpfs: the log keeps whole lines only,
// while full, after the admin truncates it (": > pf.log") and writing
// resumes, and after a SIGTERM while full, which counts the queued lines
// as lost after --drain-timeout.
func TestFaultDiskFull(t *testing.T) {
	p, dir := faultEnv(t)
	mnt := mountTmpfs(t, "128k")
	logPath := filepath.Join(mnt, "pf.log")
	d := faultDaemon(t, p, logPath, dir, "--drain-timeout", "1s")
	const a, b = 1500, 1500 // about 190 KB each, for 128 KB
	port := faultPortBase + 7000
	sendUDP(t, p, port, a)
	port += a
	d.waitReceived(a)
	d.waitMsg(10*time.Second, "cannot write log file")
	time.Sleep(300 * time.Millisecond) // a few retries against the full disk
	before := wholeLines(t, logPath)
	if t.Failed() {
		t.FailNow()
	}

	// The admin makes room: writing resumes, at a whole line.
	if err := os.Truncate(logPath, 0); err != nil {
		t.Fatal(err)
	}
	d.waitMsg(15*time.Second, "log file writable again")
	sendUDP(t, p, port, b) // full again
	d.waitReceived(a + b)
	st, status := d.stopStatus()
	after := wholeLines(t, logPath)
	checkTruth(t, st, before+after, p.counter(t))
	if st.num("lines_lost") == 0 || status != 1 {
		t.Errorf("lines_lost %d, exit status %d: want the lines still queued at exit lost, and status 1", st.num("lines_lost"), status)
	}
	if d.log.msgPrefix("closing log file with lines not written") == nil {
		t.Errorf("no message about the lines not written at exit; the daemon's messages:\n%s", d.log)
	}
}

// TestFaultFileSizeLimit runs the daemon with a file size limit
// (RLIMIT_FSIZE, EFBIG and SIGXFSZ): it survives, the log ends in a whole
// line, and after a rotation the waiting lines go to the new file.
func TestFaultFileSizeLimit(t *testing.T) {
	if _, err := exec.LookPath("prlimit"); err != nil {
		t.Skip("prlimit not installed (util-linux)")
	}
	p, dir := faultEnv(t)
	logPath := filepath.Join(dir, "pf.log")
	d := faultDaemon(t, p, logPath, dir)
	const limit = 30000 // bytes: about 230 lines
	run(t, "prlimit", "--pid", strconv.Itoa(d.cmd.Process.Pid), fmt.Sprintf("--fsize=%d:%d", limit, limit))
	const a = 400
	port := faultPortBase + 10000
	sendUDP(t, p, port, a)
	d.waitReceived(a)
	d.waitMsg(10*time.Second, "cannot write log file")
	select {
	case <-d.done:
		t.Fatalf("the daemon died (%v) at the file size limit; its messages:\n%s", d.waitErr, d.log)
	default:
	}
	full := wholeLines(t, logPath)
	rotated := logPath + ".1"
	if err := os.Rename(logPath, rotated); err != nil {
		t.Fatal(err)
	}
	d.signal(syscall.SIGHUP)
	d.waitLines(15*time.Second, a, rotated, logPath)
	st, status := d.stopStatus()
	if wholeLines(t, rotated) != full {
		t.Errorf("the rotated file changed after the rotation")
	}
	checkTruth(t, st, full+wholeLines(t, logPath), p.counter(t))
	if st.num("lines_dropped") != 0 || st.num("lines_lost") != 0 || status != 0 {
		t.Errorf("dropped %d, lost %d, exit status %d: want all lines written and status 0",
			st.num("lines_dropped"), st.num("lines_lost"), status)
	}
}

// TestFaultRestartAfterFragment starts the daemon on a log that ends in an
// incomplete line, as a crash or an older version leaves it: the fragment
// is removed, and the first record is a line of its own.
func TestFaultRestartAfterFragment(t *testing.T) {
	p, dir := faultEnv(t)
	logPath := filepath.Join(dir, "pf.log")
	whole := "2026-12-06T12:25:38.000001+01:00 version 0, resource ID " + strconv.Itoa(daemonGroup) +
		", family IPv4 (2), length 72: 198.18.7.1.1 > 198.18.7.2.47001: UDP, length 16\n"
	if err := os.WriteFile(logPath, []byte(whole+"2026-12-06T12:25:38.000002+01:00 version 0, resource ID 7, family IPv4 (2), le"), 0o640); err != nil {
		t.Fatal(err)
	}
	d := faultDaemon(t, p, logPath, dir)
	sendUDP(t, p, faultPortBase+11000, 5)
	d.waitLines(15*time.Second, 6, logPath)
	st, _ := d.stopStatus()
	n := wholeLines(t, logPath)
	if b, _ := os.ReadFile(logPath); !bytes.HasPrefix(b, []byte(whole)) {
		t.Errorf("the whole line before the fragment changed: %.120q", b)
	}
	checkTruth(t, st, n-1, p.counter(t))
	if d.log.msgPrefix("log file ended in an incomplete line") == nil {
		t.Errorf("no message about the removed fragment; the daemon's messages:\n%s", d.log)
	}
}

// loopExt4 makes a small ext4 file system on a loop device, mounted on a
// new directory, or skips; unmounted at the end of the test.
func loopExt4(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"mkfs.ext4", "fsfreeze", "mount"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (e2fsprogs, util-linux)", tool)
		}
	}
	img := filepath.Join(t.TempDir(), "fs.img")
	if err := os.WriteFile(img, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(img, 16<<20); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mkfs.ext4", "-q", "-F", img).CombinedOutput(); err != nil {
		t.Skipf("mkfs.ext4: %v: %s", err, bytes.TrimSpace(out))
	}
	return mountNew(t, "an ext4 image on a loop device", "-o", "loop", img)
}

// TestFaultStuckWrite freezes the log's file system (fsfreeze), so that a
// write never returns, as on a hung NFS server: the daemon reports it,
// answers SIGHUP and SIGUSR2, and SIGTERM ends it within --drain-timeout
// with the unwritten lines counted as lost.
func TestFaultStuckWrite(t *testing.T) {
	p, dir := faultEnv(t)
	mnt := loopExt4(t)
	logPath := filepath.Join(mnt, "pf.log")
	d := faultDaemon(t, p, logPath, dir, "--drain-timeout", "1s", "--queue-size", "64K")
	frozen := false
	thaw := func() {
		if frozen {
			frozen = false
			if out, err := exec.Command("fsfreeze", "-u", mnt).CombinedOutput(); err != nil {
				t.Errorf("fsfreeze -u: %v: %s", err, out)
			}
		}
	}
	t.Cleanup(thaw) // before the daemon is killed and the file system unmounted

	const a, b = 300, 1000 // b: about 130 KB, for a 64K queue
	port := faultPortBase + 11500
	sendUDP(t, p, port, a)
	port += a
	d.waitLines(15*time.Second, a, logPath)
	run(t, "fsfreeze", "-f", mnt)
	frozen = true
	sendUDP(t, p, port, b)
	d.waitReceived(a + b)
	// Reported while the write hangs: the hang, and the drops.
	d.waitMsg(15*time.Second, "log file not responding")
	d.waitMsg(15*time.Second, "log queue full; lines dropped")
	d.signal(syscall.SIGHUP)
	d.statsNow()
	d.signal(syscall.SIGTERM)
	term := time.Now()
	var st message
	if !poll(15*time.Second, func() (bool, string) { st = d.log.find("stopped"); return st != nil, "" }) {
		t.Fatalf("no \"stopped\" within 15s of SIGTERM (--drain-timeout 1s) while a write hangs; the daemon's messages:\n%s", d.log)
	}
	t.Logf("\"stopped\" %v after SIGTERM, the write still hanging", time.Since(term).Round(10*time.Millisecond))
	onDisk := wholeLines(t, logPath) // reading works while frozen
	checkTruth(t, st, onDisk, p.counter(t))
	if st.num("lines_written") != a || st.num("lines_lost") == 0 || st.num("lines_dropped") == 0 {
		t.Errorf("lines_written %d, lines_lost %d, lines_dropped %d: want the %d lines before the freeze written, the %d after it dropped (the queue full) or lost (queued at exit)",
			st.num("lines_written"), st.num("lines_lost"), st.num("lines_dropped"), a, b)
	}
	if d.log.msgPrefix("log file not responding at exit") == nil {
		t.Errorf("no message about giving up on the hung write; the daemon's messages:\n%s", d.log)
	}
	// The kernel lets the process finish exiting once the write returns.
	thaw()
	select {
	case <-d.done:
	case <-time.After(20 * time.Second):
		t.Fatalf("pfasciilogd did not exit after the file system was thawed")
	}
}
