package contrib

// TestDefaultsAgree reads the files an administrator follows (rc.d scripts,
// newsyslog and logrotate, the systemd unit, the fail2ban jails and
// filters, the README and the man page) and fails when they disagree on
// one system's defaults: the log path, the pid file and the interface on
// the BSDs; the log path, the pid file and the NFLOG group on Linux. It
// compares what the files say with each other: no value is written here.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// A claim is one statement of a default: what, for which system, where.
type claim struct {
	sys, what, value string
	where            string // file:line
}

type claims struct {
	list []claim
}

func (c *claims) add(sys, what, value, file string, line int) {
	where := file
	if line > 0 {
		where = fmt.Sprintf("%s:%d", file, line)
	}
	c.list = append(c.list, claim{sys, what, value, where})
}

// Patterns of the statements read.
var (
	// A log path: /var/log/.../pf.log, not a rotated pf.log.0.
	logPathRE = regexp.MustCompile(`/var/log/(?:[\w-]+/)*pf\.log(?:\.\w+)?`)
	pidPathRE = regexp.MustCompile(`/(?:var/)?run/(?:[\w-]+/)*[\w-]+\.pid`)
	// An NFLOG group, however it is written.
	groupRE = regexp.MustCompile(`nflog:(\d+)|log group (\d+)|group=(\d+)|resource ID (\d+)|nflog-group (\d+)|NFLOG group (\d+)`)
	pflogRE = regexp.MustCompile(`\bpflog\d+\b`)
	// A newsyslog.conf line: the log, owner:group, mode, count, size,
	// when, flags, then the pid file, or (OpenBSD) a quoted command that
	// signals the daemon, which then has no pid file.
	newsyslogRE  = regexp.MustCompile(`^\s*(/\S+)\s+\S+:\S+\s+\d+\s+\d+\s+\S+\s+\S+\s+[A-Za-z]+\s+(/\S+|"[^"]*")`)
	pidfileOptRE = regexp.MustCompile(`(?:--pidfile[ =]|_pidfile=)(/\S+?)[,)"'\x60]*(?:\s|$)`)
	// Markers of a statement about one system.
	linuxRE = regexp.MustCompile(`(?i)nflog|nftables|\bnft\b|systemd|systemctl|\blinux\b|logrotate|debian`)
	bsdRE   = regexp.MustCompile(`(?i)pflog\d|freebsd|openbsd|newsyslog|pfctl|rc\.d|sysrc|rcctl|_pflogd|pf\.conf|\bpf\[|^\.(?:Fx|Ox)\b`)
)

// pathClaims records the log and pid paths that text states for sys.
func (c *claims) pathClaims(sys, text, file string, line int) {
	for _, p := range logPathRE.FindAllString(text, -1) {
		if strings.HasSuffix(p, "pf.log") {
			c.add(sys, "log", p, file, line)
		}
	}
	for _, m := range pidfileOptRE.FindAllStringSubmatch(text, -1) {
		c.add(sys, "pidfile", m[1], file, line)
	}
}

// groupClaims records every NFLOG group text names.
func (c *claims) groupClaims(text, file string, line int) {
	for _, m := range groupRE.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if g != "" {
				c.add("Linux", "group", g, file, line)
			}
		}
	}
}

func (c *claims) pflogClaims(text, file string, line int) {
	for _, i := range pflogRE.FindAllString(text, -1) {
		c.add("BSD", "interface", i, file, line)
	}
}

