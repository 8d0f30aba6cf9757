// Package cstest runs Debian's crowdsec, cscli and crowdsec-firewall-bouncer
// for pfasciilogd's tests (contrib/crowdsec and e2e): it finds them, writes
// a private configuration directory for each agent, local API and bouncer
// (never /etc/crowdsec), and runs them inside a network namespace, where
// the local API listens on an address of that namespace only.
//
// The binaries come from $PFASCIILOGD_CROWDSEC (the root of a tree the
// packages were extracted into with dpkg -x, or "/"), else bin/crowdsec-deb
// in the module (where scripts/deps.sh --test extracts them, see there),
// else the installed packages.
package cstest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Install is a crowdsec installation: binaries and the offline hub.
type Install struct {
	Root     string // "/" or a dpkg -x tree
	Crowdsec string
	Cscli    string
	Bouncer  string
	Hub      string // the offline hub (/usr/share/crowdsec/hub)
	Patterns string // grok patterns (/etc/crowdsec/patterns)
	Plugins  string
}

// Find returns the installation, or why there is none. moduleRoot is the
// directory of pfasciilogd's go.mod.
func Find(moduleRoot string) (*Install, string) {
	var roots []string
	if r := os.Getenv("PFASCIILOGD_CROWDSEC"); r != "" {
		roots = append(roots, r)
	} else {
		roots = append(roots, filepath.Join(moduleRoot, "bin", "crowdsec-deb"), "/")
	}
	for _, r := range roots {
		in := &Install{
			Root:     r,
			Crowdsec: filepath.Join(r, "usr/bin/crowdsec"),
			Cscli:    filepath.Join(r, "usr/bin/cscli"),
			Bouncer:  filepath.Join(r, "usr/bin/crowdsec-firewall-bouncer"),
			Hub:      filepath.Join(r, "usr/share/crowdsec/hub"),
			Patterns: filepath.Join(r, "etc/crowdsec/patterns"),
			Plugins:  filepath.Join(r, "usr/lib/crowdsec/plugins"),
		}
		ok := true
		for _, p := range []string{in.Crowdsec, in.Cscli, in.Bouncer, filepath.Join(in.Hub, ".index.json"), in.Patterns} {
			if _, err := os.Stat(p); err != nil {
				ok = false
			}
		}
		if ok {
			if out, err := exec.Command(in.Cscli, "version").CombinedOutput(); err != nil {
				return nil, fmt.Sprintf("%s does not run (%v: %s); Debian's crowdsec needs libsqlite3-0", in.Cscli, err, bytes.TrimSpace(out))
			}
			return in, ""
		}
	}
	return nil, fmt.Sprintf("crowdsec, cscli and crowdsec-firewall-bouncer (Debian 12's packages) not found in %s: run scripts/deps.sh --test as root on Debian (make test does), or set PFASCIILOGD_CROWDSEC to a tree they were extracted into",
		strings.Join(roots, " or "))
}

// Version returns crowdsec's version line.
func (in *Install) Version() string {
	out, _ := exec.Command(in.Crowdsec, "-version").CombinedOutput()
	for _, l := range strings.Split(string(out), "\n") {
		if i := strings.Index(l, "version: "); i >= 0 {
			return strings.TrimSpace(l[i+len("version: "):])
		}
	}
	return "unknown"
}

// Options configure a crowdsec configuration directory.
type Options struct {
	// Listen is the local API's listen address (host:port) when this
	// configuration runs one.
	Listen string
	// URL is the local API the agent and cscli talk to.
	URL string
	// Acquis is the acquisition file's content (an agent).
	Acquis string
	// Contrib is pfasciilogd's contrib/crowdsec directory: its parsers
	// and scenarios are installed.
	Contrib string
	// HubScenarios are hub scenarios to enable from the offline hub
	// (e.g. firewallservices/pf-scan-multi_ports).
	HubScenarios []string
	// Prometheus is the metrics listen address (host:port); "" disables.
	Prometheus string
	// NoHub leaves out the hub's parsers that a normal installation has
	// (crowdsecurity/syslog-logs, dateparse-enrich).
	NoHub bool
}

// Config is a crowdsec configuration directory and the namespace its
// programs run in.
type Config struct {
	In   *Install
	Dir  string
	NS   string
	Path string // config.yaml
	URL  string // the local API it talks to
	t    *testing.T
}

