package cli

import (
	"context"

	"farabi/internal/engine"
	"farabi/internal/pipeline"
	"farabi/internal/problems"
)

func quotesCommand() *Command {
	return &Command{
		Name: "quotes",
		Usage: "quotes [--date YYYY-MM-DD] [--dict DIR|petrarch:DIR] FILE...\n" +
			"       farabi quotes [--db DB] [--speaker KAZ] [--search TEXT] [--since D] [--until D] [--format table|json|csv]",
		Short: "quotations with their speakers: from FILEs (one JSON object a line), or from the store without FILEs",
		Run:   runQuotes,
	}
}

// quoteJSON is one quotation in the output of "farabi quotes".
type quoteJSON struct {
	Doc          string `json:"doc"`
	Sentence     int    `json:"sentence"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Text         string `json:"text"`
	Speaker      string `json:"speaker,omitempty"`
	SpeakerCode  string `json:"speaker_code,omitempty"`
	SpeakerStart int    `json:"speaker_start,omitempty"`
	SpeakerEnd   int    `json:"speaker_end,omitempty"`
	// SpeakerVia says how the speaker was found: verb, according, colon,
	// turn, span (a quotation over sentences) or near (no attribution of
	// its own).
	SpeakerVia string `json:"speaker_via,omitempty"`
}

func runQuotes(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "quotes")
	date, dictSpec := storyFlags(fs)
	sf := defineQuoteStoreFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return storedQuotes(ctx, env, sf)
	}
	if sf.set(fs) {
		return usageError("--db, --speaker, --search, --since, --until, --format and --limit read the store: give no FILE")
	}
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	eng, err := engine.Load(*dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	var rep problems.List
	// Quotations need actors and references, not events.
	coding := &pipeline.Coding{Actors: eng.Coding.Actors, Dateline: eng.Coding.Dateline, Coref: eng.Coding.Coref}
	err = eachInput(env, fs.Args(), func(name, text string) error {
		_, err := eng.Lang.CodeStream(coding, &pipeline.Story{ID: name, Date: day, Text: text}, func(r *pipeline.SentenceResult) error {
			for _, q := range r.Quotes {
				out := quoteJSON{Doc: name, Sentence: r.Index, Start: q.Span.Start, End: q.Span.End, Text: text[q.Span.Start:q.Span.End]}
				if q.HasSpeaker {
					out.Speaker, out.SpeakerCode = text[q.Speaker.Span.Start:q.Speaker.Span.End], q.Speaker.Code
					out.SpeakerStart, out.SpeakerEnd = q.Speaker.Span.Start, q.Speaker.Span.End
					out.SpeakerVia = q.Via
				}
				if err := writeJSON(env.Stdout, out); err != nil {
					return err
				}
			}
			return ctx.Err()
		})
		return err
	}, &rep)
	if err != nil {
		return err
	}
	return rep.Err()
}
