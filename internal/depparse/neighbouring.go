package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// "Neighbouring Chad": an adjective EWT rarely has, which the tagger takes
// for a present participle and the parser makes the verb of a clause with
// the country as its object ("accused neighbouring Chad of …" then has no
// object). Before a noun or a name that is its object, it is the noun's
// adjective, and the noun takes its place in the tree.

// adjectiveParticiples are participles news uses as plain adjectives
// before a place.
var adjectiveParticiples = map[string]bool{"neighbouring": true, "neighboring": true}

// participleAdjective repairs them in parsed s.
func participleAdjective(s *ud.Sentence) {
	for i := 0; i+1 < len(s.Tokens); i++ {
		t := s.Tokens[i]
		if t.UPOS != ud.VERB || !adjectiveParticiples[strings.ToLower(t.Form)] {
			continue
		}
		n := i + 1
		if u := s.Tokens[n].UPOS; u != ud.PROPN && u != ud.NOUN {
			continue
		}
		if t.Head == n+1 {
			// the noun's modifier already: only the tag is wrong
			s.Tokens[i].UPOS, s.Tokens[i].XPOS, s.Tokens[i].Lemma, s.Tokens[i].Rel = ud.ADJ, "JJ", strings.ToLower(t.Form), "amod"
			continue
		}
		if s.Tokens[n].Head != i+1 {
			continue
		}
		rel := t.Rel
		switch ud.BaseRel(rel) {
		case "xcomp", "ccomp", "advcl", "acl":
			rel = "obj" // the clause was the noun
		}
		if t.Head == 0 {
			rel = "root"
		}
		tryRepair(s, func() {
			// the noun takes the participle's place; what hung on the
			// participle hangs on the noun
			rehang(s, n, []int{i}, []int{n})
			s.Tokens[n].Head, s.Tokens[n].Rel = t.Head, rel
			s.Tokens[i].Head, s.Tokens[i].Rel = n+1, "amod"
			s.Tokens[i].UPOS, s.Tokens[i].XPOS, s.Tokens[i].Lemma = ud.ADJ, "JJ", strings.ToLower(t.Form)
		})
	}
}
