package depparse

import "farabi/internal/ud"

// A subject taken for an apposition. "On the sidelines of the summit, New
// Zealand and Uzbekistan signed an agreement" was parsed with "New
// Zealand and Uzbekistan" an apposition of "sidelines", the phrase set
// off by the comma, and "signed" with no subject. A noun hung as an
// apposition on an opening oblique of a later verb, after a comma and
// right before that verb (its phrase ends where the verb's begins), is
// the verb's subject when the verb is finite and has none.

// appositionSubject repairs such subjects in parsed s.
func appositionSubject(s *ud.Sentence) {
	defer openingNames(s)
	n := len(s.Tokens)
	for a := 2; a < n; a++ {
		t := s.Tokens[a]
		o := t.Head - 1
		if t.Rel != "appos" || o < 0 || o >= a || s.Tokens[o].Rel != "obl" || !nounLike(t.UPOS) {
			continue
		}
		v := s.Tokens[o].Head - 1
		if v <= a || !finiteVerb(s, v) || verbHasSubject(s, v) {
			continue
		}
		// the apposition's phrase runs up to the verb, with a comma
		// before it
		first, last := a, a
		for j := range s.Tokens {
			if under(s, j, a) {
				first, last = min(first, j), max(last, j)
			}
		}
		gap := last + 1
		for gap < v && s.Tokens[gap].UPOS == ud.AUX && s.Tokens[gap].Head == v+1 {
			gap++ // "… will sign"
		}
		if gap != v || first < 1 || s.Tokens[first-1].Form != "," || s.Tokens[first-1].Head-1 != a && s.Tokens[first-1].Head-1 != o {
			continue
		}
		// the oblique opens the sentence
		if o0 := firstOf(s, o); o0 != 0 {
			continue
		}
		s.Tokens[a].Head, s.Tokens[a].Rel = v+1, "nsubj"
		s.Tokens[first-1].Head, s.Tokens[first-1].Rel = v+1, "punct"
	}
}

// verbHasSubject reports whether word v has a subject.
func verbHasSubject(s *ud.Sentence, v int) bool {
	for _, c := range s.Tokens {
		if c.Head == v+1 && (c.Rel == "nsubj" || c.Rel == "nsubj:pass" || c.Rel == "csubj" || c.Rel == "expl") {
			return true
		}
	}
	return false
}

// firstOf returns the first word of word i's subtree.
func firstOf(s *ud.Sentence, i int) int {
	first := i
	for j := range s.Tokens {
		if j < first && under(s, j, i) {
			first = j
		}
	}
	return first
}

// openingNames repairs, in parsed s, names between an opening phrase and
// the comma after it and a verb with no subject: "On Monday, South Korea
// and Sri Lanka will sign …" had "Korea" on "Monday" and "Sri" its
// conjunct. The opening phrase starts with a preposition and holds no
// verb; the names are the verb's subject.
func openingNames(s *ud.Sentence) {
	if len(s.Tokens) < 5 || s.Tokens[0].UPOS != ud.ADP {
		return
	}
	c := -1
	for j, t := range s.Tokens {
		if t.Form == "," {
			c = j
			break
		}
		if t.UPOS == ud.VERB || t.UPOS == ud.AUX {
			return
		}
	}
	if c < 1 {
		return
	}
	for v := c + 2; v < len(s.Tokens); v++ {
		if s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		if !finiteVerb(s, v) || verbHasSubject(s, v) {
			return
		}
		end := v - 1
		for end > c && s.Tokens[end].UPOS == ud.AUX && s.Tokens[end].Head == v+1 {
			end--
		}
		chunks := namesSpan(s, c+1, end)
		if chunks == nil {
			return
		}
		saved := make([]ud.Token, len(s.Tokens))
		copy(saved, s.Tokens)
		for j := range s.Tokens {
			if (j < c+1 || j > end) && s.Tokens[j].Head-1 > c && s.Tokens[j].Head-1 <= end {
				s.Tokens[j].Head = nameHead(s, chunks[0]) + 1
			}
		}
		linkNames(s, chunks, -1)
		h := nameHead(s, chunks[0])
		s.Tokens[h].Head, s.Tokens[h].Rel = v+1, "nsubj"
		s.Tokens[c].Head, s.Tokens[c].Rel = v+1, "punct"
		for j := range s.Tokens {
			if !under(s, j, -1) {
				copy(s.Tokens, saved)
				return
			}
		}
		return
	}
}
