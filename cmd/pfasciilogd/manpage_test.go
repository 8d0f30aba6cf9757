package main

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const manPage = "../../contrib/pfasciilogd.8"

// TestManPageFlags: the man page's option list and its synopsis name
// exactly the flags "pfasciilogd -h" prints, each with the argument name
// -h gives it.
func TestManPageFlags(t *testing.T) {
	var usage bytes.Buffer
	if _, err := parseFlags([]string{"-h"}, &usage); err == nil {
		t.Fatal("-h did not stop")
	}
	// "  -log FILE" or "  -S\t...": the flag and its argument's name.
	helpRe := regexp.MustCompile(`(?m)^  -(\S+)(?: (\S+))?`)
	help := map[string]string{}
	for _, m := range helpRe.FindAllStringSubmatch(usage.String(), -1) {
		help[m[1]] = m[2]
	}
	if len(help) < 10 {
		t.Fatalf("found only %d flags in -h:\n%s", len(help), usage.String())
	}

	src, err := os.ReadFile(manPage)
	if err != nil {
		t.Fatal(err)
	}
	// ".It Fl -log Ar file" or ".It Fl -format Cm text | json".
	itRe := regexp.MustCompile(`(?m)^\.It Fl -?(\S+)(.*)$`)
	man := map[string]string{}
	for _, m := range itRe.FindAllStringSubmatch(string(src), -1) {
		man[m[1]] = strings.TrimSpace(m[2])
	}
	var missing, extra []string
	for f := range help {
		if _, ok := man[f]; !ok {
			missing = append(missing, f)
		}
	}
	for f := range man {
		if _, ok := help[f]; !ok {
			extra = append(extra, f)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("man page lacks %v; documents flags -h does not print: %v", missing, extra)
	}
	for f, arg := range help {
		m, ok := man[f]
		if !ok {
			continue
		}
		switch {
		case arg == "" || arg == "value" || arg == "string" || arg == "int":
			// A flag without a named argument: boolean (nothing
			// after it in the man page) or an option whose values
			// the man page lists.
			if (arg == "") != (m == "") {
				t.Errorf("-%s: -h says argument %q, man page %q", f, arg, m)
			}
		case !strings.EqualFold("Ar "+arg, m):
			t.Errorf("-%s: -h names the argument %s, man page says %q", f, arg, m)
		}
	}

	// The synopsis mentions every flag too.
	syn := string(src)
	if a, b := strings.Index(syn, ".Sh SYNOPSIS"), strings.Index(syn, ".Sh DESCRIPTION"); a >= 0 && b > a {
		syn = syn[a:b]
	}
	for f := range help {
		if len(f) == 1 { // -r, -S, -i, -Z, -V
			if !strings.Contains(syn, "Fl "+f) {
				t.Errorf("synopsis lacks -%s", f)
			}
		} else if !strings.Contains(syn, "Fl -"+f+" ") && !strings.Contains(syn, "Fl -"+f+"\n") {
			t.Errorf("synopsis lacks --%s", f)
		}
	}
}
