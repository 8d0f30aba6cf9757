//go:build unix

package writer

import "syscall"

// memStat is what memInfo.Sys returns: a stat with the link count (0 or 1;
// the type of Nlink differs between systems).
func memStat(nlink uint64) any {
	st := &syscall.Stat_t{}
	if nlink > 0 {
		st.Nlink++
	}
	return st
}
