package coder

import (
	"fmt"
	"slices"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/ud"
)

// Code returns the events stated in s, whose actors are ms. Events carry
// the sentence's evidence but not the document id, sentence index or date,
// which the caller sets.
func (c *Coder) Code(s *ud.Sentence, ms []actor.Mention) []event.Event {
	evs, _ := c.code(s, ms, false)
	return evs
}

// Explain is Code that also returns every pattern tried and why it did or
// did not match.
func (c *Coder) Explain(s *ud.Sentence, ms []actor.Mention) ([]event.Event, []Trace) {
	return c.code(s, ms, true)
}

type found struct {
	mentions []int
	notes    []string
	conf     float64
}

// Options switches how a [Coder] codes. The zero value is farabi's own
// dependency patterns.
type Options struct {
	// Petrarch, when set, codes with a PETRARCH verb dictionary matched
	// over the words of the sentence (surface.go), as PETRARCH does: no
	// intent conversion and no generic negation.
	Petrarch *PetrarchVerbs
}

func (c *Coder) code(s *ud.Sentence, ms []actor.Mention, tracing bool) ([]event.Event, []Trace) {
	if len(ms) == 0 || len(s.Tokens) == 0 {
		return nil, nil
	}
	// PETRARCH mode: the surface matcher replaces the dependency patterns.
	if c.opts.Petrarch != nil {
		return c.codeSurface(s, ms[:splitPlaces(ms)], tracing)
	}
	st := newSentence(s, ms)
	st.inGroup = c.inGroup
	var (
		evs    []event.Event
		traces []Trace
		seen   = map[[3]string]int{}
	)
	trace := func(p *Pattern, i int, ok bool, format string, a ...any) {
		if tracing {
			traces = append(traces, Trace{Pattern: p, Predicate: i, Matched: ok, Why: fmt.Sprintf(format, a...)})
		}
	}
	for i := range s.Tokens {
		refs := c.dict.patternRefs(st.predicateLemma(i, c.dict))
		if len(refs) == 0 {
			continue
		}
		rels, near, far := st.reach(i)
		for _, cd := range refs {
			if !tracing && (cd.turnedDown(rels, &near, far) || !posOK(cd.pos, s.Tokens[i].UPOS)) {
				continue // a requirement cannot be met, or the part of speech does not fit
			}
			p := cd.p
			if !posOK(p.POS, s.Tokens[i].UPOS) {
				trace(p, i, false, "part of speech %s does not fit /%c", s.Tokens[i].UPOS, p.POS)
				continue
			}
			if h := st.s.Tokens[i].Head - 1; h >= 0 && st.calledWhat(h) >= 0 && st.s.Tokens[i].Rel == "acl:relcl" {
				trace(p, i, false, "\"what … %s\" names what the clause's verb acts on, no act of its own", st.s.Tokens[i].Form)
				continue
			}
			if p.POS == 'N' && (st.draftOf(i) || st.docKindOf(i)) {
				trace(p, i, false, "the noun names what a text is of (%q), not an act", st.lemma(st.s.Tokens[i].Head-1))
				continue
			}
			if m := st.mention[i]; p.POS == 'N' && m >= 0 && st.ms[m].Method == coref.ByCounterpart && st.ms[m].Last == i {
				// "praised the two mediators": the noun stands for the
				// story's mediators, who are no mediation here
				trace(p, i, false, "the noun stands for actors the story named (%s)", st.ms[m].Why)
				continue
			}
			if p.Particle != "" && !st.hasChild(i, "compound:prt", p.Particle) && !st.hasChild(i, "advmod", p.Particle) {
				trace(p, i, false, "no particle %q", p.Particle)
				continue
			}
			if materialCooperation(p.Code) && st.signedContent(i) {
				// "signed a contract to build a highway": the signing
				// is the act (057); what the contract is for is not
				// yet done (round 35)
				trace(p, i, false, "what a signed %s is for, not an act done", st.lemma(st.contractOf(i)))
				continue
			}
			if r, ok := st.reqsOK(i, p.Reqs); !ok {
				if tracing {
					trace(p, i, false, "requirement %s not met", r)
				}
				continue
			}
			src := st.slot(i, p.Source, true)
			var tgt found
			if len(p.Target) > 0 {
				tgt = st.slot(i, p.Target, false)
			}
			if p.Org {
				tgt.mentions = st.orgsOnly(tgt.mentions)
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && st.reciprocal(i) && len(src.mentions) >= 2 {
				tgt = src // "blamed each other", "met one another"
				tgt.notes = []string{"reciprocal: each other"}
			}
			if len(src.mentions) == 0 {
				if f, ok := st.implicitSource(i, p, len(tgt.mentions) > 0); ok {
					src = f
					if (p.Sym || p.Pair) && len(tgt.mentions) == 0 && len(f.mentions) >= 2 {
						tgt = f // the parties among themselves
					}
				}
			}
			if len(src.mentions) == 0 && (p.Sym || p.Pair) {
				if f, ok := st.agreedParties(i); ok {
					src = f // "A and B agreed that their commissions would meet": A and B
					if len(tgt.mentions) == 0 {
						tgt = found{mentions: f.mentions, conf: f.conf}
					}
				}
			}
			if len(tgt.mentions) == 0 && (p.Sym || p.Pair) && len(src.mentions) == 1 && weTogether[st.lemma(i)] {
				if f, ok := st.weAndPartner(src.mentions[0]); ok {
					tgt = f // "We agreed that …", Modi said after the call with Albanese
				}
			}
			partnerOnly := false
			if len(tgt.mentions) == 0 && p.Pair && len(p.Target) == 0 && len(src.mentions) > 0 && st.oneParty(src.mentions) {
				// "met X and reaffirmed its readiness to cooperate": a
				// pair pattern with one party alone acts toward the
				// partner of the meeting it is coordinated with, and
				// only that way (the partner reaffirmed nothing)
				if f, ok := st.meetingPartner(i, src.mentions, p.Code); ok {
					tgt, partnerOnly = f, true
				}
			}
			if len(src.mentions) == 0 && len(tgt.mentions) > 0 && p.Code == "174" {
				if ms := st.expellingReporter(i, tgt.mentions); len(ms) > 0 {
					src = found{mentions: ms, notes: []string{"source left unsaid by the passive: the government that reports the expulsion"}, conf: 0.7}
				}
			}
			if len(src.mentions) == 0 && len(tgt.mentions) > 0 && !p.Sym && !p.Pair && st.agentless(i, tgt.mentions) {
				if f, ok := st.otherParty(tgt.mentions, "source left unsaid by the passive: the story's other party"); ok {
					src = f // "the envoy was ordered to close the consulate": by the other side
				}
			}
			if len(src.mentions) == 0 && claimable(p.Code) {
				if doers := st.accused(i); len(doers) > 0 {
					// "blamed India for the drone attack": the act
					// noun's doer is the accused
					src = found{mentions: doers, notes: []string{"subject: the accused"}, conf: 0.8}
				}
			}
			if len(src.mentions) == 0 {
				if tracing {
					trace(p, i, false, "no actor in source slot %s", pathsString(p.Source))
				}
				continue
			}
			if p.Pair && len(tgt.mentions) == 0 && st.attended(i) {
				trace(p, i, false, "attendees of %s %s are not paired with each other", s.Tokens[s.Tokens[i].Head-1].Form, s.Tokens[i].Form)
				continue
			}
			if len(p.Target) > 0 && len(tgt.mentions) == 0 {
				if f, ok := st.placeTarget(i, p.Code, src.mentions, p.Target); ok {
					tgt = f // "drones struck Kharkiv": at Ukraine
				}
			}
			if len(p.Target) > 0 && len(tgt.mentions) == 0 && len(src.mentions) > 0 && disasterAid(p.Code) {
				if f, ok := st.stricken(src.mentions); ok {
					tgt = f // "sent 40 trucks of food to the quake zone": for the country the quake struck
				} else if f, ok := st.aidPartner(src.mentions); ok && strings.HasPrefix(p.Code, "033") {
					tgt = f // "Japan pledged $200 million in loans" after Japan's leader met the Philippines'
				}
			}
			if len(p.Target) > 0 && len(tgt.mentions) == 0 && len(src.mentions) > 0 && (violent(p.Code) || strings.HasPrefix(p.Code, "15")) {
				if f, ok := st.borderPartner(i, src.mentions); ok {
					tgt = f // "fired shells near the border with South Korea"
				}
			}
			if len(p.Target) > 0 && len(tgt.mentions) == 0 && len(src.mentions) > 0 && c.threat(st, i, p) {
				if f, ok := st.threatTarget(i, src.mentions); ok {
					tgt = f // "would respond if Y attacked", "warned Y that it would retaliate": toward Y
				}
			}
			// (an addressee the text names as a group of no one party,
			// "called on the Islamic world", "appealed to other donors",
			// is said: the story's other party is not it; round 35)
			named := len(p.Target) > 0 && len(tgt.mentions) == 0 && st.wideAddressee(i, p.Target)
			if len(p.Target) > 0 && len(tgt.mentions) == 0 && !named && (strings.HasPrefix(p.Code, "13") || st.threatened(i) && len(p.Reqs) > 0 || strings.HasPrefix(p.Code, "02") && st.agentless(i, nil) || strings.HasPrefix(p.Code, "15") && st.atBorder(i) || leftToStory(p.Code) || (verbalCooperation(p.Code) || materialCooperation(p.Code)) && st.sides(src.mentions)) {
				if f, ok := st.otherParty(src.mentions, "target left unsaid: the story's other party"); ok {
					tgt = f // "Hungary threatens to shut its frontier", "the session was held at Ukraine's request": toward the story's other side
				}
			}
			if _, ok := st.accuser(i); ok && claimable(p.Code) {
				if doers := st.accused(i); len(doers) > 0 {
					// the accused did the act, not the accuser
					src = found{mentions: doers, notes: []string{"subject: the accused"}, conf: 0.8}
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && len(src.mentions) > 0 && claimable(p.Code) {
				if who, ok := st.accuser(i); ok && len(who) > 0 && !armsAnother(p.Code) {
					// "X accused Y of shelling border villages": the
					// places shelled are the accuser's
					tgt = found{mentions: who, notes: []string{"target left unsaid by the accused act: the accuser"}, conf: 0.6}
				} else if f, ok := st.victimReporter(i, src.mentions); ok && (violent(p.Code) || cyber(p.Code)) {
					tgt = f // "Armenian officials said Azerbaijani troops fired at a village": at Armenia
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && len(src.mentions) > 0 && !named && !strings.HasPrefix(p.Code, "01") {
				// (what one says after a meeting is said to the
				// press, not to the one met: "welcomed X and said …")
				if f, ok := st.sharedTarget(i, src.mentions, p.Code); ok {
					tgt = f // "met with Aliyev and offered an apology": to Aliyev
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && len(src.mentions) > 0 && strings.HasPrefix(p.Code, "10") {
				if f, ok := st.protestTarget(i, src.mentions); ok {
					tgt = f // "rallied outside the Chinese embassy, demanding …": of China
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && len(src.mentions) > 0 && aidCode(p.Code) {
				if f, ok := st.purposeBeneficiary(i, src.mentions); ok {
					tgt = f // "offered assistance to strengthen Moldova's institutions": to Moldova
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && len(src.mentions) > 0 && aidCode(p.Code) {
				if f, ok := st.requester(i, src.mentions); ok {
					tgt = f // "sent rescuers to the quake zone at the request of X": to X
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && len(src.mentions) > 0 && (strings.HasPrefix(p.Code, "11") || strings.HasPrefix(p.Code, "13")) {
				if f, ok := st.judgedActor(i, src.mentions); ok {
					tgt = f // "said X had seized a plant, calling the operation an act of aggression": at X
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && len(src.mentions) > 0 && (strings.HasPrefix(p.Code, "13") || strings.HasPrefix(p.Code, "16")) {
				if f, ok := st.answeredParty(i, src.mentions); ok {
					tgt = f // "accused X of … and said it would retaliate": at X
				}
			}
			// (a target of the mediator's own country, as from "according
			// to a source in the Ivorian presidency", is no party to
			// mediate between: round 13)
			if (len(tgt.mentions) == 0 || st.allOwn(tgt.mentions, src.mentions)) && len(p.Target) > 0 && len(src.mentions) > 0 && strings.HasPrefix(p.Code, "045") {
				if f, ok := st.mediated(src.mentions); ok {
					tgt = f // "Brazil offered to mediate": between the story's parties
				}
			}
			if len(tgt.mentions) == 0 && len(p.Target) > 0 && strings.HasPrefix(p.Code, "0256") {
				if f, ok := st.bothSides(src.mentions); ok {
					tgt = f // "the US, Saudi Arabia and Egypt called for a ceasefire": an outside voice appeals to both sides
				}
			}
			if len(tgt.mentions) == 0 && (p.Sym || p.Pair) && len(src.mentions) == 1 {
				if f, ok := st.inclusiveWe(src.mentions[0]); ok {
					tgt = f // "while you are here we will discuss …": the speaker and the one addressed
				}
			}
			if p.Org {
				tgt.mentions = st.orgsOnly(tgt.mentions) // whatever filled the slot after it was read
			}
			if len(p.Target) > 0 && len(tgt.mentions) == 0 && !(p.Pair && len(src.mentions) >= 2) && !solo(p.Code) {
				if tracing {
					trace(p, i, false, "no actor in target slot %s", pathsString(p.Target))
				}
				continue
			}
			refused := "" // a cooperative act refused: the rejection it is
			if why := st.negated(i); why != "" && !p.Neg {
				if refused = rejectionOf(p.Code); refused == "" || !st.refusal(i) {
					trace(p, i, false, "negated (%s): not coded as the act", why)
					continue
				}
				refused = why + ": " + p.Code + " → " + refused
			} else if why == "" && p.Neg {
				trace(p, i, false, "not negated: a refusal pattern codes only a predicate refused or negated")
				continue
			}
			if _, accused := st.accuser(i); accused && claimable(p.Code) {
				// GUIDELINES rule 7: the act an accusation claims is
				// coded as that act, reported
			} else if why := st.topic(i); why != "" {
				trace(p, i, false, "a topic (%s), not an act", why)
				continue
			} else if why := st.judgedAs(i); why != "" {
				trace(p, i, false, "a judgement (%s), not an act", why)
				continue
			} else if why := st.withinAccusation(i); why != "" && !claimable(p.Code) {
				trace(p, i, false, "%s, not an act", why)
				continue
			}
			if why := st.habitual(i); why != "" {
				trace(p, i, false, "habitual (%s): no one event", why)
				continue
			}
			if h := st.s.Tokens[i].Head - 1; h >= 0 && st.s.Tokens[i].UPOS == ud.NOUN && st.s.Tokens[i].Rel == "obj" && st.aside(h) != "" {
				// "Qatar, which has mediated contacts between A and B":
				// the contacts are told in passing with the mediating
				trace(p, i, false, "the object of an aside (%s): no one event", st.aside(h))
				continue
			}
			if strings.HasPrefix(p.Code, "01") && st.tellingFrame(i) {
				trace(p, i, false, "the frame of what is told (\"…, X told Y\"): the content is the event")
				continue
			}
			if strings.HasPrefix(p.Code, "01") && st.toldAbout(i) {
				trace(p, i, false, "told with a content (\"briefed Y on …\"): the content is the event")
				continue
			}
			if why := st.requested(i); why != "" {
				trace(p, i, false, "only asked for (%s): not coded as the act", why)
				continue
			}
			if strings.HasPrefix(p.Code, "14") && st.envoyProtest(i) {
				trace(p, i, false, "a protest made through an envoy summoned is the summons (114), not a demonstration")
				continue
			}
			if why := st.supposed(i); why != "" {
				trace(p, i, false, "only supposed (%s): not coded as the act", why)
				continue
			}
			if why := st.condemnedAct(i); why != "" {
				trace(p, i, false, "the act a condemnation is of (%s): coded as the condemnation only", why)
				continue
			}
			if why := st.noDoer(i); why != "" && !c.threat(st, i, p) && !(st.threatened(i) || st.warned(i, why)) {
				trace(p, i, false, "only possible or needed, with no doer (%s): not coded", why)
				continue
			}
			if why := st.lastingRecord(i); why != "" {
				trace(p, i, false, "placed years back (%s): background, not coded", why)
				continue
			}
			if why := st.conditional(i); why != "" && !c.threat(st, i, p) && !(st.threatened(i) || st.warned(i, why)) {
				trace(p, i, false, "only on a condition (%s): not coded as the act", why)
				continue
			}
			code := p.Code
			var notes []string
			oneWay := partnerOnly // an intent of one side: no reverse pair
			if refused != "" {
				// "refused to recognise Kosovo's independence": 120 by
				// the one refusing, and refused rather than intended
				code = refused[strings.LastIndex(refused, " ")+1:]
				notes = append(notes, "refused ("+refused+")")
				oneWay = true
			} else if p.Intent {
				why := st.intended(i)
				if why == "" {
					trace(p, i, false, "not intended: a threatened response codes only a response to come")
					continue
				}
				notes = append(notes, "threatened ("+why+")")
			} else if why := st.intended(i); why != "" && !enacted(why, code, st.lemma(i)) && !st.leavesBody(i, p, why) && !st.announcedExpulsion(i, p, why) && !st.announcedMeasure(i, p, why) {
				if ic := c.ont.IntentOf(code); ic != code {
					code = ic
					notes = append(notes, "intent ("+why+"): "+p.Code+" → "+code)
				} else if strings.HasPrefix(code, "014") && st.warned(i, why) {
					// "warned that it would review its cooperation with
					// the IAEA": reviewing ties under a threat is a
					// threat to reduce them
					code = "1313"
					notes = append(notes, "review threatened ("+why+"): "+p.Code+" → "+code)
				}
				// "X hopes to expand cooperation with Y": an intent
				// of one side, even when the code is one already
				oneWay = !mutualIntent(why, p.Code)
			}
			reported := st.reported(i)
			if _, accused := st.accuser(i); accused {
				reported = true
			}
			if reported {
				notes = append(notes, "reported speech")
			}
			notes = append(notes, src.notes...)
			notes = append(notes, tgt.notes...)
			pairs := st.pairs(p, i, src.mentions, tgt.mentions, oneWay)
			if len(pairs) == 0 {
				trace(p, i, false, "source and target are the same actor")
				continue
			}
			n := 0
			for _, pr := range pairs {
				a, b := &ms[pr[0]], oneSided
				if pr[1] >= 0 && pr[2] != domesticPair {
					b = &ms[pr[1]]
				}
				code, notes := code, notes
				if code == "195" && bombWords[st.lemma(i)] && armedGroup(a.Code) {
					// "the PKK bombed a police station": an armed
					// group's bomb is no air strike (183)
					code, notes = "183", append(notes[:len(notes):len(notes)], "an armed group's bombing: 195 → 183")
				}
				key := [3]string{a.Code, b.Code, code}
				conf := p.Conf * (a.Confidence + b.Confidence) / 2 * src.conf
				if len(tgt.mentions) > 0 {
					conf *= tgt.conf
				}
				if len(notes) > 0 && strings.HasPrefix(notes[0], "intent") {
					conf *= 0.9
				}
				if reported {
					conf *= 0.8 // a claim someone reports: medium confidence (GUIDELINES rule 7)
				}
				if k, dup := seen[key]; dup {
					if evs[k].Confidence < conf {
						evs[k].Confidence = conf
					}
					continue
				}
				ev := event.Event{
					When:           st.when(i),
					Place:          st.place(i, a, b),
					Source:         actorOf(s, a),
					Target:         actorOf(s, b),
					Code:           code,
					Rule:           p.ID,
					Confidence:     round(conf),
					Predicate:      s.Tokens[i].Form,
					PredicateStart: s.Tokens[i].Span.Start,
					PredicateEnd:   s.Tokens[i].Span.End,
					Notes:          append([]string(nil), notes...),
					SentenceText:   s.Text,
				}
				switch {
				case pr[2] == symmetricPair:
					ev.Notes = append(ev.Notes, "symmetric")
				case pr[2] == domesticPair:
					ev.Notes = append(ev.Notes, "domestic: against "+ms[pr[1]].Code+"; coded one-sided")
				case pr[1] < 0:
					ev.Notes = append(ev.Notes, "one-sided: the text names no target")
				}
				c.ont.Fill(&ev)
				seen[key] = len(evs)
				evs = append(evs, ev)
				n++
			}
			trace(p, i, true, "%d event(s) %s", n, code)
		}
	}
	return targeted(refusedOnce(deadlineOfExpulsion(carried(st, mostSpecific(c.inKind(st, c.phoneCalls(st, c.venueVisits(st, c.hostedBy(st, c.mediated(st, c.metTogether(st, c.implied(st, evs)))))))))))), traces
}

// dropWhen keeps the events e of evs, in place, for which no other event f
// makes drop(e, f) true.
func dropWhen(evs []event.Event, drop func(e, f event.Event) bool) []event.Event {
	out := evs[:0]
	for i, e := range evs {
		dropped := false
		for j, f := range evs {
			if i != j && drop(e, f) {
				dropped = true
				break
			}
		}
		if !dropped {
			out = append(out, e)
		}
	}
	return out
}

// carried drops a bare statement (010) on a noun of speech that is the
// object of another act coded between the same countries: "handed a
// letter from the president to the premier" is the meeting of the one who
// hands it (040), not a second event of the letter's own.
func carried(st *sentence, evs []event.Event) []event.Event {
	at := map[int]int{} // token start → token
	for i, t := range st.s.Tokens {
		at[t.Span.Start] = i
	}
	return dropWhen(evs, func(e, f event.Event) bool {
		i, ok := at[e.PredicateStart]
		if !ok || e.Code != "010" || ud.BaseRel(st.s.Tokens[i].Rel) != "obj" {
			return false
		}
		h := st.s.Tokens[i].Head - 1
		return h >= 0 && f.PredicateStart == st.s.Tokens[h].Span.Start && !strings.HasPrefix(f.Code, "01") &&
			sameCountry(e.Source.Code, f.Source.Code) && sameCountry(e.Target.Code, f.Target.Code)
	})
}

// deadlineOfExpulsion drops an ultimatum (139) where the sentence codes
// an expulsion (174) between the same countries: "expelled a diplomat and
// gave him 48 hours to leave", "declared him persona non grata and gave
// him three days to leave" set the expelled one's deadline, part of the
// expulsion rather than a second, coercive event.
func deadlineOfExpulsion(evs []event.Event) []event.Event {
	return dropWhen(evs, func(e, f event.Event) bool {
		return strings.HasPrefix(e.Code, "139") && strings.HasPrefix(f.Code, "174") &&
			sameCountry(e.Source.Code, f.Source.Code) && sameCountry(e.Target.Code, f.Target.Code)
	})
}

// targeted drops a one-sided event where the sentence codes the same act
// of the same source with a target: "a rally took place outside the
// Danish consulate" is one protest, at the consulate, though its noun alone
// names no target.
func targeted(evs []event.Event) []event.Event {
	return dropWhen(evs, func(e, f event.Event) bool {
		return e.Target.Code == actor.NullCode && f.Target.Code != actor.NullCode && f.Source.Code == e.Source.Code &&
			len(f.Code) >= 2 && len(e.Code) >= 2 && f.Code[:2] == e.Code[:2]
	})
}

// refusedOnce drops a refused act coded as its rejection (rejectionOf)
// where a rejection pattern of the refusing verb codes the same pair:
// "refused to hand over the suspects to X" is one rejection.
func refusedOnce(evs []event.Event) []event.Event {
	return dropWhen(evs, func(e, f event.Event) bool {
		return len(e.Notes) > 0 && strings.HasPrefix(e.Notes[0], "refused (") &&
			f.Source.Code == e.Source.Code && f.Target.Code == e.Target.Code && strings.HasPrefix(f.Code, "12") &&
			(len(f.Notes) == 0 || !strings.HasPrefix(f.Notes[0], "refused ("))
	})
}

// implied adds the events a coded event states as well: a guest hosted,
// received or welcomed (043) has visited (042) — the news guidelines code
// both from "X hosted Y"; a hosting only intended (036) implies the guest's
// planned visit (036).
func (c *Coder) implied(st *sentence, evs []event.Event) []event.Event {
	n := len(evs)
	for k := 0; k < n; k++ {
		e := evs[k]
		code, note := "042", "implied: a guest "+e.Predicate+" has visited"
		if e.Code != "043" {
			if e.Code != "036" || !hostIntended(e.Notes) {
				continue
			}
			// "will receive the Australian prime minister in Jakarta":
			// the guest's visit is planned as well (round 6)
			code, note = "036", "implied: the guest of a hosting to come plans the visit"
		}
		dup := false
		for _, f := range evs {
			if f.Code == code && f.Source.Code == e.Target.Code && f.Target.Code == e.Source.Code {
				dup = true
			}
		}
		if dup {
			continue
		}
		v := e
		v.Source, v.Target, v.Code = e.Target, e.Source, code
		v.Notes = append(append([]string(nil), e.Notes...), note)
		c.ont.Fill(&v)
		evs = append(evs, v)
	}
	return c.hostedTogether(st, evs, n)
}

// threeWay are the mutual acts a meeting of three lists for every pair:
// meeting, negotiating, signing, and a meeting planned.
var threeWay = set("040", "046", "057", "036")

// apart are the words that make a meeting with two partners two meetings
// ("met separately with", "held bilateral talks with each").
var apart = set("separate", "separately", "bilateral", "bilaterally", "each", "respectively", "individually", "sidelines")

// metTogether adds, for a mutual act of one predicate between exactly
// three countries ("met his German and Italian counterparts in Rome", "will
// discuss the crisis with the German and Italian ministers"), the pairs the
// pattern left out: a trilateral meeting or signing lists every pair both
// ways (GUIDELINES rule 3), where the act's own pattern paired only the
// subject with each partner. Not where the sentence names a fourth country
// or holds a meeting of many with its host (whose members are not paired),
// nor where it says the meetings were apart, or names each partner in a
// "with" phrase of its own (round 11).
func (c *Coder) metTogether(st *sentence, evs []event.Event) []event.Event {
	named := map[string]bool{}
	for k, m := range st.ms {
		if m.Hub {
			return evs // a meeting of many with its host: the members are not paired
		}
		venue := slices.Contains(st.places, k) || slices.ContainsFunc(evs, func(e event.Event) bool {
			return e.Place.Code != "" && e.Place.Start == m.Span.Start && e.Place.End == m.Span.End
		})
		implicit := m.Method == actor.ImplicitParties || m.Method == actor.ImplicitSpeaker || m.Method == actor.ImplicitCrowd || m.Method == actor.ImplicitStricken
		if len(m.Code) >= 3 && !isOrgCode(m.Code) && !venue && !implicit { // (the meeting's place is no party: "in Brussels")
			named[m.Code[:3]] = true
		}
	}
	if len(named) != 3 {
		return evs
	}
	withs := 0
	for i := range st.s.Tokens {
		if apart[strings.ToLower(st.s.Tokens[i].Form)] {
			return evs
		}
		if st.lemma(i) == "with" {
			withs++
		}
	}
	if withs > 1 {
		return evs // "held talks with X on trade and with Y on energy": two meetings
	}
	type act struct {
		pred int
		code string
	}
	groups := map[act][]int{}
	var order []act
	for k, e := range evs {
		if !threeWay[e.Code] || len(e.Source.Code) < 3 || len(e.Target.Code) < 3 || isOrgCode(e.Source.Code) || isOrgCode(e.Target.Code) {
			continue
		}
		a := act{e.PredicateStart, e.Code}
		if _, ok := groups[a]; !ok {
			order = append(order, a)
		}
		groups[a] = append(groups[a], k)
	}
	for _, a := range order {
		ks := groups[a]
		mutual := false
		side := map[string]event.Actor{}
		pairs := map[[2]string]bool{}
		for _, k := range ks {
			e := evs[k]
			mutual = mutual || slices.Contains(e.Notes, "symmetric")
			side[e.Source.Code[:3]], side[e.Target.Code[:3]] = e.Source, e.Target
			pairs[[2]string{e.Source.Code[:3], e.Target.Code[:3]}] = true
		}
		if !mutual || len(side) != 3 {
			continue
		}
		var cs []string
		for c := range side {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		for _, x := range cs {
			for _, y := range cs {
				if x == y || pairs[[2]string{x, y}] {
					continue
				}
				v := evs[ks[0]]
				v.Source, v.Target = side[x], side[y]
				v.Notes = append(append([]string(nil), v.Notes...), "implied: the partners of a meeting of three meet each other")
				c.ont.Fill(&v)
				evs = append(evs, v)
			}
		}
	}
	return evs
}

// hostedTogether adds, for a host who received two guests at once ("Turkey
// hosted the defence ministers of Romania and Bulgaria for talks"), the
// guests' meeting with each other: a meeting of three lists every pair
// (GUIDELINES rule 3). Three guests or more make a meeting of many, whose
// members are not paired, and so are three guests of whom the sentence
// names a fourth party ("… for talks that were joined by Ukraine's
// minister"). Only the first n events are hostings coded.
func (c *Coder) hostedTogether(st *sentence, evs []event.Event, n int) []event.Event {
	named := map[string]bool{}
	for _, m := range st.ms {
		if len(m.Code) >= 3 {
			named[m.Code[:3]] = true
		}
	}
	type hosting struct {
		sentence, pred int
		host           string
	}
	guests := map[hosting][]int{}
	var order []hosting
	for k := 0; k < n; k++ {
		e := evs[k]
		if e.Code != "043" || len(e.Target.Code) < 3 || len(e.Source.Code) < 3 || e.Target.Code[:3] == e.Source.Code[:3] {
			continue
		}
		h := hosting{e.Sentence, e.PredicateStart, e.Source.Code[:3]}
		if _, ok := guests[h]; !ok {
			order = append(order, h)
		}
		dup := false
		for _, g := range guests[h] {
			dup = dup || evs[g].Target.Code[:3] == e.Target.Code[:3]
		}
		if !dup {
			guests[h] = append(guests[h], k)
		}
	}
	for _, h := range order {
		g := guests[h]
		if len(g) != 2 || len(named) > 3 {
			continue
		}
		for _, pair := range [2][2]int{{g[0], g[1]}, {g[1], g[0]}} {
			a, b := evs[pair[0]], evs[pair[1]]
			v := a
			v.Source, v.Target, v.Code = a.Target, b.Target, "040"
			v.Notes = append(append([]string(nil), a.Notes...), "implied: two guests hosted together meet each other (a meeting of three)")
			c.ont.Fill(&v)
			evs = append(evs, v)
		}
	}
	return evs
}

// plannedBy are the intents of a plan made, not offered or hoped for.
var plannedBy = set("will", "shall", "'ll", "plans to", "plan to", "planned to", "set to", "due to", "scheduled to", "expected to", "is to", "are to", "intends to", "to")

// hostIntended reports whether notes say an event is a hosting (043)
// planned ("intent (will): 043 → 036"), not one offered or bid for
// ("offered to host", "a bid to host": no guest has planned anything).
func hostIntended(notes []string) bool {
	for _, n := range notes {
		why, ok := strings.CutPrefix(n, "intent (")
		if !ok || !strings.HasSuffix(n, "): 043 → 036") {
			continue
		}
		if plannedBy[strings.TrimSuffix(why, "): 043 → 036")] {
			return true
		}
	}
	return false
}

// moreSpecific reports whether code a refines code b: 0233 refines 023, and
// 073 refines 070, CAMEO's "not specified" code of its family; and any act
// outside public statements refines a bare statement (010): "told Y that
// the sanctions were illegal" is the criticism (111) the telling carries.
func moreSpecific(a, b string) bool {
	if a == b {
		return false
	}
	if b == "010" && len(a) >= 2 && a[:2] != "01" {
		return true
	}
	if len(a) > len(b) && strings.HasPrefix(a, b) {
		return true
	}
	return len(b) == 3 && b[2] == '0' && len(a) >= 3 && a[:2] == b[:2]
}

// mostSpecific keeps one event per predicate and pair: a code that refines
// another wins (0233 over 023, 073 over 070); otherwise the more confident
// pattern, the first written on a tie. One word states one act between two
// actors; two codes for it would count it twice.
func mostSpecific(evs []event.Event) []event.Event {
	out := evs[:0]
	for i, e := range evs {
		drop := false
		for j, f := range evs {
			if i == j || e.PredicateStart != f.PredicateStart || e.Source.Code != f.Source.Code || e.Target.Code != f.Target.Code {
				continue
			}
			if callAndContent(e.Code, f.Code) || callAndContent(f.Code, e.Code) {
				continue // "thanked X in a telephone call": the call and the thanks
			}
			switch {
			case moreSpecific(f.Code, e.Code):
				drop = true
			case moreSpecific(e.Code, f.Code):
			case f.Confidence > e.Confidence || f.Confidence == e.Confidence && j < i:
				drop = true
			}
			if drop {
				break
			}
		}
		if !drop {
			out = append(out, e)
		}
	}
	return out
}

// callAndContent reports whether code a is a phone call (041) and b what
// was said in it — an appeal, an intent or praise (02, 03, 05) — two events
// of one predicate that the news guidelines both code (round 6).
func callAndContent(a, b string) bool {
	if a != "041" || len(b) < 2 {
		return false
	}
	switch b[:2] {
	case "02", "03", "05":
		return true
	}
	return false
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// actorOf is the event side of a mention: its code, the text as the
// sentence writes it, and the dictionary's name and id.
func actorOf(s *ud.Sentence, m *actor.Mention) event.Actor {
	a := event.Actor{Code: m.Code, Text: m.Name, Name: m.Name, Start: m.Span.Start, End: m.Span.End, ID: m.ActorID}
	if m.First < 0 {
		// an implicit actor stands for the sentence; it has no words
		a.Text, a.Name = "", m.Why
		return a
	}
	if i, j := m.Span.Start-s.Span.Start, m.Span.End-s.Span.Start; 0 <= i && i <= j && j <= len(s.Text) {
		a.Text = s.Text[i:j]
	}
	return a
}

func pathsString(ps []Path) string {
	var f []string
	for _, p := range ps {
		f = append(f, p.String())
	}
	return strings.Join(f, "|")
}

func posOK(want byte, got ud.UPOS) bool {
	switch want {
	case 'V':
		return got == ud.VERB || got == ud.AUX || got == ud.NoUPOS
	case 'N':
		return got == ud.NOUN || got == ud.PROPN || got == ud.NoUPOS
	case 'A':
		return got == ud.ADJ || got == ud.VERB || got == ud.NoUPOS
	}
	return false
}

func (st *sentence) hasChild(i int, rel, lemma string) bool {
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == rel && st.lemma(c) == lemma {
			return true
		}
	}
	return false
}

// reqsOK reports whether the requirements are met at predicate i, or the
// first that is not. patternRef.turnedDown (pattern.go) turns patterns
// down before this by what it needs: a new way to meet a requirement here
// must be allowed there too (TestTurnDownKeepsEvents).
func (st *sentence) reqsOK(i int, reqs []Req) (string, bool) {
	for k := range reqs {
		r := &reqs[k]
		got := st.reaches(i, r.Path, r.Lemmas, r.anyWord, r.Not)
		// In the passive the object is the subject: "the agreement was
		// signed" meets obj=agreement.
		if !got && r.Path[0].Rel == "obj" && r.Path[0].Case == "" && st.s.Tokens[i].UPOS == ud.VERB && st.passive(i) {
			pass := append(Path{{Rel: "nsubj:pass"}}, r.Path[1:]...)
			got = st.reaches(i, pass, r.Lemmas, r.anyWord, r.Not)
			// "the plan is expected to be adopted": the passive
			// subject a raising verb took up
			if h := st.raisedFrom(i); !got && h >= 0 {
				got = st.reaches(h, pass, r.Lemmas, r.anyWord, r.Not)
			}
		}
		// A reduced passive relative's object is the noun it modifies:
		// "a declaration issued after the summit" meets obj=declaration.
		if h := st.reducedPassive(i); !got && h >= 0 && r.Path[0].Rel == "obj" && r.Path[0].Case == "" {
			if len(r.Path) == 1 {
				got = r.anyWord || r.Lemmas[st.lemma(h)] || st.conjLemma(h, r.Lemmas)
			} else {
				got = st.reaches(h, r.Path[1:], r.Lemmas, r.anyWord, r.Not)
			}
		}
		if got == r.Not {
			return r.Text, false
		}
	}
	return "", true
}

// reaches reports whether path p leads from i to a word whose lemma is in
// lemmas (to any word when anyWord is set; not says the requirement
// forbids, see wordIn). It walks the tree without
// allocating: requirements are checked for every pattern of every
// predicate, the coder's hottest loop.
func (st *sentence) reaches(i int, p Path, lemmas map[string]bool, anyWord, not bool) bool {
	step := p[0]
	for _, c := range st.children[i] {
		if !st.stepMatches(c, step) {
			continue
		}
		for c >= 0 {
			if len(p) == 1 {
				if anyWord || st.wordIn(c, lemmas, not) || st.conjLemma(c, lemmas) {
					return true
				}
			} else if st.reaches(c, p[1:], lemmas, anyWord, not) {
				return true
			}
			c = st.contained(c) // "a series of strikes" meets obj=strike
		}
	}
	if step.Rel == "amod" {
		// A title-cased name's modifier hangs on the word after it
		// ("a Joint Action Plan": amod(Action, Joint)); it modifies the
		// whole name all the same.
		for _, c := range st.children[i] {
			if st.s.Tokens[c].Rel == "compound" && c < i && st.reaches(c, p, lemmas, anyWord, not) {
				return true
			}
		}
	}
	return false
}

// conjLemma reports whether a word coordinated with c has a lemma in
// lemmas: "signed a joint statement and an agreement", and titles the
// parser split at "and" ("an Enhanced Partnership and Cooperation
// Agreement").
func (st *sentence) conjLemma(c int, lemmas map[string]bool) bool {
	for _, d := range st.children[c] {
		if st.s.Tokens[d].Rel == "conj" && lemmas[st.lemma(d)] {
			return true
		}
	}
	return false
}

// stepMatches reports whether word c, a child, is reached by step.
func (st *sentence) stepMatches(c int, step Step) bool {
	rel := st.s.Tokens[c].Rel
	// rel is step.Rel, or step.Rel has no subtype and rel is it with one
	if rel != step.Rel && !(len(rel) > len(step.Rel) && rel[len(step.Rel)] == ':' && rel[:len(step.Rel)] == step.Rel &&
		strings.IndexByte(step.Rel, ':') < 0 && ud.BaseRel(rel) == step.Rel) {
		return false
	}
	return step.Case == "" || st.hasCase(c, step.Case)
}

// reducedPassive returns the noun that a past participle at i modifies as
// a reduced passive relative ("a declaration issued after the summit",
// "the statement adopted by the ministers"), or -1.
func (st *sentence) reducedPassive(i int) int {
	t := st.s.Tokens[i]
	if t.Rel != "acl" || t.XPOS != "VBN" || t.UPOS != ud.VERB || t.Head == 0 {
		return -1
	}
	if h := t.Head - 1; st.s.Tokens[h].UPOS == ud.NOUN || st.s.Tokens[h].UPOS == ud.PROPN {
		return h
	}
	return -1
}

// raisedFrom returns the verb whose passive subject a passive infinitive
// at i shares ("the plan is expected to be adopted", "the deal is set to
// be signed"), or -1.
func (st *sentence) raisedFrom(i int) int {
	t := st.s.Tokens[i]
	if t.Rel != "xcomp" || t.Head == 0 || st.hasRel(i, "nsubj:pass") {
		return -1
	}
	if h := t.Head - 1; st.hasRel(h, "nsubj:pass") {
		return h
	}
	return -1
}

// passive reports whether predicate i is in the passive voice.
func (st *sentence) passive(i int) bool {
	for _, c := range st.children[i] {
		switch st.s.Tokens[c].Rel {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	return false
}

// slot finds the actors of a slot. Source slots whose subject is missing
// inherit it from a governing verb or the noun a relative clause modifies.
func (st *sentence) slot(i int, paths []Path, source bool) found {
	pass := st.passive(i)
	for _, p := range paths {
		if len(p) == 1 && p[0].Case == "according to" {
			// the one a judgement is cited from ("according to X, the
			// expulsion has no legal basis") is its judge
			for _, c := range st.children[i] {
				if m, ok := st.cited[c]; ok && st.stepMatches(c, p[0]) {
					return found{mentions: []int{m}, conf: 0.9, notes: []string{"the one cited (according to)"}}
				}
			}
			continue
		}
		alts := []Path{p}
		if len(p) > 0 && p[0].Rel == "obl" && (p[0].Case == "on" || p[0].Case == "upon") && st.hasChild(i, "compound:prt", p[0].Case) {
			// "called on both Armenia and Azerbaijan to …" parsed with
			// "on" a particle and the ones called on its object (round 11)
			alts = append(alts, append(Path{{Rel: "obj"}}, p[1:]...))
		}
		if pass && len(p) > 0 && st.s.Tokens[i].UPOS != ud.NOUN {
			switch p[0].Rel {
			case "nsubj":
				alts = []Path{append(Path{{Rel: "obl:agent"}}, p[1:]...), append(Path{{Rel: "obl", Case: "by"}}, p[1:]...)}
			case "obj":
				alts = []Path{append(Path{{Rel: "nsubj:pass"}}, p[1:]...)}
			}
		}
		for _, a := range alts {
			var ms []int
			descended := false
			for _, t := range st.walk(i, a) {
				if st.mention[t] < 0 {
					descended = true
				}
				ms = append(ms, st.actorsAt(t, 0)...)
			}
			if len(ms) > 0 {
				var notes []string
				if source && !pass && a[0].Rel == "nsubj" {
					if more := st.companions(i, st.walk(i, a[:1])); len(more) > 0 {
						ms = append(ms, more...)
						notes = append(notes, "with its companions (along with)")
					}
				}
				if !source && !pass && len(a) == 1 && a[0].Rel == "obj" {
					if more := st.objectCompanions(i); len(more) > 0 {
						ms = append(ms, more...)
						notes = append(notes, "with the object's companions (along with)")
					}
				}
				f := found{mentions: st.listMates(dedup(ms)), conf: 1, notes: notes}
				if pass {
					f.notes = append(f.notes, "passive")
				}
				if descended {
					f.conf = 0.9
				}
				return f
			}
		}
		if !source && !pass && len(p) >= 1 && p[0].Rel == "obj" && p[0].Case == "" {
			if ms := st.relativeObject(i); len(ms) > 0 && len(p) == 1 {
				return found{mentions: st.listMates(ms), notes: []string{"object: the noun the relative clause modifies"}, conf: 0.9}
			}
			if h := st.objectGap(i); h >= 0 && len(p) > 1 {
				// "programmes, which both described as a threat":
				// the owner of the noun the clause modifies
				var ms []int
				for _, t := range st.walk(h, p[1:]) {
					ms = append(ms, st.actorsAt(t, 0)...)
				}
				if len(ms) > 0 {
					return found{mentions: st.listMates(dedup(ms)), notes: []string{"object: the noun the relative clause modifies"}, conf: 0.85}
				}
			}
		}
		if source && !pass && len(p) == 1 && p[0].Rel == "nsubj" {
			if ms := st.relativePronounSubject(i); len(ms) > 0 {
				return found{mentions: ms, notes: []string{"subject: the pronoun of a relative clause, the subject of the clause it hangs in"}, conf: 0.8}
			}
			if ms, quoted := st.quotedSpeaker(i); quoted {
				if len(ms) == 0 {
					return found{} // "Reuters quoted a diplomat as saying": not Reuters
				}
				return found{mentions: ms, notes: []string{"subject: the one quoted (quoted X as saying)"}, conf: 0.85}
			}
		}
		if source && len(p) == 1 && p[0].Rel == "nsubj" {
			// "said it would take all necessary steps" with "it" taken
			// for an expletive: a pronoun that names an actor is the
			// subject all the same (round 6)
			for _, c := range st.children[i] {
				if st.s.Tokens[c].Rel != "expl" || st.hasRel(i, "nsubj") {
					continue
				}
				if st.mention[c] >= 0 {
					return found{mentions: []int{st.mention[c]}, notes: []string{"subject: the pronoun parsed as an expletive"}, conf: 0.8}
				}
				// ("Moscow said it would take …": the reporter's "it")
				if h := st.s.Tokens[i].Head - 1; h >= 0 && ud.BaseRel(st.s.Tokens[i].Rel) == "ccomp" && speechVerbs[st.lemma(h)] && st.lemma(c) == "it" {
					if ms, _ := st.subjectOf(h); len(ms) > 0 {
						return found{mentions: ms, notes: []string{"subject: the reporter's \"it\" parsed as an expletive"}, conf: 0.7}
					}
				}
			}
			if ms := st.documentAuthors(i); len(ms) > 0 {
				// "signed a joint statement condemning the raids":
				// the statement's authors condemn
				return found{mentions: ms, notes: []string{"subject: the authors of the document the verb describes"}, conf: 0.8}
			}
			if w := coref.WithSubject(st.s, i); w >= 0 && len(st.actorsAt(w, 0)) > 0 {
				// "…, with an EU envoy shuttling between the sides"
				return found{mentions: st.actorsAt(w, 0), notes: []string{"subject: the noun of an absolute \"with\" clause"}, conf: 0.8}
			}
			if ms, how := st.inherited(i, 0); len(ms) > 0 {
				return found{mentions: ms, notes: []string{"subject from " + how}, conf: 0.9}
			}
			if ms := st.leftSubject(i); len(ms) > 0 {
				return found{mentions: ms, notes: []string{"subject by position"}, conf: 0.8}
			}
			if ms := st.nameBeforeSubject(i); len(ms) > 0 {
				return found{mentions: ms, notes: []string{"subject's name before it"}, conf: 0.8}
			}
		}
	}
	// Where the parser hung a prepositional phrase on a neighbouring noun
	// ("met in the Elysée with X", "held talks in Hanoi with X"), the
	// phrase still belongs to the predicate's clause: a one-step path
	// REL:PREP finds its actor anywhere among the clause's nominal
	// dependents. Attachment must not decide whether an event exists.
	for _, p := range paths {
		if len(p) != 1 || p[0].Case == "" || pass && (p[0].Rel == "nsubj" || p[0].Rel == "obj") {
			continue
		}
		if source && p[0].Case == "by" && !pass && st.s.Tokens[i].UPOS == ud.VERB {
			continue // an active verb has no agent phrase: "by X" below it is another act's
		}
		if source && p[0].Case == "by" && st.s.Tokens[i].UPOS == ud.NOUN {
			// an act noun's agent hung on its theme ("the signing of the
			// treaty by X"), never on what it is against or about
			// ("a protest against drills by X")
			if ms := st.agentOfTheme(i); len(ms) > 0 {
				return found{mentions: st.listMates(dedup(ms)), notes: []string{"attachment relaxed: " + p.String()}, conf: 0.85}
			}
			continue
		}
		if ms := st.looseCase(i, p[0].Case, 0); len(ms) > 0 {
			return found{mentions: st.listMates(dedup(ms)), notes: []string{"attachment relaxed: " + p.String()}, conf: 0.85}
		}
	}
	// An event noun that is what a verb does or undergoes ("talks were
	// held in Astana between X and Y") has the phrase that names all its
	// parties on that verb as often as on itself.
	if t := st.s.Tokens[i]; t.UPOS == ud.NOUN && t.Head > 0 && (t.Rel == "nsubj:pass" || t.Rel == "obj") {
		for _, p := range paths {
			if len(p) != 1 || p[0].Rel != "nmod" || p[0].Case != "between" && p[0].Case != "among" {
				continue
			}
			if ms := st.looseCase(t.Head-1, p[0].Case, 1); len(ms) > 0 {
				return found{mentions: st.listMates(dedup(ms)), notes: []string{"attachment relaxed: " + p.String() + " on the governing verb"}, conf: 0.85}
			}
		}
	}
	return found{}
}

// companions returns the actors a subject brings along into its act,
// hung on the predicate i or on the subject's words subj: "Japan, along
// with the three Baltic states, decided …", "Russia together with
// China blocked …", "Qatar, alongside Egypt, brokered …".
func (st *sentence) companions(i int, subj []int) []int {
	var out []int
	obj := st.actorObject(i)
	look := func(h int) {
		for _, c := range st.children[h] {
			if h == i && obj >= 0 && c > obj {
				// after the object it joins the object's list
				// ("thanked A and B, along with C"): objectCompanions
				continue
			}
			if st.alongWith(c) {
				out = append(out, st.actorsAt(c, 0)...)
			}
		}
	}
	look(i)
	for _, h := range subj {
		look(h)
	}
	return out
}

// alongWith reports whether c is a phrase that adds a companion: "along
// with X", "together with X", "alongside X".
func (st *sentence) alongWith(c int) bool {
	if r := ud.BaseRel(st.s.Tokens[c].Rel); r != "obl" && r != "nmod" {
		return false
	}
	if st.hasCase(c, "alongside") {
		return true
	}
	if !st.hasCase(c, "with") {
		return false
	}
	for _, d := range st.children[c] {
		if w := st.lemma(d); (w == "along" || w == "together") && d < c {
			return true
		}
	}
	return false
}

// actorObject returns the object of predicate i when it is an actor's
// mention itself (not a thing that only mentions one, "the project
// between A and B"), or -1.
func (st *sentence) actorObject(i int) int {
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "obj" && st.mention[c] >= 0 {
			return c
		}
	}
	return -1
}

// objectCompanions returns the actors an "along with", "together with" or
// "alongside" phrase of predicate i adds to its object when it stands
// after that object: "Pakistan thanked China and Saudi Arabia, along with
// the IMF" thanks the IMF too; before the object ("X, along with Y,
// thanked Z") the phrase is the subject's (companions).
func (st *sentence) objectCompanions(i int) []int {
	obj := st.actorObject(i)
	if obj < 0 {
		return nil
	}
	var out []int
	for _, c := range append(append([]int(nil), st.children[i]...), st.children[obj]...) {
		// on the predicate after the object, or hung on the object
		// itself ("praised Uganda, alongside Tanzania")
		if c > obj && st.alongWith(c) {
			out = append(out, st.actorsAt(c, 0)...)
		}
	}
	return out
}

// listGlue are the words that join the items of a list of actors: "met
// Tajik FM X, Kazakh FM Y, and Russian counterpart Z", "with Presidents A
// of Azerbaijan, B of Kyrgyzstan and C of Turkey".
var listGlue = set(",", "and", "as", "well", "the", "of", "also", ";", "&")

// listMates adds to ms the actors that continue a list after them on the
// surface, whatever tree the parser built for it: items joined by commas
// and "and", each an actor mention.
func (st *sentence) listMates(ms []int) []int {
	in := make(map[int]bool, len(ms))
	for _, m := range ms {
		in[m] = true
	}
	out := ms
	for k := 0; k < len(out); k++ {
		m := out[k]
		if st.ms[m].First < 0 {
			continue
		}
		joined := false
		for j := st.ms[m].Last + 1; j < len(st.s.Tokens); j++ {
			if x := st.mention[j]; x >= 0 {
				if x == m {
					continue
				}
				if in[x] {
					break // a member already: the list goes on from it
				}
				if coref.Resolved(st.ms[x].Method) || strings.HasPrefix(st.s.Tokens[st.headOf(x)].Rel, "nsubj") {
					break // a pronoun or a subject starts another clause: "to X, and we …"
				}
				if ph := st.phraseHead(st.headOf(x)); strings.HasPrefix(st.s.Tokens[ph].Rel, "nsubj") && ph != st.phraseHead(st.headOf(m)) {
					break // so does a subject it modifies: "with X, and the EU's envoy said"
				}
				if !joined && sameCountry(st.ms[x].Code, st.ms[m].Code) {
					continue // "Aliyev of Azerbaijan": the item's own country
				}
				if !joined || st.ms[x].Method == actor.ByCapital {
					break
				}
				in[x] = true
				out = append(out, x)
				out = append(out, st.twins[x]...)
				break // the new item continues the list in its turn
			}
			w := st.lemma(j)
			if !listGlue[w] {
				break
			}
			if w == "," || w == "and" || w == ";" || w == "&" {
				joined = true
			}
		}
	}
	return out
}

// phraseHead climbs from word i to the head of the noun phrase it
// modifies: "EU" in "the EU's foreign policy chief" stands for the phrase
// headed by "chief", whose relation says what the phrase does in its
// clause.
func (st *sentence) phraseHead(i int) int {
	for k := 0; k < 8; k++ {
		switch ud.BaseRel(st.s.Tokens[i].Rel) {
		case "nmod", "compound", "amod", "flat", "appos":
		default:
			return i
		}
		h := st.s.Tokens[i].Head - 1
		if h < 0 {
			return i
		}
		i = h
	}
	return i
}

// sameCountry reports whether two codes belong to one country, or for
// organisations to one body (IGOEUREEC and its executive IGOEUREECGOV;
// never the UN and the EU, whose codes share only "IGO").
func sameCountry(a, b string) bool {
	if isOrgCode(a) || isOrgCode(b) {
		return sameBody(a, b)
	}
	return len(a) >= 3 && len(b) >= 3 && a[:3] == b[:3]
}

// sameBody reports whether two organisation codes name one body, the one
// code the other with roles added.
func sameBody(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return a != "" && strings.HasPrefix(b, a) && (len(b)-len(a))%3 == 0
}

// looseCase returns the actors of phrases with case prep found below i
// through nominal attachments only (obl, obj, nmod), never into another
// clause.
func (st *sentence) looseCase(i int, prep string, depth int) []int {
	if depth > 3 {
		return nil
	}
	var out []int
	for _, c := range st.children[i] {
		switch ud.BaseRel(st.s.Tokens[c].Rel) {
		case "obl", "obj", "nmod":
		default:
			continue
		}
		if depth > 0 && st.hasCase(c, prep) {
			out = append(out, st.actorsAt(c, 0)...)
			continue
		}
		if st.hasCaseIn(c, framePreps) || frameNouns[st.lemma(c)] && st.hasCase(c, "in") {
			continue // "said during a visit to Kyiv": the visit's; "fired missiles in protest against X"
		}
		out = append(out, st.looseCase(c, prep, depth+1)...)
	}
	return out
}

func dedup(ms []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, m := range ms {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}

// subjectOf returns the actors of i's own subject, if any.
func (st *sentence) subjectOf(i int) ([]int, bool) {
	for _, c := range st.children[i] {
		switch st.s.Tokens[c].Rel {
		case "nsubj", "nsubj:outer":
			// two subjects, which UD never gives a word ("in line
			// with the principle Lithuania is determined to …"): the
			// one nearer the predicate
			for _, d := range st.children[i] {
				if d > c && d < i && st.s.Tokens[d].Rel == "nsubj" {
					c = d
				}
			}
			if relPronouns[st.lemma(c)] {
				return nil, false
			}
			ms := st.actorsAt(c, 0)
			if len(ms) > 0 {
				ms = append(ms, st.companions(i, []int{c})...)
			}
			return ms, true
		case "nsubj:pass":
			return nil, true
		}
	}
	return nil, false
}

// inherited finds the subject of a predicate that has none of its own: the
// controller of an infinitive, the noun of a relative clause, the subject of
// the first of coordinated verbs.
func (st *sentence) inherited(i, depth int) ([]int, string) {
	if depth > 4 {
		return nil, ""
	}
	if ms, has := st.subjectOf(i); has {
		return ms, "own subject"
	}
	if ms := st.relativeAntecedent(i); len(ms) > 0 {
		return ms, "the noun before ', who'"
	}
	// a governing verb the parser left without its subject ("Canada on
	// Tuesday decided to impose sanctions", Canada made the root)
	if depth > 0 {
		if ms := st.leftSubject(i); len(ms) > 0 {
			return ms, "subject by position"
		}
	}
	h := st.s.Tokens[i].Head - 1
	if h < 0 {
		return nil, ""
	}
	switch ud.BaseRel(st.s.Tokens[i].Rel) {
	case "xcomp":
		// A raising frame: "X and Y are expected to sign", "X is
		// scheduled to visit": the passive subject is the infinitive's
		if raisingVerbs[st.lemma(h)] && st.passive(h) {
			var ms []int
			for _, c := range st.children[h] {
				if st.s.Tokens[c].Rel == "nsubj:pass" {
					ms = append(ms, st.actorsAt(c, 0)...)
				}
			}
			if len(ms) > 0 {
				return dedup(ms), "subject of " + st.s.Tokens[h].Form
			}
		}
		// Object control first: "urged Kazakhstan to join", "asked
		// Moscow to …" (EWT: iobj), "called on Astana to …".
		// A passive's subject is its object: "forces were prepared to
		// strike", "the envoy was told to leave".
		// Not after a verb of meeting or calling: "phoned Araghchi to
		// urge restraint", "met Aliyev to discuss" tell why the
		// subject did it.
		for _, c := range st.children[h] {
			if meetVerbs[st.lemma(h)] && !st.passive(h) {
				break
			}
			if r := st.s.Tokens[c].Rel; r == "obj" || r == "iobj" || r == "obl" && st.hasCase(c, "on") || r == "nsubj:pass" {
				if ms := st.actorsAt(c, 0); len(ms) > 0 {
					return ms, "object of " + st.s.Tokens[h].Form
				}
			}
		}
		ms, _ := st.inherited(h, depth+1)
		return ms, "subject of " + st.s.Tokens[h].Form
	case "acl":
		// "summoned Azerbaijan's ambassador to protest …" with the
		// infinitive hung on the one summoned: it tells why the
		// summoner summoned, as "phoned X to urge" does
		if g := st.s.Tokens[h].Head - 1; g >= 0 && st.s.Tokens[h].Rel == "obj" && st.hasChild(i, "mark", "to") &&
			st.s.Tokens[g].UPOS == ud.VERB && (st.lemma(g) == "summon" || st.lemma(g) == "phone" || st.lemma(g) == "call") && !st.passive(g) {
			if ms, has := st.subjectOf(g); has && len(ms) > 0 {
				return ms, "subject of " + st.s.Tokens[g].Form
			}
		}
		// "the Prime Minister, who visited" (acl:relcl) or "an envoy sent to".
		if ms := st.actorsAt(h, 0); len(ms) > 0 {
			return ms, "noun " + st.s.Tokens[h].Form
		}
		// "Kazakhstan announced a decision to restore relations": the
		// subject of the verb that governs the noun.
		if g := st.s.Tokens[h].Head - 1; g >= 0 && intentVerbs[st.lemma(h)] {
			ms, _ := st.subjectOf(g)
			return ms, "subject of " + st.s.Tokens[g].Form
		}
		// "sent a letter asking New Delhi to extradite him", "a note
		// urging …": a participle on a document sent or handed is its
		// sender's (round 13)
		if g := st.s.Tokens[h].Head - 1; g >= 0 && st.s.Tokens[i].XPOS == "VBG" && protestNotes[st.lemma(h)] &&
			st.s.Tokens[h].Rel == "obj" && protestCarriers[st.lemma(g)] {
			ms, _ := st.inherited(g, depth+1)
			return ms, "sender of the " + st.s.Tokens[h].Form + " (subject of " + st.s.Tokens[g].Form + ")"
		}
		// "we will get an opportunity to review", "took the opportunity to
		// thank": an infinitive on the object of a verb with no other
		// object is its subject's to do
		if g := st.s.Tokens[h].Head - 1; g >= 0 && st.s.Tokens[i].XPOS == "VB" && st.s.Tokens[h].Rel == "obj" &&
			st.s.Tokens[g].UPOS == ud.VERB && !st.hasRel(g, "iobj") && st.hasChild(i, "mark", "to") {
			ms, _ := st.inherited(g, depth+1)
			return ms, "subject of " + st.s.Tokens[g].Form
		}
		return nil, ""
	case "conj", "advcl":
		if ud.BaseRel(st.s.Tokens[i].Rel) == "advcl" && causatives[st.lemma(h)] && st.hasChild(i, "mark", "to") {
			// "…, prompting Manila to summon the envoy" parsed with the
			// infinitive as an adverbial clause: the one prompted does it
			for _, c := range st.children[h] {
				if st.s.Tokens[c].Rel == "obj" {
					if ms := st.actorsAt(c, 0); len(ms) > 0 {
						return ms, "object of " + st.s.Tokens[h].Form
					}
				}
			}
		}
		if ms := st.promptedConjunct(i, h); len(ms) > 0 {
			return ms, "object of " + st.s.Tokens[h].Form
		}
		if g := st.controller(h); g >= 0 && ud.BaseRel(st.s.Tokens[i].Rel) == "advcl" && st.s.Tokens[i].XPOS == "VBG" && i > 0 && st.s.Tokens[i-1].Form == "," {
			// "ordered eight diplomats to leave within two days,
			// accusing them of …": a participle set off after an
			// object-control infinitive is the governing verb's
			// subject's, not the one ordered
			if ms, has := st.subjectOf(g); has && len(ms) > 0 {
				return ms, "subject of " + st.s.Tokens[g].Form
			}
		}
		if g, ok := st.judgedClause(i); ok {
			// "Seoul said Pyongyang had fired shells, calling it a
			// provocation": the judgement is the reporter's, though
			// the parser hangs it on the reported verb
			if ms, has := st.subjectOf(g); has && len(ms) > 0 {
				return ms, "subject of " + st.s.Tokens[g].Form
			}
		}
		ms, _ := st.inherited(h, depth+1)
		if x := st.s.Tokens[i].XPOS; len(ms) == 0 && st.s.Tokens[i].Rel == "conj" && (x == "VBD" || x == "VBN" && !st.passive(i) && !st.passive(h)) {
			// "Iran said the resolution was illegal and summoned the
			// French envoy": a past verb joined to a reported clause
			// whose subject is no actor is the reporter's own act
			if g := st.s.Tokens[h].Head - 1; g >= 0 && ud.BaseRel(st.s.Tokens[h].Rel) == "ccomp" && speechVerbs[st.lemma(g)] {
				if ms, has := st.subjectOf(g); has && len(ms) > 0 {
					return ms, "subject of " + st.s.Tokens[g].Form
				}
			}
		}
		return ms, "subject of " + st.s.Tokens[h].Form
	case "csubj":
		// "Egypt is prepared to send troops" parsed with the
		// infinitive as the adjective's clausal subject
		if intentVerbs[st.lemma(h)] && st.hasChild(i, "mark", "to") {
			if ms, has := st.subjectOf(h); has && len(ms) > 0 {
				return ms, "subject of " + st.s.Tokens[h].Form
			}
		}
		return nil, ""
	case "parataxis":
		// "A delegation led by X visited Y" parsed with "led" as the
		// root and "visited" beside it: a finite verb after a bare
		// participle takes the participle's subject
		if x := st.s.Tokens[i].XPOS; h < i && st.s.Tokens[h].XPOS == "VBN" && (x == "VBD" || x == "VBZ" || x == "VBP") &&
			!st.hasRel(h, "aux") && !st.hasRel(h, "aux:pass") {
			if ms, has := st.subjectOf(h); has && len(ms) > 0 {
				return ms, "subject of " + st.s.Tokens[h].Form
			}
		}
		// "Ruto flew to Addis Ababa, held talks with Abiy and signed
		// …" parsed with the middle of a series of past verbs beside
		// the first: a past verb right after a comma, with no subject
		// or subordinator of its own, is the first verb's subject's
		// (round 11)
		if h < i && i > 0 && st.s.Tokens[i-1].Form == "," && st.s.Tokens[i].XPOS == "VBD" && st.s.Tokens[h].XPOS == "VBD" && !st.hasRel(i, "mark") {
			if ms, has := st.subjectOf(h); has && len(ms) > 0 {
				return ms, "subject of " + st.s.Tokens[h].Form + " (a series of verbs)"
			}
		}
	case "ccomp":
		// a participle after a comma the parser took for the reported
		// clause: "Petrov spoke on Monday, blaming the rebels for
		// …" is Petrov's accusation
		if st.s.Tokens[i].XPOS == "VBG" && i > 0 && st.s.Tokens[i-1].Form == "," && !st.hasRel(i, "mark") {
			ms, _ := st.inherited(h, depth+1)
			return ms, "subject of " + st.s.Tokens[h].Form
		}
	case "obl", "obj", "nmod":
		// An event noun hanging on a verb: "Meloni arrived in Astana on a
		// visit to Kazakhstan" – the visitor is the verb's subject. Not
		// when the noun has an owner of its own ("praised Qatar for its
		// mediation"): that owner is the actor, unknown here. Under a
		// passive verb the actor is its agent: "this was stated by X
		// during a meeting with Y".
		if st.s.Tokens[i].UPOS == ud.NOUN && !st.hasPoss(i) {
			if st.passive(h) {
				if c := st.agent(h); c >= 0 {
					return st.actorsAt(c, 0), "agent of " + st.s.Tokens[h].Form
				}
				return nil, ""
			}
			ms, _ := st.subjectOf(h)
			switch {
			case len(ms) > 0:
			case st.s.Tokens[h].UPOS == ud.VERB && statementNouns[st.lemma(i)] && st.hasCase(i, "in"):
				// "… and said in a joint statement": the document is
				// its clause's subject's
				ms, _ = st.inherited(h, depth+1)
			case st.s.Tokens[h].UPOS == ud.VERB && st.hasCaseIn(i, afterPreps):
				// "A and B agreed to swap prisoners after talks in
				// Istanbul": the talks were theirs, whoever the verb's
				// subject is by inheritance
				ms, _ = st.inherited(h, depth+1)
			case st.s.Tokens[h].UPOS == ud.NOUN && ud.BaseRel(st.s.Tokens[i].Rel) == "nmod" && st.hasCase(i, "of") && !st.hasPoss(h):
				// "after a new round of talks": the container's actor
				return st.inherited(h, depth+1)
			case st.s.Tokens[h].UPOS == ud.NOUN && st.hasCaseIn(i, afterPreps) && !st.hasPoss(h):
				// "agreed to a ceasefire after ten days of clashes" with
				// the "after" phrase hung on the noun: the verb's
				return st.inherited(h, depth+1)
			}
			return ms, "subject of " + st.s.Tokens[h].Form
		}
	}
	return nil, ""
}

// relativeAntecedent returns the actors of the noun phrase just before the
// comma that opens a relative clause whose subject "who" or "which" is
// predicate i's ("… X and Y, who met for talks"), when the parser did not
// hang the clause on that noun; nil otherwise.
func (st *sentence) relativeAntecedent(i int) []int {
	if ud.BaseRel(st.s.Tokens[i].Rel) == "acl" {
		return nil // the noun it modifies is found as such
	}
	for _, c := range st.children[i] {
		if !strings.HasPrefix(st.s.Tokens[c].Rel, "nsubj") {
			continue
		}
		if w := st.lemma(c); (w != "who" && w != "which") || c < 2 || st.s.Tokens[c-1].Form != "," {
			return nil
		}
		return st.actorsAt(c-2, 0)
	}
	return nil
}

// afterPreps put an event noun before or around the act of the verb they
// hang on: "agreed … following talks", "signed … during the visit".
// "In a meeting with X, Y said": the meeting frames the act too.
var afterPreps = map[string]bool{"following": true, "follow": true, "after": true, "during": true, "in": true, "at": true}

// agentOfTheme returns the actors of a "by" phrase hung on the theme of
// act noun i: on its "of" phrase or that phrase's own "of" phrase.
func (st *sentence) agentOfTheme(i int) []int {
	var out []int
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) != "nmod" || !st.hasCase(c, "of") {
			continue
		}
		for _, d := range st.children[c] {
			if ud.BaseRel(st.s.Tokens[d].Rel) == "nmod" && st.hasCase(d, "by") {
				out = append(out, st.actorsAt(d, 0)...)
			}
		}
		out = append(out, st.agentOfTheme(c)...) // the theme's own theme
	}
	return out
}

// frameNouns, after "in", frame a clause by its motive: "fired missiles in
// protest against the drills", "in response to the strikes", "in
// retaliation for …". What their phrase names is not the clause's party.
var frameNouns = set("protest", "response", "retaliation", "reaction", "reply", "solidarity", "revenge", "defiance")

// framePreps open a phrase that frames a clause in time ("during a visit
// to Kyiv", "after talks with X"): what is inside belongs to the phrase's
// own event, not to the clause's verb.
var framePreps = map[string]bool{"during": true, "after": true, "following": true, "before": true, "amid": true,
	"ahead": true, "since": true, "until": true}

// topic says why predicate i names what something is about rather than an
// act: a gerund after a preposition ("discussed prospects for developing
// cooperation", "talks on expanding trade") or a gerund modifying a noun
// ("issues of deepening ties"). "" when it is an act.
func (st *sentence) topic(i int) string {
	t := st.s.Tokens[i]
	if t.XPOS != "VBG" {
		return ""
	}
	// "ways of widening and deepening trade": a gerund
	// joined to a topic is one too
	if ud.BaseRel(t.Rel) == "conj" && t.Head > 0 {
		if h := t.Head - 1; st.s.Tokens[h].XPOS == "VBG" {
			if why := st.topic(h); why != "" {
				return why + " … " + t.Form
			}
		}
	}
	if h := t.Head - 1; h >= 0 && interestWords[st.lemma(h)] && st.hasChild(i, "mark", "in") {
		return "" // "interested in supplying gas": an intent (intended)
	}
	for _, c := range st.children[i] {
		if r := st.s.Tokens[c].Rel; r == "mark" || r == "case" {
			switch st.lemma(c) {
			case "for", "about", "on", "of", "regarding", "concerning", "in", "toward", "towards", "over":
				return st.s.Tokens[c].Form + " " + t.Form
			}
		}
	}
	if ud.BaseRel(t.Rel) == "acl" && len(st.documentAuthors(i)) > 0 {
		return "" // "signed a joint statement condemning the raids": the document's act
	}
	if ud.BaseRel(t.Rel) == "acl" && st.intended(i) == "" {
		if h := t.Head - 1; h >= 0 && h < i && i > 0 && st.s.Tokens[i-1].Form == "," && strings.HasPrefix(st.s.Tokens[h].Rel, "nsubj") {
			return "" // "The leaders of A and B, meeting in Tashkent, agreed …": the subject's act, set off by commas
		}
		if h := t.Head - 1; h >= 0 && st.s.Tokens[h].UPOS == ud.NOUN && !intentVerbs[st.lemma(h)] && !st.sentDocument(h) {
			return st.s.Tokens[h].Form + " " + t.Form
		}
	}
	return ""
}

// sentDocument reports whether noun h is a note, letter or request sent
// or handed as an object ("sent a letter asking X to …", "handed a note
// demanding …"): what it asks or demands is its sender's act, no topic
// (round 13).
func (st *sentence) sentDocument(h int) bool {
	g := st.s.Tokens[h].Head - 1
	return g >= 0 && protestNotes[st.lemma(h)] && st.s.Tokens[h].Rel == "obj" && st.s.Tokens[g].UPOS == ud.VERB && protestCarriers[st.lemma(g)]
}

// interestWords govern what one would like to do: "is interested in
// supplying gas".
var interestWords = set("interested", "interest")

// reciprocal reports whether predicate i takes "each other" or "one
// another" as an argument, or its object does ("threw stones at each
// other", "fired shots at one another", where the parser hangs the
// phrase on the object).
func (st *sentence) reciprocal(i int) bool {
	if st.reciprocalArg(i) {
		return true
	}
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "obj" && st.reciprocalArg(c) {
			return true
		}
	}
	return false
}

// reciprocalArg reports whether word i has "each other" or "one another"
// among its dependents.
func (st *sentence) reciprocalArg(i int) bool {
	for _, c := range st.children[i] {
		switch st.lemma(c) {
		case "each":
			if st.hasChild(c, "fixed", "other") || c+1 < len(st.s.Tokens) && st.lemma(c+1) == "other" {
				return true
			}
		case "one":
			if st.hasChild(c, "fixed", "another") || c+1 < len(st.s.Tokens) && st.lemma(c+1) == "another" {
				return true
			}
		case "other":
			if st.hasChild(c, "det", "each") || c > 0 && st.lemma(c-1) == "each" {
				return true
			}
		case "another":
			if c > 0 && st.lemma(c-1) == "one" {
				return true
			}
		}
	}
	return false
}

// crowdNouns name a crowd of no stated country: "hundreds of people
// protested outside the embassy".
var crowdNouns = set("people", "crowd", "crowds", "hundred", "thousand", "dozen", "resident", "activist", "student",
	"protester", "protestor", "demonstrator")

// crowdSubject reports whether verb i's subject, own or the noun it
// modifies, is a crowd the sentence gives no actor.
func (st *sentence) crowdSubject(i int) bool {
	t := st.s.Tokens[i]
	if t.UPOS != ud.VERB || st.passive(i) {
		return false
	}
	subj := -1
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "nsubj" {
			subj = c
		}
	}
	if subj < 0 && ud.BaseRel(t.Rel) == "acl" {
		subj = t.Head - 1 // "hundreds of people protested" read as a participle on "people"
	}
	return subj >= 0 && crowdNouns[st.lemma(subj)] && len(st.actorsAt(subj, 0)) == 0
}

// weTogether are the verbs whose "we" can only be two or more deciding
// together: "we agreed", "we signed", "we decided".
var weTogether = set("agree", "decide", "sign", "conclude", "meet", "negotiate", "resolve")

// weAndPartner returns, for a quoted "we" that is the subject of a
// reciprocal act with no partner named ("We agreed that our negotiators
// should finish", a leader after a call with another), the story's other
// party, when the story's parties are two and the speaker is one of them.
func (st *sentence) weAndPartner(m int) (found, bool) {
	w := st.ms[m]
	if w.First < 0 || w.First != w.Last || st.lemma(w.First) != "we" {
		return found{}, false
	}
	ps := st.storyParties()
	if len(ps) != 2 {
		return found{}, false
	}
	other, self := -1, false
	for _, k := range ps {
		if actorRoot(st.ms[k].Code) == actorRoot(w.Code) {
			self = true
		} else {
			other = k
		}
	}
	if !self || other < 0 {
		return found{}, false
	}
	return found{mentions: []int{other}, notes: []string{"\"we\" of a reciprocal act: the speaker and the story's other party"}, conf: 0.6}, true
}

// implicitSource supplies the source a clause leaves unsaid from the
// implicit actors a story-level resolver gave the sentence: the speaker of
// a transcript's turn for a verb with no subject in the speaker's own
// voice ("Thank you for coming", "Welcome to Astana"), and the story's
// parties for a reciprocal act stated without them ("an agreement was
// signed", "the talks").
func (st *sentence) implicitSource(i int, p *Pattern, hasTarget bool) (found, bool) {
	t := st.s.Tokens[i]
	var speaker, parties, crowd []int
	for k, m := range st.ms {
		switch m.Method {
		case actor.ImplicitSpeaker:
			speaker = append(speaker, k)
		case actor.ImplicitParties:
			parties = append(parties, k)
		case actor.ImplicitCrowd:
			crowd = append(crowd, k)
		}
	}
	// a protest with no protester named is its place's civilians': "a
	// rally is under way outside the Danish consulate in Tbilisi"
	if len(crowd) > 0 && strings.HasPrefix(p.Code, "14") && (t.UPOS == ud.NOUN || st.passive(i) && st.agent(i) < 0 || st.crowdSubject(i)) && st.streetProtest(i) {
		return found{mentions: crowd, notes: []string{"protesters left unsaid: the civilians of the protest's place"}, conf: 0.6}, true
	}
	// a demand in a participle after such a protest is the crowd's too:
	// "hundreds rallied outside the Chinese embassy, demanding …" (round 13)
	if h := t.Head - 1; len(crowd) > 0 && strings.HasPrefix(p.Code, "10") && t.XPOS == "VBG" && ud.BaseRel(t.Rel) == "advcl" && h >= 0 &&
		!st.hasRel(i, "mark") && st.crowdSubject(h) && st.streetProtest(h) {
		return found{mentions: crowd, notes: []string{"demanders left unsaid: the civilians of the protest's place"}, conf: 0.5}, true
	}
	if len(speaker) > 0 && t.UPOS == ud.VERB && (t.XPOS == "VB" || t.XPOS == "VBP") && !st.passive(i) {
		if own, has := st.subjectOf(i); !has && len(own) == 0 && (t.Rel == "root" || t.Rel == "parataxis" || t.Rel == "conj") {
			return found{mentions: speaker, notes: []string{"subject: the speaker of the turn"}, conf: 0.8}, true
		}
		// "It is an honour to receive you", "I am glad to host
		// you": an infinitive that no one in the clause controls is
		// the speaker's own
		if r := ud.BaseRel(t.Rel); (r == "acl" || r == "csubj" || r == "xcomp") && t.XPOS == "VB" && st.hasChild(i, "mark", "to") {
			if ms, _ := st.inherited(i, 0); len(ms) == 0 {
				return found{mentions: speaker, notes: []string{"subject: the speaker of the turn"}, conf: 0.7}, true
			}
		}
	}
	if f, ok := st.fightSide(i, p, hasTarget); ok {
		return f, true
	}
	if len(parties) >= 2 && (p.Pair || p.Sym) && !hasTarget && t.Rel != "acl:relcl" && t.Rel != "acl" {
		agentless := t.UPOS == ud.VERB && st.passive(i) && st.agent(i) < 0
		if agentless || t.UPOS == ud.NOUN && st.occurs(i) {
			return found{mentions: parties, notes: []string{"parties left unsaid: the story's"}, conf: 0.7}, true
		}
	}
	return found{}, false
}

// fightSide returns, for a fight noun (root 19, both ways) that names its
// other party and no side of its own, the subject of the clause it
// happened in: "three Indian soldiers were killed in a firefight with
// Pakistani troops", "two guards died in a gunfight with Tajik
// servicemen". The noun hangs on the verb by "in" or "during".
func (st *sentence) fightSide(i int, p *Pattern, hasTarget bool) (found, bool) {
	t := st.s.Tokens[i]
	if !hasTarget || !p.Sym || !strings.HasPrefix(p.Code, "19") || t.UPOS != ud.NOUN || ud.BaseRel(t.Rel) != "obl" ||
		!st.hasChild(i, "case", "in") && !st.hasChild(i, "case", "during") {
		return found{}, false
	}
	h := t.Head - 1
	if h < 0 || st.s.Tokens[h].UPOS != ud.VERB {
		return found{}, false
	}
	for _, c := range st.children[h] {
		if r := st.s.Tokens[c].Rel; r != "nsubj" && r != "nsubj:pass" {
			continue
		}
		if relPronouns[st.lemma(c)] {
			return found{}, false
		}
		if ms := st.actorsAt(c, 0); len(ms) > 0 {
			return found{mentions: ms, notes: []string{"side: the subject of the clause the fight happened in"}, conf: 0.7}, true
		}
	}
	return found{}, false
}

// attended reports whether event noun i is what its head verb's subject
// attends as one guest among others (coref.Attended): "X and Y attended the
// summit" does not say they met.
func (st *sentence) attended(i int) bool {
	return st.s.Tokens[i].UPOS == ud.NOUN && coref.Attended(st.s, i)
}

// raisingVerbs frame a scheduled or expected act whose doer is their
// passive subject ("X is expected to meet Y").
var raisingVerbs = set("expect", "schedule", "set", "slate", "poise", "plan", "due", "suppose", "bind")

// statementNouns are the documents a clause's subject speaks in ("in a
// joint statement").
var statementNouns = set("statement", "declaration", "communique", "communiqué")

// controller returns the verb whose object is told to do infinitive h
// ("ordered eight diplomats to leave", also with the infinitive hung on a
// noun of the object: "ordered the staff of the consulates to leave"),
// or -1.
func (st *sentence) controller(h int) int {
	t := st.s.Tokens[h]
	if t.UPOS != ud.VERB || !st.hasChild(h, "mark", "to") || st.hasRel(h, "nsubj") || t.Head == 0 {
		return -1
	}
	g := t.Head - 1
	if t.Rel == "xcomp" {
		if st.hasRel(g, "obj") {
			return g
		}
		return -1
	}
	if ud.BaseRel(t.Rel) != "acl" {
		return -1
	}
	for n := 0; n < 3 && g >= 0; n++ {
		r := ud.BaseRel(st.s.Tokens[g].Rel)
		if r != "nmod" && r != "obj" {
			return -1
		}
		up := st.s.Tokens[g].Head - 1
		if r == "obj" {
			if up >= 0 && st.s.Tokens[up].UPOS == ud.VERB && !st.passive(up) {
				return up
			}
			return -1
		}
		g = up
	}
	return -1
}

// documentAuthors returns the authors of a document that participle i
// describes ("a joint statement condemning the raids", "in a letter
// urging …"): the document's owner ("Japan's statement", "a statement
// by Japan", "a statement from …"), else the subject of the verb it is
// the object or oblique of ("signed", "issued", "said in").
func (st *sentence) documentAuthors(i int) []int {
	t := st.s.Tokens[i]
	h := t.Head - 1
	if h < 0 || t.UPOS != ud.VERB || t.XPOS != "VBG" || ud.BaseRel(t.Rel) != "acl" || st.hasRel(i, "nsubj") {
		return nil
	}
	if !statementNouns[st.lemma(h)] && st.lemma(h) != "letter" && st.lemma(h) != "resolution" || st.hasChild(h, "amod", "draft") || st.hasChild(h, "compound", "draft") {
		return nil // "a draft resolution condemning …" is not yet anyone's act
	}
	var ms []int
	for _, c := range st.children[h] {
		if r := st.s.Tokens[c].Rel; r == "nmod:poss" || (ud.BaseRel(r) == "nmod" && (st.hasCase(c, "by") || st.hasCase(c, "from"))) {
			ms = append(ms, st.actorsAt(c, 0)...)
		}
	}
	if len(ms) > 0 {
		return dedup(ms)
	}
	if v := st.s.Tokens[h].Head - 1; v >= 0 && st.s.Tokens[v].UPOS == ud.VERB {
		if r := ud.BaseRel(st.s.Tokens[h].Rel); r == "obj" || r == "obl" {
			ms, _ := st.subjectOf(v)
			return ms
		}
	}
	return nil
}

// othersAddressed reports whether predicate i names its addressee as
// others than the ones before ("appealed to other allies", "urged
// other countries to follow"): an object or an obl with "to" or "on"
// whose determiner or modifier is "other" or "another" (round 31).
func (st *sentence) othersAddressed(i int) bool {
	for _, c := range st.children[i] {
		r := ud.BaseRel(st.s.Tokens[c].Rel)
		if r != "obj" && r != "iobj" && !(r == "obl" && (st.hasCase(c, "to") || st.hasCase(c, "on") || st.hasCase(c, "upon"))) {
			continue
		}
		for _, m := range st.children[c] {
			if w := strings.ToLower(st.s.Tokens[m].Form); (w == "other" || w == "another") && (st.s.Tokens[m].Rel == "amod" || st.s.Tokens[m].Rel == "det") {
				return true
			}
		}
	}
	return false
}

// meetVerbs bring two parties face to face: what the first does next in
// the same sentence with no other party named is toward the second ("summoned
// the ambassador and demanded an end to …").
var meetVerbs = set("meet", "receive", "host", "welcome", "visit", "call", "phone", "talk", "greet", "thank", "summon")

// sharedTarget returns the party a conjunct verb with no target of its
// own acts toward when its first conjunct is a meeting with that party:
// "Lula met with Milei and apologised for the incident" apologizes
// to Milei. Only the meeting's object or "with" phrase counts, when it is
// an actor itself, and none of the sources. A purpose infinitive of the
// meeting or call is joined to it as well: "phoned his Israeli counterpart
// to urge restraint" urges the one called (round 6).
func (st *sentence) sharedTarget(i int, src []int, code string) (found, bool) {
	t := st.s.Tokens[i]
	if st.othersAddressed(i) {
		return found{}, false // "thanked X and appealed to other allies": not to X
	}
	purpose := (ud.BaseRel(t.Rel) == "advcl" || t.Rel == "xcomp") && st.hasCase(i, "to") // "phoned X to urge restraint"
	if t.Rel != "conj" && !purpose || t.Head == 0 || t.UPOS != ud.VERB {
		if f, ok := st.meetingPartner(i, src, code); ok {
			return f, true
		}
		return found{}, false
	}
	h := t.Head - 1
	if st.s.Tokens[h].UPOS != ud.VERB || !meetVerbs[st.lemma(h)] {
		return st.meetingPartner(i, src, code)
	}
	var out []int
	for _, c := range st.children[h] {
		r := st.s.Tokens[c].Rel
		if r != "obj" && r != "iobj" && !(ud.BaseRel(r) == "obl" && st.hasCase(c, "with")) || st.mention[c] < 0 {
			continue // (the object itself an actor, not a topic with actors in it)
		}
		for _, m := range st.actorsAt(c, 0) {
			if !slices.Contains(src, m) {
				out = append(out, m)
			}
		}
	}
	if len(out) == 0 {
		return st.meetingPartner(i, src, code)
	}
	return found{mentions: dedup(out), notes: []string{"target from the first conjunct " + st.s.Tokens[h].Form}, conf: 0.7}, true
}

// aidCode reports whether code gives or promises aid: 033x (intent to
// provide aid) or 07x (provide aid).
func aidCode(code string) bool {
	return strings.HasPrefix(code, "033") || strings.HasPrefix(code, "07")
}

// purposeBeneficiary returns whom aid with no recipient named is for, by
// the purpose clause of the act or of its object: the object of "to help
// X", the owner of the object of "to strengthen X's institutions", "to
// rebuild the Vietnamese roads". None of the sources counts.
func (st *sentence) purposeBeneficiary(i int, src []int) (found, bool) {
	heads := []int{i}
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "obj" {
			heads = append(heads, c)
		}
	}
	for _, h := range heads {
		for _, v := range st.children[h] {
			r := ud.BaseRel(st.s.Tokens[v].Rel)
			if r != "advcl" && r != "acl" && r != "xcomp" || st.s.Tokens[v].UPOS != ud.VERB || !st.hasCase(v, "to") {
				continue
			}
			var out []int
			for _, o := range st.children[v] {
				if st.s.Tokens[o].Rel != "obj" {
					continue
				}
				if st.mention[o] >= 0 {
					out = append(out, st.actorsAt(o, 0)...) // "to help Vietnam"
					continue
				}
				for _, m := range st.children[o] {
					if r := st.s.Tokens[m].Rel; (r == "nmod:poss" || r == "amod" || r == "compound") && st.mention[m] >= 0 {
						out = append(out, st.actorsAt(m, 0)...) // "to strengthen Moldova's institutions"
					}
				}
			}
			out = slices.DeleteFunc(out, func(m int) bool { return slices.Contains(src, m) })
			if len(out) > 0 {
				return found{mentions: dedup(out), notes: []string{"recipient from the purpose clause " + st.s.Tokens[v].Form}, conf: 0.6}, true
			}
		}
	}
	return found{}, false
}

// requester returns who asked for aid that names no recipient: the owner
// of an "at the request of X" ("at X's request", "upon the request of
// X") phrase on the act. Who asked for the help receives it. None of the
// sources counts.
func (st *sentence) requester(i int, src []int) (found, bool) {
	var out []int
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) != "obl" || st.lemma(c) != "request" && st.lemma(c) != "behest" || !st.hasCase(c, "at") && !st.hasCase(c, "upon") {
			continue
		}
		for _, m := range st.children[c] {
			switch ud.BaseRel(st.s.Tokens[m].Rel) {
			case "nmod", "amod", "compound":
				if st.mention[m] >= 0 {
					out = append(out, st.actorsAt(m, 0)...)
				}
			}
		}
	}
	out = slices.DeleteFunc(out, func(m int) bool { return slices.Contains(src, m) })
	if len(out) == 0 {
		return found{}, false
	}
	return found{mentions: dedup(out), notes: []string{"recipient: who asked for it"}, conf: 0.6}, true
}

// meetingPartner returns the partner of a meeting, a call, talks or a
// signing that a later cooperative act of the same subject with no target
// of its own is toward (roots 02 to 08, second events; an appeal only in
// a conjunct, "spoke to X and asked for access"): a participle after
// the meeting ("held talks with X in Accra, agreeing to step up patrols")
// or a conjunct of it or of a verb before it ("spoke by phone with X and
// pledged aid", "flew to Y, held talks with X and signed three
// agreements"). The partner is the meeting's object, its "with" phrase or
// the "with" phrase of its talks or call, when it names actors other than
// the sources.
func (st *sentence) meetingPartner(i int, src []int, code string) (found, bool) {
	t := st.s.Tokens[i]
	if len(code) < 2 || code[:2] < "02" || code[:2] > "08" || t.Head == 0 || t.UPOS != ud.VERB {
		return found{}, false
	}
	if _, has := st.subjectOf(i); has {
		return found{}, false // a subject of its own: "… and he and X signed"
	}
	h := t.Head - 1
	var heads []int
	switch ud.BaseRel(t.Rel) {
	case "advcl":
		// "met X on Thursday, agreeing to …": a participle after a
		// comma, no subordinator of its own
		if t.XPOS != "VBG" || i == 0 || st.s.Tokens[i-1].Form != "," || st.hasRel(i, "mark") || code[:2] == "02" {
			return found{}, false // (an appeal in a participle is made to whom it names)
		}
		heads = []int{h}
	case "conj":
		// the verb it is joined to and the conjuncts before it (also
		// one the parser hung beside it: "flew to X, held talks with Y
		// and signed …")
		heads = []int{h}
		for _, c := range st.children[h] {
			if r := st.s.Tokens[c].Rel; c < i && (r == "conj" || r == "parataxis") && st.s.Tokens[c].UPOS == ud.VERB {
				heads = append(heads, c)
			}
		}
	default:
		return found{}, false
	}
	for _, m := range heads {
		if st.s.Tokens[m].UPOS != ud.VERB || !st.meeting(m) {
			continue
		}
		var out []int
		for _, c := range st.children[m] {
			r := ud.BaseRel(st.s.Tokens[c].Rel)
			var at []int
			switch {
			case (r == "obj" || r == "iobj") && st.mention[c] >= 0, r == "obl" && st.hasCase(c, "with"),
				r == "obl" && st.hasCase(c, "to") && (st.lemma(m) == "speak" || st.lemma(m) == "talk"):
				at = []int{c} // ("spoke to his Tanzanian counterpart and asked for …")
			case r == "obj" || r == "obl":
				// "held talks with X", "in a phone call with X"
				for _, d := range st.children[c] {
					if ud.BaseRel(st.s.Tokens[d].Rel) == "nmod" && st.hasCase(d, "with") {
						at = append(at, d)
					}
				}
			}
			for _, a := range at {
				for _, k := range st.actorsAt(a, 0) {
					if !slices.Contains(src, k) && !slices.ContainsFunc(src, func(s int) bool { return sameCountry(st.ms[s].Code, st.ms[k].Code) }) {
						out = append(out, k)
					}
				}
			}
		}
		if len(out) > 0 {
			return found{mentions: dedup(out), notes: []string{"target: the partner of " + st.s.Tokens[m].Form}, conf: 0.7}, true
		}
	}
	return found{}, false
}

// protestCarriers carry a demand made in a participle after them: a
// protest in the street or a note or protest handed to an envoy.
var protestCarriers = set("protest", "rally", "demonstrate", "gather", "march", "picket", "summon", "hand", "send",
	"deliver", "lodge", "submit", "present", "issue")

// protestNotes are the documents that make a demand ("a protest note
// demanding an inquiry"); "verbale" is the head of a "note verbale", the
// diplomatic note in the third person (round 31).
var protestNotes = set("note", "notes", "verbale", "verbales", "protest", "letter", "letters", "complaint", "demarche", "démarche", "message", "request")

// protestTarget returns the party a demand in a participle (predicate i)
// is made of when the demand names none: the one protested at or handed
// the note ("residents rallied outside the Chinese embassy, demanding the
// mine's closure", "handed the envoy a protest note demanding an
// inquiry"). The participle has no subject or subordinator of its own and
// hangs on the protest or the note; the party is an actor in an object or
// oblique of the protest, not of the source's country (round 13).
func (st *sentence) protestTarget(i int, src []int) (found, bool) {
	t := st.s.Tokens[i]
	if t.XPOS != "VBG" || t.Head == 0 || st.hasRel(i, "mark") {
		return found{}, false
	}
	if _, has := st.subjectOf(i); has {
		return found{}, false
	}
	h := t.Head - 1
	switch ud.BaseRel(t.Rel) {
	case "advcl", "xcomp":
	case "acl":
		// "a protest note demanding …": the note's verb carries it
		if !protestNotes[st.lemma(h)] || st.s.Tokens[h].Head == 0 {
			return found{}, false
		}
		h = st.s.Tokens[h].Head - 1
	default:
		return found{}, false
	}
	if st.s.Tokens[h].UPOS != ud.VERB || !protestCarriers[st.lemma(h)] {
		return found{}, false
	}
	var out []int
	for _, c := range st.children[h] {
		if c > i {
			continue
		}
		switch ud.BaseRel(st.s.Tokens[c].Rel) {
		case "obj", "iobj", "obl":
		default:
			continue
		}
		for _, k := range st.actorsAt(c, 0) {
			if !slices.Contains(src, k) && !slices.ContainsFunc(src, func(s int) bool { return sameCountry(st.ms[s].Code, st.ms[k].Code) }) {
				out = append(out, k)
			}
		}
	}
	if len(out) == 0 {
		return found{}, false
	}
	return found{mentions: dedup(out), notes: []string{"target: the one " + st.s.Tokens[h].Form + " at or to"}, conf: 0.6}, true
}

// bodyNouns are the bodies and envoys that parties send to meet for them.
var bodyNouns = set("commission", "commissions", "committee", "committees", "expert", "experts", "official", "officials",
	"delegation", "delegations", "team", "teams", "group", "groups", "negotiator", "negotiators", "representative",
	"representatives", "envoy", "envoys", "minister", "ministers", "diplomat", "diplomats", "body", "bodies")

// agreedParties returns the parties that agreed or decided that bodies of
// theirs named by no actor would meet or talk (a mutual act, predicate i):
// "A and B agreed that the border commissions would meet in May", "held a
// meeting with B and decided that experts would meet next month". The
// parties are the agreeing verb's subject, with the partner of a meeting
// it is joined to, when they are two or more.
func (st *sentence) agreedParties(i int) (found, bool) {
	t := st.s.Tokens[i]
	if ud.BaseRel(t.Rel) != "ccomp" || t.Head == 0 {
		return found{}, false
	}
	h := t.Head - 1
	if l := st.lemma(h); l != "agree" && l != "decide" && l != "resolve" {
		return found{}, false
	}
	body := false
	for _, c := range st.children[i] {
		if r := st.s.Tokens[c].Rel; (r == "nsubj" || r == "nsubj:pass") && st.s.Tokens[c].UPOS == ud.NOUN && bodyNouns[st.lemma(c)] && len(st.actorsAt(c, 0)) == 0 {
			body = true
		}
	}
	if !body {
		return found{}, false
	}
	ms, _ := st.inherited(h, 0)
	for _, c := range st.children[h] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "obl" && st.hasCase(c, "with") {
			ms = append(ms, st.actorsAt(c, 0)...)
		}
	}
	if f, ok := st.meetingPartner(h, ms, "030"); ok {
		ms = append(ms, f.mentions...)
	}
	ms = dedup(ms)
	if !slices.ContainsFunc(ms, func(m int) bool { return !sameCountry(st.ms[m].Code, st.ms[ms[0]].Code) }) {
		return found{}, false // one party alone
	}
	return found{mentions: ms, notes: []string{"the parties that agreed (" + st.s.Tokens[h].Form + ")"}, conf: 0.8}, true
}

// meetingNouns are what is held, had or signed with a partner.
var meetingNouns = set("talk", "talks", "meeting", "meetings", "negotiation", "negotiations", "consultation", "consultations",
	"discussion", "discussions", "call", "conversation", "conversations", "summit", "dialogue",
	"agreement", "agreements", "memorandum", "deal", "deals", "accord", "pact", "treaty")

// meeting reports whether verb m brings its subject together with a
// partner: a verb of meeting or calling, speaking or conferring, or
// holding, having or signing talks, a call or an agreement.
func (st *sentence) meeting(m int) bool {
	switch l := st.lemma(m); {
	case meetVerbs[l], l == "speak", l == "confer", l == "negotiate":
		return true
	case l == "hold" || l == "have" || l == "sign" || l == "conduct":
		for _, c := range st.children[m] {
			if st.s.Tokens[c].Rel == "obj" && meetingNouns[st.lemma(c)] {
				return true
			}
		}
	case l == "keep" || l == "remain" || l == "stay" || l == "be":
		// "kept in close touch with X", "remained in contact with X"
		for _, c := range st.children[m] {
			if ud.BaseRel(st.s.Tokens[c].Rel) == "obl" && st.hasCase(c, "in") && (st.lemma(c) == "touch" || st.lemma(c) == "contact") {
				return true
			}
		}
	}
	return false
}

// oneParty reports whether the mentions ms are all of one country or body.
func (st *sentence) oneParty(ms []int) bool {
	for _, m := range ms[1:] {
		if !sameCountry(st.ms[m].Code, st.ms[ms[0]].Code) {
			return false
		}
	}
	return true
}

// inclusiveWe returns the one addressed ("you", "your") in the sentence
// when the source m is a "we" of a reciprocal act: a speaker who says "we
// will discuss …" to a visitor speaks of both.
func (st *sentence) inclusiveWe(m int) (found, bool) {
	src := st.ms[m]
	if src.First < 0 || src.First != src.Last || !strings.EqualFold(st.s.Tokens[src.First].Form, "we") {
		return found{}, false
	}
	var you []int
	for k, o := range st.ms {
		if o.First < 0 || o.First != o.Last || o.Code == "" || sameCountry(o.Code, src.Code) {
			continue
		}
		switch strings.ToLower(st.s.Tokens[o.First].Form) {
		case "you", "your", "yours":
			you = append(you, k)
		}
	}
	if len(you) == 0 {
		return found{}, false
	}
	return found{mentions: you, notes: []string{"'we' of a reciprocal act: the speaker and the one addressed"}, conf: 0.6}, true
}

// threatened reports whether predicate i is what its head threatens to
// do ("threatens to shut its frontier"): a threat, whose target a story of
// two sides may leave unsaid. (Only for a pattern with a requirement of
// its own: one whose target slot is all it asks for, "close against",
// needs that target.)
func (st *sentence) threatened(i int) bool {
	t := st.s.Tokens[i]
	return ud.BaseRel(t.Rel) == "xcomp" && t.Head > 0 && st.lemma(t.Head-1) == "threaten"
}

// threatWhy reports whether why, the word that makes an act only
// intended, is a word of threatening or warning ("threatened to", "warns").
func threatWhy(why string) bool {
	switch strings.ToLower(strings.TrimSuffix(why, " to")) {
	case "threaten", "threatens", "threatened", "threatening", "warn", "warns", "warned":
		return true
	}
	return false
}

// warned reports whether predicate i, intended (why), is threatened: by
// a threat word ("threatened to review …") or as the clause of a verb of
// warning ("warned that Iran would review …").
func (st *sentence) warned(i int, why string) bool {
	if threatWhy(why) {
		return true
	}
	for h, n := i, 0; h >= 0 && n < 3; n++ {
		t := st.s.Tokens[h]
		r := ud.BaseRel(t.Rel)
		if t.Head == 0 || r != "ccomp" && r != "xcomp" && r != "conj" {
			return false
		}
		h = t.Head - 1
		if warnVerbs[st.lemma(h)] && st.lemma(h) != "tell" {
			return true
		}
	}
	return false
}

// threat reports whether pattern p on predicate i codes a threat: a 13x
// code, a threatened response, or an act of conflict only intended or
// threatened ("would impose countermeasures"), whose intent code is a
// threat.
func (c *Coder) threat(st *sentence, i int, p *Pattern) bool {
	if strings.HasPrefix(p.Code, "13") || p.Intent {
		return true
	}
	// a pattern whose target slot is all it asks for ("close against")
	// needs that target
	return len(p.Reqs) > 0 && (st.threatened(i) || strings.HasPrefix(c.ont.IntentOf(p.Code), "13") && st.intended(i) != "")
}

// conditional says why predicate i is an act only supposed on a condition,
// or "": a modal ("would", "could", "might", "may") with a clause of
// condition ("if Hanoi allows inspectors, Seoul would lift its ban",
// "Bern could host talks should both sides ask"). A threat is conditional
// by nature, so the caller keeps threats; an offer or a guess made on a
// condition is no act or plan stated (GUIDELINES rule 1).
func (st *sentence) conditional(i int) string {
	modal := ""
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "aux" {
			switch w := strings.ToLower(st.s.Tokens[c].Form); w {
			case "would", "could", "might", "may":
				modal = w
			}
		}
	}
	if modal == "" {
		return ""
	}
	kids := st.children[i]
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "punct" {
			kids = append(kids[:len(kids):len(kids)], st.children[c]...) // a clause hung on the stop
		}
	}
	for _, c := range kids {
		if ud.BaseRel(st.s.Tokens[c].Rel) != "advcl" {
			continue
		}
		for _, g := range st.children[c] {
			u := st.s.Tokens[g]
			if u.Rel == "mark" && (st.lemma(g) == "if" || st.lemma(g) == "unless") {
				return modal + " … " + u.Form
			}
			if ud.BaseRel(u.Rel) == "aux" && strings.ToLower(u.Form) == "should" && g < c && st.firstWord(c) == g {
				return modal + " … should" // "should both sides ask"
			}
		}
	}
	return ""
}

// conditionMarks open the clause a threat is conditional on.
var conditionMarks = set("if", "unless", "should")

// warnVerbs address a threat to someone ("warned Y that …").
var warnVerbs = set("warn", "caution", "tell", "threaten")

var (
	subjectPath   = []Path{{{Rel: "nsubj"}}}
	addresseePath = []Path{{{Rel: "iobj"}}, {{Rel: "obj"}}}
	objectPath    = []Path{{{Rel: "obj"}}}
)

// threatTarget returns whom a threat with no target of its own is aimed at:
// the one addressed by the verb of warning whose clause it is ("warned
// Moldova that it would face consequences") or the subject of the clause it
// is conditional on ("would respond if Armenia continued …", "threatened to
// close the strait if the United States attacked"), searched from the
// predicate up through the clauses that govern it; never the source's own
// country.
func (st *sentence) threatTarget(i int, src []int) (found, bool) {
	foreign := func(f found) found {
		f.mentions = st.foreign(f.mentions, src)
		return f
	}
	for k, d := i, 0; k >= 0 && d < 4; d++ {
		kids := st.children[k]
		for _, c := range st.children[k] {
			if st.s.Tokens[c].Rel == "punct" {
				// a clause the parser hung on the full stop
				// ("would respond harshly if Finland hosted …")
				kids = append(kids[:len(kids):len(kids)], st.children[c]...)
			}
		}
		for _, c := range kids {
			if ud.BaseRel(st.s.Tokens[c].Rel) != "advcl" {
				continue
			}
			for _, g := range st.children[c] {
				if st.s.Tokens[g].Rel == "mark" && conditionMarks[st.lemma(g)] {
					if f := foreign(st.slot(c, subjectPath, false)); len(f.mentions) > 0 {
						f.notes, f.conf = []string{"target left unsaid by the threat: the subject of its condition"}, 0.7
						return f, true
					}
				}
			}
		}
		t := st.s.Tokens[k]
		if r := ud.BaseRel(t.Rel); r == "acl" && t.Head > 0 {
			// "reserved the right to respond": up to the verb whose
			// object the infinitive completes
			if n := st.s.Tokens[t.Head-1]; n.Rel == "obj" && n.Head > 0 {
				k = n.Head - 1
				continue
			}
		}
		if r := ud.BaseRel(t.Rel); t.Head == 0 || r != "ccomp" && r != "xcomp" {
			if r == "conj" && t.Head > 0 && (k != i || answeredVerbs[st.lemma(t.Head-1)]) && !st.hasChild(k, "cc", "but") && !st.hasChild(k, "cc", "yet") {
				// (not past a "but": "thanked Turkey for its efforts
				// but said Mogadishu would not accept any deal …" is
				// no threat to Turkey)
				// "condemned the sanctions and said it reserved the
				// right to respond": toward the one the first verb's
				// object names
				h := t.Head - 1
				if f := foreign(st.slot(h, objectPath, false)); len(f.mentions) > 0 && st.s.Tokens[h].UPOS == ud.VERB {
					f.notes, f.conf = []string{"target left unsaid by the threat: the object of the act beside it"}, 0.6
					return f, true
				}
			}
			break
		}
		k = t.Head - 1
		if warnVerbs[st.lemma(k)] {
			if f := foreign(st.slot(k, addresseePath, false)); len(f.mentions) > 0 {
				f.notes, f.conf = []string{"target left unsaid by the threat: the one warned"}, 0.7
				return f, true
			}
		}
	}
	return found{}, false
}

// agentless reports whether verb i is a passive with no agent whose
// subject is the target found (tgt): "the ambassador was ordered to close
// the consulate". A "by" phrase anywhere after the verb ("were killed by
// a mine", hung elsewhere by the parser) names an agent, actor or not; a
// target found elsewhere ("prisoners were handed to Russia") leaves the
// giver unknown.
func (st *sentence) agentless(i int, tgt []int) bool {
	if st.s.Tokens[i].UPOS != ud.VERB || !st.passive(i) || st.agent(i) >= 0 {
		return false
	}
	for k := i + 1; k < len(st.s.Tokens); k++ {
		if st.lemmas[k] == "by" && st.s.Tokens[k].Rel == "case" {
			return false
		}
	}
	for _, m := range tgt {
		k := st.headOf(m)
		for d := 0; d < 3 && k >= 0 && st.s.Tokens[k].Head-1 != i; d++ {
			k = st.s.Tokens[k].Head - 1
		}
		if k < 0 || st.s.Tokens[k].Head-1 != i || st.s.Tokens[k].Rel != "nsubj:pass" {
			return false
		}
	}
	return true
}

// borderWords name the line between two countries.
var borderWords = set("border", "frontier", "boundary", "borderline", "border-area")

// atBorder reports whether predicate i is done at or toward a border that
// no actor owns in the sentence ("moved troops to the border", "held a
// parade near the frontier"): a show of force there is toward the story's
// other side, as a threat with no target is.
func (st *sentence) atBorder(i int) bool {
	for k := range st.s.Tokens {
		if !borderWords[st.lemma(k)] || st.s.Tokens[k].UPOS != ud.NOUN || !st.dominates(i, k) {
			continue
		}
		for d := 0; d < 3 && k >= 0 && k != i; d++ {
			k = st.s.Tokens[k].Head - 1
		}
		if k == i {
			return true
		}
	}
	return false
}

// leftToStory reports whether an act of code leaves its target to the
// story when the sentence names none, as a threat does: a summons or
// protest note, a demand, an appeal ("Peru demanded the release of the
// soldiers" in a story of Peru and Ecuador). (Every 11x, 12x, 16x, 17x and
// 19x too cost news-dev 0.2 points: general patterns such as 110
// "concerned" or passive sanctions took the other side for a target they
// never had.)
func leftToStory(code string) bool {
	for _, p := range []string{"114", "10", "02", "0253"} {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// speculation names talk of what may be: the clause it introduces ("the
// suggestion that …", "rumours that …") is not asserted (round 6).
var speculation = set("suggestion", "speculation", "rumour", "rumor", "idea", "notion", "possibility", "prospect", "hypothesis", "scenario")

// denyVerbs deny the clause they take: it is not asserted.
var denyVerbs = set("deny", "refute", "dispute")

// supposed returns the conjunction when predicate i is in a clause of
// condition ("unless the EU exempted Hungarian companies", "if Armenia
// attacked"): an act only supposed, not stated (GUIDELINES rule 1); also
// the determiner of an act noun under "any" or "no", and the noun of
// speculation whose clause i is in (round 6).
// needHeads take the infinitive of what must be or is about to be done
// ("need to cooperate", "has to continue", "was about to be signed").
var needHeads = set("need", "have", "about")

// resumeVerbs, beside occurVerbs, say that an act noun, their subject,
// goes on or takes place ("talks should resume", "a swap could happen").
var resumeVerbs = set("resume", "happen", "occur", "restart", "commence", "go")

// genericDets make a subject everyone rather than a party ("all countries",
// "every state").
var genericDets = set("all", "every")

// noDoer returns the modal when predicate i is an act only possible or
// needed that no party is said to do, or "": a modal of possibility or
// obligation, "need to", "have to" or "about to" on an agentless passive
// ("a deal could be signed", "sanctions should be lifted"), on a verb
// whose subject is everyone ("all countries need to cooperate"), or on
// the verb of occurrence an act noun is the subject of ("negotiations must
// continue"). Such an act is an opinion or a guess, not an event the text
// states (GUIDELINES rule 1). A named party's own "must" or "could" is
// left to the intent and demand rules ("Tokyo must strengthen its
// partnership", "said Azerbaijan must withdraw"), and a threat to them.
func (st *sentence) noDoer(i int) string {
	t := st.s.Tokens[i]
	v := i
	if t.UPOS == ud.NOUN {
		if r := t.Rel; r != "nsubj" && r != "nsubj:pass" || t.Head == 0 || !occurVerbs[st.lemma(t.Head-1)] && !resumeVerbs[st.lemma(t.Head-1)] {
			return ""
		}
		v = t.Head - 1
	}
	if st.s.Tokens[v].UPOS != ud.VERB {
		return ""
	}
	modal, clause := "", v
	for _, c := range st.children[v] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "aux" && (obligations[st.lemma(c)] || possibleModals[st.lemma(c)]) {
			modal = st.s.Tokens[c].Form
		}
	}
	if h := st.s.Tokens[v].Head - 1; modal == "" && h >= 0 && ud.BaseRel(st.s.Tokens[v].Rel) == "xcomp" &&
		needHeads[st.lemma(h)] && st.hasChild(v, "mark", "to") {
		modal, clause = st.s.Tokens[h].Form+" to", h
	}
	if modal == "" {
		return ""
	}
	if v != i {
		return modal + " " + st.s.Tokens[v].Form // the act noun is the subject
	}
	passive, agent := false, false
	for _, c := range st.children[v] {
		switch st.s.Tokens[c].Rel {
		case "aux:pass", "nsubj:pass":
			passive = true
		case "obl:agent":
			agent = true
		}
		if ud.BaseRel(st.s.Tokens[c].Rel) == "obl" && st.hasCase(c, "by") {
			agent = true
		}
	}
	if passive && !agent {
		return modal + " be " + st.s.Tokens[v].Form
	}
	for _, c := range st.children[clause] {
		if st.s.Tokens[c].Rel != "nsubj" {
			continue
		}
		for _, d := range st.children[c] {
			if st.s.Tokens[d].Rel == "det" && genericDets[st.lemma(d)] {
				return st.s.Tokens[d].Form + " " + st.s.Tokens[c].Form + " " + modal
			}
		}
	}
	return ""
}

// spanUnits measure a span that reaches into earlier years.
var spanUnits = set("year", "decade", "century")

// recordAdverbs tell an act as a party's record over time.
var recordAdverbs = set("historically", "traditionally")

// lastingRecord returns the words that place predicate i years back as a
// span or a record, or "": an act noun a span of years is "of" ("after
// years of negotiations", "despite decades of talks"), one marked as
// years long ("years-long talks"), a verb that such a noun governs as a
// clause ("years of talks brokered by the OSCE"), and an act told with
// "historically" or "traditionally" ("has historically expressed
// concern"). GUIDELINES rule 1 leaves out background the text places in an
// earlier year; the act the sentence reports after such a span ("signed a
// treaty on Thursday") is not touched. A date "N years ago" is read by
// when, as other dates are.
func (st *sentence) lastingRecord(i int) string {
	t := st.s.Tokens[i]
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "advmod" && recordAdverbs[st.lemma(c)] {
			return st.s.Tokens[c].Form
		}
	}
	n := i
	if t.UPOS == ud.VERB && ud.BaseRel(t.Rel) == "acl" && t.Head > 0 {
		n = t.Head - 1 // "years of negotiations brokered by the OSCE"
	}
	u := st.s.Tokens[n]
	if u.UPOS != ud.NOUN {
		return ""
	}
	for _, c := range st.children[n] {
		// "years-long talks", "decade-long negotiations"
		if w := strings.ToLower(st.s.Tokens[c].Form); ud.BaseRel(st.s.Tokens[c].Rel) == "amod" &&
			(strings.HasPrefix(w, "years-") || strings.HasPrefix(w, "decades-") || strings.HasPrefix(w, "decade-")) && strings.HasSuffix(w, "-long") {
			return st.s.Tokens[c].Form + " " + u.Form
		}
	}
	h := u.Head - 1
	if h < 0 || ud.BaseRel(u.Rel) != "nmod" || !st.hasCase(n, "of") {
		return ""
	}
	if g := st.s.Tokens[h]; g.UPOS == ud.NOUN && spanUnits[st.lemma(h)] && strings.HasSuffix(strings.ToLower(g.Form), "s") {
		return g.Form + " of " + u.Form
	}
	return ""
}

// lastingActs are the nouns of a state of war or rule that lasts
// ("Russia's annexation of Crimea", "the occupation of the West Bank"):
// condemned, it is the known background of the words, not their news.
var lastingActs = set("invasion", "annexation", "occupation", "aggression", "war", "blockade", "siege")

// backdropCases set a noun off as an example or a circumstance.
var backdropCases = set("such", "like", "amid", "amidst", "despite")

// condemnVerbs condemn or criticise what their object names.
var condemnVerbs = set("condemn", "denounce", "criticise", "criticize", "deplore", "decry", "slam", "blast", "censure",
	"lambast", "lambaste", "rebuke")

// condemnedAct returns, for a noun of a lasting war or rule at i
// (lastingActs), the verb of condemnation whose object or "over"/"for"
// phrase it is ("condemned Russia's annexation of Crimea", "criticised
// Russia over its occupation of Crimea"), or the word that sets it off as
// an example or a circumstance ("in light of events such as Russian
// aggression against Ukraine", "amid the occupation"); else "". Such a
// noun is the known background of the words, not news the sentence
// reports (GUIDELINES rule 1; news-dev codes "condemned Russia's invasion
// of Ukraine" as the 111 alone). A discrete act condemned stays coded
// ("condemned the new US sanctions" is the news of the sanctions where the
// story tells no other; round 16).
func (st *sentence) condemnedAct(i int) string {
	t := st.s.Tokens[i]
	if t.UPOS != ud.NOUN || t.Head == 0 || !lastingActs[st.lemma(i)] {
		return ""
	}
	h := t.Head - 1
	for _, c := range st.children[i] {
		// "in light of events such as Russian aggression against
		// Ukraine", "amid the occupation": an example or a
		// circumstance the words stand against
		if st.s.Tokens[c].Rel == "case" && backdropCases[st.lemma(c)] {
			return st.s.Tokens[c].Form + " " + st.s.Tokens[i].Form
		}
	}
	if !condemnVerbs[st.lemma(h)] || st.s.Tokens[h].UPOS != ud.VERB {
		return ""
	}
	switch r := ud.BaseRel(t.Rel); {
	case r == "obj":
		return st.s.Tokens[h].Form
	case (r == "obl" || r == "nmod") && (st.hasCase(i, "over") || st.hasCase(i, "for")):
		return st.s.Tokens[h].Form + " … " + st.s.Tokens[i].Form
	}
	return ""
}

func (st *sentence) supposed(i int) string {
	if t := st.s.Tokens[i]; t.UPOS == ud.NOUN {
		// "would retaliate against any confiscation of its assets": an
		// act noun under "any" or "no" names no act that took place
		for _, c := range st.children[i] {
			if st.s.Tokens[c].Rel == "det" && (st.lemma(c) == "any" || st.lemma(c) == "no") {
				return st.s.Tokens[c].Form
			}
		}
	}
	for k := 0; k < 4 && i >= 0; k++ {
		t := st.s.Tokens[i]
		if t.Rel == "ccomp" && t.Head > 0 && denyVerbs[st.lemma(t.Head-1)] {
			// "Georgia denied that it had detained the journalists":
			// what one denies is not stated as done
			return st.s.Tokens[t.Head-1].Form
		}
		if ud.BaseRel(t.Rel) == "acl" && t.Head > 0 && evidenceNouns[st.lemma(t.Head-1)] && st.hasChild(t.Head-1, "det", "no") {
			// "there was no evidence that Chad had accused Sudan":
			// what no evidence shows is not stated
			return "no " + st.s.Tokens[t.Head-1].Form
		}
		if ud.BaseRel(t.Rel) == "acl" && t.Head > 0 && speculation[st.lemma(t.Head-1)] {
			// "shot down suggestions that he would cut ties": what a
			// suggestion or rumour says is not stated as done or meant
			return st.s.Tokens[t.Head-1].Form
		}
		if ud.BaseRel(t.Rel) == "advcl" {
			for _, c := range st.children[i] {
				if st.s.Tokens[c].Rel == "mark" && (st.lemma(c) == "if" || st.lemma(c) == "unless") {
					return st.s.Tokens[c].Form
				}
			}
		}
		switch ud.BaseRel(t.Rel) {
		case "xcomp", "ccomp", "conj", "obj", "obl", "nmod", "acl", "advcl":
		default:
			return ""
		}
		i = t.Head - 1
	}
	return ""
}

// foreign returns the mentions of ms of another country than every source
// in src.
func (st *sentence) foreign(ms, src []int) []int {
	var out []int
	for _, m := range ms {
		mine := false
		for _, s := range src {
			mine = mine || sameCountry(st.ms[m].Code, st.ms[s].Code)
		}
		if !mine {
			out = append(out, m)
		}
	}
	return out
}

// borderPartner returns the country a border below predicate i is shared
// with ("fired artillery near the maritime border with South Korea",
// "massed troops along the frontier with X"), when it is not the source's:
// an act of force there is toward it.
func (st *sentence) borderPartner(i int, src []int) (found, bool) {
	for k := range st.s.Tokens {
		if !borderWords[st.lemma(k)] || st.s.Tokens[k].UPOS != ud.NOUN {
			continue
		}
		h := k
		for d := 0; d < 3 && h >= 0 && h != i; d++ {
			h = st.s.Tokens[h].Head - 1
		}
		if h != i {
			continue
		}
		for _, c := range st.children[k] {
			if ud.BaseRel(st.s.Tokens[c].Rel) != "nmod" || !st.hasCase(c, "with") {
				continue
			}
			if out := st.foreign(st.actorsAt(c, 0), src); len(out) > 0 {
				return found{mentions: out, notes: []string{"target left unsaid: the other side of the border"}, conf: 0.7}, true
			}
		}
	}
	return found{}, false
}

// wideNouns name a group of many that no one party of a story is: an
// appeal "to the international community", "to the Islamic world", "to
// donors" is addressed, but to none of the story's parties.
var wideNouns = set("world", "community", "mankind", "humanity", "everyone", "everybody", "donor", "others")

// wideAddressee reports whether a target slot of predicate i (paths) holds
// a noun that is no actor and names a group of many that no one party is:
// a wideNouns noun, or a noun that "other" sets apart from those already
// named ("appealed to other neighbours", "other partners"). Then the
// addressee is said, and neither the story's other party nor the object
// of a first conjunct stands in for it (round 35).
func (st *sentence) wideAddressee(i int, paths []Path) bool {
	for _, p := range paths {
		for _, t := range st.walk(i, p) {
			if st.mention[t] >= 0 || st.s.Tokens[t].UPOS != ud.NOUN && st.s.Tokens[t].UPOS != ud.PRON {
				continue
			}
			if wideNouns[st.lemma(t)] || st.hasChild(t, "amod", "other") || st.hasChild(t, "det", "other") {
				return true
			}
		}
	}
	return false
}

// otherParty returns the story's other party for an act whose source or
// target the sentence leaves unsaid (a threat with no target, a passive
// with no agent): of the two parties the resolver gave the sentence, the
// one that is not the country of the side named (ms). note says which.
func (st *sentence) otherParty(ms []int, note string) (found, bool) {
	parties := st.storyParties()
	if len(parties) != 2 {
		return found{}, false
	}
	other := st.foreign(parties, ms)
	if len(other) != 1 {
		return found{}, false
	}
	return found{mentions: other, notes: []string{note}, conf: 0.6}, true
}

// bothSides returns the story's two parties when neither is among ms: an
// appeal from outside with no addressee ("called for an immediate
// ceasefire") is to both sides.
func (st *sentence) bothSides(ms []int) (found, bool) {
	parties := st.storyParties()
	if len(parties) != 2 || len(ms) == 0 {
		return found{}, false
	}
	other := st.foreign(parties, ms)
	if len(other) != 2 {
		return found{}, false
	}
	return found{mentions: other, notes: []string{"target left unsaid by an outside appeal: the story's two sides"}, conf: 0.5}, true
}

// verbalCooperation reports whether code is a statement, an intent, a
// consultation or diplomatic cooperation (roots 01, 03, 04, 05).
func verbalCooperation(code string) bool {
	return len(code) >= 2 && (code[:2] == "01" || code[:2] == "03" || code[:2] == "04" || code[:2] == "05")
}

// materialCooperation reports whether code is material cooperation or aid
// (roots 06, 07): "the Chinese side will provide a loan" gives it to the
// other side. (Yielding, 08, was tried as well: "the Kyrgyz side demanded
// from the Tajik side to remove …" then coded the removal as the Kyrgyz
// side's.)
func materialCooperation(code string) bool {
	return len(code) >= 2 && (code[:2] == "06" || code[:2] == "07")
}

// sides reports whether the mentions ms all name a party as a side ("the
// Qatari side"): a side is one of two, so what it says or does with no one
// named is toward the other ("The Qatari side confirmed its interest in
// expanding cooperation").
func (st *sentence) sides(ms []int) bool {
	for _, k := range ms {
		if !strings.EqualFold(st.ms[k].Role, "side") {
			return false
		}
	}
	return len(ms) > 0
}

// storyParties returns the implicit mentions of the story's parties the
// resolver gave the sentence.
func (st *sentence) storyParties() []int {
	var parties []int
	for k, m := range st.ms {
		if m.Method == actor.ImplicitParties {
			parties = append(parties, k)
		}
	}
	return parties
}

// place returns where the sentence says the act of predicate i happened:
// a phrase "in" or "at" a country, a region, a capital or a city on the
// predicate (or on the verb an event noun is the subject or object of:
// "talks were held in Astana"), with the country it is in when known.
// occasionNouns name what happens at a place, where the object of a verb
// may carry the verb's place: "held talks in Doha", "signed the agreement
// in Washington".
var occasionNouns = set("talk", "talks", "meeting", "summit", "negotiation", "consultation", "conference",
	"session", "ceremony", "signing", "visit", "dialogue", "forum", "round", "agreement", "deal", "treaty",
	"memorandum", "accord", "declaration", "statement", "communique", "contract", "document", "exercise", "drill")

func (st *sentence) place(i int, parties ...*actor.Mention) event.Actor {
	at := []int{i}
	if t := st.s.Tokens[i]; t.UPOS == ud.NOUN && t.Head > 0 {
		switch ud.BaseRel(t.Rel) {
		case "nsubj", "obj":
			at = append(at, t.Head-1)
		}
	} else if t.UPOS == ud.VERB {
		// "held talks at the Kremlin" with the place on the noun; not
		// a topic's place ("discussed the situation in Afghanistan")
		for _, c := range st.children[i] {
			if r := st.s.Tokens[c].Rel; (r == "obj" || r == "nsubj:pass") && occasionNouns[st.lemma(c)] {
				at = append(at, c)
			}
		}
	}
	// the parser often hangs the place on the nearest name instead ("met
	// Putin at the Kremlin" with "Kremlin" under "Putin")
	for _, m := range parties {
		for k := m.First; k >= 0 && k <= m.Last; k++ {
			at = append(at, k)
		}
	}
	for _, k := range at {
		for _, c := range st.children[k] {
			if r := ud.BaseRel(st.s.Tokens[c].Rel); r != "obl" && r != "nmod" || !st.hasCase(c, "in") && !st.hasCase(c, "at") {
				continue
			}
			if m := st.mention[c]; m >= 0 && slices.ContainsFunc(parties, func(p *actor.Mention) bool { return p == &st.ms[m] }) {
				continue // a party is not where it acts
			}
			if m := st.mention[c]; m >= 0 {
				mm := &st.ms[m]
				if mm.Method == actor.ByCapital || mm.Method == actor.ByMetonym || len(mm.Code) == 3 {
					a := actorOf(st.s, mm)
					a.Code, a.Name, a.ID = actorRoot(mm.Code), "", ""
					return a
				}
				continue
			}
			if a, ok := st.placeAt(c); ok {
				return a // a place the gazetteer knows: "in Kharkiv"
			}
			if st.s.Tokens[c].UPOS != ud.PROPN || timeWords[st.lemma(c)] {
				continue // "in November" is when
			}
			// a place the dictionaries do not know ("in Xiamen, China"):
			// its words, and the country beside it
			first, last := c, c
			for _, g := range st.children[c] {
				switch st.s.Tokens[g].Rel {
				case "compound", "flat":
					first, last = min(first, g), max(last, g)
				}
			}
			a := event.Actor{Start: st.s.Tokens[first].Span.Start, End: st.s.Tokens[last].Span.End}
			a.Text = st.s.Text[a.Start-st.s.Span.Start : a.End-st.s.Span.Start]
			for _, g := range st.children[c] {
				if m := st.mention[g]; m >= 0 && len(st.ms[m].Code) == 3 {
					a.Code = st.ms[m].Code
				}
			}
			return a
		}
	}
	return event.Actor{}
}

// dominates reports whether word k is word a or lies in a's subtree.
func (st *sentence) dominates(a, k int) bool {
	for n := 0; k >= 0 && n < len(st.s.Tokens); n++ {
		if k == a {
			return true
		}
		k = st.s.Tokens[k].Head - 1
	}
	return false
}

// streetProtest reports whether the protest at word i is one in the
// street, not a diplomat's ("informed of its firm protest"): it has a
// place ("in Kyrgyzstan", "in front of the embassy"), or is said to take
// place, or is a rally, march or picket by its word.
func (st *sentence) streetProtest(i int) bool {
	switch st.lemma(i) {
	case "rally", "demonstration", "march", "picket", "sit-in", "vigil":
		return true
	}
	if st.s.Tokens[i].UPOS == ud.NOUN && st.occurs(i) {
		return true
	}
	at := []int{i}
	if h := st.s.Tokens[i].Head - 1; h >= 0 && strings.HasPrefix(st.s.Tokens[i].Rel, "nsubj") {
		at = append(at, h) // "a protest was held in front of …"
	}
	for _, k := range at {
		for _, c := range st.children[k] {
			switch ud.BaseRel(st.s.Tokens[c].Rel) {
			case "obl", "nmod":
				for _, w := range []string{"in", "outside", "front", "at", "near", "across", "throughout", "opposite"} {
					if st.hasCase(c, w) {
						return true
					}
				}
			}
		}
	}
	return false
}

// occurVerbs say that an event took place: "the talks took place", "the
// signing ceremony was held", "the summit opened".
var occurVerbs = set("take", "hold", "begin", "start", "open", "end", "conclude", "continue", "last", "proceed",
	"kick", "close", "follow", "culminate", "result")

// occurs reports whether event noun i is said to have taken place: the
// subject of a verb of occurring.
func (st *sentence) occurs(i int) bool {
	r := st.s.Tokens[i].Rel
	h := st.s.Tokens[i].Head - 1
	return h >= 0 && (r == "nsubj" || r == "nsubj:pass") && occurVerbs[st.lemma(h)]
}

// leftSubject finds the subject of a finite verb the parser left without
// one ("[X and his counterpart Y] met on Monday" parsed with X as the
// root): the actors of the words before the verb back to the start of its
// clause, when those words hold no other verb.
func (st *sentence) leftSubject(i int) []int {
	t := st.s.Tokens[i]
	if t.UPOS != ud.VERB || st.passive(i) {
		return nil
	}
	switch t.XPOS {
	case "VBD", "VBZ", "VBP":
	case "VBN", "VB":
		// "have signed", "will meet": finite through an auxiliary
		finite := false
		for _, c := range st.children[i] {
			if st.s.Tokens[c].Rel == "aux" && st.lemma(c) != "to" {
				finite = true
			}
		}
		if !finite {
			return nil
		}
	default:
		return nil
	}
	for _, c := range st.children[i] {
		if r := ud.BaseRel(st.s.Tokens[c].Rel); r == "nsubj" || r == "csubj" || r == "expl" {
			return nil
		}
	}
	var out []int
	for j := i - 1; j >= 0; j-- {
		w := st.s.Tokens[j]
		if m := st.mention[j]; m >= 0 {
			// not a place or a phrase after a preposition ("In Astana, …")
			if st.ms[m].Method != actor.ByCapital && !st.inPrepPhrase(st.headOf(m)) {
				out = append(out, m)
				out = append(out, st.twins[m]...)
			}
			continue
		}
		switch {
		case w.UPOS == ud.VERB || w.UPOS == ud.AUX && w.Head-1 != i:
			// a relative clause set off by commas ("X, whose cabinet
			// leans towards Y, made …") is skipped
			if k := st.relativeStart(j); k >= 0 {
				j = k
				continue
			}
			return nil // another clause's verb: not this verb's subject
		case w.Form == ";" || w.Form == ":" || w.Form == "“" || w.Form == "”" || w.Form == "\"" || w.UPOS == ud.SCONJ:
			j = -1 // the clause starts after it
			continue
		}
	}
	return dedup(out)
}

// nameBeforeSubject returns the name that ends just before a subject
// with no actor of its own, as in "Organization of American States
// (OAS) trade ministers called for …" parsed with the name apart from
// "ministers": the words between (modifiers of the subject, a bracketed
// abbreviation) belong to it.
func (st *sentence) nameBeforeSubject(i int) []int {
	subj := -1
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "nsubj" {
			subj = c
		}
	}
	if subj < 0 || st.s.Tokens[subj].UPOS != ud.NOUN || len(st.actorsAt(subj, 0)) > 0 {
		return nil
	}
	first := subj
	for _, c := range st.children[subj] {
		first = min(first, c)
	}
	j := first - 1
	if j >= 0 && (st.s.Tokens[j].Form == ")" || st.s.Tokens[j].Form == "]") {
		for j >= 0 && st.s.Tokens[j].Form != "(" && st.s.Tokens[j].Form != "[" {
			j--
		}
		j--
	}
	if j < 0 {
		return nil
	}
	m := st.mention[j]
	if m < 0 || st.ms[m].Last != j || st.ms[m].Method == actor.ByCapital || st.inPrepPhrase(st.headOf(m)) {
		return nil
	}
	return append([]int{m}, st.twins[m]...)
}

// relativeStart returns the comma that opens a relative clause holding
// word j ("…, whose government has …", "…, who is …"), or -1.
func (st *sentence) relativeStart(j int) int {
	for k := j - 1; k >= 0 && k >= j-12; k-- {
		if st.s.Tokens[k].Form != "," {
			continue
		}
		if k+1 < len(st.s.Tokens) {
			switch st.lemma(k + 1) {
			case "who", "whose", "which", "whom", "where":
				return k
			}
		}
		return -1
	}
	return -1
}

// inPrepPhrase reports whether word j, or a noun it hangs on, opens with
// a preposition ("in Astana", "of the talks with Russia").
func (st *sentence) inPrepPhrase(j int) bool {
	for k := 0; k < 3 && j >= 0; k++ {
		for _, c := range st.children[j] {
			if st.s.Tokens[c].Rel == "case" && st.s.Tokens[c].UPOS == ud.ADP {
				return true
			}
		}
		switch ud.BaseRel(st.s.Tokens[j].Rel) {
		case "nmod", "appos", "conj":
			j = st.s.Tokens[j].Head - 1
		default:
			return false
		}
	}
	return false
}

// headOf returns the word of mention m that hangs outside it.
func (st *sentence) headOf(m int) int {
	mm := &st.ms[m]
	for k := max(mm.First, 0); k <= mm.Last && k < len(st.s.Tokens); k++ {
		if h := st.s.Tokens[k].Head - 1; h < mm.First || h > mm.Last {
			return k
		}
	}
	return max(mm.First, 0)
}

// negated says why predicate i is negated, or "".
func (st *sentence) negated(i int) string {
	for k := 0; k < 4 && i >= 0; k++ {
		for _, c := range st.children[i] {
			r := ud.BaseRel(st.s.Tokens[c].Rel)
			l := st.lemma(c)
			if (r == "advmod" || r == "det" || r == "neg") && negators[l] {
				return st.s.Tokens[c].Form
			}
			if r == "mark" && l == "without" {
				return "without"
			}
			// "had no plans to visit China", "has no intention of
			// meeting him": an intent had is denied; not a judgement
			// ("has no legal basis") (round 13)
			// "showed no willingness to deepen …", "signalled no
			// readiness to talk": the same intent shown as absent (round 29)
			if r == "obj" && (st.lemma(i) == "have" || intentShown[st.lemma(i)]) && (intentVerbs[l] || intentVerbs[strings.TrimSuffix(l, "s")] || interestWords[l] || l == "desire" || l == "wish") {
				for _, d := range st.children[c] {
					if ud.BaseRel(st.s.Tokens[d].Rel) == "det" && negators[st.lemma(d)] {
						return st.s.Tokens[d].Form
					}
				}
			}
			if r == "advmod" && l == "yet" && c < i && st.hasChild(i, "mark", "to") {
				return "yet to" // "is yet to sign", parsed with "yet" on the verb
			}
		}
		// "no plans to visit", "no intention of meeting": an act a
		// denied intent completes (round 13); the lemma is tried whole
		// too, as trimming its "s" spoils "willingness" (round 29)
		if h := st.s.Tokens[i].Head - 1; h >= 0 && ud.BaseRel(st.s.Tokens[i].Rel) == "acl" && (intentVerbs[st.lemma(h)] || intentVerbs[strings.TrimSuffix(st.lemma(h), "s")]) {
			for _, d := range st.children[h] {
				if ud.BaseRel(st.s.Tokens[d].Rel) == "det" && negators[st.lemma(d)] {
					return st.s.Tokens[d].Form
				}
			}
		}
		if ud.BaseRel(st.s.Tokens[i].Rel) != "xcomp" {
			return ""
		}
		h := st.s.Tokens[i].Head - 1
		if h >= 0 && failVerbs[st.lemma(h)] {
			return st.s.Tokens[h].Form
		}
		if h >= 0 && (st.lemma(h) == "have" || st.lemma(h) == "be") && st.hasChild(h, "advmod", "yet") {
			return "yet to" // "Washington has yet to respond", "is yet to sign"
		}
		i = h
	}
	return ""
}

// intentShown are the verbs that show or voice an intent as their object:
// with "no" on it the intent is denied ("showed no willingness to …").
var intentShown = set("show", "express", "voice", "signal", "demonstrate", "display", "indicate")

// enacted reports whether an intent word leaves the act done after all:
// a decision to act on another (decided to impose sanctions, to recall the
// ambassador) is the act, while a decision to cooperate is intent; and "I
// would like to thank you" is thanks, a speech act done in the saying.
func enacted(why, code, lemma string) bool {
	w := strings.ToLower(strings.TrimSuffix(why, " to"))
	switch {
	case strings.HasPrefix(w, "decide") || w == "decision":
		return len(code) >= 2 && code[:2] >= "06"
	case w == "would" || w == "like" || w == "want" || w == "wish" || w == "wants" || w == "wishes":
		return speechActs[lemma]
	}
	return false
}

// leavesBody reports whether pattern p on predicate i, only intended
// (why), is a government's announced plan to leave or quit an
// organisation ("Hungary will pull out of the ICC", "plans to withdraw
// from ECOWAS", "announced it would leave the OAS"): an announced plan is
// coded as the act (GUIDELINES rule 1), and with no condition and no
// threat word it is no threat (131). "threatened to leave", "would quit
// the bloc if …" stay threats.
func (st *sentence) leavesBody(i int, p *Pattern, why string) bool {
	if !p.Org || !strings.HasPrefix(p.Code, "16") {
		return false
	}
	return st.announced(i, why)
}

// announced reports whether predicate i, only intended (why), is an
// announced plan with no threat word, hedge or condition: "will leave",
// "would be expelled in response", not "threatened to", "could", "if …".
func (st *sentence) announced(i int, why string) bool {
	if threatWhy(why) {
		return false
	}
	switch strings.ToLower(strings.TrimSuffix(why, " to")) {
	case "vow", "vows", "vowed", "could", "might", "may":
		return false
	}
	if st.threatened(i) {
		return false
	}
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) != "advcl" {
			continue
		}
		for _, g := range st.children[c] {
			if st.s.Tokens[g].Rel == "mark" && conditionMarks[st.lemma(g)] {
				return false
			}
		}
	}
	return true
}

// speechActs are acts done by saying them.
var speechActs = set("thank", "congratulate", "express", "welcome", "praise", "commend", "note", "stress", "say",
	"emphasize", "emphasise", "convey", "extend", "offer", "apologize", "apologise", "greet", "salute", "assure", "reaffirm", "reiterate")

// habitual says why predicate i states a habit rather than one event
// ("regularly clash", "often meet"), or "".
func (st *sentence) habitual(i int) string {
	if why := st.aside(i); why != "" {
		return why
	}
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "advmod" {
			switch st.lemma(c) {
			case "regularly", "frequently", "often", "routinely", "usually", "constantly", "periodically", "occasionally", "repeatedly", "traditionally":
				return st.s.Tokens[c].Form
			}
		}
	}
	return st.standing(i)
}

// standing says why predicate i, in the simple present with no auxiliary,
// states a standing relation rather than an event of the day, or "": a
// habit named on its object ("holds regular exercises with", "holds annual
// consultations"), contacts kept ("maintains working contacts with"),
// trade carried on ("trades mostly with"), or what a country houses
// ("hosts a French base", "hosts a million refugees"), as against an event
// it hosts ("hosts a summit", the headline's present).
func (st *sentence) standing(i int) string {
	t := st.s.Tokens[i]
	if t.UPOS == ud.NOUN && t.Rel == "obj" && t.Head > 0 {
		// "maintains close contacts with Y": the contacts are the
		// verb's standing relation
		return st.standing(t.Head - 1)
	}
	if t.UPOS != ud.VERB || t.XPOS != "VBZ" && t.XPOS != "VBP" || st.headline() {
		return ""
	}
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "aux" {
			return ""
		}
	}
	obj := -1
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "obj" {
			obj = c
		}
	}
	if obj >= 0 {
		for _, c := range st.children[obj] {
			if st.s.Tokens[c].Rel == "amod" && habitWords[st.lemma(c)] {
				return st.s.Tokens[c].Form + " " + st.s.Tokens[obj].Form
			}
		}
	}
	switch st.lemma(i) {
	case "maintain", "trade":
		return "a standing relation in the present"
	case "host":
		if obj >= 0 && housedWords[st.lemma(obj)] {
			return "what a country houses"
		}
	}
	return ""
}

// headline reports whether the sentence is a headline, with no closing
// stop: its simple present tells the day's news ("Uzbekistan holds annual
// drills with Kazakh troops").
func (st *sentence) headline() bool {
	n := len(st.s.Tokens)
	if n == 0 {
		return false
	}
	switch st.s.Tokens[n-1].Form {
	case ".", "!", "?", "\"", "”", "'", "’", ")":
		return false
	}
	return true
}

// habitWords, on an object, make its act a habit: "regular exercises",
// "annual consultations".
var habitWords = set("regular", "annual", "routine", "periodic", "frequent", "weekly", "monthly", "yearly", "biannual",
	"biennial", "customary", "traditional", "recurring")

// housedWords are what a country hosts for good rather than for a day.
var housedWords = set("base", "bases", "facility", "facilities", "refugee", "refugees", "population", "community",
	"diaspora", "headquarters", "minority", "garrison", "contingent", "troops", "troop", "forces", "force",
	"deployment", "station", "installation", "installations", "migrants", "migrant")

// tellingFrame reports whether predicate i is a verb of telling that
// frames a clause before it ("Y will invest in Z, X told Y"): what is told
// is the news, coded from the clause; the telling is no event of its own,
// as with "X told Y that …".
func (st *sentence) tellingFrame(i int) bool {
	t := st.s.Tokens[i]
	if t.Head == 0 || t.Head-1 > i {
		return false
	}
	switch t.Rel {
	case "parataxis":
	case "conj":
		// a conjunct with no "and" before it is the frame the parser
		// took for one
		for _, c := range st.children[i] {
			if ud.BaseRel(st.s.Tokens[c].Rel) == "cc" {
				return false
			}
		}
	default:
		return false
	}
	switch st.lemma(i) {
	case "tell", "inform", "brief", "assure", "reassure", "notify":
		return true
	}
	return false
}

// toldAbout reports whether predicate i is a verb of telling with its
// content in an on-, about- or of-phrase ("briefed Y on the talks",
// "informed Y about the decision", "told Y of the plan"), on the verb or
// on the one told; a date ("on Friday") is no content.
func (st *sentence) toldAbout(i int) bool {
	switch st.lemma(i) {
	case "tell", "inform", "brief", "notify", "apprise", "update":
	default:
		return false
	}
	near := st.children[i]
	for _, c := range st.children[i] {
		if r := st.s.Tokens[c].Rel; r == "obj" || r == "iobj" {
			near = append(near[:len(near):len(near)], st.children[c]...)
		}
	}
	for _, c := range near {
		if r := ud.BaseRel(st.s.Tokens[c].Rel); r != "obl" && r != "nmod" || timeWords[st.lemma(c)] {
			continue
		}
		if st.hasCase(c, "of") && st.s.Tokens[c].UPOS != ud.PROPN && !slices.Contains(st.children[i], c) {
			// "told the ambassador of the decision" hung on the noun,
			// but not "the ambassador of Japan"
			return true
		}
		if st.hasCase(c, "on") || st.hasCase(c, "about") || st.hasCase(c, "regarding") || st.hasCase(c, "of") && slices.Contains(st.children[i], c) {
			return true
		}
	}
	return false
}

// aside says why predicate i is a standing fact told in passing, or "": a
// relative clause set off by commas in the present or the present perfect
// ("Jordan, which has been hosting refugees for years, accused …",
// "Mauritania, which hosts thousands of refugees, …"): background to the
// sentence's news, not an event of the day.
func (st *sentence) aside(i int) string {
	t := st.s.Tokens[i]
	if t.UPOS != ud.VERB || t.Rel != "acl:relcl" || t.Head == 0 {
		return ""
	}
	first, comma := i, false
	for _, c := range st.children[i] {
		if c < first {
			first = c
		}
		comma = comma || c < i && st.s.Tokens[c].Form == ","
	}
	if !comma && (first == 0 || st.s.Tokens[first-1].Form != ",") {
		return ""
	}
	perfect := false
	for _, c := range st.children[i] {
		if u := st.s.Tokens[c]; ud.BaseRel(u.Rel) == "aux" {
			switch strings.ToLower(u.Form) {
			case "has", "have":
				perfect = true
			case "been":
				// "has been training" ("which is hosting the
				// forum this week" may be the day's news)
			default:
				return "" // "which will host", "who had met"
			}
		}
	}
	if perfect || t.XPOS == "VBZ" || t.XPOS == "VBP" {
		return "a relative clause in passing, in the present"
	}
	// In the past, on the sentence's subject and with no day of its own
	// ("the United States, which brokered the accord, urged …", "the
	// envoy, who travelled to Kabul twice in the past year, said …"):
	// the subject's record, told as background to the day's act. A
	// day in the clause makes it news ("the president, who arrived on
	// Monday, held talks …"), and so does "later" or "then".
	if t.XPOS == "VBD" {
		if a := t.Head - 1; ud.BaseRel(st.s.Tokens[a].Rel) == "nsubj" && !st.dayTimed(i) {
			return "a relative clause in passing, in the past, on the subject"
		}
	}
	return ""
}

// dayTimed reports whether the clause of predicate i names a day or a
// sequence of the story's days ("on Monday", "overnight", "later").
func (st *sentence) dayTimed(i int) bool {
	for _, c := range st.children[i] {
		if dayWords[st.lemma(c)] || timeWords[st.lemma(c)] {
			return true
		}
		switch ud.BaseRel(st.s.Tokens[c].Rel) {
		case "obl", "advmod", "obj", "nmod":
			for _, d := range st.children[c] {
				if dayWords[st.lemma(d)] || timeWords[st.lemma(d)] {
					return true
				}
			}
		}
	}
	return false
}

// dayWords date a clause within the story's days.
var dayWords = set("overnight", "later", "earlier", "then", "morning", "afternoon", "evening", "night", "week", "weekend",
	"hours", "hour", "minutes")

// mutualIntent reports whether an intent, as intended says it, is the
// schedule of a mutual act rather than one side's will: a modal on a
// meeting, a negotiation or a signing ("will meet", "would sign") or a
// schedule ("is expected to meet", "the upcoming talks"). A modal on an
// act of cooperation that is no meeting (code, the pattern's: ties,
// coordination, material help) is the subject's own intent ("Malaysia
// would cooperate with any U.S. request", "Seoul would coordinate closely
// with Washington"): the partner has said nothing (round 32).
func mutualIntent(why, code string) bool {
	w := strings.ToLower(strings.TrimSuffix(why, " to"))
	// a modal is an auxiliary, never followed by "to": "will to" is the
	// noun of one side's wish ("Japan's will to continue …", round 29)
	if modals[w] && !strings.HasSuffix(why, " to") {
		return !oneSideModal(code)
	}
	if plannedWords[w] {
		return true
	}
	switch w {
	case "scheduled", "expected", "set", "due", "going", "slated", "poised", "preparations", "ahead of", "is", "are":
		return true
	}
	return false
}

// oneSideModal reports whether an act of code under a modal is one side's
// intent: an intent to cooperate (03), diplomatic cooperation that is no
// signing or recognition (050-053, 055, 056) and material cooperation
// (06). Meetings, negotiations, signings, exchanges and the rest stay the
// schedule of a mutual act.
func oneSideModal(code string) bool {
	switch {
	case strings.HasPrefix(code, "03"), strings.HasPrefix(code, "06"):
		return true
	case strings.HasPrefix(code, "05"):
		return code != "057" && code != "054"
	}
	return false
}

// plannedWords mark an event noun as still to come: "the upcoming
// summit", "preparations for a summit", "ahead of the talks".
var plannedWords = set("upcoming", "planned", "next", "future", "forthcoming", "proposed", "scheduled", "expected",
	"prospective", "possible", "potential", "anticipated")

// firstWord returns the first word of the phrase of noun i: its
// leftmost dependent before it (a determiner, an adjective), or i.
func (st *sentence) firstWord(i int) int {
	f := i
	for _, c := range st.children[i] {
		if c < f && ud.BaseRel(st.s.Tokens[c].Rel) != "case" {
			f = c
		}
	}
	return f
}

// envoyVerbs call in an envoy, to protest through them.
var envoyVerbs = set("summon", "call", "invite", "convoke")

// envoyProtest reports whether predicate i is "protest" as the purpose of
// summoning an envoy ("summoned Croatia's ambassador to protest against
// Zagreb's decision"): the protest is the summons, no street protest.
func (st *sentence) envoyProtest(i int) bool {
	if st.lemma(i) != "protest" || st.s.Tokens[i].Head == 0 || !st.hasChild(i, "mark", "to") {
		return false
	}
	switch ud.BaseRel(st.s.Tokens[i].Rel) {
	case "advcl", "xcomp":
	default:
		return false
	}
	return envoyVerbs[st.lemma(st.s.Tokens[i].Head-1)]
}

// readyWords say a party stands ready for an act, which is so only
// intended: "open to talks", "ready for dialogue".
var readyWords = set("open", "ready", "willing", "prepared", "available")

// plannedVerbs put an event named by a noun in the future: "a meeting
// planned for May", "talks scheduled for Tuesday".
var plannedVerbs = set("plan", "schedule", "expect", "slate", "set")

// withinEnd are the prepositions that put a time at an event's end
// ("at the end of the meeting"), which says the event took place.
var withinEnd = set("at", "after", "towards", "toward", "near")

// preparingVerbs put the event a noun object names in the future: "are
// preparing a summit", "plan a visit".
var preparingVerbs = set("prepare", "plan", "schedule")

// intended says why predicate i is only intended, or "".
func (st *sentence) intended(i int) string {
	if t := st.s.Tokens[i]; t.UPOS == ud.NOUN || t.UPOS == ud.PROPN {
		for _, c := range st.children[i] {
			if r := ud.BaseRel(st.s.Tokens[c].Rel); (r == "amod" || r == "compound") && plannedWords[st.lemma(c)] {
				return st.s.Tokens[c].Form
			}
		}
		// "a meeting planned for next month", "talks scheduled for May";
		// "the summit is scheduled for May"
		for _, c := range st.children[i] {
			if u := st.s.Tokens[c]; ud.BaseRel(u.Rel) == "acl" && u.XPOS == "VBN" && plannedVerbs[st.lemma(c)] {
				return u.Form
			}
			if ud.BaseRel(st.s.Tokens[c].Rel) != "nmod" || c < i {
				continue
			}
			// hung on the last noun of its participants: "a meeting
			// of the two ministers planned for May" (or one below it:
			// "of the two countries' foreign ministers planned …")
			for _, d := range st.children[c] {
				if u := st.s.Tokens[d]; ud.BaseRel(u.Rel) == "acl" && u.XPOS == "VBN" && plannedVerbs[st.lemma(d)] && d > c {
					return u.Form
				}
				for _, e := range st.children[d] {
					if u := st.s.Tokens[e]; ud.BaseRel(u.Rel) == "acl" && u.XPOS == "VBN" && plannedVerbs[st.lemma(e)] && e > d && d > c {
						return u.Form
					}
				}
			}
		}
		if h := t.Head - 1; h >= 0 && t.Rel == "nsubj:pass" && plannedVerbs[st.lemma(h)] {
			return st.s.Tokens[h].Form
		}
		// "are preparing a summit", "planned a visit", "are arranging
		// talks": what is prepared has not yet taken place (round 18).
		// A finished arranging ("arranged the swap") may have taken
		// place, so only the arranging under way counts.
		if h := t.Head - 1; h >= 0 && t.Rel == "obj" && st.s.Tokens[h].UPOS == ud.VERB &&
			(preparingVerbs[st.lemma(h)] || st.lemma(h) == "arrange" && st.s.Tokens[h].XPOS == "VBG") {
			return st.s.Tokens[h].Form
		}
		// "preparations for a summit", "plans for talks", "ahead of the
		// visit": the noun hangs on a word of preparing
		if h := t.Head - 1; h >= 0 && (st.hasCase(i, "for") && (st.lemma(h) == "preparation" || st.lemma(h) == "plan" ||
			st.lemma(h) == "proposal" || st.lemma(h) == "invitation") || st.hasCase(i, "ahead")) {
			return st.s.Tokens[h].Form
		}
		// "remained open to talks with X", "is ready for talks": the
		// talks one is open or ready to are only intended, whether the
		// parser hung them on the adjective or on its verb (round 13)
		if h := t.Head - 1; h >= 0 && ud.BaseRel(t.Rel) == "obl" && (st.hasCase(i, "to") || st.hasCase(i, "for")) {
			if readyWords[st.lemma(h)] && st.s.Tokens[h].UPOS == ud.ADJ {
				return st.s.Tokens[h].Form
			}
			for _, c := range st.children[h] {
				if u := st.s.Tokens[c]; c < i && (u.Rel == "xcomp" || u.Rel == "acomp") && u.UPOS == ud.ADJ && readyWords[st.lemma(c)] {
					return u.Form
				}
			}
		}
		if st.hasCase(i, "ahead of") {
			return "ahead of"
		}
		// "ahead of" with "ahead" hung elsewhere: "… ahead of a meeting"
		if f := st.firstWord(i); f >= 2 && st.lemma(f-1) == "of" && st.lemma(f-2) == "ahead" {
			return "ahead of"
		}
		// "offered to host a new round of talks", "will hold talks":
		// the object of a verb only intended is only intended too; not
		// of one done by saying it ("would like to reiterate our
		// gratitude")
		if h := t.Head - 1; h >= 0 && t.Rel == "obj" && st.s.Tokens[h].UPOS == ud.VERB {
			if why := st.intended(h); why != "" && !enacted(why, "", st.lemma(h)) {
				return why
			}
		}
		// "to host a new round of talks": the talks of a round only
		// intended
		if h := t.Head - 1; h >= 0 && ud.BaseRel(t.Rel) == "nmod" && st.hasCase(i, "of") && st.s.Tokens[h].UPOS == ud.NOUN && st.s.Tokens[h].Rel == "obj" {
			if why := st.intended(h); why != "" {
				return why
			}
		}
	}
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "aux" && modals[st.lemma(c)] {
			return st.s.Tokens[c].Form
		}
		// a headline's infinitive: "Kazakhstan to intensify cooperation"
		if st.s.Tokens[i].Rel == "root" && st.s.Tokens[c].Rel == "mark" && st.lemma(c) == "to" && c < i {
			return "to"
		}
		// the same with the infinitive hung on the headline's subject,
		// made the root: "Azerbaijan to supply gas to Syria"
		if h := st.s.Tokens[i].Head - 1; h >= 0 && h < i && ud.BaseRel(st.s.Tokens[i].Rel) == "acl" && st.s.Tokens[h].Rel == "root" &&
			(st.s.Tokens[h].UPOS == ud.PROPN || st.s.Tokens[h].UPOS == ud.NOUN) && !st.hasRel(h, "cop") && !st.hasRel(h, "nsubj") && !st.hasRel(h, "expl") &&
			st.s.Tokens[c].Rel == "mark" && st.lemma(c) == "to" && c < i {
			// (not "It is a pleasure to welcome you": a clause, no headline)
			return "to"
		}
	}
	// "plans to open" read on the surface, whatever the tree: the word
	// before the infinitive's "to" is a verb or noun of intent. This keeps
	// intent when the tagger takes "plans" for a noun.
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "mark" && st.lemma(c) == "to" && c > 0 && c < i {
			if w := st.lemma(c - 1); intentVerbs[w] || intentVerbs[strings.TrimSuffix(w, "s")] {
				return st.s.Tokens[c-1].Form + " to"
			}
		}
	}
	// "plans to open", "a decision to establish": an infinitive completing
	// a noun of intent, or hanging on a verb of intent as advcl where the
	// parser did not make it xcomp.
	if r := st.s.Tokens[i].Rel; r == "acl" || r == "advcl" {
		h := st.s.Tokens[i].Head - 1
		if h >= 0 && intentVerbs[st.lemma(h)] && st.hasChild(i, "mark", "to") {
			return st.s.Tokens[h].Form + " to"
		}
	}
	// "will visit Astana to attend the summit": a purpose clause shares
	// the modality of the verb it serves; so does the next leg of a
	// journey with no subject of its own ("is due to tour Vietnam before
	// flying on to Phnom Penh", round 6).
	if st.s.Tokens[i].Rel == "advcl" && (st.hasChild(i, "mark", "to") ||
		(st.hasChild(i, "mark", "before") || st.hasChild(i, "mark", "after") || st.hasChild(i, "case", "before") || st.hasChild(i, "case", "after")) &&
			!st.hasRel(i, "nsubj") && !st.hasRel(i, "nsubj:pass")) {
		if h := st.s.Tokens[i].Head - 1; h >= 0 {
			if why := st.intended(h); why != "" {
				return why
			}
		}
	}
	// "is prepared to send troops" with the infinitive taken for the
	// adjective's clausal subject; "is interested in supplying gas"
	if h := st.s.Tokens[i].Head - 1; h >= 0 && (ud.BaseRel(st.s.Tokens[i].Rel) == "csubj" && st.hasChild(i, "mark", "to") ||
		interestWords[st.lemma(h)] && st.hasChild(i, "mark", "in")) && (intentVerbs[st.lemma(h)] || interestWords[st.lemma(h)]) {
		return st.s.Tokens[h].Form + " " + st.lemma(st.children[i][0])
	}
	if ud.BaseRel(st.s.Tokens[i].Rel) == "xcomp" {
		h := st.s.Tokens[i].Head - 1
		if h >= 0 && (intentVerbs[st.lemma(h)] || strings.EqualFold(st.s.Tokens[h].Form, "going")) {
			return st.s.Tokens[h].Form + " to"
		}
		if h >= 0 {
			if why := st.intended(h); why != "" {
				return why
			}
		}
	}
	// "was committed to a peaceful solution and to delivering aid": a
	// second complement with "to" and no subject of its own, hung on the
	// word of intent itself, is intended (round 11)
	if t := st.s.Tokens[i]; t.Rel == "conj" && t.Head > 0 && st.hasChild(i, "mark", "to") && !st.hasRel(i, "nsubj") && !st.hasRel(i, "nsubj:pass") {
		if h := t.Head - 1; intentVerbs[st.lemma(h)] {
			return st.s.Tokens[h].Form + " to"
		}
	}
	// "agreed to tighten its laws and to lift its embargo": a second
	// infinitive joined to an intended one, with no subject of its own,
	// is intended too (round 8)
	if t := st.s.Tokens[i]; t.Rel == "conj" && t.XPOS == "VB" && t.Head > 0 && !st.hasRel(i, "nsubj") && !st.hasRel(i, "nsubj:pass") {
		if h := t.Head - 1; st.s.Tokens[h].XPOS == "VB" && st.hasChild(h, "mark", "to") {
			if why := st.intended(h); why != "" {
				return why
			}
		}
	}
	return ""
}

