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
