package coref

import (
	"farabi/internal/actor"
	"farabi/internal/ud"
)

// Quote is a quotation in a sentence with the actor who says it, when the
// sentence names one.
type Quote struct {
	Span       ud.Span // the words inside the quotation marks, offsets into the document
	Speaker    actor.Mention
	HasSpeaker bool
	Via        string // how the speaker was found: ViaVerb, ViaTurn …; "" when unknown
}

// Quotes returns the quotations of s ("“…,” Vassilenko said", "X said:
// “…”") with their speakers: the subject of a verb of speech outside the
// quotation marks, when it is an actor of ms.
func (r *Resolver) Quotes(s *ud.Sentence, ms []actor.Mention) []Quote {
	in := quoted(s)
	var out []Quote
	speaker, ok := r.speaker(s, ms)
	for i := 0; i < len(in); {
		if !in[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(in) && in[j+1] {
			j++
		}
		end := j
		if end > i && (s.Tokens[end].Form == "," || s.Tokens[end].Form == ":") {
			end-- // the comma before "he said" belongs to the frame
		}
		q := Quote{Span: ud.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[end].Span.End}}
		// A quotation of a word or two is a term, not speech: "a “promising
		// market”".
		if j-i >= 3 {
			q.Speaker, q.HasSpeaker = speaker, ok
			out = append(out, q)
		}
		i = j + 1
	}
	return out
}
