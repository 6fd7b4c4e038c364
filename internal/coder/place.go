package coder

import (
	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/ud"
)

// Places (actor.ByPlace mentions: "Kharkiv", "Khan Younis", "Rakhine")
// come after a sentence's actors. They are no actors: no slot takes them,
// and a place is never a party to a meeting ("talks in Kharkiv" are held
// there, not with it). Only an act of force or coercion whose target the
// sentence leaves unnamed takes the place it is aimed at for the country
// the place is in ("drones struck Kharkiv", "an assault on El Fasher",
// "the shelling of Khan Younis"), aid sent to a place goes to its country
// ("sent tents and food to Mashhad"), and any coded act takes a place in
// its phrase "in" or "at" as where it happened.

// placeLemma is the lemma a place's head word reads as: a place meets a
// pattern's requirement on territory words as "the town" would ("captured
// Pokrovsk" as "captured the town", "advanced on Kupiansk", "besieged El
// Fasher"), and a requirement that excludes them ("blasted Kharkiv" is no
// criticism).
const placeLemma = "town"

// placeRoots are the roots of the acts a place may be the target of: a
// show of force (15), coercion (17), assault (18), fighting (19) and mass
// violence (20).
var placeRoots = set("15", "17", "18", "19", "20")

// placeTargeted reports whether an act of code may take a place as its
// target.
func placeTargeted(code string) bool {
	return len(code) >= 2 && placeRoots[code[:2]]
}

// aided reports whether an act of code is aid given (root 07): aid sent
// to a place is given to the country the place is in.
func aided(code string) bool {
	return len(code) >= 2 && code[:2] == "07"
}

// toPlace lists the prepositions that send aid to a place ("to", "into",
// "for"); "in" is where the aid was handed out or pledged ("at a
// conference in Geneva"), not whom it is for.
var toPlace = set("to", "into", "for", "toward", "towards")

// onPlace lists the prepositions that aim an act at a place ("fired on",
// "strikes in", "the siege of"); "from" (where the act came from) and
// "with", "between" (a party) are not among them.
var onPlace = set("on", "in", "at", "against", "near", "into", "over", "toward", "towards", "across",
	"around", "outside", "along", "inside", "upon", "of", "onto", "throughout")

// placeNoun lists the relations by which a place's words hang on the noun
// the act is aimed at: "the city of Kharkiv", "the Kharkiv region",
// "targets in Kharkiv", "Kharkiv and Sumy".
func placeNoun(rel string) bool {
	switch rel {
	case "compound", "flat", "appos", "amod", "nmod", "conj":
		return true
	}
	return false
}

// splitPlaces returns the index of the first place of ms: the coder's
// caller puts them after the actors. It returns len(ms) when there is
// none.
func splitPlaces(ms []actor.Mention) int {
	for k := range ms {
		if ms[k].Method == actor.ByPlace {
			return k
		}
	}
	return len(ms)
}

// placeTarget returns, for an act of force or coercion i whose target slot
// found no actor, the place it is aimed at standing for its country: the
// object or passive subject of the verb, a phrase "on", "in", "against" …
// of the verb or of the act noun, or a place owning such a noun ("struck
// a hospital in Khan Younis"). An act of the place's own government,
// troops or police is domestic and takes no place (a government shelling
// its own city is no event between countries); an armed group's is
// armed conflict and does.
//
// Aid (root 07) takes the place it is sent to ("sent 40 trucks of food to
// Mashhad" gives to Iran) or the place the rule's own target paths find
// ("a convoy of relief trucks reached the town of Afrin", "landed in
// Benghazi"); a government's aid to its own province is domestic and
// takes none.
func (st *sentence) placeTarget(i int, code string, src []int, targets []Path) (found, bool) {
	aid := aided(code)
	if !placeTargeted(code) && !aid || len(src) == 0 {
		return found{}, false
	}
	for _, k := range st.places {
		p := &st.ms[k]
		if p.First < 0 || p.Last >= len(st.s.Tokens) || p.First <= i && i <= p.Last {
			continue
		}
		if h := st.headOf(k); aid && !st.sentTo(i, h) && !st.onPaths(i, h, targets) || !aid && !st.aimedAt(i, h) {
			continue
		}
		own := false
		for _, s := range src {
			c := st.ms[s].Code
			own = own || len(c) >= 3 && c[:3] == p.Code && !armedGroup(c)
		}
		if own {
			continue
		}
		return found{mentions: []int{k}, notes: []string{"target: the place " + p.Name + " for its country " + p.Code}, conf: 0.8}, true
	}
	return found{}, false
}

// aimedAt reports whether word h (a place's head) is what predicate i is
// aimed at: up a chain of nouns (no verb between) to the object, passive
// subject or a phrase of onPlace on i.
func (st *sentence) aimedAt(i, h int) bool {
	pass := func(j int, rel string) bool {
		if !placeNoun(rel) || !st.nominal(st.s.Tokens[j].Head-1) {
			return false
		}
		return rel != "nmod" || st.hasCaseIn(j, onPlace) // not "a convoy from Idlib"
	}
	arrive := func(j int, rel string) bool {
		t := &st.s.Tokens[j]
		switch {
		case t.Rel == "obj" || t.Rel == "nsubj:pass" || t.Rel == "iobj":
			return st.s.Tokens[i].UPOS == ud.VERB
		case (rel == "obl" || rel == "nmod") && t.Rel != "obl:agent" && st.hasCaseIn(j, onPlace):
			return true
		case rel == "compound" && st.s.Tokens[i].UPOS == ud.NOUN:
			return true // "the Kharkiv strikes"
		}
		return false
	}
	return st.climbTo(i, h, pass, arrive)
}

