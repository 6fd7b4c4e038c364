package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Conjoined phrases of one preposition. "held talks with A on trade and
// with B on energy", "met with Chinese officials on Monday and with
// Russian diplomats on Tuesday", "signed deals with China on gas and
// with Russia on grain": the parser hangs the second "with" phrase on the
// phrase just before it ("on trade") or on the noun both modify
// ("deals"), so the second partner is coordinated with a topic or a
// thing and no longer with the first partner. A conjunct that repeats a
// preposition ("and with B") is coordinated with the nearest phrase
// before it of the same preposition, when that phrase hangs on the same
// word as the conjunct's head, or on the head itself.

// sameCaseConjuncts repairs, in parsed s, such conjuncts.
func sameCaseConjuncts(s *ud.Sentence) {
	for c := range s.Tokens {
		if ud.BaseRel(s.Tokens[c].Rel) != "conj" {
			continue
		}
		h := s.Tokens[c].Head - 1
		p := caseWord(s, c)
		if p == "" || h < 0 || caseWord(s, h) == p {
			continue
		}
		// the nearest earlier phrase of preposition p
		j := -1
		for k := c - 1; k >= 0 && j < 0; k-- {
			if k != h && caseWord(s, k) == p {
				j = k
			}
		}
		if j < 0 {
			continue
		}
		gov := s.Tokens[j].Head - 1
		if gov != h && gov != s.Tokens[h].Head-1 {
			continue
		}
		switch s.Tokens[j].UPOS {
		case ud.NOUN, ud.PROPN, ud.PRON:
		default:
			continue
		}
		tryRepair(s, func() {
			s.Tokens[c].Head = j + 1
		})
	}
}

// caseWord returns the lower-cased preposition marking nominal k (its
// "case" child before it), or "".
func caseWord(s *ud.Sentence, k int) string {
	for i := k - 1; i >= 0 && i >= k-8; i-- {
		if s.Tokens[i].Head-1 == k && s.Tokens[i].Rel == "case" && s.Tokens[i].UPOS == ud.ADP {
			return strings.ToLower(s.Tokens[i].Form)
		}
	}
	return ""
}
