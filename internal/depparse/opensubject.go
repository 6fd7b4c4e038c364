package depparse

import "farabi/internal/ud"

// A subject set off by a participle. In "Ukraine's foreign minister,
// speaking at a meeting in Brussels, accused Hungary of …" the parser
// sometimes makes the opening noun phrase an adverbial clause (advcl) of
// the verb, which is then left with no subject. A noun that opens the
// sentence, hangs on a later verb as advcl with no mark, case or copula
// of its own, while that verb has no subject, is the verb's subject.

// openingSubject repairs such subjects in parsed s.
func openingSubject(s *ud.Sentence) {
	kids := childLists(s)
	for n, t := range s.Tokens {
		v := t.Head - 1
		if t.Rel != "advcl" || v <= n || t.UPOS != ud.NOUN && t.UPOS != ud.PROPN || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		if lo, _ := span(kids, n); lo != 0 {
			continue
		}
		if hasRel(s, kids[n], "mark") || hasRel(s, kids[n], "case") || hasRel(s, kids[n], "cop") || hasSubject(s, kids[v]) {
			continue
		}
		tryRepair(s, func() { s.Tokens[n].Rel = "nsubj" })
		kids = childLists(s)
	}
}
