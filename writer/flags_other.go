//go:build !unix

package writer

const oNoFollow = 0
