package decoder

import (
	"bytes"
	"math/rand"
	"testing"
)

// randomEscBytes returns inputs that mix printable runs with bytes that
// need escaping (controls, DEL, high bytes).
func randomEscBytes(r *rand.Rand, n int) []byte {
	s := make([]byte, n)
	for i := range s {
		switch r.Intn(4) {
		case 0:
			s[i] = byte(r.Intn(256))
		default:
			s[i] = byte(0x20 + r.Intn(0x5f))
		}
	}
	return s
}

// appendEscRun must print exactly what the byte-at-a-time appendEscN does.
func TestAppendEscRunMatchesEscN(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		s := randomEscBytes(r, r.Intn(40))
		if i < 256 {
			s = append(s, byte(i))
		}
		got := appendEscRun([]byte("x"), s)
		want := appendEscN([]byte("x"), s)
		if !bytes.Equal(got, want) {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
}

// dnsPrintnSlow is the byte-at-a-time nd_printn that printn replaced.
func dnsPrintnSlow(p *dnsPrinter, s int, n uint32) bool {
	for n > 0 && s < len(p.m) {
		if s < 0 {
			return false
		}
		n--
		p.b = appendEscChar(p.b, p.m[s])
		s++
	}
	return n == 0
}

func TestDNSPrintnMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		m := randomEscBytes(r, r.Intn(20))
		s := r.Intn(len(m)+6) - 3
		var n uint32
		switch r.Intn(4) {
		case 0:
			n = r.Uint32()
		case 1:
			n = uint32(r.Intn(3))
		default:
			n = uint32(r.Intn(len(m) + 4))
		}
		fast := dnsPrinter{b: []byte("y"), m: m}
		slow := dnsPrinter{b: []byte("y"), m: m}
		okf := fast.printn(s, n)
		oks := dnsPrintnSlow(&slow, s, n)
		if okf != oks || !bytes.Equal(fast.b, slow.b) {
			t.Fatalf("m=%q s=%d n=%d: got %v %q, want %v %q", m, s, n, okf, fast.b, oks, slow.b)
		}
	}
}

// randomDNSName appends a name in wire form that is usually plain but may
// hold pointers, bit-string and bad labels, unprintable bytes, over-long
// names or a cut.
func randomDNSName(r *rand.Rand, m []byte) []byte {
	labels := r.Intn(6)
	var sizes []int
	if r.Intn(5) == 0 {
		// Names whose printed length lands around MAXCDNAME (255):
		// labels of 63 and a last one to reach the target.
		target := 248 + r.Intn(16)
		for target > 0 {
			l := 63
			if target-1 < l {
				l = target - 1
			}
			if l < 1 {
				l = 1
			}
			sizes = append(sizes, l)
			target -= l + 1
		}
		labels = len(sizes)
	}
	for i := 0; i < labels; i++ {
		l := 1 + r.Intn(12)
		if sizes != nil {
			l = sizes[i]
		}
		switch r.Intn(30) {
		case 0:
			return append(m, 0xc0|byte(r.Intn(2)), byte(r.Intn(40)))
		case 1:
			m = append(m, 0x41, byte(r.Intn(40)))
			continue
		case 2:
			m = append(m, 0x80|byte(r.Intn(64)))
		case 3:
			l = 63
		}
		m = append(m, byte(l))
		odd := -1
		if r.Intn(3*labels) == 0 {
			odd = r.Intn(l) // one byte of the name is not a letter
		}
		for j := 0; j < l; j++ {
			c := byte('a' + r.Intn(26))
			if j == odd {
				c = []byte{0, 0x1f, 0x7f, 0x80, 0xff, '.', ' ', '~', byte(r.Intn(256))}[r.Intn(9)]
			}
			m = append(m, c)
		}
	}
	return append(m, 0)
}

// fqdn's plain-name fast path must print and return exactly what the
// general walk does.
func TestDNSFqdnPlainMatchesWalk(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 50000; i++ {
		m := make([]byte, r.Intn(14))
		for j := range m {
			m[j] = byte(r.Intn(256))
		}
		cp := len(m)
		m = randomDNSName(r, m)
		if r.Intn(4) == 0 {
			m = m[:r.Intn(len(m)+1)]
		}
		if r.Intn(8) == 0 {
			cp = r.Intn(len(m) + 2)
		}
		bp := 0
		if r.Intn(4) == 0 {
			bp = r.Intn(cp + 1)
		}
		fast := dnsPrinter{b: []byte("z"), m: m}
		slow := dnsPrinter{b: []byte("z"), m: m}
		rf, okf := fast.fqdn(cp, bp)
		rs, oks := slow.fqdnWalk(cp, bp)
		if rf != rs || okf != oks || fast.jmp != slow.jmp || !bytes.Equal(fast.b, slow.b) {
			t.Fatalf("m=%x cp=%d bp=%d: got %d %v %q, want %d %v %q", m, cp, bp, rf, okf, fast.b, rs, oks, slow.b)
		}
	}
}

