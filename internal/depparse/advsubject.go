package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Subjects hung on an adverb. "The minister later also said …", "The
// envoy later privately assured …": between the subject and its verb
// stand adverbs, the first of which ("later", "ultimately") the parser
// took for the head of the noun phrase before it, the phrase as its
// subject or, "later" being the head of "a week later", as an unmarked
// oblique. An adverb has no subject, and a span of time measured by
// "later" is a time noun ("two days later", "a year later"): a noun
// phrase of any other noun hung on the first of a run of adverbs that
// ends right before the adverbs' verb, when that verb has no subject, is
// the verb's subject.

// subjectOnAdverb rehangs such noun phrases on their verbs; s is parsed.
func subjectOnAdverb(s *ud.Sentence) {
	n := len(s.Tokens)
	var kids [][]int
	for j := 0; j+2 < n; j++ {
		w := &s.Tokens[j]
		a := j + 1
		if w.Head-1 != a || s.Tokens[a].UPOS != ud.ADV {
			continue
		}
		switch w.UPOS {
		case ud.NOUN, ud.PROPN, ud.PRON:
		default:
			continue
		}
		if !strings.HasPrefix(w.Rel, "nsubj") && (w.Rel != "obl:unmarked" || timeNouns[w.Lemma] || timeWord(w.Form)) {
			continue
		}
		v := a + 1
		for v < n && s.Tokens[v].UPOS == ud.ADV {
			v++
		}
		if v >= n || s.Tokens[a].Head-1 != v || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		switch s.Tokens[v].XPOS {
		case "VBD", "VBZ", "VBP":
		default:
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if hasSubject(s, kids[v]) {
			continue
		}
		if _, hi := span(kids, j); hi > j {
			continue
		}
		kids[a] = remove(kids[a], j)
		kids[v] = append(kids[v], j)
		w.Head, w.Rel = v+1, "nsubj"
	}
}
