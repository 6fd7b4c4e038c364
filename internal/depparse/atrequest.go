package depparse

import "farabi/internal/ud"

// requestNouns are the nouns of "at the request of X", "at X's behest".
var requestNouns = map[string]bool{"request": true, "behest": true}

// requestEvents are the nouns that an "at the request of X" phrase does
// modify: an act named by a noun ("a session at the request of X", "the
// visit at X's request").
var requestEvents = map[string]bool{
	"visit": true, "trip": true, "tour": true, "meeting": true, "session": true, "talks": true, "summit": true,
	"consultation": true, "consultations": true, "mission": true, "deployment": true, "operation": true,
	"evacuation": true, "delivery": true, "shipment": true, "transfer": true, "release": true, "extradition": true,
}

// "At the request of X" hung on a noun. "Uzbekistan sent a team of
// rescuers to the quake zone at the request of the Afghan government" was
// parsed with the phrase a modifier of "zone"; "Russia decided to provide
// aid to support the budget at the request of X" with it under "budget".
// The phrase says why the act was done: it modifies the verb (obl), and
// the one who asked appealed to the one who acted; a purpose infinitive
// on the act's object ("provided aid to support the budget at the request
// of X") passes it on to the act. After a noun that
// names an act itself ("a session at the request of X") it stays
// (round 31).

// atRequest repairs, in parsed s, an "at / upon the request of X" phrase
// hung on a noun that names no act: it is the nearest verb's obl.
func atRequest(s *ud.Sentence) {
	var kids [][]int
	for n, t := range s.Tokens {
		if !requestNouns[t.Lemma] || t.UPOS != ud.NOUN || ud.BaseRel(t.Rel) != "nmod" || t.Head == 0 {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if !hasCase(s, kids, n, "at", "upon") {
			continue
		}
		h := t.Head - 1
		if s.Tokens[h].UPOS != ud.NOUN && s.Tokens[h].UPOS != ud.PROPN || requestEvents[s.Tokens[h].Lemma] {
			continue
		}
		v := h
		for steps := 0; v >= 0 && s.Tokens[v].UPOS != ud.VERB && steps < 6; steps++ {
			v = s.Tokens[v].Head - 1
		}
		if v >= 0 && s.Tokens[v].UPOS == ud.VERB && s.Tokens[v].Rel == "acl" && s.Tokens[v].XPOS == "VB" && hasMarkTo(s, kids, v) {
			// "provided aid to support the budget at the request of
			// X": a purpose on the object is the act's; the request is
			// for the act
			for u, steps := s.Tokens[v].Head-1, 0; u >= 0 && steps < 4; u, steps = s.Tokens[u].Head-1, steps+1 {
				if s.Tokens[u].UPOS == ud.VERB {
					v = u
					break
				}
			}
		}
		if v < 0 || s.Tokens[v].UPOS != ud.VERB || v > n {
			continue
		}
		tryRepair(s, func() { s.Tokens[n].Head, s.Tokens[n].Rel = v+1, "obl" })
		kids = nil
	}
}
