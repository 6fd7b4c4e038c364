package coref

import (
	"fmt"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/ud"
)

// Methods of the mentions the story-level rules of this file add.
const (
	ByGroup       actor.Method = "coref-group"       // "the two leaders", "both sides", "they"
	ByPronoun     actor.Method = "coref-pronoun"     // "he", "his", "she" → the last person named
	ByCounterpart actor.Method = "coref-counterpart" // "his counterpart" → the other side of the pair
	ByAddressee   actor.Method = "coref-addressee"   // "you" in a quotation → the speaker's partner
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
	"government", "delegation", "head", "counterpart", "partner", "republic", "premier", "chief")

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
type party struct {
	key string // country or organisation: KAZ, EU, OSCE
	m   actor.Mention
}

// storyGroups is what the group rules remember across a story.
type storyGroups struct {
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
	weight   map[string]float64 // prominence of each party over the story
	rep      map[string]actor.Mention
	nextID   int
}

func newStoryGroups() *storyGroups {
	return &storyGroups{hub: -1, at: -100, personAt: -100, subjAt: -100, weight: map[string]float64{}, rep: map[string]actor.Mention{}}
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
		if m.Code == "" || m.First < 0 || m.First >= upto || m.Method == actor.ByCapital || strings.HasSuffix(m.Code, "MED") {
			continue
		}
		if m.Method == ByGroup {
			continue
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
	if len(out) >= 4 {
		if subj := rootSubject(s); subj >= 0 {
			for i, p := range out {
				for _, m := range ms {
					if r.partyKey(m.Code) == p.key && m.First <= subj && subj <= m.Last {
						hub = i
					}
				}
			}
		}
	}
	return out, hub
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

// mainPair returns the story's two most prominent parties so far.
func (g *storyGroups) mainPair() []party {
	var best [2]string
	for k, w := range g.weight {
		switch {
		case best[0] == "" || w > g.weight[best[0]] || w == g.weight[best[0]] && k < best[0]:
			best[1], best[0] = best[0], k
		case best[1] == "" || w > g.weight[best[1]] || w == g.weight[best[1]] && k < best[1]:
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
	if ps, hub := r.partiesOf(s, ms, i); len(ps) >= 2 {
		return ps, hub, "named before it in the sentence"
	}
	if len(g.parties) >= 2 && g.sent-g.at <= 4 {
		return g.parties, g.hub, fmt.Sprintf("named in sentence %d", g.at)
	}
	if ps := g.mainPair(); ps != nil {
		return ps, -1, "the story's main pair"
	}
	return nil, -1, ""
}

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
		case w == "the" || w == "both" || w == "two" || w == "all" || w == "these":
			first, ok = j, true
			continue
		case s.Tokens[j].UPOS == ud.ADJ || w == "visiting":
			continue
		}
		break
	}
	return first, ok
}

// hasActorBelow reports whether a mention sits in the phrase of word i ("the
// leaders of South Korea and Kazakhstan"): then the phrase names its
// parties itself.
func hasActorBelow(s *ud.Sentence, covered []bool, i int) bool {
	for j := range s.Tokens {
		if covered[j] && under(s, j, i) {
			return true
		}
	}
	return false
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
		if ps == nil {
			ps, hub, why = r.current(g, s, ms, first)
			if len(ps) < 2 {
				return
			}
			// "the two leaders", "both sides": two parties; of a larger
			// group, the story's main pair when it is in it, else the
			// host and the first guest.
			if two(s, first, i) && len(ps) > 2 {
				ps, hub, why = pickTwo(g, ps, hub), -1, why+", two of them"
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
	for i, t := range s.Tokens {
		if covered[i] {
			continue
		}
		low := strings.ToLower(t.Form)
		switch {
		case (low == "they" || low == "them" || low == "their") && !inQuote[i]:
			addGroup(i, i, i, "")
		case low == "both" && (strings.HasPrefix(t.Rel, "nsubj") || t.Rel == "root") && !inQuote[i]:
			addGroup(i, i, i, "")
		case low == "our" && inQuote[i] && hasSpeaker && i+1 < len(s.Tokens) && groupNouns[lemma(s.Tokens[i+1])] &&
			strings.HasSuffix(strings.ToLower(s.Tokens[i+1].Form), "s"):
			// "our two countries", "our nations": the speaker and partner
			addGroup(i, i+1, i+1, lemma(s.Tokens[i+1]))
		case (low == "you" || low == "your") && inQuote[i] && hasSpeaker:
			if p, ok := r.other(g, s, ms, i, speaker.Code); ok {
				out = append(out, derived(s, i, i, p.m.Code, ByAddressee, 0.5, "“"+t.Form+"” → the partner of speaker "+speaker.Name))
			}
		case (low == "he" || low == "him" || low == "his" || low == "she" || low == "her") && !inQuote[i]:
			if p, ok := r.lastPerson(g, s, ms, i); ok {
				out = append(out, derived(s, i, i, p.Code, ByPronoun, 0.55, t.Form+" → "+p.Name))
			}
		case lemma(t) == "counterpart" && !strings.HasSuffix(low, "s"):
			// "his counterpart", "the Kazakh leader's counterpart":
			// the other side of the pair from the owner
			if i == 0 {
				continue
			}
			owner := ""
			if pw := strings.ToLower(s.Tokens[i-1].Form); pw == "his" || pw == "her" {
				if p, ok := r.lastPerson(g, s, ms, i-1); ok {
					owner = p.Code
				}
			}
			if owner == "" {
				continue
			}
			if p, ok := r.other(g, s, ms, i, owner); ok {
				out = append(out, derived(s, i-1, i, p.m.Code, ByCounterpart, 0.55, "counterpart of "+owner+" → "+p.key))
			}
		default:
			if first, ok := groupPhrase(s, i); ok && !hasActorBelow(s, covered, i) {
				addGroup(first, i, i, lemma(t))
			}
		}
	}
	return out
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

// pickTwo chooses two parties of a larger group: the story's main pair if
// both are in it, else the host (or the first) and the most prominent
// other.
func pickTwo(g *storyGroups, ps []party, hub int) []party {
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
	best, subj := -1, -1
	for k, m := range ms {
		if !m.Person || m.Code == "" || m.Last >= i {
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
	case g.hasSubj && g.sent-g.subjAt <= 2:
		return g.subj, true
	case g.hasPers && g.sent-g.personAt <= 3:
		return g.person, true
	}
	return actor.Mention{}, false
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

// remember updates the story's parties, persons and prominence with a
// resolved sentence.
func (r *Resolver) remember(g *storyGroups, s *ud.Sentence, ms []actor.Mention) {
	named := ms[:0:0]
	for _, m := range ms {
		switch m.Method {
		case ByGroup, ByAddressee, ByCounterpart:
			continue
		}
		named = append(named, m)
	}
	if ps, hub := r.partiesOf(s, named, len(s.Tokens)); len(ps) >= 2 {
		g.parties, g.hub, g.at = ps, hub, g.sent
	}
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
		g.weight[k] += w
		if old, ok := g.rep[k]; !ok || rank(m) > rank(old) {
			g.rep[k] = m
		}
		if m.Person {
			g.person, g.hasPers, g.personAt = m, true, g.sent
			if isSubject(s, m) && (!g.hasSubj || g.subjAt < g.sent) {
				g.subj, g.hasSubj, g.subjAt = m, true, g.sent
			}
		}
	}
	g.sent++
}
