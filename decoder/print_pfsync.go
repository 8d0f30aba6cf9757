package decoder

// pfsync (IP protocol 240), pf's state synchronisation, as FreeBSD's base
// tcpdump prints it: FreeBSD adds print-pfsync.c to contrib/tcpdump and
// calls it from ip_demux_print; upstream tcpdump (and so Debian's) has no
// pfsync printer and prints "ip-proto-240 N".
//
// At default verbosity it prints "PFSYNCvV len L" and, for FreeBSD's
// protocol version (5), one line per subheader: "\n    NAME count N".
// The action table and record sizes are FreeBSD 15's (if_pfsync.h,
// pfvar.h: states in the 13.1, 14.0 and 15.0 layouts).

const ipprotoPFSYNC = 240

const (
	pfsyncVersion   = 5  // FreeBSD's PFSYNC_VERSION
	pfsyncHdrLen    = 20 // struct pfsync_header: version, pad, len, 16-byte MD5
	pfsyncSubHdrLen = 4  // struct pfsync_subheader: action, pad, count
	pfsyncActEOF    = 12
)

// pfsyncAction is one entry of print-pfsync.c's actions[]: the name, the
// size of one record, and whether it has a printer (records of actions
// without one stop the walk).
type pfsyncAction struct {
	name    string
	size    int
	printer bool
}

var pfsyncActions = [...]pfsyncAction{
	{"clear all", 20, true},            // pfsync_clr
	{"insert 13.1", 242, true},         // pfsync_state_1301
	{"insert ack", 12, true},           // pfsync_ins_ack
	{"update 13.1", 242, true},         // pfsync_state_1301
	{"update compressed", 84, true},    // pfsync_upd_c
	{"request uncompressed", 12, true}, // pfsync_upd_req
	{"delete", 242, true},              // pfsync_state_1301
	{"delete compressed", 12, true},    // pfsync_del_c
	{"frag insert", 0, false},          //
	{"frag delete", 0, false},          //
	{"bulk update status", 12, true},   // pfsync_bus
	{"tdb", 0, true},                   // printed with a size of 0
	{"eof", 0, false},                  //
	{"insert", 277, true},              // pfsync_state_1400
	{"update", 277, true},              // pfsync_state_1400
	{"insert", 360, true},              // pfsync_state_1500
	{"update", 360, true},              // pfsync_state_1500
}

// printPFSYNC is pfsync_ip_print: data starts at the pfsync header and
// length is the IP payload length. The whole payload must be captured.
func printPFSYNC(b []byte, data []byte, length int) []byte {
	if length < pfsyncHdrLen || len(data) < length {
		return append(b, "[|pfsync]"...)
	}
	b = append(b, "PFSYNCv"...)
	b = appendUint(b, uint64(data[0]))
	b = append(b, " len "...)
	plen := int(be16(data[2:]))
	b = appendUint(b, uint64(plen))
	if data[0] != pfsyncVersion {
		return b
	}
	plen -= pfsyncHdrLen
	p := data[pfsyncHdrLen:length]
	for plen > 0 {
		if len(p) < pfsyncSubHdrLen {
			break
		}
		action, count := p[0], int(be16(p[2:]))
		p = p[pfsyncSubHdrLen:]
		plen -= pfsyncSubHdrLen
		if int(action) >= len(pfsyncActions) {
			b = append(b, "\n    act UNKNOWN id "...)
			return appendUint(b, uint64(action))
		}
		a := &pfsyncActions[action]
		b = append(b, "\n    "...)
		b = append(b, a.name...)
		b = append(b, " count "...)
		b = appendUint(b, uint64(count))
		if action == pfsyncActEOF {
			return b
		}
		if !a.printer {
			b = append(b, "\n    unimplemented action "...)
			return appendUint(b, uint64(action))
		}
		for i := 0; i < count; i++ {
			if len(p) < a.size {
				p = p[len(p):]
				break
			}
			p = p[a.size:]
			plen -= a.size
		}
	}
	switch {
	case plen > 0:
		return append(b, "\n    ..."...)
	case plen < 0:
		return append(b, "\n    invalid header length"...)
	case len(p) > 0:
		return append(b, "\n    invalid packet length"...)
	}
	return b
}
