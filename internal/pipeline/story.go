package pipeline

import (
	"time"

	"farabi/internal/actor"
	"farabi/internal/event"
	"farabi/internal/segment"
	"farabi/internal/ud"
)

// ActorFinder finds the actors of a sentence; *actor.Dictionary is one.
type ActorFinder interface {
	Find(*ud.Sentence, actor.Context) []actor.Mention
}

// DatelineReader reads a story's dateline country from its first sentence;
// *actor.Dictionary is one.
type DatelineReader interface {
	Dateline(*ud.Sentence) string
}

// Discarder says whether a sentence holds a discard phrase, and whether it
// takes the whole story out of scope; *actor.Dictionary is one.
type Discarder interface {
	Discarded(*ud.Sentence) (sentence, story bool)
}

// EventCoder codes the events of a sentence; *coder.Coder is one.
type EventCoder interface {
	Code(*ud.Sentence, []actor.Mention) []event.Event
}

// Resolver adds mentions that need the whole story (pronouns, definite
// descriptions); *coref.Resolver is one.
type Resolver interface {
	Resolve(sents []*ud.Sentence, ms [][]actor.Mention, country string)
}

// Story is one document to code.
type Story struct {
	ID   string
	Date time.Time // zero when unknown: actors take their latest roles
	Text string
}

// Result is what the pipeline made of a story.
type Result struct {
	Story     *Story
	Country   string // the dateline's country, or ""
	Sentences []*ud.Sentence
	Mentions  [][]actor.Mention // per sentence
	Events    []event.Event
}

// Coding is the part of a pipeline that goes from parsed sentences to
// events.
type Coding struct {
	Actors   ActorFinder
	Dateline DatelineReader // may be nil
	Discards Discarder      // may be nil
	Coref    Resolver       // may be nil
	Coder    EventCoder
	// Versions stamped on every event.
	CoderVersion, DictVersion, ModelVersion string
}

// Code runs the whole pipeline over a story.
func (p *Pipeline) Code(c *Coding, st *Story) *Result {
	r := &Result{Story: st, Sentences: p.Process(st.Text)}
	if c.Dateline != nil && len(r.Sentences) > 0 {
		r.Country = c.Dateline.Dateline(r.Sentences[0])
	}
	ctx := actor.Context{Date: st.Date, Country: r.Country}
	date := ""
	if !st.Date.IsZero() {
		date = st.Date.Format("2006-01-02")
	}
	r.Mentions = make([][]actor.Mention, len(r.Sentences))
	p.each(len(r.Sentences), func(i int) { r.Mentions[i] = c.Actors.Find(r.Sentences[i], ctx) })
	if len(r.Sentences) > 0 {
		r.Mentions[0] = dropDateline(r.Sentences[0], r.Mentions[0])
	}
	if c.Coref != nil {
		c.Coref.Resolve(r.Sentences, r.Mentions, r.Country)
	}
	if c.Coder == nil {
		return r
	}
	skip := make([]bool, len(r.Sentences))
	if c.Discards != nil {
		for i, s := range r.Sentences {
			sent, story := c.Discards.Discarded(s)
			if story {
				return r // out of scope: sports, weather, …
			}
			skip[i] = sent
		}
	}
	per := make([][]event.Event, len(r.Sentences))
	p.each(len(r.Sentences), func(i int) {
		if !skip[i] {
			per[i] = c.Coder.Code(r.Sentences[i], r.Mentions[i])
		}
	})
	for i, evs := range per {
		for _, ev := range evs {
			ev.Doc, ev.Sentence, ev.Date = st.ID, i, date
			if ev.When != "" && !st.Date.IsZero() {
				ev.Date = resolveWhen(ev.When, st.Date).Format("2006-01-02")
			}
			ev.CoderVersion, ev.DictVersion, ev.ModelVersion = c.CoderVersion, c.DictVersion, c.ModelVersion
			r.Events = append(r.Events, ev)
		}
	}
	return r
}

// dropDateline removes the mentions of a dateline ("BEIJING, May 17 (Xinhua)
// --", "ASTANA –"): the place and the agency that filed the story are not
// actors of its first sentence.
func dropDateline(s *ud.Sentence, ms []actor.Mention) []actor.Mention {
	dash := segment.DatelineEnd(s)
	if dash < 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if m.Last > dash {
			out = append(out, m)
		}
	}
	return out
}
