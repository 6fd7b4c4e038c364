package coref

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"farabi/internal/actor"
	"farabi/internal/ud"
)

// Methods of the mentions the story-level rules of this file add.
const (
	ByGroup       actor.Method = "coref-group"       // "the two leaders", "both sides", "they"
	ByPronoun     actor.Method = "coref-pronoun"     // "he", "his", "she" → the last person named
	ByCounterpart actor.Method = "coref-counterpart" // "his counterpart" → the other side of the pair
	ByAddressee   actor.Method = "coref-addressee"   // "you" in a quotation → the speaker's partner
	ByShortName   actor.Method = "coref-short-name"  // "Moon" after "President Moon Jae-in"
	ByTitleRef    actor.Method = "coref-title"       // "the amir" after "Amir Tamim bin Hamad Al Thani"
	ByTurn        actor.Method = "coref-turn"        // the speaker of a transcript's turn ("Vladimir Putin: …")
	ByOrgRef      actor.Method = "coref-org"         // "the alliance", "the bloc" → the organisation the story named last
	ByRegionRef   actor.Method = "coref-region"      // "the region" → the region the story named last
)

// Group references. A story about two parties calls them "the sides", "the
// two leaders", "both countries", "they"; a story about a meeting of many
// calls the host and the guests "the sides". Such a phrase names no actor
// by itself: it takes up the participants of the last sentence that named
// two or more (one mention per country or organisation), or the story's
// two most prominent parties. Every member becomes a mention over the
// phrase's words, with the same Group number; in a meeting of many, the
// host or outside partner ("+1") is the Hub, so that a reciprocal act pairs
// it with each guest and never the guests with each other.

// groupNouns are the plural nouns that name a story's parties.
var groupNouns = set("side", "party", "leader", "president", "minister", "country", "nation", "state",
	"government", "delegation", "head", "counterpart", "partner", "republic", "premier", "chief", "rival", "neighbor",
	"neighbour", "ally", "foe", "adversary", "belligerent", "participant", "negotiator", "envoy", "delegate", "capital")

// meetingNouns name the participants of a meeting of many, or the
// meeting itself standing for them.
var meetingNouns = set("minister", "leader", "president", "participant", "member", "head", "delegation", "country",
	"state", "nation", "government", "chief", "premier", "delegate", "counterpart", "")

// meetingEvents are the nouns of a meeting that stand for its participants
// when they act: "the summit adopted a declaration".
var meetingEvents = set("meeting", "summit", "conference", "ministerial", "forum", "session", "talks", "dialogue")

// docNouns are the documents a meeting adopts.
var docNouns = set("declaration", "communique", "communiqué", "statement", "roadmap", "resolution")

// issueVerbs put a meeting's document out: "issued after the summit".
var issueVerbs = set("issue", "adopt", "release", "publish", "approve", "endorse", "sign")

// ofMeeting reports whether the document noun at i is a meeting's: "a
// declaration issued after the summit", "the statement adopted at the
// meeting", "the final communiqué of the summit", "a statement from the
// forum".
func ofMeeting(s *ud.Sentence, i int) bool {
	meetingBelow := func(h int) bool {
		for j, c := range s.Tokens {
			if c.Head != h+1 || !meetingEvents[lemma(c)] || !strings.HasPrefix(c.Rel, "obl") && !strings.HasPrefix(c.Rel, "nmod") {
				continue
			}
			for _, d := range s.Tokens {
				if d.Head == j+1 && d.Rel == "case" {
					return true
				}
			}
		}
		return false
	}
	if meetingBelow(i) {
		return true
	}
	for j, c := range s.Tokens {
		if c.Head != i+1 || c.Rel != "acl" || !issueVerbs[lemma(c)] {
			continue
		}
		if meetingBelow(j) {
			return true
		}
		// the phrase right after the participle, wherever the parser
		// hung it ("issued after the summit said …" with "after the
		// summit" on "said")
		if k := j + 1; k < len(s.Tokens) && s.Tokens[k].Rel == "case" {
			if h := s.Tokens[k].Head - 1; h > k && meetingEvents[lemma(s.Tokens[h])] {
				return true
			}
		}
	}
	return false
}

// attendVerbs take a meeting as their object: "attended the summit".
var attendVerbs = set("attend", "join", "host", "chair", "convene", "co-chair", "open", "address")

// attends reports whether s says that some attended a meeting: "A, B and
// C attended the meeting", "the summit was attended by A, B and C".
func attends(s *ud.Sentence) bool {
	for _, t := range s.Tokens {
		if t.Head > 0 && meetingEvents[lemma(t)] && (t.Rel == "obj" || t.Rel == "nsubj:pass") && attendVerbs[lemma(s.Tokens[t.Head-1])] {
			return true
		}
	}
	return false
}

// pairNouns name the other side of a pair from their owner: "his
// counterpart", "his colleague", "his guest", "her hosts".
var pairNouns = set("counterpart", "colleague", "guest", "host", "visitor")

// stateGroupNouns name states, never organisations, besides the country
// nouns: "both governments", "the two neighbours".
var stateGroupNouns = set("government", "neighbour", "neighbor", "capital")

// govGroupNouns name the parties' governments rather than the countries.
var govGroupNouns = set("leader", "president", "minister", "government", "delegation", "head", "counterpart",
	"premier", "chief")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// party is one participant of a sentence: the mention that stands for a
// country or organisation there.
// unionParties returns the parties of a, then those of b not in a.
func unionParties(a, b []party) []party {
	out := append([]party(nil), a...)
	for _, p := range b {
		if !slices.ContainsFunc(out, func(q party) bool { return q.key == p.key }) {
			out = append(out, p)
		}
	}
	return out
}

type party struct {
	key string // country or organisation: KAZ, EU, OSCE
	m   actor.Mention
}

// meeting is a meeting of many that a story reports: the host or outside
// partner ("+1") and the members it meets. Group phrases in such a story
// ("the ministers", "the participants", "the summit") take up the host
// and the members, and a reciprocal act pairs the host with each member.
type meeting struct {
	hub     party
	members []party
}

// storyGroups is what the group rules remember across a story.
type storyGroups struct {
	day      actor.Date // the story's day, for the roles of its persons
	meeting  *meeting
	sent     int           // index of the sentence being resolved
	parties  []party       // the last sentence's participants with two or more
	hub      int           // index in parties of the host, or -1
	at       int           // sentence of parties
	person   actor.Mention // the last person named
	hasPers  bool
	personAt int
	subj     actor.Mention // the last person named as a subject
	hasSubj  bool
	subjAt   int
	// body is the subject of the last sentence's main clause when it
	// names a state or a body, not a person: "Chad's Foreign Ministry
	// rejected … It called on …"
	body    actor.Mention
	hasBody bool
	bodyAt  int
	// speaker names who spoke in sentence speakerAt: a quotation that
	// runs on into the next sentence is still theirs
	speaker   string
	speakerAt int
	// roles maps a person's name, in lower case, to the organisation the
	// story has them act for (storyRoles); lastOrg is the organisation
	// named last
	roles   map[string]string
	lastOrg string
	// regions counts the story's mentions of each region ("Central
	// Asian leaders"); region is the most mentioned (the latest of
	// equals), named last in sentence regionAt: "the region" takes it up
	regions  map[string]int
	region   string
	regionAt int
	// author is the first party the story names as the subject of a
	// main clause in its first sentences: a statement's voice
	author    actor.Mention
	hasAuthor bool
	weight    map[string]float64 // prominence of each party over the story
	order     map[string]int     // when each party was first named: ties go to the first
	rep       map[string]actor.Mention
	nextID    int
	// short maps the first and last word of a person's name, in lower
	// case, to the person: a story names "President Moon Jae-in" once and
	// "Moon" after.
	short map[string]actor.Mention
	// orgs maps the head word of an organisation's name the story
	// named ("council" of "the Council of the EU") to its mention
	orgs map[string]actor.Mention
	// titled lists the persons named with their roles, latest last, for
	// "the amir", "the Prime Minister".
	titled []actor.Mention
	// turn is the speaker of the transcript turn under way ("Vladimir
	// Putin: …" until the next speaker), addressee whom the speaker
	// addresses ("Mr Nazarbayev").
	turn, addressee      actor.Mention
	inTurn, hasAddressee bool
	// subjGroup holds the parties of the last sentence's subject when it
	// named two or more ("The two leaders agreed …"): a "they" opening
	// the next sentence takes them up, not every party that sentence
	// named.
	subjGroup   []party
	subjHub     int
	subjGroupAt int
	// lists holds, by its size, the last list of parties the story
	// named ("the United States, South Korea and Japan"), with its
	// sentence: "the three allies" takes up the last list of three.
	lists map[int]listAt
	// host and guest of the last visit the story told of ("A received
	// B", "B visited A"): "the guest", "the hosts" take them up
	host, guest actor.Mention
	hasVisit    bool
	// guests are all the guests of that visit ("the energy ministers of
	// Romania and Poland visited Chisinau"): "the visitors", "the
	// visiting delegation" take them up
	guests []actor.Mention
	// mediators are the parties the story has mediate between others
	// ("talks mediated by Qatar", "Fidan shuttling between the two
	// delegations"), mediator the last named: "the mediator" takes it
	// up, and the story's sides are never a mediator
	mediators   map[string]bool
	mediatorMs  map[string]actor.Mention // each mediator's last mention
	mediator    actor.Mention
	hasMediator bool
	// venues are the places of the sentence being remembered
	venues []actor.Mention
	// donors are the parties the story has give or pledge aid, money or
	// goods ("Japan said it would provide $3 million", "Saudi Arabia
	// flew in food"), each once: "the donors" take them up
	donors []actor.Mention
}

type listAt struct {
	ps   []party
	sent int
}

// hasOrg reports whether one of ps is an organisation.
func (r *Resolver) hasOrg(ps []party) bool {
	for _, p := range ps {
		if r.isOrgCode(p.m.Code) {
			return true
		}
	}
	return false
}

// latestList returns the last list of parties the story named, of any
// size (the longest of those named in one sentence).
func (g *storyGroups) latestList() (listAt, bool) {
	var best listAt
	found := false
	for _, l := range g.lists {
		if !found || l.sent > best.sent || l.sent == best.sent && len(l.ps) > len(best.ps) {
			best, found = l, true
		}
	}
	return best, found
}

func newStoryGroups() *storyGroups {
	return &storyGroups{hub: -1, at: -100, personAt: -100, subjAt: -100, weight: map[string]float64{}, order: map[string]int{}, rep: map[string]actor.Mention{},
		short: map[string]actor.Mention{}, orgs: map[string]actor.Mention{}, lists: map[int]listAt{}, mediators: map[string]bool{}, mediatorMs: map[string]actor.Mention{}}
}

// partyKey is the country or organisation a code stands for: KAZ for
// KAZGOV, the whole code for an organisation (OSCE, IGOEUREEC → EU).
func (r *Resolver) partyKey(code string) string {
	if code == "" || code == actor.NullCode {
		return ""
	}
	if strings.HasPrefix(code, "IGOEUREEC") {
		return "EU"
	}
	if strings.HasPrefix(code, "IGOUNO") {
		return "UN"
	}
	if strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || r.IsOrg != nil && r.IsOrg(code) {
		return code
	}
	if len(code) < 3 {
		return code
	}
	// armed groups fighting their own state are a side of their own:
	// "both sides" of a civil war are ETHGOV and ETHREB
	if len(code) >= 6 {
		switch code[3:6] {
		case "REB", "INS":
			return code[:6]
		}
	}
	return code[:3]
}

// rank orders the mentions that may stand for a party: a person or a
// government before a bare country, a name before an adjective.
func rank(m actor.Mention) int {
	n := 0
	if m.Person {
		n += 4
	}
	if strings.HasSuffix(m.Code, "GOV") {
		n += 2
	}
	switch m.Method {
	case actor.ByAdjective, actor.ByCapital:
		n -= 3
	case ByGroup, ByPronoun, ByCounterpart, ByAddressee, ByCountry, ByAgent:
		n -= 1
	}
	return n
}

// partiesOf returns the participants of a sentence in the order they come,
// with the index of the host (the subject of the main verb when the
// sentence names three or more others), or -1.
func (r *Resolver) partiesOf(s *ud.Sentence, ms []actor.Mention, upto int) ([]party, int) {
	var out []party
	idx := map[string]int{}
	for _, m := range ms {
		if m.Code == "" || m.First < 0 || m.First >= upto || m.Method == actor.ByCapital && !visited(s, m) || strings.HasSuffix(m.Code, "MED") {
			continue
		}
		if (len(m.Code) == 3 || m.Method == actor.ByMetonym) && locative(s, m) && !visited(s, m) {
			continue // "talks in Kazakhstan", "in the Kenyan capital (Nairobi)": a place
		}
		if mediatorAgent(s, m) || mediatorSubject(s, m) {
			continue // "talks mediated by the AU", "A and B offered to mediate": who mediates is no side
		}
		if (strings.HasPrefix(m.Code, "IGO") || strings.HasPrefix(m.Code, "NGO") || r.IsOrg != nil && r.IsOrg(m.Code)) && venue(s, m) {
			continue // "on the SCO sidelines", "at the OSCE summit": where, not who
		}
		if m.Method == ByGroup || m.Method == ByAct {
			continue // "the launches" names an act, not a party at hand
		}
		if r.isOrgCode(m.Code) && projectName(s, m) {
			continue // "the TAPI gas pipeline": a project's name, not a party
		}
		k := r.partyKey(m.Code)
		if k == "" || r.IsForum != nil && r.IsForum(m.Code) {
			continue
		}
		if i, ok := idx[k]; ok {
			if rank(m) > rank(out[i].m) {
				out[i].m = m
			}
			continue
		}
		idx[k] = len(out)
		out = append(out, party{k, m})
	}
	// A region beside two or more of the countries of a meeting ("Central
	// Asian countries" and the five named) is not a party of its own.
	if r.IsRegion != nil {
		countries := 0
		for _, p := range out {
			if len(p.key) == 3 && !r.IsRegion(p.key) && (r.IsOrg == nil || !r.IsOrg(p.key)) {
				countries++
			}
		}
		if countries >= 2 {
			kept := out[:0]
			for _, p := range out {
				if !r.IsRegion(p.key) {
					kept = append(kept, p)
				}
			}
			out = kept
		}
	}
	hub := -1
	// The host of a meeting of many is the one party in the subject of
	// the main verb: "Wang met the ministers of A, B and C", not "A, B
	// and C met".
	if len(out) >= 4 {
		if subj := rootSubject(s); subj >= 0 {
			n := 0
			for i, p := range out {
				for _, m := range ms {
					if r.partyKey(m.Code) == p.key && m.First >= 0 && under(s, m.First, subj) {
						if hub != i {
							n++
						}
						hub = i
					}
				}
			}
			if n != 1 {
				hub = -1
			}
		}
		if hub < 0 {
			// "A, B, C, D and E met in E's capital": the host is the
			// party whose capital the meeting is in
			for _, m := range ms {
				if m.Method != actor.ByCapital || m.First < 0 || m.First >= upto {
					continue
				}
				for i, p := range out {
					if p.key == r.partyKey(m.Code) {
						hub = i
					}
				}
			}
		}
	}
	return out, hub
}

// venueHost returns the index of the party of ps whose place a meeting of
// many is held at ("the five presidents met in Samarkand": Uzbekistan), or
// -1: a place "in" or "at" which the sentence's main verb happens.
func (r *Resolver) venueHost(s *ud.Sentence, ps []party, venues []actor.Mention) int {
	root := s.Root()
	for _, v := range venues {
		if h := headWord(s, v); h < 0 || root < 0 || s.Tokens[h].Head != root+1 || !locative(s, v) {
			continue
		}
		for i, p := range ps {
			if p.key == r.partyKey(v.Code) {
				return i
			}
		}
	}
	return -1
}

