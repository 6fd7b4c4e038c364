package coder

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/event"
	"farabi/internal/linescan"
	"farabi/internal/ud"
)

// Step is one step of a path down the tree: a child by relation Rel (a bare
// relation matches any subtype) that, when Case is set, has a case or mark
// child with that lemma.
type Step struct {
	Rel  string
	Case string
}

// Path is a walk from the predicate to a slot.
type Path []Step

func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('>')
		}
		b.WriteString(s.Rel)
		if s.Case != "" {
			b.WriteString(":" + s.Case)
		}
	}
	return b.String()
}

// anyLemma in a requirement's lemmas matches every word: "obj=*" asks for
// an object, "obj!=*" for none ("demonstrated outside the embassy", not
// "demonstrated its resolve").
const anyLemma = "*"

// Req is a requirement on a dependent of the predicate.
type Req struct {
	Path   Path
	Lemmas map[string]bool
	Not    bool
	Text   string

	anyWord bool // Lemmas holds anyLemma
}

// Pattern is one line of a verb dictionary.
type Pattern struct {
	ID       string
	Code     string
	Lemmas   []string
	POS      byte // 'V' verb, 'N' noun, 'A' adjective
	Particle string
	Reqs     []Req
	Source   []Path
	Target   []Path
	Sym      bool
	Pair     bool
	// Neg marks a refusal: the pattern codes only when its predicate is
	// negated or refused ("will not recognize X", "refused to recognize
	// X" is a rejection, 120), where every other pattern codes nothing.
	Neg bool
	// Intent marks a threatened response: the pattern codes only when its
	// predicate is intended ("would respond to any attack by X", "vowed
	// to retaliate against X", "reserved the right to respond"), with its
	// code as written.
	Intent bool
	// Org marks an act toward an organisation: the target slot takes only
	// mentions of organisations ("withdrew from ECOWAS", "left the
	// International Criminal Court"), never a country or a place ("withdrew
	// from Syria" is no leaving of a body).
	Org  bool
	Conf float64
	File string
	Line int
	Text string // the line as written

	name, reqName string // predicate and first requirement as written, for ids
}

// Dictionary holds the patterns indexed by predicate lemma. It is immutable
// once loaded and safe for concurrent use.
type Dictionary struct {
	Patterns []*Pattern
	byLemma  map[string][]*Pattern
	refs     map[string][]patternRef // byLemma as the matcher reads it
	sets     map[string]map[string]bool
}

// ForLemma returns the patterns whose predicate is lemma.
func (d *Dictionary) ForLemma(lemma string) []*Pattern { return d.byLemma[lemma] }

// patternRef is a pattern as the matcher first looks at it: its part of
// speech and the relations its requirements start with, side by side in
// memory, so that most of a lemma's patterns are turned down without
// reading them ("call" has hundreds, each asking for its own complement).
type patternRef struct {
	p    *Pattern
	need uint64 // the relBit of the first step of every requirement that is not negated
	// near and far are Bloom filters of the lemmas of a requirement that
	// is not negated and whose path is one step long, and two steps: the
	// words there, or a word coordinated with one, need a lemma in the
	// filter (all zero: no such requirement), near with the relation of
	// the step. The requirement with the fewest lemmas is taken.
	near bloom
	far  uint64 // a bloom folded to its first word (see fold)
	pos  byte
}

// bloom is a Bloom filter of lemmas, each with a relation (a relBit, or
// 0 for any), with one hash (see lemmaBit).
type bloom [8]uint64

func (b *bloom) add(rel uint64, l string) {
	k := lemmaBit(rel, l)
	b[k>>6] |= 1 << (k & 63)
}

// meets reports whether b and c share a bit; an empty b meets anything.
func (b *bloom) meets(c *bloom) bool {
	var and, or uint64
	for k := range b {
		and |= b[k] & c[k]
		or |= b[k]
	}
	return and != 0 || or == 0
}

// fold ORs the words of b into one: a smaller filter of the same lemmas.
func (b *bloom) fold() uint64 {
	var f uint64
	for _, w := range b {
		f |= w
	}
	return f
}

