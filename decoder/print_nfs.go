package decoder

// NFS over SunRPC at default verbosity, as tcpdump 4.99.5 prints it
// (print-nfs.c's nfsreq_noaddr_print / nfsreply_noaddr_print, the RPC
// checks of tcp_print and udp_print, and parsenfsfh.c's file-handle
// guesser). Calls are remembered, as tcpdump does in its xid_map, so that
// their replies can be decoded: that state is nfsXIDMap, a value the
// Decoder keeps (field nfs); the printers are its methods.

const nfsPort = 2049

// RPC message directions and reply states.
const (
	rpcCall  = 0
	rpcReply = 1

	rpcMsgAccepted = 0
	rpcMsgDenied   = 1
)

// Generic NFS procedure numbers (nfs.h): NFSv3's, with NFSv2's mapped
// onto them by nfsV2Proc.
const (
	nfsProcNull        = 0
	nfsProcGetattr     = 1
	nfsProcSetattr     = 2
	nfsProcLookup      = 3
	nfsProcAccess      = 4
	nfsProcReadlink    = 5
	nfsProcRead        = 6
	nfsProcWrite       = 7
	nfsProcCreate      = 8
	nfsProcMkdir       = 9
	nfsProcSymlink     = 10
	nfsProcMknod       = 11
	nfsProcRemove      = 12
	nfsProcRmdir       = 13
	nfsProcRename      = 14
	nfsProcLink        = 15
	nfsProcReaddir     = 16
	nfsProcReaddirplus = 17
	nfsProcFsstat      = 18
	nfsProcFsinfo      = 19
	nfsProcPathconf    = 20
	nfsProcCommit      = 21
	nfsProcNoop        = 25
	nfsNProcs          = 26
)

// nfsV2Proc maps an NFSv2 procedure number (below nfsNProcs) to the
// generic one; any version but 3 is read with this numbering.
var nfsV2Proc = [nfsNProcs]uint32{
	nfsProcNull, nfsProcGetattr, nfsProcSetattr, nfsProcNoop,
	nfsProcLookup, nfsProcReadlink, nfsProcRead, nfsProcNoop,
	nfsProcWrite, nfsProcCreate, nfsProcRemove, nfsProcRename,
	nfsProcLink, nfsProcSymlink, nfsProcMkdir, nfsProcRmdir,
	nfsProcReaddir, nfsProcFsstat, nfsProcNoop, nfsProcNoop,
	nfsProcNoop, nfsProcNoop, nfsProcNoop, nfsProcNoop,
	nfsProcNoop, nfsProcNoop,
}

// nfsProcNames names the generic procedures; "" means "proc-N".
var nfsProcNames = [nfsNProcs]string{
	nfsProcNull: "null", nfsProcGetattr: "getattr", nfsProcSetattr: "setattr",
	nfsProcLookup: "lookup", nfsProcAccess: "access", nfsProcReadlink: "readlink",
	nfsProcRead: "read", nfsProcWrite: "write", nfsProcCreate: "create",
	nfsProcMkdir: "mkdir", nfsProcSymlink: "symlink", nfsProcMknod: "mknod",
	nfsProcRemove: "remove", nfsProcRmdir: "rmdir", nfsProcRename: "rename",
	nfsProcLink: "link", nfsProcReaddir: "readdir", nfsProcReaddirplus: "readdirplus",
	nfsProcFsstat: "fsstat", nfsProcFsinfo: "fsinfo", nfsProcPathconf: "pathconf",
	nfsProcCommit: "commit", nfsProcNoop: "nop",
}

type nfsTok struct {
	v uint32
	s string
}

func nfsTokStr(t []nfsTok, v uint32) string {
	for i := range t {
		if t[i].v == v {
			return t[i].s
		}
	}
	return ""
}

// nfsStatus is print-nfs.c's status2str.
var nfsStatus = []nfsTok{
	{1, "Operation not permitted"}, {2, "No such file or directory"},
	{5, "Input/output error"}, {6, "Device not configured"},
	{11, "Resource deadlock avoided"}, {12, "Cannot allocate memory"},
	{13, "Permission denied"}, {17, "File exists"}, {18, "Cross-device link"},
	{19, "Operation not supported by device"}, {20, "Not a directory"},
	{21, "Is a directory"}, {22, "Invalid argument"}, {26, "Text file busy"},
	{27, "File too large"}, {28, "No space left on device"},
	{30, "Read-only file system"}, {31, "Too many links"},
	{45, "Operation not supported"}, {62, "Too many levels of symbolic links"},
	{63, "File name too long"}, {66, "Directory not empty"},
	{69, "Disc quota exceeded"}, {70, "Stale NFS file handle"},
	{71, "Too many levels of remote in path"}, {99, "Write cache flushed to disk"},
	{10001, "Illegal NFS file handle"}, {10002, "Update synchronization mismatch"},
	{10003, "READDIR/READDIRPLUS cookie is stale"}, {10004, "Operation not supported"},
	{10005, "Buffer or request is too small"}, {10006, "Unspecified error on server"},
	{10007, "Object of that type not supported"},
	{10008, "Request couldn't be completed in time"},
}

