package decoder

// SCTP (IP protocol 132) as tcpdump 4.99.5's print-sctp.c prints it at
// default verbosity. Each chunk's text ends in "] ", so lines end with a
// space.

// sctpChunkName is tcpdump's sctp_chunkid_str; "" when unknown.
func sctpChunkName(id uint8) string {
	switch id {
	case 0x00:
		return "DATA"
	case 0x01:
		return "INIT"
	case 0x02:
		return "INIT ACK"
	case 0x03:
		return "SACK"
	case 0x04:
		return "HB REQ"
	case 0x05:
		return "HB ACK"
	case 0x06:
		return "ABORT"
	case 0x07:
		return "SHUTDOWN"
	case 0x08:
		return "SHUTDOWN ACK"
	case 0x09:
		return "OP ERR"
	case 0x0a:
		return "COOKIE ECHO"
	case 0x0b:
		return "COOKIE ACK"
	case 0x0c:
		return "ECN ECHO"
	case 0x0d:
		return "ECN CWR"
	case 0x0e:
		return "SHUTDOWN COMPLETE"
	case 0xc0:
		return "FOR CUM TSN"
	case 0xc1:
		return "REL CTRL"
	case 0xc2:
		return "REL CTRL ACK"
	}
	return ""
}

// sctpPPIDNames is tcpdump's PayloadProto_idents, indexed by PPID.
var sctpPPIDNames = [...]string{
	1: "ISDN Q.921", 2: "M2UA", 3: "M3UA", 4: "SUA", 5: "M2PA", 6: "V5.2",
	7: "H.248", 8: "BICC", 9: "TALI", 10: "DUA", 11: "ASAP", 12: "ENRP",
	13: "H.323", 14: "Q.IPC", 15: "SIMCO", 16: "DDPSC", 17: "DDPSSC",
	18: "S1AP", 19: "RUA", 20: "HNBAP", 21: "ForCES HP", 22: "ForCES MP",
	23: "ForCES LP", 24: "SBc-AP", 25: "NBAP", 27: "X2AP",
}

// sctpForCESChannel names the ForCES channel ports (6704-6706).
func sctpForCESChannel(port uint16) string {
	switch port {
	case 6704:
		return "ForCES HP"
	case 6705:
		return "ForCES MP"
	case 6706:
		return "ForCES LP"
	}
	return ""
}

