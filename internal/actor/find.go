package actor

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"farabi/internal/ud"
)

// Context is what the recognizer knows about a story beyond its sentence.
type Context struct {
	// Date is the story's date; it picks the term of every dated code. The
	// zero time picks each actor's latest term.
	Date time.Time
	// Country is the code of the dateline's country ("KAZ" for a story
	// datelined ASTANA), or empty. A bare agent such as "the president"
	// takes it when the sentence names no other country.
	Country string
}

// Method says how a mention was recognized.
type Method string

// Methods of recognition, from the most to the least direct.
const (
	ByName       Method = "name"       // the actor's name or alias
	ByTitle      Method = "title"      // a title and a name: "Kazakhstan's President Kassym-Jomart Tokayev"
	ByAgent      Method = "agent"      // a country and an agent: "Russian troops", "the Kazakh capital"
	ByAgentList  Method = "agent-list" // an agent of a list of countries: "companies from China, France"
	ByAdjective  Method = "adjective"  // a country's adjective alone: "Kazakh"
	ByCapital    Method = "capital"    // a capital as a place: "in Astana"
	ByMetonym    Method = "metonym"    // a capital for its government: "Moscow said"
	ByAppositive Method = "appositive" // a name unknown to the dictionary with a title beside it
	ByDateline   Method = "dateline"   // a bare agent whose country is the dateline's
	ByPlace      Method = "place"      // a city or province for its country: "struck Kharkiv" (FindPlaces only)

	// Implicit actors stand for the whole sentence (First and Last are
	// -1, Span is the sentence's): a story-level resolver adds them for a
	// coder to use when a clause leaves an actor unsaid.
	ImplicitSpeaker Method = "implicit-speaker" // who speaks a transcript's turn: "Thank you for coming"
	ImplicitParties Method = "implicit-parties" // the story's parties: "an agreement was signed"
	ImplicitCrowd   Method = "implicit-crowd"   // the protesters of a protest with none named: "a rally was held in Baku"
	// the country a disaster the story tells of struck: aid sent "to the
	// quake zone" or "for the victims" is for it
	ImplicitStricken Method = "implicit-stricken"
)

// Mention is an actor found in a sentence.
type Mention struct {
	First, Last int     // indexes of the first and last token, both included
	Span        ud.Span // byte offsets into the document
	ActorID     string  // the actor's id; empty for agents and unknown names
	Name        string  // the actor's primary name, or the text of an unknown name
	// Code is the CAMEO actor code on the story's date. It is empty for a
	// known actor that held no code then.
	Code       string
	Role       string  // the role text of the term ("President"), or the agent's name
	Confidence float64 // in (0, 1]
	Method     Method
	Why        string // the dictionary names that matched, for explanations
	// Person reports that the mention names one person ("Tokayev",
	// "President Tokayev", "Roman Vassilenko, the deputy minister"), whom
	// "he" and "she" may take up later.
	Person bool
	// Group numbers the members of a phrase that names several parties
	// at once ("the two leaders", "both sides"), resolved by the story:
	// each member is a mention over the same words with the same Group.
	// Hub marks the member a reciprocal act pairs with each other member
	// (the host of a meeting of many); without a hub, a group of two or
	// three pairs every member with every other.
	Group int
	Hub   bool
}

// Confidences of the methods, before penalties.
const (
	confPerson    = 0.95
	confName      = 0.9
	confTitle     = 0.95
	confAgent     = 0.85
	confAgentList = 0.8
	confCapital   = 0.75
	confMetonym   = 0.7
	confTitleNew  = 0.7
	confAppos     = 0.65
	confAdj       = 0.6
	confDateline  = 0.5
	confPlace     = 0.7

	penaltyAmbiguous = 0.8 // several actors share the name
	penaltyCase      = 0.7 // a capitalised name written in lower case
	penaltyAlias     = 0.95
)

// piece is a part of a token: a token splits at hyphens and slashes.
type piece struct {
	raw         string
	h           uint64
	tok         int32
	first, last bool
}

// hit is a dictionary name found over tokens first..last.
type hit struct {
	first, last int
	e           *entry
	ambiguous   bool
	lower       bool // written all in lower case where the name is not
}

// Find returns the actors mentioned in s, in order of their first token and
// without overlaps (a PETRARCH entry with several codes, "[FRO/BIL]", gives
// one mention per code over the same words). Names match longest first,
// case-insensitively (all-capital abbreviations only in capitals) and with
// diacritics ignored; possessives ("Kazakhstan's") match the bare name.
// Compound phrases make one mention: a country and an agent ("the Kazakh
// Foreign Ministry"), a title and a person ("Kazakhstan's Deputy Foreign
// Minister Roman Vassilenko"); an agent with a list of countries makes one
// mention per country ("companies from China and France"). ctx.Date picks
// each actor's term, and ctx.Country gives a bare "the president" its
// country when the sentence names no other. The returned slice is new and
// owned by the caller; Find is safe for concurrent use.
func (d *Dictionary) Find(s *ud.Sentence, ctx Context) []Mention {
	ms, _ := d.FindPlaces(s, ctx)
	return ms
}

// FindPlaces returns what [Dictionary.Find] does, and apart from it the
// places the sentence names: cities, provinces and regions (entries of
// kind place), each a mention with method ByPlace and the code of the
// country it is in. A place is no actor: Find leaves it out, and a coder
// takes it for its country only where an act needs a target and names
// none ("drones struck Kharkiv"). A place's name still blocks the shorter
// names inside it. Both slices are new and owned by the caller.
func (d *Dictionary) FindPlaces(s *ud.Sentence, ctx Context) (ms, places []Mention) {
	if len(s.Tokens) == 0 || len(d.entries) == 0 {
		return nil, nil
	}
	date := DateOf(ctx.Date)
	hits := d.scan(s, date)
	if len(hits) == 0 {
		return nil, nil
	}
	f := finder{d: d, s: s, date: date, ctx: ctx, hits: hits, out: make([]Mention, 0, len(hits)+1)}
	f.combine()
	return f.out, f.places
}

