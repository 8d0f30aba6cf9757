package decoder

// MPLS in UDP (RFC 7510), UDP port 6635: udp_print hands the payload to
// mpls_print, which 4.99.5 follows into the inner IPv4/IPv6 packet.

// udpMPLS adapts the MPLS printer (print_ether.go's mplsPrint) to the UDP
// port table: "MPLS (label 16, tc 0, [S], ttl 64) 10.0.0.1 > ...".
func udpMPLS(d *Decoder, b, data []byte, length int, _ *ipInfo, _, _ uint16) []byte {
	return d.mplsPrint(b, data, uint32(length))
}
