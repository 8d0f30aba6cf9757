//go:build linux

package capture

import (
	"testing"

	"github.com/gopacket/gopacket"
	"time"
)

// BenchmarkNFLOGRecords is the reader's work per record of a datagram
// already received: splitting the messages, the number and time of each,
// taking NFULA_SEQ out (as from a real 760-record datagram of UDP
// packets: prefix-side attributes, a 44-byte payload).
func BenchmarkNFLOGRecords(b *testing.B) {
	ts := time.Now()
	var d []byte
	const n = 760
	for i := 0; i < n; i++ {
		k, _ := numbered(7, int64(i), ts, make([]byte, 44), "")
		d = append(d, nlmsg(4<<8, k)...)
	}
	r := &nflogReader{buf: make([]byte, len(d))}
	b.SetBytes(int64(len(d)))
	b.ReportAllocs()
	for b.Loop() {
		copy(r.buf, d)
		r.pending, r.clock = r.buf, newNFLOGClock(ts)
		r.seqs = nflogSeqs{groups: r.seqs.groups[:0]}
		var ci gopacket.CaptureInfo
		for range n {
			if _, err := r.readInto(&ci); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
}
