package capture

// Capture files are read in Go in every build: classic pcap by the reader
// below, which follows libpcap's savefile reader (sf-pcap.c) record for
// record, pcapng by gopacket's pcapgo. No cgo call per packet: with cgo,
// libpcap only compiles the filter expression, and filterProg runs it.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"
)

// maxSnaplenPFLOG is libpcap's max_snaplen_for_dlt for every link type
// the decoder reads: the largest record length it accepts.
const maxSnaplenPFLOG = 262144

// fileReader reads a pcap or pcapng file.
type fileReader struct {
	f        *os.File // closed by close; nil for standard input
	pcap     *pcapReader
	ng       *pcapgo.NgReader
	linkType int
}

// openPcapgo opens path ("-" is standard input), pcap or pcapng by magic.
func openPcapgo(path string) (*fileReader, error) {
	f := os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return nil, err
		}
	}
	fr, err := newFileReader(f)
	if err != nil {
		if path != "-" {
			f.Close()
		}
		return nil, err
	}
	if path != "-" {
		fr.f = f
	}
	return fr, nil
}

func newFileReader(in io.Reader) (*fileReader, error) {
	pr := &pcapReader{r: in, buf: make([]byte, 0, pcapBufSize)}
	if err := pr.fill(4); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("not a pcap or pcapng file: file too short")
		}
		return nil, err
	}
	if binary.BigEndian.Uint32(pr.buf[pr.off:]) == 0x0A0D0D0A {
		r, err := pcapgo.NewNgReader(pr.rest(), pcapgo.DefaultNgReaderOptions)
		if err != nil {
			return nil, err
		}
		return &fileReader{ng: r, linkType: int(r.LinkType())}, nil
	}
	if err := pr.header(); err != nil {
		return nil, err
	}
	return &fileReader{pcap: pr, linkType: pr.linkType}, nil
}

// read returns the next record; its data is valid until the next read.
// It returns io.EOF at the end of the file.
func (fr *fileReader) read() ([]byte, gopacket.CaptureInfo, error) {
	if fr.pcap != nil {
		return fr.pcap.next()
	}
	return fr.ng.ZeroCopyReadPacketData()
}

func (fr *fileReader) close() {
	if fr.f != nil {
		fr.f.Close()
	}
}

// pcapBufSize is the read-ahead buffer: it holds a record of the largest
// length libpcap accepts with its header, so records are returned from it
// without a copy.
const pcapBufSize = 1 << 20

// pcapReader reads classic pcap records as libpcap does: the same
// accepted magics and the same checks on a record's length, with a record
// longer than the file's snapshot length cut to it.
type pcapReader struct {
	r        io.Reader
	buf      []byte // buf[off:] is read and not yet returned
	off      int
	err      error // the reader's error, returned once buf is drained
	order    binary.ByteOrder
	swapped  bool // the file's byte order is not the host's
	fastLE   bool // a little-endian file on a little-endian host: nextInto's fast path
	nano     bool
	hdrSize  int // 16, or 24 for the "modified" (Kuznetzov) format
	snaplen  int
	linkType int
	// FileReader.Read's fast path, for a little-endian file on a
	// little-endian host with 16-byte record headers (fast): a record is
	// taken from buf without a call to fill when fastNeed bytes are
	// left, if its caplen is at most fastCap (maxFastRecord or the
	// snapshot length) and the fraction of its second times fracMul
	// (1000 or 1), its nanoseconds, is less than a second.
	fast    bool
	fastCap uint32
	fracMul uint64
}

// fill makes at least n bytes available at buf[off:], or returns the
// read error (io.EOF, io.ErrUnexpectedEOF when some but fewer arrived).
func (r *pcapReader) fill(n int) error {
	for len(r.buf)-r.off < n {
		if r.err != nil {
			if len(r.buf) > r.off && errors.Is(r.err, io.EOF) {
				return io.ErrUnexpectedEOF
			}
			return r.err
		}
		if avail := len(r.buf) - r.off; cap(r.buf)-len(r.buf) < n-avail || len(r.buf) == cap(r.buf) {
			if cap(r.buf) < n {
				nb := make([]byte, avail, n)
				copy(nb, r.buf[r.off:])
				r.buf = nb
			} else {
				r.buf = r.buf[:copy(r.buf, r.buf[r.off:])]
			}
			r.off = 0
		}
		m, err := r.r.Read(r.buf[len(r.buf):cap(r.buf)])
		r.buf = r.buf[:len(r.buf)+m]
		if err != nil {
			r.err = err
		}
	}
	return nil
}

