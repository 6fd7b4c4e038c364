package coder

import (
	"slices"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/ud"
)

// mediatorNouns name a mediator beside its name: "mediator Qatar", "co-mediators
// Norway, Brazil and Kenya".
var mediatorNouns = set("mediator", "co-mediator", "intermediary", "broker", "facilitator")

// auspicesNouns name the oversight of a meeting under whose owner it is
// held: "under the auspices of", "under the aegis of".
var auspicesNouns = set("auspices", "auspice", "aegis")

// mediators returns the mentions the sentence names as mediators of what
// it tells: the agent of a verb of mediating, the name before a hyphen
// ("US-brokered"), a name beside a mediator noun, the owner of the
// auspices an act is held under, and the subject of playing a mediating
// role.
func (st *sentence) mediators() []int {
	var out []int
	for k, t := range st.s.Tokens {
		l := st.lemma(k)
		switch {
		case coref.Mediates(l) && t.UPOS == ud.VERB:
			if c := st.agent(k); c >= 0 {
				out = append(out, st.listMates(st.actorsAt(c, 0))...)
			}
			// "US-brokered": the name, a hyphen, the participle
			if k >= 2 && st.s.Tokens[k-1].Form == "-" && st.s.Tokens[k-1].Span.End == t.Span.Start {
				if m := st.mention[k-2]; m >= 0 && st.ms[m].Last == k-2 {
					out = append(out, m)
				}
			}
		case mediatorNouns[l] && (t.UPOS == ud.NOUN || t.UPOS == ud.PROPN):
			if m := st.mention[k]; m >= 0 {
				continue // a mediator's own name ("the Mediator Group")
			}
			for _, c := range st.children[k] {
				switch ud.BaseRel(st.s.Tokens[c].Rel) {
				case "flat", "appos", "compound":
					out = append(out, st.listMates(st.actorsAt(c, 0))...)
				}
			}
			// "mediator Qatar" parsed with the name as head
			if h := t.Head - 1; h >= 0 && st.s.Tokens[k].Rel == "compound" && st.mention[h] >= 0 {
				out = append(out, st.listMates(st.actorsAt(h, 0))...)
			}
		case auspicesNouns[l] && t.UPOS == ud.NOUN && st.hasCase(k, "under"):
			// "met under the auspices of the EU", "negotiated under
			// Ethiopian auspices", "under the UN's aegis": the owner of
			// the auspices oversees the act the phrase belongs to
			for _, c := range st.children[k] {
				switch r := ud.BaseRel(st.s.Tokens[c].Rel); {
				case r == "nmod" && !st.hasCase(c, "of") && st.s.Tokens[c].Rel != "nmod:poss":
				case r == "nmod", r == "amod", r == "compound":
					out = append(out, st.listMates(st.actorsAt(c, 0))...)
				}
			}
		case l == "role" && st.mediatingRole(k):
			if h := t.Head - 1; h >= 0 && st.lemma(h) == "play" {
				if subj, ok := st.subjectOf(h); ok {
					out = append(out, subj...)
				}
				// "…, with Turkey playing a mediating role": the
				// absolute clause's subject, which the parser may hang
				// on the participle as a "with" phrase
				for _, c := range st.children[h] {
					if c < h && ud.BaseRel(st.s.Tokens[c].Rel) == "obl" && st.hasCase(c, "with") {
						out = append(out, st.listMates(st.actorsAt(c, 0))...)
					}
				}
			}
		}
	}
	return dedup(out)
}

// mediatingRole reports whether the role at k is a mediator's ("a
// central mediating role", "its mediation role").
func (st *sentence) mediatingRole(k int) bool {
	for _, c := range st.children[k] {
		switch st.lemma(c) {
		case "mediating", "mediation", "mediator", "intermediary", "facilitating", "facilitator":
			return true
		}
	}
	return false
}

