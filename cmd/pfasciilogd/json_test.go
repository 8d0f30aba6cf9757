package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/jsonout"
	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// jsonRecord is what --format json writes for a packet; the pointers tell
// a member left out from a member that is null (json.RawMessage keeps
// "null").
type jsonRecord struct {
	Time        string          `json:"time"`
	AF          json.RawMessage `json:"af"`
	IfName      *string         `json:"ifname"`
	Rule        *uint32         `json:"rule"`
	Subrule     json.RawMessage `json:"subrule"`
	Ruleset     *string         `json:"ruleset"`
	Reason      *string         `json:"reason"`
	Action      *string         `json:"action"`
	Dir         *string         `json:"dir"`
	UID         json.RawMessage `json:"uid"`
	RIdentifier *uint32         `json:"ridentifier"`
	Proto       json.RawMessage `json:"proto"`
	Src         json.RawMessage `json:"src"`
	Dst         json.RawMessage `json:"dst"`
	SPort       *int            `json:"sport"`
	DPort       *int            `json:"dport"`
	TCPFlags    *string         `json:"tcp_flags"`
	Length      *int            `json:"length"`
	Text        *string         `json:"text"`
}

// TestJSONGolden: on every golden capture, --format json writes one valid
// object per record of the text output, in the same order, whose text is
// that record and whose members agree with it.
func TestJSONGolden(t *testing.T) {
	files, err := filepath.Glob("../../testdata/golden/*.pcap")
	if err != nil || len(files) == 0 {
		t.Fatal("no golden captures")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".pcap"), func(t *testing.T) {
			code, text, errs := runCLI("-r", f, "--time", "none")
			if code != 0 {
				t.Fatalf("text: exit %d: %s", code, errs)
			}
			code, unix, errs := runCLI("-r", f, "--time", "unix")
			if code != 0 {
				t.Fatalf("unix: exit %d: %s", code, errs)
			}
			code, out, errs := runCLI("-r", f, "--format", "json")
			if code != 0 || errs != "" {
				t.Fatalf("json: exit %d: %s", code, errs)
			}
			recs := pcapgen.SplitRecords([]byte(text))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if !strings.HasSuffix(out, "\n") || len(lines) != len(recs) {
				t.Fatalf("%d JSON lines for %d records", len(lines), len(recs))
			}
			times := unixTimes(t, unix, recs)
			bad := 0
			for i, line := range lines {
				if err := checkJSONRecord(line, string(recs[i]), times[i]); err != "" {
					bad++
					if bad <= 5 {
						t.Errorf("record %d: %s\n%s", i+1, err, line)
					}
				}
			}
			if bad > 5 {
				t.Errorf("%d records differ", bad)
			}
		})
	}
}

// unixTimes returns the "--time unix" prefix of each record: out is the
// records of recs, each after its prefix and a space.
func unixTimes(t *testing.T, out string, recs [][]byte) []string {
	var times []string
	for i, r := range recs {
		ts, rest, ok := strings.Cut(out, " ")
		if !ok || !strings.HasPrefix(rest, string(r)) {
			t.Fatalf("--time unix: record %d is not the text record after a time", i+1)
		}
		times = append(times, ts)
		out = rest[len(r):]
	}
	return times
}

func checkJSONRecord(line, rec, unix string) string {
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	var r jsonRecord
	if err := dec.Decode(&r); err != nil {
		return "invalid: " + err.Error()
	}
	if dec.More() {
		return "more than one object on the line"
	}
	if r.Text == nil || *r.Text+"\n" != rec {
		return "text is not the record " + strconv.Quote(rec)
	}
	ts, err := time.Parse(time.RFC3339Nano, r.Time)
	if err != nil {
		return "time: " + err.Error()
	}
	if _, err := time.Parse("2006-01-02T15:04:05.000000Z07:00", r.Time); err != nil {
		return "time not RFC 3339 with microseconds: " + r.Time
	}
	if got := fmt.Sprintf("%d.%06d", ts.Unix(), ts.Nanosecond()/1000); got != unix {
		return "time " + r.Time + " is not " + unix
	}
	if r.AF == nil || r.Proto == nil || r.Src == nil || r.Dst == nil || r.Length == nil {
		return "af, proto, src, dst or length missing"
	}
	if string(r.AF) != "null" && string(r.AF) != `"inet"` && string(r.AF) != `"inet6"` {
		return "af " + string(r.AF)
	}
	header, _, _ := strings.Cut(rec, ": ")
	if strings.HasPrefix(rec, "rule ") {
		if r.IfName == nil || r.Rule == nil || r.Subrule == nil || r.Ruleset == nil || r.Reason == nil ||
			r.Action == nil || r.Dir == nil || r.UID == nil {
			return "a pflog header member is missing"
		}
		rule := "rule " + strconv.FormatUint(uint64(*r.Rule), 10)
		if string(r.Subrule) != "null" {
			rule += "." + *r.Ruleset + "." + string(r.Subrule)
		}
		if !strings.HasPrefix(rec, rule+"/") {
			return "rule, ruleset, subrule: " + rule
		}
		reason := "(" + *r.Reason + ")"
		if strings.HasPrefix(*r.Reason, "unkn(") {
			reason = "/" + *r.Reason
		}
		if !strings.Contains(header, reason) {
			return "reason " + *r.Reason
		}
		if want := ": " + *r.Action + " " + *r.Dir + " on " + *r.IfName + ": "; !strings.Contains(rec, want) {
			return "action, dir, ifname: " + want
		}
		if (string(r.UID) != "null") != strings.Contains(header, " [uid ") ||
			string(r.UID) != "null" && !strings.Contains(header, " [uid "+string(r.UID)+"]") {
			return "uid " + string(r.UID)
		}
		if (r.RIdentifier != nil) != strings.Contains(header, " [ridentifier ") ||
			r.RIdentifier != nil && !strings.Contains(header, " [ridentifier "+strconv.FormatUint(uint64(*r.RIdentifier), 10)+"]") {
			return "ridentifier"
		}
	} else if r.IfName != nil || r.Rule != nil || r.Action != nil {
		return "pflog header members in a record without one"
	}
	if r.TCPFlags != nil && !strings.Contains(rec, "Flags ["+*r.TCPFlags+"]") {
		return "tcp_flags " + *r.TCPFlags
	}
	if r.TCPFlags != nil && string(r.Proto) != `"tcp"` {
		return "tcp_flags without proto tcp"
	}
	if (r.SPort == nil) != (r.DPort == nil) {
		return "one port without the other"
	}
	if string(r.Src) != "null" {
		var src, dst string
		if json.Unmarshal(r.Src, &src) != nil || json.Unmarshal(r.Dst, &dst) != nil {
			return "src, dst not strings"
		}
		// A truncated header may still hold the addresses tcpdump did
		// not get to print.
		if (!inText(rec, src) || !inText(rec, dst)) && !strings.Contains(rec, "[|") && !strings.Contains(rec, "truncated") {
			return "src or dst not in the text"
		}
	}
	return ""
}

