package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// The agent of an act noun. "Costa Rica welcomed the decision by Manila
// to lift the ban": the parser hung "by Manila" on "welcomed" as a
// passive's agent (obl:agent), though "welcomed" has a subject and an
// object and is not passive; whose decision it was was lost. A verb in
// the active voice (a subject that is not passive, no passive auxiliary)
// has no agent: a "by" phrase so hung right after the verb's object
// belongs to the object, as its modifier (nmod). So does a "by" phrase
// of a name hung as a plain oblique ("the decision by Papua New Guinea",
// "Guinea" tagged as a common noun): a name after "by" is who acted, not
// the manner ("won the vote by a wide margin" keeps its oblique).

// nounAgents repairs, in parsed s, agents of active verbs that follow the
// verb's object.
func nounAgents(s *ud.Sentence) {
	var kids [][]int // built at the first agent: most sentences have none
	for i, t := range s.Tokens {
		if t.Rel != "obl:agent" && (t.Rel != "obl" || !byName(s, i)) || t.Head == 0 {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		v := t.Head - 1
		obj, active := -1, false
		for _, k := range kids[v] {
			switch s.Tokens[k].Rel {
			case "obj":
				if k < i {
					obj = k
				}
			case "nsubj":
				active = true
			case "nsubj:pass", "aux:pass":
				active, obj = false, -1
			}
		}
		if !active || obj < 0 || s.Tokens[obj].UPOS != ud.NOUN {
			continue
		}
		// nothing of the clause but the object's own words between
		ok := true
		for k := obj + 1; k < i && ok; k++ {
			ok = under(s, k, obj) || s.Tokens[k].Head == i+1
		}
		if ok {
			s.Tokens[i].Head, s.Tokens[i].Rel = obj+1, "nmod"
		}
	}
}

// byName reports whether word i of s is a capitalised word after "by".
func byName(s *ud.Sentence, i int) bool {
	f := s.Tokens[i].Form
	if f == "" || f[0] < 'A' || f[0] > 'Z' {
		return false
	}
	for k := i - 1; k >= 0 && s.Tokens[k].Head == i+1; k-- {
		if s.Tokens[k].Rel == "case" {
			return strings.EqualFold(s.Tokens[k].Form, "by")
		}
	}
	return false
}
