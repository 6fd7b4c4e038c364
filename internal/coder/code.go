package coder

import (
	"fmt"
	"slices"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/event"
	"farabi/internal/ud"
)

// Code returns the events stated in s, whose actors are ms. Events carry
// the sentence's evidence but not the document id, sentence index or date,
// which the caller sets.
func (c *Coder) Code(s *ud.Sentence, ms []actor.Mention) []event.Event {
	evs, _ := c.code(s, ms, false)
	return evs
}

// Explain is Code that also returns every pattern tried and why it did or
// did not match.
func (c *Coder) Explain(s *ud.Sentence, ms []actor.Mention) ([]event.Event, []Trace) {
	return c.code(s, ms, true)
}

type found struct {
	mentions []int
	notes    []string
	conf     float64
}

// Options switches how a [Coder] codes. The zero value is farabi's own
// dependency patterns.
type Options struct {
	// Petrarch, when set, codes with a PETRARCH verb dictionary matched
	// over the words of the sentence (surface.go), as PETRARCH does: no
	// intent conversion and no generic negation.
	Petrarch *PetrarchVerbs
}

func (c *Coder) code(s *ud.Sentence, ms []actor.Mention, tracing bool) ([]event.Event, []Trace) {
	if len(ms) == 0 || len(s.Tokens) == 0 {
		return nil, nil
	}
	// PETRARCH mode: the surface matcher replaces the dependency patterns.
	if c.opts.Petrarch != nil {
		return c.codeSurface(s, ms, tracing)
	}
	st := newSentence(s, ms)
	var (
		evs    []event.Event
		traces []Trace
		seen   = map[[3]string]int{}
	)
	trace := func(p *Pattern, i int, ok bool, format string, a ...any) {
		if tracing {
			traces = append(traces, Trace{Pattern: p, Predicate: i, Matched: ok, Why: fmt.Sprintf(format, a...)})
		}
	}
	for i := range s.Tokens {
		pats := c.dict.ForLemma(st.lemma(i))
		if len(pats) == 0 {
			continue
		}
		for _, p := range pats {
			if !posOK(p.POS, s.Tokens[i].UPOS) {
				trace(p, i, false, "part of speech %s does not fit /%c", s.Tokens[i].UPOS, p.POS)
				continue
			}
			if p.Particle != "" && !st.hasChild(i, "compound:prt", p.Particle) && !st.hasChild(i, "advmod", p.Particle) {
				trace(p, i, false, "no particle %q", p.Particle)
				continue
			}
			if r, ok := st.reqsOK(i, p.Reqs); !ok {
				trace(p, i, false, "requirement %s not met", r)
				continue
			}
			src := st.slot(i, p.Source, true)
			var tgt found
			if len(p.Target) > 0 {
				tgt = st.slot(i, p.Target, false)
			}
			if len(src.mentions) == 0 {
				trace(p, i, false, "no actor in source slot %s", pathsString(p.Source))
				continue
			}
			if len(p.Target) > 0 && len(tgt.mentions) == 0 && !(p.Pair && len(src.mentions) >= 2) {
				trace(p, i, false, "no actor in target slot %s", pathsString(p.Target))
				continue
			}
			if why := st.negated(i); why != "" {
				trace(p, i, false, "negated (%s): not coded as the act", why)
				continue
			}
			if why := st.requested(i); why != "" {
				trace(p, i, false, "only asked for (%s): not coded as the act", why)
				continue
			}
			code := p.Code
			var notes []string
			if why := st.intended(i); why != "" {
				if ic := c.ont.IntentOf(code); ic != code {
					code = ic
					notes = append(notes, "intent ("+why+"): "+p.Code+" → "+code)
				}
			}
			if st.reported(i) {
				notes = append(notes, "reported speech")
			}
			notes = append(notes, src.notes...)
			notes = append(notes, tgt.notes...)
			intent := len(notes) > 0 && strings.HasPrefix(notes[0], "intent")
			pairs := st.pairs(p, src.mentions, tgt.mentions, intent)
			if len(pairs) == 0 {
				trace(p, i, false, "source and target are the same actor")
				continue
			}
			n := 0
			for _, pr := range pairs {
				a, b := &ms[pr[0]], &ms[pr[1]]
				key := [3]string{a.Code, b.Code, code}
				conf := p.Conf * (a.Confidence + b.Confidence) / 2 * src.conf
				if len(tgt.mentions) > 0 {
					conf *= tgt.conf
				}
				if len(notes) > 0 && strings.HasPrefix(notes[0], "intent") {
					conf *= 0.9
				}
				if k, dup := seen[key]; dup {
					if evs[k].Confidence < conf {
						evs[k].Confidence = conf
					}
					continue
				}
				ev := event.Event{
					When:           st.when(i),
					Source:         actorOf(s, a),
					Target:         actorOf(s, b),
					Code:           code,
					Rule:           p.ID,
					Confidence:     round(conf),
					Predicate:      s.Tokens[i].Form,
					PredicateStart: s.Tokens[i].Span.Start,
					PredicateEnd:   s.Tokens[i].Span.End,
					Notes:          append([]string(nil), notes...),
					SentenceText:   s.Text,
				}
				if pr[2] == 1 {
					ev.Notes = append(ev.Notes, "symmetric")
				}
				c.ont.Fill(&ev)
				seen[key] = len(evs)
				evs = append(evs, ev)
				n++
			}
			trace(p, i, true, "%d event(s) %s", n, code)
		}
	}
	return mostSpecific(evs), traces
}

