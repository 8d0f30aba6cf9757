package decoder

// White Board (print-wb.c), UDP destination port 4567.

// printWB is wb_print, appended after "SRC.SPORT > DST.DPORT: ":
// "* wb-id: 1/10.0.0.1:2 (max 3/10.0.0.2:4) <10.0.0.3:5> \"site\"".
func printWB(b []byte, data []byte, length int) []byte {
	const proto = "wb"
	if length < 12 {
		return ndAppendInvalid(b)
	}
	if len(data) < 12 {
		return appendTrunc(b, proto)
	}
	if data[11] != 0 {
		b = append(b, '*')
	}
	t := data[10]
	p := data[12:]
	n := length - 12
	var ok, trunc bool
	switch t {
	case 4:
		return append(b, " wb-kill"...)
	case 1:
		b, ok, trunc = wbID(b, p, n)
	case 2:
		b = append(b, " wb-rreq:"...)
		if ok = n >= 20; ok {
			if trunc = len(p) < 20; !trunc {
				b = append(b, " please repair "...)
				b = appendIPv4(b, p[0:4])
				b = append(b, ' ')
				b = wbPage(b, p[4:])
				b = wbSeqs(b, p[12:])
			}
		}
	case 3:
		b = append(b, " wb-rrep:"...)
		if ok = n >= 20; ok {
			if trunc = len(p) < 20; !trunc {
				b = append(b, " for "...)
				b = appendIPv4(b, p[0:4])
				b = append(b, ' ')
				b = wbPage(b, p[4:])
				b = wbSeqs(b, p[12:])
			}
		}
	case 0:
		b = append(b, " wb-dop:"...)
		if ok = n >= 16; ok {
			if trunc = len(p) < 16; !trunc {
				b = append(b, ' ')
				b = wbPage(b, p)
				b = wbSeqs(b, p[8:])
			}
		}
	case 5:
		b = append(b, " wb-preq:"...)
		if ok = n >= 16; ok {
			if trunc = len(p) < 12; !trunc {
				b = append(b, " need "...)
				b = appendUint(b, uint64(be32(p[8:])))
				b = append(b, '/')
				b = wbPage(b, p)
				trunc = len(p) < 16
			}
		}
	case 7:
		b, ok, trunc = wbPrep(b, p, n)
	default:
		b = append(b, " wb-"...)
		b = appendUint(b, uint64(t))
		b = append(b, '!')
	}
	if trunc {
		return appendTrunc(b, proto)
	}
	if !ok {
		return ndAppendInvalid(b)
	}
	return b
}

// wbPage appends a PageID as "SID:UID".
func wbPage(b []byte, p []byte) []byte {
	b = appendIPv4(b, p[0:4])
	b = append(b, ':')
	return appendUint(b, uint64(be32(p[4:])))
}

// wbSeqs appends "<SSEQ:ESEQ>".
func wbSeqs(b []byte, p []byte) []byte {
	b = append(b, '<')
	b = appendUint(b, uint64(be32(p)))
	b = append(b, ':')
	b = appendUint(b, uint64(be32(p[4:])))
	return append(b, '>')
}

func wbID(b []byte, p []byte, n int) (_ []byte, ok, trunc bool) {
	b = append(b, " wb-id:"...)
	if n < 28 {
		return b, false, false
	}
	n -= 28
	if len(p) < 24 {
		return b, true, true
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(be32(p[12:])))
	b = append(b, '/')
	b = wbPage(b, p[16:])
	b = append(b, " (max "...)
	b = appendUint(b, uint64(be32(p[0:])))
	b = append(b, '/')
	b = wbPage(b, p[4:])
	b = append(b, ") "...)
	if len(p) < 28 {
		return b, true, true
	}
	nid := int(be16(p[24:]))
	if n < 8*nid {
		return b, false, false
	}
	n -= 8 * nid
	c := byte('<')
	off := 28
	for i := 0; i < nid; i++ {
		if len(p) < off+8 {
			return b, true, true
		}
		b = append(b, c)
		b = appendIPv4(b, p[off:off+4])
		b = append(b, ':')
		b = appendUint(b, uint64(be32(p[off+4:])))
		c = ','
		off += 8
	}
	b = append(b, "> \""...)
	b, ok = ndPrintJNP(b, p, off, n)
	if !ok {
		return b, true, true
	}
	return append(b, '"'), true, false
}

func wbPrep(b []byte, p []byte, n int) (_ []byte, ok, trunc bool) {
	b = append(b, " wb-prep:"...)
	if n < 4 {
		return b, false, false
	}
	if len(p) < 4 {
		return b, true, true
	}
	cnt := be32(p)
	off := 4
	for ; cnt != 0; cnt-- {
		if len(p) < off+12 {
			return b, true, true
		}
		b = append(b, ' ')
		b = appendUint(b, uint64(be32(p[off:])))
		b = append(b, '/')
		b = wbPage(b, p[off+4:])
		if len(p) < off+16 {
			return b, true, true
		}
		nio := int(p[off+12])
		off += 16
		c := byte('<')
		for i := 0; i < nio; i++ {
			if len(p) < off+8 {
				return b, true, true
			}
			b = append(b, c)
			b = appendIPv4(b, p[off:off+4])
			b = append(b, ':')
			b = appendUint(b, uint64(be32(p[off+4:])))
			c = ','
			off += 8
		}
		b = append(b, '>')
	}
	return b, true, false
}
