package coder

import (
	"strings"

	"farabi/internal/event"
)

// answerVerbs answer another's act; "in kind" after them, or the verb
// "reciprocate" alone, says the answer was the same act.
var answerVerbs = set("respond", "retaliate", "reply", "react", "answer", "hit", "strike", "reciprocate")

// inKind adds the answer "in kind" to a hostile act the sentence codes
// against the one answering: "Russia expelled two Estonian diplomats, and
// Tallinn responded in kind" is Estonia's 174 against Russia; "said Armenian
// troops had opened fire on its positions and that its units had responded
// in kind" is Azerbaijan's 190 (round 9). The act answered is the nearest
// one before the answer whose target is the answering side's country and
// whose source is another's.
func (c *Coder) inKind(st *sentence, evs []event.Event) []event.Event {
	n := len(evs)
	for i := range st.s.Tokens {
		if !answerVerbs[st.lemma(i)] || !st.saysInKind(i) {
			continue
		}
		subj, _ := st.subjectOf(i)
		var sides []event.Actor
		for _, m := range subj {
			sides = append(sides, actorOf(st.s, &st.ms[m]))
		}
		if len(subj) == 0 && st.ownSide(i) {
			// "… and that its units had responded in kind": the side
			// the nearest act before was aimed at
			best := -1
			for k := 0; k < n; k++ {
				if f := evs[k]; f.PredicateStart < st.s.Tokens[i].Span.Start && len(f.Code) >= 2 && f.Code[:2] >= "11" && f.Code[:2] <= "20" &&
					(best < 0 || f.PredicateStart > evs[best].PredicateStart) {
					best = k
				}
			}
			if best >= 0 {
				sides = append(sides, evs[best].Target)
			}
		}
		for _, side := range sides {
			who := side.Code
			best := -1
			for k := 0; k < n; k++ {
				f := evs[k]
				if f.PredicateStart >= st.s.Tokens[i].Span.Start || len(f.Code) < 2 || f.Code[:2] < "11" || f.Code[:2] > "20" {
					continue
				}
				if !sameCountry(f.Target.Code, who) || sameCountry(f.Source.Code, who) {
					continue
				}
				if best < 0 || f.PredicateStart > evs[best].PredicateStart {
					best = k
				}
			}
			if best < 0 {
				continue
			}
			f := evs[best]
			dup := false
			for _, g := range evs {
				dup = dup || g.Code == f.Code && sameCountry(g.Source.Code, who) && sameCountry(g.Target.Code, f.Source.Code)
			}
			if dup {
				continue
			}
			v := f
			v.Source, v.Target = side, f.Source
			v.Predicate = st.s.Tokens[i].Form
			v.PredicateStart, v.PredicateEnd = st.s.Tokens[i].Span.Start, st.s.Tokens[i].Span.End
			v.Confidence = round(0.8 * f.Confidence)
			v.Notes = append(append([]string(nil), f.Notes...), "answered in kind: "+f.Code+" by "+f.Target.Code+" against "+f.Source.Code)
			c.ont.Fill(&v)
			// the answer's own pattern ("retaliated against X": 190)
			// gives way to the act it repeats
			out := evs[:0]
			for k, g := range evs {
				if g.PredicateStart == v.PredicateStart && sameCountry(g.Source.Code, who) && sameCountry(g.Target.Code, f.Source.Code) {
					if k < n {
						n--
					}
					continue
				}
				out = append(out, g)
			}
			evs = append(out, v)
		}
	}
	return evs
}

// ownSide reports whether the subject of i is a pronoun ("it", "they") or
// a noun a possessive pronoun owns ("its units", "their forces"), with no
// actor of its own found.
func (st *sentence) ownSide(i int) bool {
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel != "nsubj" {
			continue
		}
		switch st.lemma(c) {
		case "it", "they", "we":
			return true
		}
		for _, g := range st.children[c] {
			if st.s.Tokens[g].Rel == "nmod:poss" && (st.lemma(g) == "its" || st.lemma(g) == "their" || st.lemma(g) == "our" || st.lemma(g) == "it" || st.lemma(g) == "they") {
				return true
			}
		}
	}
	return false
}

// saysInKind reports whether the answer at i was the same act: "in kind"
// hung on it or on a word below it ("responded in kind a day later"), or
// the verb is "reciprocate".
func (st *sentence) saysInKind(i int) bool {
	if st.lemma(i) == "reciprocate" {
		return true
	}
	for j := 1; j < len(st.s.Tokens); j++ {
		if st.lemma(j) != "kind" || !strings.EqualFold(st.s.Tokens[j-1].Form, "in") {
			continue
		}
		for h, steps := st.s.Tokens[j].Head-1, 0; h >= 0 && steps < 3; h, steps = st.s.Tokens[h].Head-1, steps+1 {
			if h == i {
				return true
			}
		}
	}
	return false
}
