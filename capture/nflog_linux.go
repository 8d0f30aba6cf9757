//go:build linux

package capture

// A native reader for Linux's NFLOG (nflog:N), used instead of libpcap's
// netfilter reader. It hands the daemon the same records libpcap does (link
// type NFLOG: the netlink message after its 16-byte header, that is the
// nfgenmsg and the NFULA attributes; the filter run on those bytes;
// received counted the same way), but it waits for the socket in Go's
// network poller: libpcap reports an empty non-blocking netlink socket as
// an error, which left the capture polling every 10 ms, with a cgo call
// and a sleep each time. It also sets the socket's receive buffer with
// SO_RCVBUFFORCE when it may, so that --buffer-size is honoured beyond
// net.core.rmem_max. Unlike libpcap, it asks the kernel to number the
// records, to count those the kernel dropped (nflog_seq_linux.go; the
// number is taken out of the record), and it stamps a record with the
// kernel's time stamp of the packet rather than the time it was read.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/gopacket/gopacket"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// Netlink and nfnetlink_log constants (linux/netlink.h, nfnetlink.h,
// nfnetlink_log.h).
const (
	nlmsgHdrLen   = 16
	nfgenHdrLen   = 4
	nlmsgError    = 2
	nlmFRequest   = 0x1
	nlmFAck       = 0x4
	nfnlSubsysLog = 4
	nfulnlMsgPkt  = 0
	nfulnlMsgCfg  = 1

	nfulaCfgCmd      = 1
	nfulaCfgMode     = 2
	nfulaCfgNlbufsiz = 3
	nfulaCfgTimeout  = 4
	nfulaCfgQthresh  = 5
	nfulaCfgFlags    = 6

	nfulnlCfgFSeq = 0x0001 // number the records of the instance: NFULA_SEQ

	// Attributes of a packet record (enum nfulnl_attr_type).
	nfulaTimestamp = 3  // struct nfulnl_msg_packet_timestamp: be64 sec, be64 usec
	nfulaSeq       = 12 // be32, the instance's record number
	nlaTypeMask    = 0x3fff

	nfulnlCfgCmdBind     = 1
	nfulnlCfgCmdPFBind   = 3
	nfulnlCfgCmdPFUnbind = 4
	nfulnlCopyPacket     = 2
)

// The batching asked of the kernel for each group. The kernel allocates
// a batch's buffer rounded up to a power of two with room for its own
// bookkeeping, so 128 KiB (its largest) makes datagrams of up to 256 KiB:
// some 1,500 records of a flood of small packets, one wake-up of the
// daemon where 64 KiB took two.
const (
	nflogBatchBytes   = 128 << 10
	nflogBatchRecords = 2048
	nflogFlushCentis  = 10 // 100 ms
	nflogDatagramMax  = 2 * nflogBatchBytes
)

