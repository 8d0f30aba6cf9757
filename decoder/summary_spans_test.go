package decoder

import (
	"math/rand/v2"
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// TestSummaryAddressText: where the Summary says the record prints the
// outermost addresses, the text there is those addresses as tcpdump
// prints them, which is netip's text except for ::a.b.c.d. JSON copies
// them from there instead of formatting them again.
func TestSummaryAddressText(t *testing.T) {
	spans, records := 0, 0
	for _, cfg := range []pcapgen.Config{
		{Seed: 21, Mix: pcapgen.MixScan, Hosts: 300, Malformed: 0.05},
		{Seed: 22, Mix: pcapgen.MixWide, Malformed: 0.05},
		{Seed: 23, Mix: pcapgen.MixV6, Malformed: 0.05, Flavor: pcapgen.FlavorOpenBSD},
	} {
		g := pcapgen.New(cfg)
		d := New(Options{})
		for range 20000 {
			r := g.Next()
			prefix := []byte("2026-11-22T01:48:13.748353+01:00 ")
			out := d.AppendRecord(prefix, r.Data, r.WireLen)
			rec := out[len(prefix):]
			s := d.Summary()
			records++
			for _, c := range []struct {
				name string
				span [2]int
				addr []byte
			}{{"src", s.SrcText, s.Src.AsSlice()}, {"dst", s.DstText, s.Dst.AsSlice()}} {
				if c.span == [2]int{} {
					continue
				}
				spans++
				if !s.Src.IsValid() || c.span[0] > c.span[1] || c.span[1] > len(rec) {
					t.Fatalf("%s span %v in %q (src %v)", c.name, c.span, rec, s.Src)
				}
				got := string(rec[c.span[0]:c.span[1]])
				want := string(appendAddr(nil, c.addr))
				if got != want {
					t.Fatalf("%s span %v is %q, want %q: %q", c.name, c.span, got, want, rec)
				}
				a := s.Src
				if c.name == "dst" {
					a = s.Dst
				}
				if a.String() != want && !strings.HasPrefix(want, "::") {
					t.Fatalf("%s %q is not netip's %q", c.name, want, a)
				}
			}
		}
	}
	if spans < records {
		t.Errorf("only %d address spans in %d records", spans, records)
	}
	t.Logf("%d address spans in %d records", spans, records)
}

// TestV6NamesMatchAppendIPv6: the table of recent IPv6 texts returns what
// appendIPv6 prints, for repeated addresses, colliding ones and the forms
// with zero runs and embedded IPv4.
func TestV6NamesMatchAppendIPv6(t *testing.T) {
	var c v6Names
	r := rand.New(rand.NewPCG(7, 8))
	pool := make([][16]byte, 20000) // more than the table holds: collisions
	for i := range pool {
		a := &pool[i]
		for j := range a {
			if r.IntN(3) > 0 {
				a[j] = byte(r.Uint32())
			}
		}
		switch i % 5 {
		case 1:
			copy(a[:12], make([]byte, 12)) // ::a.b.c.d
		case 2:
			copy(a[:10], make([]byte, 10))
			a[10], a[11] = 0xff, 0xff // ::ffff:a.b.c.d
		}
	}
	for range 200000 {
		a := pool[r.IntN(len(pool))][:]
		got := string(c.append([]byte("x"), a))
		if want := "x" + string(appendIPv6(nil, a)); got != want {
			t.Fatalf("%x: %q, want %q", a, got, want)
		}
	}
}

// TestIPv4AndPortsInPlace: the dotted quads and ports written in place
// are netip's and strconv's text, for every octet value in every
// position and the port boundaries.
func TestIPv4AndPortsInPlace(t *testing.T) {
	ports := []uint16{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 65535}
	for v := 0; v < 256; v++ {
		for pos := 0; pos < 4; pos++ {
			src := []byte{1, 22, 133, 4}
			dst := []byte{255, 0, 10, 99}
			src[pos], dst[3-pos] = byte(v), byte(v)
			ip := &ipInfo{src: src, dst: dst}
			sp, dp := ports[v%len(ports)], ports[(v+pos)%len(ports)]
			got := string(ip.appendEndpoints([]byte("x"), sp, dp))
			want := "x" + netip.AddrFrom4([4]byte(src)).String() + "." + strconv.Itoa(int(sp)) + " > " +
				netip.AddrFrom4([4]byte(dst)).String() + "." + strconv.Itoa(int(dp))
			if got != want {
				t.Fatalf("%q, want %q", got, want)
			}
		}
	}
}

// TestEndpoints4SpansAndColon: appendAddrPorts and appendEndpoints on
// IPv4 headers give the text the address and number printers give, with
// the spans of the addresses in it, after text of every length already in
// the buffer (so the stores land at every alignment), for the longest and
// shortest addresses and ports and random ones.
func TestEndpoints4SpansAndColon(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	addrs := [][]byte{{255, 255, 255, 255}, {0, 0, 0, 0}, {1, 2, 3, 4}, {100, 10, 1, 200}}
	ports := []uint16{0, 9, 10, 99, 100, 9999, 10000, 65535}
	for i := range 20000 {
		src, dst := addrs[i%len(addrs)], addrs[i/len(addrs)%len(addrs)]
		sp, dp := ports[i%len(ports)], ports[i/3%len(ports)]
		if i >= 1000 {
			src = []byte{byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32())}
			dst = []byte{byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32())}
			sp, dp = uint16(r.Uint32()), uint16(r.Uint32()>>r.IntN(16))
		}
		pre := strings.Repeat("p", i%37)
		srcText, dstText := string(appendIPv4(nil, src)), string(appendIPv4(nil, dst))
		want := pre + srcText + "." + strconv.Itoa(int(sp)) + " > " + dstText + "." + strconv.Itoa(int(dp))
		for _, colon := range []bool{false, true} {
			var spans addrSpans
			spans.base = i % 5
			ip := &ipInfo{src: src, dst: dst, direct: true, spans: &spans}
			b := make([]byte, len(pre), len(pre)+i%90)
			copy(b, pre)
			w := want
			if colon {
				b = ip.appendAddrPorts(b, sp, dp)
				w += ": "
			} else {
				b = ip.appendEndpoints(b, sp, dp)
			}
			if string(b) != w {
				t.Fatalf("%q, want %q", b, w)
			}
			s0 := len(pre) - spans.base
			d0 := s0 + len(srcText) + 1 + len(strconv.Itoa(int(sp))) + 3
			if spans.src != [2]int{s0, s0 + len(srcText)} || spans.dst != [2]int{d0, d0 + len(dstText)} {
				t.Fatalf("%q: spans %v %v, want %v %v", b, spans.src, spans.dst,
					[2]int{s0, s0 + len(srcText)}, [2]int{d0, d0 + len(dstText)})
			}
		}
	}
}

