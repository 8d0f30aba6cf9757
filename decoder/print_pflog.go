package decoder

import (
	"github.com/pfasciilogd/pfasciilogd/internal/pflogcache"
	"github.com/pfasciilogd/pfasciilogd/pfloghdr"
)

// FreeBSD's tables of pf reasons, actions and directions.
var pfReasons = [...]string{
	"0(match)", "1(bad-offset)", "2(fragment)", "3(short)", "4(normalize)",
	"5(memory)", "6(bad-timestamp)", "7(congestion)", "8(ip-option)",
	"9(proto-cksum)", "10(state-mismatch)", "11(state-insert)",
	"12(state-limit)", "13(src-limit)", "14(synproxy)", "15(map-failed)",
}

var pfActions = [...]string{
	"pass", "block", "scrub", "noscrub", "nat", "nonat", "binat", "nobinat",
	"rdr", "nordr", "synproxy-drop", "defer", "match",
}

var pfDirections = [...]string{"in/out", "in", "out"}

// pfActionDir holds ": ACTION DIR on " for every known action and
// direction, appended in one piece.
var pfActionDir = func() (t [len(pfActions)][len(pfDirections)]string) {
	for a := range t {
		for d := range t[a] {
			t[a][d] = ": " + pfActions[a] + " " + pfDirections[d] + " on "
		}
	}
	return
}()

func appendTok(b []byte, table []string, v uint8) []byte {
	if int(v) < len(table) {
		return append(b, table[v]...)
	}
	return appendUnknownTok(b, v)
}

func appendUnknownTok(b []byte, v uint8) []byte {
	b = append(b, "unkn("...)
	b = appendUint(b, uint64(v))
	return append(b, ')')
}

// printPflog is FreeBSD's pflog_if_print with -e.
func (d *Decoder) printPflog(b []byte, data []byte, wireLen int) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "pflog")
	}
	l := int(data[0])
	if l < pfloghdr.MinLen {
		return append(b, "[pflog: invalid header length!]"...)
	}
	hl := (l + 3) &^ 3
	if len(data) < hl || len(data) < pfloghdr.FreeBSDStructSize {
		return appendTrunc(b, "pflog")
	}
	// What follows the header, worked out before the header's text so
	// that fewer values live across the calls (the payload's capacity
	// is its length: one value fewer).
	payload := data[hl:len(data):len(data)]
	length := wireLen - hl
	af := data[1] // h.AF, which NoSummary may not decode
	// The text from d.pflog, keyed by the header's bytes; the header is
	// decoded (into the Summary) only for the Summary or to format a
	// text the cache does not hold.
	raw := (*[pfloghdr.FreeBSDStructSize]byte)(data)
	var e *pflogcache.Entry
	if d.pflog.Count() {
		e = d.pflog.Get(raw)
	}
	hit := e != nil
	switch {
	case hit:
		var short bool
		if b, short = e.AppendShort(b); !short {
			b = e.AppendText(b)
		}
	case d.pflog.Idle(): // appendPflogFresh, one call fewer
		h := &d.sum.Pflog
		pfloghdr.DecodeFixed(raw[:], h) // raw, not data: one value live, not three
		b = appendPflogText(b, h)
	default:
		b, e = d.appendPflogSlow(b, raw)
	}
	if !d.opts.NoSummary {
		if hit {
			e.DecodeHeader(raw, &d.sum.Pflog)
		}
		// AppendRecord began the record, and so the header's text, at
		// d.spans.base.
		d.sum.pflogEntry = e
		d.sum.PflogText = len(b) - d.spans.base
		d.sum.HasPflog, d.sum.Length = true, length
	}
	switch {
	case af == pfloghdr.AFInet:
		return d.printIP4(b, payload, length)
	case pfloghdr.IsInet6(af):
		return d.printIP6(b, payload, length)
	}
	return appendHexASCIIDump(b, payload)
}

// appendPflogText formats the -e text of a pflog header (printPflog
// copies it from its cache when it can).
func appendPflogText(b []byte, h *pfloghdr.Header) []byte {
	b = append(b, "rule "...)
	b = appendUint(b, uint64(h.RuleNr))
	if h.SubruleNr == pfloghdr.NoSubrule {
		b = append(b, '/')
	} else {
		b = append(b, '.')
		b = appendEscNUL(b, h.Ruleset[:])
		b = append(b, '.')
		b = appendUint(b, uint64(h.SubruleNr))
		b = append(b, '/')
	}
	b = appendTok(b, pfReasons[:], h.Reason)
	if h.UID != pfloghdr.NoUID {
		b = append(b, " [uid "...)
		b = appendUint(b, uint64(h.UID))
		b = append(b, ']')
	}
	if h.RIdentifier != 0 {
		b = append(b, " [ridentifier "...)
		b = appendUint(b, uint64(h.RIdentifier))
		b = append(b, ']')
	}
	if int(h.Action) < len(pfActions) && int(h.Dir) < len(pfDirections) {
		b = append(b, pfActionDir[h.Action][h.Dir]...)
	} else {
		b = append(b, ':', ' ')
		b = appendTok(b, pfActions[:], h.Action)
		b = append(b, ' ')
		b = appendTok(b, pfDirections[:], h.Dir)
		b = append(b, " on "...)
	}
	b = appendEscNUL(b, h.IfName[:])
	return append(b, ':', ' ')
}
