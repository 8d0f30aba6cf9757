//go:build cgo && linux

package capture

import (
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/gopacket/gopacket/pcap"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// TestNFLOGFilterMatchesLibpcap checks the native NFLOG reader's filter
// (libpcap's program for link type NFLOG, run in x/net/bpf's VM) against
// libpcap running the same expression over the same records: the IP
// packets of testdata/golden wrapped as NFLOG records and read back
// from a pcap file.
func TestNFLOGFilterMatchesLibpcap(t *testing.T) {
	var recs []pcapgen.Record
	for _, p := range goldenPackets(t) {
		d := p.data
		if len(d) < 61 || int(d[0]) < 61 {
			continue
		}
		h := (int(d[0]) + 3) &^ 3
		if len(d) <= h || len(d) != p.ci.Length {
			continue
		}
		ip := d[h:]
		if v := ip[0] >> 4; v != 4 && v != 6 {
			continue
		}
		b := pcapgen.NFLOGRecord(ip, uint16(7+len(recs)%2), "test") // resource IDs 7 and 8
		recs = append(recs, pcapgen.Record{Sec: uint32(len(recs)), Data: b, WireLen: len(b)})
	}
	if len(recs) < 1000 {
		t.Fatalf("only %d NFLOG records from the golden captures", len(recs))
	}
	path := filepath.Join(t.TempDir(), "nflog.pcap")
	if err := pcapgen.WriteFileLinkType(path, LinkTypeNFLOG, DefaultSnapLen, recs); err != nil {
		t.Fatal(err)
	}
	// libpcap compiles no protocol test for NFLOG ("NFLOG link-layer
	// type filtering not implemented"): the same error, through the
	// native reader too.
	for _, expr := range []string{"ip", "tcp", "port 22", "host 192.0.2.1"} {
		if _, err := compileNFLOGFilter(expr, DefaultSnapLen); err == nil {
			t.Errorf("%q: compiled for NFLOG, libpcap refuses it", expr)
		}
	}
	// What it compiles: lengths and the record's own bytes (family,
	// resource ID, attributes).
	for _, expr := range []string{
		"greater 200", "less 100", "len > 120", "link[0] == 2", "link[0] == 10", "link[3] == 7",
		"link[0] == 2 and len > 100", "not link[0] == 2 or less 80",
	} {
		vm, err := compileNFLOGFilter(expr, DefaultSnapLen)
		if err != nil {
			t.Fatalf("%q: %v", expr, err)
		}
		ours := map[uint32]bool{}
		for _, r := range recs {
			if n, err := vm.Run(r.Data); err == nil && n > 0 {
				ours[r.Sec] = true
			}
		}
		h, err := pcap.OpenOffline(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.SetBPFFilter(expr); err != nil {
			t.Fatalf("%q: libpcap: %v", expr, err)
		}
		theirs := 0
		for {
			_, ci, err := h.ReadPacketData()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			theirs++
			if !ours[uint32(ci.Timestamp.Unix())] {
				t.Errorf("%q: libpcap accepts record %d, ours does not", expr, ci.Timestamp.Unix())
			}
		}
		h.Close()
		if theirs != len(ours) {
			t.Errorf("%q: libpcap accepts %d records, ours %d", expr, theirs, len(ours))
		}
		if theirs == 0 || theirs == len(recs) {
			t.Errorf("%q: accepts %d of %d records (the expression does not split them: a useless case)", expr, theirs, len(recs))
		}
	}
}
