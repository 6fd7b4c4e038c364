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
	c := Coding{Sentences: len(r.Sentences), Versions: v, Events: r.Events}
	text := r.Story.Text
	for i, s := range r.Sentences {
		var ms []actor.Mention
		if i < len(r.Mentions) {
			ms = r.Mentions[i]
		}
		for _, m := range ms {
			c.Mentions = append(c.Mentions, Mention{Sentence: i, Code: m.Code, ActorID: m.ActorID, Name: m.Name,
				Text: slice(text, m.Span.Start, m.Span.End), Start: m.Span.Start, End: m.Span.End,
				Role: m.Role, Method: string(m.Method), Confidence: m.Confidence})
		}
		if qf == nil {
			continue
		}
		for _, q := range qf.Quotes(s, ms) {
			out := Quote{Sentence: i, Start: q.Span.Start, End: q.Span.End, Text: slice(text, q.Span.Start, q.Span.End)}
			if q.HasSpeaker {
				out.SpeakerCode, out.SpeakerName = q.Speaker.Code, q.Speaker.Name
				out.SpeakerStart, out.SpeakerEnd = q.Speaker.Span.Start, q.Speaker.Span.End
				out.SpeakerText = slice(text, q.Speaker.Span.Start, q.Speaker.Span.End)
			}
			c.Quotes = append(c.Quotes, out)
		}
	}
	return c
}

// slice returns text[start:end], or "" when the range is not in text.
func slice(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	return strings.ToValidUTF8(text[start:end], "")
}
