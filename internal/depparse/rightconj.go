package depparse

import "farabi/internal/ud"

// Conjuncts hung to their right. In UD a conjunct hangs from the first
// conjunct, always to its left, but before a noun the parser sometimes
// reads "A and B N" as one phrase whose head is N, with A a modifier of N
// and B N's conjunct: "China and South Korea held talks" had "China" as a
// compound of "Korea" and "South" as its conjunct, so the sentence had one
// subject and no pair. Two readings are repaired:
//
//   - Two modifiers of one noun. "security and development issues",
//     "the US and British governments", "government and rebel
//     negotiators": B is the conjunct of A, and both modify N (a plural
//     noun, or modifiers of one class).
//   - Two noun phrases. "China and South Korea", "the force and Haitian
//     police", "extremism and international terrorism": A heads the first
//     phrase, which takes N's place in the tree, N is its conjunct, and
//     the words from B to N are N's modifiers.
//
// Anything else (a verb taken for N, a comma before the coordinator) is
// left as the parser made it.
//
// A phrase of two words after the coordinator was also read as two
// conjuncts: "Kazakhstan and South Africa" with "South" and "Africa"
// both conjuncts of "Kazakhstan", "extremism and international
// terrorism" with "international" and "terrorism" both conjuncts of
// "extremism". Proper nouns, or adjectives, side by side after a
// coordinator and before a noun, each a conjunct of the same word, are
// one phrase: the noun is the conjunct, the others its modifiers.

// rightConjuncts repairs, in parsed s, conjuncts whose head lies to their
// right inside a noun phrase.
func rightConjuncts(s *ud.Sentence) {
	splitNames(s)
	conjoinedSubject(s)
	orphanCoordinators(s)
	for b := 2; b < len(s.Tokens); b++ {
		t := s.Tokens[b]
		n, c := t.Head-1, b-1
		for c > 1 && c > b-3 && s.Tokens[c].UPOS != ud.CCONJ && s.Tokens[c].Head == b+1 {
			c-- // B's own modifiers: "and South African troops"
		}
		a := c - 1
		if t.Rel != "conj" || n <= b || s.Tokens[c].UPOS != ud.CCONJ || !nounLike(s.Tokens[n].UPOS) {
			continue
		}
		// A hangs under N, or beside it from the same head ("fought
		// extremism and international terrorism" with both as the
		// verb's obliques).
		sibling := s.Tokens[a].Head == s.Tokens[n].Head && nounLike(s.Tokens[a].UPOS)
		if !sibling && !under(s, a, n) {
			continue
		}
		inside := true
		for i := b + 1; i < n; i++ {
			inside = inside && under(s, i, n)
		}
		if !inside {
			continue
		}
		switch r := conjReading(s, a, b, n); {
		case sibling && r == phrasePair:
			s.Tokens[n].Head, s.Tokens[n].Rel = a+1, "conj"
			s.Tokens[c].Head, s.Tokens[c].Rel = n+1, "cc"
			s.Tokens[b].Rel = modifierRel(s.Tokens[b].UPOS)
		case sibling:
		case r == modifierPair:
			s.Tokens[b].Head = a + 1
			s.Tokens[c].Head, s.Tokens[c].Rel = b+1, "cc"
		case r == phrasePair:
			// The first phrase's words that hung from N hang from A.
			for i := 0; i < c; i++ {
				if s.Tokens[i].Head == n+1 && i != a {
					s.Tokens[i].Head = a + 1
				}
			}
			s.Tokens[a].Head, s.Tokens[a].Rel = s.Tokens[n].Head, s.Tokens[n].Rel
			s.Tokens[n].Head, s.Tokens[n].Rel = a+1, "conj"
			s.Tokens[c].Head, s.Tokens[c].Rel = n+1, "cc"
			s.Tokens[b].Rel = modifierRel(s.Tokens[b].UPOS)
		}
	}
}

// The readings of "A and B N" that rightConjuncts repairs.
const (
	noReading = iota
	modifierPair
	phrasePair
)

// conjReading says how "A and B N" of s reads, by the classes of A, B and
// N (words a, b, n): see rightConjuncts.
func conjReading(s *ud.Sentence, a, b, n int) int {
	ua, ub, un := s.Tokens[a].UPOS, s.Tokens[b].UPOS, s.Tokens[n].UPOS
	plural := s.Tokens[n].XPOS == "NNS" || s.Tokens[n].XPOS == "NNPS"
	switch ub {
	case ud.ADJ:
		switch {
		case ua == ud.ADJ:
			return modifierPair
		case ua == ud.PROPN && plural:
			return modifierPair // "the US and British governments"
		case ua == ud.PROPN || ua == ud.NOUN:
			return phrasePair // "the force and Haitian police", "the group and Western governments"
		}
	case ud.NOUN:
		if un == ud.NOUN && (ua == ud.NOUN || ua == ud.ADJ) {
			return modifierPair // "security and development issues"
		}
	case ud.PROPN:
		switch {
		case un == ud.PROPN && ua == ud.PROPN:
			return phrasePair // "China and South Korea"
		case un == ud.NOUN && (ua == ud.PROPN || ua == ud.ADJ):
			// "the Belt and Road summit", "Chinese and Tajik
			// troops" (a nationality tagged as a name)
			return modifierPair
		}
	}
	return noReading
}

