package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/engine"
	"farabi/internal/event"
	"farabi/internal/pipeline"
	"farabi/internal/problems"
)

func codeCommand() *Command {
	return &Command{
		Name:  "code",
		Usage: "code [--date YYYY-MM-DD] [--dict DIR|petrarch:DIR] [--format jsonl|tsv|plover] [--input text|jsonl] [FILE...]",
		Short: "code events in raw text, one story per file (stdin when no FILE)",
		Run:   runCode,
	}
}

func runCode(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "code")
	date, dictSpec := storyFlags(fs)
	format := fs.String("format", "jsonl", "output: jsonl, tsv or plover")
	input := fs.String("input", "text", "input: text (one story per file) or jsonl (records {id, date, text})")
	if err := fs.Parse(args); err != nil {
		return err
	}
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	w, err := newEventWriter(env.Stdout, *format)
	if err != nil {
		return err
	}
	eng, err := engine.Load(*dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	var rep problems.List
	// Stories are coded a batch at a time, one goroutine per story up to
	// the number of CPUs, and written in input order as they are done.
	batch := eng.Lang.NewBatch(eng.Coding, pipeline.SinkFuncs{SentenceFunc: func(r *pipeline.SentenceResult) error {
		for i := range r.Events {
			if err := w.write(&r.Events[i]); err != nil {
				return err
			}
		}
		return nil
	}})
	code := func(st *pipeline.Story) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return batch.Add(st)
	}
	switch *input {
	case "text":
		err = eachInput(env, fs.Args(), func(name, text string) error {
			return code(&pipeline.Story{ID: name, Date: day, Text: text})
		}, &rep)
	case "jsonl":
		// Records are read a line at a time: a file of JSON lines may be
		// any size, only a record is bounded (maxRecordBytes).
		err = eachFile(env, fs.Args(), &rep, func(in *source) error {
			return eachRecord(in, day, &rep, func(_ int, st *pipeline.Story, _ *record) error { return code(st) })
		})
	default:
		return usageError("--input must be text or jsonl, not %q", *input)
	}
	if berr := batch.Flush(); err == nil {
		err = berr
	}
	if ferr := w.flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	return rep.Err()
}

// eventJSON is the JSON shape of an event in farabi's output.
type eventJSON struct {
	Doc         string   `json:"doc"`
	Sentence    int      `json:"sentence"`
	Date        string   `json:"date,omitempty"`
	When        string   `json:"when,omitempty"`
	Source      string   `json:"source"`
	Target      string   `json:"target"`
	Code        string   `json:"code"`
	Root        string   `json:"root"`
	Plover      string   `json:"plover"`
	Mode        string   `json:"plover_mode,omitempty"`
	Context     string   `json:"plover_context,omitempty"`
	Quad        int      `json:"quad"`
	Goldstein   float64  `json:"goldstein"`
	Rule        string   `json:"rule"`
	Confidence  float64  `json:"confidence"`
	SourceText  string   `json:"source_text"`
	SourceName  string   `json:"source_name,omitempty"`
	SourceStart int      `json:"source_start"`
	SourceEnd   int      `json:"source_end"`
	TargetText  string   `json:"target_text"`
	TargetName  string   `json:"target_name,omitempty"`
	TargetStart int      `json:"target_start"`
	TargetEnd   int      `json:"target_end"`
	Predicate   string   `json:"predicate"`
	PredStart   int      `json:"predicate_start"`
	PredEnd     int      `json:"predicate_end"`
	Notes       []string `json:"notes,omitempty"`
	Text        string   `json:"sentence_text,omitempty"`
	Versions    string   `json:"versions,omitempty"`
}

func toJSON(ev *event.Event) eventJSON {
	return eventJSON{Doc: ev.Doc, Sentence: ev.Sentence, Date: ev.Date, When: ev.When, Source: ev.Source.Code, Target: ev.Target.Code,
		Code: ev.Code, Root: ev.Root, Plover: ev.Plover, Mode: ev.Mode, Context: ev.Context, Quad: ev.Quad,
		Goldstein: ev.Goldstein, Rule: ev.Rule, Confidence: ev.Confidence,
		SourceText: ev.Source.Text, SourceName: ev.Source.Name, SourceStart: ev.Source.Start, SourceEnd: ev.Source.End,
		TargetText: ev.Target.Text, TargetName: ev.Target.Name, TargetStart: ev.Target.Start, TargetEnd: ev.Target.End,
		Predicate: ev.Predicate, PredStart: ev.PredicateStart, PredEnd: ev.PredicateEnd, Notes: ev.Notes,
		Text:     ev.SentenceText,
		Versions: "coder " + ev.CoderVersion + ", dict " + ev.DictVersion + ", models " + ev.ModelVersion}
}

// ploverJSON is an event in the shape of PLOVER's JSON records.
type ploverJSON struct {
	ID        string  `json:"id"`
	Date      string  `json:"date,omitempty"`
	EventType string  `json:"event_type"`
	Mode      string  `json:"mode,omitempty"`
	Context   string  `json:"context,omitempty"`
	Actor     string  `json:"actor"`
	Recipient string  `json:"recipient"`
	ActorText string  `json:"actor_text"`
	RecText   string  `json:"recipient_text"`
	CAMEO     string  `json:"cameo"`
	Text      string  `json:"text,omitempty"`
	Conf      float64 `json:"confidence"`
}

type eventWriter struct {
	w      *bufio.Writer
	format string
	n      int
}

func newEventWriter(w io.Writer, format string) (*eventWriter, error) {
	switch format {
	case "jsonl", "tsv", "plover":
	default:
		return nil, usageError("--format must be jsonl, tsv or plover, not %q", format)
	}
	ew := &eventWriter{w: bufio.NewWriter(w), format: format}
	if format == "tsv" {
		fmt.Fprintln(ew.w, "doc\tsentence\tdate\tsource\ttarget\tcode\troot\tplover\tquad\tgoldstein\tconfidence\trule\tsource_text\ttarget_text\tpredicate")
	}
	return ew, nil
}

func (ew *eventWriter) write(ev *event.Event) error {
	ew.n++
	switch ew.format {
	case "tsv":
		_, err := fmt.Fprintf(ew.w, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%.3f\t%s\t%s\t%s\t%s\n", tsvField(ev.Doc), ev.Sentence, ev.Date,
			ev.Source.Code, ev.Target.Code, ev.Code, ev.Root, ev.Plover, ev.Quad, ev.Goldstein, ev.Confidence, ev.Rule,
			tsvField(ev.Source.Text), tsvField(ev.Target.Text), tsvField(ev.Predicate))
		return err
	case "plover":
		rec := ev.Target.Code
		if rec == actor.NullCode {
			rec = "" // a one-sided event has no recipient
		}
		return writeJSON(ew.w, ploverJSON{ID: fmt.Sprintf("%s-%d-%d", ev.Doc, ev.Sentence, ew.n), Date: ev.Date, EventType: ev.Plover,
			Mode: ev.Mode, Context: ev.Context, Actor: ev.Source.Code, Recipient: rec, ActorText: ev.Source.Text,
			RecText: ev.Target.Text, CAMEO: ev.Code, Text: ev.SentenceText, Conf: ev.Confidence})
	}
	return writeJSON(ew.w, toJSON(ev))
}

func (ew *eventWriter) flush() error { return ew.w.Flush() }

func writeJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}
