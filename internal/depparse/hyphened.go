package depparse

import "farabi/internal/ud"

// Names joined by a hyphen before a noun. News names meetings, wars and
// borders by the parties joined with a hyphen: "the EU-China summit", "the
// Russia-Ukraine war", "the second Germany-Central Asia summit". The
// names modify the noun after them, which heads the phrase; the parser
// sometimes hangs the phrase on the first name instead (its object or
// subject, with the noun an apposition or a bare oblique beside it), and
// the coder then reads the first party as the verb's object. Once the
// tagger reads such a hyphen as one (not a comma, docs/tagger.md, ninth
// session), the tree is repaired: the noun takes the place of the phrase's
// top word, and the names on either side of the hyphen hang on it as
// compounds.

// hyphenedNames repairs, in parsed s, names joined by a hyphen before a
// common noun whose top word is not the noun.
func hyphenedNames(s *ud.Sentence) {
	n := len(s.Tokens)
	for h := 1; h+2 < n; h++ {
		if s.Tokens[h].XPOS != "HYPH" || !properNoun(s, h-1) || !properNoun(s, h+1) {
			continue
		}
		l := h - 1
		for l > 0 && properNoun(s, l-1) {
			l--
		}
		noun := h + 1
		for noun < n && properNoun(s, noun) {
			noun++
		}
		if noun == n || s.Tokens[noun].UPOS != ud.NOUN || l > 0 && s.Tokens[l-1].XPOS == "HYPH" {
			continue
		}
		left, right := spanTop(s, l, h), spanTop(s, h+1, noun)
		if left < 0 || right < 0 {
			continue
		}
		top := -1
		switch {
		case outside(s, left, l, noun):
			top = left
		case outside(s, right, l, noun):
			top = right
		case outside(s, noun, l, noun):
		default:
			continue
		}
		if top < 0 && s.Tokens[left].Rel == "compound" && s.Tokens[right].Head-1 == noun {
			continue // the noun heads the phrase already
		}
		tryRepair(s, func() {
			if top >= 0 {
				t := &s.Tokens[noun]
				t.Head, t.Rel = s.Tokens[top].Head, s.Tokens[top].Rel
			}
			for k := range s.Tokens {
				// What hung on the names from outside ("the second",
				// "on Tuesday") hangs on the noun.
				if h := s.Tokens[k].Head - 1; (h == left || h == right) && (k < l || k > noun) {
					s.Tokens[k].Head = noun + 1
				}
			}
			if hl := s.Tokens[left].Head - 1; hl <= h || hl >= noun {
				s.Tokens[left].Head, s.Tokens[left].Rel = noun+1, "compound"
			}
			if r := &s.Tokens[right]; r.Rel != "flat" || r.Head-1 != left {
				// "al-Qaeda members": one name keeps its parts
				r.Head, r.Rel = noun+1, "compound"
			}
		})
		h = noun
	}
}

// spanTop returns the one word of from..to-1 whose head lies outside
// them, -1 when there is none or more than one.
func spanTop(s *ud.Sentence, from, to int) int {
	top := -1
	for k := from; k < to; k++ {
		if h := s.Tokens[k].Head - 1; h >= from && h < to {
			continue
		}
		if top >= 0 {
			return -1
		}
		top = k
	}
	return top
}

// outside reports whether the head of word k lies outside lo..hi.
func outside(s *ud.Sentence, k, lo, hi int) bool {
	h := s.Tokens[k].Head - 1
	return h < lo || h > hi
}

// properNoun reports whether word k is tagged as a proper noun (NNP or
// NNPS; EWT gives some, "Central", the UPOS of an adjective).
func properNoun(s *ud.Sentence, k int) bool {
	x := s.Tokens[k].XPOS
	return x == "NNP" || x == "NNPS"
}

// hyphenedChains repairs names of three parties or more joined by
// hyphens before a noun: "the Turkey-Azerbaijan-Georgia trilateral", "the
// US-Japan-South Korea summit". hyphenedNames knows two; the parser
// hangs such a chain name on name ("Turkey" on "Azerbaijan" on "Georgia"
// on the noun), and the coder found two of the parties. Each name hangs
// on the noun as a compound, as the two of a pair do, and the noun takes
// the place of the phrase's top word when that is a name.
func hyphenedChains(s *ud.Sentence) {
	n := len(s.Tokens)
	for l := 0; l+4 < n; l++ {
		if !capitalName(s, l) || l > 0 && (properNoun(s, l-1) || s.Tokens[l-1].XPOS == "HYPH") {
			continue
		}
		// the names: runs of up to three proper nouns, one hyphen
		// between two
		var tops []int
		k := l
		for {
			e := k
			for e < n && e-k < 3 && capitalName(s, e) {
				e++
			}
			if e == k || e < n && capitalName(s, e) {
				tops = nil
				break
			}
			top := spanTop(s, k, e)
			if top < 0 {
				tops = nil
				break
			}
			tops = append(tops, top)
			if e+1 < n && s.Tokens[e].XPOS == "HYPH" && capitalName(s, e+1) {
				k = e + 1
				continue
			}
			k = e
			break
		}
		noun := k
		if len(tops) < 3 || noun >= n || !commonWord(s, noun) {
			continue
		}
		tryRepair(s, func() {
			if top := spanTop(s, l, noun+1); top >= 0 && top != noun {
				t := &s.Tokens[noun]
				t.Head, t.Rel = s.Tokens[top].Head, s.Tokens[top].Rel
			}
			for j := range s.Tokens {
				// what hung on the names from outside hangs on the noun
				if h := s.Tokens[j].Head - 1; (j < l || j > noun) && h >= l && h < noun {
					s.Tokens[j].Head = noun + 1
				}
			}
			for _, t := range tops {
				s.Tokens[t].Head, s.Tokens[t].Rel = noun+1, "compound"
			}
			for j := l; j < noun; j++ {
				if s.Tokens[j].XPOS == "HYPH" {
					s.Tokens[j].Head, s.Tokens[j].Rel = nextTop(tops, j)+1, "punct"
				}
			}
		})
		l = noun
	}
}

// commonWord reports whether word k is a common noun, or a word in small
// letters the tagger took for a name ("trilateral" after "South Korea").
func commonWord(s *ud.Sentence, k int) bool {
	t := s.Tokens[k]
	if t.UPOS == ud.NOUN {
		return true
	}
	return t.UPOS == ud.PROPN && t.Form != "" && t.Form[0] >= 'a' && t.Form[0] <= 'z'
}

// nextTop returns the first of tops after word j.
func nextTop(tops []int, j int) int {
	for _, t := range tops {
		if t > j {
			return t
		}
	}
	return tops[len(tops)-1]
}

// capitalName reports whether word k is a proper noun written with a
// capital.
func capitalName(s *ud.Sentence, k int) bool {
	f := s.Tokens[k].Form
	return properNoun(s, k) && f != "" && (f[0] < 'a' || f[0] > 'z')
}
