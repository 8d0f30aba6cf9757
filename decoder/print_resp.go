package decoder

import "bytes"

// RESP, the REdis Serialization Protocol (tcpdump's print-resp.c): every
// element is printed as ` "text"` (escaped like nd_printn), or as
// " empty", " null", " length too large", " length negative and not -1"
// or " invalid". Anything that runs past the TCP length or the captured
// bytes ends the text with " [|resp]".

// respState walks the payload; length checks use the TCP length, byte
// reads the captured data.
type respState struct {
	data []byte
}

func (r *respState) have(i int) bool { return i >= 0 && i < len(r.data) }

// segment appends ` "..."` for data[from:from+n] (already known captured).
func (r *respState) segment(b []byte, from, n int) []byte {
	b = append(b, ' ', '"')
	b = appendEscRun(b, r.data[from:from+n])
	return append(b, '"')
}

// findCRLF is FIND_CRLF: advance p until data[p:p+2] is CR LF.
func (r *respState) findCRLF(p, lenCur int) (int, int, bool) {
	// CR LF must lie within both the length left and the capture.
	end := min(p+lenCur, len(r.data))
	if p < 0 || end-p < 2 {
		return p, lenCur, false
	}
	if r.data[p] == '\r' && r.data[p+1] == '\n' {
		return p, lenCur, true // where a bulk string's CR LF is
	}
	for q := p; end-q >= 2; {
		i := bytes.IndexByte(r.data[q:end-1], '\r')
		if i < 0 {
			break
		}
		q += i
		if r.data[q+1] == '\n' {
			return q, lenCur - (q - p), true
		}
		q++
	}
	return p, lenCur, false // where it stopped does not matter
}

// parse is resp_parse: it returns the bytes used, or ok false for a
// truncation.
func (r *respState) parse(b []byte, p, length int) (_ []byte, n int, ok bool) {
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

func (r *respState) stringErrorInteger(b []byte, p, length int) ([]byte, int, bool) {
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
func (r *respState) getLength(p, length int) (val, end int) {
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

// appendRespBad appends the text for a negative length other than -2.
func appendRespBad(b []byte, v int) []byte {
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

func (r *respState) bulkString(b []byte, p, length int) ([]byte, int, bool) {
	lenCur := length - 1
	p++
	slen, end := r.getLength(p, lenCur)
	lenCur -= end - p
	p = end
	if slen == -2 {
		return b, 0, false
	}
	if slen < 0 {
		return appendRespBad(b, slen), length - lenCur, true
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

func (r *respState) bulkArray(b []byte, p, length int) ([]byte, int, bool) {
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
		return appendRespBad(b, alen), length - lenCur, true
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
func (r *respState) consumeCRLFs(p, lenCur int) (int, int, bool) {
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

func (r *respState) inline(b []byte, p, length int) ([]byte, int, bool) {
	lenCur := length
	p, lenCur, ok := r.consumeCRLFs(p, lenCur)
	if !ok {
		return b, 0, false
	}
	// The line runs to the first CR or LF within the length left and
	// the capture; none there is a truncation.
	if p < 0 {
		return b, 0, false
	}
	s := r.data[min(p, len(r.data)):min(p+max(lenCur, 0), len(r.data))]
	i := bytes.IndexByte(s, '\n')
	if i < 0 {
		i = len(s)
	}
	if j := bytes.IndexByte(s[:i], '\r'); j >= 0 {
		i = j
	}
	if i == len(s) {
		return b, 0, false
	}
	q := p + i
	lenCur -= i
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
func printRESP(b []byte, data []byte, length int) []byte {
	if length <= 0 {
		return b
	}
	b = append(b, ": RESP"...)
	r := respState{data: data}
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
