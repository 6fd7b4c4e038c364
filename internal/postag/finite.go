package postag

import (
	"strings"

	"farabi/internal/ud"
)

// maxFiniteMargin is how far behind its chosen class (in summed weights) a
// finite verb reading of a word may be for finiteSense to take it; found
// on the EWT dev set (8,000 to 24,000 all leave dev UPOS at 95.49-95.50).
// maxSentenceMargin replaces it for a whole sentence of six words or more
// that ends in a period, which in news is almost never without a verb
// (on EWT dev and test, UPOS -0.04 and -0.02 points, within noise; on PUD
// LAS +0.06; "Protesters gathered outside …", "The visit … strengthened
// ties"), and for a clause opened by a subordinating conjunction ("Given
// that the Central Asian state supplies large quantities of oil …": EWT
// test UPOS -0.01, PUD -0.04).
//
// maxPastMargin replaces maxSentenceMargin for a participle (VBN) in a
// whole sentence of eight words or more with no finite verb, whose past
// tense reading is the only finite one it has ("A convoy of trucks
// carrying aid crossed into Gaza", where "crossed" lost by 64,000). On
// EWT dev and PUD it changes two words, both for the better; on EWT test
// none.
const (
	maxFiniteMargin   = 24000
	maxSentenceMargin = 60000
	maxPastMargin     = 80000
)

// bestFinite returns the finite verb class (VBD, VBZ or VBP) that word in
// could take, given the scores of its classes and the class c chosen, and
// by how much it lost; -1 when c is one, or when neither the lexicon nor
// the treebank has the word as a finite verb. Only the classes of agree
// (bit k for t.finite[k]) are candidates.
func (t *Tagger) bestFinite(sc *scratch, in *tokInfo, c int, agree uint8) (int, int32) {
	fin := -1
	for k, fc := range t.finite {
		if fc < 0 || agree&(1<<k) == 0 {
			continue
		}
		if fc == c {
			return -1, 0
		}
		ok := in.lexTags&[3]uint32{tgVBD, tgVBZ, tgVB}[k] != 0
		if !ok && in.word >= 0 {
			_, ok = t.lex.get(lexKey(in.word, fc))
		}
		if ok && (fin < 0 || sc.scores[fc] > sc.scores[fin]) {
			fin = fc
		}
	}
	if fin < 0 {
		return -1, 0
	}
	return fin, sc.scores[c] - sc.scores[fin]
}

// finiteSense applies what a sentence must hold to the greedy tagging: a
// sentence with a subject has a finite verb, and so does a clause opened by
// a subordinating conjunction ("that", "because", "while"). When one has
// none, the word after a noun or pronoun whose finite verb reading came
// closest to winning becomes that verb, if it lost by less than
// maxFiniteMargin (maxSentenceMargin for a whole sentence), and the words
// after it are tagged again. "The EU imposed
// sanctions" (imposed as an adjective), "troops traded fire" (a
// participle), "the state supplies oil" (a plural noun). A main clause
// beside a subordinate or coordinated clause with a finite verb needs one
// of its own (clauseUnits), and past forms are then sorted into finite
// verbs and participles by participleSense.
func (t *Tagger) finiteSense(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if n < 4 || t.finite[0] < 0 || t.nounNN < 0 {
		return
	}
	t.compoundVerbs(sc, s)
	if !t.hasFinite(sc, 0, n) {
		lim := int32(maxFiniteMargin)
		if n >= 6 && s.Tokens[n-1].Form == "." {
			lim = maxSentenceMargin
		}
		t.makeFinite(sc, s, 0, n, lim, anySubject)
	} else {
		t.clauseUnits(sc, s, n)
	}
	for i := 0; i < n; i++ {
		tg := &t.tags[sc.class[i]]
		mode := anySubject
		switch {
		case tg.xpos == "WDT" || tg.xpos == "WP":
			mode = openingSubject
		case tg.upos == ud.ADP && clausePrep(s.Tokens[i].Form):
			mode = openingParticiple
		case tg.upos != ud.SCONJ:
			continue
		}
		end := i + 1
		for end < n && !t.clauseMark(sc, s, end) {
			end++
		}
		if mode == anySubject && i+1 < n && participial(t.tags[sc.class[i+1]].xpos) {
			// "against stationing troops near …", "while visiting
			// Kabul", "if elected": a participle clause has no finite
			// verb ("near" had become one).
			i = end - 1
			continue
		}
		if mode == openingSubject && !t.hasFinite(sc, i+1, end) && t.relativeVerb(sc, s, i, end) {
			i = end - 1
			continue
		}
		if end-i > 2 && !t.hasFinite(sc, i+1, end) {
			// A relative clause has a subject of its own only when it
			// opens the clause ("the claims that the opposition made");
			// after a preposition that may open a clause, only a
			// participle is taken for its verb ("after both sides
			// opened fire", not "after a week of border clashes").
			t.makeFinite(sc, s, i+1, end, maxSentenceMargin, mode)
		}
		i = end - 1
	}
	t.nounAfterArticle(sc, s)
	t.participleSense(sc, s)
	t.reportedClauses(sc, s)
	t.coordinatedPast(sc, s)
	t.reducedBeforePredicate(sc, s)
	t.afterParenthetical(sc, s)
	t.reportedBeforeTail(sc, s)
	t.mandative(sc, s)
}

