package postag

import (
	"strings"

	"farabi/internal/ud"
)

// clauseUnits checks the clauses of a sentence that has a finite verb:
// the words outside subordinate clauses (a subordinating conjunction,
// "that", "because", "while", or a relative pronoun, "which", "who", up to
// the next clause mark) with a finite verb, split also before a
// conjunction after a comma that opens a clause with a finite verb (",
// and the ministry said"), are units, and each unit whose subject opens
// it needs a finite verb of its own: in "The study estimates that it would
// take …" the finite verb after "that" is no verb of the words before it;
// in "Even if the talks fail, the dispute remains …" the verb of the "if"
// clause is none of the main clause's.
func (t *Tagger) clauseUnits(sc *scratch, s *ud.Sentence, n int) {
	start := 0
	for i := 0; i < n; i++ {
		tg := &t.tags[sc.class[i]]
		sub := tg.upos == ud.SCONJ || tg.xpos == "WDT" || tg.xpos == "WP"
		// a participle after a comma opens a clause of its own too:
		// "Kenya voiced concern, saying it was ready to help" (the
		// finite "was" is none of "voiced"'s clause)
		sub = sub || tg.xpos == "VBG" && i > 0 && s.Tokens[i-1].Form == ","
		coord := tg.upos == ud.CCONJ && i > 0 && s.Tokens[i-1].Form == ","
		if !sub && !coord {
			continue
		}
		end := i + 1
		for end < n && !t.clauseMark(sc, s, end) {
			end++
		}
		if !t.hasFinite(sc, i+1, end) {
			continue
		}
		t.unitFinite(sc, s, start, i)
		if coord {
			start = i + 1
			continue
		}
		// The words after a subordinate clause are a unit of their own
		// when a comma ends it ("If …, the dispute remains"); after a
		// colon, dash or bracket they are a list or an aside.
		start, i = n, end-1
		if end < n && s.Tokens[end].Form == "," {
			start = end
		}
	}
	t.unitFinite(sc, s, start, n)
	t.mainBeforeContact(sc, s, n)
}

// mainBeforeContact gives the words before a relative clause with no "that"
// a finite verb of their own: in "the air force shot down 14 drones Russia
// had launched at Kyiv" the clause "Russia had launched" (a noun, a name or
// noun subject, and a perfect) is the drones', and "shot" is the main
// verb, not a noun. Only a perfect ("had", "has", "have" before a
// participle) after a subject right after a common noun is taken for such
// a clause.
func (t *Tagger) mainBeforeContact(sc *scratch, s *ud.Sentence, n int) {
	for i := 2; i+1 < n; i++ {
		switch strings.ToLower(s.Tokens[i].Form) {
		case "had", "has", "have":
		default:
			continue
		}
		if !t.isFinite[sc.class[i]] || t.tags[sc.class[i+1]].xpos != "VBN" {
			continue
		}
		j := i - 1
		switch t.tags[sc.class[j]].xpos {
		case "NNP", "NNPS", "NNS", "NN":
		default:
			continue
		}
		k := j - 1
		if t.tags[sc.class[k]].xpos == "DT" {
			k--
		}
		if k < 3 || t.tags[sc.class[j]].xpos == "NN" && t.tags[sc.class[k]].xpos == "NN" {
			continue // "the project manager had": a compound, no clause
		}
		if x := t.tags[sc.class[k]].xpos; x != "NNS" && x != "NN" || t.tags[sc.class[j]].xpos == t.tags[sc.class[k]].xpos && j == k+1 {
			continue
		}
		t.unitFinite(sc, s, 0, k+1)
		return
	}
}

// unitFinite gives the unit from..to-1 of clauseUnits a finite verb when
// it has four words or more and none.
func (t *Tagger) unitFinite(sc *scratch, s *ud.Sentence, from, to int) {
	if to-from > 3 && !t.hasFinite(sc, from, to) {
		t.makeFinite(sc, s, from, to, maxSentenceMargin, openingSubject)
	}
}

