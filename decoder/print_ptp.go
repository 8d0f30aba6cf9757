package decoder

// PTP (print-ptp.c as in tcpdump 4.99.5), UDP ports 319 and 320. 4.99.5
// labels: "majorSdoId : 0x0" (4.99.3 printed "v1 compat : no"), a minor
// version ("PTPv2.1") and "signaling msg".

var ptpMsgTypes = [16]string{0: "sync msg", 1: "delay req msg", 2: "peer delay req msg",
	3: "peer delay resp msg", 8: "follow up msg", 9: "delay resp msg",
	10: "pdelay resp fup msg", 11: "announce msg", 12: "signaling msg", 13: "management msg"}

var ptpControl = [...]string{"Sync", "Delay_Req", "Follow_Up", "Delay_Resp", "Management", "Other"}

var ptpFlags = [...]struct {
	bit  uint16
	name string
}{{0x1, "l1 61"}, {0x2, "l1 59"}, {0x4, "utc reasonable"}, {0x8, "timescale"},
	{0x10, "time tracable"}, {0x20, "frequency tracable"}, {0x100, "alternate master"},
	{0x200, "two step"}, {0x400, "unicast"}, {0x1000, "profile specific 1"},
	{0x2000, "profile specific 2"}, {0x4000, "security mask"}, {0x18C0, "unknown"}}

func ptpBE48(p []byte) uint64 { return uint64(be16(p))<<32 | uint64(be32(p[2:])) }

// printPTP is ptp_print, appended after "SRC.SPORT > DST.DPORT: ":
// "PTPv2, majorSdoId : 0x0, msg type : sync msg, length : 44, ...".
func printPTP(b []byte, data []byte, length int) []byte {
	const proto = "ptp"
	if length < 34 {
		b = append(b, " [length "...)
		b = appendUint(b, uint64(uint32(length)))
		b = append(b, " < 34]"...)
		return ndAppendInvalid(b)
	}
	if len(data) < 2 {
		return appendTrunc(b, proto)
	}
	w := be16(data)
	major, minor := w&0x0f, (w&0xf0)>>4
	b = append(b, "PTPv"...)
	b = appendUint(b, uint64(major))
	if minor != 0 {
		b = append(b, '.')
		b = appendUint(b, uint64(minor))
	}
	switch major {
	case 1:
		return append(b, " (not implemented)"...)
	case 2:
	default:
		return b
	}
	foct := data[0]
	b = append(b, ", majorSdoId : 0x"...)
	b = appendHex(b, uint64(foct>>4))
	mt := foct & 0x0f
	b = append(b, ", msg type : "...)
	if s := ptpMsgTypes[mt]; s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "Reserved"...)
	}
	if len(data) < 4 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", length : "...)
	b = appendUint(b, uint64(be16(data[2:])))
	if len(data) < 6 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", domain : "...)
	b = appendUint(b, uint64(data[4]))
	b = append(b, ", reserved1 : "...)
	b = appendUint(b, uint64(data[5]))
	if len(data) < 8 {
		return appendTrunc(b, proto)
	}
	flags := be16(data[6:])
	b = append(b, ", Flags ["...)
	n := len(b)
	for _, f := range ptpFlags {
		if flags&f.bit == f.bit { // bittok2str: every bit of the token set
			if len(b) != n {
				b = append(b, ", "...)
			}
			b = append(b, f.name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	b = append(b, ']')
	if len(data) < 14 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", NS correction : "...)
	b = appendUint(b, ptpBE48(data[8:]))
	if len(data) < 16 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", sub NS correction : "...)
	b = appendUint(b, uint64(be16(data[14:])))
	if len(data) < 20 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", reserved2 : "...)
	b = appendUint(b, uint64(be32(data[16:])))
	if len(data) < 28 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", clock identity : 0x"...)
	b = appendHex(b, ndBE64(data[20:]))
	if len(data) < 30 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", port id : "...)
	b = appendUint(b, uint64(be16(data[28:])))
	if len(data) < 32 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", seq id : "...)
	b = appendUint(b, uint64(be16(data[30:])))
	if len(data) < 33 {
		return appendTrunc(b, proto)
	}
	c := data[32]
	b = append(b, ", control : "...)
	b = appendUint(b, uint64(c))
	b = append(b, " ("...)
	if int(c) < len(ptpControl) {
		b = append(b, ptpControl[c]...)
	} else {
		b = append(b, "Reserved"...)
	}
	b = append(b, ')')
	if len(data) < 34 {
		return appendTrunc(b, proto)
	}
	b = append(b, ", log message interval : "...)
	b = appendUint(b, uint64(data[33]))
	p := data[34:]
	var ok bool
	switch mt {
	case 0, 1:
		b, ok = ptpTimestamp(b, p, "originTimeStamp", true)
	case 8:
		b, ok = ptpTimestamp(b, p, "preciseOriginTimeStamp", true)
	case 2, 10:
		b, ok = ptpTimestampIdentity(b, p, "preciseOriginTimeStamp")
	case 3, 9:
		b, ok = ptpTimestampIdentity(b, p, "receiveTimeStamp")
	case 11:
		b, ok = ptpAnnounce(b, p)
	case 12:
		b, ok = ptpPortID(b, p)
	case 13:
		if b, ok = ptpPortID(b, p); ok {
			// print_field is handed the same pointer each time: every
			// field shows the first byte of the port identity.
			for i, s := range [...]string{", , start boundary hops ", ", , boundary hops ", ", , flags ", ", , reserved "} {
				b = append(b, s...)
				if i < 2 {
					b = append(b, ' ')
					b = appendUint(b, uint64(p[0]))
				} else {
					b = append(b, " 0x"...)
					b = appendHex(b, uint64(p[0]))
				}
			}
		}
	default:
		ok = true
	}
	if !ok {
		return appendTrunc(b, proto)
	}
	return b
}

