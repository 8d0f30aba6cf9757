package decoder

import "time"

// AFS RX (print-rx.c) at default verbosity: the RX packet type, the AFS
// call or reply it carries when tcpdump can tell, ack ranges, and the
// payload length in parentheses.
//
// Replies are matched to calls through a process-wide table of the last 64
// calls (rx_cache), kept here in rxCalls, a value the Decoder keeps.

const rxHdrLen = 28

// rxCallEntry is one rx_cache slot.
type rxCallEntry struct {
	callnum   uint32
	client    uint32
	server    uint32
	dport     uint16
	serviceID uint16
	opcode    uint32
}

// rxCalls is tcpdump's RX call cache; its zero value is the empty cache.
type rxCalls struct {
	slot [64]rxCallEntry
	next int
	hint int
}

type rxTok struct {
	v uint32
	s string
}

func rxTokStr(t []rxTok, v uint32) string {
	for i := range t {
		if t[i].v == v {
			return t[i].s
		}
	}
	return ""
}

var rxTypes = []rxTok{{1, "data"}, {2, "ack"}, {3, "busy"}, {4, "abort"}, {5, "ackall"},
	{6, "challenge"}, {7, "response"}, {8, "debug"}, {9, "params"}, {13, "version"}}

var rxFsReq = []rxTok{{130, "fetch-data"}, {131, "fetch-acl"}, {132, "fetch-status"},
	{133, "store-data"}, {134, "store-acl"}, {135, "store-status"}, {136, "remove-file"},
	{137, "create-file"}, {138, "rename"}, {139, "symlink"}, {140, "link"}, {141, "makedir"},
	{142, "rmdir"}, {143, "oldsetlock"}, {144, "oldextlock"}, {145, "oldrellock"},
	{146, "get-stats"}, {147, "give-cbs"}, {148, "get-vlinfo"}, {149, "get-vlstats"},
	{150, "set-vlstats"}, {151, "get-rootvl"}, {152, "check-token"}, {153, "get-time"},
	{154, "nget-vlinfo"}, {155, "bulk-stat"}, {156, "setlock"}, {157, "extlock"},
	{158, "rellock"}, {159, "xstat-ver"}, {160, "get-xstat"}, {161, "dfs-lookup"},
	{162, "dfs-flushcps"}, {163, "dfs-symlink"}, {220, "residency"},
	{65536, "inline-bulk-status"}, {65537, "fetch-data-64"}, {65538, "store-data-64"},
	{65539, "give-up-all-cbs"}, {65540, "get-caps"}, {65541, "cb-rx-conn-addr"}}

var rxCbReq = []rxTok{{204, "callback"}, {205, "initcb"}, {206, "probe"}, {207, "getlock"},
	{208, "getce"}, {209, "xstatver"}, {210, "getxstat"}, {211, "initcb2"}, {212, "whoareyou"},
	{213, "initcb3"}, {214, "probeuuid"}, {215, "getsrvprefs"}, {216, "getcellservdb"},
	{217, "getlocalcell"}, {218, "getcacheconf"}, {65536, "getce64"}, {65537, "getcellbynum"},
	{65538, "tellmeaboutyourself"}}

var rxPtReq = []rxTok{{500, "new-user"}, {501, "where-is-it"}, {502, "dump-entry"},
	{503, "add-to-group"}, {504, "name-to-id"}, {505, "id-to-name"}, {506, "delete"},
	{507, "remove-from-group"}, {508, "get-cps"}, {509, "new-entry"}, {510, "list-max"},
	{511, "set-max"}, {512, "list-entry"}, {513, "change-entry"}, {514, "list-elements"},
	{515, "same-mbr-of"}, {516, "set-fld-sentry"}, {517, "list-owned"}, {518, "get-cps2"},
	{519, "get-host-cps"}, {520, "update-entry"}, {521, "list-entries"},
	{530, "list-super-groups"}}

var rxVldbReq = []rxTok{{501, "create-entry"}, {502, "delete-entry"}, {503, "get-entry-by-id"},
	{504, "get-entry-by-name"}, {505, "get-new-volume-id"}, {506, "replace-entry"},
	{507, "update-entry"}, {508, "setlock"}, {509, "releaselock"}, {510, "list-entry"},
	{511, "list-attrib"}, {512, "linked-list"}, {513, "get-stats"}, {514, "probe"},
	{515, "get-addrs"}, {516, "change-addr"}, {517, "create-entry-n"},
	{518, "get-entry-by-id-n"}, {519, "get-entry-by-name-n"}, {520, "replace-entry-n"},
	{521, "list-entry-n"}, {522, "list-attrib-n"}, {523, "linked-list-n"},
	{524, "update-entry-by-name"}, {525, "create-entry-u"}, {526, "get-entry-by-id-u"},
	{527, "get-entry-by-name-u"}, {528, "replace-entry-u"}, {529, "list-entry-u"},
	{530, "list-attrib-u"}, {531, "linked-list-u"}, {532, "regaddr"}, {533, "get-addrs-u"},
	{534, "list-attrib-n2"}}

var rxKauthReq = []rxTok{{1, "auth-old"}, {21, "authenticate"}, {22, "authenticate-v2"},
	{2, "change-pw"}, {3, "get-ticket-old"}, {23, "get-ticket"}, {4, "set-pw"},
	{5, "set-fields"}, {6, "create-user"}, {7, "delete-user"}, {8, "get-entry"},
	{9, "list-entry"}, {10, "get-stats"}, {11, "debug"}, {12, "get-pw"},
	{13, "get-random-key"}, {14, "unlock"}, {15, "lock-status"}}

