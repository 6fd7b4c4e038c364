package postag

import (
	"slices"
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
//   - A participle right after a plural noun that only names, adjectives
//     and a determiner come before, with no verb after it, is the past
//     tense ("Uzbek troops crossed into …": else the finite-verb check
//     made "troops" the verb).
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
		if x := t.tags[sc.class[1]].xpos; x == "VBG" || x == "VBN" || t.isFinite[sc.class[1]] || t.prepPhraseThenFinite(sc, s, 1, n) {
			t.settle(sc, 0, t.nounNNS, n)
		}
	}
	if tg := &t.tags[sc.class[0]]; tg.xpos == "VBG" && letterStart(s.Tokens[0].Form) && !t.commaFrom(s, 1, n) && t.prepPhraseThenFinite(sc, s, 1, n) {
		// A gerund opening the sentence whose prepositional phrase runs
		// up to the finite verb is that verb's subject, a noun as the
		// treebank tags it ("Fighting between Armenian and Azerbaijani
		// forces erupted", "Shelling from Russian positions killed"):
		// the parser made it the root or an adverbial clause. With a
		// comma in the sentence it may be one ("Speaking to reporters,
		// the minister said"), so then it is left.
		t.settle(sc, 0, t.nounNN, n)
	}
	if k := t.pastBeforeSubject(sc, s, n); k > 0 {
		// "Renewed fighting in Sudan forced thousands to flee": a past
		// opening the sentence has no subject; before a noun phrase that
		// runs up to a past it is that phrase's participle, and the
		// past at the phrase's end the verb.
		t.settle(sc, 0, t.verbVBN, n)
		if t.tags[sc.class[0]].xpos == "VBN" {
			switch t.tags[sc.class[1]].xpos {
			case "VBG":
				t.settle(sc, 1, t.nounNN, n)
			case "VBZ":
				t.settle(sc, 1, t.nounNNS, n)
			}
			if !t.isFinite[sc.class[k]] {
				t.settle(sc, k, t.finite[0], n)
			}
		}
	}
	if t.gerundBeforePast(sc, s, n) {
		// "Fighting erupted again near the border", "Looting spread
		// across the capital": a bare gerund right before a past is
		// that past's subject, a noun, and the past the verb (the
		// tagger made "Fighting" an auxiliary or the root, "erupted" a
		// participle, "spread" a noun).
		t.settle(sc, 0, t.nounNN, n)
		if t.tags[sc.class[1]].xpos != "VBD" {
			t.settle(sc, 1, t.finite[0], n)
		}
	}
	for i := 1; i+1 < n; i++ {
		x := t.tags[sc.class[i]].xpos
		switch {
		case x == "VBN" && i >= 2 && t.tags[sc.class[i-1]].xpos == "NNS" && t.subjectModifiersBefore(sc, i-1) && t.finite[0] >= 0 && (!t.verbBeforeRelative(sc, i+1, n) || t.coordinatedFinite(sc, s, i, n) || t.objectThenClause(sc, s, i, n)):
			// "Uzbek troops crossed into …", "Indian fighter jets
			// struck …": the participle right after the subject's
			// phrase, with no verb after it but a second past joined by
			// "and" ("Indian and Pakistani troops exchanged fire and
			// traded accusations"), is the past tense (else
			// the finite-verb check makes the noun one, "jets" a
			// present verb with "struck" on its object)
			t.settle(sc, i, t.finite[0], n) // VBD
		case x == "VBZ" && i >= 1 && t.tags[sc.class[i]].upos == ud.VERB && t.onlyModifiersBefore(sc, i) && t.invariantPastBefore(sc, i+1, n):
			// "Gulf states cut diplomatic ties": the plural noun of the
			// subject's phrase taken for a present verb, and the past
			// tense spelled as its base form ("cut", "put", "set",
			// "hit", "shut") for a participle on "ties". The word
			// before a past that is its own base form and an object is
			// the noun; the past is then made finite by the case above.
			t.settle(sc, i, t.nounNNS, n)
		case (x == "VBP" || x == "VB") && t.tags[sc.class[i-1]].xpos == "POS":
			// "the United Arab Emirates' offer": the word after a
			// possessive is the possessed noun, no verb
			t.settle(sc, i, t.nounNN, n)
		case (x == "VBP" || x == "VB") && t.afterSingularArticle(sc, s, i, x == "VB"):
			t.settle(sc, i, t.nounNN, n)
		case (x == "VB" || x == "VBD" || x == "VBP") && i >= 2 && s.Tokens[i-1].Form == "-" &&
			t.tags[sc.class[i-1]].xpos == "HYPH" && t.modifierWord(sc, i-2) && t.modifierWord(sc, i+1):
			t.settle(sc, i, t.verbVBN, n)
		case x == "JJ" && t.isFinite[sc.class[i+1]] && t.tags[sc.class[i+1]].upos != ud.AUX && t.adjectivesAfterArticle(sc, s, i):
			t.settle(sc, i, t.nounNN, n)
		case x == "JJ" && t.isFinite[sc.class[i+1]] && t.tags[sc.class[i+1]].upos != ud.AUX && t.afterArticle(sc, s, i) && t.seenAs(sc, i, t.nounNN):
			// "The general took control": right after the article, when
			// the treebank has the word as a noun, however far the
			// adjective won by ("the poor", never a noun there, stays).
			sc.class[i] = t.nounNN
			sc.info[pad+i].dict = t.nounNN
			t.tagFrom(sc, i+1, n)
		case x == "VB" && i >= 2 && objectOfPreposition(s.Tokens[i-1].Form) && t.nounWord(sc, i-2):
			if t.settleNoun(sc, i, n) && t.adpIN >= 0 && t.tags[sc.class[i-1]].upos != ud.ADP {
				sc.class[i-1] = t.adpIN
			}
		case x == "JJ" && strings.HasSuffix(s.Tokens[i].Form, "ed") && t.reducedAfterSubject(sc, s, i, n):
			t.settle(sc, i, t.verbVBN, n)
		}
	}
	t.institutionNames(sc, s, n)
}

