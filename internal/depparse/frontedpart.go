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

// A gerund's clause as the sentence's subject. "Ending the war is a
// priority for Kyiv", "Rebuilding the bridge took three years": the
// parser made the gerund the root and the verb (or the copula's
// predicate) after its object an xcomp, parataxis or conjunct of it, so
// the sentence had no verb with a subject. A gerund opening the sentence
// with no subject, auxiliary or marker of its own, then its object's
// words with no punctuation, then a finite predicate hung on the gerund
// with no subject, conjunction or marker, is that predicate's clausal
// subject (csubj), as EWT has "Having them visit is a pleasure".

// gerundSubject repairs such sentences; s is parsed.
func gerundSubject(s *ud.Sentence) {
	n := len(s.Tokens)
	if n < 4 || s.Tokens[0].Head != 0 || s.Tokens[0].XPOS != "VBG" || s.Tokens[0].UPOS != ud.VERB {
		return
	}
	kids := childLists(s)
	for _, rel := range [...]string{"aux", "aux:pass", "mark", "cop"} {
		if hasRel(s, kids[0], rel) {
			return
		}
	}
	if hasSubject(s, kids[0]) {
		return
	}
	p := -1
	for _, k := range kids[0] {
		switch s.Tokens[k].Rel {
		case "xcomp", "parataxis", "conj", "ccomp", "dep":
			if k >= 2 {
				p = k
			}
		default:
			continue
		}
		break
	}
	if p < 0 || hasSubject(s, kids[p]) || hasRel(s, kids[p], "cc") || hasRel(s, kids[p], "mark") {
		return
	}
	if !finiteVerb(s, p) && !finiteCopula(s, kids[p]) {
		return
	}
	lo, _ := span(kids, p)
	if lo < 2 {
		return
	}
	for k := 1; k < lo; k++ {
		if s.Tokens[k].UPOS == ud.PUNCT || !under(s, k, 0) {
			return // "Speaking to reporters, …": a fronted clause
		}
	}
	tryRepair(s, func() {
		s.Tokens[p].Head, s.Tokens[p].Rel = 0, "root"
		s.Tokens[0].Head, s.Tokens[0].Rel = p+1, "csubj"
		for _, k := range kids[0] {
			if k >= lo && k != p {
				s.Tokens[k].Head = p + 1 // after the predicate: its words
			}
		}
	})
}

// finiteCopula reports whether one of kids is a finite copula: the word
// they hang on is a predicate of its own ("is a priority").
func finiteCopula(s *ud.Sentence, kids []int) bool {
	for _, k := range kids {
		if s.Tokens[k].Rel == "cop" && isFinite(s.Tokens[k].XPOS) {
			return true
		}
	}
	return false
}