var rxVolReq = []rxTok{{100, "create-volume"}, {101, "delete-volume"}, {102, "restore"},
	{103, "forward"}, {104, "end-trans"}, {105, "clone"}, {106, "set-flags"},
	{107, "get-flags"}, {108, "trans-create"}, {109, "dump"}, {110, "get-nth-volume"},
	{111, "set-forwarding"}, {112, "get-name"}, {113, "get-status"}, {114, "sig-restore"},
	{115, "list-partitions"}, {116, "list-volumes"}, {117, "set-id-types"},
	{118, "monitor"}, {119, "partition-info"}, {120, "reclone"}, {121, "list-one-volume"},
	{122, "nuke"}, {123, "set-date"}, {124, "x-list-volumes"}, {125, "x-list-one-volume"},
	{126, "set-info"}, {127, "x-list-partitions"}, {128, "forward-multiple"},
	{65536, "convert-ro"}, {65537, "get-size"}, {65538, "dump-v2"}}

var rxBosReq = []rxTok{{80, "create-bnode"}, {81, "delete-bnode"}, {82, "set-status"},
	{83, "get-status"}, {84, "enumerate-instance"}, {85, "get-instance-info"},
	{86, "get-instance-parm"}, {87, "add-superuser"}, {88, "delete-superuser"},
	{89, "list-superusers"}, {90, "list-keys"}, {91, "add-key"}, {92, "delete-key"},
	{93, "set-cell-name"}, {94, "get-cell-name"}, {95, "get-cell-host"},
	{96, "add-cell-host"}, {97, "delete-cell-host"}, {98, "set-t-status"},
	{99, "shutdown-all"}, {100, "restart-all"}, {101, "startup-all"},
	{102, "set-noauth-flag"}, {103, "re-bozo"}, {104, "restart"},
	{105, "start-bozo-install"}, {106, "uninstall"}, {107, "get-dates"}, {108, "exec"},
	{109, "prune"}, {110, "set-restart-time"}, {111, "get-restart-time"},
	{112, "start-bozo-log"}, {113, "wait-all"}, {114, "get-instance-strings"},
	{115, "get-restricted"}, {116, "set-restricted"}}

var rxUbikReq = []rxTok{{10000, "vote-beacon"}, {10001, "vote-debug-old"},
	{10002, "vote-sdebug-old"}, {10003, "vote-getsyncsite"}, {10004, "vote-debug"},
	{10005, "vote-sdebug"}, {10006, "vote-xdebug"}, {10007, "vote-xsdebug"},
	{20000, "disk-begin"}, {20001, "disk-commit"}, {20002, "disk-lock"},
	{20003, "disk-write"}, {20004, "disk-getversion"}, {20005, "disk-getfile"},
	{20006, "disk-sendfile"}, {20007, "disk-abort"}, {20008, "disk-releaselocks"},
	{20009, "disk-truncate"}, {20010, "disk-probe"}, {20011, "disk-writev"},
	{20012, "disk-interfaceaddr"}, {20013, "disk-setversion"}}

var rxFsErrors = []rxTok{{101, "salvage volume"}, {102, "no such vnode"},
	{103, "no such volume"}, {104, "volume exist"}, {105, "no service"},
	{106, "volume offline"}, {107, "voline online"}, {108, "diskfull"},
	{109, "diskquota exceeded"}, {110, "volume busy"}, {111, "volume moved"},
	{112, "AFS IO error"}, {0xffffff9c, "restarting fileserver"}}

var rxAckReasons = []rxTok{{1, "ack requested"}, {2, "duplicate packet"},
	{3, "out of sequence"}, {4, "exceeds window"}, {5, "no buffer space"}, {6, "ping"},
	{7, "ping response"}, {8, "delay"}, {9, "idle"}}

var rxVolTypes = [...]string{"read-write", "read-only", "backup"}

// rxP is the state of one RX packet being printed. soft is a "goto trunc"
// inside a service printer (it prints " [|svc]" and rx_print goes on to
// print the length); hard is a GET_ macro running off the capture, after
// which tcpdump prints " [|rx]" and nothing else.
type rxP struct {
	b    []byte
	d    []byte
	off  int
	hard bool
	soft bool
}

func (p *rxP) have(n int) bool { return n >= 0 && p.off <= len(p.d) && len(p.d)-p.off >= n }

// tcheck is ND_TCHECK_LEN at the current offset (a soft truncation).
func (p *rxP) tcheck(n int) bool {
	if !p.have(n) {
		p.soft = true
		return false
	}
	return true
}

func (p *rxP) u32() (uint32, bool) {
	if !p.have(4) {
		p.hard = true
		return 0, false
	}
	v := be32(p.d[p.off:])
	p.off += 4
	return v, true
}

func (p *rxP) str(s string) { p.b = append(p.b, s...) }

func (p *rxP) tok(t []rxTok, v uint32) {
	if s := rxTokStr(t, v); s != "" {
		p.str(s)
		return
	}
	p.str("op#")
	p.b = appendUint(p.b, uint64(v))
}

// The tcpdump output macros; each returns false when printing must stop.

func (p *rxP) intOut() bool {
	v, ok := p.u32()
	if !ok {
		return false
	}
	p.b = append(p.b, ' ')
	p.b = appendInt(p.b, int64(int32(v)))
	return true
}

func (p *rxP) uintOut() bool {
	v, ok := p.u32()
	if !ok {
		return false
	}
	p.b = append(p.b, ' ')
	p.b = appendUint(p.b, uint64(v))
	return true
}

func (p *rxP) uint64Out() bool {
	if !p.have(8) {
		p.hard = true
		return false
	}
	v := uint64(be32(p.d[p.off:]))<<32 | uint64(be32(p.d[p.off+4:]))
	p.off += 8
	p.b = append(p.b, ' ')
	p.b = appendUint(p.b, v)
	return true
}

