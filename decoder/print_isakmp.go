package decoder

import "encoding/binary"

// ISAKMP / IKEv1 / IKEv2 (print-isakmp.c) and the NAT-T framing of UDP
// port 4500 (isakmp_rfc3948_print), at tcpdump's default verbosity, plus
// the ESP header line (print-esp.c) that both use.
//
// At default verbosity tcpdump prints only the fixed 28-byte header:
//
//	isakmp: phase 1 I ident[E]
//	isakmp: parent_sa ikev2_init[I]
//	isakmp: child_sa  inf2[IR]
//
// IKEv1's " I"/" R"/" ?" comes from a process-wide table of the last 20
// initiator cookies seen (cookiecache in print-isakmp.c), which is why the
// printer hangs off isakmpCookies, a value the Decoder keeps.

// isakmpNCookies is tcpdump's MAXINITIATORS.
const isakmpNCookies = 20

// isakmpCookie is one cookiecache slot.
type isakmpCookie struct {
	initiator [8]byte
	version   uint8    // 4, 6, or 0 for a slot never filled
	iaddr     [16]byte // initiator address (first 4 bytes for IPv4)
	raddr     [16]byte // responder address
}

// isakmpCookies is tcpdump's initiator cookie cache. Its zero value is the
// empty cache tcpdump starts with.
type isakmpCookies struct {
	slot [isakmpNCookies]isakmpCookie
	next int // ninitiator
}

// isakmpEtypes is etypestr: exchange type names, "" where tcpdump has NULL.
var isakmpEtypes = [...]string{
	0: "none", 1: "base", 2: "ident", 3: "auth", 4: "agg", 5: "inf",
	32: "oakley-quick", 33: "oakley-newgroup",
	34: "ikev2_init", 35: "ikev2_auth", 36: "child_sa", 37: "inf2",
}

// isakmpAppendEtype appends ETYPESTR(x): the name, or "#x".
func isakmpAppendEtype(b []byte, x byte) []byte {
	if int(x) < len(isakmpEtypes) && isakmpEtypes[x] != "" {
		return append(b, isakmpEtypes[x]...)
	}
	b = append(b, '#')
	return appendUint(b, uint64(x))
}

// find is cookie_find: the first slot whose initiator cookie equals ck.
// Never-filled slots hold an all-zero cookie and so match a zero cookie.
func (c *isakmpCookies) find(ck []byte) int {
	if len(ck) != 8 {
		return -1 // a stored cookie is 8 bytes
	}
	// One 8-byte comparison per slot rather than a memequal call.
	w := binary.LittleEndian.Uint64(ck)
	for i := range c.slot {
		if binary.LittleEndian.Uint64(c.slot[i].initiator[:]) == w {
			return i
		}
	}
	return -1
}

// record is cookie_record, called only for a cookie find did not see.
func (c *isakmpCookies) record(ck []byte, ip *ipInfo) {
	if ip == nil {
		return
	}
	s := &c.slot[c.next]
	if ip.v6 {
		if len(ip.src) != 16 || len(ip.dst) != 16 {
			return
		}
		s.version = 6
		copy(s.iaddr[:], ip.src)
		copy(s.raddr[:], ip.dst)
	} else {
		if len(ip.src) != 4 || len(ip.dst) != 4 {
			return
		}
		s.version = 4
		// Only the first four bytes change, as with tcpdump's union.
		copy(s.iaddr[:4], ip.src)
		copy(s.raddr[:4], ip.dst)
	}
	copy(s.initiator[:], ck)
	c.next = (c.next + 1) % isakmpNCookies
}

// sidecheck is cookie_sidecheck: does the packet's source address equal
// the recorded initiator (initiator true) or responder address?
func (c *isakmpCookies) sidecheck(i int, ip *ipInfo, initiator bool) bool {
	s := &c.slot[i]
	want := s.raddr[:]
	if initiator {
		want = s.iaddr[:]
	}
	if ip.v6 {
		return s.version == 6 && len(ip.src) == 16 && string(ip.src) == string(want)
	}
	return s.version == 4 && len(ip.src) == 4 && string(ip.src) == string(want[:4])
}

