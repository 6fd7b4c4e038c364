// Package coder turns parsed, actor-tagged sentences into CAMEO events.
//
// A [Coder] matches the patterns of a verb [Dictionary] against the
// dependency tree of a [ud.Sentence]: for each word whose lemma carries
// patterns, it walks the pattern's source and target paths to the actors the
// recognizer found ([actor.Mention]), applying the alternations the patterns
// leave out (passive voice, control verbs, relative clauses, coordination),
// skipping negated acts, and turning intended acts into CAMEO intent codes.
// Every event carries the rule that fired and the evidence. Coder does no
// I/O and is safe for concurrent use. Codes follow CAMEO 1.1b3.
package coder

import (
	"sort"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/ud"
)

// Coder codes events.
type Coder struct {
	dict *Dictionary
	ont  *event.Ontology
	opts Options // PETRARCH mode; see [NewPetrarch]
	// inGroup reports whether the actor of code is a member of group (a
	// region or an organisation); nil when the dictionaries say nothing
	// of members. See [Coder.SetGroups].
	inGroup func(code, group string) bool
}

// New returns a Coder over a pattern dictionary and the CAMEO ontology.
func New(dict *Dictionary, ont *event.Ontology) *Coder { return &Coder{dict: dict, ont: ont} }

// SetGroups tells the coder which countries belong to which region or
// organisation: inGroup(code, group) reports whether the country of actor
// code ("KAZGOV") is a member of group ("CASGOV", "SCO"). A member is then
// never paired with its own group at the group's meeting (ownGroup).
func (c *Coder) SetGroups(inGroup func(code, group string) bool) { c.inGroup = inGroup }

