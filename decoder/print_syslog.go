package decoder

// syslog (UDP port 514), tcpdump's syslog_print at default verbosity:
// the facility and severity from the "<PRI>" prefix and the length.

var syslogSeverityNames = [8]string{
	"emergency", "alert", "critical", "error",
	"warning", "notice", "info", "debug",
}

var syslogFacilityNames = [24]string{
	"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
	"uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron",
	"local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
}

// printSyslog appends "SYSLOG FACILITY.SEVERITY, length: N", " (invalid)"
// without a "<PRI>" of at most three digits, or " [|syslog]" when the
// prefix runs past the captured bytes. Like tcpdump, it reads the prefix
// up to the end of the capture, not of the UDP length.
func printSyslog(b []byte, data []byte, length int) []byte {
	if len(data) < 1 {
		return appendTrunc(b, "syslog")
	}
	if data[0] != '<' {
		return append(b, " (invalid)"...)
	}
	off := 1
	pri := 0
	for off <= 3 {
		if off >= len(data) {
			return appendTrunc(b, "syslog")
		}
		c := data[off]
		if c < '0' || c > '9' {
			break
		}
		pri = pri*10 + int(c-'0')
		off++
	}
	if off >= len(data) {
		return appendTrunc(b, "syslog")
	}
	if data[off] != '>' {
		return append(b, " (invalid)"...)
	}
	facility := (pri & 0x3f8) >> 3
	severity := pri & 7
	b = append(b, "SYSLOG "...)
	if facility < len(syslogFacilityNames) {
		b = append(b, syslogFacilityNames[facility]...)
	} else {
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(facility))
		b = append(b, ')')
	}
	b = append(b, '.')
	b = append(b, syslogSeverityNames[severity]...)
	b = append(b, ", length: "...)
	return appendUint(b, uint64(uint32(length)))
}
