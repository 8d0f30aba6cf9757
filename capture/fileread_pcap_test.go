//go:build cgo

package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gopacket/gopacket/pcap"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// fileExprs are expressions of tcpdump's full language, beyond what the
// cgo-free compiler takes: lengths on the wire (which differ from the
// captured length in a file cut to pflogd's 160 bytes), byte and word
// loads, arithmetic, and the pflog keywords.
var fileExprs = []string{
	"", "tcp", "udp", "icmp", "not ip",
	"greater 200", "less 120", "len > 1000", "len = 94",
	"ip[0] & 0xf > 5", "ip[8] < 64", "ip[2:2] > 100 and ip[6] & 0x20 != 0",
	"tcp[13] & 2 != 0", "tcp[tcpflags] & (tcp-syn|tcp-ack) = tcp-syn", "tcp[2:2] * 2 / 3 > 20000",
	"udp[8] = 0x45 or udp[4:2] % 7 = 3", "icmp[icmptype] = icmp-echo",
	"(ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2) != 0",
	"ip[1] >> 2 = 0 and ip[3] << 1 > 100 and ip[4] ^ ip[5] = 0xff",
	"tcp portrange 1-1024", "udp and src portrange 1024-65535", "net 128.0.0.0/2",
	"action block and inbound", "rnr 42", "reason short or reason match",
	"ip and not tcp and not udp and not icmp", "ip proto 47 or ip proto 132",
	"ip6 and tcp", "ip6 and udp port 53", "ip6[6] = 58 and ip6[40] = 128",
}