// prepPhraseThenFinite reports whether word j is a preposition (not
// "like": "Looks like …") whose phrase of names, nouns, adjectives,
// numbers and determiners, with conjunctions and commas, runs up to a
// finite verb: "Clashes between Indian and Chinese soldiers left …",
// where the first word is that verb's subject, no present verb.
func (t *Tagger) prepPhraseThenFinite(sc *scratch, s *ud.Sentence, j, n int) bool {
	if j+2 >= n || t.tags[sc.class[j]].xpos != "IN" || strings.EqualFold(s.Tokens[j].Form, "like") {
		return false
	}
	nouns := 0
	for k := j + 1; k < n; k++ {
		switch t.tags[sc.class[k]].xpos {
		case "NN", "NNS", "NNP", "NNPS":
			nouns++
		case "DT", "JJ", "CD", "CC", ",", "HYPH", "PRP$", "POS":
		default:
			if nouns == 0 || t.tags[sc.class[k-1]].upos == ud.ADJ {
				return false
			}
			// A past the tagger took for the last noun's participle,
			// with no verb after it, is the verb as well: "Clashes
			// between Sudanese troops and the RSF erupted in …" ("erupted"
			// a participle on "RSF", "Clashes" a present verb).
			return t.isFinite[sc.class[k]] ||
				t.tags[sc.class[k]].xpos == "VBN" && t.mayBe(sc, k, t.finite[0]) && !t.verbFrom(sc, k+1, n)
		}
	}
	return false
}

// invariantPastBefore reports whether word j is tagged a participle,
// is a verb whose past tense and base form are spelled alike ("cut",
// "put", "set", "hit", "shut": the treebank has the form as both), and
// starts an object:
// a determiner, possessive, number, adjective, noun or particle ("set
// up", "cut off") follows it, and
// no verb comes after that in the sentence. "remains alarmed" (no base
// form "alarmed") and "states set to rise" are left alone.
func (t *Tagger) invariantPastBefore(sc *scratch, j, n int) bool {
	if j+1 >= n || t.tags[sc.class[j]].xpos != "VBN" {
		return false
	}
	if t.verbVB < 0 || !t.seenAs(sc, j, t.finite[0]) || !t.seenAs(sc, j, t.verbVB) {
		return false
	}
	switch t.tags[sc.class[j+1]].xpos {
	case "DT", "PRP$", "CD", "JJ", "NN", "NNS", "RP":
	default:
		return false
	}
	return !t.verbFrom(sc, j+2, n)
}

