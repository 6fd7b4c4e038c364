package coder

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/event"
	"farabi/internal/linescan"
)

// PETRARCH/TABARI verb dictionaries (the CAMEO.verbpatterns format), as
// PETRARCH2 reads them:
//
//   - "&NAME" starts a synset; each following "+PHRASE" line is a member.
//     A member may be another synset, "+&OTHER". Words of a member are
//     joined by spaces or "_" and must be adjacent in the text.
//   - "--- VERB [CODE] ---" starts a verb block. The lines after it that do
//     not start with "-" are the verb's forms: "BREAK {BROKE BROKEN}" lists
//     irregular forms (then only those and the base form match); without
//     braces the regular -s/-es, -ed/-d and -ing forms are generated. A
//     multiword verb joins its words with "_" (or spaces) and marks the
//     inflected word with "+" ("+BREAK_DOWN", "WIRE_+TAP"); a form line may
//     carry its own code ("DOWNPLAY [014]").
//   - "- WORDS * WORDS [CODE]" is a pattern of the block: "*" is the verb,
//     words before it must precede the verb and words after follow it, in
//     order, with other words between unless joined by "_". "+" is the
//     target, "$" the source, "%" a compound actor, "&SYN" any member of a
//     synset, "^" skips one word or actor.
//   - CODE is a CAMEO code (digits, optionally one letter), "---" for no
//     event, or "XXX:YYY": XXX from source to target and YYY back.
//   - "#" comments to the end of the line, "<!-- … -->" comments anywhere.

// ElemKind is the kind of one element of a PETRARCH pattern.
type ElemKind uint8

// Pattern elements.
const (
	ElemWord     ElemKind = iota // a literal word
	ElemSynset                   // &NAME
	ElemSource                   // $
	ElemTarget                   // +
	ElemCompound                 // %
	ElemSkip                     // ^
)

// Elem is one element of a PETRARCH pattern on one side of the verb.
type Elem struct {
	Kind ElemKind
	Word string // lower case, for ElemWord; the synset name for ElemSynset
	// Adj is true when the element is joined by "_" to its neighbour on
	// the verb's side: the one before it after the verb, the one after it
	// before the verb (or the verb itself).
	Adj bool
}

// VerbPattern is one "- … * … [CODE]" line of a verb block.
type VerbPattern struct {
	Pre  []Elem // elements before the verb, nearest the verb last
	Post []Elem // elements after the verb, nearest the verb first
	Code string // "---", "XXX" or "XXX:YYY"
	Verb *VerbBlock
	File string
	Line int
	Text string // the line as written, without comments
}

// VerbForm is one way of writing a verb: the inflected word with the words
// that must stand right before and after it.
type VerbForm struct {
	Pre  []string // lower case
	Word string   // lower case
	Post []string // lower case
	Code string   // the form's own code, or "" for the block's
	Verb *VerbBlock
}

// Len is the number of words of the form.
func (f *VerbForm) Len() int { return len(f.Pre) + 1 + len(f.Post) }

// VerbBlock is one "--- VERB [CODE] ---" block.
type VerbBlock struct {
	Name     string
	Code     string // the verb's default code; "" when the header had none
	Forms    []*VerbForm
	Patterns []*VerbPattern
	File     string
	Line     int
}

// PetrarchVerbs is a PETRARCH verb dictionary. It is immutable once read and
// safe for concurrent use.
type PetrarchVerbs struct {
	Blocks  []*VerbBlock
	Synsets map[string][][]string // name (upper case, without "&") to members, nested synsets expanded
	byWord  map[string][]*VerbForm
}

// FormsOf returns the forms whose inflected word is w (lower case).
func (d *PetrarchVerbs) FormsOf(w string) []*VerbForm { return d.byWord[w] }

// LoadPetrarchVerbs reads every file of fsys's root whose name contains
// "verbs" as one PETRARCH verb dictionary. It returns what it could read and
// every line it could not, joined, each as file:line.
func LoadPetrarchVerbs(fsys fs.FS) (*PetrarchVerbs, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	r := newPetrReader()
	n := 0
	for _, e := range entries {
		if e.IsDir() || !strings.Contains(strings.ToLower(e.Name()), "verbs") {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			r.errs = append(r.errs, fmt.Errorf("coder: %w", err))
			continue
		}
		n++
		r.read(e.Name(), data)
	}
	if n == 0 {
		return nil, errors.New("coder: no PETRARCH verbs file")
	}
	return r.finish()
}