// Lemmas of words that change how a predicate is read.
var (
	negators = set("not", "n't", "never", "no", "nt")
	// Verbs whose infinitive complement is only intended: "plans to open".
	intentVerbs = set("plan", "intend", "aim", "seek", "want", "wish", "hope", "agree", "promise", "pledge",
		"vow", "decide", "prepare", "expect", "offer", "propose", "consider", "mull", "weigh",
		"look", "commit", "undertake", "resolve", "threaten", "vote", "move", "set", "schedule", "due", "going",
		"intention", "decision", "proposal", "readiness", "willingness", "commitment", "bid", "effort", "agreement",
		"eager", "ready", "prepared", "willing", "keen", "determined", "committed", "likely", "about", "poised", "able",
		// "would like to widen its ties with X", "Cairo's desire to
		// broaden …", "Japan's will to continue …": one side's wish
		// (round 29); the modal "will" heads no infinitive, so only the
		// noun is met here
		"like", "desire", "will", "eagerness", "aspiration",
		// a directive: what is ordered is not yet done
		"instruct", "order", "direct", "authorize", "authorise", "task", "mandate", "empower",
		// "reserved the right to respond"
		"right")
	// Verbs whose complement did not happen: "refused to sign".
	failVerbs = set("refuse", "fail", "decline", "reject", "deny", "cancel", "postpone", "stop", "cease",
		"abandon", "halt", "avoid", "unable")
	// Verbs and nouns of appeal: what they ask for has not happened
	// ("urged Russia to withdraw", "called for talks", "an invitation to
	// visit"); the appeal itself is coded by its own pattern.
	appeals = set("urge", "ask", "call", "appeal", "invite", "encourage", "request", "demand", "press", "push",
		"implore", "beg", "exhort", "advise", "recommend", "propose", "suggest", "want", "invitation", "appeal",
		"request", "demand", "proposal", "call", "plea", "urging")
	// Directives to another: "told X to leave", "ordered X to close its
	// consulate" code the order, not X's act.
	directives = set("tell", "order", "instruct", "direct", "force", "compel", "oblige", "require", "warn", "caution")
	// Verbs that undo or refuse an event noun they govern: "rejected
	// talks", "lifted sanctions", "announced an end to attacks", "blocked the
	// EU's statement".
	undoVerbs = set("reject", "refuse", "lift", "end", "suspend", "cancel", "postpone", "halt", "stop", "cease",
		"abandon", "oppose", "deny", "rule", "scrap", "ease", "drop", "waive", "freeze", "break", "boycott", "avoid", "delay",
		"block", "veto", "decline")
	// Verbs that keep someone from the act of a gerund after "from":
	// "barred them from entering", "refrained from striking".
	keepFrom = set("bar", "ban", "prevent", "stop", "keep", "deter", "dissuade", "refrain", "abstain", "prohibit",
		"restrain", "discourage", "block", "forbid", "preclude", "desist")
	modals = set("will", "shall", "would", "may", "might", "could", "can", "should", "must", "'ll", "wo", "ca", "'d")
	// Relative pronouns: a relative clause's subject is the noun it modifies.
	relPronouns = set("who", "which", "that", "whom", "whose")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Trace records one pattern tried on one predicate, for explanations.
type Trace struct {
	Pattern   *Pattern
	Predicate int
	Matched   bool
	Why       string
}

// sentence is the per-call view of a sentence: children lists and the
// mention covering each token.
type sentence struct {
	s        *ud.Sentence
	children [][]int
	mention  []int // index into ms, or -1
	ms       []actor.Mention
	// twins lists, for a mention, the others with the same words ("the
	// companies" resolved to four companies' countries).
	twins map[int][]int
	// lemmas holds each word's lemma in lower case (its form when it has
	// none), computed once.
	lemmas []string
	// participles holds, for a past participle that modifies a noun as
	// an adjective ("a planned visit", "the proposed talks"), its form in
	// lower case, else "": the dictionaries name such modifiers by form
	// ("amod=planned|proposed"), while the lemma is the verb's ("plan").
	// Nil when the sentence has none.
	participles []string
	// joined holds, for the last word of a compound the tokenizer split
	// at its hyphen ("build - up", "cease - fire"), the whole compound in
	// lower case with the head's lemma ("build-up", "cease-fire"), else
	// "": the dictionaries name such nouns whole. Nil when there is none.
	joined []string
	// plurals holds, for a plural noun whose form is not its lemma
	// ("positions"), its form in lower case, else "": a forbidding
	// requirement that names a plural form forbids the plural only
	// (wordIn), so one sense of a noun can be told from another
	// ("attacked Y's positions" is fighting, "attacked Y's position on
	// the deal" a criticism: the criticism pattern says obj!=positions).
	// Nil when the sentence has none.
	plurals []string
	// cited maps the head word of a mention the sentence cites ("according
	// to the ministry") to that mention; nil when there is none. Such a
	// mention takes part in no event but as the judge a path "according
	// to" asks for.
	cited map[int]int
	// places are the mentions of places (actor.ByPlace), which cover no
	// word in mention: see place.go.
	places []int
	// inGroup is the coder's [Coder.SetGroups], or nil.
	inGroup func(code, group string) bool
}

func newSentence(s *ud.Sentence, ms []actor.Mention) *sentence {
	n := len(s.Tokens)
	st := &sentence{s: s, children: make([][]int, n), mention: make([]int, n), ms: ms, lemmas: make([]string, n)}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		l := t.Lemma
		if l == "" {
			l = t.Form
		}
		st.lemmas[i] = lowerASCII(l)
		if t.XPOS == "VBN" && t.Rel == "amod" {
			if st.participles == nil {
				st.participles = make([]string, n)
			}
			st.participles[i] = lowerASCII(t.Form)
		}
		if j := hyphenJoined(s, i); j != "" {
			if st.joined == nil {
				st.joined = make([]string, n)
			}
			st.joined[i] = j
		}
		if (t.XPOS == "NNS" || t.XPOS == "NNPS") && !strings.EqualFold(t.Form, l) {
			if st.plurals == nil {
				st.plurals = make([]string, n)
			}
			st.plurals[i] = lowerASCII(t.Form)
		}
	}
	for i := range st.mention {
		st.mention[i] = -1
	}
	// The children lists share one array: count, then fill in order.
	count := make([]int32, n)
	for i := range s.Tokens {
		if h := s.Tokens[i].Head; h > 0 && h <= n {
			count[h-1]++
		}
	}
	kids, off := make([]int, n), 0
	for h, k := range count {
		st.children[h] = kids[off : off : off+int(k)]
		off += int(k)
	}
	for i := range s.Tokens {
		if h := s.Tokens[i].Head; h > 0 && h <= n {
			st.children[h-1] = append(st.children[h-1], i)
		}
	}
	for k, m := range ms {
		if m.Code == "" || m.First < 0 || m.Last >= n {
			continue
		}
		if m.Method == actor.ByPlace {
			st.places = append(st.places, k)
			st.lemmas[st.headOf(k)] = placeLemma
			continue
		}
		if st.according(m) {
			if st.cited == nil {
				st.cited = map[int]int{}
			}
			st.cited[st.headOf(k)] = k
			continue
		}
		if p := st.mention[m.First]; p >= 0 && ms[p].First == m.First && ms[p].Last == m.Last {
			if st.twins == nil {
				st.twins = map[int][]int{}
			}
			st.twins[p] = append(st.twins[p], k)
			continue
		}
		for i := m.First; i <= m.Last; i++ {
			if st.mention[i] < 0 {
				st.mention[i] = k
			}
		}
	}
	return st
}