// nfsFileTypes is print-nfs.c's type2str (no entry for sockets).
var nfsFileTypes = []nfsTok{
	{0, "NON"}, {1, "REG"}, {2, "DIR"}, {3, "BLK"}, {4, "CHR"}, {5, "LNK"}, {7, "FIFO"},
}

var nfsAuthStat = []nfsTok{
	{0, "OK"},
	{1, "Bogus Credentials (seal broken)"},
	{2, "Rejected Credentials (client should begin new session)"},
	{3, "Bogus Verifier (seal broken)"},
	{4, "Verifier expired or was replayed"},
	{5, "Credentials are too weak"},
	{6, "Bogus response verifier"},
	{7, "Unknown failure"},
}

var nfsAcceptStat = []nfsTok{
	{1, "PROG_UNAVAIL"}, {2, "PROG_MISMATCH"}, {3, "PROC_UNAVAIL"},
	{4, "GARBAGE_ARGS"}, {5, "SYSTEM_ERR"},
}

// NFSv3 ACCESS bits: nfsAccessNames[i] is bit 1<<i.
const nfsAccessFull = 0x3f

var nfsAccessNames = [...]string{
	"NFS_ACCESS_READ", "NFS_ACCESS_LOOKUP", "NFS_ACCESS_MODIFY",
	"NFS_ACCESS_EXTEND", "NFS_ACCESS_DELETE", "NFS_ACCESS_EXECUTE",
}

// Sizes of XDR structures (nfs.h).
const (
	nfsV2FH       = 32
	nfsV2Fattr    = 68
	nfsV3Fattr    = 84
	nfsV2Statfs   = 20
	nfsV3Statfs   = 52
	nfsV3Fsinfo   = 48
	nfsV3Pathconf = 24
	nfsV3FHMax    = 64
)

// nfsXIDEntry is one xid_map slot: a call, by client and server address.
type nfsXIDEntry struct {
	xid    uint32
	ipver  uint8 // 0 for an empty slot
	client [16]byte
	server [16]byte
	proc   uint32
	vers   uint32
}

// nfsXIDMap is tcpdump's xid_map: a ring of the last 64 NFS calls, searched
// from where the last search matched. Its zero value is the empty map.
type nfsXIDMap struct {
	slot [64]nfsXIDEntry
	next int
	hint int
}

func nfsIPVer(ip *ipInfo) uint8 {
	if ip.v6 {
		return 6
	}
	return 4
}

// enter records a call (xid_map_enter); m holds at least 24 bytes.
func (x *nfsXIDMap) enter(m []byte, ip *ipInfo) {
	e := &x.slot[x.next]
	x.next++
	if x.next >= len(x.slot) {
		x.next = 0
	}
	e.xid = be32(m)
	e.ipver = nfsIPVer(ip)
	copy(e.client[:], ip.src)
	copy(e.server[:], ip.dst)
	e.proc = be32(m[20:])
	e.vers = be32(m[16:])
}

// find looks up the call a reply answers (xid_map_find).
func (x *nfsXIDMap) find(xid uint32, ip *ipInfo) (proc, vers uint32, ok bool) {
	ver := nfsIPVer(ip)
	n := len(ip.src)
	i := x.hint
	for {
		e := &x.slot[i]
		if e.ipver == ver && e.xid == xid && n <= 16 && len(ip.dst) == n &&
			string(e.server[:n]) == string(ip.src) && string(e.client[:n]) == string(ip.dst) {
			x.hint = i
			return e.proc, e.vers, true
		}
		i++
		if i >= len(x.slot) {
			i = 0
		}
		if i == x.hint {
			return 0, 0, false
		}
	}
}

// printNFSTCP is the last test of tcp_print's port chain: a payload of at
// least 4 bytes on port 2049, read as a record mark and an RPC message.
// It appends after ", length N"; ok is false when tcpdump prints nothing
// more (no RPC call to 2049 / reply from 2049, or too little captured).
func (x *nfsXIDMap) printNFSTCP(b, data []byte, length int, ip *ipInfo, sport, dport uint16) (_ []byte, ok bool) {
	if sport != nfsPort && dport != nfsPort {
		return b, false
	}
	if length < 4 || len(data) < 4 {
		return b, false
	}
	fraglen := be32(data) & 0x7fffffff
	if uint64(fraglen) > uint64(length-4) {
		fraglen = uint32(length - 4)
	}
	rp := data[4:]
	if len(rp) < 8 {
		return b, false
	}
	switch dir := be32(rp[4:]); {
	case dport == nfsPort && dir == rpcCall:
		b = append(b, ": NFS request xid "...)
		b = appendUint(b, uint64(be32(rp)))
		b = append(b, ' ')
		return x.nfsRequest(b, rp, fraglen, ip), true
	case sport == nfsPort && dir == rpcReply:
		b = append(b, ": NFS reply xid "...)
		b = appendUint(b, uint64(be32(rp)))
		b = append(b, ' ')
		return x.nfsReply(b, rp, fraglen, ip), true
	}
	return b, false
}

