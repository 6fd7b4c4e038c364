package coder

import (
	"fmt"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/ud"
)

// NewPetrarch returns a Coder that codes with a PETRARCH verb dictionary
// (see [Options.Petrarch]) instead of farabi's dependency patterns.
func NewPetrarch(verbs *PetrarchVerbs, ont *event.Ontology) *Coder {
	return &Coder{ont: ont, opts: Options{Petrarch: verbs}}
}

// The surface matcher follows PETRARCH's reading of its patterns: a verb
// form matches word forms (not lemmas); pattern words before "*" precede
// the verb and words after it follow, in order, with other words between
// unless "_" joins them; the longest matching pattern wins, else the verb's
// default code. The source is the actor the pattern binds with "$", else the
// verb's subject (from the tree when the sentence is parsed, else the
// nearest actor before the verb); the target is the actor bound with "+",
// else the first actor after the verb. Coordinated actors ("Gondor and
// Arnor") fill a slot together. There is no intent conversion and no
// generic negation: PETRARCH's patterns spell those out themselves.

// surface is the per-sentence view the matcher works on.
type surface struct {
	*sentence
	words  []string // lower-case forms
	parsed bool
	tagged bool
	group  []int // coordination group of each mention (the index of its first member)
	valid  []bool
}

func newSurface(s *ud.Sentence, ms []actor.Mention) *surface {
	sf := &surface{sentence: newSentence(s, ms), words: make([]string, len(s.Tokens))}
	for i, t := range s.Tokens {
		sf.words[i] = strings.ToLower(t.Form)
		if t.Head >= 0 && t.Rel != "" {
			sf.parsed = true
		}
		if t.UPOS != ud.NoUPOS {
			sf.tagged = true
		}
	}
	sf.valid = make([]bool, len(ms))
	for i := range s.Tokens {
		if m := sf.mention[i]; m >= 0 {
			sf.valid[m] = true
		}
	}
	sf.groups()
	return sf
}

// coordinators may stand between coordinated actors; fillers may too, but
// only beside a coordinator ("Fornost and the evil awful Gondor").
var (
	coordinators = set(",", "and", "or", "nor", "&", "plus")
	fillers      = set("the", "a", "an", "both", "either", "neither", "as", "well")
)

// groups links mentions that the text coordinates: only coordinators,
// determiners and adjectives stand between them, and at least one
// coordinator.
func (sf *surface) groups() {
	sf.group = make([]int, len(sf.ms))
	for i := range sf.group {
		sf.group[i] = i
	}
	prev := -1
	for i := 0; i < len(sf.words); i++ {
		m := sf.mention[i]
		if m < 0 {
			continue
		}
		if prev >= 0 && m != prev {
			if sf.coordinated(sf.ms[prev].Last+1, sf.ms[m].First) {
				sf.group[m] = sf.group[prev]
			}
		}
		prev = m
		i = max(i, sf.ms[m].Last)
	}
}

func (sf *surface) coordinated(from, to int) bool {
	if from >= to {
		return false
	}
	conj := false
	for i := from; i < to; i++ {
		w := sf.words[i]
		switch {
		case coordinators[w]:
			conj = true
		case fillers[w]:
		case sf.tagged && sf.s.Tokens[i].UPOS == ud.ADJ:
		default:
			return false
		}
	}
	return conj
}

// members returns the mentions of m's coordination group.
func (sf *surface) members(m int) []int {
	var out []int
	for k := range sf.ms {
		if sf.valid[k] && sf.group[k] == sf.group[m] {
			out = append(out, k)
		}
	}
	return out
}

// verbAt is a verb found in the text: the tokens [start, end] and the
// forms that matched there.
type verbAt struct {
	start, end, word int
	forms            []*VerbForm
}

