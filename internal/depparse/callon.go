package depparse

import "farabi/internal/ud"

// callOnInfinitive repairs an appeal whose infinitive the parser hung on
// the one appealed to: in "China called on the military and the Arakan
// Army to halt the fighting" it made "halt" an acl of "military", and
// the appeal lost what it asks for. After "called on X" or "appealed to
// X", an infinitive with "to" hung as acl on X (or on a conjunct of X)
// and coming after it is the verb's complement (xcomp), as in "called on
// X to halt …" parsed well (round 13).
func callOnInfinitive(s *ud.Sentence) {
	var kids [][]int
verbs:
	for v, t := range s.Tokens {
		if t.UPOS != ud.VERB || t.Lemma != "call" && t.Lemma != "appeal" {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if hasRel(s, kids[v], "xcomp") || hasRel(s, kids[v], "advcl") {
			continue
		}
		for _, o := range kids[v] {
			if ud.BaseRel(s.Tokens[o].Rel) != "obl" || o < v || !hasCase(s, kids, o, "on", "upon", "to") {
				continue
			}
			nouns := []int{o}
			for _, c := range kids[o] {
				if s.Tokens[c].Rel == "conj" {
					nouns = append(nouns, c)
				}
			}
			for _, n := range nouns {
				for _, a := range kids[n] {
					if s.Tokens[a].Rel != "acl" || a < n || s.Tokens[a].UPOS != ud.VERB || s.Tokens[a].XPOS != "VB" || !hasMarkTo(s, kids, a) {
						continue
					}
					tryRepair(s, func() { s.Tokens[a].Head, s.Tokens[a].Rel = v+1, "xcomp" })
					kids = nil
					continue verbs
				}
			}
		}
	}
}

// hasCase reports whether word n has a case child of one of the lemmas.
func hasCase(s *ud.Sentence, kids [][]int, n int, lemmas ...string) bool {
	for _, c := range kids[n] {
		if s.Tokens[c].Rel != "case" {
			continue
		}
		for _, l := range lemmas {
			if s.Tokens[c].Lemma == l {
				return true
			}
		}
	}
	return false
}

// hasMarkTo reports whether verb a has the infinitive's "to".
func hasMarkTo(s *ud.Sentence, kids [][]int, a int) bool {
	for _, c := range kids[a] {
		if s.Tokens[c].Rel == "mark" && s.Tokens[c].Lemma == "to" {
			return true
		}
	}
	return false
}
