package main

import (
	"io"
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
	g := pcapgen.New(pcapgen.Config{Seed: 1, Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixWide})
	recs := make([]pcapgen.Record, packets)
	for i := range recs {
		recs[i] = g.Next()
	}
	path := filepath.Join(b.TempDir(), "bench.pcap")
	if err := pcapgen.WriteFile(path, 262144, recs); err != nil {
		b.Fatal(err)
	}
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
		})
	}
}