// printNFSUDP is udp_print's RPC test, made before its port chain: a call
// to 2049 or a reply from 2049, with 8 bytes captured. It appends after
// "SRC.SPORT > DST.DPORT: "; ok is false when the port chain must run.
// length is the UDP payload length udp_print hands its printers.
func (x *nfsXIDMap) printNFSUDP(b, data []byte, length int, ip *ipInfo, sport, dport uint16) (_ []byte, ok bool) {
	if len(data) < 8 || length < 0 {
		return b, false
	}
	switch dir := be32(data[4:]); {
	case dport == nfsPort && dir == rpcCall:
		b = append(b, "NFS request xid "...)
		b = appendUint(b, uint64(be32(data)))
		b = append(b, ' ')
		return x.nfsRequest(b, data, uint32(length), ip), true
	case sport == nfsPort && dir == rpcReply:
		b = append(b, "NFS reply xid "...)
		b = appendUint(b, uint64(be32(data)))
		b = append(b, ' ')
		return x.nfsReply(b, data, uint32(length), ip), true
	}
	return b, false
}

// nfsP walks an RPC message. m is what was captured of it, from the xid
// on. A read past the capture sets jmp: that is where tcpdump's GET_
// macros longjmp out and " [|nfs]" is printed whatever else happened.
type nfsP struct {
	b   []byte
	m   []byte
	jmp bool
	err bool // print-nfs.c's nfserr: an error was printed, no " [|nfs]"
}

func (p *nfsP) str(s string) { p.b = append(p.b, s...) }

// have reports whether n bytes at off were captured (ND_TTEST_LEN).
func (p *nfsP) have(off, n int64) bool {
	return off >= 0 && n >= 0 && off <= int64(len(p.m)) && n <= int64(len(p.m))-off
}

func (p *nfsP) u32(off int64) (uint32, bool) {
	if !p.have(off, 4) {
		p.jmp = true
		return 0, false
	}
	return be32(p.m[off:]), true
}

func (p *nfsP) u64(off int64) (uint64, bool) {
	if !p.have(off, 8) {
		p.jmp = true
		return 0, false
	}
	return uint64(be32(p.m[off:]))<<32 | uint64(be32(p.m[off+4:])), true
}

// uN reads a 64-bit word if wide, else a 32-bit one.
func (p *nfsP) uN(off int64, wide bool) (uint64, bool) {
	if wide {
		return p.u64(off)
	}
	v, ok := p.u32(off)
	return uint64(v), ok
}

// nfsRound4 is roundup2(n, 4) on a u_int: it wraps to 0 near 2^32.
func nfsRound4(n uint32) uint32 { return (n + 3) &^ 3 }

// nfsGenericProc maps a call's procedure number to the generic one: any
// version but 3 is read with NFSv2's numbering.
func nfsGenericProc(proc uint32, v3 bool) uint32 {
	if !v3 && proc < nfsNProcs {
		return nfsV2Proc[proc]
	}
	return proc
}

// nfsNameOnly reports whether only the name of a generic procedure is
// printed, without arguments or results: null, nop and unknown ones.
func nfsNameOnly(proc uint32) bool {
	return proc == nfsProcNull || proc > nfsProcCommit
}

// nfsAppendProc appends " NAME" or " proc-N".
func nfsAppendProc(b []byte, proc uint32) []byte {
	b = append(b, ' ')
	if proc < nfsNProcs && nfsProcNames[proc] != "" {
		return append(b, nfsProcNames[proc]...)
	}
	b = append(b, "proc-"...)
	return appendUint(b, uint64(proc))
}

// nfsRequest is nfsreq_noaddr_print.
func (x *nfsXIDMap) nfsRequest(b, m []byte, length uint32, ip *ipInfo) []byte {
	b = appendUint(b, uint64(length))
	if len(m) < 24 { // xid_map_enter needs cb_proc
		return appendTrunc(b, "nfs")
	}
	x.enter(m, ip)
	p := nfsP{b: b, m: m}
	v3 := be32(m[16:]) == 3
	proc := nfsGenericProc(be32(m[20:]), v3)
	p.b = nfsAppendProc(p.b, proc)
	if !p.request(proc, v3, length) {
		p.b = appendTrunc(p.b, "nfs")
	}
	return p.b
}

