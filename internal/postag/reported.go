package postag

import (
	"strings"

	"farabi/internal/ud"
)

// reportingVerbs are the finite forms of verbs of saying and thinking,
// which take a clause with or without "that" ("Officials said Indian
// troops fired …"): a finite verb may follow them in the same clause.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "added": true, "adds": true, "claimed": true, "claims": true,
	"stated": true, "reported": true, "reports": true, "report": true, "noted": true, "notes": true, "insisted": true, "insists": true,
	"warned": true, "warns": true, "argued": true, "argues": true, "alleged": true, "alleges": true,
	"announced": true, "confirmed": true, "acknowledged": true, "admitted": true, "stressed": true,
	"explained": true, "suggested": true, "believed": true, "believe": true, "believes": true,
	"think": true, "thinks": true, "thought": true, "knew": true, "know": true, "knows": true,
	"feared": true, "fear": true, "fears": true, "hoped": true, "hope": true, "hopes": true,
	"estimated": true, "estimates": true,
}

// reportedClauses applies what the clause a verb of saying takes
// without "that" holds: a subject that opens it and a finite verb. A
// participle directly after that subject, with no later verb of its own
// clause (mayBeFinite), is the verb ("Officials said Indian troops fired
// mortar shells", not a participle before "mortar shells"), if it lost by
// less than maxParticipleMargin. And a past verb after a noun and before a
// preposition (pastAfterNoun) that another finite verb follows in its
// clause is the participle of a reduced relative clause ("A Tajik man
// suspected of smuggling was detained"), unless it is a verb of saying
// ("The minister said on Monday troops had fired").
func (t *Tagger) reportedClauses(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.finite[0] < 0 || t.verbVBN < 0 {
		return
	}
	for r := 0; r+2 < n; r++ {
		if !t.isFinite[sc.class[r]] || !reportingVerbs[strings.ToLower(s.Tokens[r].Form)] {
			continue
		}
		v := t.verbAfterSubject(sc, s, r+1, n)
		if v < 0 {
			continue
		}
		if tg := &t.tags[sc.class[v]]; tg.upos != ud.VERB || tg.xpos != "VBN" || !t.mayBeFinite(sc, s, v, n) {
			continue
		}
		if t.swap(sc, v, t.finite[0]) {
			t.tagFrom(sc, v+1, n)
		}
	}
	for i := 1; i+2 < n; i++ {
		if reportingVerbs[strings.ToLower(s.Tokens[i].Form)] {
			continue
		}
		to := -1
		switch xp := t.tags[sc.class[i]].xpos; {
		case xp == "VBD" && t.beforeNounPhrasePrep(sc, s, i):
			to = t.verbVBN
		case (xp == "VBZ" || xp == "VBP") && t.tags[sc.class[i]].upos == ud.VERB && (t.tags[sc.class[i-1]].xpos == "NN" || t.tags[sc.class[i-1]].xpos == "NNP"):
			// "Kazakh wheat exports to China doubled": a plural noun
			// after its modifier, read as a verb.
			to = t.nounNNS
		}
		if to < 0 || !t.finiteLater(sc, s, i+1, n) {
			continue
		}
		if t.swap(sc, i, to) {
			t.tagFrom(sc, i+1, i+2)
		}
	}
}

// finiteLater reports whether a finite verb or modal comes in from..n-1
// before the clause ends (clauseMark, a relative word, or a determiner or
// pronoun after a noun; "of" is no mark even when tagged as a
// conjunction).
func (t *Tagger) finiteLater(sc *scratch, s *ud.Sentence, from, n int) bool {
	for k := from; k < n; k++ {
		if tg := &t.tags[sc.class[k]]; s.Tokens[k].Form != "of" && (t.clauseMark(sc, s, k) || tg.xpos == "WDT" || tg.xpos == "WP" || tg.xpos == "WRB") {
			return false
		}
		if t.isFinite[sc.class[k]] {
			return true
		}
		if k > from {
			// A noun phrase directly after a noun opens a clause
			// without "that" ("by the time the organ is played").
			switch t.tags[sc.class[k]].xpos {
			case "DT", "PRP":
				if t.tags[sc.class[k-1]].upos == ud.NOUN || t.tags[sc.class[k-1]].upos == ud.PROPN {
					return false
				}
			}
		}
	}
	return false
}

// beforeNounPhrasePrep reports whether verb i follows a noun and comes
// before a preposition that opens no clause: "of" (which the tagger
// sometimes takes for a conjunction after a verb) or one tagged ADP
// other than clausePrep's ("after the talks collapsed").
func (t *Tagger) beforeNounPhrasePrep(sc *scratch, s *ud.Sentence, i int) bool {
	if t.tags[sc.class[i]].upos != ud.VERB {
		return false
	}
	switch t.tags[sc.class[i-1]].xpos {
	case "NN", "NNS", "NNP", "NNPS":
	default:
		return false
	}
	w := strings.ToLower(s.Tokens[i+1].Form)
	tg := &t.tags[sc.class[i+1]]
	return w == "of" || tg.xpos == "IN" && tg.upos == ud.ADP && !clausePrep(w)
}

