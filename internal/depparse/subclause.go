package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// subordinateSubject repairs an adverbial clause whose subordinator the
// parser read as a preposition: in "Romania summoned the ambassador after
// a Russian drone crashed in a field" it made "after" the case of
// "drone", "drone" an oblique of "summoned" and "crashed" a conjunct of
// "summoned" with no subject, so the coder gave the crash to Romania.
// The same holds for "hours after the group fired a missile", "as the
// president paid his first visit" and "because its borders remain
// closed". When a subordinator hangs as the case of a noun right after it,
// and the first finite verb after the noun's phrase has no subject and
// starts right after that phrase, the noun is the verb's subject, the
// subordinator its marker, and the verb an adverbial clause of the
// governor the noun or the verb had (round 36).
func subordinateSubject(s *ud.Sentence) {
	var kids [][]int
	for a := range s.Tokens {
		t := &s.Tokens[a]
		if t.Rel != "case" || !subordinators[strings.ToLower(t.Form)] || t.Head-1 <= a {
			continue
		}
		if a > 0 && (strings.EqualFold(s.Tokens[a-1].Form, "such") || strings.EqualFold(s.Tokens[a-1].Form, "well")) {
			continue // "such as", "as well as"
		}
		n := t.Head - 1
		if !nounLike(s.Tokens[n].UPOS) && s.Tokens[n].UPOS != ud.PRON {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		// the noun's phrase runs from the subordinator to its last word;
		// the verb follows it at once, or after auxiliaries and adverbs
		v := lastOf(s, kids, n) + 1
		for v < len(s.Tokens) && (s.Tokens[v].UPOS == ud.ADV || s.Tokens[v].UPOS == ud.AUX) && s.Tokens[v].Head-1 > v {
			v++
		}
		if v >= len(s.Tokens) || !finiteVerb(s, v) && !(s.Tokens[v].UPOS == ud.VERB && v > lastOf(s, kids, n)+1 && s.Tokens[v-1].UPOS == ud.AUX) {
			continue
		}
		if !spans(s, a+1, n, v) {
			continue
		}
		vt := &s.Tokens[v]
		if n == v-1 && vt.XPOS != "VBD" && s.Tokens[n].UPOS == ud.PROPN && s.Tokens[n].Head-1 == a+1 {
			continue // "after US contacts with both sides": a noun tagged as a verb
		}
		switch vt.Rel {
		case "conj", "parataxis", "ccomp", "xcomp", "dep", "advcl", "acl:relcl":
		default:
			continue
		}
		subj := false
		for _, c := range kids[v] {
			r := s.Tokens[c].Rel
			subj = subj || strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj") || r == "expl" || r == "mark"
		}
		if subj || under(s, v, n) {
			continue
		}
		gov := s.Tokens[n].Head - 1
		if gov == v || gov < 0 || under(s, gov, v) {
			gov = vt.Head - 1
		}
		// "freed on humanitarian grounds after his family appealed": the
		// clause modifies the verb, not the oblique noun
		for gov >= 0 && (nounLike(s.Tokens[gov].UPOS) || s.Tokens[gov].UPOS == ud.PRON) && (strings.HasPrefix(s.Tokens[gov].Rel, "obl") || strings.HasPrefix(s.Tokens[gov].Rel, "nmod")) {
			gov = s.Tokens[gov].Head - 1
		}
		if gov < 0 || under(s, gov, v) {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[n].Head, s.Tokens[n].Rel = v+1, "nsubj"
			t.Head, t.Rel = v+1, "mark"
			vt.Head, vt.Rel = gov+1, "advcl"
		})
		kids = childLists(s)
	}
}

// spans reports whether every word from lo up to v hangs, through its
// heads, on n, or on v as an auxiliary or adverb, with no punctuation
// between ("since World War II, MIT paved the way" is no clause).
func spans(s *ud.Sentence, lo, n, v int) bool {
	for i := lo; i < v; i++ {
		if s.Tokens[i].UPOS == ud.PUNCT {
			return false
		}
		if under(s, i, n) {
			continue
		}
		if h := s.Tokens[i].Head - 1; h == v && (s.Tokens[i].UPOS == ud.ADV || s.Tokens[i].UPOS == ud.AUX) {
			continue
		}
		return false
	}
	return true
}

// asWellAsVerb repairs "Peru recalled its envoy as well as froze the
// talks": with "froze" a past, the parser still read the second "as" as
// the marker of an adverbial clause and the first as an adverb of the
// main verb, so the second verb had no subject for the coder. "As well
// as" before a finite verb with no subject of its own joins it to the
// verb it hangs on, as "and" does: the first "as" is the conjunction and
// the other two words its fixed parts (the treebank's own reading of "as
// well as" between nouns). With "as well as" already its conjunction the
// verb could still hang as a parataxis (round 36).
func asWellAsVerb(s *ud.Sentence) {
	for v := 3; v < len(s.Tokens); v++ {
		t := &s.Tokens[v]
		if !finiteVerb(s, v) || t.Rel != "advcl" && t.Rel != "parataxis" && t.Rel != "dep" || t.Head <= 0 || t.Head-1 > v-3 || s.Tokens[t.Head-1].UPOS != ud.VERB {
			continue
		}
		if !strings.EqualFold(s.Tokens[v-3].Form, "as") || !strings.EqualFold(s.Tokens[v-2].Form, "well") || !strings.EqualFold(s.Tokens[v-1].Form, "as") || s.Tokens[v-1].Head != v+1 && s.Tokens[v-3].Head != v+1 {
			continue
		}
		subj := false
		for _, u := range s.Tokens {
			subj = subj || u.Head == v+1 && (strings.HasPrefix(u.Rel, "nsubj") || u.Rel == "expl")
		}
		if subj {
			continue
		}
		tryRepair(s, func() {
			a := v - 3
			s.Tokens[a].Head, s.Tokens[a].Rel = v+1, "cc"
			s.Tokens[a+1].Head, s.Tokens[a+1].Rel = a+1, "fixed"
			s.Tokens[a+2].Head, s.Tokens[a+2].Rel = a+1, "fixed"
			t.Rel = "conj"
		})
	}
}