// printableRun must agree with a byte-at-a-time scan.
func TestPrintableRun(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for i := 0; i < 20000; i++ {
		s := randomEscBytes(r, r.Intn(40))
		if r.Intn(2) == 0 {
			for j := range s {
				if s[j] < 0x20 || s[j] >= 0x7f {
					s[j] = 'a'
				}
			}
			if len(s) > 0 && r.Intn(2) == 0 {
				s[r.Intn(len(s))] = []byte{0, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xff, 0xfe, ' ', 0x21}[r.Intn(10)]
			}
		}
		want := 0
		for want < len(s) && s[want] >= 0x20 && s[want] < 0x7f {
			want++
		}
		if got := printableRun(s); got != want {
			t.Fatalf("%x: got %d, want %d", s, got, want)
		}
		if got := allPrintable(s); got != (want == len(s)) {
			t.Fatalf("allPrintable %x: got %v, want %v", s, got, want == len(s))
		}
		want = 0
		for want < len(s) && s[want] > 0x20 && s[want] < 0x7f {
			want++
		}
		if got := tokenRun(s); got != want {
			t.Fatalf("tokenRun %x: got %d, want %d", s, got, want)
		}
	}
}

// txtFetchTokenSlow is the byte-at-a-time fetch_token that copied the
// token into a MAX_TOKEN+1 buffer, kept to check txtFetchToken against.
func txtFetchTokenSlow(data []byte, idx, length int, tok *[txtMaxToken + 1]byte) (next, toklen int) {
	for ; idx < length; idx++ {
		if idx >= len(data) {
			return 0, 0
		}
		c := data[idx]
		if c >= 0x80 {
			return 0, 0
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		if !txtIsPrint(c) {
			return 0, 0
		}
		if toklen+2 > len(tok) {
			return 0, 0
		}
		tok[toklen] = c
		toklen++
	}
	if toklen == 0 {
		return 0, 0
	}
	for ; idx < length; idx++ {
		if idx >= len(data) {
			break
		}
		if data[idx] != ' ' {
			break
		}
	}
	return idx, toklen
}

// txtFirstLineSlow is the byte-at-a-time print_txt_line.
func txtFirstLineSlow(b []byte, data []byte, length int, lower string) []byte {
	idx := 0
	for idx < length {
		if idx >= len(data) {
			return appendTrunc(b, lower)
		}
		c := data[idx]
		if c == '\n' {
			break
		}
		if c == '\r' {
			if idx+1 >= length {
				return b
			}
			if idx+1 >= len(data) {
				return appendTrunc(b, lower)
			}
			if data[idx+1] == '\n' {
				break
			}
			return b
		}
		if !txtIsPrint(c) && c != '\t' {
			return b
		}
		idx++
	}
	b = append(b, ':', ' ')
	return append(b, data[:idx]...)
}

// randomTxtLine is text-protocol-like: tokens, spaces, tabs, line ends,
// now and then a long token, a control or high byte.
func randomTxtLine(r *rand.Rand) []byte {
	var s []byte
	parts := r.Intn(6)
	for i := 0; i < parts; i++ {
		n := r.Intn(10)
		switch r.Intn(12) {
		case 0:
			n = 120 + r.Intn(15) // around MAX_TOKEN
		case 1:
			n = 0
		}
		for j := 0; j < n; j++ {
			s = append(s, byte('!'+r.Intn(94)))
		}
		switch r.Intn(14) {
		case 0:
			s = append(s, '\t')
		case 1:
			s = append(s, '\r', '\n')
		case 2:
			s = append(s, '\n')
		case 3:
			s = append(s, '\r')
		case 4:
			s = append(s, byte(r.Intn(256)))
		case 5:
			s = append(s, 0x7f)
		case 6:
			s = append(s, 0x80+byte(r.Intn(128)))
		default:
			for k := 1 + r.Intn(3); k > 0; k-- {
				s = append(s, ' ')
			}
		}
	}
	return s
}

func TestTxtFetchTokenMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 50000; i++ {
		data := randomTxtLine(r)
		length := len(data) + r.Intn(5) - 2
		if r.Intn(3) == 0 {
			length = r.Intn(len(data) + 3)
		}
		idx := 0
		if r.Intn(3) == 0 {
			idx = r.Intn(len(data) + 2)
		}
		var tok [txtMaxToken + 1]byte
		wn, wl := txtFetchTokenSlow(data, idx, length, &tok)
		gn, gt := txtFetchToken(data, idx, length)
		if gn != wn || (wn != 0 && !bytes.Equal(gt, tok[:wl])) {
			t.Fatalf("%q idx=%d length=%d: got %d %q, want %d %q", data, idx, length, gn, gt, wn, tok[:wl])
		}
	}
}

func TestTxtFirstLineMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	for i := 0; i < 50000; i++ {
		data := randomTxtLine(r)
		length := len(data) + r.Intn(5) - 2
		if r.Intn(3) == 0 {
			length = r.Intn(len(data)+3) - 1
		}
		got := txtFirstLine([]byte("P"), data, length, "p")
		want := txtFirstLineSlow([]byte("P"), data, length, "p")
		if !bytes.Equal(got, want) {
			t.Fatalf("%q length=%d: got %q, want %q", data, length, got, want)
		}
	}
}

// dnsQprintSlow is ns_qprint as it was before the plain-name path: nskip
// to find the type, the general walk to print the name.
func dnsQprintSlow(p *dnsPrinter, cp int) (int, bool) {
	np := cp
	cp, ok := p.nskip(cp)
	if !ok || !p.ttest(cp, 4) {
		return 0, false
	}
	p.b = append(p.b, ' ')
	p.b = dnsAppendType(p.b, be16(p.m[cp:]))
	i := be16(p.m[cp+2:])
	class := i
	if p.mdns {
		class = i &^ 0x8000
	}
	if class != dnsClassIN {
		p.b = append(p.b, ' ')
		p.b = dnsAppendClass(p.b, class)
	}
	if p.mdns {
		if i&0x8000 != 0 {
			p.b = append(p.b, " (QU)"...)
		} else {
			p.b = append(p.b, " (QM)"...)
		}
	}
	p.b = append(p.b, "? "...)
	rp, ok := p.fqdnWalk(np, 0)
	if !ok {
		return 0, false
	}
	return rp + 4, true
}

func TestDNSQprintMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 50000; i++ {
		m := make([]byte, r.Intn(14))
		for j := range m {
			m[j] = byte(r.Intn(256))
		}
		cp := len(m)
		m = randomDNSName(r, m)
		m = append(m, byte(r.Intn(2)), byte(r.Intn(70)), []byte{0, 0, 0x80, byte(r.Intn(256))}[r.Intn(4)], byte(r.Intn(5)))
		if r.Intn(3) == 0 {
			m = m[:r.Intn(len(m)+1)]
		}
		mdns := r.Intn(2) == 0
		fast := dnsPrinter{b: []byte("q"), m: m, mdns: mdns}
		slow := dnsPrinter{b: []byte("q"), m: m, mdns: mdns}
		rf, okf := fast.qprint(cp)
		rs, oks := dnsQprintSlow(&slow, cp)
		if rf != rs || okf != oks || fast.jmp != slow.jmp || !bytes.Equal(fast.b, slow.b) {
			t.Fatalf("m=%x cp=%d: got %d %v %q, want %d %v %q", m, cp, rf, okf, fast.b, rs, oks, slow.b)
		}
	}
}

// The NTP prefix table must print what the field-by-field form did, for
// every first byte.
func TestNTPPrefixTable(t *testing.T) {
	for c := 0; c < 256; c++ {
		var want []byte
		want = append(want, "NTPv"...)
		want = appendUint(want, uint64(c>>3&7))
		want = append(want, ", "...)
		want = append(want, ntpModeNames[c&7]...)
		want = append(want, ", length "...)
		want = appendUint(want, 48)
		if got := printNTP(nil, []byte{byte(c)}, 48); !bytes.Equal(got, want) {
			t.Fatalf("%#x: got %q, want %q", c, got, want)
		}
	}
}

// tftpPrintZSlow is the byte-at-a-time nd_printztn.
func tftpPrintZSlow(b []byte, data []byte, off, n int) ([]byte, int) {
	used := 0
	for {
		if n == 0 || off >= len(data) {
			return b, 0
		}
		c := data[off]
		off++
		used++
		n--
		if c == 0 {
			return b, used
		}
		b = appendEscChar(b, c)
	}
}

func TestTFTPPrintZMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	for i := 0; i < 50000; i++ {
		data := randomEscBytes(r, r.Intn(30))
		for k := r.Intn(3); k > 0 && len(data) > 0; k-- {
			data[r.Intn(len(data))] = 0
		}
		off := r.Intn(len(data) + 3)
		n := r.Intn(len(data)+4) - 1
		if r.Intn(5) == 0 {
			n = 1 << 40
		}
		got, gu := tftpPrintZ([]byte("t"), data, off, n)
		want, wu := tftpPrintZSlow([]byte("t"), data, off, n)
		if gu != wu || !bytes.Equal(got, want) {
			t.Fatalf("%x off=%d n=%d: got %d %q, want %d %q", data, off, n, gu, got, wu, want)
		}
	}
}

// txtprotoPrintSlow is txtproto_print with the request names in one list,
// compared one by one.
func txtprotoPrintSlow(b []byte, data []byte, length int, upper, lower string, cmds []string, respSecond bool) []byte {
	printThis := cmds == nil
	if cmds != nil {
		idx, tok := txtFetchToken(data, 0, length)
		if idx != 0 {
			for _, cmd := range cmds {
				if txtTokenIs(tok, cmd) {
					printThis = true
					break
				}
			}
			if respSecond {
				idx, tok = txtFetchToken(data, idx, length)
			}
			if idx != 0 && txtIsRespCode(tok) {
				printThis = true
			}
		}
	}
	b = append(b, upper...)
	if printThis {
		b = txtFirstLine(b, data, length, lower)
	}
	return b
}

