package pipeline

import (
	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/event"
	"farabi/internal/ud"
)

// SentenceResult is what the pipeline made of one sentence of a story:
// the parsed sentence, its actors (with the story-level references of
// package coref) and its events. The pipeline keeps no reference to it
// once it is handed over: the receiver may keep it, change it or drop it.
type SentenceResult struct {
	Story    *Story
	Country  string // the story's dateline country, or "" (known from the first sentence on)
	Index    int    // the sentence's number in the story, from 0
	Sentence *ud.Sentence
	Mentions []actor.Mention
	// Places are the places the sentence names (actor.ByPlace), which
	// the coder takes after Mentions.
	Places []actor.Mention
	// Events are stamped with the story's id and date, the sentence's
	// index and the coding's versions, as in [Result.Events].
	Events []event.Event
	// Quotes are the sentence's quotations with their speakers, read with
	// the story (a quotation over several sentences, a transcript's turn)
	// when the coding has a resolver.
	Quotes []coref.Quote
}

// Summary is what remains to say of a story once all its sentences have
// been handed over.
type Summary struct {
	Story     *Story
	Country   string // the dateline's country, or ""
	Sentences int
	Events    int
	// OutOfScope is true when a story-level discard ("+TYPHOON" in a
	// PETRARCH discards file) matched: the story's sentences come with
	// their actors but no events.
	OutOfScope bool
}

// groupBytes is how much text CodeStream gathers, in whole blocks, before
// it codes: enough sentences to keep the workers busy, little enough that
// a group's parsed sentences take a few MB whatever the story's size.
const groupBytes = 32 << 10

// CodeStream codes a story a group of blocks (paragraphs, cut at 64 KB) at a
// time and calls f with each sentence's result, in order, as soon as its
// group is coded. Its memory depends on the longest block and the number of
// actors in the story, not on the story's length: what stays from one group
// to the next is the dateline's country and package coref's [coref.Story].
// The sentences of a group are tagged, parsed, searched for actors and
// coded on p.Workers goroutines; f is called from the calling goroutine.
//
// The results are those of [Pipeline.Code], sentence by sentence. When the
// coding's discards hold story-level ones, CodeStream first tokenizes the
// whole story to find out whether one matches, since that takes every
// sentence's events away.
//
// CodeStream stops at the first error f returns and returns it; the
// summary then counts the sentences handed over so far.
func (p *Pipeline) CodeStream(c *Coding, st *Story, f func(*SentenceResult) error) (*Summary, error) {
	sum := &Summary{Story: st}
	sum.OutOfScope = c.Coder != nil && p.storyDiscarded(c.Discards, st.Text)
	ctx := actor.Context{Date: st.Date}
	date := ""
	if !st.Date.IsZero() {
		date = st.Date.Format("2006-01-02")
	}
	var story *coref.Story
	err := p.eachGroup(st.Text, func(sents []*ud.Sentence) error {
		first := sum.Sentences == 0
		dl := -1 // the sentence that holds the dateline
		if first {
			if c.Dateline != nil {
				// a dateline opens the story, or its body after a
				// title line ("Title\n\nHANOI (AP) - …")
				for i := 0; i < len(sents) && i < 2 && sum.Country == ""; i++ {
					if sum.Country = c.Dateline.Dateline(sents[i]); sum.Country != "" {
						dl = i
					}
				}
			}
			ctx.Country = sum.Country
			if c.Coref != nil {
				story = c.Coref.NewStory(sum.Country)
				if !st.Date.IsZero() {
					story.SetDate(actor.DateOf(st.Date))
				}
				story.SetText(st.Text)
			}
		}
		ms := make([][]actor.Mention, len(sents))
		places := make([][]actor.Mention, len(sents))
		pf, withPlaces := c.Actors.(PlaceFinder)
		p.each(len(sents), func(i int) {
			if withPlaces {
				ms[i], places[i] = pf.FindPlaces(sents[i], ctx)
			} else {
				ms[i] = c.Actors.Find(sents[i], ctx)
			}
		})
		if first {
			ms[0] = dropDateline(sents[0], ms[0])
			places[0] = dropDateline(sents[0], places[0])
			if dl > 0 {
				ms[dl] = dropDateline(sents[dl], ms[dl])
				places[dl] = dropDateline(sents[dl], places[dl])
			}
		}
		var qs [][]coref.Quote
		if story != nil {
			story.SetVenues(places) // where a meeting of many is held tells its host
			story.Resolve(sents, ms)
			qs = story.Quotes(sents, ms)
			story.QuoteSpeakers(sents, ms, qs)
		}
		per := make([][]event.Event, len(sents))
		if c.Coder != nil && !sum.OutOfScope {
			p.each(len(sents), func(i int) {
				if c.Discards != nil {
					if skip, _ := c.Discards.Discarded(sents[i]); skip {
						return
					}
				}
				if sp := sents[i].Span; isCaption(lineAround(st.Text, sp.Start, sp.End)) {
					return // a photo caption: no news the story tells
				}
				per[i] = c.Coder.Code(sents[i], WithPlaces(ms[i], places[i]))
			})
		}
		for i, s := range sents {
			r := &SentenceResult{Story: st, Country: sum.Country, Index: sum.Sentences, Sentence: s, Mentions: ms[i], Places: places[i], Events: per[i]}
			if qs != nil {
				r.Quotes = qs[i]
			}
			kept := r.Events[:0]
			for _, ev := range r.Events {
				ev.Doc, ev.Sentence, ev.Date = st.ID, r.Index, date
				if ev.When != "" && !st.Date.IsZero() {
					d := resolveWhen(aheadWhen(ev.When, ev.Code, ev.Notes), st.Date)
					if background(d, st.Date) {
						continue // "met in Dushanbe in 2019": background, not news
					}
					ev.Date = d.Format("2006-01-02")
				}
				ev.CoderVersion, ev.DictVersion, ev.ModelVersion = c.CoderVersion, c.DictVersion, c.ModelVersion
				kept = append(kept, ev)
			}
			r.Events = kept
			sum.Sentences++
			sum.Events += len(r.Events)
			if err := f(r); err != nil {
				return err
			}
		}
		return nil
	})
	return sum, err
}