// sentTo reports whether word h (a place's head) is where predicate i
// sends something: a phrase "to", "into" or "for" on i, or on a noun
// below i's object or phrase ("sent trucks of food to Mashhad", "flew
// planes with tents to Mashhad"), through nouns only.
func (st *sentence) sentTo(i, h int) bool {
	if rel := ud.BaseRel(st.s.Tokens[h].Rel); rel != "obl" && rel != "nmod" || !st.hasCaseIn(h, toPlace) {
		return false
	}
	pass := func(j int, rel string) bool {
		return (rel == "nmod" || rel == "conj" || rel == "obj") && st.nominal(st.s.Tokens[j].Head-1)
	}
	arrive := func(j int, rel string) bool {
		return rel == "obl" || rel == "obj" || rel == "nmod" && st.s.Tokens[i].UPOS == ud.NOUN
	}
	return st.climbTo(i, h, pass, arrive)
}

// onPaths reports whether word h (a place's head) is a word one of paths
// leads to from predicate i, or hangs on one through the nouns a place
// hangs on ("the town of Afrin", "the Afrin district").
func (st *sentence) onPaths(i, h int, paths []Path) bool {
	for _, p := range paths {
		for _, w := range st.walk(i, p) {
			for j, steps := h, 0; steps < 3; steps++ {
				if j == w {
					return true
				}
				t := &st.s.Tokens[j]
				if t.Head <= 0 || t.Head > len(st.s.Tokens) || !placeNoun(ud.BaseRel(t.Rel)) {
					break
				}
				j = t.Head - 1
			}
		}
	}
	return false
}

// climbTo walks up the tree from word h, at most four steps, through the
// words pass lets by (each with its relation, subtype dropped), and
// reports what arrive says of the word whose head is predicate i.
func (st *sentence) climbTo(i, h int, pass, arrive func(j int, rel string) bool) bool {
	j := h
	for steps := 0; steps < 4; steps++ {
		t := &st.s.Tokens[j]
		if t.Head <= 0 || t.Head > len(st.s.Tokens) {
			return false
		}
		up, rel := t.Head-1, ud.BaseRel(t.Rel)
		if up == i {
			return arrive(j, rel)
		}
		if !pass(j, rel) {
			return false
		}
		j = up
	}
	return false
}

// nominal reports whether word j is a noun or a name.
func (st *sentence) nominal(j int) bool {
	return st.s.Tokens[j].UPOS == ud.NOUN || st.s.Tokens[j].UPOS == ud.PROPN
}

// placeAt returns the place covering word c as where an act happened,
// with the country it is in, and whether there is one.
func (st *sentence) placeAt(c int) (event.Actor, bool) {
	for _, k := range st.places {
		if p := &st.ms[k]; p.First <= c && c <= p.Last {
			a := actorOf(st.s, p)
			a.Name, a.ID = p.Name, p.ActorID
			return a, true
		}
	}
	return event.Actor{}, false
}

// isPlace reports whether a is one of the sentence's places. A meeting in
// a city of a third country ("talks in Istanbul") is more often held at a
// neutral venue than a visit to that country's state: no visit is read
// from it, unlike a meeting in a capital.
func (st *sentence) isPlace(a event.Actor) bool {
	for _, k := range st.places {
		if p := &st.ms[k]; p.Span.Start == a.Start && p.Span.End == a.End {
			return true
		}
	}
	return false
}

// disasterAid reports whether code is aid given (07) or pledged (033),
// which a disaster story's stricken country receives when the sentence
// names no recipient.
func disasterAid(code string) bool {
	return aided(code) || len(code) >= 3 && code[:3] == "033"
}

// stricken returns the country a disaster the story tells of struck
// (actor.ImplicitStricken, given by the story resolver) as the recipient
// of aid from src whose sentence names none: "Uzbekistan sent 40 trucks
// of food to the quake zone". Aid from the stricken country itself is
// domestic and has none.
func (st *sentence) stricken(src []int) (found, bool) {
	for k, m := range st.ms {
		if m.Method != actor.ImplicitStricken || len(m.Code) < 3 {
			continue
		}
		for _, s := range src {
			if c := st.ms[s].Code; len(c) >= 3 && c[:3] == m.Code[:3] {
				return found{}, false
			}
		}
		return found{mentions: []int{k}, notes: []string{"recipient left unsaid: the country the story's disaster struck, " + m.Code}, conf: 0.5}, true
	}
	return found{}, false
}

// aidPartner returns the story's other party (actor.ImplicitParties, the
// story's two parties given by the story resolver) as the recipient of aid
// pledged (033, the caller's test) by src whose sentence names none, when
// src is one of the two and named, not taken up: "Japan
// pledged $200 million in loans" in a story of Japan's leader meeting the
// Philippines' is for the Philippines.
func (st *sentence) aidPartner(src []int) (found, bool) {
	var parties []int
	for k, m := range st.ms {
		if m.Method == actor.ImplicitParties && len(m.Code) >= 3 {
			parties = append(parties, k)
		}
	}
	if len(parties) != 2 {
		return found{}, false
	}
	root := func(k int) string { return st.ms[k].Code[:3] }
	if root(parties[0]) == root(parties[1]) {
		return found{}, false
	}
	for _, s := range src {
		if len(st.ms[s].Code) < 3 || coref.Resolved(st.ms[s].Method) {
			// a donor named outright: "they … ready to send rescuers"
			// may be anyone's
			continue
		}
		for n, k := range parties {
			if st.ms[s].Code[:3] == root(k) {
				o := parties[1-n]
				return found{mentions: []int{o}, notes: []string{"recipient left unsaid: the story's other party, " + st.ms[o].Code}, conf: 0.45}, true
			}
		}
	}
	return found{}, false
}
