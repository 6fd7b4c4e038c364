package coder

import (
	"strings"

	"farabi/internal/actor"
	"farabi/internal/event"
)

// venueCodes are the acts that bring their parties to one place: a
// meeting, talks, a negotiation, a signing.
var venueCodes = set("040", "046", "057")

// visitorRoles are the roles of a country's actors that travel for it.
var visitorRoles = set("", "GOV", "MIL", "LEG", "DIP")

// venueVisits adds the visits a coded meeting states by its place: the
// news guidelines code a visit (042) for each party that meets, talks or
// signs in another country ("the foreign ministers of Chile and Peru
// signed the accord in Madrid", "the summit opened in
// Bergen"). Only a country's own actors visit, not an organisation or a
// region, and only one the sentence names: a visit read from a place is
// already an inference, and one on top of a resolved reference ("both
// countries", "the leaders") is a guess. A party at home, or the host
// country itself a party to the act, adds nothing; nor does an act only
// intended.
func (c *Coder) venueVisits(st *sentence, evs []event.Event) []event.Event {
	n := len(evs)
	for k := 0; k < n; k++ {
		e := evs[k]
		host := e.Place.Code
		if !venueCodes[e.Code] || !actor.IsCountryCode(host) || st.isPlace(e.Place) {
			continue
		}
		src := e.Source.Code
		if len(src) < 3 || !actor.IsCountryCode(src[:3]) || !visitorRoles[src[3:]] {
			continue
		}
		if src[:3] == host || actorRoot(e.Target.Code) == host || intended(e) || !st.named(e.Source) {
			continue
		}
		dup := false
		for _, f := range evs {
			dup = dup || f.Code == "042" && f.Source.Code == src && actorRoot(f.Target.Code) == host
		}
		if dup {
			continue
		}
		v := e
		v.Target = e.Place
		v.Target.Code = host
		v.Code = "042"
		v.Confidence = round(0.6 * e.Confidence)
		v.Notes = append(append([]string(nil), e.Notes...), "implied: a party to "+e.Predicate+" in "+e.Place.Text+" has visited")
		c.ont.Fill(&v)
		evs = append(evs, v)
	}
	return evs
}

// intended reports whether an event was coded as an intent, not an act.
func intended(e event.Event) bool {
	for _, n := range e.Notes {
		if strings.HasPrefix(n, "intent") {
			return true
		}
	}
	return false
}

// named reports whether a is one of the sentence's mentions found by its
// own words (a name, a title, a country and an agent), not resolved from
// another sentence or left implicit.
func (st *sentence) named(a event.Actor) bool {
	for k := range st.ms {
		m := &st.ms[k]
		if m.Span.Start == a.Start && m.Span.End == a.End && m.Code == a.Code {
			return m.First >= 0 && !strings.HasPrefix(string(m.Method), "coref")
		}
	}
	return false
}
