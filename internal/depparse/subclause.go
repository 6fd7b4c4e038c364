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

// infinitiveSubject repairs a noun with an infinitive as the subject of
// a finite verb after the infinitive's object: "Germany said Russia's
// failure to pay its debts had hurt the bank". The parser hung "had
// hurt" under the infinitive (an advcl, or a ccomp with the infinitive's
// object "debts" as its subject), and "failure" on the final stop or at
// the root, so the clause had no subject and the coder did not see who
// failed. The noun is the verb's subject; the verb is the clause of the
// verb of saying the noun hangs under, or the root when the noun was it;
// a finite auxiliary right before the verb, and the words after it that
// hung on the infinitive, are the verb's (round 36).
func infinitiveSubject(s *ud.Sentence) {
	var kids [][]int
	for v := 2; v < len(s.Tokens); v++ {
		vt := &s.Tokens[v]
		if vt.XPOS != "VB" || s.Tokens[v-1].XPOS != "TO" || s.Tokens[v-1].Head != v+1 {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		n, own := vt.Head-1, false
		if vt.Rel != "acl" {
			// "said that Belarus's refusal to open the crossing had
			// stranded …" read with "refusal" the infinitive's subject
			// and the infinitive the clause of "said" (or the root)
			n, own = -1, true
			for _, c := range kids[v] {
				if strings.HasPrefix(s.Tokens[c].Rel, "nsubj") && c < v {
					n = c
				}
			}
			if n < 0 || lastOf(s, kids, n) != v-2 || vt.Rel != "ccomp" && vt.Rel != "root" {
				continue
			}
		}
		if u := s.Tokens[n].UPOS; n < 0 || n >= v || u != ud.NOUN && u != ud.PROPN {
			continue
		}
		// the finite verb: the first verb after the infinitive under it
		f := -1
		for k := v + 1; k < len(s.Tokens) && f < 0; k++ {
			if s.Tokens[k].UPOS == ud.PUNCT || s.Tokens[k].UPOS == ud.SCONJ || s.Tokens[k].UPOS == ud.CCONJ {
				break
			}
			if s.Tokens[k].UPOS == ud.VERB {
				f = k
			}
		}
		if f < 0 || !under(s, f, v) {
			continue
		}
		switch s.Tokens[f].Rel {
		case "advcl", "ccomp", "conj", "parataxis", "dep", "xcomp":
		default:
			continue
		}
		// finite itself, or a participle after a finite auxiliary
		a := -1
		if s.Tokens[f-1].UPOS == ud.AUX && isFinite(s.Tokens[f-1].XPOS) {
			a = f - 1 // "had hurt", with "hurt" a past or a participle
		} else if !finiteVerb(s, f) {
			continue
		}
		subj, prep, bad := -1, -1, false
		for _, c := range kids[f] {
			switch r := s.Tokens[c].Rel; {
			case strings.HasPrefix(r, "nsubj"):
				subj = c
			case r == "mark" && c > v && s.Tokens[c].XPOS == "IN" && !subordinators[strings.ToLower(s.Tokens[c].Form)] && !strings.EqualFold(s.Tokens[c].Form, "that"):
				prep = c // "to cooperate with inspectors had left": "with" read as a marker
			case r == "mark" || r == "cc" || r == "expl" || strings.HasPrefix(r, "csubj"):
				bad = true
			}
		}
		if bad || subj >= 0 && (subj < v || subj > f) || prep >= 0 && (subj < 0 || prep > subj) {
			continue
		}
		// where the clause goes
		gov, rel := -1, "ccomp"
		switch {
		case own && vt.Rel == "root" || !own && s.Tokens[n].Head == 0:
			rel = "root"
		case own:
			if gov = vt.Head - 1; !sayingVerbs[s.Tokens[gov].Lemma] || s.Tokens[gov].UPOS != ud.VERB {
				continue
			}
		default:
			for r := n - 1; r >= 0; r-- {
				if s.Tokens[r].UPOS == ud.VERB && sayingVerbs[s.Tokens[r].Lemma] {
					if under(s, n, r) {
						gov = r
					}
					break
				}
			}
			if gov < 0 {
				continue
			}
		}
		lo := firstOf(s, n)
		tryRepair(s, func() {
			ft := &s.Tokens[f]
			if rel == "root" {
				ft.Head, ft.Rel = 0, "root"
			} else {
				ft.Head, ft.Rel = gov+1, rel
			}
			s.Tokens[n].Head, s.Tokens[n].Rel = f+1, "nsubj"
			if own {
				vt.Head, vt.Rel = n+1, "acl"
			}
			if a >= 0 {
				s.Tokens[a].Head, s.Tokens[a].Rel = f+1, "aux"
			}
			switch {
			case prep >= 0:
				s.Tokens[subj].Head, s.Tokens[subj].Rel = v+1, "obl"
				s.Tokens[prep].Head, s.Tokens[prep].Rel = subj+1, "case"
			case subj >= 0:
				// "refusal to release the tanker had raised …": the
				// infinitive's object, not the verb's subject
				s.Tokens[subj].Head, s.Tokens[subj].Rel = v+1, "obj"
			}
			for k := f + 1; k < len(s.Tokens); k++ {
				if s.Tokens[k].Head == v+1 || s.Tokens[k].Head == n+1 && s.Tokens[k].UPOS == ud.PUNCT {
					s.Tokens[k].Head = f + 1
				}
			}
			// "said that Y's failure …": "that" before the noun's phrase,
			// perhaps read as a relative pronoun under the noun
			for k := max(lo-1, 0); k <= lo && k < n; k++ {
				if strings.EqualFold(s.Tokens[k].Form, "that") && (s.Tokens[k].Rel == "mark" || s.Tokens[k].Head == n+1) {
					s.Tokens[k].Head, s.Tokens[k].Rel = f+1, "mark"
				}
			}
		})
		kids = childLists(s)
	}
}

// stateVerbs leave their object in a state an adjective names: "left
// the agency unable to …", "kept the border closed".
var stateVerbs = map[string]bool{"leave": true, "keep": true, "make": true, "render": true, "find": true, "hold": true}

// adjectiveObject repairs "The decision left the IAEA unable to inspect
// the site": the parser made the adjective the object with the name as
// its compound ("the IAEA unable"), so the coder took the name for what
// was left. An adjective object of such a verb with a noun phrase before
// it and hung on it is the verb's complement (xcomp), and the noun phrase
// the object (round 36).
func adjectiveObject(s *ud.Sentence) {
	for j := 1; j < len(s.Tokens); j++ {
		jt := &s.Tokens[j]
		v := jt.Head - 1
		if jt.UPOS != ud.ADJ || jt.Rel != "obj" || v < 0 || v > j || !stateVerbs[s.Tokens[v].Lemma] || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		p := j - 1
		if u := s.Tokens[p].UPOS; u != ud.PROPN && u != ud.NOUN || s.Tokens[p].Head != j+1 {
			continue
		}
		lo := firstOf(s, j)
		if lo <= v {
			continue
		}
		tryRepair(s, func() {
			for k := lo; k < j; k++ {
				if k != p && s.Tokens[k].Head == j+1 {
					s.Tokens[k].Head = p + 1
				}
			}
			s.Tokens[p].Head, s.Tokens[p].Rel = v+1, "obj"
			jt.Rel = "xcomp"
		})
	}
}

// apposedSubject repairs a subject with a long apposition before its
// verb: "The Chinese defence minister, a former general appointed last
// year, visited Cambodia" was parsed with "general" the subject and
// "minister" an oblique (or a second subject) of "visited". When the
// sentence opens with a caseless noun phrase hung on a finite verb, then
// a comma, a noun phrase that opens with a determiner and
// is the verb's subject, and a comma right before the verb, the first
// phrase is the subject and the second its apposition (round 36).
func apposedSubject(s *ud.Sentence) {
	var kids [][]int
	for v := 4; v < len(s.Tokens); v++ {
		if !finiteVerb(s, v) || s.Tokens[v-1].Form != "," {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		n2 := -1
		for _, c := range kids[v] {
			if s.Tokens[c].Rel == "nsubj" && c < v {
				n2 = c
			}
		}
		if n2 < 0 || !nounLike(s.Tokens[n2].UPOS) {
			continue
		}
		lo := firstOf(s, n2)
		if s.Tokens[lo].Form == "," {
			lo++ // the opening comma hung on the apposition
		}
		if lo < 2 || s.Tokens[lo].UPOS != ud.DET || s.Tokens[lo-1].Form != "," || lastOf(s, kids, n2) < v-2 {
			continue
		}
		n1 := phraseHead(s, 0, lo-1)
		if !nounLike(s.Tokens[n1].UPOS) || s.Tokens[n1].Head != v+1 || firstOf(s, n1) != 0 || lastOf(s, kids, n1) != lo-1 && lastOf(s, kids, n1) != lo-2 {
			continue
		}
		cased := false
		for _, c := range kids[n1] {
			cased = cased || s.Tokens[c].Rel == "case" || s.Tokens[c].Rel == "mark"
		}
		if cased {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[n1].Rel = "nsubj"
			s.Tokens[n2].Head, s.Tokens[n2].Rel = n1+1, "appos"
			s.Tokens[lo-1].Head = n2 + 1
			s.Tokens[v-1].Head = n2 + 1
		})
		kids = nil
	}
}
