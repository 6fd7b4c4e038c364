package depparse

import "farabi/internal/ud"

// A conjunction parsed as a preposition. When the subject of a clause
// opened by "after", "before" or "since" starts with coordinated
// modifiers ("a week after Japanese and Korean negotiators agreed …"),
// the parser may read the first modifier as the object of the
// conjunction, a noun phrase of its own ("after Japanese"), and leave the
// conjunction as its case marker. The tagger has already seen the clause
// (the word is SCONJ); a subordinating conjunction marks a clause, never
// a noun. So the first modifier goes back to the subject noun and the
// conjunction to the clause's verb.

// sconjCase repairs, in parsed s, a subordinating conjunction parsed as
// the case marker of the first modifier of its clause's subject.
func sconjCase(s *ud.Sentence) {
	n := len(s.Tokens)
	for m := 0; m+3 < n; m++ {
		if s.Tokens[m].UPOS != ud.SCONJ || s.Tokens[m].Rel != "case" {
			continue
		}
		h := s.Tokens[m].Head - 1
		if h != m+1 {
			continue
		}
		// the subject noun after the modifiers: the first word, after h,
		// that is a clause's subject, with only words of a noun phrase
		// between
		subj := -1
		for k := h + 1; k < n && subj < 0; k++ {
			t := s.Tokens[k]
			switch {
			case ud.BaseRel(t.Rel) == "nsubj" && (t.UPOS == ud.NOUN || t.UPOS == ud.PROPN) && t.Head-1 > k:
				subj = k
			case t.UPOS == ud.ADJ || t.UPOS == ud.PROPN || t.UPOS == ud.NOUN || t.UPOS == ud.CCONJ ||
				t.UPOS == ud.NUM || t.UPOS == ud.DET || t.Form == ",":
			default:
				k = n
			}
		}
		if subj < 0 {
			continue
		}
		v := s.Tokens[subj].Head - 1
		if s.Tokens[v].UPOS != ud.VERB || !finiteVerb(s, v) {
			continue
		}
		rel := "compound"
		if s.Tokens[h].UPOS == ud.ADJ {
			rel = "amod"
		}
		tryRepair(s, func() {
			s.Tokens[m].Head, s.Tokens[m].Rel = v+1, "mark"
			s.Tokens[h].Head, s.Tokens[h].Rel = subj+1, rel
		})
	}
}