// lemmaBit returns the bit of lemma l with relation rel in a bloom, 0 to
// 511.
func lemmaBit(rel uint64, l string) uint16 {
	h := maphash.String(bloomSeed, l) ^ rel
	return uint16((h * 0x9e3779b97f4a7c15) >> 55)
}

// bloomSeed seeds lemmaBit: the filters are built and read in one process.
var bloomSeed = maphash.MakeSeed()

// patternRefs returns the patterns of lemma, in the order of
// ForLemma.
func (d *Dictionary) patternRefs(lemma string) []patternRef { return d.refs[lemma] }

// index fills d.refs from d.byLemma.
func (d *Dictionary) index() {
	d.refs = make(map[string][]patternRef, len(d.byLemma))
	for lem, pats := range d.byLemma {
		cs := make([]patternRef, len(pats))
		for k, p := range pats {
			cs[k] = patternRef{p: p, pos: p.POS}
			nearLen, farLen := 0, 0
			for _, r := range p.Reqs {
				if r.Not {
					continue
				}
				rel := relBit[ud.BaseRel(r.Path[0].Rel)]
				cs[k].need |= rel
				if r.anyWord {
					continue
				}
				var b bloom
				switch n := len(r.Lemmas); {
				case len(r.Path) == 1 && (nearLen == 0 || n < nearLen):
					for l := range r.Lemmas {
						b.add(rel, l)
					}
					cs[k].near, nearLen = b, n
				case len(r.Path) == 2 && (farLen == 0 || n < farLen):
					for l := range r.Lemmas {
						b.add(0, l)
					}
					cs[k].far, farLen = b.fold(), n
				}
			}
		}
		d.refs[lem] = cs
	}
}

// reach describes what predicate i has below it for the test of a
// patternRef: the relBit of its children's relations, and the lemmas of
// the words one step down with their relations and two steps down, with
// the words coordinated with them. A verb's subject stands for its object
// too, as the passive subject meets an object requirement (reqsOK).
func (st *sentence) reach(i int) (rels uint64, near bloom, far uint64) {
	var below bloom
	verb := st.s.Tokens[i].UPOS == ud.VERB
	for _, c := range st.children[i] {
		rel := relBit[ud.BaseRel(st.s.Tokens[c].Rel)]
		rels |= rel
		st.addLemmas(&near, rel, c)
		if g := st.contained(c); g >= 0 {
			// "a series of strikes" meets rel=strike (reaches)
			st.addLemmas(&near, rel, g)
			for _, d := range st.children[g] {
				st.addLemmas(&below, 0, d)
			}
		}
		if verb && rel == nsubjBit {
			rels |= objBit
			st.addLemmas(&near, objBit, c)
			if g := st.contained(c); g >= 0 {
				// "a package of agreements was signed" meets
				// obj=agreement (reqsOK's passive, reaches' container)
				st.addLemmas(&near, objBit, g)
			}
		}
		for _, g := range st.children[c] {
			st.addLemmas(&below, 0, g)
			if st.s.Tokens[g].Rel == "compound" {
				// a name's modifier on its inner word counts as the
				// name's (reaches: "a Joint Action Plan")
				for _, a := range st.children[g] {
					if st.s.Tokens[a].Rel == "amod" {
						st.addLemmas(&below, 0, a)
					}
				}
			}
		}
	}
	if h := st.raisedFrom(i); h >= 0 {
		// the passive subject a raising verb took up is the object of
		// the passive infinitive (reqsOK)
		for _, c := range st.children[h] {
			if st.s.Tokens[c].Rel == "nsubj:pass" {
				rels |= objBit
				st.addLemmas(&near, objBit, c)
				if g := st.contained(c); g >= 0 {
					st.addLemmas(&near, objBit, g)
				}
				for _, g := range st.children[c] {
					st.addLemmas(&below, 0, g)
				}
			}
		}
	}
	if h := st.reducedPassive(i); h >= 0 {
		// the noun a reduced passive relative modifies is its object
		// (reqsOK)
		rels |= objBit
		st.addLemmas(&near, objBit, h)
		if g := st.contained(h); g >= 0 {
			st.addLemmas(&near, objBit, g)
		}
		for _, g := range st.children[h] {
			st.addLemmas(&below, 0, g)
		}
	}
	return rels, near, below.fold()
}