// reported reports whether predicate i is the complement of a verb of
// speech: "X said Y attacked Z".
func (st *sentence) reported(i int) bool {
	if ud.BaseRel(st.s.Tokens[i].Rel) != "ccomp" {
		return false
	}
	h := st.s.Tokens[i].Head - 1
	return h >= 0 && speechVerbs[st.lemma(h)]
}

// promptedConjunct returns the one prompted when i is a bare infinitive
// the parser joined to a causative participle h rather than to the
// infinitive before it ("…, prompting Taipei to put its forces on alert
// and lodge a protest with Beijing": "lodge" as a conjunct of
// "prompting"): the second act is the one prompted's too, not the
// prompter's. Nil otherwise.
func (st *sentence) promptedConjunct(i, h int) []int {
	if st.s.Tokens[i].Rel != "conj" || st.s.Tokens[i].XPOS != "VB" || !causatives[st.lemma(h)] || st.s.Tokens[h].XPOS != "VBG" {
		return nil
	}
	first := false
	for _, c := range st.children[h] {
		if c < i && st.s.Tokens[c].XPOS == "VB" && st.hasChild(c, "mark", "to") {
			switch ud.BaseRel(st.s.Tokens[c].Rel) {
			case "xcomp", "advcl":
				first = true
			}
		}
	}
	if !first {
		return nil
	}
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel == "obj" {
			return st.actorsAt(c, 0)
		}
	}
	return nil
}

