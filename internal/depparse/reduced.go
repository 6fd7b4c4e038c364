package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// The participle of a reduced relative clause. "A Tajik national
// suspected of smuggling was detained": the greedy parser, having read
// "national suspected" as subject and verb, makes the participle the root
// and hangs the finite predicate after it ("was detained") as an adverbial
// clause or parataxis. A participle without an auxiliary or copula is no
// finite clause, and a finite predicate with no subject of its own, no
// conjunction and no subordinating conjunction after it is the sentence's
// main clause: the participle's subject is that predicate's subject, and
// the participle modifies it (acl).

// promoteReducedRelative makes the subjectless finite predicate after a
// participle root the root; s is parsed.
func promoteReducedRelative(s *ud.Sentence) {
	r := rootIndex(s)
	if r < 0 || s.Tokens[r].UPOS != ud.VERB || s.Tokens[r].XPOS != "VBN" {
		return
	}
	n := len(s.Tokens)
	kids := make([][]int, n)
	for i, u := range s.Tokens {
		if u.Head > 0 {
			kids[u.Head-1] = append(kids[u.Head-1], i)
		}
	}
	subj, p := -1, -1
	for _, c := range kids[r] {
		switch rel := s.Tokens[c].Rel; {
		case rel == "aux" || rel == "aux:pass" || rel == "cop" || rel == "mark":
			return
		case c < r && (rel == "nsubj" || rel == "nsubj:pass"):
			subj = c
		case c > r && p < 0 && (rel == "advcl" || rel == "parataxis") && finitePredicate(s, kids[c], c):
			// the first finite one: "aimed at ending …" hangs a
			// participle clause of its own before it
			p = c
		}
	}
	if subj < 0 || p < 0 || !finitePredicate(s, kids[p], p) || hasSubject(s, kids[p]) ||
		hasRel(s, kids[p], "mark") || hasRel(s, kids[p], "cc") {
		return
	}
	if u := s.Tokens[subj].UPOS; u != ud.NOUN && u != ud.PROPN {
		return
	}
	lo, _ := span(kids, p)
	for k := subj + 1; k < lo; k++ {
		if k == r {
			continue
		}
		if u := s.Tokens[k].UPOS; u == ud.PUNCT || (u == ud.VERB || u == ud.AUX) && (!under(s, k, r) || s.Tokens[subj].UPOS != ud.NOUN) {
			// a participle clause between commas is
			// promoteAfterModifier's; a verb inside the participle's
			// own phrase ("Talks aimed at ending the dispute opened
			// …") is no sign of another clause, after a common noun
			// (a name followed by a participle is a subject and its
			// verb: "Kabul responded by withdrawing from a series
			// set for November")
			return
		}
	}
	rel := "nsubj"
	if hasRel(s, kids[p], "aux:pass") {
		rel = "nsubj:pass"
	}
	s.Tokens[p].Head, s.Tokens[p].Rel = 0, "root"
	s.Tokens[subj].Head, s.Tokens[subj].Rel = p+1, rel
	s.Tokens[r].Head, s.Tokens[r].Rel = subj+1, "acl"
	// What hung from the participle before its subject or after the
	// predicate's start goes with the predicate.
	for _, c := range kids[r] {
		if c != p && c != subj && (c < subj || c >= lo) {
			s.Tokens[c].Head = p + 1
		}
	}
}

// sayingVerbs are the lemmas of verbs of saying and thinking that take a
// clause and no object before it: in "The spokesman said talks with Moscow
// would continue" the noun phrase after "said" is the subject of the
// clause, not the object of "said" ("told reporters …" keeps its object).
var sayingVerbs = map[string]bool{
	"say": true, "announce": true, "claim": true, "report": true, "add": true, "note": true, "state": true,
	"warn": true, "insist": true, "believe": true, "think": true, "argue": true, "confirm": true,
	"allege": true, "stress": true, "acknowledge": true, "admit": true,
}

// hopingVerbs report a hope or an expectation about what others will do:
// "hopes the two sides will settle …", "expects Kyiv to …".
var hopingVerbs = map[string]bool{"hope": true, "expect": true, "fear": true, "trust": true}

