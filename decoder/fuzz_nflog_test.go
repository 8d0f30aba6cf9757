package decoder

import (
	"testing"

	"github.com/pfasciilogd/pfasciilogd/internal/pcapgen"
)

// FuzzDecodeNFLOG is FuzzDecode for the NFLOG link type (239): arbitrary
// records go to a Decoder for NFLOG, with the same checks (no panic, the
// buffer's previous content untouched, one record ending in '\n', no
// control bytes but '\n' and '\t').
//
// The seeds are the golden captures' IP packets wrapped as the records the
// kernel sends (pcapgen.NFLOGRecord: nfgenmsg, packet header, prefix and
// payload TLVs), whole and with the payload TLV cut short, plus NFLOG
// headers of other versions and families and TLVs of odd lengths.
func FuzzDecodeNFLOG(f *testing.F) {
	n := 0
	for _, c := range loadGolden(f) {
		for i, r := range c.recs {
			if i%4 != 0 || len(r.Data) == 0 { // a quarter is variety enough
				continue
			}
			hl := (int(r.Data[0]) + 3) &^ 3
			if hl >= len(r.Data) {
				continue
			}
			rec := pcapgen.NFLOGRecord(r.Data[hl:], uint16(n), "f2b-sshd")
			f.Add(rec, r.WireLen-len(r.Data))
			n++
		}
	}
	f.Add([]byte{}, 0)
	f.Add([]byte{2, 0, 0, 7}, 0)
	f.Add([]byte{2, 1, 0, 7}, 0)                         // version 1
	f.Add([]byte{7, 0, 0, 7, 4, 0, 9, 0}, 40)            // unknown family, empty payload TLV
	f.Add([]byte{2, 0, 0, 7, 0, 0, 9, 0, 0x45, 0}, 0)    // TLV length 0
	f.Add([]byte{2, 0, 0, 7, 0xff, 0xff, 1, 0, 0x45}, 0) // TLV longer than the record
	f.Fuzz(func(t *testing.T, data []byte, extra int) {
		fuzzDecodeTwice(t, Options{LinkType: LinkTypeNFLOG}, data, extra)
	})
}
