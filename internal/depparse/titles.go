package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Titles of office written with "of": "head of state", "head of
// government", "chief of staff", "minister of state", "secretary of
// state". The parser took "of" for the mark of a clause whose subject is
// the second noun ("The head of state thanked Korea": "of" a mark, "state"
// the subject of "thanked", which hung on "head", the root). The title is
// one noun phrase: "of" is the case of the second noun, which modifies the
// first, and the first takes the second's place in the clause.

// titleOf maps the first noun of a title with "of" to the nouns that may
// follow "of" in it.
var titleOf = map[string][]string{
	"head":        {"state", "government", "mission", "delegation"},
	"heads":       {"state", "government", "mission", "delegation"},
	"chief":       {"staff", "defence", "defense", "police", "mission"},
	"chiefs":      {"staff", "defence", "defense", "police", "mission"},
	"minister":    {"state"},
	"ministers":   {"state"},
	"secretary":   {"state"},
	"secretaries": {"state"},
}

// titlePhrases repairs, in parsed s, titles with "of" read as clauses.
func titlePhrases(s *ud.Sentence) {
	for h := 0; h+2 < len(s.Tokens); h++ {
		second, ok := titleOf[strings.ToLower(s.Tokens[h].Form)]
		if !ok || s.Tokens[h].UPOS != ud.NOUN || !strings.EqualFold(s.Tokens[h+1].Form, "of") {
			continue
		}
		o, n := h+1, h+2
		if !containsFold(second, s.Tokens[n].Form) || s.Tokens[n].UPOS != ud.NOUN {
			continue
		}
		if s.Tokens[o].Head-1 == n && s.Tokens[o].Rel == "case" && s.Tokens[n].Head-1 == h {
			continue // already one phrase
		}
		v, r := s.Tokens[n].Head-1, s.Tokens[n].Rel
		if v < 0 || v == h || !under(s, v, h) {
			continue
		}
		// The clause v hangs (through its chain) on the title's first noun:
		// v takes the first noun's place and the noun the second's place.
		kids := childLists(s)
		top := v
		for s.Tokens[top].Head-1 != h {
			top = s.Tokens[top].Head - 1
		}
		if top != v {
			continue
		}
		tryRepair(s, func() {
			t := &s.Tokens[h]
			s.Tokens[v].Head, s.Tokens[v].Rel = t.Head, t.Rel
			t.Head, t.Rel = v+1, r
			s.Tokens[n].Head, s.Tokens[n].Rel = h+1, "nmod"
			s.Tokens[o].Head, s.Tokens[o].Rel = n+1, "case"
			for _, c := range kids[h] {
				if c > v {
					s.Tokens[c].Head = v + 1 // the clause's words after it
				}
			}
		})
	}
}

func containsFold(xs []string, w string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// A title before a name. "Opposition leader Alexei Navalny died": the
// parser made the title the subject and the name its apposition. With no
// comma between them the name is the head and the title hangs on it
// (nmod:desc), as EWT annotates "President Bush": a title with no
// determiner before a name is the name's nmod:desc 40 times of 41 there,
// one with a determiner ("my friend John") an apposition 28 of 30.

// titleBeforeName repairs, in parsed s, common nouns with a name right
// after them as an apposition.
func titleBeforeName(s *ud.Sentence) {
	var kids [][]int
	for t := range s.Tokens {
		w := &s.Tokens[t]
		if w.UPOS != ud.NOUN || w.XPOS != "NN" || t+1 >= len(s.Tokens) {
			continue
		}
		if w.Rel != "nsubj" && w.Rel != "nsubj:pass" && w.Rel != "obj" {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		n := -1
		for _, c := range kids[t] {
			if c > t && s.Tokens[c].Rel == "appos" && s.Tokens[c].UPOS == ud.PROPN {
				n = c
			}
		}
		if n < 0 {
			continue
		}
		if lo, _ := span(kids, n); lo != t+1 || s.Tokens[lo].UPOS != ud.PROPN || !namesOnly(s, kids[n], -1) {
			continue
		}
		if hasRel(s, kids[t], "det") || hasRel(s, kids[t], "nmod:poss") {
			continue // "my friend John", "the new envoy, …": EWT's apposition
		}
		tryRepair(s, func() {
			s.Tokens[n].Head, s.Tokens[n].Rel = w.Head, w.Rel
			w.Head, w.Rel = n+1, "nmod:desc"
			for _, c := range kids[t] {
				if c > t && c != n {
					s.Tokens[c].Head = n + 1
				}
			}
		})
		kids = nil
	}
}

// A subject taken for an oblique. "The minister, who arrived on Monday,
// held talks": the parser hung the opening noun on the verb as an
// unmarked oblique, as it hangs "Last week, …", and left the verb with no
// subject. An opening noun with no preposition whose relative clause or
// participle stands between commas after it is the subject of a finite
// verb that has none: a time word takes no such clause.

// subjectBeforeParenthetical repairs, in parsed s, such nouns.
func subjectBeforeParenthetical(s *ud.Sentence) {
	var kids [][]int
	for x := range s.Tokens {
		t := &s.Tokens[x]
		if t.Rel != "obl:unmarked" && t.Rel != "obl" || t.UPOS != ud.NOUN && t.UPOS != ud.PROPN {
			continue
		}
		v := t.Head - 1
		if v <= x || s.Tokens[v].UPOS != ud.VERB || !isFinite(s.Tokens[v].XPOS) {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if hasSubject(s, kids[v]) || hasRel(s, kids[x], "case") {
			continue
		}
		opening := true
		for k := range x {
			opening = opening && under(s, k, x)
		}
		clause := false
		for _, c := range kids[x] {
			if r := s.Tokens[c].Rel; c > x && (r == "acl" || r == "acl:relcl") {
				lo, _ := span(kids, c)
				clause = clause || s.Tokens[lo].Form == "," || lo > 0 && s.Tokens[lo-1].Form == ","
			}
		}
		if opening && clause {
			tryRepair(s, func() { t.Rel = "nsubj" })
		}
		return
	}
}
