package jsonout

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// needsEscape is what plainBlocks, plainWords and plainFrom look for.
func needsEscape(c byte) bool { return c < 0x20 || c == '"' || c == '\\' || c >= 0x7f }

// refPlainBlocks is plainBlocks byte by byte.
func refPlainBlocks(s []byte) int {
	n := 0
	for ; len(s)-n >= 16; n += 16 {
		for _, c := range s[n : n+16] {
			if needsEscape(c) {
				return n
			}
		}
	}
	return n
}

// plainBlocksAgrees checks plainBlocks, which may check no block at all
// (other architectures), and plainFrom against the byte-by-byte answer.
func plainBlocksAgrees(t *testing.T, s []byte) {
	t.Helper()
	if got, want := plainBlocks(s), refPlainBlocks(s); got != want && got != 0 {
		t.Fatalf("plainBlocks(%q) = %d, want %d", s, got, want)
	}
	want := !bytes.ContainsFunc(s, func(r rune) bool { return r >= 0x7f || r < 0x20 || r == '"' || r == '\\' })
	// plainFrom(s, i) is told that s[:i] is plain.
	for i := 0; i <= len(s); i++ {
		if got := plainFrom(s, i); got != want {
			t.Fatalf("plainFrom(%q, %d) = %v, want %v", s, i, got, want)
		}
		if i < len(s) && needsEscape(s[i]) {
			break
		}
	}
}

// TestPlainBlocks: plainBlocks and plainFrom agree with a byte-by-byte
// check, for every byte value in every position of strings of one to
// three 32-byte blocks and odd tails, among plain neighbours, and for
// random strings; with AVX2 (if the CPU has it) and without.
func TestPlainBlocks(t *testing.T) {
	avx2 := hasAVX2
	t.Cleanup(func() { hasAVX2 = avx2 })
	for _, useAVX2 := range []bool{avx2, false} {
		hasAVX2 = useAVX2
		for _, n := range []int{0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 80, 96, 100} {
			for pos := 0; pos < n; pos++ {
				for c := 0; c < 256; c++ {
					s := bytes.Repeat([]byte{"a ~!#[]}"[pos%8]}, n)
					s[pos] = byte(c)
					plainBlocksAgrees(t, s)
				}
			}
		}
		r := rand.New(rand.NewPCG(1, 2))
		for range 50000 {
			s := make([]byte, r.IntN(130))
			for i := range s {
				s[i] = byte(0x20 + r.IntN(0x5f))
				if r.IntN(200) == 0 {
					s[i] = byte(r.IntN(256))
				}
			}
			plainBlocksAgrees(t, s)
		}
	}
}

// TestPlainCopy: plainCopy reports whether no byte needs escaping, exactly,
// and when none does, has copied the string and written nothing past it;
// for every byte value in every position of strings of 32 to 100 bytes,
// and random strings, with AVX2 (if the CPU has it) and without.
func TestPlainCopy(t *testing.T) {
	avx2 := hasAVX2
	t.Cleanup(func() { hasAVX2 = avx2 })
	check := func(s []byte) {
		t.Helper()
		d := bytes.Repeat([]byte{0xee}, len(s)+40)
		want := !bytes.ContainsFunc(s, func(r rune) bool { return r >= 0x7f || r < 0x20 || r == '"' || r == '\\' })
		got := plainCopy(d[:len(s)+8], s)
		if got != want {
			t.Fatalf("plainCopy(%q) = %v, want %v", s, got, want)
		}
		if got && (!bytes.Equal(d[:len(s)], s) || !bytes.Equal(d[len(s):], bytes.Repeat([]byte{0xee}, 40))) {
			t.Fatalf("plainCopy(%q) wrote %q", s, d)
		}
	}
	for _, useAVX2 := range []bool{avx2, false} {
		hasAVX2 = useAVX2
		for _, n := range []int{32, 33, 40, 47, 48, 49, 63, 64, 65, 80, 96, 100} {
			for pos := 0; pos < n; pos++ {
				for c := 0; c < 256; c++ {
					s := bytes.Repeat([]byte{"a ~!#[]}"[pos%8]}, n)
					s[pos] = byte(c)
					check(s)
				}
			}
		}
		r := rand.New(rand.NewPCG(3, 4))
		for range 50000 {
			s := make([]byte, 32+r.IntN(200))
			for i := range s {
				s[i] = byte(0x20 + r.IntN(0x5f))
				if r.IntN(300) == 0 {
					s[i] = byte(r.IntN(256))
				}
			}
			check(s)
		}
	}
}