// verbAfterSubject returns the first verb or auxiliary of from..n-1 when
// it directly follows a noun phrase that opens the span from (as
// opensClause); -1 when there is none or a clause mark comes first.
func (t *Tagger) verbAfterSubject(sc *scratch, s *ud.Sentence, from, n int) int {
	for i := from + 1; i < n; i++ {
		if t.clauseMark(sc, s, i) {
			return -1
		}
		switch t.tags[sc.class[i]].upos {
		case ud.VERB, ud.AUX:
		default:
			continue
		}
		subj := t.subjectBefore(sc, from, i)
		if subj != i-1 || !t.opensClause(sc, s, from, subj) {
			return -1
		}
		return i
	}
	return -1
}

// nounAfterArticle: after "a" or "an", a noun phrase ends in a noun, not
// an adjective ("a Russian national accused of spying", where the tagger
// read "national" as an adjective before "accused"). An adjective after
// the article and after adjectives or proper nouns only, followed by a
// participle that no noun phrase follows, becomes a singular noun when the
// lexicon or the treebank allows it and it lost by less than
// maxParticipleMargin; the words after it are tagged again.
func (t *Tagger) nounAfterArticle(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.nounNN < 0 {
		return
	}
	for a := 0; a+2 < n; a++ {
		if f := strings.ToLower(s.Tokens[a].Form); f != "a" && f != "an" || t.tags[sc.class[a]].xpos != "DT" {
			continue
		}
		i := a + 1
		for i+1 < n && (t.tags[sc.class[i+1]].xpos == "JJ" || t.tags[sc.class[i+1]].xpos == "NNP") &&
			(t.tags[sc.class[i]].xpos == "JJ" || t.tags[sc.class[i]].xpos == "NNP") {
			i++
		}
		if i+1 >= n || t.tags[sc.class[i]].xpos != "JJ" {
			continue
		}
		if next := &t.tags[sc.class[i+1]]; next.upos != ud.VERB || next.xpos != "VBN" && next.xpos != "VBG" {
			continue
		}
		if i+2 < n && t.nominal(sc, i+2) {
			continue // the participle is a modifier: "a newly built road"
		}
		if t.swap(sc, i, t.nounNN) {
			t.tagFrom(sc, i+1, n)
		}
	}
}

// coordinatedPast: a participle right after "and" or "or" whose nearest
// verb before is a finite past verb, and which has an object after it, is
// that verb's second conjunct, finite too ("The Secretary congratulated
// the ministers …, and celebrated the recognition …"), if it lost by
// less than maxParticipleMargin. After an auxiliary ("was arrested and
// charged with …") the nearest verb is the participle, and nothing
// changes.
func (t *Tagger) coordinatedPast(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.finite[0] < 0 {
		return
	}
	for i := 1; i+1 < n; i++ {
		if t.tags[sc.class[i-1]].upos != ud.CCONJ || sc.class[i] != t.verbVBN || !t.nominal(sc, i+1) {
			continue
		}
		for k := i - 2; k >= 0; k-- {
			tg := &t.tags[sc.class[k]]
			if tg.upos != ud.VERB && tg.upos != ud.AUX {
				continue
			}
			if tg.upos == ud.VERB && tg.xpos == "VBD" && t.swap(sc, i, t.finite[0]) {
				t.tagFrom(sc, i+1, i+2)
			}
			break
		}
	}
}

// reportedBeforeTail gives a finite verb to the clause before a closing
// report ("Uzbekistan's cotton harvest rose by ten percent, the ministry
// said."; "…, said the ministry."): what the speaker said is a clause of
// its own, with a subject that opens it, and the finite verb of the tail
// is none of its. The tail is a comma, then a verb of saying with a noun
// phrase or pronoun before or after it, and nothing but those before the
// final punctuation. The clause gets its verb as a unit of clauseUnits
// does.
func (t *Tagger) reportedBeforeTail(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	end := n
	for end > 0 && t.tags[sc.class[end-1]].upos == ud.PUNCT {
		end--
	}
	c := end - 1
	for c > 0 && s.Tokens[c].Form != "," {
		c--
	}
	if c < 4 || end-c-1 < 2 || end-c-1 > 8 || t.hasFinite(sc, 0, c) {
		return
	}
	verb := -1
	for k := c + 1; k < end; k++ {
		switch {
		case t.isFinite[sc.class[k]] && reportingVerbs[strings.ToLower(s.Tokens[k].Form)] && verb < 0:
			verb = k
		case t.nominal(sc, k), t.tags[sc.class[k]].xpos == "PRP":
		default:
			return
		}
	}
	if verb < 0 || verb == c+1 && verb+1 == end {
		return
	}
	t.makeFinite(sc, s, 0, c, maxSentenceMargin, openingSubject)
}