// request prints a call's arguments; false means " [|nfs]" follows.
func (p *nfsP) request(proc uint32, v3 bool, length uint32) bool {
	if nfsNameOnly(proc) {
		return true
	}
	dp, ok := p.parseReq(length)
	if !ok {
		return false
	}
	// Every call's arguments begin with a file handle; in these a file
	// name follows it.
	switch proc {
	case nfsProcLookup, nfsProcCreate, nfsProcMkdir, nfsProcRemove, nfsProcRmdir,
		nfsProcSymlink, nfsProcMknod, nfsProcRename:
		dp, ok = p.parseFHN(dp, v3)
	default:
		dp, ok = p.parseFH(dp, v3)
	}
	if !ok {
		return false
	}
	switch proc {
	case nfsProcAccess:
		flags, ok := p.u32(dp)
		if !ok {
			return false
		}
		switch {
		case flags&^nfsAccessFull != 0:
			p.str(" ")
			p.b = appendHexPad(p.b, uint64(flags), 4)
		case flags&nfsAccessFull == nfsAccessFull:
			p.str(" NFS_ACCESS_FULL")
		default:
			sep := byte(' ')
			for i, name := range nfsAccessNames {
				if flags&(1<<uint(i)) != 0 {
					p.b = append(p.b, sep)
					p.str(name)
					sep = '|'
				}
			}
		}
		return true

	case nfsProcRead:
		if v3 {
			return p.parseCountOff(dp, dp+8, true, false)
		}
		return p.parseCountOff(dp, dp+4, false, false)

	case nfsProcWrite:
		if v3 {
			n1, ok1 := p.u32(dp + 16)
			n2, ok2 := p.u32(dp + 8)
			off, ok3 := p.u64(dp)
			if !ok1 || !ok2 || !ok3 {
				return false
			}
			p.str(" ")
			p.b = appendUint(p.b, uint64(n1))
			p.str(" (")
			p.b = appendUint(p.b, uint64(n2))
			p.str(") bytes @ ")
			p.b = appendUint(p.b, off)
		} else {
			w3, ok1 := p.u32(dp + 12)
			w2, ok2 := p.u32(dp + 8)
			w1, ok3 := p.u32(dp + 4)
			w0, ok4 := p.u32(dp)
			if !ok1 || !ok2 || !ok3 || !ok4 {
				return false
			}
			p.str(" ")
			p.b = appendUint(p.b, uint64(w3))
			p.str(" (")
			p.b = appendUint(p.b, uint64(w2))
			p.str(") bytes @ ")
			p.b = appendUint(p.b, uint64(w1))
			p.str(" (")
			p.b = appendUint(p.b, uint64(w0))
			p.str(")")
		}
		return true

	case nfsProcSymlink:
		p.str(" ->")
		if v3 {
			if dp, ok = p.skipSattr3(dp); !ok {
				return false
			}
		}
		return nfsOK(p.parseFN(dp))

	case nfsProcMknod:
		typ, ok := p.u32(dp)
		if !ok {
			return false
		}
		if _, ok = p.skipSattr3(dp + 4); !ok {
			return false
		}
		p.str(" ")
		if s := nfsTokStr(nfsFileTypes, typ); s != "" {
			p.str(s)
		} else {
			p.str("unk-ft ")
			p.b = appendUint(p.b, uint64(typ))
		}
		return true

	case nfsProcRename, nfsProcLink:
		p.str(" ->")
		return nfsOK(p.parseFHN(dp, v3))

	case nfsProcReaddir:
		if !v3 {
			return p.parseCountOff(dp, dp+4, false, false)
		}
		return p.parseCountOff(dp, dp+16, true, true) // count after the cookie verifier

	case nfsProcReaddirplus:
		return p.parseCountOff(dp, dp+16, true, true)

	case nfsProcCommit:
		return p.parseCountOff(dp, dp+8, true, false)
	}
	return true // the handle (and name) only
}

// parseCountOff reads a count at cntOff, then an offset at dp (64 bits
// wide if off64, else 32), and prints " COUNT bytes @ OFFSET"; the offset
// is printed as signed (PRId64) if signed.
func (p *nfsP) parseCountOff(dp, cntOff int64, off64, signed bool) bool {
	count, ok1 := p.u32(cntOff)
	off, ok2 := p.uN(dp, off64)
	if !ok1 || !ok2 {
		return false
	}
	p.str(" ")
	p.b = appendUint(p.b, uint64(count))
	p.str(" bytes @ ")
	if signed {
		p.b = appendInt(p.b, int64(off))
	} else {
		p.b = appendUint(p.b, off)
	}
	return true
}

// nfsOK drops the offset a parser returns, keeping whether it succeeded.
func nfsOK(_ int64, ok bool) bool { return ok }

// parseReq finds the first argument word past the credentials and the
// verifier (parsereq); length is the RPC message length.
func (p *nfsP) parseReq(length uint32) (int64, bool) {
	dp := int64(24) // cb_cred
	if length < 8 {
		return 0, false
	}
	l, ok := p.u32(dp + 4)
	if !ok {
		return 0, false
	}
	r := nfsRound4(l)
	if !p.have(dp+8, int64(r)) {
		return 0, false
	}
	if 8+uint64(r) > uint64(length) {
		return 0, false
	}
	dp += (int64(l) + 11) / 4 * 4
	length -= 8 + r
	if length < 8 {
		return 0, false
	}
	if l, ok = p.u32(dp + 4); !ok {
		return 0, false
	}
	r = nfsRound4(l)
	if !p.have(dp+8, int64(r)) {
		return 0, false
	}
	if 8+uint64(r) < uint64(length) {
		return dp + (int64(l)+11)/4*4, true
	}
	return 0, false
}

// parseFH prints a file handle (parsefh): NFSv3's are counted, NFSv2's
// are 32 bytes.
func (p *nfsP) parseFH(dp int64, v3 bool) (int64, bool) {
	words := int64(nfsV2FH / 4)
	if v3 {
		l, ok := p.u32(dp)
		if !ok {
			return 0, false
		}
		words = int64(l / 4)
		dp += 4
	}
	if !p.have(dp, words*4) {
		return 0, false
	}
	p.b = nfsAppendFH(p.b, p.m[dp:dp+words*4])
	return dp + words*4, true
}

// parseFN prints a quoted file name (parsefn).
func (p *nfsP) parseFN(dp int64) (int64, bool) {
	l, ok := p.u32(dp)
	if !ok {
		return 0, false
	}
	dp += 4
	if l > 0xfffffffc {
		p.str("[cannot pad to 32-bit boundaries] (invalid)")
		return 0, false
	}
	r := int64(nfsRound4(l))
	if !p.have(dp, r) {
		return 0, false
	}
	p.str("\"")
	p.b = appendEscN(p.b, p.m[dp:dp+int64(l)])
	p.str("\"")
	return dp + r, true
}

