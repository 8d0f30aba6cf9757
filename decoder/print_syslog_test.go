package decoder

import "testing"

// Expected texts: "corpus" rows are FreeBSD tcpdump 4.99.5 output from
// shared/conformance (the payload extracted from the pcap); "deb4993" rows are
// Debian's tcpdump 4.99.3 on generated packets (its Syslog printer prints the
// same as 4.99.5 at default verbosity); "hand"/"spec" rows say why.
var syslogCases = []udpAppCase{
	{"deb4993", "3c33343e4f63742031312032323a31343a3135206d796d616368696e652073753a206869", -1, 36, "SYSLOG auth.critical, length: 36"},
	{"deb4993", "3c33343e4f63742031312032323a31343a3135206d796d616368696e652073753a206869", 1, 36, " [|syslog]"},
	{"deb4993", "3c3e", -1, 2, "SYSLOG kernel.emergency, length: 2"},
	{"deb4993", "3c313233343e78", -1, 7, " (invalid)"},
	{"deb4993", "3c3939393e78", -1, 6, "SYSLOG unknown (124).debug, length: 6"},
	{"deb4993", "3c3139313e78", -1, 6, "SYSLOG local7.debug, length: 6"},
	{"deb4993", "3c3139323e", -1, 5, "SYSLOG unknown (24).emergency, length: 5"},
	{"deb4993", "3c31323e", -1, 4, "SYSLOG user.warning, length: 4"},
	{"deb4993", "3c313e", -1, 3, "SYSLOG kernel.alert, length: 3"},
	{"spec 5.3", "3c33343e4f63742031312032323a31343a3135206d796d616368696e652073753a2027737520726f6f7427206661696c656420666f72206c6f6e7669636b206f6e202f6465762f7074732f38", -1, 76, "SYSLOG auth.critical, length: 76"},
}

func TestPrintSyslog(t *testing.T) { udpAppRunCases(t, printSyslog, syslogCases) }