func ptpTimestamp(b []byte, p []byte, name string, comma bool) ([]byte, bool) {
	b = append(b, ", "...)
	b = append(b, name...)
	b = append(b, " :"...)
	if len(p) < 6 {
		return b, false
	}
	b = append(b, ' ')
	b = appendUint(b, ptpBE48(p))
	b = append(b, " seconds"...)
	if comma {
		b = append(b, ',')
	}
	if len(p) < 10 {
		return b, false
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(be32(p[6:])))
	return append(b, " nanoseconds"...), true
}

func ptpTimestampIdentity(b []byte, p []byte, name string) ([]byte, bool) {
	b, ok := ptpTimestamp(b, p, name, true)
	if !ok {
		return b, false
	}
	return ptpPortID(b, p[10:])
}

func ptpPortID(b []byte, p []byte) ([]byte, bool) {
	if len(p) < 8 {
		return b, false
	}
	b = append(b, ", port identity : 0x"...)
	b = appendHex(b, ndBE64(p))
	if len(p) < 10 {
		return b, false
	}
	b = append(b, ", port id : "...)
	return appendUint(b, uint64(be16(p[8:]))), true
}

func ptpAnnounce(b []byte, p []byte) ([]byte, bool) {
	b, ok := ptpTimestamp(b, p, "originTimeStamp", false)
	if !ok {
		return b, false
	}
	fields := [...]struct {
		off, size int
		name      string
		hex       bool
	}{{10, 2, ", origin cur utc :", false}, {12, 1, ", rsvd : ", false},
		{13, 1, ", gm priority_1 : ", false}, {14, 1, ", gm clock class : ", false},
		{15, 1, ", gm clock accuracy : ", false}, {16, 2, ", gm clock variance : ", false},
		{18, 1, ", gm priority_2 : ", false}, {19, 8, ", gm clock id : 0x", true},
		{27, 2, ", steps removed : ", false}, {29, 1, ", time source : 0x", true}}
	for _, f := range fields {
		if len(p) < f.off+f.size {
			return b, false
		}
		var v uint64
		switch f.size {
		case 1:
			v = uint64(p[f.off])
		case 2:
			v = uint64(be16(p[f.off:]))
		case 8:
			v = ndBE64(p[f.off:])
		}
		b = append(b, f.name...)
		if f.hex {
			b = appendHex(b, v)
		} else {
			b = appendUint(b, v)
		}
	}
	return b, true
}