// locative reports whether a mention is the object of a preposition of
// place ("in Kazakhstan", "at the Kremlin").
func locative(s *ud.Sentence, m actor.Mention) bool {
	head := -1
	for k := max(m.First, 0); k <= m.Last && k < len(s.Tokens); k++ {
		if h := s.Tokens[k].Head - 1; h < m.First || h > m.Last {
			head = k
			break
		}
	}
	if head < 0 {
		return false
	}
	// "in the Kenyan capital Nairobi": the mention modifies the
	// name that takes the preposition
	for n := 0; n < 2 && s.Tokens[head].Head > 0; n++ {
		switch s.Tokens[head].Rel {
		case "compound", "flat", "amod", "nmod:desc":
			head = s.Tokens[head].Head - 1
			continue
		}
		break
	}
	for _, t := range s.Tokens {
		if t.Head-1 == head && t.Rel == "case" {
			switch strings.ToLower(t.Form) {
			case "in", "at", "near", "inside", "across", "throughout", "within":
				return true
			}
		}
	}
	return false
}

// venueNouns name the occasions at whose margins parties meet.
var venueNouns = set("sideline", "sidelines", "margin", "margins", "summit", "session", "forum", "conference",
	"ministerial", "meeting", "gathering", "congress", "assembly")

// venue reports whether an organisation's mention names where something
// happens: it modifies an occasion in a phrase of place or time ("on the
// SCO sideline", "on the sidelines of the SCO summit", "at the OSCE
// ministerial").
func venue(s *ud.Sentence, m actor.Mention) bool {
	head := -1
	for k := max(m.First, 0); k <= m.Last && k < len(s.Tokens); k++ {
		if h := s.Tokens[k].Head - 1; h < m.First || h > m.Last {
			head = k
			break
		}
	}
	for i, steps := head, 0; i >= 0 && steps < 3; steps++ {
		switch r := s.Tokens[i].Rel; {
		case r == "compound" || r == "amod" || r == "flat" || r == "nmod:poss":
		case ud.BaseRel(r) == "nmod" && hasCaseWord(s, i, "of"):
			// "the sidelines of the SCO summit", not "the meeting with
			// the EU"
		default:
			return false
		}
		h := s.Tokens[i].Head - 1
		if h < 0 {
			return false
		}
		if venueNouns[lemma(s.Tokens[h])] {
			for _, t := range s.Tokens {
				if t.Head-1 == h && t.Rel == "case" {
					switch strings.ToLower(t.Form) {
					case "on", "at", "in", "during", "within", "ahead", "before", "after":
						return true
					}
				}
			}
		}
		i = h
	}
	return false
}

// rootSubject returns the subject of the sentence's main verb, or -1.
func rootSubject(s *ud.Sentence) int {
	for i, t := range s.Tokens {
		if t.Head == 0 {
			for j, c := range s.Tokens {
				if c.Head == i+1 && strings.HasPrefix(c.Rel, "nsubj") {
					return j
				}
			}
		}
	}
	return -1
}

// membersIn counts the meeting's members among parties ps.
func (r *Resolver) membersIn(ps []party, m *meeting) int {
	n := 0
	for _, p := range ps {
		for _, q := range m.members {
			if q.key == p.key {
				n++
				break
			}
		}
	}
	return n
}

// within reports whether parties ps are all the meeting's or regions.
func (r *Resolver) within(ps []party, m *meeting) bool {
	for _, p := range ps {
		if p.key == m.hub.key || r.IsRegion != nil && r.IsRegion(p.key) {
			continue
		}
		in := false
		for _, q := range m.members {
			in = in || q.key == p.key
		}
		if !in {
			return false
		}
	}
	return true
}

// mostProminentBut returns the story's most prominent party other than key.
func (g *storyGroups) mostProminentBut(key string) (party, bool) {
	best := ""
	for k, w := range g.weight {
		if k != key && (best == "" || g.before(k, w, best)) {
			best = k
		}
	}
	if best == "" {
		return party{}, false
	}
	return party{best, g.rep[best]}, true
}

// before reports whether party k of weight w is more prominent than party
// b: heavier, or as heavy and named first (the headline's order), or
// first by code so the choice never depends on map order.
func (g *storyGroups) before(k string, w float64, b string) bool {
	if w != g.weight[b] {
		return w > g.weight[b]
	}
	if g.order[k] != g.order[b] {
		return g.order[k] < g.order[b]
	}
	return k < b
}

// mainPair returns the story's two most prominent parties so far.
func (g *storyGroups) mainPair() []party { return g.mainPairBut("") }

// mediatorsFirst returns the first word of a definite phrase of mediators
// ending at word i whose count, when it has one, is n ("the mediators",
// "the two mediators", "both mediators"), or -1.
func mediatorsFirst(s *ud.Sentence, i, n int) int {
	j := i - 1
	if j >= 0 {
		if c, ok := smallNumbers[strings.ToLower(s.Tokens[j].Form)]; ok {
			if c != n {
				return -1
			}
			j--
		}
	}
	if j >= 0 {
		switch strings.ToLower(s.Tokens[j].Form) {
		case "the", "both":
			return j
		}
	}
	return -1
}

// withoutMediators returns ps without the story's mediators: "Somalia
// thanked Turkey for its efforts … The AU urged both countries" are not
// Somalia and the mediator.
func (g *storyGroups) withoutMediators(ps []party) []party {
	out := ps[:0:0]
	for _, p := range ps {
		if !g.mediators[p.key] {
			out = append(out, p)
		}
	}
	return out
}

// mainPairBut returns the story's two most prominent parties so far other
// than party but.
func (g *storyGroups) mainPairBut(but string) []party {
	var best [2]string
	for k, w := range g.weight {
		switch {
		case k == but, g.mediators[k]:
		case best[0] == "" || g.before(k, w, best[0]):
			best[1], best[0] = best[0], k
		case best[1] == "" || g.before(k, w, best[1]):
			best[1] = k
		}
	}
	if best[1] == "" {
		return nil
	}
	return []party{{best[0], g.rep[best[0]]}, {best[1], g.rep[best[1]]}}
}

// current returns the parties a group phrase at token i of s refers to:
// those named earlier in the same sentence, else the last sentence's with
// two or more within the last few sentences, else the story's main pair.
func (r *Resolver) current(g *storyGroups, s *ud.Sentence, ms []actor.Mention, i int) ([]party, int, string) {
	return r.currentFor(g, s, ms, i, -1, "-")
}

// currentFor is current for a phrase that starts at i whose noun is noun,
// at word head (-1 and "-" for a pronoun): in a story about a meeting of
// many, the participants' nouns take up the host and the members.
func (r *Resolver) currentFor(g *storyGroups, s *ud.Sentence, ms []actor.Mention, i, head int, noun string) ([]party, int, string) {
	ps, hub := r.partiesOf(s, ms, i)
	if head >= 0 && meetingEvents[noun] && Attended(s, head) {
		// "X and Y also attended the summit": the summit is the story's
		// meeting, not its attendees
		ps, hub = nil, -1
	}
	if len(ps) > 0 && len(ps) < 3 {
		// "Norway's ministry said both sides agreed to a
		// truce": who reports is not one of the parties reported on
		kept := ps[:0:0]
		for _, p := range ps {
			// nor who urges "both sides" ("Egypt and Saudi Arabia
			// urged both sides to …")
			// nor who brokers what is between them ("Qatar and Turkey,
			// which brokered a truce between the two neighbours")
			// (but who reports on a meeting of their own keeps a
			// side: "After talks with his Uzbek counterpart, the
			// Turkish president said the two countries would …")
			if !(reporting(s, p.m, i) && !(len(ps) == 2 && metWith(s, ps, i))) && !(len(ps) == 2 && appealed(s, i) && r.addressedByParty(s, ms, p.key, i)) && !mediatedBy(s, p.m, i) {
				kept = append(kept, p)
			}
		}
		if len(kept) < len(ps) {
			ps, hub = kept, -1
		}
	}
	// "both sides" of a meeting of many are its host and its guests,
	// unless the sentence names two parties of its own
	sides := (noun == "side" || noun == "party") && len(ps) < 2
	// "the two leaders" of a story about a meeting of many are two
	// persons, not the host and all its guests
	twoPersons := numberFrom(s, i) == 2 // "the two governments" neither
	if head > i && !sides && two(s, i, head) {
		twoPersons = true // "both countries", "both leaders"
	}
	if m := g.meeting; m != nil && len(m.members) >= 2 && (meetingNouns[noun] || meetingEvents[noun] || sides) && !twoPersons && r.within(ps, m) {
		if n := numberFrom(s, i); n == len(m.members) && n > 2 && !sides {
			// "the five ministers" of a meeting of China with five:
			// the guests
			return m.members, -1, fmt.Sprintf("the meeting's %d members", n)
		}
		return append([]party{m.hub}, m.members...), 0, "the meeting's host " + m.hub.key + " and its members"
	}
	if len(ps) >= 3 && !hasCaseBetween(s, i) {
		// "Flanked by the leaders of Senegal and Ghana, the French
		// president said France would return artefacts to both
		// countries": who acts on the group is not in it (but "talks
		// between the two" are the subject's own)
		kept := ps[:0:0]
		for _, p := range ps {
			if !r.addressedByParty(s, ms, p.key, i) {
				kept = append(kept, p)
			}
		}
		if len(kept) >= 2 && len(kept) < len(ps) {
			ps, hub = kept, -1
		}
	}
	if len(ps) > 2 && numberFrom(s, i) == 2 {
		// "Saudi Arabia and the UAE will provide $3 billion to rebuild
		// Syria's grid, the two governments said": the two named
		// together, not the third named after them
		if pair := coordinatedPair(s, ps); pair != nil {
			return pair, -1, "the two named together before it in the sentence"
		}
	}
	if len(ps) >= 2 {
		return ps, hub, "named before it in the sentence"
	}
	// "the allies", "the partners" with no count: the last list the
	// story named, parties who act together ("the United States and
	// South Korea … the allies wrapped up drills")
	if (noun == "ally" || noun == "partner") && numberFrom(s, i) == 0 {
		if l, ok := g.latestList(); ok && g.sent-l.sent <= 6 {
			return l.ps, -1, fmt.Sprintf("the list named in sentence %d", l.sent)
		}
	}
	// "the three allies": the last list of three the story named, when
	// the story's last parties are not three
	if n := numberFrom(s, i); n >= 2 && len(ps) == 0 && len(g.parties) != n {
		if l, ok := g.lists[n]; ok && g.sent-l.sent <= 6 {
			return l.ps, -1, fmt.Sprintf("the list of %d named in sentence %d", n, l.sent)
		}
	}
	// One party named before it ("during the meeting with Bahrain's
	// minister, the sides signed …"): that party and the story's most
	// prominent other.
	outsider := ""
	if len(ps) == 1 {
		switch {
		case byAgent(s, ps[0].m):
			// the agent of a passive: "talks brokered by the OSCE, the
			// two sides …" are the brokered, not the broker
		case r.addressedByParty(s, ms, ps[0].key, i):
			// "the UN urged both sides to …": who urges is not a side;
			// nor who "threatened to cut aid to both nations"
			outsider = ps[0].key
		default:
			if o, ok := g.mostProminentBut(ps[0].key); ok {
				return []party{o, ps[0]}, -1, "named before it in the sentence, with the story's main party"
			}
		}
	}
	if len(g.parties) >= 2 && g.sent-g.at <= 4 {
		if ps := g.withoutMediators(without(g.parties, outsider)); len(ps) >= 2 {
			hub := g.hub
			if len(ps) < len(g.parties) {
				hub = -1
			}
			// "both sides" are no body a side complained to ("filed
			// a complaint with the UN Security Council … France urged
			// both sides"): the story's main pair, when it has none
			if noun == "side" && r.hasOrg(ps) {
				if mp := g.mainPairBut(outsider); mp != nil && !r.hasOrg(mp) {
					return mp, -1, "the story's main pair (the last parties named include an organisation)"
				}
			}
			return ps, hub, fmt.Sprintf("named in sentence %d", g.at)
		}
	}
	if outsider != "" {
		if ps := g.mainPairBut(outsider); ps != nil {
			return ps, -1, "the story's main pair but " + outsider
		}
	}
	if ps := g.mainPair(); ps != nil {
		return ps, -1, "the story's main pair"
	}
	return nil, -1, ""
}

// eachNouns name a story's parties one at a time after "each".
var eachNouns = set("side", "party", "delegation", "government", "country", "leader", "capital")

// groupPhrase reports whether word i heads a phrase naming the story's
// parties ("the two leaders", "both sides", "the parties"), and returns its
// first word.
func groupPhrase(s *ud.Sentence, i int) (int, bool) {
	t := s.Tokens[i]
	l := lemma(t)
	if t.UPOS != ud.NOUN && t.UPOS != ud.PROPN && t.UPOS != ud.NoUPOS {
		return 0, false
	}
	plural := strings.HasSuffix(strings.ToLower(t.Form), "s") && strings.ToLower(t.Form) != l
	if groupNouns[l] && !plural && i > 0 && strings.EqualFold(s.Tokens[i-1].Form, "each") && eachNouns[l] {
		// "met each delegation separately", "each side blamed the
		// other": every party, one at a time
		return i - 1, true
	}
	if !groupNouns[l] || !plural {
		// "heads of state" has its plural on "heads"
		return 0, false
	}
	// the determiner: "the", "both", "the two", "two", "all"; adjectives
	// may stand between ("the two Central Asian leaders" is an actor
	// phrase already, and so covered).
	first := i
	ok := false
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := strings.ToLower(s.Tokens[j].Form)
		switch {
		case w == "the" || w == "both" || w == "two" || w == "all" || w == "these" || w == "those":
			first, ok = j, true
			continue
		case s.Tokens[j].UPOS == ud.ADJ || s.Tokens[j].UPOS == ud.NUM || w == "visiting" || w == "-" || w == "–" ||
			s.Tokens[j].UPOS == ud.VERB && (s.Tokens[j].XPOS == "VBN" || s.Tokens[j].XPOS == "VBG") ||
			s.Tokens[j].UPOS == ud.NOUN && s.Tokens[j].Rel == "compound":
			// "the two nuclear-armed nations", "the arch-rivals"
			continue
		}
		break
	}
	return first, ok
}

// hasActorBelow reports whether a mention sits in the phrase of word i ("the
// leaders of Chile and Peru"): then the phrase names its
// parties itself.
//
// A clause hung on the noun is no part of its name: "thanked both
// governments for helping his country end its reliance on Russian gas"
// names no party of "both governments" in "Russian".
func hasActorBelow(s *ud.Sentence, covered []bool, i int) bool {
	for j := range s.Tokens {
		if covered[j] && underPhrase(s, j, i) {
			return true
		}
	}
	return false
}

// underPhrase is under, short of the clauses on the way: word j lies in
// the phrase of word i and no clause (acl, relative, adverbial, …) stands
// between them.
func underPhrase(s *ud.Sentence, j, i int) bool {
	for k := 0; k < 50 && j >= 0; k++ {
		if j == i {
			return true
		}
		switch ud.BaseRel(s.Tokens[j].Rel) {
		case "acl", "advcl", "ccomp", "xcomp", "parataxis":
			return false
		}
		j = s.Tokens[j].Head - 1
	}
	return false
}

