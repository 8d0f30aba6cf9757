package capture

// A pure-Go compiler for a subset of tcpdump's filter language on the
// PFLOG link type, used by the build without cgo (no libpcap). It emits
// the same tests, in the same order, as libpcap's compiler does, so that a
// program accepts exactly the packets libpcap's would (filter_pcap_test.go
// checks this against libpcap on the golden captures).
//
// Supported (see README-static.md):
//
//	ip  ip6  tcp  udp  sctp  icmp  icmp6
//	[src|dst] host ADDR              IPv4 or IPv6 literal, no names
//	[src|dst] net ADDR/LEN           IPv4
//	[tcp|udp|sctp] [src|dst] port N  numeric
//	inbound  outbound                pflog direction
//	on IF | ifname IF                pflog interface (prefix, as libpcap)
//	ruleset NAME
//	rnr N | rulenum N                pflog rule number
//	srnr N | subrulenum N
//	action pass|accept|block|drop
//	reason match|bad-offset|fragment|short|normalize|memory|N
//	not  !  and  &&  or  ||  ( )     and/or: same precedence, left to right
//
// Everything else is refused with an error saying so.

import (
	"fmt"
	"net/netip"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/net/bpf"
)

// LinkTypePFLOG is the DLT of pf's log interface.
const LinkTypePFLOG = 117

// hostAF6 is the AF_INET6 value libpcap compares the pflog header's af
// field with: the one of the system it runs on.
func hostAF6(goos string) uint32 {
	switch goos {
	case "freebsd", "dragonfly":
		return 28
	case "openbsd", "netbsd":
		return 24
	case "darwin", "ios":
		return 30
	case "windows":
		return 23
	}
	return 10 // Linux
}

// CompileFilterPure compiles expr for linkType (PFLOG only) with the
// pure-Go compiler, comparing IPv6's address family with this system's
// AF_INET6, as libpcap does.
func CompileFilterPure(linkType, snapLen int, expr string) ([]bpf.Instruction, error) {
	return compileFilter(linkType, snapLen, expr, hostAF6(runtime.GOOS))
}

func compileFilter(linkType, snapLen int, expr string, af6 uint32) ([]bpf.Instruction, error) {
	if linkType != LinkTypePFLOG {
		return nil, fmt.Errorf("the pure-Go filter compiler supports only link type PFLOG (117), not %d", linkType)
	}
	if snapLen <= 0 {
		snapLen = DefaultSnapLen
	}
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	if len(toks) == 0 {
		return []bpf.Instruction{bpf.RetConstant{Val: uint32(snapLen)}}, nil
	}
	n, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, fmt.Errorf("syntax error near %q", p.toks[p.pos])
	}
	g := &gen{af6: af6}
	accept, reject := g.label(), g.label()
	if err := g.node(n, accept, reject); err != nil {
		return nil, err
	}
	g.mark(accept)
	g.emit(bpf.RetConstant{Val: uint32(snapLen)})
	g.mark(reject)
	g.emit(bpf.RetConstant{Val: 0})
	return g.assemble()
}

// ---- lexer and parser ----

func lex(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		case c == '!':
			toks = append(toks, "not")
			i++
		case strings.HasPrefix(s[i:], "&&"):
			toks = append(toks, "and")
			i += 2
		case strings.HasPrefix(s[i:], "||"):
			toks = append(toks, "or")
			i += 2
		default:
			j := i
			for j < len(s) && strings.IndexByte(" \t\n\r()!&|", s[j]) < 0 {
				j++
			}
			if j == i {
				return nil, fmt.Errorf("syntax error near %q (not supported by the pure-Go filter compiler)", s[i:])
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks, nil
}

type node struct {
	op   string // "and", "or", "not", "prim"
	l, r *node
	prim prim
}

type prim struct {
	kind   string // ip ip6 proto host net port pfdir pfbytes pfword pfbyte
	dir    string // "", "src", "dst"
	protos []uint32
	addr   netip.Addr
	mask   uint32
	val    uint32
	off    uint32
	bytes  []byte
}

type parser struct {
	toks []string
	pos  int
}

func (p *parser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *parser) next() (string, error) {
	if p.pos >= len(p.toks) {
		return "", fmt.Errorf("syntax error: unexpected end of expression")
	}
	t := p.toks[p.pos]
	p.pos++
	return t, nil
}

// expr: unary { (and|or) unary }, left-associative with equal precedence
// (as in libpcap's grammar).
func (p *parser) expr() (*node, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		op := strings.ToLower(p.peek())
		if op != "and" && op != "or" {
			return l, nil
		}
		p.pos++
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = &node{op: op, l: l, r: r}
	}
}

