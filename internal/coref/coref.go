// Package coref resolves, across a story, the references to actors that the
// recognizer leaves open in a single sentence: first-person pronouns inside
// a quotation ("we" in “We already have direct flights…,” Vassilenko said)
// take the speaker's code; a possessive pronoun before nation, country or
// government ("his nation") takes the country of the sentence's speaker or
// subject; a definite description of a country ("the Central Asian nation",
// "the country") takes the story's most mentioned country; and a definite
// agent ("the companies") takes the actors of the last phrase with that
// agent ("companies from China and France").
//
// The rules are deliberately narrow: each added mention says which rule made
// it and from what, and has a lower confidence than a named actor.
package coref

import (
	"fmt"
	"strconv"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/ud"
)

// Method values of the mentions this package adds.
const (
	BySpeaker    actor.Method = "coref-speaker"
	ByPossessive actor.Method = "coref-possessive"
	ByCountry    actor.Method = "coref-country"
	ByAgent      actor.Method = "coref-agent"
	ByProtest    actor.Method = "coref-protest" // "the protesters", "the rally participants" → civilians of the protest's country
)

// protestWords name a protest; protesterWords its people, who are the
// civilians of the country it takes place in unless the text names them.
var (
	protestWords   = set("protest", "rally", "demonstration", "picket", "sit-in", "march", "demonstrate")
	protesterWords = set("protester", "protestor", "demonstrator", "picketer", "marcher", "participant")
)

// Resolver holds what the rules need to know of codes.
type Resolver struct {
	// IsRegion reports whether a code is a CAMEO region (CAS, EUR, ...),
	// not a country.
	IsRegion func(code string) bool
	// RegionHas reports whether a region takes in a country (dictionary
	// field "members"): "the Central Asian nation" is one of its members,
	// and the region beside a meeting stands for the members it takes in.
	RegionHas func(region, code string) bool
	// IsOrg reports whether a code is an international organisation's
	// (OSCE, SCO), which is a party of its own, not a country.
	IsOrg func(code string) bool
	// IsForum reports whether a code is a forum's or summit format's
	// (C5+1, China–Central Asia): a meeting, not a party.
	IsForum func(code string) bool
	// FormatParties returns, for a forum that meets one partner with a
	// group (dictionary field "parties"), the partner's code and the
	// group's; nil for any other code.
	FormatParties func(code string) []string
	// AgentRole returns the role a generic agent's name gives a country
	// ("foreign ministry" → "GOV", "troops" → "MIL"), and whether name is
	// an agent's: "Its foreign ministry said …" opening a sentence is the
	// last sentence's subject's. Nil: no such references.
	AgentRole func(name string) (string, bool)
	// Roles returns the roles the dictionary gives a person (by the
	// dictionary's name, Mention.Name) on a day ("Deputy Prime Minister",
	// "Minister of Foreign Affairs"), every role when day is zero: "the
	// deputy prime minister" takes up a person the story named with
	// another title ("Senator Ishaq Dar"). Nil: only the title the text
	// gave is matched.
	Roles func(name string, day actor.Date) []string
}

var (
	firstPerson  = map[string]bool{"we": true, "us": true, "our": true, "ours": true, "i": true, "me": true, "my": true}
	possessives  = map[string]bool{"his": true, "her": true, "their": true, "its": true}
	countryNouns = map[string]bool{"nation": true, "country": true, "state": true, "republic": true}
	govNouns     = map[string]bool{"government": true, "leadership": true, "administration": true, "authorities": true, "junta": true, "regime": true, "cabinet": true}
	// milNouns name a state's armed forces: "its army" is the owner's MIL
	milNouns    = map[string]bool{"army": true, "military": true, "troops": true, "forces": true, "navy": true}
	speechVerbs = set("say", "tell", "stress", "add", "conclude", "emphasize", "emphasise", "note", "state", "explain", "insist", "warn", "write", "declare", "announce", "remark", "reply", "continue", "argue", "ask", "describe", "term", "dub", "concede", "admit", "recall", "respond", "propose", "underline", "underscore", "highlight", "point", "answer", "comment", "confirm", "claim", "accuse", "deny", "urge", "call", "vow", "pledge", "promise", "tweet", "post", "quote", "cite", "observe", "suggest", "reiterate", "assure", "affirm", "reaffirm", "mention", "stat", "acknowledge", "predict", "caution", "complain", "demand", "proclaim", "assert", "maintain", "told", "express", "voice", "thank", "praise", "criticize", "criticise", "condemn", "welcome", "hail", "calling", "saying", "adding", "noting", "stressing", "emphasizing", "emphasising", "warning", "remind", "believe", "consider")
	openQuotes  = map[string]bool{"“": true, "\"": true, "«": true, "‘": true, "``": true}
	closeQuotes = map[string]bool{"”": true, "\"": true, "»": true, "’": true, "''": true}
)

// Resolve adds mentions to ms (one slice per sentence of the story) in
// place. country is the dateline's country, used to break ties. It is
// r.NewStory(country).Resolve(sents, ms): the whole story at once.
func (r *Resolver) Resolve(sents []*ud.Sentence, ms [][]actor.Mention, country string) {
	r.NewStory(country).Resolve(sents, ms)
}