// parseFHN prints a file handle, a space and a file name (parsefhn).
func (p *nfsP) parseFHN(dp int64, v3 bool) (int64, bool) {
	dp, ok := p.parseFH(dp, v3)
	if !ok {
		return 0, false
	}
	p.str(" ")
	return p.parseFN(dp)
}

// skipSattr3 walks an NFSv3 sattr3 (parse_sattr3); at default verbosity
// nothing of it is printed.
func (p *nfsP) skipSattr3(dp int64) (int64, bool) {
	for i := 0; i < 6; i++ {
		set, ok := p.u32(dp)
		if !ok {
			return 0, false
		}
		dp += 4
		switch {
		case i < 4 && set != 0: // mode, uid, gid, size
			if _, ok = p.u32(dp); !ok {
				return 0, false
			}
			dp += 4
		case i >= 4 && set == 2: // atime, mtime set to client time
			if !p.have(dp, 8) {
				p.jmp = true
				return 0, false
			}
			dp += 8
		}
	}
	return dp, true
}

// nfsAppendFH appends " fh ..." for a file handle of len(fh)/4 words
// (nfs_printfh at default verbosity, after parsenfsfh.c's guess).
func nfsAppendFH(b []byte, fh []byte) []byte {
	words := len(fh) / 4
	var major, minor, ino uint32
	var fsname []byte // the VMS device name, or nil
	unknown := false
	typ := nfsFHGuess(fh, words)
	switch typ {
	case nfsFHAuspex:
		minor, major = uint32(fh[7]), uint32(fh[6])
		ino = nfsMake32(fh[12], fh[13], fh[14], fh[15])
	case nfsFHBSD44:
		minor, major = uint32(fh[0]), uint32(fh[1])
		ino = nfsMake32(fh[15], fh[14], fh[13], fh[12])
	case nfsFHDecOSF:
		t := nfsMake32(fh[3], fh[2], fh[1], fh[0])
		minor, major = t&0xfffff, (t>>20)&0xfff
		ino = nfsMake32(fh[15], fh[14], fh[13], fh[12])
	case nfsFHIrix4:
		minor, major = uint32(fh[3]), uint32(fh[2])
		ino = nfsMake32(fh[8], fh[9], fh[10], fh[11])
	case nfsFHSunOS4:
		minor, major = uint32(fh[3]), uint32(fh[2])
		ino = nfsMake32(fh[12], fh[13], fh[14], fh[15])
	case nfsFHSunOS5:
		major = (uint32(fh[0])<<8 | uint32(fh[1])) >> 2 & 0x3fff
		minor = (uint32(fh[1])<<16 | uint32(fh[2])<<8 | uint32(fh[3])) & 0x3ffff
		ino = nfsMake32(fh[12], fh[13], fh[14], fh[15])
	case nfsFHUltrix:
		minor, major = uint32(fh[0]), uint32(fh[1])
		ino = nfsMake32(fh[7], fh[6], fh[5], fh[4])
	case nfsFHHPUX9:
		major = uint32(fh[0])
		minor = uint32(fh[1])<<16 | uint32(fh[2])<<8 | uint32(fh[3])
		ino = nfsMake32(fh[12], fh[13], fh[14], fh[15])
	case nfsFHVMSUCX:
		// The 14 first bytes become the file system id (its first
		// word, host order, is "minor": never 257 here, as bytes 2-3
		// are not both 0); the name starts at byte 1.
		ino = nfsMake32(fh[26], fh[27], fh[23], fh[22])
		fsname = fh[1:]
	default:
		unknown = true
		minor, major, ino = 257, 257, 1
		fsname = []byte("Unknown")
	}
	b = append(b, " fh "...)
	if fsname != nil {
		// strncpy into a buffer of len (in words!) characters, cut at
		// the first NUL and then at the first space.
		n := min(words, nfsV3FHMax, len(fsname))
		s := fsname[:n]
		for i, c := range s {
			if c == 0 || c == ' ' {
				s = s[:i]
				break
			}
		}
		b = appendEscN(b, s)
		b = append(b, '/')
	} else {
		b = appendUint(b, uint64(major))
		b = append(b, ',')
		b = appendUint(b, uint64(minor))
		b = append(b, '/')
	}
	if minor == 257 {
		// The undecoded handle in hex, at most 32 bytes of it. (A
		// decoded handle whose minor number happens to be 257 makes
		// tcpdump print an uninitialized buffer here; we print nothing.)
		if unknown {
			for _, c := range fh[:min(len(fh), 32)] {
				b = append(b, nfsHexUpper[c>>4], nfsHexUpper[c&15])
			}
		}
		return b
	}
	return appendUint(b, uint64(ino))
}

const nfsHexUpper = "0123456789ABCDEF"

func nfsMake32(msb, b, c, lsb byte) uint32 {
	return uint32(msb)<<24 | uint32(b)<<16 | uint32(c)<<8 | uint32(lsb)
}

