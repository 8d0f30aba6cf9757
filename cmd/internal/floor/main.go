// Command floor is the I/O floor of make bench: what `pfasciilogd -r FILE`
// would cost if decoding and formatting were free. It reads a capture
// with the same reader as readFile (capture.OpenFile and its FileReader:
// pure Go, no cgo call per packet, records taken in batches straight
// from the read-ahead buffer) and, per packet, appends one fixed 163-byte
// line (the length of a typical record with its ISO time prefix) to a
// buffer written whole every 256 KiB, as readFile does, or with -read
// writes nothing at all.
//
//	go run ./cmd/internal/floor [-read] FILE > /dev/null
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pfasciilogd/pfasciilogd/capture"
)

// line is 163 bytes with its newline.
const line = "2026-11-22T01:48:13.748353+01:00 rule 1/0(match): block in on vtnet0: 203.0.113.5.41854 > 198.51.100.7.22: Flags [S], seq 3398156566, win 65535, length 0\n"

func main() {
	readOnly := flag.Bool("read", false, "read every packet and write nothing")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor [-read] FILE")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *readOnly); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(path string, readOnly bool) error {
	h, err := capture.OpenFile(path, "")
	if err != nil {
		return err
	}
	defer h.Close()
	const outSize = 256 << 10
	out := make([]byte, 0, outSize+64<<10)
	n := 0
	fr := h.FileReader()
	var recs [64]capture.Record
	for {
		data, m, err := fr.Read(recs[:])
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		for _, r := range recs[:m] {
			n += len(data[r.Start:r.End])
			if !readOnly {
				out = append(out, line...)
			}
		}
		if len(out) >= outSize {
			if _, err := os.Stdout.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	if readOnly {
		out = fmt.Appendln(out, n, "bytes")
	}
	_, err = os.Stdout.Write(out)
	return err
}