// causatives move another to act: "prompting X to …", "forcing X to …".
var causatives = set("prompt", "force", "compel", "spur", "push", "drive", "lead", "cause", "persuade", "move", "trigger", "provoke")

// judgeVerbs name what an act is ("calling it a provocation", "describing
// the move as hostile").
var judgeVerbs = set("call", "describe", "brand", "label", "term", "dub", "denounce", "condemn")

// vowVerbs answer a reported act ("said Iran had attacked its water systems,
// vowing to respond"): the reporter's, as judgements are.
var vowVerbs = set("vow", "warn", "threaten", "pledge", "promise")

// judgedClause returns, for a participle of judgement after a comma that
// the parser hung on a reported clause ("Seoul said Pyongyang had fired
// shells, calling it a provocation"; "… had seized a plant and arrested
// workers, calling the operation …"), the verb of saying that reports the
// clause: the judgement is the reporter's (round 7).
func (st *sentence) judgedClause(i int) (int, bool) {
	t := st.s.Tokens[i]
	if ud.BaseRel(t.Rel) != "advcl" || t.XPOS != "VBG" || i == 0 || st.s.Tokens[i-1].Form != "," || !judgeVerbs[st.lemma(i)] && !vowVerbs[st.lemma(i)] || t.Head == 0 {
		return -1, false
	}
	h := t.Head - 1
	if st.s.Tokens[h].Rel == "conj" && st.s.Tokens[h].Head > 0 {
		h = st.s.Tokens[h].Head - 1 // "had seized … and arrested …, calling"
	}
	if ud.BaseRel(st.s.Tokens[h].Rel) != "ccomp" || st.s.Tokens[h].Head == 0 || !speechVerbs[st.lemma(st.s.Tokens[h].Head-1)] {
		return -1, false
	}
	return st.s.Tokens[h].Head - 1, true
}

