// Command gen writes DLT_PFLOG captures of blocked traffic for tests and
// benchmarks (see internal/pcapgen), or prints per-record facts of a
// capture for testdata/fix-4.99.3.awk.
//
//	go run ./testdata/gen -seed N -count M -flavor freebsd|openbsd|other [-mix wide|scan|v6|tail]
//	    [-oracle off|safe|fixable] [-malformed 0.03] [-snaplen N] [-hosts N] [-rules N] -o FILE.pcap
//	go run ./testdata/gen -info FILE.pcap
//
// -info prints one line per record: caplen, wire length, pflog header
// length (the length byte rounded up to 4), IPv4 header length (IHL*4 of
// the byte after the pflog header, 0 if not captured) and the ridentifier
// FreeBSD's tcpdump reads at offset 64 ("-" if fewer than 72 bytes were
// captured, when it prints " [|pflog]"), and for IPv4 pfsync (protocol
// 240, which Debian's tcpdump does not decode) "VERSION,LENGTH,WHOLE": the
// pfsync header's version and length fields and 1 if the IP payload holds
// a header and was captured whole (else FreeBSD prints "[|pfsync]"), or
// "-" for anything else.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

func main() {
	seed := flag.Int64("seed", 1, "random seed")
	count := flag.Int("count", 1000, "records to write")
	flavor := flag.String("flavor", "freebsd", "pflog header layout: freebsd (69), openbsd (100) or other (61)")
	mix := flag.String("mix", "wide", "traffic mix: wide, scan, v6 or tail (pfsync, CARP/VRRP, OSI over GRE, jumbograms, SRH, AFS RX)")
	oracle := flag.String("oracle", "off", "off, safe (only what Debian's tcpdump 4.99.3 prints as FreeBSD's does) or fixable (safe plus what testdata/fix-4.99.3.awk corrects)")
	malformed := flag.Float64("malformed", 0.03, "share of records cut short (0.6 times as many more get corrupted bytes)")
	snaplen := flag.Int("snaplen", 0, "cut every record to this many bytes (0: no cut)")
	hosts := flag.Int("hosts", 0, "draw addresses from this many IPv4 and this many IPv6 hosts (0: each address afresh)")
	rules := flag.Int("rules", 0, "draw pflog headers from this many rules (0: each header afresh)")
	out := flag.String("o", "", "output pcap file")
	info := flag.String("info", "", "print per-record facts of this pcap file and exit")
	flag.Parse()
	if *info != "" {
		if err := printInfo(*info, os.Stdout); err != nil {
			fail(err)
		}
		return
	}
	if *out == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	var cfg pcapgen.Config
	var err error
	cfg.Seed, cfg.Malformed, cfg.Snaplen, cfg.Hosts, cfg.Rules = *seed, *malformed, *snaplen, *hosts, *rules
	if cfg.Flavor, err = pcapgen.ParseFlavor(*flavor); err != nil {
		fail(err)
	}
	if cfg.Mix, err = pcapgen.ParseMix(*mix); err != nil {
		fail(err)
	}
	if cfg.Oracle, err = pcapgen.ParseOracle(*oracle); err != nil {
		fail(err)
	}
	f, err := os.Create(*out)
	if err != nil {
		fail(err)
	}
	snap := 262144
	if cfg.Snaplen > 0 {
		snap = cfg.Snaplen
	}
	w, err := pcapgen.NewWriter(f, snap)
	if err != nil {
		fail(err)
	}
	g := pcapgen.New(cfg)
	for i := 0; i < *count; i++ {
		if err := w.Write(g.Next()); err != nil {
			fail(err)
		}
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
}

func printInfo(path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := pcapgen.NewReader(f)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		d := rec.Data
		hl, ihl := 0, 0
		if len(d) > 0 {
			hl = (int(d[0]) + 3) &^ 3
		}
		if len(d) > hl {
			ihl = int(d[hl]&0x0f) * 4
		}
		rid := "-"
		if len(d) >= 72 {
			rid = fmt.Sprint(binary.BigEndian.Uint32(d[64:]))
		}
		fmt.Fprintf(w, "%d %d %d %d %s %s\n", len(d), rec.WireLen, hl, ihl, rid, pfsyncInfo(d, hl, ihl))
	}
	return w.Flush()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

// pfsyncInfo is the sixth -info field (see the package comment).
func pfsyncInfo(d []byte, hl, ihl int) string {
	ip := d[min(hl, len(d)):]
	if ihl < 20 || len(ip) < ihl || ip[0]>>4 != 4 || ip[9] != 240 {
		return "-"
	}
	plen := int(binary.BigEndian.Uint16(ip[2:])) - ihl
	p := ip[ihl:]
	if plen < 20 || len(p) < plen {
		return "0,0,0"
	}
	return fmt.Sprintf("%d,%d,1", p[0], binary.BigEndian.Uint16(p[2:]))
}