// ReadPetrarchVerbs reads one PETRARCH verb dictionary; name is used in
// messages.
func ReadPetrarchVerbs(name string, data []byte) (*PetrarchVerbs, error) {
	r := newPetrReader()
	r.read(name, data)
	return r.finish()
}

type petrReader struct {
	d       *PetrarchVerbs
	raw     map[string][]synMember // synsets as written
	synLine map[string]string      // where each synset was defined
	errs    []error
	// state
	file  string
	block *VerbBlock
	syn   string // the synset being read, or ""
	// patterns and synset references, checked once every synset is read
	refs []synRef
}

type synMember struct {
	words []string // lower case; a single "&NAME" for a nested synset
}

type synRef struct {
	name string
	file string
	line int
}

func newPetrReader() *petrReader {
	return &petrReader{
		d:       &PetrarchVerbs{Synsets: map[string][][]string{}, byWord: map[string][]*VerbForm{}},
		raw:     map[string][]synMember{},
		synLine: map[string]string{},
	}
}

func (r *petrReader) bad(line int, format string, a ...any) {
	for i, x := range a { // a line may be megabytes long: quote a clip of it
		if s, ok := x.(string); ok {
			a[i] = linescan.Clip(s)
		}
	}
	r.errs = append(r.errs, &event.SyntaxError{File: r.file, Line: line, Err: fmt.Errorf(format, a...)})
}

func (r *petrReader) read(file string, data []byte) {
	r.file, r.block, r.syn = file, nil, ""
	lines, probs := actor.PetrarchLines(data)
	for _, e := range probs {
		r.bad(e.Line, "%v", e.Err)
	}
	// TABARI's older flat format has no "--- VERB ---" headers: a verb line
	// "ABANDON  [345]" opens the block itself.
	flat := true
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "---") {
			flat = false
			break
		}
	}
	for i, l := range lines {
		l = strings.TrimSpace(l)
		n := i + 1
		if flat && l != "" && strings.Contains(l, "[") && !strings.ContainsAny(l[:1], "-&+{") {
			r.syn = ""
			name := strings.TrimSpace(l[:strings.IndexByte(l, '[')])
			r.header(n, "--- "+strings.TrimRight(name, "=")+" "+l[strings.IndexByte(l, '['):]+" ---")
			r.form(n, strings.TrimRight(strings.ReplaceAll(name, " ", "_"), "="))
			continue
		}
		if flat && strings.HasPrefix(l, "{") && r.block != nil {
			// The irregular forms of the verb just opened.
			r.form(n, r.block.Name+" "+l)
			continue
		}
		if flat && strings.HasPrefix(l, "-") && strings.Contains(l, "{") {
			// Inline alternatives, "DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS":
			// one pattern per choice.
			if r.block == nil {
				r.bad(n, "pattern outside a verb block")
				continue
			}
			for _, alt := range expandAlternatives(l) {
				r.pattern(n, alt)
			}
			continue
		}
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "---"):
			r.syn = ""
			r.header(n, l)
		case strings.HasPrefix(l, "&"):
			r.block = nil
			r.synsetHeader(n, l)
		case strings.HasPrefix(l, "+") && r.syn != "":
			r.synsetMember(n, l)
		case strings.HasPrefix(l, "-"):
			if r.block == nil {
				r.bad(n, "pattern outside a verb block")
				continue
			}
			r.pattern(n, l)
		default:
			if r.block == nil {
				r.bad(n, "verb form outside a verb block: %q", l)
				continue
			}
			r.form(n, l)
		}
	}
}

func (r *petrReader) header(n int, l string) {
	body := strings.TrimSpace(strings.TrimPrefix(l, "---"))
	body = strings.TrimSpace(strings.TrimSuffix(body, "---"))
	name, codes, err := splitCodes(body)
	b := &VerbBlock{Name: strings.ToUpper(strings.Trim(name, "_ ")), File: r.file, Line: n}
	r.block = b
	r.d.Blocks = append(r.d.Blocks, b)
	switch {
	case err != nil:
		r.bad(n, "verb %s: %v; the block has no default code", b.Name, err)
	case b.Name == "":
		r.bad(n, "verb block without a verb")
	case len(codes) == 0:
		r.bad(n, "verb %s has no code", b.Name)
	case len(codes) > 1:
		b.Code = codes[0]
		r.bad(n, "verb %s has %d codes; using the first, [%s]", b.Name, len(codes), codes[0])
	default:
		b.Code = codes[0]
	}
}

