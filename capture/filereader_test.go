package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// testRec is a record as written to a test capture: frac is the
// fraction of the second as the file holds it (micro- or nanoseconds).
type testRec struct {
	sec, frac uint32
	data      []byte
	wireLen   uint32
}

// buildPcap returns a pcap file of recs in byte order bo with the given
// magic (as a number), record header size (16, or 24 for the modified
// format) and snapshot length.
func buildPcap(bo binary.AppendByteOrder, magic uint32, hdrSize int, snaplen uint32, recs []testRec) []byte {
	b := bo.AppendUint32(nil, magic)
	b = bo.AppendUint16(b, 2)
	b = bo.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = bo.AppendUint32(b, snaplen)
	b = bo.AppendUint32(b, LinkTypePFLOG)
	for _, r := range recs {
		b = bo.AppendUint32(b, r.sec)
		b = bo.AppendUint32(b, r.frac)
		b = bo.AppendUint32(b, uint32(len(r.data)))
		b = bo.AppendUint32(b, r.wireLen)
		b = append(b, make([]byte, hdrSize-16)...)
		b = append(b, r.data...)
	}
	return b
}

// testRecs returns n records of the scan and v6 mixes (some malformed)
// and, every so often, records the fast path leaves to the slow one:
// longer than its 4096 bytes or the snapshot length, empty, or with a
// fraction past a whole second.
func testRecs(n int, seed uint64) []testRec {
	r := rand.New(rand.NewPCG(seed, 1))
	g := pcapgen.New(pcapgen.Config{Seed: int64(seed), Flavor: pcapgen.FlavorFreeBSD, Mix: pcapgen.MixScan, Hosts: 50, Malformed: 0.1})
	g6 := pcapgen.New(pcapgen.Config{Seed: int64(seed) + 1, Flavor: pcapgen.FlavorOpenBSD, Mix: pcapgen.MixV6, Malformed: 0.2})
	sec := uint32(1_700_000_000)
	var recs []testRec
	for i := 0; i < n; i++ {
		gr := g.Next()
		if i%3 == 0 {
			gr = g6.Next()
		}
		rec := testRec{sec: sec, frac: r.Uint32N(1_000_000), data: bytes.Clone(gr.Data), wireLen: uint32(gr.WireLen)}
		sec += r.Uint32N(2)
		switch i % 97 {
		case 5:
			rec.data = make([]byte, 4000+r.IntN(2000)) // around maxFastRecord
			copy(rec.data, gr.Data)
			rec.wireLen = uint32(len(rec.data) + r.IntN(3))
		case 17:
			rec.data, rec.wireLen = nil, r.Uint32N(100)
		case 29:
			rec.frac = 1_000_000 + r.Uint32N(3_000_000_000)
		case 41:
			rec.frac = 999_999_999 + r.Uint32N(2)
		case 53:
			rec.sec = [...]uint32{0, 0xffffffff, 0x80000000}[i%3]
		case 67:
			rec.wireLen = uint32(len(rec.data)) / 2
		}
		recs = append(recs, rec)
	}
	return recs
}

