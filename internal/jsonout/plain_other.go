//go:build !amd64 || purego

package jsonout

// plainBlocks is plain_amd64.s's, elsewhere: plainWords does the work.
func plainBlocks(s []byte) int { return 0 }

// hasAVX2 is plain_amd64.go's, for the tests.
var hasAVX2 = false

// plainCopy is plain_amd64.s's: it copies s to the start of d and
// reports whether no byte of s needs escaping.
func plainCopy(d, s []byte) bool {
	copy(d, s)
	return plainFrom(s, 0)
}