// onlyCityBelow reports whether every actor word under word i is a
// capital named as a place in a phrase hung on i ("the two sides in
// Doha"): it names no party of the phrase's own.
func onlyCityBelow(s *ud.Sentence, ms []actor.Mention, covered []bool, i int) bool {
	found := false
	for j := range s.Tokens {
		if !covered[j] || !under(s, j, i) || j == i {
			continue
		}
		city := false
		for _, m := range ms {
			if m.First <= j && j <= m.Last && m.Method == actor.ByCapital {
				city = true
			}
		}
		top := j
		for k := 0; k < 50 && top >= 0 && s.Tokens[top].Head-1 != i; k++ {
			top = s.Tokens[top].Head - 1
		}
		if !city || top < 0 || !hasCaseWord(s, top, "in") && !hasCaseWord(s, top, "at") {
			return false
		}
		found = true
	}
	return found
}

// under reports whether word j lies in the subtree of word i.
func under(s *ud.Sentence, j, i int) bool {
	for k := 0; k < 50 && j >= 0; k++ {
		if j == i {
			return true
		}
		j = s.Tokens[j].Head - 1
	}
	return false
}

// groupRefs adds the mentions of the group phrases, pronouns and
// counterparts of sentence s, and remembers its parties and persons.
func (r *Resolver) groupRefs(g *storyGroups, s *ud.Sentence, ms []actor.Mention, covered []bool, speaker actor.Mention, hasSpeaker bool) []actor.Mention {
	var out []actor.Mention
	inQuote := quoted(s)
	var (
		sentGroup []party // the parties the sentence's first group phrase took up
		sentHub   = -1
		sentWhy   string
		sentID    int
	)
	addGroup := func(first, last, i int, noun string) {
		ps, hub, why, id := sentGroup, sentHub, sentWhy, sentID
		if w := strings.ToLower(s.Tokens[first].Form); w == "those" || w == "these" {
			// "Serbia's borders with Hungary, Croatia and Romania,
			// which those states …": the list just named
			if l := r.lastList(s, ms, first); len(l) >= 2 {
				g.nextID++
				ps, hub, why, id = l, -1, "the list named before it", g.nextID
			}
		}
		if len(ps) > 2 && (two(s, first, i) || noun == "side") && appealed(s, i) {
			// "the four mediating countries would keep pressing both
			// sides": the sides are two others, not the ones pressing
			outs := map[string]bool{}
			for _, p := range ps {
				outs[p.key] = true
			}
			if two := g.sidesBut(outs); two != nil {
				g.nextID++
				ps, hub, why, id = two, -1, "the story's two sides but those who address them", g.nextID
			} else {
				return
			}
		}
		if ps != nil && countryNouns[noun] {
			// "the presidents … the two countries": the countries of
			// the group the sentence took up
			if cs, ch := r.countriesOnly(ps, hub); len(cs) >= 2 && len(cs) < len(ps) {
				g.nextID++
				ps, hub, why, id = cs, ch, why+", countries only", g.nextID
			}
		}
		if ps == nil {
			ps, hub, why = r.currentFor(g, s, ms, first, i, noun)
			if countryNouns[noun] || stateGroupNouns[noun] {
				// "the two countries", "both nations": countries only,
				// from the sentence, the last sentence with two, or the
				// story's most prominent
				ps, hub = r.countriesOnly(ps, hub)
				if len(ps) < 2 && g.sent-g.at <= 4 {
					ps, hub = r.countriesOnly(g.parties, g.hub)
					why = fmt.Sprintf("countries named in sentence %d", g.at)
				}
				if len(ps) < 2 {
					ps, hub, why = g.topCountries(r, 2), -1, "the story's two most prominent countries"
				}
			}
			if n := numberFrom(s, first); n > 2 && len(ps) != n {
				// a counted group is as many as it counts: the last
				// list of that many ("the four mediating countries"
				// after "proposed by A, B, C and D"), else none ("the
				// 27 member states" are not the two countries named
				// before them)
				ps, hub, why = nil, -1, ""
				if l, ok := g.lists[n]; ok && g.sent-l.sent <= 6 {
					ps, why = l.ps, fmt.Sprintf("the list of %d named in sentence %d", n, l.sent)
				} else if countryNouns[noun] && n <= 5 {
					// "the three countries" of a story that named
					// exactly three, in no one list
					if top := g.topCountries(r, n+1); len(top) == n {
						ps, why = top, fmt.Sprintf("the story's %d countries", n)
					}
				}
				if ps == nil && n <= 5 && groupNouns[noun] && g.sent-g.at <= 4 {
					// "Turkey's vice president joined the talks by
					// video link, and the three sides agreed …": the
					// parties the sentence names before it with the
					// story's last ones, when they make as many (round 13)
					if sp, _ := r.partiesOf(s, ms, first); len(sp) > 0 {
						if u := unionParties(sp, g.parties); len(u) == n {
							ps, why = u, fmt.Sprintf("named before it in the sentence, with the parties named in sentence %d", g.at)
						}
					}
				}
			}
			if len(ps) < 2 {
				return
			}
			// "the two leaders", "both sides": two parties; of a larger
			// group, the story's main pair when it is in it, else the
			// host and the first guest.
			// "the sides" (not "all sides") are two as well
			sides := noun == "side" && !strings.EqualFold(s.Tokens[first].Form, "all") && numberFrom(s, first) == 0 // not "the three sides"
			if (two(s, first, i) || sides) && len(ps) > 2 && hub < 0 {
				// (with a hub the two sides are the host and the group)
				if strings.HasPrefix(why, "named before it in the sentence") {
					// the two named last: "Turkey urges Armenia and
					// Azerbaijan … between the two countries"
					ps, hub, why = ps[len(ps)-2:], -1, why+", the last two"
				} else {
					ps, hub, why = r.pickTwo(g, ps, hub), -1, why+", two of them"
				}
			}
			g.nextID++
			id = g.nextID
			sentGroup, sentHub, sentWhy, sentID = ps, hub, why, id
		}
		for k, p := range ps {
			code := p.m.Code
			if govGroupNouns[noun] && len(code) == 3 && (r.IsRegion == nil || !r.IsRegion(code)) && r.partyKey(code) == code[:3] {
				code += "GOV"
			}
			m := derived(s, first, last, code, ByGroup, 0.55, fmt.Sprintf("%q → %s, %s", strings.ToLower(s.Tokens[i].Form), p.key, why))
			m.Group, m.Hub = id, k == hub
			out = append(out, m)
		}
	}
	// A transcript's turn: "President of Chile Ana Soto: Mr
	// Duarte, …" — the speaker holds the floor until the next one,
	// and the person named after the colon is addressed.
	label := -1
	for _, m := range ms {
		if !m.Person || m.First < 0 || m.Last+1 >= len(s.Tokens) || s.Tokens[m.Last+1].Form != ":" || !onlyPunctBefore(s, m.First) {
			continue
		}
		label = m.Last + 1
		g.turn, g.inTurn, g.hasAddressee = m, true, false
		for _, a := range ms {
			if a.Person && a.First > label && r.partyKey(a.Code) != r.partyKey(m.Code) {
				g.addressee, g.hasAddressee = a, true
				break
			}
		}
		break
	}
	// What the sentence itself says of a meeting of many counts for its
	// own group phrases ("A, B and C attended the meeting").
	if attends(s) {
		if ps, hub := r.partiesOf(s, ms, len(s.Tokens)); len(ps) >= 2 {
			r.noteMeeting(g, ps, hub, r.listedParties(s, ms))
		}
	}
	// A forum that meets a partner with a group ("the China + Central Asia
	// meeting", "the C5+1 summit") names its parties: the partner as host
	// and the group (or the members the story names) as guests.
	if r.FormatParties != nil {
		for k := range ms {
			m := ms[k]
			ps := r.FormatParties(m.Code)
			if len(ps) < 2 || m.First < 0 {
				continue
			}
			// the forum stands for its parties from now on: it is no
			// party of its own
			ms[k].Code, ms[k].Why = "", m.Why+"; a forum: its parties stand for it"
			mt := r.meetingOf(g, ps)
			if g.sent > 0 && genericSubject(s, m) {
				// "The C5+1 fosters dialogue among …": what a format
				// does as a rule, not an act of its parties (a headline's
				// present tense tells of an event, and is kept)
				continue
			}
			g.nextID++
			for k, p := range append([]party{mt.hub}, mt.members...) {
				d := derived(s, m.First, m.Last, p.m.Code, ByGroup, 0.6, m.Code+" → "+p.key)
				d.Group, d.Hub = g.nextID, k == 0
				out = append(out, d)
			}
		}
	}
	// "warned Kyiv's allies": the recognizer reads a possessor with
	// "allies" as the possessor (as "its Chinese ally" is China), but the
	// possessor's allies are others, the friends the story named
	for k := range ms {
		m := ms[k]
		h := headWord(s, m)
		if m.Code == "" || m.First < 0 || h < 0 || h != m.Last || !allyNouns[lemma(s.Tokens[h])] {
			continue
		}
		if ps, ok := r.alliesOf(g, s, ms, covered, h); ok {
			ms[k].Code, ms[k].Why = "", m.Why+"; the possessor's allies are others"
			g.nextID++
			for _, p := range ps {
				d := derived(s, h, h, p.m.Code, ByGroup, 0.5, fmt.Sprintf("%q → %s, of the story's last list", strings.ToLower(s.Tokens[h].Form), p.key))
				d.Group = g.nextID
				out = append(out, d)
			}
		}
	}
	for i, t := range s.Tokens {
		if covered[i] {
			continue
		}
		low := strings.ToLower(t.Form)
		if g.inTurn && i > label && !inQuote[i] {
			switch low {
			case "i", "me", "my", "we", "us", "our", "ours":
				if low == "our" && i+1 < len(s.Tokens) && groupNouns[lemma(s.Tokens[i+1])] && strings.HasSuffix(strings.ToLower(s.Tokens[i+1].Form), "s") {
					break // "our countries": a group, below
				}
				out = append(out, derived(s, i, i, g.turn.Code, ByTurn, 0.6, "turn of "+g.turn.Name))
				continue
			case "you", "your", "yours":
				if ms := r.hostsGuests(g, g.turn, s, i); ms != nil {
					out = append(out, ms...)
				} else if g.hasAddressee {
					out = append(out, derived(s, i, i, g.addressee.Code, ByAddressee, 0.55, "addressed in the turn of "+g.turn.Name+": "+g.addressee.Name))
				} else if p, ok := r.other(g, s, ms, i, g.turn.Code); ok {
					out = append(out, derived(s, i, i, p.m.Code, ByAddressee, 0.5, "“"+t.Form+"” → the partner of "+g.turn.Name))
				}
				continue
			}
		}
		// a person's first or last name standing alone, which the
		// tagger may take for a noun at a sentence's head ("Wang said")
		if t.UPOS == ud.PROPN || t.UPOS == ud.NOUN && capitalised(t.Form) {
			if p, ok := g.short[low]; ok {
				m := derived(s, i, i, p.Code, ByShortName, 0.7, t.Form+" → "+p.Name)
				m.Person, m.Role, m.ActorID = true, p.Role, p.ActorID
				out = append(out, m)
				continue
			}
		}
		if first, p, ok := orgRef(g, s, covered, i); ok {
			out = append(out, derived(s, first, i, p.Code, ByTitleRef, 0.6, "the "+strings.ToLower(t.Form)+" → "+p.Name))
			continue
		}
		if first, p, ok := r.titleRef(g, s, covered, i); ok {
			m := derived(s, first, i, p.Code, ByTitleRef, 0.6, "the "+strings.ToLower(t.Form)+" → "+p.Name)
			m.Person, m.Role, m.ActorID = true, p.Role, p.ActorID
			out = append(out, m)
			continue
		}
		// "their own allegations", "his own initiative": the owner is the
		// clause's subject
		if possessives[low] && i+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[i+1].Form, "own") && !inQuote[i] {
			if m, ok := clauseSubjectOf(s, ms, i); ok {
				out = append(out, derived(s, i, i, m.Code, ByPronoun, 0.6, t.Form+" own → the subject "+m.Name))
				continue
			}
		}
		// "met his counterparts from the Gulf states", "his colleagues
		// of Kenya and Egypt": the owner of a counterpart whose phrase
		// names the other side is not a party to the phrase
		if possessives[low] && low != "its" && t.Head > 0 && strings.HasSuffix(t.Rel, "poss") &&
			(lemma(s.Tokens[t.Head-1]) == "counterpart" || lemma(s.Tokens[t.Head-1]) == "colleague") &&
			hasActorBelow(s, covered, t.Head-1) {
			continue
		}
		var owner actor.Mention
		if possessives[low] && !inQuote[i] {
			owner, _ = objectOwner(s, ms, i)
		}
		var allies []party
		isAllies := false
		if allyNouns[lemma(t)] && !inQuote[i] {
			allies, isAllies = r.alliesOf(g, s, ms, covered, i)
		}
		rep, hasRep := actor.Mention{}, false
		var addressed actor.Mention // "… and urged it to stop": the reported clause's party
		if low == "it" && !inQuote[i] {
			addressed = reportedThenAddressed(s, ms, i)
		}
		var reps []actor.Mention
		if low == "they" && !inQuote[i] && strings.HasPrefix(t.Rel, "nsubj") {
			rep, hasRep = reporterOf(s, ms, i)
			if hasRep {
				reps = coordinatedWith(s, ms, rep)
			}
			if hasRep && len(reps) < 2 {
				h := s.Tokens[headWord(s, rep)]
				// a plural head, or a name that is one ("the Houthis")
				hasRep = !rep.Person && (plural(h) || h.UPOS == ud.PROPN && strings.HasSuffix(h.Form, "s"))
			}
		}
		switch {
		case len(reps) >= 2:
			// "Lithuania and Estonia said they would impose bans": the
			// coordinated reporting subjects, every one of them
			for _, m := range reps {
				out = append(out, derived(s, i, i, m.Code, ByPronoun, 0.55, t.Form+" → the reporting subjects, "+m.Name))
			}
		case hasRep:
			// "the Houthis said they had launched drones": what a
			// body says it did, it did (as "it" of a ministry)
			out = append(out, derived(s, i, i, rep.Code, ByPronoun, 0.55, t.Form+" → the reporting subject "+rep.Name))
		case low == "they" && !inQuote[i] && strings.HasPrefix(t.Rel, "nsubj") && sentGroup == nil &&
			g.subjGroupAt == g.sent-1 && g.sent > 0 && len(g.subjGroup) >= 2 && !namedBefore(ms, i):
			// "The two leaders agreed … They also resolved …": the last
			// sentence's subject
			g.nextID++
			sentGroup, sentHub, sentWhy, sentID = g.subjGroup, g.subjHub, "the subject of the last sentence", g.nextID
			addGroup(i, i, i, "")
		case (low == "they" || low == "them" || low == "their") && !inQuote[i] && sentGroup == nil && len(lastPlural(s, ms, i)) > 0:
			// "Trump hosted the five Central Asian leaders, months
			// after they held summits with Xi and Putin": the plural
			// phrase just before it
			for _, m := range lastPlural(s, ms, i) {
				out = append(out, derived(s, i, i, m.Code, ByPronoun, 0.55, t.Form+" → the plural "+m.Name))
			}
		case (low == "they" || low == "them" || low == "their") && !inQuote[i]:
			addGroup(i, i, i, "")
		case low == "both" && (strings.HasPrefix(t.Rel, "nsubj") || t.Rel == "root") && !inQuote[i]:
			addGroup(i, i, i, "")
		case t.UPOS == ud.NUM && smallNumbers[low] >= 2 && i > 0 && strings.EqualFold(s.Tokens[i-1].Form, "the") &&
			t.Rel != "nummod" && (strings.HasPrefix(t.Rel, "nsubj") || t.Rel == "obj" || hasCaseBetween(s, i)) && !inQuote[i]:
			// a number standing for its group: "… met his Kyrgyz
			// counterpart, and the two signed …", "talks between the two"
			addGroup(i-1, i, i, "")
		case low == "our" && inQuote[i] && hasSpeaker && i+1 < len(s.Tokens) && groupNouns[lemma(s.Tokens[i+1])] &&
			strings.HasSuffix(strings.ToLower(s.Tokens[i+1].Form), "s"):
			// "our two countries", "our nations": the speaker and partner
			addGroup(i, i+1, i+1, lemma(s.Tokens[i+1]))
		case (low == "you" || low == "your") && inQuote[i] && hasSpeaker:
			if gs := r.hostsGuests(g, speaker, s, i); gs != nil {
				out = append(out, gs...)
			} else if p, ok := r.other(g, s, ms, i, speaker.Code); ok {
				out = append(out, derived(s, i, i, p.m.Code, ByAddressee, 0.5, "“"+t.Form+"” → the partner of speaker "+speaker.Name))
			}
		case low == "it" && strings.HasPrefix(t.Rel, "nsubj") && !inQuote[i]:
			// "The ministry said that it had summoned the ambassador":
			// what a body says it did, it did
			if m, ok := reporterOf(s, ms, i); ok && !m.Person {
				out = append(out, derived(s, i, i, m.Code, ByPronoun, 0.55, t.Form+" → the reporting subject "+m.Name))
			} else if onlyPunctBefore(s, i) && g.hasBody && g.bodyAt == g.sent-1 && t.Head > 0 && !expletiveIt(s, t.Head-1) {
				// "Chad's Foreign Ministry rejected the accusation …
				// It called on Khartoum to …": the last sentence's
				// subject
				out = append(out, derived(s, i, i, g.body.Code, ByPronoun, 0.5, t.Form+" → the last sentence's subject "+g.body.Name))
			}
		case addressed.Code != "":
			// "said Tokyo was stirring up tension and urged it to
			// stop": the party the reported clause named
			out = append(out, derived(s, i, i, addressed.Code, ByPronoun, 0.5, t.Form+" → the subject of the reported clause "+addressed.Name))
		case low == "it" && t.Rel == "obj" && !inQuote[i] && reportedParty(s, ms, i):
			// "Georgia said Russia had accused it of provoking the
			// clashes": the one another party accuses, blames or
			// threatens in what a body reports is the body
			m, _ := reporterOf(s, ms, i)
			out = append(out, derived(s, i, i, m.Code, ByPronoun, 0.5, t.Form+" → the reporting subject "+m.Name))
		case owner.Code != "":
			// "thanked the Chinese leader for his support", "praised
			// Qatar for its mediation": the one thanked
			out = append(out, derived(s, i, i, owner.Code, ByPronoun, 0.55, t.Form+" → the object "+owner.Name))
		case (low == "he" || low == "him" || low == "his" || low == "she" || low == "her") && !inQuote[i]:
			// with the names this sentence resolved so far ("Soto
			// thanked his host": Soto named alone before)
			all := append(ms[:len(ms):len(ms)], out...)
			if p, ok := r.lastPersonBut(g, s, all, i, r.boundSubject(g, s, all, i)...); ok {
				out = append(out, derived(s, i, i, p.Code, ByPronoun, 0.55, t.Form+" → "+p.Name))
			}
		case (low == "he" || low == "she") && strings.HasPrefix(t.Rel, "nsubj"):
			// in a quotation, a third person is never its speaker ("He
			// urges both sides to …", a spokesman of his principal)
			not := r.boundSubject(g, s, ms, i)
			if hasSpeaker {
				not = append(not, speaker.Name)
			}
			if g.speaker != "" && g.sent-g.speakerAt <= 1 {
				not = append(not, g.speaker)
			}
			if p, ok := r.lastPersonBut(g, s, ms, i, not...); ok {
				out = append(out, derived(s, i, i, p.Code, ByPronoun, 0.5, t.Form+" in a quotation → "+p.Name))
			}
		case lemma(t) == "mediator" && plural(t) && len(g.mediatorMs) >= 2 && !hasActorBelow(s, covered, i) && mediatorsFirst(s, i, len(g.mediatorMs)) >= 0:
			// "thanked the two mediators", "the mediators' efforts":
			// every mediator the story named
			first := mediatorsFirst(s, i, len(g.mediatorMs))
			for _, k := range slices.Sorted(maps.Keys(g.mediatorMs)) {
				md := g.mediatorMs[k]
				out = append(out, derived(s, first, i, md.Code, ByCounterpart, 0.55, "the story's mediators → "+md.Name))
			}
		case lemma(t) == "mediator" && g.hasMediator && i > 0 && strings.EqualFold(s.Tokens[i-1].Form, "the") && !hasActorBelow(s, covered, i):
			// "praised the mediator's patience": the story's mediator
			m := derived(s, i-1, i, g.mediator.Code, ByCounterpart, 0.55, "the story's mediator → "+g.mediator.Name)
			m.Person, m.ActorID = g.mediator.Person && !plural(t), g.mediator.ActorID
			out = append(out, m)
		case pairNouns[lemma(t)] && !((lemma(t) == "counterpart" || lemma(t) == "colleague") && strings.HasSuffix(low, "s")):
			// "his counterpart", "his guest", "her hosts":
			// the other side of the pair from the owner
			if i == 0 {
				continue
			}
			owner := ""
			if pw := strings.ToLower(s.Tokens[i-1].Form); (pw == "his" || pw == "her") && g.hasVisit && (lemma(t) == "host" || lemma(t) == "guest" || lemma(t) == "visitor") {
				// "His host said …", "her guest": in a story of a
				// visit, the visit's host or guest, whoever "his" is
				who, role := g.guest, "guest"
				if lemma(t) == "host" {
					who, role = g.host, "host"
				}
				m := derived(s, i-1, i, who.Code, ByCounterpart, 0.55, pw+" "+role+" → the "+role+" of the story's visit, "+who.Name)
				m.Person, m.ActorID = who.Person && !plural(t), who.ActorID
				out = append(out, m)
				continue
			}
			if pw := strings.ToLower(s.Tokens[i-1].Form); pw == "his" || pw == "her" {
				if p, ok := r.lastPerson(g, s, append(ms[:len(ms):len(ms)], out...), i-1); ok {
					owner = p.Code
				}
			}
			if owner == "" {
				// "the guest", "the hosts": the last visit's
				if g.hasVisit && strings.EqualFold(s.Tokens[i-1].Form, "the") {
					who, role := g.guest, "guest"
					if lemma(t) == "host" {
						who, role = g.host, "host"
					}
					if role == "guest" && plural(t) && len(g.guests) > 1 {
						// "The visitors promised …": all the guests
						out = append(out, r.guestsRef(g, s, i-1, i, "")...)
					} else if lemma(t) != "counterpart" && lemma(t) != "colleague" {
						m := derived(s, i-1, i, who.Code, ByCounterpart, 0.55, "the "+role+" of the story's visit → "+who.Name)
						m.Person, m.ActorID = who.Person && !plural(t), who.ActorID
						out = append(out, m)
					}
				}
				continue
			}
			if p, ok := r.other(g, s, ms, i, owner); ok {
				out = append(out, derived(s, i-1, i, p.m.Code, ByCounterpart, 0.55, "counterpart of "+owner+" → "+p.key))
			}
		case isAllies:
			// "accused Chisinau and its partners", "warned Kyiv's
			// allies": the friends the story named, not the sentence's
			// own parties
			g.nextID++
			for _, p := range allies {
				m := derived(s, i, i, p.m.Code, ByGroup, 0.5, fmt.Sprintf("%q → %s, of the story's last list", strings.ToLower(t.Form), p.key))
				m.Group = g.nextID
				out = append(out, m)
			}
		case !inQuote[i] && (lemma(t) == "donor" || lemma(t) == "lender") && plural(t) && len(g.donors) >= 2 && i > 0 &&
			strings.EqualFold(s.Tokens[i-1].Form, "the") && !hasActorBelow(s, covered, i):
			// "thanked the donors": every party the story has give aid
			// or money, but the one who thanks
			g.nextID++
			for _, d := range g.donors {
				if r.addressedByParty(s, ms, r.partyKey(d.Code), i) {
					continue
				}
				m := derived(s, i-1, i, d.Code, ByGroup, 0.5, "the "+low+" → "+d.Name+", who gave aid in the story")
				m.Group = g.nextID
				out = append(out, m)
			}
		case !inQuote[i] && g.hasVisit && len(g.guests) > 0 && i > 1 && strings.EqualFold(s.Tokens[i-1].Form, "visiting") &&
			strings.EqualFold(s.Tokens[i-2].Form, "the") && !hasActorBelow(s, covered, i):
			// "met the visiting delegation", "the visiting ministers":
			// every guest of the story's visit
			out = append(out, r.guestsRef(g, s, i-2, i, lemma(t))...)
		default:
			if first, ok := groupPhrase(s, i); ok && (!hasActorBelow(s, covered, i) || onlyCityBelow(s, ms, covered, i)) {
				addGroup(first, i, i, lemma(t))
			} else if g.meeting != nil && docNouns[lemma(t)] && !hasActorBelow(s, covered, i) && ofMeeting(s, i) {
				// "a declaration issued after the summit", "the final
				// communiqué of the meeting": the meeting's parties'
				addGroup(firstOfPhrase(s, i), i, i, "meeting")
			} else if g.meeting != nil && meetingEvents[lemma(t)] && definite(s, i) && !hasActorBelow(s, covered, i) &&
				(strings.HasPrefix(t.Rel, "nsubj") || (t.Rel == "obj" || t.Rel == "nsubj:pass") && t.Head > 0 && attendVerbs[lemma(s.Tokens[t.Head-1])]) {
				addGroup(firstOfPhrase(s, i), i, i, lemma(t))
			}
		}
	}
	// Who a clause may leave unsaid: the speaker of a turn ("Thank you
	// for coming") and the story's parties ("the agreement was signed").
	whole := func(code string, how actor.Method, why string) actor.Mention {
		return actor.Mention{First: -1, Last: -1, Span: s.Span, Code: code, Method: how, Confidence: 0.5, Why: why, Name: code}
	}
	if g.inTurn && label < 0 {
		sp := whole(g.turn.Code, actor.ImplicitSpeaker, "turn of "+g.turn.Name)
		// where the speaker was named: the turn's label
		sp.Span, sp.Name, sp.ActorID, sp.Person = g.turn.Span, g.turn.Name, g.turn.ActorID, true
		out = append(out, sp)
	}
	if ps, hub, why := r.current(g, s, nil, 0); len(ps) == 2 || len(ps) > 2 && hub >= 0 {
		g.nextID++
		for k, p := range ps {
			m := whole(p.m.Code, actor.ImplicitParties, "the story's parties, "+why)
			m.Group, m.Hub = g.nextID, k == hub
			out = append(out, m)
		}
	}
	return out
}