func TestTxtCmdSetMatchesList(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	for _, set := range []*txtCmdSet{httpCmds, sipCmds, rtspCmds} {
		var list []string
		for _, l := range set.byLen {
			list = append(list, l...)
		}
		for i := 0; i < 20000; i++ {
			var first []byte
			switch r.Intn(4) {
			case 0, 1:
				first = []byte(list[r.Intn(len(list))])
				for j := range first {
					if r.Intn(2) == 0 && first[j] >= 'A' && first[j] <= 'Z' {
						first[j] += 'a' - 'A'
					}
				}
				if r.Intn(5) == 0 {
					first = first[:r.Intn(len(first)+1)]
				}
			case 2:
				first = bytes.Repeat([]byte{'A' + byte(r.Intn(26))}, 20+r.Intn(120))
			default:
				first = randomTxtLine(r)
			}
			data := append(first, ' ')
			data = append(data, []string{"200", "404 Not Found", "x", "HTTP/1.1", ""}[r.Intn(5)]...)
			data = append(data, "\r\nHost: x\r\n"...)
			length := len(data) - r.Intn(3)
			got := txtprotoPrint(nil, data, length, "P", "p", set, true)
			want := txtprotoPrintSlow(nil, data, length, "P", "p", list, true)
			if !bytes.Equal(got, want) {
				t.Fatalf("%q: got %q, want %q", data, got, want)
			}
		}
	}
}

// respFindCRLFSlow is the byte-at-a-time FIND_CRLF.
func respFindCRLFSlow(r *respState, p, lenCur int) (int, int, bool) {
	for {
		if lenCur < 2 || !r.have(p+1) {
			return p, lenCur, false
		}
		if r.data[p] == '\r' && r.data[p+1] == '\n' {
			return p, lenCur, true
		}
		p++
		lenCur--
	}
}

func TestRESPFindCRLFMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(10))
	for i := 0; i < 50000; i++ {
		data := make([]byte, r.Intn(20))
		for j := range data {
			data[j] = []byte{'\r', '\n', 'a', '\r', 0}[r.Intn(5)]
		}
		p := r.Intn(len(data) + 3)
		lenCur := r.Intn(len(data)+4) - 1
		rs := respState{data: data}
		gq, gl, gok := rs.findCRLF(p, lenCur)
		wq, wl, wok := respFindCRLFSlow(&rs, p, lenCur)
		if gok != wok || (wok && (gq != wq || gl != wl)) {
			t.Fatalf("%q p=%d len=%d: got %d %d %v, want %d %d %v", data, p, lenCur, gq, gl, gok, wq, wl, wok)
		}
	}
}

// printRESP on varied pipelines must match the printer with the
// byte-at-a-time CR LF search and escaping.
func TestRESPMatchesSlowPieces(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	parts := []string{"*2\r\n", "$3\r\nSET\r\n", "$4\r\nIN\x01O\r\n", "+OK\r\n", "-ERR x\r\n", ":42\r\n", "$-1\r\n", "$0\r\n\r\n", "*0\r\n", "PING\r\n", "\r\n", "$5\r\nab", "*-3\r\n", "+\xffz\r\n", "\n"}
	for i := 0; i < 20000; i++ {
		var data []byte
		for k := r.Intn(5); k >= 0; k-- {
			data = append(data, parts[r.Intn(len(parts))]...)
		}
		length := len(data) - r.Intn(3) + 1
		capt := data[:len(data)-r.Intn(min(3, len(data))+1)]
		got := printRESP(nil, capt, length)
		want := printRESPSlow(capt, length)
		if !bytes.Equal(got, want) {
			t.Fatalf("%q length=%d: got %q, want %q", capt, length, got, want)
		}
	}
}

// The RESP printer as it was before its CR LF search and escaping were
// sped up, kept to check printRESP against.

// RESP, the REdis Serialization Protocol (tcpdump's print-resp.c): every
// element is printed as ` "text"` (escaped like nd_printn), or as
// " empty", " null", " length too large", " length negative and not -1"
// or " invalid". Anything that runs past the TCP length or the captured
// bytes ends the text with " [|resp]".

// respStateSlow walks the payload; length checks use the TCP length, byte
// reads the captured data.
type respStateSlow struct {
	data []byte
}

func (r *respStateSlow) have(i int) bool { return i >= 0 && i < len(r.data) }

// segment appends ` "..."` for data[from:from+n] (already known captured).
func (r *respStateSlow) segment(b []byte, from, n int) []byte {
	b = append(b, ' ', '"')
	b = appendEscN(b, r.data[from:from+n])
	return append(b, '"')
}

// findCRLF is FIND_CRLF: advance p until data[p:p+2] is CR LF.
func (r *respStateSlow) findCRLF(p, lenCur int) (int, int, bool) {
	for {
		if lenCur < 2 || !r.have(p+1) {
			return p, lenCur, false
		}
		if r.data[p] == '\r' && r.data[p+1] == '\n' {
			return p, lenCur, true
		}
		p++
		lenCur--
	}
}

