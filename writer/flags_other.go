//go:build !unix

package writer

import "os"

const (
	oNoFollow = 0
	oNonblock = 0
)

// linkCount is not known here: the file is taken to have its name.
func linkCount(os.FileInfo) (uint64, bool) { return 0, false }
