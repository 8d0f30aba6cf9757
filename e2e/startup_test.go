package e2e

// Faults at start and stop: a bad interface, an NFLOG group another
// process holds, a pid file that cannot be written, a pid file the -Z
// user may or may not remove at exit.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runDaemon runs pfasciilogd in ns with --log-format json and args, in
// the shell's ulimit settings of limits (as "ulimit -f 0; "), and returns
// it without waiting for anything.
func runDaemon(t *testing.T, ns, limits string, args ...string) *daemon {
	t.Helper()
	bin, _ := binaries(t)
	a := []string{"netns", "exec", ns, "sh", "-c", limits + `exec "$0" "$@"`, bin, "--log-format", "json"}
	d := &daemon{t: t, log: &logSink{}, done: make(chan struct{})}
	d.cmd = exec.Command("ip", append(a, args...)...)
	d.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	d.cmd.Stderr, d.cmd.Stdout = d.log, d.log
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		d.waitErr = d.cmd.Wait()
		close(d.done)
	}()
	t.Cleanup(func() {
		d.cmd.Process.Kill()
		<-d.done
	})
	return d
}

// exited waits for d to exit on its own and returns its exit status.
func (d *daemon) exited() int {
	d.t.Helper()
	select {
	case <-d.done:
	case <-time.After(15 * time.Second):
		d.t.Fatalf("pfasciilogd did not exit within 15s; its messages:\n%s", d.log)
	}
	var ee *exec.ExitError
	if errors.As(d.waitErr, &ee) {
		return ee.ExitCode()
	}
	if d.waitErr != nil {
		d.t.Fatalf("pfasciilogd: %v", d.waitErr)
	}
	return 0
}

func mustNotExist(t *testing.T, what, path string) {
	t.Helper()
	if b, err := os.ReadFile(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s %s was left behind (%q, %v)", what, path, b, err)
	}
}

// startupEnv readies a test that runs the daemon once: a network pair,
// and the paths of a pid file and a log in a new directory.
func startupEnv(t *testing.T) (p *netPair, pid, logPath string) {
	t.Helper()
	requireEnv(t)
	t.Parallel()
	dir := t.TempDir()
	return newNetPair(t), filepath.Join(dir, "p.pid"), filepath.Join(dir, "pf.log")
}

// TestDaemonRefusesBadNFLOGGroup: an invalid nflog:N is refused before
// "started", before the pid file and the log are created.
func TestDaemonRefusesBadNFLOGGroup(t *testing.T) {
	p, pid, logPath := startupEnv(t)
	for _, iface := range []string{"nflog:x", "nflog:70000", "nflog:"} {
		d := runDaemon(t, p.recvNS, "", "-i", iface, "--pidfile", pid, "--log", logPath)
		if st := d.exited(); st == 0 {
			t.Errorf("-i %s: exit status 0", iface)
		}
		if d.log.find("started") != nil {
			t.Errorf("-i %s: refused only after \"started\":\n%s", iface, d.log)
		}
		if !strings.Contains(d.log.String(), iface) {
			t.Errorf("-i %s: the message does not name it:\n%s", iface, d.log)
		}
		mustNotExist(t, "log file", logPath)
		mustNotExist(t, "pid file", pid)
	}
}

// TestDaemonNFLOGGroupHeld: binding a group another process reads fails
// (EPERM on current kernels, EBUSY on old ones); the message names the
// likely culprits.
func TestDaemonNFLOGGroupHeld(t *testing.T) {
	requireEnv(t)
	t.Parallel()
	p := newNetPair(t)
	dir := t.TempDir()
	iface := "nflog:" + strconv.Itoa(daemonGroup)
	startDaemon(t, p, filepath.Join(dir, "1.pid"), "-i", iface, "--log", filepath.Join(dir, "1.log"))
	d := runDaemon(t, p.recvNS, "", "-i", iface, "--pidfile", filepath.Join(dir, "2.pid"), "--log", filepath.Join(dir, "2.log"))
	const msg = "capture: cannot open interface yet, will retry"
	waitFor(t, 15*time.Second, "the second daemon's message about the held group", func() (bool, string) {
		return d.log.find(msg) != nil, d.log.String()
	})
	if e := d.log.find(msg).str("error"); !strings.Contains(e, "tcpdump or ulogd") {
		t.Errorf("the error does not say another process may hold the group: %q", e)
	}
}

