package postag

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"math"
	"slices"
	"strings"

	"farabi/internal/ud"
)

// The model file format; docs/format/model.md describes it.
const (
	magic         = "FARABI-TAGGER\n"
	formatVersion = 3
	// clusterVersion is the format of a model with word clusters: a
	// model without them is still written as formatVersion.
	clusterVersion = 4
	maxModelBytes  = 1 << 30
	flagKeepCase   = 1 // class flag: lemmas keep the case of the form
)

// ErrFormat is wrapped by the errors Read returns for a file that is not a
// tagger model of this version or is damaged.
var ErrFormat = errors.New("postag: bad model file")

// tagsetHash returns the FNV-1a hash of the tag set written one class a
// line as "UPOS\tXPOS\n".
func tagsetHash(tags []tagInfo) uint64 {
	var b strings.Builder
	for _, t := range tags {
		b.WriteString(t.upos.String())
		b.WriteByte('\t')
		b.WriteString(t.xpos)
		b.WriteByte('\n')
	}
	return hashString(b.String())
}

// encoder appends the fields of a model to a buffer.
type encoder struct{ b []byte }

func (e *encoder) uvarint(v uint64)   { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)     { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) u64(v uint64)       { e.b = binary.LittleEndian.AppendUint64(e.b, v) }
func (e *encoder) str(s string)       { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) section(n int)      { e.uvarint(uint64(n)) }
func (e *encoder) byte1(c byte)       { e.b = append(e.b, c) }
func (e *encoder) rawString(s string) { e.b = append(e.b, s...) }

// WriteTo writes the tagger to w in the format of docs/format/model.md. The
// same tagger always gives the same bytes.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	e := &encoder{}
	e.rawString(magic)
	if t.clusters != nil {
		e.uvarint(clusterVersion)
	} else {
		e.uvarint(formatVersion)
	}
	e.section(len(t.tags))
	for _, tg := range t.tags {
		e.str(tg.upos.String())
		e.str(tg.xpos)
		flags := byte(0)
		if tg.keepCase {
			flags |= flagKeepCase
		}
		e.byte1(flags)
	}
	e.u64(tagsetHash(t.tags))
	e.uvarint(numFeat)

	forms := make([]string, len(t.words))
	for f, i := range t.words {
		forms[i] = f
	}
	e.section(len(forms))
	for i, f := range forms {
		e.str(f)
		e.uvarint(uint64(t.info[i].amb))
		e.uvarint(uint64(t.info[i].tag + 1))
	}

	e.section(len(t.lemmas))
	for _, l := range t.lemmas {
		e.str(l)
	}
	e.section(len(t.lexList))
	for _, x := range t.lexList {
		e.uvarint(uint64(x.word))
		e.byte1(x.class)
		e.uvarint(uint64(x.lemma))
	}

	keys := sortedKeys(t.rules)
	e.section(len(keys))
	for _, k := range keys {
		r := t.rules[k]
		e.str(k)
		e.uvarint(uint64(r.strip))
		e.str(r.add)
	}

	t.lexicon.encode(e)

	encodeWeights(e, t.feats, t.weights)
	if t.second == nil {
		e.byte1(0)
	} else {
		e.byte1(1)
		e.uvarint(uint64(t.secondMargin))
		encodeWeights(e, t.second.feats, t.second.weights)
	}
	if t.clusters != nil {
		words := slices.Sorted(maps.Keys(t.clusters.words))
		e.section(len(words))
		for _, w := range words {
			e.str(w)
			e.uvarint(uint64(t.clusters.words[w]))
		}
	}
	e.b = binary.LittleEndian.AppendUint32(e.b, crc32.ChecksumIEEE(e.b))
	n, err := w.Write(e.b)
	return int64(n), err
}

// encodeWeights appends the features of a feature table and their
// weights, sorted by key.
func encodeWeights(e *encoder, table *table, weights []uint32) {
	type feat struct {
		key uint64
		val uint32
	}
	feats := make([]feat, 0, table.n)
	for _, s := range table.slots {
		if s.key != 0 {
			feats = append(feats, feat{s.key, s.val})
		}
	}
	slices.SortFunc(feats, func(a, b feat) int { return cmp.Compare(a.key, b.key) })
	e.section(len(feats))
	prev := uint64(0)
	for _, f := range feats {
		e.uvarint(f.key - prev)
		prev = f.key
		start, n := f.val>>8, f.val&0xff
		e.uvarint(uint64(n))
		for _, x := range weights[start : start+n] {
			e.byte1(byte(x))
			e.varint(int64(int32(x) >> 16))
		}
	}
}

// decoder reads the fields of a model from a string, remembering the first
// error.
type decoder struct {
	s   string
	off int
	err error
}