// findVerbs returns the verbs of the sentence, longest form first at each
// word; a word inside a longer verb is not a verb of its own.
func (sf *surface) findVerbs(d *PetrarchVerbs) []verbAt {
	var out []verbAt
	covered := -1
	for i, w := range sf.words {
		if i <= covered {
			continue
		}
		var best []*VerbForm
		bestLen := 0
		for _, f := range d.FormsOf(w) {
			if !sf.formAt(f, i) {
				continue
			}
			switch n := f.Len(); {
			case n > bestLen:
				best, bestLen = []*VerbForm{f}, n
			case n == bestLen:
				best = append(best, f)
			}
		}
		if len(best) == 0 {
			continue
		}
		f := best[0]
		v := verbAt{start: i - len(f.Pre), end: i + len(f.Post), word: i, forms: best}
		covered = v.end
		out = append(out, v)
	}
	return out
}

func (sf *surface) formAt(f *VerbForm, i int) bool {
	if i-len(f.Pre) < 0 || i+len(f.Post) >= len(sf.words) {
		return false
	}
	for k, w := range f.Pre {
		if sf.words[i-len(f.Pre)+k] != w {
			return false
		}
	}
	for k, w := range f.Post {
		if sf.words[i+1+k] != w {
			return false
		}
	}
	return true
}

// matchBudget bounds the steps one pattern may take on one verb, so a
// pattern with many gaps cannot blow up on a long, repetitive sentence.
const matchBudget = 20000

// binding is what a pattern matched: its score and the actors it bound.
type binding struct {
	steps          *int
	score          int
	preWords       int // tokens before the verb matched by words and synsets
	source, target int // mention, or -1
	compoundPre    int // mention of a compound before the verb, or -1
	compoundPost   int // after it, or -1
	start          int // the verb's first token
}

func newBinding() binding {
	return binding{steps: new(int), source: -1, target: -1, compoundPre: -1, compoundPost: -1}
}

// matchPost matches es[k:] after position pos (the first token it may use).
func (sf *surface) matchPost(d *PetrarchVerbs, es []Elem, k, pos int, b binding) (binding, bool) {
	if k == len(es) {
		return b, true
	}
	if *b.steps++; *b.steps > matchBudget {
		return b, false
	}
	e := es[k]
	last := len(sf.words) - 1
	if e.Adj || e.Kind == ElemSkip {
		last = pos
	}
	for p := pos; p <= last && p < len(sf.words); p++ {
		for _, end := range sf.elemForward(d, e, p) {
			nb := b
			if !nb.bind(sf, e, p, end-1) {
				continue
			}
			if e.Kind == ElemWord || e.Kind == ElemSynset {
				nb.score += end - p
			} else if e.Kind != ElemSkip {
				nb.score++
			}
			if r, ok := sf.matchPost(d, es, k+1, end, nb); ok {
				return r, true
			}
		}
	}
	return b, false
}

// matchPre matches es[:k] backwards, ending at or before position pos.
func (sf *surface) matchPre(d *PetrarchVerbs, es []Elem, k, pos int, b binding) (binding, bool) {
	if k == 0 {
		return b, true
	}
	if *b.steps++; *b.steps > matchBudget {
		return b, false
	}
	e := es[k-1]
	first := 0
	if e.Adj || e.Kind == ElemSkip {
		first = pos
	}
	for p := pos; p >= first && p >= 0; p-- {
		for _, start := range sf.elemBackward(d, e, p) {
			nb := b
			if !nb.bind(sf, e, start, p) {
				continue
			}
			if e.Kind == ElemWord || e.Kind == ElemSynset {
				nb.score += p - start + 1
				nb.preWords += p - start + 1
			} else if e.Kind != ElemSkip {
				nb.score++
			}
			if r, ok := sf.matchPre(d, es, k-1, start-1, nb); ok {
				return r, true
			}
		}
	}
	return b, false
}

