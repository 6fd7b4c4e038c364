package depparse

import "farabi/internal/ud"

// appealVerbs are the verbs of appeal whose second use in a sentence
// ("… and called on Y to …", "… and urged Y to …") the parser hung on the
// nearest verb.
var appealVerbs = map[string]bool{"call": true, "urge": true, "appeal": true, "press": true, "implore": true}

// An appeal joined to a verb that cannot be its conjunct. "The minister
// urged X to reopen the road and called on Y to free the soldiers" was
// parsed with "called" a conjunct of the infinitive "reopen"; "said the
// country remained committed to the treaty signed in Z and called on Y
// to …" with "called" a conjunct of the participle "signed"; "said A had
// handed over a list of prisoners whose release B wants, and called on Y
// to …" with "called" a conjunct of the noun "release". A verb
// in the past tense with no subject of its own joins a verb of its own
// tense: not an infinitive, a participle modifying a noun, nor a relative
// clause, nor a noun or an adjective. An appeal verb so hung, with the one appealed to after it (an
// object, or "on" / "upon" / "to" Y), is the conjunct of the nearest verb
// above that heads a clause of its own (the root, a reported clause, a
// conjunct, parataxis); what follows it on the words it climbed is its own
// (round 31).

// appealConjuncts repairs, in parsed s, an appeal verb's conjunct hung on
// an infinitive, a noun's participle or a relative clause.
func appealConjuncts(s *ud.Sentence) {
	var kids [][]int
	for c, t := range s.Tokens {
		if t.Rel != "conj" || t.UPOS != ud.VERB || t.XPOS != "VBD" && t.XPOS != "VBN" || t.Head == 0 || !appealVerbs[t.Lemma] {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if hasSubject(s, kids[c]) || !appealsTo(s, kids, c) {
			continue
		}
		h := t.Head - 1
		if !boundVerb(s, kids, h) {
			continue
		}
		// climb to the nearest verb that heads a clause of its own
		r := h
		for steps := 0; r >= 0 && steps < 12; steps++ {
			if s.Tokens[r].UPOS == ud.VERB && clauseHead(s.Tokens[r].Rel) && r != h {
				break
			}
			r = s.Tokens[r].Head - 1
		}
		if r < 0 || r == h || s.Tokens[r].UPOS != ud.VERB || !clauseHead(s.Tokens[r].Rel) {
			continue
		}
		var path []int // the words from h up to r, r left out
		for p := h; p != r; p = s.Tokens[p].Head - 1 {
			path = append(path, p)
		}
		tryRepair(s, func() {
			for _, p := range path {
				for _, k := range kids[p] {
					if k > c && s.Tokens[k].UPOS != ud.PUNCT {
						s.Tokens[k].Head = c + 1
					}
				}
			}
			s.Tokens[c].Head, s.Tokens[c].XPOS = r+1, "VBD"
		})
		kids = nil
	}
}

// appealsTo reports whether appeal verb c names the one appealed to after
// it: an object, or an obl with "on", "upon" or "to".
func appealsTo(s *ud.Sentence, kids [][]int, c int) bool {
	for _, o := range kids[c] {
		if o < c {
			continue
		}
		switch ud.BaseRel(s.Tokens[o].Rel) {
		case "obj", "iobj":
			return true
		case "obl":
			if hasCase(s, kids, o, "on", "upon", "to") {
				return true
			}
		}
	}
	return false
}

// boundVerb reports whether word h cannot share a past tense's subject
// and tense: a noun, an adjective, an infinitive with "to", a participle
// complement ("remained bound"), a participle or verb modifying a noun
// (acl), or a relative clause.
func boundVerb(s *ud.Sentence, kids [][]int, h int) bool {
	u := s.Tokens[h]
	if u.UPOS == ud.NOUN || u.UPOS == ud.ADJ {
		// "a list of prisoners whose release B wants, and called on
		// Y", "asked X to keep the crossing open and called on Y"
		return true
	}
	if u.UPOS != ud.VERB {
		return false
	}
	switch u.Rel {
	case "acl", "acl:relcl":
		return true
	case "xcomp":
		if u.XPOS == "VBN" {
			return true // "remained bound by the accord and called on Y"
		}
	}
	return u.XPOS == "VB" && hasMarkTo(s, kids, h)
}

// clauseHead reports whether a verb with relation rel heads a clause with
// a subject and tense of its own.
func clauseHead(rel string) bool {
	switch ud.BaseRel(rel) {
	case "root", "ccomp", "conj", "parataxis":
		return true
	}
	return false
}
