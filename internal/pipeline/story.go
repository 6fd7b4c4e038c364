package pipeline

import (
	"slices"
	"time"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/segment"
	"farabi/internal/ud"
)

// ActorFinder finds the actors of a sentence; *actor.Dictionary is one.
type ActorFinder interface {
	Find(*ud.Sentence, actor.Context) []actor.Mention
}

// PlaceFinder is an [ActorFinder] that also finds the places a sentence
// names (method actor.ByPlace), apart from its actors; *actor.Dictionary
// is one. The places go to the coder after the actors, not to coreference.
type PlaceFinder interface {
	FindPlaces(*ud.Sentence, actor.Context) (ms, places []actor.Mention)
}

// WithPlaces returns a sentence's mentions followed by its places, as the
// coder takes them, in a new slice when there are places.
func WithPlaces(ms, places []actor.Mention) []actor.Mention {
	if len(places) == 0 {
		return ms
	}
	return append(slices.Clip(ms), places...)
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

// Resolver starts the story-level state of package coref, which adds
// mentions that need what came before in the story (pronouns, definite
// descriptions); *coref.Resolver is one.
type Resolver interface {
	NewStory(country string) *coref.Story
}

// Story is one document to code.
type Story struct {
	ID   string
	Date time.Time // zero when unknown: actors take their latest roles
	Text string
}

// Result is what the pipeline made of a whole story; see [Pipeline.Code].
type Result struct {
	Story     *Story
	Country   string // the dateline's country, or ""
	Sentences []*ud.Sentence
	Mentions  [][]actor.Mention // per sentence
	Places    [][]actor.Mention // per sentence: the places it names
	Events    []event.Event
	Quotes    [][]coref.Quote // per sentence
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

// Code runs the whole pipeline over a story and returns all of it at once.
// It is [Pipeline.CodeStream] collecting every sentence: convenient for a
// short story, but its memory grows with the story's length.
func (p *Pipeline) Code(c *Coding, st *Story) *Result {
	r := &Result{Story: st}
	sum, _ := p.CodeStream(c, st, func(s *SentenceResult) error {
		r.Sentences = append(r.Sentences, s.Sentence)
		r.Mentions = append(r.Mentions, s.Mentions)
		r.Places = append(r.Places, s.Places)
		r.Events = append(r.Events, s.Events...)
		r.Quotes = append(r.Quotes, s.Quotes)
		return nil
	})
	r.Country = sum.Country
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
