package decoder

// Babel (print-babel.c), UDP ports 6696 and 6697, at default verbosity:
// the body length and one word per TLV.

// babelNames are the default-verbosity TLV names, by type.
var babelNames = [...]string{
	1: " padN", 2: " ack-req", 3: " ack", 4: " hello", 5: " ihu",
	6: " router-id", 7: " nh", 8: " update", 9: " route-request",
	10: " seqno-request", 11: " tspc", 12: " hmac", 13: " ss-update",
	14: " ss-request", 15: " ss-mh-request", 16: " mac", 17: " pc",
	18: " challenge_request", 19: " challenge_reply",
}

// printBabel is babel_print, appended after "SRC.SPORT > DST.DPORT: ":
// "babel 2 (20) hello ihu", "babel invalid header".
func printBabel(b []byte, data []byte, length int) []byte {
	const proto = "babel"
	b = append(b, "babel"...)
	if len(data) < 4 {
		return appendTrunc(b, proto)
	}
	if data[0] != 42 {
		return append(b, " invalid header"...)
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(data[1]))
	if data[1] != 2 {
		return append(b, " unknown version"...)
	}
	if length < 4 {
		return ndAppendInvalid(b)
	}
	bodylen := int(be16(data[2:]))
	b = append(b, " ("...)
	b = appendUint(b, uint64(bodylen))
	b = append(b, ')')
	length -= 4
	if length < bodylen {
		return ndAppendInvalid(b)
	}
	var ret int
	b, ret = babelTLVs(b, data, 4, bodylen, length)
	if ret == 0 && length-bodylen != 0 {
		b = append(b, " |"...)
		n := length - bodylen
		b, ret = babelTLVs(b, data, 4+bodylen, n, n)
	}
	switch ret {
	case -1:
		return appendTrunc(b, proto)
	case -2:
		return ndAppendInvalid(b)
	}
	return b
}

// babelTLVs is babel_print_v2_tlvs without -v: 0 ok, -1 truncated by the
// capture, -2 invalid.
func babelTLVs(b []byte, data []byte, off, tlvsLen, remaining int) ([]byte, int) {
	for i := 0; i < tlvsLen; {
		if i+1 > tlvsLen || i+1 > remaining {
			return b, -2
		}
		m := off + i
		if m >= len(data) {
			return b, -1
		}
		t := data[m]
		if t == 0 {
			b = append(b, " pad1"...)
			i++
			continue
		}
		if i+2 > tlvsLen || i+2 > remaining {
			return b, -2
		}
		if m+2 > len(data) {
			return b, -1
		}
		l := int(data[m+1])
		if i+2+l > tlvsLen || i+2+l > remaining {
			return b, -2
		}
		if m+2+l > len(data) {
			return b, -1
		}
		if int(t) < len(babelNames) {
			b = append(b, babelNames[t]...)
		} else {
			b = append(b, " unknown"...)
		}
		if t == 8 {
			if l < 10 {
				return b, -2
			}
			f := data[m+3]
			if f&0x80 != 0 {
				b = append(b, "/prefix"...)
			}
			if f&0x40 != 0 {
				b = append(b, "/id"...)
			}
			if f&0x3f != 0 {
				b = append(b, "/unknown"...)
			}
		}
		i += l + 2
	}
	return b, 0
}
