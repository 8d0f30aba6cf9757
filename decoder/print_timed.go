package decoder

// BSD timed (print-timed.c), UDP port 525.

var timedTypes = [...]string{
	"TSP_ANY", "TSP_ADJTIME", "TSP_ACK", "TSP_MASTERREQ", "TSP_MASTERACK",
	"TSP_SETTIME", "TSP_MASTERUP", "TSP_SLAVEUP", "TSP_ELECTION", "TSP_ACCEPT",
	"TSP_REFUSE", "TSP_CONFLICT", "TSP_RESOLVE", "TSP_QUIT", "TSP_DATE",
	"TSP_DATEREQ", "TSP_DATEACK", "TSP_TRACEON", "TSP_TRACEOFF", "TSP_MSITE",
	"TSP_MSITEREQ", "TSP_TEST", "TSP_SETDATE", "TSP_SETDATEREQ", "TSP_LOOP",
}

// printTimed is timed_print, appended after "SRC.SPORT > DST.DPORT: ":
// "TSP_ANY vers 1 seq 515 name host". It looks at the captured bytes only.
func printTimed(b []byte, data []byte, _ int) []byte {
	const proto = "timed"
	if len(data) < 1 {
		return appendTrunc(b, proto)
	}
	t := data[0]
	if int(t) < len(timedTypes) {
		b = append(b, timedTypes[t]...)
	} else {
		b = append(b, "(tsp_type 0x"...)
		b = appendHex(b, uint64(t))
		b = append(b, ')')
	}
	if len(data) < 2 {
		return appendTrunc(b, proto)
	}
	b = append(b, " vers "...)
	b = appendUint(b, uint64(data[1]))
	if len(data) < 4 {
		return appendTrunc(b, proto)
	}
	b = append(b, " seq "...)
	b = appendUint(b, uint64(be16(data[2:])))
	switch t {
	case 24: // TSP_LOOP
		if len(data) < 5 {
			return appendTrunc(b, proto)
		}
		b = append(b, " hopcnt "...)
		b = appendUint(b, uint64(data[4]))
	case 5, 1, 22, 23: // SETTIME, ADJTIME, SETDATE, SETDATEREQ
		if len(data) < 12 {
			return appendTrunc(b, proto)
		}
		sec, usec := int32(be32(data[4:])), int32(be32(data[8:]))
		if usec < 0 {
			return b
		}
		b = append(b, " time "...)
		if sec < 0 && usec != 0 {
			sec++
			if sec == 0 {
				b = append(b, '-')
			}
			usec = 1000000 - usec
		}
		b = appendInt(b, int64(sec))
		b = append(b, '.')
		if usec < 0 {
			b = append(b, '-')
			b = appendUintPad(b, uint64(-int64(usec)), 5)
		} else {
			b = appendUintPad(b, uint64(usec), 6)
		}
	}
	b = append(b, " name "...)
	b, ok := ndPrintJNP(b, data, 12, 256)
	if !ok {
		return appendTrunc(b, proto)
	}
	return b
}
