package decoder

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestTCPBareSegments: segments with neither data nor an ack nor urg (a
// scan's probes, which printTCP writes on a path of their own), with
// every other flags byte and random option lists, whole, cut or bad,
// print as the flags, seq for SYN, FIN or RST, win, the options as
// appendTCPOptions prints them and ", length 0".
func TestTCPBareSegments(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	d := New(Options{})
	ip := &ipInfo{src: []byte{10, 0, 0, 1}, dst: []byte{192, 168, 7, 200}, direct: true}
	for n := 0; n < 100000; n++ {
		var o []byte
		for m := r.IntN(6); m > 0; m-- {
			k := tcpOptKinds[r.IntN(len(tcpOptKinds))]
			o = append(o, k)
			if k <= 1 {
				continue
			}
			l := tcpOptProperLen(k, r)
			if r.IntN(10) == 0 {
				l = r.IntN(12)
			}
			o = append(o, byte(l))
			for i := 2; i < l; i++ {
				o = append(o, byte(r.IntN(256)))
			}
		}
		for len(o)%4 != 0 {
			o = append(o, byte(r.IntN(2)))
		}
		if len(o) > 40 {
			continue
		}
		hlen := 20 + len(o)
		data := make([]byte, hlen)
		sport, dport := uint16(r.IntN(65536)), uint16(r.IntN(65536))
		binary.BigEndian.PutUint16(data[0:], sport)
		binary.BigEndian.PutUint16(data[2:], dport)
		seq := r.Uint32() >> r.IntN(32)
		binary.BigEndian.PutUint32(data[4:], seq)
		binary.BigEndian.PutUint32(data[8:], r.Uint32())
		data[12] = byte(hlen/4) << 4
		flags := byte(r.IntN(256)) &^ (thACK | thURG)
		data[13] = flags
		win := uint16(r.Uint32() >> r.IntN(32))
		binary.BigEndian.PutUint16(data[14:], win)
		binary.BigEndian.PutUint16(data[18:], uint16(r.IntN(65536)))
		copy(data[20:], o)
		if r.IntN(8) == 0 { // cut inside the options
			data = data[:20+r.IntN(len(o)+1)]
		}

		want := ip.appendAddrPorts(nil, sport, dport)
		want = append(want, "Flags ["...)
		if flags == 0 {
			want = append(want, "none"...)
		}
		for i := range 8 {
			if flags&(1<<i) != 0 {
				want = append(want, tcpFlagLetters[i])
			}
		}
		want = append(want, ']')
		if flags&(thSYN|thFIN|thRST) != 0 {
			want = append(want, ", seq "+strconv.FormatUint(uint64(seq), 10)...)
		}
		want = append(want, ", win "+strconv.FormatUint(uint64(win), 10)...)
		ok := true
		if hlen > 20 {
			want, ok = appendTCPOptions(want, data, hlen, 0, false, 0, 0)
		}
		if ok {
			want = append(want, ", length 0"...)
		}
		if got := d.printTCP(nil, data, hlen, ip); string(got) != string(want) {
			t.Fatalf("segment % x:\n got %q\nwant %q", data, got, want)
		}
	}
}

// TestTCPLengths: the payload length at every number of digits, past 16
// bits too (an IPv6 jumbogram's), prints as strconv does.
func TestTCPLengths(t *testing.T) {
	d := New(Options{})
	ip := &ipInfo{src: []byte{10, 0, 0, 1}, dst: []byte{10, 0, 0, 2}, direct: true}
	data := make([]byte, 20)
	binary.BigEndian.PutUint16(data[0:], 40001)
	binary.BigEndian.PutUint16(data[2:], 40002)
	binary.BigEndian.PutUint32(data[4:], 1000)
	data[12] = 5 << 4
	data[13] = thPSH
	binary.BigEndian.PutUint16(data[14:], 512)
	for _, plen := range []int{1, 9, 10, 99, 100, 9999, 10000, 65535, 65536, 99999, 100000, 1 << 20, 123456789, 1<<31 - 100} {
		want := "10.0.0.1.40001 > 10.0.0.2.40002: Flags [P], seq 1000:" + strconv.FormatUint(uint64(uint32(1000+plen)), 10) +
			", win 512, length " + strconv.Itoa(plen)
		if got := string(d.printTCP(nil, data, 20+plen, ip)); got != want {
			t.Errorf("length %d:\n got %q\nwant %q", plen, got, want)
		}
	}
}
