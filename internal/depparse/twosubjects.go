package depparse

import "farabi/internal/ud"

// Two subjects side by side. A verb has one nominal subject before it
// (and conjuncts of it), but the parser gives some verbs two, the second
// right after the first's phrase:
//
//   - "Migrants trying to reach Europe drowned": the first's phrase ends
//     in an infinitive with no object, whose object the second is.
//   - "Hay'at Tahrir al-Sham fighters captured the town": a name, then a
//     common noun: the noun is the subject, the name its compound.
//   - "Tehreek-e-Taliban Pakistan said": two names: the second goes on
//     the first's name (flat).
//   - "Rebel commander Ahmed Musa was captured": a bare title, then a
//     name: the title hangs on the name (nmod:desc).
//   - "A minister of state for trade arrived": a preposition between
//     them, which the parser hung on the verb: the second subject and
//     the preposition are a modifier of the first's last noun.
//   - "Yemen's Houthis fired": the first ends in a possessive
//     ending: it is the second's possessor.
//   - "Regional mediators Kenya, Uganda and Ethiopia will oversee": a
//     name in apposition to the first, then a comma and a list: the
//     list's members are the name's conjuncts.
//   - "The minister, a former ambassador to Washington, visited": a
//     common noun's phrase between commas, right before the verb: an
//     apposition of the first.
//   - "Border clashes between Kyrgyz and Tajik troops killed": the
//     first's phrase ends in a preposition and a list of names or
//     adjectives, which the parser took for the preposition's object:
//     they modify the second, a common noun, and the preposition's
//     object is the second's phrase.