// Story is what the rules remember of one story while its sentences are
// resolved in order: how often each country was mentioned and the last
// actors named with each agent word. Its size grows with the number of
// distinct actors and agent words, not with the story's length, so a story
// can be resolved a block of sentences at a time. A Story is for one
// goroutine's use.
type Story struct {
	r       *Resolver
	country string
	counts  map[string]int
	agents  map[string][]actor.Mention // agent word → its last list of actors
	acts    map[string]storyAct        // act noun → the agent of its last mention
	// itAct is who did the act the last sentence named last, which a
	// following "called it a threat" takes up (itOK: there was one,
	// and one agent)
	itAct  storyAct
	itOK   bool
	groups *storyGroups // parties and persons for group phrases and pronouns
	// quotations: the mark of one still open after the last sentence
	// (""), whether the sentence being read began inside it
	opener           string
	depth            int // straight quotation marks open, nested
	quoteOpen, carry bool
	// the last speaker named and how many sentences ago
	lastSpeaker actor.Mention
	lastSpoke   int
	// the author of the last document the story named ("handed a note
	// of protest"), who speaks when "the document says"
	author    actor.Mention
	hasAuthor bool
	// the story's text, when known (SetText), and where the last
	// sentence ended: a quotation left open does not cross a paragraph
	text    string
	prevEnd int
	// paragraphs read, and the one the last speaker was named in
	par, lastPar int
	// the country a protest the story tells of takes place in ("a rally
	// outside the consulate in Tbilisi"): its protesters are its civilians
	protestAt string
	// the country a disaster the story tells of struck ("an earthquake
	// in northeastern Iran"): aid left without a recipient is for it
	strickenAt string
	// voice is 2 when the story is a statement in its author's voice
	// (statement), 1 when not, 0 before it is known
	voice int
	// armed is the last armed group the story named ("the Rapid Support
	// Forces"), in sentence armedAt: "the militants", "the group" take
	// it up
	armed    actor.Mention
	hasArmed bool
	armedAt  int
	// venues are the places of the sentences being resolved (SetVenues)
	venues [][]actor.Mention
}

// armedWords head a definite phrase that takes up the story's armed
// group: "the militants", "the paramilitary group", "the rebels".
var armedWords = set("group", "militant", "rebel", "insurgent", "militia", "paramilitary", "guerrilla", "jihadist", "faction")

// armedReach is how many sentences back "the group" may take up an armed
// group.
const armedReach = 6

// armedNear reports whether the story named an armed group (st.armed)
// within armedReach sentences of sentence n.
func (st *Story) armedNear(n int) bool {
	return st.hasArmed && n-st.armedAt <= armedReach
}

// rememberArmed records the armed groups sentence s names.
func (st *Story) rememberArmed(ms []actor.Mention, n int) {
	for _, m := range ms {
		if strings.HasSuffix(m.Code, "REB") && m.First >= 0 && (m.Method == actor.ByName || m.Method == actor.ByTitle || m.Method == actor.ByAgent) {
			st.armed, st.hasArmed, st.armedAt = m, true, n
		}
	}
}

// SetVenues gives the places (actor.ByPlace mentions, one slice per
// sentence) of the sentences the next Resolve call reads. Places are no
// actors; a meeting of many held at one of a party's places has that party
// for its host ("met in Avaza"). Nil, or a shorter slice, means none.
func (st *Story) SetVenues(places [][]actor.Mention) { st.venues = places }

// SetText gives the story its text, whose sentence spans the sentences
// handed to Quotes point into: paragraph breaks then end quotations the
// writer left open.
func (st *Story) SetText(text string) { st.text = text }

// SetDate gives the story's day, which picks the roles its persons hold
// (Resolver.Roles); zero when unknown.
func (st *Story) SetDate(day actor.Date) { st.groups.day = day }

// statement reports whether the story is a statement in its author's own
// voice: a text of some length with no quotation mark in it (a
// ministry's or a council's release). Its "we" is its author.
func (st *Story) statement() bool {
	if st.voice == 0 {
		st.voice = 1
		if len(st.text) >= 200 && !strings.ContainsAny(st.text, "\"“”«»") {
			st.voice = 2
		}
	}
	return st.voice == 2
}

// NewStory starts a story whose dateline's country (used to break ties) is
// country, or "" when it has none.
func (r *Resolver) NewStory(country string) *Story {
	return &Story{r: r, country: country, counts: map[string]int{}, agents: map[string][]actor.Mention{}, acts: map[string]storyAct{}, groups: newStoryGroups()}
}

