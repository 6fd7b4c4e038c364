package depparse

import (
	"strings"
	"unicode"

	"farabi/internal/ud"
)

// Lists of names. "The foreign ministers of Brazil, the Philippines, Italy
// and Kenya met in Geneva" was parsed with "the Philippines" as the
// subject of "met", "ministers" as its subject and "Brazil" left on
// "ministers": two meetings out of one, with Brazil in neither. "Japan,
// the United Arab Emirates and Sri Lanka signed" had "Japan" a vocative;
// "Oman, Saudi Arabia and New Zealand", "the presidents of the United
// States, South Africa and Russia" broke alike. Names of several words
// and names with "the" after a comma are what the parser misreads.
//
// nameLists rebuilds a list of three or more names, separated by commas
// with "and" (or "or") before the last, when the parser did not make it
// one coordination: each name is a run of capitalised words (a leading
// "the" allowed, and one "of": "the Democratic Republic of Congo"),
// headed by its last word or the word before its "of"; the first name's
// head takes the place of the list in the tree, the others are its
// conjuncts. A list after "of" or "from" hangs on the noun before it
// ("the ministers of …", "officials from …"), which takes the list's
// place when the parser had hung it inside the list. A list right before
// a noun ("the Saudi, American and Sri Lankan ministers") is a list of
// that noun's modifiers: the first name's head modifies the noun, the
// others are its conjuncts. A name holding a title ("the Prime
// Minister") may be an apposition, and is left alone, as is a list with a
// verb hung inside it; days and months are no names. A name with "and"
// inside ("Bosnia and Herzegovina") is not read as one.
func nameLists(s *ud.Sentence) {
	n := len(s.Tokens)
	for i := 0; i < n; {
		chunks, end := nameListAt(s, i)
		if len(chunks) < 3 || inName(s, i) {
			i++
			continue
		}
		rebuildNameList(s, chunks, end)
		i = end + 1
	}
}

