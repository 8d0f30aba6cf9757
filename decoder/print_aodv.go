package decoder

// AODV (print-aodv.c), UDP port 654.

// printAODV is aodv_print, appended after "SRC.SPORT > DST.DPORT: ";
// v6 tells an IPv6 packet. " aodv rreq 24  hops 0 id 0x00000001\n\tdst ...".
func printAODV(b []byte, data []byte, length int, v6 bool) []byte {
	const proto = "aodv"
	if len(data) < 1 {
		return appendTrunc(b, proto)
	}
	t := data[0]
	b = append(b, " aodv"...)
	alen := 4
	if v6 {
		alen = 16
	}
	switch t {
	case 1, 16: // RREQ, draft-01 v6 RREQ
		draft := t == 16
		al := alen
		if draft {
			al = 16
		}
		size := 16 + 2*al
		if len(data) < size || length < size {
			return appendTrunc(b, proto)
		}
		if v6 && !draft {
			b = append(b, " v6"...)
		}
		b = append(b, " rreq "...)
		b = appendUint(b, uint64(length))
		b = append(b, ' ')
		b = aodvFlags(b, t, 0x80, "[J]")
		b = aodvFlags(b, t, 0x40, "[R]")
		b = aodvFlags(b, t, 0x20, "[G]")
		b = aodvFlags(b, t, 0x10, "[D]")
		if t&0x08 != 0 {
			b = append(b, "[U] "...)
		} else {
			b = append(b, ' ')
		}
		b = append(b, "hops "...)
		b = appendUint(b, uint64(data[3]))
		b = append(b, " id 0x"...)
		b = appendHexPad(b, uint64(be32(data[4:])), 8)
		var da, ds, oa, os int
		if draft {
			ds, os, da, oa = 8, 12, 16, 32
		} else {
			da, ds, oa, os = 8, 8+al, 12+al, 12+2*al
		}
		b = append(b, "\n\tdst "...)
		b = aodvAddr(b, data[da:da+al])
		b = append(b, " seq "...)
		b = appendUint(b, uint64(be32(data[ds:])))
		b = append(b, " src "...)
		b = aodvAddr(b, data[oa:oa+al])
		b = append(b, " seq "...)
		b = appendUint(b, uint64(be32(data[os:])))
		return aodvExt(b, data, size, length)
	case 2, 17: // RREP
		draft := t == 17
		al := alen
		if draft {
			al = 16
		}
		size := 12 + 2*al
		if len(data) < size || length < size {
			return appendTrunc(b, proto)
		}
		b = append(b, " rrep "...)
		b = appendUint(b, uint64(length))
		b = append(b, ' ')
		b = aodvFlags(b, t, 0x80, "[R]")
		if t&0x40 != 0 {
			b = append(b, "[A] "...)
		} else {
			b = append(b, ' ')
		}
		b = append(b, "prefix "...)
		b = appendUint(b, uint64(data[2]&0x1f))
		b = append(b, " hops "...)
		b = appendUint(b, uint64(data[3]))
		var da, ds, oa, life int
		if draft {
			ds, da, oa, life = 4, 8, 24, 40
		} else {
			da, ds, oa, life = 4, 4+al, 8+al, 8+2*al
		}
		b = append(b, "\n\tdst "...)
		b = aodvAddr(b, data[da:da+al])
		b = append(b, " dseq "...)
		b = appendUint(b, uint64(be32(data[ds:])))
		b = append(b, " src "...)
		b = aodvAddr(b, data[oa:oa+al])
		b = append(b, ' ')
		b = appendUint(b, uint64(be32(data[life:])))
		b = append(b, " ms"...)
		return aodvExt(b, data, size, length)
	case 3, 18: // RERR
		al := alen
		if t == 18 {
			al = 16
		}
		if len(data) < 4 || length < 4 {
			return appendTrunc(b, proto)
		}
		b = append(b, " rerr "...)
		if data[1]&0x80 != 0 {
			b = append(b, "[D]"...)
		}
		b = append(b, " [items "...)
		b = appendUint(b, uint64(data[3]))
		b = append(b, "] ["...)
		b = appendUint(b, uint64(length))
		b = append(b, "]:"...)
		off, left := 4, length-4
		for dc := int(data[3]); dc != 0; dc-- {
			if len(data) < off+al+4 || left < al+4 {
				return appendTrunc(b, proto)
			}
			b = append(b, " {"...)
			b = aodvAddr(b, data[off:off+al])
			b = append(b, "}("...)
			b = appendUint(b, uint64(be32(data[off+al:])))
			b = append(b, ')')
			off += al + 4
			left -= al + 4
		}
		return b
	case 4, 19:
		b = append(b, " rrep-ack "...)
		return appendUint(b, uint64(length))
	}
	b = append(b, " type "...)
	b = appendUint(b, uint64(t))
	b = append(b, ' ')
	return appendUint(b, uint64(length))
}

func aodvFlags(b []byte, t, bit byte, s string) []byte {
	if t&bit != 0 {
		b = append(b, s...)
	}
	return b
}

func aodvAddr(b []byte, a []byte) []byte {
	if len(a) == 4 {
		return appendIPv4(b, a)
	}
	return appendIPv6(b, a)
}

// aodvExt is aodv_extension for what follows a RREQ or RREP of size
// bytes.
func aodvExt(b []byte, data []byte, size, length int) []byte {
	if length-size < 2 {
		return b
	}
	if len(data) < size+2 {
		return appendTrunc(b, "aodv")
	}
	e := data[size:]
	if e[0] == 1 { // HELLO
		if len(e) < 6 || length-size < 6 {
			return appendTrunc(b, "aodv")
		}
		if e[1] < 4 {
			b = append(b, "\n\text HELLO - bad length "...)
			return appendUint(b, uint64(e[1]))
		}
		b = append(b, "\n\text HELLO "...)
		b = appendUint(b, uint64(be32(e[2:])))
		return append(b, " ms"...)
	}
	b = append(b, "\n\text "...)
	b = appendUint(b, uint64(e[0]))
	b = append(b, ' ')
	return appendUint(b, uint64(e[1]))
}

// udpAODV adapts printAODV to the UDP port table.
func udpAODV(_ *Decoder, b, data []byte, length int, ip *ipInfo, _, _ uint16) []byte {
	return printAODV(b, data, length, ip != nil && ip.v6)
}
