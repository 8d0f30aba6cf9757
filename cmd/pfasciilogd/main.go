// Command pfasciilogd turns pf's pflog packets into the text lines that
// tcpdump -n -e -t prints for them, for fail2ban and the like.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcap"

	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/timefmt"
)

const usageText = `usage: pfasciilogd -r FILE [--time iso|none|tcpdump|unix] [-S] [expression]

Reads a pflog capture (pcap or pcapng; "-" for standard input) and prints
one line per packet, as "tcpdump -n -e -t" prints it, prefixed with the
packet's time (--time iso by default).
`

type config struct {
	readFile string
	timeFmt  timefmt.Format
	absSeq   bool
	seqTable int
	filter   string
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("pfasciilogd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	c := &config{}
	timeStr := fs.String("time", "iso", "time prefix of each line: iso, none, tcpdump or unix")
	fs.StringVar(&c.readFile, "r", "", "read packets from `FILE` (pcap or pcapng, - for standard input)")
	fs.BoolVar(&c.absSeq, "S", false, "print absolute TCP sequence numbers")
	fs.IntVar(&c.seqTable, "seq-table", decoder.DefaultSeqTableSize, "TCP conversations remembered for relative sequence numbers")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	f, err := timefmt.Parse(*timeStr)
	if err != nil {
		return nil, err
	}
	c.timeFmt = f
	if c.seqTable < 1 {
		return nil, errors.New("--seq-table must be at least 1")
	}
	c.filter = strings.Join(fs.Args(), " ")
	if c.readFile == "" {
		return nil, errors.New("no input: give -r FILE (live capture is not built yet)")
	}
	return c, nil
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "pfasciilogd: %v\n", err)
		return 2
	}
	if err := readFile(c, stdout); err != nil {
		fmt.Fprintf(stderr, "pfasciilogd: %v\n", err)
		return 1
	}
	return 0
}

func readFile(c *config, stdout io.Writer) error {
	h, err := pcap.OpenOffline(c.readFile)
	if err != nil {
		return fmt.Errorf("%s: %v", c.readFile, err)
	}
	defer h.Close()
	lt := int(h.LinkType())
	if !decoder.Supported(lt) {
		return fmt.Errorf("%s: link type %s (%d) is not PFLOG (117) or NFLOG (239)", c.readFile, layers.LinkType(lt), lt)
	}
	if c.filter != "" {
		if err := h.SetBPFFilter(c.filter); err != nil {
			return fmt.Errorf("bad filter expression %q: %v", c.filter, err)
		}
	}
	dec := decoder.New(decoder.Options{AbsoluteSeq: c.absSeq, SeqTableSize: c.seqTable, LinkType: lt})
	w := bufio.NewWriterSize(stdout, 256<<10)
	buf := make([]byte, 0, 64<<10)
	for {
		data, ci, err := h.ZeroCopyReadPacketData()
		if err != nil {
			if err == io.EOF {
				break
			}
			if err == pcap.NextErrorTimeoutExpired {
				continue
			}
			w.Flush()
			return fmt.Errorf("%s: %v", c.readFile, err)
		}
		buf = c.timeFmt.Append(buf[:0], ci.Timestamp)
		buf = dec.AppendRecord(buf, data, ci.Length)
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return w.Flush()
}