// listTitles are words that make a capitalised run a title or a date,
// not a name.
var listTitles = map[string]bool{
	"president": true, "minister": true, "prime": true, "secretary": true, "king": true, "queen": true,
	"chancellor": true, "emir": true, "sheikh": true, "ambassador": true, "general": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "prince": true, "envoy": true, "spokesman": true, "premier": true,
	"chairman": true, "director": true, "governor": true, "mayor": true, "senator": true, "presidents": true,
	"ministers": true, "ambassadors": true, "envoys": true, "kings": true, "leaders": true,
	// days and months are no names: "On Friday, Hamas and Egyptian
	// officials met"
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// nameWordAt reports whether word i can be part of a name in a list.
func nameWordAt(s *ud.Sentence, i int) bool {
	t := s.Tokens[i]
	r := []rune(t.Form)
	if len(r) == 0 || !unicode.IsUpper(r[0]) || listTitles[strings.ToLower(t.Form)] {
		return false
	}
	// (a name the tagger took for an interjection: "Oman, Saudi Arabia
	// and …")
	return t.UPOS == ud.PROPN || t.UPOS == ud.ADJ || t.UPOS == ud.NOUN || t.UPOS == ud.INTJ || t.UPOS == ud.X
}

// nameAt returns the last word of the name starting at word i, or -1.
func nameAt(s *ud.Sentence, i int) int {
	j := i
	if j < len(s.Tokens) && strings.EqualFold(s.Tokens[j].Form, "the") && (j == 0 || s.Tokens[j].Form == "the") {
		j++
	}
	k := j
	for k < len(s.Tokens) && k-j < 4 && nameWordAt(s, k) {
		k++
	}
	if k == j || k < len(s.Tokens) && nameWordAt(s, k) {
		return -1
	}
	// "the Democratic Republic of Congo", "Republic of the Congo"
	if k+1 < len(s.Tokens) && s.Tokens[k].Form == "of" && capitalisedForm(s.Tokens[k-1].Form) {
		m := k + 1
		if s.Tokens[m].Form == "the" {
			m++
		}
		e := m
		for e < len(s.Tokens) && e-m < 3 && nameWordAt(s, e) {
			e++
		}
		if e > m && (e == len(s.Tokens) || !nameWordAt(s, e)) {
			return e - 1
		}
	}
	return k - 1
}

// nameHead returns the head word of name c: its last word, or the word
// before its "of" ("Republic" of "the Republic of Korea").
func nameHead(s *ud.Sentence, c [2]int) int {
	for j := c[0] + 1; j < c[1]; j++ {
		if s.Tokens[j].Form == "of" {
			return j - 1
		}
	}
	return c[1]
}

// nameListAt returns the names of a list starting at word i (each as its
// first and last word) and the list's last word.
func nameListAt(s *ud.Sentence, i int) ([][2]int, int) {
	if i > 0 && (nameWordAt(s, i-1) || strings.EqualFold(s.Tokens[i-1].Form, "the")) {
		return nil, 0
	}
	var chunks [][2]int
	at := i
	for {
		last := nameAt(s, at)
		if last < 0 {
			return nil, 0
		}
		chunks = append(chunks, [2]int{at, last})
		next := last + 1
		if next >= len(s.Tokens) {
			return nil, 0
		}
		f := strings.ToLower(s.Tokens[next].Form)
		if f == "," && next+1 < len(s.Tokens) {
			g := strings.ToLower(s.Tokens[next+1].Form)
			if g == "and" || g == "or" {
				if len(chunks) < 2 {
					return nil, 0
				}
				next++
				f = g
			}
		}
		switch f {
		case ",":
			at = next + 1
			continue
		case "and", "or":
			last := nameAt(s, next+1)
			if last < 0 {
				return nil, 0
			}
			chunks = append(chunks, [2]int{next + 1, last})
			return chunks, last
		}
		return nil, 0
	}
}

// rebuildNameList makes the names of chunks, ending at word end, one
// coordination, when the parser did not.
func rebuildNameList(s *ud.Sentence, chunks [][2]int, end int) {
	st := chunks[0][0]
	heads := make([]int, len(chunks))
	for k, c := range chunks {
		heads[k] = nameHead(s, c)
	}
	inside := func(j int) bool { return j >= st && j <= end }
	// modifiers of a noun right after the list
	noun := -1
	if end+1 < len(s.Tokens) {
		nt := s.Tokens[end+1]
		if (nt.UPOS == ud.NOUN || nt.UPOS == ud.ADJ) && !capitalisedForm(nt.Form) {
			// the last noun of the run: "… trade ministers"
			for j := end + 1; j < len(s.Tokens) && !capitalisedForm(s.Tokens[j].Form) &&
				(s.Tokens[j].UPOS == ud.ADJ || s.Tokens[j].UPOS == ud.NOUN); j++ {
				if s.Tokens[j].UPOS == ud.NOUN {
					noun = j
				}
			}
			if noun < 0 {
				return
			}
		}
	}
	// a list of names (not of a noun's modifiers) is one of nouns:
	// "Baltic, Nordic and Polish Associations" is none
	if noun < 0 {
		for _, c := range chunks {
			if u := s.Tokens[nameHead(s, c)].UPOS; !nounLike(u) && u != ud.INTJ && u != ud.X {
				return
			}
		}
	}
	// the noun before "of" or "from"
	gov := -1
	if noun < 0 && st >= 2 && (strings.EqualFold(s.Tokens[st-1].Form, "of") || strings.EqualFold(s.Tokens[st-1].Form, "from")) &&
		s.Tokens[st-2].UPOS == ud.NOUN {
		gov = st - 2
	}
	// already one coordination whose names hold together: each name
	// hangs outside itself by one word, the first name's, and the
	// others' are its conjuncts
	good := true
	tops := make([]int, len(chunks))
	for k, c := range chunks {
		tops[k] = -1
		for j := c[0]; j <= c[1]; j++ {
			if h := s.Tokens[j].Head - 1; h < c[0] || h > c[1] {
				good = good && tops[k] < 0
				tops[k] = j
			}
		}
		if k > 0 && (s.Tokens[tops[k]].Rel != "conj" || s.Tokens[tops[k]].Head-1 != tops[0]) {
			good = false
		}
	}
	if good {
		ft := &s.Tokens[tops[0]]
		switch {
		case gov >= 0 && ft.Head-1 != gov && strings.HasPrefix(ft.Rel, "obl") && ft.Head > 0 && under(s, gov, ft.Head-1):
			// the list's phrase hung on the verb above the noun it
			// belongs to: "welcomed his counterparts from A, B and C",
			// "held talks with his counterparts from A, B and C"
			ft.Head, ft.Rel = gov+1, "nmod"
		case noun >= 0:
			nounObject(s, noun, st)
		}
		return
	}
	// where the list hangs: the first word inside it hung outside it
	// (not on the noun the list belongs to)
	// ("Oman, Costa Rica and New Zealand launched" had "Oman" an
	// interjection on the verb: an interjection or vocative before a
	// verb is the verb's subject)
	extHead, extRel := -2, ""
	for j := st; j <= end; j++ {
		h := s.Tokens[j].Head - 1
		if u := s.Tokens[j].UPOS; !inside(h) && h != gov && h != noun && u != ud.PUNCT && u != ud.CCONJ && u != ud.DET {
			extHead, extRel = h, s.Tokens[j].Rel
			break
		}
	}
	if extHead == -2 && noun >= 0 && st > 0 && s.Tokens[st-1].UPOS == ud.VERB {
		extHead, extRel = st-1, "obj" // "met the Saudi, …, and Turkish leaders"
	}
	if (extRel == "discourse" || extRel == "vocative") && extHead > end && s.Tokens[extHead].UPOS == ud.VERB {
		extRel = "nsubj"
	}
	// the phrase of the noun before "of", up through the words before
	// the list ("Heads of state of A, B and C")
	top := gov
	for k := 0; gov >= 0 && k < len(s.Tokens); k++ {
		h := s.Tokens[top].Head - 1
		if h < 0 || h >= st {
			break
		}
		top = h
	}
	var participles []int
	for j := range s.Tokens {
		if inside(j) || j == gov || j == noun {
			continue
		}
		if inside(s.Tokens[j].Head-1) && (s.Tokens[j].UPOS == ud.VERB || s.Tokens[j].UPOS == ud.AUX) {
			// a participle set off after the list is the phrase's ("The
			// meeting of the ministers of A, B and C, chaired by D, …")
			if gov >= 0 && j > end+1 && s.Tokens[end+1].Form == "," && (s.Tokens[j].XPOS == "VBN" || s.Tokens[j].XPOS == "VBG") {
				participles = append(participles, j)
				continue
			}
			return // a verb or more hung inside the list
		}
	}
	saved := make([]ud.Token, len(s.Tokens))
	copy(saved, s.Tokens)
	set := func(j, h int, rel string) { s.Tokens[j].Head, s.Tokens[j].Rel = h+1, rel }
	// lift hangs word j where the list hung when the parser hung it
	// inside the list; false when where the list hung is unknown
	lift := func(j int) bool {
		if !inside(s.Tokens[j].Head - 1) {
			return true
		}
		if extHead == -2 {
			return false
		}
		set(j, extHead, extRel)
		return true
	}
	first := heads[0]
	switch {
	case noun >= 0:
		if !lift(noun) {
			return
		}
		set(first, noun, "amod")
		if s.Tokens[first].UPOS != ud.ADJ {
			s.Tokens[first].Rel = "compound"
		}
	case gov >= 0:
		// the phrase of the noun takes the list's place when the parser
		// hung it inside the list
		if !lift(top) {
			return
		}
		set(first, gov, "nmod")
		set(st-1, first, "case")
	default:
		if extHead == -2 {
			return
		}
		set(first, extHead, extRel)
	}
	for j := range s.Tokens {
		if !inside(j) && j != gov && j != noun && inside(s.Tokens[j].Head-1) {
			if noun >= 0 {
				set(j, noun, s.Tokens[j].Rel) // "… leaders on Monday"
				continue
			}
			set(j, first, s.Tokens[j].Rel)
		}
	}
	for _, j := range participles {
		set(j, top, "acl")
	}
	linkNames(s, chunks, noun)
	if noun >= 0 {
		nounObject(s, noun, st)
	}
	// keep the tree a tree
	for j := range s.Tokens {
		if !under(s, j, -1) {
			copy(s.Tokens, saved)
			return
		}
	}
}

// capitalisedForm reports whether a word opens with a capital letter.
func capitalisedForm(f string) bool {
	r := []rune(f)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// linkNames hangs the words of each name on its last word and the names
// after the first on the first as its conjuncts, with the commas and the
// coordinator between them; a "the" opening a list of a noun's modifiers
// hangs on that noun (word noun, or -1).
func linkNames(s *ud.Sentence, chunks [][2]int, noun int) {
	set := func(j, h int, rel string) { s.Tokens[j].Head, s.Tokens[j].Rel = h+1, rel }
	first := nameHead(s, chunks[0])
	for k, c := range chunks {
		h := nameHead(s, c)
		for j := c[0]; j <= c[1]; j++ {
			switch {
			case j == h:
			case j > h && s.Tokens[j].Form == "of":
				set(j, c[1], "case")
			case j > h && j == c[1]:
				set(j, h, "nmod")
			case j > h && strings.EqualFold(s.Tokens[j].Form, "the"):
				set(j, c[1], "det")
			case j > h:
				set(j, c[1], "compound")
			case strings.EqualFold(s.Tokens[j].Form, "the") && k == 0 && noun >= 0:
				set(j, noun, "det") // "the Saudi, … ministers"
			case strings.EqualFold(s.Tokens[j].Form, "the"):
				set(j, h, "det")
			case s.Tokens[j].UPOS == ud.ADJ:
				set(j, h, "amod")
			default:
				set(j, h, "compound")
			}
		}
		if k > 0 {
			set(h, first, "conj")
		}
		if k+1 < len(chunks) {
			for j := c[1] + 1; j < chunks[k+1][0]; j++ {
				if s.Tokens[j].UPOS == ud.CCONJ {
					set(j, nameHead(s, chunks[k+1]), "cc")
				} else {
					set(j, nameHead(s, chunks[k+1]), "punct")
				}
			}
		}
	}
}

// namesSpan returns the names of words i to end when they are one name or
// a list of names ("New Zealand and Uzbekistan").
func namesSpan(s *ud.Sentence, i, end int) [][2]int {
	if i > end {
		return nil
	}
	if nameAt(s, i) == end {
		return [][2]int{{i, end}}
	}
	last := nameAt(s, i)
	if last < 0 || last+2 > end {
		return nil
	}
	if f := s.Tokens[last+1].Form; (f == "and" || f == "or") && nameAt(s, last+2) == end {
		return [][2]int{{i, last}, {last + 2, end}}
	}
	if chunks, e := nameListAt(s, i); e == end && len(chunks) >= 3 {
		return chunks
	}
	return nil
}

// hasDependent reports whether word i has a dependent of relation rel.
func hasDependent(s *ud.Sentence, i int, rel string) bool {
	for _, t := range s.Tokens {
		if t.Head == i+1 && t.Rel == rel {
			return true
		}
	}
	return false
}

// nounObject makes the noun a list of names modifies, before it at word
// st, the object of the verb right before the list when the parser hung
// it as no argument: "met the Czech, Chinese, Indian and Tajik leaders"
// with "leaders" a conjunct, a parataxis, a vocative or an oblique with
// no preposition of the verb, or the determiner or modifier of the time
// phrase after it.
func nounObject(s *ud.Sentence, noun, st int) {
	v := st - 1
	switch s.Tokens[noun].Rel {
	case "conj", "parataxis", "vocative", "discourse", "dep", "det", "amod":
	case "obl":
		if hasDependent(s, noun, "case") {
			return // "met in the Czech, … capitals"
		}
	default:
		return
	}
	if v < 0 || s.Tokens[v].UPOS != ud.VERB || hasDependent(s, noun, "cc") || hasDependent(s, v, "obj") {
		return
	}
	s.Tokens[noun].Head, s.Tokens[noun].Rel = v+1, "obj"
}

// inName reports whether a list starting at word i is a part of a name
// that holds it: "the Union of Baltic, Nordic and Polish Associations",
// a capitalised word (not opening the sentence) before its "of".
func inName(s *ud.Sentence, i int) bool {
	return i >= 3 && s.Tokens[i-1].Form == "of" && capitalisedForm(s.Tokens[i-2].Form)
}