func be32bytes(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// isNFLOG tells whether name is a netfilter log device: nflog or nflog:N
// with a list of groups, as libpcap names them.
func isNFLOG(name string) bool {
	return name == "nflog" || strings.HasPrefix(name, "nflog:")
}

// nflogGroups parses "nflog" (group 0) or "nflog:N[,N...]" (at most 32
// groups of 0 to 65535).
func nflogGroups(name string) ([]uint16, error) {
	rest, ok := strings.CutPrefix(name, "nflog")
	if !ok {
		return nil, fmt.Errorf("%q is not an nflog device", name)
	}
	if rest == "" {
		return []uint16{0}, nil
	}
	list, ok := strings.CutPrefix(rest, ":")
	if !ok || list == "" {
		return nil, fmt.Errorf("%q: want nflog or nflog:GROUP[,GROUP...]", name)
	}
	var groups []uint16
	for _, f := range strings.Split(list, ",") {
		n, err := strconv.ParseUint(f, 0, 16)
		if err != nil {
			return nil, fmt.Errorf("%q: group %q is not a number from 0 to 65535", name, f)
		}
		groups = append(groups, uint16(n))
	}
	if len(groups) > 32 {
		return nil, fmt.Errorf("%q: at most 32 netfilter groups", name)
	}
	return groups, nil
}

// nflogReader is an open NFLOG netlink socket.
type nflogReader struct {
	f       *os.File // the socket, in Go's poller
	rc      syscall.RawConn
	buf     []byte     // one netlink datagram
	pending []byte     // the messages of buf not yet returned
	clock   nflogClock // when buf was received
	vm      *bpf.VM    // nil: no filter
	timeout time.Duration
	seq     uint32
	seqs    nflogSeqs
	records uint64 // records returned (passed the filter), as libpcap's ps_recv
	nobufs  uint64 // ENOBUFS from recv: the kernel dropped one or more messages
}

// openNFLOG opens cfg.Interface (nflog:N) and binds it to its groups,
// copying up to cfg.SnapLen bytes of each packet. filter compiles
// cfg.Filter, when there is one, for link type NFLOG.
func openNFLOG(cfg Config, filter func(expr string, snapLen int) (*bpf.VM, error)) (*nflogReader, error) {
	groups, err := nflogGroups(cfg.Interface)
	if err != nil {
		return nil, &permanentError{err}
	}
	var vm *bpf.VM
	if cfg.Filter != "" {
		if vm, err = filter(cfg.Filter, cfg.SnapLen); err != nil {
			return nil, &FilterError{Expr: cfg.Filter, Err: err}
		}
	}
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, unix.NETLINK_NETFILTER)
	if err != nil {
		return nil, fmt.Errorf("%s: netlink socket: %w", cfg.Interface, err)
	}
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("%s: netlink bind: %w", cfg.Interface, err)
	}
	// The receive buffer: forced when the process may (CAP_NET_ADMIN),
	// else as large as net.core.rmem_max allows.
	if cfg.BufferSize > 0 {
		if unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, cfg.BufferSize) != nil {
			if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, cfg.BufferSize); err != nil {
				unix.Close(fd)
				return nil, fmt.Errorf("%s: SO_RCVBUF: %w", cfg.Interface, err)
			}
		}
	}
	f := os.NewFile(uintptr(fd), cfg.Interface)
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", cfg.Interface, err)
	}
	r := &nflogReader{
		f:       f,
		rc:      rc,
		buf:     make([]byte, max(cfg.SnapLen, nflogDatagramMax)+64<<10), // a batch, or a record of SnapLen bytes and its headers
		vm:      vm,
		timeout: cfg.ReadTimeout,
		seq:     uint32(time.Now().Unix()),
	}
	steps := []nflogStep{
		// Older kernels want the IPv4 logger bound to nfnetlink_log;
		// newer ones ignore both commands.
		{"NFULNL_CFG_CMD_PF_UNBIND", unix.AF_INET, 0, nfulaCfgCmd, []byte{nfulnlCfgCmdPFUnbind}},
		{"NFULNL_CFG_CMD_PF_BIND", unix.AF_INET, 0, nfulaCfgCmd, []byte{nfulnlCfgCmdPFBind}},
	}
	for _, g := range groups {
		mode := make([]byte, 6) // copy_range (be32), copy_mode, padding
		binary.BigEndian.PutUint32(mode, uint32(cfg.SnapLen))
		mode[4] = nfulnlCopyPacket
		steps = append(steps,
			nflogStep{"binding group " + strconv.Itoa(int(g)), unix.AF_UNSPEC, g, nfulaCfgCmd, []byte{nfulnlCfgCmdBind}},
			nflogStep{"NFULNL_COPY_PACKET for group " + strconv.Itoa(int(g)), unix.AF_UNSPEC, g, nfulaCfgMode, mode},
			// Batching: the kernel sends a group's messages when its
			// buffer (4 KiB by default: some 20 records) is full, when
			// the queue reaches the threshold, or after the timeout (1s
			// by default). Larger batches mean one wake-up for hundreds
			// of records in a flood; a shorter timeout, lines sooner
			// when the traffic is light.
			nflogStep{"NFULA_CFG_NLBUFSIZ", unix.AF_UNSPEC, g, nfulaCfgNlbufsiz, be32bytes(nflogBatchBytes)},
			nflogStep{"NFULA_CFG_QTHRESH", unix.AF_UNSPEC, g, nfulaCfgQthresh, be32bytes(nflogBatchRecords)},
			nflogStep{"NFULA_CFG_TIMEOUT", unix.AF_UNSPEC, g, nfulaCfgTimeout, be32bytes(nflogFlushCentis)},
			// Numbered records: a gap in the numbers is records the
			// kernel dropped (nflogSeqs), counted in records where
			// ENOBUFS says only that something was lost.
			nflogStep{"NFULA_CFG_FLAGS", unix.AF_UNSPEC, g, nfulaCfgFlags, binary.BigEndian.AppendUint16(nil, nfulnlCfgFSeq)})
	}
	for i, s := range steps {
		if err := r.config(s.family, s.group, s.attr, s.value); err != nil {
			r.f.Close()
			return nil, fmt.Errorf("%s: %s: %w", cfg.Interface, s.what, nflogConfigHint(err, i == 0))
		}
	}
	return r, nil
}

