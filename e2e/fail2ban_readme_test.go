package e2e

// TestFail2banReadme follows the README's Linux fail2ban section literally
// (the two blocks after the marker comment that names this file), in
// network namespaces: the nftables ruleset, then each command in order.
// The test knows how to run each kind of command and fails on a command it
// does not know, so the README and the test cannot drift apart:
//
//   - the ruleset is loaded with nft -f in the receiver's namespace;
//   - "systemctl enable --now pfasciilogd" runs the daemon with the
//     systemd unit's ExecStart and Environment= settings (the unit's file,
//     read here), as root, its log and pid file under the test's root;
//   - "cp ...", "fail2ban-regex ..." run as written, from the source tree;
//   - "systemctl restart fail2ban" runs fail2ban-server -xf start, as
//     Debian's fail2ban.service does;
//   - "fail2ban-client ..." runs as written.
//
// What is redirected, and only that: the installation root. fail2ban and
// the commands run in a mount namespace where /etc/fail2ban (a copy of
// the fail2ban package's files), /var/log and /var/lib/fail2ban are the
// test's directories; fail2ban-server and fail2ban-client get -s with the
// test's socket (and -p, the pid file). Debian's own sshd jail
// (jail.d/defaults-debian.conf) needs /var/log/auth.log, which a system
// with rsyslog has: the test's /var/log has an empty one.
//
// Then a scanner in the sender's namespace sends DNS queries whose names
// forge whole NFLOG lines naming a victim (a second address of the
// sender), and a SYN scan, all dropped and logged by the README's
// ruleset. The scanner must be banned in nftables (polled, with a
// generous deadline), none of its later packets may get through or reach
// the log, and the victim must not be banned and still get through.

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

const (
	readmeMarker = "<!-- e2e/fail2ban_readme_test.go"
	victimAddr   = "198.18.7.3" // a second address of the sender's namespace
	servicePort  = 22           // the port the README's ruleset accepts
)

