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
		cased := false
		for _, c := range kids[second] {
			cased = cased || ud.BaseRel(s.Tokens[c].Rel) == "case" && c < second
		}
		// the second phrase starts right after the first object's last
		// word; both are whole subtrees ("promised Ukraine more
		// long-range missiles": "more" hangs on "range", not on
		// "missiles", round 32)
		start, _ := span(kids, second)
		_, end := span(kids, first)
		if cased || start != end+1 {
			continue
		}
		tryRepair(s, func() {
			s.Tokens[first].Rel = "iobj"
			s.Tokens[second].Rel = "obj"
		})
	}
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