func (b *binding) bind(sf *surface, e Elem, from, to int) bool {
	m := sf.mention[from]
	switch e.Kind {
	case ElemSource:
		b.source = m
	case ElemTarget:
		b.target = m
	case ElemCompound:
		if len(sf.members(m)) < 2 {
			return false
		}
		if b.compoundPre < 0 && from < b.start {
			b.compoundPre = m
		} else {
			b.compoundPost = m
		}
	}
	return true
}

// elemForward returns the ends (exclusive) of the ways e matches from p.
func (sf *surface) elemForward(d *PetrarchVerbs, e Elem, p int) []int {
	switch e.Kind {
	case ElemWord:
		if sf.words[p] == e.Word {
			return []int{p + 1}
		}
	case ElemSynset:
		var out []int
		for _, ph := range d.Synsets[e.Word] {
			if p+len(ph) <= len(sf.words) && sf.phraseAt(ph, p) {
				out = append(out, p+len(ph))
			}
		}
		return out
	case ElemSkip:
		if m := sf.mention[p]; m >= 0 {
			return []int{sf.ms[m].Last + 1}
		}
		return []int{p + 1}
	default:
		if m := sf.mention[p]; m >= 0 && sf.ms[m].First == p {
			return []int{sf.ms[m].Last + 1}
		}
	}
	return nil
}

// elemBackward returns the starts of the ways e matches ending at p.
func (sf *surface) elemBackward(d *PetrarchVerbs, e Elem, p int) []int {
	switch e.Kind {
	case ElemWord:
		if sf.words[p] == e.Word {
			return []int{p}
		}
	case ElemSynset:
		var out []int
		for _, ph := range d.Synsets[e.Word] {
			if s := p - len(ph) + 1; s >= 0 && sf.phraseAt(ph, s) {
				out = append(out, s)
			}
		}
		return out
	case ElemSkip:
		if m := sf.mention[p]; m >= 0 {
			return []int{sf.ms[m].First}
		}
		return []int{p}
	default:
		if m := sf.mention[p]; m >= 0 && sf.ms[m].Last == p {
			return []int{sf.ms[m].First}
		}
	}
	return nil
}

func (sf *surface) phraseAt(ph []string, p int) bool {
	for k, w := range ph {
		if sf.words[p+k] != w {
			return false
		}
	}
	return true
}

// isVerb reports whether a verb form may be read as a verb: it is tagged
// VERB or AUX, or the sentence is untagged, or it follows a word that makes
// it one whatever its tag: its subject, an actor or a noun ("Ethiopia
// departs", "the new mayor left", which taggers read as nouns), or a modal
// or "to" ("may spur").
func (sf *surface) isVerb(v verbAt) bool {
	if !sf.tagged {
		return true
	}
	switch sf.s.Tokens[v.word].UPOS {
	case ud.VERB, ud.AUX:
		return true
	}
	if v.start == 0 {
		return false
	}
	prev := &sf.s.Tokens[v.start-1]
	return sf.mention[v.start-1] >= 0 || modals[sf.words[v.start-1]] || sf.words[v.start-1] == "to" ||
		prev.UPOS == ud.NOUN || prev.UPOS == ud.PROPN
}

// fired is a verb that coded something, kept to read the verbs after it.
type fired struct {
	v        verbAt
	src, tgt []int
}

// candidate is one event a verb proposes.
type candidate struct {
	ev    event.Event
	score int // the pattern's score; -1 for a verb's default code
}

// codeSurface codes s with the PETRARCH verb dictionary.
// possessivesOut drops the mentions a story-level resolver made of
// possessive pronouns ("their meeting", "his government"): PETRARCH's
// phrase patterns read a possessive as part of the phrase it opens, never
// as an actor.
func possessivesOut(s *ud.Sentence, ms []actor.Mention) []actor.Mention {
	var keep []actor.Mention
	for k, m := range ms {
		if possessivePronoun(s, m) {
			if keep == nil {
				keep = append(make([]actor.Mention, 0, len(ms)), ms[:k]...)
			}
			continue
		}
		if keep != nil {
			keep = append(keep, m)
		}
	}
	if keep == nil {
		return ms
	}
	return keep
}

