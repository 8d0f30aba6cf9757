package decoder

// Port dispatch for the application printers, as tables in tcpdump
// 4.99.5's order (spec §4.7 and §5.2): the first rule whose port matches
// wins.

// appPrinter appends what tcpdump prints for an application payload: for
// UDP after "SRC.SPORT > DST.DPORT: ", for TCP after ", length N".
type appPrinter func(d *Decoder, b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) []byte

// Which side of the conversation a rule's port must be on.
const (
	onEither = iota
	onSrc
	onDst
)

type portRule struct {
	lo, hi uint16 // an inclusive range; most rules have lo == hi
	side   uint8
	print  appPrinter
}

func (r *portRule) matches(sport, dport uint16) bool {
	s := sport >= r.lo && sport <= r.hi
	t := dport >= r.lo && dport <= r.hi
	switch r.side {
	case onSrc:
		return s
	case onDst:
		return t
	}
	return s || t
}

// tcpApp dispatches a TCP payload (tcp_print's port tests).
func (d *Decoder) tcpApp(b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) []byte {
	for i := range tcpRules {
		r := &tcpRules[i]
		if r.matches(sport, dport) {
			return r.print(d, b, data, length, ip, sport, dport)
		}
	}
	return b
}

// udpApp dispatches a UDP payload; ok is false when no printer claims it
// and udp_print prints its generic "UDP, length N".
func (d *Decoder) udpApp(b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) (_ []byte, ok bool) {
	for i := range udpRules {
		r := &udpRules[i]
		if r.matches(sport, dport) {
			return r.print(d, b, data, length, ip, sport, dport), true
		}
	}
	return b, false
}

func one(p uint16, f appPrinter) portRule       { return portRule{p, p, onEither, f} }
func dstOnly(p uint16, f appPrinter) portRule   { return portRule{p, p, onDst, f} }
func srcOnly(p uint16, f appPrinter) portRule   { return portRule{p, p, onSrc, f} }
func span(lo, hi uint16, f appPrinter) portRule { return portRule{lo, hi, onEither, f} }

// Adapters from the printers' own signatures to appPrinter.
func udpDNS(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printDomain(b, data, length, false, false)
}
func udpMDNS(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printDomain(b, data, length, false, true)
}
func tcpDNS(_ *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return printDomain(b, data, length, true, false)
}

// tcpRules is tcp_print's order in 4.99.5 with SMB on.
var tcpRules = []portRule{
	one(53, tcpDNS),
}

// udpRules is udp_print's order in 4.99.5 with SMB on.
var udpRules = []portRule{
	one(53, udpDNS),
	one(5353, udpMDNS),
}