// subjectParties returns the parties named in the subject of s's main
// verb, with the index of their hub, when there are two or more; the third
// result is 0, or -1 when there are fewer (so that the caller's sentence
// number plus it is never the last sentence).
func (r *Resolver) subjectParties(s *ud.Sentence, ms []actor.Mention) ([]party, int, int) {
	subj := rootSubject(s)
	if subj < 0 {
		return nil, -1, -1
	}
	var ps []party
	hub := -1
	for _, m := range ms {
		if m.Code == "" || m.First < 0 || !under(s, m.First, subj) || strings.HasSuffix(m.Code, "MED") {
			continue
		}
		k := r.partyKey(m.Code)
		if k == "" || r.IsForum != nil && r.IsForum(m.Code) {
			continue
		}
		dup := false
		for _, p := range ps {
			dup = dup || p.key == k
		}
		if dup {
			continue
		}
		if m.Hub {
			hub = len(ps)
		}
		ps = append(ps, party{k, m})
	}
	if len(ps) < 2 {
		return nil, -1, -1
	}
	return ps, hub, 0
}

// guestVerbs make their subject one participant of a meeting others
// attend too (not its host or chair).
var guestVerbs = set("attend", "join", "participate")

// Attended reports whether the noun at i is what its head verb's subject
// attends as one guest among others ("attended the summit",
// "participated in the forum"): "X and Y attended the summit" does not say
// they met, and the summit is not the two of them. The coder and the group
// resolver share it.
func Attended(s *ud.Sentence, i int) bool {
	t := s.Tokens[i]
	if t.Head == 0 {
		return false
	}
	r := ud.BaseRel(t.Rel)
	return guestVerbs[lemma(s.Tokens[t.Head-1])] && (r == "obj" || r == "obl" && hasCaseWord(s, i, "in"))
}

// mediateVerbs name mediating: their agent stands between the parties
// ("talks mediated by the Arab League", "a truce co-mediated by
// Kenya", "the US-brokered agreement").
var mediateVerbs = set("mediate", "co-mediate", "comediate", "broker", "co-broker", "facilitate", "co-facilitate", "shuttle")

// Mediates reports whether lemma is a verb of mediating, whose agent
// stands between the parties of what the verb modifies. The coder and
// the group resolver share the list.
func Mediates(lemma string) bool { return mediateVerbs[lemma] }

// mediatorAgent reports whether m is the agent of a verb of mediating
// ("talks mediated by the Arab League").
func mediatorAgent(s *ud.Sentence, m actor.Mention) bool {
	h := headWord(s, m)
	if h < 0 || !byAgent(s, m) {
		return false
	}
	for j, n := s.Tokens[h].Head-1, 0; j >= 0 && n < 3; j, n = s.Tokens[j].Head-1, n+1 {
		if mediateVerbs[lemma(s.Tokens[j])] {
			return true
		}
	}
	return false
}

// mediatedBy reports whether the phrase at word i is in what a verb of
// mediating brokers ("a truce between the two neighbours") and mention m
// that verb's subject, directly or through a relative clause on it
// ("Qatar and Turkey, which brokered a truce between the two
// neighbours"): who mediates is no side.
func mediatedBy(s *ud.Sentence, m actor.Mention, i int) bool {
	v := -1
	for j, n := i, 0; j >= 0 && n < 4; j, n = s.Tokens[j].Head-1, n+1 {
		if h := s.Tokens[j].Head - 1; h >= 0 && s.Tokens[h].UPOS == ud.VERB && mediateVerbs[lemma(s.Tokens[h])] {
			v = h
			break
		}
	}
	h := headWord(s, m)
	if v < 0 || h < 0 {
		return false
	}
	for k := h; k >= 0; k = s.Tokens[k].Head - 1 {
		if t := s.Tokens[v]; t.Rel == "acl:relcl" && t.Head-1 == k {
			return true // the relative clause on the mediator or its first conjunct
		}
		if s.Tokens[k].Rel != "conj" {
			return strings.HasPrefix(s.Tokens[k].Rel, "nsubj") && s.Tokens[k].Head-1 == v
		}
	}
	return false
}

// mediatorSubject reports whether m is the subject of a verb of mediating,
// or of one whose complement mediates ("Brazil offered to mediate").
func mediatorSubject(s *ud.Sentence, m actor.Mention) bool {
	h := headWord(s, m)
	if h < 0 {
		return false
	}
	for h >= 0 && s.Tokens[h].Rel == "conj" { // "A and B offered …"
		h = s.Tokens[h].Head - 1
	}
	if h >= 0 && (s.Tokens[h].Rel == "compound" || s.Tokens[h].Rel == "amod") && s.Tokens[h].Head > 0 {
		h = s.Tokens[h].Head - 1 // "an EU envoy", "a Turkish envoy": the envoy's body
	}
	if h < 0 || s.Tokens[h].Head == 0 {
		return false
	}
	v := s.Tokens[h].Head - 1
	if s.Tokens[h].Rel != "nsubj" && WithSubject(s, v) != h {
		return false
	}
	if mediateVerbs[lemma(s.Tokens[v])] {
		return true
	}
	for _, t := range s.Tokens {
		if t.Head == v+1 && t.Rel == "xcomp" && mediateVerbs[lemma(t)] {
			return true
		}
	}
	return false
}

