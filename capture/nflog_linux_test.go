//go:build linux

package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"testing"
	"time"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

func TestNFLOGGroups(t *testing.T) {
	good := map[string][]uint16{
		"nflog":           {0},
		"nflog:7":         {7},
		"nflog:1,2,65535": {1, 2, 65535},
		"nflog:0x10":      {16}, // strtol(..., 0) in libpcap
	}
	for in, want := range good {
		got, err := nflogGroups(in)
		if err != nil || len(got) != len(want) {
			t.Errorf("%q: %v, %v; want %v", in, got, err, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q: %v, want %v", in, got, want)
			}
		}
	}
	for _, in := range []string{"nflog:", "nflog:x", "nflog:65536", "nflog:-1", "nflog:1,", "nflogx", "pflog0",
		"nflog:0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32"} {
		if g, err := nflogGroups(in); err == nil {
			t.Errorf("%q: accepted as %v", in, g)
		}
	}
	if isNFLOG("nflogx") || isNFLOG("nfqueue:1") || !isNFLOG("nflog") || !isNFLOG("nflog:3") {
		t.Error("isNFLOG")
	}
}

// TestConfigMsg checks the layout of a configuration request against the
// kernel's structures, written out by hand: nlmsghdr (host order), nfgenmsg,
// one nfattr padded to 4 bytes.
func TestConfigMsg(t *testing.T) {
	mode := []byte{0, 4, 0, 0, nfulnlCopyPacket, 0}
	got := appendConfigMsg(nil, 0x01020304, 0, 7, nfulaCfgMode, mode)
	ne := binary.NativeEndian
	want := ne.AppendUint32(nil, 32)         // 16 + 4 + align(4+6)
	want = ne.AppendUint16(want, 4<<8|1)     // NFNL_SUBSYS_ULOG, NFULNL_MSG_CONFIG
	want = ne.AppendUint16(want, 1|4)        // NLM_F_REQUEST|NLM_F_ACK
	want = ne.AppendUint32(want, 0x01020304) // seq
	want = ne.AppendUint32(want, 0)          // pid: the kernel
	want = append(want, 0, 0, 0, 7)          // AF_UNSPEC, NFNETLINK_V0, res_id 7 big-endian
	want = ne.AppendUint16(want, 10)         // nfa_len
	want = ne.AppendUint16(want, 2)          // NFULA_CFG_MODE
	want = append(want, mode...)
	want = append(want, 0, 0)
	if !bytes.Equal(got, want) {
		t.Errorf("config message\n got % x\nwant % x", got, want)
	}
	cmd := appendConfigMsg(nil, 1, 2, 0, nfulaCfgCmd, []byte{nfulnlCfgCmdPFBind})
	if len(cmd) != 28 || ne.Uint32(cmd) != 28 || cmd[16] != 2 || cmd[24] != nfulnlCfgCmdPFBind {
		t.Errorf("PF_BIND message % x", cmd)
	}
}

// nlmsg builds one netlink message of type typ around payload.
func nlmsg(typ uint16, payload []byte) []byte {
	b := binary.NativeEndian.AppendUint32(nil, uint32(nlmsgHdrLen+len(payload)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, make([]byte, 10)...)
	b = append(b, payload...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func TestNextNFLOGRecord(t *testing.T) {
	rec1 := []byte{2, 0, 0, 7, 5, 0, 1, 0, 'x'} // nfgenmsg and a 5-byte attribute: 9 bytes, padded to 12
	rec2 := []byte{10, 0, 0, 7}
	buf := append(nlmsg(4<<8|0, rec1), nlmsg(2, []byte{0, 0, 0, 0})...) // a packet, then an NLMSG_ERROR
	buf = append(buf, nlmsg(4<<8|0, rec2)...)
	var got [][]byte
	for b := buf; len(b) >= nlmsgHdrLen; {
		rec, rest, err := nextNFLOGRecord(b)
		if err != nil {
			t.Fatal(err)
		}
		if rec != nil {
			got = append(got, rec)
		}
		b = rest
	}
	if len(got) != 2 || !bytes.Equal(got[0], rec1) || !bytes.Equal(got[1], rec2) {
		t.Fatalf("records %x, want %x and %x", got, rec1, rec2)
	}
	if cap(got[0]) != len(rec1) {
		t.Errorf("a record's capacity reaches past it: %d", cap(got[0]))
	}
	// A length beyond the datagram, or below a header, is an error.
	bad := nlmsg(4<<8, rec1)
	binary.NativeEndian.PutUint32(bad, 200)
	if _, _, err := nextNFLOGRecord(bad); err == nil {
		t.Error("nlmsg_len past the datagram accepted")
	}
	binary.NativeEndian.PutUint32(bad, 8)
	if _, _, err := nextNFLOGRecord(bad); err == nil {
		t.Error("nlmsg_len below the header accepted")
	}
}

// TestNFLOGReaderOnSocketPair runs read() over a datagram socket pair
// standing in for the netlink socket: records come out in order, other
// messages and filtered records are skipped, a timeout is ErrTimeout,
// and the counters are libpcap's.
func TestNFLOGReaderOnSocketPair(t *testing.T) {
	r, peer := nflogPair(t)
	defer peer.Close()
	defer r.close()
	// A filter that keeps records whose nfgenmsg family is AF_INET.
	vm, err := bpf.NewVM([]bpf.Instruction{
		bpf.LoadAbsolute{Off: 0, Size: 1},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 2, SkipFalse: 1},
		bpf.RetConstant{Val: 65535},
		bpf.RetConstant{Val: 0},
	})
	if err != nil {
		t.Fatal(err)
	}
	r.vm = vm
	v4 := []byte{2, 0, 0, 7}
	v6 := []byte{10, 0, 0, 7}
	d := append(nlmsg(4<<8, v4), nlmsg(3, nil)...) // a packet, NLMSG_DONE
	d = append(d, nlmsg(4<<8, v6)...)
	d = append(d, nlmsg(4<<8, append(v4, 1, 0, 0, 0))...)
	if _, err := peer.Write(d); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]byte{v4, append(v4, 1, 0, 0, 0)} {
		rec, ci, err := r.read()
		if err != nil || !bytes.Equal(rec, want) || ci.Length != len(want) || ci.CaptureLength != len(want) || ci.Timestamp.IsZero() {
			t.Fatalf("record %d: %x %+v %v, want %x", i, rec, ci, err, want)
		}
	}
	if _, _, err := r.read(); !errors.Is(err, ErrTimeout) {
		t.Fatalf("empty socket: %v, want ErrTimeout", err)
	}
	if st, _ := r.stats(); st.Received != 2 || st.Dropped != 0 {
		t.Errorf("stats %+v, want 2 received", st)
	}
}

// nflogPair returns a reader over one end of a non-blocking datagram
// socket pair that stands in for the netlink socket, and the other end.
func nflogPair(t *testing.T) (*nflogReader, *os.File) {
	t.Helper()
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Skipf("socketpair: %v", err)
	}
	f := os.NewFile(uintptr(fds[0]), "test")
	rc, err := f.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	return &nflogReader{f: f, rc: rc, buf: make([]byte, 4096), timeout: 50 * time.Millisecond}, os.NewFile(uintptr(fds[1]), "peer")
}
