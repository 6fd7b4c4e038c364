package depparse

import (
	"farabi/internal/ud"
)

// A Unit is a run of words of a sentence, First to Last (0-based indexes
// into Tokens, both included), that [Parser.ParseUnits] keeps in one
// subtree: a name of several words, such as an actor mention.
type Unit struct{ First, Last int }

// ParseUnits fills Head and Rel of every token of s as Parse does, with
// each unit of two words or more parsed apart and then standing in the
// sentence as one word, its head: "Uzbek President Shavkat Mirziyoyev and
// his counterpart held talks" is parsed as "Shavkat and his counterpart
// held talks". The words of a unit depend only on words of the unit, and
// only its head has a head outside it. Units must be in order and must not
// overlap; those that do not fit the sentence are ignored.
func (p *Parser) ParseUnits(s *ud.Sentence, units []Unit) {
	n := len(s.Tokens)
	unitOf := make([]int, n)
	for i := range unitOf {
		unitOf[i] = -1
	}
	var kept []Unit
	last := -1
	for _, u := range units {
		if u.First <= last || u.First < 0 || u.Last >= n || u.Last <= u.First {
			continue
		}
		for i := u.First; i <= u.Last; i++ {
			unitOf[i] = len(kept)
		}
		kept = append(kept, u)
		last = u.Last
	}
	if len(kept) == 0 {
		p.Parse(s)
		return
	}
	heads := make([]int, n)
	rels := make([]string, n)
	unitHead := make([]int, len(kept))
	sub := &ud.Sentence{}
	for k, u := range kept {
		sub.Tokens = append(sub.Tokens[:0], s.Tokens[u.First:u.Last+1]...)
		p.Parse(sub)
		for j, t := range sub.Tokens {
			i := u.First + j
			if t.Head == 0 {
				unitHead[k] = i
				continue
			}
			heads[i], rels[i] = u.First+t.Head, t.Rel
		}
	}
	red := &ud.Sentence{Tokens: make([]ud.Token, 0, n)}
	back := make([]int, 0, n) // word of red → word of s
	for i := 0; i < n; i++ {
		if k := unitOf[i]; k >= 0 {
			red.Tokens = append(red.Tokens, s.Tokens[unitHead[k]])
			back = append(back, unitHead[k])
			i = kept[k].Last
			continue
		}
		red.Tokens = append(red.Tokens, s.Tokens[i])
		back = append(back, i)
	}
	p.Parse(red)
	for r, t := range red.Tokens {
		i := back[r]
		heads[i], rels[i] = 0, t.Rel
		if t.Head > 0 {
			heads[i] = back[t.Head-1] + 1
		}
	}
	for i := range s.Tokens {
		s.Tokens[i].Head, s.Tokens[i].Rel = heads[i], rels[i]
	}
}

// NameUnits returns the runs of two or more proper nouns (NNP, NNPS, with
// hyphens between them, as in "Kassym - Jomart Tokayev") of a tagged
// sentence, for [Parser.ParseUnits].
func NameUnits(s *ud.Sentence) []Unit {
	var out []Unit
	n := len(s.Tokens)
	for i := 0; i < n; {
		if !isNNP(s.Tokens[i].XPOS) {
			i++
			continue
		}
		j := i
		for j+1 < n && (isNNP(s.Tokens[j+1].XPOS) ||
			s.Tokens[j+1].XPOS == "HYPH" && j+2 < n && isNNP(s.Tokens[j+2].XPOS)) {
			j++
		}
		if j > i {
			out = append(out, Unit{First: i, Last: j})
		}
		i = j + 1
	}
	return out
}

func isNNP(x string) bool { return x == "NNP" || x == "NNPS" }