func TestFail2banReadme(t *testing.T) {
	requireEnv(t)
	for _, tool := range []string{"fail2ban-server", "fail2ban-client", "fail2ban-regex", "unshare"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian packages fail2ban, util-linux; make test installs them as root)", tool)
		}
	}
	for _, d := range []string{"/etc/fail2ban", "/var/lib/fail2ban"} {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			t.Skipf("%s is not a directory (%v): the fail2ban package is not installed as Debian installs it", d, err)
		}
	}
	t.Parallel()
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	ruleset, commands := readmeBlocks(t, filepath.Join(repo, "README.md"))

	p := newNetPair(t)
	// The pair's own logging ruleset goes: the README's takes its place.
	run(t, "ip", "netns", "exec", p.recvNS, "nft", "delete", "table", "inet", nftTable)
	run(t, "ip", "-n", p.sendNS, "addr", "add", victimAddr+"/"+prefixLen, "dev", "e2e0")
	e := newF2bRoot(t, p, repo)

	cmd := exec.Command("ip", "netns", "exec", p.recvNS, "nft", "-f", "-")
	cmd.Stdin = strings.NewReader(ruleset)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("loading the README's nftables ruleset: %v: %s\n%s", err, out, ruleset)
	}
	svc := listenIn(t, p.recvNS, dstAddr, servicePort)

	var d *daemon
	var logPath string
	for _, c := range commands {
		t.Logf("README: %s", c)
		switch {
		case c == "systemctl enable --now pfasciilogd":
			d, logPath = e.startUnit(t)
		case c == "systemctl restart fail2ban":
			e.startFail2ban(t)
		case strings.HasPrefix(c, "cp "), strings.HasPrefix(c, "fail2ban-regex "):
			out, err := e.inRoot("sh", "-c", c).CombinedOutput()
			if err != nil || bytes.Contains(out, []byte("ERROR")) {
				t.Fatalf("README command %q: %v\n%s", c, err, out)
			}
		case strings.HasPrefix(c, "fail2ban-client "):
			e.client(t, strings.Fields(c)[1:]...)
		default:
			t.Fatalf("README command %q: e2e/fail2ban_readme_test.go does not know how to run it; teach it", c)
		}
	}
	if d == nil || e.server == nil {
		t.Fatalf("the README's commands start neither pfasciilogd or fail2ban: %q", commands)
	}
	jail := e.jailName(t)
	set := "addr-set-" + jail

	// Before: scanner and victim reach the service.
	for _, src := range []string{srcAddr, victimAddr} {
		if err := dialFrom(t, p.sendNS, src, dstAddr, servicePort); err != nil {
			t.Fatalf("before any ban, %s cannot connect to port %d: %v", src, servicePort, err)
		}
	}

	// The attack: forged lines naming the victim, then a SYN scan.
	start := time.Now()
	forged := fmt.Sprintf("version 0, resource ID %s, family IPv4 (2), length 60: %s.4444 > %s.22: Flags [S], seq 1, win 1024, length 0",
		e.group, victimAddr, dstAddr)
	for i := 0; i < 12; i++ {
		sendUDPFrom(t, p.sendNS, srcAddr, 42000+i, dstAddr, 53, dnsQuery(forged))
	}
	p.send(t, "syn:41000:1000:1:1024:30")

	banned := func(addr string) (bool, string) {
		out, err := exec.Command("ip", "netns", "exec", p.recvNS, "nft", "list", "set", "inet", "f2b-table", set).CombinedOutput()
		if err != nil {
			return false, fmt.Sprintf("nft list set inet f2b-table %s: %v: %s", set, err, bytes.TrimSpace(out))
		}
		return regexp.MustCompile(`\b` + regexp.QuoteMeta(addr) + `\b`).Match(out), string(out)
	}
	if !poll(60*time.Second, func() (bool, string) { return banned(srcAddr) }) {
		_, why := banned(srcAddr)
		t.Fatalf("the scanner %s was not banned in nftables within 60 s: %s\nfail2ban's log:\n%s\npfasciilogd's log:\n%s",
			srcAddr, why, e.log(), tail(logPath, 20))
	}
	t.Logf("FAIL2BAN BAN: %s banned in nftables (set %s) %.2f s after its first packet", srcAddr, set, time.Since(start).Seconds())
	// A filter fooled by the forged lines has read all of them by now:
	// they came before the scan, and they alone name the victim.
	if ok, why := banned(victimAddr); ok {
		t.Fatalf("the victim %s, named only in forged payloads, was banned: %s", victimAddr, why)
	}

	// The forged lines are in the log, so the victim's check means something.
	if n := countMatching(logPath, victimAddr+".4444 > "+dstAddr+".22: Flags [S]"); n == 0 {
		t.Errorf("no forged line naming the victim in %s:\n%s", logPath, tail(logPath, 20))
	}

	// After the ban: nothing from the scanner gets through, or reaches the
	// log (the f2b chain drops it first). The victim's packets to a closed
	// port, logged, mark how far the log has got.
	marker := func(port int) {
		t.Helper()
		sendUDPFrom(t, p.sendNS, victimAddr, 43000+port, dstAddr, port, []byte("marker"))
		want := fmt.Sprintf("%s.%d > %s.%d: UDP", victimAddr, 43000+port, dstAddr, port)
		waitFor(t, 15*time.Second, "the victim's marker in "+logPath, func() (bool, string) {
			return countMatching(logPath, want) > 0, tail(logPath, 5)
		})
	}
	marker(9)
	before := countMatching(logPath, " "+srcAddr+".")
	svc.reset()
	if err := dialFrom(t, p.sendNS, srcAddr, dstAddr, servicePort); err == nil {
		t.Errorf("the banned scanner %s connected to port %d", srcAddr, servicePort)
	}
	p.send(t, "syn:45000:1000:1:1024:20")
	sendUDPFrom(t, p.sendNS, srcAddr, 46000, dstAddr, 53, dnsQuery(forged))
	marker(10)
	if after := countMatching(logPath, " "+srcAddr+"."); after != before {
		t.Errorf("%d packets of the banned scanner reached the log after its ban (logged before the f2b chain dropped them?)", after-before)
	}
	if got := svc.from(srcAddr); got > 0 {
		t.Errorf("the service accepted %d connections from the banned scanner", got)
	}

	// The victim: still not banned, still served.
	if ok, why := banned(victimAddr); ok {
		t.Errorf("the victim %s, named only in forged payloads, was banned: %s", victimAddr, why)
	}
	status := e.client(t, "status", jail)
	if !strings.Contains(status, srcAddr) || strings.Contains(status, victimAddr) {
		t.Errorf("fail2ban-client status %s: want %s banned and %s not:\n%s", jail, srcAddr, victimAddr, status)
	}
	if err := dialFrom(t, p.sendNS, victimAddr, dstAddr, servicePort); err != nil {
		t.Errorf("the victim %s cannot connect to port %d any more: %v", victimAddr, servicePort, err)
	}
	if errs := e.errors(); len(errs) > 0 {
		t.Errorf("fail2ban logged errors:\n%s", strings.Join(errs, "\n"))
	}
	st := d.stop()
	if st.num("lines_dropped") != 0 || st.num("write_errors") != 0 {
		t.Errorf("pfasciilogd: %v", st)
	}
}