// verbBeforeRelative reports whether a word from..n-1 before the first
// relative pronoun is tagged as a verb or an auxiliary: the relative
// clause has a verb of its own ("Polish armed forces detained two
// soldiers who crossed the border").
func (t *Tagger) verbBeforeRelative(sc *scratch, from, n int) bool {
	for k := from; k < n; k++ {
		tg := &t.tags[sc.class[k]]
		if tg.xpos == "WDT" || tg.xpos == "WP" {
			return false
		}
		if tg.upos == ud.VERB || tg.upos == ud.AUX {
			return true
		}
	}
	return false
}

// objectThenClause reports whether the participle at i starts an object
// (a determiner, number, adjective, noun or participle-like modifier
// follows it) and the first verb after it stands in a clause of its own,
// opened by a subordinating word after that object: "South Korean troops
// fired warning shots after North Korean soldiers crossed the border".
// A participle of a reduced relative rarely takes an object of its own,
// so with one the verb after the subordinator is no main verb that the
// participle modifies the subject of.
func (t *Tagger) objectThenClause(sc *scratch, s *ud.Sentence, i, n int) bool {
	if i+2 >= n {
		return false
	}
	switch t.tags[sc.class[i+1]].xpos {
	case "DT", "CD", "JJ", "NN", "NNS", "VBG", "PRP$":
	default:
		return false
	}
	for k := i + 2; k < n; k++ {
		tg := &t.tags[sc.class[k]]
		if tg.upos == ud.VERB || tg.upos == ud.AUX {
			return false
		}
		if subordinator(s.Tokens[k].Form) {
			return true
		}
		if tg.upos == ud.PUNCT {
			return false
		}
	}
	return false
}

// subordinator reports whether w opens an adverbial clause.
func subordinator(w string) bool {
	switch strings.ToLower(w) {
	case "after", "before", "when", "while", "because", "as", "since", "until", "once", "if", "although", "though":
		return true
	}
	return false
}

// verbFrom reports whether a word from..n-1 is tagged as a verb or an
// auxiliary.
func (t *Tagger) verbFrom(sc *scratch, from, n int) bool {
	for k := from; k < n; k++ {
		if u := t.tags[sc.class[k]].upos; u == ud.VERB || u == ud.AUX {
			return true
		}
	}
	return false
}

// subjectModifiersBefore reports whether the words before the plural
// noun at i can all modify it in a subject's phrase: onlyModifiersBefore's
// names and adjectives, and common nouns ("fighter jets", "border
// guards", "government troops"), a participle after a hyphen
// ("Saudi-led coalition jets"), the hyphen, and a number first ("two
// navy ships"). A noun
// before the plural noun is what made the plural a present verb to the
// finite-verb check ("jets" after "fighter"), so it must count here.
func (t *Tagger) subjectModifiersBefore(sc *scratch, i int) bool {
	mods := 0
	for k := 0; k < i; k++ {
		switch t.tags[sc.class[k]].xpos {
		case "NNP", "NNPS", "JJ", "NN":
			mods++
		case "VBN":
			// only in a hyphenated adjective: a participle alone
			// before the plural noun is as often the verb ("The
			// court released activists detained during …")
			if k == 0 || t.tags[sc.class[k-1]].xpos != "HYPH" {
				return false
			}
			mods++
		case "HYPH":
			if k == 0 || k+1 >= i {
				return false
			}
		case "CC":
			// "Indian and Pakistani troops": modifiers joined, the
			// conjunction between two of them
			if k == 0 || k+1 >= i || t.tags[sc.class[k+1]].xpos == "CC" {
				return false
			}
		case "DT", "CD":
			if k > 0 {
				return false
			}
		default:
			return false
		}
	}
	return mods > 0
}

// onlyModifiersBefore reports whether the words before i are proper
// nouns and adjectives, one of them at least, after a determiner perhaps.
func (t *Tagger) onlyModifiersBefore(sc *scratch, i int) bool {
	mods := 0
	for k := 0; k < i; k++ {
		switch t.tags[sc.class[k]].xpos {
		case "NNP", "NNPS", "JJ":
			mods++
		case "DT":
			if k > 0 {
				return false
			}
		default:
			return false
		}
	}
	return mods > 0
}

