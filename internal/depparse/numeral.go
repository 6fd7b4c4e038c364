package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// A numeral standing for its group. "… and the two had discussed the
// situation", "the three agreed to meet again": the parser sometimes
// hangs "two" on the verb as a compound or nummod, with "the" on the verb
// too, and the clause is left without a subject. A cardinal after "the",
// hung on the verb that follows it (with only auxiliaries and adverbs
// between), when that verb has no subject, is its subject, and "the" its
// determiner.

// children returns the words that hang on word v.
func children(s *ud.Sentence, v int) []int {
	var out []int
	for c, t := range s.Tokens {
		if t.Head-1 == v {
			out = append(out, c)
		}
	}
	return out
}

// numeralSubjects repairs, in parsed s, numerals parsed as modifiers of
// the verb whose subject they are.
func numeralSubjects(s *ud.Sentence) {
	for k := 1; k+1 < len(s.Tokens); k++ {
		t := s.Tokens[k]
		if t.UPOS != ud.NUM || !strings.EqualFold(s.Tokens[k-1].Form, "the") || t.Head-1 <= k {
			continue
		}
		if r := ud.BaseRel(t.Rel); r != "compound" && r != "nummod" {
			continue
		}
		v := t.Head - 1
		if s.Tokens[v].UPOS != ud.VERB || hasSubject(s, children(s, v)) {
			continue
		}
		between := true
		for j := k + 1; j < v; j++ {
			if u := s.Tokens[j].UPOS; u != ud.AUX && u != ud.ADV && u != ud.PART {
				between = false
			}
		}
		if !between {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[k].Rel = "nsubj"
			if s.Tokens[k-1].Head-1 == v {
				s.Tokens[k-1].Head = k + 1
			}
		})
	}
}
