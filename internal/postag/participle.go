package postag

import (
	"strings"
	"time"

	"farabi/internal/ud"
)

// maxParticipleMargin is how far behind a participle (or past tense)
// reading of a verb may be for participleSense to swap the two.
const maxParticipleMargin = 60000

// participleSense applies what a clause's order says of past forms, which
// the greedy tagger confuses: the first verb after a subject that opens
// the sentence, with an object after it and no finite verb before it, is
// the finite verb ("The agency collected comments …", not a participle),
// unless a modal or present verb follows (mayBeFinite); and then a past
// form after a noun and before a preposition is the participle of a
// reduced relative clause ("… comments from teachers involved in the
// project", not a second finite verb). Each change must be allowed by
// the lexicon or the treebank and have lost by less than
// maxParticipleMargin. Past forms after a noun elsewhere are left alone:
// there the tagger's choice is right more often than not on EWT dev and
// test, "by" ("letters written by farmers") is seldom wrong, and other
// prepositions do not tell ("officials said the meeting lasted for an
// hour").
func (t *Tagger) participleSense(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	first := t.firstVerb(sc, s, n)
	if first < 0 || t.finite[0] < 0 {
		return
	}
	if tg := &t.tags[sc.class[first]]; tg.upos != ud.VERB || tg.xpos != "VBN" || !t.mayBeFinite(sc, s, first, n) {
		return
	}
	vbn := sc.class[first]
	if !t.swap(sc, first, t.finite[0]) {
		return
	}
	t.tagFrom(sc, first+1, n)
	for i := first + 2; i < n-1; i++ {
		if t.tags[sc.class[i]].xpos == "VBD" && t.pastAfterNoun(sc, s, i) {
			t.swap(sc, i, vbn)
		}
	}
}

// firstVerb returns the first verb, auxiliary or modal of words 0..n-1
// when it follows a subject noun phrase that opens the sentence (or
// follows a comma) and an object starts after it; -1 otherwise.
func (t *Tagger) firstVerb(sc *scratch, s *ud.Sentence, n int) int {
	for i := 1; i < n-1; i++ {
		switch t.tags[sc.class[i]].upos {
		case ud.VERB, ud.AUX:
		default:
			continue
		}
		c := timeBefore(s, compoundStart(s, 0, i))
		subj := t.subjectBefore(sc, 0, c)
		if subj < 0 || subj != c-1 || !t.opensClause(sc, s, 0, subj) || t.tags[sc.class[subj]].upos == ud.PRON {
			return -1
		}
		switch t.tags[sc.class[i+1]].xpos {
		case "DT", "PRP$", "CD", "JJ", "NN", "NNS", "NNP", "NNPS":
			return i
		}
		if t.coordinatedFinite(sc, s, i+1, n) {
			return i
		}
		return -1
	}
	return -1
}

// mayBeFinite reports whether the finite verbs after word i are no
// verbs of the clause of i: each follows a comma or conjunction ("…,
// officials said"), or is a past verb after a noun and before a
// preposition (pastAfterNoun), which is a participle ("teachers involved
// in the project") or the verb of a clause that is the object of i
// ("reported the meeting lasted for an hour"): either way i is finite. A
// modal or present verb after i ("The money raised this year will fund
// …") makes i the participle.
func (t *Tagger) mayBeFinite(sc *scratch, s *ud.Sentence, i, n int) bool {
	for k := i + 1; k < n; k++ {
		switch t.tags[sc.class[k]].xpos {
		case "VBZ", "VBP", "MD":
			if !t.contactRelative(sc, k) {
				return false
			}
		case "VBD":
			if !t.clauseMark(sc, s, k-1) && !t.pastAfterNoun(sc, s, k) && !t.ownClause(sc, s, k) {
				return false
			}
		}
	}
	return true
}

// weekday reports whether w names a day of the week, which opens the time
// phrase news puts between a subject and its verb ("on Tuesday").
func weekday(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(w, d.String()) {
			return true
		}
	}
	return false
}

// timeBefore returns where a time phrase ending before word c starts ("on
// Tuesday" in "The EU on Tuesday imposed …", "yesterday"), or c when none
// does.
func timeBefore(s *ud.Sentence, c int) int {
	if c >= 3 && strings.EqualFold(s.Tokens[c-2].Form, "on") && weekday(s.Tokens[c-1].Form) {
		return c - 2
	}
	if c >= 2 {
		switch strings.ToLower(s.Tokens[c-1].Form) {
		case "yesterday", "today":
			return c - 1
		}
	}
	return c
}