// WithSubject returns the word that is the subject of an absolute "with"
// clause the parser read as an oblique of its verb v ("…, with an EU envoy
// shuttling between the two delegations": the envoy shuttles), or -1.
func WithSubject(s *ud.Sentence, v int) int {
	t := s.Tokens[v]
	if t.UPOS != ud.VERB || t.XPOS != "VBG" || ud.BaseRel(t.Rel) != "advcl" {
		return -1
	}
	for j := v - 1; j >= 0; j-- {
		c := s.Tokens[j]
		if c.Head != v+1 {
			continue
		}
		if strings.HasPrefix(c.Rel, "nsubj") {
			return -1
		}
		if ud.BaseRel(c.Rel) == "obl" && (c.UPOS == ud.NOUN || c.UPOS == ud.PROPN) {
			for k := j - 1; k >= 0 && k >= j-4; k-- {
				if s.Tokens[k].Head == j+1 && s.Tokens[k].Rel == "case" && strings.EqualFold(s.Tokens[k].Form, "with") {
					return j
				}
			}
		}
	}
	return -1
}

// byAgent reports whether mention m is the agent of a passive ("brokered
// by the OSCE"), or owns it ("by the OSCE's Minsk Group").
func byAgent(s *ud.Sentence, m actor.Mention) bool {
	for k := max(m.First, 0); k <= m.Last && k < len(s.Tokens); k++ {
		for j, n := k, 0; j >= 0 && n < 3; j, n = s.Tokens[j].Head-1, n+1 {
			t := s.Tokens[j]
			if t.Rel == "obl:agent" {
				return true
			}
			if t.Rel == "obl" && t.Head > 0 && s.Tokens[t.Head-1].XPOS == "VBN" {
				for _, c := range s.Tokens {
					if c.Head-1 == j && c.Rel == "case" && strings.EqualFold(c.Form, "by") {
						return true
					}
				}
			}
		}
	}
	return false
}

// reporting reports whether mention m is in the subject of a verb whose
// clausal complement holds word i: "Norway's ministry said [both sides
// agreed to …]".
func reporting(s *ud.Sentence, m actor.Mention, i int) bool {
	if m.First < 0 {
		return false
	}
	for j, n := m.First, 0; j >= 0 && n < 6; j, n = s.Tokens[j].Head-1, n+1 {
		if !strings.HasPrefix(s.Tokens[j].Rel, "nsubj") {
			continue
		}
		v := s.Tokens[j].Head - 1
		if v < 0 {
			return false
		}
		for c, t := range s.Tokens {
			if t.Head-1 == v && t.Rel == "ccomp" && under(s, i, c) {
				return true
			}
		}
		return false
	}
	return false
}

// metWith reports whether the second party of two named before word i
// is named as whom the first (or the second) met, talked or spoke with
// in the sentence: "after talks with his Uzbek counterpart", "met the
// Saudi crown prince", "spoke with the Iranian president". Its head hangs on
// a word of meeting, with "with" or as its object, outside the clause of
// word i.
func metWith(s *ud.Sentence, ps []party, i int) bool {
	for _, p := range ps {
		h := headWord(s, p.m)
		if h < 0 || under(s, i, h) {
			continue
		}
		v := s.Tokens[h].Head - 1
		if v < 0 || under(s, i, v) {
			continue
		}
		l, r := lemma(s.Tokens[v]), ud.BaseRel(s.Tokens[h].Rel)
		switch {
		case meetingEvents[l] || l == "call" || l == "conversation":
			if hasCaseWord(s, h, "with") {
				return true
			}
		case l == "meet" || l == "receive" || l == "host" || l == "visit":
			if r == "obj" || hasCaseWord(s, h, "with") {
				return true
			}
		case l == "talk" || l == "speak" || l == "confer":
			if hasCaseWord(s, h, "with") {
				return true
			}
		}
	}
	return false
}

// projectNouns name works a group's name may name: "the TAPI pipeline",
// "the CASA-1000 line".
var projectNouns = set("pipeline", "railway", "railroad", "road", "highway", "corridor", "project", "line", "route",
	"canal", "dam", "plant", "cable", "link", "programme", "program")

// projectName reports whether mention m modifies a noun of a work ("the
// TAPI gas pipeline") rather than naming a party.
func projectName(s *ud.Sentence, m actor.Mention) bool {
	h := headWord(s, m)
	if h < 0 {
		return false
	}
	if projectNouns[lemma(s.Tokens[h])] || m.Last < len(s.Tokens) && projectNouns[lemma(s.Tokens[m.Last])] {
		return true // the name holds the work: "the TAPI gas pipeline"
	}
	r := ud.BaseRel(s.Tokens[h].Rel)
	return s.Tokens[h].Head > 0 && (r == "compound" || r == "amod") && projectNouns[lemma(s.Tokens[s.Tokens[h].Head-1])]
}

// visited reports whether mention m (a capital or a country) is where a
// visit goes: the object of a verb of visiting ("visited Manila"), or the
// place a visitor arrives in or travels to ("arrived in Egypt", "flew to
// Baku", "a visit to Hanoi"). It names the host, a party of "the two
// countries" that follows.
func visited(s *ud.Sentence, m actor.Mention) bool {
	h := headWord(s, m)
	if h < 0 || s.Tokens[h].Head == 0 {
		return false
	}
	v := s.Tokens[s.Tokens[h].Head-1]
	if s.Tokens[h].Rel == "obj" {
		return v.UPOS == ud.VERB && (lemma(v) == "visit" || lemma(v) == "tour")
	}
	// where a visitor arrives or travels ("arrived in Egypt", "flew to
	// Baku", "a visit to Hanoi"): the host, a party of the visit
	prep := ""
	for _, t := range s.Tokens {
		if t.Head-1 == h && t.Rel == "case" {
			prep = strings.ToLower(t.Form)
		}
	}
	switch {
	case v.UPOS == ud.VERB && ud.BaseRel(s.Tokens[h].Rel) == "obl":
		return prep == "in" && (lemma(v) == "arrive" || lemma(v) == "land") ||
			prep == "to" && travelVerbs[lemma(v)]
	case v.UPOS == ud.NOUN && ud.BaseRel(s.Tokens[h].Rel) == "nmod":
		return prep == "to" && (lemma(v) == "visit" || lemma(v) == "trip" || lemma(v) == "tour")
	}
	return false
}

// travelVerbs are verbs of a visitor's travel whose "to" phrase is the
// host: "flew to Baku", "travelled to Hanoi".
var travelVerbs = set("travel", "fly", "go", "come", "head", "arrive", "return", "journey")

// without returns ps without party key ("" keeps them all).
func without(ps []party, key string) []party {
	if key == "" {
		return ps
	}
	out := ps[:0:0]
	for _, p := range ps {
		if p.key != key {
			out = append(out, p)
		}
	}
	return out
}

// addressedBy reports whether mention m is the subject of a verb that word
// i depends on through its object or an oblique ("the UN urged both sides
// to …", "Dacic called on the parties"): the group is whom m addresses.
// addressedByParty is addressedBy for any mention of the party key
// before word i: "French President Macron, who said Paris would cut
// aid to both nations" names the party twice.
func (r *Resolver) addressedByParty(s *ud.Sentence, ms []actor.Mention, key string, i int) bool {
	for _, m := range ms {
		if m.First >= 0 && m.First < i && m.Code != "" && r.partyKey(m.Code) == key && addressedBy(s, m, i) {
			return true
		}
	}
	return false
}

// expletiveIt reports whether the verb v whose subject is "it" makes an
// empty subject: a copula or a verb of seeming ("It is unclear …", "It
// remains to be seen …", "It took three days …").
func expletiveIt(s *ud.Sentence, v int) bool {
	switch lemma(s.Tokens[v]) {
	case "be", "seem", "appear", "remain", "take", "happen", "matter", "mean", "follow", "emerge", "come", "rain":
		return true
	}
	if s.Tokens[v].UPOS != ud.VERB {
		return true // "It is important": the head is the adjective
	}
	for _, t := range s.Tokens {
		if t.Head == v+1 && (t.Rel == "cop" || t.Rel == "csubj" || t.Rel == "aux:pass") {
			return true
		}
	}
	return false
}

// outsideVoices reports whether s only has third parties appeal to no one
// named ("Japan and the United States called for restraint"): its parties
// are no sides of a later "the two sides".
//
// So are the parties of a sentence that only has them react to what
// others did ("Russia and Kazakhstan welcomed the deal"): the act's
// parties stay the story's.
func outsideVoices(s *ud.Sentence, ms []actor.Mention) bool {
	r, subj := s.Root(), rootSubject(s)
	if r < 0 || subj < 0 || s.Tokens[r].UPOS != ud.VERB || !appealVerbs[lemma(s.Tokens[r])] && !reactVerbs[lemma(s.Tokens[r])] {
		return false
	}
	for _, m := range ms {
		if m.Code == "" || m.First < 0 || m.Method == ByAct {
			continue
		}
		if !under(s, m.First, subj) {
			return false // someone is addressed
		}
	}
	return true
}

// reactVerbs take a stand on an act: "welcomed the deal", "condemned the
// strike".
var reactVerbs = set("welcome", "hail", "praise", "applaud", "condemn", "denounce", "criticise", "criticize", "deplore",
	"regret", "endorse", "reject", "slam")

// appealVerbs address the ones they ask to act.
var appealVerbs = set("urge", "call", "ask", "appeal", "press", "tell", "warn", "invite", "encourage", "request")

// appealed reports whether word i lies in the object of a verb of appeal
// ("urged both sides to …", "called on both sides").
func appealed(s *ud.Sentence, i int) bool {
	for j, n := i, 0; j >= 0 && n < 4; j, n = s.Tokens[j].Head-1, n+1 {
		if h := s.Tokens[j].Head - 1; h >= 0 && s.Tokens[h].UPOS == ud.VERB && appealVerbs[lemma(s.Tokens[h])] {
			switch ud.BaseRel(s.Tokens[j].Rel) {
			case "obj", "iobj", "obl":
				return true
			}
			return false
		}
	}
	return false
}

func addressedBy(s *ud.Sentence, m actor.Mention, i int) bool {
	if m.First < 0 {
		return false
	}
	// a relative clause on m whose subject is its relative pronoun:
	// "Russia, which counts both countries as allies, …"
	if h := headWord(s, m); h >= 0 {
		for c, t := range s.Tokens {
			if t.Head-1 != h || t.Rel != "acl:relcl" {
				continue
			}
			for d, u := range s.Tokens {
				if u.Head-1 == c && strings.HasPrefix(u.Rel, "nsubj") && (u.XPOS == "WDT" || u.XPOS == "WP") && d < c {
					for j, n := i, 0; j >= 0 && n < 8; j, n = s.Tokens[j].Head-1, n+1 {
						if s.Tokens[j].Head-1 == c {
							switch ud.BaseRel(s.Tokens[j].Rel) {
							case "obj", "iobj", "obl":
								return true
							}
							break
						}
					}
				}
			}
		}
	}
	v := -1
	for j, n := m.First, 0; j >= 0 && n < 6; j, n = s.Tokens[j].Head-1, n+1 {
		if strings.HasPrefix(s.Tokens[j].Rel, "nsubj") {
			v = s.Tokens[j].Head - 1
			break
		}
	}
	if v < 0 {
		return false
	}
	// the head of the group phrase, then up to the verb or a conjunct
	// verb sharing its subject ("expressed concern and called on both
	// sides to …")
	for j, n := i, 0; j >= 0 && n < 8; j, n = s.Tokens[j].Head-1, n+1 {
		if h := s.Tokens[j].Head - 1; h == v || h >= 0 && conjOf(s, h, v) {
			switch ud.BaseRel(s.Tokens[j].Rel) {
			case "obj", "iobj", "obl":
				return true
			}
			return false
		}
		// the object of a verb whose subject is v's, left unsaid or a
		// pronoun ("voiced concern, saying it was ready to help the two
		// neighbours …"), or the ones it calls on ("offered to host talks
		// and called on both governments to …", round 11)
		if h := s.Tokens[j].Head - 1; h >= 0 && s.Tokens[h].UPOS == ud.VERB {
			switch ud.BaseRel(s.Tokens[j].Rel) {
			case "obj", "iobj":
				return sameSubjectUp(s, h, v)
			case "obl":
				if hasCaseWord(s, j, "on") || hasCaseWord(s, j, "upon") {
					return sameSubjectUp(s, h, v)
				}
			}
		}
	}
	return false
}

// sameSubjectUp reports whether verb h reaches verb v through clauses
// (xcomp, ccomp, advcl, conj) whose subjects are unsaid or pronouns: the
// subject of v is the subject of h.
func sameSubjectUp(s *ud.Sentence, h, v int) bool {
	for n := 0; n < 6 && h >= 0; n++ {
		if h == v {
			return true
		}
		for _, t := range s.Tokens {
			if t.Head-1 == h && strings.HasPrefix(t.Rel, "nsubj") && t.UPOS != ud.PRON {
				return false
			}
		}
		switch ud.BaseRel(s.Tokens[h].Rel) {
		case "xcomp", "ccomp", "advcl", "conj":
		default:
			return false
		}
		h = s.Tokens[h].Head - 1
	}
	return false
}

// hostVerbs have the host as subject and the guest as object; visitVerbs
// the guest as subject and the host as object.
var (
	hostVerbs  = set("receive", "host", "welcome", "greet")
	visitVerbs = set("visit")
	// arriveVerbs have the guest as subject and the host as the place
	// of an oblique: "arrived in Seoul", "travelled to Hanoi"
	arriveVerbs = set("arrive", "travel", "fly")
)

// noteVisit remembers the host and the guest of a visit sentence s tells
// of ("Mirziyoyev received Kim", "Kim visited Uzbekistan").
func (r *Resolver) noteVisit(g *storyGroups, s *ud.Sentence, ms []actor.Mention) {
	for v, t := range s.Tokens {
		if t.UPOS != ud.VERB || !hostVerbs[lemma(t)] && !visitVerbs[lemma(t)] && !arriveVerbs[lemma(t)] || passive(s, v) {
			continue
		}
		subjW, objW := -1, -1
		for j, c := range s.Tokens {
			switch {
			case c.Head == v+1 && c.Rel == "nsubj" && subjW < 0:
				subjW = j
			case c.Head == v+1 && c.Rel == "obj" && objW < 0 && !arriveVerbs[lemma(t)]:
				objW = j
			case c.Head == v+1 && c.Rel == "obl" && objW < 0 && arriveVerbs[lemma(t)] && (hasCaseWord(s, j, "in") || hasCaseWord(s, j, "to")):
				// "arrived in Seoul for talks": the place is the host
				objW = j
			}
		}
		if subjW < 0 || objW < 0 {
			continue
		}
		// every party of the subject's and the object's phrase: "The
		// energy ministers of Romania and Poland visited Chisinau",
		// "Malaysia hosted talks between the two governments"
		var subjs, objs []actor.Mention
		for _, m := range ms {
			if m.Code == "" || m.First < 0 || m.Method == actor.ImplicitParties || m.Method == actor.ImplicitSpeaker {
				continue
			}
			h := headWord(s, m)
			switch {
			case h < 0:
			case underPhrase(s, h, subjW):
				subjs = append(subjs, m)
			case underPhrase(s, h, objW):
				objs = append(objs, m)
			}
		}
		hosts, guests := subjs, objs
		if visitVerbs[lemma(t)] || arriveVerbs[lemma(t)] {
			hosts, guests = objs, subjs
		}
		if len(hosts) == 0 || len(guests) == 0 {
			continue
		}
		host := hosts[0]
		var gs []actor.Mention
		seen := map[string]bool{r.partyKey(host.Code): true}
		for _, m := range guests {
			if k := r.partyKey(m.Code); k != "" && !seen[k] {
				seen[k] = true
				gs = append(gs, m)
			}
		}
		if len(gs) == 0 {
			continue
		}
		g.host, g.guest, g.guests = host, gs[0], gs
		g.hasVisit = true
		return
	}
}

