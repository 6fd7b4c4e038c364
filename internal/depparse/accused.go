package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Gerunds of an accusation. "accused the UAE of supplying drones to the
// RSF" is sometimes parsed as if "supplying drones" were "flying drones",
// the gerund an adjective of the noun after it, and the act the
// accusation names is lost. After a verb of accusing (on the verb or on
// its object), "of" or "for" before a gerund opens the gerund's clause: the
// gerund hangs on the verb (advcl, "of" its mark, as EWT has it), the noun
// is its object, and what hung on the noun after it ("to the RSF") hangs on
// the gerund.

// accuseLemmas are the verbs whose "of" or "for" names an act.
var accuseLemmas = map[string]bool{"accuse": true, "blame": true, "charge": true, "suspect": true,
	"convict": true, "condemn": true, "criticise": true, "criticize": true, "denounce": true, "fault": true}

// accusedGerund repairs, in parsed s, gerunds of an accusation parsed as
// adjectives of the noun after them or as modifiers of the accused.
func accusedGerund(s *ud.Sentence) {
	n := len(s.Tokens)
	for g := 1; g+1 < n; g++ {
		t := s.Tokens[g]
		if t.XPOS != "VBG" || t.UPOS != ud.VERB || t.Rel == "advcl" {
			continue
		}
		if t.Rel == "acl" && (t.Head == 0 || !strings.HasPrefix(s.Tokens[t.Head-1].Rel, "obl")) {
			continue // a clause on the accused ("accused him of lying") stays; one on a time phrase ("on Monday of opening fire") does not
		}
		if w := strings.ToLower(s.Tokens[g-1].Form); w != "of" && w != "for" {
			continue
		}
		// the object: the last noun of the run of words that follows
		noun := -1
		for k := g + 1; k < n; k++ {
			u := s.Tokens[k].UPOS
			if u == ud.NOUN || u == ud.PROPN {
				noun = k
			} else if u != ud.DET && u != ud.ADJ && u != ud.NUM {
				break
			}
		}
		if noun < 0 {
			continue
		}
		// the verb of accusing: up from the gerund, over the accused
		v := t.Head - 1
		for k := 0; k < 3 && v >= 0 && s.Tokens[v].UPOS != ud.VERB; k++ {
			v = s.Tokens[v].Head - 1
		}
		if v < 0 || v > g || s.Tokens[v].UPOS != ud.VERB || !accuseLemmas[s.Tokens[v].Lemma] {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[g].Head, s.Tokens[g].Rel = v+1, "advcl"
			s.Tokens[g-1].Head, s.Tokens[g-1].Rel = g+1, "mark"
			s.Tokens[noun].Head, s.Tokens[noun].Rel = g+1, "obj"
			for k := g + 1; k < noun; k++ {
				if h := s.Tokens[k].Head - 1; h == g || h < g || h > noun {
					s.Tokens[k].Head = noun + 1 // "the", "armed"
				}
			}
			for k := noun + 1; k < n; k++ {
				if c := &s.Tokens[k]; c.Head-1 == noun && ud.BaseRel(c.Rel) == "nmod" {
					c.Head, c.Rel = g+1, "obl"
				}
			}
		})
	}
}
