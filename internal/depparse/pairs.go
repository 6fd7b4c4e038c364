package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// Subjects news writes in ways web text seldom does, repaired after
// parsing (the model is not retrained):
//
//   - Two names joined by a comma. A headline or a short report writes
//     "Kazakhstan, Uzbekistan sign water deal" for "Kazakhstan and
//     Uzbekistan sign …". Trained on EWT, where a name and a comma open a
//     sentence as a vocative or before an apposition, the parser made the
//     first name the root, a vocative or a second subject. When a sentence
//     opens with two runs of proper nouns joined by a comma and then a
//     finite lexical verb (after an auxiliary or modal, perhaps), the first
//     name is the verb's subject and the second its conjunct; before a
//     headline's infinitive ("Russia, China to hold drills") the second
//     is the first's conjunct.
//   - A hyphenated verb. "North Korea test-fired two missiles" is "test",
//     "-", "fired" in EWT's tokens; once the tagger has made "fired" the
//     finite verb, the parser still read "test" (or "tear" in
//     "tear-gassed") as the subject. The first part is a compound of the
//     verb and the noun phrase before it the subject.
//   - The agent of a reduced relative. "A delegation led by Foreign
//     Minister X visited Brussels": reading a name after "by", the parser
//     made it the subject of the finite verb after it, and the verb the
//     participle's agent. The name is the participle's agent, and the noun
//     the participle modifies is the verb's subject.

//   - The speaker of a closing report. "…, President Recep Tayyip
//     Erdogan said at a news conference": the root is the verb of saying
//     (reportTail), but the parser hung the speaker's names from the
//     clause before the comma. The words between the comma and the verb
//     are its subject.

//   - A reported clause taken for the speaker's subject. "North Korea
//     fires ballistic missile into sea, Seoul says" had "fires" as the
//     subject of "says" and "Korea" as its compound. A finite verb is no
//     nominal subject: under a verb of saying after it, it is the verb's
//     clausal complement, and the simple noun phrase right before it,
//     when it hangs from it, its subject.

// repairSubjects applies the five repairs; s is parsed.
func repairSubjects(s *ud.Sentence) {
	namePairSubject(s)
	hyphenSubject(s)
	agentSubject(s)
	tailSubject(s)
	clauseNotSubject(s)
}

// clauseNotSubject makes a finite verb labelled as the subject of a verb
// of saying after it that verb's ccomp, with the noun phrase before it as
// its own subject.
func clauseNotSubject(s *ud.Sentence) {
	for v := 1; v < len(s.Tokens); v++ {
		t := &s.Tokens[v]
		h := t.Head - 1
		if t.UPOS != ud.VERB || !isFinite(t.XPOS) || !strings.HasPrefix(t.Rel, "nsubj") || h <= v || !sayingVerbs[s.Tokens[h].Lemma] {
			continue
		}
		t.Rel = "ccomp"
		subject := false
		for _, u := range s.Tokens {
			subject = subject || u.Head == v+1 && strings.HasPrefix(u.Rel, "nsubj")
		}
		lo := v
		for lo > 0 && (simpleNominal(s.Tokens[lo-1].UPOS, s.Tokens[lo-1].XPOS) || s.Tokens[lo-1].UPOS == ud.CCONJ) {
			lo--
		}
		if subject || lo == v || !nounLike(s.Tokens[v-1].UPOS) {
			continue
		}
		// The phrase ("North Korea", "Thailand and Cambodia") hangs
		// from the verb by its head.
		j := phraseHead(s, lo, v)
		if !nounLike(s.Tokens[j].UPOS) || s.Tokens[j].Head != v+1 {
			continue
		}
		gatherPhrase(s, lo, v, j)
		s.Tokens[j].Rel = "nsubj"
	}
}

// tailSubject makes the words between the comma of a closing report and
// its verb the verb's subject when the verb has none.
func tailSubject(s *ud.Sentence) {
	c := reportTail(s)
	if c < 0 {
		return
	}
	v := c + 1
	for v < len(s.Tokens) && s.Tokens[v].UPOS != ud.VERB {
		v++
	}
	if v == c+1 || v == len(s.Tokens) || s.Tokens[v].Head != 0 {
		return
	}
	for i, u := range s.Tokens {
		if u.Head == v+1 && strings.HasPrefix(u.Rel, "nsubj") && i > c {
			return
		}
	}
	h := phraseHead(s, c+1, v)
	if u := s.Tokens[h].UPOS; !nounLike(u) && u != ud.PRON && u != ud.ADJ {
		return
	}
	gatherPhrase(s, c+1, v, h)
	s.Tokens[h].Head, s.Tokens[h].Rel = v+1, "nsubj"
}