// readmeBlocks returns the two fenced blocks after the README's marker:
// the nftables ruleset, and the commands, one a line, without comments.
func readmeBlocks(t *testing.T, path string) (string, []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, readmeMarker)
	if i < 0 {
		t.Fatalf("%s: no %q marker: the Linux fail2ban section is gone or moved", path, readmeMarker)
	}
	var blocks []string
	rest := s[i:]
	for len(blocks) < 2 {
		open := strings.Index(rest, "\n```")
		if open < 0 {
			t.Fatalf("%s: fewer than two code blocks after the marker", path)
		}
		body := rest[open+4:]
		body = body[strings.IndexByte(body, '\n')+1:] // the fence's info string
		end := strings.Index(body, "\n```")
		if end < 0 {
			t.Fatalf("%s: unterminated code block after the marker", path)
		}
		blocks = append(blocks, body[:end+1])
		rest = body[end+4:]
	}
	var cmds []string
	for _, l := range strings.Split(blocks[1], "\n") {
		if j := regexp.MustCompile(`(^|\s)#`).FindStringIndex(l); j != nil {
			l = l[:j[0]]
		}
		if l = strings.TrimSpace(l); l != "" {
			cmds = append(cmds, l)
		}
	}
	if !strings.Contains(blocks[0], "table ") || len(cmds) == 0 {
		t.Fatalf("%s: after the marker, want an nftables ruleset and then commands; got:\n%s\n%s", path, blocks[0], blocks[1])
	}
	return blocks[0], cmds
}

// f2bRoot is the test's installation root and the fail2ban it runs.
type f2bRoot struct {
	p          *netPair
	repo, root string
	sock       string
	group      string // the unit's NFLOG group
	server     *exec.Cmd
	serverOut  *bytes.Buffer
	done       chan struct{}
}

func newF2bRoot(t *testing.T, p *netPair, repo string) *f2bRoot {
	t.Helper()
	root := t.TempDir()
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	e := &f2bRoot{p: p, repo: repo, root: root, sock: filepath.Join(root, "run", "fail2ban.sock")}
	for _, d := range []string{"etc/fail2ban", "var/log", "var/lib/fail2ban", "run"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// /etc/fail2ban as the package installed it: its files per dpkg, or
	// the whole directory without dpkg.
	var files []string
	if out, err := exec.Command("dpkg", "-L", "fail2ban").Output(); err == nil {
		for _, f := range strings.Split(string(out), "\n") {
			if fi, err := os.Lstat(f); err == nil && fi.Mode().IsRegular() && strings.HasPrefix(f, "/etc/fail2ban/") {
				files = append(files, f)
			}
		}
	} else {
		filepath.Walk("/etc/fail2ban", func(f string, fi os.FileInfo, err error) error {
			if err == nil && fi.Mode().IsRegular() {
				files = append(files, f)
			}
			return nil
		})
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "var/log/auth.log"), nil, 0o640); err != nil {
		t.Fatal(err)
	}
	return e
}

// inRoot runs a command in the receiver's namespace, with the test's
// directories as /etc/fail2ban, /var/log and /var/lib/fail2ban, from the
// source tree.
func (e *f2bRoot) inRoot(args ...string) *exec.Cmd {
	script := `set -e
mount --bind "$1/etc/fail2ban" /etc/fail2ban
mount --bind "$1/var/log" /var/log
mount --bind "$1/var/lib/fail2ban" /var/lib/fail2ban
cd "$2"
shift 2
exec "$@"`
	a := append([]string{"netns", "exec", e.p.recvNS, "unshare", "--mount", "--propagation", "private",
		"sh", "-c", script, "sh", e.root, e.repo}, args...)
	return exec.Command("ip", a...)
}

