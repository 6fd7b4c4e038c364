package depparse

import "farabi/internal/ud"

// namingVerbs take an object and what the object is called: "calling the
// body an instrument of Washington", "branded the vote a farce".
var namingVerbs = map[string]bool{"call": true, "brand": true, "label": true, "dub": true, "term": true,
	"name": true, "deem": true, "consider": true, "declare": true, "pronounce": true}

// namingComplement repairs a verb of naming the parser gave two objects
// ("calling the body(obj) an instrument(obj)"): the second is the
// object's predicate, xcomp in UD, as in "called Norway a partner". The
// coder reads a call with an object and no complement as a phone call.
func namingComplement(s *ud.Sentence) {
	kids := childLists(s)
	for v := range s.Tokens {
		if s.Tokens[v].UPOS != ud.VERB || !namingVerbs[s.Tokens[v].Lemma] {
			continue
		}
		if possessorObject(s, kids, v) {
			kids = childLists(s)
		}
		first, second := -1, -1
		for _, c := range kids[v] {
			if s.Tokens[c].Rel != "obj" || c < v {
				continue
			}
			if first < 0 {
				first = c
			} else if second < 0 {
				second = c
			}
		}
		// "branded the election(obj) a farce(conj)", with no "and"; "called
		// India's decision(obj) a violation(obj of "decision")", a noun
		// an object of a noun
		if second < 0 && first >= 0 {
			for _, c := range kids[first] {
				if c > first && s.Tokens[c].Rel == "conj" && !hasChildRel(s, kids, c, "cc") && s.Tokens[c-1].Form != "," {
					second = c
					break
				}
			}
		}
		if second < 0 && first >= 0 {
			// "called North Macedonia's vote(obj) a betrayal
			// (nmod:unmarked of "vote")": a noun phrase opened by "a"
			// or "an" hung bare (no preposition) on the object is what
			// it is called
			// (or on a noun of a phrase after it: "called the visit
			// by the US speaker a provocation")
			for c := first + 1; c < len(s.Tokens); c++ {
				if (s.Tokens[c].Rel == "nmod:unmarked" || s.Tokens[c].Rel == "nmod" && !hasChildRel(s, kids, c, "case")) &&
					s.Tokens[c].UPOS == ud.NOUN && indefinite(s, kids, c) && nounsUpTo(s, c, v) {
					second = c
					break
				}
			}
		}
		if second < 0 && first >= 0 {
			// the object of a noun may sit deeper, below a long
			// name: "called the Democratic Republic of Congo's
			// decision a violation"
			for c := first + 1; c < len(s.Tokens); c++ {
				if s.Tokens[c].Rel == "obj" && s.Tokens[c].UPOS == ud.NOUN && s.Tokens[c].Head-1 != v && under(s, c, first) &&
					nounLike(s.Tokens[s.Tokens[c].Head-1].UPOS) {
					second = c
					break
				}
			}
		}
		if second < 0 && first >= 0 {
			trailingAdjective(s, kids, v, first)
			kids = childLists(s)
			continue
		}
		if second < 0 || s.Tokens[second].UPOS != ud.NOUN && s.Tokens[second].UPOS != ud.ADJ {
			continue
		}
		between := false // "called Paris and Berlin": no second object
		for k := first + 1; k < second; k++ {
			if s.Tokens[k].Rel == "cc" || s.Tokens[k].Form == "," {
				between = true
			}
		}
		if between {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[second].Head, s.Tokens[second].Rel = v+1, "xcomp"
			// "called the proposal a step forward": an adverb right
			// after the complement the parser hung on a word before it
			// ("forward" on "proposal", across "a step") belongs to
			// the complement
			for c := second + 1; c < len(s.Tokens) && s.Tokens[c].Rel == "advmod"; c++ {
				if h := s.Tokens[c].Head - 1; h > v && h < second && under(s, h, v) {
					s.Tokens[c].Head = second + 1
				}
			}
		})
		kids = childLists(s)
	}
}

// hasChildRel reports whether word w has a child by relation rel.
func hasChildRel(s *ud.Sentence, kids [][]int, w int, rel string) bool {
	for _, c := range kids[w] {
		if s.Tokens[c].Rel == rel {
			return true
		}
	}
	return false
}