// addLemmas adds to b the lemma of word i and of the words coordinated
// with it, with relation rel.
func (st *sentence) addLemmas(b *bloom, rel uint64, i int) {
	b.add(rel, st.lemma(i))
	if st.participles != nil && st.participles[i] != "" {
		b.add(rel, st.participles[i]) // "planned" meets amod=planned (wordIn)
	}
	if st.joined != nil && st.joined[i] != "" {
		b.add(rel, st.joined[i]) // "build-up" meets nsubj=build-up (wordIn)
	}
	for _, d := range st.children[i] {
		if st.s.Tokens[d].Rel == "conj" {
			b.add(rel, st.lemma(d))
		}
	}
}

// turnedDown reports whether the requirements of r surely fail at a
// predicate that has what reach returned.
func (r *patternRef) turnedDown(rels uint64, near *bloom, far uint64) bool {
	return r.need&^rels != 0 || !r.near.meets(near) || r.far != 0 && r.far&far == 0
}

// Load reads every *.txt pattern file in dir of fsys. Patterns whose code is
// not in ont are rejected. It returns what it could read and every bad line,
// joined, each as file:line.
func Load(fsys fs.FS, dir string, ont *event.Ontology) (*Dictionary, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("coder: no pattern files in %s", dir)
	}
	sort.Strings(names)
	d := &Dictionary{byLemma: map[string][]*Pattern{}, sets: map[string]map[string]bool{}}
	var errs []error
	// Sets first, from every file, so a file may use a set another defines.
	type pending struct {
		name string
		line int
		text string
	}
	var lines []pending
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sc := linescan.New(f, actor.MaxLineBytes)
		n := 0
		for sc.Scan() {
			n++
			if err := sc.TooLong(); err != nil {
				errs = append(errs, &event.SyntaxError{File: name, Line: n, Err: err})
				continue
			}
			text := sc.Text()
			if i := strings.Index(text, "#"); i >= 0 {
				text = text[:i]
			}
			text = strings.TrimSpace(text)
			if text == "" {
				continue
			}
			if strings.HasPrefix(text, "set ") {
				if err := d.addSet(text); err != nil {
					errs = append(errs, &event.SyntaxError{File: name, Line: n, Err: err})
				}
				continue
			}
			lines = append(lines, pending{name, n, text})
		}
		if err := sc.Err(); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
		}
		f.Close()
	}
	ids := map[string]int{}
	for _, l := range lines {
		p, err := d.parse(l.text)
		if err == nil && ont != nil && !ont.Has(p.Code) {
			err = fmt.Errorf("unknown CAMEO code %q", p.Code)
		}
		if err != nil {
			errs = append(errs, &event.SyntaxError{File: l.name, Line: l.line, Err: err})
			continue
		}
		p.File, p.Line = l.name, l.line
		if p.ID == "" {
			p.ID = autoID(l.name, p)
		}
		ids[p.ID]++
		if k := ids[p.ID]; k > 1 {
			p.ID += "#" + strconv.Itoa(k)
		}
		byAgent(p)
		d.Patterns = append(d.Patterns, p)
		twins := append(passiveTwins(p), infinitiveTwin(p)...)
		for _, lem := range p.Lemmas {
			d.byLemma[lem] = append(d.byLemma[lem], p)
			d.byLemma[lem] = append(d.byLemma[lem], twins...)
		}
	}
	d.index()
	return d, errors.Join(errs...)
}

func (d *Dictionary) addSet(text string) error {
	rest := strings.TrimSpace(strings.TrimPrefix(text, "set "))
	eq := strings.IndexByte(rest, '=')
	if eq < 0 {
		return errors.New("set: want 'set NAME = a | b'")
	}
	name := strings.TrimSpace(rest[:eq])
	if name == "" || strings.ContainsAny(name, " \t$|") {
		return fmt.Errorf("set: bad name %q", name)
	}
	if _, dup := d.sets[name]; dup {
		return fmt.Errorf("set %s defined twice", name)
	}
	m := map[string]bool{}
	for _, w := range strings.Split(rest[eq+1:], "|") {
		w = strings.ToLower(strings.TrimSpace(w))
		if w != "" {
			m[w] = true
		}
	}
	if len(m) == 0 {
		return fmt.Errorf("set %s is empty", name)
	}
	d.sets[name] = m
	return nil
}

