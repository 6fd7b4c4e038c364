package depparse

import (
	"strings"
	"time"

	"farabi/internal/ud"
)

// An opening time phrase and the subject's coordinated modifiers. "On
// Tuesday, Taliban and Tajik officials met …" is sometimes parsed with
// "Taliban" and "Tajik" conjuncts of "Tuesday", as if the sentence listed
// days. When the conjuncts of a day or month follow a comma after it and
// run, joined by a conjunction, right up to the verb's subject noun, they
// are that noun's modifiers: the first hangs on the noun, the others on the
// first as its conjuncts ("Taliban and Tajik officials", as "Thai and
// Cambodian troops").

// timeWord reports whether w names a day or a month.
func timeWord(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(w, d.String()) {
			return true
		}
	}
	for m := time.January; m <= time.December; m++ {
		if strings.EqualFold(w, m.String()) {
			return true
		}
	}
	return false
}

// timeConjuncts repairs, in parsed s, a subject parsed as conjuncts or
// appositions of an opening day or month.
func timeConjuncts(s *ud.Sentence) {
	n := len(s.Tokens)
	for t := 0; t+3 < n; t++ {
		if !timeWord(s.Tokens[t].Form) || s.Tokens[t+1].Form != "," {
			continue
		}
		v := s.Tokens[t].Head - 1
		noun := v - 1
		if v <= t+3 || s.Tokens[v].UPOS != ud.VERB || s.Tokens[noun].UPOS != ud.NOUN {
			continue
		}
		// between the comma and the noun: modifiers joined by a
		// conjunction or commas ("Taliban and Tajik", "Hamas and
		// Egyptian"), at least one hung on the time word
		mods, onTime, ok := []int{}, false, false
		for k := t + 2; k < noun; k++ {
			switch u := s.Tokens[k].UPOS; {
			case u == ud.ADJ || u == ud.PROPN:
				mods = append(mods, k)
			case u == ud.CCONJ:
				ok = true
			case s.Tokens[k].Form == ",":
			default:
				mods = nil
			}
			if mods == nil {
				break
			}
			if s.Tokens[k].Head-1 == t {
				onTime = true
			}
		}
		if len(mods) < 2 || !ok || !onTime && s.Tokens[noun].Head-1 == v {
			continue
		}
		tryRepair(s, func() {
			first := mods[0]
			rel := "compound"
			if s.Tokens[first].UPOS == ud.ADJ {
				rel = "amod"
			}
			s.Tokens[noun].Head, s.Tokens[noun].Rel = v+1, "nsubj"
			s.Tokens[first].Head, s.Tokens[first].Rel = noun+1, rel
			next := 1
			for k := first + 1; k < noun; k++ {
				switch {
				case next < len(mods) && k == mods[next]:
					s.Tokens[k].Head, s.Tokens[k].Rel = first+1, "conj"
					next++
				default: // "and", ",": of the conjunct after it
					if next < len(mods) {
						s.Tokens[k].Head = mods[next] + 1
					}
				}
			}
			s.Tokens[t+1].Head, s.Tokens[t+1].Rel = t+1, "punct" // the comma closes the time phrase
		})
	}
}
