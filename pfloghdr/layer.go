package pfloghdr

import (
	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
)

// LayerType is the gopacket layer type of a pflog header in any of the
// three layouts, registered (as number 1117, "PFLogHeader") the way
// gopacket registers its own layers. gopacket's layers.LayerTypePFLog
// stays as it is: that decoder reads only the fields the layouts share.
//
// Use it as the first layer type of a gopacket.DecodingLayerParser, with a
// *Layer among its layers:
//
//	var hdr pfloghdr.Layer
//	parser := gopacket.NewDecodingLayerParser(pfloghdr.LayerType, &hdr, &ip4, &ip6, &tcp, &udp)
//
// or pass it to gopacket.NewPacket as the first decoder.
var LayerType = gopacket.RegisterLayerType(1117, gopacket.LayerTypeMetadata{
	Name:    "PFLogHeader",
	Decoder: gopacket.DecodeFunc(decodeLayer),
})

// Layout is the header layout a Layer saw, named by the systems that
// write it.
type Layout uint8

const (
	LayoutNetBSD  Layout = iota // length 61: NetBSD, DragonFly, macOS, older FreeBSD
	LayoutFreeBSD               // length 69: FreeBSD with ridentifier
	LayoutOpenBSD               // length 100: OpenBSD with rewritten addresses and ports
	LayoutOther                 // another length between MinLen and MaxLen
)

var layoutNames = [...]string{"NetBSD", "FreeBSD", "OpenBSD", "other"}

func (l Layout) String() string {
	if int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return "invalid"
}

// Layout returns the layout of a decoded header, from its length byte.
func (h *Header) Layout() Layout {
	switch h.Length {
	case LenNetBSD:
		return LayoutNetBSD
	case LenFreeBSD:
		return LayoutFreeBSD
	case LenOpenBSD:
		return LayoutOpenBSD
	}
	return LayoutOther
}

// Layer is a pflog header as a gopacket layer and DecodingLayer: Header
// holds every field of the layout it saw (FreeBSD's ridentifier,
// OpenBSD's rewritten addresses and ports). Reusing one Layer across
// packets does not allocate.
type Layer struct {
	Header
	contents, payload []byte
}

// LayerType returns LayerType.
func (l *Layer) LayerType() gopacket.LayerType { return LayerType }

// LayerContents returns the header's bytes, padding included.
func (l *Layer) LayerContents() []byte { return l.contents }

// LayerPayload returns the logged packet.
func (l *Layer) LayerPayload() []byte { return l.payload }

// CanDecode returns LayerType.
func (l *Layer) CanDecode() gopacket.LayerClass { return LayerType }

// DecodeFromBytes decodes the header at the start of data (see Decode); the
// payload is the rest of data. A header longer than data is reported as
// truncated to df and returns ErrShort.
func (l *Layer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	n, err := Decode(data, &l.Header)
	if err != nil {
		if err == ErrShort && df != nil {
			df.SetTruncated()
		}
		l.contents, l.payload = nil, nil
		return err
	}
	l.contents, l.payload = data[:n], data[n:]
	return nil
}

// NextLayerType is IPv4 or IPv6 by the header's address family (any of
// the BSD values of AF_INET6), else gopacket.LayerTypePayload.
func (l *Layer) NextLayerType() gopacket.LayerType {
	switch {
	case l.AF == AFInet:
		return layers.LayerTypeIPv4
	case IsInet6(l.AF):
		return layers.LayerTypeIPv6
	}
	return gopacket.LayerTypePayload
}

func decodeLayer(data []byte, p gopacket.PacketBuilder) error {
	l := &Layer{}
	if err := l.DecodeFromBytes(data, p); err != nil {
		return err
	}
	p.AddLayer(l)
	return p.NextDecoder(l.NextLayerType())
}
