// Package fail2ban holds pfasciilogd's fail2ban filters (filter.d/) and an
// example jail (jail.d/). Its test runs the real fail2ban-regex (Debian's
// fail2ban package) over pfasciilogd's output for a capture written by the
// project's generator in attack mode, and checks each mode's result against
// what the generator knows it wrote: every source of a packet the mode
// covers is found, nothing else is, no address forged into a payload or a
// name ever is, and no source that cannot be an attacker (nonHost) is.
package fail2ban

import (
	"bufio"
	"bytes"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

const (
	filterPflog = "filter.d/pfasciilogd.conf"
	filterNFLOG = "filter.d/pfasciilogd-nflog.conf"
	// The failregex of the filter this one replaces (README.md, "Migrating
	// from the old filter").
	oldFailregex = `rule \d/\d\(match\): block in on \w+: <HOST>\.\d+`
	// nflogGroup is the group the NFLOG test bans from; records of
	// nflogOther must not match.
	nflogGroup = 7
	nflogOther = 8
	// The time zone pfasciilogd writes its times in, with a half-hour
	// offset, so that a date taken without its offset shows.
	testTZ = "Asia/Kolkata"
)

// A mode of the filter and the packets it covers.
type mode struct {
	name   string
	covers func(pcapgen.Kind) bool
}

var modes = []mode{
	{"normal", func(pcapgen.Kind) bool { return true }},
	{"syn", func(k pcapgen.Kind) bool {
		return k == pcapgen.KindTCPSyn || k == pcapgen.KindUDP || k == pcapgen.KindICMP
	}},
	{"tcp", func(k pcapgen.Kind) bool { return k == pcapgen.KindTCPSyn }},
}

// capture writes the attack capture: the generator's three pflog header
// layouts, each with ordinary traffic and every attack kind. The
// environment variable FAIL2BAN_TEST_SEED picks another seed.
func capture(t *testing.T) ([]pcapgen.Record, []pcapgen.Truth, map[netip.Addr]bool) {
	seed := int64(20261122)
	if s := os.Getenv("FAIL2BAN_TEST_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("FAIL2BAN_TEST_SEED: %v", err)
		}
		seed = n
	}
	var recs []pcapgen.Record
	var truth []pcapgen.Truth
	victims := map[netip.Addr]bool{}
	var shift uint32
	attacks := 0
	for i, fl := range []pcapgen.Flavor{pcapgen.FlavorFreeBSD, pcapgen.FlavorOther, pcapgen.FlavorOpenBSD} {
		c := pcapgen.Attack(pcapgen.AttackConfig{Seed: seed + int64(i), Flavor: fl, Background: 5000, Rounds: 6})
		nh := pcapgen.NonHost(fl, c.Records[len(c.Records)-1].Sec+1)
		c.Records = append(c.Records, nh.Records...)
		c.Truth = append(c.Truth, nh.Truth...)
		base := c.Records[0].Sec
		for j, r := range c.Records {
			r.Sec = r.Sec - base + 1763772000 + shift
			recs = append(recs, r)
			truth = append(truth, c.Truth[j])
		}
		shift = recs[len(recs)-1].Sec - 1763772000 + 10
		for _, v := range c.Victims {
			victims[v] = true
		}
		for _, tr := range c.Truth {
			if tr.Attack != "" {
				attacks++
			}
		}
	}
	t.Logf("seed %d: %d pflog records, %d of them attack records, naming %d victims", seed, len(recs), attacks, len(victims))
	return recs, truth, victims
}

