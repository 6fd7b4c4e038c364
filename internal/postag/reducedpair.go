package postag

import (
	"strings"

	"farabi/internal/ud"
)

// A reduced relative clause read as the predicate. "Troops deployed to
// the region fired warning shots", "Soldiers stationed near the border
// opened fire": the tagger takes the first past form after the subject
// for the finite verb and the second, after the phrase's noun, for a
// participle. A participle with no auxiliary cannot take an object, so
// the second verb, followed by its object, is the finite one, and the
// first, followed by a preposition and no object, the participle of a
// reduced relative clause on the subject.

// reducedBeforePredicate swaps the two readings in such a sentence, when
// both changes are allowed by the lexicon or the treebank and lost by
// less than maxParticipleMargin (swap); the words after each are tagged
// again.
func (t *Tagger) reducedBeforePredicate(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.verbVBN < 0 || t.finite[0] < 0 || n < 7 {
		return
	}
	first := -1
	for i := 1; i+1 < n; i++ {
		if t.nominal(sc, i) {
			continue
		}
		if tg := &t.tags[sc.class[i]]; tg.upos == ud.VERB && tg.xpos == "VBD" {
			first = i
		}
		break
	}
	if first < 0 || !t.opensClause(sc, s, 0, first-1) {
		return
	}
	if x := &t.tags[sc.class[first-1]]; x.upos != ud.NOUN && x.upos != ud.PROPN {
		return
	}
	if p := &t.tags[sc.class[first+1]]; p.xpos != "IN" || clausePrep(s.Tokens[first+1].Form) || s.Tokens[first+1].Form == "by" {
		return // "by" opens an agent: "Refugees displaced by …"
	}
	// The second verb: the first verb after the preposition's noun
	// phrase, with no clause mark, verb or finite word before it.
	second := -1
	for k := first + 2; k+1 < n; k++ {
		if t.nominal(sc, k) || s.Tokens[k].Form == "of" {
			continue
		}
		if tg := &t.tags[sc.class[k]]; tg.upos == ud.VERB && tg.xpos == "VBN" && t.nominal(sc, k-1) && k > first+2 {
			second = k
		}
		break
	}
	if second < 0 || !t.objectStart(sc, second+1) {
		return
	}
	vbn := sc.class[second]
	if !t.swap(sc, second, t.finite[0]) {
		return
	}
	if !t.swap(sc, first, vbn) {
		sc.class[second] = vbn
		return
	}
	t.tagFrom(sc, second+1, n)
}

// objectStart reports whether word k may open an object noun phrase.
func (t *Tagger) objectStart(sc *scratch, k int) bool {
	switch t.tags[sc.class[k]].xpos {
	case "DT", "PRP$", "CD", "JJ", "NN", "NNS", "NNP", "NNPS", "VBG":
		return true
	}
	return false
}

// The predicate after a parenthetical. "The minister, speaking on state
// television, blamed foreign agents", "The strike, which began on Monday,
// halted production": between commas after the subject stands a
// participle or relative clause, and the past form after the second comma
// is the main clause's verb, finite, when an object follows it or no
// other verb stands outside the parenthetical ("The ceasefire, brokered
// by Qatar, collapsed within hours"); the tagger, reading it after a
// comma, took it for a participle.

// A past form right after the subject's comma ("The truce, agreed last
// month, collapsed") is then the parenthetical's participle.

// afterParenthetical makes such a participle a past verb when swap allows
// it, and tags the words after it again.
func (t *Tagger) afterParenthetical(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.finite[0] < 0 || n < 8 {
		return
	}
	j := 0
	for j < n && t.nominal(sc, j) {
		j++
	}
	if j == 0 || j+2 >= n || s.Tokens[j].Form != "," {
		return
	}
	if x := &t.tags[sc.class[j-1]]; x.upos != ud.NOUN && x.upos != ud.PROPN {
		return
	}
	pastFirst := false // "The truce, agreed last month, collapsed"
	switch tg := &t.tags[sc.class[j+1]]; tg.xpos {
	case "VBG", "VBN", "WDT", "WP":
	case "VBD":
		if tg.upos != ud.VERB || t.verbVBN < 0 {
			return
		}
		pastFirst = true
	default:
		return
	}
	c := j + 2
	for c < n && s.Tokens[c].Form != "," {
		if t.tags[sc.class[c]].upos == ud.CCONJ || s.Tokens[c].Form == ";" {
			return
		}
		c++
	}
	w := c + 1
	if w+1 >= n {
		return
	}
	if tg := &t.tags[sc.class[w]]; tg.upos != ud.VERB || tg.xpos != "VBN" {
		return
	}
	// An object follows; or no finite verb stands outside the
	// parenthetical and no agent follows: the sentence has no other verb
	// ("The ceasefire, brokered by Qatar, collapsed within hours").
	if !t.objectStart(sc, w+1) && (strings.EqualFold(s.Tokens[w+1].Form, "by") || t.hasFinite(sc, w+1, n) || t.hasFinite(sc, 0, j)) {
		return
	}
	if pastFirst {
		// The first past form, right after the subject's comma, is then
		// the parenthetical's participle: both may not be finite.
		if t.hasFinite(sc, j+2, c) || !t.swap(sc, j+1, t.verbVBN) {
			return
		}
	}
	if t.swap(sc, w, t.finite[0]) {
		t.tagFrom(sc, w+1, n)
	} else if pastFirst {
		sc.class[j+1] = t.finite[0] // keep the sentence's one finite verb
	}
}
