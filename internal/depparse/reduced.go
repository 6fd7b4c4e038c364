package depparse

import "farabi/internal/ud"

// The participle of a reduced relative clause. "A Tajik national
// suspected of smuggling was detained": the greedy parser, having read
// "national suspected" as subject and verb, makes the participle the root
// and hangs the finite predicate after it ("was detained") as an adverbial
// clause or parataxis. A participle without an auxiliary or copula is no
// finite clause, and a finite predicate with no subject of its own, no
// conjunction and no subordinating conjunction after it is the sentence's
// main clause: the participle's subject is that predicate's subject, and
// the participle modifies it (acl).

// promoteReducedRelative makes the subjectless finite predicate after a
// participle root the root; s is parsed.
func promoteReducedRelative(s *ud.Sentence) {
	r := -1
	for i := range s.Tokens {
		if s.Tokens[i].Head == 0 {
			r = i
			break
		}
	}
	if r < 0 || s.Tokens[r].UPOS != ud.VERB || s.Tokens[r].XPOS != "VBN" {
		return
	}
	n := len(s.Tokens)
	kids := make([][]int, n)
	for i, u := range s.Tokens {
		if u.Head > 0 {
			kids[u.Head-1] = append(kids[u.Head-1], i)
		}
	}
	subj, p := -1, -1
	for _, c := range kids[r] {
		switch rel := s.Tokens[c].Rel; {
		case rel == "aux" || rel == "aux:pass" || rel == "cop" || rel == "mark":
			return
		case c < r && (rel == "nsubj" || rel == "nsubj:pass"):
			subj = c
		case c > r && p < 0 && (rel == "advcl" || rel == "parataxis"):
			p = c
		}
	}
	if subj < 0 || p < 0 || !finitePredicate(s, kids[p], p) || hasSubject(s, kids[p]) ||
		hasRel(s, kids[p], "mark") || hasRel(s, kids[p], "cc") {
		return
	}
	if u := s.Tokens[subj].UPOS; u != ud.NOUN && u != ud.PROPN {
		return
	}
	lo, _ := span(kids, p)
	for k := subj + 1; k < lo; k++ {
		if k != r && (s.Tokens[k].UPOS == ud.PUNCT || s.Tokens[k].UPOS == ud.VERB || s.Tokens[k].UPOS == ud.AUX) {
			return // a participle clause between commas is promoteAfterModifier's
		}
	}
	rel := "nsubj"
	if hasRel(s, kids[p], "aux:pass") {
		rel = "nsubj:pass"
	}
	s.Tokens[p].Head, s.Tokens[p].Rel = 0, "root"
	s.Tokens[subj].Head, s.Tokens[subj].Rel = p+1, rel
	s.Tokens[r].Head, s.Tokens[r].Rel = subj+1, "acl"
	// What hung from the participle before its subject or after the
	// predicate's start goes with the predicate.
	for _, c := range kids[r] {
		if c != p && c != subj && (c < subj || c >= lo) {
			s.Tokens[c].Head = p + 1
		}
	}
}

// sayingVerbs are the lemmas of verbs of saying and thinking that take a
// clause and no object before it: in "The spokesman said talks with Moscow
// would continue" the noun phrase after "said" is the subject of the
// clause, not the object of "said" ("told reporters …" keeps its object).
var sayingVerbs = map[string]bool{
	"say": true, "announce": true, "claim": true, "report": true, "add": true, "note": true, "state": true,
	"warn": true, "insist": true, "believe": true, "think": true, "argue": true, "confirm": true,
	"allege": true, "stress": true, "acknowledge": true, "admit": true,
}

// subjectOfReported moves the object of a verb of saying that directly
// precedes the verb's subjectless finite clausal complement into that
// clause as its subject; s is parsed.
func subjectOfReported(s *ud.Sentence) {
	n := len(s.Tokens)
	var kids [][]int
	for r := range n {
		if s.Tokens[r].UPOS != ud.VERB || !sayingVerbs[s.Tokens[r].Lemma] {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		o, c := -1, -1
		for _, k := range kids[r] {
			switch s.Tokens[k].Rel {
			case "obj":
				o = k
			case "ccomp":
				if c < 0 && k > r {
					c = k
				}
			}
		}
		if o < 0 || c < 0 || o < r || o > c || hasSubject(s, kids[c]) || !finitePredicate(s, kids[c], c) {
			continue
		}
		if u := s.Tokens[o].UPOS; u != ud.NOUN && u != ud.PROPN && u != ud.PRON {
			continue
		}
		_, hi := span(kids, o)
		lo, _ := span(kids, c)
		if hi+1 != lo {
			continue
		}
		rel := "nsubj"
		if hasRel(s, kids[c], "aux:pass") {
			rel = "nsubj:pass"
		}
		s.Tokens[o].Head, s.Tokens[o].Rel = c+1, rel
		kids[r] = remove(kids[r], o)
		kids[c] = append(kids[c], o)
	}
}
