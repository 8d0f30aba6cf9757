//go:build amd64 && !purego

package jsonout

import "golang.org/x/sys/cpu"

// hasAVX2 has plainBlocks check 32 bytes at a time.
var hasAVX2 = cpu.X86.HasAVX2

// plainBlocks returns the length of the longest run of whole 16-byte
// blocks at the start of s in which no byte needs escaping: no control
// character, '"', '\\', DEL or byte >= 0x80 (plain_amd64.s: SSE2, and
// AVX2 when the CPU has it).
//
//go:noescape
func plainBlocks(s []byte) int

// plainCopy copies s to the start of d and reports whether no byte of s
// needs escaping; when one does, it stops, having written some of d. It
// needs 32 <= len(s) <= len(d) (plain_amd64.s).
//
//go:noescape
func plainCopy(d, s []byte) bool