// moreSpecific reports whether code a refines code b: 0233 refines 023, and
// 073 refines 070, CAMEO's "not specified" code of its family.
func moreSpecific(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) && strings.HasPrefix(a, b) {
		return true
	}
	return len(b) == 3 && b[2] == '0' && len(a) >= 3 && a[:2] == b[:2]
}

// mostSpecific keeps one event per predicate and pair: a code that refines
// another wins (0233 over 023, 073 over 070); otherwise the more confident
// pattern, the first written on a tie. One word states one act between two
// actors; two codes for it would count it twice.
func mostSpecific(evs []event.Event) []event.Event {
	out := evs[:0]
	for i, e := range evs {
		drop := false
		for j, f := range evs {
			if i == j || e.PredicateStart != f.PredicateStart || e.Source.Code != f.Source.Code || e.Target.Code != f.Target.Code {
				continue
			}
			switch {
			case moreSpecific(f.Code, e.Code):
				drop = true
			case moreSpecific(e.Code, f.Code):
			case f.Confidence > e.Confidence || f.Confidence == e.Confidence && j < i:
				drop = true
			}
			if drop {
				break
			}
		}
		if !drop {
			out = append(out, e)
		}
	}
	return out
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// actorOf is the event side of a mention: its code, the text as the
// sentence writes it, and the dictionary's name and id.
func actorOf(s *ud.Sentence, m *actor.Mention) event.Actor {
	a := event.Actor{Code: m.Code, Text: m.Name, Name: m.Name, Start: m.Span.Start, End: m.Span.End, ID: m.ActorID}
	if i, j := m.Span.Start-s.Span.Start, m.Span.End-s.Span.Start; 0 <= i && i <= j && j <= len(s.Text) {
		a.Text = s.Text[i:j]
	}
	return a
}

func pathsString(ps []Path) string {
	var f []string
	for _, p := range ps {
		f = append(f, p.String())
	}
	return strings.Join(f, "|")
}

func posOK(want byte, got ud.UPOS) bool {
	switch want {
	case 'V':
		return got == ud.VERB || got == ud.AUX || got == ud.NoUPOS
	case 'N':
		return got == ud.NOUN || got == ud.PROPN || got == ud.NoUPOS
	case 'A':
		return got == ud.ADJ || got == ud.VERB || got == ud.NoUPOS
	}
	return false
}

func (st *sentence) hasChild(i int, rel, lemma string) bool {
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == rel && st.lemma(c) == lemma {
			return true
		}
	}
	return false
}

