package contrib

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const portDir = "freebsd/port"

// portVar returns the value of VAR= in the port's Makefile, continuation
// lines joined.
func portVar(t *testing.T, mk, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `=\s*((?:.*\\\n)*.*)$`).FindStringSubmatch(mk)
	if m == nil {
		t.Errorf("port Makefile: no %s=", name)
		return ""
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(m[1], "\\\n", " ")), " ")
}

// TestPortMakefile: the port follows the Porter's Handbook's conventions
// for Go and matches the project: module path, target, rc.d script, user,
// license, version (the Debian changelog's upstream version).
func TestPortMakefile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(portDir, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	mk := string(b)
	gomod, _ := os.ReadFile("../go.mod")
	module := strings.TrimPrefix(strings.SplitN(string(gomod), "\n", 2)[0], "module ")
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(string(gomod))
	for name, want := range map[string]string{
		"PORTNAME":          "pfasciilogd",
		"DISTVERSIONPREFIX": "v",
		"GO_MODULE":         module,
		"GO_TARGET":         "./cmd/pfasciilogd:${PREFIX}/sbin/pfasciilogd",
		"USE_RC_SUBR":       "pfasciilogd",
		"LICENSE":           "BSD2CLAUSE",
		"LICENSE_FILE":      "${WRKSRC}/LICENSE",
		"USES":              "go:" + goVersion[1] + "+,modules",
		"OPTIONS_DEFINE":    "DOCS EXAMPLES",
	} {
		if got := portVar(t, mk, name); got != want {
			t.Errorf("port Makefile: %s=%q, want %q", name, got, want)
		}
	}
	if v := portVar(t, mk, "GO_BUILDFLAGS"); !strings.Contains(v, "-X main.version=${DISTVERSIONFULL}") || !strings.Contains(v, "-s -w") {
		t.Errorf("port Makefile: GO_BUILDFLAGS=%q does not stamp the version or strip", v)
	}
	changelog, _ := os.ReadFile("debian/changelog")
	if m := regexp.MustCompile(`^pfasciilogd \(([^-)]+)`).FindSubmatch(changelog); m == nil || string(m[1]) != portVar(t, mk, "DISTVERSION") {
		t.Errorf("port DISTVERSION %q and the Debian changelog's upstream version %q differ", portVar(t, mk, "DISTVERSION"), m)
	}
	// The rc.d script is the project's, and it runs as base's _pflogd.
	rc, err := os.ReadFile(filepath.Join(portDir, "files/pfasciilogd.in"))
	own, _ := os.ReadFile("freebsd/pfasciilogd.in")
	if err != nil || string(rc) != string(own) {
		t.Errorf("files/pfasciilogd.in is not contrib/freebsd/pfasciilogd.in: %v", err)
	}
	if !strings.Contains(string(rc), ": ${pfasciilogd_user=_pflogd}") || strings.Contains(mk, "\nUSERS=") {
		t.Error("the rc.d script's user is not base's _pflogd, or the port adds users")
	}
	descr, err := os.ReadFile(filepath.Join(portDir, "pkg-descr"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(descr), "\n") {
		if len(l) > 80 {
			t.Errorf("pkg-descr: line longer than 80: %q", l)
		}
	}
	if c := portVar(t, mk, "COMMENT"); len(c) > 70 || strings.HasSuffix(c, ".") || strings.HasPrefix(c, "A ") {
		t.Errorf("COMMENT %q: at most 70 characters, no leading article, no final period", c)
	}
}

// TestPortPlist: pkg-plist lists exactly what the port's do-install lays
// down (scripts/install.sh with the port's settings, staged), with the
// framework's own changes: man pages compressed, the rc.d script from
// USE_RC_SUBR, docs and examples under their options. Run "make
// port-plist" to rewrite pkg-plist after changing the installed files.
func TestPortPlist(t *testing.T) {
	needBinary(t)
	mk, err := os.ReadFile(filepath.Join(portDir, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	settings := []string{"PREFIX=${PREFIX}", "DESTDIR=${STAGEDIR}", "INSTALL_OS=FreeBSD", "SAMPLES=only"}
	flat := strings.Join(strings.Fields(strings.ReplaceAll(string(mk), "\\\n", " ")), " ")
	for _, s := range settings {
		if !strings.Contains(flat, " "+s+" ") {
			t.Errorf("the port's do-install does not pass %s to scripts/install.sh", s)
		}
	}
	dest := t.TempDir()
	installSh(t, "install", dest, "INSTALL_OS=FreeBSD", "SAMPLES=only")
	var plist []string
	var docs, examples []string
	for _, f := range stagedFiles(t, dest) {
		rel, ok := strings.CutPrefix(f, "usr/local/")
		switch {
		case !ok:
			t.Errorf("the port installs %s, outside PREFIX", f)
		case rel == "etc/rc.d/pfasciilogd":
			// USE_RC_SUBR adds it.
		case strings.HasPrefix(rel, "share/man/"):
			plist = append(plist, rel+".gz")
		case strings.HasSuffix(rel, ".sample"):
			plist = append(plist, "@sample "+rel)
		case strings.HasPrefix(rel, "share/doc/pfasciilogd/"):
			docs = append(docs, "%%PORTDOCS%%%%DOCSDIR%%/"+strings.TrimPrefix(rel, "share/doc/pfasciilogd/"))
		case strings.HasPrefix(rel, "share/examples/pfasciilogd/"):
			examples = append(examples, "%%PORTEXAMPLES%%%%EXAMPLESDIR%%/"+strings.TrimPrefix(rel, "share/examples/pfasciilogd/"))
		default:
			plist = append(plist, rel)
		}
	}
	want := strings.Join(append(append(plist, docs...), examples...), "\n") + "\n"
	file := filepath.Join(portDir, "pkg-plist")
	if os.Getenv("PFASCIILOGD_WRITE_PLIST") != "" {
		if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", file)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(want, "\n")
		var missing, extra []string
		for _, l := range wl {
			if !slices.Contains(gl, l) {
				missing = append(missing, l)
			}
		}
		for _, l := range gl {
			if !slices.Contains(wl, l) {
				extra = append(extra, l)
			}
		}
		t.Errorf("pkg-plist differs from what the port installs (make port-plist rewrites it):\n  missing %q\n  extra %q\nwant:\n%s", missing, extra, want)
	}
}