func TestFormatFlag(t *testing.T) {
	code, _, errs := runCLI("-r", sample, "--format", "yaml")
	if code != 2 || !strings.Contains(errs, `--format "yaml": want text or json`) {
		t.Errorf("exit %d: %q", code, errs)
	}
	// --time does not change JSON records; the filter applies.
	_, a, _ := runCLI("-r", sample, "--format", "json", "--time", "none", "udp")
	_, b, _ := runCLI("-r", sample, "--format", "json", "udp")
	if a != b || a == "" || strings.Contains(a, `"proto":"tcp"`) {
		t.Errorf("--time or the filter changed the JSON:\n%s\n%s", a, b)
	}
	// Same records as text, in the same order.
	_, text, _ := runCLI("-r", sample, "--time", "none", "-S")
	_, js, _ := runCLI("-r", sample, "--format", "json", "-S")
	var got bytes.Buffer
	for _, l := range strings.Split(strings.TrimSuffix(js, "\n"), "\n") {
		var r struct{ Text string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		got.WriteString(r.Text + "\n")
	}
	if got.String() != text {
		t.Errorf("JSON texts differ from the text output")
	}
}

// inText reports whether the text shows addr, as netip formats it or as
// tcpdump does for an IPv4-compatible IPv6 address (::1.2.3.4).
func inText(text, addr string) bool {
	if strings.Contains(text, addr) {
		return true
	}
	a, err := netip.ParseAddr(addr)
	if err != nil || !a.Is6() {
		return false
	}
	b := a.As16()
	if [12]byte(b[:12]) != [12]byte{} {
		return false
	}
	return strings.Contains(text, "::"+netip.AddrFrom4([4]byte(b[12:])).String())
}

// TestJSONInvalidHeader: a record tcpdump refuses to decode
// ("[Invalid header: ...]") has no members from the packet before it.
func TestJSONInvalidHeader(t *testing.T) {
	_, recs, err := pcapgen.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	d := decoder.New(decoder.Options{})
	f := &recordFormatter{json: jsonout.NewEncoder()}
	ts := time.Unix(1700000000, 123456000).UTC()
	good := f.appendRecord(nil, d, ts, recs[0].Data, recs[0].WireLen)
	bad := f.appendRecord(nil, d, ts, recs[0].Data, len(recs[0].Data)-1)
	if !bytes.Contains(good, []byte(`"src":"139.183.239.13"`)) {
		t.Errorf("good record: %s", good)
	}
	want := `{"time":"2023-11-14T22:13:20.123456Z","af":null,"proto":null,"src":null,"dst":null,"length":0,"text":"[Invalid header: len(131) < caplen(132)]"}` + "\n"
	if string(bad) != want {
		t.Errorf("got  %s\nwant %s", bad, want)
	}
}

// TestJSONRecordsDoNotAllocate: once its buffers have grown, the JSON path
// (decoder, Summary, encoder) allocates nothing per packet.
func TestJSONRecordsDoNotAllocate(t *testing.T) {
	_, recs, err := pcapgen.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	d := decoder.New(decoder.Options{})
	f := &recordFormatter{json: jsonout.NewEncoder()}
	ts := time.Now()
	buf := make([]byte, 0, 64<<10)
	all := func() {
		for _, r := range recs {
			buf = f.appendRecord(buf[:0], d, ts, r.Data, r.WireLen)
		}
	}
	all()
	if n := testing.AllocsPerRun(20, all); n != 0 {
		t.Errorf("%.1f allocations for %d packets", n, len(recs))
	}
}