// Resolve adds mentions to ms (one slice per sentence of sents) in place.
// sents are the story's next sentences, in order, after those of earlier
// calls: resolving a story in several calls gives the same mentions as in
// one.
func (st *Story) Resolve(sents []*ud.Sentence, ms [][]actor.Mention) {
	r, counts, agents, country, groups := st.r, st.counts, st.agents, st.country, st.groups
	for si, s := range sents {
		// A region code on a definite country description ("the Central
		// Asian nation") is the country itself, not the region.
		for k := range ms[si] {
			m := &ms[si][k]
			if m.Code == "" || r.IsRegion == nil || !r.IsRegion(m.Code[:min(3, len(m.Code))]) {
				continue
			}
			last := m.Last
			if last+1 < len(s.Tokens) && countryNouns[lemma(s.Tokens[last+1])] {
				last++
			}
			if !countryNouns[lemma(s.Tokens[last])] || !definite(s, last) || plural(s.Tokens[last]) {
				continue
			}
			if c := salient(r.inRegion(counts, m.Code[:3]), country); c != "" && (r.RegionHas == nil || r.RegionHas(m.Code[:3], c)) {
				m.Why = "the " + s.Tokens[last].Form + " of region " + m.Code + " → most mentioned country " + c
				m.Code, m.Method, m.Confidence, m.Last = c, ByCountry, 0.5, last
				m.Span.End = s.Tokens[last].Span.End
			}
		}
		var extra []actor.Mention
		r.numberedRegion(groups, s, ms[si], &extra)
		ms[si] = append(ms[si], extra...)
		euSeat(s, ms[si], groups)
		r.storyRoles(groups, s, ms[si])
		st.regionOrgs(ms[si])
		covered := make([]bool, len(s.Tokens))
		for _, m := range ms[si] {
			if m.Code == "" {
				continue
			}
			for i := max(m.First, 0); i <= m.Last && i < len(covered); i++ {
				covered[i] = true
			}
		}
		st.storyAgents(s, ms[si], covered)
		var added []actor.Mention
		if c := protestPlace(s, ms[si], country); c != "" {
			st.protestAt = c
		}
		inQuote := quoted(s)
		// the protesters first: they may be the speaker
		if st.protestAt != "" {
			for i, t := range s.Tokens {
				if !covered[i] && protesterWords[lemma(t)] && t.UPOS == ud.NOUN && !inQuote[i] && (lemma(t) != "participant" || plural(t)) {
					first := firstOfPhrase(s, i)
					m := derived(s, first, i, st.protestAt+"CVL", ByProtest, 0.5, "the "+t.Form+" of a protest in "+st.protestAt)
					ms[si] = append(ms[si], m)
					for k := first; k <= i; k++ {
						covered[k] = true
					}
				}
			}
		}
		if st.protestAt != "" && tellsOfProtest(s) {
			// who protests where the sentence names nobody: "a rally
			// is under way outside the consulate"
			ms[si] = append(ms[si], actor.Mention{First: -1, Last: -1, Span: s.Span, Code: st.protestAt + "CVL",
				Method: actor.ImplicitCrowd, Confidence: 0.5, Name: st.protestAt + "CVL", Why: "the protesters of a protest in " + st.protestAt})
		}
		var places []actor.Mention // the sentence's places (SetVenues)
		if si < len(st.venues) {
			places = st.venues[si]
		}
		if c := strickenCountry(s, ms[si], places); c != "" {
			st.strickenAt = c
		}
		if st.strickenAt != "" && tellsOfAid(s) {
			ms[si] = append(ms[si], actor.Mention{First: -1, Last: -1, Span: s.Span, Code: st.strickenAt,
				Method: actor.ImplicitStricken, Confidence: 0.5, Name: st.strickenAt, Why: "the country the story's disaster struck"})
		}
		st.rememberArmed(ms[si], groups.sent) // "the Pakistani Taliban … after the militants killed"
		speaker, hasSpeaker := r.speaker(s, ms[si])
		for i, t := range s.Tokens {
			if covered[i] {
				continue
			}
			low := strings.ToLower(t.Form)
			// what the cases below look up for a few words only, once
			var (
				subj    *actor.Mention // the subject state of "its prime minister"
				orgHere string         // the organisation named before "the bloc"
				kingdom string         // the story's country of the form "the kingdom" names
			)
			switch {
			case low == "its":
				subj = subjectState(s, ms[si], i)
			case orgDescriptions[lemma(t)]:
				orgHere = r.orgBefore(ms[si], i)
			case stateForms[lemma(t)] != nil:
				kingdom = st.mostNamed(stateForms[lemma(t)], s, ms[si], i)
			}
			switch {
			case firstPerson[low] && inQuote[i] && hasSpeaker:
				added = append(added, derived(s, i, i, speaker.Code, BySpeaker, 0.6, "speaker "+speaker.Name))
			case (low == "we" || low == "our" || low == "us") && st.statement() && !groups.inTurn && groups.hasAuthor:
				// a statement with no quotation in it speaks in its
				// author's voice: "We stand with the people of X" of a
				// ministry's release is the body its lede names acting
				added = append(added, derived(s, i, i, groups.author.Code, BySpeaker, 0.5, "the voice of a statement: "+groups.author.Name))
			case low == "its" && onlyPunctBefore(s, i) && r.AgentRole != nil && groups.hasBody && groups.bodyAt == groups.sent-1 && len(groups.body.Code) >= 3:
				// "Its foreign ministry said …", "Its envoy …": the
				// agent of the last sentence's subject, a state or a body
				if last, role, ok := r.agentAfter(s, i, covered); ok {
					code := groups.body.Code
					if !r.isOrgCode(code) {
						code = code[:3] + role
					}
					added = append(added, derived(s, i, last, code, ByPossessive, 0.5, "its "+strings.ToLower(s.Text[s.Tokens[i+1].Span.Start-s.Span.Start:s.Tokens[last].Span.End-s.Span.Start])+" → "+groups.body.Name))
					for k := i; k <= last; k++ {
						covered[k] = true
					}
				}
			case low == "the" && onlyPunctBefore(s, i) && st.country == "" && r.AgentRole != nil && !inQuote[i] &&
				groups.hasBody && groups.bodyAt == groups.sent-1 && len(groups.body.Code) >= 3 && !r.isOrgCode(groups.body.Code):
				// "Vietnam summoned the Chinese envoy. The ministry
				// handed him a note": with no dateline to give it a
				// country, a bare agent opening the sentence as its
				// subject is the last sentence's subject state's
				// (not an envoy, who is most often the other side's, nor
				// an agent the story named with its country before)
				// nor one with a country of its own after it ("The
				// presidents of Kazakhstan and …"), nor a plural one
				// ("The leaders signed …" after a meeting: its parties)
				if last, role, ok := r.agentAfter(s, i, covered); ok && s.Tokens[last].Rel == "nsubj" && role == "GOV" && !plural(s.Tokens[last]) &&
					!envoyWords[lemma(s.Tokens[last])] && len(agents[singular(s.Tokens[last].Form)]) == 0 && !ownedAfter(s, last) &&
					(r.IsRegion == nil || !r.IsRegion(groups.body.Code[:3])) {
					added = append(added, derived(s, i, last, groups.body.Code[:3]+role, ByAgent, 0.5, "the "+strings.ToLower(s.Text[s.Tokens[i+1].Span.Start-s.Span.Start:s.Tokens[last].Span.End-s.Span.Start])+" → the last sentence's subject "+groups.body.Name))
					for k := i; k <= last; k++ {
						covered[k] = true
					}
				}
			case low == "its" && !onlyPunctBefore(s, i) && r.AgentRole != nil && !inQuote[i] && subj != nil:
				// "Hungary will stay in the EU, its prime minister said":
				// a state's agent mid-sentence is the subject state's
				m := subj
				if last, role, ok := r.agentAfter(s, i, covered); ok && strings.HasPrefix(s.Tokens[last].Rel, "nsubj") {
					// (only as a clause's subject: "staged a cyberattack
					// on its election commission" may be anyone's)
					added = append(added, derived(s, i, last, m.Code[:3]+role, ByPossessive, 0.5, "its "+strings.ToLower(s.Text[s.Tokens[i+1].Span.Start-s.Span.Start:s.Tokens[last].Span.End-s.Span.Start])+" → the subject "+m.Name))
					for k := i; k <= last; k++ {
						covered[k] = true
					}
				}
			case (countryNouns[lemma(t)] || govNouns[lemma(t)] || milNouns[low]) && r.possessor(s, i) >= 0:
				p := r.possessor(s, i)
				src, ok := "", false
				if !milNouns[low] {
					// "its forces" mid-sentence may be anyone's
					src, ok = r.owner(s, ms[si], p, speaker, hasSpeaker)
				}
				if !ok && onlyPunctBefore(s, p) && strings.EqualFold(s.Tokens[p].Form, "its") && groups.hasBody && groups.bodyAt == groups.sent-1 {
					// "Its junta accused …" opening a sentence: the
					// last sentence's subject, a state
					src, ok = groups.body.Code, len(groups.body.Code) >= 3
				}
				if !ok || milNouns[low] && (r.IsOrg != nil && r.IsOrg(src) || strings.HasPrefix(src, "IGO")) {
					continue
				}
				code := src[:3]
				switch {
				case govNouns[lemma(t)]:
					code += "GOV"
				case milNouns[low]:
					code += "MIL"
				}
				added = append(added, derived(s, p, i, code, ByPossessive, 0.55, s.Tokens[p].Form+" → "+src))
			case orgDescriptions[lemma(t)] && t.UPOS == ud.NOUN && !plural(t) && definite(s, i) && (groups.lastOrg != "" || orgHere != "") && !namesOwn(s, i, covered) &&
				!(i+2 < len(s.Tokens) && strings.EqualFold(s.Tokens[i+1].Form, "of") && s.Tokens[i+2].UPOS != ud.VERB):
				// "the alliance", "the bloc": the organisation the story
				// named last ("NATO Secretary-General Mark Rutte … the
				// alliance's chief"), in this sentence first ("left
				// ECOWAS, accusing the bloc of …"); not "the bloc of
				// seven" (but "accusing the bloc of serving …")
				org, why := groups.lastOrg, "the story's organisation "
				if orgHere != "" {
					org, why = orgHere, "the organisation named before it "
				}
				first := firstOfPhrase(s, i)
				added = append(added, derived(s, first, i, org, ByOrgRef, 0.5, "the "+t.Form+" → "+why+org))
			case lemma(t) == "region" && t.UPOS == ud.NOUN && !plural(t) && i > 0 && groups.region != "" &&
				groups.sent-groups.regionAt <= regionReach && wholeRegion(s, i) &&
				!(i+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[i+1].Form, "of")):
				// "investment in the region" after "Central Asian
				// leaders": the region the story named last
				added = append(added, derived(s, firstOfPhrase(s, i), i, groups.region, ByRegionRef, 0.5, "the "+t.Form+" → the story's region "+groups.region))
			case armedWords[lemma(t)] && t.UPOS == ud.NOUN && definite(s, i) && !namesOwn(s, i, covered) && st.armedNear(groups.sent):
				added = append(added, derived(s, firstOfPhrase(s, i), i, st.armed.Code, ByAgent, 0.5, "the "+t.Form+" → the story's armed group "+st.armed.Name))
			case kingdom != "" && t.UPOS == ud.NOUN && definite(s, i) && !namesOwn(s, i, covered):
				// "the kingdom", "the sultanate": the one of that form
				// the story names most
				added = append(added, derived(s, firstOfPhrase(s, i), i, kingdom, ByCountry, 0.5, "the "+strings.ToLower(t.Form)+" → "+kingdom+", the story's"))
			case (countryNouns[lemma(t)] || lemma(t) == "government") && !plural(t) && i > 1 && groups.hasVisit &&
				strings.EqualFold(s.Tokens[i-1].Form, "host") && strings.EqualFold(s.Tokens[i-2].Form, "the"):
				// "the host country", "the host government": the host of
				// the story's visit, not its most mentioned country
				code := groups.host.Code
				if lemma(t) == "government" && len(code) == 3 {
					code += "GOV"
				}
				added = append(added, derived(s, i-2, i, code, ByCountry, 0.55, "the host "+strings.ToLower(t.Form)+" → the host of the story's visit, "+groups.host.Name))
			case countryNouns[lemma(t)] && definite(s, i) && !plural(t) && !s.HyphenAfter(i):
				if c := salient(counts, country); c != "" {
					first := firstOfPhrase(s, i)
					added = append(added, derived(s, first, i, c, ByCountry, 0.5, "most mentioned country "+c))
				}
			case definite(s, i) && len(agents[singular(t.Form)]) > 0 && (t.UPOS == ud.NOUN || t.UPOS == ud.NoUPOS) && !namesOwn(s, i, covered) &&
				// "the ministers" of a meeting of many, bare, are its
				// host and its members (groupRefs), not only the members
				// named with the agent
				!(plural(t) && meetingNouns[lemma(t)] && groups.meeting != nil && len(groups.meeting.members) >= 2 &&
					i > 0 && strings.EqualFold(s.Tokens[i-1].Form, "the")) &&
				!groupOfOne(s, i, agents[singular(t.Form)], groups.meeting != nil) && countFits(s, i, len(agents[singular(t.Form)])):
				first := firstOfPhrase(s, i)
				for _, a := range agents[singular(t.Form)] {
					added = append(added, derived(s, first, i, a.Code, ByAgent, 0.5, "the "+t.Form+" → "+a.Name))
				}
			}
		}
		for _, m := range added {
			for i := max(m.First, 0); i <= m.Last && i < len(covered); i++ {
				covered[i] = true
			}
		}
		acts := st.actRefs(s, ms[si], covered)
		acts = append(acts, st.itRefs(s, ms[si], acts, covered)...)
		for _, m := range acts {
			for i := max(m.First, 0); i <= m.Last && i < len(covered); i++ {
				covered[i] = true
			}
		}
		ms[si] = append(append(ms[si], added...), acts...)
		refs := r.groupRefs(groups, s, ms[si], covered, speaker, hasSpeaker)
		if hasSpeaker {
			groups.speaker, groups.speakerAt = speaker.Name, groups.sent
		}
		for _, m := range ms[si] {
			if len(m.Code) >= 3 && (r.IsRegion == nil || !r.IsRegion(m.Code[:3])) && !strings.HasPrefix(m.Code, "IGO") && (r.IsOrg == nil || !r.IsOrg(m.Code)) {
				counts[m.Code[:3]]++
			}
			if m.Method == actor.ByAgentList || m.Method == actor.ByAgent {
				w := singular(m.Role)
				// Collect all mentions of this sentence with the same agent.
				var list []actor.Mention
				for _, o := range ms[si] {
					if strings.EqualFold(o.Role, m.Role) && (o.Method == actor.ByAgentList || o.Method == actor.ByAgent) {
						list = append(list, o)
					}
				}
				agents[w] = list
			}
		}
		ms[si] = append(ms[si], refs...)
		for _, m := range ms[si] {
			if len(m.Code) >= 3 && r.IsRegion != nil && r.IsRegion(m.Code[:3]) && m.Method != ByRegionRef {
				if groups.regions == nil {
					groups.regions = map[string]int{}
				}
				c := m.Code[:3]
				groups.regions[c]++
				if groups.regions[c] >= groups.regions[groups.region] {
					groups.region = c
				}
				if c == groups.region {
					groups.regionAt = groups.sent
				}
			}
		}
		st.rememberActs(s, ms[si])
		groups.venues = places
		r.remember(groups, s, ms[si])
	}
}

