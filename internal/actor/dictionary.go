package actor

import (
	"slices"
	"strings"
	"sync"

	"farabi/internal/ud"
)

// Dictionary is a loaded set of actors, agents and discards with the index
// the recognizer uses. It is immutable once built and safe for concurrent
// use.
type Dictionary struct {
	Actors   []*Actor
	Agents   []*Agent
	Discards []*Discard

	// upper is set for PETRARCH dictionaries, written in capitals: no name
	// is then an abbreviation that must match in capitals.
	upper bool

	entries []entry
	edges   edgeTable
	ends    [][]int32 // per trie node: entries ending there
	// first has a bit set for the hash of every name's first piece, so
	// that most tokens, which start no name, cost no map lookup.
	first [firstBits / 64]uint64
	// pieces recycles the per-sentence piece buffers of Find.
	pieces sync.Pool
	// variants indexes persons' surnames by their variant key (variant.go)
	// into variantEntries, which are in no other index.
	variants       map[string][]int32
	variantEntries []entry
}

const firstBits = 1 << 16

// entryKind says what a matched name stands for.
type entryKind uint8

const (
	entName    entryKind = iota // an actor's name or alias
	entAdj                      // a country's adjective or demonym
	entCapital                  // a country's capital
	entAgent
	entDiscard
)

// entry is one name in the index.
type entry struct {
	kind   entryKind
	ref    int32    // index into Actors, Agents or Discards
	pieces []string // folded
	exact  []string // pieces that must match as written ("" for any case)
	text   string   // the name as written in the dictionary
}

// edgeTable maps (trie node, piece hash) to the next node: an
// open-addressing hash table, faster than a map on the recognizer's path.
type edgeTable struct {
	slots []edgeSlot
	n     int
}

type edgeSlot struct {
	h        uint64
	from, to int32 // to is 0 in an empty slot: the root is nobody's child
}

func edgeHash(from int32, h uint64) uint64 {
	return (h ^ uint64(from)*0x9e3779b97f4a7c15) * 0xff51afd7ed558ccd
}

// get returns the child of node from by a piece with hash h, or 0.
func (t *edgeTable) get(from int32, h uint64) int32 {
	if len(t.slots) == 0 {
		return 0
	}
	mask := uint64(len(t.slots) - 1)
	for i := edgeHash(from, h) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.to == 0 {
			return 0
		}
		if s.h == h && s.from == from {
			return s.to
		}
	}
}

