// Command sender sends the packets of pfasciilogd's end-to-end test. The
// test runs it inside the sending network namespace (ip netns exec) as
// root. Every packet is described on the command line, so that the test
// knows exactly what the daemon must print for it:
//
//	sender [-every N -pause D] -src A.B.C.D -dst A.B.C.D SPEC...
//
//	udp:SPORT:DPORT:SIZE[:COUNT]     raw UDP, SIZE payload bytes; COUNT
//	                                 datagrams, the source port counting up
//	dgram:SPORT:DPORT:SIZE           one datagram from a kernel UDP socket
//	syn:SPORT:DPORT:SEQ:WIN[:COUNT]  raw TCP SYN without options, no
//	                                 payload; port and seq count up
//	connect:SPORT:DPORT              a kernel TCP connect attempt (one SYN,
//	                                 abandoned after 300ms)
//	ping:ID:SEQ:SIZE[:COUNT]         raw ICMP echo request, SIZE bytes of
//	                                 ICMP (header included); seq counts up
//
// With -every N, it sleeps -pause after every N packets, so that a burst
// does not overflow the receiver's netlink socket. With -rate R, it keeps
// to R packets a second on average, measured from the first packet, and
// reports the rate it achieved.
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "sender: %v\n", err)
		os.Exit(1)
	}
}

type sender struct {
	src, dst netip.Addr
	every    int
	pause    time.Duration
	rate     int       // packets a second; 0: as fast as -every allows
	start    time.Time // of the first packet, for -rate
	sent     int
	fds      map[int]int // raw sockets by protocol
}

func run() error {
	s := &sender{fds: map[int]int{}}
	src := flag.String("src", "", "source IPv4 address (for checksums)")
	dst := flag.String("dst", "", "destination IPv4 address")
	flag.IntVar(&s.every, "every", 0, "pause after every N packets (0: never)")
	flag.DurationVar(&s.pause, "pause", time.Millisecond, "length of the pause")
	flag.IntVar(&s.rate, "rate", 0, "packets a second (0: no rate limit)")
	flag.Parse()
	var err error
	if s.src, err = netip.ParseAddr(*src); err != nil || !s.src.Is4() {
		return fmt.Errorf("-src %q: want an IPv4 address", *src)
	}
	if s.dst, err = netip.ParseAddr(*dst); err != nil || !s.dst.Is4() {
		return fmt.Errorf("-dst %q: want an IPv4 address", *dst)
	}
	defer func() {
		for _, fd := range s.fds {
			syscall.Close(fd)
		}
	}()
	for _, spec := range flag.Args() {
		if err := s.do(spec); err != nil {
			return fmt.Errorf("%s: %w", spec, err)
		}
	}
	if s.sent > 0 && s.rate > 0 {
		d := time.Since(s.start)
		fmt.Printf("sent %d in %.3fs: %.0f packets/s\n", s.sent, d.Seconds(), float64(s.sent)/d.Seconds())
		return nil
	}
	fmt.Printf("sent %d\n", s.sent)
	return nil
}

// nums parses the numeric fields of a spec: want of them required, up to
// max in all; missing optional ones are 1.
func nums(fields []string, want, max int) ([]int, error) {
	if len(fields) < want || len(fields) > max {
		return nil, fmt.Errorf("want %d to %d numbers after the kind", want, max)
	}
	out := make([]int, max)
	for i := range out {
		out[i] = 1
	}
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%q is not a number", f)
		}
		out[i] = n
	}
	return out, nil
}