// dateOut is DATEOUT: a 32-bit signed time as "YYYY-MM-DD HH:MM:SS" in
// local time, as 4.99.5 prints it (strftime of localtime(); 4.99.3 used
// "YYYY/MM/DD", tcpdump commit f8a83655).
func (p *rxP) dateOut() bool {
	v, ok := p.u32()
	if !ok {
		return false
	}
	t := time.Unix(int64(int32(v)), 0).In(time.Local)
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	p.b = append(p.b, ' ')
	p.b = appendUintPad(p.b, uint64(y), 4)
	p.b = append(p.b, '-')
	p.b = appendUintPad(p.b, uint64(mo), 2)
	p.b = append(p.b, '-')
	p.b = appendUintPad(p.b, uint64(d), 2)
	p.b = append(p.b, ' ')
	p.b = appendUintPad(p.b, uint64(h), 2)
	p.b = append(p.b, ':')
	p.b = appendUintPad(p.b, uint64(mi), 2)
	p.b = append(p.b, ':')
	p.b = appendUintPad(p.b, uint64(s), 2)
	return true
}

func (p *rxP) fidOut() bool {
	if !p.tcheck(12) {
		return false
	}
	d := p.d[p.off:]
	p.str(" fid ")
	p.b = appendUint(p.b, uint64(be32(d)))
	p.b = append(p.b, '/')
	p.b = appendUint(p.b, uint64(be32(d[4:])))
	p.b = append(p.b, '/')
	p.b = appendUint(p.b, uint64(be32(d[8:])))
	p.off += 12
	return true
}

// strOut is STROUT(max): a counted, padded string in double quotes.
func (p *rxP) strOut(max uint32) bool {
	n, ok := p.u32()
	if !ok {
		return false
	}
	if n > max {
		p.soft = true
		return false
	}
	p.str(` "`)
	for i := uint32(0); i < n; i++ {
		if p.off+int(i) >= len(p.d) {
			p.soft = true
			return false
		}
		p.b = appendEscChar(p.b, p.d[p.off+int(i)])
	}
	p.b = append(p.b, '"')
	p.off += int((n + 3) / 4 * 4)
	return true
}

func (p *rxP) storeAttrOut() bool {
	if !p.tcheck(24) {
		return false
	}
	mask, _ := p.u32()
	if mask != 0 {
		p.str(" StoreStatus")
	}
	if mask&1 != 0 {
		p.str(" date")
		p.dateOut()
	} else {
		p.off += 4
	}
	v, _ := p.u32()
	if mask&2 != 0 {
		p.str(" owner ")
		p.b = appendUint(p.b, uint64(v))
	}
	v, _ = p.u32()
	if mask&4 != 0 {
		p.str(" group ")
		p.b = appendUint(p.b, uint64(v))
	}
	v, _ = p.u32()
	if mask&8 != 0 {
		p.str(" mode ")
		p.b = rxAppendOctal(p.b, v&07777)
	}
	v, _ = p.u32()
	if mask&16 != 0 {
		p.str(" segsize ")
		p.b = appendUint(p.b, uint64(v))
	}
	if mask&1024 != 0 {
		p.str(" fsync")
	}
	return true
}

func rxAppendOctal(b []byte, v uint32) []byte {
	var tmp [12]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + v&7)
		v >>= 3
		if v == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

func (p *rxP) ubikVersionOut() bool {
	if !p.tcheck(8) {
		return false
	}
	a, _ := p.u32()
	c, _ := p.u32()
	p.b = append(p.b, ' ')
	p.b = appendUint(p.b, uint64(a))
	p.b = append(p.b, '.')
	p.b = appendUint(p.b, uint64(c))
	return true
}

func (p *rxP) afsUUIDOut() bool {
	if !p.tcheck(44) {
		return false
	}
	v, _ := p.u32()
	p.str(" ")
	p.b = appendHexPad(p.b, uint64(v), 8)
	v, _ = p.u32()
	p.b = appendHexPad(p.b, uint64(v), 4)
	v, _ = p.u32()
	p.b = appendHexPad(p.b, uint64(v), 4)
	for i := 0; i < 8; i++ {
		v, _ = p.u32()
		p.b = appendHexByte(p.b, byte(v))
	}
	return true
}

// vecOut is VECOUT(max): max 32-bit words whose low bytes form a
// NUL-terminated string.
func (p *rxP) vecOut(max int) bool {
	if !p.tcheck(max * 4) {
		return false
	}
	p.str(` "`)
	end := false
	for k := 0; k < max; k++ {
		c := p.d[p.off+4*k+3]
		if c == 0 {
			end = true
		}
		if !end {
			p.b = appendEscChar(p.b, c)
		}
	}
	p.off += 4 * max
	p.b = append(p.b, '"')
	return true
}

func (p *rxP) destServerOut() bool {
	if !p.tcheck(12) {
		return false
	}
	a, _ := p.u32()
	c, _ := p.u32()
	e, _ := p.u32()
	p.str(" server ")
	p.b = appendUint(p.b, uint64(a))
	p.b = append(p.b, ':')
	p.b = appendUint(p.b, uint64(c))
	p.b = append(p.b, ':')
	p.b = appendUint(p.b, uint64(e))
	return true
}

// list prints n items with item(), separated by "," and " <none!>" for none.
func (p *rxP) list(n uint32, item func() bool) bool {
	for i := uint32(0); i < n; i++ {
		if !item() {
			return false
		}
		if i != n-1 {
			p.b = append(p.b, ',')
		}
	}
	if n == 0 {
		p.str(" <none!>")
	}
	return true
}

// seq prints n items with item(), then " <none!>" for none.
func (p *rxP) seq(n uint32, item func() bool) bool {
	for i := uint32(0); i < n; i++ {
		if !item() {
			return false
		}
	}
	if n == 0 {
		p.str(" <none!>")
	}
	return true
}