// lemmas expands "a|b|$SET" into a set.
func (d *Dictionary) lemmas(spec string) (map[string]bool, error) {
	m := map[string]bool{}
	for _, w := range strings.Split(spec, "|") {
		w = strings.ToLower(strings.TrimSpace(w))
		if strings.HasPrefix(w, "$") {
			s, ok := d.sets[strings.ToUpper(w[1:])]
			if !ok {
				s, ok = d.sets[w[1:]]
			}
			if !ok {
				return nil, fmt.Errorf("unknown set %s", w)
			}
			for k := range s {
				m[k] = true
			}
			continue
		}
		if w == "" {
			return nil, fmt.Errorf("empty lemma in %q", spec)
		}
		m[w] = true
	}
	return m, nil
}

func parsePath(spec string) (Path, error) {
	var p Path
	for _, st := range strings.Split(spec, ">") {
		if st == "" {
			return nil, fmt.Errorf("empty step in path %q", spec)
		}
		s := Step{Rel: st}
		// A relation may have a UD subtype (nmod:poss, obl:agent, nsubj:pass,
		// compound:prt, obl:tmod); anything else after ':' is a preposition.
		if i := strings.IndexByte(st, ':'); i >= 0 {
			sub := st[i+1:]
			if !udSubtype(st[:i], sub) {
				s = Step{Rel: st[:i], Case: strings.ReplaceAll(sub, "_", " ")}
			}
		}
		if !validRel(ud.BaseRel(s.Rel)) {
			return nil, fmt.Errorf("unknown relation %q in path %q", s.Rel, spec)
		}
		p = append(p, s)
	}
	return p, nil
}

func udSubtype(rel, sub string) bool {
	switch rel + ":" + sub {
	case "nmod:poss", "nmod:tmod", "nmod:npmod", "nmod:unmarked", "nmod:desc", "obl:agent", "obl:tmod", "obl:npmod", "obl:unmarked",
		"nsubj:pass", "nsubj:outer", "csubj:pass", "compound:prt", "aux:pass", "acl:relcl", "det:poss", "det:predet",
		"flat:foreign", "advmod:emph", "cc:preconj", "expl:pv":
		return true
	}
	return false
}

// relBit numbers the universal relations, one bit each, for the masks
// that turn down patterns early (see [patternRef]). It is read-only.
var relBit = func() map[string]uint64 {
	m := map[string]uint64{}
	for k, r := range []string{"nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "vocative", "expl", "dislocated", "advcl", "advmod",
		"discourse", "aux", "cop", "mark", "nmod", "appos", "nummod", "acl", "amod", "det", "clf", "case", "conj", "cc",
		"fixed", "flat", "compound", "list", "parataxis", "orphan", "goeswith", "reparandum", "punct", "root", "dep"} {
		m[r] = 1 << k
	}
	return m
}()

// The relBits reach reads for every child.
var nsubjBit, objBit = relBit["nsubj"], relBit["obj"]

func validRel(r string) bool {
	_, ok := relBit[r]
	return ok
}