// File-handle layouts parsenfsfh.c tells apart.
const (
	nfsFHUnknown = iota
	nfsFHAuspex
	nfsFHDecOSF
	nfsFHIrix4
	nfsFHSunOS4
	nfsFHUltrix
	nfsFHVMSUCX
	nfsFHSunOS5
	nfsFHHPUX9
	nfsFHBSD44
)

// nfsFHGuess is Parse_fh's decision tree; words is the handle length in
// 32-bit words.
func nfsFHGuess(fh []byte, words int) int {
	if words < 4 {
		return nfsFHUnknown
	}
	if fh[0] == 0 && fh[1] == 0 {
		switch {
		case fh[2] == 0 && fh[3] == 0:
			return nfsFHAuspex
		case fh[4] != 0 && fh[5] == 0 && fh[8] == 12 && fh[9] == 0:
			return nfsFHDecOSF
		case fh[4] == 0 && fh[5] == 8 && fh[6] == 0 && fh[7] == 0:
			return nfsFHIrix4
		}
		return nfsFHSunOS4
	}
	if fh[2] == 0 && fh[3] == 0 {
		switch {
		case fh[6] == 0 && fh[7] == 0:
			return nfsFHBSD44
		case words >= 6 && fh[21] == 0 && fh[23] == 0:
			return nfsFHUltrix
		case fh[9] == 10:
			return nfsFHSunOS5
		}
		return nfsFHUnknown
	}
	switch {
	case fh[8] == 12 && fh[9] == 0:
		return nfsFHDecOSF
	case fh[8] == 0 && fh[9] == 10:
		if fh[4] == 0 && fh[5] == 0 && fh[6] == 0 && fh[7] == 0 {
			return nfsFHHPUX9
		}
		return nfsFHSunOS5
	case nfsIsUCX(fh, words):
		return nfsFHVMSUCX
	}
	return nfsFHUnknown
}

// nfsIsUCX: byte 0 then printable characters then NULs up to byte 13.
func nfsIsUCX(fh []byte, words int) bool {
	if words < 7 {
		return false
	}
	seenNull := false
	for i := 1; i < 14; i++ {
		switch c := fh[i]; {
		case c >= 0x20 && c <= 0x7e:
			if seenNull {
				return false
			}
		case c == 0:
			seenNull = true
		default:
			return false
		}
	}
	return true
}

// nfsReply is nfsreply_noaddr_print.
func (x *nfsXIDMap) nfsReply(b, m []byte, length uint32, ip *ipInfo) []byte {
	if len(m) < 12 {
		return appendTrunc(b, "nfs")
	}
	switch stat := be32(m[8:]); stat {
	case rpcMsgAccepted:
		b = append(b, "reply ok "...)
		b = appendUint(b, uint64(length))
		if proc, vers, ok := x.find(be32(m), ip); ok {
			p := nfsP{b: b, m: m}
			if !p.reply(proc, vers, length) && (p.jmp || !p.err) {
				p.b = appendTrunc(p.b, "nfs")
			}
			return p.b
		}
	case rpcMsgDenied:
		b = append(b, "reply ERR "...)
		b = appendUint(b, uint64(length))
		b = append(b, ": "...)
		if len(m) < 16 {
			return appendTrunc(b, "nfs")
		}
		switch rstat := be32(m[12:]); rstat {
		case 0: // RPC_MISMATCH
			if len(m) < 24 {
				return appendTrunc(b, "nfs")
			}
			b = append(b, "RPC Version mismatch ("...)
			b = appendUint(b, uint64(be32(m[16:])))
			b = append(b, '-')
			b = appendUint(b, uint64(be32(m[20:])))
			b = append(b, ')')
		case 1: // AUTH_ERROR
			if len(m) < 20 {
				return appendTrunc(b, "nfs")
			}
			why := be32(m[16:])
			b = append(b, "Auth "...)
			if s := nfsTokStr(nfsAuthStat, why); s != "" {
				b = append(b, s...)
			} else {
				b = append(b, "Invalid failure code "...)
				b = appendUint(b, uint64(why))
			}
		default:
			b = append(b, "Unknown reason for rejecting rpc message "...)
			b = appendUint(b, uint64(rstat))
		}
	default:
		b = append(b, "reply Unknown rpc response code="...)
		b = appendUint(b, uint64(stat))
		b = append(b, ' ')
		b = appendUint(b, uint64(length))
	}
	return b
}

