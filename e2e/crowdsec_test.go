package e2e

// The CrowdSec fleet, live: a scan seen by one firewall is banned on
// another. Four namespaces:
//
//	attacker  198.18.7.1 ─┬─ wan ─ firewall A 198.18.7.2: nftables logs to
//	                      │        NFLOG and drops, pfasciilogd -i nflog:7
//	                      │        writes pf.log, crowdsec agent A reads it
//	                      └─ wan ─ firewall B 198.18.7.3: crowdsec-firewall-
//	                               bouncer (nftables)
//	local API 198.18.8.1 ─── lan ─ A 198.18.8.2, B 198.18.8.3
//
// Agent A sends its alerts to the local API, B's bouncer pulls the
// decisions. The test measures the time from the first scan packet (its
// time in A's log) to the attacker's address in B's nftables set, checks
// that B saw none of the scan, and that B drops the attacker's packets
// after the ban. It needs Debian's crowdsec and crowdsec-firewall-bouncer
// (see contrib/crowdsec/cstest); it skips without them.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pfasciilogd/pfasciilogd/contrib/crowdsec/cstest"
)

const (
	fleetB        = "198.18.7.3" // firewall B on the wan (the attacker is srcAddr, A dstAddr)
	fleetLAPI     = "198.18.8.1" // the local API on the lan
	fleetA        = "198.18.8.2"
	fleetBLan     = "198.18.8.3"
	fleetLAPIPort = "8080"
	monTable      = "pfe2emon"
	// How long the ban may take; it takes a few seconds.
	fleetDeadline = 90 * time.Second
)