func possessivePronoun(s *ud.Sentence, m actor.Mention) bool {
	if !coref.Resolved(m.Method) || m.First != m.Last || m.First < 0 || m.First >= len(s.Tokens) {
		return false
	}
	switch strings.ToLower(s.Tokens[m.First].Form) {
	case "their", "his", "her", "its":
		return true
	}
	return false
}

func (c *Coder) codeSurface(s *ud.Sentence, ms []actor.Mention, tracing bool) ([]event.Event, []Trace) {
	d := c.opts.Petrarch
	sf := newSurface(s, possessivesOut(s, ms))
	var (
		cands  []candidate
		traces []Trace
		done   []fired
	)
	trace := func(v verbAt, p *Pattern, ok bool, format string, a ...any) {
		if tracing {
			traces = append(traces, Trace{Pattern: p, Predicate: v.word, Matched: ok, Why: fmt.Sprintf(format, a...)})
		}
	}
	for _, v := range sf.findVerbs(d) {
		verb := sf.isVerb(v)
		best, bestScore := (*VerbPattern)(nil), -1
		bb := newBinding()
		for _, f := range v.forms {
			for _, p := range f.Verb.Patterns {
				b := newBinding()
				b.start = v.start
				b, ok := sf.matchPre(d, p.Pre, len(p.Pre), v.start-1, b)
				if !ok {
					continue
				}
				if b, ok = sf.matchPost(d, p.Post, 0, v.end+1, b); !ok {
					continue
				}
				if !verb && b.preWords == 0 {
					continue
				}
				if b.score > bestScore {
					best, bestScore, bb = p, b.score, b
				}
			}
		}
		f := v.forms[0]
		tp := &Pattern{ID: "petrarch:" + f.Verb.Name, File: f.Verb.File, Line: f.Verb.Line, Text: "--- " + f.Verb.Name + " ---"}
		var code string
		switch {
		case best != nil:
			code = best.Code
			tp = &Pattern{ID: "petrarch:" + f.Verb.Name, Code: code, File: best.File, Line: best.Line, Text: best.Text}
		case !verb:
			trace(v, tp, false, "not read as a verb here, and no pattern with words matched")
			continue
		default:
			code = f.Code
			if code == "" {
				code = f.Verb.Code
			}
			tp.Code = code
		}
		if code == "" || code == "---" {
			trace(v, tp, false, "no event [%s]", code)
			continue
		}
		fwd, back, _ := strings.Cut(code, ":")
		src, tgt, pairs, why := sf.slots(v, bb, done)
		if why != "" {
			trace(v, tp, false, "%s", why)
			continue
		}
		var out [][3]int // source, target, 0 forward / 1 back
		if pairs {
			for x, a := range src {
				for y, b := range src {
					if x < y {
						out = append(out, [3]int{a, b, 0}, [3]int{b, a, 1})
					}
				}
			}
		} else {
			for _, a := range src {
				for _, b := range tgt {
					out = append(out, [3]int{a, b, 0})
					if back != "" {
						out = append(out, [3]int{b, a, 1})
					}
				}
			}
		}
		n := 0
		for _, pr := range out {
			a, b := &ms[pr[0]], &ms[pr[1]]
			if pr[0] == pr[1] || a.Code == b.Code {
				continue
			}
			cd := fwd
			if pr[2] == 1 && back != "" {
				cd = back
			}
			ev := event.Event{
				Source:         actorOf(sf.s, a),
				Target:         actorOf(sf.s, b),
				Code:           cd,
				Rule:           fmt.Sprintf("%s:%d", tp.File, tp.Line),
				Confidence:     round(0.8 * (a.Confidence + b.Confidence) / 2),
				Predicate:      s.Tokens[v.word].Form,
				PredicateStart: s.Tokens[v.word].Span.Start,
				PredicateEnd:   s.Tokens[v.word].Span.End,
				Notes:          []string{"petrarch " + tp.Text},
				SentenceText:   s.Text,
			}
			c.ont.Fill(&ev)
			score := -1
			if best != nil {
				score = bestScore
			}
			cands = append(cands, candidate{ev: ev, score: score})
			n++
		}
		if n > 0 {
			done = append(done, fired{v: v, src: src, tgt: tgt})
		}
		trace(v, tp, n > 0, "%d event(s) [%s]", n, code)
	}
	return keepBest(cands), traces
}