// subjectState returns the last mention of a country (not an
// organisation, not a person) that is the subject of a clause before
// word i of s, or nil: the nearest ("Russia's ministry said …, while Kyiv
// said its forces …" are Kyiv's). A state's government named without a
// person counts: a capital ("Moscow said its troops …"), a ministry ("the
// Russian defence ministry said its forces …"); the caller takes only the
// country from it (round 27).
func subjectState(s *ud.Sentence, ms []actor.Mention, i int) *actor.Mention {
	var found *actor.Mention
	for k := range ms {
		m := &ms[k]
		if m.First < 0 || m.Last >= i || m.Person || len(m.Code) < 3 || !actor.IsCountryCode(m.Code[:3]) {
			continue
		}
		if len(m.Code) != 3 && m.Code[3:] != "GOV" {
			// not armed forces: "Pakistan's army said Indian troops had
			// shelled villages and that its soldiers responded" — the
			// troops a clause has as subject are most often the other
			// side's
			continue
		}
		h := headWord(s, *m)
		if h >= 0 && s.Tokens[h].UPOS == ud.NOUN && plural(s.Tokens[h]) {
			// "German officials accused Moscow … while its forces …":
			// "its" is no plural phrase's, whatever state names it
			continue
		}
		if h >= 0 && strings.HasPrefix(s.Tokens[h].Rel, "nsubj") && (found == nil || m.First > found.First) {
			found = m
		}
	}
	return found
}