// NewConfig writes a configuration in dir: config.yaml, the hub's raw
// syslog/non-syslog parser and dateparse-enrich (enabled by symlink, as
// the Debian package does: cscli would download), pfasciilogd's parsers
// and scenarios (copied: local items are regular files), profiles and
// acquisition.
func (in *Install) NewConfig(t *testing.T, dir, ns string, o Options) *Config {
	t.Helper()
	etc := filepath.Join(dir, "etc")
	for _, d := range []string{"parsers/s00-raw", "parsers/s01-parse", "parsers/s02-enrich", "scenarios", "postoverflows", "data"} {
		if err := os.MkdirAll(filepath.Join(etc, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	link := func(hubItem, dst string) {
		if err := os.Symlink(filepath.Join(in.Hub, hubItem), filepath.Join(etc, dst, filepath.Base(hubItem))); err != nil {
			t.Fatal(err)
		}
	}
	if !o.NoHub {
		link("parsers/s00-raw/crowdsecurity/syslog-logs.yaml", "parsers/s00-raw")
		link("parsers/s02-enrich/crowdsecurity/dateparse-enrich.yaml", "parsers/s02-enrich")
	}
	for _, s := range o.HubScenarios {
		link("scenarios/"+s+".yaml", "scenarios")
	}
	if err := os.Symlink(in.Patterns, filepath.Join(etc, "patterns")); err != nil {
		t.Fatal(err)
	}
	if o.Contrib != "" {
		for _, d := range []string{"parsers/s01-parse", "scenarios"} {
			files, _ := filepath.Glob(filepath.Join(o.Contrib, d, "*.yaml"))
			if len(files) == 0 {
				t.Fatalf("no %s/*.yaml in %s", d, o.Contrib)
			}
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(etc, d, filepath.Base(f)), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	files := map[string]string{
		"simulation.yaml": "simulation: off\n",
		// One 4 h ban per alert on an address, as Debian's default.
		"profiles.yaml": "name: default_ip_remediation\nfilters:\n - Alert.Remediation == true && Alert.GetScope() == \"Ip\"\ndecisions:\n - type: ban\n   duration: 4h\non_success: break\n",
		"acquis.yaml":   o.Acquis,
	}
	if files["acquis.yaml"] == "" {
		files["acquis.yaml"] = "# none\n"
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(etc, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `common:
  daemonize: false
  log_media: stdout
  log_level: info
  working_dir: %[1]s
config_paths:
  config_dir: %[2]s/
  data_dir: %[2]s/data/
  simulation_path: %[2]s/simulation.yaml
  hub_dir: %[3]s/
  index_path: %[3]s/.index.json
  notification_dir: %[2]s/notifications/
  plugin_dir: %[4]s/
crowdsec_service:
  acquisition_path: %[2]s/acquis.yaml
  parser_routines: 1
cscli:
  output: human
  color: "no"
db_config:
  log_level: info
  type: sqlite
  db_path: %[2]s/data/crowdsec.db
  use_wal: true
  flush:
    max_items: 5000
    max_age: 7d
api:
  client:
    insecure_skip_verify: false
    credentials_path: %[2]s/local_api_credentials.yaml
`, dir, etc, in.Hub, in.Plugins)
	if o.Listen != "" {
		host := o.Listen[:strings.LastIndex(o.Listen, ":")]
		fmt.Fprintf(&b, `  server:
    log_level: info
    listen_uri: %s
    profiles_path: %s/profiles.yaml
    trusted_ips:
      - "%s"
`, o.Listen, etc, host)
	}
	if o.Prometheus != "" {
		i := strings.LastIndex(o.Prometheus, ":")
		fmt.Fprintf(&b, "prometheus:\n  enabled: true\n  level: full\n  listen_addr: %s\n  listen_port: %s\n", o.Prometheus[:i], o.Prometheus[i+1:])
	} else {
		b.WriteString("prometheus:\n  enabled: false\n")
	}
	c := &Config{In: in, Dir: dir, NS: ns, Path: filepath.Join(dir, "config.yaml"), URL: o.URL, t: t}
	if err := os.WriteFile(c.Path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if o.URL != "" {
		// Until cscli machines add writes real credentials.
		c.writeCredentials(o.URL, "", "")
	}
	return c
}

func (c *Config) writeCredentials(url, login, password string) {
	s := fmt.Sprintf("url: %s\nlogin: %q\npassword: %q\n", url, login, password)
	if err := os.WriteFile(filepath.Join(c.Dir, "etc", "local_api_credentials.yaml"), []byte(s), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// For returns the configuration with t as the test its helpers fail (a
// parallel subtest using its parent's local API).
func (c *Config) For(t *testing.T) *Config {
	d := *c
	d.t = t
	return &d
}

// Command returns bin with args, run in the configuration's namespace
// with crowdsec's directory first in PATH (cscli explain runs crowdsec).
func (c *Config) Command(ctx context.Context, bin string, args ...string) *exec.Cmd {
	a := append([]string{"netns", "exec", c.NS, bin}, args...)
	cmd := exec.CommandContext(ctx, "ip", a...)
	// cscli explain of 1.4.6 dumps its results in $TMPDIR under fixed
	// names: one directory per configuration keeps parallel runs apart.
	tmp := filepath.Join(c.Dir, "tmp")
	os.MkdirAll(tmp, 0o700)
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(c.In.Crowdsec)+":"+os.Getenv("PATH"), "TMPDIR="+tmp)
	cmd.Dir = c.Dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return cmd
}

// Cscli runs cscli -c config.yaml args within timeout and returns its
// standard output; it fails the test on error.
func (c *Config) Cscli(timeout time.Duration, args ...string) []byte {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := c.Command(ctx, c.In.Cscli, append([]string{"-c", c.Path, "--error"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		c.t.Fatalf("cscli %s: %v\n%s%s", strings.Join(args, " "), err, tail(stdout.Bytes()), stderr.Bytes())
	}
	return stdout.Bytes()
}

// AddMachine registers an agent whose configuration is agent (written
// there with the local API's URL) with this local API's database.
func (c *Config) AddMachine(name string, agent *Config, url string) {
	c.t.Helper()
	pw := fmt.Sprintf("pw-%s-%d-%d", name, os.Getpid(), time.Now().UnixNano())
	c.Cscli(30*time.Second, "machines", "add", name, "--password", pw, "--force", "-f", "/dev/null", "--url", url)
	agent.writeCredentials(url, name, pw)
}

// AddBouncer registers a bouncer and returns its API key.
func (c *Config) AddBouncer(name string) string {
	c.t.Helper()
	key := strings.TrimSpace(string(c.Cscli(30*time.Second, "bouncers", "add", name, "-o", "raw")))
	if key == "" {
		c.t.Fatalf("cscli bouncers add %s: no key", name)
	}
	return key
}

// Alert is the part of cscli alerts list -o json the tests read.
type Alert struct {
	ID        int    `json:"id"`
	Scenario  string `json:"scenario"`
	MachineID string `json:"machine_id"`
	Source    struct {
		IP    string `json:"ip"`
		Scope string `json:"scope"`
		Value string `json:"value"`
	} `json:"source"`
	Decisions []struct {
		Type     string `json:"type"`
		Value    string `json:"value"`
		Duration string `json:"duration"`
	} `json:"decisions"`
	EventsCount int `json:"events_count"`
}

// Alerts returns every alert the local API holds.
func (c *Config) Alerts() []Alert {
	c.t.Helper()
	out := c.Cscli(60*time.Second, "alerts", "list", "-o", "json", "-l", "0")
	var a []Alert
	if err := json.Unmarshal(out, &a); err != nil {
		c.t.Fatalf("cscli alerts list -o json: %v: %s", err, tail(out))
	}
	return a
}

// Proc is a running crowdsec or bouncer, its output in a file.
type Proc struct {
	Name    string
	Log     string // its stdout and stderr
	cmd     *exec.Cmd
	done    chan struct{}
	waitErr error
}

// Start runs bin with args in the namespace; the test's cleanup stops it
// (SIGTERM, then SIGKILL after 10 s).
func (c *Config) Start(name, bin string, args ...string) *Proc {
	c.t.Helper()
	p := &Proc{Name: name, Log: filepath.Join(c.Dir, name+".log"), done: make(chan struct{})}
	f, err := os.Create(p.Log)
	if err != nil {
		c.t.Fatal(err)
	}
	p.cmd = c.Command(context.Background(), bin, args...)
	p.cmd.Stdout, p.cmd.Stderr = f, f
	if err := p.cmd.Start(); err != nil {
		f.Close()
		c.t.Fatalf("starting %s: %v", name, err)
	}
	f.Close()
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.done)
	}()
	c.t.Cleanup(func() { p.Stop() })
	return p
}

// Stop ends the process: SIGTERM, then SIGKILL after 10 s.
func (p *Proc) Stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// Exited tells whether the process has exited, and how.
func (p *Proc) Exited() (bool, error) {
	select {
	case <-p.done:
		return true, p.waitErr
	default:
		return false, nil
	}
}

// Output is the process's output so far (its last 8 KiB).
func (p *Proc) Output() string {
	b, _ := os.ReadFile(p.Log)
	return string(tail(b))
}

// WaitFor waits until the output contains s; it fails the test when the
// process exits first or after timeout.
func (p *Proc) WaitFor(t *testing.T, s string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		b, _ := os.ReadFile(p.Log)
		if bytes.Contains(b, []byte(s)) {
			return
		}
		if ok, err := p.Exited(); ok {
			t.Fatalf("%s exited (%v) before saying %q:\n%s", p.Name, err, s, tail(b))
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not say %q within %v:\n%s", p.Name, s, timeout, tail(b))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// StartLAPI registers a machine for this configuration's cscli, runs the
// local API alone (crowdsec -no-cs) and waits until it listens.
func (c *Config) StartLAPI() *Proc {
	c.t.Helper()
	c.AddMachine("cscli", c, c.URL)
	p := c.Start("lapi", c.In.Crowdsec, "-c", c.Path, "-no-cs")
	p.WaitFor(c.t, "CrowdSec Local API listening", 60*time.Second)
	return p
}

// Replay runs the agent over a whole file (crowdsec -dsn file://... -type
// typ -no-api): its alerts go to the local API, with the times of the
// lines. It returns crowdsec's output.
func (c *Config) Replay(file, typ string) string {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := c.Command(ctx, c.In.Crowdsec, "-c", c.Path, "-dsn", "file://"+file, "-type", typ, "-no-api")
	out, err := cmd.CombinedOutput()
	if err != nil {
		c.t.Fatalf("crowdsec -dsn file://%s -type %s: %v\n%s", file, typ, err, tail(out))
	}
	return string(out)
}

// Problems returns crowdsec's error and fatal messages in out, without
// those of a missing GeoIP database (Debian ships none; harmless).
func Problems(out string) []string {
	var p []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.Contains(l, "level=error") && !strings.Contains(l, "level=fatal") {
			continue
		}
		if strings.Contains(l, "GeoLite2") || strings.Contains(l, ".mmdb") {
			continue
		}
		p = append(p, l)
	}
	return p
}

// BuildDaemon builds pfasciilogd from the module at moduleRoot into dir.
func BuildDaemon(moduleRoot, dir string) (string, error) {
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		goTool = "go"
	}
	bin := filepath.Join(dir, "pfasciilogd")
	cmd := exec.Command(goTool, "build", "-o", bin, "./cmd/pfasciilogd")
	cmd.Dir = moduleRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/pfasciilogd: %v\n%s", err, out)
	}
	return bin, nil
}

func tail(b []byte) []byte {
	if len(b) > 8192 {
		return append([]byte("..."), b[len(b)-8192:]...)
	}
	return b
}

// ---- network namespaces ----

// Netns creates the network namespace pfae2e-PID-cs-HASH-suffix (the e2e
// tests' naming, so that their stale-namespace cleanup finds it; HASH is
// the test's name's) with its loopback up, deleted by the test's cleanup.
func Netns(t *testing.T, suffix string) string {
	t.Helper()
	h := fnv.New32a()
	h.Write([]byte(t.Name()))
	ns := fmt.Sprintf("pfae2e-%d-cs%08x-%s", os.Getpid(), h.Sum32(), suffix)
	if out, err := exec.Command("ip", "netns", "add", ns).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add %s: %v: %s", ns, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("ip", "netns", "del", ns).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", ns, err, out)
		}
	})
	if out, err := exec.Command("ip", "-n", ns, "link", "set", "lo", "up").CombinedOutput(); err != nil {
		t.Fatalf("ip -n %s link set lo up: %v: %s", ns, err, out)
	}
	return ns
}

// RequireRoot skips the test unless it runs as root on Linux with ip.
func RequireRoot(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("crowdsec test: skipped in -short mode")
	}
	if os.Geteuid() != 0 {
		t.Skip("crowdsec test needs root (network namespaces for the local API): not root")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("crowdsec test needs ip (Debian package iproute2)")
	}
}