// printRX is rx_print for UDP ports 7000-7009 (either side), appended
// after "SRC.SPORT > DST.DPORT: ": " rx data fs call fetch-status fid 1/2/3 (40)",
// " rx type 0 (28)", " [|rx] (4)" (all with a leading space).
func (c *rxCalls) printRX(b []byte, data []byte, length int, ip *ipInfo, sport, dport uint16) []byte {
	if len(data) < rxHdrLen {
		b = append(b, " [|rx] ("...)
		b = appendUint(b, uint64(uint32(length)))
		return append(b, ')')
	}
	typ := data[20]
	flags := data[21]
	b = append(b, " rx "...)
	if s := rxTokStr(rxTypes, uint32(typ)); s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "type "...)
		b = appendUint(b, uint64(typ))
	}
	p := rxP{b: b, d: data}
	seq1 := be32(data[12:]) == 1
	var opcode uint32
	switch {
	case typ == 1 && seq1 && flags&1 != 0:
		c.insert(data, ip, dport)
		switch dport {
		case 7000:
			p.fsCall(length)
		case 7001:
			p.cbCall(length)
		case 7002:
			p.ptCall(length)
		case 7003:
			p.vldbCall(length)
		case 7004:
			p.kauthCall(length)
		case 7005:
			p.volCall(length)
		case 7007:
			p.bosCall(length)
		}
	case ((typ == 1 && seq1) || typ == 4) && flags&1 == 0 && c.find(data, ip, sport, &opcode):
		switch sport {
		case 7000:
			p.fsReply(length, opcode)
		case 7001:
			p.cbReply(length, opcode)
		case 7002:
			p.ptReply(length, opcode)
		case 7003:
			p.vldbReply(length, opcode)
		case 7004:
			p.kauthReply(length, opcode)
		case 7005:
			p.volReply(length, opcode)
		case 7007:
			p.bosReply(length, opcode)
		}
	case typ == 2:
		p.ack(length)
	}
	if p.hard {
		return appendTrunc(p.b, "rx")
	}
	b = append(p.b, " ("...)
	b = appendUint(b, uint64(uint32(length)))
	return append(b, ')')
}

// rxAddrs returns what tcpdump reads as ip_src and ip_dst of the enclosing
// header: for IPv6 that is bytes 12-19 of the IPv6 header, inside the
// source address.
func rxAddrs(ip *ipInfo) (src, dst uint32) {
	if ip == nil {
		return 0, 0
	}
	if ip.v6 {
		if len(ip.src) == 16 {
			return be32(ip.src[4:]), be32(ip.src[8:])
		}
		return 0, 0
	}
	if len(ip.src) == 4 && len(ip.dst) == 4 {
		return be32(ip.src), be32(ip.dst)
	}
	return 0, 0
}

func (c *rxCalls) insert(data []byte, ip *ipInfo, dport uint16) {
	if len(data) < rxHdrLen+4 {
		return
	}
	e := &c.slot[c.next]
	c.next++
	if c.next >= len(c.slot) {
		c.next = 0
	}
	e.callnum = be32(data[8:])
	e.client, e.server = rxAddrs(ip)
	e.dport = dport
	e.serviceID = be16(data[26:])
	e.opcode = be32(data[rxHdrLen:])
}

func (c *rxCalls) find(data []byte, ip *ipInfo, sport uint16, opcode *uint32) bool {
	sip, clip := rxAddrs(ip)
	callnum := be32(data[8:])
	svc := be16(data[26:])
	i := c.hint
	for {
		e := &c.slot[i]
		if e.callnum == callnum && e.client == clip && e.server == sip &&
			e.serviceID == svc && e.dport == sport {
			c.hint = i
			*opcode = e.opcode
			return true
		}
		i++
		if i >= len(c.slot) {
			i = 0
		}
		if i == c.hint {
			return false
		}
	}
}

// call starts a service call printer: the opcode after the RX header.
func (p *rxP) callOp(length int) (uint32, bool) {
	if length <= rxHdrLen {
		return 0, false
	}
	p.off = rxHdrLen
	return p.u32()
}

// done appends a service's truncation marker after a soft truncation.
func (p *rxP) done(svc string) {
	if p.soft && !p.hard {
		p.b = appendTrunc(p.b, svc)
	}
}

func (p *rxP) fsCall(length int) {
	op, ok := p.callOp(length)
	if !ok {
		return
	}
	p.str(" fs call ")
	p.tok(rxFsReq, op)
	p.fsCallArgs(op)
	p.done("fs")
}

func (p *rxP) fsCallArgs(op uint32) bool {
	switch op {
	case 130:
		return p.fidOut() && p.lbl(" offset") && p.uintOut() && p.lbl(" length") && p.uintOut()
	case 131, 132, 143, 144, 145, 156, 157, 158:
		return p.fidOut()
	case 135:
		return p.fidOut() && p.storeAttrOut()
	case 133:
		return p.fidOut() && p.storeAttrOut() && p.lbl(" offset") && p.uintOut() &&
			p.lbl(" length") && p.uintOut() && p.lbl(" flen") && p.uintOut()
	case 134:
		if !p.fidOut() {
			return false
		}
		return p.aclOut()
	case 137, 141:
		return p.fidOut() && p.strOut(256) && p.storeAttrOut()
	case 136, 142:
		return p.fidOut() && p.strOut(256)
	case 138:
		return p.lbl(" old") && p.fidOut() && p.strOut(256) && p.lbl(" new") && p.fidOut() && p.strOut(256)
	case 139:
		return p.fidOut() && p.strOut(256) && p.lbl(" link to") && p.strOut(256)
	case 140:
		return p.fidOut() && p.strOut(256) && p.lbl(" link to") && p.fidOut()
	case 148:
		return p.strOut(256)
	case 149, 150:
		return p.lbl(" volid") && p.uintOut()
	case 154:
		return p.lbl(" volname") && p.strOut(256)
	case 155, 65536:
		n, ok := p.u32()
		return ok && p.list(n, p.fidOut)
	case 65537:
		return p.fidOut() && p.lbl(" offset") && p.uint64Out() && p.lbl(" length") && p.uint64Out()
	case 65538:
		return p.fidOut() && p.storeAttrOut() && p.lbl(" offset") && p.uint64Out() &&
			p.lbl(" length") && p.uint64Out() && p.lbl(" flen") && p.uint64Out()
	case 65541:
		return p.lbl(" addr") && p.uintOut()
	}
	return true
}

