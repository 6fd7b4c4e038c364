package depparse

import "farabi/internal/ud"

// A verb of censure after a reported clause. "The embassy said there was
// no evidence the drone was Russian and accused Bucharest of …" or "said
// New Delhi was examining the request and accused elements in Bangladesh
// of …" is sometimes parsed with "accused" a conjunct of a word deep in
// the clause "said" reports (an adjective, an object noun), and the
// words after it hung on that word too. A verb that censures, warns or
// rejects (its doer a speaker, never the thing the clause reports on),
// joined by "and" or "but" with no subject or auxiliary of its own, is a
// conjunct of the verb of saying; the words after it that hung on the
// same word are its own: the first bare noun its object, a clause with a
// mark its adverbial clause, a phrase with a preposition its oblique.
// saidAnd keeps the conjuncts of the reported verb itself.

// censureVerbs are the speech acts a reporter does in the same breath.
var censureVerbs = map[string]bool{"accuse": true, "blame": true, "condemn": true, "denounce": true,
	"criticise": true, "criticize": true, "urge": true, "reject": true, "dismiss": true, "demand": true,
	"slam": true, "vow": true, "threaten": true}

// saidAndCensured repairs, in parsed s, such conjuncts.
func saidAndCensured(s *ud.Sentence) {
	kids := childLists(s)
	for c, t := range s.Tokens {
		if t.Rel != "conj" || t.UPOS != ud.VERB || t.XPOS != "VBD" && t.XPOS != "VBN" || !censureVerbs[t.Lemma] || t.Head == 0 || c == 0 {
			continue
		}
		if w := s.Tokens[c-1].Lemma; w != "and" && w != "but" {
			continue
		}
		if hasSubject(s, kids[c]) || hasRel(s, kids[c], "aux") || hasRel(s, kids[c], "aux:pass") {
			continue
		}
		h := t.Head - 1
		// the verb of saying whose reported clause holds h, h not its
		// clause's own verb (saidAnd's case)
		r, k := -1, h
		for steps := 0; k >= 0 && steps < 8; steps++ {
			g := s.Tokens[k].Head - 1
			if s.Tokens[k].Rel == "ccomp" && g >= 0 && s.Tokens[g].XPOS == "VBD" && sayingVerbs[s.Tokens[g].Lemma] {
				r = g
				break
			}
			k = g
		}
		if r < 0 || k == h || r > c {
			continue
		}
		if t.XPOS == "VBN" && s.Tokens[h].UPOS == ud.VERB && hasRel(s, kids[h], "aux:pass") {
			continue // "had been detained and accused of …": the passive goes on
		}
		var after []int
		for _, d := range kids[h] {
			if d > c && s.Tokens[d].Rel != "punct" {
				after = append(after, d)
			}
		}
		tryRepair(s, func() {
			s.Tokens[c].Head, s.Tokens[c].XPOS = r+1, "VBD"
			object, o := hasRel(s, kids[c], "obj"), -1
			for _, d := range after {
				s.Tokens[d].Head = c + 1
				switch {
				case !object && (s.Tokens[d].UPOS == ud.NOUN || s.Tokens[d].UPOS == ud.PROPN) && !hasRel(s, kids[d], "case"):
					s.Tokens[d].Rel, object, o = "obj", true, d
				case hasRel(s, kids[d], "mark"):
					s.Tokens[d].Rel = "advcl"
				case o >= 0 && hasRel(s, kids[d], "case") && phraseAfter(s, kids, o) == d:
					// "accused elements in Bangladesh of …"
					s.Tokens[d].Head, s.Tokens[d].Rel = o+1, "nmod"
				case hasRel(s, kids[d], "case"):
					s.Tokens[d].Rel = "obl"
				}
			}
		})
		kids = childLists(s)
	}
}

// phraseAfter returns the phrase that follows word o's phrase: the first word
// after o's span that is no punctuation, or the head of the phrase it
// opens (its case or determiner hangs on that head).
func phraseAfter(s *ud.Sentence, kids [][]int, o int) int {
	_, hi := span(kids, o)
	k := hi + 1
	for k < len(s.Tokens) && s.Tokens[k].UPOS == ud.PUNCT {
		k++
	}
	if k < len(s.Tokens) && (s.Tokens[k].Rel == "case" || s.Tokens[k].Rel == "det") {
		return s.Tokens[k].Head - 1
	}
	return k
}