func (st *sentence) lemma(i int) string { return st.lemmas[i] }

// hyphenJoined returns, for word i of s that ends a compound written with
// a hyphen and split by the tokenizer ("up" of "build-up": "build", "-",
// "up" with no space between them, the first a dependent of i), the
// compound in lower case with i's lemma ("build-up"; "cease-fires" gives
// "cease-fire"), else "".
func hyphenJoined(s *ud.Sentence, i int) string {
	if i < 2 {
		return ""
	}
	first, hy, head := &s.Tokens[i-2], &s.Tokens[i-1], &s.Tokens[i]
	if hy.Form != "-" || first.Head != i+1 || first.UPOS == ud.PUNCT ||
		first.Span.End != hy.Span.Start || hy.Span.End != head.Span.Start {
		return ""
	}
	l := head.Lemma
	if l == "" {
		l = head.Form
	}
	return lowerASCII(first.Form) + "-" + lowerASCII(l)
}

// predicateLemma is the lemma word i is looked up by as a predicate: the
// whole hyphenated compound when patterns name it ("build-up"), else its
// lemma ("up").
func (st *sentence) predicateLemma(i int, d *Dictionary) string {
	if st.joined != nil && st.joined[i] != "" && len(d.patternRefs(st.joined[i])) > 0 {
		return st.joined[i]
	}
	return st.lemmas[i]
}

// wordIn reports whether word i's lemma is in lemmas, or, for a
// participle modifying a noun, its form ("planned" meets
// amod=planned where the lemma is "plan"), or, for the end of a split
// hyphenated compound, the whole ("build-up" meets nsubj=build-up). For a
// forbidding requirement (not), a plural noun's form counts as well:
// obj!=positions forbids "positions" and lets "position" be. Only there:
// the dictionaries list plural forms beside singular ones in every other
// requirement, where a plural alone has always been met by its lemma
// only, and a form matched there would code what they were not tried on.
func (st *sentence) wordIn(i int, lemmas map[string]bool, not bool) bool {
	return lemmas[st.lemmas[i]] || st.participles != nil && st.participles[i] != "" && lemmas[st.participles[i]] ||
		st.joined != nil && st.joined[i] != "" && lemmas[st.joined[i]] ||
		not && st.plurals != nil && st.plurals[i] != "" && lemmas[st.plurals[i]]
}

// according reports whether mention m is the source a sentence cites
// ("according to the Tajik foreign ministry"): it reports the events, it
// takes no part in them.
func (st *sentence) according(m actor.Mention) bool {
	for k := m.First; k <= m.Last; k++ {
		h := st.s.Tokens[k].Head - 1
		if h >= m.First && h <= m.Last {
			continue
		}
		// k is the mention's head: look for "according to" among its case words
		for _, c := range st.children[k] {
			if st.s.Tokens[c].Rel == "case" && st.lemmas[c] == "accord" || st.lemmas[c] == "according" {
				return true
			}
		}
		return false
	}
	return false
}

// lowerASCII lowers s, allocating only when s has an upper-case letter.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// child returns the children of i by relation rel (a bare relation matches
// any subtype), with a case/mark child of lemma cas when cas is set.
func (st *sentence) child(i int, step Step, out []int) []int {
	for _, c := range st.children[i] {
		if st.stepMatches(c, step) {
			out = append(out, c)
			if g := st.contained(c); g >= 0 {
				out = append(out, g) // "carried out a series of strikes on X"
			}
			if g := st.calledWhat(c); g >= 0 {
				out = append(out, g) // "condemned what it called raids by X"
			}
			if step.Rel == "xcomp" {
				out = st.coordinatedInfinitives(c, out)
			}
		}
	}
	// A preposition of three words the parser took apart, as UD English
	// does: "in front of the embassy" is "front" (obl, case "in") with
	// "embassy" below it (nmod, case "of").
	if w := strings.Fields(step.Case); len(w) == 3 {
		for _, c := range st.children[i] {
			if st.lemma(c) != w[1] || !st.stepMatches(c, Step{Rel: step.Rel, Case: w[0]}) {
				continue
			}
			for _, g := range st.children[c] {
				if ud.BaseRel(st.s.Tokens[g].Rel) == "nmod" && st.hasCase(g, w[2]) {
					out = append(out, g)
				}
			}
		}
	}
	return out
}

