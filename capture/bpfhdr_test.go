package capture

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"
)

// buildBuf lays out records as the kernel does for layout l.
func buildBuf(l bpfLayout, hdrlen int, pkts [][]byte, ts []time.Time) []byte {
	var b []byte
	for i, p := range pkts {
		h := make([]byte, hdrlen)
		put := func(off, size int, v uint64) {
			if size == 8 {
				binary.LittleEndian.PutUint64(h[off:], v)
			} else {
				binary.LittleEndian.PutUint32(h[off:], uint32(v))
			}
		}
		put(l.secOff, l.secSize, uint64(ts[i].Unix()))
		put(l.usecOff, l.usecSize, uint64(ts[i].Nanosecond()/1000))
		binary.LittleEndian.PutUint32(h[l.capOff:], uint32(len(p)))
		binary.LittleEndian.PutUint32(h[l.lenOff:], uint32(len(p)+100))
		binary.LittleEndian.PutUint16(h[l.hdrlenOff:], uint16(hdrlen))
		b = append(b, h...)
		b = append(b, p...)
		for len(b)%l.align != 0 {
			b = append(b, 0xee) // padding the reader must skip
		}
	}
	return b
}

func TestBPFRecords(t *testing.T) {
	for _, c := range []struct {
		name, goos, goarch string
		hdrlen, align      int
	}{
		{"freebsd/amd64", "freebsd", "amd64", 32, 8}, // BPF_WORDALIGN(26) with long = 8
		{"freebsd/arm64", "freebsd", "arm64", 32, 8},
		{"openbsd/amd64", "openbsd", "amd64", 20, 4}, // BPF_WORDALIGN(18) with 4
		{"openbsd/arm64", "openbsd", "arm64", 24, 4}, // newer kernels: fields after bh_hdrlen
	} {
		l, ok := bpfLayoutFor(c.goos, c.goarch)
		if !ok || l.align != c.align {
			t.Fatalf("%s: layout %v %+v", c.name, ok, l)
		}
		pkts := [][]byte{[]byte("a"), []byte("0123456789"), {}, []byte(strings.Repeat("x", 77))}
		base := time.Unix(1700000000, 123456000)
		ts := []time.Time{base, base.Add(time.Second), base.Add(2 * time.Microsecond), base.Add(time.Hour)}
		buf := buildBuf(l, c.hdrlen, pkts, ts)
		it := bpfIter{l: &l, buf: buf}
		for i := 0; ; i++ {
			rec, ok, err := it.next()
			if err != nil {
				t.Fatalf("%s: record %d: %v", c.name, i, err)
			}
			if !ok {
				if i != len(pkts) {
					t.Fatalf("%s: %d records, want %d", c.name, i, len(pkts))
				}
				break
			}
			if string(rec.data) != string(pkts[i]) || rec.caplen != len(pkts[i]) || rec.datalen != len(pkts[i])+100 || !rec.ts.Equal(ts[i]) {
				t.Errorf("%s: record %d: %q %d %d %v", c.name, i, rec.data, rec.caplen, rec.datalen, rec.ts)
			}
			if len(rec.data) > 0 && &rec.data[0] != &buf[it.off-l.wordAlign(c.hdrlen+len(pkts[i]))+c.hdrlen] {
				t.Errorf("%s: record %d was copied", c.name, i)
			}
		}
		// A truncated buffer is an error, not a panic.
		bad := bpfIter{l: &l, buf: buf[:l.wordAlign(c.hdrlen+1)+5]}
		bad.next()
		if _, ok, err := bad.next(); ok || err == nil {
			t.Errorf("%s: truncated record accepted", c.name)
		}
	}
	if _, ok := bpfLayoutFor("linux", "amd64"); ok {
		t.Error("linux has no bpf_hdr layout")
	}
}

func TestFilterRefusals(t *testing.T) {
	for _, e := range []string{"ether host 1:2:3:4:5:6", "host example.org", "port ssh", "portrange 1-2",
		"host 1.2.3.4 or 5.6.7.8", "net 10.1.0.0/8", "ip proto 6", "tcp[13] & 2 != 0", "vlan", "(tcp", "tcp and", ""} {
		_, err := compileFilter(LinkTypePFLOG, 0, e, 28)
		if e == "" {
			if err != nil {
				t.Errorf("empty expression: %v", err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q accepted", e)
		}
	}
	if _, err := compileFilter(1, 0, "tcp", 28); err == nil {
		t.Error("Ethernet accepted")
	}
}

func TestPcapgoReader(t *testing.T) {
	fr, err := openPcapgo("../testdata/sample.pcap")
	if err != nil {
		t.Skip(err)
	}
	defer fr.close()
	if fr.linkType != LinkTypePFLOG {
		t.Fatalf("link type %d", fr.linkType)
	}
	n := 0
	for {
		if _, _, err := fr.read(); err != nil {
			break
		}
		n++
	}
	if n == 0 {
		t.Fatal("no packets")
	}
}
