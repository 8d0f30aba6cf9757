// Package pfloghdr decodes the header that pf(4) puts in front of every
// packet it logs to a pflog(4) interface (link type PFLOG, 117).
//
// Three layouts exist in the wild and are told apart by the header's first
// byte, its length without padding:
//
//	61  NetBSD, DragonFly, macOS and older FreeBSD (64 bytes with padding)
//	69  current FreeBSD, which adds ridentifier (72 bytes with padding)
//	100 OpenBSD, which adds the rewritten addresses and ports
//
// The header occupies the length rounded up to a multiple of 4; the packet
// follows. rulenr, subrulenr and ridentifier are big-endian; uid and pid are
// in the byte order of the host that logged the packet, which is the host
// that reads it for a live capture.
//
// Decoding does not allocate: Header holds fixed-size arrays and the
// strings are exposed as byte slices of them.
package pfloghdr

import (
	"encoding/binary"
	"errors"
)

// Layout lengths (the header's first byte).
const (
	LenNetBSD  = 61  // NetBSD, DragonFly, macOS, older FreeBSD
	LenFreeBSD = 69  // FreeBSD with ridentifier
	LenOpenBSD = 100 // OpenBSD with rewritten addresses

	MinLen = LenNetBSD  // shortest valid length byte
	MaxLen = LenOpenBSD // longest valid length byte

	IfNameSize  = 16
	RulesetSize = 16

	// NoSubrule is the subrule number of a rule that is not in an anchor.
	NoSubrule = 0xffffffff
	// NoUID is the uid of a packet without a socket owner.
	NoUID = 0xffffffff
)

// Address families pf logs. AF_INET6 differs between systems.
const (
	AFInet         = 2
	AFInet6OpenBSD = 24 // OpenBSD, NetBSD
	AFInet6FreeBSD = 28
	AFInet6Darwin  = 30
)

// IsInet6 reports whether af is one of the BSD values of AF_INET6.
func IsInet6(af uint8) bool {
	return af == AFInet6OpenBSD || af == AFInet6FreeBSD || af == AFInet6Darwin
}

// Errors returned by Decode.
var (
	ErrShort     = errors.New("pfloghdr: packet shorter than its pflog header")
	ErrBadLength = errors.New("pfloghdr: invalid pflog header length")
)

// Header is a decoded pflog header.
type Header struct {
	Length      uint8 // header length without padding (the first byte)
	AF          uint8 // address family of the packet
	Action      uint8 // PF_PASS, PF_DROP, ...
	Reason      uint8 // PFRES_*
	IfName      [IfNameSize]byte
	Ruleset     [RulesetSize]byte
	RuleNr      uint32
	SubruleNr   uint32 // NoSubrule when the rule is not in an anchor
	UID         uint32 // NoUID when unknown
	PID         int32
	RuleUID     uint32
	RulePID     int32
	Dir         uint8  // 0 in/out, 1 in, 2 out, 3 fwd (OpenBSD)
	RIdentifier uint32 // FreeBSD (length 69) only, else 0

	// OpenBSD (length 100) only.
	Rewritten   uint8
	NAF         uint8
	SAddr       [16]byte
	DAddr       [16]byte
	SPort       uint16
	DPort       uint16
	HasRewrites bool // the OpenBSD fields are present
}

// HeaderLen returns the number of bytes the header occupies: Length
// rounded up to a multiple of 4.
func (h *Header) HeaderLen() int { return (int(h.Length) + 3) &^ 3 }

// HasAnchor reports whether the rule lies in an anchor (the subrule number
// and the ruleset name are meaningful).
func (h *Header) HasAnchor() bool { return h.SubruleNr != NoSubrule }

// IfNameBytes returns the interface name up to its first NUL.
func (h *Header) IfNameBytes() []byte { return cstr(h.IfName[:]) }

// RulesetBytes returns the anchor name up to its first NUL.
func (h *Header) RulesetBytes() []byte { return cstr(h.Ruleset[:]) }

func cstr(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

// Decode decodes the pflog header at the start of data into h and returns
// the offset of the packet that follows it. The length byte selects the
// layout; values below MinLen or above MaxLen are ErrBadLength, and data
// shorter than the padded header is ErrShort. Fields that a shorter layout
// does not carry are zero.
func Decode(data []byte, h *Header) (int, error) {
	if len(data) < 1 {
		return 0, ErrShort
	}
	l := data[0]
	if l < MinLen || l > MaxLen {
		return 0, ErrBadLength
	}
	n := (int(l) + 3) &^ 3
	if len(data) < n {
		return 0, ErrShort
	}
	*h = Header{}
	h.Length = l
	h.decodeCommon(data)
	switch {
	case l >= LenOpenBSD:
		// OpenBSD: dir, rewritten, naf, pad[1], then the addresses.
		h.Rewritten = data[61]
		h.NAF = data[62]
		copy(h.SAddr[:], data[64:80])
		copy(h.DAddr[:], data[80:96])
		h.SPort = binary.BigEndian.Uint16(data[96:])
		h.DPort = binary.BigEndian.Uint16(data[98:])
		h.HasRewrites = true
	case l >= LenFreeBSD:
		h.RIdentifier = binary.BigEndian.Uint32(data[64:])
	}
	return n, nil
}

// FreeBSDStructSize is sizeof(struct pfloghdr) on FreeBSD: the number of
// bytes FreeBSD's tcpdump requires before it prints any header field.
const FreeBSDStructSize = 72

// DecodeFixed fills h the way FreeBSD's tcpdump reads a pflog header: every
// field at its FreeBSD offset, whatever the length byte says, so a 64-byte
// header yields a ridentifier read from the packet behind it. data must hold
// at least FreeBSDStructSize bytes; it returns false otherwise.
func DecodeFixed(data []byte, h *Header) bool {
	if len(data) < FreeBSDStructSize {
		return false
	}
	// Every field is set, none zeroed first: this is the per-packet path.
	h.Length = data[0]
	h.decodeCommon(data)
	h.RIdentifier = binary.BigEndian.Uint32(data[64:])
	h.Rewritten, h.NAF, h.SPort, h.DPort, h.HasRewrites = 0, 0, 0, 0, false
	h.SAddr, h.DAddr = [16]byte{}, [16]byte{}
	return true
}

// decodeCommon reads the fields every layout has, at their fixed offsets;
// data holds at least 64 bytes.
func (h *Header) decodeCommon(data []byte) {
	_ = data[63]
	h.AF = data[1]
	h.Action = data[2]
	h.Reason = data[3]
	h.IfName = [IfNameSize]byte(data[4:20])
	h.Ruleset = [RulesetSize]byte(data[20:36])
	h.RuleNr = binary.BigEndian.Uint32(data[36:])
	h.SubruleNr = binary.BigEndian.Uint32(data[40:])
	h.UID = binary.NativeEndian.Uint32(data[44:])
	h.PID = int32(binary.NativeEndian.Uint32(data[48:]))
	h.RuleUID = binary.NativeEndian.Uint32(data[52:])
	h.RulePID = int32(binary.NativeEndian.Uint32(data[56:]))
	h.Dir = data[60]
}
