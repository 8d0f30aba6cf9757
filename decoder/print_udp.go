package decoder

// printUDP is udp_print at default verbosity.
func (d *Decoder) printUDP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	if len(data) < 4 {
		if ip.direct {
			b = ip.appendAddrs(b)
		}
		return appendTrunc(b, "udp")
	}
	sport, dport := be16(data), be16(data[2:])
	d.notePorts(ip, sport, dport)
	if length < 8 {
		b = ip.appendAddrPorts(b, sport, dport)
		b = append(b, "truncated-udp "...)
		return appendUint(b, uint64(uint32(length)))
	}
	if len(data) < 6 {
		b = ip.appendAddrPorts(b, sport, dport)
		return appendTrunc(b, "udp")
	}
	ulen := int(be16(data[4:]))
	if ulen == 0 && length > 65535 {
		ulen = length
	}
	if ulen < 8 {
		b = ip.appendAddrPorts(b, sport, dport)
		b = append(b, "truncated-udplength "...)
		return appendUint(b, uint64(ulen))
	}
	ulen -= 8
	length -= 8
	if ulen < length {
		length = ulen
	}
	if len(data) < 8 {
		b = ip.appendAddrPorts(b, sport, dport)
		return appendTrunc(b, "udp")
	}
	b = ip.appendAddrPorts(b, sport, dport)
	payload := data[8:]
	// udp_print looks for NFS over RPC before its port chain.
	if sport == nfsPort || dport == nfsPort {
		if out, ok := d.nfs.printNFSUDP(b, payload, length, ip, sport, dport); ok {
			return out
		}
	}
	if out, ok := d.udpApp(b, payload, length, ip, sport, dport); ok {
		return out
	}
	if ulen > length && !ip.fragmented {
		b = append(b, "UDP, bad length "...)
		b = appendUint(b, uint64(ulen))
		b = append(b, " > "...)
		return appendUint(b, uint64(length))
	}
	b = append(b, "UDP, length "...)
	return appendUint(b, uint64(ulen))
}
