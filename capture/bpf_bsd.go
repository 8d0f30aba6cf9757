//go:build !cgo && (freebsd || openbsd)

package capture

// Live capture through /dev/bpf, without libpcap. The ioctls go through
// golang.org/x/sys/unix's exported helpers, which on OpenBSD call libc
// (OpenBSD refuses raw syscall(2) from Go binaries): a request that copies
// a struct in is given the struct's bytes (IoctlSetString passes a pointer
// to a copy), a u_int or struct bpf_stat out is read through IoctlGetInt
// (an 8-byte int on the 64-bit little-endian targets we support).

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"unsafe"

	"github.com/gopacket/gopacket"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

type bpfSource struct {
	fd     int
	layout bpfLayout
	buf    []byte
	it     bpfIter
}

// openBPF opens the cloning /dev/bpf, or the first free /dev/bpfN (older
// OpenBSD, FreeBSD without the cloning device).
func openBPF() (int, error) {
	fd, err := unix.Open("/dev/bpf", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err == nil {
		return fd, nil
	}
	if !errors.Is(err, unix.ENOENT) {
		return -1, fmt.Errorf("/dev/bpf: %w", err)
	}
	first := err
	for i := 0; i < 256; i++ {
		dev := "/dev/bpf" + strconv.Itoa(i)
		fd, err := unix.Open(dev, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		switch {
		case err == nil:
			return fd, nil
		case errors.Is(err, unix.EBUSY):
			continue
		case errors.Is(err, unix.ENOENT):
			return -1, fmt.Errorf("/dev/bpf: %v; no free /dev/bpfN", first)
		default:
			return -1, fmt.Errorf("%s: %w", dev, err)
		}
	}
	return -1, fmt.Errorf("/dev/bpf: %v; no free /dev/bpfN", first)
}

// ioctlIn passes b as the struct a write-direction request copies in.
func ioctlIn(fd int, req uint, b []byte) error {
	return unix.IoctlSetString(fd, req, string(b))
}

// OpenLive opens cfg.Interface through /dev/bpf: buffer size, interface,
// link type (must be PFLOG), immediate mode, read timeout, then the
// filter compiled by the pure-Go compiler.
func OpenLive(cfg Config) (*Handle, error) {
	cfg.defaults()
	layout, ok := bpfLayoutFor(runtime.GOOS, runtime.GOARCH)
	if !ok || unsafe.Sizeof(uintptr(0)) != 8 {
		return nil, &permanentError{fmt.Errorf("no /dev/bpf support for %s/%s in this build", runtime.GOOS, runtime.GOARCH)}
	}
	if len(cfg.Interface) >= unix.IFNAMSIZ {
		return nil, &permanentError{fmt.Errorf("%s: interface name too long", cfg.Interface)}
	}
	// Compile first: a bad expression is not worth opening anything.
	prog, err := CompileFilterPure(LinkTypePFLOG, cfg.SnapLen, cfg.Filter)
	if err != nil {
		return nil, &FilterError{Expr: cfg.Filter, Err: err}
	}
	raw, err := bpf.Assemble(prog)
	if err != nil {
		return nil, &FilterError{Expr: cfg.Filter, Err: err}
	}
	fd, err := openBPF()
	if err != nil {
		return nil, err
	}
	fail := func(what string, err error) (*Handle, error) {
		unix.Close(fd)
		return nil, fmt.Errorf("%s: %s: %w", cfg.Interface, what, err)
	}
	if err := unix.IoctlSetPointerInt(fd, unix.BIOCSBLEN, cfg.BufferSize); err != nil {
		return fail("BIOCSBLEN", err)
	}
	blen, err := unix.IoctlGetInt(fd, unix.BIOCGBLEN) // the kernel clamps to its maximum
	if err != nil {
		return fail("BIOCGBLEN", err)
	}
	blen = int(uint32(blen))
	var ifr [32]byte // struct ifreq: ifr_name[IFNAMSIZ] and a 16-byte union
	copy(ifr[:], cfg.Interface)
	if err := ioctlIn(fd, unix.BIOCSETIF, ifr[:]); err != nil {
		return fail("BIOCSETIF", err) // ENXIO: no such interface (yet)
	}
	dlt, err := unix.IoctlGetInt(fd, unix.BIOCGDLT)
	if err != nil {
		return fail("BIOCGDLT", err)
	}
	if dlt = int(uint32(dlt)); dlt != LinkTypePFLOG {
		unix.Close(fd)
		return nil, &permanentError{fmt.Errorf("%s: link type %d is not PFLOG (117): the build without cgo reads only pflog interfaces", cfg.Interface, dlt)}
	}
	if err := unix.IoctlSetPointerInt(fd, unix.BIOCIMMEDIATE, 1); err != nil {
		return fail("BIOCIMMEDIATE", err)
	}
	tv := unix.NsecToTimeval(cfg.ReadTimeout.Nanoseconds())
	var tvb [16]byte // struct timeval {time_t; long} on 64-bit FreeBSD and OpenBSD
	binary.LittleEndian.PutUint64(tvb[0:], uint64(tv.Sec))
	binary.LittleEndian.PutUint64(tvb[8:], uint64(tv.Usec))
	if err := ioctlIn(fd, unix.BIOCSRTIMEOUT, tvb[:]); err != nil {
		return fail("BIOCSRTIMEOUT", err)
	}
	insns := make([]unix.BpfInsn, len(raw))
	for i, r := range raw {
		insns[i] = unix.BpfInsn{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
	}
	var progb [16]byte // struct bpf_program {u_int bf_len; struct bpf_insn *bf_insns}
	binary.LittleEndian.PutUint32(progb[0:], uint32(len(insns)))
	binary.LittleEndian.PutUint64(progb[8:], uint64(uintptr(unsafe.Pointer(&insns[0]))))
	err = ioctlIn(fd, unix.BIOCSETF, progb[:])
	runtime.KeepAlive(insns)
	if err != nil {
		unix.Close(fd)
		return nil, &FilterError{Expr: cfg.Filter, Err: fmt.Errorf("BIOCSETF: %w", err)}
	}
	s := &bpfSource{fd: fd, layout: layout, buf: make([]byte, blen)}
	s.it = bpfIter{l: &s.layout}
	return &Handle{src: s, linkType: dlt}, nil
}

func (s *bpfSource) read() ([]byte, gopacket.CaptureInfo, error) {
	for {
		rec, ok, _ := s.it.next() // a bad record drops the rest of the buffer
		if ok {
			return rec.data, gopacket.CaptureInfo{
				Timestamp:     rec.ts,
				CaptureLength: rec.caplen,
				Length:        rec.datalen,
			}, nil
		}
		n, err := unix.Read(s.fd, s.buf)
		switch {
		case err == nil && n == 0:
			return nil, gopacket.CaptureInfo{}, ErrTimeout
		case err == nil:
			s.it.buf, s.it.off = s.buf[:n], 0
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.EAGAIN):
			return nil, gopacket.CaptureInfo{}, ErrTimeout
		default:
			// ENXIO or EIO: the interface went away; Run reopens.
			return nil, gopacket.CaptureInfo{}, os.NewSyscallError("read /dev/bpf", err)
		}
	}
}

func (s *bpfSource) readInto(ci *gopacket.CaptureInfo) ([]byte, error) {
	data, c, err := s.read()
	*ci = c
	return data, err
}

func (s *bpfSource) buffered() bool { return s.it.off < len(s.it.buf) }

func (s *bpfSource) stats() (Stats, error) {
	v, err := unix.IoctlGetInt(s.fd, unix.BIOCGSTATS) // struct bpf_stat {u_int recv, drop}
	if err != nil {
		return Stats{}, err
	}
	u := uint64(v)
	return Stats{Received: u & 0xffffffff, Dropped: u >> 32}, nil
}

func (s *bpfSource) close() { unix.Close(s.fd) }
