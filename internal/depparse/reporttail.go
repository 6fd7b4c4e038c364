package depparse

import "farabi/internal/ud"

// A closing speaker's clause hung inside what was said. reportTail keeps
// the words before "…, the minister said." from the root's place while
// parsing, but the parser can still hang the verb of saying low: after a
// noun it reads the tail as a relative clause without a relative word
// ("Expanding trade with Kazakhstan remains a priority, the minister
// said": "said" an acl:relcl of "priority"), or after an object as a
// second conjunct ("Ending the war requires talks, the president said":
// conj). A verb of saying with its own subject after the comma is no
// modifier and no conjunct with no conjunction: it becomes the root and
// the clause before the comma its ccomp, as the parser does when it gets
// the sentence right.

// reportTailRoot makes the verb of such a closing clause the root; s is
// parsed.
func reportTailRoot(s *ud.Sentence) {
	c := reportTail(s)
	if c < 0 {
		return
	}
	v := -1
	for k := c + 1; k < len(s.Tokens); k++ {
		if s.Tokens[k].UPOS == ud.VERB {
			v = k
			break
		}
	}
	r := rootIndex(s)
	if v < 0 || r < 0 || r >= c || !sayingVerbs[s.Tokens[v].Lemma] {
		return
	}
	switch s.Tokens[v].Rel {
	case "acl", "acl:relcl", "conj":
	default:
		return
	}
	if h := s.Tokens[v].Head - 1; h < 0 || h >= c {
		return
	}
	kids := childLists(s)
	subj := false
	for _, k := range kids[v] {
		if k > c && k < v && ud.BaseRel(s.Tokens[k].Rel) == "nsubj" {
			subj = true
		}
	}
	if !subj {
		return
	}
	s.Tokens[v].Head, s.Tokens[v].Rel = 0, "root"
	s.Tokens[r].Head, s.Tokens[r].Rel = v+1, "ccomp"
	for _, k := range kids[r] {
		if k > c && k != v {
			s.Tokens[k].Head = v + 1 // the tail's words are the verb's
		}
	}
}