func TestCrowdSecFleet(t *testing.T) {
	requireEnv(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	in, why := cstest.Find(root)
	if in == nil {
		t.Skip(why)
	}
	t.Parallel()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	contrib := filepath.Join(root, "contrib", "crowdsec")

	atk, fwA, fwB, lapiNS := cstest.Netns(t, "atk"), cstest.Netns(t, "fwa"), cstest.Netns(t, "fwb"), cstest.Netns(t, "lapi")
	segment(t, "wan", atk, srcAddr, [][2]string{{fwA, dstAddr}, {fwB, fleetB}})
	segment(t, "lan", lapiNS, fleetLAPI, [][2]string{{fwA, fleetA}, {fwB, fleetBLan}})

	// Firewall A logs and drops everything the attacker sends.
	nft(t, fwA, fmt.Sprintf(`table inet %s {
	chain input {
		type filter hook input priority 0; policy accept;
		ip saddr %s log group %d drop
	}
}
`, nftTable, srcAddr, daemonGroup))
	// Firewall B counts what the attacker sends it before any other chain
	// (seen) and what gets past the bouncer's chain (passed).
	nft(t, fwB, fmt.Sprintf(`table inet %[1]s {
	counter seen { }
	counter passed { }
	chain first {
		type filter hook input priority -300; policy accept;
		ip saddr %[2]s counter name "seen"
	}
	chain last {
		type filter hook input priority 300; policy accept;
		ip saddr %[2]s counter name "passed"
	}
}
`, monTable, srcAddr))

	// The local API, on its own namespace's lan address.
	url := "http://" + fleetLAPI + ":" + fleetLAPIPort
	lapi := in.NewConfig(t, filepath.Join(dir, "lapi"), lapiNS, cstest.Options{Listen: fleetLAPI + ":" + fleetLAPIPort, URL: url})
	lapi.StartLAPI()

	// Firewall A: pfasciilogd, then the agent reading its log.
	p := &netPair{sendNS: atk, recvNS: fwA}
	logPath := filepath.Join(dir, "pf.log")
	d := startDaemon(t, p, filepath.Join(dir, "a.pid"), "-i", "nflog:"+strconv.Itoa(daemonGroup), "--log", logPath)
	agentA := in.NewConfig(t, filepath.Join(dir, "agent-a"), fwA, cstest.Options{
		URL:        url,
		Contrib:    contrib,
		Acquis:     fmt.Sprintf("filenames:\n  - %s\nlabels:\n  type: pfasciilogd-nflog\n", logPath),
		Prometheus: "127.0.0.1:6060",
	})
	lapi.AddMachine("firewall-a", agentA, url)
	agent := agentA.Start("agent", in.Crowdsec, "-c", agentA.Path, "-no-api")

	// Firewall B: the bouncer. It leaves its tables behind when it stops:
	// delete them after it (cleanups run last first).
	t.Cleanup(func() {
		for _, tbl := range []string{"ip crowdsec", "ip6 crowdsec6"} {
			nftCmd(fwB, "delete table "+tbl+"\n")
		}
	})
	key := lapi.AddBouncer("firewall-b")
	bcfg := filepath.Join(dir, "bouncer.yaml")
	if err := os.WriteFile(bcfg, []byte(fmt.Sprintf(`mode: nftables
pid_dir: %[1]s
update_frequency: 1s
daemonize: false
log_mode: stdout
log_dir: %[1]s
log_level: info
api_url: %[2]s/
api_key: %[3]s
disable_ipv6: true
deny_action: DROP
deny_log: false
supported_decisions_types:
  - ban
blacklists_ipv4: crowdsec-blacklists
blacklists_ipv6: crowdsec6-blacklists
nftables:
  ipv4:
    enabled: true
    set-only: false
    table: crowdsec
    chain: crowdsec-chain
  ipv6:
    enabled: false
    set-only: false
    table: crowdsec6
    chain: crowdsec6-chain
prometheus:
  enabled: false
  listen_addr: 127.0.0.1
  listen_port: 60601
`, dir, url, key)), 0o600); err != nil {
		t.Fatal(err)
	}
	bouncerCfg := in.NewConfig(t, filepath.Join(dir, "bouncer"), fwB, cstest.Options{})
	bouncer := bouncerCfg.Start("bouncer", in.Bouncer, "-c", bcfg)
	waitFor(t, 30*time.Second, "the bouncer's nftables set on B", func() (bool, string) {
		if ok, err := bouncer.Exited(); ok {
			t.Fatalf("the bouncer exited (%v):\n%s", err, bouncer.Output())
		}
		_, err := banned(fwB)
		return err == nil, fmt.Sprint(err)
	})

	// Before the scan the attacker reaches B: 3 packets seen, 3 passed.
	p.send(t, "-dst", fleetB, "udp:41000:9:8:3")
	waitFor(t, 10*time.Second, "B to count the attacker's 3 packets", func() (bool, string) {
		n := nftPackets(t, fwB, monTable, "passed")
		return n == 3, fmt.Sprintf("passed %d", n)
	})

	// The agent reads A's log: a packet to A, again every second (the
	// agent's tail starts at the end of the file some time after it says
	// so), until the agent has read a line of it (cscli metrics).
	agent.WaitFor(t, "Starting processing data", 60*time.Second)
	var canary time.Time
	waitFor(t, 30*time.Second, "agent A to read A's log", func() (bool, string) {
		if ok, err := agent.Exited(); ok {
			t.Fatalf("agent A exited (%v):\n%s", err, agent.Output())
		}
		n, err := linesRead(agentA, logPath)
		if n == 0 && time.Since(canary) > time.Second {
			p.send(t, "udp:41000:9:8")
			canary = time.Now()
		}
		return n >= 1, fmt.Sprintf("%d lines read (%v), %d lines in %s; agent:\n%s", n, err, countLines(logPath), logPath, agent.Output())
	})
	before := countLines(logPath)

	// The scan of A: 30 TCP ports and 20 UDP ports.
	var scan []string
	for i := 0; i < 30; i++ {
		scan = append(scan, fmt.Sprintf("syn:%d:%d:1:1024", 42000+i, 1+i))
	}
	for i := 0; i < 20; i++ {
		scan = append(scan, fmt.Sprintf("udp:%d:%d:4", 43000+i, 1000+i))
	}
	start := time.Now()
	p.send(t, scan...)
	var banAt time.Time
	waitFor(t, fleetDeadline, "the attacker's address in B's nftables set", func() (bool, string) {
		ips, err := banned(fwB)
		if err == nil && ips[srcAddr] {
			banAt = time.Now()
			return true, ""
		}
		return false, fmt.Sprintf("set: %v (%v); agent A:\n%s\nbouncer:\n%s", ips, err, agent.Output(), bouncer.Output())
	})
	seenAtBan := nftPackets(t, fwB, monTable, "seen")

	// The first scan packet's time, as A's log has it.
	lines := readLog(t, logPath)
	if len(lines) < before+len(scan) {
		t.Fatalf("A's log has %d lines, want %d and the scan's %d", len(lines), before, len(scan))
	}
	first, err := time.Parse(time.RFC3339Nano, strings.Fields(lines[before])[0])
	if err != nil {
		t.Fatalf("A's log, line %d: %v", before+1, err)
	}
	t.Logf("CROWDSEC FLEET: first scan packet on A (%s) -> attacker in B's nftables set: %.2fs (%.2fs after the sender started; deadline %v)",
		first.Format("15:04:05.000000"), banAt.Sub(first).Seconds(), banAt.Sub(start).Seconds(), fleetDeadline)
	if seenAtBan != 3 {
		t.Errorf("B saw %d packets from the attacker before the ban, want the 3 before the scan: B saw the scan", seenAtBan)
	}

	// After the ban B drops the attacker's packets: 5 more seen, none
	// passed.
	p.send(t, "-dst", fleetB, "udp:41100:9:8:5", "syn:41200:22:1:1024")
	waitFor(t, 10*time.Second, "B to see the attacker's 6 packets after the ban", func() (bool, string) {
		n := nftPackets(t, fwB, monTable, "seen")
		return n == 3+6, fmt.Sprintf("seen %d", n)
	})
	if n := nftPackets(t, fwB, monTable, "passed"); n != 3 {
		t.Errorf("%d of the attacker's packets got past B's bouncer, want only the 3 before the ban", n)
	}

	// The decision came from agent A's alert, for the port scan.
	found := false
	for _, a := range lapi.Alerts() {
		if a.MachineID == "firewall-a" && a.Scenario == "pfasciilogd/pf-scan-multi_ports" && a.Source.Value == srcAddr {
			found = true
		}
		if a.Source.Value != srcAddr {
			t.Errorf("alert %d (%s by %s) for %s, not the attacker", a.ID, a.Scenario, a.MachineID, a.Source.Value)
		}
	}
	if !found {
		t.Errorf("no alert pfasciilogd/pf-scan-multi_ports for %s from firewall-a", srcAddr)
	}
	if p := cstest.Problems(agent.Output()); len(p) > 0 {
		t.Errorf("agent A reported problems:\n%s", strings.Join(p, "\n"))
	}
	st := d.stop()
	t.Logf("pfasciilogd on A: lines_written %d, lines_dropped %d", st.num("lines_written"), st.num("lines_dropped"))
}

// banned returns the addresses in the bouncer's nftables set in ns.
func banned(ns string) (map[string]bool, error) {
	out, err := exec.Command("ip", "netns", "exec", ns, "nft", "-j", "list", "set", "ip", "crowdsec", "crowdsec-blacklists").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("nft list set ip crowdsec crowdsec-blacklists: %v: %s", err, strings.TrimSpace(string(out)))
	}
	var doc struct {
		Nftables []struct {
			Set *struct {
				Elem []json.RawMessage `json:"elem"`
			} `json:"set"`
		} `json:"nftables"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("nft -j list set: %v: %s", err, out)
	}
	ips := map[string]bool{}
	for _, o := range doc.Nftables {
		if o.Set == nil {
			continue
		}
		for _, e := range o.Set.Elem {
			// An address, or {"elem": {"val": address, "timeout": ...}}.
			var s string
			if json.Unmarshal(e, &s) == nil {
				ips[s] = true
				continue
			}
			var x struct {
				Elem struct {
					Val string `json:"val"`
				} `json:"elem"`
			}
			if json.Unmarshal(e, &x) == nil && x.Elem.Val != "" {
				ips[x.Elem.Val] = true
			}
		}
	}
	return ips, nil
}

// linesRead is how many lines of file the agent has read, from cscli
// metrics (its acquisition counters).
func linesRead(agent *cstest.Config, file string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := agent.Command(ctx, agent.In.Cscli, "-c", agent.Path, "--error", "metrics", "-o", "json")
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("cscli metrics: %v", err)
	}
	// cscli 1.4.6 prints one JSON object per table; the acquisition one
	// maps "file:PATH" to its counters.
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var m map[string]json.RawMessage
		if err := dec.Decode(&m); err != nil {
			if err == io.EOF {
				break
			}
			return 0, fmt.Errorf("cscli metrics -o json: %v: %.300s", err, out)
		}
		for src, raw := range m {
			var c map[string]int
			if strings.HasSuffix(src, file) && json.Unmarshal(raw, &c) == nil {
				return c["reads"], nil
			}
		}
	}
	return 0, nil
}
