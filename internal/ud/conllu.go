package ud

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxLineBytes is the longest CoNLL-U line a [Reader] accepts.
const MaxLineBytes = 1 << 20

// SyntaxError reports a malformed CoNLL-U line.
type SyntaxError struct {
	File string // the name given to NewReader, may be empty
	Line int    // 1-based line number
	Err  error
}

func (e *SyntaxError) Error() string {
	name := e.File
	if name == "" {
		name = "conllu"
	}
	return fmt.Sprintf("%s:%d: %v", name, e.Line, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Errors a Reader wraps in a [SyntaxError].
var (
	ErrColumns    = errors.New("want 10 tab-separated columns")
	ErrID         = errors.New("bad ID column")
	ErrHead       = errors.New("bad HEAD column")
	ErrUTF8       = errors.New("invalid UTF-8")
	ErrLineLength = errors.New("line too long")
	ErrNUL        = errors.New("NUL byte")
)

// Reader reads sentences from CoNLL-U text. A malformed sentence is reported
// as a *SyntaxError from Next, and reading goes on with the sentence after it,
// so one bad line costs only its own sentence.
type Reader struct {
	r    *bufio.Reader
	name string
	line int
	eof  bool
}

// NewReader returns a Reader of r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// readLine returns the next line without its line ending. Over-long lines
// are consumed whole and reported.
func (r *Reader) readLine() (string, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLineBytes {
				tooLong = true
				buf = nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if len(chunk) == 0 && len(buf) == 0 && !tooLong {
				return "", io.EOF
			}
			r.eof = true
		} else if err != nil {
			return "", err
		}
		break
	}
	r.line++
	if tooLong {
		return "", ErrLineLength
	}
	s := strings.TrimRight(string(buf), "\r\n")
	return s, nil
}

// Next returns the next sentence, io.EOF at the end, or a *SyntaxError for
// a malformed sentence (the next call continues after it).
func (r *Reader) Next() (*Sentence, error) {
	var (
		s       Sentence
		started bool
		bad     error
		multis  []multiRaw
	)
	for {
		if r.eof && !started {
			return nil, io.EOF
		}
		line, err := r.readLine()
		if err == io.EOF || (err == nil && r.eof && line == "" && !started) {
			if !started {
				return nil, io.EOF
			}
			break
		}
		if err != nil {
			if errors.Is(err, ErrLineLength) {
				started = true
				if bad == nil {
					bad = &SyntaxError{r.name, r.line, err}
				}
				if r.eof {
					break
				}
				continue
			}
			return nil, err
		}
		if line == "" {
			if started {
				break
			}
			if r.eof {
				return nil, io.EOF
			}
			continue
		}
		started = true
		if bad != nil {
			if r.eof {
				break
			}
			continue
		}
		if e := r.parseLine(&s, &multis, line); e != nil {
			bad = &SyntaxError{r.name, r.line, e}
		}
		if r.eof {
			break
		}
	}
	if bad != nil {
		return nil, bad
	}
	if err := finish(&s, multis); err != nil {
		return nil, &SyntaxError{r.name, r.line, err}
	}
	return &s, nil
}

type multiRaw struct {
	first, last int // 1-based word IDs
	form, misc  string
}

func (r *Reader) parseLine(s *Sentence, multis *[]multiRaw, line string) error {
	if !utf8.ValidString(line) {
		return ErrUTF8
	}
	if strings.IndexByte(line, 0) >= 0 {
		return ErrNUL
	}
	if strings.HasPrefix(line, "#") {
		c := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		switch {
		case strings.HasPrefix(c, "sent_id ="):
			s.ID = strings.TrimSpace(strings.TrimPrefix(c, "sent_id ="))
		case strings.HasPrefix(c, "text ="):
			s.Text = strings.TrimSpace(strings.TrimPrefix(c, "text ="))
		default:
			s.Comments = append(s.Comments, c)
		}
		return nil
	}
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("%w, got %d", ErrColumns, len(cols))
	}
	id := cols[0]
	if strings.IndexByte(id, '.') >= 0 {
		return nil // empty node of the enhanced graph: not kept
	}
	if i := strings.IndexByte(id, '-'); i >= 0 {
		a, err1 := strconv.Atoi(id[:i])
		b, err2 := strconv.Atoi(id[i+1:])
		if err1 != nil || err2 != nil || a < 1 || b < a || a != len(s.Tokens)+1 {
			return fmt.Errorf("%w %q", ErrID, id)
		}
		*multis = append(*multis, multiRaw{a, b, cols[1], cols[9]})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.Tokens)+1 {
		return fmt.Errorf("%w %q: want %d", ErrID, id, len(s.Tokens)+1)
	}
	t := Token{Form: cols[1], Lemma: under(cols[2]), XPOS: under(cols[4]),
		Feats: under(cols[5]), Rel: under(cols[7]), Deps: under(cols[8]), Misc: under(cols[9]), Head: -1}
	if cols[3] != "_" {
		u, ok := ParseUPOS(cols[3])
		if !ok {
			return fmt.Errorf("unknown UPOS %q", cols[3])
		}
		t.UPOS = u
	}
	if cols[6] != "_" {
		h, err := strconv.Atoi(cols[6])
		if err != nil || h < 0 {
			return fmt.Errorf("%w %q", ErrHead, cols[6])
		}
		t.Head = h
	}
	t.NoSpaceAfter, t.Misc = takeSpaceAfter(t.Misc)
	s.Tokens = append(s.Tokens, t)
	return nil
}