// regionReach is how many sentences back "the region" may take up the
// region the story named.
const regionReach = 6

// ownedAfter reports whether word i of s has an "of" or "from" phrase
// hung on it: "the presidents of Kazakhstan and Uzbekistan".
func ownedAfter(s *ud.Sentence, i int) bool {
	for k := i + 1; k < len(s.Tokens); k++ {
		if s.Tokens[k].Head != i+1 || !strings.HasPrefix(s.Tokens[k].Rel, "nmod") {
			continue
		}
		for _, c := range s.Tokens {
			if c.Head == k+1 && c.Rel == "case" && (strings.EqualFold(c.Form, "of") || strings.EqualFold(c.Form, "from")) {
				return true
			}
		}
	}
	return false
}

// envoyWords are agents posted abroad: "the ambassador" of a story is
// most often the other side's.
var envoyWords = set("ambassador", "envoy", "diplomat", "consul", "embassy", "attaché", "attache", "chargé", "charge")

// wholeRegion reports whether the word i ("region") stands alone after
// its determiner, or with a word of extent: "the region", "this region",
// "the wider region"; not "the Balkan region", "a region".
func wholeRegion(s *ud.Sentence, i int) bool {
	j := i - 1
	switch strings.ToLower(s.Tokens[j].Form) {
	case "wider", "whole", "entire", "broader", "greater":
		j--
	}
	if j < 0 {
		return false
	}
	switch strings.ToLower(s.Tokens[j].Form) {
	case "the", "this", "that":
		return true
	}
	return false
}

// agentAfter returns the last word of the longest agent name (up to three
// words) that follows word i and no mention holds, with the role it gives.
func (r *Resolver) agentAfter(s *ud.Sentence, i int, covered []bool) (int, string, bool) {
	for last := min(i+3, len(s.Tokens)-1); last > i; last-- {
		free := true
		for k := i + 1; k <= last; k++ {
			free = free && !covered[k] && s.Tokens[k].UPOS != ud.PUNCT
		}
		if !free {
			continue
		}
		name := s.Text[s.Tokens[i+1].Span.Start-s.Span.Start : s.Tokens[last].Span.End-s.Span.Start]
		if role, ok := r.AgentRole(name); ok {
			return last, role, true
		}
	}
	return 0, "", false
}

