package postag

import (
	"strings"

	"farabi/internal/ud"
)

// mainClauseEnd returns the index of the first word of words 0..n-1 that
// opens a clause of its own with a finite verb: a subordinating
// conjunction ("that", "because", "while") or a relative pronoun ("which",
// "who"), and a finite verb or modal before the next clause mark; n when
// none does. The words before it hold the main clause's subject and finite
// verb, or none of them: in "The study estimates that it would take …"
// the finite verb after "that" is no verb of the words before it.
func (t *Tagger) mainClauseEnd(sc *scratch, s *ud.Sentence, n int) int {
	for i := 0; i < n; i++ {
		tg := &t.tags[sc.class[i]]
		if tg.upos != ud.SCONJ && tg.xpos != "WDT" && tg.xpos != "WP" {
			continue
		}
		end := i + 1
		for end < n && !t.clauseMark(sc, s, end) {
			end++
		}
		if t.hasFinite(sc, i+1, end) {
			return i
		}
	}
	return n
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
// comma: "The feasibility study", "In 2020, the study", but not "As for
// the number of staff".
func (t *Tagger) opensClause(sc *scratch, s *ud.Sentence, from, j int) bool {
	for k := j - 1; k >= from; k-- {
		switch f := s.Tokens[k].Form; {
		case f == ",":
			return true
		case f == "of" || t.nominal(sc, k):
		default:
			return false
		}
	}
	return true
}

// nominal reports whether word k is a determiner, adjective, number,
// possessive or noun: a word of a simple noun phrase.
func (t *Tagger) nominal(sc *scratch, k int) bool {
	switch t.tags[sc.class[k]].xpos {
	case "DT", "PDT", "JJ", "JJR", "JJS", "CD", "PRP$", "POS", "NN", "NNS", "NNP", "NNPS":
		return true
	}
	return false
}