// parse is resp_parse: it returns the bytes used, or ok false for a
// truncation.
func (r *respStateSlow) parse(b []byte, p, length int) (_ []byte, n int, ok bool) {
	if length < 1 || !r.have(p) {
		return b, 0, false
	}
	switch r.data[p] {
	case '+', ':', '-':
		return r.stringErrorInteger(b, p, length)
	case '$':
		return r.bulkString(b, p, length)
	case '*':
		return r.bulkArray(b, p, length)
	}
	return r.inline(b, p, length)
}

func (r *respStateSlow) stringErrorInteger(b []byte, p, length int) ([]byte, int, bool) {
	lenCur := length - 1
	start := p + 1
	q, _, ok := r.findCRLF(start, lenCur)
	if !ok {
		return b, 0, false
	}
	n := q - start
	b = r.segment(b, start, n)
	return b, 1 + n + 2, true
}

// getLength is resp_get_length: it returns the value (-1 null, -2
// truncated, -3 too large, -4 negative and not -1, -5 invalid) and the
// position after what it consumed.
func (r *respStateSlow) getLength(p, length int) (val, end int) {
	const intMax = 2147483647
	if length == 0 {
		return -2, p
	}
	if !r.have(p) {
		return -2, p
	}
	tooLarge, neg := false, false
	if r.data[p] == '-' {
		neg = true
		p++
		length--
	}
	result := 0
	sawDigit := false
	for {
		if length == 0 || !r.have(p) {
			return -2, p
		}
		c := r.data[p]
		if c < '0' || c > '9' {
			if !sawDigit {
				return -5, p + 1
			}
			break
		}
		d := int(c - '0')
		if result > intMax/10 {
			tooLarge = true
		} else {
			result *= 10
			if result == (intMax/10)*10 && d > intMax%10 {
				tooLarge = true
			} else {
				result += d
			}
		}
		p++
		length--
		sawDigit = true
	}
	if r.data[p] != '\r' {
		return -5, p + 1
	}
	p++
	length--
	if length == 0 || !r.have(p) {
		return -2, p
	}
	if r.data[p] != '\n' {
		return -5, p + 1
	}
	p++
	if neg {
		if tooLarge || result != 1 {
			return -4, p
		}
		result = -1
	}
	if tooLarge {
		return -3, p
	}
	return result, p
}

// appendRespBadSlow appends the text for a negative length other than -2.
func appendRespBadSlow(b []byte, v int) []byte {
	switch v {
	case -1:
		return append(b, " null"...)
	case -3:
		return append(b, " length too large"...)
	case -4:
		return append(b, " length negative and not -1"...)
	}
	return append(b, " invalid"...)
}

func (r *respStateSlow) bulkString(b []byte, p, length int) ([]byte, int, bool) {
	lenCur := length - 1
	p++
	slen, end := r.getLength(p, lenCur)
	lenCur -= end - p
	p = end
	if slen == -2 {
		return b, 0, false
	}
	if slen < 0 {
		return appendRespBadSlow(b, slen), length - lenCur, true
	}
	if slen == 0 {
		b = append(b, " empty"...)
	} else {
		if lenCur < slen || !r.have(p+slen-1) {
			return b, 0, false
		}
		b = r.segment(b, p, slen)
		p += slen
		lenCur -= slen
	}
	q, lc, ok := r.findCRLF(p, lenCur)
	if !ok {
		return b, 0, false
	}
	lenCur = lc - 2
	_ = q
	return b, length - lenCur, true
}

func (r *respStateSlow) bulkArray(b []byte, p, length int) ([]byte, int, bool) {
	lenCur := length - 1
	p++
	alen, end := r.getLength(p, lenCur)
	lenCur -= end - p
	p = end
	if alen == -2 {
		return b, 0, false
	}
	if alen == 0 {
		return append(b, " empty"...), length - lenCur, true
	}
	if alen < 0 {
		return appendRespBadSlow(b, alen), length - lenCur, true
	}
	for i := 0; i < alen; i++ {
		var n int
		var ok bool
		b, n, ok = r.parse(b, p, lenCur)
		if !ok {
			return b, 0, false
		}
		p += n
		lenCur -= n
	}
	return b, length - lenCur, true
}

// consumeCRLFs is CONSUME_CR_OR_LF: skip consecutive CR and LF bytes;
// running out of length or capture before seeing one is a truncation.
func (r *respStateSlow) consumeCRLFs(p, lenCur int) (int, int, bool) {
	found := false
	for {
		if lenCur == 0 || !r.have(p) {
			if found {
				return p, lenCur, true
			}
			return p, lenCur, false
		}
		if c := r.data[p]; c != '\r' && c != '\n' {
			return p, lenCur, true
		}
		found = true
		p++
		lenCur--
	}
}