// Bits of the finite classes, in the order of Tagger.finite.
const (
	agreeVBD = 1 << iota
	agreeVBZ
	agreeVBP
	agreeAll = agreeVBD | agreeVBZ | agreeVBP
)

// agreement returns the finite classes a verb may take after subject word
// j of the span from..: after a noun phrase of determiners, adjectives,
// numbers and nouns alone that starts the span, a singular noun takes no
// VBP ("the feasibility study estimates", not "study" as a verb) and a
// plural noun no VBZ; a personal pronoun takes the forms of its person and
// number. A noun after a conjunction, comma or preposition may be one of
// many subjects or no head ("Uzbekistan, Kyrgyzstan sign", "the number of
// cases rises") and takes any.
func (t *Tagger) agreement(s *ud.Sentence, sc *scratch, from, j int) uint8 {
	switch t.tags[sc.class[j]].xpos {
	case "PRP":
		f := s.Tokens[j].Form
		for _, p := range [...]string{"he", "she", "it"} {
			if strings.EqualFold(f, p) {
				return agreeVBD | agreeVBZ
			}
		}
		for _, p := range [...]string{"i", "we", "you", "they"} {
			if strings.EqualFold(f, p) {
				return agreeVBD | agreeVBP
			}
		}
		return agreeAll
	case "NN", "NNP":
		if t.simpleNP(sc, from, j) {
			return agreeVBD | agreeVBZ
		}
	case "NNS", "NNPS":
		if t.simpleNP(sc, from, j) {
			return agreeVBD | agreeVBP
		}
	}
	return agreeAll
}

// simpleNP reports whether words from..j-1 are determiners, adjectives,
// numbers, possessives and nouns only, so that j heads a noun phrase that
// opens the span.
func (t *Tagger) simpleNP(sc *scratch, from, j int) bool {
	for k := j - 1; k >= from; k-- {
		if !t.nominal(sc, k) {
			return false
		}
	}
	return true
}

// opensClause reports whether word j heads a noun phrase (with "of"
// phrases: "the head of the commission") that starts at from or after a
// comma, quotation mark or opening bracket: "The feasibility study",
// "In 2020, the study", but not "As for the number of staff".
func (t *Tagger) opensClause(sc *scratch, s *ud.Sentence, from, j int) bool {
	return t.opensPhrase(sc, s, from, j, false)
}

// opensCoordinatedClause is opensClause for a subject that may be two
// noun phrases joined by a conjunction ("after U.S. and Chinese
// negotiators held a call"): a coordinating conjunction between two
// nominal words is part of the subject.
func (t *Tagger) opensCoordinatedClause(sc *scratch, s *ud.Sentence, from, j int) bool {
	return t.opensPhrase(sc, s, from, j, true)
}

// opensPhrase is opensClause, taking a conjunction between two nominal
// words as part of the phrase when coordinated is set.
func (t *Tagger) opensPhrase(sc *scratch, s *ud.Sentence, from, j int, coordinated bool) bool {
	for k := j - 1; k >= from; k-- {
		switch {
		case openingMark(s.Tokens[k].Form):
			return true
		case s.Tokens[k].Form == "of" || t.nominal(sc, k):
		case coordinated && t.tags[sc.class[k]].xpos == "CC" && k > from && t.nominal(sc, k-1) && t.nominal(sc, k+1):
		default:
			return false
		}
	}
	return true
}

// nominal reports whether word k is a determiner, adjective, number,
// possessive, noun or the hyphen of a compound ("Israeli-Palestinian"):
// a word of a simple noun phrase.
func (t *Tagger) nominal(sc *scratch, k int) bool {
	switch t.tags[sc.class[k]].xpos {
	case "DT", "PDT", "JJ", "JJR", "JJS", "CD", "PRP$", "POS", "NN", "NNS", "NNP", "NNPS", "HYPH":
		return true
	}
	return false
}

// openingMark reports whether a clause may start after w: a comma, a
// quotation mark or an opening bracket.
func openingMark(w string) bool {
	switch w {
	case ",", "\"", "“", "”", "``", "''", "(", "[":
		return true
	}
	return false
}