func (p *parser) unary() (*node, error) {
	t, err := p.next()
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(t) {
	case "not":
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &node{op: "not", l: n}, nil
	case "(":
		n, err := p.expr()
		if err != nil {
			return nil, err
		}
		if c, _ := p.next(); c != ")" {
			return nil, fmt.Errorf("syntax error: missing )")
		}
		return n, nil
	}
	p.pos--
	pr, err := p.primitive()
	if err != nil {
		return nil, err
	}
	return &node{op: "prim", prim: pr}, nil
}

var protoNums = map[string]uint32{"tcp": 6, "udp": 17, "sctp": 132, "icmp": 1, "icmp6": 58}

var pfActions = map[string]uint32{"pass": 0, "accept": 0, "block": 1, "drop": 1}

var pfReasons = []string{"match", "bad-offset", "fragment", "short", "normalize", "memory"}

func unsupported(what string) error {
	return fmt.Errorf("%q is not supported by the pure-Go filter compiler of this build (no cgo, no libpcap); see capture/README-static.md for the supported subset", what)
}

func (p *parser) primitive() (prim, error) {
	t, _ := p.next()
	w := strings.ToLower(t)
	switch w {
	case "ip":
		if q := strings.ToLower(p.peek()); q == "proto" || q == "host" || q == "src" || q == "dst" || q == "net" {
			return prim{}, unsupported("ip " + q)
		}
		return prim{kind: "ip"}, nil
	case "ip6":
		if q := strings.ToLower(p.peek()); q == "proto" || q == "host" || q == "src" || q == "dst" || q == "net" {
			return prim{}, unsupported("ip6 " + q)
		}
		return prim{kind: "ip6"}, nil
	case "icmp", "icmp6":
		return prim{kind: "proto", protos: []uint32{protoNums[w]}}, nil
	case "tcp", "udp", "sctp":
		q := strings.ToLower(p.peek())
		if q == "port" || q == "src" || q == "dst" {
			return p.port([]uint32{protoNums[w]})
		}
		return prim{kind: "proto", protos: []uint32{protoNums[w]}}, nil
	case "src", "dst":
		q := strings.ToLower(p.peek())
		switch q {
		case "host", "net", "port":
			p.pos++
			return p.qualified(q, w)
		}
		return prim{}, unsupported(t + " " + p.peek())
	case "host", "net":
		return p.qualified(w, "")
	case "port":
		p.pos--
		return p.port([]uint32{132, 6, 17})
	case "inbound":
		return prim{kind: "pfbyte", off: 60, val: 1}, nil
	case "outbound":
		return prim{kind: "pfbyte", off: 60, val: 2}, nil
	case "on", "ifname", "ruleset":
		name, err := p.next()
		if err != nil {
			return prim{}, err
		}
		if len(name) >= 16 {
			return prim{}, fmt.Errorf("%s name %q too long", w, name)
		}
		off := uint32(4)
		if w == "ruleset" {
			off = 20
		}
		return prim{kind: "pfbytes", off: off, bytes: []byte(name)}, nil
	case "rnr", "rulenum", "srnr", "subrulenum":
		v, err := p.number(w)
		if err != nil {
			return prim{}, err
		}
		off := uint32(36)
		if w == "srnr" || w == "subrulenum" {
			off = 40
		}
		return prim{kind: "pfword", off: off, val: v}, nil
	case "action":
		a, _ := p.next()
		v, ok := pfActions[strings.ToLower(a)]
		if !ok {
			return prim{}, unsupported("action " + a)
		}
		return prim{kind: "pfbyte", off: 2, val: v}, nil
	case "reason":
		r, _ := p.next()
		for i, name := range pfReasons {
			if strings.EqualFold(r, name) {
				return prim{kind: "pfbyte", off: 3, val: uint32(i)}, nil
			}
		}
		if n, err := strconv.ParseUint(r, 10, 8); err == nil {
			return prim{kind: "pfbyte", off: 3, val: uint32(n)}, nil
		}
		return prim{}, unsupported("reason " + r)
	case ")":
		return prim{}, fmt.Errorf("syntax error near \")\"")
	}
	if _, err := netip.ParseAddr(t); err == nil {
		return prim{}, unsupported(t + " (an address needs an explicit host)")
	}
	return prim{}, unsupported(t)
}

