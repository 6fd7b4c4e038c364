package depparse

import "farabi/internal/ud"

// strayPossessor repairs a name with a possessive that opens a clause
// after a comma but was hung, with its "'s", on a noun before the comma:
// in "Hungary will leave the court, Prime Minister Viktor Orban's office
// said" the parser made "Orban" an apposition of "court" and "'s" a case
// of it, leaving "office" with no owner. The name owns the noun after its
// "'s" (nmod:poss), and the "'s" is the name's.
func strayPossessor(s *ud.Sentence) {
	n := len(s.Tokens)
	for k := 1; k+1 < n; k++ {
		t := s.Tokens[k]
		if t.XPOS != "POS" || t.Rel != "case" {
			continue
		}
		p, o, h := k-1, k+1, t.Head-1
		if h < 0 || h >= p || s.Tokens[p].Head-1 != h || s.Tokens[p].UPOS != ud.PROPN || s.Tokens[o].UPOS != ud.NOUN {
			continue
		}
		if v := s.Tokens[o].Head - 1; v <= o || s.Tokens[v].UPOS != ud.VERB || ud.BaseRel(s.Tokens[o].Rel) != "nsubj" {
			continue
		}
		// a comma between the noun and the name, and only the name's
		// words (title, given name) between the comma and it
		c := p - 1
		for c > h && s.Tokens[c].Form != "," && (s.Tokens[c].UPOS == ud.PROPN || s.Tokens[c].UPOS == ud.ADJ || s.Tokens[c].UPOS == ud.NOUN) && under(s, c, p) {
			c--
		}
		if c <= h || s.Tokens[c].Form != "," {
			continue
		}
		owned := false
		for i := range s.Tokens {
			if s.Tokens[i].Head-1 == o && s.Tokens[i].Rel == "nmod:poss" {
				owned = true
			}
		}
		if owned {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[p].Head, s.Tokens[p].Rel = o+1, "nmod:poss"
			s.Tokens[k].Head = p + 1
		})
	}
}