func (s *sender) do(spec string) error {
	f := strings.Split(spec, ":")
	switch f[0] {
	case "udp":
		n, err := nums(f[1:], 3, 4)
		if err != nil {
			return err
		}
		for i := 0; i < n[3]; i++ {
			if err := s.rawUDP(uint16(n[0]+i), uint16(n[1]), n[2]); err != nil {
				return err
			}
		}
	case "dgram":
		n, err := nums(f[1:], 3, 3)
		if err != nil {
			return err
		}
		return s.dgram(n[0], n[1], n[2])
	case "syn":
		n, err := nums(f[1:], 4, 5)
		if err != nil {
			return err
		}
		for i := 0; i < n[4]; i++ {
			if err := s.rawSYN(uint16(n[0]+i), uint16(n[1]), uint32(n[2]+i), uint16(n[3])); err != nil {
				return err
			}
		}
	case "connect":
		n, err := nums(f[1:], 2, 2)
		if err != nil {
			return err
		}
		return s.connect(n[0], n[1])
	case "ping":
		n, err := nums(f[1:], 3, 4)
		if err != nil {
			return err
		}
		if n[2] < 8 {
			return errors.New("an ICMP echo is at least 8 bytes")
		}
		for i := 0; i < n[3]; i++ {
			if err := s.ping(uint16(n[0]), uint16(n[1]+i), n[2]); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("unknown kind %q", f[0])
	}
	return nil
}

// counted paces the packets.
func (s *sender) counted() {
	s.sent++
	if s.every > 0 && s.sent%s.every == 0 {
		time.Sleep(s.pause)
	}
	if s.rate > 0 {
		if s.sent == 1 {
			s.start = time.Now()
		}
		// Ahead of the schedule by a millisecond or more: sleep it off.
		due := s.start.Add(time.Duration(float64(s.sent) / float64(s.rate) * float64(time.Second)))
		if ahead := time.Until(due); ahead >= time.Millisecond {
			time.Sleep(ahead)
		}
	}
}

// raw sends payload (the transport header and data) on a raw socket of
// proto; the kernel writes the IPv4 header.
func (s *sender) raw(proto int, payload []byte) error {
	fd, ok := s.fds[proto]
	if !ok {
		var err error
		fd, err = syscall.Socket(syscall.AF_INET, syscall.SOCK_RAW, proto)
		if err != nil {
			return fmt.Errorf("raw socket (protocol %d): %w", proto, err)
		}
		s.fds[proto] = fd
	}
	to := &syscall.SockaddrInet4{Addr: s.dst.As4()}
	for {
		err := syscall.Sendto(fd, payload, 0, to)
		if errors.Is(err, syscall.ENOBUFS) || errors.Is(err, syscall.EAGAIN) {
			time.Sleep(time.Millisecond) // the local queue is full: wait, do not lose it
			continue
		}
		if err != nil {
			return fmt.Errorf("sendto: %w", err)
		}
		break
	}
	s.counted()
	return nil
}

// checksum is the Internet checksum of the pseudo-header (when proto is
// not 0) and b.
func (s *sender) checksum(proto int, b []byte) uint16 {
	var sum uint32
	if proto != 0 {
		src, dst := s.src.As4(), s.dst.As4()
		sum += uint32(binary.BigEndian.Uint16(src[:2])) + uint32(binary.BigEndian.Uint16(src[2:]))
		sum += uint32(binary.BigEndian.Uint16(dst[:2])) + uint32(binary.BigEndian.Uint16(dst[2:]))
		sum += uint32(proto) + uint32(len(b))
	}
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(binary.BigEndian.Uint16(b[i:]))
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	return ^uint16(sum)
}

func fill(b []byte) {
	for i := range b {
		b[i] = byte('a' + i%26)
	}
}

func (s *sender) rawUDP(sport, dport uint16, size int) error {
	b := make([]byte, 8+size)
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	binary.BigEndian.PutUint16(b[4:], uint16(len(b)))
	fill(b[8:])
	c := s.checksum(syscall.IPPROTO_UDP, b)
	if c == 0 {
		c = 0xffff
	}
	binary.BigEndian.PutUint16(b[6:], c)
	return s.raw(syscall.IPPROTO_UDP, b)
}

func (s *sender) rawSYN(sport, dport uint16, seq uint32, win uint16) error {
	b := make([]byte, 20)
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	binary.BigEndian.PutUint32(b[4:], seq)
	b[12] = 5 << 4 // data offset: 20 bytes
	b[13] = 0x02   // SYN
	binary.BigEndian.PutUint16(b[14:], win)
	binary.BigEndian.PutUint16(b[16:], s.checksum(syscall.IPPROTO_TCP, b))
	return s.raw(syscall.IPPROTO_TCP, b)
}

func (s *sender) ping(id, seq uint16, size int) error {
	b := make([]byte, size)
	b[0] = 8 // echo request
	binary.BigEndian.PutUint16(b[4:], id)
	binary.BigEndian.PutUint16(b[6:], seq)
	fill(b[8:])
	binary.BigEndian.PutUint16(b[2:], s.checksum(0, b))
	return s.raw(syscall.IPPROTO_ICMP, b)
}

func (s *sender) dgram(sport, dport, size int) error {
	c, err := net.DialUDP("udp4",
		&net.UDPAddr{IP: s.src.AsSlice(), Port: sport},
		&net.UDPAddr{IP: s.dst.AsSlice(), Port: dport})
	if err != nil {
		return err
	}
	defer c.Close()
	b := make([]byte, size)
	fill(b)
	if _, err := c.Write(b); err != nil {
		return err
	}
	s.counted()
	return nil
}

// connect sends one SYN from the kernel's TCP and gives up before the
// first retransmission (the initial RTO is 1s).
func (s *sender) connect(sport, dport int) error {
	d := net.Dialer{
		LocalAddr: &net.TCPAddr{IP: s.src.AsSlice(), Port: sport},
		Timeout:   300 * time.Millisecond,
	}
	c, err := d.Dial("tcp4", net.JoinHostPort(s.dst.String(), strconv.Itoa(dport)))
	if err == nil {
		c.Close()
		return errors.New("connected, but the receiver should drop the SYN")
	}
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		return err
	}
	s.counted()
	return nil
}
