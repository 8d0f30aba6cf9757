package pfloghdr

import (
	"encoding/binary"
	"errors"
	"testing"
)

// build returns a header of the given length byte, padded to 4.
func build(l uint8) []byte {
	b := make([]byte, (int(l)+3)&^3)
	b[0] = l
	b[1] = AFInet
	b[2] = 1 // block
	b[3] = 0
	copy(b[4:], "em0")
	copy(b[20:], "f2b/sshd")
	binary.BigEndian.PutUint32(b[36:], 7)
	binary.BigEndian.PutUint32(b[40:], 3)
	binary.NativeEndian.PutUint32(b[44:], 1001)
	b[60] = 1
	return b
}

func TestDecodeLayouts(t *testing.T) {
	for _, tc := range []struct {
		l    uint8
		hlen int
	}{{LenNetBSD, 64}, {LenFreeBSD, 72}, {LenOpenBSD, 100}} {
		b := build(tc.l)
		if tc.l == LenFreeBSD {
			binary.BigEndian.PutUint32(b[64:], 12345)
		}
		if tc.l == LenOpenBSD {
			b[61], b[62] = 1, AFInet6OpenBSD
			b[64], b[80] = 0x20, 0x26
			binary.BigEndian.PutUint16(b[96:], 443)
			binary.BigEndian.PutUint16(b[98:], 22)
		}
		var h Header
		n, err := Decode(append(b, 0x45), &h)
		if err != nil || n != tc.hlen || h.HeaderLen() != tc.hlen {
			t.Fatalf("len %d: n=%d err=%v", tc.l, n, err)
		}
		if string(h.IfNameBytes()) != "em0" || string(h.RulesetBytes()) != "f2b/sshd" ||
			h.RuleNr != 7 || h.SubruleNr != 3 || h.UID != 1001 || h.Dir != 1 || !h.HasAnchor() {
			t.Errorf("len %d: fields %+v", tc.l, h)
		}
		switch tc.l {
		case LenFreeBSD:
			if h.RIdentifier != 12345 {
				t.Errorf("ridentifier %d", h.RIdentifier)
			}
		case LenOpenBSD:
			if !h.HasRewrites || h.Rewritten != 1 || h.NAF != AFInet6OpenBSD || h.SAddr[0] != 0x20 ||
				h.DAddr[0] != 0x26 || h.SPort != 443 || h.DPort != 22 || h.RIdentifier != 0 {
				t.Errorf("openbsd fields %+v", h)
			}
		default:
			if h.RIdentifier != 0 || h.HasRewrites {
				t.Errorf("netbsd layout has extras: %+v", h)
			}
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	var h Header
	for _, tc := range []struct {
		data []byte
		want error
	}{
		{nil, ErrShort},
		{[]byte{60}, ErrBadLength},
		{[]byte{101}, ErrBadLength},
		{build(LenFreeBSD)[:71], ErrShort},
		{build(LenOpenBSD)[:99], ErrShort},
	} {
		if _, err := Decode(tc.data, &h); !errors.Is(err, tc.want) {
			t.Errorf("Decode(% x...) = %v, want %v", tc.data[:min(4, len(tc.data))], err, tc.want)
		}
	}
}

func TestDecodeFixedReadsRidentifierBehind64ByteHeader(t *testing.T) {
	b := append(build(LenNetBSD), 0x45, 0x00, 0x00, 0x28, 0, 0, 0, 0)
	var h Header
	if !DecodeFixed(b, &h) {
		t.Fatal("DecodeFixed refused 72 bytes")
	}
	if h.RIdentifier != 0x45000028 {
		t.Errorf("ridentifier %#x, want the IP header's first word", h.RIdentifier)
	}
	if DecodeFixed(b[:71], &h) {
		t.Error("DecodeFixed accepted 71 bytes")
	}
}

func TestIsInet6(t *testing.T) {
	for af, want := range map[uint8]bool{2: false, 10: false, 24: true, 28: true, 30: true} {
		if IsInet6(af) != want {
			t.Errorf("IsInet6(%d) != %v", af, want)
		}
	}
}

func TestDecodeAllocs(t *testing.T) {
	b := build(LenFreeBSD)
	var h Header
	if n := testing.AllocsPerRun(100, func() { Decode(b, &h) }); n != 0 {
		t.Errorf("Decode allocates %v times", n)
	}
}

// TestDecodeFixedSetsEveryField: DecodeFixed does not zero the Header
// first, so it must set every field: decoding into a Header full of
// another packet's values gives what decoding into a zero one does.
func TestDecodeFixedSetsEveryField(t *testing.T) {
	data := make([]byte, 100)
	for i := range data {
		data[i] = byte(i*7 + 3)
	}
	data[0] = LenFreeBSD
	var want Header
	if !DecodeFixed(data, &want) {
		t.Fatal("DecodeFixed refused 100 bytes")
	}
	dirty := Header{}
	other := make([]byte, 100)
	for i := range other {
		other[i] = 0xff
	}
	other[0] = LenOpenBSD
	if _, err := Decode(other, &dirty); err != nil {
		t.Fatal(err)
	}
	if !DecodeFixed(data, &dirty) {
		t.Fatal("DecodeFixed refused 100 bytes")
	}
	if dirty != want {
		t.Errorf("DecodeFixed left fields of the previous header:\n got  %+v\n want %+v", dirty, want)
	}
}
