package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// writingVerbs report as "said" does, in writing or to someone: "wrote on
// X that …", "told reporters that …".
var writingVerbs = map[string]bool{"write": true, "tell": true, "post": true, "tweet": true}

// presentModals are modals in the present: a clause with one is not in
// the past tense of a verb of saying.
var presentModals = map[string]bool{"must": true, "will": true, "can": true, "shall": true, "should": true, "may": true}

// A second verb after a reported clause. "The spokesman said Pakistani
// forces had started the firing and accused Islamabad of …" is sometimes
// parsed with "accused" a conjunct of "started", inside the clause "said"
// reports, and the spokesman's accusation becomes the forces'. A conjunct
// in the simple past with no subject of its own, hung on the verb of a
// clause reported in the past perfect or with "would" ("had started",
// "would retaliate"), is in the tense of "said" and not of the clause: it
// is a conjunct of the verb of saying. So is one hung on a clause in the
// present or with a present modal ("wrote that the fighting must stop
// and called on both sides to …", "said the border is closed and urged
// …"): a past tense cannot share "must" or "is" (round 13).

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
		if s.Tokens[h].Rel != "ccomp" || s.Tokens[h].Head == 0 || hasSubject(s, kids[c]) {
			continue
		}
		r := s.Tokens[h].Head - 1
		if s.Tokens[r].UPOS != ud.VERB || s.Tokens[r].XPOS != "VBD" || !sayingVerbs[s.Tokens[r].Lemma] && !writingVerbs[s.Tokens[r].Lemma] {
			continue
		}
		// present: the clause is in the present or has a present
		// modal, and no auxiliary a participle could share ("must stop
		// and called": the tagger's VBN is a past tense too)
		present := s.Tokens[h].XPOS == "VBZ" || s.Tokens[h].XPOS == "VBP"
		shifted, shared := false, false
		for _, a := range kids[h] {
			u := s.Tokens[a]
			if u.Rel == "aux" && (u.Lemma == "have" || u.Lemma == "would") {
				shifted = true
			}
			if u.Rel == "aux" && presentModals[strings.ToLower(u.Form)] || u.Rel == "cop" && (u.XPOS == "VBZ" || u.XPOS == "VBP") {
				present = true
			}
			if u.Rel == "aux:pass" || u.Rel == "aux" && (u.Lemma == "have" || u.Lemma == "be") {
				shared = true
			}
		}
		present = present && !shared
		if t.XPOS == "VBN" && !present && !(hasRel(s, kids[h], "aux:pass") && hasRel(s, kids[c], "obj")) {
			// a participle shares the clause's auxiliaries, but not
			// one with an object after a passive ("had not been
			// invited and accused Belgrade of …": a past tense)
			continue
		}
		if !shifted && !present {
			continue
		}
		if present {
			// what follows the conjunct on the clause's verb is the
			// conjunct's ("… and called on X to settle …")
			tryRepair(s, func() {
				for _, k := range kids[h] {
					if k > c && s.Tokens[k].UPOS != ud.PUNCT {
						s.Tokens[k].Head = c + 1
					}
				}
				s.Tokens[c].Head, s.Tokens[c].XPOS = r+1, "VBD"
			})
			kids = nil
			continue
		}
		tryRepair(s, func() { s.Tokens[c].Head, s.Tokens[c].XPOS = r+1, "VBD" })
		kids = nil
	}
}