// rest returns a reader of what follows the bytes consumed so far.
func (r *pcapReader) rest() io.Reader {
	b := bytesReader(r.buf[r.off:])
	return io.MultiReader(&b, r.r)
}

type bytesReader []byte

func (b *bytesReader) Read(p []byte) (int, error) {
	if len(*b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, *b)
	*b = (*b)[n:]
	return n, nil
}

// header reads the 24-byte file header (pcap_check_header).
func (r *pcapReader) header() error {
	if err := r.fill(24); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return errors.New("truncated dump file; tried to read 24 file header bytes")
		}
		return err
	}
	h := r.buf[r.off : r.off+24]
	r.hdrSize = 16
	switch binary.LittleEndian.Uint32(h) {
	case 0xa1b2c3d4:
		r.order = binary.LittleEndian
	case 0xd4c3b2a1:
		r.order = binary.BigEndian
	case 0xa1b23c4d:
		r.order, r.nano = binary.LittleEndian, true
	case 0x4d3cb2a1:
		r.order, r.nano = binary.BigEndian, true
	case 0xa1b2cd34:
		r.order, r.hdrSize = binary.LittleEndian, 24
	case 0x34cdb2a1:
		r.order, r.hdrSize = binary.BigEndian, 24
	default:
		return errors.New("unknown file format")
	}
	if major := r.order.Uint16(h[4:]); major != 2 {
		return fmt.Errorf("unsupported pcap savefile version %d.%d", major, r.order.Uint16(h[6:]))
	}
	r.snaplen = int(r.order.Uint32(h[16:]))
	if r.snaplen <= 0 || r.snaplen > maxSnaplenPFLOG {
		r.snaplen = maxSnaplenPFLOG // pcap_adjust_snapshot
	}
	r.linkType = int(r.order.Uint32(h[20:]) & 0x03ffffff) // LT_LINKTYPE
	r.swapped = (r.order == binary.BigEndian) == hostLittleEndian
	r.fastLE = !r.swapped && r.order == binary.LittleEndian
	r.fast, r.fastCap, r.fracMul = r.fastLE && r.hdrSize == 16, uint32(min(r.snaplen, maxFastRecord)), 1000
	if r.nano {
		r.fracMul = 1
	}
	r.off += 24
	return nil
}

// next returns the next record (pcap_next_packet).
func (r *pcapReader) next() ([]byte, gopacket.CaptureInfo, error) {
	var ci gopacket.CaptureInfo
	data, err := r.nextInto(&ci)
	return data, ci, err
}

// nextInto is next filling *ci, which it sets whole on success.
func (r *pcapReader) nextInto(ci *gopacket.CaptureInfo) ([]byte, error) {
	if len(r.buf)-r.off < r.hdrSize+maxFastRecord {
		return r.nextSlow(ci)
	}
	h := r.buf[r.off : r.off+16]
	caplen := binary.LittleEndian.Uint32(h[8:])
	if !r.fastLE || caplen > maxFastRecord || int(caplen) > r.snaplen {
		return r.nextSlow(ci)
	}
	start := r.off + r.hdrSize
	n := int(caplen)
	data := r.buf[start : start+n : start+n]
	r.off = start + n
	nsec := int64(binary.LittleEndian.Uint32(h[4:]))
	if !r.nano {
		nsec *= 1000
	}
	*ci = gopacket.CaptureInfo{
		Timestamp:     time.Unix(int64(binary.LittleEndian.Uint32(h)), nsec),
		CaptureLength: n,
		Length:        int(binary.LittleEndian.Uint32(h[12:])),
	}
	return data, nil
}

// maxFastRecord bounds the records next returns without a call to fill:
// those of a little-endian file whose header and data are in the buffer.
const maxFastRecord = 4096