// keepBest keeps one event per source and target: the one from the most
// specific pattern, else the first. A verb inside another's complement
// ("abandoned efforts to stop", "should have acted") thus does not add a
// second event between the same actors.
func keepBest(cands []candidate) []event.Event {
	best := map[[2]string]int{}
	for i, c := range cands {
		key := [2]string{c.ev.Source.Code, c.ev.Target.Code}
		if j, ok := best[key]; !ok || c.score > cands[j].score {
			best[key] = i
		}
	}
	var evs []event.Event
	for i, c := range cands {
		if best[[2]string{c.ev.Source.Code, c.ev.Target.Code}] == i {
			evs = append(evs, c.ev)
		}
	}
	return evs
}

// slots returns the source and target mentions of a verb; pairs is true
// when the act runs between the members of a compound source. why says
// why the verb codes nothing, or is "".
func (sf *surface) slots(v verbAt, b binding, done []fired) (src, tgt []int, pairs bool, why string) {
	bound := map[int]bool{}
	if b.source >= 0 {
		src = sf.members(b.source)
	}
	if b.target >= 0 {
		tgt = sf.members(b.target)
	} else if b.compoundPost >= 0 {
		tgt = sf.members(b.compoundPost)
	}
	if b.compoundPre >= 0 && src == nil {
		if tgt == nil {
			return sf.members(b.compoundPre), nil, true, ""
		}
		src = sf.members(b.compoundPre)
	}
	for _, m := range src {
		bound[m] = true
	}
	for _, m := range tgt {
		bound[m] = true
	}
	if src == nil && tgt == nil {
		if by := sf.byAgent(v); by >= 0 {
			// A passive with its agent: "was opposed by Osgiliath".
			src = sf.members(by)
			for _, m := range src {
				bound[m] = true
			}
			tgt = sf.subject(v, bound)
			return src, tgt, false, ""
		}
	}
	if src == nil {
		var w string
		src, w = sf.source(v, bound, done)
		if w != "" {
			return nil, nil, false, w
		}
		for _, m := range src {
			bound[m] = true
		}
	}
	if tgt == nil {
		tgt = sf.firstAfter(v, bound)
	}
	return src, tgt, false, ""
}

// firstAfter returns the first actor after the verb, with its coordinated
// actors, within the verb's clause: the search stops at a comma.
func (sf *surface) firstAfter(v verbAt, bound map[int]bool) []int {
	for i := v.end + 1; i < len(sf.words); i++ {
		if m := sf.mention[i]; m >= 0 && !bound[m] {
			return sf.members(m)
		}
		if sf.words[i] == ";" || sf.words[i] == "," && !sf.between(i, ud.ADJ) {
			return nil
		}
	}
	return nil
}