func (st *sentence) reqsOK(i int, reqs []Req) (string, bool) {
	for k := range reqs {
		r := &reqs[k]
		if st.reaches(i, r.Path, r.Lemmas) == r.Not {
			return r.Text, false
		}
	}
	return "", true
}

// reaches reports whether path p leads from i to a word whose lemma is in
// lemmas. It walks the tree without allocating: requirements are checked
// for every pattern of every predicate, the coder's hottest loop.
func (st *sentence) reaches(i int, p Path, lemmas map[string]bool) bool {
	step := p[0]
	for _, c := range st.children[i] {
		if !st.stepMatches(c, step) {
			continue
		}
		if len(p) == 1 {
			if lemmas[st.lemma(c)] || st.conjLemma(c, lemmas) {
				return true
			}
		} else if st.reaches(c, p[1:], lemmas) {
			return true
		}
	}
	return false
}

// conjLemma reports whether a word coordinated with c has a lemma in
// lemmas: "signed a joint statement and an agreement", and titles the
// parser split at "and" ("an Enhanced Partnership and Cooperation
// Agreement").
func (st *sentence) conjLemma(c int, lemmas map[string]bool) bool {
	for _, d := range st.children[c] {
		if st.s.Tokens[d].Rel == "conj" && lemmas[st.lemma(d)] {
			return true
		}
	}
	return false
}

// stepMatches reports whether word c, a child, is reached by step.
func (st *sentence) stepMatches(c int, step Step) bool {
	rel := st.s.Tokens[c].Rel
	if rel != step.Rel && !(strings.IndexByte(step.Rel, ':') < 0 && ud.BaseRel(rel) == step.Rel) {
		return false
	}
	return step.Case == "" || st.hasCase(c, step.Case)
}