// nextSlow is next for any record.
func (r *pcapReader) nextSlow(ci *gopacket.CaptureInfo) ([]byte, error) {
	if err := r.fill(r.hdrSize); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("truncated dump file; tried to read %d header bytes, only got %d", r.hdrSize, len(r.buf)-r.off)
		}
		return nil, err
	}
	h := r.buf[r.off : r.off+16]
	sec, frac := binary.LittleEndian.Uint32(h), binary.LittleEndian.Uint32(h[4:])
	caplen, wirelen := binary.LittleEndian.Uint32(h[8:]), binary.LittleEndian.Uint32(h[12:])
	if r.order == binary.BigEndian {
		sec, frac = bits.ReverseBytes32(sec), bits.ReverseBytes32(frac)
		caplen, wirelen = bits.ReverseBytes32(caplen), bits.ReverseBytes32(wirelen)
	}
	if caplen > maxSnaplenPFLOG {
		if int64(caplen) > int64(r.snaplen) {
			return nil, fmt.Errorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, r.snaplen)
		}
		return nil, fmt.Errorf("invalid packet capture length %d, bigger than maximum of %d", caplen, maxSnaplenPFLOG)
	}
	n := int(caplen)
	keep := n
	if keep > r.snaplen {
		keep = r.snaplen // read it all, keep the snapshot length
	}
	if err := r.fill(r.hdrSize + n); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("truncated dump file; tried to read %d captured bytes, only got %d", n, len(r.buf)-r.off-r.hdrSize)
		}
		return nil, err
	}
	start := r.off + r.hdrSize
	data := r.buf[start : start+keep : start+keep]
	r.off = start + n
	nsec := int64(frac)
	if !r.nano {
		nsec *= 1000
	}
	*ci = gopacket.CaptureInfo{Timestamp: time.Unix(int64(sec), nsec), CaptureLength: keep, Length: int(wirelen)}
	if r.swapped {
		swapPseudoHeader(r.linkType, data, ci.Length)
	}
	return data, nil
}

// hostLittleEndian reports the byte order of this host.
var hostLittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// swapPseudoHeader converts the fields a link-layer header holds in the
// capturing host's byte order to this host's, as libpcap does for a file
// written on a host of the other byte order (swap_pseudo_headers): PFLOG's
// uid, pid, rule_uid and rule_pid, NFLOG's TLV types and lengths.
func swapPseudoHeader(linkType int, data []byte, wireLen int) {
	sw32 := func(b []byte) { b[0], b[1], b[2], b[3] = b[3], b[2], b[1], b[0] }
	switch linkType {
	case LinkTypePFLOG:
		if len(data) < 1 {
			return
		}
		hlen := int(data[0])
		for _, off := range []int{44, 48, 52, 56} { // uid, pid, rule_uid, rule_pid
			if len(data) < off+4 || wireLen < off+4 || hlen < off+4 {
				return
			}
			sw32(data[off:])
		}
	case LinkTypeNFLOG:
		if len(data) < 4 || wireLen < 4 || data[1] != 0 { // nflog_version
			return
		}
		p, caplen, length := data[4:], len(data)-4, wireLen-4
		for caplen >= 4 {
			p[0], p[1], p[2], p[3] = p[1], p[0], p[3], p[2]
			size := int(hostOrder16(p))
			if size%4 != 0 {
				size += 4 - size%4
			}
			if size < 4 || caplen < size || length < size {
				return
			}
			p, caplen, length = p[size:], caplen-size, length-size
		}
	}
}

// hostOrder16 reads a TLV length in this host's byte order.
func hostOrder16(p []byte) uint16 { return binary.NativeEndian.Uint16(p) }

// fileSource is an open capture file with the program of its filter.
type fileSource struct {
	fr   *fileReader
	prog filterProg // nil: no filter
}

// openFileSource opens path and compiles filter with compile for the
// file's link type.
func openFileSource(path, filter string, compile func(linkType int, expr string) (filterProg, error)) (*fileSource, int, error) {
	fr, err := openPcapgo(path)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	s := &fileSource{fr: fr}
	if filter != "" {
		if s.prog, err = compile(fr.linkType, filter); err != nil {
			fr.close()
			return nil, 0, &FilterError{Expr: filter, Err: err}
		}
	}
	return s, fr.linkType, nil
}

func (s *fileSource) read() ([]byte, gopacket.CaptureInfo, error) {
	var ci gopacket.CaptureInfo
	data, err := s.readInto(&ci)
	return data, ci, err
}

// readInto is read filling *ci.
func (s *fileSource) readInto(ci *gopacket.CaptureInfo) ([]byte, error) {
	for {
		var data []byte
		var err error
		if s.fr.pcap != nil {
			data, err = s.fr.pcap.nextInto(ci)
		} else {
			data, *ci, err = s.fr.ng.ZeroCopyReadPacketData()
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("truncated dump file: %w", err)
			}
			return nil, err
		}
		if s.prog != nil && !s.prog.match(data, ci.Length) {
			continue
		}
		return data, nil
	}
}

// buffered: a file's next record never waits.
func (s *fileSource) buffered() bool { return true }

func (s *fileSource) stats() (Stats, error) {
	return Stats{}, errors.New("no statistics for a file")
}

func (s *fileSource) close() { s.fr.close() }

