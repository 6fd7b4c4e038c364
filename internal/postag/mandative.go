package postag

import (
	"strings"

	"farabi/internal/ud"
)

// mandativeVerbs are the forms of verbs that take a "that" clause in the
// subjunctive: "demanded that the president resign", "urged that the talks
// resume". ("suggest" is left out: "suggested that the talks had failed"
// reports.)
var mandativeVerbs = map[string]bool{
	"demand": true, "demands": true, "demanded": true, "demanding": true,
	"insist": true, "insists": true, "insisted": true, "insisting": true,
	"urge": true, "urges": true, "urged": true, "urging": true,
	"ask": true, "asks": true, "asked": true, "asking": true,
	"recommend": true, "recommends": true, "recommended": true, "recommending": true,
	"propose": true, "proposes": true, "proposed": true, "proposing": true,
	"request": true, "requests": true, "requested": true, "requesting": true,
	"require": true, "requires": true, "required": true, "requiring": true,
	"order": true, "orders": true, "ordered": true, "ordering": true,
}

// mandative applies what a "that" clause after a verb of demanding holds:
// after its subject comes the verb in its base form (VB), the clause's
// finite verb though it does not agree with the subject. The greedy
// tagger, expecting agreement, took "resign" after "the president" for a
// noun and "resume" after "the talks" for a present verb. The word after
// the subject noun phrase, when tagged as a verb, or the noun phrase's
// last noun, when no verb follows it and the lexicon or the treebank has
// it as a base form, becomes VB (if it lost by less than
// maxParticipleMargin); a present verb after a noun later in the clause
// is then a plural noun ("stop its missile tests").
func (t *Tagger) mandative(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.verbVB < 0 || t.nounNNS < 0 {
		return
	}
	for i := 0; i+3 < n; i++ {
		if t.tags[sc.class[i]].upos != ud.VERB || !mandativeVerbs[strings.ToLower(s.Tokens[i].Form)] || !strings.EqualFold(s.Tokens[i+1].Form, "that") {
			continue
		}
		j := i + 2
		for j < n && (t.nominal(sc, j) || s.Tokens[j].Form == "of" || t.tags[sc.class[j]].xpos == "PRP") {
			j++
		}
		w := -1
		switch {
		case j == i+2:
			continue
		case j < n && t.tags[sc.class[j]].upos == ud.VERB:
			if x := t.tags[sc.class[j]].xpos; x == "VB" || x == "VBP" {
				w = j
			}
		case j-1 > i+2 && t.tags[sc.class[j-1]].upos == ud.NOUN && (j == n || t.tags[sc.class[j]].upos != ud.AUX):
			w = j - 1
		}
		if w < 0 || !t.swap(sc, w, t.verbVB) {
			continue
		}
		end := w + 1
		for end < n && !t.clauseMark(sc, s, end) {
			end++
		}
		t.tagFrom(sc, w+1, end)
		for k := w + 2; k < end; k++ {
			if x := t.tags[sc.class[k]].xpos; (x == "VBZ" || x == "VBP") && t.tags[sc.class[k-1]].upos == ud.NOUN {
				t.swap(sc, k, t.nounNNS)
			}
		}
		i = end - 1
	}
}
