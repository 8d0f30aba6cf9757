package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/pfasciilogd/pfasciilogd/capture"
	"github.com/pfasciilogd/pfasciilogd/decoder"
	"github.com/pfasciilogd/pfasciilogd/internal/pidfile"
	"github.com/pfasciilogd/pfasciilogd/signals"
	"github.com/pfasciilogd/pfasciilogd/writer"
)

// newLogger returns the logger of pfasciilogd's own messages: to stderr,
// console lines on a terminal and JSON otherwise (or as format says), with
// ISO-8601 times.
func newLogger(format string, stderr io.Writer) *zap.Logger {
	format = resolveLogFormat(format, stderr)
	ec := zap.NewProductionEncoderConfig()
	ec.EncodeTime = zapcore.ISO8601TimeEncoder
	ec.TimeKey = "time"
	var enc zapcore.Encoder
	if format == "console" {
		ec.EncodeLevel = zapcore.CapitalLevelEncoder
		enc = zapcore.NewConsoleEncoder(ec)
	} else {
		enc = zapcore.NewJSONEncoder(ec)
	}
	core := zapcore.NewCore(enc, zapcore.AddSync(stderr), zap.InfoLevel)
	return zap.New(core).Named("pfasciilogd")
}

// resolveLogFormat turns "auto" into "console" when stderr is a terminal
// and "json" otherwise.
func resolveLogFormat(format string, stderr io.Writer) string {
	if format != "auto" {
		return format
	}
	if f, ok := stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return "console"
		}
	}
	return "json"
}

// guessLinkType is the link type the interface will have, for checking
// the filter expression before anything starts.
func guessLinkType(iface string) int {
	if strings.HasPrefix(iface, "nflog") {
		return decoder.LinkTypeNFLOG
	}
	return decoder.LinkTypePFLOG
}

