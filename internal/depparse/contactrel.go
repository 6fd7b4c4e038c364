package depparse

import "farabi/internal/ud"

// contactRelative repairs a relative clause with no "that" that the
// parser hung on the main verb: in "the air force shot down three drones
// Russia had launched over the Danube" it made "launched" an adverbial
// clause of "shot". A clause with no mark of its own whose subject comes
// right after the main verb's object (or after a determiner following it)
// is that object's relative clause (acl:relcl).
func contactRelative(s *ud.Sentence) {
	kids := childLists(s)
	for v := range s.Tokens {
		t := s.Tokens[v]
		h := t.Head - 1
		if h < 0 || t.UPOS != ud.VERB || ud.BaseRel(t.Rel) != "advcl" || h > v {
			continue
		}
		subj, marked := -1, false
		for _, c := range kids[v] {
			switch ud.BaseRel(s.Tokens[c].Rel) {
			case "mark":
				marked = true
			case "nsubj":
				subj = c
			}
		}
		if marked || subj < 0 || subj > v {
			continue
		}
		first := subj
		for _, c := range kids[subj] {
			if c < first {
				first = c
			}
		}
		o := first - 1
		if o < 0 || s.Tokens[o].Head-1 != h || s.Tokens[o].Rel != "obj" || s.Tokens[o].UPOS != ud.NOUN {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[v].Head, s.Tokens[v].Rel = o+1, "acl:relcl"
		})
	}
}