// startUnit starts pfasciilogd as contrib/systemd/pfasciilogd.service
// does: its ExecStart with its Environment= values, the log and pid file
// under the test's root (in the directories LogsDirectory= and
// RuntimeDirectory= create), --log-format json for the test's harness.
// It returns the daemon and the log's path.
func (e *f2bRoot) startUnit(t *testing.T) (*daemon, string) {
	t.Helper()
	unitFile := filepath.Join(e.repo, "contrib/systemd/pfasciilogd.service")
	b, err := os.ReadFile(unitFile)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	var execStart string
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "Environment="); ok {
			k, val, _ := strings.Cut(v, "=")
			env[k] = val
		}
		if v, ok := strings.CutPrefix(l, "ExecStart="); ok {
			execStart = v
		}
	}
	f := strings.Fields(os.Expand(execStart, func(k string) string { return env[k] }))
	if len(f) == 0 {
		t.Fatalf("%s: no ExecStart", unitFile)
	}
	var args []string
	var logPath, pidfile string
	for i := 1; i < len(f); i++ {
		switch f[i] {
		case "--log", "--pidfile", "--log-format":
			if i+1 >= len(f) {
				t.Fatalf("%s: %s without a value", unitFile, f[i])
			}
			v := f[i+1]
			i++
			switch f[i-1] {
			case "--log":
				logPath = filepath.Join(e.root, v)
				args = append(args, "--log", logPath)
			case "--pidfile":
				pidfile = filepath.Join(e.root, v)
			}
		case "-i":
			if i+1 < len(f) {
				e.group, _ = strings.CutPrefix(f[i+1], "nflog:")
			}
			args = append(args, f[i])
		default:
			args = append(args, f[i])
		}
	}
	if logPath == "" || pidfile == "" || e.group == "" {
		t.Fatalf("%s: ExecStart=%s: want -i nflog:N, --log and --pidfile", unitFile, execStart)
	}
	for _, p := range []string{logPath, pidfile} {
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
	}
	return startDaemon(t, e.p, pidfile, args...), logPath
}

// startFail2ban runs fail2ban-server in the foreground, as Debian's unit
// does, and waits until it answers.
func (e *f2bRoot) startFail2ban(t *testing.T) {
	t.Helper()
	e.serverOut = &bytes.Buffer{}
	e.server = e.inRoot("fail2ban-server", "-xf", "-s", e.sock, "-p", filepath.Join(e.root, "run", "fail2ban.pid"), "start")
	e.server.Stdout, e.server.Stderr = e.serverOut, e.serverOut
	e.server.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := e.server.Start(); err != nil {
		t.Fatalf("fail2ban-server: %v", err)
	}
	e.done = make(chan struct{})
	go func() {
		e.server.Wait()
		close(e.done)
	}()
	t.Cleanup(func() {
		e.server.Process.Signal(syscall.SIGTERM)
		select {
		case <-e.done:
		case <-time.After(20 * time.Second):
			e.server.Process.Kill()
			<-e.done
		}
	})
	waitFor(t, 60*time.Second, "fail2ban-server to answer", func() (bool, string) {
		select {
		case <-e.done:
			t.Fatalf("fail2ban-server exited (%v); its log and output:\n%s", e.server.ProcessState, e.log())
		default:
		}
		out, err := e.inRoot("fail2ban-client", "-s", e.sock, "ping").CombinedOutput()
		return err == nil && bytes.Contains(out, []byte("pong")), string(out)
	})
}

