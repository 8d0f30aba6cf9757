package crowdsec

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestFilesAgree checks, without crowdsec, that the collection lists the
// parsers and scenarios this directory has, by name, and that every type
// the acquisition example names is one the parser reads.
func TestFilesAgree(t *testing.T) {
	name := regexp.MustCompile(`(?m)^name: (\S+)$`)
	names := func(glob string) []string {
		files, _ := filepath.Glob(glob)
		var n []string
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := name.FindSubmatch(b)
			if m == nil {
				t.Fatalf("%s: no name", f)
			}
			n = append(n, string(m[1]))
		}
		sort.Strings(n)
		return n
	}
	coll, err := os.ReadFile("collections/pfasciilogd.yaml")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string][]string{}
	section := ""
	for _, l := range strings.Split(string(coll), "\n") {
		if strings.HasSuffix(l, ":") && !strings.HasPrefix(l, " ") {
			section = strings.TrimSuffix(l, ":")
		} else if item, ok := strings.CutPrefix(l, "  - "); ok {
			listed[section] = append(listed[section], item)
		}
	}
	for _, c := range []struct{ section, glob string }{
		{"parsers", "parsers/s01-parse/*.yaml"},
		{"scenarios", "scenarios/*.yaml"},
	} {
		got := listed[c.section]
		sort.Strings(got)
		if want := names(c.glob); !slices.Equal(got, want) {
			t.Errorf("collection lists %s %v, the directory has %v", c.section, got, want)
		}
	}

	parser, err := os.ReadFile("parsers/s01-parse/pfasciilogd-logs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	acquis, err := os.ReadFile("acquis.d/pfasciilogd.yaml")
	if err != nil {
		t.Fatal(err)
	}
	types := regexp.MustCompile(`(?m)^#?\s*type: (\S+)$`).FindAllSubmatch(acquis, -1)
	if len(types) < 4 {
		t.Fatalf("acquisition example names %d types, want the 4 the parser reads", len(types))
	}
	for _, m := range types {
		if !strings.Contains(string(parser), "evt.Line.Labels.type == '"+string(m[1])+"'") {
			t.Errorf("acquisition example names type %s, which the parser does not read", m[1])
		}
	}
}
