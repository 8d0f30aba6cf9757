package pcapgen

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// LinkTypePFLOG is DLT_PFLOG / LINKTYPE_PFLOG.
const LinkTypePFLOG = 117

// Record is one pcap record. Data holds the captured bytes and WireLen the
// packet's length on the wire (the record header's orig_len).
type Record struct {
	Sec, Usec uint32
	Data      []byte
	WireLen   int
}

// Writer writes a classic little-endian, microsecond pcap file.
type Writer struct {
	bw  *bufio.Writer
	hdr [16]byte
}

// NewWriter writes the file header (link type PFLOG) and returns a Writer.
func NewWriter(w io.Writer, snaplen int) (*Writer, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	var h [24]byte
	binary.LittleEndian.PutUint32(h[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[16:], uint32(snaplen))
	binary.LittleEndian.PutUint32(h[20:], LinkTypePFLOG)
	if _, err := bw.Write(h[:]); err != nil {
		return nil, err
	}
	return &Writer{bw: bw}, nil
}

// Write appends one record.
func (w *Writer) Write(rec Record) error {
	binary.LittleEndian.PutUint32(w.hdr[0:], rec.Sec)
	binary.LittleEndian.PutUint32(w.hdr[4:], rec.Usec)
	binary.LittleEndian.PutUint32(w.hdr[8:], uint32(len(rec.Data)))
	binary.LittleEndian.PutUint32(w.hdr[12:], uint32(rec.WireLen))
	if _, err := w.bw.Write(w.hdr[:]); err != nil {
		return err
	}
	_, err := w.bw.Write(rec.Data)
	return err
}

// Flush writes out buffered records.
func (w *Writer) Flush() error { return w.bw.Flush() }

// Reader reads a classic pcap file of either byte order, with microsecond
// or nanosecond timestamps (Usec then holds nanoseconds).
type Reader struct {
	br       *bufio.Reader
	bo       binary.ByteOrder
	linkType int
	hdr      [16]byte
	buf      []byte
}

// maxRecord bounds a record's captured length; larger means a broken file.
const maxRecord = 16 << 20

// NewReader reads the file header.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var h [24]byte
	if _, err := io.ReadFull(br, h[:]); err != nil {
		return nil, fmt.Errorf("pcap file header: %w", err)
	}
	rd := &Reader{br: br}
	switch binary.LittleEndian.Uint32(h[:]) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		rd.bo = binary.LittleEndian
	case 0xd4c3b2a1, 0x4d3cb2a1:
		rd.bo = binary.BigEndian
	default:
		return nil, errors.New("not a classic pcap file")
	}
	rd.linkType = int(rd.bo.Uint32(h[20:]) & 0x0fffffff)
	return rd, nil
}

// LinkType is the file's link type.
func (r *Reader) LinkType() int { return r.linkType }

// Next returns the next record, or io.EOF after the last one. The record's
// Data is valid until the next call.
func (r *Reader) Next() (Record, error) {
	if _, err := io.ReadFull(r.br, r.hdr[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			err = errors.New("pcap: truncated record header")
		}
		return Record{}, err
	}
	n := r.bo.Uint32(r.hdr[8:])
	if n > maxRecord {
		return Record{}, fmt.Errorf("pcap: record of %d bytes", n)
	}
	if cap(r.buf) < int(n) {
		r.buf = make([]byte, n)
	}
	r.buf = r.buf[:n]
	if _, err := io.ReadFull(r.br, r.buf); err != nil {
		return Record{}, errors.New("pcap: truncated record")
	}
	return Record{
		Sec:     r.bo.Uint32(r.hdr[0:]),
		Usec:    r.bo.Uint32(r.hdr[4:]),
		Data:    r.buf,
		WireLen: int(r.bo.Uint32(r.hdr[12:])),
	}, nil
}

// ReadFile reads every record of a pcap file; each record owns its Data.
func ReadFile(path string) (linkType int, recs []Record, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	r, err := NewReader(f)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %w", path, err)
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return r.LinkType(), recs, nil
		}
		if err != nil {
			return 0, nil, fmt.Errorf("%s: %w", path, err)
		}
		rec.Data = append([]byte(nil), rec.Data...)
		recs = append(recs, rec)
	}
}

// WriteFile writes records to a new pcap file.
func WriteFile(path string, snaplen int, recs []Record) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w, err := NewWriter(f, snaplen)
	if err == nil {
		for _, rec := range recs {
			if err = w.Write(rec); err != nil {
				break
			}
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