func (d *decoder) fail(format string, a ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: offset %d: %s", ErrFormat, d.off, fmt.Sprintf(format, a...))
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.off >= len(d.s) {
			d.fail("unexpected end of data")
			return 0
		}
		c := d.s[d.off]
		d.off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail("varint overflows 64 bits")
	return 0
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *decoder) byte1() byte {
	if d.err != nil {
		return 0
	}
	if d.off >= len(d.s) {
		d.fail("unexpected end of data")
		return 0
	}
	d.off++
	return d.s[d.off-1]
}

func (d *decoder) u64() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.s)-d.off < 8 {
		d.fail("unexpected end of data")
		return 0
	}
	d.off += 8
	return binary.LittleEndian.Uint64([]byte(d.s[d.off-8 : d.off]))
}

// str returns a string of the data, which shares its memory.
func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)-d.off) {
		d.fail("string of %d bytes runs past the end", n)
		return ""
	}
	d.off += int(n)
	return d.s[d.off-int(n) : d.off]
}

// count reads the length of a section whose items take at least min bytes
// each, and checks that they fit in the data left.
func (d *decoder) count(what string, min int) int {
	n := d.uvarint()
	if d.err == nil && n > uint64((len(d.s)-d.off)/min) {
		d.fail("%d %s do not fit in the file", n, what)
		return 0
	}
	return int(n)
}

// Load reads the tagger model file name from fsys, as Load(models.FS,
// "tagger.model") reads the committed model. Errors name the file.
func Load(fsys fs.FS, name string) (*Tagger, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("postag: %w", err)
	}
	defer f.Close()
	t, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