// lbl appends s; it always succeeds (for chaining with the macros).
func (p *rxP) lbl(s string) bool {
	p.str(s)
	return true
}

// aclOut reads a counted opaque ACL string and prints it with acl_print.
func (p *rxP) aclOut() bool {
	n, ok := p.u32()
	if !ok {
		return false
	}
	if !p.tcheck(int(n)) || int(n) < 0 {
		p.soft = true
		return false
	}
	if n > 1024 {
		n = 1024
	}
	s := p.d[p.off : p.off+int(n)]
	for i, c := range s {
		if c == 0 {
			s = s[:i]
			break
		}
	}
	p.b = rxACL(p.b, s)
	return true
}

// rxScanInt is sscanf's %d: skip white space, optional sign, digits.
func rxScanInt(s []byte, i int) (v int32, next int, ok bool) {
	for i < len(s) && rxIsSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	start := i
	var n int64
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if n < 1<<40 {
			n = n*10 + int64(s[i]-'0')
		}
		i++
	}
	if i == start {
		return 0, i, false
	}
	if neg {
		n = -n
	}
	return int32(n), i, true
}

func rxIsSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func rxSkipSpace(s []byte, i int) int {
	for i < len(s) && rxIsSpace(s[i]) {
		i++
	}
	return i
}

// rxACL is acl_print: "<pos> <neg>\n" then pos and neg "<user> <bits>\n"
// lines, printed as " +{user rlidwka}" and " -{user ...}".
func rxACL(b []byte, s []byte) []byte {
	pos, i, ok := rxScanInt(s, 0)
	if !ok {
		return b
	}
	neg, i, ok := rxScanInt(s, i)
	if !ok {
		return b
	}
	i = rxSkipSpace(s, i)
	for _, sign := range [2]byte{'+', '-'} {
		n := pos
		if sign == '-' {
			n = neg
		}
		for k := int32(0); k < n; k++ {
			j := rxSkipSpace(s, i)
			u := j
			for j < len(s) && !rxIsSpace(s[j]) && j-u < 1024 {
				j++
			}
			if j == u {
				return b
			}
			user := s[u:j]
			acl, j2, ok := rxScanInt(s, j)
			if !ok {
				return b
			}
			i = rxSkipSpace(s, j2)
			b = append(b, ' ', sign, '{')
			b = appendEscN(b, user)
			b = append(b, ' ')
			for _, f := range [...]struct {
				bit int32
				c   byte
			}{{1, 'r'}, {8, 'l'}, {4, 'i'}, {16, 'd'}, {2, 'w'}, {32, 'k'}, {64, 'a'}} {
				if acl&f.bit != 0 {
					b = append(b, f.c)
				}
			}
			b = append(b, '}')
		}
	}
	return b
}

// replyStart is the common start of the reply printers: it returns the
// RX packet type and moves past the header.
func (p *rxP) replyStart() byte {
	p.off = rxHdrLen
	return p.d[20]
}

func (p *rxP) fsReply(length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	p.str(" fs reply ")
	p.tok(rxFsReq, op)
	switch p.replyStart() {
	case 1:
		switch op {
		case 131:
			p.aclOut()
		case 137, 141:
			_ = p.lbl(" new") && p.fidOut()
		case 151:
			_ = p.lbl(" root volume") && p.strOut(256)
		case 153:
			p.dateOut()
		}
	case 4:
		v, ok := p.u32()
		if ok {
			p.str(" error ")
			if s := rxTokStr(rxFsErrors, v); s != "" {
				p.str(s)
			} else {
				p.b = append(p.b, '#')
				p.b = appendInt(p.b, int64(int32(v)))
			}
		}
	default:
		p.str(" strange fs reply of type ")
		p.b = appendUint(p.b, uint64(p.d[20]))
	}
	p.done("fs")
}

func (p *rxP) cbCall(length int) {
	op, ok := p.callOp(length)
	if !ok {
		return
	}
	p.str(" cb call ")
	p.tok(rxCbReq, op)
	switch op {
	case 204:
		n, ok := p.u32()
		if !ok || !p.list(n, p.fidOut) {
			break
		}
		n, ok = p.u32()
		if !ok {
			break
		}
		if n != 0 {
			p.b = append(p.b, ';')
		}
		for i := uint32(0); i < n; i++ {
			if !(p.lbl(" ver") && p.intOut() && p.lbl(" expires") && p.dateOut()) {
				break
			}
			if _, ok := p.u32(); !ok {
				break
			}
		}
	case 214:
		_ = p.lbl(" afsuuid") && p.afsUUIDOut()
	}
	p.done("cb")
}

func (p *rxP) cbReply(length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	p.str(" cb reply ")
	p.tok(rxCbReq, op)
	if p.replyStart() == 1 {
		if op == 213 {
			p.afsUUIDOut()
		}
	} else {
		_ = p.lbl(" errcode") && p.intOut()
	}
	p.done("cb")
}

func rxIsUbik(op uint32) bool {
	return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013)
}