// contactRelative reports whether verb k opens a relative clause without
// "that": a subject pronoun after a noun ("an airline it accuses of …",
// "the group they blame"), whose verb is no verb of the main clause.
func (t *Tagger) contactRelative(sc *scratch, k int) bool {
	if k < 2 || t.tags[sc.class[k-1]].xpos != "PRP" {
		return false
	}
	switch t.tags[sc.class[k-2]].upos {
	case ud.NOUN, ud.PROPN:
		return true
	}
	return false
}

// pastAfterNoun reports whether word k is a past verb after a noun and
// before a preposition, as the participle of a reduced relative clause is
// ("teachers involved in the project").
func (t *Tagger) pastAfterNoun(sc *scratch, s *ud.Sentence, k int) bool {
	if k+1 >= len(s.Tokens) || t.tags[sc.class[k]].upos != ud.VERB {
		return false
	}
	switch t.tags[sc.class[k-1]].xpos {
	case "NN", "NNS", "NNP", "NNPS":
	default:
		return false
	}
	return t.tags[sc.class[k+1]].xpos == "IN" && t.tags[sc.class[k+1]].upos == ud.ADP
}

// swap gives word i class c when the lexicon or the treebank allows it
// and it lost to the word's class by less than maxParticipleMargin.
func (t *Tagger) swap(sc *scratch, i, c int) bool {
	in := &sc.info[pad+i]
	if in.dict >= 0 {
		return false
	}
	ok := in.lexTags&t.tagBits[c] != 0
	if !ok && in.word >= 0 {
		_, ok = t.lex.get(lexKey(in.word, c))
	}
	if !ok {
		return false
	}
	p1, p2 := sc.prev(i)
	t.score(sc.features(i, p1, p2), sc.scores)
	if sc.scores[sc.class[i]]-sc.scores[c] >= maxParticipleMargin {
		return false
	}
	sc.class[i] = c
	return true
}

// coordinatedFinite reports whether a finite past verb directly after a
// conjunction comes in from..n-1 before a comma: the second verb of the
// subject's predicate ("Protesters gathered outside the embassy and
// chanted slogans"), which makes the first one finite too.
func (t *Tagger) coordinatedFinite(sc *scratch, s *ud.Sentence, from, n int) bool {
	for k := from + 1; k < n && s.Tokens[k-1].Form != ","; k++ {
		if t.tags[sc.class[k]].xpos == "VBD" && t.tags[sc.class[k]].upos == ud.VERB && t.tags[sc.class[k-1]].upos == ud.CCONJ {
			return true
		}
	}
	return false
}

// ownClause reports whether past verb k is the verb of a clause of its
// own: after a personal pronoun that follows a noun, which opens a
// relative clause without "that" ("targets it said belonged to …"),
// directly after a verb of saying, whose clause it is ("it said
// belonged"), or a verb of saying after its subject and a comma ("…, the
// military said").
func (t *Tagger) ownClause(sc *scratch, s *ud.Sentence, k int) bool {
	if k < 2 {
		return false
	}
	if t.isFinite[sc.class[k-1]] && reportingVerbs[strings.ToLower(s.Tokens[k-1].Form)] {
		return true
	}
	if reportingVerbs[strings.ToLower(s.Tokens[k].Form)] {
		// "…, the military said": a speaker after a comma.
		j := k - 1
		for j > 0 && t.nominal(sc, j) {
			j--
		}
		if j < k-1 && s.Tokens[j].Form == "," {
			return true
		}
	}
	return t.contactRelative(sc, k) // "targets it said belonged to …"
}