// coordinatedInfinitives appends the verbs coordinated with the
// infinitive c that share its controller, having no subject of their own:
// "threatened to strike Seoul and to sink any American carrier" threatens
// both, so a path through xcomp reaches the carrier as well as Seoul.
func (st *sentence) coordinatedInfinitives(c int, out []int) []int {
	if st.s.Tokens[c].UPOS != ud.VERB {
		return out
	}
	for _, d := range st.children[c] {
		if st.s.Tokens[d].Rel != "conj" || st.s.Tokens[d].UPOS != ud.VERB || st.hasRel(d, "nsubj") || st.hasRel(d, "nsubj:pass") {
			continue
		}
		out = append(out, d)
	}
	return out
}

// nameVerbs give what a free relative "what" stands for: "what it called
// dangerous manoeuvres", "what Tehran described as provocations".
var nameVerbs = set("call", "describe", "term", "label", "brand", "dub", "characterize", "characterise")

// calledWhat returns, for a free relative "what" (word c) whose clause
// names it ("what they called dangerous manoeuvres by Chinese vessels"),
// the noun it is named as, so that a path through "what" reaches that
// noun's owner; else -1.
func (st *sentence) calledWhat(c int) int {
	if st.lemma(c) != "what" {
		return -1
	}
	for _, v := range st.children[c] {
		if st.s.Tokens[v].Rel != "acl:relcl" || !nameVerbs[st.lemma(v)] {
			continue
		}
		for _, o := range st.children[v] {
			switch r := st.s.Tokens[o].Rel; {
			case r == "obj" || r == "xcomp", ud.BaseRel(r) == "obl" && st.hasCase(o, "as"):
				if t := st.s.Tokens[o].UPOS; t == ud.NOUN || t == ud.PROPN {
					return o
				}
			}
		}
	}
	return -1
}

// containers are nouns that count or group what their "of" phrase names:
// "a series of air strikes", "a wave of arrests", "a package of
// sanctions", "hundreds of rockets".
var containers = set("series", "wave", "barrage", "volley", "salvo", "string", "spate", "flurry", "number",
	"couple", "batch", "raft", "slew", "set", "package", "dozen", "hundred", "thousand",
	// measures and loads: "500 tonnes of rice", "a shipment of tents"
	"tonne", "ton", "kilogram", "litre", "liter", "shipment", "consignment", "truckload", "planeload",
	"load", "tranche", "quantity", "amount", "lot", "box", "crate", "sack", "bag", "carton",
	// shares of a whole: "halted most of its military aid to Niger"
	"most", "bulk", "half", "portion", "part", "much",
	// spans of time: "wrapped up ten days of joint exercises", "after
	// two days of talks" (the lead's ninth session)
	"day", "week", "month", "hour", "night", "weekend")

// contained returns the noun a container at i holds ("series" of
// "strikes"), or -1.
func (st *sentence) contained(i int) int {
	if !containers[st.lemma(i)] { // lemmas: no allocation on the requirement checks' path
		return -1
	}
	for _, g := range st.children[i] {
		if u := st.s.Tokens[g].UPOS; ud.BaseRel(st.s.Tokens[g].Rel) == "nmod" && st.hasCase(g, "of") && (u == ud.NOUN || u == ud.PROPN) {
			return g
		}
	}
	return -1
}

// hasCase reports whether i has a case or mark child (or fixed expression)
// spelling prep: "with", "on behalf of".
func (st *sentence) hasCase(i int, prep string) bool {
	for _, c := range st.children[i] {
		r := ud.BaseRel(st.s.Tokens[c].Rel)
		if r != "case" && r != "mark" {
			continue
		}
		w := st.lemma(c)
		for _, f := range st.children[c] {
			if st.s.Tokens[f].Rel == "fixed" {
				w += " " + st.lemma(f)
			}
		}
		if w == prep || w == "accord to" && prep == "according to" {
			return true
		}
	}
	return strings.Contains(prep, " ") && st.splitCase(i, prep)
}

