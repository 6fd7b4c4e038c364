package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Clauses told to someone. In "Kenya's president told the visiting
// Ugandan prime minister that the new railway would open" or "the
// minister informed his colleague that the exercise had ended" the parser
// sometimes hangs the that-clause on the one told, as a relative clause
// with "that" for its object or as a clause of the noun, although the clause has a subject and an
// object of its own or no room for one. After a verb that tells someone
// something (tell, inform, assure, notify, remind, warn, convince,
// persuade) a that-clause right after its object, whose verb has a
// subject after "that", is what is told: a ccomp of the verb, "that" its
// mark. A true relative ("told the envoy that the ministry had summoned")
// is rare after these verbs; the coder reads a clause told as a statement.

// tellers are the verbs that take a person and a that-clause.
var tellers = map[string]bool{"tell": true, "inform": true, "assure": true, "reassure": true, "notify": true,
	"remind": true, "warn": true, "convince": true, "persuade": true, "apprise": true}

// toldClause repairs such clauses in parsed s.
func toldClause(s *ud.Sentence) {
	kids := childLists(s)
	for p, t := range s.Tokens {
		if strings.ToLower(t.Form) != "that" || t.Head == 0 {
			continue
		}
		v := t.Head - 1 // the clause's verb
		if v <= p || s.Tokens[v].Rel != "acl:relcl" && s.Tokens[v].Rel != "acl" || t.Rel != "obj" && t.Rel != "mark" {
			continue
		}
		n := s.Tokens[v].Head - 1 // the one told
		if n < 0 || n >= p || s.Tokens[n].Head == 0 {
			continue
		}
		if r := s.Tokens[n].Rel; r != "obj" && r != "iobj" {
			continue
		}
		tv := s.Tokens[n].Head - 1
		if !tellers[s.Tokens[tv].Lemma] || tv > n {
			continue
		}
		subj := false
		for _, c := range kids[v] {
			if c > p && c < v && ud.BaseRel(s.Tokens[c].Rel) == "nsubj" {
				subj = true
			}
		}
		if !subj {
			continue // "told the envoy that came …": a relative after all
		}
		tryRepair(s, func() {
			s.Tokens[p].Rel = "mark"
			s.Tokens[v].Head = tv + 1
			s.Tokens[v].Rel = "ccomp"
		})
		kids = childLists(s)
	}
}