// judgedActor returns, for a criticism at a participle of judgement whose
// object names no one ("calling it a provocation", "calling the drills a
// threat") or a threat under a participle of vowing ("…, vowing to
// respond"), the doer of the act the participle follows: the subject of the
// verb it hangs on, when that is not the critic (round 7).
func (st *sentence) judgedActor(i int, src []int) (found, bool) {
	for k := 0; k < 2 && st.s.Tokens[i].Rel == "xcomp" && st.s.Tokens[i].Head > 0; k++ {
		i = st.s.Tokens[i].Head - 1 // "…, vowing to respond": the vow
	}
	t := st.s.Tokens[i]
	if f, ok := st.judgedMove(i, src); ok {
		return f, true
	}
	if ud.BaseRel(t.Rel) != "advcl" || t.XPOS != "VBG" || i == 0 || st.s.Tokens[i-1].Form != "," || !judgeVerbs[st.lemma(i)] && !vowVerbs[st.lemma(i)] || t.Head == 0 {
		return found{}, false
	}
	for _, c := range st.children[i] {
		if st.s.Tokens[c].Rel == "obj" && len(st.actorsAt(c, 0)) > 0 {
			return found{}, false // "calling Kyiv's strike …": the owner is named
		}
	}
	h := t.Head - 1
	if !speechVerbs[st.lemma(h)] {
		// "Venezuela rejected Guyana's decision …, calling it a
		// provocation": what the critic acted on is its object's
		// owner's
		if out := st.foreign(st.objectOwners(h), src); len(out) > 0 {
			if ms, _ := st.inherited(h, 0); len(st.foreign(ms, src)) == 0 {
				return found{mentions: out, notes: []string{"target: the owner of what " + st.s.Tokens[h].Form + " acted on"}, conf: 0.55}, true
			}
		}
	}
	if speechVerbs[st.lemma(h)] {
		// "Seoul said Pyongyang had fired shells, calling it …" with
		// the participle on the verb of saying: the act reported
		h = -1
		for _, c := range st.children[t.Head-1] {
			if ud.BaseRel(st.s.Tokens[c].Rel) == "ccomp" && st.s.Tokens[c].UPOS == ud.VERB {
				h = c
				break
			}
		}
		if h < 0 {
			return found{}, false
		}
	}
	ms, _ := st.inherited(h, 0)
	out := st.foreign(ms, src)
	if len(out) == 0 {
		return found{}, false
	}
	return found{mentions: out, notes: []string{"target: the doer of the act judged, " + st.s.Tokens[h].Form}, conf: 0.6}, true
}