func TestPflogFilter(t *testing.T) {
	f2b := requireFail2ban(t)
	dir := t.TempDir()
	bin := daemon(t)
	filter := filterPath(t, dir, filterPflog)

	recs, truth, victims := capture(t)
	pcap := filepath.Join(dir, "attack.pcap")
	if err := pcapgen.WriteFile(pcap, 65535, recs); err != nil {
		t.Fatal(err)
	}
	log := decode(t, bin, pcap)
	checkAttackReachedLog(t, log)

	blockIn := func(tr pcapgen.Truth) bool { return tr.BlockIn() }
	for _, m := range modes {
		expect, unbannable := expected(truth, m, blockIn)
		found := runRegex(t, f2b, log, fmt.Sprintf("%s[mode=%s]", filter, m.name), "ip")
		check(t, "pflog "+m.name, found, expect, unbannable, victims)
		checkNonHost(t, "pflog "+m.name, found, truth, m, blockIn)
	}
	checkTimes(t, f2b, log, filter, recs, truth, blockIn)

	// The old filter on the same log, for the migration note.
	expect, _ := expected(truth, modes[0], blockIn)
	found := runRegex(t, f2b, log, oldFailregex, "ip")
	p, r, v, _ := score(found, expect, victims)
	t.Logf("old failregex %q (normal): precision %.3f, recall %.3f, %d victims banned", oldFailregex, p, r, v)
}

func TestNFLOGFilter(t *testing.T) {
	f2b := requireFail2ban(t)
	dir := t.TempDir()
	bin := daemon(t)
	filter := filterPath(t, dir, filterNFLOG)

	recs, truth, victims := capture(t)
	c := &pcapgen.AttackCapture{Records: recs, Truth: truth}
	nrecs, ntruth := c.NFLOG(func(i int) uint16 {
		if i%5 == 0 {
			return nflogOther
		}
		return nflogGroup
	})
	pcap := filepath.Join(dir, "nflog.pcap")
	if err := pcapgen.WriteFileLinkType(pcap, pcapgen.LinkTypeNFLOG, 65535, nrecs); err != nil {
		t.Fatal(err)
	}
	log := decode(t, bin, pcap)
	checkAttackReachedLog(t, log)

	inGroup := func(tr pcapgen.Truth) bool { return tr.Group == nflogGroup }
	for _, m := range modes {
		expect, unbannable := expected(ntruth, m, inGroup)
		found := runRegex(t, f2b, log, fmt.Sprintf("%s[mode=%s, group=%d]", filter, m.name, nflogGroup), "ip")
		check(t, "nflog "+m.name, found, expect, unbannable, victims)
		checkNonHost(t, "nflog "+m.name, found, ntruth, m, inGroup)
	}
	checkTimes(t, f2b, log, fmt.Sprintf("%s[group=%d]", filter, nflogGroup), nrecs, ntruth, inGroup)
}

// ---- expectations ----

// f2bAddr is the text fail2ban's <ADDR> reports for a source address, and
// whether it can report it at all: IPv4-mapped addresses come out as IPv4;
// tcpdump prints IPv4-compatible ones (::a.b.c.d) dotted, and "::" bare,
// which <ADDR> does not match.
func f2bAddr(a netip.Addr) (string, bool) {
	if a.Is4In6() {
		return a.Unmap().String(), true
	}
	if a.Is6() {
		b := a.As16()
		if bytes.Equal(b[:12], make([]byte, 12)) && a != netip.IPv6Loopback() {
			return a.String(), false
		}
	}
	return a.String(), true
}

// nonHost tells whether a is no host's own address, so that the filters
// must never report it: unspecified (0.0.0.0, ::), link-local unicast
// (169.254.0.0/16, fe80::/10), multicast (224.0.0.0/4, ff00::/8), the
// IPv4 broadcast address, and these as IPv4-mapped IPv6 addresses.
func nonHost(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsUnspecified() || a.IsLinkLocalUnicast() || a.IsMulticast() || a == netip.AddrFrom4([4]byte{255, 255, 255, 255})
}

// expected is the set of sources the mode must ban, from the generator's
// account of each record, and the count of sources <ADDR> cannot hold.
func expected(truth []pcapgen.Truth, m mode, failure func(pcapgen.Truth) bool) (map[string]bool, int) {
	e := map[string]bool{}
	unbannable := map[string]bool{}
	for _, tr := range truth {
		if !tr.Printed || !failure(tr) || !m.covers(tr.Kind) || nonHost(tr.Src) {
			continue
		}
		if s, ok := f2bAddr(tr.Src); ok {
			e[s] = true
		} else {
			unbannable[s] = true
		}
	}
	return e, len(unbannable)
}

