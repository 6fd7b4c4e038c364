package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// subordinators open an adverbial clause whose own conjuncts follow it:
// "after a cyclone killed 60 people and flattened thousands of homes".
var subordinators = map[string]bool{"after": true, "before": true, "when": true, "since": true, "because": true,
	"while": true, "until": true, "as": true, "although": true, "though": true, "once": true, "whereas": true}

// advclConjuncts hangs a verb the parser joined to the main verb on the
// adverbial clause that stands between them, when that clause has its own
// subject and subordinator, the verb has no subject, shares the clause
// verb's tense and follows it with no comma before its "and": "South
// Africa sent helicopters, three days after a cyclone killed 60 people and
// flattened homes" (the cyclone flattened them, not South Africa). In EWT
// train such a verb is the clause's conjunct 38 times in 51.
func advclConjuncts(s *ud.Sentence) {
	var kids [][]int
	for v2 := range s.Tokens {
		t := &s.Tokens[v2]
		if t.Rel != "conj" || t.UPOS != ud.VERB || t.Head <= 0 {
			continue
		}
		v0 := t.Head - 1
		if kids == nil {
			kids = childLists(s)
		}
		cc, subj := -1, false
		for _, c := range kids[v2] {
			switch r := s.Tokens[c].Rel; {
			case r == "cc" && c < v2:
				cc = c
			case strings.HasPrefix(r, "nsubj") || r == "expl":
				subj = true
			}
		}
		if subj || cc <= 0 || s.Tokens[cc-1].Form == "," || s.Tokens[cc-1].Form == ";" {
			continue
		}
		v1 := -1
		for _, c := range kids[v0] {
			if s.Tokens[c].Rel == "advcl" && v0 < c && c < cc && s.Tokens[c].UPOS == ud.VERB && s.Tokens[c].XPOS == t.XPOS {
				v1 = c
			}
		}
		if v1 < 0 || lastOf(s, kids, v1) >= cc {
			continue
		}
		marked, own := false, false
		for _, c := range kids[v1] {
			switch r := s.Tokens[c].Rel; {
			case r == "mark" && subordinators[strings.ToLower(s.Tokens[c].Form)]:
				marked = true
			case strings.HasPrefix(r, "nsubj"):
				own = true
			}
		}
		if !marked || !own {
			continue
		}
		tryRepair(s, func() { t.Head = v1 + 1 })
		kids = childLists(s)
	}
}