// splitCase reports whether i has case children that spell the words of
// prep in order: "pull out of the court" with "out" and "of" both case
// children of "court".
func (st *sentence) splitCase(i int, prep string) bool {
	var ws []string
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "case" {
			ws = append(ws, st.lemma(c))
		}
	}
	return strings.Join(ws, " ") == prep
}

// walk follows path from i and returns the tokens it reaches. An act
// noun that takes up its agent from the story ("condemned the strikes",
// coref.ByAct) is its own owner: a step to its owner stays on it.
func (st *sentence) walk(i int, p Path) []int {
	cur := []int{i}
	for _, step := range p {
		var next []int
		for _, c := range cur {
			n := len(next)
			next = st.child(c, step, next)
			if (len(next) == n || st.venueRef(c)) && ownerSteps[step.Rel] && (step.Rel != "nmod" || step.Case == "by") && st.actRef(c) {
				next = append(next, c)
			}
		}
		if len(next) == 0 {
			return nil
		}
		cur = next
	}
	return cur
}

// partnerNouns, after "in", name the one an act is done together with
// ("in coordination with", "in cooperation with", "in partnership with").
var partnerNouns = set("coordination", "cooperation", "co-operation", "conjunction", "partnership", "collaboration", "tandem", "concert", "alliance", "league")

// ownerSteps are the relations that lead from an act noun to its agent.
var ownerSteps = set("nmod:poss", "amod", "compound", "nmod")

// actRef reports whether token i heads a mention that takes up an earlier
// act's agent.
func (st *sentence) actRef(i int) bool {
	m := st.mention[i]
	return m >= 0 && st.ms[m].Method == coref.ByAct && st.headOf(m) == i
}

// venueRef reports whether the act reference at token i is on the noun
// alone: coref makes it so when the noun's modifier is where the act took
// place ("dismissed the Warsaw meeting"), so that the modifier's mention
// and the act's parties are both reached.
func (st *sentence) venueRef(i int) bool {
	m := st.mention[i]
	return m >= 0 && st.ms[m].First == i && st.ms[m].Last == i
}