// source returns the default source of a verb. A verb coordinated with
// one that coded something ("condemned … and promised …") shares its
// source; a verb that follows the target of an earlier verb ("called on
// Gondor to be allowed to leave") is in that verb's complement, and codes
// nothing of its own.
func (sf *surface) source(v verbAt, bound map[int]bool, done []fired) ([]int, string) {
	if len(done) > 0 {
		last := done[len(done)-1]
		k := v.start - 1
		for k > last.v.end && sf.skippable(k) {
			k--
		}
		if k > last.v.end && (sf.words[k] == "and" || sf.words[k] == "but") {
			return last.src, ""
		}
	}
	if len(done) > 0 {
		last := done[len(done)-1]
		for k := last.v.end + 1; k < v.start; k++ {
			if m := sf.mention[k]; m >= 0 && slicesContain(last.tgt, m) {
				return nil, "inside the complement of " + sf.s.Tokens[last.v.word].Form + ", after its target"
			}
		}
	}
	return sf.subject(v, bound), ""
}

// between reports whether token i stands between two words tagged u:
// "complete, full diplomatic ties".
func (sf *surface) between(i int, u ud.UPOS) bool {
	return sf.tagged && i > 0 && i+1 < len(sf.words) && sf.s.Tokens[i-1].UPOS == u && sf.s.Tokens[i+1].UPOS == u
}

func slicesContain(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// skippable reports whether token k may stand between a coordinator and
// its verb: adverbs, auxiliaries, "not".
func (sf *surface) skippable(k int) bool {
	if sf.tagged {
		switch sf.s.Tokens[k].UPOS {
		case ud.ADV, ud.AUX, ud.PART:
			return true
		}
		return false
	}
	return negators[sf.words[k]] || modals[sf.words[k]]
}

// treeSubject reads the verb's subject from the tree: its own subject, or
// the one it shares (an infinitive's controller, a conjunct's first verb).
// Of a subject that holds several actors ("Gollum, centre of a row between
// Radagast and Gondor") the first, with its coordinated actors, is the
// source, as PETRARCH takes the head of the noun phrase. A pronoun no
// actor stands for is read as the subject of the clause it depends on
// ("Ethiopia indicated it would act"); the subject of a main clause ("he
// said") names no actor. ok is false when the tree cannot say.
func (sf *surface) treeSubject(i int, bound map[int]bool) (ms []int, ok bool) {
	return sf.treeSubjectDepth(i, bound, 0)
}

func (sf *surface) treeSubjectDepth(i int, bound map[int]bool, depth int) (ms []int, ok bool) {
	first := func(ms []int) []int {
		for _, m := range ms {
			if !bound[m] {
				return sf.members(m)
			}
		}
		return nil
	}
	// The first actor in the words of each conjunct of the subject (of
	// every subject the parser found): "Ithilen's sheep and goats of
	// Gondor" names Ithilen and Gondor, "Lions, tigers, and Gondor" Gondor;
	// words, not children, so that a misattached word does not hide an
	// actor.
	var in, out []int
	subj := false
	for _, c := range sf.children[i] {
		switch sf.s.Tokens[c].Rel {
		case "nsubj", "nsubj:pass", "nsubj:outer":
			if sf.mention[c] < 0 && sf.s.Tokens[c].UPOS == ud.PRON {
				h := sf.s.Tokens[i].Head - 1
				if h < 0 {
					return nil, true
				}
				if depth >= 3 {
					return nil, false
				}
				return sf.treeSubjectDepth(h, bound, depth+1)
			}
			subj = true
			for _, words := range sf.conjuncts(c, nil) {
				var here []int
				for _, k := range words {
					if m := sf.mention[k]; m >= 0 && !slicesContain(here, m) {
						here = append(here, m)
					}
				}
				in = append(in, here...)
				for _, m := range first(here) {
					if !slicesContain(out, m) {
						out = append(out, m)
					}
				}
			}
		}
	}
	if subj {
		if len(in) > 0 && len(out) == 0 {
			return nil, false // the pattern bound the subject already
		}
		return out, true
	}
	if ms, _ := sf.inherited(i, 0); len(ms) > 0 {
		if ms = first(ms); len(ms) > 0 {
			return ms, true
		}
	}
	return nil, false
}

// conjuncts appends to out the words of i and of each of its conjuncts:
// a conjunct's words are those of its subtree outside its own conjuncts'.
func (sf *surface) conjuncts(i int, out [][]int) [][]int {
	if len(out) > len(sf.words) {
		return out
	}
	lo, hi := sf.extent(i)
	var conj [][2]int
	for _, c := range sf.children[i] {
		if ud.BaseRel(sf.s.Tokens[c].Rel) == "conj" && sf.joinedConj(c) {
			clo, chi := sf.extent(c)
			conj = append(conj, [2]int{clo, chi})
		}
	}
	var words []int
next:
	for k := lo; k <= hi; k++ {
		for _, r := range conj {
			if r[0] <= k && k <= r[1] {
				continue next
			}
		}
		words = append(words, k)
	}
	out = append(out, words)
	for _, c := range sf.children[i] {
		if ud.BaseRel(sf.s.Tokens[c].Rel) == "conj" && sf.joinedConj(c) {
			out = sf.conjuncts(c, out)
		}
	}
	return out
}

// extent returns the first and last token of the subtree of i.
func (sf *surface) extent(i int) (lo, hi int) {
	lo, hi = i, i
	stack := []int{i}
	for n := 0; len(stack) > 0 && n < len(sf.words); n++ {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, t), max(hi, t)
		stack = append(stack, sf.children[t]...)
	}
	return lo, hi
}