// giveVerbs give or promise what their object names.
var giveVerbs = set("pledge", "provide", "send", "donate", "give", "deliver", "fly", "ship", "offer", "announce",
	"approve", "allocate", "grant", "extend", "commit", "contribute", "dispatch")

// giftWords name what a donor gives: aid, money, goods.
var giftWords = set("aid", "relief", "assistance", "help", "tent", "blanket", "medicine", "food", "supply", "supplies",
	"funding", "donation", "fund", "money", "grant", "loan", "euro", "dollar", "pound", "yen", "yuan", "$", "€", "£",
	"planeload", "shipment", "package")

// noteDonors remembers the parties sentence s has give aid, money or
// goods: the subject of a verb of giving whose object names a gift
// ("pledged 10 million euros", "flew in two planeloads of food"), or the
// subject of a verb reporting it ("Japan said it would provide …" has
// "it" resolved already).
func (r *Resolver) noteDonors(g *storyGroups, s *ud.Sentence, ms []actor.Mention) {
	for v, t := range s.Tokens {
		if t.UPOS != ud.VERB || !giveVerbs[lemma(t)] || passive(s, v) {
			continue
		}
		subj, gift := -1, false
		for j, c := range s.Tokens {
			if c.Head != v+1 {
				continue
			}
			switch ud.BaseRel(c.Rel) {
			case "nsubj":
				subj = j
			case "obj", "obl", "compound":
				for k := range s.Tokens {
					if underPhrase(s, k, j) && giftWords[lemma(s.Tokens[k])] {
						gift = true
					}
				}
			}
		}
		if subj < 0 || !gift {
			continue
		}
		for _, m := range ms {
			h := headWord(s, m)
			if m.Code == "" || m.First < 0 || h < 0 || !underPhrase(s, h, subj) || m.Method == ByGroup {
				continue
			}
			k := r.partyKey(m.Code)
			if !slices.ContainsFunc(g.donors, func(d actor.Mention) bool { return r.partyKey(d.Code) == k }) {
				g.donors = append(g.donors, m)
			}
		}
	}
}

// guestsRef adds the mentions of a phrase over words first..last that
// names all the guests of the story's visit ("the visitors", "the
// visiting delegation"), one mention a guest sharing a Group number, each
// a government when the noun names one.
func (r *Resolver) guestsRef(g *storyGroups, s *ud.Sentence, first, last int, noun string) []actor.Mention {
	g.nextID++
	var out []actor.Mention
	for _, p := range g.guests {
		code := p.Code
		if govGroupNouns[noun] && len(code) == 3 && (r.IsRegion == nil || !r.IsRegion(code)) && r.partyKey(code) == code {
			code += "GOV"
		}
		m := derived(s, first, last, code, ByCounterpart, 0.55, fmt.Sprintf("%q → the guests of the story's visit, %s", strings.ToLower(s.Tokens[last].Form), p.Name))
		m.Group = g.nextID
		out = append(out, m)
	}
	return out
}

// allyNouns name the friends of a party: "its allies", "Kyiv's partners".
var allyNouns = set("ally", "partner")

// alliesOf returns the parties a possessed "allies" or "partners" at word
// i stands for ("accused Chisinau and its partners", "warned Kyiv's
// allies"): the last list the story named within six sentences, when it
// holds neither the owner nor any party the sentence names. The owner is the
// possessor's party: a name, or for "its", "their" the phrase the noun is
// a conjunct of, else the sentence's nearest party before it. ok is false
// when the phrase is no such phrase or names a party of its own ("its
// partners in ASEAN").
func (r *Resolver) alliesOf(g *storyGroups, s *ud.Sentence, ms []actor.Mention, covered []bool, i int) ([]party, bool) {
	t := s.Tokens[i]
	if !allyNouns[lemma(t)] || !plural(t) {
		return nil, false
	}
	poss := -1
	for j, c := range s.Tokens {
		if c.Head == i+1 && c.Rel == "nmod:poss" {
			poss = j
		}
	}
	if poss < 0 {
		return nil, false
	}
	owner := ""
	for _, m := range ms {
		if m.Code != "" && m.First >= 0 && m.First <= poss && poss <= m.Last {
			owner = r.partyKey(m.Code)
		}
	}
	if pw := strings.ToLower(s.Tokens[poss].Form); owner == "" && (pw == "its" || pw == "their") {
		h := -1
		if t.Rel == "conj" {
			h = t.Head - 1
		}
		for _, m := range ms {
			if m.Code == "" || m.First < 0 || m.First > i {
				continue
			}
			if h >= 0 && m.First <= h && h <= m.Last {
				owner = r.partyKey(m.Code)
				break
			}
			if h < 0 {
				owner = r.partyKey(m.Code) // the nearest before it, below
			}
		}
	}
	if owner == "" {
		return nil, false
	}
	for j := range s.Tokens {
		if covered[j] && j != poss && j != i && underPhrase(s, j, i) && !(j > poss && j < i) {
			return nil, false
		}
	}
	l, ok := g.latestList()
	if !ok || g.sent-l.sent > 6 {
		return nil, false
	}
	named := map[string]bool{owner: true}
	for _, m := range ms {
		if m.Code != "" && m.First >= 0 {
			named[r.partyKey(m.Code)] = true
		}
	}
	// a list with the owner or another party of the sentence in it
	// lists no friends of the owner ("… attack on Ukraine; Berlin
	// pledges …" before "called on Ukraine's partners")
	for _, p := range l.ps {
		if named[p.key] || g.mediators[p.key] {
			return nil, false
		}
	}
	return l.ps, true
}

// conjOf reports whether verb h is a conjunct of verb v with no subject of
// its own, so that v's subject is its subject too.
func conjOf(s *ud.Sentence, h, v int) bool {
	for n := 0; n < 4 && s.Tokens[h].Rel == "conj" && s.Tokens[h].UPOS == ud.VERB; n++ {
		for _, t := range s.Tokens {
			if t.Head == h+1 && strings.HasPrefix(t.Rel, "nsubj") {
				return false
			}
		}
		if h = s.Tokens[h].Head - 1; h == v {
			return true
		}
		if h < 0 {
			return false
		}
	}
	return false
}

// lastList returns the parties of the last coordination of actors named
// before word i ("Poland, Lithuania and Latvia"), or nil.
func (r *Resolver) lastList(s *ud.Sentence, ms []actor.Mention, i int) []party {
	last := -1
	for k, m := range ms {
		if m.Code != "" && m.First >= 0 && m.Last < i && m.Method != ByGroup && (last < 0 || m.Last > ms[last].Last) {
			last = k
		}
	}
	if last < 0 {
		return nil
	}
	top := func(m actor.Mention) int {
		h := headWord(s, m)
		for n := 0; h >= 0 && n < 20 && s.Tokens[h].Rel == "conj" && s.Tokens[h].Head > 0; n++ {
			h = s.Tokens[h].Head - 1
		}
		return h
	}
	root := top(ms[last])
	if root < 0 {
		return nil
	}
	var ps []party
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Code == "" || m.First < 0 || m.Last >= i || m.Method == ByGroup || top(m) != root {
			continue
		}
		if k := r.partyKey(m.Code); k != "" && !seen[k] {
			seen[k] = true
			ps = append(ps, party{k, m})
		}
	}
	return ps
}

// headWord returns the word of mention m whose head lies outside it, or -1.
// coordinatedPair returns the only two parties of ps whose mentions the
// sentence coordinates (the head word of one a conjunct of the other's),
// or nil when no pair or more than one is.
func coordinatedPair(s *ud.Sentence, ps []party) []party {
	var pair []party
	for a := range ps {
		ha := headWord(s, ps[a].m)
		for b := range ps {
			hb := headWord(s, ps[b].m)
			if a == b || ha < 0 || hb < 0 || ps[a].key == ps[b].key || s.Tokens[hb].Rel != "conj" || s.Tokens[hb].Head != ha+1 {
				continue
			}
			if pair != nil {
				return nil
			}
			pair = []party{ps[a], ps[b]}
		}
	}
	return pair
}

// coordinatedWith returns m and the actors coordinated with it ("Lithuania
// and Estonia", "Poland, Latvia and Lithuania"): mentions whose head
// words are conjuncts of m's head word. With none, it returns m alone.
func coordinatedWith(s *ud.Sentence, ms []actor.Mention, m actor.Mention) []actor.Mention {
	out := []actor.Mention{m}
	h := headWord(s, m)
	if h < 0 {
		return out
	}
	for k, t := range s.Tokens {
		if t.Rel != "conj" || t.Head != h+1 {
			continue
		}
		if c, ok := mentionAt(ms, k); ok && headWord(s, c) == k {
			out = append(out, c)
		}
	}
	return out
}

func headWord(s *ud.Sentence, m actor.Mention) int {
	for k := max(m.First, 0); k <= m.Last && k < len(s.Tokens); k++ {
		if h := s.Tokens[k].Head - 1; h < m.First || h > m.Last {
			return k
		}
	}
	return -1
}

// reporterOf returns the subject of the verb of saying whose clausal
// complement word i is the subject of ("the ministry said that it …").
func reporterOf(s *ud.Sentence, ms []actor.Mention, i int) (actor.Mention, bool) {
	v := s.Tokens[i].Head - 1
	if v < 0 || s.Tokens[v].Head == 0 {
		return actor.Mention{}, false
	}
	sv := s.Tokens[v].Head - 1
	switch {
	case s.Tokens[v].Rel == "ccomp" && speechVerbs[lemma(s.Tokens[sv])]:
	case s.Tokens[v].Rel == "acl:relcl" && lemma(s.Tokens[sv]) == "what" && s.Tokens[sv].Head > 0 && nameVerbs[lemma(s.Tokens[v])]:
		// "protested over what it called an illegal detention", "in
		// what it described as a response": the clause's subject names
		// what it protests
		sv = s.Tokens[sv].Head - 1
	default:
		return actor.Mention{}, false
	}
	for n := 0; n < 3; n++ {
		for j, c := range s.Tokens {
			if c.Head != sv+1 || c.Rel != "nsubj" {
				continue
			}
			if m, ok := mentionAt(ms, j); ok {
				return m, true
			}
			for k, o := range s.Tokens { // "Sudan's army-led government said"
				if o.Head == j+1 && o.Rel == "nmod:poss" {
					return mentionAt(ms, k)
				}
			}
			return actor.Mention{}, false
		}
		if s.Tokens[sv].Rel != "conj" && !(ud.BaseRel(s.Tokens[sv].Rel) == "advcl" && s.Tokens[sv].XPOS == "VBG") || s.Tokens[sv].Head == 0 {
			break
		}
		// "accused X … and warned that it would …"; "voiced concern,
		// saying it was ready to …"
		sv = s.Tokens[sv].Head - 1
	}
	return actor.Mention{}, false
}

// objectOwner returns the object of the verb a possessive at word i
// qualifies the reason for ("thanked X for his support", "congratulated X
// on her election"): the possessive's noun is an oblique with "for" or
// "on" of a verb whose object is an actor.
func objectOwner(s *ud.Sentence, ms []actor.Mention, i int) (actor.Mention, bool) {
	n := s.Tokens[i].Head - 1
	if n < 0 || s.Tokens[i].Rel != "nmod:poss" || ud.BaseRel(s.Tokens[n].Rel) != "obl" || s.Tokens[n].Head == 0 {
		return actor.Mention{}, false
	}
	reason := false
	for _, c := range s.Tokens {
		if c.Head == n+1 && c.Rel == "case" && (strings.EqualFold(c.Form, "for") || strings.EqualFold(c.Form, "on")) {
			reason = true
		}
	}
	if !reason {
		return actor.Mention{}, false
	}
	v := s.Tokens[n].Head - 1
	for j, c := range s.Tokens {
		if c.Head == v+1 && c.Rel == "obj" {
			return mentionAt(ms, j)
		}
	}
	return actor.Mention{}, false
}

// nameVerbs name what something is: "what it called …".
var nameVerbs = set("call", "describe", "term", "label", "characterize", "characterise", "brand", "see", "view", "consider", "regard")

// genericSubject reports whether mention m is the subject of a verb in the
// simple present ("enhances", "brings together"), with no auxiliary.
func genericSubject(s *ud.Sentence, m actor.Mention) bool {
	h := headWord(s, m)
	if h < 0 || !strings.HasPrefix(s.Tokens[h].Rel, "nsubj") || s.Tokens[h].Head == 0 {
		return false
	}
	v := s.Tokens[h].Head - 1
	if x := s.Tokens[v].XPOS; s.Tokens[v].UPOS != ud.VERB || x != "VBZ" && x != "VBP" {
		return false
	}
	for _, t := range s.Tokens {
		if t.Head == v+1 && (t.Rel == "aux" || t.Rel == "aux:pass") {
			return false
		}
	}
	return true
}

// namedBefore reports whether a mention of s lies before word i.
// lastPlural returns the actor phrase named last before word i of s when
// its head word is plural ("the five Central Asian leaders", "Kazakh and
// Uzbek officials"), and it is a clause's object or oblique: a plural
// pronoun after it takes it up. It is nil when the last actor named is
// singular, a place, or a subject (whose group the sentence's rules for
// groups resolve).
func lastPlural(s *ud.Sentence, ms []actor.Mention, i int) []actor.Mention {
	last := -1
	for k, m := range ms {
		if m.Code == "" || m.First < 0 || m.Last >= i {
			continue
		}
		if last < 0 || m.Last > ms[last].Last {
			last = k
		}
	}
	if last < 0 {
		return nil
	}
	h := headWord(s, ms[last])
	if h < 0 {
		return nil
	}
	t := s.Tokens[h]
	if t.XPOS != "NNS" && t.XPOS != "NNPS" || t.Rel != "obj" && !strings.HasPrefix(t.Rel, "obl") || locative(s, ms[last]) {
		return nil
	}
	var out []actor.Mention
	for _, m := range ms {
		if m.Code != "" && m.First >= 0 && headWord(s, m) == h {
			out = append(out, m)
		}
	}
	return out
}

func namedBefore(ms []actor.Mention, i int) bool {
	for _, m := range ms {
		if m.Code != "" && m.First >= 0 && m.First < i {
			return true
		}
	}
	return false
}

// meetingOf starts (or keeps) the story's meeting of a forum whose parties
// are ps: the partner, then the group.
func (r *Resolver) meetingOf(g *storyGroups, ps []string) *meeting {
	hub := r.partyOfCode(g, ps[0])
	if g.meeting != nil && g.meeting.hub.key == hub.key {
		return g.meeting
	}
	mt := &meeting{hub: hub}
	for _, c := range ps[1:] {
		mt.members = append(mt.members, r.partyOfCode(g, c))
	}
	g.meeting = mt
	return mt
}

// partyOfCode is the party for a code: the story's own mention of it when
// it has one (KAZGOV for KAZ), else a bare mention.
func (r *Resolver) partyOfCode(g *storyGroups, code string) party {
	k := r.partyKey(code)
	if m, ok := g.rep[k]; ok {
		return party{k, m}
	}
	return party{k, actor.Mention{Code: code, Name: code}}
}

// onlyPunctBefore reports whether the words before word i are punctuation.
func onlyPunctBefore(s *ud.Sentence, i int) bool {
	for j := 0; j < i; j++ {
		if s.Tokens[j].UPOS != ud.PUNCT {
			return false
		}
	}
	return true
}

// titleWords are the words of office a story uses alone for a person it
// has named: "the amir", "the Prime Minister", "the Secretary".
var titleWords = set("president", "minister", "premier", "amir", "emir", "king", "prince", "chancellor", "secretary",
	"ambassador", "envoy", "sheikh", "sultan", "shah", "chairman", "chair", "spokesman", "spokeswoman", "spokesperson",
	"governor", "mayor", "speaker", "commissioner")