// splitCodes cuts the "[CODE]" fields off the end of s and checks them.
func splitCodes(s string) (string, []string, error) {
	var codes []string
	for {
		s = strings.TrimSpace(s)
		if !strings.HasSuffix(s, "]") {
			break
		}
		i := strings.LastIndexByte(s, '[')
		if i < 0 {
			return s, nil, errors.New(`unmatched "]"`)
		}
		code := strings.TrimSpace(s[i+1 : len(s)-1])
		if err := checkPetrCode(code); err != nil {
			return s[:i], nil, err
		}
		codes = append([]string{code}, codes...)
		s = s[:i]
	}
	if strings.ContainsAny(s, "[]") {
		return s, nil, errors.New("bad code brackets")
	}
	return s, codes, nil
}

// checkPetrCode accepts "---", a CAMEO-style code (two to four digits and
// at most one letter, as the test dictionaries use: "174K", "102b") and
// "XXX:YYY" pairs of those.
func checkPetrCode(c string) error {
	if c == "---" {
		return nil
	}
	parts := strings.Split(c, ":")
	if len(parts) > 2 {
		return fmt.Errorf("bad code [%s]", c)
	}
	for _, p := range parts {
		digits := 0
		for digits < len(p) && p[digits] >= '0' && p[digits] <= '9' {
			digits++
		}
		rest := p[digits:]
		if digits < 2 || digits > 4 || len(rest) > 1 || (len(rest) == 1 && !isLetter(rest[0])) {
			return fmt.Errorf("bad code [%s]: want digits, ---, or XXX:YYY", c)
		}
	}
	return nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func (r *petrReader) synsetHeader(n int, l string) {
	// "&PREPOSIT1_": a final "_" is not part of the name.
	name := synName(l[1:])
	r.syn = ""
	if name == "" || strings.ContainsAny(name, " \t[]{}") {
		r.bad(n, "bad synset name %q", l)
		return
	}
	if where, dup := r.synLine[name]; dup {
		r.bad(n, "synset &%s defined twice (first at %s); members merged", name, where)
		r.syn = name
		return
	}
	r.synLine[name] = fmt.Sprintf("%s:%d", r.file, n)
	r.raw[name] = nil
	r.syn = name
}

func (r *petrReader) synsetMember(n int, l string) {
	words := splitWords(l[1:])
	if len(words) == 0 {
		r.bad(n, "empty synset member")
		return
	}
	for _, w := range words {
		if strings.ContainsAny(w, "[]{}*$%^") {
			r.bad(n, "bad synset member %q", l)
			return
		}
	}
	if strings.HasPrefix(words[0], "&") {
		if len(words) > 1 {
			r.bad(n, "a nested synset must stand alone: %q", l)
			return
		}
		r.refs = append(r.refs, synRef{synName(words[0][1:]), r.file, n})
	}
	r.raw[r.syn] = append(r.raw[r.syn], synMember{words})
}

func synName(s string) string { return strings.ToUpper(strings.TrimRight(strings.TrimSpace(s), "_")) }

// splitWords splits on spaces and underscores and lower-cases the words.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(c rune) bool { return c == ' ' || c == '\t' || c == '_' })
}

func (r *petrReader) form(n int, l string) {
	b := r.block
	body, codes, err := splitCodes(l)
	if err != nil {
		r.bad(n, "verb form %q: %v", l, err)
		return
	}
	if len(codes) > 1 {
		r.bad(n, "verb form with %d codes", len(codes))
		return
	}
	code := ""
	if len(codes) == 1 {
		code = codes[0]
	}
	var irregular []string
	explicit := false
	if i := strings.IndexByte(body, '{'); i >= 0 {
		j := strings.IndexByte(body, '}')
		if j < i || strings.TrimSpace(body[j+1:]) != "" {
			r.bad(n, "verb form %q: bad {…} list", l)
			return
		}
		irregular = strings.Fields(body[i+1 : j])
		body = body[:i]
		explicit = true
	}
	base, err := parseForm(body)
	if err != nil {
		r.bad(n, "verb form %q: %v", l, err)
		return
	}
	var forms []*VerbForm
	add := func(f VerbForm) {
		for _, g := range forms {
			if g.Word == f.Word && slices.Equal(g.Pre, f.Pre) && slices.Equal(g.Post, f.Post) {
				return
			}
		}
		f.Code, f.Verb = code, b
		forms = append(forms, &f)
	}
	add(base)
	if explicit {
		for _, s := range irregular {
			f, err := parseForm(s)
			if err != nil {
				r.bad(n, "irregular form %q: %v", s, err)
				continue
			}
			add(f)
		}
	} else {
		for _, w := range regularForms(base.Word) {
			f := base
			f.Word = w
			add(f)
		}
	}
	b.Forms = append(b.Forms, forms...)
}

