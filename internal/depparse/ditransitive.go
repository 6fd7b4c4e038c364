package depparse

import "farabi/internal/ud"

// giveVerbs take two objects: the one given to and the thing given.
var giveVerbs = map[string]bool{"give": true, "hand": true, "send": true, "offer": true, "grant": true,
	"lend": true, "sell": true, "award": true, "promise": true, "owe": true}

// twoObjects repairs a verb of giving whose two bare objects the parser
// read as an object and a complement or adjunct: in "Germany hands
// Ukraine fresh batch of missiles" and "Japan handed the Philippines five
// patrol boats" it made "Ukraine" the object and "batch" an xcomp, "boats"
// an obl. A name for the first object, right before a noun phrase hung on
// the same verb with no preposition, is the indirect object (iobj) and
// that noun the object.
func twoObjects(s *ud.Sentence) {
	kids := childLists(s)
	for v := range s.Tokens {
		if s.Tokens[v].UPOS != ud.VERB || !giveVerbs[s.Tokens[v].Lemma] {
			continue
		}
		if nameCompound(s, kids, v) {
			kids = childLists(s)
		}
		first, second := -1, -1
		for _, c := range kids[v] {
			if c < v {
				continue
			}
			r := ud.BaseRel(s.Tokens[c].Rel)
			switch {
			case first < 0 && s.Tokens[c].Rel == "obj" && (s.Tokens[c].UPOS == ud.PROPN || s.Tokens[c].UPOS == ud.NOUN && indefiniteNext(s, kids, c)):
				first = c
			case first >= 0 && second < 0 && (r == "xcomp" || r == "obl" || r == "obj") && s.Tokens[c].UPOS == ud.NOUN:
				second = c
			}
		}
		if first >= 0 && listedReceivers(s, kids, v, first) {
			kids = childLists(s)
			continue
		}
		if first >= 0 && second < 0 {
			// "has offered the United Arab Emirates a $2 billion
			// loan": the thing given hung on the name as its
			// apposition, with no comma between
			for _, c := range kids[first] {
				if c > first && s.Tokens[c].Rel == "appos" && s.Tokens[c].UPOS == ud.NOUN {
					lo, _ := span(kids, c)
					if lo > 0 && s.Tokens[lo-1].UPOS != ud.PUNCT && !under(s, lo-1, c) {
						tryRepair(s, func() {
							s.Tokens[first].Rel = "iobj"
							s.Tokens[c].Head, s.Tokens[c].Rel = v+1, "obj"
						})
					}
					break
				}
			}
			continue
		}
		if first < 0 || second < 0 {
			continue
		}
		// the whole phrase: "three billion dollars" hangs "three" on
		// "billion" (round 36)
		start := firstOf(s, second)
		cased := false
		for _, c := range kids[second] {
			cased = cased || ud.BaseRel(s.Tokens[c].Rel) == "case" && c < second
		}
		// the second phrase starts right after the first object's last word
		end := lastOf(s, kids, first)
		if cased || start != end+1 {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[first].Rel = "iobj"
			s.Tokens[second].Rel = "obj"
		})
	}
}