func (r *respStateSlow) inline(b []byte, p, length int) ([]byte, int, bool) {
	lenCur := length
	p, lenCur, ok := r.consumeCRLFs(p, lenCur)
	if !ok {
		return b, 0, false
	}
	q := p
	for {
		if lenCur < 1 || !r.have(q) {
			return b, 0, false
		}
		if c := r.data[q]; c == '\r' || c == '\n' {
			break
		}
		q++
		lenCur--
	}
	b = r.segment(b, p, q-p)
	_, lenCur, ok = r.consumeCRLFs(q, lenCur)
	if !ok {
		return b, 0, false
	}
	return b, length - lenCur, true
}

// printRESP appends what tcp_print prints after ", length N" for TCP port
// 6379 (resp_print prints its own ": "): ": RESP" and the elements of
// every pipelined command in the payload.
func printRESPSlow0(b []byte, data []byte, length int) []byte {
	if length <= 0 {
		return b
	}
	b = append(b, ": RESP"...)
	r := respStateSlow{data: data}
	p := 0
	for length > 0 {
		var n int
		var ok bool
		b, n, ok = r.parse(b, p, length)
		if !ok || n <= 0 {
			return appendTrunc(b, "resp")
		}
		p += n
		length -= n
	}
	return b
}

func printRESPSlow(data []byte, length int) []byte { return printRESPSlow0(nil, data, length) }

// smbDataPrintSlow is smb_data_print byte at a time, as it was.
func smbDataPrintSlow(b []byte, buf []byte) []byte {
	n := len(buf)
	if n == 0 {
		return b
	}
	b = append(b, "[000] "...)
	i := 0
	for i < n {
		c := buf[i]
		const digits = "0123456789ABCDEF"
		b = append(b, digits[c>>4], digits[c&0xf], ' ')
		i++
		if i%8 == 0 {
			b = append(b, ' ')
		}
		if i%16 == 0 {
			b = appendEscN(b, buf[i-16:i-8])
			b = append(b, ' ')
			b = appendEscN(b, buf[i-8:i])
			b = append(b, '\n')
			if i < n {
				b = append(b, '[')
				if i < 0x100 {
					b = append(b, '0')
					if i < 0x10 {
						b = append(b, '0')
					}
				}
				b = smbAppendUpperHex(b, uint64(i))
				b = append(b, ']', ' ')
			}
		}
	}
	if r := i % 16; r != 0 {
		pad := 16 - r
		b = append(b, ' ')
		if pad > 8 {
			b = append(b, ' ')
		}
		for ; pad > 0; pad-- {
			b = append(b, "   "...)
		}
		h := r
		if h > 8 {
			h = 8
		}
		b = appendEscN(b, buf[i-r:i-r+h])
		b = append(b, ' ')
		if r > h {
			b = appendEscN(b, buf[i-(r-h):i])
		}
		b = append(b, '\n')
	}
	return b
}

func TestSMBDataPrintMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(12))
	for i := 0; i < 3000; i++ {
		buf := randomEscBytes(r, r.Intn(600))
		got := smbDataPrint([]byte("s"), buf)
		want := smbDataPrintSlow([]byte("s"), buf)
		if !bytes.Equal(got, want) {
			t.Fatalf("%x:\ngot  %q\nwant %q", buf, got, want)
		}
	}
}

// printTelnetSlow is the telnet printer as it was, every command through
// telnet_parse's two walks.
func printTelnetSlow(b []byte, data []byte, length int) []byte {
	first := true
	sp := 0
	// tcpdump keeps length unsigned; a command that overruns it (IAC SE
	// counted past the end) wraps it, so the next read is past the data.
	ulen := uint32(length)
	for ulen > 0 {
		if sp >= len(data) {
			return appendTrunc(b, "telnet")
		}
		if data[sp] != telIAC {
			break
		}
		l := int(ulen)
		if ulen > 1<<30 {
			l = 1 << 30
		}
		_, n, tr := telnetParse(nil, data, sp, l, false)
		if tr {
			return appendTrunc(b, "telnet")
		}
		if n < 0 {
			break
		}
		if first {
			b = append(b, " [telnet "...)
		} else {
			b = append(b, ", "...)
		}
		b, _, _ = telnetParse(b, data, sp, l, true)
		first = false
		sp += n
		ulen -= uint32(n)
	}
	if !first {
		b = append(b, ']')
	}
	return b
}

func TestTelnetMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	pick := []byte{255, 255, 255, 251, 252, 253, 254, 250, 240, 236, 244, 0, 1, 24, 31, 32, 37, 38, 39, 40, 200, 'a'}
	for i := 0; i < 50000; i++ {
		var data []byte
		for k := r.Intn(14); k > 0; k-- {
			if r.Intn(3) == 0 {
				data = append(data, 255, []byte{251, 252, 253, 254}[r.Intn(4)], byte(r.Intn(60)))
				continue
			}
			data = append(data, pick[r.Intn(len(pick))])
		}
		length := len(data) + r.Intn(4) - 1
		if r.Intn(4) == 0 {
			length = r.Intn(len(data) + 1)
		}
		capt := data[:len(data)-r.Intn(min(2, len(data))+1)]
		got := printTelnet([]byte("x"), capt, length)
		want := printTelnetSlow([]byte("x"), capt, length)
		if !bytes.Equal(got, want) {
			t.Fatalf("%x length=%d: got %q, want %q", capt, length, got, want)
		}
	}
}

