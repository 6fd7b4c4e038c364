package postag

import (
	"strings"

	"farabi/internal/ud"
)

// Noun phrases read as clauses. The greedy tagger, having seen "deal",
// "pact", "hit" and plural nouns mostly as verbs, breaks news's noun
// phrases where a verb is impossible, and the finite-verb checks after it
// then take the sentence's real verb for a participle ("The two countries
// signed a fisheries deal": "deal" a present verb, "signed" a participle).
// Run before those checks:
//
//   - A present verb or base form in a noun phrase opened by "a", "an",
//     "each", "every" or "another", right after a noun, is a noun: the
//     article wants a singular noun phrase, which no present verb agrees
//     with and no base form follows ("a fisheries deal", "a gas deal
//     between …").
//   - The first word of a sentence tagged as a present verb (VBZ) is a
//     plural noun: no subject stands before it ("Trucks carrying food
//     entered the city").
//   - The last part of a hyphenated adjective ("quake-hit", "Russia-led",
//     "war-torn") before a noun or adjective is a participle, as EWT tags
//     "US-based" (15 of 16), not a base form or past tense.
//   - An adjective after "the" or "a" and adjectives or names only, right
//     before a finite verb, is a noun: a noun phrase ends in a noun ("The
//     Chinese premier arrived").
//
// Each change must be allowed by the lexicon or the treebank and have lost
// by less than maxParticipleMargin (swap); the words after it are tagged
// again, and it keeps its class through the checks after (settle).
func (t *Tagger) nounPhrases(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.nounNN < 0 || t.nounNNS < 0 || t.verbVBN < 0 || n < 3 {
		return
	}
	if tg := &t.tags[sc.class[0]]; tg.xpos == "VBZ" && tg.upos == ud.VERB && letterStart(s.Tokens[0].Form) {
		// Only before a participle or a finite verb ("Trucks carrying
		// food entered", "Prices rose"): web text drops the subject
		// ("Looks like …", "Serves breakfast"), news does not, but a
		// verb after the word tells.
		if x := t.tags[sc.class[1]].xpos; x == "VBG" || x == "VBN" || t.isFinite[sc.class[1]] {
			t.settle(sc, 0, t.nounNNS, n)
		}
	}
	for i := 1; i+1 < n; i++ {
		x := t.tags[sc.class[i]].xpos
		switch {
		case (x == "VBP" || x == "VB") && t.afterSingularArticle(sc, s, i, x == "VB"):
			t.settle(sc, i, t.nounNN, n)
		case (x == "VB" || x == "VBD" || x == "VBP") && i >= 2 && s.Tokens[i-1].Form == "-" &&
			t.tags[sc.class[i-1]].xpos == "HYPH" && t.modifierWord(sc, i-2) && t.modifierWord(sc, i+1):
			t.settle(sc, i, t.verbVBN, n)
		case x == "JJ" && t.isFinite[sc.class[i+1]] && t.tags[sc.class[i+1]].upos != ud.AUX && t.adjectivesAfterArticle(sc, s, i):
			t.settle(sc, i, t.nounNN, n)
		}
	}
}

// settle gives word i class c for good, when swap allows it: the checks
// after nounPhrases, which tag the words after a change again, keep it,
// as they keep a word the tag dictionary fixes. The words after i are
// tagged again.
func (t *Tagger) settle(sc *scratch, i, c, n int) {
	if t.swap(sc, i, c) {
		sc.info[pad+i].dict = c
		t.tagFrom(sc, i+1, n)
	}
}

// afterSingularArticle reports whether word i follows a noun in a noun
// phrase opened by "a", "an", "each", "every" or "another" that holds
// only adjectives, nouns, names, numbers and hyphens before i, and so
// goes on at i. After a plural noun it does when no common singular noun
// comes before it, which could end the phrase ("a fisheries deal", but
// "each year farmers gather"); after a singular one, as no present verb
// agrees with it ("a gas deal"), only when no preposition opens the
// phrase (whose verb may agree with a subject before it, "guys around a
// grill cook …") and for a present verb only (not a base form, "makes
// every item fit"); base says a base form is asked about.
func (t *Tagger) afterSingularArticle(sc *scratch, s *ud.Sentence, i int, base bool) bool {
	plural := false
	switch t.tags[sc.class[i-1]].xpos {
	case "NN", "NNP":
	case "NNS", "NNPS":
		plural = true
	default:
		return false
	}
	if base && !plural {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		switch t.tags[sc.class[k]].xpos {
		case "NN", "NNS":
			if plural {
				return false
			}
			continue
		case "JJ", "NNP", "NNPS", "CD", "HYPH":
			continue
		case "DT":
			switch strings.ToLower(s.Tokens[k].Form) {
			case "a", "an", "each", "every", "another":
				return plural || k == 0 || t.tags[sc.class[k-1]].upos != ud.ADP
			}
		}
		return false
	}
	return false
}

// adjectivesAfterArticle reports whether adjective i follows "the", "a"
// or "an" and adjectives or names only, one at least.
func (t *Tagger) adjectivesAfterArticle(sc *scratch, s *ud.Sentence, i int) bool {
	k := i - 1
	for k >= 0 {
		x := t.tags[sc.class[k]].xpos
		if x != "JJ" && x != "NNP" {
			break
		}
		k--
	}
	if k < 0 || k == i-1 || t.tags[sc.class[k]].xpos != "DT" {
		return false
	}
	switch strings.ToLower(s.Tokens[k].Form) {
	case "the", "a", "an":
		return true
	}
	return false
}

// modifierWord reports whether word k is a noun, name or adjective: the
// first part of a hyphenated adjective, or the word after an attributive
// participle.
func (t *Tagger) modifierWord(sc *scratch, k int) bool {
	switch t.tags[sc.class[k]].xpos {
	case "NN", "NNS", "NNP", "NNPS", "JJ":
		return true
	}
	return false
}