// finite reports whether a Penn Treebank tag is a finite verb's; without a
// tag every verb counts as finite.
func finite(xpos string) bool {
	switch xpos {
	case "VBN", "VBG":
		return false
	}
	return true
}

var beForms = set("is", "are", "was", "were", "be", "been", "being", "'s", "'re")

// byAgent returns the mention of a passive verb's "by" agent, or -1.
func (sf *surface) byAgent(v verbAt) int {
	passive := false
	if sf.parsed {
		passive = sf.passive(v.word)
	}
	for k := v.start - 1; k >= 0 && k >= v.start-3 && !passive; k-- {
		if beForms[sf.words[k]] {
			passive = true
		}
	}
	if !passive {
		return -1
	}
	for i := v.end + 1; i < len(sf.words) && i <= v.end+3; i++ {
		if sf.words[i] != "by" {
			continue
		}
		for j := i + 1; j < len(sf.words) && j <= i+3; j++ {
			if m := sf.mention[j]; m >= 0 {
				return m
			}
		}
	}
	return -1
}

// subject returns the actors of the verb's subject: from the tree when the
// sentence is parsed and the tree names one, else the nearest actor before
// the verb with its coordinated actors.
func (sf *surface) subject(v verbAt, bound map[int]bool) []int {
	if sf.parsed {
		if ms, ok := sf.treeSubject(v.word, bound); ok {
			return ms
		}
	}
	// The subject is the noun phrase before the verb, prepositional
	// phrases and all: its first actor, up to the previous verb.
	// "Gollum, centre of a row between Radagast and Gondor, called"
	// names Gollum.
	// A clause whose subject is a noun that names no actor ("he said
	// government proposed", "crowds burned") has no source.
	first, noun := -1, false
	for i := v.start - 1; i >= 0; i-- {
		if m := sf.mention[i]; m >= 0 {
			if !bound[m] {
				first = m
			}
			i = sf.ms[m].First
			continue
		}
		if !sf.tagged {
			continue
		}
		t := &sf.s.Tokens[i]
		if t.UPOS == ud.NOUN || t.UPOS == ud.PROPN {
			noun = true
		}
		if t.UPOS == ud.VERB && finite(t.XPOS) {
			if first < 0 && noun {
				return nil
			}
			break
		}
		if t.UPOS == ud.AUX && first >= 0 {
			break
		}
	}
	if first >= 0 {
		return sf.members(first)
	}
	for i := v.start - 1; i >= 0; i-- {
		if m := sf.mention[i]; m >= 0 && !bound[m] {
			return sf.members(m)
		}
	}
	return nil
}