// namePairSubject makes the first of two names joined by a comma that
// open s the subject of the finite verb after them, and the second its
// conjunct.
func namePairSubject(s *ud.Sentence) {
	n := len(s.Tokens)
	a := nameRun(s, 0)
	if a == 0 || a+2 >= n || s.Tokens[a].Form != "," || dateline(s.Tokens[0].Form) {
		return
	}
	b := nameRun(s, a+1)
	if b == a+1 || b >= n {
		return
	}
	v := b
	if s.Tokens[v].UPOS == ud.AUX && isFinite(s.Tokens[v].XPOS) && v+1 < n {
		v++
	}
	hA, hB := phraseHead(s, 0, a), phraseHead(s, a+1, b)
	if !finiteVerb(s, v) {
		if s.Tokens[v].XPOS == "TO" && v+1 < n && s.Tokens[v+1].XPOS == "VB" && s.Tokens[hB].Head == hA+1 {
			// "Russia, China to hold joint drills": the headline's
			// infinitive keeps its place; the second name is the
			// first's conjunct, not its apposition.
			gatherPhrase(s, a+1, b, hB)
			s.Tokens[hB].Rel = "conj"
			s.Tokens[a].Head, s.Tokens[a].Rel = hB+1, "punct"
		}
		return
	}
	// The verb takes the place in the tree of the names and of a noun
	// after it that it was made to modify ("sign water deal" parsed as a
	// compound of "deal"), which becomes its object.
	noun := s.Tokens[v].Head - 1
	if noun <= v || !nounLike(s.Tokens[noun].UPOS) {
		noun = -1
	}
	region := func(i int) bool { return i >= 0 && (i < b || i == v || i == noun) }
	top := v
	for i := range s.Tokens {
		if region(i) && !region(s.Tokens[i].Head-1) && (top == v || s.Tokens[i].Head == 0) {
			top = i
		}
	}
	if top != v {
		s.Tokens[v].Head, s.Tokens[v].Rel = s.Tokens[top].Head, s.Tokens[top].Rel
	}
	if noun >= 0 {
		s.Tokens[noun].Head, s.Tokens[noun].Rel = v+1, "obj"
	}
	// What hung from the names after them goes with the verb.
	obj := noun >= 0
	for i := range s.Tokens {
		obj = obj || s.Tokens[i].Head == v+1 && s.Tokens[i].Rel == "obj"
	}
	for i := b; i < n; i++ {
		if s.Tokens[i].Head == v+1 && s.Tokens[i].Rel == "iobj" && !obj {
			// "Egypt, Qatar urge restraint": no second object.
			s.Tokens[i].Rel, obj = "obj", true
		}
		if h := s.Tokens[i].Head - 1; i == v || h < 0 || h >= b {
			continue
		}
		s.Tokens[i].Head = v + 1
		if s.Tokens[i].Rel != "punct" && i > v && nounLike(s.Tokens[i].UPOS) && !obj {
			s.Tokens[i].Rel, obj = "obj", true
		}
	}
	gatherPhrase(s, 0, a, hA)
	gatherPhrase(s, a+1, b, hB)
	s.Tokens[hA].Head, s.Tokens[hA].Rel = v+1, "nsubj"
	s.Tokens[hB].Head, s.Tokens[hB].Rel = hA+1, "conj"
	s.Tokens[a].Head, s.Tokens[a].Rel = hB+1, "punct"
}

// nameRun returns the end of the run of proper nouns that starts at word
// i (i when there is none).
func nameRun(s *ud.Sentence, i int) int {
	for i < len(s.Tokens) && s.Tokens[i].UPOS == ud.PROPN {
		i++
	}
	return i
}

// dateline reports whether w, a sentence's first word, is a place written
// in capitals as a dateline writes it ("ASTANA, May 3"), not a name.
func dateline(w string) bool {
	return len(w) > 4 && strings.ToUpper(w) == w
}

// phraseHead returns the word of lo..hi-1 whose head lies outside it (the
// last one when several do).
func phraseHead(s *ud.Sentence, lo, hi int) int {
	h := hi - 1
	for i := lo; i < hi; i++ {
		if p := s.Tokens[i].Head - 1; p < lo || p >= hi {
			h = i
		}
	}
	return h
}

// gatherPhrase hangs every word of lo..hi-1 other than h whose head lies
// outside the phrase from h, with the relation its class has inside a
// simple noun phrase.
func gatherPhrase(s *ud.Sentence, lo, hi, h int) {
	for i := lo; i < hi; i++ {
		if p := s.Tokens[i].Head - 1; i == h || p >= lo && p < hi {
			continue
		}
		s.Tokens[i].Head, s.Tokens[i].Rel = h+1, modifierRel(s.Tokens[i].UPOS)
	}
}