// eachGroup cuts text into groups of whole blocks of about groupBytes,
// tokenizes, tags and parses each group's sentences on the workers and
// calls f with them, in order. It stops at the first error f returns.
func (p *Pipeline) eachGroup(text string, f func([]*ud.Sentence) error) error {
	blocks := p.Splitter.Blocks(text)
	for len(blocks) > 0 {
		var sents []*ud.Sentence
		for size := 0; len(blocks) > 0 && size < groupBytes; blocks = blocks[1:] {
			sents = append(sents, p.Splitter.SentencesIn(text, blocks[0])...)
			size += blocks[0].Len()
		}
		if len(sents) == 0 {
			continue
		}
		p.each(len(sents), func(i int) { p.Analyze(sents[i]) })
		if err := f(sents); err != nil {
			return err
		}
	}
	return nil
}

// storyDiscards is implemented by a [Discarder] that can tell whether it
// has story-level discards at all; *actor.Dictionary does.
type storyDiscards interface{ HasStoryDiscards() bool }

// storyDiscarded reports whether a story-level discard matches a sentence
// of text. Discards match on word forms, so tokenizing is enough; the
// blocks are tokenized one at a time and dropped.
func (p *Pipeline) storyDiscarded(d Discarder, text string) bool {
	if d == nil {
		return false
	}
	if sd, ok := d.(storyDiscards); ok && !sd.HasStoryDiscards() {
		return false
	}
	for _, b := range p.Splitter.Blocks(text) {
		for _, s := range p.Splitter.SentencesIn(text, b) {
			if _, story := d.Discarded(s); story {
				return true
			}
		}
	}
	return false
}