// Read reads a tagger written by [Tagger.WriteTo]. It checks the whole
// file and returns an error wrapping [ErrFormat] for anything that is not
// a valid model of this format version.
func Read(r io.Reader) (*Tagger, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("postag: read model: %w", err)
	}
	if len(data) > maxModelBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrFormat, maxModelBytes)
	}
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: not a farabi tagger model", ErrFormat)
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrFormat)
	}
	d := &decoder{s: string(body), off: len(magic)}
	version := d.uvarint()
	if d.err == nil && version != formatVersion && version != 2 && version != clusterVersion {
		return nil, fmt.Errorf("%w: format version %d, want 2, %d or %d", ErrFormat, version, formatVersion, clusterVersion)
	}
	t := &Tagger{}
	nt := d.count("classes", 3)
	if d.err == nil && (nt == 0 || nt > maxTagClasses) {
		d.fail("%d classes, want 1 to %d", nt, maxTagClasses)
	}
	for range nt {
		name := d.str()
		u, ok := ud.ParseUPOS(name)
		if d.err == nil && !ok {
			d.fail("unknown UPOS %q", name)
		}
		xpos := d.str()
		flags := d.byte1()
		if d.err == nil && flags&^flagKeepCase != 0 {
			d.fail("unknown class flags %#x", flags)
		}
		t.tags = append(t.tags, tagInfo{upos: u, xpos: xpos, keepCase: flags&flagKeepCase != 0})
	}
	if h := d.u64(); d.err == nil && h != tagsetHash(t.tags) {
		d.fail("tag set hash %016x does not match the tag set", h)
	}
	if nf := d.uvarint(); d.err == nil && nf != numFeat {
		d.fail("%d feature templates, want %d", nf, numFeat)
	}

	nw := d.count("words", 3)
	t.words = make(map[string]int32, nw)
	t.info = make([]wordInfo, 0, nw)
	for i := range nw {
		f := d.str()
		amb := d.uvarint()
		tag := d.uvarint()
		if d.err == nil && (amb > 1<<31 || tag > uint64(nt)) {
			d.fail("word %d: bad ambiguity class or tag", i)
		}
		t.words[f] = int32(i)
		t.info = append(t.info, wordInfo{amb: uint32(amb), tag: int(tag) - 1})
	}
	if d.err == nil && len(t.words) != nw {
		d.fail("repeated words")
	}

	nl := d.count("lemmas", 1)
	t.lemmas = make([]string, 0, nl)
	for range nl {
		t.lemmas = append(t.lemmas, d.str())
	}
	nx := d.count("lexicon entries", 3)
	t.lex = newTable(nx)
	t.lexList = make([]lexEntry, 0, nx)
	for range nx {
		w, c, l := d.uvarint(), d.byte1(), d.uvarint()
		if d.err == nil && (w >= uint64(nw) || int(c) >= nt || l >= uint64(nl)) {
			d.fail("lexicon entry out of range")
		}
		x := lexEntry{int32(w), c, uint32(l)}
		t.lexList = append(t.lexList, x)
		t.lex.put(lexKey(x.word, int(x.class)), x.lemma)
	}

	nr := d.count("rules", 3)
	t.rules = make(map[string]rule, nr)
	for range nr {
		k, strip, add := d.str(), d.uvarint(), d.str()
		if d.err == nil && (k == "" || int(k[0]) >= nt || strip > maxRuleSuffix) {
			d.fail("bad rule %q", k)
		}
		t.rules[k] = rule{int(strip), add}
	}

	t.lexicon = decodeLexicon(d)
	if d.err == nil {
		t.indexLexicon()
	}

	t.feats, t.weights = decodeWeights(d, nt)
	if d.err == nil {
		t.indexDense()
	}
	second := byte(0)
	if version > 2 {
		second = d.byte1() // version 2 had no second pass
	}
	switch {
	case d.err != nil:
	case second == 1:
		margin := d.uvarint()
		if d.err == nil && (margin == 0 || margin > math.MaxInt32) {
			d.fail("second-pass margin %d out of range", margin)
		}
		t.secondMargin = int32(margin)
		t.second = &Tagger{tags: t.tags}
		t.second.feats, t.second.weights = decodeWeights(d, nt)
		if d.err == nil {
			t.second.indexDense()
		}
	case second != 0:
		d.fail("second-pass flag %d, want 0 or 1", second)
	}
	if version == clusterVersion && d.err == nil {
		n := d.count("cluster words", 2)
		t.clusters = &Clusters{words: make(map[string]uint32, n)}
		for range n {
			w, x := d.str(), d.uvarint()
			if d.err == nil && (w == "" || x>>16 == 0 || x&0xffff == 0 || x>>31 != 0) {
				d.fail("bad cluster word %q", w)
			}
			t.clusters.words[w] = uint32(x)
		}
		if d.err == nil && len(t.clusters.words) != n {
			d.fail("repeated cluster words")
		}
	}
	if d.err == nil && d.off != len(d.s) {
		d.fail("%d bytes after the model", len(d.s)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	return t, nil
}

// decodeWeights reads what encodeWeights wrote, for nt classes.
func decodeWeights(d *decoder, nt int) (*table, []uint32) {
	nf := d.count("features", 2)
	feats := newTable(nf)
	var weights []uint32
	key := uint64(0)
	for range nf {
		delta, n := d.uvarint(), d.uvarint()
		prev := key
		key += delta
		if d.err == nil && (delta == 0 || key < prev || n == 0 || n > uint64(nt)) {
			d.fail("bad feature %016x with %d weights", key, n)
		}
		if d.err != nil {
			break
		}
		start := len(weights)
		for range n {
			c, w := d.byte1(), d.varint()
			if d.err == nil && (int(c) >= nt || w < -1<<15 || w >= 1<<15) {
				d.fail("bad weight %d for class %d", w, c)
			}
			weights = append(weights, uint32(c)|uint32(int32(w))<<16)
		}
		feats.put(key, uint32(start)<<8|uint32(n))
	}
	if d.err == nil && len(weights) >= 1<<24 {
		d.fail("%d weights, at most %d", len(weights), 1<<24-1)
	}
	return feats, weights
}

// encode appends the lexicon to a model: its words with their class bits,
// then its irregular forms with their lemmas, each sorted.
func (lx *Lexicon) encode(e *encoder) {
	if lx == nil {
		lx = NewLexicon()
	}
	words := sortedKeys(lx.words)
	e.section(len(words))
	for _, w := range words {
		e.str(w)
		e.uvarint(uint64(lx.words[w]))
	}
	forms := sortedKeys(lx.exc)
	e.section(len(forms))
	for _, f := range forms {
		e.str(f)
		e.section(len(lx.exc[f]))
		for _, x := range lx.exc[f] {
			e.byte1(letterOfClass(x.class))
			e.str(x.lemma)
		}
	}
}

// decodeLexicon reads what encode wrote.
func decodeLexicon(d *decoder) *Lexicon {
	lx := NewLexicon()
	nw := d.count("lexicon words", 2)
	for range nw {
		w, bits := d.str(), d.uvarint()
		if d.err == nil && (w == "" || bits == 0 || bits > lxAll) {
			d.fail("bad lexicon word %q", w)
		}
		lx.words[w] = uint16(bits)
	}
	nx := d.count("lexicon forms", 3)
	for range nx {
		f, n := d.str(), d.count("lemmas", 2)
		if d.err == nil && (f == "" || n == 0) {
			d.fail("bad lexicon form %q", f)
		}
		for range n {
			c, lemma := d.byte1(), d.str()
			if d.err == nil && (classOfLetter(c) == 0 || lemma == "") {
				d.fail("bad lemma of lexicon form %q", f)
			}
			lx.exc[f] = append(lx.exc[f], excEntry{classOfLetter(c), lemma})
		}
	}
	if d.err == nil && (len(lx.words) != nw || len(lx.exc) != nx) {
		d.fail("repeated lexicon words")
	}
	return lx
}
