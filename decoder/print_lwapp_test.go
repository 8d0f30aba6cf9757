package decoder

import "testing"

// Expected texts: Debian tcpdump 4.99.3 on generated pflog packets (10.0.0.1 >
// 10.0.0.2 or 2001:db8::1 > 2001:db8::2), the text after the
// addresses/ports (UDP) or after ", length N" (TCP).
var lwappdataCases = []ndCase{
	{"6d452093498307fb6cbe8437b8febd51a3ff41", 19, true, "LWAPP version 1 packet not supported"},
	{"fd723b472e7a03e14181aa8f", 12, false, "LWAPP version 3 packet not supported"},
	{"287bf281631c401f3436", 10, false, "LWAPPv0, Data frame, Flags [none], length 10"},
	{"b22efd863d1903e6efd2", 10, true, "LWAPP version 2 packet not supported"},
	{"", 8, false, " [|lwapp_data]"},
	{"3d5cd6009fa502eed723", 10, false, "LWAPPv0, Control frame, Flags [Last Fragment Bit, Control Bit], length 10"},
}

func TestLWAPPData(t *testing.T) {
	runNDCases(t, lwappdataCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLWAPPData(b, data, length)
	})
}

var lwappctlCases = []ndCase{
	{"3fc76de6fd23ba1e79e0d6280975e324b8e38b9e982646125a20dd620e83e6840e55593cdf3c0907", 40, false, "LWAPP version 2 packet not supported"},
	{"a0001b90d5b301d5", 8, true, " [|lwapp_control]"},
	{"4aaccd202955022fd7635866", 12, true, "LWAPPv0, Data frame, Flags [Fragment Bit], length 12"},
	{"929e65a0a6ee5b723ebd8d53", 12, true, "LWAPP version 1 packet not supported"},
	{"363ea9fd2613043e95c99c8d755567541c49f3", 19, false, "LWAPPv0, Control frame, Flags [Control Bit], length 19"},
	{"13181ca49277f4d281e9842413c33ff927a1cf4ad2cfd7c6fe7ee5454da2f2db3126e6e16f429665d87de81fe1b69d00", 48, false, "LWAPP version 3 packet not supported"},
}

func TestLWAPPControl(t *testing.T) {
	runNDCases(t, lwappctlCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLWAPPControl(b, data, length, true)
	})
}

var lwappctlsrcCases = []ndCase{
	{"eea3c2d8545a78760c5aa65845b85de4", 16, false, "LWAPP version 3 packet not supported"},
	{"49c09131246eae0aab1a802bb664bb910fb854ff5b55c03c65c5983fef19bb6bda3644b232c4d783", 40, false, "LWAPP version 1 packet not supported"},
	{"21f287e42d5ef7016751207013092bdb041eb351448a7f9d32809c5b0c9d927f153d6d6c4d36dcb6aa6da19603772ead", 48, false, "LWAPPv0, Data frame, Flags [Last Fragment Bit], length 48"},
	{"ab9c32b763fb462f", 8, true, "LWAPP version 2 packet not supported"},
	{"bd0d", 2, false, " [|lwapp_control]"},
	{"1703392c338805e0f1b5e0c5", 12, false, "LWAPPv0, Control frame, Flags [Last Fragment Bit, Fragment Bit, Control Bit], length 12"},
}

func TestLWAPPControlSrc(t *testing.T) {
	runNDCases(t, lwappctlsrcCases, func(d *Decoder, b, data []byte, length int, v6 bool) []byte {
		return printLWAPPControl(b, data, length, false)
	})
}
