package depparse

import "farabi/internal/ud"

// A past tense read as a participle. "A and B held talks in X, the office
// said": before a closing report the tagger may take "held" for a
// participle, and the parser then makes its subjects passive subjects (two
// of them, the coordination lost). A participle with no auxiliary of its
// own cannot have a passive subject and an object both: it is a finite
// past verb, its passive subjects are its subject, and a second subject
// after "and" is a conjunct of the first. Nor can it have a subject
// before it (an active one) and an object, indirect object or clausal
// complement with no auxiliary: "The Chinese envoy told reporters the
// visit was a success", where the finite verb of the reported clause
// made the tagger take "told" for a participle, has "told" in the past
// tense (the parse was right, the tag was not).

// activePast repairs, in parsed s, participles with passive subjects, an
// object and no auxiliary.
func activePast(s *ud.Sentence) {
	var kids [][]int // built at the first participle: most sentences have none
	for v := range s.Tokens {
		t := &s.Tokens[v]
		if t.UPOS != ud.VERB || t.XPOS != "VBN" || v > 0 && s.Tokens[v-1].XPOS == "HYPH" {
			// after a hyphen, the participle ends a compound adjective
			// ("Taliban-led government"): hyphenedParticiples's
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		var subj []int
		obj, aux, active := false, false, false
		for _, c := range kids[v] {
			switch s.Tokens[c].Rel {
			case "nsubj:pass":
				subj = append(subj, c)
			case "nsubj":
				active = active || c < v
			case "obj", "iobj", "ccomp":
				obj = true
			case "aux", "aux:pass", "cop":
				aux = true
			}
		}
		if !obj || aux || len(subj) == 0 && !active || len(subj) > 0 && subj[0] > v {
			continue
		}
		t.XPOS = "VBD"
		for _, c := range subj {
			s.Tokens[c].Rel = "nsubj"
		}
		// "A and B held": B, after a coordinating conjunction that the
		// parser hung elsewhere, is A's conjunct
		for k := 1; k < len(subj); k++ {
			a, b := subj[0], subj[k]
			if b > v || !andBetween(s, a, b) {
				continue
			}
			s.Tokens[b].Head, s.Tokens[b].Rel = a+1, "conj"
		}
	}
}

// andBetween reports whether a coordinating conjunction lies between
// words a and b (a before b).
func andBetween(s *ud.Sentence, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if s.Tokens[k].UPOS == ud.CCONJ {
			return true
		}
	}
	return false
}
