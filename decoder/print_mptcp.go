package decoder

import "encoding/binary"

// MPTCP TCP option (kind 30), as print-mptcp.c in tcpdump 4.99.5 prints it
// at default verbosity: " LEN SUBTYPE details" after the option's name.
// Subtypes 8 and up all print "unknown" (4.99.5 has no "tcprst"), and
// REMOVE_ADDR is "rem-addr".

var mptcpSubtypes = [...]string{
	"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail",
	"fast-close", "unknown",
}

// TCP flags the subtype checks look at.
const (
	mptcpTHSYN = 0x02
	mptcpTHACK = 0x10
)

// appendMPTCP appends the MPTCP option opt (kind and length bytes
// included, len(opt) == the length byte) right after the option's name
// "mptcp". flags is the TCP flags byte. It returns false where tcpdump's
// mptcp_print returns 0: the core then prints "[bad opt]" directly after
// what was appended (e.g. "mptcp 12 capable[bad opt]").
func appendMPTCP(b []byte, opt []byte, flags uint8) ([]byte, bool) {
	n := len(opt)
	if n < 3 {
		return b, false
	}
	sub := int(opt[2] >> 4)
	if sub >= len(mptcpSubtypes) {
		sub = len(mptcpSubtypes) - 1
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(n))
	b = append(b, ' ')
	b = append(b, mptcpSubtypes[sub]...)
	switch sub {
	case 0:
		return mptcpCapable(b, opt, flags)
	case 1:
		return mptcpJoin(b, opt, flags)
	case 2:
		return mptcpDSS(b, opt, flags)
	case 3:
		return mptcpAddAddr(b, opt)
	case 4:
		if n < 4 {
			return b, false
		}
		b = append(b, " id"...)
		for _, id := range opt[3:] {
			b = append(b, ' ')
			b = appendUint(b, uint64(id))
		}
		return b, true
	case 5:
		if n != 3 && n != 4 {
			return b, false
		}
		if opt[2]&0x01 != 0 {
			b = append(b, " backup"...)
		} else {
			b = append(b, " non-backup"...)
		}
		if n == 4 {
			b = append(b, " id "...)
			b = appendUint(b, uint64(opt[3]))
		}
		return b, true
	case 6:
		if n != 12 {
			return b, false
		}
		b = append(b, " seq "...)
		return appendUint(b, binary.BigEndian.Uint64(opt[4:])), true
	case 7:
		if n != 12 {
			return b, false
		}
		b = append(b, " key 0x"...)
		return appendHex(b, binary.BigEndian.Uint64(opt[4:])), true
	}
	return b, true
}

func mptcpCapable(b []byte, opt []byte, flags uint8) ([]byte, bool) {
	n := len(opt)
	if !((n == 12 || n == 4) && flags&mptcpTHSYN != 0) &&
		!((n == 20 || n == 22) && flags&(mptcpTHSYN|mptcpTHACK) == mptcpTHACK) {
		return b, false
	}
	v := opt[2] & 0xf
	if v > 1 {
		b = append(b, " Unknown Version ("...)
		b = appendUint(b, uint64(v))
		return append(b, ')'), true
	}
	b = append(b, " v"...)
	b = appendUint(b, uint64(v))
	if opt[3]&0x80 != 0 {
		b = append(b, " csum"...)
	}
	if n == 12 || n >= 20 {
		b = append(b, " {0x"...)
		b = appendHex(b, binary.BigEndian.Uint64(opt[4:]))
		if n >= 20 {
			b = append(b, ",0x"...)
			b = appendHex(b, binary.BigEndian.Uint64(opt[12:]))
		}
		b = append(b, '}')
	}
	return b, true
}

