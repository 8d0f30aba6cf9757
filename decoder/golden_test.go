package decoder

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// goldenDir holds X.pcap + X.txt pairs: the text FreeBSD's base tcpdump
// prints with -n -e -t for X.pcap, either copied from the conformance
// corpus or made by Debian's tcpdump and corrected (testdata/golden.sh).
const goldenDir = "../testdata/golden"

// goldenShow is how many differing records each file reports
// (GOLDEN_SHOW=N to see more).
func goldenShow() int {
	if n, err := strconv.Atoi(os.Getenv("GOLDEN_SHOW")); err == nil {
		return n
	}
	return 5
}

type goldenCase struct {
	name string
	recs []pcapgen.Record
	want [][]byte
}

func loadGolden(t testing.TB) []goldenCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(goldenDir, "*.pcap"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden captures in %s", goldenDir)
	}
	var cases []goldenCase
	for _, f := range files {
		lt, recs, err := pcapgen.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if lt != pcapgen.LinkTypePFLOG {
			t.Fatalf("%s: link type %d, want %d", f, lt, pcapgen.LinkTypePFLOG)
		}
		txt, err := os.ReadFile(strings.TrimSuffix(f, ".pcap") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		want := pcapgen.SplitRecords(txt)
		if len(want) != len(recs) {
			t.Fatalf("%s: %d records but %d records of text", f, len(recs), len(want))
		}
		cases = append(cases, goldenCase{strings.TrimSuffix(filepath.Base(f), ".pcap"), recs, want})
	}
	return cases
}

// TestGolden decodes every golden capture with one Decoder per file (the
// TCP conversation state spans the file, as in one tcpdump process) and
// compares each record's text, newlines included, with the expected one;
// once with a Summary, once without (Options.NoSummary, as for text).
func TestGolden(t *testing.T) {
	show := goldenShow()
	for _, c := range loadGolden(t) {
		for _, opts := range []Options{{}, {NoSummary: true}} {
			name := c.name
			if opts.NoSummary {
				name += "/nosummary"
			}
			t.Run(name, func(t *testing.T) {
				d := New(opts)
				var buf []byte
				bad := 0
				for i, r := range c.recs {
					buf = d.AppendRecord(buf[:0], r.Data, r.WireLen)
					if bytes.Equal(buf, c.want[i]) {
						continue
					}
					bad++
					if bad <= show {
						t.Errorf("record %d (caplen %d, len %d):\n%s", i+1, len(r.Data), r.WireLen, goldenDiff(c.want[i], buf))
					}
				}
				if bad > 0 {
					t.Errorf("%s: %d of %d records differ (%d match)", c.name, bad, len(c.recs), len(c.recs)-bad)
				}
			})
		}
	}
}

// goldenDiff shows both texts and where they part.
func goldenDiff(want, got []byte) string {
	n := 0
	for n < len(want) && n < len(got) && want[n] == got[n] {
		n++
	}
	from := n - 30
	if from < 0 {
		from = 0
	}
	tail := func(b []byte) string {
		end := n + 50
		if end > len(b) {
			end = len(b)
		}
		if from >= len(b) {
			return `""`
		}
		return strconv.Quote(string(b[from:end]))
	}
	return fmt.Sprintf("  want: %s\n  got:  %s\n  from byte %d: want %s\n                 got  %s",
		strings.TrimRight(string(want), "\n"), strings.TrimRight(string(got), "\n"), n, tail(want), tail(got))
}
