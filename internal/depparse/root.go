package depparse

import (
	"slices"

	"farabi/internal/ud"
)

// Root constraint. Trained on web text, the transition classifier often
// makes the first name of a news sentence the root's child before it has
// seen the verb: "Russia and Ukraine have agreed …", "After the talks,
// the ministers signed …" came out rooted in "Russia" and "talks", the verb
// hanging from them as parataxis. A nominal word is not made the root's
// child while a finite lexical verb follows it in the sentence; it waits on
// the stack for that verb to take it as a dependent (subject, oblique), as
// English main clauses have their verb as root. Copular clauses keep their
// nominal root: their finite word is an auxiliary, not a verb.

// notRoot marks the words 1..n that may not be the root's child: nouns,
// proper nouns, pronouns, numbers, adjectives and determiners with a finite
// verb after them. nil when no word is so marked. A sentence with
// quotation marks is left to quotedNotRoot, unless each of its quotations
// is a phrase inside a clause (phraseQuotes).
func notRoot(s *ud.Sentence) []bool {
	marks := 0
	for _, t := range s.Tokens {
		if quoteMark(t.Form) {
			marks++
		}
	}
	if marks > 0 && phraseQuotes(s) != marks {
		return quotedNotRoot(s)
	}
	var out []bool
	if c := reportTail(s); c >= 0 {
		out = make([]bool, len(s.Tokens)+1)
		for i := 1; i <= c+1; i++ {
			out[i] = true
		}
	}
	verbAfter := false
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		if finiteVerb(s, i) {
			verbAfter = true
			continue
		}
		if !verbAfter {
			continue
		}
		switch s.Tokens[i].UPOS {
		case ud.NOUN, ud.PROPN, ud.PRON, ud.NUM, ud.ADJ, ud.DET:
			if out == nil {
				out = make([]bool, len(s.Tokens)+1)
			}
			out[i+1] = true
		}
	}
	return out
}

// finiteVerb reports whether word i is a finite lexical verb: tagged as a
// past or present verb, or a verb form after a finite auxiliary or modal
// ("have agreed", "will host").
func finiteVerb(s *ud.Sentence, i int) bool {
	t := s.Tokens[i]
	if t.UPOS != ud.VERB {
		return false
	}
	switch t.XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	case "VB", "VBN", "VBG":
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			p := s.Tokens[j]
			if p.UPOS == ud.AUX {
				return isFinite(p.XPOS)
			}
			if p.UPOS != ud.ADV && p.UPOS != ud.PART && !quoteMark(p.Form) {
				return false
			}
		}
	}
	return false
}

// quoteMark reports whether a word is a quotation mark: a sentence that
// quotes has two clauses whose verbs the constraint would set against each
// other ("“…,” the minister told …").
func quoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "``", "''", "«", "»", "„":
		return true
	}
	return false
}

// Subjects after a comma. "…, officials said", "At a briefing with X,
// Lavrov criticised …": the greedy parser attaches the nominal before such
// a verb to the phrase before the comma (as an apposition or conjunct) and
// leaves the verb without a subject. A finite lexical verb with no subject
// takes as its subject the nominal just before it (adverbs may stand
// between) when that nominal's phrase ends there, opens with a comma or
// follows one (or is a name after a comma whose words hang apart, on
// words before the comma), and hangs from a word before it.

