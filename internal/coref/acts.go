package coref

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/ud"
)

// ByAct marks a definite act noun that takes up the agent of the same act
// named earlier in the story: "the strikes" after "Dutch and Danish strikes
// on the depots", "the decision" after "Lithuania decided to …". A
// reference on the noun alone (no determiner in its span) is one whose
// modifier names where the act was held ("the Warsaw meeting"): the
// coder reaches both the modifier's mention and the act's parties.
const ByAct actor.Method = "coref-act"

// actNouns name acts whose agent a later definite mention of the act ("the
// strikes", "the expulsion", "this decision") leaves unsaid.
var actNouns = set("strike", "airstrike", "attack", "sanction", "expulsion", "decision", "move", "step", "measure",
	"invasion", "aggression", "shelling", "bombing", "raid", "incursion", "blockade", "ban", "deployment",
	"annexation", "arrest", "detention", "seizure", "closure", "restriction", "provocation", "launch", "test",
	"accusation", "allegation", "charge", "claim", "offer", "proposal", "invitation", "request", "demand", "threat", "ultimatum",
	"agreement", "deal", "accord", "treaty", "pact", "memorandum", "framework", "ceasefire", "truce",
	"protest", "complaint", "initiative", "appeal", "warning", "criticism", "condemnation", "choice",
	"meeting", "talk", "summit", "negotiation", "visit", "package",
	"assistance", "aid", "donation", "grant", "loan",
	"drill", "exercise", "manoeuvre", "maneuver", "wargame")

// actVerbs map a verb of such an act to its noun: who "decided" made "the
// decision".
var actVerbs = map[string]string{"strike": "strike", "hit": "strike", "pound": "shelling", "bombard": "shelling", "attack": "attack", "sanction": "sanction", "expel": "expulsion",
	"decide": "decision", "choose": "decision", "select": "decision", "pick": "decision", "invade": "invasion", "shell": "shelling", "bomb": "bombing", "raid": "raid", "ban": "ban",
	"deploy": "deployment", "annex": "annexation", "arrest": "arrest", "detain": "detention", "seize": "seizure",
	"close": "closure", "restrict": "restriction", "launch": "launch", "test": "test", "blockade": "blockade",
	"fire": "launch", "test-fire": "launch",
	"accuse": "accusation", "allege": "accusation", "blame": "accusation", "offer": "offer", "propose": "proposal",
	"invite": "invitation", "request": "request", "demand": "demand", "threaten": "threat",
	"agree": "agreement", "urge": "demand",
	"protest": "protest", "summon": "protest", "complain": "protest", "warn": "warning", "criticise": "criticism",
	"criticize": "criticism", "condemn": "criticism", "appeal": "demand",
	"meet": "meeting", "negotiate": "meeting", "visit": "visit"}

// agreementKinds are the acts whose parties are all who made them: the
// subject and those it made them with ("A signed a deal with B", "a
// treaty between A and B"), so that "welcomed the agreement" is toward
// every party.
var agreementKinds = set("agreement", "ceasefire", "meeting")

// sameActs are act nouns that name one kind of act: "the claims" after
// "accused" are the accusation.
var sameActs = map[string]string{"allegation": "accusation", "charge": "accusation", "claim": "accusation",
	"deal": "agreement", "accord": "agreement", "treaty": "agreement", "pact": "agreement", "memorandum": "agreement", "framework": "agreement",
	"truce": "ceasefire", "complaint": "protest", "choice": "decision", "initiative": "offer", "appeal": "demand", "condemnation": "criticism",
	"talk": "meeting", "summit": "meeting", "negotiation": "meeting",
	"aid": "assistance", "donation": "assistance", "grant": "assistance", "loan": "assistance",
	"exercise": "drill", "manoeuvre": "drill", "maneuver": "drill", "wargame": "drill"}

// incidentNouns name whatever act of force the story told of last ("the
// incident", "this violation"): they take up the agent of the latest such
// act. "the attack" and "the assault" name any act of force as well
// ("condemned the attack" after "drones struck …").
var incidentNouns = set("incident", "violation", "provocation", "aggression", "escalation", "attack", "assault", "crackdown")