// TestFileReaderMatchesRead reads captures through FileReader.Read and
// through Handle.Read and requires the same records, times and lengths,
// and the same error at the end: little- and big-endian files, micro-
// and nanosecond ones, the modified format, a snapshot length below some
// records' length, files longer than the read-ahead buffer, files cut
// anywhere, filters, and a pcapng file.
func TestFileReaderMatchesRead(t *testing.T) {
	dir := t.TempDir()
	recs := testRecs(12000, 1) // about 2.5 MB: past the 1 MiB buffer
	type file struct {
		name string
		b    []byte
	}
	var files []file
	for _, v := range []struct {
		name    string
		bo      binary.AppendByteOrder
		magic   uint32
		hdrSize int
		snaplen uint32
	}{
		{"le-usec", binary.LittleEndian, 0xa1b2c3d4, 16, 262144},
		{"le-nsec", binary.LittleEndian, 0xa1b23c4d, 16, 262144},
		{"be-usec", binary.BigEndian, 0xa1b2c3d4, 16, 262144},
		{"be-nsec", binary.BigEndian, 0xa1b23c4d, 16, 0},
		{"le-modified", binary.LittleEndian, 0xa1b2cd34, 24, 262144},
		{"be-modified", binary.BigEndian, 0xa1b2cd34, 24, 262144},
		{"le-snap96", binary.LittleEndian, 0xa1b2c3d4, 16, 96},
		{"le-snap5000", binary.LittleEndian, 0xa1b2c3d4, 16, 5000},
		{"le-snap-huge", binary.LittleEndian, 0xa1b2c3d4, 16, 1 << 30},
	} {
		files = append(files, file{v.name, buildPcap(v.bo, v.magic, v.hdrSize, v.snaplen, recs)})
	}
	small := buildPcap(binary.LittleEndian, 0xa1b2c3d4, 16, 262144, recs[:300])
	for _, cut := range []int{24, 30, 40, 41, len(small) / 2, len(small) - 1} {
		files = append(files, file{fmt.Sprintf("cut-%d", cut), small[:cut]})
	}
	big := buildPcap(binary.LittleEndian, 0xa1b2c3d4, 16, 262144, recs)
	files = append(files, file{"cut-big", big[:len(big)-5]})
	huge := bytes.Clone(big[:24+16*1+len(recs[0].data)+16])
	binary.LittleEndian.PutUint32(huge[24+16+len(recs[0].data)+8:], 1<<20) // caplen 1 MiB
	files = append(files, file{"caplen-too-big", huge})

	var ng bytes.Buffer
	w, err := pcapgo.NewNgWriter(&ng, layers.LinkTypePFLog)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[:500] {
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(int64(r.sec), int64(r.frac%1e6)*1000), CaptureLength: len(r.data), Length: max(int(r.wireLen), len(r.data))}
		if err := w.WritePacket(ci, r.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	files = append(files, file{"pcapng", ng.Bytes()})

	for _, f := range files {
		path := filepath.Join(dir, f.name+".pcap")
		if err := os.WriteFile(path, f.b, 0o644); err != nil {
			t.Fatal(err)
		}
		for i, expr := range []string{"", "tcp", "udp or src port 445"} {
			n := compareFileReader(t, path, expr, []int{64, 1, 7}[i])
			if want := map[string]int{"le-usec": len(recs), "be-nsec": len(recs), "pcapng": 500}[f.name]; expr == "" && want != 0 && n != want {
				t.Errorf("%s: %d records, want %d", f.name, n, want)
			}
		}
	}
}

// compareFileReader reads path with the filter expr through Handle.Read
// and through FileReader.Read, batch records at a time, and returns the
// number of records.
func compareFileReader(t *testing.T, path, expr string, batch int) int {
	t.Helper()
	ref, err := OpenFile(path, expr)
	if err != nil {
		t.Fatalf("%s %q: %v", path, expr, err)
	}
	defer ref.Close()
	h, err := OpenFile(path, expr)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	fr := h.FileReader()
	recs := make([]Record, batch)
	n := 0
	for {
		data, got, gerr := fr.Read(recs)
		if gerr == nil && (got < 1 || got > batch) {
			t.Fatalf("%s %q: Read of %d returned %d records", path, expr, batch, got)
		}
		for i := 0; i < got || gerr != nil; i++ {
			want, wci, werr := ref.Read()
			if werr != nil || gerr != nil {
				if i != 0 || fmt.Sprint(werr) != fmt.Sprint(gerr) || errors.Is(werr, io.EOF) != errors.Is(gerr, io.EOF) {
					t.Errorf("%s %q after %d records: Handle.Read %v, FileReader.Read %v", path, expr, n, werr, gerr)
				}
				return n
			}
			rec := recs[i]
			ts := time.Unix(rec.Sec, rec.Nsec).In(fr.Location())
			if !bytes.Equal(data[rec.Start:rec.End], want) || rec.Length != wci.Length || ts != wci.Timestamp || rec.Nsec < 0 || rec.Nsec >= 1e9 {
				t.Fatalf("%s %q: record %d differs: Handle.Read %d/%d bytes at %v, FileReader.Read %d/%d at %v (%d.%09d)",
					path, expr, n, len(want), wci.Length, wci.Timestamp, rec.End-rec.Start, rec.Length, ts, rec.Sec, rec.Nsec)
			}
			n++
		}
	}
}

// TestFileReaderOfLive: a handle that is not a file has no FileReader.
func TestFileReaderOfLive(t *testing.T) {
	if (&Handle{}).FileReader() != nil {
		t.Error("FileReader of a handle that is no file")
	}
}
