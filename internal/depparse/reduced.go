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
