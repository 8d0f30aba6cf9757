package decoder

// DHCPv6 (print-dhcp6.c) at default verbosity: only the message type.

// dhcp6MsgTypes is dh6_msgtype_str, indexed by message type.
var dhcp6MsgTypes = [...]string{
	1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew",
	6: "rebind", 7: "reply", 8: "release", 9: "decline", 10: "reconfigure",
	11: "inf-req", 12: "relay-fwd", 13: "relay-reply", 14: "leasequery",
	15: "leasequery-reply",
}

// printDHCP6 is dhcp6_print for UDP ports 546 and 547 (either side),
// appended after "SRC.SPORT > DST.DPORT: ": "dhcp6 solicit",
// "dhcp6 msgtype-200", or "dhcp6 [|dhcp6]" when fewer than the 4 bytes of
// type and transaction ID were captured.
func printDHCP6(b []byte, data []byte, length int) []byte {
	b = append(b, "dhcp6"...)
	if len(data) < 4 {
		return appendTrunc(b, "dhcp6")
	}
	b = append(b, ' ')
	t := data[0]
	if int(t) < len(dhcp6MsgTypes) && dhcp6MsgTypes[t] != "" {
		return append(b, dhcp6MsgTypes[t]...)
	}
	b = append(b, "msgtype-"...)
	return appendUint(b, uint64(t))
}
