// Command extract copies records from the FreeBSD conformance corpus
// (../shared/conformance: pflog captures and the text FreeBSD's base
// tcpdump prints for them) into two golden files:
//
//   - freebsd-only.pcap/.txt: records showing what only FreeBSD's build
//     prints (uid, ridentifier, reason 15, actions noscrub/defer/match and
//     unknown ones, NetBIOS and SMB printers);
//   - conformance-sample.pcap/.txt: one record of every kind of text in
//     the corpus (the start and the end of the text, with numbers and
//     addresses blurred, tell kinds apart).
//
// The expected text is FreeBSD's, copied byte for byte. A record's text
// can depend on earlier records (tcpdump's TCP conversation table for
// relative sequence numbers), so the selection is checked with Debian's
// tcpdump, which keeps that table the same way: a record whose Debian
// text differs between the whole corpus file and the extract is dropped,
// until none does.
//
//	go run ./testdata/extract -corpus ../shared/conformance -o testdata/golden
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

type rec struct {
	file string
	idx  int
	pcap pcapgen.Record
	text []byte // FreeBSD's, with its newline(s)
}

func main() {
	corpus := flag.String("corpus", "../shared/conformance", "directory of X.pcap + X.txt")
	out := flag.String("o", "testdata/golden", "output directory")
	perFeature := flag.Int("per-feature", 14, "records per FreeBSD-only feature")
	tcpdump := flag.String("tcpdump", "tcpdump", "Debian's tcpdump, to check that no record depends on one left out")
	flag.Parse()

	files, err := filepath.Glob(filepath.Join(*corpus, "*.pcap"))
	if err != nil || len(files) == 0 {
		fail(fmt.Errorf("no captures in %s", *corpus))
	}
	sort.Strings(files)
	var all []rec
	debianAll := map[string][][]byte{}
	for _, f := range files {
		lt, recs, err := pcapgen.ReadFile(f)
		if err != nil {
			fail(err)
		}
		if lt != pcapgen.LinkTypePFLOG {
			fail(fmt.Errorf("%s: link type %d", f, lt))
		}
		txt, err := os.ReadFile(strings.TrimSuffix(f, ".pcap") + ".txt")
		if err != nil {
			fail(err)
		}
		texts := pcapgen.SplitRecords(txt)
		if len(texts) != len(recs) {
			fail(fmt.Errorf("%s: %d records, %d texts", f, len(recs), len(texts)))
		}
		for i := range recs {
			all = append(all, rec{f, i, recs[i], texts[i]})
		}
		if debianAll[f], err = debian(*tcpdump, f); err != nil {
			fail(err)
		}
		if len(debianAll[f]) != len(recs) {
			fail(fmt.Errorf("%s: Debian's tcpdump printed %d records for %d", f, len(debianAll[f]), len(recs)))
		}
	}

	only := selectFreeBSDOnly(all, *perFeature)
	taken := map[*rec]bool{}
	for _, r := range only {
		taken[r] = true
	}
	sample := selectSample(all, taken)

	for _, set := range []struct {
		name string
		recs []*rec
	}{{"freebsd-only", only}, {"conformance-sample", sample}} {
		recs := set.recs
		for round := 0; ; round++ {
			path := filepath.Join(*out, set.name+".pcap")
			if err := write(path, recs); err != nil {
				fail(err)
			}
			got, err := debian(*tcpdump, path)
			if err != nil {
				fail(err)
			}
			if len(got) != len(recs) {
				fail(fmt.Errorf("%s: Debian's tcpdump printed %d records for %d", path, len(got), len(recs)))
			}
			var keep []*rec
			for i, r := range recs {
				if bytes.Equal(got[i], debianAll[r.file][r.idx]) {
					keep = append(keep, r)
				}
			}
			if len(keep) == len(recs) {
				break
			}
			fmt.Fprintf(os.Stderr, "extract: %s: dropping %d records whose text depends on records left out\n", set.name, len(recs)-len(keep))
			recs = keep
		}
		var txt []byte
		for _, r := range recs {
			txt = append(txt, r.text...)
		}
		if err := os.WriteFile(filepath.Join(*out, set.name+".txt"), txt, 0o644); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "extract: %s: %d records\n", set.name, len(recs))
	}
}

