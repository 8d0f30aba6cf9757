package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// BenchmarkReadFile is the whole -r path, from the bytes of a pcap file
// through the decoder and the record format to a buffered writer: the
// work per packet of `pfasciilogd -r FILE`, without process start-up.
// The capture is the scan mix of make bench (a few thousand hosts, 20
// rules), long enough to fill the default TCP sequence table (65,536 conversations) and
// evict from it, as a day of real traffic does. ns/packet is the figure to
// compare with BenchmarkDecode.
func BenchmarkReadFile(b *testing.B) {
	const packets = 200000
	g := pcapgen.New(pcapgen.Config{Seed: 1, Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixScan, Hosts: 2000, Rules: 20, Malformed: 0.03})
	path := filepath.Join(b.TempDir(), "bench.pcap")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w, err := pcapgen.NewWriter(f, 262144)
	for i := 0; i < packets && err == nil; i++ {
		err = w.Write(g.Next())
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ name, time, format string }{
		{"time-none", "none", "text"},
		{"time-iso", "iso", "text"},
		{"json", "iso", "json"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			c, err := parseFlags([]string{"-r", path, "--time", tc.time, "--format", tc.format}, io.Discard)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := readFile(c, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*packets), "ns/packet")
			b.ReportMetric(0, "ns/op")
		})
	}
}
