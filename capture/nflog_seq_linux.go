//go:build linux

package capture

import (
	"encoding/binary"
	"time"
)

// nflogSeqs counts the records the kernel dropped, from the numbers it
// gives them (NFULNL_CFG_F_SEQ): each group's instance numbers its
// records from 0, one by one, in a 32-bit counter that wraps. ENOBUFS
// says only that the socket overflowed, and one lost datagram holds up to
// nflogBatchRecords records; the gap before the next number says how many.
// Records lost after the last one received are counted when the next one
// comes.
type nflogSeqs struct {
	groups   []nflogGroupSeq // at most 32: a linear search
	missing  uint64          // records the numbering skipped
	numbered bool            // a numbered record was seen
}

type nflogGroupSeq struct {
	group uint16
	next  uint32 // the number the next record should have
}

// nflogMaxAge bounds how far before its receipt a kernel timestamp may be
// and still be taken for the packet's time (a socket buffer of records
// held while the daemon was stopped); beyond that, or in the future, the
// timestamp is taken for another clock and the receipt time is used.
const nflogMaxAge = time.Hour

// nflogClock is the receipt time of a datagram and the range of kernel
// timestamps, in microseconds since 1970, taken for its packets' times.
type nflogClock struct {
	recvd  time.Time
	lo, hi int64
}

func newNFLOGClock(recvd time.Time) nflogClock {
	us := recvd.UnixMicro()
	return nflogClock{recvd: recvd, lo: us - nflogMaxAge.Microseconds(), hi: us + time.Second.Microseconds()}
}

// record reads rec's number (counting a gap as missing records) and
// timestamp, and returns rec without its NFULA_SEQ attribute, which
// libpcap's records do not have: the attribute is cut out by moving the
// shorter side of the record over it. The result shares rec's memory.
// *ts is set to the kernel's timestamp when there is a plausible one,
// else the datagram's receipt time. The kernel puts NFULA_TIMESTAMP before
// NFULA_SEQ: the attributes after the number are not looked at.
func (s *nflogSeqs) record(rec []byte, clk *nflogClock, ts *time.Time) []byte {
	*ts = clk.recvd
	if len(rec) < nfgenHdrLen {
		return rec
	}
	seqAt := -1
	for off := nfgenHdrLen; seqAt < 0 && off+4 <= len(rec); {
		l := int(binary.NativeEndian.Uint16(rec[off:]))
		if l < 4 || off+l > len(rec) {
			break // malformed: the decoder says so
		}
		switch binary.NativeEndian.Uint16(rec[off+2:]) & nlaTypeMask {
		case nfulaSeq:
			if l == 8 {
				seqAt = off
				s.count(binary.BigEndian.Uint16(rec[2:]), binary.BigEndian.Uint32(rec[off+4:]))
			}
		case nfulaTimestamp:
			if l == 20 {
				sec, usec := binary.BigEndian.Uint64(rec[off+4:]), binary.BigEndian.Uint64(rec[off+12:])
				if sec < 1<<40 && usec < 1e6 {
					if us := int64(sec)*1e6 + int64(usec); us >= clk.lo && us <= clk.hi {
						*ts = time.Unix(int64(sec), int64(usec)*1000)
					}
				}
			}
		}
		off += nlmsgAlign(l)
	}
	if seqAt < 0 {
		return rec
	}
	const n = 8 // the attribute, aligned
	if seqAt < len(rec)-seqAt-n {
		copy(rec[n:], rec[:seqAt])
		return rec[n:]
	}
	copy(rec[seqAt:], rec[seqAt+n:])
	return rec[: len(rec)-n : len(rec)-n]
}

// count takes note of record number seq of group g.
func (s *nflogSeqs) count(g uint16, seq uint32) {
	s.numbered = true
	for i := range s.groups {
		if gs := &s.groups[i]; gs.group == g {
			// A number behind the expected one (never sent so by the
			// kernel) is a new start, not 4 billion lost records.
			if d := seq - gs.next; d < 1<<31 {
				s.missing += uint64(d)
			}
			gs.next = seq + 1
			return
		}
	}
	// An instance numbers its records from 0 when it is bound, so the
	// first number seen counts the records lost before it (unless it is
	// past any plausible count).
	if seq < 1<<31 {
		s.missing += uint64(seq)
	}
	s.groups = append(s.groups, nflogGroupSeq{group: g, next: seq + 1})
}