// relativeVerb gives the word right after a relative pronoun at i
// ("Lithuania and Poland, which border Belarus, …", "states that
// share a border") its finite verb reading when the clause up to end has no
// finite verb and that reading lost by less than maxSentenceMargin: the
// pronoun is the clause's subject, and its verb follows it. A noun there
// needs a verb after it ("which border guards patrol"), so a word followed
// by one keeps its class. It reports whether it gave one.
func (t *Tagger) relativeVerb(sc *scratch, s *ud.Sentence, i, end int) bool {
	j := i + 1
	if j+1 >= end || i == 0 {
		return false
	}
	switch strings.ToLower(s.Tokens[i].Form) {
	case "which", "who", "that":
	default:
		return false
	}
	if f := s.Tokens[j].Form; f == "" || f[0] < 'a' || f[0] > 'z' {
		return false
	}
	in := &sc.info[pad+j]
	if in.dict >= 0 || t.tags[sc.class[j]].upos != ud.NOUN {
		return false
	}
	for k := j + 1; k < end; k++ {
		if t.tags[sc.class[k]].upos == ud.VERB || t.tags[sc.class[k]].upos == ud.AUX {
			return false
		}
	}
	p1, p2 := sc.prev(j)
	t.score(sc.features(j, p1, p2), sc.scores)
	fin, margin := t.bestFinite(sc, in, sc.class[j], agreeAll)
	if fin < 0 || margin >= maxSentenceMargin {
		return false
	}
	sc.class[j] = fin
	t.tagFrom(sc, j+1, end)
	return true
}