// parseForm reads "WORD", "+WORD_PART", "PART_+WORD" or "WORD PART".
func parseForm(s string) (VerbForm, error) {
	words := strings.FieldsFunc(strings.TrimSpace(s), func(c rune) bool { return c == ' ' || c == '\t' || c == '_' })
	if len(words) == 0 {
		return VerbForm{}, errors.New("no verb")
	}
	head := -1
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			if head >= 0 {
				return VerbForm{}, errors.New(`two words marked "+"`)
			}
			head = i
			words[i] = w[1:]
		}
	}
	if head < 0 {
		head = 0
	}
	for _, w := range words {
		if w == "" || strings.ContainsAny(w, "+*$%^&[]{}") {
			return VerbForm{}, fmt.Errorf("bad word %q", w)
		}
	}
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(w)
	}
	return VerbForm{Pre: lw[:head], Word: lw[head], Post: lw[head+1:]}, nil
}

// regularForms returns the -s, -ed and -ing forms of a regular English verb.
// Doubled consonants ("stabbed") are irregular: dictionaries list them.
func regularForms(w string) []string {
	if w == "" {
		return nil
	}
	last := w[len(w)-1]
	var prev byte
	if len(w) > 1 {
		prev = w[len(w)-2]
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	var s, ed, ing string
	switch {
	case last == 'y' && len(w) > 1 && !vowel(prev):
		stem := w[:len(w)-1]
		s, ed, ing = stem+"ies", stem+"ied", w+"ing"
	case strings.HasSuffix(w, "ie"):
		s, ed, ing = w+"s", w+"d", w[:len(w)-2]+"ying"
	case last == 'e':
		s, ed = w+"s", w+"d"
		if prev == 'e' || prev == 'o' || prev == 'y' {
			ing = w + "ing"
		} else {
			ing = w[:len(w)-1] + "ing"
		}
	case last == 's' || last == 'x' || last == 'z' || last == 'o' || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		s, ed, ing = w+"es", w+"ed", w+"ing"
	default:
		s, ed, ing = w+"s", w+"ed", w+"ing"
	}
	return []string{s, ed, ing}
}

func (r *petrReader) pattern(n int, l string) {
	b := r.block
	body, codes, err := splitCodes(strings.TrimSpace(l[1:]))
	if err != nil {
		r.bad(n, "pattern %q: %v", l, err)
		return
	}
	if len(codes) != 1 {
		r.bad(n, "pattern %q: want one [CODE], have %d", l, len(codes))
		return
	}
	p := &VerbPattern{Code: codes[0], Verb: b, File: r.file, Line: n, Text: l}
	pre, post, err := parsePattern(body)
	if err != nil {
		r.bad(n, "pattern %q: %v", l, err)
		return
	}
	p.Pre, p.Post = pre, post
	for _, e := range append(append([]Elem(nil), pre...), post...) {
		if e.Kind == ElemSynset {
			r.refs = append(r.refs, synRef{e.Word, r.file, n})
		}
	}
	b.Patterns = append(b.Patterns, p)
}

// parsePattern splits a pattern's words around "*". Underscores join an
// element to its neighbour.
func parsePattern(s string) (pre, post []Elem, err error) {
	type piece struct {
		text     string
		joinPrev bool // "_" before it
	}
	var pieces []piece
	trailing := false // the previous field ended in "_": "IN_ *"
	for _, field := range strings.Fields(s) {
		parts := strings.Split(field, "_")
		joined := trailing && len(pieces) > 0
		trailing = false
		for i, p := range parts {
			if p == "" {
				trailing = i == len(parts)-1 && i > 0
				continue
			}
			pieces = append(pieces, piece{text: p, joinPrev: i > 0 && len(pieces) > 0 || joined})
			joined = false
		}
	}
	star := -1
	for i, p := range pieces {
		if p.text == "*" {
			if star >= 0 {
				return nil, nil, errors.New(`two "*"`)
			}
			star = i
		}
	}
	if star < 0 {
		return nil, nil, errors.New(`no "*" for the verb`)
	}
	elems := make([]Elem, len(pieces))
	for i, p := range pieces {
		if i == star {
			continue
		}
		e := Elem{}
		switch {
		case p.text == "$":
			e.Kind = ElemSource
		case p.text == "+":
			e.Kind = ElemTarget
		case p.text == "%":
			e.Kind = ElemCompound
		case p.text == "^":
			e.Kind = ElemSkip
		case strings.HasPrefix(p.text, "&"):
			e.Kind, e.Word = ElemSynset, synName(p.text[1:])
			if e.Word == "" {
				return nil, nil, errors.New(`"&" without a synset name`)
			}
		default:
			if strings.ContainsAny(p.text, "*$%^&[]{}+") {
				return nil, nil, fmt.Errorf("bad word %q", p.text)
			}
			e.Word = strings.ToLower(p.text)
		}
		// Adjacency towards the verb: before it, an element is joined to
		// the one after; after it, to the one before.
		if i < star {
			e.Adj = pieces[i+1].joinPrev
		} else {
			e.Adj = p.joinPrev
		}
		elems[i] = e
	}
	pre = elems[:star]
	post = elems[star+1:]
	for _, side := range [][]Elem{pre, post} {
		seen := map[ElemKind]bool{}
		for _, e := range side {
			if e.Kind == ElemSource || e.Kind == ElemTarget {
				if seen[e.Kind] {
					return nil, nil, errors.New(`"$" or "+" used twice`)
				}
				seen[e.Kind] = true
			}
		}
	}
	if hasKind(pre, ElemSource) && hasKind(post, ElemSource) || hasKind(pre, ElemTarget) && hasKind(post, ElemTarget) {
		return nil, nil, errors.New(`"$" or "+" used twice`)
	}
	return append([]Elem(nil), pre...), append([]Elem(nil), post...), nil
}

func hasKind(es []Elem, k ElemKind) bool {
	for _, e := range es {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// finish expands the synsets, checks references and builds the index.
func (r *petrReader) finish() (*PetrarchVerbs, error) {
	d := r.d
	names := make([]string, 0, len(r.raw))
	for name := range r.raw {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		d.Synsets[name] = r.expand(name, map[string]bool{})
	}
	for _, ref := range r.refs {
		if _, ok := r.raw[ref.name]; !ok {
			r.errs = append(r.errs, &event.SyntaxError{File: ref.file, Line: ref.line, Err: fmt.Errorf("unknown synset &%s", ref.name)})
		}
	}
	for _, b := range d.Blocks {
		if len(b.Forms) == 0 && b.Name != "" {
			// A block that lists no forms is written by its header alone.
			if f, err := parseForm(b.Name); err == nil {
				f.Verb = b
				b.Forms = append(b.Forms, &f)
				for _, w := range regularForms(f.Word) {
					g := f
					g.Word = w
					b.Forms = append(b.Forms, &g)
				}
			}
		}
		for _, f := range b.Forms {
			d.byWord[f.Word] = append(d.byWord[f.Word], f)
		}
	}
	return d, errors.Join(r.errs...)
}

// expand returns a synset's members with nested synsets replaced by theirs,
// longest first. A cycle is cut where it closes.
func (r *petrReader) expand(name string, onPath map[string]bool) [][]string {
	if onPath[name] {
		return nil
	}
	onPath[name] = true
	defer delete(onPath, name)
	var out [][]string
	for _, m := range r.raw[name] {
		if len(m.words) == 1 && strings.HasPrefix(m.words[0], "&") {
			out = append(out, r.expand(synName(m.words[0][1:]), onPath)...)
			continue
		}
		out = append(out, m.words)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// expandAlternatives spells out TABARI's inline alternatives "{ A | B }" in
// a pattern line, one line per choice (at most 64); "~" stem marks are
// dropped, so a stem matches as a whole word.
func expandAlternatives(l string) []string {
	l = strings.ReplaceAll(l, "~", "")
	i := strings.IndexByte(l, '{')
	j := strings.IndexByte(l, '}')
	if i < 0 || j < i {
		return []string{l}
	}
	var out []string
	for _, choice := range strings.Split(l[i+1:j], "|") {
		choice = strings.TrimSpace(choice)
		for _, rest := range expandAlternatives(l[j+1:]) {
			out = append(out, l[:i]+choice+rest)
			if len(out) >= 64 {
				return out
			}
		}
	}
	return out
}