func (p *rxP) ptCall(length int) {
	op, ok := p.callOp(length)
	if !ok {
		return
	}
	p.str(" pt")
	if rxIsUbik(op) {
		p.ubikCall(op)
		return
	}
	p.str(" call ")
	p.tok(rxPtReq, op)
	switch op {
	case 500:
		_ = p.strOut(64) && p.lbl(" id") && p.intOut() && p.lbl(" oldid") && p.intOut()
	case 501, 506, 508, 512, 514, 517, 518, 519, 530:
		_ = p.lbl(" id") && p.intOut()
	case 502:
		_ = p.lbl(" pos") && p.intOut()
	case 503, 507, 515:
		_ = p.lbl(" uid") && p.intOut() && p.lbl(" gid") && p.intOut()
	case 504:
		if n, ok := p.u32(); ok {
			p.seq(n, func() bool { return p.vecOut(64) })
		}
	case 505:
		p.str(" ids:")
		if n, ok := p.u32(); ok {
			p.seq(n, p.intOut)
		}
	case 509:
		_ = p.strOut(64) && p.lbl(" flag") && p.intOut() && p.lbl(" oid") && p.intOut()
	case 511:
		_ = p.lbl(" id") && p.intOut() && p.lbl(" gflag") && p.intOut()
	case 513:
		_ = p.lbl(" id") && p.intOut() && p.strOut(64) && p.lbl(" oldid") && p.intOut() &&
			p.lbl(" newid") && p.intOut()
	case 520:
		_ = p.lbl(" id") && p.intOut() && p.strOut(64)
	}
	p.done("pt")
}

func (p *rxP) ptReply(length int, op uint32) {
	if length < rxHdrLen {
		return
	}
	p.str(" pt")
	if rxIsUbik(op) {
		p.ubikReply(length, op)
		return
	}
	p.str(" reply ")
	p.tok(rxPtReq, op)
	if p.replyStart() == 1 {
		switch op {
		case 504:
			p.str(" ids:")
			if n, ok := p.u32(); ok {
				p.seq(n, p.intOut)
			}
		case 505:
			if n, ok := p.u32(); ok {
				p.seq(n, func() bool { return p.vecOut(64) })
			}
		case 508, 514, 517, 518, 519:
			if n, ok := p.u32(); ok {
				p.seq(n, p.intOut)
			}
		case 510:
			_ = p.lbl(" maxuid") && p.intOut() && p.lbl(" maxgid") && p.intOut()
		}
	} else {
		_ = p.lbl(" errcode") && p.intOut()
	}
	p.done("pt")
}

func (p *rxP) volType() bool {
	v, ok := p.u32()
	if !ok {
		return false
	}
	if v <= 2 {
		p.str(" type ")
		p.str(rxVolTypes[v])
	}
	return true
}

func (p *rxP) vldbCall(length int) {
	op, ok := p.callOp(length)
	if !ok {
		return
	}
	p.str(" vldb")
	if rxIsUbik(op) {
		p.ubikCall(op)
		return
	}
	p.str(" call ")
	p.tok(rxVldbReq, op)
	switch op {
	case 501, 517:
		p.vecOut(65)
	case 502, 503, 507, 508, 509, 518:
		_ = p.lbl(" volid") && p.intOut() && p.volType()
	case 504, 519, 524, 527:
		p.strOut(65)
	case 505:
		_ = p.lbl(" bump") && p.intOut()
	case 506, 520:
		_ = p.lbl(" volid") && p.intOut() && p.volType() && p.vecOut(65)
	case 510, 521:
		_ = p.lbl(" index") && p.intOut()
	}
	p.done("vldb")
}

// vldbEntry prints the tail of a VLDB entry with nsrv server slots.
func (p *rxP) vldbEntry(nsrv int, skip4 bool, uuids bool) bool {
	if !p.vecOut(65) {
		return false
	}
	if skip4 {
		if !p.tcheck(4) {
			return false
		}
		p.off += 4
	}
	p.str(" numservers")
	ns, ok := p.u32()
	if !ok {
		return false
	}
	p.b = append(p.b, ' ')
	p.b = appendUint(p.b, uint64(ns))
	p.str(" servers")
	for i := 0; i < nsrv; i++ {
		if uuids {
			if uint32(i) < ns {
				if !(p.lbl(" afsuuid") && p.afsUUIDOut()) {
					return false
				}
			} else {
				if !p.tcheck(44) {
					return false
				}
				p.off += 44
			}
			continue
		}
		if !p.tcheck(4) {
			return false
		}
		if uint32(i) < ns {
			p.b = append(p.b, ' ')
			p.b = appendIPv4(p.b, p.d[p.off:p.off+4])
		}
		p.off += 4
	}
	if uuids {
		if !p.tcheck(4 * 13) {
			return false
		}
		p.off += 4 * 13
	}
	p.str(" partitions")
	for i := 0; i < nsrv; i++ {
		j, ok := p.u32()
		if !ok {
			return false
		}
		if uint32(i) < ns && j <= 26 {
			p.b = append(p.b, ' ', byte('a'+j))
		} else if uint32(i) < ns {
			p.b = append(p.b, ' ')
			p.b = appendUint(p.b, uint64(j))
		}
	}
	if !p.tcheck(nsrv * 4) {
		return false
	}
	p.off += nsrv * 4
	return p.lbl(" rwvol") && p.uintOut() && p.lbl(" rovol") && p.uintOut() &&
		p.lbl(" backup") && p.uintOut()
}

func (p *rxP) vldbReply(length int, op uint32) {
	if length < rxHdrLen {
		return
	}
	p.str(" vldb")
	if rxIsUbik(op) {
		p.ubikReply(length, op)
		return
	}
	p.str(" reply ")
	p.tok(rxVldbReq, op)
	if p.replyStart() == 1 {
		switch op {
		case 510:
			_ = p.lbl(" count") && p.intOut() && p.lbl(" nextindex") && p.intOut() &&
				p.vldbEntry(8, true, false)
		case 503, 504:
			p.vldbEntry(8, true, false)
		case 505:
			_ = p.lbl(" newvol") && p.uintOut()
		case 521, 529:
			_ = p.lbl(" count") && p.intOut() && p.lbl(" nextindex") && p.intOut() &&
				p.vldbEntry(13, false, false)
		case 518, 519:
			p.vldbEntry(13, false, false)
		case 526, 527:
			p.vldbEntry(13, false, true)
		}
	} else {
		_ = p.lbl(" errcode") && p.intOut()
	}
	p.done("vldb")
}

