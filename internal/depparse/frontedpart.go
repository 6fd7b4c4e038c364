package depparse

import "farabi/internal/ud"

// A fronted participle's clause whose main clause lost its subject.
// "Driven by goodwill, the Republic of Kazakhstan frees 12 Kyrgyz
// fishermen" came out with "Driven" the root, "the Republic" an
// apposition of "goodwill" and "frees" a conjunct of "Driven" with no
// subject: the by-phrase before the comma drew the noun phrase after it.
// A participle opening the sentence, with no subject or auxiliary, then
// a comma, a noun phrase and a finite verb hung on the participle with no
// conjunction or subject of its own, is the verb's adverbial clause; the
// noun phrase is the verb's subject and the verb the root, as in
// "Driven by goodwill, Kazakhstan frees …", which the parser gets right.

// frontedParticipleSubject repairs such sentences; s is parsed.
func frontedParticipleSubject(s *ud.Sentence) {
	n := len(s.Tokens)
	if n < 6 || s.Tokens[0].Head != 0 || s.Tokens[0].UPOS != ud.VERB {
		return
	}
	if x := s.Tokens[0].XPOS; x != "VBN" && x != "VBG" {
		return
	}
	c := 1
	for c < n && s.Tokens[c].Form != "," {
		c++
	}
	if c+2 >= n {
		return
	}
	kids := childLists(s)
	if hasSubject(s, kids[0]) || hasRel(s, kids[0], "aux") || hasRel(s, kids[0], "aux:pass") {
		return
	}
	p := -1
	for _, k := range kids[0] {
		if k > c+1 && finiteVerb(s, k) {
			switch s.Tokens[k].Rel {
			case "conj", "parataxis":
				p = k
			}
			break
		}
	}
	if p < 0 || hasSubject(s, kids[p]) || hasRel(s, kids[p], "cc") || hasRel(s, kids[p], "mark") {
		return
	}
	a := spanTop(s, c+1, p)
	if a < 0 || s.Tokens[a].UPOS != ud.NOUN && s.Tokens[a].UPOS != ud.PROPN || s.Tokens[a].Head-1 >= c {
		return
	}
	tryRepair(s, func() {
		s.Tokens[p].Head, s.Tokens[p].Rel = 0, "root"
		s.Tokens[a].Head, s.Tokens[a].Rel = p+1, "nsubj"
		s.Tokens[0].Head, s.Tokens[0].Rel = p+1, "advcl"
		s.Tokens[c].Head, s.Tokens[c].Rel = 1, "punct"
		for _, k := range kids[0] {
			if k > c && k != p {
				s.Tokens[k].Head = p + 1 // after the comma: the verb's
			}
		}
	})
}