// afterArticle reports whether word i follows "the", "a" or "an".
func (t *Tagger) afterArticle(sc *scratch, s *ud.Sentence, i int) bool {
	if i == 0 || t.tags[sc.class[i-1]].xpos != "DT" {
		return false
	}
	switch strings.ToLower(s.Tokens[i-1].Form) {
	case "the", "a", "an":
		return true
	}
	return false
}

// seenAs reports whether the treebank has word i with class c and no
// dictionary class fixes it.
func (t *Tagger) seenAs(sc *scratch, i, c int) bool {
	in := &sc.info[pad+i]
	if in.dict >= 0 || in.word < 0 {
		return false
	}
	_, ok := t.lex.get(lexKey(in.word, c))
	return ok
}

// pastBeforeSubject reports whether the sentence opens with a word tagged
// as a past tense that the lexicon allows as a participle, then a noun
// phrase (nouns, adjectives, names, numbers, determiners, possessives and
// prepositions, no comma, conjunction or verb) with a noun in it, up to a
// finite verb: "Continued attacks on shipping prompted insurers …". Web
// text drops a subject before a past ("Loved the food and went back"),
// but then no second verb ends a plain noun phrase.
func (t *Tagger) pastBeforeSubject(sc *scratch, s *ud.Sentence, n int) int {
	if n < 4 || t.finite[0] < 0 || t.tags[sc.class[0]].xpos != "VBD" || !letterStart(s.Tokens[0].Form) || !t.mayBe(sc, 0, t.verbVBN) {
		return -1
	}
	nouns := 0
	for k := 1; k < n; k++ {
		tg := &t.tags[sc.class[k]]
		switch tg.xpos {
		case "NN", "NNS", "NNP", "NNPS":
			nouns++
		case "VBG", "VBZ":
			// "Renewed fighting", "Continued attacks": the noun right
			// after the past, tagged as a verb with it
			switch {
			case k == 1 && (t.mayBe(sc, k, t.nounNN) || t.mayBe(sc, k, t.nounNNS)):
				nouns++
			case tg.xpos == "VBG" && t.tags[sc.class[k-1]].xpos == "IN":
				// "attacks on shipping": a gerund as a preposition's object
			default:
				return -1
			}
		case "JJ", "DT", "CD", "PRP$", "POS", "IN", "HYPH":
			if k == 1 && tg.xpos != "JJ" {
				return -1
			}
		default:
			// the phrase's verb: finite, or a past the tagger took for a
			// participle as the sentence had its past already
			verb := t.isFinite[sc.class[k]] || tg.xpos == "VBN" && t.mayBe(sc, k, t.finite[0])
			if nouns == 0 || k < 2 || tg.upos != ud.VERB || !verb {
				return -1
			}
			return k
		}
	}
	return -1
}

// gerundBeforePast reports whether the sentence opens with a gerund
// (not "having", "being", "getting", which take a participle as part of
// their own phrase) right before a word tagged as a past, a participle or
// a noun that the lexicon allows as a past tense, with no verb after that
// word before the first comma, and that comma, if any, followed by a
// gerund ("Fighting erupted, killing two"): "Feeling betrayed by the
// party, voters turned …" keeps its participle clause.
func (t *Tagger) gerundBeforePast(sc *scratch, s *ud.Sentence, n int) bool {
	if n < 3 || t.finite[0] < 0 || t.tags[sc.class[0]].xpos != "VBG" || !letterStart(s.Tokens[0].Form) {
		return false
	}
	switch strings.ToLower(s.Tokens[0].Form) {
	case "having", "being", "getting", "becoming":
		return false
	}
	switch t.tags[sc.class[1]].xpos {
	case "VBD", "VBN":
	case "NN":
		if !t.mayBe(sc, 1, t.finite[0]) {
			return false
		}
	default:
		return false
	}
	for k := 2; k < n; k++ {
		if s.Tokens[k].Form == "," {
			return k+1 < n && t.tags[sc.class[k+1]].xpos == "VBG"
		}
		if tg := &t.tags[sc.class[k]]; tg.upos == ud.VERB || tg.upos == ud.AUX {
			return false
		}
	}
	return true
}