// objectAndAfter returns, among kids, the children of the verb of saying r,
// its object and its first child with relation rel after it (-1 for
// none).
func objectAndAfter(s *ud.Sentence, kids []int, r int, rel string) (o, c int) {
	o, c = -1, -1
	for _, k := range kids {
		switch {
		case s.Tokens[k].Rel == "obj":
			o = k
		case s.Tokens[k].Rel == rel && c < 0 && k > r:
			c = k
		}
	}
	return o, c
}

// subjectOfReported moves the object of a verb of saying that directly
// precedes the verb's subjectless finite clausal complement into that
// clause as its subject; s is parsed.
func subjectOfReported(s *ud.Sentence) {
	n := len(s.Tokens)
	var kids [][]int
	for r := range n {
		if s.Tokens[r].UPOS != ud.VERB || !sayingVerbs[s.Tokens[r].Lemma] && !hopingVerbs[s.Tokens[r].Lemma] {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		o, c := objectAndAfter(s, kids[r], r, "ccomp")
		if c < 0 && hopingVerbs[s.Tokens[r].Lemma] {
			// "hopes Ukraine will stop the attacks": the clause hung as
			// a parataxis of the verb, its subject as the verb's object
			if o2, p := objectAndAfter(s, kids[r], r, "parataxis"); o2 >= 0 && p > o2 && !hasSubject(s, kids[p]) && finitePredicate(s, kids[p], p) {
				o, c = o2, p
				s.Tokens[c].Rel = "ccomp"
			}
		}
		if o < 0 || c < 0 || o < r || o > c || hasSubject(s, kids[c]) || !finitePredicate(s, kids[c], c) {
			continue
		}
		if u := s.Tokens[o].UPOS; u != ud.NOUN && u != ud.PROPN && u != ud.PRON {
			continue
		}
		_, hi := span(kids, o)
		lo, _ := span(kids, c)
		if hi+1 != lo {
			continue
		}
		rel := "nsubj"
		if hasRel(s, kids[c], "aux:pass") {
			rel = "nsubj:pass"
		}
		s.Tokens[o].Head, s.Tokens[o].Rel = c+1, rel
		kids[r] = remove(kids[r], o)
		kids[c] = append(kids[c], o)
	}
}

// reportedPairSubject repairs a reported clause whose subject is two
// coordinated names, which the parser splits at the conjunction: in "the
// minister said Hamas and Israel had agreed to a truce" it made "Hamas"
// the object of "said" and "agreed" a conjunct of "said" with "Israel"
// alone for its subject. A name right after a verb of saying, parsed as
// its object, right before "and" and the subject of such a finite
// conjunct, is the first conjunct of that subject, and the conjunct is the
// clause "said" reports; s is parsed.
func reportedPairSubject(s *ud.Sentence) {
	n := len(s.Tokens)
	var kids [][]int
	for r := range n {
		if s.Tokens[r].UPOS != ud.VERB || !sayingVerbs[s.Tokens[r].Lemma] {
			continue
		}
		if kids == nil {
			kids = childLists(s)
		}
		o, v := objectAndAfter(s, kids[r], r, "conj")
		if hasRel(s, kids[r], "ccomp") {
			v = n // a clause reported already
		}
		if o < 0 || o < r || s.Tokens[o].UPOS != ud.PROPN {
			continue // "announced sanctions and the EU had …" is no pair
		}
		lo, hi := span(kids, o)
		if lo != r+1 {
			continue
		}
		if a := hi + 1; a+1 < n && s.Tokens[a].UPOS == ud.AUX && s.Tokens[a].Head-1 == r && s.Tokens[a+1].UPOS == ud.VERB &&
			s.Tokens[a+1].Head-1 == r && hasRel(s, kids[o], "conj") {
			// "said Sudan and Chad had agreed" with the auxiliary and
			// the verb both hung on "said"
			w := a + 1
			tryRepair(s, func() {
				s.Tokens[o].Head, s.Tokens[o].Rel = w+1, "nsubj"
				s.Tokens[a].Head, s.Tokens[a].Rel = w+1, "aux"
				s.Tokens[w].Rel = "ccomp"
			})
			kids = childLists(s)
			continue
		}
		if v < 0 || v == n || o > v || s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		cc := hi + 1
		if cc >= v || s.Tokens[cc].Rel != "cc" || s.Tokens[cc].Head-1 != v {
			continue
		}
		y := -1
		for _, k := range kids[v] {
			if r := s.Tokens[k].Rel; (r == "nsubj" || r == "nsubj:pass") && k > cc && k < v {
				y = k
			}
		}
		if y < 0 {
			continue
		}
		if lo, _ := span(kids, y); lo != cc+1 || !finitePredicate(s, kids[v], v) {
			continue
		}
		rel := s.Tokens[y].Rel
		tryRepair(s, func() {
			s.Tokens[o].Head, s.Tokens[o].Rel = v+1, rel
			s.Tokens[y].Head, s.Tokens[y].Rel = o+1, "conj"
			s.Tokens[cc].Head = y + 1
			s.Tokens[v].Rel = "ccomp"
		})
		kids = childLists(s)
	}
}

// A reduced relative read as the main verb. "Soldiers sent to guard the
// dam came under fire", "Ships chartered to carry the grain left Odesa":
// the tagger took the participle right after the subject's noun for a
// past tense, the parser made it the root, and the sentence's verb hung
// inside its infinitive or beside it with no subject. A finite verb needs
// a subject; one with none, reached from the root's subtree with no
// punctuation, conjunction, relative word or subordinator on the way, is
// the main verb, the root's subject (a common noun right before it) is
// its subject, and the root the noun's participle (acl), when the root
// has no object, as a passive participle has none.

// promoteAfterParticiple makes such a finite verb the root; s is parsed.
func promoteAfterParticiple(s *ud.Sentence) {
	r := rootIndex(s)
	if r < 1 || s.Tokens[r].UPOS != ud.VERB || (s.Tokens[r].XPOS != "VBD" && s.Tokens[r].XPOS != "VBN") {
		return
	}
	if f := s.Tokens[r].Form; s.Tokens[r].XPOS == "VBD" && !strings.HasSuffix(f, "d") && !strings.HasSuffix(f, "t") {
		// a past that is no participle's spelling ("began", "came",
		// "took") is finite; those in -d and -t may be participles
		// ("sent", "chartered", "held")
		return
	}
	subj := r - 1
	if t := &s.Tokens[subj]; t.Head != r+1 || t.UPOS != ud.NOUN || !strings.HasPrefix(t.Rel, "nsubj") {
		return
	}
	p := -1
	for k := r + 1; k < len(s.Tokens) && p < 0; k++ {
		t := &s.Tokens[k]
		switch {
		case t.UPOS == ud.PUNCT || t.UPOS == ud.CCONJ || t.UPOS == ud.SCONJ ||
			t.XPOS == "WDT" || t.XPOS == "WP" || t.XPOS == "WRB":
			return
		case !isFinite(t.XPOS):
		case t.UPOS == ud.VERB:
			p = k
		case t.UPOS == ud.AUX && t.Head-1 > k:
			p = t.Head - 1
		default:
			return
		}
	}
	if p < 0 || !under(s, p, r) {
		return
	}
	// the tree's child lists only now: most roots after a noun have no
	// second finite verb
	kids := childLists(s)
	for _, rel := range [...]string{"aux", "aux:pass", "cop", "mark", "obj", "iobj", "ccomp", "expl"} {
		// a passive participle has no object: "the ministry said a
		// delegation would arrive", "found itself blocked" are verbs
		// with theirs
		if hasRel(s, kids[r], rel) {
			return
		}
	}
	if hasSubject(s, kids[p]) || hasRel(s, kids[p], "mark") || hasRel(s, kids[p], "cc") {
		return
	}
	switch s.Tokens[p].UPOS {
	case ud.VERB, ud.ADJ, ud.NOUN:
	default:
		return
	}
	lo, _ := span(kids, p)
	rel := "nsubj"
	if hasRel(s, kids[p], "aux:pass") {
		rel = "nsubj:pass"
	}
	s.Tokens[p].Head, s.Tokens[p].Rel = 0, "root"
	s.Tokens[subj].Head, s.Tokens[subj].Rel = p+1, rel
	s.Tokens[r].Head, s.Tokens[r].Rel, s.Tokens[r].XPOS = subj+1, "acl", "VBN"
	for _, c := range kids[r] {
		if c != p && c != subj && (c < subj || c >= lo) {
			s.Tokens[c].Head = p + 1
		}
	}
}

// rootIndex returns the index of s's root word (the first word with no
// head), or -1 when there is none.
func rootIndex(s *ud.Sentence) int {
	for i := range s.Tokens {
		if s.Tokens[i].Head == 0 {
			return i
		}
	}
	return -1
}

// A noun root with a finite verb after it that has no subject of its own
// is a subject whose verb the parser hung below it: "Rwanda-backed M23
// rebels seized the city" came out with "rebels" the root and "seized"
// its xcomp once "backed" was tagged a participle. A sentence's subject
// with a finite verb of its own is no verbless noun phrase, so the verb
// becomes the root and the noun its subject. (A noun root with a copula
// or auxiliary is a predicate and is left alone.)

// promoteVerbOfNounRoot makes such a verb the root; s is parsed.
func promoteVerbOfNounRoot(s *ud.Sentence) {
	r := rootIndex(s)
	if r < 0 || s.Tokens[r].UPOS != ud.NOUN && s.Tokens[r].UPOS != ud.PROPN {
		return
	}
	kids := childLists(s)
	for _, rel := range [...]string{"cop", "aux", "aux:pass", "nsubj", "nsubj:pass", "mark", "case"} {
		if hasRel(s, kids[r], rel) {
			return
		}
	}
	p := -1
	for _, c := range kids[r] {
		t := &s.Tokens[c]
		if c > r && t.UPOS == ud.VERB && (t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP") {
			switch ud.BaseRel(t.Rel) {
			case "xcomp", "acl", "dep", "parataxis":
				// parataxis: "Iran-backed Hezbollah fighters launched
				// rockets" came out so; no punctuation may stand between
				// (checked below), so no second sentence is joined.
				p = c
			}
			break
		}
	}
	if p < 0 {
		verbAsModifier(s, kids, r)
		return
	}
	if hasSubject(s, kids[p]) || hasRel(s, kids[p], "mark") || hasRel(s, kids[p], "cc") {
		return
	}
	for k := r + 1; k < p; k++ {
		if s.Tokens[k].UPOS == ud.PUNCT || !under(s, k, r) {
			return // "the talks, held in Baku," or a clause between
		}
	}
	rel := "nsubj"
	if hasRel(s, kids[p], "aux:pass") {
		rel = "nsubj:pass"
	}
	s.Tokens[p].Head, s.Tokens[p].Rel = 0, "root"
	s.Tokens[r].Head, s.Tokens[r].Rel = p+1, rel
	for _, c := range kids[r] {
		if c > p {
			s.Tokens[c].Head = p + 1 // what follows the verb is the verb's
		}
	}
}

// verbAsModifier is promoteVerbOfNounRoot's other shape: the tagger made
// the word after the noun root a past tense, but the parser hung it as a
// modifier of the noun after it ("Iran-backed Houthi rebels fired
// missiles at Israel": "fired" amod of "missiles", "missiles" an oblique
// of "rebels"). A past-tense tag with no verb in the sentence is the verb:
// it becomes the root, the noun root its subject, and the noun it
// modified its object. r is the noun root, kids s's child lists.
func verbAsModifier(s *ud.Sentence, kids [][]int, r int) {
	v := r + 1
	if v >= len(s.Tokens) {
		return
	}
	t := &s.Tokens[v]
	if t.XPOS != "VBD" || t.Rel != "amod" || len(kids[v]) > 0 {
		return
	}
	o := t.Head - 1
	if o <= v || s.Tokens[o].Head != r+1 || s.Tokens[o].UPOS != ud.NOUN {
		return
	}
	if hasRel(s, kids[o], "case") {
		return
	}
	for k := v + 1; k < o; k++ {
		if s.Tokens[k].UPOS == ud.PUNCT || !under(s, k, o) {
			return
		}
	}
	for i := range s.Tokens {
		if i != v && s.Tokens[i].UPOS == ud.VERB && s.Tokens[i].Rel != "amod" {
			return // a verb of its own: the phrase is no bare noun root
		}
	}
	t.Head, t.Rel, t.UPOS = 0, "root", ud.VERB
	s.Tokens[r].Head, s.Tokens[r].Rel = v+1, "nsubj"
	s.Tokens[o].Head, s.Tokens[o].Rel = v+1, "obj"
	for _, c := range kids[r] {
		if c > o {
			s.Tokens[c].Head = v + 1 // what follows the object is the verb's
		}
	}
}