// scan finds the longest dictionary name at each token, left to right.
func (d *Dictionary) scan(s *ud.Sentence, date Date) []hit {
	var ps []piece
	if buf, ok := d.pieces.Get().(*[]piece); ok {
		ps = (*buf)[:0]
		defer func() { *buf = ps[:0]; d.pieces.Put(buf) }()
	} else {
		ps = make([]piece, 0, len(s.Tokens)+len(s.Tokens)/4)
		defer func() { d.pieces.Put(&ps) }()
	}
	for i := range s.Tokens {
		form := s.Tokens[i].Form
		if simpleWord(form) {
			// the common case: one piece, no hyphen, slash or possessive
			ps = append(ps, piece{raw: form, h: foldHash(form), tok: int32(i), first: true, last: true})
			continue
		}
		n := len(ps)
		eachPiece(form, func(p string, _ int) {
			ps = append(ps, piece{raw: p, h: foldHash(p), tok: int32(i)})
		})
		if len(ps) > n {
			ps[n].first = true
			ps[len(ps)-1].last = true
			if len(ps)-n >= 2 && trimPossessive(form) != form {
				// "Kazakhstan’s" left whole: a name may end before the "’s"
				ps[len(ps)-2].last = true
			}
		}
	}
	hits := make([]hit, 0, 8)
	for k := 0; k < len(ps); {
		bestEnd, best, amb := d.longestAt(ps, k, date)
		if best < 0 {
			// a surname spelt another way ("Berdymukhammedov")
			if ps[k].first && ps[k].last {
				if v := d.variant(ps[k].raw, date); v >= 0 {
					hits = append(hits, hit{first: int(ps[k].tok), last: int(ps[k].tok), e: &d.variantEntries[v], ambiguous: true})
				}
			}
			k++
			continue
		}
		// A longer name starting inside this one and running past it wins:
		// "the Gulf Cooperation Council" is the GCC, not "the Gulf" and a
		// stray "Cooperation Council".
		if alt := d.overtaken(ps, k, bestEnd, date); alt > k {
			k = alt
			continue
		}
		h := hit{first: int(ps[k].tok), last: int(ps[bestEnd].tok), e: &d.entries[best], ambiguous: amb}
		h.lower = isLowerRun(ps[k:bestEnd+1]) && !isLowerName(h.e.text)
		hits = append(hits, h)
		k = bestEnd + 1
	}
	return hits
}

// longestAt returns the last piece and the entry of the longest name
// starting at piece k, and whether it is ambiguous; best is -1 when no
// name starts there.
func (d *Dictionary) longestAt(ps []piece, k int, date Date) (bestEnd int, best int32, amb bool) {
	bestEnd, best = -1, -1
	if h := ps[k].h; !ps[k].first || d.first[h%firstBits/64]&(1<<(h%64)) == 0 {
		return
	}
	node := int32(0)
	for j := k; j < len(ps); j++ {
		next := d.edges.get(node, ps[j].h)
		if next == 0 {
			break
		}
		node = next
		if !ps[j].last || len(d.ends[node]) == 0 {
			continue
		}
		if e, a := d.pick(ps[k:j+1], d.ends[node], date); e >= 0 {
			bestEnd, best, amb = j, e, a
		}
	}
	return
}

// overtaken returns the piece where a name starts that begins inside the
// name from k to end and runs past it with more words, or -1.
func (d *Dictionary) overtaken(ps []piece, k, end int, date Date) int {
	for k2 := k + 1; k2 <= end; k2++ {
		if !ps[k2].first {
			continue
		}
		if end2, best2, _ := d.longestAt(ps, k2, date); best2 >= 0 && end2 > end && ps[end2].tok-ps[k2].tok > ps[end].tok-ps[k].tok {
			return k2
		}
	}
	return -1
}

// trimPossessive removes a possessive ending the tokenizer left on a word.
func trimPossessive(form string) string {
	for _, suf := range [...]string{"'s", "’s", "'S", "’S"} {
		if len(form) > len(suf) && strings.HasSuffix(form, suf) {
			return form[:len(form)-len(suf)]
		}
	}
	return form
}