func (p *parser) number(what string) (uint32, error) {
	t, err := p.next()
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseUint(t, 0, 32)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a number", what, t)
	}
	return uint32(v), nil
}

// port parses [src|dst] port N after an optional protocol.
func (p *parser) port(protos []uint32) (prim, error) {
	dir := ""
	if q := strings.ToLower(p.peek()); q == "src" || q == "dst" {
		dir = q
		p.pos++
	}
	if q, _ := p.next(); strings.ToLower(q) != "port" {
		return prim{}, unsupported(q)
	}
	return p.portValue(protos, dir)
}

func (p *parser) portValue(protos []uint32, dir string) (prim, error) {
	t, err := p.next()
	if err != nil {
		return prim{}, err
	}
	v, err := strconv.ParseUint(t, 10, 16)
	if err != nil {
		return prim{}, unsupported("port " + t + " (only numeric ports)")
	}
	return prim{kind: "port", dir: dir, protos: protos, val: uint32(v)}, nil
}

func (p *parser) qualified(kind, dir string) (prim, error) {
	if kind == "port" {
		return p.portValue([]uint32{132, 6, 17}, dir)
	}
	t, err := p.next()
	if err != nil {
		return prim{}, err
	}
	if kind == "host" {
		a, err := netip.ParseAddr(t)
		if err != nil || a.Zone() != "" {
			return prim{}, unsupported("host " + t + " (only IPv4 and IPv6 addresses, no names)")
		}
		return prim{kind: "host", dir: dir, addr: a.Unmap()}, nil
	}
	pf, err := netip.ParsePrefix(t)
	if err != nil || !pf.Addr().Is4() || pf.Bits() == 0 {
		return prim{}, unsupported("net " + t + " (only IPv4 ADDR/LEN, LEN 1-32)")
	}
	if pf.Masked() != pf {
		return prim{}, fmt.Errorf("non-network bits set in %q", t)
	}
	a := pf.Addr().As4()
	mask := ^uint32(0) << (32 - pf.Bits())
	return prim{kind: "net", dir: dir, addr: pf.Addr(), mask: mask, val: be32(a[:])}, nil
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// ---- code generation ----

// An item is an instruction, a conditional jump to labels, or a label.
type item struct {
	ins    bpf.Instruction
	cond   bpf.JumpTest
	val    uint32
	t, f   int // labels of a conditional jump
	jump   bool
	label  int // >= 0: this item is only a label
	isMark bool
}

type gen struct {
	af6    uint32
	items  []item
	labels int
}

func (g *gen) label() int { g.labels++; return g.labels - 1 }

func (g *gen) mark(l int) { g.items = append(g.items, item{label: l, isMark: true}) }

func (g *gen) emit(ins ...bpf.Instruction) {
	for _, in := range ins {
		g.items = append(g.items, item{ins: in})
	}
}

func (g *gen) jmp(cond bpf.JumpTest, val uint32, t, f int) {
	g.items = append(g.items, item{jump: true, cond: cond, val: val, t: t, f: f})
}

func (g *gen) jeq(val uint32, t, f int) { g.jmp(bpf.JumpEqual, val, t, f) }

func (g *gen) assemble() ([]bpf.Instruction, error) {
	pos := make([]int, g.labels)
	n := 0
	for _, it := range g.items {
		if it.isMark {
			pos[it.label] = n
			continue
		}
		n++
	}
	out := make([]bpf.Instruction, 0, n)
	for _, it := range g.items {
		if it.isMark {
			continue
		}
		if !it.jump {
			out = append(out, it.ins)
			continue
		}
		here := len(out)
		st, sf := pos[it.t]-here-1, pos[it.f]-here-1
		if st < 0 || sf < 0 || st > 255 || sf > 255 {
			return nil, fmt.Errorf("filter expression too long for the pure-Go filter compiler")
		}
		out = append(out, bpf.JumpIf{Cond: it.cond, Val: it.val, SkipTrue: uint8(st), SkipFalse: uint8(sf)})
	}
	if len(out) > 512 {
		return nil, fmt.Errorf("filter expression too long for the pure-Go filter compiler")
	}
	return out, nil
}

func (g *gen) node(n *node, t, f int) error {
	switch n.op {
	case "and":
		m := g.label()
		if err := g.node(n.l, m, f); err != nil {
			return err
		}
		g.mark(m)
		return g.node(n.r, t, f)
	case "or":
		m := g.label()
		if err := g.node(n.l, t, m); err != nil {
			return err
		}
		g.mark(m)
		return g.node(n.r, t, f)
	case "not":
		return g.node(n.l, f, t)
	}
	return g.prim(n.prim, t, f)
}

// loadX sets X to the pflog header's length rounded up to 4, where the IP
// header starts (libpcap: ldb [0]; add #3; and #0xfffffffc; tax).
func (g *gen) loadX() {
	g.emit(bpf.LoadAbsolute{Off: 0, Size: 1},
		bpf.ALUOpConstant{Op: bpf.ALUOpAdd, Val: 3},
		bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: 0xfffffffc},
		bpf.TAX{})
}