// nflogConfigHint adds to a configuration request's error what it means.
// nfnetlink refuses every request of a process without CAP_NET_ADMIN
// with EPERM, so the first one fails; a group another socket is bound to
// fails later, at its bind, with EPERM on current kernels and EBUSY on
// older ones.
func nflogConfigHint(err error, first bool) error {
	switch {
	case first && errors.Is(err, unix.EPERM):
		return fmt.Errorf("%w (reading NFLOG needs root or CAP_NET_ADMIN)", err)
	case errors.Is(err, unix.EBUSY), errors.Is(err, unix.EPERM):
		return fmt.Errorf("%w (another process, such as tcpdump or ulogd, reads this group)", err)
	}
	return err
}

// nflogStep is one configuration request of openNFLOG.
type nflogStep struct {
	what   string
	family uint8
	group  uint16
	attr   uint16
	value  []byte
}

// config sends one NFULNL_MSG_CONFIG message with a single attribute and
// waits for the kernel's acknowledgement.
func (r *nflogReader) config(family uint8, group, attr uint16, value []byte) error {
	r.seq++
	msg := appendConfigMsg(nil, r.seq, family, group, attr, value)
	var serr error
	if err := r.rc.Write(func(fd uintptr) bool {
		serr = unix.Sendto(int(fd), msg, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK})
		return serr != unix.EAGAIN
	}); err != nil {
		return err
	}
	if serr != nil {
		return serr
	}
	deadline := time.Now().Add(5 * time.Second)
	r.f.SetReadDeadline(deadline)
	defer r.f.SetReadDeadline(time.Time{})
	for {
		n, err := r.recv()
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return errors.New("no answer from the kernel within 5s")
			}
			return err
		}
		// Packets that arrive before the answer are passed over, as
		// libpcap does.
		for b := r.buf[:n]; len(b) >= nlmsgHdrLen; {
			var msg []byte
			if msg, b, err = nextNlmsg(b); err != nil {
				break
			}
			typ, seq := binary.NativeEndian.Uint16(msg[4:]), binary.NativeEndian.Uint32(msg[8:])
			if typ == nlmsgError && seq == r.seq && len(msg) >= nlmsgHdrLen+4 {
				if e := int32(binary.NativeEndian.Uint32(msg[nlmsgHdrLen:])); e != 0 {
					return unix.Errno(-e)
				}
				return nil
			}
		}
	}
}

// appendConfigMsg appends an nfnetlink_log configuration request with
// one attribute, asking for an acknowledgement.
func appendConfigMsg(b []byte, seq uint32, family uint8, group, attr uint16, value []byte) []byte {
	attrLen := 4 + len(value)
	total := nlmsgHdrLen + nfgenHdrLen + nlmsgAlign(attrLen)
	b = binary.NativeEndian.AppendUint32(b, uint32(total))
	b = binary.NativeEndian.AppendUint16(b, nfnlSubsysLog<<8|nfulnlMsgCfg)
	b = binary.NativeEndian.AppendUint16(b, nlmFRequest|nlmFAck)
	b = binary.NativeEndian.AppendUint32(b, seq)
	b = binary.NativeEndian.AppendUint32(b, 0) // to the kernel
	b = append(b, family, 0)                   // nfgenmsg: family, NFNETLINK_V0
	b = binary.BigEndian.AppendUint16(b, group)
	b = binary.NativeEndian.AppendUint16(b, uint16(attrLen))
	b = binary.NativeEndian.AppendUint16(b, attr)
	b = append(b, value...)
	for len(b) < total {
		b = append(b, 0)
	}
	return b
}

func nlmsgAlign(n int) int { return (n + 3) &^ 3 }