func readLines(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// systemFile reads a file that is about one system only: every log path,
// pid file, NFLOG group and pflog interface it names, comments included,
// is that system's default. In the systemd unit, a commented-out setting
// is an example of changing the default and is skipped.
func (c *claims) systemFile(t *testing.T, sys, file string) {
	t.Helper()
	for i, l := range readLines(t, file) {
		if strings.HasPrefix(strings.TrimLeft(l, "#; \t"), "Environment=") && strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		c.pathClaims(sys, l, file, i+1)
		for _, p := range pidPathRE.FindAllString(l, -1) {
			if !pidfileOptRE.MatchString(l) {
				c.add(sys, "pidfile", p, file, i+1)
			}
		}
		c.groupClaims(l, file, i+1)
		c.pflogClaims(l, file, i+1)
		if m := newsyslogRE.FindStringSubmatch(l); m != nil && !strings.HasPrefix(strings.TrimSpace(l), "#") {
			c.add(sys, "newsyslog", "present", file, i+1)
			if strings.HasPrefix(m[2], `"`) {
				c.add("OpenBSD", "pidfile", "none", file, i+1)
			}
		}
	}
}

// mixedFile reads a document about every system (the README, the man
// page) as units: a table row, a line of a code block, a paragraph of
// prose. A unit that names one system only (linuxRE, bsdRE) states that
// system's defaults; a newsyslog line is the BSDs'; a fail2ban-regex
// command or a jail is the system of its filter. Units naming both
// systems or neither are skipped, but NFLOG groups and pflog interfaces
// count wherever they are.
func (c *claims) mixedFile(t *testing.T, file string, man bool) {
	t.Helper()
	lines := readLines(t, file)
	type unit struct {
		text string
		line int
	}
	var units []unit
	var para []string
	paraStart := 0
	flush := func() {
		if len(para) > 0 {
			units = append(units, unit{strings.Join(para, " "), paraStart})
		}
		para = nil
	}
	inCode := false
	for i, l := range lines {
		n := i + 1
		switch {
		case !man && strings.HasPrefix(l, "```"):
			flush()
			inCode = !inCode
		case man && strings.HasPrefix(l, ".Bd"):
			flush()
			inCode = true
		case man && strings.HasPrefix(l, ".Ed"):
			flush()
			inCode = false
		case inCode && !man:
			units = append(units, unit{l, n})
		case inCode && man:
			// A literal block: one unit (a jail, commands), except
			// newsyslog lines.
			if newsyslogRE.MatchString(l) {
				units = append(units, unit{l, n})
				continue
			}
			if len(para) == 0 {
				paraStart = n
			}
			para = append(para, l)
		case !man && strings.HasPrefix(l, "|"):
			flush()
			units = append(units, unit{l, n})
		case strings.TrimSpace(l) == "", man && regexp.MustCompile(`^\.(?:Pp|Sh|Ss|It|Bl|El)\b`).MatchString(l):
			flush()
			if man && strings.HasPrefix(l, ".It") {
				paraStart = n
				para = append(para, l)
			}
		default:
			if len(para) == 0 {
				paraStart = n
			}
			para = append(para, l)
		}
	}
	flush()
	f2bRegexRE := regexp.MustCompile(`fail2ban-regex\s+(\S+)\s+'?(pfasciilogd(?:-nflog)?)\[`)
	jailRE := regexp.MustCompile(`filter\s*=\s*(pfasciilogd(?:-nflog)?)\[.*logpath\s*=\s*(\S+)|logpath\s*=\s*(\S+).*filter\s*=\s*(pfasciilogd(?:-nflog)?)\[`)
	for _, u := range units {
		c.groupClaims(u.text, file, u.line)
		c.pflogClaims(u.text, file, u.line)
		if m := newsyslogRE.FindStringSubmatch(u.text); m != nil {
			c.pathClaims("BSD", m[1], file, u.line)
			if strings.HasPrefix(m[2], `"`) {
				c.add("OpenBSD", "pidfile", "none", file, u.line)
			} else {
				c.add("BSD", "pidfile", m[2], file, u.line)
			}
			continue
		}
		if m := f2bRegexRE.FindStringSubmatch(u.text); m != nil {
			c.pathClaims(filterSystem(m[2]), m[1], file, u.line)
			continue
		}
		if m := jailRE.FindStringSubmatch(u.text); m != nil {
			if m[1] != "" {
				c.pathClaims(filterSystem(m[1]), m[2], file, u.line)
			} else {
				c.pathClaims(filterSystem(m[4]), m[3], file, u.line)
			}
			continue
		}
		linux, bsd := linuxRE.MatchString(u.text), bsdRE.MatchString(u.text)
		if man {
			bsd = bsd || regexp.MustCompile(`\.(?:Fx|Ox)\b`).MatchString(u.text)
		}
		switch {
		case linux && !bsd:
			c.pathClaims("Linux", u.text, file, u.line)
		case bsd && !linux:
			c.pathClaims("BSD", u.text, file, u.line)
		}
	}
}

func filterSystem(filter string) string {
	if filter == "pfasciilogd-nflog" {
		return "Linux"
	}
	return "BSD"
}

// jail reads a jail file: its one section must be enabled, use the filter
// and the action of its system; its logpath and group are claims.
func (c *claims) jail(t *testing.T, sys, file, filter, action string) {
	t.Helper()
	c.systemFile(t, sys, file)
	kv := map[string]string{}
	sections := 0
	for _, l := range readLines(t, file) {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[") {
			sections++
			continue
		}
		if k, v, ok := strings.Cut(l, "="); ok && !strings.HasPrefix(l, "#") {
			kv[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	if sections != 1 {
		t.Errorf("%s: %d sections, want one jail", file, sections)
	}
	if kv["enabled"] != "true" {
		t.Errorf("%s: enabled = %q: the jail of its system is enabled", file, kv["enabled"])
	}
	if !strings.HasPrefix(kv["filter"], filter+"[") {
		t.Errorf("%s: filter = %q, want %s[...]", file, kv["filter"], filter)
	}
	if !strings.HasPrefix(kv["banaction"], action+"[") {
		t.Errorf("%s: banaction = %q, want %s[...]", file, kv["banaction"], action)
	}
	if kv["logpath"] == "" {
		t.Errorf("%s: no logpath", file)
	}
}

// unit reads the systemd unit's active settings: the interface from
// Environment=, the log and pid file from ExecStart, which must lie in
// LogsDirectory and RuntimeDirectory.
func (c *claims) unit(t *testing.T, file string) {
	t.Helper()
	c.systemFile(t, "Linux", file)
	set := map[string]string{}
	for i, l := range readLines(t, file) {
		if strings.HasPrefix(l, "#") {
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		set[k] = v
		if k == "Environment" {
			if iface, ok := strings.CutPrefix(v, "PFASCIILOGD_INTERFACE="); ok {
				g, ok := strings.CutPrefix(iface, "nflog:")
				if !ok {
					t.Errorf("%s:%d: the unit's interface %q is not nflog:N", file, i+1, iface)
				}
				c.add("Linux", "group", g, file, i+1)
				c.add("Linux", "unit interface", "present", file, i+1)
			}
		}
	}
	exec := strings.Fields(set["ExecStart"])
	opt := func(name string) string {
		for i, f := range exec {
			if f == name && i+1 < len(exec) {
				return exec[i+1]
			}
		}
		t.Errorf("%s: ExecStart has no %s", file, name)
		return ""
	}
	if log := opt("--log"); log != "" {
		if d := set["LogsDirectory"]; filepath.Dir(log) != "/var/log/"+d {
			t.Errorf("%s: the log %s is not in LogsDirectory=%s (/var/log/%s), the one directory the service may write", file, log, d, d)
		}
	}
	if pid := opt("--pidfile"); pid != "" {
		if d := set["RuntimeDirectory"]; filepath.Dir(pid) != "/run/"+d {
			t.Errorf("%s: the pid file %s is not in RuntimeDirectory=%s (/run/%s)", file, pid, d, d)
		}
	}
	if opt("-i") != "${PFASCIILOGD_INTERFACE}" {
		t.Errorf("%s: ExecStart does not take -i from PFASCIILOGD_INTERFACE", file)
	}
}

// freebsdRC reads the FreeBSD rc.d script's defaults (": ${var:=...}").
func (c *claims) freebsdRC(t *testing.T, file string) {
	t.Helper()
	c.systemFile(t, "BSD", file)
	re := regexp.MustCompile(`^: \$\{pfasciilogd_(interface|logfile|pidfile):?=(?:\$\{\w+:-)?([^}]+)\}`)
	for i, l := range readLines(t, file) {
		m := re.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		what := map[string]string{"interface": "interface", "logfile": "log", "pidfile": "pidfile"}[m[1]]
		c.add("BSD", what, m[2], file, i+1)
		c.add("BSD", "freebsd rc.d "+what, "present", file, i+1)
	}
}

// openbsdRC reads daemon_flags; without --pidfile (or -i, --log) the
// daemon's built-in default applies, read from its flag definitions.
func (c *claims) openbsdRC(t *testing.T, file, mainGo string) {
	t.Helper()
	c.systemFile(t, "BSD", file)
	var flags []string
	line := 0
	for i, l := range readLines(t, file) {
		if v, ok := strings.CutPrefix(l, "daemon_flags="); ok {
			flags, line = strings.Fields(strings.Trim(v, `"`)), i+1
		}
	}
	if flags == nil {
		t.Fatalf("%s: no daemon_flags", file)
	}
	builtin := map[string]string{}
	for _, m := range regexp.MustCompile(`fs\.StringVar\(&c\.\w+, "(log|pidfile|i)", "([^"]*)"`).FindAllStringSubmatch(strings.Join(readLines(t, mainGo), "\n"), -1) {
		builtin[m[1]] = m[2]
	}
	for _, o := range []struct{ flag, name, what string }{{"-i", "i", "interface"}, {"--log", "log", "log"}, {"--pidfile", "pidfile", "pidfile"}} {
		v, where := builtin[o.name], mainGo
		for i, f := range flags {
			if f == o.flag && i+1 < len(flags) {
				v, where = flags[i+1], file
			}
			// --pidfile=: none, as OpenBSD's own daemons.
			if f == o.flag+"=" && o.name == "pidfile" {
				c.add("OpenBSD", "pidfile", "none", file, line)
				c.add("BSD", "openbsd rc.d pidfile", "present", file, line)
				v, where = "", file
			}
		}
		if v == "" && where == file {
			continue
		}
		if v == "" {
			t.Errorf("%s: %s neither in daemon_flags nor a built-in default in %s", file, o.flag, mainGo)
			continue
		}
		if where == mainGo {
			c.add("BSD", o.what, v, fmt.Sprintf("%s (built-in default, as %s:%d has no %s)", mainGo, file, line, o.flag), 0)
		}
		c.add("BSD", "openbsd rc.d "+o.what, "present", file, line)
	}
}

func TestDefaultsAgree(t *testing.T) {
	c := &claims{}
	c.freebsdRC(t, "freebsd/pfasciilogd.in")
	c.openbsdRC(t, "openbsd/pfasciilogd", "../cmd/pfasciilogd/main.go")
	c.systemFile(t, "BSD", "newsyslog/pfasciilogd.conf")
	c.systemFile(t, "BSD", "openbsd/newsyslog.conf")
	c.jail(t, "BSD", "fail2ban/jail.d/pfasciilogd.local", "pfasciilogd", "pf")
	c.unit(t, "systemd/pfasciilogd.service")
	c.systemFile(t, "Linux", "logrotate/pfasciilogd")
	c.jail(t, "Linux", "fail2ban/jail.d/pfasciilogd-nflog.local", "pfasciilogd-nflog", "nftables")
	c.systemFile(t, "Linux", "fail2ban/filter.d/pfasciilogd-nflog.conf")
	c.mixedFile(t, "fail2ban/filter.d/pfasciilogd.conf", false)
	c.mixedFile(t, "../README.md", false)
	c.mixedFile(t, "pfasciilogd.8", true)

	// Every file that must state a default states it: a pattern that
	// stops matching fails here rather than passing silently.
	required := []struct{ sys, what, file string }{
		{"BSD", "freebsd rc.d interface", "freebsd/pfasciilogd.in"},
		{"BSD", "freebsd rc.d log", "freebsd/pfasciilogd.in"},
		{"BSD", "freebsd rc.d pidfile", "freebsd/pfasciilogd.in"},
		{"BSD", "openbsd rc.d log", "openbsd/pfasciilogd"},
		{"BSD", "openbsd rc.d pidfile", "openbsd/pfasciilogd"},
		{"BSD", "newsyslog", "newsyslog/pfasciilogd.conf"},
		{"BSD", "newsyslog", "openbsd/newsyslog.conf"},
		{"BSD", "log", "newsyslog/pfasciilogd.conf"},
		{"BSD", "pidfile", "newsyslog/pfasciilogd.conf"},
		{"BSD", "log", "openbsd/newsyslog.conf"},
		{"OpenBSD", "pidfile", "openbsd/newsyslog.conf"},
		{"OpenBSD", "pidfile", "openbsd/pfasciilogd"},
		{"BSD", "log", "fail2ban/jail.d/pfasciilogd.local"},
		{"BSD", "log", "../README.md"},
		{"BSD", "log", "pfasciilogd.8"},
		{"Linux", "unit interface", "systemd/pfasciilogd.service"},
		{"Linux", "log", "systemd/pfasciilogd.service"},
		{"Linux", "pidfile", "systemd/pfasciilogd.service"},
		{"Linux", "log", "logrotate/pfasciilogd"},
		{"Linux", "log", "fail2ban/jail.d/pfasciilogd-nflog.local"},
		{"Linux", "group", "fail2ban/jail.d/pfasciilogd-nflog.local"},
		{"Linux", "log", "../README.md"},
		{"Linux", "group", "../README.md"},
		{"Linux", "log", "pfasciilogd.8"},
		{"Linux", "group", "pfasciilogd.8"},
	}
	for _, r := range required {
		found := false
		for _, cl := range c.list {
			if cl.sys == r.sys && cl.what == r.what && strings.HasPrefix(cl.where, r.file+":") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s states no %s %s: the test no longer reads it", r.file, r.sys, r.what)
		}
	}

	// One value per system and setting.
	type key struct{ sys, what string }
	byKey := map[key]map[string][]string{}
	for _, cl := range c.list {
		k := key{cl.sys, cl.what}
		if byKey[k] == nil {
			byKey[k] = map[string][]string{}
		}
		byKey[k][cl.value] = append(byKey[k][cl.value], cl.where)
	}
	var keys []key
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].sys+keys[i].what < keys[j].sys+keys[j].what })
	for _, k := range keys {
		vals := byKey[k]
		if len(vals) == 1 {
			for v, w := range vals {
				if v != "present" {
					t.Logf("%-5s %-9s %s (%d statements)", k.sys, k.what, v, len(w))
				}
			}
			continue
		}
		var b strings.Builder
		var vs []string
		for v := range vals {
			vs = append(vs, v)
		}
		sort.Strings(vs)
		for _, v := range vs {
			fmt.Fprintf(&b, "\n  %s: %s", v, strings.Join(vals[v], ", "))
		}
		t.Errorf("%s %s: the files disagree:%s", k.sys, k.what, b.String())
	}
}