func (g *gen) af(v uint32, t, f int) {
	g.emit(bpf.LoadAbsolute{Off: 1, Size: 1})
	g.jeq(v, t, f)
}

// proto4: ip and ip[9] == one of protos.
func (g *gen) proto4(protos []uint32, t, f int) {
	m := g.label()
	g.loadX()
	g.af(2, m, f)
	g.mark(m)
	g.emit(bpf.LoadIndirect{Off: 9, Size: 1})
	g.oneOf(protos, t, f)
}

// proto6: ip6 and (next header == p or (next header == fragment and the
// fragment's next header == p)).
func (g *gen) proto6(p uint32, t, f int) {
	m, frag, after := g.label(), g.label(), g.label()
	g.loadX()
	g.af(g.af6, m, f)
	g.mark(m)
	g.emit(bpf.LoadIndirect{Off: 6, Size: 1})
	g.jeq(p, t, frag)
	g.mark(frag)
	g.jeq(44, after, f)
	g.mark(after)
	g.emit(bpf.LoadIndirect{Off: 40, Size: 1})
	g.jeq(p, t, f)
}

func (g *gen) oneOf(vals []uint32, t, f int) {
	for i, v := range vals {
		if i == len(vals)-1 {
			g.jeq(v, t, f)
			break
		}
		m := g.label()
		g.jeq(v, t, m)
		g.mark(m)
	}
}

// srcDst tests the value loaded by load(off) against val at the source
// and/or destination offset.
func (g *gen) srcDst(dir string, src, dst uint32, load func(off uint32), test func(t, f int), t, f int) {
	switch dir {
	case "src":
		load(src)
		test(t, f)
	case "dst":
		load(dst)
		test(t, f)
	default:
		m := g.label()
		load(src)
		test(t, m)
		g.mark(m)
		load(dst)
		test(t, f)
	}
}

