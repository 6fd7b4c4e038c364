package coder

import (
	"strings"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/ud"
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

// hostedBy adds the host's side of a meeting the sentence says another
// hosted: "held talks in Abu Dhabi hosted by the United Arab Emirates",
// "met in Brussels in talks hosted by European Council President Antonio
// Costa". The host, the agent of the participle "hosted" on the meeting's
// verb or noun, hosts each party of the meeting's events (043, GUIDELINES
// rule 5: only when "hosted" is stated), as "X hosted talks between A and
// B" codes it.
func (c *Coder) hostedBy(st *sentence, evs []event.Event) []event.Event {
	toks := st.s.Tokens
	for h := range toks {
		t := toks[h]
		if st.lemma(h) != "host" || t.XPOS != "VBN" || t.Head == 0 {
			continue
		}
		if r := ud.BaseRel(t.Rel); r != "acl" && r != "advcl" {
			continue
		}
		host := -1
		for _, a := range st.children[h] {
			if (toks[a].Rel == "obl:agent" || ud.BaseRel(toks[a].Rel) == "obl" && st.hasCase(a, "by")) && st.mention[a] >= 0 {
				host = st.mention[a]
			}
		}
		if host < 0 {
			continue
		}
		g := t.Head - 1 // the meeting's verb or noun
		at := map[int]bool{toks[g].Span.Start: true}
		if toks[g].UPOS == ud.NOUN && toks[g].Head > 0 {
			at[toks[toks[g].Head-1].Span.Start] = true // "met … in talks hosted by": the verb
		}
		hm := &st.ms[host]
		n := len(evs)
		for k := 0; k < n; k++ {
			e := evs[k]
			if !at[e.PredicateStart] || !strings.HasPrefix(e.Code, "04") || e.Code == "042" || e.Code == "043" || intended(e) {
				continue
			}
			if sameCountry(e.Source.Code, hm.Code) || sameCountry(e.Target.Code, hm.Code) {
				continue // the host is a party already
			}
			if st.inGroup != nil && st.inGroup(hm.Code, e.Source.Code) {
				continue // a member hosting its own group's meeting is one of it
			}
			dup := false
			for _, f := range evs {
				dup = dup || f.Code == "043" && f.Source.Code == hm.Code && f.Target.Code == e.Source.Code
			}
			if dup {
				continue
			}
			v := e
			v.Source = actorOf(st.s, hm)
			v.Target = e.Source
			v.Code = "043"
			v.Confidence = round(0.8 * e.Confidence)
			v.Notes = nil
			for _, note := range e.Notes {
				if note != "symmetric" { // the host's side is one way
					v.Notes = append(v.Notes, note)
				}
			}
			v.Notes = append(v.Notes, "hosted: "+t.Form+" by "+v.Source.Text)
			c.ont.Fill(&v)
			evs = append(evs, v)
		}
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
			return m.First >= 0 && !coref.Resolved(m.Method)
		}
	}
	return false
}

// phoneWords name the line a verbal act goes over ("by telephone", "over
// the phone", "in a phone call", "by video link").
var phoneWords = set("phone", "telephone", "videophone", "video", "videolink", "video-link", "videoconference", "video-conference")

// phoneCalls adds the call (041, both ways) that a statement, appeal,
// thanks or congratulation made by telephone states as well: "congratulated
// his Senegalese counterpart by telephone", "thanked X in a telephone call"
// (round 6). The news guidelines code the call beside the act.
func (c *Coder) phoneCalls(st *sentence, evs []event.Event) []event.Event {
	n := len(evs)
	for k := 0; k < n; k++ {
		e := evs[k]
		if len(e.Code) < 2 || e.Source.Code == actor.NullCode || e.Target.Code == actor.NullCode || intended(e) {
			continue
		}
		switch e.Code[:2] {
		case "02", "03", "05": // (a statement's own verbs, "spoke by phone", have their 041 patterns)
		default:
			continue
		}
		i := st.tokenAt(e.PredicateStart)
		if i < 0 || !st.byPhone(i) {
			continue
		}
		for _, pr := range [][2]event.Actor{{e.Source, e.Target}, {e.Target, e.Source}} {
			dup := false
			for _, f := range evs {
				dup = dup || f.Code == "041" && f.Source.Code == pr[0].Code && f.Target.Code == pr[1].Code
			}
			if dup {
				continue
			}
			v := e
			v.Source, v.Target, v.Code = pr[0], pr[1], "041"
			v.Confidence = round(0.8 * e.Confidence)
			v.Notes = append(append([]string(nil), e.Notes...), "implied: "+e.Predicate+" by telephone is a call")
			c.ont.Fill(&v)
			evs = append(evs, v)
		}
	}
	return evs
}

// tokenAt returns the token that starts at offset off, or -1.
func (st *sentence) tokenAt(off int) int {
	for k, t := range st.s.Tokens {
		if t.Span.Start == off {
			return k
		}
	}
	return -1
}

// byPhone reports whether predicate i is done over the telephone: an
// oblique "by/over (the) phone", or "in/during a (tele)phone call", also
// where the parser hung it on the object.
func (st *sentence) byPhone(i int) bool {
	var phrases []int
	for _, c := range st.children[i] {
		switch ud.BaseRel(st.s.Tokens[c].Rel) {
		case "obl":
			phrases = append(phrases, c)
		case "obj":
			// "congratulated his counterpart by telephone" with the
			// phrase hung on the one called
			for _, d := range st.children[c] {
				if ud.BaseRel(st.s.Tokens[d].Rel) == "nmod" {
					phrases = append(phrases, d)
				}
			}
		}
	}
	for _, c := range phrases {
		l := st.lemma(c)
		if phoneWords[l] && (st.hasCase(c, "by") || st.hasCase(c, "over") || st.hasCase(c, "via")) {
			return true
		}
		if (l == "call" || l == "conversation" || l == "conference" || l == "link") && (st.hasCase(c, "in") || st.hasCase(c, "during") || st.hasCase(c, "by") || st.hasCase(c, "via") || st.hasCase(c, "over")) {
			for _, m := range st.children[c] {
				if r := ud.BaseRel(st.s.Tokens[m].Rel); (r == "compound" || r == "amod") && phoneWords[st.lemma(m)] {
					return true
				}
			}
		}
	}
	return false
}
