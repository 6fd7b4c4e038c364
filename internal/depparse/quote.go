package depparse

import "farabi/internal/ud"

// Quoted clause before its speaker. News reports speech as "“We will
// build the road,” the minister said.", and UD makes the verb of saying
// the root and the quoted clause its ccomp. Trained on web text with few
// such sentences, the classifier made the quoted verb the root and the
// verb of saying its parataxis. A sentence that opens with a quotation
// mark, closes the quotation after a comma (or a question or exclamation
// mark) and goes on, with no other quotation, to a finite lexical verb
// has that verb as its root: the words of the quotation may not be the
// root's child.

// quotedNotRoot marks the words 1..n that may not be the root's child in
// a sentence that opens with a quotation followed by its speaker's
// clause; nil when s is not one.
func quotedNotRoot(s *ud.Sentence) []bool {
	n := len(s.Tokens)
	if n < 5 || !quoteMark(s.Tokens[0].Form) {
		return nil
	}
	q := 1
	for q < n && !quoteMark(s.Tokens[q].Form) {
		q++
	}
	if q >= n-2 {
		return nil
	}
	switch s.Tokens[q-1].Form {
	case ",", "?", "!":
	default:
		return nil
	}
	verb := false
	for k := q + 1; k < n; k++ {
		if quoteMark(s.Tokens[k].Form) {
			return nil
		}
		verb = verb || finiteVerb(s, k)
	}
	if !verb {
		return nil
	}
	out := make([]bool, n+1)
	for i := 1; i <= q+1; i++ {
		out[i] = true
	}
	return out
}

// Quoted phrases inside a clause. Wire copy quotes a few words of a
// speaker inside its own clause: "dismissed the summit as “a club of
// those who want the fighting to last”", "thanked Seoul for its “steady
// support” and said …", "warned that Tehran would “pay dearly”". The
// root constraint (notRoot) used to leave every sentence with quotation
// marks alone, for the sake of quoted clauses before their speaker
// (quotedNotRoot), and the classifier, which took the marks for clause
// boundaries, rooted many such sentences in their first name ("Ministry
// spokeswoman X called …" rooted in "Ministry"). A sentence whose
// quotations are all phrases inside a clause keeps the constraint.

// phraseQuotes returns how many quotation marks of s stand in pairs
// around words inside a clause: the opening mark after a word (not
// first, not after a comma, colon, semicolon, dash or bracket), the
// closing one not after a question or exclamation mark, a colon or a
// semicolon ("…,” said X" after a word is kept: the constraint then
// roots the sentence in the verb of saying). A
// sentence with an odd number of marks (a quotation begun or going on in
// another sentence), or whose curly marks do not pair, has none.
func phraseQuotes(s *ud.Sentence) int {
	var marks []int
	for i := range s.Tokens {
		if quoteMark(s.Tokens[i].Form) {
			marks = append(marks, i)
		}
	}
	if len(marks)%2 != 0 {
		return 0
	}
	n := 0
	for j := 0; j < len(marks); j += 2 {
		a, b := marks[j], marks[j+1]
		if s.Tokens[a].Form == "”" || s.Tokens[b].Form == "“" {
			return 0
		}
		if a == 0 || b == a+1 {
			continue
		}
		switch s.Tokens[a-1].Form {
		case ",", ":", ";", "–", "—", "-", "--", "(", "[":
			continue
		}
		switch s.Tokens[b-1].Form {
		case "?", "!", ":", ";":
			continue
		}
		n += 2
	}
	return n
}

// reportTail returns the index of the comma that opens a short closing
// clause of a speaker and a finite verb ("…, police said.", "…, says the
// ministry.", "…, it announced on Monday.") after words with a finite verb
// of their own, so that the clause before the comma is what was said and
// the closing verb the root (UD's ccomp, as with quotation marks); -1 when
// s has none. The closing clause is a subject of determiners, adjectives,
// numbers, nouns and pronouns, the verb, and then (or before the subject,
// "says Tarlo") no other verb or conjunction, in at most 10 words; with a
// verb of saying, 14, and prepositions in the speaker's title ("…,
// Secretary of State X said during a visit to Kyiv", "…, a spokesman for
// the ministry said").
func reportTail(s *ud.Sentence) int {
	n := len(s.Tokens)
	end := n
	if end > 0 && s.Tokens[end-1].UPOS == ud.PUNCT {
		end--
	}
	c := end - 1
	for c > 0 && s.Tokens[c].Form != "," {
		c--
	}
	if c > 0 && c+1 < end && s.Tokens[c+1].XPOS == "VBG" {
		// "…, the minister said, adding that …": a participle's clause
		// after the speaker's.
		end = c
		for c--; c > 0 && s.Tokens[c].Form != ","; c-- {
		}
	}
	// w is the first word after the comma, past a closing quotation
	// mark ("…,” the ministry said").
	w := c + 1
	if w < end && quoteMark(s.Tokens[w].Form) {
		w++
	}
	if c < 3 || end-w < 2 || end-w > 14 {
		return -1
	}
	verb := -1
	for k := w; k < end; k++ {
		switch t := &s.Tokens[k]; t.UPOS {
		case ud.VERB:
			if verb >= 0 || !isFinite(t.XPOS) {
				return -1
			}
			verb = k
		case ud.AUX, ud.SCONJ, ud.CCONJ, ud.PUNCT:
			return -1
		}
	}
	switch {
	case verb < 0 || verb+1 == end && verb == w:
		return -1
	case verb == w:
		if !nominal(s.Tokens[verb+1].UPOS) {
			return -1
		}
	case verb-w > 8:
		return -1
	default:
		// "…, Secretary of State Antony Blinken said during a visit",
		// "…, a spokesman for the ministry said": a preposition within
		// the speaker's title; "…, the bloc's chairman said": a
		// possessive.
		saying := sayingVerbs[s.Tokens[verb].Lemma]
		for k := w; k < verb; k++ {
			if !nominal(s.Tokens[k].UPOS) && s.Tokens[k].XPOS != "POS" && (!saying || s.Tokens[k].UPOS != ud.ADP || k == w || !nominal(s.Tokens[k+1].UPOS)) {
				return -1
			}
		}
	}
	if end-w > 10 && !sayingVerbs[s.Tokens[verb].Lemma] {
		return -1
	}
	for k := 0; k < c; k++ {
		if finiteVerb(s, k) || s.Tokens[k].UPOS == ud.AUX && isFinite(s.Tokens[k].XPOS) {
			return c
		}
	}
	return -1
}