func under(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// takeSpaceAfter removes SpaceAfter=No and TokenRange=… from a MISC column,
// which the Token holds in fields of its own.
func takeSpaceAfter(misc string) (bool, string) {
	if misc == "" {
		return false, ""
	}
	noSpace := false
	var keep []string
	for _, f := range strings.Split(misc, "|") {
		switch {
		case f == "SpaceAfter=No":
			noSpace = true
		case strings.HasPrefix(f, "TokenRange="):
		default:
			keep = append(keep, f)
		}
	}
	return noSpace, strings.Join(keep, "|")
}

// finish checks heads, attaches multi-word tokens and computes spans.
func finish(s *Sentence, multis []multiRaw) error {
	n := len(s.Tokens)
	if n == 0 {
		return errors.New("sentence has no words")
	}
	for i := range s.Tokens {
		if s.Tokens[i].Head > n {
			return fmt.Errorf("word %d: %w %d beyond %d words", i+1, ErrHead, s.Tokens[i].Head, n)
		}
	}
	for _, m := range multis {
		if m.last > n {
			return fmt.Errorf("multi-word token %d-%d beyond %d words", m.first, m.last, n)
		}
		ns, misc := takeSpaceAfter(under(m.misc))
		s.MultiWords = append(s.MultiWords, MultiWord{First: m.first - 1, Last: m.last - 1,
			Form: m.form, Misc: misc, NoSpaceAfter: ns})
	}
	if s.Text == "" {
		s.Text = surfaceText(s)
	}
	alignSpans(s)
	return nil
}

// surfaceText rebuilds the sentence text from its surface tokens.
func surfaceText(s *Sentence) string {
	var b strings.Builder
	eachSurface(s, func(form string, noSpace bool, first, last int) {
		b.WriteString(form)
		if !noSpace {
			b.WriteByte(' ')
		}
	})
	return strings.TrimRight(b.String(), " ")
}

// eachSurface calls f for each surface token: a multi-word token once, other
// words one by one.
func eachSurface(s *Sentence, f func(form string, noSpace bool, first, last int)) {
	mi := 0
	for i := 0; i < len(s.Tokens); i++ {
		if mi < len(s.MultiWords) && s.MultiWords[mi].First == i {
			m := s.MultiWords[mi]
			f(m.Form, m.NoSpaceAfter, m.First, m.Last)
			i = m.Last
			mi++
			continue
		}
		t := s.Tokens[i]
		f(t.Form, t.NoSpaceAfter, i, i)
	}
}

// alignSpans finds each surface token in s.Text, skipping white space, and
// sets the spans of words and multi-word tokens relative to s.Span.Start.
// Tokens that cannot be found keep an empty span at the current position.
func alignSpans(s *Sentence) {
	pos := 0
	text := s.Text
	mi := 0
	eachSurface(s, func(form string, _ bool, first, last int) {
		for pos < len(text) && isSpaceByte(text[pos]) {
			pos++
		}
		start := pos
		if strings.HasPrefix(text[pos:], form) {
			pos += len(form)
		} else if k := strings.Index(text[pos:], form); k >= 0 && k < 8 {
			start = pos + k
			pos = start + len(form)
		}
		sp := Span{start + s.Span.Start, pos + s.Span.Start}
		if first == last && (mi >= len(s.MultiWords) || s.MultiWords[mi].First != first) {
			s.Tokens[first].Span = sp
			return
		}
		s.MultiWords[mi].Span = sp
		mi++
		// Split the surface span among its words where their forms spell it.
		off := sp.Start
		for w := first; w <= last; w++ {
			f := s.Tokens[w].Form
			if off-s.Span.Start+len(f) <= pos && strings.EqualFold(text[off-s.Span.Start:off-s.Span.Start+len(f)], f) {
				s.Tokens[w].Span = Span{off, off + len(f)}
				off += len(f)
			} else {
				s.Tokens[w].Span = sp
			}
		}
	})
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ReadAll reads every sentence of r. It returns the sentences it could read
// and all syntax errors joined, so one bad sentence costs only itself.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	cr := NewReader(r, name)
	var out []*Sentence
	var errs []error
	for {
		s, err := cr.Next()
		if err == io.EOF {
			break
		}
		var se *SyntaxError
		if errors.As(err, &se) {
			errs = append(errs, err)
			continue
		}
		if err != nil {
			errs = append(errs, err)
			break
		}
		out = append(out, s)
	}
	return out, errors.Join(errs...)
}

// Write prints s in CoNLL-U, with its sent_id and text comments, and each
// word's byte range as TokenRange=start:end in MISC when withRanges is set.
func Write(w io.Writer, s *Sentence, withRanges bool) error {
	var b strings.Builder
	if s.ID != "" {
		fmt.Fprintf(&b, "# sent_id = %s\n", s.ID)
	}
	for _, c := range s.Comments {
		fmt.Fprintf(&b, "# %s\n", c)
	}
	fmt.Fprintf(&b, "# text = %s\n", oneLine(s.Text))
	mi := 0
	for i := range s.Tokens {
		if mi < len(s.MultiWords) && s.MultiWords[mi].First == i {
			m := s.MultiWords[mi]
			misc := miscOf(m.Misc, m.NoSpaceAfter, m.Span, withRanges)
			fmt.Fprintf(&b, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First+1, m.Last+1, m.Form, misc)
			mi++
		}
		t := &s.Tokens[i]
		inMulti := mi > 0 && i <= s.MultiWords[mi-1].Last
		head := "_"
		if t.Head >= 0 {
			head = strconv.Itoa(t.Head)
		}
		noSpace := t.NoSpaceAfter && !inMulti
		misc := miscOf(t.Misc, noSpace, t.Span, withRanges)
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, t.Form, dash(t.Lemma),
			t.UPOS, dash(t.XPOS), dash(t.Feats), head, dash(t.Rel), dash(t.Deps), misc)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

func miscOf(misc string, noSpace bool, sp Span, withRanges bool) string {
	var parts []string
	if misc != "" {
		parts = append(parts, misc)
	}
	if noSpace {
		parts = append(parts, "SpaceAfter=No")
	}
	if withRanges {
		parts = append(parts, fmt.Sprintf("TokenRange=%d:%d", sp.Start, sp.End))
	}
	if len(parts) == 0 {
		return "_"
	}
	return strings.Join(parts, "|")
}
