package depparse

import "farabi/internal/ud"

// A subject's modifier read as a verb's subject. "Polish armed forces
// detained …": the tagger took the first word for a noun ("polish"), and
// the parser made it the verb's subject and the phrase after it that
// noun's object. A noun has no object: when a subject noun's object
// (a common noun, its phrase right after the subject and running up to
// the verb, adverbs apart) stands between it and its verb, the object is
// the subject and the noun its compound.

// objectOfSubject repairs, in parsed s, such subjects.
func objectOfSubject(s *ud.Sentence) {
	var kids [][]int
	for o := range s.Tokens {
		t := &s.Tokens[o]
		if t.Rel != "obj" || t.UPOS != ud.NOUN {
			continue
		}
		w := t.Head - 1
		if w < 0 || w >= o || s.Tokens[w].UPOS != ud.NOUN || s.Tokens[w].Rel != "nsubj" {
			continue
		}
		v := s.Tokens[w].Head - 1
		if v <= o || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		lo, hi := span(kids, o)
		if lo != w+1 || len(kids[w]) != 1 && !onlyBefore(kids[w], o, w) {
			continue
		}
		k := hi + 1
		for k < v && s.Tokens[k].UPOS == ud.ADV {
			k++
		}
		if k != v {
			continue
		}
		tryRepair(s, func() {
			t.Head, t.Rel = v+1, "nsubj"
			s.Tokens[w].Head, s.Tokens[w].Rel = o+1, "compound"
		})
		kids = nil
	}
}

// onlyBefore reports whether every child of w but o comes before w (a
// determiner, say), so that w's phrase ends where o's begins.
func onlyBefore(kids []int, o, w int) bool {
	for _, c := range kids {
		if c != o && c > w {
			return false
		}
	}
	return true
}