func (p *rxP) kauthCall(length int) {
	op, ok := p.callOp(length)
	if !ok {
		return
	}
	p.str(" kauth")
	if rxIsUbik(op) {
		p.ubikCall(op)
		return
	}
	p.str(" call ")
	p.tok(rxKauthReq, op)
	switch op {
	case 1, 21, 22, 2, 5, 6, 7, 8, 14, 15:
		_ = p.lbl(" principal") && p.strOut(64) && p.strOut(64)
	case 3, 23:
		if !(p.lbl(" kvno") && p.intOut() && p.lbl(" domain") && p.strOut(64)) {
			break
		}
		n, ok := p.u32()
		if !ok || !p.tcheck(int(n)) || int(n) < 0 {
			p.soft = p.soft || ok
			break
		}
		p.off += int(n)
		_ = p.lbl(" principal") && p.strOut(64) && p.strOut(64)
	case 4:
		_ = p.lbl(" principal") && p.strOut(64) && p.strOut(64) && p.lbl(" kvno") && p.intOut()
	case 12:
		_ = p.lbl(" name") && p.strOut(64)
	}
	p.done("kauth")
}

func (p *rxP) kauthReply(length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	p.str(" kauth")
	if rxIsUbik(op) {
		p.ubikReply(length, op)
		return
	}
	p.str(" reply ")
	p.tok(rxKauthReq, op)
	if p.replyStart() != 1 {
		_ = p.lbl(" errcode") && p.intOut()
	}
}

func (p *rxP) volCall(length int) {
	op, ok := p.callOp(length)
	if !ok {
		return
	}
	p.str(" vol call ")
	p.tok(rxVolReq, op)
	switch op {
	case 100:
		_ = p.lbl(" partition") && p.uintOut() && p.lbl(" name") && p.strOut(256) &&
			p.lbl(" type") && p.uintOut() && p.lbl(" parent") && p.uintOut()
	case 101, 107:
		_ = p.lbl(" trans") && p.uintOut()
	case 102:
		_ = p.lbl(" totrans") && p.uintOut() && p.lbl(" flags") && p.uintOut()
	case 103:
		_ = p.lbl(" fromtrans") && p.uintOut() && p.lbl(" fromdate") && p.dateOut() &&
			p.destServerOut() && p.lbl(" desttrans") && p.intOut()
	case 104:
		_ = p.lbl(" trans") && p.uintOut()
	case 105:
		_ = p.lbl(" trans") && p.uintOut() && p.lbl(" purgevol") && p.uintOut() &&
			p.lbl(" newtype") && p.uintOut() && p.lbl(" newname") && p.strOut(256)
	case 106:
		_ = p.lbl(" trans") && p.uintOut() && p.lbl(" flags") && p.uintOut()
	case 108:
		_ = p.lbl(" vol") && p.uintOut() && p.lbl(" partition") && p.uintOut() &&
			p.lbl(" flags") && p.uintOut()
	case 109, 655537:
		_ = p.lbl(" fromtrans") && p.uintOut() && p.lbl(" fromdate") && p.dateOut()
	case 110:
		_ = p.lbl(" index") && p.uintOut()
	case 111:
		_ = p.lbl(" tid") && p.uintOut() && p.lbl(" newsite") && p.uintOut()
	case 112, 113:
		p.str(" tid")
	case 114:
		_ = p.lbl(" name") && p.strOut(256) && p.lbl(" type") && p.uintOut() &&
			p.lbl(" pid") && p.uintOut() && p.lbl(" cloneid") && p.uintOut()
	case 116:
		_ = p.lbl(" partition") && p.uintOut() && p.lbl(" flags") && p.uintOut()
	case 117:
		_ = p.lbl(" tid") && p.uintOut() && p.lbl(" name") && p.strOut(256) &&
			p.lbl(" type") && p.uintOut() && p.lbl(" pid") && p.uintOut() &&
			p.lbl(" clone") && p.uintOut() && p.lbl(" backup") && p.uintOut()
	case 119:
		_ = p.lbl(" name") && p.strOut(256)
	case 120:
		_ = p.lbl(" tid") && p.uintOut()
	case 121, 122, 124, 125, 65536:
		_ = p.lbl(" partid") && p.uintOut() && p.lbl(" volid") && p.uintOut()
	case 123:
		_ = p.lbl(" tid") && p.uintOut() && p.lbl(" date") && p.dateOut()
	case 126:
		_ = p.lbl(" tid") && p.uintOut()
	case 128:
		if !(p.lbl(" fromtrans") && p.uintOut() && p.lbl(" fromdate") && p.dateOut()) {
			break
		}
		if n, ok := p.u32(); ok {
			p.list(n, p.destServerOut)
		}
	case 65538:
		_ = p.lbl(" fromtrans") && p.uintOut() && p.lbl(" fromdate") && p.dateOut() &&
			p.lbl(" flags") && p.uintOut()
	}
	p.done("vol")
}

func (p *rxP) volReply(length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	p.str(" vol reply ")
	p.tok(rxVolReq, op)
	if p.replyStart() == 1 {
		switch op {
		case 100:
			_ = p.lbl(" volid") && p.uintOut() && p.lbl(" trans") && p.uintOut()
		case 104, 107:
			p.uintOut()
		case 105:
			_ = p.lbl(" newvol") && p.uintOut()
		case 108:
			_ = p.lbl(" trans") && p.uintOut()
		case 110:
			_ = p.lbl(" volume") && p.uintOut() && p.lbl(" partition") && p.uintOut()
		case 112:
			p.strOut(256)
		case 113:
			ok := true
			for _, l := range [...]string{" volid", " nextuniq", " type", " parentid", " clone",
				" backup", " restore", " maxquota", " minquota", " owner"} {
				if ok = p.lbl(l) && p.uintOut(); !ok {
					break
				}
			}
			if ok {
				for _, l := range [...]string{" create", " access", " update", " expire", " backup", " copy"} {
					if !(p.lbl(l) && p.dateOut()) {
						break
					}
				}
			}
		case 116, 121:
			n, ok := p.u32()
			if !ok {
				break
			}
			p.list(n, func() bool {
				if !(p.lbl(" name") && p.vecOut(32) && p.lbl(" volid") && p.uintOut() && p.lbl(" type")) {
					return false
				}
				p.off += 4 * 21
				return true
			})
		}
	} else {
		_ = p.lbl(" errcode") && p.intOut()
	}
	p.done("vol")
}

