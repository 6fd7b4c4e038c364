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
	if c < 3 || end-c-1 < 2 || end-c-1 > 14 {
		return -1
	}
	verb := -1
	for k := c + 1; k < end; k++ {
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
	case verb < 0 || verb+1 == end && verb == c+1:
		return -1
	case verb == c+1:
		if !nominal(s.Tokens[verb+1].UPOS) {
			return -1
		}
	case verb-c-1 > 8:
		return -1
	default:
		// "…, Secretary of State Antony Blinken said during a visit",
		// "…, a spokesman for the ministry said": a preposition within
		// the speaker's title.
		saying := sayingVerbs[s.Tokens[verb].Lemma]
		for k := c + 1; k < verb; k++ {
			if !nominal(s.Tokens[k].UPOS) && (!saying || s.Tokens[k].UPOS != ud.ADP || k == c+1 || !nominal(s.Tokens[k+1].UPOS)) {
				return -1
			}
		}
	}
	if end-c-1 > 10 && !sayingVerbs[s.Tokens[verb].Lemma] {
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