// printSSHSlow is the SSH banner printer byte at a time, as it was.
func printSSHSlow(b []byte, data []byte, length int) []byte {
	const magic = "SSH-"
	for i := 0; i < len(magic); i++ {
		if i >= len(data) {
			return appendTrunc(b, "ssh")
		}
		if data[i] != magic[i] {
			return b
		}
	}
	idx := len(magic)
	for idx < length {
		if idx >= len(data) {
			return appendTrunc(b, "ssh")
		}
		c := data[idx]
		if c == '\n' {
			break
		}
		if c == '\r' {
			if idx+1 >= length {
				return b
			}
			if idx+1 >= len(data) {
				return appendTrunc(b, "ssh")
			}
			if data[idx+1] == '\n' {
				break
			}
			return b
		}
		if !txtIsPrint(c) {
			return b
		}
		idx++
	}
	if idx >= length {
		return b // no line ending in this packet
	}
	b = append(b, ": SSH: "...)
	return append(b, data[:idx]...)
}

func TestSSHMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(14))
	for i := 0; i < 50000; i++ {
		data := []byte("SSH-")
		if r.Intn(6) == 0 {
			data = data[:r.Intn(5)]
			if len(data) > 0 && r.Intn(2) == 0 {
				data[r.Intn(len(data))] = 'x'
			}
		}
		data = append(data, randomTxtLine(r)...)
		length := len(data) + r.Intn(5) - 2
		if r.Intn(4) == 0 {
			length = r.Intn(len(data)+2) - 1
		}
		capt := data[:len(data)-r.Intn(min(3, len(data))+1)]
		got := printSSH([]byte("x"), capt, length)
		want := printSSHSlow([]byte("x"), capt, length)
		if !bytes.Equal(got, want) {
			t.Fatalf("%q length=%d: got %q, want %q", capt, length, got, want)
		}
	}
}

// isakmpCookies.find must agree with a byte-string comparison of every
// slot, for cookies that differ from stored ones in a single byte too.
func TestISAKMPFindMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 2000; i++ {
		var c isakmpCookies
		for j := range c.slot {
			if r.Intn(3) > 0 {
				r.Read(c.slot[j].initiator[:])
			}
		}
		for k := 0; k < 20; k++ {
			ck := make([]byte, 8)
			switch r.Intn(4) {
			case 0:
				r.Read(ck)
			default:
				copy(ck, c.slot[r.Intn(len(c.slot))].initiator[:])
				if r.Intn(2) == 0 {
					ck[r.Intn(8)] ^= 1 << r.Intn(8)
				}
			}
			if r.Intn(10) == 0 {
				ck = ck[:r.Intn(8)]
			}
			want := -1
			for j := range c.slot {
				if string(c.slot[j].initiator[:]) == string(ck) {
					want = j
					break
				}
			}
			if got := c.find(ck); got != want {
				t.Fatalf("%x: got %d, want %d", ck, got, want)
			}
		}
	}
}