// daemon runs the live capture until SIGTERM or SIGINT. It returns the
// exit status.
func daemon(c *config, stderr io.Writer) int {
	oneProcessor()
	zl := newLogger(c.logFormat, stderr)
	defer zl.Sync()
	log := zl.Sugar()
	fail := func(err error) int {
		log.Errorw("cannot start", "error", err.Error())
		// The console message is already plain text; after a JSON one,
		// a line for the person who started the daemon by hand.
		if resolveLogFormat(c.logFormat, stderr) == "json" {
			fmt.Fprintf(stderr, "pfasciilogd: %v\n", err)
		}
		return 1
	}

	// The signals are caught from the start: a SIGHUP from newsyslog while
	// the capture opens must not kill the daemon (its default action).
	// Those that come early wait in the channel for the loop below.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := signals.Notify(ctx)

	// Everything that can be refused is checked before anything starts.
	if err := capture.CheckFilter(guessLinkType(c.iface), c.filter); err != nil {
		return fail(err)
	}
	var drop *credentials
	if c.user != "" {
		cr, err := lookupUser(c.user)
		if err != nil {
			return fail(err)
		}
		drop = cr
	}
	var pf *pidfile.File
	if c.pidfile != "" {
		p, err := pidfile.Create(c.pidfile)
		if err != nil {
			return fail(err)
		}
		pf = p
		defer func() {
			// After -Z the directory (/var/run) may not be writable any
			// more: say so rather than leave a stale file silently.
			if err := pf.Remove(); err != nil {
				log.Warnw("cannot remove the pid file", "pidfile", c.pidfile, "error", err.Error())
			}
		}()
	}
	w, err := writer.New(writer.Config{
		Path:         c.logPath,
		Mode:         c.logMode,
		QueueBytes:   c.queueSize,
		RotateSize:   c.rotateSize,
		RotateKeep:   c.rotateKeep,
		CloseTimeout: c.drainTimeout,
		Logger:       log,
	})
	if err != nil {
		return fail(fmt.Errorf("log file %s: %w", c.logPath, err))
	}
	capCfg := capture.Config{Interface: c.iface, BufferSize: c.bufferSize, Filter: c.filter}
	first, err := capture.OpenLive(capCfg)
	if err != nil {
		var fe *capture.FilterError
		if errors.As(err, &fe) {
			w.Close()
			return fail(err)
		}
		log.Warnw("capture: cannot open interface yet, will retry", "interface", c.iface, "error", err.Error())
		first = nil
	}
	if first != nil && !decoder.Supported(first.LinkType()) {
		lt := first.LinkType()
		first.Close()
		w.Close()
		return fail(fmt.Errorf("%s: link type %s (%d) is not PFLOG (117) or NFLOG (239)", c.iface, layers.LinkType(lt), lt))
	}
	if drop != nil {
		if first == nil {
			log.Warnw("privileges dropped before the interface could be opened: reopening it needs the user to be allowed to capture", "user", c.user)
		}
		checkPidfileRemoval(log, pf, c.user, drop)
		// The log is the daemon's to reopen after a plain SIGHUP: give the
		// file it opened to the user it becomes (as tcpdump -Z does with
		// its -w file).
		if err := os.Lchown(c.logPath, drop.uid, drop.gid); err != nil {
			log.Warnw("cannot give the log to the -Z user; reopening it after a rotation needs newsyslog's owner field", "log", c.logPath, "error", err.Error())
		}
		if err := drop.apply(); err != nil {
			if first != nil {
				first.Close()
			}
			w.Close()
			return fail(err)
		}
		log.Infow("privileges dropped", "user", c.user, "uid", drop.uid, "gid", drop.gid)
	}

	var counters capture.Counters
	dec := decoder.New(decoder.Options{AbsoluteSeq: c.absSeq, SeqTableSize: c.seqTable, LinkType: guessLinkType(c.iface), NoSummary: c.format != formatJSON})
	batch := &lineBatch{w: w, b: make([]byte, 0, maxBatch+64<<10)}
	capCfg.BatchEnd = batch.flush
	format := newRecordFormatter(c)
	decoders := map[int]*decoder.Decoder{dec.LinkType(): dec}
	handle := func(data []byte, ci *gopacket.CaptureInfo, lt int) {
		// The link type changes only if the interface comes back as
		// another kind; the common case needs no map lookup.
		if lt != dec.LinkType() {
			d := decoders[lt]
			if d == nil {
				d = decoder.New(decoder.Options{AbsoluteSeq: c.absSeq, SeqTableSize: c.seqTable, LinkType: lt, NoSummary: c.format != formatJSON})
				decoders[lt] = d
			}
			dec = d
		}
		d := dec
		batch.b = format.appendRecord(batch.b, d, ci.Timestamp, data, ci.Length)
		if batch.full() {
			batch.flush()
		}
	}
	accept := func(lt int) error {
		if !decoder.Supported(lt) {
			return fmt.Errorf("%s: link type %s (%d) is not PFLOG (117) or NFLOG (239)", c.iface, layers.LinkType(lt), lt)
		}
		return nil
	}
	capErr := make(chan error, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		capErr <- capture.Run(ctx, capCfg, first, accept, handle, &counters, log)
	}()
	log.Infow("started", "interface", c.iface, "log", c.logPath, "pid", os.Getpid())

	stats := func(msg string) {
		ws := w.Stats()
		log.Infow(msg,
			"packets_received", counters.Received.Load(),
			"dropped_by_kernel", counters.Dropped.Load(),
			"dropped_by_interface", counters.IfDropped.Load(),
			"lines_written", ws.LinesWritten,
			"lines_dropped", ws.LinesDropped,
			"lines_lost", ws.LinesLost,
			"write_errors", ws.WriteErrors,
			"reopens", ws.Reopens,
			"capture_restarts", counters.Restarts.Load())
	}
	status := 0
loop:
	for {
		select {
		case a, ok := <-sigs:
			if !ok {
				break loop
			}
			switch a {
			case signals.Reopen:
				// Only asks: the writer's goroutine reopens, and says
				// so if it cannot. The signals never wait for the file.
				w.Reopen()
			case signals.Stats:
				stats("statistics")
			case signals.Stop:
				break loop
			}
		case err := <-capErr:
			if err != nil {
				log.Errorw("capture stopped", "error", err.Error())
				status = 1
			}
			capErr <- nil
			break loop
		}
	}
	cancel()
	wg.Wait()
	if err := w.Close(); err != nil {
		log.Errorw("closing the log", "error", err.Error())
		status = 1
	}
	stats("stopped")
	return status
}
