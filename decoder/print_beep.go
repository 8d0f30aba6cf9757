package decoder

// BEEP (print-beep.c), TCP port 10288.

// beepStarts is l_strnstart: the first 4 captured bytes equal s (4 bytes,
// NUL included for the 3-letter keywords) and the payload has 4 bytes.
func beepStarts(data []byte, length int, s string) bool {
	return len(data) >= 4 && length >= 4 && string(data[:4]) == s
}

// printBEEP is beep_print, appended after ", length N" of the TCP line:
// " BEEP RPY", " BEEP (payload or undecoded)".
func printBEEP(b []byte, data []byte, length int) []byte {
	for _, k := range [...]struct{ s, out string }{
		{"MSG\x00", " BEEP MSG"}, {"RPY ", " BEEP RPY"}, {"ERR ", " BEEP ERR"},
		{"ANS ", " BEEP ANS"}, {"NUL ", " BEEP NUL"}, {"SEQ ", " BEEP SEQ"}, {"END\x00", " BEEP END"},
	} {
		if beepStarts(data, length, k.s) {
			return append(b, k.out...)
		}
	}
	return append(b, " BEEP (payload or undecoded)"...)
}