// reply prints a reply's results (interp_reply) for the procedure and
// version of its call; false means " [|nfs]" follows unless an error
// was printed.
func (p *nfsP) reply(proc, vers uint32, length uint32) bool {
	v3 := vers == 3
	proc = nfsGenericProc(proc, v3)
	p.b = nfsAppendProc(p.b, proc)
	if nfsNameOnly(proc) {
		return true
	}
	dp, ok := p.parseRep(length)
	if !ok {
		return false
	}
	switch proc {
	case nfsProcGetattr:
		return p.parseAttrStat(dp, true, v3)

	case nfsProcSetattr, nfsProcWrite:
		if v3 {
			return nfsOK(p.parseWccRes(dp))
		}
		return p.parseAttrStat(dp, proc == nfsProcSetattr, false)

	case nfsProcLookup:
		if !v3 {
			return p.parseDirOpRes(dp)
		}
		var er uint32
		if dp, er, ok = p.parseStatus(dp); !ok {
			return false
		}
		if er == 0 {
			if dp, ok = p.parseFH(dp, true); !ok {
				return false
			}
			return nfsOK(p.parsePostOpAttr(dp))
		}
		return true

	case nfsProcAccess:
		var er uint32
		if dp, er, ok = p.parseStatusPostOp(dp); !ok {
			return false
		}
		if er == 0 {
			c, ok := p.u32(dp)
			if !ok {
				return false
			}
			p.str(" c ")
			p.b = appendHexPad(p.b, uint64(c), 4)
		}
		return true

	case nfsProcReadlink:
		var er uint32
		if dp, er, ok = p.parseStatus(dp); !ok {
			return false
		}
		if er != 0 {
			return true
		}
		if v3 {
			if dp, ok = p.parsePostOpAttr(dp); !ok {
				return false
			}
		}
		p.str(" ")
		return nfsOK(p.parseFN(dp))

	case nfsProcRead:
		if v3 {
			_, _, ok = p.parseStatusPostOp(dp)
			return ok
		}
		return p.parseAttrStat(dp, false, false)

	case nfsProcCreate, nfsProcMkdir:
		if v3 {
			return nfsOK(p.parseCreateOpRes(dp))
		}
		return p.parseDirOpRes(dp)

	case nfsProcSymlink:
		if v3 {
			return nfsOK(p.parseCreateOpRes(dp))
		}
		_, _, ok = p.parseStatus(dp)
		return ok

	case nfsProcMknod:
		return nfsOK(p.parseCreateOpRes(dp))

	case nfsProcRemove, nfsProcRmdir:
		if v3 {
			return nfsOK(p.parseWccRes(dp))
		}
		_, _, ok = p.parseStatus(dp)
		return ok

	case nfsProcRename, nfsProcLink:
		_, _, ok = p.parseStatus(dp)
		return ok

	case nfsProcReaddir:
		if v3 {
			_, _, ok = p.parseStatusPostOp(dp)
			return ok
		}
		return p.parseRdDirRes(dp)

	case nfsProcReaddirplus:
		_, _, ok = p.parseStatusPostOp(dp)
		return ok

	case nfsProcFsstat:
		return p.parseStatfs(dp, v3)

	case nfsProcFsinfo:
		return p.parseFsinfo(dp)

	case nfsProcPathconf:
		return p.parsePathconf(dp)

	case nfsProcCommit:
		return nfsOK(p.parseWccRes(dp))
	}
	return true
}

// parseRep skips the reply verifier and checks the accept state
// (parserep).
func (p *nfsP) parseRep(length uint32) (int64, bool) {
	dp := int64(12) // ar_verf
	l, ok := p.u32(dp + 4)
	if !ok || l >= length {
		return 0, false
	}
	dp += (int64(l) + 11) / 4 * 4
	astat, ok := p.u32(dp)
	if !ok {
		return 0, false
	}
	if astat != 0 {
		p.str(" ")
		if s := nfsTokStr(nfsAcceptStat, astat); s != "" {
			p.str(s)
		} else {
			p.str("ar_stat ")
			p.b = appendUint(p.b, uint64(astat))
		}
		p.err = true
		return 0, false
	}
	return dp + 4, true
}

// parseStatus reads an NFS status and prints it when not 0.
func (p *nfsP) parseStatus(dp int64) (_ int64, er uint32, ok bool) {
	er, ok = p.u32(dp)
	if !ok {
		return 0, 0, false
	}
	if er != 0 {
		p.str(" ERROR: ")
		if s := nfsTokStr(nfsStatus, er); s != "" {
			p.str(s)
		} else {
			p.str("unk ")
			p.b = appendUint(p.b, uint64(er))
		}
		p.err = true
	}
	return dp + 4, er, true
}

// parseFattr prints file attributes when verbose (parsefattr with -v
// levels 0 and "!qflag").
func (p *nfsP) parseFattr(dp int64, verbose, v3 bool) (int64, bool) {
	if !p.have(dp, 20) { // through fa_gid
		return 0, false
	}
	if verbose {
		typ, mode := be32(p.m[dp:]), be32(p.m[dp+4:])
		uid, gid := int32(be32(p.m[dp+12:])), int32(be32(p.m[dp+16:]))
		p.str(" ")
		if s := nfsTokStr(nfsFileTypes, typ); s != "" {
			p.str(s)
		} else {
			p.str("unk-ft ")
			p.b = appendUint(p.b, uint64(typ))
			p.str(" ")
		}
		p.str(" ")
		p.b = nfsAppendOctal(p.b, mode)
		p.str(" ids ")
		p.b = appendInt(p.b, int64(uid))
		p.str("/")
		p.b = appendInt(p.b, int64(gid))
		sz, ok := p.uN(dp+20, v3)
		if !ok {
			return 0, false
		}
		p.str(" sz ")
		p.b = appendUint(p.b, sz)
	}
	if v3 {
		return dp + nfsV3Fattr, true
	}
	return dp + nfsV2Fattr, true
}

func nfsAppendOctal(b []byte, v uint32) []byte {
	var buf [11]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v&7)
		v >>= 3
		if v == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