// header returns the pflog header text of a record ("rule ...: ACTION DIR
// on IFNAME: ") and the rest of its first line.
func header(text []byte) (string, string) {
	line := string(text)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	i := strings.Index(line, " on ")
	if !strings.HasPrefix(line, "rule ") || i < 0 {
		return "", line
	}
	j := strings.Index(line[i:], ": ")
	if j < 0 {
		return line, ""
	}
	return line[:i+j+2], line[i+j+2:]
}

var blur = regexp.MustCompile(`[0-9a-f]*:[0-9a-f:]*[0-9a-f](\.[0-9]+)?|[0-9]+(\.[0-9]+)*`)

// kind names the kind of text a record has: the start and the end of the
// packet text with numbers and addresses blurred.
func kind(text []byte) (string, string) {
	_, body := header(text)
	s := blur.ReplaceAllString(body, "#")
	start, end := s, s
	if len(start) > 40 {
		start = start[:40]
	}
	if len(end) > 25 {
		end = end[len(end)-25:]
	}
	if bytes.Count(text, []byte("\n")) > 1 {
		end += "+lines"
	}
	return start, end
}

var features = []*regexp.Regexp{
	regexp.MustCompile(`^rule [^ ]* \[uid [0-9]+\]: `),
	regexp.MustCompile(`^rule [^ ]* \[ridentifier [0-9]+\]: `),
	regexp.MustCompile(`^rule [^ ]* \[uid [0-9]+\] \[ridentifier [0-9]+\]: `),
	regexp.MustCompile(`^rule [^ ]*/15\(map-failed\)`),
	regexp.MustCompile(`^rule [^ ]*/unkn\(1[6-9]\)`),
	regexp.MustCompile(`\]?: noscrub `),
	regexp.MustCompile(`\]?: defer `),
	regexp.MustCompile(`\]?: match `),
	regexp.MustCompile(`\]?: unkn\(1[3-9]\) `),
	regexp.MustCompile(` unkn\([34]\) on `),
}

var bodyFeatures = []*regexp.Regexp{
	regexp.MustCompile(`NBT UDP PACKET\(137\)`),
	regexp.MustCompile(`NBT UDP PACKET\(138\)`),
	regexp.MustCompile(`NBT Session`),
	regexp.MustCompile(`SMB`),
}

func selectFreeBSDOnly(all []rec, per int) []*rec {
	chosen := map[int]bool{}
	pickFeature := func(match func(head, body string) bool) {
		n := 0
		seen := map[string]bool{}
		// two passes: first records of kinds not seen for this feature
		for pass := 0; pass < 2 && n < per; pass++ {
			for i := range all {
				if n >= per {
					break
				}
				if chosen[i] {
					continue
				}
				head, body := header(all[i].text)
				if !match(head, body) {
					continue
				}
				k, _ := kind(all[i].text)
				if pass == 0 && seen[k] {
					continue
				}
				seen[k] = true
				chosen[i] = true
				n++
			}
		}
	}
	for _, re := range features {
		pickFeature(func(head, _ string) bool { return re.MatchString(head) })
	}
	for _, re := range bodyFeatures {
		pickFeature(func(_, body string) bool { return re.MatchString(body) })
	}
	return inOrder(all, chosen)
}

func selectSample(all []rec, taken map[*rec]bool) []*rec {
	starts, ends := map[string]bool{}, map[string]bool{}
	chosen := map[int]bool{}
	for i := range all {
		s, e := kind(all[i].text)
		if !starts[s] || !ends[e] {
			starts[s], ends[e] = true, true
			if !taken[&all[i]] {
				chosen[i] = true
			}
		}
	}
	return inOrder(all, chosen)
}

func inOrder(all []rec, chosen map[int]bool) []*rec {
	var out []*rec
	for i := range all {
		if chosen[i] {
			out = append(out, &all[i])
		}
	}
	return out
}

func write(path string, recs []*rec) error {
	var prs []pcapgen.Record
	for _, r := range recs {
		prs = append(prs, r.pcap)
	}
	return pcapgen.WriteFile(path, 262144, prs)
}

// debian returns what Debian's tcpdump prints for a capture, a record each.
func debian(tcpdump, path string) ([][]byte, error) {
	cmd := exec.Command(tcpdump, "-n", "-e", "-t", "-r", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s -r %s: %v: %s", tcpdump, path, err, stderr.String())
	}
	return pcapgen.SplitRecords(out), nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "extract:", err)
	os.Exit(1)
}