// Record is a record read by FileReader.Read: its data is the bytes
// [Start, End) of the slice Read returns.
type Record struct {
	Sec        int64 // the capture time: seconds since 1970-01-01 UTC
	Nsec       int64 // and nanoseconds, 0 to 999,999,999
	Length     int   // the packet's length on the wire
	Start, End int
}

// FileReader reads the records of a capture file as Handle.ReadInto
// does, the same records with the same errors, but with each record's
// time as Unix seconds and nanoseconds (in the location Location
// returns), so that no time.Time is made for it, and many records a
// call: the records of a little-endian pcap file in the read-ahead
// buffer are taken straight from it.
type FileReader struct {
	r    *pcapReader // the pcap file's (an empty one for pcapng)
	prog filterProg  // nil: no filter
	s    *fileSource
	ci   gopacket.CaptureInfo // the slow path's
}

// FileReader returns the reader of h's records, nil if h is not a file.
func (h *Handle) FileReader() *FileReader {
	if h.file == nil {
		return nil
	}
	r := h.file.fr.pcap
	if r == nil {
		r = new(pcapReader) // pcapng: never the fast path
	}
	return &FileReader{r: r, prog: h.file.prog, s: h.file}
}

// Location is the location of the records' times: the pcap reader's
// time.Unix is local time, pcapgo's pcapng times are UTC.
func (fr *FileReader) Location() *time.Location {
	if fr.s.fr.pcap != nil {
		return time.Local
	}
	return time.UTC
}

// Read fills recs, which must not be empty, with the next records that
// pass the filter, at least one, and returns their number and the bytes
// that hold their data, valid until the next call. It returns io.EOF at
// the end of the file, and a read error after the records before it.
func (fr *FileReader) Read(recs []Record) ([]byte, int, error) {
	for {
		n := fr.r.readFast(recs)
		if n == 0 {
			return fr.readSlow(recs)
		}
		buf := fr.r.buf
		if fr.prog == nil {
			return buf, n, nil
		}
		m := 0
		for _, rec := range recs[:n] {
			if fr.prog.match(buf[rec.Start:rec.End], rec.Length) {
				recs[m] = rec
				m++
			}
		}
		if m > 0 {
			return buf, m, nil
		}
	}
}

// readFast fills recs with the next records of a fast file in the
// buffer, those with fastNeed bytes from their start in it, up to the
// first one of more than fastCap bytes or with a fraction of its second
// of a second or more, and returns their number.
func (r *pcapReader) readFast(recs []Record) int {
	if !r.fast {
		return 0
	}
	n, off := readFast(recs, r.buf, r.off, r.fastCap, r.fracMul)
	r.off = off
	return n
}

// readFast is pcapReader.readFast on the bytes buf from off: it returns
// the number of records and the offset past them.
func readFast(recs []Record, buf []byte, off int, fastCap uint32, fracMul uint64) (int, int) {
	limit := len(buf) - fastNeed
	n := 0
	for ; n < len(recs) && off <= limit; n++ {
		h := (*[16]byte)(buf[off : off+16])
		caplen, nsec := binary.LittleEndian.Uint32(h[8:]), uint64(binary.LittleEndian.Uint32(h[4:]))*fracMul
		if caplen > fastCap || nsec >= 1e9 {
			break
		}
		rec := &recs[n]
		rec.Sec = int64(binary.LittleEndian.Uint32(h[0:]))
		rec.Nsec = int64(nsec)
		rec.Length = int(binary.LittleEndian.Uint32(h[12:]))
		rec.Start = off + 16
		off += 16 + int(caplen)
		rec.End = off
	}
	return n, off
}

// fastNeed is the bytes Read's fast path needs left in the buffer: room
// for a record header and maxFastRecord bytes.
const fastNeed = 16 + maxFastRecord

// readSlow is Read for a record its fast path does not take, through
// ReadInto's path. It first reads ahead when the buffer of a pcap file
// holds less than fastNeed bytes, so that the next records take the fast
// path again.
func (fr *FileReader) readSlow(recs []Record) ([]byte, int, error) {
	if r := fr.r; fr.s.fr.pcap != nil && r.err == nil && len(r.buf)-r.off < fastNeed {
		r.fill(fastNeed) // an error is kept in r.err, for the records' reads
		if len(r.buf)-r.off >= fastNeed {
			return fr.Read(recs)
		}
	}
	data, err := fr.s.readInto(&fr.ci)
	if err != nil {
		return nil, 0, err
	}
	t := fr.ci.Timestamp
	recs[0] = Record{Sec: t.Unix(), Nsec: int64(t.Nanosecond()), Length: fr.ci.Length, End: len(data)}
	return data, 1, nil
}