// actorsAt returns the mentions at token i: the mention covering it, or the
// mentions of its coordinated siblings, or mentions a little further down
// its modifiers ("leaders from nations such as Rwanda and Qatar").
func (st *sentence) actorsAt(i int, depth int) []int {
	var out []int
	if a := st.whoseAntecedent(i); a >= 0 && st.mention[i] < 0 && depth < 3 {
		// "India and the United States, whose defence chiefs met …":
		// the owner is the relative clause's noun (round 8)
		return st.actorsAt(a, depth+1)
	}
	if m := st.mention[i]; m >= 0 {
		out = append(out, m)
		out = append(out, st.twins[m]...)
		// "Presidents Berdimuhamedov and Rahmon": the parser may hang the
		// coordinated actor on any word of the mention, not on its head;
		// and when the slot reached a later conjunct ("X and his
		// counterpart Y met" parsed with Y as the subject), the first
		// conjunct belongs to it too.
		if depth < 3 {
			mm := &st.ms[m]
			if h := st.headOf(m); ud.BaseRel(st.s.Tokens[h].Rel) == "conj" {
				if f := st.s.Tokens[h].Head - 1; f >= 0 && (f < mm.First || f > mm.Last) && st.mention[f] >= 0 {
					out = append(out, st.mention[f])
					out = append(out, st.twins[st.mention[f]]...)
				}
			}
			for k := max(mm.First, 0); k <= mm.Last && k < len(st.children); k++ {
				if k == i {
					continue
				}
				for _, c := range st.children[k] {
					if ud.BaseRel(st.s.Tokens[c].Rel) == "conj" && (c < mm.First || c > mm.Last) && st.joinedConj(c) {
						out = append(out, st.actorsAt(c, depth+1)...)
					}
				}
			}
		}
		// "the five Central Asian countries — Kazakhstan, Kyrgyzstan …":
		// an apposition that names actors spells out the group.
		for _, c := range st.children[i] {
			if st.s.Tokens[c].Rel == "appos" && st.mention[c] >= 0 && st.mention[c] != m && depth < 3 {
				out = append(out, st.actorsAt(c, depth+1)...)
			}
		}
		// "the Gulf leaders, among them Kuwait's emir and Qatar's
		// emir", "several states, including Chad and Niger": the
		// members a phrase names by example (membersOverGroup then
		// drops the group when two or more countries are named)
		if depth < 3 {
			for _, c := range st.exemplars(i) {
				out = append(out, st.actorsAt(c, depth+1)...)
			}
		}
		// "Thai and Cambodian troops": a coordinated modifier outside the
		// mention names another actor of the same phrase.
		for _, c := range st.children[i] {
			if r := ud.BaseRel(st.s.Tokens[c].Rel); (r == "amod" || r == "compound") && st.mention[c] >= 0 && st.mention[c] != m && st.hasRel(c, "conj") {
				out = append(out, st.actorsAt(c, depth)...)
			}
		}
	} else if depth < 3 && !(partnerNouns[st.lemma(i)] && st.hasCase(i, "in")) {
		// ("in coordination with the Cameroonian army" names a partner
		// of the act, never its target or agent: round 6)
		// Owners first ("X's deal", "leaders from nations such as
		// Rwanda"); the other party of "negotiations with India" only when
		// the noun has no owner that is an actor.
		// A place ("the authorities in Kabul") only when nothing else
		// names the noun's actor: "the EU's envoy in Brussels" is the
		// EU's.
		// An owner or agent that names an actor is the noun's actor, and
		// what its other phrases name is not: "India's candidacy for a
		// seat on the Security Council", "Morocco's plan for Western
		// Sahara", "any confiscation of Russian assets by Belgium"
		// (round 6).
		var owned bool
		owner := func(c int) bool {
			return st.s.Tokens[c].Rel == "nmod:poss" || ud.BaseRel(st.s.Tokens[c].Rel) == "nmod" && st.hasCase(c, "by")
		}
		for _, c := range st.children[i] {
			if owner(c) && len(st.actorsAt(c, depth+1)) > 0 {
				owned = true
			}
		}
		var others, places []int
		for _, c := range st.children[i] {
			switch ud.BaseRel(st.s.Tokens[c].Rel) {
			case "compound", "amod", "appos", "flat":
				out = append(out, st.actorsAt(c, depth+1)...)
			case "acl":
				// a weapon strikes for who launched it: "rockets fired
				// by Eritrean units hit …"
				// and a body acts for who leads it: "a consortium led
				// by Rosatom", "a delegation headed by X's minister"
				if coref.Weapon(st.lemma(i)) || ledBodies[st.lemma(i)] && leadVerbs[st.lemma(c)] {
					if a := st.agent(c); a >= 0 {
						out = append(out, st.actorsAt(a, depth+1)...)
					}
				}
				// a thing stands for the one it belongs to: "ships
				// linked to Israel", "depots belonging to Hezbollah",
				// "a depot owned by X"
				if o := st.ownerOfThing(c); o >= 0 {
					out = append(out, st.actorsAt(o, depth+1)...)
				}
			case "nmod":
				switch {
				case owned && !owner(c):
					// the owner's phrase only
				case st.hasCaseIn(c, otherParty):
					others = append(others, c)
				case st.hasCaseIn(c, placeOfAct):
					places = append(places, c)
				default:
					out = append(out, st.actorsAt(c, depth+1)...)
				}
			}
		}
		if len(out) == 0 {
			for _, c := range places {
				out = append(out, st.actorsAt(c, depth+1)...)
			}
		}
		if len(out) == 0 {
			for _, c := range others {
				out = append(out, st.actorsAt(c, depth+1)...)
			}
		}
	}
	// Coordinated actors fill the slot too.
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "conj" && st.joinedConj(c) {
			out = append(out, st.actorsAt(c, depth)...)
		}
	}
	// Mentions made of several tokens may be reached twice.
	sort.Ints(out)
	w := 0
	for k, m := range out {
		if k == 0 || m != out[k-1] {
			out[w] = m
			w++
		}
	}
	return out[:w]
}

// ledBodies are groups named by who leads them; leadVerbs say so.
var (
	ledBodies = set("consortium", "delegation", "group", "team", "coalition", "mission", "force", "alliance", "bloc", "commission",
		"council", "committee", "cabinet", "junta", "administration", "government", "body", "panel", "board", "authority")
	leadVerbs = set("lead", "head", "chair")
)

