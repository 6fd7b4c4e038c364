package coder

import (
	"strings"

	"farabi/internal/ud"
)

// relativeObject returns the actors of the noun a relative clause at i
// modifies when that noun is the clause's object, left out of it: "four
// officials it accused of rigging the vote", "two diplomats whom it
// accused of spying" (the target of the accusation is the officials,
// the diplomats). The clause must have a subject of its own (a relative
// pronoun for subject, "officials who accused …", or a subject owned by
// "whose", "Peru, whose ministers met …", makes the noun the subject or
// its owner instead), no object other than a relative pronoun, and no
// relative adverb ("the town where …"), and not in the past perfect
// ("fishermen it had detained for months" is background to their
// release); nil otherwise.
func (st *sentence) relativeObject(i int) []int {
	h := st.objectGap(i)
	if h < 0 {
		return nil
	}
	return st.actorsAt(h, 0)
}

// objectGap returns the noun a relative clause at i modifies when that
// noun is the clause's object, left out of it (relativeObject), or -1.
func (st *sentence) objectGap(i int) int {
	t := st.s.Tokens[i]
	if t.Rel != "acl:relcl" || t.UPOS != ud.VERB || t.Head == 0 || st.passive(i) {
		return -1
	}
	h := t.Head - 1
	if u := st.s.Tokens[h].UPOS; u != ud.NOUN && u != ud.PROPN {
		return -1
	}
	subject := false
	for _, c := range st.children[i] {
		switch ud.BaseRel(st.s.Tokens[c].Rel) {
		case "nsubj":
			if relPronouns[st.lemma(c)] || st.relativeInside(c) {
				return -1 // "officials who accused", "Peru, whose ministers met"
			}
			subject = true
		case "obj", "ccomp", "xcomp":
			if st.s.Tokens[c].Rel != "obj" || !relPronouns[st.lemma(c)] {
				return -1
			}
		case "advmod", "obl":
			if relAdverbs[st.lemma(c)] || st.relativeInside(c) {
				return -1
			}
		case "aux":
			if st.lemma(c) == "have" && strings.EqualFold(st.s.Tokens[c].Form, "had") {
				return -1 // "fishermen it had detained for months": told as background
			}
		}
	}
	if !subject {
		return -1
	}
	return h
}

// relAdverbs open a relative clause that leaves no object out ("the
// border where troops clashed").
var relAdverbs = set("where", "when", "why", "whereby")

// relativeInside reports whether a relative pronoun hangs on c ("the
// summit at which …", "the country in whose capital …").
func (st *sentence) relativeInside(c int) bool {
	for _, d := range st.children[c] {
		if relPronouns[st.lemma(d)] && d < c+1 {
			return true
		}
	}
	return relPronouns[st.lemma(c)]
}

// relativePronounSubject returns the actors a pronoun subject of the
// relative clause at i stands for: "four officials it accused of …",
// "Hezbollah, which it accused of …". The pronoun cannot be the noun the
// clause modifies; it is the subject of the clause the noun belongs to
// ("the Treasury sanctioned four officials it accused": the Treasury).
// nil when the clause's subject is no such pronoun or already names an
// actor.
func (st *sentence) relativePronounSubject(i int) []int {
	t := st.s.Tokens[i]
	if t.Rel != "acl:relcl" || t.Head == 0 {
		return nil
	}
	subj := -1
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "nsubj" && !relPronouns[st.lemma(c)] {
			subj = c
		}
	}
	if subj < 0 || st.mention[subj] >= 0 {
		return nil
	}
	switch st.lemma(subj) {
	case "it", "they", "he", "she":
	default:
		return nil
	}
	// the verb the modified noun belongs to, past the participles that
	// modify a noun ("sites belonging to Hezbollah, which it …")
	g := t.Head - 1
	for steps := 0; g >= 0 && (st.s.Tokens[g].UPOS != ud.VERB || st.s.Tokens[g].Rel == "acl"); steps++ {
		if steps > 6 {
			return nil
		}
		g = st.s.Tokens[g].Head - 1
	}
	if g < 0 {
		return nil
	}
	ms, _ := st.inherited(g, 1)
	return ms
}

// ownedVerbs, as participles on a thing, name the party it belongs to.
var ownedVerbs = set("link", "tie", "belong", "own", "operate")

// ownerOfThing returns the word naming the owner a participle at c gives
// the noun it modifies ("linked to Israel", "belonging to Hezbollah",
// "owned by X"), or -1.
func (st *sentence) ownerOfThing(c int) int {
	t := st.s.Tokens[c]
	if !ownedVerbs[st.lemma(c)] || t.XPOS != "VBN" && t.XPOS != "VBG" {
		return -1
	}
	if a := st.agent(c); a >= 0 {
		return a
	}
	for _, d := range st.children[c] {
		if ud.BaseRel(st.s.Tokens[d].Rel) == "obl" && st.hasCase(d, "to") {
			return d
		}
	}
	return -1
}