func isLowerRun(ps []piece) bool {
	for _, p := range ps {
		for _, r := range p.raw {
			if unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

func isLowerName(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// pick chooses among the entries ending at a trie node the best one whose
// pieces equal ps, and reports whether the name belongs to several actors.
func (d *Dictionary) pick(ps []piece, ids []int32, date Date) (int32, bool) {
	best, bestRank := int32(-1), -1
	firstRef, ambiguous := int32(-1), false
	for _, id := range ids {
		e := &d.entries[id]
		if len(e.pieces) != len(ps) {
			continue
		}
		ok := true
		for i, p := range ps {
			if e.exact != nil && e.exact[i] != "" {
				if p.raw != e.exact[i] {
					ok = false
					break
				}
			} else if !foldEqual(p.raw, e.pieces[i]) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		r := d.rank(e, date)
		if e.kind == entName || e.kind == entCapital || e.kind == entAdj {
			if firstRef < 0 {
				firstRef = e.ref
			} else if e.ref != firstRef {
				ambiguous = true
			}
		}
		if r > bestRank {
			best, bestRank = id, r
		}
	}
	return best, ambiguous
}

// rank orders candidate entries for one name: discards first, then actors
// that held a code on the date, countries before others.
func (d *Dictionary) rank(e *entry, date Date) int {
	switch e.kind {
	case entDiscard:
		return 100
	case entAgent:
		return 10
	}
	a := d.Actors[e.ref]
	r := 20
	if t, ok := a.TermOn(date); ok && t.Code != NullCode {
		r = 50
		if strings.HasSuffix(t.Code, "ELI") {
			r = 49 // a former office holder yields a shared name to the one in office
		}
	}
	if a.Kind == KindCountry {
		r += 5
	}
	if e.kind == entName {
		r += 2
	}
	return r
}

// finder turns hits into mentions.
type finder struct {
	d    *Dictionary
	s    *ud.Sentence
	date Date
	ctx  Context
	hits []hit
	out  []Mention
	// places are the hits of place entries, kept apart from out
	places []Mention
}

func (f *finder) tok(i int) *ud.Token { return &f.s.Tokens[i] }

func (f *finder) emit(m Mention) {
	m.Span = ud.Span{Start: f.s.Tokens[m.First].Span.Start, End: f.s.Tokens[m.Last].Span.End}
	f.out = append(f.out, m)
}

// countryOf returns the country code an entry gives on the date: a country's
// name, adjective or capital. It returns "" for anything else.
func (f *finder) countryOf(h *hit) (string, *Actor) {
	if h.e.kind != entName && h.e.kind != entAdj && h.e.kind != entCapital {
		return "", nil
	}
	a := f.d.Actors[h.e.ref]
	if a.Kind != KindCountry && a.Kind != KindRegion && h.e.kind == entName && !(f.d.upper && len(a.Terms) > 0 && len(a.Terms[0].Code) == 3) {
		return "", nil
	}
	t, ok := a.TermOn(f.date)
	if !ok || t.Code == NullCode {
		return "", nil
	}
	return t.Code, a
}

func (f *finder) combine() {
	var buf [64]bool
	var used []bool
	if len(f.hits) <= len(buf) {
		used = buf[:len(f.hits)]
	} else {
		used = make([]bool, len(f.hits))
	}
	for i := 0; i < len(f.hits); i++ {
		if used[i] {
			continue
		}
		h := &f.hits[i]
		if h.e.kind == entDiscard {
			continue
		}
		if n := f.countryAgent(i, used); n > 0 {
			continue
		}
		switch h.e.kind {
		case entAgent:
			f.agent(i, used)
		case entName:
			if f.d.Actors[h.e.ref].Kind == KindPlace {
				f.place(h)
				break
			}
			f.name(i, used)
		case entAdj:
			if c, a := f.countryOf(h); c != "" {
				f.emit(f.conf(Mention{First: h.first, Last: h.last, ActorID: a.ID, Name: a.Name, Code: c,
					Confidence: confAdj, Method: ByAdjective, Why: "adjective " + quote(h.e.text)}, h))
			}
		case entCapital:
			c, a := f.countryOf(h)
			if c == "" || f.isDateline(h) || f.labels(h.last) {
				continue
			}
			m := Mention{First: h.first, Last: h.last, ActorID: a.ID, Name: a.Name, Code: c,
				Confidence: confCapital, Method: ByCapital, Why: "capital " + quote(h.e.text)}
			if !f.placePrep(h.first) {
				m.Code, m.Method, m.Confidence, m.Role = c+"GOV", ByMetonym, confMetonym, "government"
				m.Why = "capital " + quote(h.e.text) + " for its government"
			}
			f.emit(f.conf(m, h))
		}
		used[i] = true
	}
	f.appositives()
	f.portfolios()
	byFirst := func(a, b Mention) int { return a.First - b.First }
	if !slices.IsSortedFunc(f.out, byFirst) {
		slices.SortStableFunc(f.out, byFirst)
	}
	f.countryBeforePerson()
	f.personRest()
}

// portfolioNouns name an office whose "for X" is its brief, not its
// holder's country: "the UN Special Envoy for Syria", "the EU Special
// Representative for Central Asia", "his Special Envoy for Yemen".
var portfolioNouns = map[string]bool{"envoy": true, "envoys": true, "representative": true, "representatives": true,
	"coordinator": true, "commissioner": true, "rapporteur": true, "adviser": true, "advisor": true, "czar": true,
	"tsar": true, "ambassador": true, "minister": true}

// portfolios drops the mentions that are an office's brief: a name after
// "for" after a portfolio noun that already has an owner (a mention just
// before it, "UN Special Envoy", or a possessive pronoun, "his Special
// Envoy"). Syria is no party to what the UN envoy for Syria does.
func (f *finder) portfolios() {
	out := f.out[:0]
	for _, m := range f.out {
		if !f.brief(m) {
			out = append(out, m)
		}
	}
	f.out = out
}

func (f *finder) brief(m Mention) bool {
	p := m.First - 2
	if p < 0 || !strings.EqualFold(f.tok(m.First-1).Form, "for") || !portfolioNouns[strings.ToLower(f.tok(p).Form)] {
		return false
	}
	for j := p; j >= max(0, p-3); j-- {
		switch strings.ToLower(f.tok(j).Form) {
		case "his", "her", "its", "their":
			return true
		}
		for _, o := range f.out {
			if o.First <= j && j <= o.Last && o.First != m.First {
				return true
			}
		}
	}
	return false
}

// countryBeforePerson makes one mention of a country named just before a
// person of that country whose dictionary name carries the title
// ("Chinese President Xi" with the alias "President Xi", "China's
// President Xi"): one actor, not the country and its leader beside it.
func (f *finder) countryBeforePerson() {
	out := f.out[:0]
	for k := 0; k < len(f.out); k++ {
		m := f.out[k]
		if k+1 < len(f.out) {
			p := &f.out[k+1]
			gap := p.First - m.Last - 1
			if gap == 1 && f.isPoss(m.Last+1) {
				gap = 0
			}
			if (m.Method == ByAdjective || m.Method == ByName) && len(m.Code) == 3 && p.Person && p.Method == ByName &&
				gap == 0 && len(p.Code) >= 3 && p.Code[:3] == m.Code {
				p.First, p.Span.Start = m.First, m.Span.Start
				p.Why = m.Why + " + " + p.Why
				continue
			}
		}
		out = append(out, m)
	}
	f.out = out
}

// personRest extends a person's mention found by a shorter name over the
// rest of the person's full name when the text goes on with it: "President
// Xi Jinping" found as the alias "President Xi" covers "Jinping" too.
func (f *finder) personRest() {
	for k := range f.out {
		m := &f.out[k]
		if !m.Person || m.Method != ByName || m.Last+1 >= len(f.s.Tokens) || k+1 < len(f.out) && f.out[k+1].First <= m.Last+1 {
			continue
		}
		words := strings.Fields(m.Name)
		last := f.tok(m.Last).Form
		for j, w := range words {
			if !strings.EqualFold(w, last) {
				continue
			}
			n := 0
			for j+1+n < len(words) && m.Last+1+n < len(f.s.Tokens) && strings.EqualFold(words[j+1+n], f.tok(m.Last+1+n).Form) {
				n++
			}
			if n > 0 && j+1+n == len(words) {
				m.Last += n
				m.Span.End = f.tok(m.Last).Span.End
			}
			break
		}
	}
}

// conf applies a hit's penalties.
func (f *finder) conf(m Mention, h *hit) Mention {
	if h.ambiguous {
		m.Confidence *= penaltyAmbiguous
	}
	if h.lower {
		m.Confidence *= penaltyCase
	}
	return m
}

func quote(s string) string { return "\"" + s + "\"" }

// name emits an actor named by its name or alias.
func (f *finder) name(i int, used []bool) {
	h := &f.hits[i]
	a := f.d.Actors[h.e.ref]
	if a.Kind == KindPerson && h.first == h.last && h.first > 0 && f.givenWord(h.first-1) && !givenNameFits(a, f.tok(h.first-1).Form) {
		return // "Sherzod Asadov" is not Ali Asadov: a surname after another's given name
	}
	if a.Kind == KindRegion && f.partOf(h) {
		return
	}
	m := Mention{First: h.first, Last: h.last, ActorID: a.ID, Name: a.Name, Method: ByName,
		Why: "name " + quote(h.e.text), Person: a.Kind == KindPerson}
	switch {
	case a.Kind == KindPerson:
		m.Confidence = confPerson
	default:
		m.Confidence = confName
	}
	if h.e.text != a.Name {
		m.Confidence *= penaltyAlias
	}
	t, ok := a.TermOn(f.date)
	if !ok || t.Code == NullCode {
		m.Why += "; no code on the date"
		f.emit(f.conf(m, h))
		return
	}
	m.Code, m.Role = t.Code, t.Role
	f.emit(f.conf(m, h))
	// PETRARCH's "[FRO/BIL/SAM]": one actor per code, over one name
	for _, u := range a.Terms {
		if u.Line == t.Line && u.Line != 0 && u.Code != t.Code && u.From == t.From && u.To == t.To && u.Code != NullCode {
			m.Code = u.Code
			f.emit(f.conf(m, h))
		}
	}
}

// partOf reports whether a bare region word ("the west", "the Gulf") is
// the head of an "of" phrase: "the west of the country", "the Gulf of
// Finland" name part of a place or another body of water, neither the West
// nor the Gulf states. The region word must be in a phrase of place ("in
// the west of the country") and the "of" hang on it, not on a verb
// ("accused the West of prolonging the war"); round 35.
func (f *finder) partOf(h *hit) bool {
	j := h.last + 1
	if h.last-h.first > 1 || j >= len(f.s.Tokens) || !strings.EqualFold(f.tok(j).Form, "of") {
		return false
	}
	if r := ud.BaseRel(f.tok(h.last).Rel); r != "obl" && r != "nmod" {
		return false // (an object or subject: "warned the West of the consequences")
	}
	k := f.tok(j).Head - 1
	return k > j && f.tok(k).Head-1 >= h.first && f.tok(k).Head-1 <= h.last
}

// place keeps the hit of a place entry apart, with the code of its
// country on the date; a place within a process's name ("the Donetsk
// agreement") is none.
func (f *finder) place(h *hit) {
	a := f.d.Actors[h.e.ref]
	t, ok := a.TermOn(f.date)
	if !ok || t.Code == NullCode || h.lower || f.labels(h.last) {
		return // (a place written in lower case is most likely a word)
	}
	m := Mention{First: h.first, Last: h.last, ActorID: a.ID, Name: a.Name, Code: t.Code,
		Confidence: confPlace, Method: ByPlace, Why: "place " + quote(h.e.text) + " in " + t.Code}
	m.Span = ud.Span{Start: f.s.Tokens[m.First].Span.Start, End: f.s.Tokens[m.Last].Span.End}
	f.places = append(f.places, f.conf(m, h))
}

// placePrep reports whether the word before token i is a preposition of
// place, so that a capital names a place ("in Astana"), not a government.
func (f *finder) placePrep(i int) bool {
	if i == 0 {
		return false
	}
	t := f.tok(i - 1)
	if t.UPOS == ud.ADP {
		return true
	}
	switch strings.ToLower(t.Form) {
	case "in", "to", "at", "from", "into", "near", "outside", "via", "across", "around", "visited", "visit", "visiting", "toward", "towards", "of":
		return true
	}
	return false
}

// processNouns name a diplomatic process, document or body after the city
// where it began: "the Minsk process", "the Astana format", "the Paris
// agreement", "the OSCE Minsk Group".
var processNouns = map[string]bool{"process": true, "format": true, "agreement": true, "agreements": true,
	"accord": true, "accords": true, "protocol": true, "protocols": true, "declaration": true, "formula": true,
	"platform": true, "convention": true, "conventions": true, "group": true, "talks": true, "framework": true}

// labels reports whether the capital ending at token i only names a
// process ("the Minsk process"): neither a place nor a government.
func (f *finder) labels(i int) bool {
	if i+1 >= len(f.s.Tokens) {
		return false
	}
	t := f.tok(i + 1)
	return processNouns[strings.ToLower(t.Form)]
}

// isPoss reports whether token i is a possessive ending.
func (f *finder) isPoss(i int) bool {
	if i >= len(f.s.Tokens) {
		return false
	}
	switch f.tok(i).Form {
	case "'s", "’s", "'", "’", "'S", "’S":
		return true
	}
	return false
}

// hasPoss reports whether the hit ending at token last is followed by a
// possessive, or carries one.
func (f *finder) hasPoss(last int) (bool, int) {
	if f.isPoss(last + 1) {
		return true, last + 1
	}
	form := f.tok(last).Form
	return trimPossessive(form) != form, last
}

// hitAt returns the index of the hit starting at token t, or -1.
func (f *finder) hitAt(t int, from int) int {
	for j := from; j < len(f.hits); j++ {
		if f.hits[j].first == t {
			return j
		}
		if f.hits[j].first > t {
			break
		}
	}
	return -1
}

// countryAgent recognizes one or more countries (names, adjectives or
// possessive capitals, joined by "," "and" "or") before an agent, with up to
// three modifiers between: "Russian troops", "Kazakhstan's Deputy Foreign
// Minister", "Chinese and Russian companies". A person or an unknown name
// after the agent joins the mention. It returns the number of hits used.
func (f *finder) countryAgent(i int, used []bool) int {
	var list []countryRef
	j := i
	t := f.hits[i].first
	for {
		if j < 0 || j >= len(f.hits) || f.hits[j].first != t {
			return 0
		}
		h := &f.hits[j]
		code, a := f.countryOf(h)
		if code == "" {
			return 0
		}
		poss, end := f.hasPoss(h.last)
		if h.e.kind == entCapital && !poss {
			return 0
		}
		list = append(list, countryRef{j, code, a})
		t = end + 1
		// coordination: ", and the X"
		k := f.skipJoiners(t, j+1)
		if k > t && k < len(f.s.Tokens) {
			if n := f.hitAt(k, j+1); n >= 0 {
				if c, _ := f.countryOf(&f.hits[n]); c != "" && f.hits[n].e.kind != entCapital {
					t, j = k, n
					continue
				}
			}
		}
		// the agent, after up to three modifiers when the country is an
		// adjective or possessive
		last := &f.hits[list[len(list)-1].hit]
		maxMods := 0
		if poss || last.e.kind == entAdj {
			maxMods = 3
		}
		for m := 0; m <= maxMods && t < len(f.s.Tokens); m++ {
			if n := f.hitAt(t, j+1); n >= 0 {
				if f.hits[n].e.kind != entAgent || f.s.HyphenAfter(f.hits[n].last) {
					// "the Czech state-controlled company": the agent word
					// is the first part of a hyphened modifier
					return 0
				}
				f.emitCountryAgent(list, n, used)
				return n - i + 1
			}
			if maxMods == 0 && f.pastWord(t) {
				maxMods = 1 // "Arnor former officials"
			}
			if !f.modifier(t) {
				return 0
			}
			t++
		}
		return 0
	}
}

// modifier reports whether token i can stand between a country and its
// agent: "Deputy", "state", "nuclear".
func (f *finder) modifier(i int) bool {
	tk := f.tok(i)
	switch tk.UPOS {
	case ud.NoUPOS, ud.ADJ, ud.NOUN, ud.PROPN:
	default:
		return false
	}
	if stopWord(tk.Form) {
		return false
	}
	for _, r := range tk.Form {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// countryRef is a country hit with its code on the date.
type countryRef struct {
	hit  int
	code string
	a    *Actor
}

// emitCountryAgent emits the mentions of countries + agent hit ag. With one
// country, a following person or unknown name joins the mention.
func (f *finder) emitCountryAgent(countries []countryRef, ag int, used []bool) {
	g := f.d.Agents[f.hits[ag].e.ref]
	agHit := &f.hits[ag]
	firstHit := countries[0].hit
	former := f.former(f.hits[ag-1].last+1, agHit.first) || f.pastWord(f.hits[firstHit].first-1)
	for k := firstHit; k <= ag; k++ {
		used[k] = true
	}
	if len(countries) > 1 {
		// "Chinese and Russian companies": each country its own mention,
		// the last one over the agent
		for k, c := range countries {
			h := &f.hits[c.hit]
			last := h.last
			if k == len(countries)-1 {
				last = agHit.last
			}
			f.emit(f.conf(Mention{First: h.first, Last: last, ActorID: c.a.ID, Name: c.a.Name,
				Code: f.agentCode(g, c.code, former), Role: agHit.e.text, Confidence: confAgentList,
				Method: ByAgentList, Why: kindWord(h.e.kind) + " " + quote(h.e.text) + " + agent " + quote(agHit.e.text)}, h))
		}
		return
	}
	c := countries[0]
	h := &f.hits[c.hit]
	m := f.conf(Mention{First: h.first, Last: agHit.last, ActorID: c.a.ID, Name: c.a.Name,
		Code: f.agentCode(g, c.code, former), Role: agHit.e.text, Confidence: confAgent, Method: ByAgent,
		Why: kindWord(h.e.kind) + " " + quote(h.e.text) + " + agent " + quote(agHit.e.text)}, h)
	if g.Role != "" {
		if p := f.personAfter(agHit.last+1, ag+1, used); p != nil {
			m = f.titled(m, p, g, agHit.e.text)
		}
	}
	f.emit(m)
}

func kindWord(k entryKind) string {
	switch k {
	case entAdj:
		return "adjective"
	case entCapital:
		return "capital"
	}
	return "country"
}

// person is a name after a title: a known person or an unknown name.
type person struct {
	first, last int
	a           *Actor // nil for an unknown name
	text        string
}

// personAfter returns the person named at token t, from hit index from on,
// marking its hit used.
func (f *finder) personAfter(t, from int, used []bool) *person {
	if t >= len(f.s.Tokens) {
		return nil
	}
	isPerson := func(n int) *Actor {
		h := &f.hits[n]
		if h.e.kind != entName {
			return nil
		}
		a := f.d.Actors[h.e.ref]
		if a.Kind != KindPerson && !(f.d.upper && a.Kind == "") {
			return nil
		}
		return a
	}
	if n := f.hitAt(t, from); n >= 0 {
		a := isPerson(n)
		if a == nil {
			return nil
		}
		h := &f.hits[n]
		if last := f.nameRun(t); h.last < last && h.first == t && f.hitAt(h.last+1, n+1) < 0 {
			// "Ambassador Petro Vrublevsky": a known name that is only the
			// first word of a longer one is someone else's first name
			used[n] = true
			return &person{first: t, last: last, text: f.text(t, last)}
		}
		used[n] = true
		return &person{first: h.first, last: h.last, a: a, text: h.e.text}
	}
	last := f.nameRun(t)
	if last < t {
		return nil
	}
	for n := from; n < len(f.hits); n++ {
		h := &f.hits[n]
		if h.first > last {
			break
		}
		if h.last < t {
			continue
		}
		// "Almasadam Satkaliyev" where the dictionary knows the surname,
		// unless the given name is plainly another's ("Sherzod Asadov"
		// is not Ali Asadov)
		if a := isPerson(n); a != nil && h.last >= last {
			if !givenNameFits(a, f.tok(t).Form) {
				used[n] = true // the surname is this person's, not a's
				break
			}
			used[n] = true
			return &person{first: t, last: h.last, a: a, text: f.text(t, h.last)}
		}
		return nil
	}
	if orgWord(f.tok(last).Form) {
		return nil
	}
	return &person{first: t, last: last, text: f.text(t, last)}
}

// givenWord reports whether token i may be an unknown person's given name:
// a name word the dictionary has no entry at ("Sherzod", not "Russian", nor
// "President": titles are agents, and so hits; "Mr" is a stop word) and
// none of the few honorifics and title parts agents.txt has no entry for.
func (f *finder) givenWord(i int) bool {
	if !f.nameWord(i) || f.coveredByHit(i) {
		return false
	}
	switch strings.ToLower(f.tok(i).Form) {
	case "dr", "sheikh", "sheik", "speaker", "chief", "deputy", "secretary", "prime":
		return false
	}
	return true
}

// coveredByHit reports whether a dictionary hit covers token i.
func (f *finder) coveredByHit(i int) bool {
	for j := range f.hits {
		if f.hits[j].first <= i && i <= f.hits[j].last {
			return true
		}
	}
	return false
}

// givenNameFits reports whether given, the first word of a name whose
// surname the dictionary knows for a, may be a's given name: a's names
// with more than one word start with the same letter (spellings vary:
// "Almasadam", "Almassadam"), or a has none.
func givenNameFits(a *Actor, given string) bool {
	g, _ := utf8.DecodeRuneInString(strings.ToLower(given))
	seen := false
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		w, rest, ok := strings.Cut(n, " ")
		if !ok || rest == "" {
			continue
		}
		seen = true
		if r, _ := utf8.DecodeRuneInString(strings.ToLower(w)); r == g {
			return true
		}
	}
	return !seen
}

// orgWord reports whether a word ends the names of bodies, not people:
// "the Kyrgyz State Committee" names no person.
func orgWord(w string) bool {
	switch strings.ToLower(w) {
	case "committee", "ministry", "council", "agency", "service", "department", "bank", "party",
		"company", "group", "forum", "union", "organization", "organisation", "office", "commission",
		"court", "assembly", "parliament", "administration", "institute", "fund", "corporation",
		"authority", "board", "bureau", "centre", "center", "army", "force", "forces", "police",
		"guard", "guards", "government", "cabinet", "senate", "congress", "house", "palace":
		return true
	}
	return false
}

// text returns the document text of tokens i..j as the sentence holds it.
func (f *finder) text(i, j int) string {
	var b strings.Builder
	for k := i; k <= j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(f.tok(k).Form)
	}
	return b.String()
}

// nameRun returns the last token of the run of capitalised words (or PROPN)
// starting at t, at most four words; t-1 when there is none.
func (f *finder) nameRun(t int) int {
	last := t - 1
	for k := t; k < len(f.s.Tokens) && k < t+4; k++ {
		if !f.nameWord(k) {
			break
		}
		last = k
	}
	return last
}

// nameWord reports whether token i can be part of a proper name.
func (f *finder) nameWord(i int) bool {
	tk := f.tok(i)
	if tk.UPOS != ud.NoUPOS && tk.UPOS != ud.PROPN {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tk.Form)
	if !unicode.IsUpper(r) || stopWord(tk.Form) {
		return false
	}
	for _, r := range tk.Form {
		if !unicode.IsLetter(r) && r != '-' && r != '.' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// titled joins a title mention m, made by agent g named title, with the
// person after it.
func (f *finder) titled(m Mention, p *person, g *Agent, title string) Mention {
	m.Last, m.Person = p.last, true
	if p.a == nil {
		m.Name, m.ActorID = p.text, ""
		m.Method, m.Confidence = ByAppositive, confTitleNew
		m.Why += " + unknown name " + quote(p.text)
		return m
	}
	m.Method, m.Confidence = ByTitle, confTitle
	m.ActorID, m.Name = p.a.ID, p.a.Name
	m.Why += " + person " + quote(p.text)
	if t, ok := p.a.TermOn(f.date); ok && t.Code != NullCode {
		m.Code, m.Role = t.Code, t.Role
		if len(t.Code) == 3 && g != nil && g.Role != "" {
			// a bare country code (PETRARCH gives people one) takes the
			// title's role: "Bree Prime Minister Romendacil" is BREGOV
			m.Code, m.Role = f.agentCode(g, t.Code, false), title
		}
	}
	return m
}

// namedBefore reports whether a name hit (a party named, not a country
// word) ends just before token t.
func (f *finder) namedBefore(t int) bool {
	for j := range f.hits {
		if f.hits[j].last == t-1 && f.hits[j].e.kind == entName {
			return true
		}
	}
	return false
}

// relationNouns name a country by its tie to another: with a country
// adjective they are that country ("its Chinese neighbour"), with "of"
// they are not ("an ally of Paris").
var relationNouns = map[string]bool{"ally": true, "allies": true, "neighbour": true, "neighbours": true,
	"neighbor": true, "neighbors": true}

// agent handles an agent with no country before it: "the president of
// Russia", "companies from China, France and Russia", "President Tokayev",
// or a bare "the president" that takes the dateline's country.
func (f *finder) agent(i int, used []bool) {
	h := &f.hits[i]
	g := f.d.Agents[h.e.ref]
	t := h.last + 1
	// agent of/from/in COUNTRY[, COUNTRY][, and COUNTRY]; "in" not for
	// troops or envoys, who are often foreign ("troops in Ukraine")
	if t < len(f.s.Tokens) {
		switch w := strings.ToLower(f.tok(t).Form); {
		case w == "of" && relationNouns[strings.ToLower(h.e.text)]:
			// "a close ally of Paris", "a neighbour of Russia": the
			// ally is not the country it is allied to (round 13)
		case w == "in" && f.namedBefore(h.first):
			// "the Taliban administration in Tajikistan", "the Hamas
			// office in Doha": the agent is the named party's, posted in
			// the country after "in" (round 30)
		case w == "of" || w == "from" || w == "in" && !postedAbroad(g, h.e.text):
			if f.agentList(i, t+1, used) {
				return
			}
		}
	}
	// a prefix agent before a country: "MSF Arnor" is NGOARN
	if g.Prefix && t < len(f.s.Tokens) {
		if n := f.hitAt(t, i+1); n >= 0 && f.hits[n].e.kind == entName {
			if code, a := f.countryOf(&f.hits[n]); code != "" {
				used[n] = true
				c := &f.hits[n]
				f.emit(f.conf(Mention{First: h.first, Last: c.last, ActorID: a.ID, Name: a.Name,
					Code: g.Code(code), Role: h.e.text, Confidence: confAgent, Method: ByAgent,
					Why: "agent " + quote(h.e.text) + " + country " + quote(c.e.text)}, c))
				return
			}
		}
	}
	// a title before a known person; "the capital" or "the nation" (the
	// country alone) takes no name
	if g.Role != "" {
		if p := f.personAfter(t, i+1, used); p != nil && p.a != nil {
			m := Mention{First: h.first, Last: h.last, Role: h.e.text, Why: "agent " + quote(h.e.text)}
			f.emit(f.titled(m, p, g, h.e.text))
			return
		}
	}
	// only a definite "the president" points at the dateline's country
	c := f.ctx.Country
	det := h.first - 1
	if f.pastWord(det) {
		det--
	}
	if c == "" || det < 0 || !strings.EqualFold(f.tok(det).Form, "the") || pluralNoun(f.tok(f.spanHead(h.first, h.last))) || !f.datelineOK(c, h) {
		return
	}
	m := Mention{First: h.first, Last: h.last, Code: f.agentCode(g, c, f.former(h.first-1, h.first)), Role: h.e.text, Name: h.e.text,
		Confidence: confDateline, Method: ByDateline, Why: "agent " + quote(h.e.text) + " + dateline " + c}
	if p := f.personAfter(t, i+1, used); g.Role != "" && p != nil {
		m.Last, m.Name = p.last, p.text
		m.Why += " + unknown name " + quote(p.text)
	}
	f.emit(m)
}

// datelineOK reports whether bare agent h may take the dateline country c:
// the sentence names no other country, or h is the subject of its clause
// and the others lie outside its phrase ("the foreign ministry summoned a
// Chinese diplomat" in a story datelined HANOI is Vietnam's ministry; "the
// president of the Chinese company" is no one's).
func (f *finder) datelineOK(c string, h *hit) bool {
	head := f.spanHead(h.first, h.last) // "head" of "the head of state"
	subject := strings.HasPrefix(f.tok(head).Rel, "nsubj")
	for k := range f.hits {
		if code, _ := f.countryOf(&f.hits[k]); code != "" && code != c {
			if !subject || f.below(f.hits[k].first, head) {
				return false
			}
		}
	}
	return true
}

// pluralNoun reports whether t is a plural noun: "the ministers" are the
// story's parties, not the dateline country's.
func pluralNoun(t *ud.Token) bool { return t.XPOS == "NNS" || t.XPOS == "NNPS" }

// spanHead returns the word of first..last whose head lies outside them,
// or last.
func (f *finder) spanHead(first, last int) int {
	for i := first; i <= last; i++ {
		if h := f.tok(i).Head - 1; h < first || h > last {
			return i
		}
	}
	return last
}

// below reports whether word j lies in the subtree of word i.
func (f *finder) below(j, i int) bool {
	for n := 0; j >= 0 && n < len(f.s.Tokens); j, n = f.tok(j).Head-1, n+1 {
		if j == i {
			return true
		}
	}
	return false
}

// agentList emits one mention per country of a list starting at token t
// after agent hit i. It reports whether there was any.
func (f *finder) agentList(i, t int, used []bool) bool {
	ag := &f.hits[i]
	g := f.d.Agents[ag.e.ref]
	former := f.former(ag.first-1, ag.first)
	var ms []Mention
	j := i + 1
	for t < len(f.s.Tokens) {
		if strings.EqualFold(f.tok(t).Form, "the") && f.hitAt(t, j) < 0 {
			// "the United States"; but "the Philippines" is a
			// name with its article
			t++
			continue
		}
		n := f.hitAt(t, j)
		if n < 0 {
			break
		}
		h := &f.hits[n]
		code, a := f.countryOf(h)
		if code == "" || h.e.kind == entAdj {
			break
		}
		used[n] = true
		ms = append(ms, f.conf(Mention{First: h.first, Last: h.last, ActorID: a.ID, Name: a.Name,
			Code: f.agentCode(g, code, former), Role: ag.e.text, Confidence: confAgentList, Method: ByAgentList,
			Why: "agent " + quote(ag.e.text) + " + " + kindWord(h.e.kind) + " " + quote(h.e.text)}, h))
		j = n + 1
		t = h.last + 1
		k := f.skipJoiners(t, j)
		if k == t {
			break
		}
		t = k
	}
	if len(ms) == 0 {
		return false
	}
	if len(ms) == 1 {
		// "the president of Kazakhstan": one mention over the phrase,
		// with a person after it when there is one.
		m := ms[0]
		m.First, m.Method, m.Confidence = ag.first, ByAgent, confAgent
		if p := f.personAfter(m.Last+1, j, used); g.Role != "" && p != nil {
			m = f.titled(m, p, g, ag.e.text)
		}
		f.emit(m)
		return true
	}
	for _, m := range ms {
		f.emit(m)
	}
	return true
}

// appositives gives an unknown name the code of a country-agent mention set
// beside it: "Roman Vassilenko, Kazakhstan's deputy foreign minister".
func (f *finder) appositives() {
	n := len(f.out)
	for k := 0; k < n; k++ {
		m := f.out[k]
		if m.Method != ByAgent {
			continue
		}
		c := m.First - 1
		if c > 0 && strings.EqualFold(f.tok(c).Form, "the") {
			c--
		}
		if c < 1 || f.tok(c).Form != "," {
			continue
		}
		last := c - 1
		first := last
		for first > 0 && first > last-3 && f.nameWord(first-1) {
			first--
		}
		if !f.nameWord(first) || !f.nameWord(last) || f.covered(first, last) {
			continue
		}
		name := f.text(first, last)
		f.out = append(f.out, Mention{First: first, Last: last,
			Span: ud.Span{Start: f.tok(first).Span.Start, End: f.tok(last).Span.End},
			Name: name, Code: m.Code, Role: m.Role, Confidence: confAppos, Method: ByAppositive, Person: true,
			Why: "unknown name " + quote(name) + " beside " + m.Why})
	}
}

// covered reports whether any mention overlaps tokens i..j.
func (f *finder) covered(i, j int) bool {
	for _, m := range f.out {
		if m.First <= j && m.Last >= i {
			return true
		}
	}
	for _, h := range f.hits {
		if h.first <= j && h.last >= i {
			return true
		}
	}
	return false
}

// stopWord reports whether w is a function word that never starts or joins a
// name or a title.
func stopWord(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "from", "with", "for",
		"by", "as", "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would",
		"that", "this", "these", "those", "which", "who", "whom", "whose", "it", "its", "he", "she",
		"they", "we", "i", "you", "his", "her", "their", "our", "not", "no", "said", "says", "told",
		"also", "if", "when", "while", "after", "before", "since", "according", "there", "here",
		"yet", "still", "however", "last", "this year", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december", "mr", "mrs", "ms":
		return true
	}
	return false
}

// isDateline reports whether a hit is the dateline that opens a story
// ("ASTANA (Reuters) -"): a place, not an actor.
func (f *finder) isDateline(h *hit) bool {
	if h.first != 0 || !allCaps(f.s, h.first, h.last) || h.last+1 >= len(f.s.Tokens) {
		return false
	}
	switch f.tok(h.last + 1).Form {
	case "(", ",", "-", "–", "—", ":":
		return true
	}
	return false
}

// simpleWord reports whether a form is one piece as it stands: ASCII
// letters and digits only.
func simpleWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// former reports whether tokens from..to-1, or the agent at to, say the
// office is past: "former", "retired", "ex-".
func (f *finder) former(from, to int) bool {
	for k := max(from, 0); k < to; k++ {
		if f.pastWord(k) {
			return true
		}
	}
	if to >= 0 && to < len(f.s.Tokens) {
		w := f.tok(to).Form
		return len(w) > 3 && strings.EqualFold(w[:3], "ex-")
	}
	return false
}

// pastWord reports whether token k is "former", "retired" or "ex".
func (f *finder) pastWord(k int) bool {
	if k < 0 || k >= len(f.s.Tokens) {
		return false
	}
	w := f.tok(k).Form
	return strings.EqualFold(w, "former") || strings.EqualFold(w, "retired") || strings.EqualFold(w, "ex")
}

// agentCode returns an agent's code for a country; a former holder of an
// office of state is an elite (ELI), as CAMEO codes them.
func (f *finder) agentCode(g *Agent, country string, former bool) string {
	if former && !g.Prefix {
		switch g.Role {
		case "GOV", "MIL", "LEG", "JUD", "SPY", "COP":
			return country + "ELI"
		}
	}
	return g.Code(country)
}

// postedAbroad reports whether an agent often serves outside its country,
// so that "in COUNTRY" does not give its nationality: troops, ambassadors,
// envoys, diplomats.
func postedAbroad(g *Agent, name string) bool {
	if g.Role == "MIL" {
		return true
	}
	n := strings.ToLower(name)
	for _, w := range [...]string{"ambassador", "embass", "envoy", "diplomat", "consul", "mission"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// skipJoiners returns the first token from t on, at most three tokens
// ahead, that is not a coordination joiner (",", "and", "or", "the"), so a
// list of countries can go on: "China, France, and the United States". An
// article that opens a name (a hit from hit index from on: "the
// Netherlands") is the name's, not a joiner.
func (f *finder) skipJoiners(t, from int) int {
	k := t
	for k < len(f.s.Tokens) && k < t+3 {
		switch w := strings.ToLower(f.tok(k).Form); {
		case w == "the" && f.hitAt(k, from) >= 0:
			// "and the Netherlands": the article is the name's
		case w == ",", w == "and", w == "or", w == "the":
			k++
			continue
		}
		break
	}
	return k
}
