package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// A span of time before a fronted clause. In "Hours after Israeli jets
// struck Gaza, Egypt condemned the raid" the greedy parser takes "Hours"
// for the subject of "struck", makes "struck" the root, and can then only
// hang the main clause after the comma from it ("Egypt" an apposition of
// "Gaza", "condemned" its xcomp). A span of time ("hours", "two days",
// "weeks") right before the conjunction that opens the clause measures
// the distance to the clause's event: it is a nominal modifier of the
// clause's verb (obl:unmarked), not its subject. And a clause opened by
// a conjunction is no main clause when a subject and a finite verb
// follow its comma: the verb after the comma is the root, the fronted
// clause its adverbial clause (advcl), the noun before the verb its
// subject.

// durationNoun reports whether w names a span of time: one of timeNouns,
// singular or plural, or a second.
func durationNoun(w string) bool {
	w = strings.ToLower(w)
	return timeNouns[w] || timeNouns[strings.TrimSuffix(w, "s")] || w == "second" || w == "seconds"
}

// durationClause repairs, in parsed s, a span of time taken for the
// subject of the clause it measures, and that clause taken for the root.
func durationClause(s *ud.Sentence) {
	n := len(s.Tokens)
	for d := 0; d+3 < n; d++ {
		t := s.Tokens[d]
		mark := d + 1
		v := t.Head - 1
		if t.Rel != "nsubj" || !durationNoun(t.Form) || v <= mark ||
			s.Tokens[mark].UPOS != ud.SCONJ || s.Tokens[mark].Head-1 != v {
			continue
		}
		// the clause has a subject of its own after the conjunction
		own := false
		for k := mark + 1; k < v; k++ {
			own = own || s.Tokens[k].Head-1 == v && ud.BaseRel(s.Tokens[k].Rel) == "nsubj"
		}
		if !own {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[d].Rel = "obl:unmarked"
		})
		if s.Tokens[v].Head != 0 {
			continue
		}
		fronted(s, v)
	}
}

// fronted makes the main clause after the comma of root clause v the
// root: the first finite verb w after the comma, with a subject noun (or
// pronoun) right before it that hangs inside v's clause, and w itself
// hanging in v's clause.
func fronted(s *ud.Sentence, v int) {
	n := len(s.Tokens)
	comma := -1
	for k := v + 1; k < n && comma < 0; k++ {
		switch {
		case s.Tokens[k].Form == ",":
			comma = k
		case s.Tokens[k].UPOS == ud.PUNCT || s.Tokens[k].UPOS == ud.VERB && s.Tokens[k].Head-1 == v && s.Tokens[k].Rel != "xcomp":
			return
		}
	}
	if comma < 0 {
		return
	}
	w := -1
	for k := comma + 1; k < n && k <= comma+6 && w < 0; k++ {
		switch u := s.Tokens[k].UPOS; {
		case finiteVerb(s, k) || u == ud.AUX && isFinite(s.Tokens[k].XPOS):
			w = k
		case u == ud.PUNCT || u == ud.VERB || u == ud.SCONJ || u == ud.ADP:
			return
		}
	}
	if w < 0 || s.Tokens[w].UPOS != ud.VERB {
		return
	}
	h := w - 1
	if u := s.Tokens[h].UPOS; u != ud.NOUN && u != ud.PROPN && u != ud.PRON || !under(s, h, v) || !under(s, w, v) {
		return
	}
	// the subject's own words: from after the comma up to h, each hanging
	// inside the phrase (on h or on a word of it)
	for k := comma + 1; k < h; k++ {
		if hk := s.Tokens[k].Head - 1; hk < comma+1 || hk > h {
			return
		}
	}
	tryRepair(s, func() {
		s.Tokens[w].Head, s.Tokens[w].Rel = 0, "root"
		s.Tokens[v].Head, s.Tokens[v].Rel = w+1, "advcl"
		s.Tokens[h].Head, s.Tokens[h].Rel = w+1, "nsubj"
		s.Tokens[comma].Head, s.Tokens[comma].Rel = v+1, "punct"
		// what hung on the old root after the main verb (the final full
		// stop) is the main clause's
		for k := w + 1; k < n; k++ {
			if s.Tokens[k].Head-1 == v {
				s.Tokens[k].Head = w + 1
			}
		}
	})
}
