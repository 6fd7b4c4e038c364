package depparse

import "farabi/internal/ud"

// passiveNounRoot repairs a passive whose bare subject noun the parser
// made the root: in "Concern was voiced by Indonesia over the plan" it
// hung "voiced" on "Concern" as a clause (ccomp, acl, parataxis) with its
// passive auxiliary and no subject of its own. The participle is the
// root and the noun its passive subject; what hung on the noun after the
// participle goes on the participle.
func passiveNounRoot(s *ud.Sentence) {
	kids := childLists(s)
	r := rootIndex(s)
	// a first word tagged as a bare verb before "was" is the noun the
	// tagger missed ("Concern was voiced …")
	verbTagged := r == 0 && s.Tokens[r].UPOS == ud.VERB && (s.Tokens[r].XPOS == "VB" || s.Tokens[r].XPOS == "VBP")
	if r < 0 || s.Tokens[r].UPOS != ud.NOUN && !verbTagged {
		return
	}
	for _, v := range kids[r] {
		if v < r || s.Tokens[v].UPOS != ud.VERB || s.Tokens[v].XPOS != "VBN" {
			continue
		}
		switch ud.BaseRel(s.Tokens[v].Rel) {
		case "ccomp", "acl", "parataxis":
		default:
			continue
		}
		pass, subj := false, false
		for _, c := range kids[v] {
			switch ud.BaseRel(s.Tokens[c].Rel) {
			case "aux":
				pass = pass || s.Tokens[c].Rel == "aux:pass"
			case "nsubj", "csubj":
				subj = true
			}
		}
		if !pass || subj {
			continue
		}
		// nothing but the verb's auxiliaries between the noun and it
		ok := true
		for k := r + 1; k < v; k++ {
			if s.Tokens[k].Head-1 != v || ud.BaseRel(s.Tokens[k].Rel) != "aux" && s.Tokens[k].Rel != "advmod" {
				ok = false
			}
		}
		if !ok {
			continue
		}
		tryRepair(s, func() {
			if verbTagged {
				s.Tokens[r].UPOS, s.Tokens[r].XPOS = ud.NOUN, "NN"
			}
			s.Tokens[v].Head, s.Tokens[v].Rel = 0, "root"
			s.Tokens[r].Head, s.Tokens[r].Rel = v+1, "nsubj:pass"
			for _, c := range kids[r] {
				if c > v {
					s.Tokens[c].Head = v + 1
				}
			}
		})
		return
	}
}
