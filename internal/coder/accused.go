package coder

import "farabi/internal/ud"

// accuseVerbs charge another with an act named by a gerund after "of" or
// "for": "accused Y of shelling …", "blamed Y for firing on …".
var accuseVerbs = set("accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce", "fault")

// accuser returns the subject of the accusation whose gerund is predicate
// i ("Kyrgyzstan accused Tajikistan of shelling border villages": the
// shelling is Tajikistan's, claimed by Kyrgyzstan), and whether i is such
// a gerund: one after "of" or "for" hung on a verb of accusing that names
// the accused as its object.
func (st *sentence) accuser(i int) ([]int, bool) {
	t := st.s.Tokens[i]
	h := t.Head - 1
	if t.XPOS != "VBG" || h < 0 || !accuseVerbs[st.lemma(h)] || st.s.Tokens[h].UPOS != ud.VERB {
		return nil, false
	}
	if r := ud.BaseRel(t.Rel); r != "advcl" && r != "acl" && r != "obl" {
		return nil, false
	}
	if !st.hasChild(i, "mark", "of") && !st.hasChild(i, "mark", "for") && !st.hasChild(i, "case", "of") && !st.hasChild(i, "case", "for") {
		return nil, false
	}
	if !st.hasRel(h, "obj") {
		return nil, false
	}
	subj, _ := st.subjectOf(h)
	return subj, true
}

// accused returns the actors a verb of accusing names as its object, the
// doers of the act its gerund i claims ("accused Tajikistan of
// shelling").
func (st *sentence) accused(i int) []int {
	h := st.s.Tokens[i].Head - 1
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel == "obj" {
			return st.actorsAt(c, 0)
		}
	}
	return nil
}