// genericActs name no kind of act: "the decision", "the move", "this
// step" take up the latest act the story named when no act of their own
// kind came before.
var genericActs = set("decision", "move", "step", "measure", "package")

// wordActs are acts made of words alone: "the move", "the decision" are
// never a condemnation, a warning or an appeal ("Minsk condemned the
// sanctions … Moscow also criticised the move": the sanctions).
var wordActs = set("criticism", "accusation", "warning", "demand", "request", "threat")

// lastAct returns the latest act of any kind other than an agreement or
// an act of words the story named.
func (st *Story) lastAct() (storyAct, bool) {
	keys := make([]string, 0, len(st.acts))
	for k := range st.acts {
		if !agreementKinds[k] && !wordActs[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys) // ties in one sentence go the same way every run
	var best storyAct
	found := false
	for _, k := range keys {
		if a := st.acts[k]; !found || a.sent > best.sent {
			best, found = a, true
		}
	}
	return best, found
}

// forceActs are the kinds of act an incident noun may take up.
var forceActs = []string{"strike", "attack", "shelling", "bombing", "raid", "incursion", "launch", "seizure",
	"arrest", "detention", "invasion", "blockade", "deployment", "test"}

// lastForce returns the latest act of force the story named, and whether
// there is one.
func (st *Story) lastForce() (storyAct, bool) {
	var best storyAct
	found := false
	for _, k := range forceActs {
		if a, ok := st.acts[k]; ok && (!found || a.sent > best.sent) {
			best, found = a, true
		}
	}
	return best, found
}

// actKind returns the kind of act the noun l names.
func actKind(l string) string {
	if k, ok := sameActs[l]; ok {
		return k
	}
	return l
}

// doingVerbs carry out the act their object names: "Russia imposed
// sanctions", "the US launched strikes" (not "Iran condemned the strikes").
var doingVerbs = set("launch", "carry", "conduct", "impose", "make", "stage", "mount", "introduce", "take", "adopt",
	"order", "extend", "expand", "begin", "start", "announce", "approve", "enact",
	"sign", "reach", "conclude", "ink", "seal", "agree", "declare", "hold")

// actReach is how many sentences back an act's agent may be taken up.
const actReach = 8

// storyAct is the agent of the last act of a kind the story named.
type storyAct struct {
	owners []actor.Mention
	sent   int
}

// ownerRel reports whether the relation of word c attaches an act noun's
// agent to it: "US strikes", "Russia's invasion", "strikes by the US"
// (nmod with "by").
func ownerRel(s *ud.Sentence, c int) bool {
	switch r := s.Tokens[c].Rel; ud.BaseRel(r) {
	case "amod", "compound":
		return true
	case "nmod":
		return r == "nmod:poss" || hasCaseWord(s, c, "by")
	}
	return false
}

// actOwners returns the mentions of ms that are the agent of the act at
// word i of s: its owner modifiers with their conjuncts, or, for an act
// noun that is a verb's object ("Russia imposed sanctions") or an act verb,
// the verb's subject.
func actOwners(s *ud.Sentence, ms []actor.Mention, i int) []actor.Mention {
	var words []int
	for c, t := range s.Tokens {
		if t.Head == i+1 && (ownerRel(s, c) && s.Tokens[i].UPOS != ud.VERB || s.Tokens[i].UPOS == ud.VERB && t.Rel == "nsubj") {
			words = append(words, c)
		}
	}
	t := s.Tokens[i]
	kind := actKind(lemma(t))
	if t.UPOS == ud.VERB {
		kind = actVerbs[lemma(t)]
		words = subjectOwners(s, ms, words)
	}
	if t.UPOS == ud.VERB && len(words) == 0 && t.Rel == "conj" && t.Head > 0 {
		// a second verb sharing the first one's subject: "spoke with
		// X and urged him to …"
		for c, u := range s.Tokens {
			if u.Head == t.Head && u.Rel == "nsubj" {
				words = append(words, c)
			}
		}
	}
	if t.UPOS == ud.VERB && len(words) == 0 && !hasDep(s, i, "nsubj") && !hasDep(s, i, "nsubj:pass") && t.Head > 0 &&
		(t.Rel == "advcl" || t.Rel == "xcomp" && !hasDep(s, t.Head-1, "obj")) {
		// a participle or infinitive with no subject of its own shares
		// the clause's: "Moldova expelled an attache, accusing him of
		// spying", "Lithuania decided to expel …" (not "urged Iran to
		// …", whose infinitive is the object's)
		// (through the clauses it hangs on: "ordered an attache to
		// leave the country, accusing him …" is the orderer's)
		for h, hops := t.Head-1, 0; h >= 0 && hops < 3 && len(words) == 0; h, hops = s.Tokens[h].Head-1, hops+1 {
			for c, u := range s.Tokens {
				if u.Head == h+1 && u.Rel == "nsubj" {
					words = append(words, c)
				}
			}
			if r := ud.BaseRel(s.Tokens[h].Rel); r != "advcl" && r != "xcomp" && r != "acl" && r != "obj" {
				break
			}
		}
		words = subjectOwners(s, ms, words)
	}
	if len(words) > 0 && len(mentionsAt(ms, words)) == 0 {
		// "a gas deal", "new sanctions": the modifier names what, not
		// who
		words = nil
	}
	if t.UPOS == ud.NOUN && (t.Rel == "obj" || t.Rel == "obl" && hasCaseWord(s, i, "on")) && len(words) == 0 && t.Head > 0 &&
		s.Tokens[t.Head-1].UPOS == ud.VERB && doingVerbs[lemma(s.Tokens[t.Head-1])] {
		for c, u := range s.Tokens {
			if u.Head == t.Head && u.Rel == "nsubj" {
				words = append(words, c)
			}
		}
	}
	if agreementKinds[kind] {
		// the partners: "signed a deal with B", "a treaty between A and
		// B" (also when a broker made it: "brokered a truce between A
		// and B")
		v := -1
		if (t.Rel == "obj" || t.Rel == "obl") && t.Head > 0 {
			v = t.Head - 1
		}
		had := len(words) > 0
		if t.UPOS == ud.VERB {
			v = i // "A met B", "A met with B"
		}
		for c, u := range s.Tokens {
			if t.UPOS == ud.VERB && u.Head == i+1 && u.Rel == "obj" {
				words = append(words, c)
			}
			if (u.Head == i+1 && u.Rel == "nmod" || v >= 0 && u.Head == v+1 && u.Rel == "obl") &&
				(had && hasCaseWord(s, c, "with") || hasCaseWord(s, c, "between")) {
				words = append(words, c)
			}
		}
	}
	if agreementKinds[kind] {
		// the parties in a subject's modifiers: "Armenian and
		// Azerbaijani officials met"
		for _, w := range words {
			for c, u := range s.Tokens {
				if u.Head == w+1 && ud.BaseRel(u.Rel) == "amod" {
					words = append(words, c)
				}
			}
		}
	}
	for k := 0; k < len(words); k++ { // with conjuncts: "US and British strikes"
		for c, u := range s.Tokens {
			if u.Head == words[k]+1 && u.Rel == "conj" {
				words = append(words, c)
			}
		}
	}
	return mentionsAt(ms, words)
}

// weaponNouns name what strikes for its owner: "drones launched by the
// RSF struck …", "Russian missiles hit …".
var weaponNouns = set("drone", "missile", "rocket", "shell", "bomb", "warplane", "jet", "aircraft", "plane",
	"helicopter", "gunboat", "warship", "artillery", "mortar", "projectile", "munition")

// Weapon reports whether lemma names a weapon, which strikes for whoever
// owns or launched it. The coder and the act resolver share the list.
func Weapon(lemma string) bool { return weaponNouns[lemma] }

// subjectOwners replaces, among the subject words of an act verb, a noun
// that is no actor by who owns it: its owner modifiers ("al-Shabaab
// fighters attacked …", "Russian missiles hit …") or, for a weapon, the
// agent of a participle on it ("drones launched by the RSF struck …").
func subjectOwners(s *ud.Sentence, ms []actor.Mention, words []int) []int {
	out := words[:0:0]
	for _, w := range words {
		if len(mentionsAt(ms, []int{w})) > 0 {
			out = append(out, w)
			continue
		}
		for c, u := range s.Tokens {
			if u.Head != w+1 {
				continue
			}
			if ownerRel(s, c) || u.Rel == "nmod" && (hasCaseWord(s, c, "of") || hasCaseWord(s, c, "from")) && len(mentionsAt(ms, []int{c})) > 0 {
				// "Russian officials met", "envoys of A, B and C met",
				// "officials from A and B met"
				out = append(out, c)
			}
			if weaponNouns[lemma(s.Tokens[w])] && ud.BaseRel(u.Rel) == "acl" {
				for d, x := range s.Tokens {
					if x.Head == c+1 && (x.Rel == "obl:agent" || x.Rel == "obl" && hasCaseWord(s, d, "by")) {
						out = append(out, d)
						for e := range s.Tokens { // "by Eritrean units"
							if s.Tokens[e].Head == d+1 && ownerRel(s, e) {
								out = append(out, e)
							}
						}
					}
				}
			}
		}
	}
	return out
}

// mentionsAt returns the mentions of ms, other than act references, that
// hold one of words.
func mentionsAt(ms []actor.Mention, words []int) []actor.Mention {
	var out []actor.Mention
	for _, m := range ms {
		if m.Code == "" || m.First < 0 || m.Method == ByAct {
			continue
		}
		for _, w := range words {
			if m.First <= w && w <= m.Last {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// actRefs adds, for each definite act noun of sentence s with no agent of
// its own and not already an actor, the agent of the last act of that
// kind the story named within actReach sentences.
func (st *Story) actRefs(s *ud.Sentence, ms []actor.Mention, covered []bool) []actor.Mention {
	var out []actor.Mention
	for i, t := range s.Tokens {
		if covered[i] || t.UPOS != ud.NOUN || !actNouns[lemma(t)] && !incidentNouns[lemma(t)] {
			continue
		}
		l, first := actKind(lemma(t)), actPhrase(s, i)
		if first < 0 || agreementKinds[l] && t.Rel != "obj" {
			// an agreement is taken up where it is what one welcomes,
			// backs or condemns; as a subject ("the deal was signed",
			// "the deal covers …") it tells of itself
			continue
		}
		if l == "drill" && hasOfNmod(s, i) {
			// "the exercise of its veto" is no military drill
			continue
		}
		if l == "assistance" && t.Rel != "obj" {
			// aid is taken up where one welcomes, thanks for or
			// rejects it ("welcomed the assistance"); as a subject
			// ("the donation is intended to …") it tells of itself
			continue
		}
		if genericActs[l] && strings.HasPrefix(t.Rel, "nsubj") {
			// "The decision follows two years of talks with …": a
			// decision that is the subject acts on nothing
			continue
		}
		if l == "meeting" && (t.Head == 0 || !reactVerbs[lemma(s.Tokens[t.Head-1])] && !scorned(s, t.Head-1) && lemma(s.Tokens[t.Head-1]) != "host") {
			// a meeting is taken up where one takes a stand on it
			// ("welcomed the talks") or hosts it ("hosted the talks");
			// "attended the meeting of the council" is a meeting of
			// its own
			continue
		}
		a, ok := st.acts[l]
		if !ok && genericActs[l] {
			// "called the decision an unfriendly step" after
			// "Lithuania expelled …": the latest act of any kind
			a, ok = st.lastAct()
		}
		if !ok && slices.Contains(forceActs, l) {
			// "condemned the raid" after "Israeli jets struck the
			// port": an act of force of no kind told before is the
			// latest act of force
			a, ok = st.lastForce()
		}
		if incidentNouns[l] && !actNouns[l] {
			// "condemned the incident": the latest act of force
			a, ok = st.lastForce()
		} else if incidentNouns[l] {
			if b, has := st.lastForce(); has && (!ok || b.sent > a.sent) {
				a, ok = b, true
			}
		}
		venue := l == "meeting" && ok && venueOwner(s, ms, i)
		if venue {
			// "dismissed the Warsaw meeting as …": the capital names
			// where the meeting was, its parties are those who met;
			// the reference is the noun alone, the capital keeps its own
			// mention
			first = i
		}
		if !ok || st.groups.sent-a.sent > actReach || !venue && (len(actOwners(s, ms, i)) > 0 || ownsActor(s, i, covered)) {
			continue
		}
		patients := actPatients(s, ms, i)
		for _, o := range a.owners {
			if patients[o.Code[:min(3, len(o.Code))]] {
				continue // no one expels his own diplomats: another act of the kind
			}
			out = append(out, derived(s, first, i, o.Code, ByAct, 0.45,
				"the "+t.Form+" → its agent "+o.Name+", "+strconv.Itoa(st.groups.sent-a.sent)+" sentence(s) back"))
		}
	}
	return out
}

// scornVerbs belittle what their object names: "dismissed the talks
// as a show" takes up the talks as "welcomed the talks" does.
var scornVerbs = set("dismiss", "deride", "mock", "ridicule")

// scorned reports whether the verb at v belittles its object as
// something ("dismissed the talks as a show"); without "as", "dismissed
// the talks" may be a refusal to hold them, whose other side is whoever
// offered them, not those who met.
func scorned(s *ud.Sentence, v int) bool {
	if !scornVerbs[lemma(s.Tokens[v])] {
		return false
	}
	for c, t := range s.Tokens {
		if t.Head == v+1 && t.Rel == "obl" && hasCaseWord(s, c, "as") {
			return true
		}
	}
	return false
}

// venueOwner reports whether every owner modifier of the meeting noun at
// i is a capital or place, where the meeting was held ("the Warsaw
// meeting", "the Riyadh talks"), not who held it.
func venueOwner(s *ud.Sentence, ms []actor.Mention, i int) bool {
	found := false
	for c, t := range s.Tokens {
		if t.Head != i+1 || !ownerRel(s, c) {
			continue
		}
		at := mentionsAt(ms, []int{c})
		if len(at) == 0 {
			continue
		}
		for _, m := range at {
			if m.Method != actor.ByCapital && m.Method != actor.ByMetonym && m.Method != actor.ByPlace {
				return false
			}
		}
		if t.Rel != "compound" {
			return false
		}
		found = true
	}
	return found
}

// labelVerbs take a stand on what their object names: "called it a
// threat", "described it as …", "denounced it". An "it" there after an
// act stands for the act.
var labelVerbs = set("call", "describe", "brand", "label", "term", "dismiss", "condemn", "denounce", "criticise",
	"criticize", "deplore", "decry", "slam", "reject", "welcome", "hail", "praise")

// itRefs adds, for an "it" that is the object of a label verb, the agent
// of the act it stands for: the act noun named last before it in the
// sentence ("condemned the raid, and Jordan called it a threat"), or,
// with none, the act the last sentence named ("… also condemned the
// incident. Tallinn called it a test"). Two acts of different agents
// before it are a choice the rule does not make. refs are the act
// references actRefs made for the sentence. It also remembers the
// sentence's act for the next one.
func (st *Story) itRefs(s *ud.Sentence, ms, refs []actor.Mention, covered []bool) []actor.Mention {
	inQuote := quoted(s)
	var antes []actAnte
	var out []actor.Mention
	prev, prevOK := st.itAct, st.itOK && st.itAct.sent == st.groups.sent-1
	for i, t := range s.Tokens {
		low := strings.ToLower(t.Form)
		if low == "it" && t.Rel == "obj" && !inQuote[i] && !covered[i] && t.Head > 0 && labelVerbs[lemma(s.Tokens[t.Head-1])] {
			var owners []actor.Mention
			switch {
			case len(antes) > 0 && sameOwners(antes):
				owners = antes[len(antes)-1].owners
			case len(antes) == 0 && prevOK:
				owners = prev.owners
			}
			subj := map[string]bool{}
			for c, u := range s.Tokens {
				if u.Head == t.Head && u.Rel == "nsubj" {
					for _, m := range mentionsAt(ms, []int{c}) {
						subj[m.Code[:min(3, len(m.Code))]] = true
					}
				}
			}
			for _, o := range owners {
				if subj[o.Code[:min(3, len(o.Code))]] {
					continue // one's own act called a gamble is someone else's "it"
				}
				out = append(out, derived(s, i, i, o.Code, ByAct, 0.4, "it → the act's agent "+o.Name))
			}
			continue
		}
		if t.UPOS != ud.NOUN || !actNouns[lemma(t)] && !incidentNouns[lemma(t)] || actPhrase(s, i) < 0 {
			continue
		}
		var owners []actor.Mention
		for _, m := range refs {
			if m.Last == i {
				owners = append(owners, m)
			}
		}
		if len(owners) == 0 {
			owners = actOwners(s, ms, i)
		}
		if len(owners) > 0 {
			antes = append(antes, actAnte{i, owners})
		}
	}
	st.itOK = len(antes) > 0 && sameOwners(antes)
	if st.itOK {
		st.itAct = storyAct{owners: antes[len(antes)-1].owners, sent: st.groups.sent}
	}
	return out
}

// actAnte is an act noun of a sentence and who did it.
type actAnte struct {
	at     int
	owners []actor.Mention
}

// sameOwners reports whether every act of as has the same agents, by
// country: one act named twice, or acts of one party.
func sameOwners(as []actAnte) bool {
	key := func(a actAnte) string {
		var cs []string
		for _, o := range a.owners {
			cs = append(cs, o.Code[:min(3, len(o.Code))])
		}
		sort.Strings(cs)
		return strings.Join(slices.Compact(cs), " ")
	}
	for _, a := range as[1:] {
		if key(a) != key(as[0]) {
			return false
		}
	}
	return true
}

// ownsActor reports whether an owner modifier of the noun at i is an
// actor word (covered), or its possessive is a pronoun ("its decision",
// whose owner is someone else's business).
func ownsActor(s *ud.Sentence, i int, covered []bool) bool {
	for c, t := range s.Tokens {
		if t.Head == i+1 && (ownerRel(s, c) && covered[c] || t.Rel == "nmod:poss") {
			return true
		}
	}
	return false
}

// rememberActs records the agents of the acts sentence s names.
func (st *Story) rememberActs(s *ud.Sentence, ms []actor.Mention) {
	for i, t := range s.Tokens {
		l := lemma(t)
		noun := ""
		switch {
		case t.UPOS == ud.NOUN && actNouns[l]:
			noun = actKind(l)
		case t.UPOS == ud.VERB && actVerbs[l] != "" && !passive(s, i):
			noun = actVerbs[l]
		case t.UPOS == ud.NOUN && weaponNouns[l] && weaponActs(s, i):
			// "a Russian drone crashed into a barn", "fragments of a
			// Russian missile fell on a field": what a weapon does
			// where it lands is its owner's act of force, which a
			// later "the incident" takes up
			noun = "strike"
		case t.UPOS == ud.VERB && giveVerbs[l] && !passive(s, i) && givesGift(s, i):
			// "Japan pledged $3 million in emergency aid": a later
			// "welcomed the assistance" is Japan's
			noun = "assistance"
		default:
			continue
		}
		owners := actOwners(s, ms, i)
		if noun == "meeting" && t.UPOS == ud.NOUN && venueOwner(s, ms, i) {
			// "the Warsaw meeting" was held there, not by Poland
			continue
		}
		if len(owners) == 0 && agreementKinds[noun] && t.UPOS == ud.NOUN && unsaidSigners(s, i) {
			// "A framework for a peace deal was signed late on
			// Tuesday": signed by the story's parties, whom a later
			// "welcomed the framework" is toward
			for _, m := range ms {
				if m.Method == actor.ImplicitParties && m.Code != "" {
					owners = append(owners, m)
				}
			}
		}
		if len(owners) > 0 {
			st.acts[noun] = storyAct{owners: owners, sent: st.groups.sent}
		}
	}
}

// weaponActs reports whether the weapon noun at i is what acts in its
// clause: the active subject of a verb ("a Russian drone crashed"), or
// what a subject is made of ("fragments of a Russian missile fell"); not
// a weapon shot down, sold or supplied.
func weaponActs(s *ud.Sentence, i int) bool {
	t := s.Tokens[i]
	if t.Rel == "nsubj" {
		return true
	}
	if v := i + 1; t.Rel == "obl" && v < len(s.Tokens) && s.Tokens[v].UPOS == ud.VERB && !hasDep(s, v, "nsubj") && !passive(s, v) {
		// "… after a Russian drone crashed in a field": the parser may
		// take the subordinator for the drone's preposition and leave
		// the verb right after it with no subject; the drone is still
		// what crashed
		for c, u := range s.Tokens {
			if u.Head == i+1 && u.Rel == "case" && u.UPOS == ud.SCONJ && c < i {
				return true
			}
		}
	}
	return t.Rel == "nmod" && t.Head > 0 && s.Tokens[t.Head-1].Rel == "nsubj" && hasCaseWord(s, i, "of")
}

// hasOfNmod reports whether the noun at i has an "of" modifier.
func hasOfNmod(s *ud.Sentence, i int) bool {
	for c, t := range s.Tokens {
		if t.Head == i+1 && t.Rel == "nmod" && hasCaseWord(s, c, "of") {
			return true
		}
	}
	return false
}

// hasDep reports whether the word at h has a dependent of relation rel.
func hasDep(s *ud.Sentence, h int, rel string) bool {
	for _, t := range s.Tokens {
		if t.Head == h+1 && t.Rel == rel {
			return true
		}
	}
	return false
}

// unsaidSigners reports whether the agreement noun at i is the passive
// subject of a verb that concludes it with no agent named: "the deal was
// signed", "an accord was reached".
func unsaidSigners(s *ud.Sentence, i int) bool {
	t := s.Tokens[i]
	if t.Rel != "nsubj:pass" || t.Head == 0 || !doingVerbs[lemma(s.Tokens[t.Head-1])] {
		return false
	}
	for c, u := range s.Tokens {
		if u.Head == t.Head && (u.Rel == "obl:agent" || u.Rel == "obl" && hasCaseWord(s, c, "by")) {
			return false
		}
	}
	return true
}

// passive reports whether the verb at i has a passive subject or auxiliary.
func passive(s *ud.Sentence, i int) bool {
	for _, t := range s.Tokens {
		if t.Head == i+1 && (t.Rel == "nsubj:pass" || t.Rel == "aux:pass") {
			return true
		}
	}
	return false
}

// actPhrase returns the determiner that makes the act noun at i definite
// ("the strikes", "these strikes", "this decision", adjectives or a
// place between: "the Warsaw meeting"),
// or -1.
func actPhrase(s *ud.Sentence, i int) int {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch strings.ToLower(s.Tokens[j].Form) {
		case "the", "this", "that", "these", "those":
			return j
		case "\"", "“", "”", "'", "‘", "’":
			// quoted: opposed the "illegal unilateral sanctions"
			continue
		}
		if u := s.Tokens[j].UPOS; u != ud.ADJ && u != ud.NOUN && u != ud.NUM && u != ud.ADV && u != ud.PROPN {
			return -1
		}
	}
	return -1
}

// actPatients returns the countries the act noun at i names as what it is
// done to ("the expulsion of a Russian diplomat", "the strikes on Yemen"):
// the mentions in its phrase other than its owner modifiers.
func actPatients(s *ud.Sentence, ms []actor.Mention, i int) map[string]bool {
	in := make([]bool, len(s.Tokens))
	var mark func(h, depth int)
	mark = func(h, depth int) {
		for c, t := range s.Tokens {
			if t.Head == h+1 && depth < 4 && !(h == i && ownerRel(s, c)) && ud.BaseRel(t.Rel) != "acl" {
				in[c] = true
				mark(c, depth+1)
			}
		}
	}
	mark(i, 0)
	out := map[string]bool{}
	for _, m := range ms {
		for w := max(m.First, 0); m.Code != "" && w <= m.Last && w < len(in); w++ {
			if in[w] {
				out[m.Code[:min(3, len(m.Code))]] = true
			}
		}
	}
	return out
}

// givesGift reports whether an object or oblique of the verb of giving at
// v names a gift (giftWords): aid, money, goods.
func givesGift(s *ud.Sentence, v int) bool {
	for j, c := range s.Tokens {
		if c.Head != v+1 {
			continue
		}
		switch ud.BaseRel(c.Rel) {
		case "obj", "obl", "compound":
			for k := range s.Tokens {
				if underPhrase(s, k, j) && giftWords[lemma(s.Tokens[k])] {
					return true
				}
			}
		}
	}
	return false
}