func (p *rxP) bosCall(length int) {
	op, ok := p.callOp(length)
	if !ok {
		return
	}
	p.str(" bos call ")
	p.tok(rxBosReq, op)
	switch op {
	case 80:
		_ = p.lbl(" type") && p.strOut(256) && p.lbl(" instance") && p.strOut(256)
	case 81, 83, 85, 87, 88, 93, 96, 97, 104, 106, 108, 112, 114:
		p.strOut(256)
	case 82, 98:
		_ = p.strOut(256) && p.lbl(" status") && p.intOut()
	case 86:
		_ = p.strOut(256) && p.lbl(" num") && p.intOut()
	case 84, 89, 90, 91, 92, 95:
		p.intOut()
	case 105:
		_ = p.strOut(256) && p.lbl(" size") && p.intOut() && p.lbl(" flags") && p.intOut() &&
			p.lbl(" date") && p.intOut()
	}
	p.done("bos")
}

func (p *rxP) bosReply(length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	p.str(" bos reply ")
	p.tok(rxBosReq, op)
	if p.replyStart() != 1 {
		_ = p.lbl(" errcode") && p.intOut()
	}
}

func (p *rxP) ubikCall(op uint32) {
	p.str(" ubik call ")
	p.tok(rxUbikReq, op)
	p.off = rxHdrLen + 4
	switch op {
	case 10000:
		v, ok := p.u32()
		if !ok {
			break
		}
		if v != 0 {
			p.str(" syncsite yes")
		} else {
			p.str(" syncsite no")
		}
		_ = p.lbl(" votestart") && p.dateOut() && p.lbl(" dbversion") && p.ubikVersionOut() &&
			p.lbl(" tid") && p.ubikVersionOut()
	case 10003:
		_ = p.lbl(" site") && p.uintOut()
	case 20000, 20001, 20007, 20008, 20010:
		_ = p.lbl(" tid") && p.ubikVersionOut()
	case 20002:
		if p.lbl(" tid") && p.ubikVersionOut() && p.lbl(" file") && p.intOut() &&
			p.lbl(" pos") && p.intOut() && p.lbl(" length") && p.intOut() {
			p.u32()
		}
	case 20003:
		_ = p.lbl(" tid") && p.ubikVersionOut() && p.lbl(" file") && p.intOut() &&
			p.lbl(" pos") && p.intOut()
	case 20005:
		_ = p.lbl(" file") && p.intOut()
	case 20006:
		_ = p.lbl(" file") && p.intOut() && p.lbl(" length") && p.intOut() &&
			p.lbl(" dbversion") && p.ubikVersionOut()
	case 20009:
		_ = p.lbl(" tid") && p.ubikVersionOut() && p.lbl(" file") && p.intOut() &&
			p.lbl(" length") && p.intOut()
	case 20012:
		_ = p.lbl(" tid") && p.ubikVersionOut() && p.lbl(" oldversion") && p.ubikVersionOut() &&
			p.lbl(" newversion") && p.ubikVersionOut()
	}
	p.done("ubik")
}

func (p *rxP) ubikReply(length int, op uint32) {
	if length < rxHdrLen {
		return
	}
	p.str(" ubik reply ")
	p.tok(rxUbikReq, op)
	if p.replyStart() == 1 {
		switch op {
		case 10000:
			p.str(" vote no")
		case 20004:
			_ = p.lbl(" dbversion") && p.ubikVersionOut()
		}
	} else if op == 10000 {
		_ = p.lbl(" vote yes until") && p.dateOut()
	} else {
		_ = p.lbl(" errcode") && p.intOut()
	}
	p.done("ubik")
}

// ack is rx_ack_print without -v.
func (p *rxP) ack(length int) {
	if length < rxHdrLen {
		return
	}
	p.off = rxHdrLen
	if !p.tcheck(18) {
		p.done("ack")
		return
	}
	a := p.d[p.off:]
	first := be32(a[4:])
	p.str(" first ")
	p.b = appendUint(p.b, uint64(first))
	p.str(" serial ")
	p.b = appendUint(p.b, uint64(be32(a[12:])))
	p.str(" reason ")
	if s := rxTokStr(rxAckReasons, uint32(a[16])); s != "" {
		p.str(s)
	} else {
		p.b = append(p.b, '#')
		p.b = appendUint(p.b, uint64(a[16]))
	}
	n := int(a[17])
	p.off += 18
	if n == 0 {
		return
	}
	if !p.tcheck(n) {
		p.done("ack")
		return
	}
	acks := p.d[p.off : p.off+n]
	for _, want := range [2]byte{1, 0} {
		start, last := -2, -2
		i := 0
		for ; i < n; i++ {
			if acks[i] == want {
				if last == -2 {
					if want == 1 {
						p.str(" acked ")
					} else {
						p.str(" nacked ")
					}
					p.b = appendUint(p.b, uint64(first+uint32(i)))
					start = i
				} else if last != i-1 {
					p.b = append(p.b, ',')
					p.b = appendUint(p.b, uint64(first+uint32(i)))
					start = i
				}
				last = i
			} else if last == i-1 && start != last {
				p.b = append(p.b, '-')
				p.b = appendUint(p.b, uint64(first+uint32(i)-1))
			}
		}
		if last == i-1 && start != last {
			p.b = append(p.b, '-')
			p.b = appendUint(p.b, uint64(first+uint32(i)-1))
		}
	}
}
