package decoder

import "testing"

// Expected texts: "corpus" rows are FreeBSD tcpdump 4.99.5 output from
// shared/conformance (the payload extracted from the pcap); "deb4993" rows are
// Debian's tcpdump 4.99.3 on generated packets (its TFTP printer prints the
// same as 4.99.5 at default verbosity); "hand"/"spec" rows say why.
var tftpCases = []udpAppCase{
	{"corpus scan-101.pcap#333", "00012f6574632f706173737764006f6374657400", -1, 20, "TFTP, length 20, RRQ \"/etc/passwd\" octet"},
	{"corpus scan-101.pcap#1959", "00012f6574632f706173737764006f637465740079797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979797979", -1, 504, "TFTP, length 504, RRQ \"/etc/passwd\" octet yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy [|tftp]"},
	{"corpus wide-102.pcap#469", "", -1, 20, "TFTP, length 20 [|tftp]"},
	{"deb4993", "0004c6", -1, 3, "TFTP, length 3, ACK [|tftp]"},
	{"deb4993", "012c", -1, 2, "TFTP, length 2, tftp-#300"},
	{"deb4993", "0001ff807f01", -1, 6, "TFTP, length 6, RRQ \"M-^?M-^@^?^A\" [|tftp]"},
	{"deb4993", "0005000746696c65206e6f7420666f756e6400", -1, 19, "TFTP, length 19, ERROR ENOUSER \"File not found\""},
	{"deb4993", "0005000746696c65206e6f7420666f756e6400", 13, 19, "TFTP, length 19, ERROR ENOUSER \"File not \" [|tftp]"},
	{"deb4993", "0003d7b9", -1, 4, "TFTP, length 4, DATA block 55225"},
	{"deb4993", "0003d7b9", 3, 4, "TFTP, length 4, DATA [|tftp]"},
	{"deb4993", "00002269fd669f", -1, 7, "TFTP, length 7, tftp-#0"},
	{"deb4993", "00022f6574632f706173737764006e65746173636969006f7074626c6b73697a65003531320000", -1, 39, "TFTP, length 39, WRQ \"/etc/passwd\" netascii optblksize 512"},
	{"deb4993", "00022f6574632f706173737764006e65746173636969006f7074626c6b73697a65003531320000", 3, 39, "TFTP, length 39, WRQ \"/\" [|tftp]"},
	{"deb4993", "0005000046696c65206e6f7420666f756e6400", -1, 19, "TFTP, length 19, ERROR EUNDEF \"File not found\""},
	{"deb4993", "0005000046696c65206e6f7420666f756e6400", 12, 19, "TFTP, length 19, ERROR EUNDEF \"File not\" [|tftp]"},
	{"deb4993", "00050000780079", 3, 7, "TFTP, length 7, ERROR [|tftp]"},
	{"deb4993", "0001ff807f01006d61696c9b006f70746f7074", -1, 19, "TFTP, length 19, RRQ \"M-^?M-^@^?^A\" mailM-^[ optopt [|tftp]"},
	{"deb4993", "00050008", -1, 4, "TFTP, length 4, ERROR tftp-err-#8 \" [|tftp]"},
	{"deb4993", "000266696c652e747874006d61696c9b006f7074", -1, 20, "TFTP, length 20, WRQ \"file.txt\" mailM-^[ opt [|tftp]"},
	{"deb4993", "00050063", -1, 4, "TFTP, length 4, ERROR tftp-err-#99 \" [|tftp]"},
	{"deb4993", "00048285", -1, 4, "TFTP, length 4, ACK block 33413"},
	{"deb4993", "0001ff807f01006e6574617363696900", -1, 16, "TFTP, length 16, RRQ \"M-^?M-^@^?^A\" netascii"},
	{"deb4993", "00066f7074626c6b73697a650035313200", -1, 17, "TFTP, length 17, OACK optblksize 512"},
	{"deb4993", "00066f7074626c6b73697a650035313200", 11, 17, "TFTP, length 17, OACK optblksiz [|tftp]"},
	{"deb4993", "00070b", -1, 3, "TFTP, length 3, tftp-#7"},
	{"deb4993", "00050007", -1, 4, "TFTP, length 4, ERROR ENOUSER [|tftp]"},
	{"deb4993", "00050001", -1, 4, "TFTP, length 4, ERROR ENOTFOUND [|tftp]"},
	{"deb4993", "0001", -1, 2, "TFTP, length 2, RRQ [|tftp]"},
	{"deb4993", "00050008780079", -1, 7, "TFTP, length 7, ERROR tftp-err-#8 \" \"x\""},
	{"deb4993", "00050008780079", 4, 7, "TFTP, length 7, ERROR tftp-err-#8 \" \"\" [|tftp]"},
	{"deb4993", "0001787878787878787878787878787878787878787878787878787878787878006d61696c9b000000", -1, 41, "TFTP, length 41, RRQ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" mailM-^["},
	{"deb4993", "0005000146696c65206e6f7420666f756e6400", -1, 19, "TFTP, length 19, ERROR ENOTFOUND \"File not found\""},
	{"deb4993", "0005000146696c65206e6f7420666f756e6400", 16, 19, "TFTP, length 19, ERROR ENOTFOUND \"File not fou\" [|tftp]"},
	{"deb4993", "0002611b5b324a620000626c6b73697a65003531320000", -1, 23, "TFTP, length 23, WRQ \"a^[[2Jb\"  blksize 512"},
	{"deb4993", "0002611b5b324a620000626c6b73697a65003531320000", 20, 23, "TFTP, length 23, WRQ \"a^[[2Jb\"  blksize 51 [|tftp]"},
	{"deb4993", "000166696c652e747874006d61696c9b", -1, 16, "TFTP, length 16, RRQ \"file.txt\" mailM-^[ [|tftp]"},
	{"deb4993", "0005006346696c65206e6f7420666f756e6400", -1, 19, "TFTP, length 19, ERROR tftp-err-#99 \" \"File not found\""},
	{"deb4993", "0005006346696c65206e6f7420666f756e6400", 10, 19, "TFTP, length 19, ERROR tftp-err-#99 \" \"File n\" [|tftp]"},
	{"deb4993", "00050000", -1, 4, "TFTP, length 4, ERROR EUNDEF [|tftp]"},
	{"spec 5.3", "000166696c652e747874006f6374657400", -1, 17, "TFTP, length 17, RRQ \"file.txt\" octet"},
	{"spec 9", "0001611b5b324a62006f6374657400", -1, 15, "TFTP, length 15, RRQ \"a^[[2Jb\" octet"},
}

func TestPrintTFTP(t *testing.T) { udpAppRunCases(t, printTFTP, tftpCases) }