// printISAKMP is isakmp_print for UDP ports 500, 7500 and 8500 (either
// side), appended after "SRC.SPORT > DST.DPORT: ". data is the UDP payload
// up to the end of the capture; ip is the enclosing IP header (tcpdump's
// bp2), used by the IKEv1 initiator/responder guess.
func (c *isakmpCookies) printISAKMP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 28 {
		return appendTrunc(b, "isakmp")
	}
	b = append(b, "isakmp:"...)
	switch data[17] >> 4 {
	case 1:
		return c.printIKEv1(b, data, ip)
	case 2:
		return isakmpPrintIKEv2(b, data)
	}
	return b
}

// printIKEv1 is ikev1_print without -v.
func (c *isakmpCookies) printIKEv1(b []byte, data []byte, ip *ipInfo) []byte {
	if be32(data[20:]) == 0 {
		b = append(b, " phase 1"...)
	} else {
		b = append(b, " phase 2/others"...)
	}
	ick := data[0:8]
	i := c.find(ick)
	if i < 0 {
		if string(data[8:16]) == "\x00\x00\x00\x00\x00\x00\x00\x00" {
			b = append(b, " I"...)
			c.record(ick, ip)
		} else {
			b = append(b, " ?"...)
		}
	} else {
		switch {
		case ip != nil && c.sidecheck(i, ip, true):
			b = append(b, " I"...)
		case ip != nil && c.sidecheck(i, ip, false):
			b = append(b, " R"...)
		default:
			b = append(b, " ?"...)
		}
	}
	b = append(b, ' ')
	b = isakmpAppendEtype(b, data[18])
	if f := data[19]; f != 0 {
		b = append(b, '[')
		if f&0x01 != 0 {
			b = append(b, 'E')
		}
		if f&0x02 != 0 {
			b = append(b, 'C')
		}
		b = append(b, ']')
	}
	return b
}

// isakmpPrintIKEv2 is ikev2_print without -v.
func isakmpPrintIKEv2(b []byte, data []byte) []byte {
	if be32(data[20:]) == 0 {
		b = append(b, " parent_sa"...)
	} else {
		b = append(b, " child_sa "...)
	}
	b = append(b, ' ')
	b = isakmpAppendEtype(b, data[18])
	if f := data[19]; f != 0 {
		b = append(b, '[')
		if f&0x08 != 0 {
			b = append(b, 'I')
		}
		if f&0x10 != 0 {
			b = append(b, 'V')
		}
		if f&0x20 != 0 {
			b = append(b, 'R')
		}
		b = append(b, ']')
	}
	return b
}

// printISAKMPNATT is isakmp_rfc3948_print for UDP port 4500 (either side),
// appended after "SRC.SPORT > DST.DPORT: ": a NAT keepalive, IKE behind a
// zero non-ESP marker, or ESP in UDP.
func (c *isakmpCookies) printISAKMPNATT(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if length == 1 {
		if len(data) < 1 {
			return appendTrunc(b, "isakmp_rfc3948")
		}
		if data[0] == 0xff {
			return append(b, "isakmp-nat-keep-alive"...)
		}
	}
	if length < 4 || len(data) < 4 {
		return appendTrunc(b, "isakmp_rfc3948")
	}
	if be32(data) == 0 {
		b = append(b, "NONESP-encap: "...)
		return c.printISAKMP(b, data[4:], length-4, ip)
	}
	b = append(b, "UDP-encap: "...)
	return printESP(b, data, length)
}

// printESP is esp_print without a decryption secret: the SPI and sequence
// number of an ESP header and the length tcpdump was handed. It needs more
// than the 8 header bytes captured. Used for IP protocol 50 (after
// "SRC > DST: ") and for ESP in UDP port 4500.
func printESP(b []byte, data []byte, length int) []byte {
	if len(data) <= 8 {
		return appendTrunc(b, "esp")
	}
	b = append(b, "ESP(spi=0x"...)
	b = appendHexPad(b, uint64(be32(data)), 8)
	b = append(b, ",seq=0x"...)
	b = appendHex(b, uint64(be32(data[4:])))
	b = append(b, "), length "...)
	return appendUint(b, uint64(uint32(length)))
}
