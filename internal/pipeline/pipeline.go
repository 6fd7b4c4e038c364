// Package pipeline wires farabi's language stages: segmentation and
// tokenization, then tagging and parsing. Each stage is a small interface
// declared here, so the pipeline runs with whichever tagger and parser it is
// given, or none.
package pipeline

import (
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
}

// New returns a pipeline with farabi's splitter and the given stages.
func New(tagger Tagger, parser Parser) *Pipeline {
	return &Pipeline{Splitter: segment.New(), Tagger: tagger, Parser: parser}
}

// Process splits, tokenizes, tags and parses text. Spans in the result are
// byte offsets into text.
func (p *Pipeline) Process(text string) []*ud.Sentence {
	sents := p.Splitter.Sentences(text)
	for _, s := range sents {
		p.Analyze(s)
	}
	return sents
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