// seriesMiddle makes the middle past of a series of a subject's verbs
// finite: "The president met with his counterpart, reviewed trade ties
// and signed three memoranda" had "reviewed" a participle on "ties", as a
// participle often stands after a comma and before a noun. A participle
// right after a comma, with a finite past verb before the comma and a
// finite past joined by a conjunction after it before the next comma
// (coordinatedFinite), and an object starting after it, is the series'
// second verb.
func (t *Tagger) seriesMiddle(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.finite[0] < 0 {
		return
	}
	past := false
	for i := 1; i+1 < n; i++ {
		tg := &t.tags[sc.class[i]]
		if tg.xpos == "VBD" && tg.upos == ud.VERB {
			past = true
			continue
		}
		if past && (tg.xpos == "JJ" || tg.xpos == "VBN") && t.tags[sc.class[i-1]].xpos == "CC" && t.tags[sc.class[i+1]].xpos == "CD" && strings.HasSuffix(s.Tokens[i].Form, "ed") {
			// "… attacked a base and wounded three soldiers": an
			// adjective stands after a number, not before it, so a past
			// after "and" and before a number is the subject's second
			// verb ("wounded" an adjective of "soldiers" lost the act)
			t.swap(sc, i, t.finite[0])
			continue
		}
		if past && i >= 3 && (tg.xpos == "VBN" || tg.xpos == "JJ") && asWellAs(s, i) {
			switch t.tags[sc.class[i+1]].xpos {
			case "DT", "PRP$", "CD", "JJ", "NN", "NNS", "NNP", "NNPS", "IN", "RP":
				// "imposed sanctions as well as froze the assets": "as well
				// as" joins a second past to the first, as "and" does
				// (round 36); "froze" was an adjective, "signed" a
				// participle opening an adverbial clause
				t.swap(sc, i, t.finite[0])
			}
			continue
		}
		if !past || tg.xpos != "VBN" || tg.upos != ud.VERB || s.Tokens[i-1].Form != "," {
			continue
		}
		switch t.tags[sc.class[i+1]].xpos {
		case "DT", "PRP$", "CD", "JJ", "NN", "NNS", "NNP", "NNPS":
		default:
			continue
		}
		if t.coordinatedFinite(sc, s, i+1, n) {
			t.swap(sc, i, t.finite[0])
		}
	}
}

// asWellAs reports whether "as well as" stands right before word i.
func asWellAs(s *ud.Sentence, i int) bool {
	return strings.EqualFold(s.Tokens[i-3].Form, "as") && strings.EqualFold(s.Tokens[i-2].Form, "well") && strings.EqualFold(s.Tokens[i-1].Form, "as")
}

// appositionParticiple makes a past inside an apposition a participle:
// "The defence minister, a former general appointed last year, visited
// Cambodia": the apposition ("a former general …") opens with a
// determiner right after a noun and a comma, holds only a noun phrase
// before the -ed word and no verb after it up to its closing comma, and
// the subject's own finite verb follows that comma. A bare time after
// the word ("last year") had made it read as the general's past (round 36).
func (t *Tagger) appositionParticiple(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.verbVBN < 0 || n < 8 {
		return
	}
	for i := 3; i+2 < n; i++ {
		tg := &t.tags[sc.class[i]]
		if tg.xpos != "VBD" || tg.upos != ud.VERB || !strings.HasSuffix(s.Tokens[i].Form, "ed") || reportingVerbs[strings.ToLower(s.Tokens[i].Form)] {
			// ", the ministry reported on Monday, …" is a report's tail
			continue
		}
		if x := t.tags[sc.class[i-1]].xpos; x != "NN" && x != "NNS" {
			continue
		}
		// back to the comma that opens the apposition
		c := i - 1
		for c > 0 && s.Tokens[c].Form != "," {
			switch t.tags[sc.class[c]].xpos {
			case "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "VBN":
			default:
				c = -1
			}
			if c < 0 {
				break
			}
			c--
		}
		if c < 1 || t.tags[sc.class[c+1]].xpos != "DT" {
			continue
		}
		switch t.tags[sc.class[c-1]].xpos {
		case "NN", "NNS", "NNP", "NNPS":
		default:
			continue
		}
		// on to the comma that closes it, with no verb or conjunction
		e := i + 1
		for e < n && s.Tokens[e].Form != "," && !t.isFinite[sc.class[e]] && t.tags[sc.class[e]].upos != ud.CCONJ && t.tags[sc.class[e]].upos != ud.VERB {
			e++
		}
		if e+1 >= n || s.Tokens[e].Form != "," {
			continue
		}
		v := e + 1
		if t.tags[sc.class[v]].xpos == "RB" && v+1 < n {
			v++
		}
		if !t.isFinite[sc.class[v]] {
			continue
		}
		t.swap(sc, i, t.verbVBN)
	}
}
