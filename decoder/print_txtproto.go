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

// txtFetchToken is fetch_token: it reads the token starting at idx into
// tok, skips the spaces after it and returns the index after them and the
// token length. next == 0 means no usable token (tcpdump cannot tell an
// error from an empty token either).
func txtFetchToken(data []byte, idx, length int, tok *[txtMaxToken + 1]byte) (next, toklen int) {
	for ; idx < length; idx++ {
		if idx >= len(data) {
			return 0, 0 // ran past the end of the captured data
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
		// Only spaces are skipped: CR, LF, TAB (not printable) and
		// the next token's first byte all end the run.
		if data[idx] != ' ' {
			break
		}
	}
	return idx, toklen
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

// txtprotoPrint is txtproto_print at default verbosity. upper is the
// protocol name as printed ("HTTP"), lower its truncation name ("http").
// cmds lists the request names (nil for protocols whose every first line
// is printed); respSecond is RESP_CODE_SECOND_TOKEN (the 3-digit status
// is the second token of the line).
func txtprotoPrint(b []byte, data []byte, length int, upper, lower string, cmds []string, respSecond bool) []byte {
	printThis := cmds == nil
	if cmds != nil {
		var tok [txtMaxToken + 1]byte
		idx, n := txtFetchToken(data, 0, length, &tok)
		if idx != 0 {
			for _, cmd := range cmds {
				if txtTokenIs(tok[:n], cmd) {
					printThis = true
					break
				}
			}
			if respSecond {
				idx, n = txtFetchToken(data, idx, length, &tok)
			}
			if idx != 0 && txtIsRespCode(tok[:n]) {
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
	for len(s) > 0 {
		n := 0
		for n < len(s) && s[n] >= 0x20 && s[n] < 0x7f {
			n++
		}
		b = append(b, s[:n]...)
		if n == len(s) {
			return b
		}
		b = appendEscChar(b, s[n])
		s = s[n+1:]
	}
	return b
}

// printableRun returns the length of the leading run of s that holds
// only printable ASCII (0x20-0x7e), looking at eight bytes at a time.
func printableRun(s []byte) int {
	const lo7, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	n := 0
	for ; n+8 <= len(s); n += 8 {
		w := binary.LittleEndian.Uint64(s[n:])
		// Per byte, without carries between bytes: y is the low seven
		// bits; y+0x60 has bit 7 clear when y < 0x20, y+1 has it set
		// when y == 0x7f; bit 7 of w itself marks a high byte.
		y := w & lo7
		if bad := (w | ^(y + 0x6060606060606060) | (y + 0x0101010101010101)) & hi; bad != 0 {
			return n + bits.TrailingZeros64(bad)>>3
		}
	}
	for n < len(s) && s[n] >= 0x20 && s[n] < 0x7f {
		n++
	}
	return n
}