// titleSynonyms spell a title as roles in the dictionary may.
var titleSynonyms = map[string][]string{"amir": {"emir"}, "emir": {"amir"}, "premier": {"prime minister"},
	"chair": {"chairman", "chairwoman", "chairperson"}, "secretary": {"secretary"}}

// titleRef resolves a definite bare title ending at word i ("the amir",
// "the Foreign Minister") to the last person named with that role, and
// returns the phrase's first word.
func (r *Resolver) titleRef(g *storyGroups, s *ud.Sentence, covered []bool, i int) (int, actor.Mention, bool) {
	t := s.Tokens[i]
	low := strings.ToLower(t.Form)
	if !titleWords[low] || len(g.titled) == 0 {
		return 0, actor.Mention{}, false
	}
	// the words of the title before its head: "the Prime Minister",
	// "the Foreign Minister"; a determiner must open it
	words := []string{low}
	first := i
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := strings.ToLower(s.Tokens[j].Form)
		if w == "the" {
			first = j
			break
		}
		if covered[j] || s.Tokens[j].UPOS != ud.PROPN && s.Tokens[j].UPOS != ud.NOUN && s.Tokens[j].UPOS != ud.ADJ {
			return 0, actor.Mention{}, false
		}
		words = append(words, w)
		first = j
	}
	if first == i || !strings.EqualFold(s.Tokens[first].Form, "the") {
		return 0, actor.Mention{}, false
	}
	// not when a name or a country follows: "the President of Russia",
	// "the Prime Minister, Shehbaz Sharif" are the recognizer's
	if i+1 < len(s.Tokens) && (covered[i+1] || strings.EqualFold(s.Tokens[i+1].Form, "of")) {
		return 0, actor.Mention{}, false
	}
	for k := len(g.titled) - 1; k >= 0; k-- {
		p := g.titled[k]
		if roleFits(p.Role, words) {
			return first, p, true
		}
	}
	// the roles the dictionary gives the story's persons that day: the
	// text may have named one by another title
	if r.Roles != nil {
		for k := len(g.titled) - 1; k >= 0; k-- {
			p := g.titled[k]
			for _, role := range r.Roles(p.Name, g.day) {
				if roleFits(role, words) {
					return first, p, true
				}
			}
		}
	}
	return 0, actor.Mention{}, false
}

// roleFits reports whether every word of a title (or a synonym of it)
// is in role.
func roleFits(role string, words []string) bool {
	role = strings.ToLower(role)
	for _, w := range words {
		if strings.Contains(role, w) {
			continue
		}
		hit := false
		for _, syn := range titleSynonyms[w] {
			hit = hit || strings.Contains(role, syn)
		}
		if !hit {
			return false
		}
	}
	return true
}

// topCountries returns the story's n most prominent countries.
func (g *storyGroups) topCountries(r *Resolver, n int) []party {
	var keys []string
	for k := range g.weight {
		if len(k) == 3 && (r.IsOrg == nil || !r.IsOrg(k)) && (r.IsRegion == nil || !r.IsRegion(k)) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return g.before(keys[i], g.weight[keys[i]], keys[j]) })
	var out []party
	for _, k := range keys[:min(n, len(keys))] {
		out = append(out, party{k, g.rep[k]})
	}
	return out
}

// countriesOnly keeps the parties that are countries, not organisations,
// regions, companies or media, and the hub's new index (or -1).
func (r *Resolver) countriesOnly(ps []party, hub int) ([]party, int) {
	var out []party
	nh := -1
	for k, p := range ps {
		if len(p.key) != 3 || r.IsOrg != nil && r.IsOrg(p.key) || r.IsRegion != nil && r.IsRegion(p.key) {
			continue
		}
		if c := p.m.Code; len(c) >= 6 && (c[3:6] == "BUS" || c[3:6] == "MED") {
			// a company or a medium named ("wrote on Facebook") is not
			// one of "both governments"
			continue
		}
		if k == hub {
			nh = len(out)
		}
		out = append(out, p)
	}
	return out, nh
}

// two reports whether the phrase from first to i says its parties are
// two: "the two leaders", "both sides", "both".
func two(s *ud.Sentence, first, i int) bool {
	for j := first; j <= i; j++ {
		if w := strings.ToLower(s.Tokens[j].Form); w == "two" || w == "both" {
			return true
		}
	}
	return false
}

// hasCaseBetween reports whether word i is the object of "between" or
// "among".
func hasCaseBetween(s *ud.Sentence, i int) bool {
	return hasCaseWord(s, i, "between") || hasCaseWord(s, i, "among")
}

// sidesBut returns the story's two sides other than the parties outs: the
// last sentence's parties without them when two are left, else the
// story's main pair when it has none of them.
func (g *storyGroups) sidesBut(outs map[string]bool) []party {
	var ps []party
	for _, p := range g.parties {
		if !outs[p.key] {
			ps = append(ps, p)
		}
	}
	if len(ps) == 2 {
		return ps
	}
	if mp := g.mainPair(); mp != nil && !outs[mp[0].key] && !outs[mp[1].key] {
		return mp
	}
	return nil
}

// pickTwo chooses two parties of a larger group: the story's main pair if
// both are in it, else the host (or the first) and the most prominent
// other.
func (r *Resolver) pickTwo(g *storyGroups, ps []party, hub int) []party {
	// two countries beside organisations ("the UN … Tajikistan and
	// Kyrgyzstan … both sides"): the countries
	if cs, _ := r.countriesOnly(ps, -1); len(cs) == 2 {
		return cs
	}
	if mp := g.mainPair(); mp != nil {
		var got []party
		for _, p := range ps {
			if p.key == mp[0].key || p.key == mp[1].key {
				got = append(got, p)
			}
		}
		if len(got) == 2 {
			return got
		}
	}
	a := 0
	if hub >= 0 {
		a = hub
	}
	b := -1
	for k, p := range ps {
		if k != a && (b < 0 || g.weight[p.key] > g.weight[ps[b].key]) {
			b = k
		}
	}
	return []party{ps[a], ps[b]}
}

// other returns the party of a two-party group that is not code's.
func (r *Resolver) other(g *storyGroups, s *ud.Sentence, ms []actor.Mention, i int, code string) (party, bool) {
	ps, _, _ := r.current(g, s, ms, i)
	k := r.partyKey(code)
	var rest []party
	in := false
	for _, p := range ps {
		if p.key == k {
			in = true
		} else {
			rest = append(rest, p)
		}
	}
	if !in || len(rest) != 1 {
		return party{}, false
	}
	return rest[0], true
}

// lastPerson returns the person a third-person pronoun at word i of s
// takes up: a person named as a subject before it in the sentence, else the
// last person named before it there, else the subject person of the last
// few sentences, else the last person named in them.
func (r *Resolver) lastPerson(g *storyGroups, s *ud.Sentence, ms []actor.Mention, i int) (actor.Mention, bool) {
	return r.lastPersonBut(g, s, ms, i)
}

// lastPersonBut is lastPerson that passes over the person whose name is
// not: an object pronoun is never its own clause's subject ("Tokayev
// thanked Erdogan and invited him": "him" is not Tokayev, who would be
// "himself").
func (r *Resolver) lastPersonBut(g *storyGroups, s *ud.Sentence, ms []actor.Mention, i int, not ...string) (actor.Mention, bool) {
	but := func(name string) bool { return slices.Contains(not, name) }
	best, subj := -1, -1
	for k, m := range ms {
		if !(m.Person || personNoun(s, m)) || m.Code == "" || m.Last >= i || but(m.Name) {
			continue
		}
		if best < 0 || m.Last > ms[best].Last {
			best = k
		}
		if subj < 0 && isSubject(s, m) {
			subj = k
		}
	}
	switch {
	case subj >= 0:
		return ms[subj], true
	case best >= 0:
		return ms[best], true
	case g.hasSubj && g.sent-g.subjAt <= 2 && !but(g.subj.Name):
		return g.subj, true
	case g.hasPers && g.sent-g.personAt <= 3 && !but(g.person.Name):
		return g.person, true
	}
	return actor.Mention{}, false
}

// personNouns name one person by office beside the titles (titleWords) and
// the other side of a pair (pairNouns): "his Peruvian counterpart", "the
// Chinese ambassador", "the Russian diplomat" stand for a person a later
// "him" may take up.
var personNouns = set("leader", "diplomat", "monarch", "chief", "representative", "commander", "negotiator",
	"chargé", "charge", "consul")

// personNoun reports whether mention m, named by no person's name, is
// headed by a singular noun of one person's office.
func personNoun(s *ud.Sentence, m actor.Mention) bool {
	if m.Person || m.First < 0 || m.Last >= len(s.Tokens) {
		return false
	}
	// the mention's head: "president" in "the president of Brazil"
	h := m.Last
	for k := m.First; k <= m.Last; k++ {
		if p := s.Tokens[k].Head - 1; p < m.First || p > m.Last {
			h = k
			break
		}
	}
	t := s.Tokens[h]
	l := lemma(t)
	return (t.UPOS == ud.NOUN || t.UPOS == ud.PROPN) && (personNouns[l] || titleWords[l] || pairNouns[l]) && !plural(t)
}

// boundSubject names the person a pronoun at word i may not stand for:
// the subject of its own clause when the pronoun is that clause's object
// ("him", object "her"), a conjunct verb sharing its first verb's subject,
// or an adverbial clause with no subject its verb's; a subject named by a
// short name also by the full name it stands for. It is nil for a
// subject or possessive pronoun, or a subject that names
// no person.
func (r *Resolver) boundSubject(g *storyGroups, s *ud.Sentence, ms []actor.Mention, i int) []string {
	t := s.Tokens[i]
	if t.Rel != "obj" && t.Rel != "iobj" || t.Head == 0 {
		return nil
	}
	for h, steps := t.Head-1, 0; h >= 0 && steps < 4; steps++ {
		for j, c := range s.Tokens {
			if c.Head != h+1 || c.Rel != "nsubj" {
				continue
			}
			if m, ok := mentionAt(ms, j); ok && (m.Person || personNoun(s, m) && m.Name != "") {
				if p, ok := g.short[strings.ToLower(c.Form)]; ok && m.Method == ByShortName {
					// "Lee thanked him": "Lee" is the Lee Jae-myung
					// named before, whom "him" may not be either
					return []string{m.Name, p.Name}
				}
				return []string{m.Name} // (an office named with no name: "the Dutch minister … invited him")
			}
			if low := strings.ToLower(c.Form); low == "he" || low == "she" {
				if p, ok := r.lastPerson(g, s, ms, j); ok {
					return []string{p.Name}
				}
			}
			return nil
		}
		if s.Tokens[h].Rel != "conj" && ud.BaseRel(s.Tokens[h].Rel) != "advcl" {
			return nil // (a participle or purpose clause with no subject shares its verb's: "met X, inviting him to …")
		}
		h = s.Tokens[h].Head - 1
	}
	return nil
}

// hostsGuests returns the guests of the story's meeting of many as the
// one group that "you" at word i of s stands for, when the speaker is
// the meeting's host ("We are glad to have you in our capital"),
// or nil.
func (r *Resolver) hostsGuests(g *storyGroups, speaker actor.Mention, s *ud.Sentence, i int) []actor.Mention {
	m := g.meeting
	if m == nil || len(m.members) < 2 || r.partyKey(speaker.Code) != m.hub.key {
		return nil
	}
	g.nextID++
	var out []actor.Mention
	for _, p := range m.members {
		d := derived(s, i, i, p.m.Code, ByAddressee, 0.5, "“"+s.Tokens[i].Form+"” → the guests of host "+speaker.Name)
		d.Group = g.nextID
		out = append(out, d)
	}
	return out
}

// isSubject reports whether a mention holds the subject of a clause.
func isSubject(s *ud.Sentence, m actor.Mention) bool {
	for k := max(m.First, 0); k <= m.Last && k < len(s.Tokens); k++ {
		if strings.HasPrefix(s.Tokens[k].Rel, "nsubj") {
			return true
		}
	}
	return false
}

// noteMeeting learns of a meeting of many from a sentence's parties: four
// or more with a host make one; three or more countries named together
// are the members of the story's meeting (whose host is then the story's
// most prominent other party, if the story has not named one).
func (r *Resolver) noteMeeting(g *storyGroups, ps []party, hub int, listed []party) {
	switch {
	case hub >= 0 && len(ps) >= 4 && (g.meeting == nil || g.meeting.hub.key == ps[hub].key):
		// a host with three or more others, unless the story's meeting
		// already has another host (who met them first)
		mt := &meeting{hub: ps[hub]}
		for k, p := range ps {
			if k != hub {
				mt.members = append(mt.members, p)
			}
		}
		g.meeting = mt
	case len(listed) >= 3:
		var members []party
		for _, p := range listed {
			if len(p.key) == 3 && (r.IsRegion == nil || !r.IsRegion(p.key)) && (g.meeting == nil || p.key != g.meeting.hub.key) {
				members = append(members, p)
			}
		}
		if len(members) < 3 {
			return
		}
		if g.meeting != nil {
			g.meeting.members = members
			return
		}
		in := map[string]bool{}
		for _, p := range members {
			in[p.key] = true
		}
		// "the summit between the EU and the five Central Asian
		// states — A, B, C, D and E": the one party outside the list
		// is the host
		var others []party
		for _, p := range ps {
			if !in[p.key] && (r.IsRegion == nil || !r.IsRegion(p.key)) {
				others = append(others, p)
			}
		}
		if len(others) == 1 {
			g.meeting = &meeting{hub: others[0], members: members}
			return
		}
		best := ""
		for k, w := range g.weight {
			if !in[k] && w >= 3 && (best == "" || w > g.weight[best]) {
				best = k
			}
		}
		if best != "" {
			g.meeting = &meeting{hub: party{best, g.rep[best]}, members: members}
		}
	}
}

// partnerVerbs are main verbs by which a partner meets a group.
var partnerVerbs = set("host", "meet", "receive", "welcome", "convene", "chair")

// notePartnerMeeting learns of a meeting of a partner with a group from a
// sentence of two parties whose main verb hosts or meets, its subject the
// partner and its other party a region or an organisation ("The Japanese
// president hosted the leaders of the five Central Asian states"): "the
// summit" after it is the partner's and the group's.
func (r *Resolver) notePartnerMeeting(g *storyGroups, s *ud.Sentence, ms []actor.Mention, ps []party) {
	subj := rootSubject(s)
	if g.meeting != nil || len(ps) != 2 || subj < 0 || !partnerVerbs[lemma(s.Tokens[s.Tokens[subj].Head-1])] {
		return
	}
	group := func(key string) bool { return r.isOrgCode(key) || r.IsRegion != nil && r.IsRegion(key) }
	for k, p := range ps {
		o := ps[1-k]
		if !group(p.key) || group(o.key) {
			continue
		}
		for _, m := range ms {
			if r.partyKey(m.Code) == o.key && m.First >= 0 && under(s, m.First, subj) {
				g.meeting = &meeting{hub: o, members: []party{p}}
				return
			}
		}
	}
}

