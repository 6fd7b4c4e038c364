// Package pipeline wires farabi's language stages: segmentation and
// tokenization, then tagging and parsing. Each stage is a small interface
// declared here, so the pipeline runs with whichever tagger and parser it is
// given, or none.
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

// Stream splits, tokenizes, tags and parses text a block (paragraph) at a
// time and calls f with each sentence in order, so memory stays bounded
// whatever the size of text. It stops at the first error f returns.
func (p *Pipeline) Stream(text string, f func(*ud.Sentence) error) error {
	for _, b := range p.Splitter.Blocks(text) {
		sents := p.Splitter.SentencesIn(text, b)
		p.each(len(sents), func(i int) { p.Analyze(sents[i]) })
		for _, s := range sents {
			if err := f(s); err != nil {
				return err
			}
		}
	}
	return nil
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