// modifierRel is the relation a word of class u has to the noun it
// modifies inside a simple noun phrase.
func modifierRel(u ud.UPOS) string {
	switch u {
	case ud.ADJ:
		return "amod"
	case ud.NUM:
		return "nummod"
	case ud.DET:
		return "det"
	case ud.PRON:
		return "nmod:poss"
	case ud.PART:
		return "case"
	}
	return "compound"
}

// splitNames joins, in parsed s, proper nouns or adjectives side by side
// after a coordinator, each a conjunct of the same word, into one phrase
// headed by the last, a noun.
func splitNames(s *ud.Sentence) {
	for b := 1; b+1 < len(s.Tokens); b++ {
		t := s.Tokens[b]
		if t.Rel != "conj" || t.UPOS != ud.PROPN && t.UPOS != ud.ADJ || s.Tokens[b-1].UPOS != ud.CCONJ {
			continue
		}
		if t.UPOS == ud.ADJ && (t.Head == 0 || !nounLike(s.Tokens[t.Head-1].UPOS)) {
			continue // "the political, economic and cultural areas": a list of adjectives
		}
		e := b
		for e+1 < len(s.Tokens) && s.Tokens[e].UPOS == t.UPOS && s.Tokens[e+1].Rel == "conj" && s.Tokens[e+1].Head == t.Head &&
			(s.Tokens[e+1].UPOS == ud.PROPN || t.UPOS == ud.ADJ && s.Tokens[e+1].UPOS == ud.NOUN) {
			e++
		}
		if e == b || !nounLike(s.Tokens[e].UPOS) {
			continue
		}
		for i := b; i < e; i++ {
			s.Tokens[i].Head, s.Tokens[i].Rel = e+1, modifierRel(s.Tokens[i].UPOS)
		}
		if s.Tokens[b-1].Head == b+1 {
			s.Tokens[b-1].Head = e + 1
		}
		b = e
	}
}

// conjoinedSubject repairs, in parsed s, a noun root with a finite verb
// as its conjunct whose subject follows the coordinator: "The leaders of
// the United States and the Czech Republic discussed energy" was rooted
// in "leaders", with "discussed" a second clause whose subject was "the
// Czech Republic". The verb is the root, the noun its subject, and the
// verb's subject a conjunct of the noun phrase just before the
// coordinator. A comma before the coordinator, a second subject or an
// object of the noun's own leaves the tree as it is.
func conjoinedSubject(s *ud.Sentence) {
	r := -1
	for i, t := range s.Tokens {
		if t.Head == 0 {
			r = i
		}
	}
	if r < 0 || !nounLike(s.Tokens[r].UPOS) {
		return
	}
	for v := r + 1; v < len(s.Tokens); v++ {
		if s.Tokens[v].Head != r+1 || s.Tokens[v].Rel != "conj" || !finiteVerb(s, v) {
			continue
		}
		c, subj := -1, -1
		for i := r + 1; i < v; i++ {
			switch u := s.Tokens[i]; {
			case u.Head != v+1:
			case u.Rel == "cc" && u.UPOS == ud.CCONJ && c < 0:
				c = i
			case u.Rel == "nsubj" && subj < 0 && nounLike(u.UPOS):
				subj = i
			case u.Rel == "nsubj" || u.Rel == "nsubj:pass" || u.Rel == "punct":
				return
			}
		}
		if c < 1 || subj < c || s.Tokens[c-1].UPOS == ud.PUNCT || !nounLike(s.Tokens[c-1].UPOS) || !under(s, c-1, r) {
			return
		}
		x := c - 1
		for (s.Tokens[x].Rel == "compound" || s.Tokens[x].Rel == "flat") && s.Tokens[x].Head-1 > r && s.Tokens[x].Head-1 < c {
			x = s.Tokens[x].Head - 1
		}
		tryRepair(s, func() {
			for i := v + 1; i < len(s.Tokens); i++ {
				if s.Tokens[i].Head == r+1 {
					s.Tokens[i].Head = v + 1 // the final stop, an oblique after the verb
				}
			}
			s.Tokens[v].Head, s.Tokens[v].Rel = 0, "root"
			s.Tokens[r].Head, s.Tokens[r].Rel = v+1, "nsubj"
			s.Tokens[subj].Head, s.Tokens[subj].Rel = x+1, "conj"
			s.Tokens[c].Head = subj + 1
		})
		return
	}
}

// orphanCoordinators repairs, in parsed s, a coordinator hung on the noun
// after two of its modifiers with no conjunct at all: "The Tajik and
// American presidents" had "Tajik", "and" and "American" each on
// "presidents". The modifier after the coordinator is the conjunct of the
// one before it.
func orphanCoordinators(s *ud.Sentence) {
	for c := 1; c+2 < len(s.Tokens); c++ {
		t := s.Tokens[c]
		a, b, n := c-1, c+1, t.Head-1
		if t.Rel != "cc" || t.UPOS != ud.CCONJ || n <= b || s.Tokens[a].Head != n+1 || s.Tokens[b].Head != n+1 || !nounLike(s.Tokens[n].UPOS) {
			continue
		}
		if !modifierLike(s.Tokens[a]) || !modifierLike(s.Tokens[b]) {
			continue
		}
		s.Tokens[b].Rel = "conj"
		s.Tokens[b].Head = a + 1
		s.Tokens[c].Head = b + 1
	}
}

// modifierLike reports whether t modifies a noun as an adjective or a
// compound does.
func modifierLike(t ud.Token) bool {
	return t.Rel == "amod" || t.Rel == "compound"
}
