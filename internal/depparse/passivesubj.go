package depparse

import "farabi/internal/ud"

// passiveSubjects labels, in parsed s, the nominal subject of a verb with
// a passive auxiliary as the passive subject it is: "China was accused by
// North Korea of …" had "China" as nsubj of "accused" beside "was" as
// aux:pass, and the coder, reading an active subject, found no accuser
// and no accused.
func passiveSubjects(s *ud.Sentence) {
	for i, t := range s.Tokens {
		if t.Rel != "aux:pass" || t.Head == 0 {
			continue
		}
		v := t.Head - 1
		if s.Tokens[v].XPOS != "VBN" {
			continue
		}
		for k := range s.Tokens {
			if s.Tokens[k].Head == v+1 && s.Tokens[k].Rel == "nsubj" && k < i {
				s.Tokens[k].Rel = "nsubj:pass"
			}
		}
	}
}
