package coder

import (
	"strings"

	"farabi/internal/ud"
)

// accuseVerbs charge another with an act named by a gerund after "of" or
// "for": "accused Y of shelling …", "blamed Y for firing on …".
var accuseVerbs = set("accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce", "fault")

// violent reports whether code is one of material conflict (CAMEO 18–20):
// the acts a reported accusation is coded as (GUIDELINES rule 7, "X says Y
// opened fire" is Y's firing).
func violent(code string) bool {
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

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

// speakerOwns returns the speaker of a reported armed act whose object or
// place is the speaker's own by a possessive pronoun no actor covers
// ("Armenia said Azerbaijani forces had shelled its positions", "launched
// drones at its territory": the positions are Armenia's), for an act the
// sentence gives no target.
func (st *sentence) speakerOwns(i int) []int {
	if !st.reported(i) {
		return nil
	}
	for p, t := range st.s.Tokens {
		if t.Rel != "nmod:poss" || st.mention[p] >= 0 {
			continue
		}
		if f := strings.ToLower(t.Form); f != "its" && f != "their" {
			continue
		}
		// the owned word is an object or oblique of the act, or a
		// modifier of one
		w := t.Head - 1
		for d := 0; d < 2 && w >= 0 && w != i; d++ {
			if h := st.s.Tokens[w].Head - 1; h == i {
				switch ud.BaseRel(st.s.Tokens[w].Rel) {
				case "obj", "obl":
					subj, _ := st.subjectOf(st.s.Tokens[i].Head - 1)
					return subj
				}
				break
			}
			w = st.s.Tokens[w].Head - 1
		}
	}
	return nil
}
