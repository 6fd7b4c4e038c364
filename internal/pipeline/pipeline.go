// Package pipeline wires farabi's stages: segmentation and tokenization,
// tagging and parsing, then actors, story-level references (package coref)
// and events. Each stage is a small interface declared here, so the
// pipeline runs with whichever stages it is given, or none. It is the only
// package that starts goroutines for processing.
//
// A story is coded as a stream: [Pipeline.CodeStream] cuts it into blocks
// (paragraphs, cut at 64 KB), codes a group of blocks at a time and hands
// the caller one [SentenceResult] per sentence (the parsed sentence, its
// actors, its events) as soon as its group is done, then returns a
// [Summary] of the story. What is kept from one group to the next is small
// (the dateline's country and a [coref.Story]), so memory depends on the
// longest block and the number of actors, not on the story's length:
//
//	sum, err := p.CodeStream(coding, &pipeline.Story{ID: id, Date: day, Text: text},
//		func(r *pipeline.SentenceResult) error {
//			for i := range r.Events {
//				save(&r.Events[i]) // stamped with the story's id and the sentence's index
//			}
//			return nil
//		})
//
// Many stories are best coded with a [Batch], which codes them a story per
// worker and hands their results to a [Sink] in the order they were added:
// each sentence, then the story's summary. [Pipeline.Code] collects a whole
// story into a [Result], for short texts and tests.
//
// Results never depend on the number of workers: the sentences of a group
// (in CodeStream) and the stories of a batch (in Batch) are spread over
// [Pipeline.Workers] goroutines, but the sink and the callbacks are called
// in order from the caller's goroutine.
package pipeline

import (
	"sync"
	"sync/atomic"

	"farabi/internal/segment"
	"farabi/internal/ud"
)

// Tagger fills the part of speech, the PTB tag and the lemma of each word.
type Tagger interface{ Tag(*ud.Sentence) }

// Parser fills the head and the relation of each word.
type Parser interface{ Parse(*ud.Sentence) }

// Pipeline turns raw text into parsed sentences. A nil Tagger or Parser
// skips that stage. A Pipeline is safe for concurrent use when its stages
// are.
type Pipeline struct {
	Splitter *segment.Splitter
	Tagger   Tagger
	Parser   Parser
	// Workers is how many goroutines tag, parse and code the sentences of
	// one story; 0 or 1 means the calling goroutine alone. Results do not
	// depend on it.
	Workers int
}

// New returns a pipeline with farabi's splitter and the given stages.
func New(tagger Tagger, parser Parser) *Pipeline {
	return &Pipeline{Splitter: segment.New(), Tagger: tagger, Parser: parser}
}

// Process splits, tokenizes, tags and parses text. Spans in the result are
// byte offsets into text.
func (p *Pipeline) Process(text string) []*ud.Sentence {
	sents := p.Splitter.Sentences(text)
	p.each(len(sents), func(i int) { p.Analyze(sents[i]) })
	return sents
}

// Stream splits, tokenizes, tags and parses text a group of blocks
// (paragraphs, cut at 64 KB) at a time, as [Pipeline.CodeStream] does, and
// calls f with each sentence in order, so memory stays bounded whatever the
// size of text. It stops at the first error f returns.
func (p *Pipeline) Stream(text string, f func(*ud.Sentence) error) error {
	return p.eachGroup(text, func(sents []*ud.Sentence) error {
		for _, s := range sents {
			if err := f(s); err != nil {
				return err
			}
		}
		return nil
	})
}

// each calls f(0) … f(n-1), on p.Workers goroutines when that is more than
// one. Each index is handled once; f must only touch its own index's data.
func (p *Pipeline) each(n int, f func(i int)) {
	w := min(p.Workers, n)
	if w <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	const chunk = 16
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					f(i)
				}
			}
		}()
	}
	wg.Wait()
}

// Analyze tags and parses a tokenized sentence.
func (p *Pipeline) Analyze(s *ud.Sentence) {
	if p.Tagger != nil {
		p.Tagger.Tag(s)
	}
	if p.Parser != nil {
		p.Parser.Parse(s)
	}
}
