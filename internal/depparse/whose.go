package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Relative clauses opened by "whose" between a subject and its verb. In
// "Serbia, whose president visited Moscow last week, signed a gas deal"
// the parser took the relative verb for the main one: "visited" became
// the root with both "Serbia" and "president" for subjects and "signed" a
// conjunct of it; or it made "Serbia" the subject of "signed" and
// "visited" an adverbial clause of it, "Serbia" the subject of either. The clause is a relative clause on
// the noun before the comma, and the verb after the second comma is the
// main verb, whose subject that noun is.

// whoseRelative repairs such clauses in parsed s.
func whoseRelative(s *ud.Sentence) {
	for w := 2; w < len(s.Tokens); w++ {
		if !strings.EqualFold(s.Tokens[w].Form, "whose") || s.Tokens[w-1].Form != "," || s.Tokens[w].Rel != "nmod:poss" {
			continue
		}
		kids := childLists(s)
		n := s.Tokens[w].Head - 1
		if n < 0 || !strings.HasPrefix(s.Tokens[n].Rel, "nsubj") {
			continue
		}
		v := s.Tokens[n].Head - 1
		if v < 0 || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		// the noun before the comma, a subject of v or of v's head
		x := -1
		for k := 0; k < w-1; k++ {
			h := s.Tokens[k].Head - 1
			if s.Tokens[k].Rel != "nsubj" || h != v && h != s.Tokens[v].Head-1 {
				continue
			}
			if _, hi := span(kids, k); hi == w-2 || hi == w-1 {
				x = k
			}
		}
		if x < 0 {
			continue
		}
		switch {
		case s.Tokens[v].Rel == "root" && s.Tokens[x].Head-1 == v:
			m := -1
			for _, c := range kids[v] {
				if c > v && s.Tokens[c].Rel == "conj" && s.Tokens[c].UPOS == ud.VERB && s.Tokens[c-1].Form != "and" {
					m = c
					break
				}
			}
			if m < 0 || !commaBetween(s, v, m) {
				continue
			}
			tryRepair(s, func() {
				s.Tokens[m].Head, s.Tokens[m].Rel = 0, "root"
				s.Tokens[x].Head = m + 1
				s.Tokens[v].Head, s.Tokens[v].Rel = x+1, "acl:relcl"
				for _, c := range kids[v] {
					if c > m {
						s.Tokens[c].Head = m + 1
					}
				}
			})
		case ud.BaseRel(s.Tokens[v].Rel) == "advcl" && s.Tokens[v].Head-1 > v && commaBetween(s, v, s.Tokens[v].Head-1):
			m := s.Tokens[v].Head - 1
			tryRepair(s, func() {
				s.Tokens[x].Head, s.Tokens[x].Rel = m+1, "nsubj"
				s.Tokens[v].Head, s.Tokens[v].Rel = x+1, "acl:relcl"
			})
		}
	}
}

// commaBetween reports whether a comma stands between words a and b.
func commaBetween(s *ud.Sentence, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if s.Tokens[k].Form == "," {
			return true
		}
	}
	return false
}
