package decoder

import (
	"encoding/binary"
	"math/bits"
)

// Shared logic of the line-oriented text protocols (tcpdump's
// txtproto_print, fetch_token and print_txt_line in util-print.c), at
// default verbosity and with 4.99.5's rule that a first line without a
// line ending is printed as is (no truncation marker).

// txtMaxToken is tcpdump's MAX_TOKEN: a token needs room for itself and a
// terminating NUL in a MAX_TOKEN+1 byte buffer.
const txtMaxToken = 128

// txtIsPrint is ND_ASCII_ISPRINT: 0x20-0x7e.
func txtIsPrint(c byte) bool { return c >= 0x20 && c <= 0x7e }

// txtFetchToken is fetch_token: it reads the token starting at idx,
// skips the spaces after it and returns the index after them and the
// token (a slice of data). next == 0 means no usable token (tcpdump
// cannot tell an error from an empty token either).
//
// fetch_token copies the token into a MAX_TOKEN+1 byte buffer and gives
// up on a byte of 0x80 or more, on an unprintable byte other than the
// separators (space, TAB, CR, LF), on a token that would not leave room
// for the NUL, and when the captured bytes end first; the token is the
// run of printable non-space bytes before the separator or length.
func txtFetchToken(data []byte, idx, length int) (next int, tok []byte) {
	start := idx
	lim := min(length, len(data))
	if idx >= lim {
		return 0, nil // an empty token, or past the captured data
	}
	idx += tokenRun(data[idx:lim])
	if idx-start > txtMaxToken || idx == start {
		return 0, nil
	}
	if idx < length {
		if idx >= len(data) {
			return 0, nil // ran past the end of the captured data
		}
		if c := data[idx]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return 0, nil
		}
	}
	tok = data[start:idx]
	// Only spaces are skipped: CR, LF, TAB (not printable) and the next
	// token's first byte all end the run.
	for idx < length && idx < len(data) && data[idx] == ' ' {
		idx++
	}
	return idx, tok
}

// txtTokenIs compares a token with a command name the way
// ascii_strcasecmp does (ASCII case folding only).
func txtTokenIs(tok []byte, cmd string) bool {
	if len(tok) != len(cmd) {
		return false
	}
	for i := 0; i < len(tok); i++ {
		a, c := tok[i], cmd[i]
		if a >= 'A' && a <= 'Z' {
			a += 'a' - 'A'
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if a != c {
			return false
		}
	}
	return true
}

// txtIsRespCode tells whether a token is exactly three ASCII digits.
func txtIsRespCode(tok []byte) bool {
	return len(tok) == 3 &&
		tok[0] >= '0' && tok[0] <= '9' &&
		tok[1] >= '0' && tok[1] <= '9' &&
		tok[2] >= '0' && tok[2] <= '9'
}

// txtFirstLine is print_txt_line(ndo, ": ", pptr, 0, len) at default
// verbosity: the first line, without its CR/LF, if it holds only
// printable ASCII and TAB. A CR not followed by LF, or any other byte,
// prints nothing. Running past the captured bytes while the line is still
// going is a truncation (" [|proto]"); reaching length without a line
// ending prints the line (4.99.5 behaviour).
func txtFirstLine(b []byte, data []byte, length int, lower string) []byte {
	lim := min(length, len(data))
	if lim < 0 {
		lim = 0
	}
	idx := 0
	for {
		idx += printableRun(data[idx:lim])
		if idx >= lim {
			if idx < length {
				return appendTrunc(b, lower) // ran past the captured bytes
			}
			break // reached length without a line ending
		}
		c := data[idx]
		if c == '\t' {
			idx++
			continue
		}
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
		}
		return b
	}
	b = append(b, ':', ' ')
	return append(b, data[:idx]...)
}

// txtCmdSet is a protocol's request names grouped by length, so that a
// token is compared only with the names as long as itself.
type txtCmdSet struct {
	byLen [24][]string
	// short holds the names of at most eight bytes as little-endian
	// words, case-folded (txtFold), by length.
	short [9][]uint64
}

// txtFold folds the ASCII capitals of the eight bytes of w to lowercase,
// as txtTokenIs does byte by byte: a byte gains 0x20 when it is at least
// 0x41, below 0x5b, and has no high bit.
func txtFold(w uint64) uint64 {
	const lo7, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	y := w & lo7
	upper := (y + 0x3f3f3f3f3f3f3f3f) &^ (y + 0x2525252525252525) &^ w & hi
	return w | upper>>2
}

// txtWord returns the first n <= 8 bytes of s as a little-endian word,
// the bytes above them zero.
func txtWord(s []byte, n int) uint64 {
	var w uint64
	if cap(s) >= 8 {
		w = binary.LittleEndian.Uint64(s[:8])
	} else {
		for i := n - 1; i >= 0; i-- {
			w = w<<8 | uint64(s[i])
		}
	}
	return w & (1<<(8*uint(n)&63) - 1 | -uint64(n>>3))
}

