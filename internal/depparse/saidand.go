package depparse

import "farabi/internal/ud"

// A second verb after a reported clause. "The spokesman said Pakistani
// forces had started the firing and accused Islamabad of …" is sometimes
// parsed with "accused" a conjunct of "started", inside the clause "said"
// reports, and the spokesman's accusation becomes the forces'. A conjunct
// in the simple past with no subject of its own, hung on the verb of a
// clause reported in the past perfect or with "would" ("had started",
// "would retaliate"), is in the tense of "said" and not of the clause: it
// is a conjunct of the verb of saying.

// saidAnd repairs, in parsed s, conjuncts of the reporting verb parsed as
// conjuncts of the reported clause's verb.
func saidAnd(s *ud.Sentence) {
	var kids [][]int
	for c, t := range s.Tokens {
		if t.Rel != "conj" || t.XPOS != "VBD" && t.XPOS != "VBN" || t.UPOS != ud.VERB || t.Head == 0 {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		h := t.Head - 1
		if t.XPOS == "VBN" && !(hasRel(s, kids[h], "aux:pass") && hasRel(s, kids[c], "obj")) {
			// a participle shares the clause's auxiliaries, but not
			// one with an object after a passive ("had not been
			// invited and accused Belgrade of …": a past tense)
			continue
		}
		if s.Tokens[h].Rel != "ccomp" || s.Tokens[h].Head == 0 || hasSubject(s, kids[c]) {
			continue
		}
		r := s.Tokens[h].Head - 1
		if s.Tokens[r].UPOS != ud.VERB || s.Tokens[r].XPOS != "VBD" || !sayingVerbs[s.Tokens[r].Lemma] {
			continue
		}
		shifted := false
		for _, a := range kids[h] {
			if u := s.Tokens[a]; u.Rel == "aux" && (u.Lemma == "have" || u.Lemma == "would") {
				shifted = true
			}
		}
		if !shifted {
			continue
		}
		tryRepair(s, func() { s.Tokens[c].Head, s.Tokens[c].XPOS = r+1, "VBD" })
		kids = nil
	}
}