// hasFinite reports whether a word of from..to-1 has a finite verb tag or
// a modal.
func (t *Tagger) hasFinite(sc *scratch, from, to int) bool {
	for i := from; i < to; i++ {
		switch t.tags[sc.class[i]].xpos {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// clauseMark reports whether word i ends a clause: a comma, semicolon,
// colon, dash or bracket, or a conjunction.
func (t *Tagger) clauseMark(sc *scratch, s *ud.Sentence, i int) bool {
	switch s.Tokens[i].Form {
	case ",", ";", ":", "–", "—", "--", "(", ")":
		return true
	}
	u := t.tags[sc.class[i]].upos
	return u == ud.SCONJ || u == ud.CCONJ
}

// makeFinite turns the best candidate of from..to-1 into a finite verb and
// tags the words after it in the span again; see finiteSense. The scores of the
// candidates are computed again here, as sentences without a finite verb
// are few. The mode says which words may be candidates.
func (t *Tagger) makeFinite(sc *scratch, s *ud.Sentence, from, to int, lim int32, mode candidates) {
	best, bestClass, bestMargin := -1, -1, int32(0)
	for i := from + 1; i < to; i++ {
		in := &sc.info[pad+i]
		if in.dict >= 0 && (t.tags[in.dict].xpos != "VB" || t.namePairLimit(sc, s, from, i-1) == 0) {
			// A word tagged from the dictionary keeps its class, but for
			// a base form after two names ("Putin, Xi discuss …", where
			// EWT has "discuss" after "to" only).
			continue
		}
		if f := s.Tokens[i].Form; f == "" || f[0] < 'a' || f[0] > 'z' || i+2 < to && compoundStart(s, from, i+2) <= i {
			continue // no word, or the first part of a compound ("tear-gassed")
		}
		subj := t.subjectBefore(sc, from, compoundStart(s, from, i))
		if subj < 0 || mode != anySubject && !t.opensClause(sc, s, from, subj) {
			continue
		}
		if mode == openingParticiple && (t.tags[sc.class[i]].upos != ud.VERB || i+1 < to && s.Tokens[i+1].Form == "by") {
			continue
		}
		p1, p2 := sc.prev(i)
		t.score(sc.features(i, p1, p2), sc.scores)
		fin, margin := t.bestFinite(sc, in, sc.class[i], t.agreement(s, sc, from, subj))
		l := lim
		if lim == maxSentenceMargin && from == 0 && to >= 8 && sc.class[i] == t.verbVBN {
			l = maxPastMargin
		}
		pair := t.namePairLimit(sc, s, from, subj)
		head := t.headlineLimit(sc, s, from, to, subj, i)
		if fin < 0 || margin >= max(l, pair, t.compoundLimit(sc, s, from, subj, i), head) {
			continue
		}
		if head > 0 {
			// The word right after a headline's opening noun phrase
			// is its verb, before any later word that came closer
			// ("Indonesia eyes trade pact …": not "trade").
			best, bestClass = i, fin
			break
		}
		if best < 0 || margin < bestMargin {
			best, bestClass, bestMargin = i, fin, margin
		}
		if pair > 0 {
			// The word right after two names joined by a comma is
			// their verb, before any later word that came closer
			// ("Sudan, Egypt exchange views": not "views").
			best, bestClass = i, fin
			break
		}
	}
	if best < 0 {
		return
	}
	sc.class[best] = bestClass
	// The words after the span keep their classes: a clause checked
	// later must not undo the verb an earlier check gave ("Even if the
	// talks resume, the … conflict remains …").
	t.tagFrom(sc, best+1, to)
}

// subjectBefore returns the word before i (or the one before an adverb
// there) when it is a noun, proper noun or pronoun, as a subject would be;
// -1 otherwise.
func (t *Tagger) subjectBefore(sc *scratch, from, i int) int {
	j := i - 1
	for k := 0; k < 2 && j > from && t.tags[sc.class[j]].upos == ud.ADV; k++ {
		j--
	}
	switch t.tags[sc.class[j]].upos {
	case ud.NOUN, ud.PROPN, ud.PRON:
		return j
	}
	return -1
}

// compoundStart returns the first word of the hyphenated compound that
// ends at word i ("test-fired" is "test", "-", "fired": EWT splits it
// after a word that is no common prefix), or i when none ends there: the
// subject of "North Korea test-fired two missiles" is before "test".
func compoundStart(s *ud.Sentence, from, i int) int {
	for i-2 > from && s.Tokens[i-1].Form == "-" && s.Tokens[i-2].Span.End == s.Tokens[i-1].Span.Start &&
		s.Tokens[i-1].Span.End == s.Tokens[i].Span.Start && letterWord(s.Tokens[i-2].Form) {
		i -= 2
	}
	return i
}

func letterWord(w string) bool {
	letter, _ := hasLetter(w)
	return letter
}

// namePairLimit returns maxPastMargin when subject word j is the
// second of two names joined by a comma that open the span ("Russia,
// Ukraine swap prisoners", the headline's way of writing "Russia and
// Ukraine"), whose verb is surer than a whole sentence's: two names so
// joined are a subject, never an apposition, and the headline has no
// other place for its verb ("Pakistan, Afghanistan exchange fire", where
// "exchange" lost as VBP by 76,000); 0 otherwise.
func (t *Tagger) namePairLimit(sc *scratch, s *ud.Sentence, from, j int) int32 {
	k := t.nameStart(sc, from, j)
	if k < 0 || k-2 < from || s.Tokens[k-1].Form != "," || t.nameStart(sc, from, k-2) != from {
		return 0
	}
	return maxPastMargin
}

// compoundLimit returns maxSentenceMargin when word i ends a hyphenated
// compound right after a subject that opens the span ("Iran test-fires
// new missile"): no noun phrase goes on that way; 0 otherwise.
func (t *Tagger) compoundLimit(sc *scratch, s *ud.Sentence, from, subj, i int) int32 {
	if c := compoundStart(s, from, i); c == i || c != subj+1 || !t.opensClause(sc, s, from, subj) {
		return 0
	}
	return maxSentenceMargin
}

// headlineLimit returns maxSentenceMargin for the word right after the
// noun phrase that opens a headline (a whole sentence of five words or
// more with no closing punctuation) when words follow it: the headline's
// verb stands there, in the present ("Indian envoy hands Modi's message
// to …", "Turkey eyes closer ties with …", where "hands" and "eyes" lost
// as plural nouns), when the opening noun phrase holds no comma and a word
// follows the verb; 0 otherwise.
func (t *Tagger) headlineLimit(sc *scratch, s *ud.Sentence, from, to, subj, i int) int32 {
	n := len(s.Tokens)
	if from != 0 || to != n || n < 5 || subj != i-1 || i+1 >= n || !t.opensClause(sc, s, from, subj) {
		return 0
	}
	switch s.Tokens[n-1].Form {
	case ".", "!", "?", ":", ";", ")", "\"", "”", "'", "...", "…":
		return 0
	}
	if f := s.Tokens[0].Form; f == "" || f[0] < 'A' || f[0] > 'Z' || !letterWord(s.Tokens[i+1].Form) {
		return 0 // a list ("Fast food chains, supermarkets, …")
	}
	for k := from; k <= subj; k++ {
		if !t.nominal(sc, k) {
			return 0 // the noun phrase opens the headline, with no comma in it
		}
	}
	return maxSentenceMargin
}

// compoundVerbs: the first part of a hyphenated verb ("tear-gassed",
// "test-fired") is a noun, as EWT tags "test-drive", not a verb of its
// own; a first part tagged as a finite verb before a last part tagged as
// a verb becomes a singular noun when the lexicon or the treebank allows
// it (and it lost by less than maxParticipleMargin), and the words after
// it are tagged again.
func (t *Tagger) compoundVerbs(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	for i := 2; i < n; i++ {
		if compoundStart(s, 0, i) != i-2 || t.tags[sc.class[i]].upos != ud.VERB || !t.isFinite[sc.class[i-2]] || t.tags[sc.class[i-2]].upos != ud.VERB {
			continue
		}
		if t.swap(sc, i-2, t.nounNN) {
			t.tagFrom(sc, i-1, n)
		}
	}
}

// nameStart returns the first word of the run of proper nouns that ends
// at word j, or -1 when j is none.
func (t *Tagger) nameStart(sc *scratch, from, j int) int {
	if j < from || t.tags[sc.class[j]].upos != ud.PROPN {
		return -1
	}
	for j > from && t.tags[sc.class[j-1]].upos == ud.PROPN {
		j--
	}
	return j
}

// candidates says which words makeFinite may give a finite verb class.
type candidates int

const (
	// anySubject: any word after a subject (see subjectBefore).
	anySubject candidates = iota
	// openingSubject: a word whose subject heads a noun phrase that
	// opens the span or follows a comma in it (see opensClause).
	openingSubject
	// openingParticiple: as openingSubject, and the word is a verb
	// already (a participle or base form), not before "by".
	openingParticiple
)

// participial reports whether a word tagged xpos, right after a
// subordinating conjunction, opens a participle clause.
func participial(xpos string) bool { return xpos == "VBG" || xpos == "VBN" }

// clausePrep reports whether w is a preposition that may open a clause
// ("after the talks collapsed").
func clausePrep(w string) bool {
	switch w {
	case "after", "before", "since", "until":
		return true
	}
	return false
}
