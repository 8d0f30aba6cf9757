package pcapgen

import "bytes"

// SplitRecords splits tcpdump -e output into one element per packet, each
// with its trailing newline(s). A record starts with its pflog header text
// ("rule ") or a pflog-level message ("[pflog: ...", " [|pflog]",
// "[Invalid header: ..."); any other line (hex dumps, inner frames, the
// empty lines some printers add) continues the record before it. Text
// before the first record start is returned as a record of its own.
func SplitRecords(text []byte) [][]byte {
	var recs [][]byte
	start := 0
	for i := 0; i < len(text); {
		nl := bytes.IndexByte(text[i:], '\n')
		end := len(text)
		if nl >= 0 {
			end = i + nl + 1
		}
		if i > start && isRecordStart(text[i:end]) {
			recs = append(recs, text[start:i])
			start = i
		}
		i = end
	}
	if start < len(text) {
		recs = append(recs, text[start:])
	}
	return recs
}

func isRecordStart(line []byte) bool {
	return bytes.HasPrefix(line, []byte("rule ")) || bytes.HasPrefix(line, []byte("[pflog")) ||
		bytes.HasPrefix(line, []byte(" [|pflog]")) || bytes.HasPrefix(line, []byte("[Invalid header"))
}