// listedParties returns the parties of the longest list of actors in s:
// mentions joined only by commas, "and", "as well as", articles and "of"
// ("the foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan and
// Uzbekistan"; "A of Kazakhstan, B of Kyrgyzstan and C of Tajikistan").
func (r *Resolver) listedParties(s *ud.Sentence, ms []actor.Mention) []party {
	at := make([]int, len(s.Tokens))
	for i := range at {
		at[i] = -1
	}
	for k, m := range ms {
		if m.First < 0 || m.Code == "" {
			continue
		}
		for i := m.First; i <= m.Last && i < len(at); i++ {
			at[i] = k
		}
	}
	var best, cur []party
	seen := map[string]bool{}
	flush := func() {
		if len(cur) > len(best) {
			best = cur
		}
		cur, seen = nil, map[string]bool{}
	}
	for i, t := range s.Tokens {
		if k := at[i]; k >= 0 {
			key := r.partyKey(ms[k].Code)
			if key != "" && !seen[key] && !(r.IsRegion != nil && r.IsRegion(key)) {
				seen[key] = true
				cur = append(cur, party{key, ms[k]})
			}
			continue
		}
		switch strings.ToLower(t.Form) {
		case ",", "and", "as", "well", "the", "of", "&", ";", "also":
			continue
		}
		if t.UPOS == ud.PROPN {
			continue // a name the dictionary lacks, inside the list
		}
		flush()
	}
	flush()
	return best
}

// learnNames takes up the persons the dictionary lacks whom a sentence
// introduces with their office: "Tomas Berzins, the spokesman for the
// Latvian foreign ministry" and "army spokesperson Col Ivan Horvat"
// make a later "Berzins" or "Horvat" that office's actor. A name the
// story already knows keeps its actor.
func (r *Resolver) learnNames(g *storyGroups, s *ud.Sentence, ms []actor.Mention) {
	covered := make([]bool, len(s.Tokens))
	for _, m := range ms {
		for i := max(m.First, 0); i <= m.Last && i < len(covered); i++ {
			covered[i] = true
		}
	}
	none := make([]bool, len(s.Tokens))
	for a := 0; a < len(s.Tokens); {
		if !unknownName(s, covered, a) {
			a++
			continue
		}
		b := a
		for b+1 < len(s.Tokens) && unknownName(s, covered, b+1) {
			b++
		}
		start := a
		a = b + 1
		if b == start || !personName(s, start, b) {
			continue // one word is too little to tell a person's name
		}
		office, ok := actor.Mention{}, false
		// the office after the name: "X, the spokesman for Y," (an
		// office is a common noun: "Steppe Bank, Altai Oil Trading" is
		// a list of names)
		for k, t := range s.Tokens {
			if h := t.Head - 1; h >= start && h <= b && t.Rel == "appos" && t.UPOS == ud.NOUN {
				if office, ok = mentionBelow(s, ms, none, k, 3); ok {
					break
				}
			}
		}
		// the office before it: "Y spokesperson X", "Y's envoy X"
		if !ok {
			j := start - 1
			for n := 0; n < 2 && j >= 0 && s.Tokens[j].UPOS == ud.NOUN && !covered[j]; n++ {
				j--
			}
			if j < start-1 && j >= 0 && s.Tokens[j].Form == "'s" {
				j--
			}
			if j < start-1 {
				office, ok = mentionAt(ms, j)
			}
		}
		if !ok || office.Person || office.Code == "" || strings.HasSuffix(office.Code, "MED") {
			continue
		}
		key := strings.ToLower(s.Tokens[b].Form)
		if _, known := g.short[key]; known || len(key) < 3 {
			continue
		}
		name := s.Text[s.Tokens[start].Span.Start-s.Span.Start : s.Tokens[b].Span.End-s.Span.Start]
		m := derived(s, start, b, office.Code, ByShortName, office.Confidence, name+", "+office.Name)
		m.Person, m.Name = true, name
		g.short[key] = m
	}
}

// orgHeads are the head words by which a story refers again to an
// organisation it named: "the Council", "the Commission", "the Fund".
var orgHeads = set("council", "commission", "committee", "fund", "bank", "union", "organization", "organisation",
	"assembly", "parliament", "court", "agency", "alliance", "bloc", "secretariat", "mission", "office", "service")

// orgHead returns the head word a named organisation's mention may be
// referred to by later, or "".
func orgHead(m actor.Mention) string {
	if m.Person || m.First < 0 {
		return ""
	}
	heads, name := orgHeads, m.Name
	switch m.Method {
	case actor.ByName:
	case actor.ByAgent:
		// "the Uzbek Foreign Ministry … the ministry demanded": the
		// agent's words
		heads, name = bodyHeads, m.Role
	default:
		return ""
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if heads[w] {
			return w
		}
	}
	return ""
}

// bodyHeads are the words a state's body named by a country and its role
// is referred to by later: "the ministry", "the embassy".
var bodyHeads = set("ministry", "embassy", "consulate", "presidency")

// orgRef finds "the Council" for an organisation the story named by that
// word ("the Council of the European Union … the Council decided"): a
// definite head word no name follows.
func orgRef(g *storyGroups, s *ud.Sentence, covered []bool, i int) (int, actor.Mention, bool) {
	low := strings.ToLower(s.Tokens[i].Form)
	p, ok := g.orgs[low]
	if !ok || i == 0 || !strings.EqualFold(s.Tokens[i-1].Form, "the") || covered[i-1] {
		return 0, actor.Mention{}, false
	}
	if i+1 < len(s.Tokens) && (covered[i+1] || strings.EqualFold(s.Tokens[i+1].Form, "of")) {
		return 0, actor.Mention{}, false
	}
	return i - 1, p, true
}

// clauseSubjectOf returns the actor that is the subject of the clause
// word i is in: the subject of the nearest verb above it that has one.
func clauseSubjectOf(s *ud.Sentence, ms []actor.Mention, i int) (actor.Mention, bool) {
	for h, steps := s.Tokens[i].Head-1, 0; h >= 0 && steps < 6; h, steps = s.Tokens[h].Head-1, steps+1 {
		for j, c := range s.Tokens {
			if c.Head == h+1 && (c.Rel == "nsubj" || c.Rel == "nsubj:pass") {
				if m, ok := mentionAt(ms, j); ok {
					return m, true
				}
				return actor.Mention{}, false // a subject that is no actor
			}
		}
	}
	return actor.Mention{}, false
}

// orgWords end the names of organisations, not of persons.
var orgWords = map[string]bool{"bank": true, "company": true, "group": true, "corporation": true, "agency": true,
	"ministry": true, "party": true, "union": true, "council": true, "committee": true, "fund": true,
	"foundation": true, "institute": true, "university": true, "airlines": true, "airways": true, "inc": true,
	"ltd": true, "llc": true, "plc": true, "holding": true, "holdings": true, "association": true, "service": true,
	"forces": true, "army": true, "front": true, "movement": true, "office": true, "center": true, "centre": true,
	"news": true, "times": true, "post": true, "press": true, "media": true, "tv": true, "radio": true}

// personName reports whether words first..last can be a person's name:
// no word of it names an organisation ("Steppe Bank").
func personName(s *ud.Sentence, first, last int) bool {
	for i := first; i <= last; i++ {
		if orgWords[strings.ToLower(s.Tokens[i].Form)] {
			return false
		}
	}
	return true
}

// capitalised reports whether w starts with a capital letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// unknownName reports whether word i is a capitalised name no mention
// covers.
func unknownName(s *ud.Sentence, covered []bool, i int) bool {
	t := s.Tokens[i]
	if covered[i] || t.UPOS != ud.PROPN {
		return false
	}
	return capitalised(t.Form)
}

// remember updates the story's parties, persons and prominence with a
// resolved sentence.
func (r *Resolver) remember(g *storyGroups, s *ud.Sentence, ms []actor.Mention) {
	named := ms[:0:0]
	for _, m := range ms {
		switch m.Method {
		case ByGroup, ByAddressee, ByCounterpart, actor.ImplicitSpeaker, actor.ImplicitParties:
			continue
		case ByPronoun:
			if closingSayer(s, m) {
				continue // "…, he added": who tells is no party to what is told
			}
		}
		named = append(named, m)
	}
	for _, m := range named {
		if m.Code != "" && m.First >= 0 && (mediatorAgent(s, m) || mediatorSubject(s, m)) {
			if k := r.partyKey(m.Code); k != "" {
				g.mediators[k] = true
				g.mediatorMs[k] = m
				g.mediator, g.hasMediator = m, true
			}
		}
	}
	listed := r.listedParties(s, named)
	if len(listed) >= 2 {
		g.lists[len(listed)] = listAt{listed, g.sent}
	}
	if ps, hub := r.partiesOf(s, named, len(s.Tokens)); len(ps) >= 2 && !outsideVoices(s, named) {
		if hub < 0 && len(ps) >= 4 {
			hub = r.venueHost(s, ps, g.venues)
		}
		g.parties, g.hub, g.at = ps, hub, g.sent
		r.noteMeeting(g, ps, hub, listed)
		r.notePartnerMeeting(g, s, named, ps)
		// In a sentence naming the meeting's host among three or more
		// parties, the host's mentions are the hub of their acts.
		if mt := g.meeting; mt != nil && r.membersIn(ps, mt) >= 3 {
			for k := range ms {
				if r.partyKey(ms[k].Code) == mt.hub.key && ms[k].First >= 0 {
					ms[k].Hub = true
				}
			}
		}
	}
	if !g.hasAuthor && g.sent <= 2 {
		if j := rootSubject(s); j >= 0 {
			for _, m := range named {
				if m.First <= j && j <= m.Last && m.Code != "" && !m.Person && m.Method != actor.ByCapital {
					g.author, g.hasAuthor = m, true
				}
			}
		}
	}
	r.noteVisit(g, s, named)
	r.noteDonors(g, s, ms)
	g.subjGroup, g.subjHub, g.subjGroupAt = r.subjectParties(s, ms)
	g.subjGroupAt += g.sent
	r.learnNames(g, s, ms)
	w := 1.0
	if g.sent == 0 {
		w = 3 // the headline
	} else if g.sent <= 2 {
		w = 2 // the lede
	}
	for _, m := range named {
		k := r.partyKey(m.Code)
		if k == "" || m.Method == actor.ByCapital || strings.HasSuffix(m.Code, "MED") || r.IsRegion != nil && r.IsRegion(k) {
			continue
		}
		if (len(m.Code) == 3 || m.Method == actor.ByMetonym) && locative(s, m) && !visited(s, m) {
			continue // where things happen does not make a party prominent
		}
		if _, ok := g.order[k]; !ok {
			g.order[k] = len(g.order)
		}
		g.weight[k] += w
		if old, ok := g.rep[k]; !ok || rank(m) > rank(old) {
			g.rep[k] = m
		}
		if h := orgHead(m); h != "" {
			g.orgs[h] = m
		}
		if m.Person && m.Method != ByShortName && m.Method != ByTitleRef && m.Method != ByPronoun {
			if w := strings.Fields(m.Name); len(w) >= 2 {
				for _, k := range []string{w[0], w[len(w)-1]} {
					if k = strings.ToLower(strings.Trim(k, ",.")); len(k) >= 2 {
						g.short[k] = m
					}
				}
				// the surname as the text spells it ("Gnassingbe" for
				// the dictionary's "Gnassingbé")
				if m.Last > m.First && m.Last < len(s.Tokens) && capitalised(s.Tokens[m.Last].Form) {
					if k := strings.ToLower(s.Tokens[m.Last].Form); len(k) >= 3 {
						if _, ok := g.short[k]; !ok {
							g.short[k] = m
						}
					}
				}
			}
			if m.Role != "" {
				g.titled = append(g.titled, m)
				if len(g.titled) > 64 {
					g.titled = g.titled[len(g.titled)-64:]
				}
			}
		}
		if m.Person || personNoun(s, m) {
			// a person by name or by office ("the Egyptian foreign
			// minister visited …. He met …")
			g.person, g.hasPers, g.personAt = m, true, g.sent
			if isSubject(s, m) && (!g.hasSubj || g.subjAt < g.sent) {
				g.subj, g.hasSubj, g.subjAt = m, true, g.sent
			}
		}
	}
	if j := rootSubject(s); j >= 0 {
		for _, m := range ms {
			if m.Code != "" && !m.Person && m.First >= 0 && m.First <= j && j <= m.Last && m.Method != actor.ByCapital && m.Method != ByGroup {
				g.body, g.hasBody, g.bodyAt = m, true, g.sent
				break
			}
		}
	}
	g.sent++
}

// closingSayer reports whether mention m is the subject of a verb of
// saying after the clause it reports ("…, he added").
func closingSayer(s *ud.Sentence, m actor.Mention) bool {
	if m.First < 0 || m.First != m.Last || !strings.HasPrefix(s.Tokens[m.First].Rel, "nsubj") {
		return false
	}
	v := s.Tokens[m.First].Head - 1
	if v < m.First || !speechVerbs[lemma(s.Tokens[v])] {
		return false
	}
	if s.Tokens[v].Rel == "parataxis" && s.Tokens[v].Head-1 < m.First {
		return true // the report's verb hung on what it reports
	}
	for c, t := range s.Tokens {
		if t.Head-1 == v && (t.Rel == "ccomp" || t.Rel == "parataxis") && c < m.First {
			return true
		}
	}
	return false
}

// partyObjectVerbs take a party, never a thing, for object: "accused it
// of …", "warned it against …".
var partyObjectVerbs = map[string]bool{"accuse": true, "blame": true, "threaten": true, "warn": true,
	"urge": true, "criticise": true, "criticize": true, "invite": true}

// reportedParty reports whether the object "it" at i of a verb in a
// reported clause stands for the reporting body: the verb takes a party
// for object, and its own subject names another actor ("Georgia said
// Russia had accused it of …").
// addressVerbs tell or ask a party something: their object is the one
// addressed.
var addressVerbs = set("urge", "ask", "press", "call", "warn", "tell", "advise", "encourage", "invite", "caution")

// reportedThenAddressed returns the party an "it" addressed by a verb of
// appeal stands for when that verb is a conjunct of a verb of saying whose
// reported clause has that party for its subject: "the ministry said Tokyo
// was stirring up tension and urged it to stop", "… and called on it to
// …". The party is another than the reporter's country; without one it
// returns the zero Mention.
func reportedThenAddressed(s *ud.Sentence, ms []actor.Mention, i int) actor.Mention {
	t := s.Tokens[i]
	v := t.Head - 1
	if v < 0 || !(t.Rel == "obj" || ud.BaseRel(t.Rel) == "obl" && hasCaseWord(s, i, "on")) {
		return actor.Mention{}
	}
	if !addressVerbs[lemma(s.Tokens[v])] || s.Tokens[v].Rel != "conj" || s.Tokens[v].Head == 0 {
		return actor.Mention{}
	}
	sv := s.Tokens[v].Head - 1
	if !speechVerbs[lemma(s.Tokens[sv])] {
		return actor.Mention{}
	}
	var rep, party actor.Mention
	for j, c := range s.Tokens {
		if c.Head == sv+1 && c.Rel == "nsubj" {
			rep, _ = mentionAt(ms, j)
		}
	}
	for j, c := range s.Tokens {
		if c.Head != sv+1 || ud.BaseRel(c.Rel) != "ccomp" || j > i {
			continue
		}
		for k, d := range s.Tokens {
			if d.Head == j+1 && d.Rel == "nsubj" {
				party, _ = mentionAt(ms, k)
			}
		}
	}
	if party.Code == "" || party.Person || rep.Code != "" && strings.HasPrefix(party.Code, rep.Code[:min(3, len(rep.Code))]) {
		return actor.Mention{}
	}
	return party
}

func reportedParty(s *ud.Sentence, ms []actor.Mention, i int) bool {
	v := s.Tokens[i].Head - 1
	if v < 0 || !partyObjectVerbs[lemma(s.Tokens[v])] {
		return false
	}
	rep, ok := reporterOf(s, ms, i)
	if !ok || rep.Person {
		return false
	}
	for j, c := range s.Tokens {
		if c.Head == v+1 && c.Rel == "nsubj" {
			m, ok := mentionAt(ms, j)
			return ok && m.Code != "" && !strings.HasPrefix(m.Code, rep.Code[:min(3, len(rep.Code))])
		}
	}
	return false
}
