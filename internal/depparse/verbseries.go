package depparse

import "farabi/internal/ud"

// The second verb of a subject's predicate hung in the wrong place. In UD
// every conjunct hangs on the first, and the verbs of one subject's
// predicate ("Egypt condemned the strike and called on Israel …", "X met
// Y, discussed Z and signed W") are conjuncts of its first verb. Two
// readings of the parser lose that:
//
//   - The verb after "and" hung as a conjunct of the first verb's object
//     ("called" a conjunct of "strike"): a finite verb with a conjunction
//     and no subject of its own, on a noun that is a verb's object, is that
//     verb's conjunct.
//   - The middle verb of three hung as parataxis after the comma, the last
//     as its conjunct ("met …, discussed border security and signed four
//     documents"): the middle verb, with no subject, marker or conjunction
//     of its own, is the first verb's conjunct, and so is the last.
//
// The coder finds the subject of a conjunct verb through its first
// conjunct; through a noun or a parataxis it did not, or only by a
// fallback.

// verbSeries repairs such predicates in parsed s.
func verbSeries(s *ud.Sentence) {
	// Most sentences have neither shape: look before building the child
	// lists.
	var kids [][]int
	for v := range s.Tokens {
		t := &s.Tokens[v]
		h := t.Head - 1
		if t.Rel != "conj" || h < 0 || h > v || !finiteVerb(s, v) {
			continue
		}
		n := &s.Tokens[h]
		if n.UPOS != ud.NOUN && n.UPOS != ud.PROPN || n.Rel != "obj" {
			continue
		}
		g := n.Head - 1
		if g < 0 || g > h || !finiteVerb(s, g) {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if !hasRel(s, kids[v], "cc") || hasSubject(s, kids[v]) || hasRel(s, kids[v], "mark") {
			continue
		}
		tryRepair(s, func() { t.Head = g + 1 })
		kids = nil
	}
	for p := range s.Tokens {
		t := &s.Tokens[p]
		r := t.Head - 1
		if t.Rel != "parataxis" || r < 0 || r > p || p < 2 || s.Tokens[p-1].Form != "," || !finiteVerb(s, p) || !finiteVerb(s, r) {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if !hasSubject(s, kids[r]) || hasSubject(s, kids[p]) || hasRel(s, kids[p], "mark") || hasRel(s, kids[p], "cc") {
			continue
		}
		q := -1
		for _, c := range kids[p] {
			if c > p && s.Tokens[c].Rel == "conj" && finiteVerb(s, c) && hasRel(s, kids[c], "cc") && !hasSubject(s, kids[c]) {
				q = c
			}
		}
		if q < 0 {
			continue
		}
		tryRepair(s, func() {
			t.Rel = "conj"
			s.Tokens[q].Head = r + 1
			s.Tokens[p-1].Head, s.Tokens[p-1].Rel = p+1, "punct"
		})
		kids = nil
	}
}
