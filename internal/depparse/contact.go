package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Relative clauses without a relative word. "Washington sanctioned a
// shipping firm it accuses of moving drones": a personal pronoun and a
// finite verb right after a noun phrase, the verb missing its object, is
// a relative clause of the noun (acl:relcl); the parser made the verb an
// adverbial clause or a conjunct of the main verb.

// subjectPronouns are the pronouns that open a relative clause without
// "that" as its subject.
var subjectPronouns = []string{"it", "they", "he", "she", "we", "i", "you"}

// contactRelatives repairs, in parsed s, relative clauses without a
// relative word hung on the clause rather than on their noun.
func contactRelatives(s *ud.Sentence) {
	var kids [][]int
	for p := 1; p+1 < len(s.Tokens); p++ {
		if s.Tokens[p].Rel != "nsubj" || !containsFold(subjectPronouns, s.Tokens[p].Form) {
			continue
		}
		v := s.Tokens[p].Head - 1
		u := &s.Tokens[v]
		if v <= p || u.UPOS != ud.VERB || !isFinite(u.XPOS) {
			continue
		}
		switch u.Rel {
		case "advcl", "conj", "parataxis":
		default:
			continue
		}
		noun := &s.Tokens[p-1]
		if noun.UPOS != ud.NOUN {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		// The noun's phrase ends right before the pronoun, the verb's head
		// governs the noun, and between pronoun and verb only the verb's
		// auxiliaries and adverbs stand.
		nh := p - 1
		for nh >= 0 && s.Tokens[nh].UPOS == ud.NOUN && s.Tokens[nh].Rel == "compound" {
			nh = s.Tokens[nh].Head - 1
		}
		if nh < 0 || nh >= p {
			continue
		}
		if _, hi := span(kids, nh); hi != p-1 || !under(s, nh, u.Head-1) {
			continue
		}
		ok := true
		for k := p + 1; k < v; k++ {
			if s.Tokens[k].Head-1 != v || (s.Tokens[k].Rel != "aux" && s.Tokens[k].Rel != "advmod") {
				ok = false
			}
		}
		for _, c := range kids[v] {
			switch s.Tokens[c].Rel {
			case "obj", "mark", "cc", "iobj":
				ok = false
			}
		}
		if !ok {
			continue
		}
		tryRepair(s, func() { u.Head, u.Rel = nh+1, "acl:relcl" })
		kids = nil
	}
}

// relativeWords open a relative clause.
var relativeWords = []string{"that", "which", "who", "whom", "whose", "where", "when", "why"}

// A noun phrase taken for the sentence, its predicate for a relative
// clause. "Russian assets frozen in Europe could be used to help
// Ukraine": the parser rooted the sentence in "assets" and hung "used" on
// it as a relative clause, though the clause has neither a subject nor a
// relative word, which every relative clause has. The verb is the root
// and the noun its subject.

// subjectlessRelative repairs, in parsed s, a noun root with such a
// relative clause.
func subjectlessRelative(s *ud.Sentence) {
	r := -1
	for i, t := range s.Tokens {
		if t.Head == 0 {
			r = i
		}
	}
	if r < 0 || s.Tokens[r].UPOS != ud.NOUN && s.Tokens[r].UPOS != ud.PROPN {
		return
	}
	for k := range r {
		if !under(s, k, r) {
			return // the noun does not open the sentence
		}
	}
	kids := childLists(s)
	for _, v := range kids[r] {
		if v < r || s.Tokens[v].Rel != "acl:relcl" || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		if hasSubject(s, kids[v]) || !finitePredicate(s, kids[v], v) {
			continue
		}
		rel := hasRel(s, kids[v], "mark")
		for k := r + 1; k < v; k++ {
			if containsFold(relativeWords, s.Tokens[k].Form) {
				rel = true // "an environment from which to …"
			}
		}
		if rel {
			continue
		}
		subj := "nsubj"
		if hasRel(s, kids[v], "aux:pass") {
			subj = "nsubj:pass"
		}
		tryRepair(s, func() {
			s.Tokens[v].Head, s.Tokens[v].Rel = 0, "root"
			s.Tokens[r].Head, s.Tokens[r].Rel = v+1, subj
			for _, c := range kids[r] {
				if c > v || s.Tokens[c].Rel == "punct" && c > r {
					s.Tokens[c].Head = v + 1
				}
			}
		})
		return
	}
}

// "Due" as a predicate. "The minister is due in Beijing on Thursday": the
// parser took "due" for the first word of "due to", a case marker, and
// rooted the sentence in the noun after it. Not before "to", "due" with a
// copula and subject on its head is the predicate: it takes its head's
// place and the clause's words, and the noun becomes its oblique.

// Before "to" and a verb ("The talks are due to resume on Tuesday"), the
// parser made "due to" the verb's case marker and the verb the predicate
// of "are": "due" is the predicate and the verb its xcomp.

// duePredicate repairs, in parsed s, "due" read as a case marker.
func duePredicate(s *ud.Sentence) {
	for d := range s.Tokens {
		t := &s.Tokens[d]
		if !strings.EqualFold(t.Form, "due") || t.Rel != "case" || t.UPOS != ud.ADJ {
			continue
		}
		x := t.Head - 1
		if d+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[d+1].Form, "to") {
			if x == d+2 && s.Tokens[x].XPOS == "VB" {
				dueTo(s, d, x)
			}
			continue
		}
		if x < d {
			continue
		}
		kids := childLists(s)
		if !hasRel(s, kids[x], "cop") || !hasSubject(s, kids[x]) {
			continue
		}
		tryRepair(s, func() {
			t.Head, t.Rel = s.Tokens[x].Head, s.Tokens[x].Rel
			s.Tokens[x].Head, s.Tokens[x].Rel = d+1, "obl"
			for _, c := range kids[x] {
				switch rel := s.Tokens[c].Rel; {
				case c == d:
				case c < d || rel == "punct" || rel == "obl" || rel == "advmod" || rel == "nmod" || rel == "conj" || rel == "cc" || rel == "parataxis":
					s.Tokens[c].Head = d + 1
					if rel == "nmod" {
						s.Tokens[c].Rel = "obl"
					}
				}
			}
			for _, c := range kids[d] {
				if s.Tokens[c].Rel == "nmod" {
					s.Tokens[c].Rel = "obl"
				}
			}
		})
		return
	}
}

// dueTo makes "due" (word d) the predicate of the clause of verb x, right
// after "due to": the verb's copula, subject and what stands before "due"
// go to "due", and the verb is its xcomp with "to" as its mark.
func dueTo(s *ud.Sentence, d, x int) {
	kids := childLists(s)
	if !hasRel(s, kids[x], "cop") || !hasSubject(s, kids[x]) {
		return
	}
	tryRepair(s, func() {
		t, v := &s.Tokens[d], &s.Tokens[x]
		t.Head, t.Rel = v.Head, v.Rel
		v.Head, v.Rel = d+1, "xcomp"
		s.Tokens[d+1].Head, s.Tokens[d+1].Rel = x+1, "mark"
		for _, c := range kids[x] {
			if c < d || s.Tokens[c].Rel == "punct" {
				s.Tokens[c].Head = d + 1
			}
		}
	})
}
