package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// A reciprocal object. "Peru and Ecuador accused each other of starting a
// firefight": the parser, which saw "each other" rarely in web text, may
// hang "each" anywhere (the subject of the full stop). "each other" and
// "one another" after a verb are that verb's object, with "other" or
// "another" fixed to the first word.

// reciprocalObject repairs "each other" and "one another" in parsed s whose
// first word does not hang on a verb.
func reciprocalObject(s *ud.Sentence) {
	for i := 1; i+1 < len(s.Tokens); i++ {
		a, b := s.Tokens[i].Form, s.Tokens[i+1].Form
		if !(strings.EqualFold(a, "each") && strings.EqualFold(b, "other") || strings.EqualFold(a, "one") && strings.EqualFold(b, "another")) {
			continue
		}
		if h := s.Tokens[i].Head - 1; h >= 0 && s.Tokens[h].UPOS == ud.VERB {
			continue // already on a verb
		}
		v := i - 1
		if s.Tokens[v].UPOS != ud.VERB || under(s, v, i) {
			continue // only right after its verb, and never under itself
		}
		tryRepair(s, func() {
			// what hung on "each" or "other" hangs on the verb
			rehang(s, v, []int{i, i + 1}, []int{i, i + 1})
			s.Tokens[i].Head, s.Tokens[i].Rel = v+1, "obj"
			s.Tokens[i+1].Head, s.Tokens[i+1].Rel = i+1, "fixed"
		})
	}
}
