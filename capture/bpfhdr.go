package capture

import (
	"encoding/binary"
	"fmt"
	"time"
)

// bpfLayout describes the struct bpf_hdr the kernel puts in front of every
// packet in a /dev/bpf read buffer, per OS and architecture (native byte
// order), and the kernel's BPF_WORDALIGN.
//
//	FreeBSD (sys/net/bpf.h): struct bpf_hdr { struct timeval bh_tstamp;
//	  bpf_u_int32 bh_caplen, bh_datalen; u_short bh_hdrlen; }
//	  BPF_ALIGNMENT sizeof(long). timeval is {time_t, long}: 8+8 bytes on
//	  amd64 and arm64 (4+4 on i386, armv7: time_t is 8 on armv7 but long 4).
//	  The default timestamp format (BPF_T_MICROTIME) gives this struct; we
//	  never set BIOCSTSTAMP, so struct bpf_xhdr does not occur.
//	OpenBSD (sys/net/bpf.h): struct bpf_hdr { struct bpf_timeval
//	  {u_int32_t tv_sec, tv_usec} bh_tstamp; u_int32_t bh_caplen,
//	  bh_datalen; u_int16_t bh_hdrlen; ... } BPF_ALIGNMENT
//	  sizeof(u_int32_t), on every architecture; newer kernels add fields
//	  after bh_hdrlen, which bh_hdrlen covers.
type bpfLayout struct {
	secOff, secSize   int // bh_tstamp.tv_sec
	usecOff, usecSize int // bh_tstamp.tv_usec
	capOff, lenOff    int // bh_caplen, bh_datalen (u_int32)
	hdrlenOff         int // bh_hdrlen (u_int16)
	align             int // BPF_ALIGNMENT
	order             binary.ByteOrder
}

var (
	layoutFreeBSD64 = bpfLayout{0, 8, 8, 8, 16, 20, 24, 8, binary.LittleEndian}
	layoutOpenBSD   = bpfLayout{0, 4, 4, 4, 8, 12, 16, 4, binary.LittleEndian}
)

// bpfLayoutFor returns the layout for goos/goarch, or false.
func bpfLayoutFor(goos, goarch string) (bpfLayout, bool) {
	switch {
	case goos == "freebsd" && (goarch == "amd64" || goarch == "arm64" || goarch == "riscv64"):
		return layoutFreeBSD64, true
	case goos == "openbsd" && (goarch == "amd64" || goarch == "arm64" || goarch == "386" || goarch == "arm" || goarch == "riscv64"):
		return layoutOpenBSD, true
	}
	return bpfLayout{}, false
}

func (l *bpfLayout) minHdr() int { return l.hdrlenOff + 2 }

func (l *bpfLayout) wordAlign(x int) int { return (x + l.align - 1) &^ (l.align - 1) }

func (l *bpfLayout) uint(b []byte, size int) uint64 {
	if size == 8 {
		return l.order.Uint64(b)
	}
	return uint64(l.order.Uint32(b))
}

// bpfRecord is one packet of a read buffer; data aliases the buffer.
type bpfRecord struct {
	ts      time.Time
	caplen  int
	datalen int
	data    []byte
}

// bpfIter walks the records of one read(2) of /dev/bpf without copying.
type bpfIter struct {
	l   *bpfLayout
	buf []byte
	off int
}

// next returns the next record; ok is false at the end of the buffer.
// A record that does not fit is an error: the rest of the buffer is
// dropped.
func (it *bpfIter) next() (rec bpfRecord, ok bool, err error) {
	l := it.l
	if it.off >= len(it.buf) {
		return rec, false, nil
	}
	b := it.buf[it.off:]
	if len(b) < l.minHdr() {
		it.off = len(it.buf)
		return rec, false, fmt.Errorf("bpf: %d bytes left, short of a header", len(b))
	}
	hdrlen := int(l.order.Uint16(b[l.hdrlenOff:]))
	caplen := int(l.order.Uint32(b[l.capOff:]))
	if hdrlen < l.minHdr() || hdrlen > len(b) || caplen > len(b)-hdrlen {
		it.off = len(it.buf)
		return rec, false, fmt.Errorf("bpf: bad record (hdrlen %d, caplen %d, %d bytes left)", hdrlen, caplen, len(b))
	}
	sec := int64(l.uint(b[l.secOff:], l.secSize))
	if l.secSize == 4 {
		sec = int64(uint32(sec)) // OpenBSD: u_int32_t
	}
	usec := int64(l.uint(b[l.usecOff:], l.usecSize))
	rec = bpfRecord{
		ts:      time.Unix(sec, usec*1000),
		caplen:  caplen,
		datalen: int(l.order.Uint32(b[l.lenOff:])),
		data:    b[hdrlen : hdrlen+caplen : hdrlen+caplen],
	}
	it.off += l.wordAlign(hdrlen + caplen)
	return rec, true, nil
}