// attachSubjects makes such nominals the subjects of their verbs; heads
// and rels are indexed by word (0 the root), as in Parse.
func attachSubjects(s *ud.Sentence) {
	n := len(s.Tokens)
	var kids [][]int
	for v := range n {
		t := &s.Tokens[v]
		if t.UPOS != ud.VERB || (t.XPOS != "VBD" && t.XPOS != "VBZ" && t.XPOS != "VBP") {
			continue
		}
		switch t.Rel {
		case "acl:relcl", "acl", "xcomp", "amod", "advcl":
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		if hasSubject(s, kids[v]) {
			continue
		}
		j := v - 1
		for j >= 0 && s.Tokens[j].UPOS == ud.ADV {
			j--
		}
		if j <= 0 {
			continue
		}
		w := &s.Tokens[j]
		if w.UPOS != ud.PROPN && w.UPOS != ud.NOUN && w.UPOS != ud.PRON || w.Head-1 == v || w.Head == 0 || w.Head-1 > j {
			continue
		}
		lo, hi := span(kids, j)
		if hi > j {
			continue
		}
		if r := splitName(s, j); s.Tokens[lo].Form != "," && (lo == 0 || s.Tokens[lo-1].Form != ",") {
			if r < 0 {
				continue
			}
			// "In Paris, Foreign Minister Jean-Noel Barrot dismissed …":
			// a name whose words hang apart on the phrase before the
			// comma; they hang on its last word.
			for k := r; k < j; k++ {
				if h := s.Tokens[k].Head - 1; h < r || h > j {
					kids[h] = remove(kids[h], k)
					kids[j] = append(kids[j], k)
					s.Tokens[k].Head, s.Tokens[k].Rel = j+1, "compound"
				}
			}
		}
		old := w.Head - 1
		kids[old] = remove(kids[old], j)
		kids[v] = append(kids[v], j)
		w.Head, w.Rel = v+1, "nsubj"
	}
}

// splitName returns the first word of a run of capitalised words and
// hyphens that ends at the name j, follows a comma and hangs, where it
// hangs outside itself, on words before that comma; -1 when there is
// none such, of two words or more.
func splitName(s *ud.Sentence, j int) int {
	r := j
	for r > 0 && (s.Tokens[r-1].XPOS == "NNP" || s.Tokens[r-1].XPOS == "HYPH" && r-2 >= 0 && s.Tokens[r-2].XPOS == "NNP") {
		r--
	}
	if r == j || r == 0 || s.Tokens[r-1].Form != "," {
		return -1
	}
	for k := r; k <= j; k++ {
		if h := s.Tokens[k].Head - 1; (h < r || h > j) && h >= r-1 {
			return -1
		}
	}
	return r
}

func hasSubject(s *ud.Sentence, kids []int) bool {
	for _, c := range kids {
		r := s.Tokens[c].Rel
		if len(r) >= 5 && (r[:5] == "nsubj" || r[:5] == "csubj") || r == "expl" {
			return true
		}
	}
	return false
}

// span returns the first and last word of the subtree of i.
func span(kids [][]int, i int) (lo, hi int) {
	lo, hi = i, i
	stack := []int{i}
	for k := 0; len(stack) > 0 && k < len(kids); k++ {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, t), max(hi, t)
		stack = append(stack, kids[t]...)
	}
	return lo, hi
}

func remove(xs []int, x int) []int {
	for k, y := range xs {
		if y == x {
			return append(xs[:k], xs[k+1:]...)
		}
	}
	return xs
}

// childLists returns the dependents of each word of parsed s, in order;
// the repairs build it only when a sentence needs one.
func childLists(s *ud.Sentence) [][]int {
	n := len(s.Tokens)
	kids := make([][]int, n)
	// The lists share one array, each with room for just its own
	// dependents (counted first), so a caller's append copies it out.
	buf := make([]int, 2*n)
	count, flat := buf[:n], buf[n:]
	for _, u := range s.Tokens {
		if u.Head > 0 {
			count[u.Head-1]++
		}
	}
	at := 0
	for h, c := range count {
		if c > 0 {
			kids[h] = flat[at : at : at+c]
			at += c
		}
	}
	for i, u := range s.Tokens {
		if u.Head > 0 {
			kids[u.Head-1] = append(kids[u.Head-1], i)
		}
	}
	return kids
}

// tryRepair applies change to s's tree and takes it back when the heads no
// longer make one tree.
func tryRepair(s *ud.Sentence, change func()) {
	saved := make([]ud.Token, len(s.Tokens))
	copy(saved, s.Tokens)
	change()
	if !wellFormed(s) {
		copy(s.Tokens, saved)
	}
}

// rehang hangs on word to what hangs on any of words from, but for the
// words of keep.
func rehang(s *ud.Sentence, to int, from, keep []int) {
	for k := range s.Tokens {
		if h := s.Tokens[k].Head - 1; h >= 0 && slices.Contains(from, h) && !slices.Contains(keep, k) {
			s.Tokens[k].Head = to + 1
		}
	}
}

// wellFormed reports whether the heads of s make one tree: one root and
// every word reaching it.
func wellFormed(s *ud.Sentence) bool {
	roots := 0
	for i, t := range s.Tokens {
		if t.Head == 0 {
			roots++
		}
		if !under(s, i, -1) {
			return false
		}
	}
	return roots == 1
}

// under reports whether word a lies in the subtree of word b of s (b -1:
// whether a reaches the root).
func under(s *ud.Sentence, a, b int) bool {
	for k := 0; k <= len(s.Tokens); k++ {
		if a == b {
			return true
		}
		if a < 0 || a >= len(s.Tokens) {
			return false
		}
		a = s.Tokens[a].Head - 1
	}
	return false
}