// TestEndpoints6SpansAndColon is TestEndpoints4SpansAndColon for IPv6,
// with and without the table of IPv6 names (the outermost header's and
// a tunnel's), for the longest texts and embedded IPv4 ones.
func TestEndpoints6SpansAndColon(t *testing.T) {
	r := rand.New(rand.NewPCG(43, 44))
	long := []byte{0xff, 0xff, 0x12, 0x34, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xfe, 0xdc, 0xba, 0x98}
	zero := make([]byte, 16)
	v4 := []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 255, 255, 255, 255}
	addrs := [][]byte{long, zero, v4}
	ports := []uint16{0, 9, 10, 99, 100, 9999, 10000, 65535}
	var names v6Names
	for i := range 20000 {
		src, dst := addrs[i%len(addrs)], addrs[i/len(addrs)%len(addrs)]
		sp, dp := ports[i%len(ports)], ports[i/3%len(ports)]
		if i >= 1000 {
			src, dst = make([]byte, 16), make([]byte, 16)
			for j := range 16 {
				if r.IntN(3) > 0 {
					src[j], dst[j] = byte(r.Uint32()), byte(r.Uint32())
				}
			}
			sp, dp = uint16(r.Uint32()), uint16(r.Uint32()>>r.IntN(16))
		}
		pre := strings.Repeat("p", i%37)
		srcText, dstText := string(appendIPv6Ref(nil, src)), string(appendIPv6Ref(nil, dst))
		want := pre + srcText + "." + strconv.Itoa(int(sp)) + " > " + dstText + "." + strconv.Itoa(int(dp))
		for k := range 4 {
			colon, outer := k&1 != 0, k&2 != 0
			ip := &ipInfo{v6: true, src: src, dst: dst, direct: true}
			var spans addrSpans
			if outer {
				spans = addrSpans{base: i % 5, v6: &names}
				ip.spans = &spans
			}
			b := make([]byte, len(pre), len(pre)+i%150)
			copy(b, pre)
			w := want
			if colon {
				b = ip.appendAddrPorts(b, sp, dp)
				w += ": "
			} else {
				b = ip.appendEndpoints(b, sp, dp)
			}
			if string(b) != w {
				t.Fatalf("%q, want %q", b, w)
			}
			if !outer {
				continue
			}
			s0 := len(pre) - spans.base
			d0 := s0 + len(srcText) + 1 + len(strconv.Itoa(int(sp))) + 3
			if spans.src != [2]int{s0, s0 + len(srcText)} || spans.dst != [2]int{d0, d0 + len(dstText)} {
				t.Fatalf("%q: spans %v %v, want %v %v", b, spans.src, spans.dst,
					[2]int{s0, s0 + len(srcText)}, [2]int{d0, d0 + len(dstText)})
			}
		}
	}
}
