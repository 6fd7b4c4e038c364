package depparse

import "farabi/internal/ud"

// Root constraint. Trained on web text, the transition classifier often
// makes the first name of a news sentence the root's child before it has
// seen the verb: "Russia and Ukraine have agreed …", "Following the talks,
// the parties signed …" came out rooted in "Russia" and "talks", the verb
// hanging from them as parataxis. A nominal word is not made the root's
// child while a finite lexical verb follows it in the sentence; it waits on
// the stack for that verb to take it as a dependent (subject, oblique), as
// English main clauses have their verb as root. Copular clauses keep their
// nominal root: their finite word is an auxiliary, not a verb.

// notRoot marks the words 1..n that may not be the root's child: nouns,
// proper nouns, pronouns, numbers, adjectives and determiners with a finite
// verb after them. nil when no word is so marked.
func notRoot(s *ud.Sentence) []bool {
	for _, t := range s.Tokens {
		if quoteMark(t.Form) {
			return nil
		}
	}
	var out []bool
	verbAfter := false
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		if finiteVerb(s, i) {
			verbAfter = true
			continue
		}
		if !verbAfter {
			continue
		}
		switch s.Tokens[i].UPOS {
		case ud.NOUN, ud.PROPN, ud.PRON, ud.NUM, ud.ADJ, ud.DET:
			if out == nil {
				out = make([]bool, len(s.Tokens)+1)
			}
			out[i+1] = true
		}
	}
	return out
}

// finiteVerb reports whether word i is a finite lexical verb: tagged as a
// past or present verb, or a verb form after a finite auxiliary or modal
// ("have agreed", "will host").
func finiteVerb(s *ud.Sentence, i int) bool {
	t := s.Tokens[i]
	if t.UPOS != ud.VERB {
		return false
	}
	switch t.XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	case "VB", "VBN", "VBG":
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			p := s.Tokens[j]
			if p.UPOS == ud.AUX {
				return isFinite(p.XPOS)
			}
			if p.UPOS != ud.ADV && p.UPOS != ud.PART {
				return false
			}
		}
	}
	return false
}

// quoteMark reports whether a word is a quotation mark: a sentence that
// quotes has two clauses whose verbs the constraint would set against each
// other ("“…,” the minister told …").
func quoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "``", "''", "«", "»", "„":
		return true
	}
	return false
}