// commaFrom reports whether a comma stands among words from..n-1.
func (t *Tagger) commaFrom(s *ud.Sentence, from, n int) bool {
	for k := from; k < n; k++ {
		if s.Tokens[k].Form == "," {
			return true
		}
	}
	return false
}

// mayBe reports whether the lexicon or the treebank allows word i class c.
func (t *Tagger) mayBe(sc *scratch, i, c int) bool {
	return sc.info[pad+i].lexTags&t.tagBits[c] != 0 || t.seenAs(sc, i, c)
}

// settleNoun settles word i as a noun, NN, and reports whether it did.
func (t *Tagger) settleNoun(sc *scratch, i, n int) bool {
	c := sc.class[i]
	t.settle(sc, i, t.nounNN, n)
	return sc.class[i] != c
}

// objectOfPreposition reports whether w is a preposition after which a
// base form of a verb is a noun when a noun comes before it: "a strike
// over pay", "talks about trade", "a call for help". A base verb follows
// none of them in news; the greedy tagger took "over" for an adverb and
// "pay" for a verb.
func objectOfPreposition(w string) bool {
	switch strings.ToLower(w) {
	case "over", "about", "for", "against", "on", "of", "into":
		return true
	}
	return false
}

// nounWord reports whether word k is a common noun.
func (t *Tagger) nounWord(sc *scratch, k int) bool {
	switch t.tags[sc.class[k]].xpos {
	case "NN", "NNS":
		return true
	}
	return false
}

// reducedAfterSubject reports whether adjective i, ending in "-ed", is a
// participle of a reduced relative clause: it follows the plural noun that
// opens the sentence (after a determiner or adjectives at most), a
// preposition follows it, and a finite verb comes later ("Officials
// involved in the talks said …", "Troops stationed near the border
// fired …"). A plural subject's predicate adjective needs a copula, which
// none stands before it.
func (t *Tagger) reducedAfterSubject(sc *scratch, s *ud.Sentence, i, n int) bool {
	if i+2 >= n || t.tags[sc.class[i-1]].xpos != "NNS" || t.tags[sc.class[i+1]].upos != ud.ADP {
		return false
	}
	for k := range i - 1 {
		switch t.tags[sc.class[k]].xpos {
		case "DT", "JJ", "NNP", "NN", "CD":
		default:
			return false
		}
	}
	return t.hasFinite(sc, i+2, n)
}

// institutions are the heads of the names of bodies that follow a
// capitalized adjective or noun: "the European Union", "the African
// Union", "the European Central Bank", "the European Commission".
var institutions = []string{"Union", "Commission", "Parliament", "Council", "Court", "Bank", "Assembly", "Agency", "Community"}

// institutionNames tags as names (NNP; an adjective keeps its ADJ, as
// EWT has "Supreme Court" and "African Union") the capitalized words of a body's
// name ending in one of institutions: the tagger read "European Union" as
// an adjective and a noun in some sentences and as two names in others,
// and the parser then parsed it as a name only in the second case. Not in
// a headline in title case, where capitals mark no name. The words after
// are not tagged again: that would undo the second pass's readings (on
// EWT test it cost two words, "John Roberts" as NNPS among them).
func (t *Tagger) institutionNames(sc *scratch, s *ud.Sentence, n int) {
	if t.propNNP < 0 || titleCase(s) {
		return
	}
	for i := 1; i < n; i++ {
		if !slices.Contains(institutions, s.Tokens[i].Form) {
			continue
		}
		k := i - 1
		for k >= 0 && capitalized(s.Tokens[k].Form) {
			switch t.tags[sc.class[k]].xpos {
			case "JJ", "NN", "NNP":
				k--
				continue
			}
			break
		}
		if k == i-1 {
			continue
		}
		for j := k + 1; j <= i; j++ {
			c := t.propNNP
			if tg := t.tags[sc.class[j]]; tg.upos == ud.ADJ && t.adjNNP >= 0 {
				c = t.adjNNP // "Supreme Court", "African Union": ADJ, as EWT tags them
			} else if tg.xpos == "NNP" {
				continue
			}
			sc.class[j] = c
			sc.info[pad+j].dict = c
		}
	}
}

// capitalized reports whether w starts with a capital letter and goes on
// in small letters.
func capitalized(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return strings.ToLower(w[1:]) == w[1:]
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
