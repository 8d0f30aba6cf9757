//go:build !amd64

package jsonout

// plainBlocks is plain_amd64.s's, elsewhere: plainWords does the work.
func plainBlocks(s []byte) int { return 0 }

// hasAVX2 is plain_amd64.go's, for the tests.
var hasAVX2 = false
