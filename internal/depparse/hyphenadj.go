package depparse

import "farabi/internal/ud"

// Hyphenated participles before a noun. "the war-torn country", "the
// war-hit economy", "Turkey-backed fighters": the participle modifies the
// noun after it (amod, as EWT hangs "US-based") and the word before the
// hyphen modifies the participle. The parser sometimes makes the first
// part the noun phrase's head (the subject, with the participle a clause
// on it) or the participle the sentence's root, with the noun the subject
// of the real verb hung on it. The repair gives the phrase back to the
// noun: it takes the place of the phrase's top word, or, when the noun
// is already the subject of a verb that hangs on that word, the verb
// takes it.

// hyphenedParticiples repairs, in parsed s, noun phrases of the shape
// "X-participle noun" that the noun does not head.
func hyphenedParticiples(s *ud.Sentence) {
	n := len(s.Tokens)
	for p := 2; p+1 < n; p++ {
		t := &s.Tokens[p]
		if t.XPOS != "VBN" || s.Tokens[p-1].XPOS != "HYPH" || t.Rel == "amod" && s.Tokens[p+1].UPOS == ud.NOUN && t.Head == p+2 {
			continue
		}
		x := p - 2
		switch s.Tokens[x].UPOS {
		case ud.NOUN, ud.PROPN, ud.ADJ:
		default:
			continue
		}
		noun := -1
		for k := p + 1; k < n && (s.Tokens[k].UPOS == ud.ADJ || s.Tokens[k].UPOS == ud.NOUN || s.Tokens[k].UPOS == ud.PROPN); k++ {
			// (a name may stand before the noun: "Iran-backed Houthi
			// rebels", "Moscow-backed Wagner fighters")
			if s.Tokens[k].UPOS == ud.NOUN {
				noun = k // the last noun of the run: "coastal town"
			}
		}
		if noun < 0 {
			continue
		}
		top := -1
		for _, k := range [2]int{x, p} {
			if outside(s, k, x, noun) {
				top = k
			}
		}
		if top < 0 {
			// The noun heads the phrase; only the labels may be off.
			if s.Tokens[p].Head-1 == noun && s.Tokens[x].Head-1 == p {
				continue
			}
		}
		tryRepair(s, func() {
			after := noun // where what hung on the phrase's first words after it goes
			if top >= 0 {
				if v := s.Tokens[noun].Head - 1; outside(s, noun, x, noun) && v >= 0 && under(s, v, top) {
					// "The war-torn country asked for help": the verb
					// whose subject the noun is takes the top's place.
					s.Tokens[v].Head, s.Tokens[v].Rel = s.Tokens[top].Head, s.Tokens[top].Rel
					after = v
				} else {
					s.Tokens[noun].Head, s.Tokens[noun].Rel = s.Tokens[top].Head, s.Tokens[top].Rel
				}
			}
			for k := range s.Tokens {
				if h := s.Tokens[k].Head - 1; (h == x || h == p) && k < x {
					s.Tokens[k].Head = noun + 1 // "the", "second"
				} else if (h == x || h == p) && k > noun {
					s.Tokens[k].Head = after + 1
				}
			}
			s.Tokens[p].Head, s.Tokens[p].Rel = noun+1, "amod"
			s.Tokens[x].Head, s.Tokens[x].Rel = p+1, "obl:unmarked"
			for k := x + 1; k < p; k++ {
				s.Tokens[k].Head = x + 1 // the hyphen
			}
			for k := p + 1; k < noun; k++ {
				if outside(s, k, x, noun) || s.Tokens[k].Head-1 == x || s.Tokens[k].Head-1 == p {
					s.Tokens[k].Head = noun + 1
				}
			}
		})
		p = noun
	}
}