// has tells whether tok is one of the names, compared as txtTokenIs
// compares.
func (c *txtCmdSet) has(tok []byte) bool {
	if n := len(tok); n <= 8 {
		w := txtFold(txtWord(tok, n))
		for _, x := range c.short[n] {
			if w == x {
				return true
			}
		}
		return false
	}
	if len(tok) < len(c.byLen) {
		for _, cmd := range c.byLen[len(tok)] {
			if txtTokenIs(tok, cmd) {
				return true
			}
		}
	}
	return false
}

// newTxtCmdSet builds the set once, at init.
func newTxtCmdSet(cmds ...string) *txtCmdSet {
	var c txtCmdSet
	for _, cmd := range cmds {
		if len(cmd) >= len(c.byLen) {
			panic("decoder: text protocol command name too long: " + cmd)
		}
		c.byLen[len(cmd)] = append(c.byLen[len(cmd)], cmd)
		if len(cmd) <= 8 {
			c.short[len(cmd)] = append(c.short[len(cmd)], txtFold(txtWord([]byte(cmd), len(cmd))))
		}
	}
	return &c
}

// txtprotoPrint is txtproto_print at default verbosity. upper is the
// protocol name as printed ("HTTP"), lower its truncation name ("http").
// cmds lists the request names (nil for protocols whose every first line
// is printed); respSecond is RESP_CODE_SECOND_TOKEN (the 3-digit status
// is the second token of the line).
func txtprotoPrint(b []byte, data []byte, length int, upper, lower string, cmds *txtCmdSet, respSecond bool) []byte {
	printThis := cmds == nil
	if cmds != nil {
		idx, tok := txtFetchToken(data, 0, length)
		if idx != 0 {
			printThis = cmds.has(tok)
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

// appendEscRun appends s escaped as nd_printn does, copying each run of
// printable ASCII (which needs no escape) in one piece.
func appendEscRun(b []byte, s []byte) []byte {
	start := 0
	for i, c := range s {
		if c >= 0x20 && c < 0x7f {
			continue
		}
		if start < i {
			b = append(b, s[start:i]...)
		}
		b = appendEscChar(b, c)
		start = i + 1
	}
	if start < len(s) {
		b = append(b, s[start:]...)
	}
	return b
}

// printableRun returns the length of the leading run of s that holds
// only printable ASCII (0x20-0x7e), looking at eight bytes at a time.
func printableRun(s []byte) int {
	return asciiRun(s, 0x6060606060606060)
}

// tokenRun returns the length of the leading run of s that holds only
// printable ASCII other than space (0x21-0x7e).
func tokenRun(s []byte) int {
	return asciiRun(s, 0x5f5f5f5f5f5f5f5f)
}

// asciiRun returns the length of the leading run of s whose bytes lie in
// lo..0x7e, where add holds 0x80-lo in every byte. Per byte, without
// carries between bytes: y is the low seven bits; y+(0x80-lo) has bit 7
// clear when y < lo, y+1 has it set when y == 0x7f; bit 7 of w itself
// marks a byte of 0x80 or more. A tail shorter than eight bytes is
// checked as the last eight bytes of s, with the bytes already checked
// shifted out.
func asciiRun(s []byte, add uint64) int {
	const lo7, hi, one = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080, 0x0101010101010101
	if len(s) < 8 {
		lo := byte(0x80 - add&0xff)
		for n, c := range s {
			if c < lo || c >= 0x7f {
				return n
			}
		}
		return len(s)
	}
	t := s
	for len(t) >= 8 {
		w := binary.LittleEndian.Uint64(t)
		y := w & lo7
		if bad := (w | ^(y + add) | (y + one)) & hi; bad != 0 {
			return len(s) - len(t) + bits.TrailingZeros64(bad)>>3
		}
		t = t[8:]
	}
	if len(t) == 0 {
		return len(s)
	}
	w := binary.LittleEndian.Uint64(s[len(s)-8:])
	y := w & lo7
	bad := (w | ^(y + add) | (y + one)) & hi
	bad >>= 8 * (8 - uint(len(t)))
	if bad != 0 {
		return len(s) - len(t) + bits.TrailingZeros64(bad)>>3
	}
	return len(s)
}

// allPrintable reports whether every byte of s is printable ASCII
// (0x20-0x7e), as printableRun(s) == len(s) would, but without stopping
// at the first bad word: the words' bad bits are gathered and tested once.
func allPrintable(s []byte) bool {
	const lo7, hi, one, add = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080, 0x0101010101010101, 0x6060606060606060
	if len(s) < 8 {
		for _, c := range s {
			if c < 0x20 || c >= 0x7f {
				return false
			}
		}
		return true
	}
	var bad uint64
	t := s
	for len(t) >= 8 {
		w := binary.LittleEndian.Uint64(t)
		y := w & lo7
		bad |= w | ^(y + add) | (y + one)
		t = t[8:]
	}
	// The last word again, overlapping what was checked (harmless).
	w := binary.LittleEndian.Uint64(s[len(s)-8:])
	y := w & lo7
	bad |= w | ^(y + add) | (y + one)
	return bad&hi == 0
}