// blameVerbs judge another party or its act in a clause of their own:
// what the same subject threatens next, with no party named, answers that
// party ("accused Israel of attacking its consulate and said it would
// take retaliatory measures").
var blameVerbs = set("accuse", "blame", "condemn", "denounce", "criticise", "criticize", "call", "describe", "brand",
	"label", "decry", "slam", "censure", "reject", "dismiss", "protest")

// answeredParty returns whom a threat with no target of its own answers:
// the verb that holds it (or the verb of saying it is reported by) is a
// conjunct of a verb of blame, whose object names the party ("accused
// Israel of …") or the act of one ("called the seizure of its assets by
// Belgium theft", "criticised the French parliament's resolution"). None
// of the threat's own sources counts.
func (st *sentence) answeredParty(i int, src []int) (found, bool) {
	for k := 0; k < 2; k++ {
		t := st.s.Tokens[i]
		if (ud.BaseRel(t.Rel) != "ccomp" && t.Rel != "xcomp") || t.Head == 0 {
			break
		}
		i = t.Head - 1 // "… and said it would retaliate": the saying
	}
	t := st.s.Tokens[i]
	if t.Rel != "conj" || t.Head == 0 {
		return found{}, false
	}
	if _, has := st.subjectOf(i); has {
		return found{}, false // a subject of its own: another party may speak
	}
	h := t.Head - 1
	if !blameVerbs[st.lemma(h)] || st.s.Tokens[h].UPOS != ud.VERB {
		return found{}, false
	}
	var out []int
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel == "obj" && st.mention[c] >= 0 {
			out = append(out, st.actorsAt(c, 0)...) // "accused Israel"
		}
	}
	if len(out) == 0 {
		out = st.objectOwners(h) // "denounced the expulsion … by Estonia"
	}
	if _, active := st.subjectOf(h); len(out) == 0 && active {
		for _, c := range st.children[h] {
			if ud.BaseRel(st.s.Tokens[c].Rel) == "obl" && st.hasCase(c, "by") {
				out = append(out, st.actorsAt(c, 0)...) // the same, "by" hung on the verb
			}
		}
	}
	if out = st.foreign(out, src); len(out) == 0 {
		return found{}, false
	}
	return found{mentions: dedup(out), notes: []string{"target: the party judged by " + st.s.Tokens[h].Form}, conf: 0.55}, true
}