// TestFileReaderMatchesLibpcap reads generated captures (the scan and
// wide mixes, malformed records, records cut to 160 bytes) through
// OpenFile and through libpcap's own file reader with the same filter,
// and requires the same records, byte for byte, in the same order.
func TestFileReaderMatchesLibpcap(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, cfg := range []pcapgen.Config{
		{Seed: 7, Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixScan, Hosts: 50, Malformed: 0.1},
		{Seed: 8, Flavor: pcapgen.FlavorOpenBSD, Mix: pcapgen.MixWide, Malformed: 0.1, Snaplen: 160},
		{Seed: 9, Flavor: pcapgen.FlavorOther, Mix: pcapgen.MixV6, Malformed: 0.2, Snaplen: 96},
	} {
		g := pcapgen.New(cfg)
		var recs []pcapgen.Record
		for range 3000 {
			r := g.Next()
			r.Data = bytes.Clone(r.Data)
			recs = append(recs, r)
		}
		path := filepath.Join(dir, string(rune('a'+i))+".pcap")
		snap := 262144
		if cfg.Snaplen > 0 {
			snap = cfg.Snaplen
		}
		if err := pcapgen.WriteFile(path, snap, recs); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	// NFLOG records (TLVs in host order) of the scan mix's IP packets, and
	// both captures written by a host of the other byte order.
	g := pcapgen.New(pcapgen.Config{Seed: 11, Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixScan})
	var nf []pcapgen.Record
	for len(nf) < 2000 {
		d := g.Next().Data
		if h := (int(d[0]) + 3) &^ 3; len(d) > h {
			b := pcapgen.NFLOGRecord(d[h:], 5, "drop")
			if len(nf)%3 == 0 {
				b = b[:len(b)*2/3] // cut inside a TLV
			}
			nf = append(nf, pcapgen.Record{Sec: uint32(len(nf)), Data: b, WireLen: len(b) + len(nf)%3})
		}
	}
	nflog := filepath.Join(dir, "nflog.pcap")
	b := writeCapture(t, nflog, nf)
	binary.LittleEndian.PutUint32(b[20:], LinkTypeNFLOG)
	if err := os.WriteFile(nflog, b, 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, "../testdata/sample.pcap", nflog,
		swapPcap(t, files[0], filepath.Join(dir, "big-endian.pcap")),
		swapPcap(t, nflog, filepath.Join(dir, "nflog-big-endian.pcap")))
	for _, path := range files {
		exprs := fileExprs
		if strings.Contains(path, "nflog") {
			exprs = []string{"", "greater 100", "less 60", "len > 200"} // libpcap has no protocol filters on NFLOG
		}
		for _, expr := range exprs {
			ref, err := pcap.OpenOffline(path)
			if err != nil {
				t.Fatal(err)
			}
			if expr != "" {
				if err := ref.SetBPFFilter(expr); err != nil {
					t.Fatalf("%q: libpcap: %v", expr, err)
				}
			}
			h, err := OpenFile(path, expr)
			if err != nil {
				t.Fatalf("%q: %v", expr, err)
			}
			n := 0
			for {
				want, wci, werr := ref.ReadPacketData()
				got, gci, gerr := h.Read()
				if werr != nil || gerr != nil {
					if !errors.Is(werr, io.EOF) || !errors.Is(gerr, io.EOF) {
						t.Errorf("%s %q after %d records: libpcap %v, ours %v", path, expr, n, werr, gerr)
					}
					break
				}
				if !bytes.Equal(got, want) || gci.Length != wci.Length || gci.CaptureLength != wci.CaptureLength || !gci.Timestamp.Equal(wci.Timestamp) {
					t.Errorf("%s %q: record %d differs: libpcap %d/%d bytes at %v, ours %d/%d at %v\n% x\n% x",
						path, expr, n, wci.CaptureLength, wci.Length, wci.Timestamp, gci.CaptureLength, gci.Length, gci.Timestamp, want[:min(len(want), 48)], got[:min(len(got), 48)])
					break
				}
				n++
			}
			h.Close()
			ref.Close()
			t.Logf("%s %-45q %d records", filepath.Base(path), expr, n)
		}
	}
}

// TestFileReaderErrors: a file cut inside a record header or its data,
// and a record longer than libpcap accepts, end the read with an error
// (libpcap's message), never with a short record or a silent EOF.
func TestFileReaderErrors(t *testing.T) {
	g := pcapgen.New(pcapgen.Config{Seed: 3, Flavor: pcapgen.FlavorFreeBSD})
	var recs []pcapgen.Record
	for range 5 {
		r := g.Next()
		r.Data = bytes.Clone(r.Data)
		recs = append(recs, r)
	}
	dir := t.TempDir()
	b := writeCapture(t, filepath.Join(dir, "whole.pcap"), recs)
	huge := bytes.Clone(b[:24+16])
	huge[24+8], huge[24+9], huge[24+10], huge[24+11] = 0, 0, 0x10, 0 // caplen 1 MiB
	for name, data := range map[string][]byte{
		"cut in a header": b[:len(b)-len(recs[4].Data)-7],
		"cut in the data": b[:len(b)-3],
		"caplen too big":  huge,
	} {
		path := filepath.Join(dir, "bad.pcap")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var libErr, ourErr error
		ref, err := pcap.OpenOffline(path)
		if err != nil {
			t.Fatal(err)
		}
		for libErr == nil {
			_, _, libErr = ref.ReadPacketData()
		}
		ref.Close()
		h, err := OpenFile(path, "")
		if err != nil {
			t.Fatal(err)
		}
		for ourErr == nil {
			_, _, ourErr = h.Read()
		}
		h.Close()
		if errors.Is(ourErr, io.EOF) || errors.Is(libErr, io.EOF) {
			t.Errorf("%s: libpcap %v, ours %v: want an error, not EOF", name, libErr, ourErr)
		}
		t.Logf("%s: libpcap %q, ours %q", name, libErr, ourErr)
	}
}

// swapPcap writes a big-endian copy of the little-endian pcap file src.
func swapPcap(t *testing.T, src, dst string) string {
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	sw := func(p []byte) { p[0], p[1], p[2], p[3] = p[3], p[2], p[1], p[0] }
	sw(b[0:])
	b[4], b[5], b[6], b[7] = b[5], b[4], b[7], b[6]
	for _, o := range []int{8, 12, 16, 20} {
		sw(b[o:])
	}
	for off := 24; off+16 <= len(b); {
		caplen := int(binary.LittleEndian.Uint32(b[off+8:]))
		for _, o := range []int{0, 4, 8, 12} {
			sw(b[off+o:])
		}
		off += 16 + caplen
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// writeCapture writes recs to path and returns the file's bytes.
func writeCapture(t *testing.T, path string, recs []pcapgen.Record) []byte {
	t.Helper()
	if err := pcapgen.WriteFile(path, 262144, recs); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