// parse reads one pattern line: CODE PREDICATE [REQ...] [S=..] [T=..] [FLAGS].
func (d *Dictionary) parse(text string) (*Pattern, error) {
	f := strings.Fields(text)
	if len(f) < 2 {
		return nil, errors.New("want CODE PREDICATE and slots")
	}
	p := &Pattern{Code: f[0], POS: 'V', Conf: 0.8, Text: text}
	// The id names the predicate and requirement as written.
	name := func(spec string) string { return strings.SplitN(spec, "|", 2)[0] }
	for _, c := range p.Code {
		if c < '0' || c > '9' {
			return nil, fmt.Errorf("bad CAMEO code %q", p.Code)
		}
	}
	pred := f[1]
	if i := strings.LastIndexByte(pred, '/'); i >= 0 {
		switch pred[i+1:] {
		case "N":
			p.POS = 'N'
		case "A":
			p.POS = 'A'
		case "V":
		default:
			return nil, fmt.Errorf("bad part of speech %q in predicate %q: want /N, /A or /V", pred[i+1:], pred)
		}
		pred = pred[:i]
	}
	if strings.Contains(pred, "+") && strings.Contains(pred, "|") {
		return nil, fmt.Errorf("predicate %q: a particle cannot go with alternatives; give each phrasal verb its own line", pred)
	}
	if i := strings.IndexByte(pred, '+'); i >= 0 {
		p.Particle = strings.ToLower(pred[i+1:])
		pred = pred[:i]
	}
	lem, err := d.lemmas(pred)
	if err != nil {
		return nil, err
	}
	for l := range lem {
		p.Lemmas = append(p.Lemmas, l)
	}
	sort.Strings(p.Lemmas)
	p.name = strings.ToLower(name(pred))
	for _, tok := range f[2:] {
		switch {
		case strings.HasPrefix(tok, "S="), strings.HasPrefix(tok, "T="):
			var paths []Path
			for _, alt := range strings.Split(tok[2:], "|") {
				pp, err := parsePath(alt)
				if err != nil {
					return nil, err
				}
				paths = append(paths, pp)
			}
			if tok[0] == 'S' {
				p.Source = paths
			} else {
				p.Target = paths
			}
		case tok == "sym":
			p.Sym = true
		case tok == "pair":
			p.Pair = true
		case tok == "neg":
			p.Neg = true
		case tok == "intent":
			p.Intent = true
		case tok == "org":
			p.Org = true
		case strings.HasPrefix(tok, "id="):
			p.ID = tok[3:]
		case strings.HasPrefix(tok, "conf="):
			c, err := strconv.ParseFloat(tok[5:], 64)
			if err != nil || c <= 0 || c > 1 {
				return nil, fmt.Errorf("bad confidence %q", tok)
			}
			p.Conf = c
		case strings.Contains(tok, "="):
			not := strings.Contains(tok, "!=")
			sep := "="
			if not {
				sep = "!="
			}
			i := strings.Index(tok, sep)
			if strings.Contains(tok[:i], "|") {
				return nil, fmt.Errorf("requirement %q: a requirement has one path; write one requirement per line", tok)
			}
			pp, err := parsePath(tok[:i])
			if err != nil {
				return nil, err
			}
			lm, err := d.lemmas(tok[i+len(sep):])
			if err != nil {
				return nil, err
			}
			p.Reqs = append(p.Reqs, Req{Path: pp, Lemmas: lm, Not: not, Text: tok, anyWord: lm[anyLemma]})
			if !not && p.reqName == "" {
				p.reqName = name(tok[i+len(sep):])
			}
		default:
			return nil, fmt.Errorf("unknown field %q", tok)
		}
	}
	if len(p.Source) == 0 {
		return nil, errors.New("no source slot (S=...)")
	}
	if len(p.Target) == 0 && !p.Pair {
		return nil, errors.New("no target slot (T=...) and not a pair pattern")
	}
	return p, nil
}

// byAgent lets a verb pattern whose source is the subject find it in a
// by-phrase too: the agent of a passive or a participle that the parser hung
// on a noun nearby ("sanctions were imposed on Russia by the EU" with "by
// the EU" under "Russia", "the agreement signed by X"). The coder tries the
// subject first, so the phrase counts only when there is no subject; a path
// with a preposition also finds its phrase anywhere in the clause.
func byAgent(p *Pattern) {
	if p.POS != 'V' {
		return
	}
	subject := false
	for _, path := range p.Source {
		if len(path) == 1 && path[0].Rel == "obl" && path[0].Case == "by" {
			return
		}
		subject = subject || len(path) == 1 && path[0].Rel == "nsubj"
	}
	if subject {
		p.Source = append(p.Source, Path{{Rel: "obl", Case: "by"}})
	}
}

