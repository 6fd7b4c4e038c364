package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Verbs taken for discourse words. EWT has "I mean", "you know", "I
// guess" as discourse words hanging from the clause they interrupt, and
// the labeller carries that over to news: "The new rules mean more
// donors are needed" came out with "mean" as a discourse word of
// "needed". A finite lexical verb with a subject of its own that is a
// noun (or a pronoun other than "I" and "you") heads its clause: it takes
// its head's place, and the clause it was hung from becomes its ccomp.

// promoteDiscourse applies that to the parsed sentence s.
func promoteDiscourse(s *ud.Sentence) {
	for v := range s.Tokens {
		t := &s.Tokens[v]
		if t.Rel != "discourse" || t.UPOS != ud.VERB || !isFinite(t.XPOS) || t.Head <= v+1 {
			continue
		}
		if !ownSubject(s, v) {
			continue
		}
		h := t.Head - 1
		t.Head, t.Rel = s.Tokens[h].Head, s.Tokens[h].Rel
		s.Tokens[h].Head, s.Tokens[h].Rel = v+1, "ccomp"
		// Words of h's clause before v, and the final punctuation
		// of a root, go with v so that the tree stays projective.
		for k := range s.Tokens {
			d := &s.Tokens[k]
			if d.Head == h+1 && (k < v || t.Rel == "root" && d.UPOS == ud.PUNCT && k == len(s.Tokens)-1) {
				d.Head = v + 1
			}
		}
	}
}

// ownSubject reports whether word v has an nsubj dependent before it that
// is a noun, a proper noun or a pronoun other than "I" and "you".
func ownSubject(s *ud.Sentence, v int) bool {
	for k := 0; k < v; k++ {
		d := &s.Tokens[k]
		if d.Head != v+1 || ud.BaseRel(d.Rel) != "nsubj" {
			continue
		}
		switch d.UPOS {
		case ud.NOUN, ud.PROPN:
			return true
		case ud.PRON:
			return !strings.EqualFold(d.Form, "i") && !strings.EqualFold(d.Form, "you")
		}
	}
	return false
}
