package decoder

import (
	"math/rand/v2"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// ipHeaders returns IP packets (after the pflog header) of the generator's
// mixes, each also mutated: header bytes flipped, cut short, with the
// length tcpdump is handed off by a little or a lot.
func ipHeaders(t *testing.T, v6 bool) (pkts [][]byte, lengths []int) {
	r := rand.New(rand.NewPCG(51, 52))
	for _, cfg := range []pcapgen.Config{
		{Seed: 31, Mix: pcapgen.MixScan, Hosts: 300, Malformed: 0.05},
		{Seed: 32, Mix: pcapgen.MixWide, Malformed: 0.05},
		{Seed: 33, Mix: pcapgen.MixV6, Malformed: 0.05},
	} {
		g := pcapgen.New(cfg)
		for range 6000 {
			rec := g.Next()
			data := rec.Data
			if len(data) < 2 {
				continue
			}
			hl := (int(data[0]) + 3) &^ 3
			if hl < 4 || hl > len(data) || (data[1] == pfloghdr.AFInet) == v6 {
				continue
			}
			p, length := data[hl:], rec.WireLen-hl
			pkts, lengths = append(pkts, p), append(lengths, length)
			for k := range 4 {
				q := append([]byte(nil), p...)
				l := length
				switch k {
				case 0: // a header byte flipped
					if n := min(len(q), 48); n > 0 {
						q[r.IntN(n)] ^= byte(1 << r.IntN(8))
					}
				case 1: // cut short
					q = q[:r.IntN(len(q)+1)]
				case 2: // handed a different length
					l += r.IntN(81) - 40
				case 3: // the length fields rewritten
					if len(q) >= 6 {
						q[2+2*r.IntN(2)] = byte(r.Uint32())
						q[3] = byte(r.Uint32())
					}
					if len(q) > 6 && r.IntN(2) == 0 {
						q[6] ^= 0x20 << r.IntN(3) // MF, a fragment offset bit
					}
				}
				pkts, lengths = append(pkts, q), append(lengths, l)
			}
		}
	}
	return pkts, lengths
}

// TestIPFastPathsMatchSlow: printIP4Header and printIP6Header, which
// take a short way for well-formed headers, print what the full
// printIP4Slow and printIP6Slow print, and leave the same Summary, for
// generated packets and mutated ones, with and without NoSummary; under
// NoSummary printIP4Top and printIP6Top print the same text.
func TestIPFastPathsMatchSlow(t *testing.T) {
	for _, v6 := range []bool{false, true} {
		pkts, lengths := ipHeaders(t, v6)
		for _, noSum := range []bool{false, true} {
			fast, slow, top := New(Options{NoSummary: noSum}), New(Options{NoSummary: noSum}), New(Options{NoSummary: noSum})
			for i, p := range pkts {
				var out [2]string
				var sums [2]Summary
				var spans [2]addrSpans
				for j, d := range []*Decoder{fast, slow} {
					b := []byte("prefix ")
					d.ipDepth = 0
					d.sum.reset()
					d.spans = addrSpans{base: len(b), v6: d.v6}
					switch {
					case j == 0 && !v6:
						b = d.printIP4Header(b, p, lengths[i])
					case j == 0:
						b = d.printIP6Header(b, p, lengths[i])
					case !v6:
						b = d.printIP4Slow(b, p, lengths[i])
					default:
						b = d.printIP6Slow(b, p, lengths[i])
					}
					out[j], sums[j], spans[j] = string(b), d.sum, d.spans
					spans[j].v6 = nil
				}
				if out[0] != out[1] || sums[0] != sums[1] || spans[0] != spans[1] {
					t.Fatalf("v6 %v packet %d (% x, length %d):\nfast %q %+v %+v\nslow %q %+v %+v",
						v6, i, p, lengths[i], out[0], sums[0], spans[0], out[1], sums[1], spans[1])
				}
				if noSum { // printIP4Top and printIP6Top: the text and spans
					d := top
					b := []byte("prefix ")
					d.ipDepth = 0
					d.spans = addrSpans{base: len(b), v6: d.v6}
					if v6 {
						b = d.printIP6Top(b, p, lengths[i])
					} else {
						b = d.printIP4Top(b, p, lengths[i])
					}
					sp := d.spans
					sp.v6 = nil
					if string(b) != out[1] || sp != spans[1] {
						t.Fatalf("v6 %v packet %d (% x, length %d):\ntop  %q %+v\nslow %q %+v",
							v6, i, p, lengths[i], b, sp, out[1], spans[1])
					}
				}
			}
			t.Logf("v6 %v: %d packets", v6, len(pkts))
		}
	}
}
