package depparse

import (
	"farabi/internal/ud"
)

// Scores are attachment scores in percent over Words words, CoNLL 2018
// style: punctuation included, LAS comparing only the universal part of
// the relation ("nmod" for "nmod:poss"). FullLAS compares whole relations.
type Scores struct {
	Words   int
	UAS     float64
	LAS     float64
	FullLAS float64
}

// Evaluate parses a copy of each gold sentence with the tags it carries and
// scores the result against the gold heads and relations.
func Evaluate(p *Parser, gold []*ud.Sentence) Scores {
	var words, uas, las, full int
	for _, g := range gold {
		s := &ud.Sentence{Tokens: make([]ud.Token, len(g.Tokens))}
		copy(s.Tokens, g.Tokens)
		p.Parse(s)
		for i, t := range s.Tokens {
			gt := g.Tokens[i]
			words++
			if t.Head != gt.Head {
				continue
			}
			uas++
			if ud.BaseRel(t.Rel) == ud.BaseRel(gt.Rel) {
				las++
			}
			if t.Rel == gt.Rel {
				full++
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(words, 1)) }
	return Scores{Words: words, UAS: pct(uas), LAS: pct(las), FullLAS: pct(full)}
}