// storyAgents gives a bare agent that took the dateline's country ("the
// army" in a story datelined CAIRO) what the story made of it before: the
// country it named the agent with ("Sudan's army … The army welcomed …"),
// its armed group ("the paramilitary group" of a story about the RSF), or
// the person of another country it gave the title ("the deputy prime
// minister"). The story's own actors come before the place it was filed
// from. covered marks the words of coded mentions.
func (st *Story) storyAgents(s *ud.Sentence, ms []actor.Mention, covered []bool) {
	for k := range ms {
		m := &ms[k]
		if m.Method != actor.ByDateline || len(m.Code) < 3 || m.First < 0 || m.Last >= len(s.Tokens) {
			continue
		}
		if m.Code[:3] == "BEL" && st.groups.weight["EU"] > 0 {
			// "BRUSSELS — The EU imposed sanctions on Belarus … ban
			// exports to the country": a Brussels dateline on a story
			// about the EU is the Union's seat, and "the country" is
			// the story's own, not Belgium
			if ps := st.groups.topCountries(st.r, 1); len(ps) == 1 && ps[0].key != "BEL" {
				m.Why = "the " + m.Role + " → " + ps[0].key + ", the story's country (a Brussels dateline on a story about the EU)"
				m.Code, m.Name, m.ActorID, m.Method, m.Confidence = ps[0].key+m.Code[3:], ps[0].key, "", ByCountry, 0.5
			} else {
				m.Code = ""
				for i := m.First; i <= m.Last; i++ {
					covered[i] = false
				}
			}
			continue
		}
		if list := st.agents[singular(m.Role)]; len(list) == 1 && len(list[0].Code) >= 3 && list[0].Code[:3] != m.Code[:3] {
			a := list[0]
			m.Why = "the " + m.Role + " → " + a.Name + " named before (not the dateline's " + m.Code[:3] + ")"
			m.Code, m.Name, m.ActorID, m.Method, m.Confidence = a.Code, a.Name, a.ActorID, actor.ByAgent, 0.5
			continue
		}
		if form := stateForms[lemma(s.Tokens[m.Last])]; form != nil && !form[m.Code[:3]] {
			// "the kingdom" under a Pakistani dateline: the kingdom the
			// story names most, or none
			if c := st.mostNamed(form, s, ms, m.First); c != "" {
				m.Why = "the " + strings.ToLower(s.Tokens[m.Last].Form) + " → " + c + ", the story's (not the dateline's " + m.Code[:3] + ")"
				m.Code, m.Name, m.ActorID, m.Method, m.Confidence = c, c, "", ByCountry, 0.5
			} else {
				m.Code = ""
				for i := m.First; i <= m.Last; i++ {
					covered[i] = false
				}
			}
			continue
		}
		if a := st.armed; st.armedNear(st.groups.sent) && armedWords[lemma(s.Tokens[m.Last])] && a.Code[:3] == m.Code[:3] {
			m.Why = "the " + m.Role + " → the story's armed group " + a.Name
			m.Code, m.Name, m.ActorID, m.Method, m.Confidence = a.Code, a.Name, a.ActorID, actor.ByAgent, 0.5
			continue
		}
		for i := m.First; i <= m.Last; i++ {
			covered[i] = false // titleRef reads only words no mention holds
		}
		if first, p, ok := st.r.titleRef(st.groups, s, covered, m.Last); ok && len(p.Code) >= 3 && p.Code[:3] != m.Code[:3] {
			n := derived(s, first, m.Last, p.Code, ByTitleRef, 0.6, "the "+strings.ToLower(s.Tokens[m.Last].Form)+" → "+p.Name+" named before (not the dateline's)")
			n.Person, n.Role, n.ActorID = true, p.Role, p.ActorID
			*m = n
		}
		for i := m.First; i <= m.Last; i++ {
			covered[i] = true
		}
	}
}

// stateForms maps a noun naming a form of state to the countries it fits
// (as of 2026): "the kingdom" is never Pakistan.
var stateForms = map[string]map[string]bool{
	"kingdom": set("SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK", "THA", "KHM", "BTN",
		"SWZ", "LSO", "TON"),
	"sultanate": set("OMN", "BRN"),
	"emirate":   set("QAT", "KWT", "ARE"),
}

// mostNamed returns the country of form the story (and sentence s before
// word before) named most, the first in code order of equals; "" when
// none.
func (st *Story) mostNamed(form map[string]bool, s *ud.Sentence, ms []actor.Mention, before int) string {
	counts := map[string]int{}
	for c, n := range st.counts {
		if form[c] {
			counts[c] = n
		}
	}
	for _, m := range ms {
		if len(m.Code) >= 3 && m.First >= 0 && m.First < before && form[m.Code[:3]] {
			counts[m.Code[:3]]++
		}
	}
	best := ""
	for c, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && c < best {
			best = c
		}
	}
	return best
}

// euSeat reads "Brussels" standing for a government as the European
// Union in a story that names the EU (dict/actors/countries.txt notes the
// reading): "Brussels stands willing to help" after "the EU said".
func euSeat(s *ud.Sentence, ms []actor.Mention, g *storyGroups) {
	eu := g.weight["EU"] > 0
	for _, m := range ms {
		eu = eu || strings.HasPrefix(m.Code, "IGOEUREEC")
	}
	if !eu {
		return
	}
	for k := range ms {
		m := &ms[k]
		if m.Method == actor.ByMetonym && strings.HasPrefix(m.Code, "BEL") && m.First >= 0 && strings.EqualFold(s.Tokens[m.First].Form, "Brussels") {
			m.Code, m.Name, m.ActorID = "IGOEUREEC", "European Union", ""
			m.Why += "; the EU's seat in a story about the EU"
		}
	}
}

// orgOfRegion maps a region to the organisation of its states that a story
// about that organisation calls by the region's name ("the Gulf summit",
// "Gulf countries" beside the Gulf Cooperation Council), with the names
// that show the story is about it.
var orgOfRegion = map[string]struct {
	code  string
	names []string
}{
	"PGS": {"GCC", []string{"Gulf Cooperation Council", "GCC"}},
}

// regionOrgs reads such a region as its organisation in a story whose text
// names the organisation anywhere (the text, not the sentences resolved so
// far, so that a story resolved in parts reads it the same).
func (st *Story) regionOrgs(ms []actor.Mention) {
	for k := range ms {
		m := &ms[k]
		if len(m.Code) < 3 {
			continue
		}
		org, ok := orgOfRegion[m.Code[:3]]
		if !ok || !st.names(org.names) {
			continue
		}
		m.Why += "; the region's organisation " + org.code + " in a story that names it"
		m.Code, m.Name = org.code, org.code
	}
}

// names reports whether the story's text holds one of names.
func (st *Story) names(names []string) bool {
	for _, n := range names {
		if strings.Contains(st.text, n) {
			return true
		}
	}
	return false
}

// groupOfOne reports whether the plural group noun at i ("the five
// ministers", "the ministers" of a meeting of many) stands for more
// parties than the one its agent list holds: the last sentence named one
// minister by its agent noun and the others by their titles. Then the
// group rules take the phrase up, not the agent noun.
func groupOfOne(s *ud.Sentence, i int, list []actor.Mention, meeting bool) bool {
	t := s.Tokens[i]
	if !plural(t) || !groupNouns[lemma(t)] || len(list) != 1 {
		return false
	}
	return meeting || numeral(s, i) >= 2
}