// mediated adds, for each mediator the sentence names, a mediation (045)
// toward each party of the sentence's reciprocal events: "Norway's
// ministry said both sides agreed to a truce at talks co-mediated by
// Kenya" has Kenya mediate between the two.
func (c *Coder) mediated(st *sentence, evs []event.Event) []event.Event {
	meds := st.mediators()
	if len(meds) == 0 {
		return evs
	}
	// the parties: both sides of an act coded both ways
	var parties []event.Actor
	seen := map[string]bool{}
	for _, e := range evs {
		for _, f := range evs {
			if e.Code != f.Code || e.Source.Code != f.Target.Code || e.Target.Code != f.Source.Code || seen[e.Source.Code] {
				continue
			}
			seen[e.Source.Code] = true
			parties = append(parties, e.Source)
		}
	}
	note := "mediator of the sentence's act between its parties"
	if len(parties) == 0 {
		parties = st.brokeredActParties(evs)
		note = "mediator of the act its talks or deal led to"
	}
	if len(parties) == 0 {
		// "Co-mediators Norway, Brazil and Kenya are to oversee the
		// truce": between the story's parties, which the sentence
		// leaves unsaid
		for k := range st.ms {
			if m := &st.ms[k]; m.Method == actor.ImplicitParties && !slices.ContainsFunc(meds, func(d int) bool { return actorRoot(st.ms[d].Code) == actorRoot(m.Code) }) {
				parties = append(parties, actorOf(st.s, m))
			}
		}
		if len(parties) < 2 {
			return evs
		}
		note = "mediator between the story's parties"
	}
	n := len(evs)
	for _, m := range meds {
		mm := &st.ms[m]
		med := actorOf(st.s, mm)
		for _, p := range parties {
			if actorRoot(p.Code) == actorRoot(mm.Code) {
				continue // a party is no mediator of its own act
			}
			dup := false
			for _, e := range evs[n:] {
				dup = dup || e.Source.Code == mm.Code && e.Target.Code == p.Code
			}
			if dup {
				continue
			}
			ev := event.Event{Source: med, Target: p, Code: "045",
				Rule: "mediation:045", Confidence: round(0.6 * mm.Confidence),
				Predicate: st.s.Tokens[st.headOf(m)].Form, PredicateStart: mm.Span.Start, PredicateEnd: mm.Span.End,
				Notes:        []string{note},
				SentenceText: st.s.Text}
			if n > 0 {
				ev.When, ev.Place = evs[0].When, evs[0].Place
			}
			c.ont.Fill(&ev)
			evs = append(evs, ev)
		}
	}
	return evs
}

// brokeredActParties returns the two sides of a one-way act done "after
// talks brokered by X" or "in a deal mediated by X": the talks or deal a
// verb of mediating describes hang on the act's predicate, or on a word
// of the act's own phrase where the parser put them ("the Taliban freed a
// US citizen after talks brokered by Qatar": Qatar mediates between the
// Taliban and the US).
func (st *sentence) brokeredActParties(evs []event.Event) []event.Actor {
	var out []event.Actor
	seen := map[string]bool{}
	for k, t := range st.s.Tokens {
		if !coref.Mediates(st.lemma(k)) || t.UPOS != ud.VERB || ud.BaseRel(t.Rel) != "acl" || st.agent(k) < 0 {
			continue
		}
		n := t.Head - 1 // the talks or deal
		if n < 0 || st.s.Tokens[n].UPOS != ud.NOUN {
			continue
		}
		// the act they led to: up to two heads above the noun
		for h, up := st.s.Tokens[n].Head-1, 0; h >= 0 && up < 2; h, up = st.s.Tokens[h].Head-1, up+1 {
			for _, e := range evs {
				if e.PredicateStart != st.s.Tokens[h].Span.Start || e.Source.Code == "" || e.Target.Code == "" || e.Code == "045" {
					continue
				}
				for _, a := range []event.Actor{e.Source, e.Target} {
					if !seen[a.Code] {
						seen[a.Code] = true
						out = append(out, a)
					}
				}
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// actorRoot is the three-letter country or organisation prefix of an actor
// code ("KAZ" of "KAZGOV").
func actorRoot(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}
