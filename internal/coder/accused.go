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
// Sanctions (16) and rejections (12) claimed are the act too ("accused
// Kyiv of rejecting proposals", round 19); defying a norm (128, "accused
// India of violating the treaty") is what the accusation says, no act.
func claimable(c string) bool {
	return violent(c) || strings.HasPrefix(c, "17") || c == "072" || c == "074" ||
		strings.HasPrefix(c, "16") || strings.HasPrefix(c, "12") && !strings.HasPrefix(c, "128")
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
	if len(subj) == 0 {
		// "said Moscow remained open to talks but accused Kyiv of …":
		// the accusing verb shares the subject of the verb it is
		// coordinated with
		subj, _ = st.inherited(h, 0)
	}
	return subj, true
}

// accuserVerb returns the verb of accusing predicate i is the act of, or -1.
func (st *sentence) accuserVerb(i int) int {
	t := st.s.Tokens[i]
	if h := t.Head - 1; h >= 0 && t.XPOS == "VBG" && ud.BaseRel(t.Rel) == "advcl" && st.hasChild(i, "mark", "by") && !st.hasRel(i, "nsubj") && st.s.Tokens[h].XPOS == "VBG" {
		// "accused X of undermining the talks by imposing sanctions":
		// the means of the act claimed is claimed too, and X's
		if g := st.accuserVerb(h); g >= 0 {
			return g
		}
	}
	if t.XPOS != "VBG" && t.UPOS != ud.NOUN {
		return -1
	}
	if h := t.Head - 1; h >= 0 && t.XPOS == "VBG" && ud.BaseRel(t.Rel) == "advcl" && i > 0 && st.s.Tokens[i-1].Form == "," && !st.hasRel(i, "nsubj") {
		// "accused X of opening fire on a post, killing two soldiers"
		// with the second participle hung on "accused": it goes on
		// with the act claimed
		for _, c := range st.children[h] {
			if c < i && c != i && st.s.Tokens[c].XPOS == "VBG" && ud.BaseRel(st.s.Tokens[c].Rel) == "advcl" && st.hasChild(c, "mark", "of") {
				if g := st.accuserVerb(c); g == h {
					return h
				}
			}
		}
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
	g := nt.Head - 1
	if h < 0 && g >= 0 && st.s.Tokens[g].Rel == "conj" && st.s.Tokens[g].Head > 0 && st.s.Tokens[st.s.Tokens[g].Head-1].Rel == "obj" {
		// "accused the United States and Britain of bombing …" with
		// the gerund hung on the last of the accused
		g = st.s.Tokens[g].Head - 1
	}
	if h < 0 && g >= 0 && st.s.Tokens[g].Rel == "obj" {
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

// withinAccusation says why predicate i is part of what an accusation
// claims, or "": a verb below the gerund of an accusation ("accused
// Bucharest of provoking hysteria to justify a larger NATO presence": the
// justifying is claimed with the provoking, not done). An act the
// accusation claims itself is the gerund (accuser); this is what hangs
// below it.
func (st *sentence) withinAccusation(i int) string {
	k := i
	for steps := 0; steps < 4; steps++ {
		switch ud.BaseRel(st.s.Tokens[k].Rel) {
		case "xcomp", "advcl", "conj", "ccomp":
		default:
			return ""
		}
		k = st.s.Tokens[k].Head - 1
		if k < 0 {
			return ""
		}
		if st.accuserVerb(k) >= 0 {
			return "claimed in an accusation (" + st.s.Tokens[k].Form + " … " + st.s.Tokens[i].Form + ")"
		}
	}
	return ""
}

// evidenceNouns, under "no", deny what their clause says: "no evidence
// that X had accused Y", "no sign that …".
var evidenceNouns = set("evidence", "proof", "sign", "indication", "basis", "truth")

// armsAnother reports whether code c arms or protects a third party (072,
// 074): claimed in an accusation with no one named as armed ("accused
// Eritrea of arming rebels"), it is not done to the accuser.
func armsAnother(c string) bool { return c == "072" || c == "074" }

// announcedExpulsion reports whether an expulsion (174) on predicate i,
// only intended (why), is announced as decided: "informed him that a
// Polish diplomat would be expelled in response", "Moscow will expel two
// Estonian diplomats". An announced plan is coded as the act (GUIDELINES
// rule 1), as leaving a body is (leavesBody); "threatened to expel",
// "could expel", "would expel … if …" stay threats (137).
func (st *sentence) announcedExpulsion(i int, p *Pattern, why string) bool {
	return p.Code == "174" && st.announced(i, why)
}

// announcedMeasure reports whether a measure that reduces relations (16x)
// on predicate i, only intended (why), is a decision made known: agreed on
// ("EU ministers agreed to suspend visa-free travel for …") or stated in
// the clause of a verb of announcing or deciding ("announced that Colombia
// would suspend electricity exports to Ecuador"). An announced plan is
// coded as the act (GUIDELINES rule 1), as an announced expulsion is. A
// plan only said ("said Washington would keep cutting off …"), a threat
// word, a hedge or a condition keeps it a threat (1312), as the news sets
// code it.
func (st *sentence) announcedMeasure(i int, p *Pattern, why string) bool {
	if p.Intent || !strings.HasPrefix(p.Code, "16") {
		return false
	}
	w := strings.ToLower(strings.TrimSuffix(why, " to"))
	switch {
	case w == "agree" || w == "agrees" || w == "agreed":
	case w == "will" || w == "would" || w == "shall" || w == "'ll":
		if !st.announcedClause(i) {
			return false
		}
	default:
		return false
	}
	return st.announced(i, why)
}

// announcingVerbs make known a decision in their clause.
var announcingVerbs = set("announce", "declare", "confirm", "decide", "agree")

// announcedClause reports whether predicate i is the clause of a verb of
// announcing, directly or as the second of two coordinated clauses
// ("announced that it would close the crossing and would suspend …").
func (st *sentence) announcedClause(i int) bool {
	t := st.s.Tokens[i]
	h := t.Head - 1
	if h >= 0 && ud.BaseRel(t.Rel) == "conj" {
		t = st.s.Tokens[h]
		h = t.Head - 1
	}
	return h >= 0 && ud.BaseRel(t.Rel) == "ccomp" && announcingVerbs[st.lemma(h)]
}

// expellingReporter returns the actors that report an expulsion told in
// the passive with no agent ("Hungary said two Ukrainian diplomats would
// be expelled", "informed him that a Polish diplomat would be expelled"):
// only a government expels another's diplomats, and the one that tells of
// it is that government, when the expelled are of another country. nil
// otherwise.
func (st *sentence) expellingReporter(i int, expelled []int) []int {
	if !st.passive(i) || st.agent(i) >= 0 {
		return nil
	}
	t := st.s.Tokens[i]
	h := t.Head - 1
	if h < 0 || ud.BaseRel(t.Rel) != "ccomp" || !speechVerbs[st.lemma(h)] && st.lemma(h) != "inform" {
		return nil
	}
	ms, _ := st.subjectOf(h)
	if len(ms) == 0 {
		ms, _ = st.inherited(h, 1)
	}
	for _, m := range ms {
		for _, x := range expelled {
			if sameCountry(st.ms[m].Code, st.ms[x].Code) {
				return nil
			}
		}
	}
	return ms
}

// judgingVerbs name what they judge "as" something: "described the post
// as threatening", "saw the drills as provoking".
var judgingVerbs = set("describe", "call", "brand", "label", "term", "characterize", "characterise", "see", "view",
	"regard", "denounce", "condemn", "dismiss", "portray", "depict", "paint", "treat")

// judgedAs says why a participle at i is a judgement of what a verb of
// judging names ("a post that officials described as threatening": no
// threat), or "".
func (st *sentence) judgedAs(i int) string {
	t := st.s.Tokens[i]
	if t.XPOS != "VBG" || t.Head == 0 || !judgingVerbs[st.lemma(t.Head-1)] {
		return ""
	}
	if !st.hasChild(i, "mark", "as") && !st.hasChild(i, "case", "as") {
		return ""
	}
	return st.s.Tokens[t.Head-1].Form + " as " + t.Form
}

// answeredVerbs name an act a threat joined to them answers: "dismissed
// the accusations … and promised that Moscow's response will not be long
// in coming" is toward the accusers.
var answeredVerbs = set("condemn", "denounce", "dismiss", "reject", "criticise", "criticize", "accuse", "blame", "slam", "expel")
