package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Relative clauses that leave their object out. In "Azerbaijan expelled
// two diplomats whom it accused of spying" or "Kenya recalled its envoy
// from Somalia, which it accused of meddling" the parser sometimes hangs
// the clause's verb on the main verb (conj, parataxis, advcl, or
// advcl:relcl) and gives "which" the subject's relation beside the
// clause's own subject "it". A clause opened by "which" or "whom"
// that has a subject of its own after the pronoun leaves its object out:
// the pronoun is its object, and the clause is a relative clause on the
// noun right before the pronoun (or its comma).

// objectRelative repairs such clauses in parsed s.
func objectRelative(s *ud.Sentence) {
	kids := childLists(s)
	for p, t := range s.Tokens {
		switch strings.ToLower(t.Form) {
		case "which", "whom":
		default:
			continue
		}
		v := t.Head - 1
		if v <= p || s.Tokens[v].UPOS != ud.VERB || t.Rel != "obj" && ud.BaseRel(t.Rel) != "nsubj" {
			continue
		}
		opens := true // the pronoun opens the clause (a comma aside)
		for _, c := range kids[v] {
			if lo, _ := span(kids, c); lo < p && s.Tokens[c].Rel != "punct" {
				opens = false
			}
		}
		if !opens {
			continue
		}
		subj := false
		for _, c := range kids[v] {
			if c > p && c < v && s.Tokens[c].Rel == "nsubj" && s.Tokens[c].UPOS != ud.ADV {
				subj = true
			}
			if r := s.Tokens[c].Rel; r == "xcomp" || r == "ccomp" {
				subj = false // the gap may lie in the clause below ("which he could not begin to try")
				break
			}
		}
		if !subj {
			continue
		}
		a := p - 1
		if a >= 0 && s.Tokens[a].Form == "," {
			a--
		}
		if a < 0 || s.Tokens[a].UPOS != ud.NOUN && s.Tokens[a].UPOS != ud.PROPN {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[p].Rel = "obj"
			if s.Tokens[v].Head-1 != a {
				s.Tokens[v].Head = a + 1
			}
			s.Tokens[v].Rel = "acl:relcl"
		})
		kids = childLists(s)
	}
}