func mptcpJoin(b []byte, opt []byte, flags uint8) ([]byte, bool) {
	n := len(opt)
	if !(n == 12 && flags&mptcpTHSYN != 0) &&
		!(n == 16 && flags&(mptcpTHSYN|mptcpTHACK) == mptcpTHSYN|mptcpTHACK) &&
		!(n == 24 && flags&mptcpTHACK != 0) {
		return b, false
	}
	if n != 24 {
		if opt[2]&0x01 != 0 {
			b = append(b, " backup"...)
		}
		b = append(b, " id "...)
		b = appendUint(b, uint64(opt[3]))
	}
	switch n {
	case 12:
		b = append(b, " token 0x"...)
		b = appendHex(b, uint64(be32(opt[4:])))
		b = append(b, " nonce 0x"...)
		b = appendHex(b, uint64(be32(opt[8:])))
	case 16:
		b = append(b, " hmac 0x"...)
		b = appendHex(b, binary.BigEndian.Uint64(opt[4:]))
		b = append(b, " nonce 0x"...)
		b = appendHex(b, uint64(be32(opt[12:])))
	case 24:
		b = append(b, " hmac 0x"...)
		for _, c := range opt[4:24] {
			b = appendHexByte(b, c)
		}
	}
	return b, true
}

func mptcpDSS(b []byte, opt []byte, flags uint8) ([]byte, bool) {
	if len(opt) < 4 || flags&mptcpTHSYN != 0 {
		return b, false
	}
	f := opt[3]
	if f&0x10 != 0 {
		b = append(b, " fin"...)
	}
	p := opt[4:]
	if f&0x01 != 0 { // A: data ACK present
		b = append(b, " ack "...)
		if f&0x02 != 0 { // a: 8 bytes
			if len(p) < 8 {
				return b, false
			}
			b = appendUint(b, binary.BigEndian.Uint64(p))
			p = p[8:]
		} else {
			if len(p) < 4 {
				return b, false
			}
			b = appendUint(b, uint64(be32(p)))
			p = p[4:]
		}
	}
	if f&0x04 != 0 { // M: mapping present
		b = append(b, " seq "...)
		if f&0x08 != 0 { // m: 8-byte DSN
			if len(p) < 8 {
				return b, false
			}
			b = appendUint(b, binary.BigEndian.Uint64(p))
			p = p[8:]
		} else {
			if len(p) < 4 {
				return b, false
			}
			b = appendUint(b, uint64(be32(p)))
			p = p[4:]
		}
		if len(p) < 4 {
			return b, false
		}
		b = append(b, " subseq "...)
		b = appendUint(b, uint64(be32(p)))
		p = p[4:]
		if len(p) < 2 {
			return b, false
		}
		b = append(b, " len "...)
		b = appendUint(b, uint64(be16(p)))
		p = p[2:]
		if len(p) >= 2 {
			b = append(b, " csum 0x"...)
			b = appendHex(b, uint64(be16(p)))
			p = p[2:]
		}
	}
	return b, len(p) == 0
}

// mptcpAddrEcho is mptcp_addr_subecho_bits, indexed by the low nibble of
// the third byte; "" is tok2str's default.
var mptcpAddrEcho = [16]string{0: "v1", 1: "v1-echo", 4: "v0-ip4", 6: "v0-ip6"}

func mptcpAddAddr(b []byte, opt []byte) ([]byte, bool) {
	n := len(opt)
	switch n {
	case 8, 10, 16, 18, 20, 22, 28, 30:
	default:
		return b, false
	}
	b = append(b, ' ')
	if s := mptcpAddrEcho[opt[2]&0xf]; s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "[bad version/echo]"...)
	}
	b = append(b, " id "...)
	b = appendUint(b, uint64(opt[3]))
	var macAt int
	if n <= 18 {
		b = append(b, ' ')
		b = appendIPv4(b, opt[4:8])
		if n == 10 || n == 18 {
			b = append(b, ':')
			b = appendUint(b, uint64(be16(opt[8:])))
		}
		switch n {
		case 16:
			macAt = 8
		case 18:
			macAt = 10
		}
	} else {
		b = append(b, ' ')
		b = appendIPv6(b, opt[4:20])
		if n == 22 || n == 30 {
			b = append(b, ':')
			b = appendUint(b, uint64(be16(opt[20:])))
		}
		switch n {
		case 28:
			macAt = 20
		case 30:
			macAt = 22
		}
	}
	if macAt != 0 {
		b = append(b, " hmac 0x"...)
		b = appendHex(b, binary.BigEndian.Uint64(opt[macAt:]))
	}
	return b, true
}