// passive reports whether predicate i is in the passive voice.
func (st *sentence) passive(i int) bool {
	for _, c := range st.children[i] {
		switch st.s.Tokens[c].Rel {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	return false
}

// slot finds the actors of a slot. Source slots whose subject is missing
// inherit it from a governing verb or the noun a relative clause modifies.
func (st *sentence) slot(i int, paths []Path, source bool) found {
	pass := st.passive(i)
	for _, p := range paths {
		alts := []Path{p}
		if pass && len(p) > 0 && st.s.Tokens[i].UPOS != ud.NOUN {
			switch p[0].Rel {
			case "nsubj":
				alts = []Path{append(Path{{Rel: "obl:agent"}}, p[1:]...), append(Path{{Rel: "obl", Case: "by"}}, p[1:]...)}
			case "obj":
				alts = []Path{append(Path{{Rel: "nsubj:pass"}}, p[1:]...)}
			}
		}
		for _, a := range alts {
			var ms []int
			descended := false
			for _, t := range st.walk(i, a) {
				if st.mention[t] < 0 {
					descended = true
				}
				ms = append(ms, st.actorsAt(t, 0)...)
			}
			if len(ms) > 0 {
				f := found{mentions: dedup(ms), conf: 1}
				if pass {
					f.notes = append(f.notes, "passive")
				}
				if descended {
					f.conf = 0.9
				}
				return f
			}
		}
		if source && len(p) == 1 && p[0].Rel == "nsubj" {
			if ms, how := st.inherited(i, 0); len(ms) > 0 {
				return found{mentions: ms, notes: []string{"subject from " + how}, conf: 0.9}
			}
			if ms := st.leftSubject(i); len(ms) > 0 {
				return found{mentions: ms, notes: []string{"subject by position"}, conf: 0.8}
			}
		}
	}
	// Where the parser hung a prepositional phrase on a neighbouring noun
	// ("met in the Kremlin with X", "held talks in Dushanbe with X"), the
	// phrase still belongs to the predicate's clause: a one-step path
	// REL:PREP finds its actor anywhere among the clause's nominal
	// dependents. Attachment must not decide whether an event exists.
	for _, p := range paths {
		if len(p) != 1 || p[0].Case == "" || pass && (p[0].Rel == "nsubj" || p[0].Rel == "obj") {
			continue
		}
		if ms := st.looseCase(i, p[0].Case, 0); len(ms) > 0 {
			return found{mentions: dedup(ms), notes: []string{"attachment relaxed: " + p.String()}, conf: 0.85}
		}
	}
	return found{}
}

// looseCase returns the actors of phrases with case prep found below i
// through nominal attachments only (obl, obj, nmod), never into another
// clause.
func (st *sentence) looseCase(i int, prep string, depth int) []int {
	if depth > 3 {
		return nil
	}
	var out []int
	for _, c := range st.children[i] {
		switch ud.BaseRel(st.s.Tokens[c].Rel) {
		case "obl", "obj", "nmod":
		default:
			continue
		}
		if depth > 0 && st.hasCase(c, prep) {
			out = append(out, st.actorsAt(c, 0)...)
			continue
		}
		out = append(out, st.looseCase(c, prep, depth+1)...)
	}
	return out
}

func dedup(ms []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, m := range ms {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}

// subjectOf returns the actors of i's own subject, if any.
func (st *sentence) subjectOf(i int) ([]int, bool) {
	for _, c := range st.children[i] {
		switch st.s.Tokens[c].Rel {
		case "nsubj", "nsubj:outer":
			if relPronouns[st.lemma(c)] {
				return nil, false
			}
			return st.actorsAt(c, 0), true
		case "nsubj:pass":
			return nil, true
		}
	}
	return nil, false
}

// inherited finds the subject of a predicate that has none of its own: the
// controller of an infinitive, the noun of a relative clause, the subject of
// the first of coordinated verbs.
func (st *sentence) inherited(i, depth int) ([]int, string) {
	if depth > 4 {
		return nil, ""
	}
	if ms, has := st.subjectOf(i); has {
		return ms, "own subject"
	}
	h := st.s.Tokens[i].Head - 1
	if h < 0 {
		return nil, ""
	}
	switch ud.BaseRel(st.s.Tokens[i].Rel) {
	case "xcomp":
		// Object control first: "urged Kazakhstan to join", "asked
		// Moscow to …" (EWT: iobj), "called on Astana to …".
		for _, c := range st.children[h] {
			if r := st.s.Tokens[c].Rel; r == "obj" || r == "iobj" || r == "obl" && st.hasCase(c, "on") {
				if ms := st.actorsAt(c, 0); len(ms) > 0 {
					return ms, "object of " + st.s.Tokens[h].Form
				}
			}
		}
		ms, _ := st.inherited(h, depth+1)
		return ms, "subject of " + st.s.Tokens[h].Form
	case "acl":
		// "the Prime Minister, who visited" (acl:relcl) or "an envoy sent to".
		if ms := st.actorsAt(h, 0); len(ms) > 0 {
			return ms, "noun " + st.s.Tokens[h].Form
		}
		// "Kazakhstan announced a decision to restore relations": the
		// subject of the verb that governs the noun.
		if g := st.s.Tokens[h].Head - 1; g >= 0 && intentVerbs[st.lemma(h)] {
			ms, _ := st.subjectOf(g)
			return ms, "subject of " + st.s.Tokens[g].Form
		}
		return nil, ""
	case "conj", "advcl":
		ms, _ := st.inherited(h, depth+1)
		return ms, "subject of " + st.s.Tokens[h].Form
	case "obl", "obj", "nmod":
		// An event noun hanging on a verb: "Meloni arrived in Astana on a
		// visit to Kazakhstan" – the visitor is the verb's subject. Not
		// when the noun has an owner of its own ("praised Qatar for its
		// mediation"): that owner is the actor, unknown here. Under a
		// passive verb the actor is its agent: "this was stated by X
		// during a meeting with Y".
		if st.s.Tokens[i].UPOS == ud.NOUN && !st.hasPoss(i) {
			if st.passive(h) {
				for _, c := range st.children[h] {
					if st.s.Tokens[c].Rel == "obl:agent" || st.s.Tokens[c].Rel == "obl" && st.hasCase(c, "by") {
						return st.actorsAt(c, 0), "agent of " + st.s.Tokens[h].Form
					}
				}
				return nil, ""
			}
			ms, _ := st.subjectOf(h)
			return ms, "subject of " + st.s.Tokens[h].Form
		}
	}
	return nil, ""
}

// leftSubject finds the subject of a finite verb the parser left without
// one ("[X and his counterpart Y] met on Monday" parsed with X as the
// root): the actors of the words before the verb back to the start of its
// clause, when those words hold no other verb.
func (st *sentence) leftSubject(i int) []int {
	t := st.s.Tokens[i]
	if t.UPOS != ud.VERB || st.passive(i) {
		return nil
	}
	switch t.XPOS {
	case "VBD", "VBZ", "VBP":
	case "VBN", "VB":
		// "have signed", "will meet": finite through an auxiliary
		finite := false
		for _, c := range st.children[i] {
			if st.s.Tokens[c].Rel == "aux" && st.lemma(c) != "to" {
				finite = true
			}
		}
		if !finite {
			return nil
		}
	default:
		return nil
	}
	for _, c := range st.children[i] {
		if r := ud.BaseRel(st.s.Tokens[c].Rel); r == "nsubj" || r == "csubj" || r == "expl" {
			return nil
		}
	}
	var out []int
	for j := i - 1; j >= 0; j-- {
		w := st.s.Tokens[j]
		if m := st.mention[j]; m >= 0 {
			// not a place or a phrase after a preposition ("In Astana, …")
			if st.ms[m].Method != actor.ByCapital && !st.inPrepPhrase(st.headOf(m)) {
				out = append(out, m)
				out = append(out, st.twins[m]...)
			}
			continue
		}
		switch {
		case w.UPOS == ud.VERB || w.UPOS == ud.AUX && w.Head-1 != i:
			return nil // another clause's verb: not this verb's subject
		case w.Form == ";" || w.Form == ":" || w.Form == "“" || w.Form == "”" || w.Form == "\"" || w.UPOS == ud.SCONJ:
			j = -1 // the clause starts after it
			continue
		}
	}
	return dedup(out)
}

// inPrepPhrase reports whether word j, or a noun it hangs on, opens with
// a preposition ("in Astana", "of the talks with Russia").
func (st *sentence) inPrepPhrase(j int) bool {
	for k := 0; k < 3 && j >= 0; k++ {
		for _, c := range st.children[j] {
			if st.s.Tokens[c].Rel == "case" && st.s.Tokens[c].UPOS == ud.ADP {
				return true
			}
		}
		switch ud.BaseRel(st.s.Tokens[j].Rel) {
		case "nmod", "appos", "conj":
			j = st.s.Tokens[j].Head - 1
		default:
			return false
		}
	}
	return false
}

// headOf returns the word of mention m that hangs outside it.
func (st *sentence) headOf(m int) int {
	mm := &st.ms[m]
	for k := max(mm.First, 0); k <= mm.Last && k < len(st.s.Tokens); k++ {
		if h := st.s.Tokens[k].Head - 1; h < mm.First || h > mm.Last {
			return k
		}
	}
	return max(mm.First, 0)
}

// negated says why predicate i is negated, or "".
func (st *sentence) negated(i int) string {
	for k := 0; k < 4 && i >= 0; k++ {
		for _, c := range st.children[i] {
			r := ud.BaseRel(st.s.Tokens[c].Rel)
			l := st.lemma(c)
			if (r == "advmod" || r == "det" || r == "neg") && negators[l] {
				return st.s.Tokens[c].Form
			}
			if r == "mark" && l == "without" {
				return "without"
			}
		}
		if ud.BaseRel(st.s.Tokens[i].Rel) != "xcomp" {
			return ""
		}
		h := st.s.Tokens[i].Head - 1
		if h >= 0 && failVerbs[st.lemma(h)] {
			return st.s.Tokens[h].Form
		}
		i = h
	}
	return ""
}

// intended says why predicate i is only intended, or "".
func (st *sentence) intended(i int) string {
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "aux" && modals[st.lemma(c)] {
			return st.s.Tokens[c].Form
		}
	}
	// "plans to open" read on the surface, whatever the tree: the word
	// before the infinitive's "to" is a verb or noun of intent. This keeps
	// intent when the tagger takes "plans" for a noun.
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "mark" && st.lemma(c) == "to" && c > 0 && c < i {
			if w := st.lemma(c - 1); intentVerbs[w] || intentVerbs[strings.TrimSuffix(w, "s")] {
				return st.s.Tokens[c-1].Form + " to"
			}
		}
	}
	// "plans to open", "a decision to establish": an infinitive completing
	// a noun of intent, or hanging on a verb of intent as advcl where the
	// parser did not make it xcomp.
	if r := st.s.Tokens[i].Rel; r == "acl" || r == "advcl" {
		h := st.s.Tokens[i].Head - 1
		if h >= 0 && intentVerbs[st.lemma(h)] && st.hasChild(i, "mark", "to") {
			return st.s.Tokens[h].Form + " to"
		}
	}
	// "will visit Astana to attend the summit": a purpose clause shares
	// the modality of the verb it serves.
	if st.s.Tokens[i].Rel == "advcl" && st.hasChild(i, "mark", "to") {
		if h := st.s.Tokens[i].Head - 1; h >= 0 {
			if why := st.intended(h); why != "" {
				return why
			}
		}
	}
	if ud.BaseRel(st.s.Tokens[i].Rel) == "xcomp" {
		h := st.s.Tokens[i].Head - 1
		if h >= 0 && (intentVerbs[st.lemma(h)] || strings.EqualFold(st.s.Tokens[h].Form, "going")) {
			return st.s.Tokens[h].Form + " to"
		}
		if h >= 0 {
			if why := st.intended(h); why != "" {
				return why
			}
		}
	}
	return ""
}

// reported reports whether predicate i is the complement of a verb of
// speech: "X said Y attacked Z".
func (st *sentence) reported(i int) bool {
	if ud.BaseRel(st.s.Tokens[i].Rel) != "ccomp" {
		return false
	}
	h := st.s.Tokens[i].Head - 1
	return h >= 0 && speechVerbs[st.lemma(h)]
}

var speechVerbs = set("say", "tell", "state", "announce", "report", "claim", "add", "note", "stress", "emphasize",
	"emphasise", "insist", "warn", "confirm", "declare", "write", "explain", "argue", "suggest", "believe", "think")

// pairs returns the (source, target, symmetric) mention pairs of a match.
// An intended act is the intending side's only: no reverse pair.
func (st *sentence) pairs(p *Pattern, src, tgt []int, intent bool) [][3]int {
	var out [][3]int
	add := func(a, b, sym int) {
		if a == b || st.ms[a].Code == st.ms[b].Code || selfDirected(st.ms[a].Code, st.ms[b].Code, p.Code) {
			return
		}
		out = append(out, [3]int{a, b, sym})
	}
	if p.Pair && (len(tgt) == 0 || slices.Equal(src, tgt)) || st.sameGroup(src, tgt) {
		// A meeting of many (GUIDELINES rule 3): the host or outside
		// partner is paired with each other party, both ways; the others
		// are never paired with each other, nor are four or more parties
		// when none is the host.
		if h := st.hubOf(src); h >= 0 {
			for _, x := range src {
				if x != h {
					add(h, x, 1)
					add(x, h, 1)
				}
			}
			return out
		}
		if st.parties(src) >= 4 {
			return nil
		}
		for x := range src {
			for y := range src {
				if x != y {
					add(src[x], src[y], 1)
				}
			}
		}
		return out
	}
	for _, a := range src {
		for _, b := range tgt {
			add(a, b, 0)
			if (p.Sym || p.Pair) && !intent {
				add(b, a, 1)
			}
		}
	}
	return out
}

// sameGroup reports whether source and target are the same group phrase
// taken up twice ("the two leaders pledged to deepen their cooperation"):
// the act runs among its members.
func (st *sentence) sameGroup(src, tgt []int) bool {
	if len(src) == 0 || len(tgt) == 0 {
		return false
	}
	g := st.ms[src[0]].Group
	if g == 0 {
		return false
	}
	for _, m := range append(append([]int(nil), src...), tgt...) {
		if st.ms[m].Group != g {
			return false
		}
	}
	return true
}

// hubOf returns the mention among ms that a group reference marks as the
// host of a meeting of many, or -1.
func (st *sentence) hubOf(ms []int) int {
	for _, m := range ms {
		if st.ms[m].Hub {
			return m
		}
	}
	return -1
}

// parties counts the countries and organisations among mentions ms.
func (st *sentence) parties(ms []int) int {
	seen := map[string]bool{}
	for _, m := range ms {
		c := st.ms[m].Code
		if len(c) > 3 && !strings.HasPrefix(c, "IGO") {
			c = c[:3]
		}
		seen[c] = true
	}
	return len(seen)
}

// selfDirected reports whether a verbal-cooperation act (roots 01–05) runs
// from an actor to its own bare country ("KAZGOV" to "KAZ"): that is a
// statement about the country, not an interaction the text states.
// Domestic conflict ("imposed a curfew in Kathmandu", SYR against SYRCVL)
// is coded.
func selfDirected(a, b, code string) bool {
	if len(a) < 3 || len(b) != 3 || a[:3] != b || len(code) < 2 {
		return false
	}
	return code[:2] >= "01" && code[:2] <= "05"
}

// requested says which appeal governs predicate i, when what i states is
// only asked for: the infinitive of "urged X to withdraw", the noun of
// "called for talks", "an invitation to visit".
func (st *sentence) requested(i int) string {
	// An event noun under a verb that undoes it: "rejected talks".
	if st.s.Tokens[i].UPOS == ud.NOUN {
		if h := st.s.Tokens[i].Head - 1; h >= 0 && undoVerbs[st.lemma(h)] {
			// "rejected talks", "talks were suspended"; not "talks ended",
			// which says they took place.
			switch st.s.Tokens[i].Rel {
			case "obj", "nsubj:pass":
				return st.s.Tokens[h].Form
			}
		}
		// "an end to attacks": the noun hangs on "end".
		if h := st.s.Tokens[i].Head - 1; h >= 0 && (st.lemma(h) == "end" || st.lemma(h) == "halt") && st.s.Tokens[h].UPOS == ud.NOUN {
			return st.s.Tokens[h].Form
		}
	}
	for k := 0; k < 3; k++ {
		h := st.s.Tokens[i].Head - 1
		if h < 0 {
			return ""
		}
		switch ud.BaseRel(st.s.Tokens[i].Rel) {
		case "xcomp", "advcl", "acl", "obl", "obj", "ccomp":
		default:
			return ""
		}
		if appeals[st.lemma(h)] {
			return st.s.Tokens[h].Form
		}
		if ud.BaseRel(st.s.Tokens[i].Rel) != "xcomp" {
			return ""
		}
		i = h
	}
	return ""
}

// hasPoss reports whether noun i has an owner ("its mediation", "Qatar's
// mediation").
func (st *sentence) hasPoss(i int) bool {
	for _, c := range st.children[i] {
		if r := st.s.Tokens[c].Rel; r == "nmod:poss" || r == "det:poss" {
			return true
		}
	}
	return false
}

// timeWords are the words that date an event relative to its story.
var timeWords = set("yesterday", "today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec")

// when returns the time expression attached to predicate i (or to the verb
// it hangs on): a weekday, "yesterday", or a month and day, with its
// words joined by spaces; "" when there is none.
func (st *sentence) when(i int) string {
	for k := 0; k < 2 && i >= 0; k++ {
		for _, c := range st.children[i] {
			switch ud.BaseRel(st.s.Tokens[c].Rel) {
			case "obl", "nmod", "advmod":
			default:
				continue
			}
			if !timeWords[st.lemma(c)] {
				continue
			}
			w := st.s.Tokens[c].Form
			for _, d := range st.children[c] {
				if st.s.Tokens[d].UPOS == ud.NUM {
					w += " " + st.s.Tokens[d].Form
				}
			}
			if st.intended(i) != "" {
				w = "next " + w
			}
			return w
		}
		if st.s.Tokens[i].UPOS == ud.VERB {
			break
		}
		i = st.s.Tokens[i].Head - 1
	}
	return ""
}
