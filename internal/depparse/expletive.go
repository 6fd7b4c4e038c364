package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// An expletive "it" stands for a clause extraposed after its verb ("it is
// important to act", "it seems that …", "it took weeks to agree"). The
// parser learned "it would take" as the opening of such a clause and
// labels "it" expl in "Tehran said it would take retaliatory measures",
// where no clause follows and "it" is the subject: the verb then has no
// subject at all. In EWT train 12 of 239 gold expletive "it"s have no
// clausal dependent beside them, most of them annotation slips; in PUD
// none of 27.

// expletiveSubject makes such an "it" the subject in parsed s: a
// lower-case-or-capitalised "it" labelled expl on a verb with no clausal
// dependent (ccomp, csubj, xcomp, advcl, acl) and no other subject.
func expletiveSubject(s *ud.Sentence) {
	var kids [][]int
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Rel != "expl" || !strings.EqualFold(t.Form, "it") || t.Head == 0 {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		h := t.Head - 1
		if s.Tokens[h].UPOS != ud.VERB {
			continue // "it is clear": a predicate of its own kind
		}
		clause := false
		for _, c := range kids[h] {
			switch ud.BaseRel(s.Tokens[c].Rel) {
			case "ccomp", "csubj", "xcomp", "advcl", "acl", "nsubj":
				clause = true
			}
		}
		if !clause {
			t.Rel = "nsubj"
		}
	}
}