// twoSubjects repairs, in parsed s, verbs with two nominal subjects before
// them, the second right after the first's phrase.
func twoSubjects(s *ud.Sentence) {
	var kids [][]int // built at the first verb with two subjects
	for v := range s.Tokens {
		a, b := -1, -1
		for k := 0; k < v; k++ {
			if s.Tokens[k].Head-1 != v || s.Tokens[k].Rel != "nsubj" && s.Tokens[k].Rel != "nsubj:pass" {
				continue
			}
			if a < 0 {
				a = k
			} else if b < 0 {
				b = k
			} else {
				b = -1
				break
			}
		}
		if b < 0 {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		_, hi := span(kids, a)
		lo, bhi := span(kids, b)
		if bhi >= v {
			continue
		}
		lastUPOS := s.Tokens[hi].UPOS
		if p := &s.Tokens[hi+1]; p.UPOS == ud.ADP && p.Head-1 == v && (lastUPOS == ud.NOUN || lastUPOS == ud.VERB) && s.Tokens[b].UPOS == ud.NOUN && between(s, hi+2, lo, b) {
			// "A minister of state for trade arrived", "Diplomats involved
			// in the negotiations said": a preposition's phrase after the
			// first subject's phrase modifies its last noun or participle.
			rel := "nmod"
			if lastUPOS == ud.VERB {
				rel = "obl"
			}
			tryRepair(s, func() {
				p.Head, p.Rel = b+1, "case"
				s.Tokens[b].Head, s.Tokens[b].Rel = hi+1, rel
				for k := hi + 2; k < lo; k++ {
					s.Tokens[k].Head = b + 1 // "the" left on the verb
				}
			})
			kids = nil
			continue
		}
		comma := hi + 1
		if s.Tokens[hi].Form == "," {
			comma = hi
		}
		if c := comma - 1; comma+1 == lo && s.Tokens[comma].Form == "," && s.Tokens[c].UPOS == ud.PROPN && c != a && hasRel(s, kids[b], "conj") {
			// "Regional mediators Kenya, Uganda and Ethiopia will
			// oversee": a name after a noun, then a comma and a list:
			// the list goes on from the name, which stands beside the
			// noun.
			tryRepair(s, func() {
				if t := &s.Tokens[c]; t.Rel == "flat" && s.Tokens[t.Head-1].UPOS == ud.NOUN {
					t.Rel = "appos"
				}
				s.Tokens[comma].Head = b + 1
				s.Tokens[b].Head, s.Tokens[b].Rel = c+1, "conj"
				for _, k := range kids[b] {
					if s.Tokens[k].Rel == "conj" {
						s.Tokens[k].Head = c + 1
					}
				}
			})
			kids = nil
			continue
		}
		if s.Tokens[hi].Form == "," && hi+1 == lo && s.Tokens[bhi].Form == "," && bhi+1 == v && s.Tokens[b].UPOS == ud.NOUN {
			// "Ukraine's foreign minister, a former ambassador to
			// Washington, visited Ottawa": a noun phrase set off by
			// commas between the subject and its verb is an
			// apposition of the subject, not a second subject.
			tryRepair(s, func() { s.Tokens[b].Head, s.Tokens[b].Rel = a+1, "appos" })
			kids = nil
			continue
		}
		if hi+1 != lo {
			continue
		}
		if lo == b && s.Tokens[b].UPOS == ud.NOUN && listedModifiers(s, b) {
			kids = nil
			continue
		}
		last := &s.Tokens[hi]
		switch ua, ub := s.Tokens[a].UPOS, s.Tokens[b].UPOS; {
		case last.UPOS == ud.PART && last.Head-1 == a && last.Rel == "case" && (ub == ud.NOUN || ub == ud.PROPN):
			// "Yemen's Houthis fired": a possessor.
			tryRepair(s, func() { s.Tokens[a].Head, s.Tokens[a].Rel = b+1, "nmod:poss" })
		case last.UPOS == ud.VERB && last.XPOS == "VB" && hasRel(s, kids[hi], "mark") && !hasRel(s, kids[hi], "obj") && (ub == ud.NOUN || ub == ud.PROPN):
			tryRepair(s, func() { s.Tokens[b].Head, s.Tokens[b].Rel = hi+1, "obj" })
		case lo != b || !namesOnly(s, kids[a], a):
		case ua == ud.NOUN && ub == ud.PROPN && s.Tokens[a].XPOS == "NN" && !hasRel(s, kids[a], "det") && !hasRel(s, kids[a], "nmod:poss"):
			// "Rebel commander Ahmed Musa was captured": a bare title
			// before a name (titleBeforeName).
			tryRepair(s, func() { s.Tokens[a].Head, s.Tokens[a].Rel = b+1, "nmod:desc" })
		case ua == ud.PROPN && ub == ud.NOUN:
			tryRepair(s, func() { s.Tokens[a].Head, s.Tokens[a].Rel = b+1, "compound" })
		case ua == ud.PROPN && ub == ud.PROPN && len(kids[b]) == 0:
			tryRepair(s, func() { s.Tokens[b].Head, s.Tokens[b].Rel = a+1, "flat" })
		}
		kids = nil
	}
}

// namesOnly reports whether what hangs on word a after it is the rest of
// a name (flat, compound or punct: "Tahrir al-Sham").
func namesOnly(s *ud.Sentence, kids []int, a int) bool {
	for _, c := range kids {
		if c < a {
			continue
		}
		switch s.Tokens[c].Rel {
		case "flat", "compound", "punct":
		default:
			return false
		}
	}
	return true
}

// A reduced relative clause taken for an adverbial one. "Rebels based in
// the north attacked an army post": the parser made the noun the
// participle's subject and the participle an adverbial clause of the
// finite verb after it, which was left with no subject. A participle
// with no auxiliary, mark or object has no subject of its own: the noun is
// the verb's subject, and the participle modifies it (acl).

// reducedAdverbial repairs, in parsed s, such participles.
func reducedAdverbial(s *ud.Sentence) {
	var kids [][]int
	for p := range s.Tokens {
		t := &s.Tokens[p]
		if t.XPOS != "VBN" || t.Rel != "advcl" || t.Head-1 <= p {
			continue
		}
		v := t.Head - 1
		if u := &s.Tokens[v]; u.UPOS != ud.VERB || !isFinite(u.XPOS) {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		subj := -1
		for _, c := range kids[p] {
			switch s.Tokens[c].Rel {
			case "nsubj", "nsubj:pass":
				if c < p {
					subj = c
				}
			case "aux", "aux:pass", "cop", "mark", "obj":
				subj = -2
			}
			if subj == -2 {
				break
			}
		}
		if subj < 0 || hasSubject(s, kids[v]) {
			continue
		}
		if u := s.Tokens[subj].UPOS; u != ud.NOUN && u != ud.PROPN {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[subj].Head, s.Tokens[subj].Rel = v+1, "nsubj"
			t.Head, t.Rel = subj+1, "acl"
			for _, c := range kids[v] {
				if c > p && c < v {
					s.Tokens[c].Head = p + 1 // "in the north"
				}
			}
		})
		kids = nil
	}
}

// between reports whether the words from..to-1, before word b, are
// determiners or adjectives of a noun phrase ("the", "two", "new").
func between(s *ud.Sentence, from, to, b int) bool {
	if to > b {
		return false
	}
	for k := from; k < to; k++ {
		switch s.Tokens[k].UPOS {
		case ud.DET, ud.ADJ, ud.NUM:
		default:
			return false
		}
	}
	return true
}

// listedModifiers repairs the list of names or adjectives joined by a
// conjunction (and commas) that a preposition opens right before the
// common noun b ("between Kyrgyz and Tajik troops"), parsed as the
// preposition's object with b a subject of its own: b takes the list's
// place, the first of the list hangs on b, the others on the first as
// its conjuncts. It reports whether it made the change.
func listedModifiers(s *ud.Sentence, b int) bool {
	var mods []int
	cc := false
	k := b - 1
	for ; k >= 0; k-- {
		t := &s.Tokens[k]
		switch {
		case t.UPOS == ud.ADJ || t.UPOS == ud.PROPN:
			mods = append(mods, k)
			continue
		case t.UPOS == ud.CCONJ && len(mods) > 0:
			cc = true
			continue
		case t.Form == "," && len(mods) > 0:
			continue
		}
		break
	}
	if k < 0 || s.Tokens[k].UPOS != ud.ADP || len(mods) < 2 || !cc {
		return false
	}
	first := mods[len(mods)-1]
	if first != k+1 || s.Tokens[k].Head-1 != first || s.Tokens[first].Head-1 >= k {
		return false
	}
	ok := false
	tryRepair(s, func() {
		f := &s.Tokens[first]
		s.Tokens[b].Head, s.Tokens[b].Rel = f.Head, f.Rel
		s.Tokens[k].Head = b + 1
		hangList(s, first, b, false)
		ok = true
	})
	return ok && s.Tokens[b].Head-1 != b
}

// listedObjectModifiers is listedModifiers after a verb: a list of names
// or adjectives joined by a conjunction right after the verb, before its
// common-noun object, modifies that object ("Egyptian mediators hosted
// Israeli and Hamas negotiators": "Israeli" had become the verb's xcomp
// and "Hamas" its conjunct, so the coder saw a second clause). The list's
// first word hangs on the object, the others on the first as conjuncts,
// each conjunction and comma on the conjunct after it.
func listedObjectModifiers(s *ud.Sentence) {
	var kids [][]int // built on the first candidate
	for b := range s.Tokens {
		t := &s.Tokens[b]
		v := t.Head - 1
		if t.Rel != "obj" || t.UPOS != ud.NOUN || v < 0 || v+3 >= b || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		first, cc := v+1, false
	list:
		for k := first; k < b; k++ {
			switch u := s.Tokens[k].UPOS; {
			case u == ud.ADJ || u == ud.PROPN:
			case u == ud.CCONJ && k > first && k+1 < b:
				cc = true
			case s.Tokens[k].Form == "," && k > first && k+1 < b:
			default:
				cc = false // a determiner, a noun: no bare list
				break list
			}
		}
		if !cc || s.Tokens[first].Head-1 != v {
			continue
		}
		switch ud.BaseRel(s.Tokens[first].Rel) {
		case "xcomp", "obj", "iobj", "obl", "dep", "nsubj":
		default:
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		// nothing outside the list may hang on its words
		outside := false
		for k := first; k < b; k++ {
			for _, c := range kids[k] {
				if c < first || c >= b {
					outside = true
				}
			}
		}
		if outside {
			continue
		}
		tryRepair(s, func() { hangList(s, first, b, true) })
		kids = nil
	}
}

// hangList hangs a list of names or adjectives, words first to b-1 of s,
// on the noun at b: the first word as its compound (amod for an
// adjective), the others as the first's conjuncts, and each conjunction
// and comma on the conjunct after it (relabelled cc or punct when
// relabel is set).
func hangList(s *ud.Sentence, first, b int, relabel bool) {
	f := &s.Tokens[first]
	rel := "compound"
	if f.UPOS == ud.ADJ {
		rel = "amod"
	}
	f.Head, f.Rel = b+1, rel
	for j := first + 1; j < b; j++ {
		switch u := s.Tokens[j].UPOS; {
		case u == ud.ADJ || u == ud.PROPN:
			s.Tokens[j].Head, s.Tokens[j].Rel = first+1, "conj"
		default: // "and", ",": of the conjunct after it
			for m := j + 1; m < b; m++ {
				if u := s.Tokens[m].UPOS; u == ud.ADJ || u == ud.PROPN {
					s.Tokens[j].Head = m + 1
					if relabel {
						s.Tokens[j].Rel = "cc"
						if s.Tokens[j].Form == "," {
							s.Tokens[j].Rel = "punct"
						}
					}
					break
				}
			}
		}
	}
}
