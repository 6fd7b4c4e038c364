package coder

import (
	"strings"

	"farabi/internal/actor"
)

// quoteVerbs give another's words: "quoted X as saying …", "cited X as
// warning …".
var quoteVerbs = set("quote", "cite")

// quotedSpeaker returns the actors whose words a predicate at i gives when
// i is the "as saying", "as warning" of a verb of quoting with no subject
// of its own: "state media quoted Kim Yo Jong as saying that …" is Kim
// Yo Jong's saying, not the media's. A quoted official no actor names
// ("quoted the army chief as saying") is of the country of the media
// quoting them when that media is named by its country ("Iranian state
// television"), as state media quote their own government; a news agency
// named by its own name (Reuters, Xinhua) lends no country, and the
// speaker is then unknown: never the agency. quoted reports whether i is
// so quoted at all.
func (st *sentence) quotedSpeaker(i int) (ms []int, quoted bool) {
	t := st.s.Tokens[i]
	if t.Head == 0 || !st.hasChild(i, "mark", "as") || st.hasRel(i, "nsubj") {
		return nil, false
	}
	h := t.Head - 1
	if !quoteVerbs[st.lemma(h)] || st.passive(h) {
		return nil, false
	}
	obj := -1
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel == "obj" {
			obj = c
		}
	}
	if obj < 0 {
		return nil, false
	}
	if ms := st.actorsAt(obj, 0); len(ms) > 0 {
		return ms, true
	}
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel != "nsubj" {
			continue
		}
		for _, m := range st.actorsAt(c, 0) {
			if mm := st.ms[m]; mm.Method == actor.ByAgent && strings.HasSuffix(mm.Code, "MED") {
				return []int{m}, true
			}
		}
	}
	return nil, true
}