// parseSlow is asn1_parse as it was, without the common-header path.
func (p *snmpPrinter) parseSlow(off int, n uint32, e *snmpElem) (int, bool) {
	e.asnlen = 0
	e.typ = snmpBeAny
	if n < 1 {
		p.b = append(p.b, "[nothing to parse]"...)
		return 0, false
	}
	if off >= len(p.data) {
		p.trunc()
		return 0, false
	}
	c := p.data[off]
	id := c & 0x1f
	form := (c & 0x20) >> 5
	class := (c & 0xc0) >> 6
	e.id = id
	off++
	n--
	hdr := 1
	if id == 0x1f {
		id = 0
		for {
			if off >= len(p.data) {
				p.trunc()
				return 0, false
			}
			c = p.data[off]
			if c&0x80 == 0 {
				break
			}
			if n < 1 {
				p.b = append(p.b, "[Xtagfield?]"...)
				return 0, false
			}
			id = id<<7 | c&0x7f
			n--
			hdr++
			off++
		}
		if n < 1 {
			p.b = append(p.b, "[Xtagfield?]"...)
			return 0, false
		}
		id = id<<7 | c
		e.id = id
		n--
		hdr++
		off++
	}
	if n < 1 {
		p.b = append(p.b, "[no asnlen]"...)
		return 0, false
	}
	if off >= len(p.data) {
		p.trunc()
		return 0, false
	}
	e.asnlen = uint32(p.data[off])
	off++
	n--
	hdr++
	if e.asnlen&0x80 != 0 {
		noct := e.asnlen % 0x80
		e.asnlen = 0
		if n < noct {
			p.num("[asnlen? ", int64(int32(n)), "<")
			p.num("", int64(noct), "]")
			return 0, false
		}
		if len(p.data)-off < int(noct) {
			p.trunc()
			return 0, false
		}
		for ; noct != 0; noct-- {
			e.asnlen = e.asnlen<<8 | uint32(p.data[off])
			off++
			n--
			hdr++
		}
	}
	if n < e.asnlen {
		p.num("[len", int64(int32(n)), "<asnlen")
		p.num("", int64(e.asnlen), "]")
		return 0, false
	}
	if int(id) >= len(snmpClassIDs[class]) {
		p.b = append(p.b, "[id?"...)
		p.b = append(p.b, "PC"[form])
		p.num("/"+snmpClassName+"/", int64(id), "]")
		return 0, false
	}
	if uint64(len(p.data)-off) < uint64(e.asnlen) {
		p.trunc()
		return 0, false
	}
	e.off = off
	if form == 0 { // primitive
		switch class {
		case 0: // universal
			switch id {
			case 4:
				e.typ = snmpBeStr
			case 2:
				e.typ = snmpBeInt
				if e.asnlen == 0 {
					p.b = append(p.b, "[asnlen=0]"...)
					return 0, false
				}
				body := p.data[off : off+int(e.asnlen)]
				var v uint64
				if body[0]&0x80 != 0 {
					v = 0xffffffff
				}
				e.integer = int32(uint32(snmpShiftIn(v, body)))
			case 6:
				e.typ = snmpBeOID
			case 5:
				e.typ = snmpBeNull
			default:
				e.typ = snmpBeOctet
				p.str("[P/U/", snmpClassIDs[class][id], "]")
			}
		case 1: // application
			switch id {
			case 0:
				e.typ = snmpBeInetAddr
			case 1, 2, 3:
				e.typ = snmpBeUns
				e.uns = uint32(snmpShiftIn(0, p.data[off:off+int(e.asnlen)]))
			case 6:
				e.typ = snmpBeUns64
				e.uns64 = snmpShiftIn(0, p.data[off:off+int(e.asnlen)])
			default:
				e.typ = snmpBeOctet
				p.str("[P/A/", snmpClassIDs[class][id], "]")
			}
		case 2: // context
			switch id {
			case 0:
				e.typ = snmpBeNoSuchObject
			case 1:
				e.typ = snmpBeNoSuchInst
			case 2:
				e.typ = snmpBeEndOfMibView
			}
		default: // private
			p.str("[P/"+snmpClassName+"/", snmpClassIDs[class][id], "]")
			e.typ = snmpBeOctet
		}
	} else { // constructed
		switch class {
		case 0:
			if id == 16 {
				e.typ = snmpBeSeq
			} else {
				e.typ = snmpBeOctet
				p.str("C/U/", snmpClassIDs[class][id], "")
			}
		case 2:
			e.typ = snmpBePDU
		default:
			e.typ = snmpBeOctet
			p.str("C/"+snmpClassName+"/", snmpClassIDs[class][id], "")
		}
	}
	return int(e.asnlen) + hdr, true
}

func TestSNMPParseMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(16))
	tags := []byte{0x02, 0x04, 0x05, 0x06, 0x30, 0x40, 0x41, 0x43, 0x46, 0x47, 0x80, 0x81, 0x82, 0x83, 0xa0, 0xa2, 0xa5, 0xa9, 0xc0, 0xc1, 0x1f, 0x3f, 0x5f, 0x9f, 0xff, 0x23, 0x24}
	for i := 0; i < 100000; i++ {
		var data []byte
		for k := r.Intn(4); k >= 0; k-- {
			data = append(data, tags[r.Intn(len(tags))])
			switch r.Intn(5) {
			case 0:
				data = append(data, 0x80|byte(r.Intn(4)), byte(r.Intn(3)), byte(r.Intn(256)))
			case 1:
				data = append(data, byte(r.Intn(256)))
			default:
				data = append(data, byte(r.Intn(12)))
			}
			for j := r.Intn(10); j > 0; j-- {
				data = append(data, byte(r.Intn(256)))
			}
		}
		data = data[:r.Intn(len(data)+1)]
		off := r.Intn(len(data) + 2)
		n := uint32(r.Intn(len(data) + 4))
		if r.Intn(8) == 0 {
			n = r.Uint32()
		}
		fast := snmpPrinter{b: []byte("s"), data: data}
		slow := snmpPrinter{b: []byte("s"), data: data}
		var ef, es snmpElem
		cf, okf := fast.parse(off, n, &ef)
		cs, oks := slow.parseSlow(off, n, &es)
		if cf != cs || okf != oks || ef != es || fast.stop != slow.stop || !bytes.Equal(fast.b, slow.b) {
			t.Fatalf("%x off=%d n=%d: got %d %v %+v %q, want %d %v %+v %q", data, off, n, cf, okf, ef, fast.b, cs, oks, es, slow.b)
		}
	}
}
