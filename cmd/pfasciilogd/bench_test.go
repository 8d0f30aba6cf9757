package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// BenchmarkReadFile is the whole -r path, from the bytes of a pcap file
// (libpcap's reader, or pcapgo without cgo) through the decoder and the
// record format to a buffered writer: the work per packet of
// `pfasciilogd -r FILE`, without process start-up. ns/packet is the
// figure to compare with BenchmarkDecode.
func BenchmarkReadFile(b *testing.B) {
	const packets = 20000
	path := filepath.Join(b.TempDir(), "bench.pcap")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w, err := pcapgen.NewWriter(f, 262144)
	if err != nil {
		b.Fatal(err)
	}
	g := pcapgen.New(pcapgen.Config{Seed: 1, Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixWide})
	for i := 0; i < packets; i++ {
		if err := w.Write(g.Next()); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for _, tf := range []string{"none", "iso"} {
		b.Run("time-"+tf, func(b *testing.B) {
			c, err := parseFlags([]string{"-r", path, "--time", tf}, io.Discard)
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
			b.ReportMetric(float64(testing.AllocsPerRun(1, func() { readFile(c, io.Discard) }))/packets, "allocs/packet")
		})
	}
}
