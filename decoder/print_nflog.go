package decoder

// Link types the decoder renders.
const (
	LinkTypePFLOG = 117 // pf's pflog(4)
	LinkTypeNFLOG = 239 // Linux netfilter NFLOG, libpcap device nflog:N
)

// printNFLOG is tcpdump's nflog_if_print with -e: the header text
// "version 0, resource ID 7, family IPv4 (2), length 60: ", then the
// packet from the NFULA_PAYLOAD TLV. The TLV lengths and types are in the
// byte order of the capturing host.
func (d *Decoder) printNFLOG(b []byte, data []byte, wireLen int) []byte {
	const hdrLen, tlvLen, nfulaPayload = 4, 4, 9
	if len(data) < hdrLen {
		return appendTrunc(b, "nflog")
	}
	family, version := data[0], data[1]
	if version != 0 {
		b = append(b, "version "...)
		b = appendUint(b, uint64(version))
		return append(b, " (unknown)"...)
	}
	b = append(b, "version 0, resource ID "...)
	b = appendUint(b, uint64(be16(data[2:])))
	b = append(b, ", family "...)
	switch family {
	case 2:
		b = append(b, "IPv4"...)
	case 10:
		b = append(b, "IPv6"...)
	default:
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(family))
	b = append(b, "), length "...)
	b = appendUint(b, uint64(wireLen))
	b = append(b, ": "...)
	p := data[hdrLen:]
	length := wireLen - hdrLen
	for length > 0 {
		if len(p) < tlvLen {
			return appendTrunc(b, "nflog")
		}
		size := int(hostOrder.Uint16(p))
		if size%4 != 0 {
			size += 4 - size%4
		}
		if size < tlvLen || len(p) < size {
			return appendTrunc(b, "nflog")
		}
		if hostOrder.Uint16(p[2:]) == nfulaPayload {
			p = p[tlvLen:]
			length -= tlvLen
			break
		}
		p = p[size:]
		length -= size
	}
	d.sum.Length = length
	switch family {
	case 2:
		return d.printIP4(b, p, length)
	case 10:
		return d.printIP6(b, p, length)
	}
	return appendHexASCIIDump(b, p)
}