// printSCTP is sctp_print. data starts at the SCTP header; length is the
// IP payload length. Nothing has been printed for the packet by the IP
// layer: SCTP prints "SRC.SPORT > DST.DPORT: " itself, from the enclosing
// IP header, whatever headers lie between.
func (d *Decoder) printSCTP(b []byte, data []byte, length int, ip *ipInfo) []byte {
	n := uint32(length)
	if n < 12 {
		b = append(b, "truncated-sctp - "...)
		b = appendUint(b, uint64(12-n))
		return append(b, " bytes missing!"...)
	}
	if len(data) < 12 {
		return appendTrunc(b, "sctp")
	}
	sport, dport := be16(data), be16(data[2:])
	d.notePorts(ip, sport, dport)
	b = ip.appendEndpoints(b, sport, dport)
	b = append(b, ": sctp"...)
	isForCES := false
	if s := sctpForCESChannel(sport); s != "" {
		b = append(b, '[')
		b = append(b, s...)
		b = append(b, ']')
		isForCES = true
	}
	if s := sctpForCESChannel(dport); s != "" {
		b = append(b, '[')
		b = append(b, s...)
		b = append(b, ']')
		isForCES = true
	}
	p := 12
	rem := n - 12 // sctpPacketLengthRemaining (u_int)
	sep := " ("
	for chunk := uint64(1); rem != 0; chunk++ {
		if rem < 4 {
			b = append(b, sep...)
			b = appendUint(b, chunk)
			return append(b, ") [chunk descriptor cut off at end of packet]"...)
		}
		if len(data) < p+4 {
			return appendTrunc(b, "sctp")
		}
		id, flags := data[p], data[p+1]
		clen := be16(data[p+2:])
		if clen < 4 {
			b = append(b, sep...)
			b = appendUint(b, chunk)
			b = append(b, ") [Bad chunk length "...)
			b = appendUint(b, uint64(clen))
			return append(b, ", < size of chunk descriptor]"...)
		}
		crem := clen // chunkLengthRemaining (uint16_t)
		align := uint32(clen % 4)
		if align != 0 {
			align = 4 - align
		}
		if rem < align {
			b = append(b, sep...)
			b = appendUint(b, chunk)
			b = append(b, ") [Bad chunk length "...)
			b = appendUint(b, uint64(clen))
			return append(b, ", > remaining data in packet]"...)
		}
		if len(data) < p+int(clen) {
			return appendTrunc(b, "sctp")
		}
		p += 4
		rem -= 4
		crem -= 4
		b = append(b, sep...)
		b = appendUint(b, chunk)
		b = append(b, ") ["...)
		if name := sctpChunkName(id); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "Unknown chunk type: 0x"...)
			b = appendHex(b, uint64(id))
		}
		b = append(b, "] "...)
		switch id {
		case 0x00: // DATA
			if flags&4 != 0 {
				b = append(b, "(U)"...)
			}
			if flags&2 != 0 {
				b = append(b, "(B)"...)
			}
			if flags&1 != 0 {
				b = append(b, "(E)"...)
			}
			if flags&7 != 0 {
				b = append(b, ' ')
			}
			if crem < 12 {
				return sctpBogus(b, clen)
			}
			ppid := be32(data[p+8:])
			b = append(b, "[TSN: "...)
			b = appendUint(b, uint64(be32(data[p:])))
			b = append(b, "] [SID: "...)
			b = appendUint(b, uint64(be16(data[p+4:])))
			b = append(b, "] [SSEQ "...)
			b = appendUint(b, uint64(be16(data[p+6:])))
			b = append(b, "] [PPID "...)
			if ppid < uint32(len(sctpPPIDNames)) && sctpPPIDNames[ppid] != "" {
				b = append(b, sctpPPIDNames[ppid]...)
			} else {
				b = append(b, "0x"...)
				b = appendHex(b, uint64(ppid))
			}
			b = append(b, "] "...)
			if ppid >= 21 && ppid <= 23 {
				isForCES = true
			}
			p += 12
			rem -= 12
			crem -= 12
			if crem == 0 {
				return sctpBogus(b, clen)
			}
			if isForCES {
				var stop bool
				if b, stop = sctpForCES(b, data[p:], uint32(crem)); stop {
					return b
				}
			}
			p += int(crem)
			rem -= uint32(crem)
			crem = 0
		case 0x01, 0x02: // INIT, INIT ACK
			if crem < 16 {
				return sctpBogus(b, clen)
			}
			b = append(b, "[init tag: "...)
			b = appendUint(b, uint64(be32(data[p:])))
			b = append(b, "] [rwnd: "...)
			b = appendUint(b, uint64(be32(data[p+4:])))
			b = append(b, "] [OS: "...)
			b = appendUint(b, uint64(be16(data[p+8:])))
			b = append(b, "] [MIS: "...)
			b = appendUint(b, uint64(be16(data[p+10:])))
			b = append(b, "] [init TSN: "...)
			b = appendUint(b, uint64(be32(data[p+12:])))
			b = append(b, "] "...)
			p += 16
			rem -= 16
			crem -= 16
			p += int(crem)
			rem -= uint32(crem)
			crem = 0
		case 0x03: // SACK
			if crem < 12 {
				return sctpBogus(b, clen)
			}
			cum := be32(data[p:])
			ngaps := be16(data[p+8:])
			ndups := be16(data[p+10:])
			b = append(b, "[cum ack "...)
			b = appendUint(b, uint64(cum))
			b = append(b, "] [a_rwnd "...)
			b = appendUint(b, uint64(be32(data[p+4:])))
			b = append(b, "] [#gap acks "...)
			b = appendUint(b, uint64(ngaps))
			b = append(b, "] [#dup tsns "...)
			b = appendUint(b, uint64(ndups))
			b = append(b, "] "...)
			p += 12
			rem -= 12
			crem -= 12
			for i := uint64(0); crem != 0 && i < uint64(ngaps); i++ {
				if crem < 4 {
					return sctpBogus(b, clen)
				}
				b = append(b, "\n\t\t[gap ack block #"...)
				b = appendUint(b, i+1)
				b = append(b, ": start = "...)
				b = appendUint(b, uint64(cum+uint32(be16(data[p:]))))
				b = append(b, ", end = "...)
				b = appendUint(b, uint64(cum+uint32(be16(data[p+2:]))))
				b = append(b, "] "...)
				p += 4
				rem -= 4
				crem -= 4
			}
			for i := uint64(0); crem != 0 && i < uint64(ndups); i++ {
				if crem < 4 {
					return sctpBogus(b, clen)
				}
				b = append(b, "\n\t\t[dup TSN #"...)
				b = appendUint(b, i+1)
				b = append(b, ": "...)
				b = appendUint(b, uint64(be32(data[p:])))
				b = append(b, "] "...)
				p += 4
				rem -= 4
				crem -= 4
			}
		default:
			p += int(crem)
			rem -= uint32(crem)
			crem = 0
		}
		p += int(crem)
		rem -= uint32(crem)
		sep = ", ("
		if align != 0 {
			if len(data) < p+int(align) {
				return appendTrunc(b, "sctp")
			}
			p += int(align)
			rem -= align
		}
	}
	return b
}

