package coder

import (
	"strings"

	"farabi/internal/ud"
)

// accuseVerbs charge another with an act named by a gerund after "of" or
// "for": "accused Y of shelling …", "blamed Y for firing on …".
var accuseVerbs = set("accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce", "fault")

// claimable reports whether an act of code c, named in an accusation, is
// coded as the act claimed (GUIDELINES rule 7): coercion and violence
// (17–20), and arming another (072 military aid, 074 military protection:
// "accused the UAE of supplying drones to the RSF" is the supply, claimed).
// Not a show of force (15): "accused Rwanda of sending troops to
// support an offensive" is the offensive's fighting, not a deployment.
func claimable(c string) bool {
	return violent(c) || strings.HasPrefix(c, "17") || c == "072" || c == "074"
}

// accusing returns the verb of accusing that names the accused when h is
// the word an act of the accusation hangs on: the verb itself ("accused Y
// of …", "blamed Y for …") or "held Y responsible for …"; else -1.
func (st *sentence) accusing(h int) int {
	if h < 0 {
		return -1
	}
	if accuseVerbs[st.lemma(h)] && st.s.Tokens[h].UPOS == ud.VERB {
		return h
	}
	if st.lemma(h) == "responsible" {
		if g := st.s.Tokens[h].Head - 1; g >= 0 && st.lemma(g) == "hold" {
			return g
		}
	}
	return -1
}

// accuser returns the subject of the accusation whose act is predicate i
// ("Kyrgyzstan accused Tajikistan of shelling border villages": the
// shelling is Tajikistan's, claimed by Kyrgyzstan), and whether i is such
// an act: a gerund or act noun after "of" or "for" hung on a verb of
// accusing that names the accused as its object ("blamed India for the
// drone attack", "held Hezbollah responsible for the rocket fire"), or
// the gerund the parser made a modifier of the phrase after "of"
// ("accused Turkey of bombing power stations" with "bombing" a compound).
func (st *sentence) accuser(i int) ([]int, bool) {
	h := st.accuserVerb(i)
	if h < 0 {
		return nil, false
	}
	subj, _ := st.subjectOf(h)
	return subj, true
}

// accuserVerb returns the verb of accusing predicate i is the act of, or -1.
func (st *sentence) accuserVerb(i int) int {
	t := st.s.Tokens[i]
	if t.XPOS != "VBG" && t.UPOS != ud.NOUN {
		return -1
	}
	n := i // the word that carries "of" or "for"
	if r := ud.BaseRel(t.Rel); (r == "compound" || r == "amod") && t.Head > 0 &&
		(t.XPOS == "VBG" || t.UPOS == ud.NOUN && strings.HasSuffix(strings.ToLower(t.Form), "ing")) {
		n = t.Head - 1
	}
	nt := st.s.Tokens[n]
	if r := ud.BaseRel(nt.Rel); r != "advcl" && r != "acl" && r != "obl" && r != "nmod" {
		return -1
	}
	if !st.hasChild(n, "mark", "of") && !st.hasChild(n, "mark", "for") && !st.hasChild(n, "case", "of") && !st.hasChild(n, "case", "for") {
		return -1
	}
	h := st.accusing(nt.Head - 1)
	if g := nt.Head - 1; h < 0 && g >= 0 && st.s.Tokens[g].Rel == "obj" {
		// "accused Kosovo police of arresting …" with the gerund hung
		// on the accused
		h = st.accusing(st.s.Tokens[g].Head - 1)
	}
	if h < 0 || !st.hasRel(h, "obj") {
		return -1
	}
	return h
}

// accused returns the actors a verb of accusing names as its object, the
// doers of the act i claims ("accused Tajikistan of shelling").
func (st *sentence) accused(i int) []int {
	h := st.accuserVerb(i)
	if h < 0 {
		return nil
	}
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel == "obj" {
			return st.actorsAt(c, 0)
		}
	}
	return nil
}