// passiveTwins returns the passive form of a verb pattern whose
// requirements name the indirect object. Patterns state the active form; the
// coder turns their slots around in a passive clause (the subject slot finds
// the agent, the object slot the passive subject) and meets an object
// requirement with the passive subject. A passive may instead promote the
// indirect object ("the consul was given 48 hours to leave"): the twin asks
// of the passive subject what the pattern asks of the indirect object, in
// its requirements and its slots, so "give iobj=diplomat obj=hours" matches
// it. A twin can match only a clause with a passive subject, so it never
// fires where its pattern does not.
func passiveTwins(p *Pattern) []*Pattern {
	if p.POS != 'V' {
		return nil
	}
	leads := func(path Path) bool { return len(path) > 0 && path[0].Rel == "iobj" }
	positive := false
	for _, r := range p.Reqs {
		if len(r.Path) > 0 && r.Path[0].Rel == "nsubj:pass" {
			return nil // the pattern states its passive itself
		}
		positive = positive || leads(r.Path) && !r.Not
	}
	if !positive {
		return nil
	}
	promote := func(path Path) Path {
		q := append(Path{{Rel: "nsubj:pass"}}, path[1:]...)
		q[0].Case = path[0].Case
		return q
	}
	t := *p
	t.ID = p.ID + "~passive"
	t.Reqs = make([]Req, len(p.Reqs))
	for k, r := range p.Reqs {
		if leads(r.Path) {
			r.Path = promote(r.Path)
			r.Text = r.Path.String() + strings.TrimPrefix(r.Text, p.Reqs[k].Path.String())
		}
		t.Reqs[k] = r
	}
	t.Target = make([]Path, len(p.Target))
	for k, path := range p.Target {
		if leads(path) {
			path = promote(path)
		}
		t.Target[k] = path
	}
	return []*Pattern{&t}
}

// infinitiveTwin returns, for a verb pattern that asks for a clause
// modifying its object ("expressed its readiness to work with X", "gave the
// envoy 72 hours to leave", "expressed interest in increasing imports":
// obj>acl), the same pattern with the clause hung on the verb instead
// (advcl marked "to", and advcl marked "in" for a gerund), as the parser
// often hangs it. Attachment must not decide whether an event exists; the
// object's own requirement stays, so a twin fires only where the pattern's
// words are.
func infinitiveTwin(p *Pattern) []*Pattern {
	if p.POS != 'V' {
		return nil
	}
	leads := func(path Path) bool {
		return len(path) >= 2 && path[0] == Step{Rel: "obj"} && path[1] == Step{Rel: "acl"}
	}
	positive := false
	for _, r := range p.Reqs {
		positive = positive || leads(r.Path) && !r.Not
	}
	if !positive {
		return nil
	}
	var twins []*Pattern
	for _, mark := range []string{"to", "in"} {
		moved := func(path Path) Path {
			if !leads(path) {
				return path
			}
			return append(Path{{Rel: "advcl", Case: mark}}, path[2:]...)
		}
		t := *p
		t.ID = p.ID + "~advcl"
		if mark != "to" {
			t.ID += "-" + mark
		}
		t.Reqs = make([]Req, len(p.Reqs))
		for k, r := range p.Reqs {
			if leads(r.Path) {
				r.Text = moved(r.Path).String() + strings.TrimPrefix(r.Text, r.Path.String())
				r.Path = moved(r.Path)
			}
			t.Reqs[k] = r
		}
		for _, slots := range []*[]Path{&t.Source, &t.Target} {
			paths := make([]Path, len(*slots))
			for k, path := range *slots {
				paths[k] = moved(path)
			}
			*slots = paths
		}
		twins = append(twins, &t)
	}
	return twins
}

// autoID names a pattern from its file, code, predicate and first
// requirement: "cooperation-verbal:057-sign+agreement".
func autoID(file string, p *Pattern) string {
	id := strings.TrimSuffix(path.Base(file), ".txt") + ":" + p.Code + "-" + p.name
	if p.Particle != "" {
		id += "_" + p.Particle
	}
	if p.POS == 'N' {
		id += "/N"
	}
	if p.reqName != "" {
		id += "+" + p.reqName
	}
	return id
}