// numeral returns the number of the phrase headed by word i ("the two
// leaders", "the five ministers"), or 0 when it has none.
func numeral(s *ud.Sentence, i int) int {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if n, ok := smallNumbers[strings.ToLower(s.Tokens[j].Form)]; ok {
			return n
		}
		if s.Tokens[j].UPOS == ud.DET {
			break
		}
	}
	return 0
}

// numberFrom returns the number in the phrase that starts at word first
// ("the five ministers"), or 0 when it has none before its noun.
// countFits reports whether the phrase headed by word i counts n or no
// number at all: "the two governments" are not the three a list named.
func countFits(s *ud.Sentence, i, n int) bool {
	first := firstOfPhrase(s, i)
	c := numberFrom(s, first)
	return c == 0 || c == n
}

func numberFrom(s *ud.Sentence, first int) int {
	for j := first; j < len(s.Tokens) && j <= first+4; j++ {
		if n, ok := smallNumbers[strings.ToLower(s.Tokens[j].Form)]; ok {
			return n
		}
		if n, err := strconv.Atoi(s.Tokens[j].Form); err == nil && n > 10 && n <= 200 {
			return n // "the 27 member states" (not a year)
		}
		if s.Tokens[j].UPOS == ud.NOUN {
			break
		}
	}
	return 0
}

// numberedRegion hands a region mention on a counted group ("the three
// European governments", "the two Central Asian neighbours") to the group
// resolver when the story's last parties are that many countries of that
// region: the phrase takes them up, not the region.
func (r *Resolver) numberedRegion(g *storyGroups, s *ud.Sentence, ms []actor.Mention, extra *[]actor.Mention) {
	if r.IsRegion == nil || r.RegionHas == nil {
		return
	}
	for k := range ms {
		m := &ms[k]
		if m.Code == "" || m.First < 1 || !r.IsRegion(m.Code[:min(3, len(m.Code))]) || !pluralGroupNoun(s.Tokens[m.Last]) {
			continue
		}
		n, ok := smallNumbers[strings.ToLower(s.Tokens[m.First-1].Form)]
		if !ok {
			continue
		}
		var in []party
		for _, p := range g.parties {
			if r.RegionHas(m.Code[:3], p.key) {
				in = append(in, p)
			}
		}
		if len(in) == n {
			// "Saudi Arabia and the UAE will provide $3 billion to Syria
			// … thanked the two Gulf states": the last parties of that
			// region, not the others named with them
			// (with the phrase's role: "the three European governments"
			// are the three governments)
			first, region, role := m.First-1, m.Code, m.Code[3:]
			if first > 0 && strings.EqualFold(s.Tokens[first-1].Form, "the") {
				first--
			}
			for k, p := range in {
				d := derived(s, first, m.Last, p.key+role, ByGroup, 0.55, fmt.Sprintf("the %d of region %s the story named last → %s", n, region, p.key))
				if role == "" {
					d.Code = p.m.Code
				}
				if k == 0 {
					*m = d
				} else {
					*extra = append(*extra, d)
				}
			}
		}
	}
}

// pluralGroupNoun reports whether t is a group noun in the plural, also
// when the tagger took it for part of a name ("the two Gulf states" tagged
// NNP, lemma "states").
func pluralGroupNoun(t ud.Token) bool {
	if groupNouns[lemma(t)] && plural(t) {
		return true
	}
	w := strings.ToLower(t.Form)
	if stem, ok := strings.CutSuffix(w, "ies"); ok {
		return groupNouns[stem+"y"]
	}
	stem, ok := strings.CutSuffix(w, "s")
	return ok && groupNouns[stem]
}

// smallNumbers are the numbers a group phrase counts its parties with.
var smallNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10}

// protestPlace returns the country a protest s tells of takes place in:
// the country or capital of a place phrase ("in Baku", "outside the
// parliament in Tbilisi"), else the dateline's country; "" when s tells
// of no protest.
func protestPlace(s *ud.Sentence, ms []actor.Mention, dateline string) string {
	if !tellsOfProtest(s) {
		return ""
	}
	for _, m := range ms {
		if m.First < 0 || len(m.Code) != 3 {
			continue
		}
		if h := mentionHead(s, m); m.Method == actor.ByCapital || hasCaseIn(s, h) {
			return m.Code
		}
	}
	return dateline
}

// mentionHead returns the head word of mention m: the last of its words
// whose head is outside it (its last word when none is).
func mentionHead(s *ud.Sentence, m actor.Mention) int {
	h := m.Last
	for j := m.First; j <= m.Last; j++ {
		if s.Tokens[j].Head-1 < m.First || s.Tokens[j].Head-1 > m.Last {
			h = j
		}
	}
	return h
}

// tellsOfProtest reports whether s names a protest.
func tellsOfProtest(s *ud.Sentence) bool {
	for _, t := range s.Tokens {
		if protestWords[lemma(t)] && (t.UPOS == ud.NOUN || t.UPOS == ud.VERB) {
			return true
		}
	}
	return false
}

// hasCaseIn reports whether word i is the object of "in".
func hasCaseIn(s *ud.Sentence, i int) bool {
	for _, t := range s.Tokens {
		if t.Head == i+1 && t.Rel == "case" && strings.EqualFold(t.Form, "in") {
			return true
		}
	}
	return false
}

func lemma(t ud.Token) string {
	if t.Lemma != "" {
		return strings.ToLower(t.Lemma)
	}
	return strings.ToLower(t.Form)
}

func plural(t ud.Token) bool {
	return strings.HasSuffix(strings.ToLower(t.Form), "s") && lemma(t) != strings.ToLower(t.Form)
}

func derived(s *ud.Sentence, first, last int, code string, how actor.Method, conf float64, why string) actor.Mention {
	return actor.Mention{First: first, Last: last, Code: code, Method: how, Confidence: conf, Why: why,
		Name: s.Text[s.Tokens[first].Span.Start-s.Span.Start : s.Tokens[last].Span.End-s.Span.Start],
		Span: ud.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[last].Span.End}}
}