func (p *nfsP) parseAttrStat(dp int64, verbose, v3 bool) bool {
	dp, er, ok := p.parseStatus(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	_, ok = p.parseFattr(dp, verbose, v3)
	return ok
}

func (p *nfsP) parseDirOpRes(dp int64) bool {
	dp, er, ok := p.parseStatus(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	if dp, ok = p.parseFH(dp, false); !ok {
		return false
	}
	_, ok = p.parseFattr(dp, false, false)
	return ok
}

// parsePostOpAttr skips optional attributes (not printed by default).
func (p *nfsP) parsePostOpAttr(dp int64) (int64, bool) {
	f, ok := p.u32(dp)
	if !ok {
		return 0, false
	}
	if f == 0 {
		return dp + 4, true
	}
	return dp + 4 + nfsV3Fattr, true
}

func (p *nfsP) parsePreOpAttr(dp int64) (int64, bool) {
	f, ok := p.u32(dp)
	if !ok {
		return 0, false
	}
	if f == 0 {
		return dp + 4, true
	}
	if !p.have(dp+4, 24) {
		return 0, false
	}
	return dp + 28, true
}

func (p *nfsP) parseWccData(dp int64) (int64, bool) {
	dp, ok := p.parsePreOpAttr(dp)
	if !ok {
		return 0, false
	}
	return p.parsePostOpAttr(dp)
}

func (p *nfsP) parseWccRes(dp int64) (int64, bool) {
	dp, _, ok := p.parseStatus(dp)
	if !ok {
		return 0, false
	}
	return p.parseWccData(dp)
}

func (p *nfsP) parseCreateOpRes(dp int64) (int64, bool) {
	dp, er, ok := p.parseStatus(dp)
	if !ok {
		return 0, false
	}
	if er != 0 {
		return p.parseWccData(dp)
	}
	f, ok := p.u32(dp)
	if !ok {
		return 0, false
	}
	if f == 0 {
		return dp + 4, true
	}
	return p.parseFH(dp+4, true)
}

// parseStatusPostOp reads an NFSv3 status, printed when not 0, and skips
// the optional attributes after it (at default verbosity, all of
// parsev3rddirres and of NFSv3's read reply).
func (p *nfsP) parseStatusPostOp(dp int64) (_ int64, er uint32, ok bool) {
	if dp, er, ok = p.parseStatus(dp); !ok {
		return 0, 0, false
	}
	dp, ok = p.parsePostOpAttr(dp)
	return dp, er, ok
}

func (p *nfsP) parseRdDirRes(dp int64) bool {
	dp, er, ok := p.parseStatus(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	off, ok1 := p.u32(dp)
	size, ok2 := p.u32(dp + 4)
	if !ok1 || !ok2 {
		return false
	}
	p.str(" offset 0x")
	p.b = appendHex(p.b, uint64(off))
	p.str(" size ")
	p.b = appendUint(p.b, uint64(size))
	p.str(" ")
	eof, ok := p.u32(dp + 8)
	if !ok {
		return false
	}
	if eof != 0 {
		p.str(" eof")
	}
	return true
}

func (p *nfsP) parseStatfs(dp int64, v3 bool) bool {
	dp, er, ok := p.parseStatus(dp)
	if !ok {
		return false
	}
	if !v3 && er != 0 {
		return true
	}
	if v3 {
		if dp, ok = p.parsePostOpAttr(dp); !ok {
			return false
		}
		if !p.have(dp, nfsV3Statfs) {
			return false
		}
		p.str(" tbytes ")
		p.b = appendUint(p.b, nfsBE64(p.m[dp:]))
		p.str(" fbytes ")
		p.b = appendUint(p.b, nfsBE64(p.m[dp+8:]))
		p.str(" abytes ")
		p.b = appendUint(p.b, nfsBE64(p.m[dp+16:]))
		return true
	}
	if !p.have(dp, nfsV2Statfs) {
		return false
	}
	for i, name := range [...]string{" tsize ", " bsize ", " blocks ", " bfree ", " bavail "} {
		p.str(name)
		p.b = appendUint(p.b, uint64(be32(p.m[dp+int64(4*i):])))
	}
	return true
}

func nfsBE64(b []byte) uint64 { return uint64(be32(b))<<32 | uint64(be32(b[4:])) }

func (p *nfsP) parseFsinfo(dp int64) bool {
	dp, er, ok := p.parseStatusPostOp(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	if !p.have(dp, nfsV3Fsinfo) {
		return false
	}
	for _, f := range [...]struct {
		name string
		off  int64
	}{{" rtmax ", 0}, {" rtpref ", 4}, {" wtmax ", 12}, {" wtpref ", 16}, {" dtpref ", 24}} {
		p.str(f.name)
		p.b = appendUint(p.b, uint64(be32(p.m[dp+f.off:])))
	}
	return true
}

func (p *nfsP) parsePathconf(dp int64) bool {
	dp, er, ok := p.parseStatusPostOp(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	if !p.have(dp, nfsV3Pathconf) {
		return false
	}
	p.str(" linkmax ")
	p.b = appendUint(p.b, uint64(be32(p.m[dp:])))
	p.str(" namemax ")
	p.b = appendUint(p.b, uint64(be32(p.m[dp+4:])))
	for i, name := range [...]string{"notrunc", "chownres", "igncase", "keepcase"} {
		p.str(" ")
		if be32(p.m[dp+8+int64(4*i):]) != 0 {
			p.str(name)
		}
	}
	return true
}