// joinedConj reports whether conjunct c is joined to the one before it by
// a conjunction or a comma: "Arnor awful Gondor" parsed as a coordination
// with nothing between is a parse of an odd phrase, not a list of actors.
func (st *sentence) joinedConj(c int) bool {
	first := c
	for _, d := range st.children[c] {
		switch ud.BaseRel(st.s.Tokens[d].Rel) {
		case "cc":
			return true
		case "punct":
			if d < c {
				return true
			}
		}
		if d < first {
			first = d
		}
	}
	if first == 0 {
		return false
	}
	switch st.s.Tokens[first-1].Form {
	case ",", ";", "and", "or", "&", "/", "-", "–", "—", "nor", "as":
		return true
	}
	return false
}

// exemplarCases mark a phrase that names members of the phrase before it
// by example: "including X", "such as X", "notably X".
var exemplarCases = set("including", "include", "such as", "notably", "especially", "particularly")

// exemplars returns the words of the phrases that name, by example,
// members of the phrase at i: hung on i ("the leaders, including X"), or
// on i's verb right after i's phrase, where the parser puts them as
// often ("welcomed the leaders, among them X and Y").
func (st *sentence) exemplars(i int) []int {
	var out []int
	is := func(c int) bool {
		switch ud.BaseRel(st.s.Tokens[c].Rel) {
		case "nmod", "appos", "obl", "parataxis", "dep":
		default:
			return false
		}
		if st.hasCaseIn(c, exemplarCases) {
			return true
		}
		// "among them X": "them" hangs on X as the parser reads it
		if st.hasCase(c, "among") {
			for _, d := range st.children[c] {
				if strings.EqualFold(st.s.Tokens[d].Form, "them") {
					return true
				}
			}
		}
		return false
	}
	for _, c := range st.children[i] {
		if c > i && is(c) {
			out = append(out, c)
		}
	}
	h := st.s.Tokens[i].Head - 1
	if h < 0 || st.s.Tokens[h].UPOS != ud.VERB || h > i {
		return out
	}
	for _, c := range st.children[h] {
		if c <= i || !is(c) {
			continue
		}
		// nothing of the verb's between i's phrase and the example
		between := false
		for _, d := range st.children[h] {
			between = between || d > i && d < c && st.s.Tokens[d].UPOS != ud.PUNCT
		}
		if !between {
			out = append(out, c)
		}
	}
	return out
}

// placeOfAct lists prepositions that put a noun somewhere: the place
// ("the war in Ukraine", "drills near Finland", "the authorities in
// Kabul") is the noun's party only when nothing else names its actor.
var placeOfAct = set("in", "near", "around", "inside", "across", "along", "off", "at")

// otherParty lists prepositions that introduce another party, not the
// noun's owner: a descent for actors does not follow them.
var otherParty = set("with", "against", "between", "to", "toward", "towards", "on", "over", "about", "versus", "vs")

// hasRel reports whether word i has a dependent of relation rel: any
// subtype of it for a bare relation ("obl" matches "obl:tmod"), exactly
// that subtype for one with a colon ("nsubj:pass").
func (st *sentence) hasRel(i int, rel string) bool {
	sub := strings.IndexByte(rel, ':') >= 0
	for _, c := range st.children[i] {
		r := st.s.Tokens[c].Rel
		if !sub {
			r = ud.BaseRel(r)
		}
		if r == rel {
			return true
		}
	}
	return false
}

// agent returns the agent of passive predicate i ("by X", parsed as
// obl:agent or as obl with "by"), or -1.
func (st *sentence) agent(i int) int {
	for _, c := range st.children[i] {
		if r := st.s.Tokens[c].Rel; r == "obl:agent" || ud.BaseRel(r) == "obl" && st.hasCase(c, "by") {
			return c
		}
	}
	return -1
}

func (st *sentence) hasCaseIn(i int, preps map[string]bool) bool {
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "case" && preps[st.lemma(c)] {
			return true
		}
	}
	return false
}

// whoseAntecedent returns, for a noun owned by "whose" in a relative
// clause ("…, whose defence chiefs met in New Delhi"), the noun the clause
// is on, or -1.
func (st *sentence) whoseAntecedent(i int) int {
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "nmod:poss" && strings.EqualFold(st.s.Tokens[c].Form, "whose") {
			for v := i; v >= 0 && st.s.Tokens[v].Head > 0; v = st.s.Tokens[v].Head - 1 {
				if st.s.Tokens[v].Rel == "acl:relcl" {
					return st.s.Tokens[v].Head - 1
				}
				if st.s.Tokens[v].UPOS == ud.VERB {
					break
				}
			}
		}
	}
	return -1
}