// recv reads one datagram into r.buf, waiting in the poller; ENOBUFS (the
// kernel dropped messages for a full socket buffer) is counted and the
// read goes on, as libpcap does.
func (r *nflogReader) recv() (int, error) {
	for {
		var n int
		var rerr error
		err := r.rc.Read(func(fd uintptr) bool {
			n, rerr = recvNonblock(int(fd), r.buf)
			return rerr != unix.EAGAIN
		})
		if err != nil {
			return 0, err
		}
		switch rerr {
		case nil:
			return n, nil
		case unix.EINTR:
			continue
		case unix.ENOBUFS:
			r.nobufs++
			continue
		}
		return 0, fmt.Errorf("netlink recv: %w", rerr)
	}
}

// read returns the next NFLOG record; ErrTimeout when none came within
// the read timeout. The record is what libpcap returns for it: the
// NFULA_SEQ attribute this reader asked for is taken out (nflogSeqs.record).
// Its time is the kernel's NFULA_TIMESTAMP when it sent one, else the
// time the datagram was received (libpcap's gettimeofday per record: the
// records of one datagram are received together).
func (r *nflogReader) read() ([]byte, gopacket.CaptureInfo, error) {
	var ci gopacket.CaptureInfo
	data, err := r.readInto(&ci)
	return data, ci, err
}

// readInto is read filling the time and lengths of *ci, whose other
// fields it leaves alone: the capture loop keeps one CaptureInfo, rather
// than copying one out per record.
func (r *nflogReader) readInto(ci *gopacket.CaptureInfo) ([]byte, error) {
	for {
		for len(r.pending) >= nlmsgHdrLen {
			msg, rest, err := nextNFLOGRecord(r.pending)
			r.pending = rest
			if err != nil {
				r.pending = nil
				return nil, err
			}
			if msg == nil {
				continue
			}
			msg = r.seqs.record(msg, &r.clock, &ci.Timestamp)
			if r.vm != nil {
				if n, err := r.vm.Run(msg); err != nil || n == 0 {
					continue
				}
			}
			r.records++
			ci.CaptureLength, ci.Length = len(msg), len(msg)
			return msg, nil
		}
		if r.timeout > 0 {
			r.f.SetReadDeadline(time.Now().Add(r.timeout))
		}
		n, err := r.recv()
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return nil, ErrTimeout
			}
			return nil, err
		}
		r.pending, r.clock = r.buf[:n], newNFLOGClock(time.Now())
	}
}

// buffered tells whether messages of the last datagram are left to read.
func (r *nflogReader) buffered() bool { return len(r.pending) >= nlmsgHdrLen }

// nextNlmsg splits the first netlink message (header included) off b. A
// message whose length is impossible is an error, as in libpcap
// ("Message truncated").
func nextNlmsg(b []byte) (msg, rest []byte, err error) {
	l := int(binary.NativeEndian.Uint32(b))
	if l < nlmsgHdrLen || l > len(b) {
		return nil, nil, fmt.Errorf("netlink message truncated: %d bytes left, nlmsg_len %d", len(b), l)
	}
	return b[:l:l], b[min(nlmsgAlign(l), len(b)):], nil
}

// nextNFLOGRecord splits the first netlink message off b: its record (the
// message after the netlink header) when it is an NFLOG packet, nil for
// any other message.
func nextNFLOGRecord(b []byte) (rec, rest []byte, err error) {
	msg, rest, err := nextNlmsg(b)
	if err != nil || binary.NativeEndian.Uint16(msg[4:]) != nfnlSubsysLog<<8|nfulnlMsgPkt {
		return nil, rest, err
	}
	return msg[nlmsgHdrLen:], rest, nil
}

// stats counts as dropped the records missing from the numbering; on a
// kernel that sent no numbers, the ENOBUFS errors, as libpcap does.
func (r *nflogReader) stats() (Stats, error) {
	d := r.seqs.missing
	if !r.seqs.numbered {
		d = r.nobufs
	}
	return Stats{Received: r.records, Dropped: d}, nil
}

func (r *nflogReader) close() { r.f.Close() }

// checkNFLOG checks the group list of an nflog device name.
func checkNFLOG(name string) error {
	_, err := nflogGroups(name)
	return err
}

// recvNonblock is recvfrom(fd, b, MSG_DONTWAIT) as a raw system call:
// it never blocks, so it need not tell the scheduler, and the scheduler's
// monitor thread, which every announced system call wakes from its deep
// sleep to poll for a while, sleeps on between the kernel's batches.
func recvNonblock(fd int, b []byte) (int, error) {
	n, _, e := unix.RawSyscall6(unix.SYS_RECVFROM, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)), unix.MSG_DONTWAIT, 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}
