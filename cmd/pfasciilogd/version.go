package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/pfasciilogd/pfasciilogd/capture"
)

// version is the release the binary was built from, stamped by make
// (-ldflags "-X main.version=$(git describe --tags --always --dirty)"),
// by the FreeBSD port and by make deb. It is set by the linker only and
// never written at run time; when empty, --version falls back to the
// module version in the build information.
var version string

// versionText returns what --version prints: the version, then the
// module and VCS revision Go recorded in the binary (vcs.revision,
// vcs.modified, vcs.time; absent with -buildvcs=false, in a git worktree
// or outside a checkout), then the Go toolchain and platform.
func versionText(stamped string, bi *debug.BuildInfo, ok bool) string {
	var b strings.Builder
	v := stamped
	if v == "" && ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	if v == "" {
		v = "unknown (none stamped: make stamps git describe; or go build -ldflags \"-X main.version=...\")"
	}
	b.WriteString("pfasciilogd " + v + "\n")
	if !ok {
		b.WriteString("no build information\n")
		return b.String()
	}
	mod := bi.Main.Path
	if mod == "" {
		mod = "github.com/pfasciilogd/pfasciilogd"
	}
	mv := bi.Main.Version
	if mv == "" {
		mv = "(devel)"
	}
	b.WriteString("module " + mod + " " + mv + "\n")
	var rev, modified, when string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		case "vcs.time":
			when = s.Value
		}
	}
	if rev != "" {
		b.WriteString("revision " + rev)
		if modified == "true" {
			b.WriteString(" (modified)")
		}
		if when != "" {
			b.WriteString(" " + when)
		}
		b.WriteString("\n")
	} else {
		b.WriteString("revision unknown (no VCS information in the build)\n")
	}
	goVersion := bi.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	b.WriteString("built with " + goVersion + " for " + runtime.GOOS + "/" + runtime.GOARCH + "\n")
	return b.String()
}

// commandHint returns a hint when a filter expression that does not
// compile is a single word that looks like a command, as in
// "pfasciilogd version": pfasciilogd has no subcommands.
func commandHint(expr string) string {
	switch strings.TrimLeft(strings.TrimSpace(expr), "-") {
	case "version", "V":
		return "pfasciilogd has no subcommands; did you mean --version?"
	case "help", "h", "usage":
		return "pfasciilogd has no subcommands; did you mean -h?"
	}
	return ""
}

// printVersion writes versionText for this binary to w.
func printVersion(w io.Writer) {
	bi, ok := debug.ReadBuildInfo()
	io.WriteString(w, versionText(version, bi, ok))
}

// checkLiveFilter refuses a filter expression that does not compile for
// the interface's link type, once and before anything starts (the daemon
// would log it and print it again), with a hint when it looks like a
// subcommand.
func checkLiveFilter(c *config) error {
	err := capture.CheckFilter(guessLinkType(c.iface), c.filter)
	if err == nil {
		return nil
	}
	if h := commandHint(c.filter); h != "" {
		return fmt.Errorf("%w\n%s", err, h)
	}
	return err
}
