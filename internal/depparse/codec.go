package depparse

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"unicode/utf8"
)

// The model file layout is described in docs/format/model.md, section
// "Parser". All integers are little-endian.
const (
	magic         = "FRBPARSE"
	formatVersion = 1
	maxLabels     = 1024
	maxModelBytes = 1 << 28
)

// Errors Read wraps in a *FormatError.
var (
	ErrMagic    = errors.New("not a farabi parser model")
	ErrVersion  = errors.New("unsupported format version")
	ErrFeatures = errors.New("model made for another feature set")
	ErrChecksum = errors.New("checksum mismatch")
	ErrCorrupt  = errors.New("corrupt model")
)

// FormatError reports a bad model file: Offset is the byte offset at which
// reading failed.
type FormatError struct {
	Offset int64
	Err    error
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("depparse: model offset %d: %v", e.Offset, e.Err)
}

func (e *FormatError) Unwrap() error { return e.Err }

// WriteTo writes the parser in farabi's parser model format. It implements
// [io.WriterTo]. The same parser always gives the same bytes.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(cw, 1<<16)
	crc := crc32.NewIEEE()
	out := io.MultiWriter(bw, crc)
	var buf [8]byte
	u32 := func(v uint32) {
		binary.LittleEndian.PutUint32(buf[:4], v)
		out.Write(buf[:4])
	}
	io.WriteString(out, magic)
	u32(formatVersion)
	u32(featureVersion)
	u32(uint32(len(p.labels)))
	for _, l := range p.labels {
		out.Write([]byte{byte(len(l))})
		io.WriteString(out, l)
	}
	u32(uint32(p.root))
	for _, t := range []*table{p.trans, p.label} {
		u32(uint32(t.nclass))
		keys, weights := t.entries()
		u32(uint32(len(keys)))
		chunk := make([]byte, 0, 1<<16)
		for _, k := range keys {
			chunk = binary.LittleEndian.AppendUint64(chunk, k)
			if len(chunk) >= 1<<16-8 {
				out.Write(chunk)
				chunk = chunk[:0]
			}
		}
		for _, v := range weights {
			chunk = binary.LittleEndian.AppendUint16(chunk, uint16(v))
			if len(chunk) >= 1<<16-8 {
				out.Write(chunk)
				chunk = chunk[:0]
			}
		}
		out.Write(chunk)
	}
	binary.LittleEndian.PutUint32(buf[:4], crc.Sum32())
	bw.Write(buf[:4])
	err := bw.Flush()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// Read reads a parser written by [Parser.WriteTo]. A malformed model gives
// a *[FormatError], never a panic.
func Read(r io.Reader) (*Parser, error) {
	var buf bytes.Buffer
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Size() > 0 && fi.Size() <= maxModelBytes {
			buf.Grow(int(fi.Size()) + bytes.MinRead)
		}
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, maxModelBytes+1)); err != nil {
		return nil, fmt.Errorf("depparse: reading model: %w", err)
	}
	data := buf.Bytes()
	if len(data) > maxModelBytes {
		return nil, &FormatError{maxModelBytes, ErrCorrupt}
	}
	d := &decoder{data: data}
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, &FormatError{0, ErrMagic}
	}
	d.off = len(magic)
	if v := d.u32(); d.err == nil && v != formatVersion {
		return nil, &FormatError{int64(d.off - 4), fmt.Errorf("%w %d", ErrVersion, v)}
	}
	if v := d.u32(); d.err == nil && (v < minFeatureVersion || v > featureVersion) {
		return nil, &FormatError{int64(d.off - 4), fmt.Errorf("%w (version %d, want %d)", ErrFeatures, v, featureVersion)}
	}
	if len(data) < d.off+4 {
		return nil, &FormatError{int64(d.off), ErrCorrupt}
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, &FormatError{int64(len(data) - 4), ErrChecksum}
	}
	d.data = body
	p := &Parser{}
	nl := d.u32()
	if d.err == nil && (nl == 0 || nl > maxLabels) {
		d.fail()
	}
	for i := 0; d.err == nil && i < int(nl); i++ {
		n := int(d.bytes(1)[0:1][0])
		l := string(d.bytes(n))
		if d.err == nil && (n == 0 || !utf8.ValidString(l)) {
			d.fail()
		}
		p.labels = append(p.labels, l)
	}
	p.root = int(d.u32())
	if d.err == nil && (p.root >= len(p.labels) || p.labels[p.root] != "root") {
		d.fail()
	}
	p.trans = d.table(numTrans)
	p.label = d.table(len(p.labels))
	if d.err == nil && d.off != len(d.data) {
		d.fail()
	}
	if d.err != nil {
		return nil, &FormatError{int64(d.off), d.err}
	}
	return p, nil
}

// decoder reads little-endian values from data, remembering the first
// error; after an error every read returns zeros.
type decoder struct {
	data []byte
	off  int
	err  error
}

var zeros [8]byte

func (d *decoder) fail() {
	if d.err == nil {
		d.err = ErrCorrupt
	}
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.data)-d.off {
		d.fail()
		if n <= len(zeros) {
			return zeros[:max(n, 0)]
		}
		return make([]byte, n)
	}
	b := d.data[d.off : d.off+n]
	d.off += n
	return b
}

func (d *decoder) u32() uint32 { return binary.LittleEndian.Uint32(d.bytes(4)) }

// table reads a weight table that must have nclass classes.
func (d *decoder) table(nclass int) *table {
	nc := d.u32()
	nf := d.u32()
	if d.err != nil || int(nc) != nclass || uint64(nf)*uint64(8+2*nclass) > uint64(len(d.data)-d.off) {
		d.fail()
		return nil
	}
	keys := make([]uint64, nf)
	rawKeys := d.bytes(8 * int(nf))
	if d.err != nil {
		return nil
	}
	prev := uint64(0)
	for i := range keys {
		k := binary.LittleEndian.Uint64(rawKeys[8*i:])
		if k <= prev {
			d.fail()
			return nil
		}
		keys[i], prev = k, k
	}
	w := make([]int16, int(nf)*nclass)
	raw := d.bytes(len(w) * 2)
	if d.err != nil {
		return nil
	}
	for i := range w {
		w[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
	}
	return newTable(nclass, keys, w)
}