// objectOwners returns the actors that own the object of verb h or
// act it by "by" ("rejected Guyana's decision", "condemned the strike by
// Israel"), not those of its other phrases.
func (st *sentence) objectOwners(h int) []int {
	var out []int
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel != "obj" {
			continue
		}
		for _, o := range st.children[c] {
			if r := st.s.Tokens[o].Rel; r == "nmod:poss" || ud.BaseRel(r) == "nmod" && st.hasCase(o, "by") {
				out = append(out, st.actorsAt(o, 0)...)
			}
		}
	}
	return out
}

// moveNouns take up the act of the clause before them: "…, a move Paris
// described as unjustified".
var moveNouns = set("move", "step", "decision", "action", "act", "measure")

// judgedMove returns, for a verb of judgement in a relative clause on a
// noun that takes up the act before it, set off by a comma ("Iran arrested
// a French tourist …, a move Paris described as unjustified"), the doer of
// the main clause's act when that is not the critic (round 8).
func (st *sentence) judgedMove(i int, src []int) (found, bool) {
	t := st.s.Tokens[i]
	if t.Rel != "acl:relcl" || !judgeVerbs[st.lemma(i)] || t.Head == 0 {
		return found{}, false
	}
	n := t.Head - 1
	if !moveNouns[st.lemma(n)] || n < 2 || st.s.Tokens[n-1].UPOS != ud.DET || st.s.Tokens[n-2].Form != "," {
		return found{}, false
	}
	v := -1
	for k, tok := range st.s.Tokens {
		if tok.Rel == "root" && tok.UPOS == ud.VERB && k < n {
			v = k
		}
	}
	if v < 0 {
		return found{}, false
	}
	if speechVerbs[st.lemma(v)] {
		// "X said Y had seized a ship, a move Z called piracy": the act reported
		w := -1
		for _, c := range st.children[v] {
			if ud.BaseRel(st.s.Tokens[c].Rel) == "ccomp" && st.s.Tokens[c].UPOS == ud.VERB && c < n {
				w = c
				break
			}
		}
		if w < 0 {
			return found{}, false
		}
		v = w
	}
	ms, _ := st.inherited(v, 0)
	out := st.foreign(ms, src)
	if len(out) == 0 {
		return found{}, false
	}
	return found{mentions: out, notes: []string{"target: the doer of the act the " + st.s.Tokens[n].Form + " takes up, " + st.s.Tokens[v].Form}, conf: 0.55}, true
}