// sctpBogus appends the text of a chunk too short for its type.
func sctpBogus(b []byte, clen uint16) []byte {
	b = append(b, "bogus chunk length "...)
	b = appendUint(b, uint64(clen))
	return append(b, ']')
}

// sctpForCESMsg is tcpdump's ForCES_msg table: name and flags of a type of
// message.
func sctpForCESMsg(tom uint8) (name string, flags uint8) {
	switch tom {
	case 0x01:
		return "Association Setup", 0x22
	case 0x02:
		return "Association TearDown", 0x14
	case 0x03:
		return "Config", 0xf4
	case 0x04:
		return "Query", 0xf4
	case 0x05:
		return "Event Notification", 0x14
	case 0x06:
		return "Packet Redirect", 0xf4
	case 0x0f:
		return "HeartBeat", 0x01
	case 0x11:
		return "Association Response", 0x14
	case 0x13:
		return "Config Response", 0xf4
	case 0x14:
		return "Query Response", 0xf4
	}
	return "", 0
}

// sctpForCES is forces_print at default verbosity for the payload of a
// DATA chunk: p is the rest of the captured packet, n the payload length.
// stop is true when tcpdump abandons the whole packet there. The walk over
// the top-level TLVs of a well-formed message is not implemented.
func sctpForCES(b []byte, p []byte, n uint32) (_ []byte, stop bool) {
	if len(p) < 24 {
		return appendTrunc(b, "forces"), false
	}
	tom := p[1]
	if tom == 0 || (tom >= 0x7 && tom <= 0xe) || tom == 0x10 || tom > 0x14 {
		b = append(b, "Invalid ForCES message type "...)
		b = appendUint(b, uint64(tom))
		b = append(b, '\n')
		return sctpForCESError(b, p, n)
	}
	mlen := uint32(be16(p[2:])) << 2
	name, flags := sctpForCESMsg(tom)
	if name == "" {
		b = append(b, "\n\tUnknown ForCES message type=0x"...)
		b = appendHex(b, uint64(tom))
		return sctpForCESError(b, p, n)
	}
	b = append(b, "\n\tForCES "...)
	b = append(b, name...)
	b = append(b, ' ')
	if n < 24 || mlen < 24 || mlen != n {
		b = append(b, "Illegal ForCES pkt len - min 24, total recvd "...)
		b = appendUint(b, uint64(n))
		b = append(b, ", advertised "...)
		b = appendUint(b, uint64(mlen))
		b = append(b, ' ')
		return sctpForCESError(b, p, n)
	}
	if rlen := mlen - 24; rlen > 4 {
		if flags&0x01 != 0 {
			b = append(b, "<0x"...)
			b = appendHex(b, uint64(flags))
			b = append(b, ">Illegal Top level TLV!\n"...)
			return sctpForCESError(b, p, n)
		}
	} else {
		if flags&0x02 != 0 {
			return b, false
		}
		if flags&0x04 != 0 {
			b = append(b, "\tTop level TLV Data missing!\n"...)
			return sctpForCESError(b, p, n)
		}
	}
	return b, false
}

// sctpForCESError is forces_print's error exit: a hex dump of the message
// (hex_print with the indent "\n\t["), then "\n\t]". A message longer than
// what was captured ends the whole packet with " [|forces]".
func sctpForCESError(b []byte, p []byte, n uint32) (_ []byte, stop bool) {
	m := n
	if uint32(len(p)) < m {
		m = uint32(len(p))
	}
	for i := uint32(0); i < m; i += 2 {
		if i%16 == 0 {
			b = append(b, "\n\t[0x"...)
			b = appendHexPad(b, uint64(i), 4)
			b = append(b, ':', ' ')
		}
		b = append(b, ' ')
		b = appendHexByte(b, p[i])
		if i+1 < m {
			b = appendHexByte(b, p[i+1])
		}
	}
	if m < n {
		return appendTrunc(b, "forces"), true
	}
	return append(b, "\n\t]"...), false
}
