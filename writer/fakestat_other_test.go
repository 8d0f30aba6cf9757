//go:build !unix

package writer

func memStat(uint64) any { return nil }