// hyphenSubject attaches the first part of a hyphenated finite verb to
// the verb as a compound and makes the simple noun phrase before it the
// verb's subject.
func hyphenSubject(s *ud.Sentence) {
	for v := 3; v < len(s.Tokens); v++ {
		t := &s.Tokens[v]
		if t.UPOS != ud.VERB || !isFinite(t.XPOS) || s.Tokens[v-1].Form != "-" || !joined(s, v-2, v) {
			continue
		}
		c := v - 2
		lo := c
		for lo > 0 && simpleNominal(s.Tokens[lo-1].UPOS, s.Tokens[lo-1].XPOS) {
			lo--
		}
		if lo == c || !nounLike(s.Tokens[c-1].UPOS) {
			continue
		}
		other := false
		for i, u := range s.Tokens {
			if u.Head == v+1 && strings.HasPrefix(u.Rel, "nsubj") && (i < lo || i > c) {
				other = true
			}
		}
		if other {
			continue
		}
		for i := range s.Tokens {
			if p := s.Tokens[i].Head - 1; i > v && p >= lo && p <= c {
				s.Tokens[i].Head = v + 1
			}
		}
		h := c - 1
		gatherPhrase(s, lo, c, h)
		s.Tokens[h].Head, s.Tokens[h].Rel = v+1, "nsubj"
		s.Tokens[c].Head, s.Tokens[c].Rel = v+1, "compound"
		s.Tokens[v-1].Head, s.Tokens[v-1].Rel = c+1, "punct"
	}
}

// joined reports whether words i..j follow each other with no space.
func joined(s *ud.Sentence, i, j int) bool {
	for k := i; k < j; k++ {
		if s.Tokens[k].Span.End != s.Tokens[k+1].Span.Start {
			return false
		}
	}
	return true
}

// simpleNominal reports whether a word of the class may be part of a
// simple noun phrase before its head (possessive pronouns included, other
// pronouns not).
func simpleNominal(u ud.UPOS, xpos string) bool {
	switch u {
	case ud.DET, ud.ADJ, ud.NOUN, ud.PROPN, ud.NUM:
		return true
	case ud.PRON:
		return xpos == "PRP$"
	}
	return false
}

func nounLike(u ud.UPOS) bool { return u == ud.NOUN || u == ud.PROPN }

// agentSubject repairs "N led by X visited Y" parsed with X the subject
// of "visited" and "visited" under the participle.
func agentSubject(s *ud.Sentence) {
	n := len(s.Tokens)
	for v := 4; v < n; v++ {
		t := &s.Tokens[v]
		if t.UPOS != ud.VERB || t.XPOS != "VBD" && t.XPOS != "VBZ" && t.XPOS != "VBP" {
			continue
		}
		by, subj := -1, -1
		for i := 0; i < v; i++ {
			if s.Tokens[i].Head != v+1 {
				continue
			}
			switch {
			case strings.EqualFold(s.Tokens[i].Form, "by"):
				by = i
			case strings.HasPrefix(s.Tokens[i].Rel, "nsubj"):
				subj = i
			}
		}
		if by < 2 || subj < by || !nounLike(s.Tokens[subj].UPOS) {
			continue
		}
		p := by - 1
		if s.Tokens[p].XPOS != "VBN" {
			continue
		}
		noun := s.Tokens[p].Head - 1
		if s.Tokens[p].Rel == "root" && t.Head-1 == p {
			// "A delegation led by the minister arrived": the
			// participle taken for the root, its noun for its
			// subject
			noun = -1
			for i := p - 1; i >= 0; i-- {
				if s.Tokens[i].Head == p+1 && s.Tokens[i].Rel == "nsubj" {
					noun = i
				}
			}
			if noun < 0 || !nounLike(s.Tokens[noun].UPOS) || hasAux(s, p) {
				continue
			}
			for i := range s.Tokens {
				if s.Tokens[i].Head == p+1 && i > v {
					s.Tokens[i].Head = v + 1
				}
			}
			t.Head, t.Rel = 0, "root"
			s.Tokens[p].Head, s.Tokens[p].Rel = noun+1, "acl"
		} else {
			if s.Tokens[p].Rel != "acl" || noun < 0 || noun > p || !nounLike(s.Tokens[noun].UPOS) || t.Head-1 != p && t.Head-1 != noun {
				continue
			}
			t.Head, t.Rel = s.Tokens[noun].Head, s.Tokens[noun].Rel
			if t.Head-1 == p || t.Head-1 == v {
				t.Head, t.Rel = 0, "root"
			}
		}
		for i := range s.Tokens {
			switch hd := s.Tokens[i].Head - 1; {
			case hd == noun && i > v:
				s.Tokens[i].Head = v + 1
			case hd == v && i > by && i < v && i != subj:
				s.Tokens[i].Head = subj + 1
			}
		}
		s.Tokens[noun].Head, s.Tokens[noun].Rel = v+1, "nsubj"
		s.Tokens[subj].Head, s.Tokens[subj].Rel = p+1, "obl:agent"
		s.Tokens[by].Head, s.Tokens[by].Rel = subj+1, "case"
	}
}

// hasAux reports whether word v of s has an auxiliary of its own.
func hasAux(s *ud.Sentence, v int) bool {
	for _, t := range s.Tokens {
		if t.Head == v+1 && strings.HasPrefix(t.Rel, "aux") {
			return true
		}
	}
	return false
}