var speechVerbs = set("say", "tell", "state", "announce", "report", "claim", "add", "note", "stress", "emphasize",
	"emphasise", "insist", "warn", "confirm", "declare", "write", "explain", "argue", "suggest", "believe", "think")

// Kinds of pair, the third number of what pairs returns.
const (
	directPair    = 0 // source to target as the pattern says
	symmetricPair = 1 // the reverse of a mutual act
	domesticPair  = 2 // an act inside one country: coded one-sided, the target noted
)

// oneSided is the target of an event whose text names none.
var oneSided = &actor.Mention{First: -1, Last: -1, Code: actor.NullCode}

// solo reports whether a code's acts stand without a target: protests and
// demonstrations (14), displays of force and mobilisation (15). Their
// events are coded one-sided when the text names no target.
// violent reports whether code is an act of force (18–20).
func violent(code string) bool {
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// cyber reports whether code is a cyberattack (176), which a reporter
// claims against its own networks as it claims an armed act against its
// own towns (round 6).
func cyber(code string) bool {
	return strings.HasPrefix(code, "176")
}

// victimReporter returns, for an act of force at predicate i whose target
// the clause leaves unnamed ("fired at a village", "struck power
// stations"), the one who reports it when i is the reported clause of a
// verb of saying or accusing and the reporter is of another country than
// the attacker: what one side says the other's forces hit is its own.
func (st *sentence) victimReporter(i int, src []int) (found, bool) {
	for k := 0; k < 2 && st.s.Tokens[i].Rel == "xcomp" && st.s.Tokens[i].Head > 0; k++ {
		i = st.s.Tokens[i].Head - 1 // "said hackers had tried to break into …"
	}
	t := st.s.Tokens[i]
	if ud.BaseRel(t.Rel) != "ccomp" || t.Head == 0 || !speechVerbs[st.lemma(t.Head-1)] {
		return found{}, false
	}
	rep, _ := st.subjectOf(t.Head - 1)
	var out []int
	for _, r := range rep {
		mine := false
		for _, a := range src {
			// (an armed group's act reported by its country's
			// government or army is at them: "Sudan's army said the RSF
			// shelled a camp")
			mine = mine || sameCountry(st.ms[r].Code, st.ms[a].Code) && armedGroup(st.ms[a].Code) == armedGroup(st.ms[r].Code)
		}
		if !mine && actor.IsCountryCode(st.ms[r].Code[:min(3, len(st.ms[r].Code))]) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return found{}, false
	}
	return found{mentions: out, notes: []string{"target left unsaid: the country reporting the attack"}, conf: 0.6}, true
}

// mediated returns the parties a mediation with no one named between
// ("offered to mediate", "will broker talks") is between: the story's
// parties the resolver gave the sentence, when two of them are other than
// the mediators.
func (st *sentence) mediated(src []int) (found, bool) {
	out := st.foreign(st.storyParties(), src)
	if len(out) < 2 {
		return found{}, false
	}
	return found{mentions: out, notes: []string{"mediation between the story's parties"}, conf: 0.5}, true
}

// allOwn reports whether every mention of tgt is of a country of src.
func (st *sentence) allOwn(tgt, src []int) bool {
	for _, t := range tgt {
		if !slices.ContainsFunc(src, func(s int) bool { return sameCountry(st.ms[s].Code, st.ms[t].Code) }) {
			return false
		}
	}
	return len(tgt) > 0
}

func solo(code string) bool {
	return strings.HasPrefix(code, "14") || strings.HasPrefix(code, "15")
}

// pairs returns the (source, target, kind) mention pairs of a match; the
// target is -1 for a one-sided event.
// A mutual act is coded both ways, done or scheduled ("will meet", "is
// expected to meet"); one side's decision or plan to do it ("decided to
// restore relations with X") is that side's only (oneWay).
func (st *sentence) pairs(p *Pattern, i int, src, tgt []int, oneWay bool) [][3]int {
	var out [][3]int
	add := func(a, b, sym int) {
		if st.ms[a].Method == actor.ByPlace {
			return // a place is only ever a target (place.go): no reverse pair of "fought around Uvira"
		}
		if a == b || st.ms[a].Code == st.ms[b].Code || selfDirected(st.ms[a].Code, st.ms[b].Code, p.Code) || toMedia(st.ms[b].Code, p.Code) {
			return
		}
		if !convenerLemmas[st.lemma(i)] && (st.ownGroup(a, b, p, true) || st.ownGroup(b, a, p, false)) {
			return // a member and its own group (GUIDELINES rule 3)
		}
		if domestic(st.ms[a].Code, st.ms[b].Code, p.Code) {
			// conflict inside one country stays as a one-sided event
			if len(p.Code) >= 2 && p.Code[:2] >= "09" && sym == 0 {
				out = append(out, [3]int{a, b, domesticPair})
			}
			return
		}
		out = append(out, [3]int{a, b, sym})
	}
	// A target that is a meeting of many (a group with a host) stands for
	// its host: the attendees met the host, not each other. A source group
	// with a host acting on an outside target acts as the group's members.
	if h := st.hubOf(tgt); h >= 0 && !st.sameGroup(src, tgt) && st.hostOnly(src, tgt, h) {
		// the host acting on the meeting ("the Secretary praised
		// the ministers") acts on its guests
		tgt = st.membersOf(tgt, h)
	} else if h := st.hubOf(tgt); h >= 0 && !st.sameGroup(src, tgt) {
		tgt = []int{h}
		src = st.withoutGroupOf(src, h)
	} else if h := st.hubOf(src); h >= 0 && len(tgt) > 0 && !st.sameGroup(src, tgt) && !st.namedOneByOne(src) {
		// a meeting's participants acting on others: toward the host
		// ("the ministers praised China") the members act, toward anyone
		// else (the guests named again, an outsider) the host does
		if st.holds(tgt, st.ms[h].Code) {
			src = st.membersOf(src, h)
		} else {
			src = []int{h}
		}
	}
	src, tgt = st.membersOverGroup(src), st.membersOverGroup(tgt)
	if len(tgt) == 0 && solo(p.Code) && !(p.Pair && len(src) >= 2) {
		for _, a := range src {
			out = append(out, [3]int{a, -1, 0})
		}
		return out
	}
	if p.Pair && (len(tgt) == 0 || slices.Equal(src, tgt)) || st.sameGroup(src, tgt) {
		// A meeting of many (GUIDELINES rule 3): the host or outside
		// partner is paired with each other party, both ways; the others
		// are never paired with each other, nor are four or more parties
		// when none is the host.
		if h := st.hubOf(src); h >= 0 {
			for _, x := range src {
				if x != h {
					add(h, x, 1)
					add(x, h, 1)
				}
			}
			return out
		}
		if st.parties(src) >= 4 {
			return nil
		}
		for x := range src {
			for y := range src {
				if x != y {
					add(src[x], src[y], 1)
				}
			}
		}
		return out
	}
	for _, a := range src {
		for _, b := range tgt {
			add(a, b, 0)
			if (p.Sym || p.Pair) && !oneWay {
				add(b, a, 1)
			}
		}
	}
	return out
}

// ownGroup reports whether mention m is a member of the group of mention g
// in an act that only makes m one of g's own (GUIDELINES rule 3: members of
// a meeting of many are never paired with their own group); source tells
// whether m is the act's source. With a region ("the Central Asian
// leaders"), a member's one-sided statement, intent or praise toward it
// (01, 03, 05; an appeal, 02, stays) is toward the region's other members,
// whom its name does not tell apart: "the Turkmen president praised the
// Central Asian leaders" pairs Turkmenistan with no one. A joint act (a
// meeting, a signing) stays, as does the region acting on a member
// ("African leaders sent messages of solidarity to Mozambique" are the
// others'). With an organisation, a
// member's part in the organisation's own meeting is no act between the two
// ("attended the SCO summit", "addressed a session of the CIS council"),
// but its host or chair, the convener, is paired with the group
// (convenerLemmas at the predicate, or the Hub of a meeting of many); a
// member's appeal to its organisation, criticism of it, exit from it, its
// praise, or a meeting with the organisation's officials outside such a
// meeting stay coded.
func (st *sentence) ownGroup(m, g int, p *Pattern, source bool) bool {
	code := p.Code
	if st.inGroup == nil || len(code) < 2 || st.ms[m].Hub || !st.inGroup(st.ms[m].Code, st.ms[g].Code) {
		// the host of a meeting of many (Hub) is paired with the
		// others even when it is one of the group (news-dev keys a
		// member hosting its group's summit with each other member)
		return false
	}
	root := code[:2]
	if actor.IsRegionCode(actorRoot(st.ms[g].Code)) {
		// a joint act (a meeting, a declaration signed) stays: a
		// member meeting its region's leaders, or signing with them,
		// is paired with them as their host or partner
		return source && !p.Sym && !p.Pair && (root == "01" || root == "03" || root == "05")
	}
	return (root == "01" || root == "03" || root == "04") && st.meetingOf(g)
}

// convenerLemmas are the predicates of who convenes a meeting: the host or chair
// of a meeting of many is paired with the group even when it is a member
// (GUIDELINES rule 3: "the convener … is paired with the group").
var convenerLemmas = set("host", "chair", "convene", "preside", "organize", "organise", "welcome", "receive")

// groupMeetings are the nouns of a group's own meeting or of the body of
// its members that meets ("the SCO summit", "the CSTO council").
var groupMeetings = set("summit", "meeting", "session", "council", "conference", "ministerial", "forum", "retreat", "assembly")

// meetingOf reports whether mention g names the group whose meeting the
// sentence tells of: its words hang, through at most three nouns, from a
// meeting's noun ("the summit of the Eurasian Economic Union", "a meeting
// of ASEAN foreign ministers", "Organization of Turkic States summit"),
// the nouns between it and the meeting plural.
func (st *sentence) meetingOf(g int) bool {
	if st.ms[g].First < 0 {
		return false
	}
	i := st.headOf(g)
	for k := 0; k < 3; k++ {
		switch ud.BaseRel(st.s.Tokens[i].Rel) {
		case "compound", "nmod", "flat", "appos", "amod":
		default:
			return false
		}
		h := st.s.Tokens[i].Head - 1
		if h < 0 || st.s.Tokens[h].UPOS != ud.NOUN && st.s.Tokens[h].UPOS != ud.PROPN {
			return false
		}
		if groupMeetings[st.lemma(h)] {
			return true
		}
		if x := st.s.Tokens[h].XPOS; x != "NNS" && x != "NNPS" {
			// only the members' plural ("ASEAN foreign ministers")
			// stands between a group and its meeting; an official
			// ("CIS Executive Secretary Sergey Lebedev") meets for
			// the organisation
			return false
		}
		i = h
	}
	return false
}

// sameGroup reports whether source and target are the same group phrase
// taken up twice ("both presidents vowed to widen their partnership"):
// the act runs among its members.
func (st *sentence) sameGroup(src, tgt []int) bool {
	if len(src) == 0 || len(tgt) == 0 {
		return false
	}
	g := st.ms[src[0]].Group
	if g == 0 {
		return false
	}
	for _, m := range append(append([]int(nil), src...), tgt...) {
		if st.ms[m].Group != g {
			return false
		}
	}
	return true
}

// toMedia reports whether a public statement (root 01) is made to news
// media ("told Reuters", "said to reporters"): the outlet carries the
// statement, it is no party to it.
func toMedia(target, code string) bool {
	return strings.HasPrefix(code, "01") && strings.HasSuffix(target, "MED")
}

// membersOverGroup drops a region's mention from a slot that also names
// two or more countries ("the five Central Asian countries — A, B, C …"):
// the news guidelines pair a partner with each member the text names, and
// with the group only when it names none.
func (st *sentence) membersOverGroup(ms []int) []int {
	regions, countries := 0, 0
	for _, m := range ms {
		switch c := st.ms[m].Code; {
		case actor.IsRegionCode(actorRoot(c)):
			regions++
		case len(c) >= 3 && !isOrgCode(c):
			countries++
		}
	}
	if regions == 0 || countries < 2 {
		return ms
	}
	var out []int
	for _, m := range ms {
		if c := st.ms[m].Code; !actor.IsRegionCode(actorRoot(c)) {
			out = append(out, m)
		}
	}
	return out
}

// holds reports whether mentions ms include the country or organisation of
// code.
func (st *sentence) holds(ms []int, code string) bool {
	for _, m := range ms {
		if sameCountry(st.ms[m].Code, code) || st.ms[m].Code == code {
			return true
		}
	}
	return false
}

// hostOnly reports whether the source src is the host h of the meeting
// tgt names and none of its guests, in mentions of its own.
func (st *sentence) hostOnly(src, tgt []int, h int) bool {
	if !st.holds(src, st.ms[h].Code) {
		return false
	}
	for _, m := range src {
		if st.ms[m].Group != 0 {
			return false
		}
	}
	for _, g := range st.membersOf(tgt, h) {
		if st.holds(src, st.ms[g].Code) {
			return false
		}
	}
	return true
}

// membersOf returns the mentions of ms in h's group other than h.
func (st *sentence) membersOf(ms []int, h int) []int {
	var out []int
	for _, m := range ms {
		if m != h && st.ms[m].Group == st.ms[h].Group {
			out = append(out, m)
		}
	}
	return out
}

// withoutGroupOf drops from ms the members of h's group: they are the
// meeting h hosts, not its guests.
func (st *sentence) withoutGroupOf(ms []int, h int) []int {
	g := st.ms[h].Group
	var out []int
	for _, m := range ms {
		if g == 0 || st.ms[m].Group != g {
			out = append(out, m)
		}
	}
	return out
}

// namedOneByOne reports whether source mentions ms name two or more
// parties each by a name of its own ("France, Germany and Poland pledged
// to deliver …"), none of them a reference to a meeting's group ("the
// ministers"): each named party acts, even after a meeting of many whose
// host is among them (round 32).
func (st *sentence) namedOneByOne(ms []int) bool {
	for _, m := range ms {
		if st.ms[m].Group != 0 {
			return false
		}
	}
	return st.parties(ms) >= 2
}

// hubOf returns the mention among ms that a group reference marks as the
// host of a meeting of many, or -1. Two or three parties the sentence
// names itself have no hub: the host among them ("In a joint statement,
// the host, A and B promised …") is one of a trilateral act's parties,
// each paired with each and each acting (GUIDELINES rule 3).
func (st *sentence) hubOf(ms []int) int {
	if st.namedFew(ms) {
		return -1
	}
	for _, m := range ms {
		if st.ms[m].Hub {
			return m
		}
	}
	return -1
}

// namedFew reports whether ms are two or three parties, each named in
// the sentence (no group reference, no implicit party).
func (st *sentence) namedFew(ms []int) bool {
	if len(ms) < 2 {
		return false
	}
	for _, m := range ms {
		if st.ms[m].Group != 0 || st.ms[m].First < 0 {
			return false
		}
	}
	return st.parties(ms) <= 3
}

// parties counts the countries and organisations among mentions ms.
func (st *sentence) parties(ms []int) int {
	seen := map[string]bool{}
	for _, m := range ms {
		c := st.ms[m].Code
		if len(c) > 3 && !strings.HasPrefix(c, "IGO") {
			c = c[:3]
		}
		seen[c] = true
	}
	return len(seen)
}

// selfDirected reports whether a verbal-cooperation act (roots 01–05) runs
// from an actor to its own bare country ("KAZGOV" to "KAZ"): that is a
// statement about the country, not an interaction the text states.
// Domestic conflict ("imposed a curfew in Kathmandu", SYR against SYRCVL)
// is coded.
func selfDirected(a, b, code string) bool {
	if len(a) < 3 || len(b) != 3 || a[:3] != b || len(code) < 2 {
		return false
	}
	return code[:2] >= "01" && code[:2] <= "05"
}

// orgCodes3 are organisations whose codes have three letters, like a
// country's: isOrgCode cannot tell them apart by their form.
var orgCodes3 = set("ICC", "WHO", "WTO", "IMF", "SCO", "CIS", "OIC", "GCC", "ADB", "WFP", "ILO", "IOM", "IEA")

// orgsOnly keeps the mentions of organisations (an `org` pattern's
// target): "withdrew from ECOWAS", "left the ICC", never "withdrew from
// Syria".
func (st *sentence) orgsOnly(ms []int) []int {
	var out []int
	for _, m := range ms {
		if c := st.ms[m].Code; isOrgCode(c) || orgCodes3[c] || len(c) > 3 && orgCodes3[c[:3]] {
			out = append(out, m)
		}
	}
	return out
}

// bombWords name a bombing; by an armed group it is one of 183 (a bomb
// set off), not an air strike (195).
var bombWords = set("bomb", "bombing", "bombings", "firebomb")

// isOrgCode reports whether a code names an organisation rather than a
// country: IGO, NGO, MNC codes and short names longer than three letters
// or not built on a country (OSCE, SCO, WHO).
func isOrgCode(c string) bool {
	switch {
	case strings.HasPrefix(c, "IGO"), strings.HasPrefix(c, "NGO"), strings.HasPrefix(c, "MNC"), strings.HasPrefix(c, "IMG"):
		return true
	}
	return len(c) != 3 && len(c)%3 != 0
}

// domestic reports whether an act runs between two actors of one country
// (KAZGOV and KAZBUS, RUS and RUSGOV) and is not coded: the news
// guidelines leave out purely domestic events, except armed conflict
// between a government and an armed group (roots 18–20). Organisations
// and regions are not countries.
func domestic(a, b, code string) bool {
	if len(code) >= 2 && (isOrgCode(a) || isOrgCode(b)) && sameBody(a, b) {
		return true // the EU and the European Commission
	}
	if len(a) < 3 || len(b) < 3 || a[:3] != b[:3] || len(code) < 2 || isOrgCode(a) || isOrgCode(b) {
		return false
	}
	if armedGroup(a) || armedGroup(b) {
		return false // a government and an armed group at war: coded whatever the act
	}
	// (violence between two of one country's own, neither an armed
	// group, is as domestic: "guards … wounding three Iranian guards"
	// is no Iranian attack on Iran; round 15)
	return true
}

// armedGroup reports whether a code's roles name a non-state armed group:
// rebels, militias, separatists, insurgents.
func armedGroup(c string) bool {
	for i := 3; i+3 <= len(c); i += 3 {
		switch c[i : i+3] {
		case "REB", "UAF", "SEP", "INS":
			return true
		}
	}
	return false
}

// eventMarks open adverbial clauses that tell an event of their own,
// before, after or beside the main clause's, or its cause.
var eventMarks = set("after", "before", "since", "until", "when", "while", "as", "because", "although", "though", "once", "whereas")

// hasMarkIn reports whether word i has a mark among words.
func (st *sentence) hasMarkIn(i int, words map[string]bool) bool {
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "mark" && words[strings.ToLower(st.s.Tokens[c].Form)] {
			return true
		}
	}
	return false
}