// nominal reports whether a word of the class may be part of a simple
// noun phrase.
func nominal(u ud.UPOS) bool {
	switch u {
	case ud.DET, ud.ADJ, ud.NOUN, ud.PROPN, ud.PRON, ud.NUM:
		return true
	}
	return false
}

// A quoted name before its noun. "the “Turkic states plus Hungary”
// format", "the “3+3” format", "its “One China” policy": the
// classifier ended the noun phrase at the closing mark and made the noun
// after it the subject of the next verb or a phrase of its own. When a
// determiner or possessive pronoun stands before the opening mark and a
// noun right after the closing one, the noun heads the phrase: it takes
// the place of the quotation's highest word, which becomes its compound,
// and the determiner and what else stands before the quotation (a
// preposition) hang on the noun.

// quotedModifiers repairs, in parsed s, such noun phrases.
func quotedModifiers(s *ud.Sentence) {
	n := len(s.Tokens)
	a := -1 // the last opening mark
	for b := range s.Tokens {
		if !quoteMark(s.Tokens[b].Form) {
			continue
		}
		if a < 0 {
			a = b
			continue
		}
		open := a
		a = -1
		if open == 0 || b+1 >= n || b == open+1 {
			continue
		}
		if d := s.Tokens[open-1]; d.UPOS != ud.DET && d.XPOS != "PRP$" {
			continue
		}
		noun := b + 1
		if u := s.Tokens[noun].UPOS; u != ud.NOUN && u != ud.PROPN {
			continue
		}
		h := -1
		for k := open + 1; k < b; k++ {
			if hd := s.Tokens[k].Head - 1; hd < open+1 || hd >= b {
				if h >= 0 {
					h = -2 // more than one word hangs outside
				} else if h == -1 {
					h = k
				}
			}
		}
		if h < 0 || s.Tokens[h].Head-1 == noun || s.Tokens[open-1].Head-1 != h {
			continue
		}
		top := -1 // the noun's dependent above the quotation, if any
		for k := h; k >= 0 && s.Tokens[k].Head > 0; k = s.Tokens[k].Head - 1 {
			if s.Tokens[k].Head-1 == noun {
				top = k
				break
			}
		}
		tryRepair(s, func() {
			t := &s.Tokens[h]
			if top >= 0 {
				// "The summit of the “X” format opened": the noun
				// was made the head of what it modifies.
				nt := &s.Tokens[noun]
				s.Tokens[top].Head, s.Tokens[top].Rel = nt.Head, nt.Rel
			}
			s.Tokens[noun].Head, s.Tokens[noun].Rel = t.Head, t.Rel
			t.Head, t.Rel = noun+1, "compound"
			for k := range open {
				if s.Tokens[k].Head-1 == h {
					s.Tokens[k].Head = noun + 1
				}
			}
			for k := b + 2; k < n; k++ {
				if s.Tokens[k].Head-1 == h {
					s.Tokens[k].Head = noun + 1
				}
			}
		})
	}
}

// The speaker after its verb, before a participle. "“…,” said the EU's
// foreign policy chief, stressing …": with the verb of saying as root,
// the classifier made the speaker the subject of the participle's clause
// after it. A verb of saying with no subject whose participle (an
// adverbial clause after it) has a subject between the two gets that
// subject.

// invertedSpeaker repairs, in parsed s, such speakers.
func invertedSpeaker(s *ud.Sentence) {
	for p := range s.Tokens {
		t := &s.Tokens[p]
		if t.XPOS != "VBG" || t.Rel != "advcl" || t.Head-1 >= p {
			continue
		}
		v := t.Head - 1
		if !sayingVerbs[s.Tokens[v].Lemma] || !isFinite(s.Tokens[v].XPOS) {
			continue
		}
		kids := childLists(s)
		if hasSubject(s, kids[v]) {
			continue
		}
		for _, k := range kids[p] {
			if k > v && k < p && s.Tokens[k].Rel == "nsubj" {
				tryRepair(s, func() { s.Tokens[k].Head = v + 1 })
				break
			}
		}
	}
}