func normalize(s string) string {
	if a, err := netip.ParseAddr(strings.Trim(s, "[]")); err == nil {
		return a.Unmap().String()
	}
	return s
}

// score returns precision, recall, victims found and the found set.
func score(found []string, expect map[string]bool, victims map[netip.Addr]bool) (float64, float64, int, map[string]bool) {
	f := map[string]bool{}
	for _, s := range found {
		f[normalize(s)] = true
	}
	hit, vict := 0, 0
	for s := range f {
		if expect[s] {
			hit++
		}
		if a, err := netip.ParseAddr(s); err == nil && victims[a] {
			vict++
		}
	}
	p, r := 1.0, 1.0
	if len(f) > 0 {
		p = float64(hit) / float64(len(f))
	}
	if len(expect) > 0 {
		r = float64(hit) / float64(len(expect))
	}
	return p, r, vict, f
}

func check(t *testing.T, what string, found []string, expect map[string]bool, unbannable int, victims map[netip.Addr]bool) {
	t.Helper()
	p, r, v, f := score(found, expect, victims)
	t.Logf("%-12s %5d sources expected, %5d found: precision %.3f, recall %.3f, %d victims (%d sources <ADDR> cannot hold)",
		what, len(expect), len(f), p, r, v, unbannable)
	if len(expect) == 0 {
		t.Errorf("%s: nothing to find; the capture is too small", what)
	}
	var extra, missing []string
	for s := range f {
		if !expect[s] {
			extra = append(extra, s)
		}
	}
	for s := range expect {
		if !f[s] {
			missing = append(missing, s)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	if v > 0 {
		t.Errorf("%s: %d victims banned", what, v)
	}
	if len(extra) > 0 {
		t.Errorf("%s: %d addresses found that must not be: %s", what, len(extra), head(extra))
	}
	if len(missing) > 0 {
		t.Errorf("%s: %d sources not found: %s", what, len(missing), head(missing))
	}
}

// checkNonHost checks that the capture has sources that cannot be an
// attacker in packets the mode covers, and that none of them was found.
func checkNonHost(t *testing.T, what string, found []string, truth []pcapgen.Truth, m mode, failure func(pcapgen.Truth) bool) {
	t.Helper()
	nh := map[string]bool{}
	for _, tr := range truth {
		if tr.Printed && failure(tr) && m.covers(tr.Kind) && nonHost(tr.Src) {
			nh[tr.Src.Unmap().String()] = true
		}
	}
	var banned []string
	seen := map[string]bool{}
	for _, s := range found {
		if a, err := netip.ParseAddr(normalize(s)); err == nil && nonHost(a) && !seen[s] {
			seen[s] = true
			banned = append(banned, s)
		}
	}
	t.Logf("%-12s %5d sources that cannot be an attacker (0.0.0.0, ::, link-local, multicast, broadcast), %d found", what, len(nh), len(banned))
	if len(nh) == 0 {
		t.Errorf("%s: the capture has no source that cannot be an attacker in a packet this mode covers", what)
	}
	if len(banned) > 0 {
		sort.Strings(banned)
		t.Errorf("%s: sources that cannot be an attacker found: %s", what, head(banned))
	}
}

func head(s []string) string {
	if len(s) > 10 {
		return strings.Join(s[:10], " ") + " ..."
	}
	return strings.Join(s, " ")
}

// checkAttackReachedLog makes sure the forged lines are in the log for
// every payload printer that shows them, so that the test tests something.
func checkAttackReachedLog(t *testing.T, log string) {
	t.Helper()
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	victim := regexp.MustCompile(`(?:192\.0\.2\.\d+|2001:db8:bad:f00d:[0-9a-f:]+).* > `)
	markers := []string{"HTTP: GET /", "FTP: USER ", "SMTP: HELO ", "SSH: SSH-2.0-", "A? ", "SIP: OPTIONS sip:", `RRQ "`, ` C="`, "\t", ": block in on em0: "}
	seen := map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		if !victim.MatchString(line) {
			continue
		}
		for _, m := range markers {
			if strings.Contains(line, m) {
				seen[m]++
			}
		}
	}
	for _, m := range markers {
		if seen[m] == 0 {
			t.Errorf("no line of the log carries a forged line naming a victim with %q: the attack does not reach the log", m)
		}
	}
}

// checkTimes runs fail2ban-regex -o row in normal mode and checks that
// every failure has the time of a record with that source: the date comes
// from the line's prefix, with its offset, never from the packet text.
func checkTimes(t *testing.T, f2b, log, filter string, recs []pcapgen.Record, truth []pcapgen.Truth, failure func(pcapgen.Truth) bool) {
	t.Helper()
	bySec := map[int64]map[string]bool{}
	for i, tr := range truth {
		if !tr.Printed || !failure(tr) {
			continue
		}
		s, _ := f2bAddr(tr.Src)
		sec := int64(recs[i].Sec)
		if bySec[sec] == nil {
			bySec[sec] = map[string]bool{}
		}
		bySec[sec][s] = true
	}
	row := regexp.MustCompile(`^\['([^']*)',\s*([0-9.]+),`)
	bad := 0
	rows := runRegex(t, f2b, log, filter, "row")
	for _, l := range rows {
		m := row.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("fail2ban-regex -o row: unexpected line %q", l)
		}
		f, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		if !bySec[int64(f)][normalize(m[1])] {
			if bad++; bad <= 5 {
				t.Errorf("failure %s at %s: no record of that source at that time", m[1], time.Unix(int64(f), 0).UTC())
			}
		}
	}
	if len(rows) == 0 {
		t.Errorf("fail2ban-regex -o row found nothing")
	}
}