// TestDaemonPidfileWriteFailure: when the pid file cannot be written (here
// a file size limit of 0: EFBIG), the daemon refuses to start and leaves
// no pid file behind, empty or not.
func TestDaemonPidfileWriteFailure(t *testing.T) {
	p, pid, logPath := startupEnv(t)
	d := runDaemon(t, p.recvNS, "ulimit -f 0; ", "-i", "nflog:"+strconv.Itoa(daemonGroup), "--pidfile", pid, "--log", logPath)
	if st := d.exited(); st == 0 {
		t.Fatalf("exit status 0 with an unwritable pid file; messages:\n%s", d.log)
	}
	if !strings.Contains(d.log.String(), "pid file") {
		t.Errorf("no message about the pid file:\n%s", d.log)
	}
	mustNotExist(t, "pid file", pid)
	mustNotExist(t, "log file", logPath)
}

// TestDaemonPidfileDropPrivileges: with -Z nobody, the pid file is removed
// at exit, as nobody, with no message, when nobody may remove it: in a
// directory nobody owns (the convention of the rc.d scripts and the
// systemd unit), or in a sticky directory (the daemon gives nobody the
// file). In a root-owned directory it cannot be: the daemon says so at
// start, and leaves it empty, not stale, at exit.
func TestDaemonPidfileDropPrivileges(t *testing.T) {
	requireEnv(t)
	t.Parallel()
	uid, gid := nobodyIDs(t)
	const warning = "the -Z user cannot remove the pid file: at exit it will be emptied and left behind; put it in a directory the user owns"
	for _, c := range []struct {
		name      string
		mode      os.FileMode
		owned     bool // by nobody
		removable bool
	}{
		{"directory owned by nobody", 0o755, true, true},
		{"sticky directory", 0o777 | os.ModeSticky, false, true},
		{"root's directory", 0o755, false, false},
	} {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			p := newNetPair(t)
			top := reachableDir(t)
			logDir, pidDir := filepath.Join(top, "log"), filepath.Join(top, "run")
			for _, dir := range []string{logDir, pidDir} {
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chmod(pidDir, c.mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chown(logDir, uid, gid); err != nil {
				t.Fatal(err)
			}
			if c.owned {
				if err := os.Chown(pidDir, uid, gid); err != nil {
					t.Fatal(err)
				}
			}
			pid := filepath.Join(pidDir, "pfasciilogd.pid")
			d := startDaemon(t, p, pid, "-i", "nflog:"+strconv.Itoa(daemonGroup), "--log", filepath.Join(logDir, "pf.log"), "-Z", "nobody")
			if c.removable {
				d.stop() // checks that the pid file is gone
				if pr := d.log.problems(); len(pr) > 0 {
					t.Errorf("the daemon logged warnings or errors:\n%s", strings.Join(pr, "\n"))
				}
				return
			}
			if m := d.log.find(warning); m == nil || m.str("pidfile") != pid || !strings.Contains(m.str("reason"), pidDir) {
				t.Errorf("no warning at start that nobody cannot remove %s (%v); messages:\n%s", pid, m, d.log)
			}
			d.signal(syscall.SIGTERM)
			if st := d.exited(); st != 0 {
				t.Errorf("exit status %d", st)
			}
			if b, err := os.ReadFile(pid); err == nil && len(bytes.TrimSpace(b)) > 0 {
				t.Errorf("stale pid file left: %q", b)
			}
		})
	}
}
