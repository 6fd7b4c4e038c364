package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// peopleFrom are nouns for people that a "from" phrase right after them
// says where they come from: "met his counterparts from Bosnia and
// Herzegovina and Montenegro", "hosted officials from Trinidad and
// Tobago". Envoys, ambassadors and troops are left out: "recalled its
// ambassador from Paris", "withdrew troops from Syria" say where from.
var peopleFrom = map[string]bool{"counterpart": true, "colleague": true, "peer": true, "official": true,
	"minister": true, "leader": true, "delegation": true, "representative": true, "delegate": true,
	"lawmaker": true, "president": true, "head": true, "negotiator": true, "mediator": true}

// peopleFromPhrase hangs a "from" phrase of names right after the object
// of a verb on that object when the object is a noun for people
// (peopleFrom) and the parser hung the phrase on the verb. nameLists
// does it for lists of three names or more with commas; a list of two
// whose first name has "and" inside ("from Bosnia and Herzegovina and
// Montenegro") is none to it, and the meeting's partners were lost: the
// coder takes the people of the object from the phrase on it.
func peopleFromPhrase(s *ud.Sentence) {
	var kids [][]int
	for p := 1; p+1 < len(s.Tokens); p++ {
		if !strings.EqualFold(s.Tokens[p].Form, "from") || s.Tokens[p].Rel != "case" {
			continue
		}
		n := s.Tokens[p].Head - 1 // the name the phrase is of
		if n <= p || s.Tokens[n].UPOS != ud.PROPN || !strings.HasPrefix(s.Tokens[n].Rel, "obl") {
			continue
		}
		v := s.Tokens[n].Head - 1
		o := p - 1
		if v < 0 || v >= o || s.Tokens[o].Head-1 != v || s.Tokens[o].Rel != "obj" || s.Tokens[o].UPOS != ud.NOUN ||
			!peopleFrom[s.Tokens[o].Lemma] {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if lastOf(s, kids, o) != o {
			continue // the object's own phrase comes first
		}
		tryRepair(s, func() { s.Tokens[n].Head, s.Tokens[n].Rel = o+1, "nmod" })
		kids = childLists(s)
	}
}
