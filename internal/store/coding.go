package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/pipeline"
	"farabi/internal/ud"
)

// ContentHash is the content hash of an article's text: the hex SHA-256 of
// the text with runs of white space made one space and the ends trimmed, so
// the same story re-read with other line breaks is the same article.
func ContentHash(text string) string {
	h := sha256.New()
	space, started := false, false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		h.Write([]byte(string(r)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// QuoteFinder finds the quotations of a sentence; *coref.Resolver is one.
type QuoteFinder interface {
	Quotes(s *ud.Sentence, ms []actor.Mention) []coref.Quote
}

// CodingOf turns what the pipeline made of a story into the coding the
// store keeps: its events, the quotations qf finds (none when qf is nil)
// and every actor mention, stamped with v.
func CodingOf(r *pipeline.Result, qf QuoteFinder, v Versions) Coding {
	b := NewCodingBuilder(r.Story.Text, qf, v)
	for i, s := range r.Sentences {
		sr := &pipeline.SentenceResult{Story: r.Story, Index: i, Sentence: s}
		if i < len(r.Mentions) {
			sr.Mentions = r.Mentions[i]
		}
		for _, e := range r.Events {
			if e.Sentence == i {
				sr.Events = append(sr.Events, e)
			}
		}
		b.Add(sr)
	}
	return b.Coding()
}

// CodingBuilder gathers a story's coding a sentence at a time, as
// [pipeline.Pipeline.CodeStream] and a [pipeline.Batch]'s sink hand the
// sentences over, so a long story need not be held whole.
type CodingBuilder struct {
	c    Coding
	text string
	qf   QuoteFinder
}

// NewCodingBuilder starts the coding of a story of the given text; qf
// finds its quotations (none when nil) and v is stamped on the coding.
func NewCodingBuilder(text string, qf QuoteFinder, v Versions) *CodingBuilder {
	return &CodingBuilder{c: Coding{Versions: v}, text: text, qf: qf}
}

// Add adds a sentence's events, mentions and quotations.
func (b *CodingBuilder) Add(r *pipeline.SentenceResult) {
	b.c.Sentences++
	b.c.Events = append(b.c.Events, r.Events...)
	for _, m := range r.Mentions {
		b.c.Mentions = append(b.c.Mentions, Mention{Sentence: r.Index, Code: m.Code, ActorID: m.ActorID, Name: m.Name,
			Text: slice(b.text, m.Span.Start, m.Span.End), Start: m.Span.Start, End: m.Span.End,
			Role: m.Role, Method: string(m.Method), Confidence: m.Confidence})
	}
	if b.qf == nil || r.Sentence == nil {
		return
	}
	for _, q := range b.qf.Quotes(r.Sentence, r.Mentions) {
		out := Quote{Sentence: r.Index, Start: q.Span.Start, End: q.Span.End, Text: slice(b.text, q.Span.Start, q.Span.End)}
		if q.HasSpeaker {
			out.SpeakerCode, out.SpeakerName = q.Speaker.Code, q.Speaker.Name
			out.SpeakerStart, out.SpeakerEnd = q.Speaker.Span.Start, q.Speaker.Span.End
			out.SpeakerText = slice(b.text, q.Speaker.Span.Start, q.Speaker.Span.End)
		}
		b.c.Quotes = append(b.c.Quotes, out)
	}
}

// Coding returns the coding gathered so far.
func (b *CodingBuilder) Coding() Coding { return b.c }

// slice returns text[start:end], or "" when the range is not in text.
func slice(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	return strings.ToValidUTF8(text[start:end], "")
}