// ---- running things ----

func requireFail2ban(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("fail2ban filter test: skipped in -short mode")
	}
	p, err := exec.LookPath("fail2ban-regex")
	if err != nil {
		if _, err := os.Stat("/usr/bin/fail2ban-regex"); err != nil {
			t.Skip("fail2ban-regex not found: install Debian's fail2ban package (make test installs it when run as root)")
		}
		p = "/usr/bin/fail2ban-regex"
	}
	return p
}

var (
	buildOnce sync.Once
	binDir    string
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// daemon builds pfasciilogd from this checkout, once per test binary.
func daemon(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			goTool = "go"
		}
		if binDir, buildErr = os.MkdirTemp("", "pfasciilogd-f2b-"); buildErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "pfasciilogd")
		out, err := exec.Command(goTool, "build", "-o", binPath, "../../cmd/pfasciilogd").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build ../../cmd/pfasciilogd: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// filterPath is the filter's absolute path. fail2ban-regex takes an
// argument for a filter file only if it is made of word characters, "/",
// "-" and "."; a checkout elsewhere gets a copy of filter.d in dir.
func filterPath(t *testing.T, dir, name string) string {
	t.Helper()
	abs, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`^[\w/\-.]+$`).MatchString(abs) {
		return abs
	}
	fd := filepath.Join(dir, "filter.d")
	if err := os.MkdirAll(fd, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filterPflog, filterNFLOG} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, name)
}

// decode runs pfasciilogd -r with its default output and returns the
// log's path.
func decode(t *testing.T, bin, pcap string) string {
	t.Helper()
	log := pcap + ".log"
	f, err := os.Create(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command(bin, "-r", pcap)
	cmd.Env = append(os.Environ(), "TZ="+testTZ)
	cmd.Stdout = f
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s -r %s: %v\n%s", bin, pcap, err, stderr.Bytes())
	}
	return log
}

// runRegex runs fail2ban-regex -o OUT --raw on the log and returns its
// output lines.
func runRegex(t *testing.T, f2b, log, filter, out string) []string {
	t.Helper()
	cmd := exec.Command(f2b, "-o", out, "--raw", log, filter)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("fail2ban-regex -o %s --raw %s %s: %v\n%s%s", out, log, filter, err, stdout.Bytes(), stderr.Bytes())
	}
	var lines []string
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if strings.Contains(stderr.String(), "ERROR") {
		t.Fatalf("fail2ban-regex %s: %s", filter, stderr.Bytes())
	}
	return lines
}