// requested says which appeal governs predicate i, when what i states is
// only asked for: the infinitive of "urged X to withdraw", the noun of
// "called for talks", "an invitation to visit".
func (st *sentence) requested(i int) string {
	// An event noun under a verb that undoes it: "rejected talks".
	if st.s.Tokens[i].UPOS == ud.NOUN {
		if h := st.s.Tokens[i].Head - 1; h >= 0 && undoVerbs[st.lemma(h)] {
			// "rejected talks", "talks were suspended"; not "talks ended",
			// which says they took place.
			switch st.s.Tokens[i].Rel {
			case "obj", "nsubj:pass":
				return st.s.Tokens[h].Form
			}
		}
		// "an end to attacks": the noun hangs on "end".
		// Not "at the end of the meeting", "after the end of the talks":
		// a time within the event says it took place (round 18).
		if h := st.s.Tokens[i].Head - 1; h >= 0 && (st.lemma(h) == "end" || st.lemma(h) == "halt") && st.s.Tokens[h].UPOS == ud.NOUN &&
			!(st.lemma(h) == "end" && st.hasCase(i, "of") && st.hasCaseIn(h, withinEnd)) {
			return st.s.Tokens[h].Form
		}
	}
	// "warned Finland against deploying troops", "barred them from
	// entering": what a gerund after "against", or after "from" on a verb
	// of keeping from, names is what someone would stop
	if t := st.s.Tokens[i]; t.XPOS == "VBG" && t.Head > 0 {
		h := t.Head - 1
		if st.hasChild(i, "mark", "against") || st.hasChild(i, "case", "against") ||
			(st.hasChild(i, "mark", "from") || st.hasChild(i, "case", "from")) && keepFrom[st.lemma(h)] {
			return st.s.Tokens[h].Form
		}
	}
	// "thanked X for the invitation to visit", the infinitive hung on
	// the verb: the appeal noun just before "to" still governs it.
	if i >= 2 && st.s.Tokens[i].UPOS == ud.VERB && strings.EqualFold(st.s.Tokens[i-1].Form, "to") &&
		st.s.Tokens[i-2].UPOS == ud.NOUN && appeals[st.lemma(i-2)] {
		return st.s.Tokens[i-2].Form
	}
	if why := st.obliged(i); why != "" {
		return why
	}
	if why := st.rejectedOffer(i); why != "" {
		return why
	}
	if why := st.offeredHosting(i); why != "" {
		return why
	}
	for k := 0; k < 3; k++ {
		h := st.s.Tokens[i].Head - 1
		if h < 0 {
			return ""
		}
		if ud.BaseRel(st.s.Tokens[i].Rel) == "conj" && k < 2 && st.s.Tokens[h].UPOS == ud.VERB {
			// "called on partners to speed up deliveries and to
			// tighten sanctions": a conjunct is asked for with the
			// infinitive it joins
			i = h
			continue
		}
		switch ud.BaseRel(st.s.Tokens[i].Rel) {
		case "xcomp", "advcl", "acl", "obl", "obj", "ccomp":
		default:
			return ""
		}
		if ud.BaseRel(st.s.Tokens[i].Rel) == "advcl" && st.hasMarkIn(i, eventMarks) {
			// "Days after Russia shelled Kharkiv, Ukraine appealed to
			// Germany …": a clause of time or cause tells an event of its
			// own, which the appeal answers; it is not what is asked
			return ""
		}
		if k == 0 && st.channel(i) {
			// "in a joint statement, A and B called on Y to …": the
			// statement is how they appealed, not what they asked for
			return ""
		}
		if st.lemma(h) == "have" && st.s.Tokens[h].UPOS == ud.VERB && st.timeGiven(h) {
			// "Ankara had 72 hours to withdraw its troops": what a
			// deadline asks has not happened (round 6)
			return st.s.Tokens[h].Form
		}
		if appeals[st.lemma(h)] && !(st.lemma(h) == "want" && !st.hasRel(h, "obj") && !st.hasRel(h, "iobj")) {
			// ("wants X to leave" asks X; "wants to strengthen ties" is
			// the subject's own intent)
			return st.s.Tokens[h].Form
		}
		if directives[st.lemma(h)] && (st.hasRel(h, "obj") || st.hasRel(h, "iobj")) && ud.BaseRel(st.s.Tokens[i].Rel) == "xcomp" && !st.ordersOwn(h) {
			// "ordered Bolivia to close its consulate": the order is the
			// act; what Bolivia is told to do has not happened
			return st.s.Tokens[h].Form
		}
		// a purpose clause ("asked X to take measures to protect Y")
		// is asked for with the act it serves
		// ("go further by targeting exports": the means of an act asked
		// for is asked for too)
		if ud.BaseRel(st.s.Tokens[i].Rel) != "xcomp" && !(ud.BaseRel(st.s.Tokens[i].Rel) == "advcl" && (st.hasChild(i, "mark", "to") || st.hasChild(i, "mark", "by"))) {
			return ""
		}
		i = h
	}
	return ""
}

// channelNouns are the documents and utterances an appeal is made in.
var channelNouns = set("statement", "declaration", "communique", "communiqué", "letter", "message", "note",
	"resolution", "speech", "address", "interview", "post")

// channel reports whether noun i is the medium of the verb it hangs on ("in
// a joint statement", "in a letter"): an obl with "in" naming a document
// or an utterance.
func (st *sentence) channel(i int) bool {
	return st.s.Tokens[i].UPOS == ud.NOUN && ud.BaseRel(st.s.Tokens[i].Rel) == "obl" &&
		channelNouns[st.lemma(i)] && st.hasCase(i, "in")
}

// ownOrgans are the unnamed bodies of a state that its leaders order
// about: what "the army" or "the relevant ministries" are ordered to do is
// the state's own act, decided, not an appeal to another party.
var ownOrgans = set("army", "military", "government", "cabinet", "ministry", "ministries", "agency", "agencies",
	"force", "forces", "troops", "police", "navy", "authorities", "official", "officials", "department",
	"departments", "service", "services", "committee", "minister", "ministers", "governor", "governors",
	"embassy", "embassies", "diplomat", "diplomats", "ambassador", "envoy", "rescuer", "rescuers", "team", "teams")

// internalOrders are the directives (of directives) a government gives its
// own organs.
var internalOrders = set("order", "instruct", "direct")

// ordersOwn reports whether directive h orders its subject's own state
// about: its object is an unnamed organ ("instructed the army to send a
// convoy", "ordered the relevant ministries to evacuate citizens") or an
// actor of the subject's own country ("instructed the Foreign Ministry to
// summon the ambassador"). What such an order asks is the state's act;
// "ordered Bolivia to close its consulate" stays an order to another.
func (st *sentence) ordersOwn(h int) bool {
	if !internalOrders[st.lemma(h)] {
		return false
	}
	subj, _ := st.subjectOf(h)
	for _, c := range st.children[h] {
		if rel := st.s.Tokens[c].Rel; rel != "obj" && rel != "iobj" {
			continue
		}
		ms := st.actorsAt(c, 0)
		if len(ms) == 0 {
			return ownOrgans[st.lemma(c)]
		}
		for _, m := range ms {
			if !slices.ContainsFunc(subj, func(s int) bool { return sameCountry(st.ms[s].Code, st.ms[m].Code) }) {
				return false
			}
		}
		return true
	}
	return false
}

// timeUnits are the spans a deadline gives.
var timeUnits = set("hour", "day", "week", "month", "deadline")

// timeGiven reports whether verb h has a span of time or a deadline as its
// object ("had 72 hours", "has a week").
func (st *sentence) timeGiven(h int) bool {
	for _, c := range st.children[h] {
		if st.s.Tokens[c].Rel == "obj" && timeUnits[st.lemma(c)] {
			return true
		}
	}
	return false
}

// rejectionOf returns the rejection (12x) a refused cooperative act of
// code c is ("refused to hand over the suspects", 063 → 121), or "" when
// refusing it is no event (a statement, an act of force).
func rejectionOf(c string) string {
	if len(c) < 3 {
		return ""
	}
	switch {
	case c == "036" || c[:2] == "04":
		return "125" // a meeting, visit or negotiation refused
	case c == "057":
		return "127"
	case c[:3] == "054" || c[:3] == "055" || c[:3] == "056" || c[:2] == "03":
		return "120"
	case c[:3] == "061":
		return "1211"
	case c[:3] == "062":
		return "1212"
	case c[:2] == "06":
		return "121"
	case c[:2] == "07":
		return "122"
	case c[:2] == "08":
		switch c[:3] {
		case "081":
			return "1241"
		case "082":
			return "1242"
		case "083":
			return "123"
		case "084":
			return "1243"
		case "085":
			return "1244"
		case "086":
			return "1245"
		case "087":
			return "1246"
		}
		return "124"
	}
	return ""
}

// refusal reports whether predicate i, negated, is refused ("refused to",
// "declined to") rather than only not done ("did not"), or stated as a
// stance ("will not recognize a government that …", which the news
// guidelines leave uncoded).
func (st *sentence) refusal(i int) bool {
	for k := 0; k < 4 && i >= 0; k++ {
		if ud.BaseRel(st.s.Tokens[i].Rel) != "xcomp" {
			return false
		}
		h := st.s.Tokens[i].Head - 1
		if h >= 0 && (st.lemma(h) == "refuse" || st.lemma(h) == "decline") {
			return true
		}
		i = h
	}
	return false
}

// offerNouns name what one side puts to another for it to take up.
var offerNouns = set("offer", "proposal", "plan", "initiative", "invitation", "idea", "suggestion", "call", "bid")

// rejectedOffer returns the undoing verb when predicate i is what an offer
// or proposal that was rejected would have done ("rejected a Turkish offer
// to host new talks between Moscow and Kyiv": no talks intended), or "".
func (st *sentence) rejectedOffer(i int) string {
	for k := 0; k < 4; k++ {
		t := st.s.Tokens[i]
		h := t.Head - 1
		if h < 0 {
			return ""
		}
		switch ud.BaseRel(t.Rel) {
		case "obj", "xcomp", "acl", "advcl", "nmod":
		default:
			return ""
		}
		if ht := st.s.Tokens[h]; ht.UPOS == ud.NOUN && offerNouns[st.lemma(h)] && ht.Head > 0 {
			if g := ht.Head - 1; undoVerbs[st.lemma(g)] && (ht.Rel == "obj" || ht.Rel == "nsubj:pass") {
				return st.s.Tokens[g].Form
			}
			return ""
		}
		i = h
	}
	return ""
}

// hostVerbs name what a third party does to talks between others.
var hostVerbs = set("host", "facilitate", "convene", "organize", "organise", "arrange", "sponsor", "mediate", "broker")

// possibleModals make an act only possible.
var possibleModals = set("may", "might", "could")

// offerHeads offer or declare ready what they govern.
var offerHeads = set("offer", "propose", "volunteer", "ready", "willing", "prepared")

// offeredHosting returns the offering word when predicate i is talks
// between others that a third party only offers, or stands ready, to host
// or facilitate ("Switzerland offered to host talks between Armenia and
// Azerbaijan", "Qatar stands ready to facilitate a new round of talks
// between X and Y"): the offer is the third party's (039); the parties
// have intended nothing, or "".
func (st *sentence) offeredHosting(i int) string {
	var between func(n, depth int) bool // a "between" phrase on n or on its "of" phrase
	between = func(n, depth int) bool {
		for _, c := range st.children[n] {
			if ud.BaseRel(st.s.Tokens[c].Rel) != "nmod" {
				continue
			}
			if st.hasChild(c, "case", "between") || depth > 0 && between(c, depth-1) {
				return true
			}
		}
		return false
	}
	if st.s.Tokens[i].UPOS != ud.NOUN {
		return ""
	}
	n := i
	if h := st.s.Tokens[n].Head - 1; h >= 0 && st.s.Tokens[n].Rel == "nmod" && st.s.Tokens[h].UPOS == ud.NOUN {
		n = h // "a new round of talks between …": the round is hosted
	}
	if !between(i, 1) && !between(n, 1) {
		return ""
	}
	h := st.s.Tokens[n].Head - 1
	if h < 0 || st.s.Tokens[n].Rel != "obj" || !hostVerbs[st.lemma(h)] {
		return ""
	}
	for _, c := range st.children[h] {
		// "Egypt may host talks between …": a host only possible
		if ud.BaseRel(st.s.Tokens[c].Rel) == "aux" && possibleModals[st.lemma(c)] {
			return st.s.Tokens[c].Form + " " + st.s.Tokens[h].Form
		}
	}
	if ud.BaseRel(st.s.Tokens[h].Rel) != "xcomp" {
		return ""
	}
	if g := st.s.Tokens[h].Head - 1; g >= 0 && offerHeads[st.lemma(g)] {
		return st.s.Tokens[g].Form + " to " + st.s.Tokens[h].Form
	}
	return ""
}

// obligations are the modals of what someone must do.
var obligations = set("must", "should", "ought")

// obliged returns the modal when predicate i is what a speaker says another
// country must or should do ("Armenia said Azerbaijan must withdraw"): a
// demand of the speaker, not the other's act or intent. A speaker's own
// side ("said Kazakhstan must diversify") is left to the intent rules.
func (st *sentence) obliged(i int) string {
	t := st.s.Tokens[i]
	if ud.BaseRel(t.Rel) != "ccomp" || t.Head == 0 || !speechVerbs[st.lemma(t.Head-1)] {
		return ""
	}
	modal := ""
	for _, c := range st.children[i] {
		if ud.BaseRel(st.s.Tokens[c].Rel) == "aux" && obligations[st.lemma(c)] {
			modal = st.s.Tokens[c].Form
		}
	}
	if modal == "" {
		return ""
	}
	who, _ := st.subjectOf(i)
	speaker, _ := st.inherited(t.Head-1, 0)
	if len(who) == 0 || len(speaker) == 0 {
		return ""
	}
	for _, a := range who {
		for _, b := range speaker {
			if sameCountry(st.ms[a].Code, st.ms[b].Code) {
				return ""
			}
		}
	}
	return modal
}

// hasPoss reports whether noun i has an owner ("its mediation", "Qatar's
// mediation").
func (st *sentence) hasPoss(i int) bool {
	for _, c := range st.children[i] {
		if r := st.s.Tokens[c].Rel; r == "nmod:poss" || r == "det:poss" {
			return true
		}
	}
	return false
}

// timeWords are the words that date an event relative to its story.
var timeWords = set("yesterday", "today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec")

// isYear reports whether w is a year of the last two centuries ("1993",
// "2024").
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// draftNouns name the text of a document still being worked on or talked
// over: "the wording of a joint declaration", "a draft of the treaty".
var draftNouns = set("wording", "draft", "text", "language", "outline", "details", "terms", "content", "contents")

// draftOf reports whether noun i is what a draft noun is of ("differences
// on the wording of a joint declaration"): the document is talked over,
// not adopted.
func (st *sentence) draftOf(i int) bool {
	t := st.s.Tokens[i]
	h := t.Head - 1
	return h >= 0 && ud.BaseRel(t.Rel) == "nmod" && st.hasCase(i, "of") && draftNouns[st.lemma(h)] && !st.hasPoss(h)
}

// contractNouns name a document that binds its signers to acts to come.
var contractNouns = set("agreement", "deal", "contract", "memorandum", "memoranda", "mou", "accord", "pact", "treaty", "arrangement")

// signVerbs conclude a contract.
var signVerbs = set("sign", "conclude", "ink", "seal", "initial", "finalize", "finalise", "strike")

// leaveVerbs let the one they name act under a contract: "a deal that
// allows Azerbaijan to deliver gas".
var leaveVerbs = set("allow", "enable", "let", "permit", "entitle", "oblige", "require", "commit")

// contractOf returns the contract noun whose purpose predicate i states,
// or -1: "a contract to build a highway" (an infinitive on the noun), "a
// deal that allows X to deliver gas" (an infinitive under a relative
// clause's verb of leave), or an infinitive the parser hung on the verb
// of signing after the contract.
func (st *sentence) contractOf(i int) int {
	t := st.s.Tokens[i]
	h := t.Head - 1
	if h < 0 || !st.hasChild(i, "mark", "to") {
		return -1
	}
	switch {
	case t.Rel == "xcomp" && leaveVerbs[st.lemma(h)] && st.s.Tokens[h].Rel == "acl:relcl":
		h = st.s.Tokens[h].Head - 1
	case ud.BaseRel(t.Rel) == "advcl" && signVerbs[st.lemma(h)]:
		// "signed contracts to build two plants" with the infinitive
		// hung on the verb: the contract signed before it
		c := -1
		for _, k := range st.children[h] {
			if st.s.Tokens[k].Rel == "obj" && k < i && contractNouns[st.lemma(k)] {
				c = k
			}
		}
		h = c
	case t.Rel != "acl":
		return -1
	}
	if h < 0 || !contractNouns[st.lemma(h)] {
		return -1
	}
	return h
}

// signedContent reports whether predicate i is what a signed contract is
// for ("signed a contract to build a highway"): a promise the signing
// makes, not an act done; the signing itself is coded (057).
func (st *sentence) signedContent(i int) bool {
	n := st.contractOf(i)
	if n < 0 {
		return false
	}
	g := st.s.Tokens[n].Head - 1
	r := st.s.Tokens[n].Rel
	return g >= 0 && signVerbs[st.lemma(g)] && (r == "obj" || r == "nsubj:pass")
}

// docKindNouns name a kind of document by what follows "of": a
// "memorandum of understanding", a "letter of intent", a "protocol of
// intent".
var docKindNouns = set("memorandum", "memoranda", "memo", "letter", "protocol")

// docKindOf reports whether noun i completes a document's name ("signed
// memorandums of understanding between X and Y"): the signing is the act,
// and the noun is no understanding reached of its own (round 35).
func (st *sentence) docKindOf(i int) bool {
	t := st.s.Tokens[i]
	h := t.Head - 1
	return h >= 0 && ud.BaseRel(t.Rel) == "nmod" && st.hasCase(i, "of") && docKindNouns[st.lemma(h)] && !st.hasChild(i, "det", "the")
}

// yearDated reports whether word c is a date that names its year: "in
// 2024", "in January 2024".
func (st *sentence) yearDated(c int) bool {
	if isYear(st.s.Tokens[c].Form) {
		return st.hasCase(c, "in")
	}
	if !timeWords[st.lemma(c)] {
		return false
	}
	for _, d := range st.children[c] {
		if isYear(st.s.Tokens[d].Form) {
			return true
		}
	}
	return false
}

// agoUnits are the spans "ago" counts back in.
var agoUnits = set("day", "week", "month", "year", "decade", "century")

// agoSpan returns "N unit ago" for the word "ago" at c with its span
// ("32 years ago", "a week ago", "two decades ago"), or "".
func (st *sentence) agoSpan(c int) string {
	for _, d := range st.children[c] {
		if !agoUnits[st.lemma(d)] || st.s.Tokens[d].UPOS != ud.NOUN {
			continue
		}
		n := ""
		for _, e := range st.children[d] {
			if r := st.s.Tokens[e].Rel; r == "nummod" || r == "det" {
				n = st.s.Tokens[e].Form
			}
		}
		if n == "" {
			n = "a"
		}
		return n + " " + st.s.Tokens[d].Form + " " + st.s.Tokens[c].Form
	}
	return ""
}

// when returns the time expression attached to predicate i (or to the verb
// it hangs on): a weekday, "yesterday", or a month and day, with its
// words joined by spaces; "" when there is none.
func (st *sentence) when(i int) string {
	for k := 0; k < 2 && i >= 0; k++ {
		near := st.children[i]
		if st.s.Tokens[i].UPOS == ud.VERB {
			// "signed a treaty in October" with the date hung on the
			// object
			for _, c := range st.children[i] {
				if st.s.Tokens[c].Rel == "obj" {
					near = append(near[:len(near):len(near)], st.children[c]...)
				}
			}
			// "signed a deal with the region of Somaliland in January
			// 2024": a date with its year hung deeper on the object's
			// or an oblique's noun still dates the act (a place or a
			// party is not dated with a year)
			for _, c := range st.children[i] {
				if r := ud.BaseRel(st.s.Tokens[c].Rel); r != "obj" && r != "obl" {
					continue
				}
				for _, d := range st.children[c] {
					if ud.BaseRel(st.s.Tokens[d].Rel) != "nmod" {
						continue
					}
					for _, e := range st.children[d] {
						if ud.BaseRel(st.s.Tokens[e].Rel) == "nmod" && st.yearDated(e) {
							near = append(near[:len(near):len(near)], e)
						}
					}
				}
			}
		}
		for _, c := range near {
			switch ud.BaseRel(st.s.Tokens[c].Rel) {
			case "obl", "nmod", "advmod":
			default:
				continue
			}
			w := ""
			switch {
			case timeWords[st.lemma(c)]:
				w = st.s.Tokens[c].Form
				for _, d := range st.children[c] {
					if st.s.Tokens[d].UPOS == ud.NUM {
						w += " " + st.s.Tokens[d].Form
					}
				}
				if st.hasChild(c, "amod", "last") {
					w = "last " + w // "last August"
				}
			case st.lemma(c) == "year" && st.hasChild(c, "amod", "last"):
				w = "last year"
			case (st.lemma(c) == "year" || st.lemma(c) == "decade") && strings.HasSuffix(st.s.Tokens[c].Form, "s") &&
				(st.hasChild(c, "amod", "recent") || st.hasChild(c, "amod", "past") || st.hasChild(c, "amod", "previous")):
				w = "recent years" // "has expelled envoys in recent years": background
			case st.lemma(c) == "ago" && st.agoSpan(c) != "":
				w = st.agoSpan(c) // "two years ago", "a week ago"
			case isYear(st.s.Tokens[c].Form) && (st.hasCase(c, "in") || st.hasCase(c, "since") || st.hasCase(c, "during")):
				w = st.s.Tokens[c].Form // "in 2015"
			default:
				continue
			}
			if st.intended(i) != "" {
				w = "next " + w
			}
			return w
		}
		if st.s.Tokens[i].UPOS == ud.VERB {
			break
		}
		i = st.s.Tokens[i].Head - 1
	}
	return ""
}