// listedReceivers repairs a verb of giving whose first object is a list
// of names: in "Japan sent Vietnam and the Philippines two patrol
// vessels" the parser hung the thing given on the list's last name (as
// an nmod, obj or appos), and in "granted Egypt and Tunisia new credit
// lines" made it one more conjunct of the list, after the one with "and".
// A common noun whose phrase starts right after the list's last name,
// with no preposition or punctuation, is the verb's object and the list
// its indirect object (round 36). It reports whether it repaired.
func listedReceivers(s *ud.Sentence, kids [][]int, v, first int) bool {
	last := -1 // the conjunct with "and" that closes the list
	for _, c := range kids[first] {
		if s.Tokens[c].Rel != "conj" || s.Tokens[c].UPOS != ud.PROPN {
			continue
		}
		for _, k := range kids[c] {
			if s.Tokens[k].Rel == "cc" && k < c {
				last = c
			}
		}
	}
	if last < 0 {
		return false
	}
	thing := -1
	for _, c := range kids[first] {
		if r := s.Tokens[c].Rel; c > last && (r == "conj" || r == "appos") && s.Tokens[c].UPOS == ud.NOUN {
			thing = c
		}
	}
	for _, c := range kids[last] {
		switch ud.BaseRel(s.Tokens[c].Rel) {
		case "nmod", "obj", "appos", "dep":
			if c > last && s.Tokens[c].UPOS == ud.NOUN {
				thing = c
			}
		}
	}
	if thing < 0 || timeNouns[s.Tokens[thing].Lemma] {
		return false
	}
	for _, k := range kids[thing] {
		if r := ud.BaseRel(s.Tokens[k].Rel); k < thing && (r == "case" || r == "cc" || r == "punct") {
			return false
		}
	}
	// the thing's phrase starts right after the last name's own words
	end := last
	for _, k := range kids[last] {
		if k != thing {
			end = max(end, lastOf(s, kids, k))
		}
	}
	if firstOf(s, thing) != end+1 {
		return false
	}
	done := false
	tryRepair(s, func() {
		s.Tokens[first].Rel = "iobj"
		s.Tokens[thing].Head, s.Tokens[thing].Rel = v+1, "obj"
		for _, c := range kids[v] {
			// "… six rescue boats last week": the week had become the
			// object
			if c > thing && s.Tokens[c].Rel == "obj" && timeNouns[s.Tokens[c].Lemma] {
				s.Tokens[c].Rel = "obl:unmarked"
			}
		}
		done = true
	})
	return done && s.Tokens[thing].Head == v+1
}

// nameCompound repairs a verb of giving v whose first object, a name right
// after the verb, the parser hung as a compound on the thing given, with
// an adjective or a number of that thing between them: "promised Cambodia
// new investment", "offered Kenya two patrol boats". A compound name goes
// before the adjectives of its noun ("new Cambodia investment"), so a name
// before them is the one given to: the indirect object (round 32).
func nameCompound(s *ud.Sentence, kids [][]int, v int) bool {
	for _, o := range kids[v] {
		if s.Tokens[o].Rel != "obj" || s.Tokens[o].UPOS != ud.NOUN || o < v {
			continue
		}
		for _, c := range kids[o] {
			if s.Tokens[c].Rel != "compound" || s.Tokens[c].UPOS != ud.PROPN || c > o {
				continue
			}
			lo, hi := span(kids, c)
			if lo != v+1 {
				continue
			}
			between := false
			for _, a := range kids[o] {
				r := s.Tokens[a].Rel
				between = between || a > hi && a < o && (r == "amod" || r == "nummod")
			}
			if !between {
				return false
			}
			tryRepair(s, func() {
				s.Tokens[c].Head, s.Tokens[c].Rel = v+1, "iobj"
			})
			return s.Tokens[c].Rel == "iobj"
		}
	}
	return false
}

// timeNouns measure time: "sent the troops a week later" gives no week.
var timeNouns = map[string]bool{"day": true, "week": true, "month": true, "year": true, "hour": true, "minute": true,
	"time": true, "decade": true, "fortnight": true, "while": true, "moment": true, "night": true}

// indefiniteNext reports whether common noun c, an object, is followed
// right after its phrase by an indefinite noun phrase that is not a span
// of time: "handed the ambassador a protest note", "gave the envoy a
// letter" (round 13). A name needs no such sign.
func indefiniteNext(s *ud.Sentence, kids [][]int, c int) bool {
	end := c
	for _, k := range kids[c] {
		end = max(end, k)
	}
	n := end + 1
	if n >= len(s.Tokens) || s.Tokens[n].UPOS != ud.DET || (s.Tokens[n].Lemma != "a" && s.Tokens[n].Lemma != "an") {
		return false
	}
	h := s.Tokens[n].Head - 1
	return h > n && s.Tokens[h].UPOS == ud.NOUN && !timeNouns[s.Tokens[h].Lemma]
}
