// Command pfasciilogd turns pf's pflog packets into the text lines that
// tcpdump -n -e -t prints for them, for fail2ban and the like: live from
// pflog0 into /var/log/pf.log, or from a capture file to standard output.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/pfasciilogd/pfasciilogd/capture"
	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/timefmt"
)

const usageText = `usage: pfasciilogd [-i IFACE] [--log FILE] [--pidfile FILE] [-Z USER] [options] [expression]
       pfasciilogd -r FILE [--time FORMAT] [--format text|json] [-S] [expression]

Captures the packets pf logs on IFACE (pflog0) and appends one line per
packet to FILE (/var/log/pf.log), as "tcpdump -n -e -t" prints it, prefixed
with the packet's time, or with --format json as one JSON object. With -r
it reads a pflog capture (pcap or pcapng; "-" for standard input) and
prints the lines to standard output.

Signals: SIGHUP, SIGUSR1 reopen the log; SIGTERM, SIGINT stop;
SIGINFO, SIGUSR2 log statistics.

options:
`

// config is everything the command line says.
type config struct {
	readFile string
	timeFmt  timefmt.Format
	absSeq   bool
	seqTable int
	filter   string
	format   string

	iface      string
	logPath    string
	logMode    os.FileMode
	pidfile    string
	user       string
	bufferSize int
	queueSize  int
	rotateSize int64
	rotateKeep int
	logFormat  string

	drainTimeout time.Duration
	showVersion  bool
}

// sizeFlag parses a byte count with an optional K, M or G suffix.
type sizeFlag struct{ v *int64 }

func (s sizeFlag) String() string {
	if s.v == nil {
		return "0"
	}
	return strconv.FormatInt(*s.v, 10)
}

func (s sizeFlag) Set(str string) error {
	mult := int64(1)
	t := strings.ToUpper(strings.TrimSpace(str))
	switch {
	case strings.HasSuffix(t, "K"):
		mult, t = 1<<10, strings.TrimSuffix(t, "K")
	case strings.HasSuffix(t, "M"):
		mult, t = 1<<20, strings.TrimSuffix(t, "M")
	case strings.HasSuffix(t, "G"):
		mult, t = 1<<30, strings.TrimSuffix(t, "G")
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return fmt.Errorf("%q is not a size (a number of bytes, with K, M or G)", str)
	}
	*s.v = n * mult
	return nil
}

// modeFlag parses an octal file mode.
type modeFlag struct{ v *os.FileMode }

func (m modeFlag) String() string {
	// The zero value (nil) is what flag compares the default with: it must
	// differ from 0640, or -h leaves the default out.
	if m.v == nil {
		return "0"
	}
	return fmt.Sprintf("%#o", uint32(*m.v))
}

func (m modeFlag) Set(s string) error {
	n, err := strconv.ParseUint(s, 8, 32)
	if err != nil || n > 0o777 {
		return fmt.Errorf("%q is not an octal file mode such as 0640", s)
	}
	*m.v = os.FileMode(n)
	return nil
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("pfasciilogd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	c := &config{logMode: 0o640}
	var bufSize, queueSize int64 = 8 << 20, 4 << 20
	timeStr := fs.String("time", "iso", "time prefix of each line: iso, none, tcpdump or unix")
	fs.StringVar(&c.format, "format", formatText, "record format: text (the time, then tcpdump's line) or json (one object per packet and line)")
	fs.StringVar(&c.readFile, "r", "", "read packets from `FILE` (pcap or pcapng, - for standard input) and print to standard output")
	fs.BoolVar(&c.absSeq, "S", false, "print absolute TCP sequence numbers, as tcpdump -S")
	fs.IntVar(&c.seqTable, "seq-table", decoder.DefaultSeqTableSize, "TCP conversations remembered for relative sequence numbers")
	fs.StringVar(&c.iface, "i", "pflog0", "capture from `IFACE` (pflog0; nflog:N on Linux)")
	fs.StringVar(&c.logPath, "log", "/var/log/pf.log", "append the lines to `FILE`")
	fs.Var(modeFlag{&c.logMode}, "mode", "permissions of a newly created log file (octal)")
	fs.StringVar(&c.pidfile, "pidfile", "/var/run/pfasciilogd.pid", "pid file, locked while running (\"\" for none)")
	fs.StringVar(&c.user, "Z", "", "after opening the capture and the log, drop privileges to `USER` (and its group)")
	fs.Var(sizeFlag{&bufSize}, "buffer-size", "kernel capture buffer (bytes, K, M or G)")
	fs.Var(sizeFlag{&queueSize}, "queue-size", "lines waiting for a slow disk before they are dropped and counted (bytes)")
	fs.Var(sizeFlag{&c.rotateSize}, "rotate-size", "rotate the log by itself when it reaches this size (0: off; newsyslog's job)")
	fs.IntVar(&c.rotateKeep, "rotate-keep", 5, "rotated logs kept with --rotate-size (FILE.0 newest)")
	fs.DurationVar(&c.drainTimeout, "drain-timeout", 5*time.Second, "at exit, how long to keep writing queued lines to a failing or hung log before counting them as lost")
	fs.StringVar(&c.logFormat, "log-format", "auto", "format of pfasciilogd's own messages on stderr: auto (console on a terminal, else json), console or json")
	fs.BoolVar(&c.showVersion, "version", false, "print the version, the VCS revision and the Go version, and exit")
	fs.BoolVar(&c.showVersion, "V", false, "same as --version")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	f, err := timefmt.Parse(*timeStr)
	if err != nil {
		return nil, err
	}
	c.timeFmt = f
	if err := checkFormat(c.format); err != nil {
		return nil, err
	}
	if c.seqTable < 1 {
		return nil, errors.New("--seq-table must be at least 1")
	}
	if bufSize < 1<<16 || bufSize > 1<<30 {
		return nil, errors.New("--buffer-size must be between 64K and 1G")
	}
	if queueSize < 1<<16 || queueSize > 1<<30 {
		return nil, errors.New("--queue-size must be between 64K and 1G")
	}
	c.bufferSize, c.queueSize = int(bufSize), int(queueSize)
	if c.drainTimeout <= 0 || c.drainTimeout > time.Hour {
		return nil, errors.New("--drain-timeout must be more than 0 and at most 1h")
	}
	if c.rotateKeep < 1 {
		return nil, errors.New("--rotate-keep must be at least 1")
	}
	switch c.logFormat {
	case "auto", "console", "json":
	default:
		return nil, fmt.Errorf("--log-format %q: want auto, console or json", c.logFormat)
	}
	if c.logPath == "" {
		return nil, errors.New("--log must name a file")
	}
	c.filter = strings.Join(fs.Args(), " ")
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
	if c.showVersion {
		printVersion(stdout)
		return 0
	}
	if c.readFile != "" {
		if err := readFile(c, stdout); err != nil {
			fmt.Fprintf(stderr, "pfasciilogd: %v\n", err)
			return 1
		}
		return 0
	}
	// A name no capture could open is refused before anything starts.
	if err := capture.CheckInterface(c.iface); err != nil {
		fmt.Fprintf(stderr, "pfasciilogd: %v\n", err)
		return 2
	}
	if err := checkLiveFilter(c); err != nil {
		fmt.Fprintf(stderr, "pfasciilogd: %v\n", err)
		return 2
	}
	return daemon(c, stderr)
}