// quoted marks the tokens inside quotation marks.
func quoted(s *ud.Sentence) []bool {
	in := make([]bool, len(s.Tokens))
	open := -1
	for i, t := range s.Tokens {
		switch {
		case open < 0 && openQuotes[t.Form]:
			open = i
		case open >= 0 && closeQuotes[t.Form]:
			for k := open + 1; k < i; k++ {
				in[k] = true
			}
			open = -1
		}
	}
	if open >= 0 { // a quotation that runs to the sentence's end
		for k := open + 1; k < len(s.Tokens); k++ {
			in[k] = true
		}
	}
	return in
}

// speaker finds the actor who speaks in s: the subject of a verb of speech
// outside any quotation, or the subject of the sentence's root.
func (r *Resolver) speaker(s *ud.Sentence, ms []actor.Mention) (actor.Mention, bool) {
	inQuote := quoted(s)
	for i, t := range s.Tokens {
		if inQuote[i] || !speechVerbs[lemma(t)] {
			continue
		}
		for j, c := range s.Tokens {
			if c.Head == i+1 && ud.BaseRel(c.Rel) == "nsubj" && !inQuote[j] {
				if m, ok := mentionAt(ms, j); ok {
					return m, true
				}
			}
		}
	}
	return actor.Mention{}, false
}

func mentionAt(ms []actor.Mention, i int) (actor.Mention, bool) {
	for _, m := range ms {
		if m.Code != "" && m.First <= i && i <= m.Last {
			return m, true
		}
	}
	return actor.Mention{}, false
}

// possessor returns the index of a possessive pronoun modifying i ("his
// nation"), or -1.
func (r *Resolver) possessor(s *ud.Sentence, i int) int {
	if i > 0 && possessives[strings.ToLower(s.Tokens[i-1].Form)] {
		return i - 1
	}
	for j, c := range s.Tokens {
		if c.Head == i+1 && (c.Rel == "nmod:poss" || c.Rel == "det:poss") && possessives[strings.ToLower(c.Form)] {
			return j
		}
	}
	return -1
}

// owner resolves a possessive pronoun: "his"/"her" to the sentence's
// speaker or the last person before it, "its"/"their" to the last country
// or organisation before it.
func (r *Resolver) owner(s *ud.Sentence, ms []actor.Mention, p int, speaker actor.Mention, hasSpeaker bool) (string, bool) {
	pron := strings.ToLower(s.Tokens[p].Form)
	if (pron == "his" || pron == "her") && hasSpeaker && len(speaker.Code) >= 3 {
		return speaker.Code, true
	}
	best := -1
	person := pron == "his" || pron == "her"
	for k, m := range ms {
		if m.Code != "" && m.Last < p && len(m.Code) >= 3 && (!person || m.Person) && (best < 0 || m.Last > ms[best].Last) {
			best = k
		}
	}
	if best < 0 {
		return "", false
	}
	// "their countries" after a singular actor ("The Secretary
	// praised the ministers for their countries' …") is not its:
	// the group rules find whose
	if pron == "their" && !pluralMention(s, ms[best]) {
		return "", false
	}
	return ms[best].Code, true
}

// pluralMention reports whether m names more than one: its head word is
// plural or it is coordinated with another.
func pluralMention(s *ud.Sentence, m actor.Mention) bool {
	for k := max(m.First, 0); k <= m.Last && k < len(s.Tokens); k++ {
		t := s.Tokens[k]
		if h := t.Head - 1; h >= m.First && h <= m.Last {
			continue
		}
		if t.XPOS == "NNS" || t.XPOS == "NNPS" || t.Rel == "conj" {
			return true
		}
		for _, c := range s.Tokens {
			if c.Head == k+1 && c.Rel == "conj" {
				return true
			}
		}
		return false
	}
	return false
}

// definite reports whether the noun at i is introduced by "the" (with
// adjectives between).
func definite(s *ud.Sentence, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		w := strings.ToLower(s.Tokens[j].Form)
		if w == "the" || w == "this" || w == "that" {
			return true
		}
		switch s.Tokens[j].UPOS {
		case ud.ADJ, ud.PROPN, ud.NOUN, ud.ADV, ud.VERB, ud.NUM:
			continue
		}
		if w == "-" || w == "–" {
			continue
		}
		return false
	}
	return false
}

// firstOfPhrase returns the first word of the noun phrase ending at i: its
// determiner.
func firstOfPhrase(s *ud.Sentence, i int) int {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		w := strings.ToLower(s.Tokens[j].Form)
		if w == "the" || w == "this" || w == "that" {
			return j
		}
	}
	return i
}

// salient returns the most mentioned country so far, the dateline's on a
// tie, or "".
// inRegion keeps the counts of the countries a region takes in, or all of
// them when the dictionary lists no members for it.
func (r *Resolver) inRegion(counts map[string]int, region string) map[string]int {
	if r.RegionHas == nil {
		return counts
	}
	in := make(map[string]int, len(counts))
	for c, n := range counts {
		if r.RegionHas(region, c) {
			in[c] = n
		}
	}
	return in
}

func salient(counts map[string]int, dateline string) string {
	best, n := "", 0
	for c, k := range counts {
		if k > n || k == n && (c == dateline || best != dateline && c < best) {
			best, n = c, k
		}
	}
	if n == 0 {
		return dateline
	}
	return best
}

// singular is a crude English singular of a lower-cased agent word, enough
// to match "the companies" with "companies from …" and "a company".
func singular(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// namesOwn reports whether the noun at i names its own actors in a
// modifier ("the leaders of Kazakhstan and Kyrgyzstan"), so that it
// needs no reference to the story's.
func namesOwn(s *ud.Sentence, i int, covered []bool) bool {
	for c, t := range s.Tokens {
		if t.Head == i+1 && covered[c] && ud.BaseRel(t.Rel) == "nmod" {
			return true
		}
	}
	return false
}

// Resolved reports whether a mention of method m was found by reference
// (a pronoun, "the two sides", "the alliance" …) rather than named in its
// sentence: every method of this package starts with "coref-".
func Resolved(m actor.Method) bool { return strings.HasPrefix(string(m), "coref-") }
