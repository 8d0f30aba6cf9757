package pfloghdr

import (
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
)

type feedback struct{ truncated bool }

func (f *feedback) SetTruncated() { f.truncated = true }

func layerRecord(length, af uint8, payload ...byte) []byte {
	h := make([]byte, (int(length)+3)&^3)
	h[0], h[1] = length, af
	return append(h, payload...)
}

func TestLayerDecodeFromBytes(t *testing.T) {
	for _, c := range []struct {
		length, af uint8
		layout     Layout
		next       gopacket.LayerType
	}{
		{LenNetBSD, AFInet, LayoutNetBSD, layers.LayerTypeIPv4},
		{LenFreeBSD, AFInet6FreeBSD, LayoutFreeBSD, layers.LayerTypeIPv6},
		{LenOpenBSD, AFInet6OpenBSD, LayoutOpenBSD, layers.LayerTypeIPv6},
		{80, AFInet6Darwin, LayoutOther, layers.LayerTypeIPv6},
		{LenFreeBSD, 17, LayoutFreeBSD, gopacket.LayerTypePayload},
	} {
		rec := layerRecord(c.length, c.af, 0x45, 1, 2)
		var l Layer
		var f feedback
		if err := l.DecodeFromBytes(rec, &f); err != nil {
			t.Fatalf("length %d: %v", c.length, err)
		}
		if l.Layout() != c.layout || l.NextLayerType() != c.next || f.truncated {
			t.Errorf("length %d af %d: layout %v next %v truncated %v", c.length, c.af, l.Layout(), l.NextLayerType(), f.truncated)
		}
		if n := len(l.LayerContents()); n != (int(c.length)+3)&^3 || string(l.LayerPayload()) != "\x45\x01\x02" {
			t.Errorf("length %d: contents %d bytes, payload %x", c.length, n, l.LayerPayload())
		}
		if l.LayerType() != LayerType || l.CanDecode() != LayerType {
			t.Errorf("layer type %v, can decode %v", l.LayerType(), l.CanDecode())
		}
	}
}

func TestLayerErrors(t *testing.T) {
	var l Layer
	var f feedback
	if err := l.DecodeFromBytes(layerRecord(LenOpenBSD, AFInet)[:80], &f); err != ErrShort || !f.truncated {
		t.Errorf("short: %v, truncated %v", err, f.truncated)
	}
	f = feedback{}
	if err := l.DecodeFromBytes(layerRecord(44, AFInet, 1, 2, 3), &f); err != ErrBadLength || f.truncated {
		t.Errorf("length 44: %v, truncated %v", err, f.truncated)
	}
	if l.LayerPayload() != nil || l.LayerContents() != nil {
		t.Error("a failed decode left the previous contents")
	}
	if err := l.DecodeFromBytes(nil, nil); err != ErrShort {
		t.Errorf("empty: %v", err)
	}
}

// NewPacket with LayerType as the first decoder goes on to gopacket's
// IPv4 and UDP layers.
func TestLayerNewPacket(t *testing.T) {
	ip := []byte{0x45, 0, 0, 30, 0, 1, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2,
		0x9c, 0x40, 0x27, 0x0f, 0, 10, 0, 0, 'h', 'i'}
	p := gopacket.NewPacket(layerRecord(LenFreeBSD, AFInet, ip...), LayerType, gopacket.Default)
	if err := p.ErrorLayer(); err != nil {
		t.Fatal(err.Error())
	}
	l, ok := p.Layer(LayerType).(*Layer)
	if !ok || l.Layout() != LayoutFreeBSD {
		t.Fatalf("no pflog layer: %v", p)
	}
	u, ok := p.Layer(layers.LayerTypeUDP).(*layers.UDP)
	if !ok || u.SrcPort != 40000 || u.DstPort != 9999 {
		t.Fatalf("UDP layer: %v", p)
	}
	bad := gopacket.NewPacket([]byte{200, 2}, LayerType, gopacket.Default)
	if bad.ErrorLayer() == nil {
		t.Error("a bad length gives no error layer")
	}
}

func TestLayerDecodeNoAlloc(t *testing.T) {
	rec := layerRecord(LenOpenBSD, AFInet, 0x45)
	var l Layer
	if n := testing.AllocsPerRun(100, func() { _ = l.DecodeFromBytes(rec, nil) }); n != 0 {
		t.Errorf("%v allocations per decode", n)
	}
}