func (g *gen) prim(p prim, t, f int) error {
	switch p.kind {
	case "ip":
		g.af(2, t, f)
	case "ip6":
		g.af(g.af6, t, f)
	case "proto":
		switch p.protos[0] {
		case 1:
			g.proto4(p.protos, t, f)
		case 58:
			g.proto6(58, t, f)
		default:
			m := g.label()
			g.proto4(p.protos, t, m)
			g.mark(m)
			g.proto6(p.protos[0], t, f)
		}
	case "host":
		m := g.label()
		g.loadX()
		if p.addr.Is4() {
			g.af(2, m, f)
			g.mark(m)
			a := p.addr.As4()
			g.srcDst(p.dir, 12, 16, func(off uint32) {
				g.emit(bpf.LoadIndirect{Off: off, Size: 4})
			}, func(t, f int) { g.jeq(be32(a[:]), t, f) }, t, f)
			break
		}
		g.af(g.af6, m, f)
		g.mark(m)
		a := p.addr.As16()
		cmp16 := func(off uint32, t, f int) {
			for i := 0; i < 4; i++ {
				g.emit(bpf.LoadIndirect{Off: off + uint32(4*i), Size: 4})
				if i == 3 {
					g.jeq(be32(a[12:]), t, f)
					break
				}
				nx := g.label()
				g.jeq(be32(a[4*i:]), nx, f)
				g.mark(nx)
			}
		}
		switch p.dir {
		case "src":
			cmp16(8, t, f)
		case "dst":
			cmp16(24, t, f)
		default:
			m2 := g.label()
			cmp16(8, t, m2)
			g.mark(m2)
			cmp16(24, t, f)
		}
	case "net":
		m := g.label()
		g.loadX()
		g.af(2, m, f)
		g.mark(m)
		g.srcDst(p.dir, 12, 16, func(off uint32) {
			g.emit(bpf.LoadIndirect{Off: off, Size: 4})
			if p.mask != 0xffffffff {
				g.emit(bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: p.mask})
			}
		}, func(t, f int) { g.jeq(p.val, t, f) }, t, f)
	case "port":
		g.port(p, t, f)
	case "pfbyte":
		g.emit(bpf.LoadAbsolute{Off: p.off, Size: 1})
		g.jeq(p.val, t, f)
	case "pfword":
		g.emit(bpf.LoadAbsolute{Off: p.off, Size: 4})
		g.jeq(p.val, t, f)
	case "pfbytes":
		// libpcap's gen_bcmp: words from the end, then a half word, then
		// a byte, each only when the previous matched.
		b := p.bytes
		size := uint32(len(b))
		if size == 0 {
			return fmt.Errorf("empty name")
		}
		for size > 0 {
			var sz int
			var v uint32
			switch {
			case size >= 4:
				sz, v = 4, be32(b[size-4:size])
			case size >= 2:
				sz, v = 2, uint32(b[size-2])<<8|uint32(b[size-1])
			default:
				sz, v = 1, uint32(b[0])
			}
			size -= uint32(sz)
			g.emit(bpf.LoadAbsolute{Off: p.off + size, Size: sz})
			if size == 0 {
				g.jeq(v, t, f)
				break
			}
			nx := g.label()
			g.jeq(v, nx, f)
			g.mark(nx)
		}
	default:
		return unsupported(p.kind)
	}
	return nil
}

// port: libpcap tests IPv6 first (next header only, no fragment header),
// then IPv4 (not a later fragment, ports after the IP options).
func (g *gen) port(p prim, t, f int) {
	ports := func(off0 uint32) (func(off uint32), func(t, f int)) {
		return func(off uint32) { g.emit(bpf.LoadIndirect{Off: off0 + off, Size: 2}) },
			func(t, f int) { g.jeq(p.val, t, f) }
	}
	v4 := g.label()
	{ // IPv6
		m, pr := g.label(), g.label()
		g.loadX()
		g.af(g.af6, m, v4)
		g.mark(m)
		g.emit(bpf.LoadIndirect{Off: 6, Size: 1})
		g.oneOf(p.protos, pr, v4)
		g.mark(pr)
		load, test := ports(40)
		g.srcDst(p.dir, 0, 2, load, test, t, v4)
	}
	g.mark(v4)
	{ // IPv4
		m, pr, nofrag := g.label(), g.label(), g.label()
		g.loadX()
		g.af(2, m, f)
		g.mark(m)
		g.emit(bpf.LoadIndirect{Off: 9, Size: 1})
		g.oneOf(p.protos, pr, f)
		g.mark(pr)
		g.emit(bpf.LoadIndirect{Off: 6, Size: 2})
		g.jmp(bpf.JumpBitsSet, 0x1fff, f, nofrag)
		g.mark(nofrag)
		g.emit(bpf.LoadIndirect{Off: 0, Size: 1},
			bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: 0xf},
			bpf.ALUOpConstant{Op: bpf.ALUOpShiftLeft, Val: 2},
			bpf.ALUOpX{Op: bpf.ALUOpAdd},
			bpf.TAX{})
		load, test := ports(0)
		g.srcDst(p.dir, 0, 2, load, test, t, f)
	}
}