// client runs fail2ban-client with the test's socket and returns its output.
func (e *f2bRoot) client(t *testing.T, args ...string) string {
	t.Helper()
	out, err := e.inRoot(append([]string{"fail2ban-client", "-s", e.sock}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("fail2ban-client %s: %v\n%s\nfail2ban's log:\n%s", strings.Join(args, " "), err, out, e.log())
	}
	return string(out)
}

// jailName is the one jail the test's jail.d holds besides Debian's.
func (e *f2bRoot) jailName(t *testing.T) string {
	t.Helper()
	m := regexp.MustCompile(`Jail list:\s*(.*)`).FindStringSubmatch(e.client(t, "status"))
	if m == nil {
		t.Fatal("fail2ban-client status: no jail list")
	}
	for _, j := range strings.Split(m[1], ",") {
		if j = strings.TrimSpace(j); j != "sshd" && j != "" {
			return j
		}
	}
	t.Fatalf("fail2ban runs no jail but Debian's: %s", m[1])
	return ""
}

// log is fail2ban's own log (fail2ban.conf: /var/log/fail2ban.log) and
// what the server printed.
func (e *f2bRoot) log() string {
	b, _ := os.ReadFile(filepath.Join(e.root, "var/log/fail2ban.log"))
	out := ""
	if e.serverOut != nil {
		out = e.serverOut.String()
	}
	return string(b) + out
}

// errors are the ERROR lines of fail2ban's log.
func (e *f2bRoot) errors() []string {
	var errs []string
	for _, l := range strings.Split(e.log(), "\n") {
		if strings.Contains(l, " ERROR ") {
			errs = append(errs, l)
		}
	}
	return errs
}

// ---- sockets in a network namespace ----

// inNetns runs f on a thread in the named network namespace; sockets f
// opens stay in it. A thread that cannot be moved back dies with its
// goroutine.
func inNetns(t *testing.T, ns string, f func() error) error {
	t.Helper()
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		self, err := os.Open("/proc/thread-self/ns/net")
		if err != nil {
			errc <- err
			return
		}
		defer self.Close()
		target, err := os.Open("/run/netns/" + ns)
		if err != nil {
			errc <- err
			return
		}
		defer target.Close()
		if err := unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
			errc <- fmt.Errorf("setns %s: %w", ns, err)
			return
		}
		err = f()
		if unix.Setns(int(self.Fd()), unix.CLONE_NEWNET) == nil {
			runtime.UnlockOSThread()
		}
		errc <- err
	}()
	return <-errc
}

// service is a TCP listener that counts the connections it accepts by
// source address.
type service struct {
	mu   sync.Mutex
	seen map[string]int
}

func (s *service) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = map[string]int{}
}

func (s *service) from(addr string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seen[addr]
}

func listenIn(t *testing.T, ns, addr string, port int) *service {
	t.Helper()
	var ln net.Listener
	if err := inNetns(t, ns, func() (err error) {
		ln, err = net.Listen("tcp4", net.JoinHostPort(addr, strconv.Itoa(port)))
		return err
	}); err != nil {
		t.Fatalf("listening on %s:%d in %s: %v", addr, port, ns, err)
	}
	t.Cleanup(func() { ln.Close() })
	s := &service{seen: map[string]int{}}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			host, _, _ := net.SplitHostPort(c.RemoteAddr().String())
			s.mu.Lock()
			s.seen[host]++
			s.mu.Unlock()
			c.Close()
		}
	}()
	return s
}

// dialFrom connects from src in namespace ns to dst:port and closes the
// connection; an error if it did not connect within 2 s.
func dialFrom(t *testing.T, ns, src, dst string, port int) error {
	t.Helper()
	return inNetns(t, ns, func() error {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}, Timeout: 2 * time.Second}
		c, err := d.Dial("tcp4", net.JoinHostPort(dst, strconv.Itoa(port)))
		if err != nil {
			return err
		}
		return c.Close()
	})
}

// sendUDPFrom sends one datagram from src:sport in namespace ns.
func sendUDPFrom(t *testing.T, ns, src string, sport int, dst string, dport int, payload []byte) {
	t.Helper()
	if err := inNetns(t, ns, func() error {
		c, err := net.DialUDP("udp4", &net.UDPAddr{IP: net.ParseIP(src), Port: sport}, &net.UDPAddr{IP: net.ParseIP(dst), Port: dport})
		if err != nil {
			return err
		}
		defer c.Close()
		_, err = c.Write(payload)
		return err
	}); err != nil {
		t.Fatalf("sending UDP from %s.%d to %s.%d in %s: %v", src, sport, dst, dport, ns, err)
	}
}

// dnsQuery is a DNS query (A?) for name, its labels split at the dots;
// tcpdump prints it back as "A? name.".
func dnsQuery(name string) []byte {
	b := []byte{0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0}
	for _, l := range strings.Split(name, ".") {
		if len(l) > 63 {
			panic("dnsQuery: label longer than 63 bytes: " + l)
		}
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	return append(b, 0, 0, 1, 0, 1)
}

// countMatching counts the lines of a file that contain s.
func countMatching(path, s string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		if strings.Contains(sc.Text(), s) {
			n++
		}
	}
	return n
}

// tail is the last n lines of a file, for failure messages.
func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