// trailingAdjective repairs "called Ukraine's ban on the transit of
// Russian oil unacceptable", where the parser took the adjective closing
// the clause for the head of the last noun phrase inside the object
// ("of Russian oil unacceptable"): the noun before it heads that phrase
// again and the adjective is the verb's xcomp.
func trailingAdjective(s *ud.Sentence, kids [][]int, v, obj int) {
	for _, c := range kids[v] {
		if s.Tokens[c].Rel == "xcomp" {
			return
		}
	}
	a := -1
	for k := obj + 1; k < len(s.Tokens); k++ {
		if s.Tokens[k].UPOS == ud.PUNCT {
			break
		}
		a = k
	}
	if a < 0 || s.Tokens[a].UPOS != ud.ADJ {
		return
	}
	if h := s.Tokens[a].Head - 1; s.Tokens[a].Rel == "amod" && h < a-1 && under(s, h, obj) && !hasChildRel(s, kids, a, "obl") {
		// "called the decision of South Korea unacceptable": the
		// adjective closing the clause hung on the object across the
		// phrase after it
		tryRepair(s, func() { s.Tokens[a].Head, s.Tokens[a].Rel = v+1, "xcomp" })
		return
	}
	if h := s.Tokens[a].Head - 1; (s.Tokens[a].Rel == "xcomp" || s.Tokens[a].Rel == "advmod") && len(kids[a]) == 0 &&
		h > obj && s.Tokens[h].Rel == "acl" && under(s, h, obj) && !predicateVerbs[s.Tokens[h].Lemma] {
		// "called Sri Lanka's decision to host the ship regrettable":
		// the adjective hung (as a predicate or an adverb) on the verb
		// of the object's clause, which takes no such predicate
		tryRepair(s, func() { s.Tokens[a].Head, s.Tokens[a].Rel = v+1, "xcomp" })
		return
	}
	if ud.BaseRel(s.Tokens[a].Rel) != "nmod" {
		return
	}
	in := false // a lies inside the object's phrase
	for h := s.Tokens[a].Head - 1; h >= 0; h = s.Tokens[h].Head - 1 {
		if h == obj {
			in = true
			break
		}
		if h == v {
			break
		}
	}
	n := -1 // the noun right before it, hung on it
	if a > 0 && s.Tokens[a-1].Head-1 == a && (s.Tokens[a-1].UPOS == ud.NOUN || s.Tokens[a-1].UPOS == ud.PROPN) {
		n = a - 1
	}
	if n < 0 {
		// or the first word of a name that ends right before it, its
		// other words hung on that one: "the statement on Hong
		// Kong(flat of Hong) irresponsible" has "Hong" on the adjective
		for _, c := range kids[a] {
			if c < a && s.Tokens[c].UPOS == ud.PROPN && lastOf(s, kids, c) == a-1 {
				n = c
			}
		}
	}
	if !in || n < 0 {
		return
	}
	tryRepair(s, func() {
		s.Tokens[n].Head, s.Tokens[n].Rel = s.Tokens[a].Head, s.Tokens[a].Rel
		for _, c := range kids[a] {
			if c != n {
				s.Tokens[c].Head = n + 1
			}
		}
		s.Tokens[a].Head, s.Tokens[a].Rel = v+1, "xcomp"
	})
}

// indefinite reports whether noun n has "a" or "an" for determiner.
func indefinite(s *ud.Sentence, kids [][]int, n int) bool {
	for _, c := range kids[n] {
		if s.Tokens[c].Rel == "det" {
			switch s.Tokens[c].Form {
			case "a", "an", "A", "An":
				return true
			}
		}
	}
	return false
}

// lastOf returns the last word of the subtree of word w.
func lastOf(s *ud.Sentence, kids [][]int, w int) int {
	last := w
	for _, c := range kids[w] {
		if l := lastOf(s, kids, c); l > last {
			last = l
		}
	}
	return last
}

// nounsUpTo reports whether the words from w's head up to v, v not
// included, are nouns and names only, w reaching v.
func nounsUpTo(s *ud.Sentence, w, v int) bool {
	for h := s.Tokens[w].Head - 1; h != v; h = s.Tokens[h].Head - 1 {
		if h < 0 || h < v || s.Tokens[h].UPOS != ud.NOUN && s.Tokens[h].UPOS != ud.PROPN {
			return false
		}
	}
	return true
}

// predicateVerbs take an object and an adjective said of it ("to keep
// the border open", "to make the region safe"): an adjective closing
// their clause is theirs.
var predicateVerbs = map[string]bool{"keep": true, "make": true, "leave": true, "hold": true, "render": true,
	"find": true, "consider": true, "declare": true, "set": true, "get": true, "turn": true, "deem": true,
	"call": true, "label": true, "brand": true, "paint": true, "push": true, "drive": true, "prove": true}

// possessorObject repairs a naming verb whose object the parser made the
// possessor of the noun after it, that noun the verb's complement:
// "called Sri(obj) Lanka 's decision(xcomp) …". The name is the noun's
// possessor and the noun the object. It reports whether it changed s.
func possessorObject(s *ud.Sentence, kids [][]int, v int) bool {
	for _, o := range kids[v] {
		if o < v || s.Tokens[o].Rel != "obj" || s.Tokens[o].UPOS != ud.PROPN {
			continue
		}
		pos := -1 // the "'s" on the name
		for _, c := range kids[o] {
			if s.Tokens[c].XPOS == "POS" {
				pos = c
			}
		}
		if pos < 0 || lastOf(s, kids, o) != pos {
			return false
		}
		for _, x := range kids[v] {
			if x <= pos || s.Tokens[x].Rel != "xcomp" || s.Tokens[x].UPOS != ud.NOUN {
				continue
			}
			for k := pos + 1; k < x; k++ {
				// only the noun's own modifiers between: "Sri Lanka's
				// new decision"
				if s.Tokens[k].Head-1 != x {
					return false
				}
			}
			changed := false
			tryRepair(s, func() {
				s.Tokens[o].Head, s.Tokens[o].Rel = x+1, "nmod:poss"
				s.Tokens[x].Rel = "obj"
				changed = true
			})
			return changed
		}
		return false
	}
	return false
}
