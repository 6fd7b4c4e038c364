package depparse

import "farabi/internal/ud"

// A second object hung on the verb. In "Moscow accused Kyiv and its
// British allies of …" the parser sometimes makes "allies" a conjunct of
// "accused" rather than of "Kyiv", and the second accused is lost. A noun
// joined by "and" or "or" to a verb, right after the verb's object with
// nothing but its own words between, is a conjunct of that object; not
// a clause with its verb left out ("with Ukraine receiving 1,000 and
// Russia 31": "31" follows the noun).

// objectConjunct repairs such conjuncts in parsed s.
func objectConjunct(s *ud.Sentence) {
	kids := childLists(s)
	for n, t := range s.Tokens {
		v := t.Head - 1
		if t.Rel != "conj" || v < 0 || v > n || t.UPOS != ud.NOUN && t.UPOS != ud.PROPN || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		o := -1
		for _, c := range kids[v] {
			if s.Tokens[c].Rel == "obj" && c < n && (s.Tokens[c].UPOS == ud.NOUN || s.Tokens[c].UPOS == ud.PROPN) {
				o = c
			}
		}
		if o < 0 || gapped(s, kids, n) {
			continue
		}
		lo, _ := span(kids, n)
		if _, hi := span(kids, o); hi+1 != lo {
			continue // words between that are neither's
		}
		cc := false
		for _, c := range kids[n] {
			if c < n && s.Tokens[c].Rel == "cc" {
				cc = true
			}
		}
		if !cc {
			continue
		}
		tryRepair(s, func() { s.Tokens[n].Head = o + 1 })
		kids = childLists(s)
	}
}

// gapped reports whether noun n has a number or an orphan after it: the
// rest of a clause whose verb is left out.
func gapped(s *ud.Sentence, kids [][]int, n int) bool {
	for _, c := range kids[n] {
		if c > n && (s.Tokens[c].UPOS == ud.NUM || s.Tokens[c].Rel == "orphan") {
			return true
		}
	}
	return false
}