// put adds an edge; the caller has checked that it is new.
func (t *edgeTable) put(from int32, h uint64, to int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]edgeSlot, max(1024, 2*len(old)))
		t.n = 0
		for _, s := range old {
			if s.to != 0 {
				t.put(s.from, s.h, s.to)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := edgeHash(from, h) & mask
	for t.slots[i].to != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = edgeSlot{h: h, from: from, to: to}
	t.n++
}

// build indexes every name.
func (d *Dictionary) build() {
	d.entries = d.entries[:0]
	d.first = [firstBits / 64]uint64{}
	d.edges = edgeTable{}
	d.ends = [][]int32{nil}
	for i, a := range d.Actors {
		d.add(entName, i, a.Name)
		for _, n := range a.Aliases {
			d.add(entName, i, n)
		}
		if r := reversedName(a); r != "" {
			d.add(entName, i, r)
		}
		for _, n := range a.Adjs {
			d.add(entAdj, i, n)
		}
		for _, n := range a.Capitals {
			d.add(entCapital, i, n)
		}
	}
	for i, g := range d.Agents {
		for _, n := range g.Names {
			d.add(entAgent, i, n)
		}
	}
	for i, x := range d.Discards {
		for _, n := range x.Names {
			d.add(entDiscard, i, n)
		}
	}
	d.addVariants()
}

func (d *Dictionary) add(kind entryKind, ref int, name string) {
	e := entry{kind: kind, ref: int32(ref), text: name}
	for _, w := range strings.Fields(name) {
		eachPiece(w, func(p string, _ int) {
			e.pieces = append(e.pieces, fold(p))
			x := ""
			if !d.upper && isAbbrev(p) {
				x = p
			}
			e.exact = append(e.exact, x)
		})
	}
	if len(e.pieces) == 0 {
		return
	}
	anyExact := false
	for _, x := range e.exact {
		anyExact = anyExact || x != ""
	}
	if !anyExact {
		e.exact = nil
	}
	h0 := foldHash(e.pieces[0])
	d.first[h0%firstBits/64] |= 1 << (h0 % 64)
	node := int32(0)
	for _, p := range e.pieces {
		h := foldHash(p)
		next := d.edges.get(node, h)
		if next == 0 {
			next = int32(len(d.ends))
			d.ends = append(d.ends, nil)
			d.edges.put(node, h, next)
		}
		node = next
	}
	id := int32(len(d.entries))
	for _, old := range d.ends[node] {
		o := d.entries[old]
		if o.kind == kind && o.ref == e.ref && slices.Equal(o.exact, e.exact) {
			return // the same name twice for one actor
		}
	}
	d.entries = append(d.entries, e)
	d.ends[node] = append(d.ends[node], id)
}

// Lookup returns the actors with a name, alias, adjective or capital equal
// to name as the recognizer compares names (case and diacritics aside), in
// dictionary order.
func (d *Dictionary) Lookup(name string) []*Actor {
	key := NameKey(name)
	var out []*Actor
	seen := map[int32]bool{}
	for _, e := range d.entries {
		if e.kind != entAgent && e.kind != entDiscard && !seen[e.ref] && strings.Join(e.pieces, " ") == key {
			seen[e.ref] = true
			out = append(out, d.Actors[e.ref])
		}
	}
	return out
}

// Stats counts what a dictionary holds.
type Stats struct {
	Kinds  map[string]int // actors by kind ("" for none)
	Dated  int            // people with at least one dated term
	Names  int            // indexed names: names, aliases, adjectives, capitals, agents, discards
	Agents int
}

// Stats returns counts of the dictionary's entries.
func (d *Dictionary) Stats() Stats {
	s := Stats{Kinds: map[string]int{}, Names: len(d.entries), Agents: len(d.Agents)}
	for _, a := range d.Actors {
		s.Kinds[a.Kind]++
		if a.Kind == KindPerson {
			for _, t := range a.Terms {
				if t.From != 0 || t.To != 0 {
					s.Dated++
					break
				}
			}
		}
	}
	return s
}

// LookupAgent returns the agents with a name equal to name as the
// recognizer compares names.
func (d *Dictionary) LookupAgent(name string) []*Agent {
	key := NameKey(name)
	var out []*Agent
	for _, e := range d.entries {
		if e.kind == entAgent && strings.Join(e.pieces, " ") == key {
			out = append(out, d.Agents[e.ref])
		}
	}
	return out
}

// seats are cities that host international bodies and the talks held at
// them: a story filed from there ("GENEVA (Reuters) –", "NEW YORK, March
// 3 –") is seldom about the host country, whose government the story's
// bare agents ("the foreign minister") would otherwise be read as. They
// stay places for where an event happened.
var seats = map[string]bool{"new york": true, "geneva": true, "the hague": true, "strasbourg": true,
	"davos": true, "lausanne": true, "montreux": true}

// Dateline returns the country code of a story's dateline, read from its
// first sentence: a place in capitals at the start, before "(", "," or a
// dash ("ASTANA (Reuters) -", "MOSCOW, May 29 -"), that names a capital or
// a country, or a place in a country ("KHARKIV, Ukraine"). It returns ""
// when there is none.
func (d *Dictionary) Dateline(s *ud.Sentence) string {
	end := -1
	for i := 0; i < len(s.Tokens) && i < 4; i++ {
		f := s.Tokens[i].Form
		if f == "(" || f == "," || f == "-" || f == "–" || f == "—" || f == ":" {
			end = i
			break
		}
		if !allCaps(s, i, i) || !hasWordChar(f) {
			return ""
		}
	}
	if end <= 0 {
		return ""
	}
	place := &ud.Sentence{Tokens: s.Tokens[:end]}
	hits := d.scan(place, 0)
	if len(hits) != 1 || hits[0].first != 0 || hits[0].last != end-1 {
		return ""
	}
	h := hits[0]
	if h.e.kind != entName && h.e.kind != entCapital {
		return ""
	}
	a := d.Actors[h.e.ref]
	if a.Kind != KindCountry && (a.Kind != KindPlace || h.e.kind != entName) || a.Kind == KindPlace && seats[strings.ToLower(a.Name)] {
		return ""
	}
	t, ok := a.TermOn(0)
	if !ok || t.Code == NullCode {
		return ""
	}
	return t.Code
}

// Discarded reports whether s holds a discard phrase ("BASEBALL", a sports
// club): sentence is true for any discard, story for a story-level one
// ("+TYPHOON" in PETRARCH's files), which takes the whole story out of
// scope.
func (d *Dictionary) Discarded(s *ud.Sentence) (sentence, story bool) {
	if len(d.Discards) == 0 || len(s.Tokens) == 0 {
		return false, false
	}
	for _, h := range d.scan(s, 0) {
		if h.e.kind == entDiscard {
			sentence = true
			story = story || d.Discards[h.e.ref].Story
		}
	}
	return sentence, story
}

// HasStoryDiscards reports whether any discard is story-level, so that
// [Dictionary.Discarded] can take a whole story out of scope.
func (d *Dictionary) HasStoryDiscards() bool {
	for _, x := range d.Discards {
		if x.Story {
			return true
		}
	}
	return false
}

// familyFirst are the countries whose persons' names English news writes
// in either order: Japan's government asks for the family name first
// ("Hayashi Yoshimasa"), and Chinese and Korean names now and then reach
// the wires given name first ("Jinping Xi").
var familyFirst = map[string]bool{"JPN": true, "CHN": true, "KOR": true, "PRK": true, "TWN": true}

// reversedName returns a person's two-word name in the other order when
// the person held an office of a country in familyFirst, or "".
func reversedName(a *Actor) string {
	if a.Kind != KindPerson {
		return ""
	}
	f := strings.Fields(a.Name)
	if len(f) != 2 {
		return ""
	}
	for _, t := range a.Terms {
		if len(t.Code) >= 3 && familyFirst[t.Code[:3]] {
			return f[1] + " " + f[0]
		}
	}
	return ""
}
