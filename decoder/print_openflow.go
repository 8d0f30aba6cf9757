package decoder

// OpenFlow (print-openflow.c with the 1.0 and 1.3 message tables), TCP
// ports 6633 and 6653, at default verbosity: one "\n\tversion ..., type
// ..., length N, xid 0x..." line per message.

// openflowMsg is of_msgtypeinfo without the decoder: the name and the
// length rule of the message body (beyond the 8-byte header).
type openflowMsg struct {
	name string
	req  uint8 // 0 none, 1 fixed length, 2 minimum length
	n    uint16
}

const (
	ofReqNone = iota
	ofReqFix
	ofReqMin
)

var openflow10Msgs = [...]openflowMsg{
	{"HELLO", ofReqMin, 0}, {"ERROR", ofReqMin, 4}, {"ECHO_REQUEST", ofReqMin, 0},
	{"ECHO_REPLY", ofReqMin, 0}, {"VENDOR", ofReqMin, 4}, {"FEATURES_REQUEST", ofReqFix, 0},
	{"FEATURES_REPLY", ofReqMin, 24}, {"GET_CONFIG_REQUEST", ofReqFix, 0},
	{"GET_CONFIG_REPLY", ofReqFix, 4}, {"SET_CONFIG", ofReqFix, 4},
	{"PACKET_IN", ofReqMin, 10}, {"FLOW_REMOVED", ofReqFix, 80},
	{"PORT_STATUS", ofReqFix, 56}, {"PACKET_OUT", ofReqMin, 8}, {"FLOW_MOD", ofReqMin, 64},
	{"PORT_MOD", ofReqFix, 24}, {"STATS_REQUEST", ofReqMin, 4}, {"STATS_REPLY", ofReqMin, 4},
	{"BARRIER_REQUEST", ofReqFix, 0}, {"BARRIER_REPLY", ofReqFix, 0},
	{"QUEUE_GET_CONFIG_REQUEST", ofReqFix, 4}, {"QUEUE_GET_CONFIG_REPLY", ofReqMin, 8},
}

var openflow13Msgs = [...]openflowMsg{
	{"HELLO", ofReqMin, 0}, {"ERROR", ofReqMin, 4}, {"ECHO_REQUEST", ofReqMin, 0},
	{"ECHO_REPLY", ofReqMin, 0}, {"EXPERIMENTER", ofReqMin, 8}, {"FEATURES_REQUEST", ofReqFix, 0},
	{"FEATURES_REPLY", ofReqFix, 24}, {"GET_CONFIG_REQUEST", ofReqFix, 0},
	{"GET_CONFIG_REPLY", ofReqFix, 4}, {"SET_CONFIG", ofReqFix, 4},
	{"PACKET_IN", ofReqNone, 0}, {"FLOW_REMOVED", ofReqNone, 0}, {"PORT_STATUS", ofReqFix, 72},
	{"PACKET_OUT", ofReqNone, 0}, {"FLOW_MOD", ofReqNone, 0}, {"GROUP_MOD", ofReqNone, 0},
	{"PORT_MOD", ofReqFix, 32}, {"TABLE_MOD", ofReqFix, 8}, {"MULTIPART_REQUEST", ofReqNone, 0},
	{"MULTIPART_REPLY", ofReqNone, 0}, {"BARRIER_REQUEST", ofReqFix, 0},
	{"BARRIER_REPLY", ofReqFix, 0}, {"QUEUE_GET_CONFIG_REQUEST", ofReqFix, 8},
	{"QUEUE_GET_CONFIG_REPLY", ofReqNone, 0}, {"ROLE_REQUEST", ofReqFix, 16},
	{"ROLE_REPLY", ofReqFix, 16}, {"GET_ASYNC_REQUEST", ofReqFix, 0},
	{"GET_ASYNC_REPLY", ofReqFix, 24}, {"SET_ASYNC", ofReqFix, 24}, {"METER_MOD", ofReqNone, 0},
}

var openflowVersions = [...]string{1: "1.0", 2: "1.1", 3: "1.2", 4: "1.3", 5: "1.4", 6: "1.5"}

// printOpenFlow is openflow_print, appended after ", length N" of the TCP
// line: ": OpenFlow\n\tversion 1.3, type HELLO, length 8, xid 0x00000001".
func printOpenFlow(b []byte, data []byte, length int) []byte {
	const proto = "openflow"
	b = append(b, ": OpenFlow"...)
	p := 0
	n := length
	for n > 0 {
		if p >= len(data) {
			return appendTrunc(b, proto)
		}
		ver := data[p]
		p, n = p+1, n-1
		b = append(b, "\n\tversion "...)
		if int(ver) < len(openflowVersions) && openflowVersions[ver] != "" {
			b = append(b, openflowVersions[ver]...)
		} else {
			b = append(b, "unknown (0x"...)
			b = appendHexByte(b, ver)
			b = append(b, ')')
		}
		if n < 1 {
			return openflowPartial(b, data, p, n)
		}
		if p >= len(data) {
			return appendTrunc(b, proto)
		}
		t := data[p]
		p, n = p+1, n-1
		var mti *openflowMsg
		switch {
		case ver == 1 && int(t) < len(openflow10Msgs):
			mti = &openflow10Msgs[t]
		case ver == 4 && int(t) < len(openflow13Msgs):
			mti = &openflow13Msgs[t]
		}
		if mti != nil {
			b = append(b, ", type "...)
			b = append(b, mti.name...)
		} else {
			b = append(b, ", type unknown (0x"...)
			b = appendHexByte(b, t)
			b = append(b, ')')
		}
		if n < 2 {
			return openflowPartial(b, data, p, n)
		}
		if p+2 > len(data) {
			return appendTrunc(b, proto)
		}
		ml := int(be16(data[p:]))
		p, n = p+2, n-2
		b = append(b, ", length "...)
		b = appendUint(b, uint64(ml))
		if ml < 8 {
			b = append(b, " (too short!)"...)
		}
		if n < 4 {
			return openflowPartial(b, data, p, n)
		}
		if p+4 > len(data) {
			return appendTrunc(b, proto)
		}
		b = append(b, ", xid 0x"...)
		b = appendHexPad(b, uint64(be32(data[p:])), 8)
		p, n = p+4, n-4
		if ml < 8 {
			b = ndAppendInvalid(b)
			if !ndHave(data, p, n) {
				return appendTrunc(b, proto)
			}
			return b
		}
		body := ml - 8
		if mti != nil && ((mti.req == ofReqFix && body != int(mti.n)) || (mti.req == ofReqMin && body < int(mti.n))) {
			b = ndAppendInvalid(b)
		}
		if !ndHave(data, p, body) {
			return appendTrunc(b, proto)
		}
		if body > n {
			break
		}
		p, n = p+body, n-body
	}
	return b
}

func openflowPartial(b []byte, data []byte, p, n int) []byte {
	b = append(b, " (end of TCP payload)"...)
	if !ndHave(data, p, n) {
		return appendTrunc(b, "openflow")
	}
	return b
}
