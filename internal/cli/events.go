package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"farabi/internal/store"
)

func eventsCommand() *Command {
	return &Command{
		Name: "events",
		Usage: "events [--db DB] [--actor KAZ] [--partner CHN] [--since D] [--until D] [--root 04] [--code 042] [--quad N]\n" +
			"             [--all-mentions] [--format table|json|csv|tsv|plover] [--limit N] [--after CURSOR]",
		Short: "list stored events, one row per distinct event (date, source, target, code) unless --all-mentions",
		Run:   runEvents,
	}
}

func runEvents(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "events")
	db := dbFlag(fs)
	ef := defineEventFlags(fs)
	format := fs.String("format", "table", "output: table, json (one object a line), csv, tsv or plover (PLOVER JSON lines)")
	limit := fs.Int("limit", 100, "at most `N` events (0: all); the cursor for the next page goes to stderr")
	after := fs.String("after", "", "continue after this `CURSOR`, printed by the previous page")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	f, err := ef.filter()
	if err != nil {
		return err
	}
	f.After = *after
	w, err := newStoredEventWriter(env.Stdout, *format)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	more, err := eachEvent(ctx, s, f, *limit, w.write)
	if err != nil {
		return err
	}
	if err := w.flush(); err != nil {
		return err
	}
	if w.n == 0 && *format == "table" {
		fmt.Fprintln(env.Stderr, "no events match")
	}
	if more != "" {
		fmt.Fprintf(env.Stderr, "more: farabi events … --after %s\n", more)
	}
	return nil
}

// storedEventJSON is a stored event in the output of "farabi events
// --format json": the fields of "farabi code" and the store's.
type storedEventJSON struct {
	eventJSON
	ID         int64  `json:"id"`
	DistinctID int64  `json:"distinct_id"`
	Article    int64  `json:"article"`
	Mentions   int    `json:"mentions"`
	Stories    int    `json:"stories"`
	Outlets    int    `json:"outlets"`
	URL        string `json:"url,omitempty"`
	Outlet     string `json:"outlet,omitempty"`
	Title      string `json:"title,omitempty"`
}

// csvHeader is the columns of --format csv and tsv, in a fixed order that
// scripts can rely on; new columns are only ever appended.
var csvHeader = []string{"id", "distinct_id", "date", "source", "target", "code", "root", "quad", "goldstein",
	"mentions", "stories", "outlets", "confidence", "rule", "source_text", "target_text", "predicate",
	"article", "url", "outlet", "sentence", "sentence_text"}

func csvRow(e *store.Event) []string {
	f := strconv.FormatFloat
	return []string{strconv.FormatInt(e.ID, 10), strconv.FormatInt(e.DistinctID, 10), e.Date, e.Source.Code, e.Target.Code,
		e.Code, e.Root, strconv.Itoa(e.Quad), f(e.Goldstein, 'f', -1, 64), strconv.Itoa(e.Mentions), strconv.Itoa(e.Stories),
		strconv.Itoa(e.Outlets), f(e.Confidence, 'f', 3, 64), e.Rule, e.Source.Text, e.Target.Text, e.Predicate,
		strconv.FormatInt(e.ArticleID, 10), e.URL, e.Outlet, strconv.Itoa(e.Sentence), e.SentenceText}
}

// storedEventWriter writes stored events in one of the formats.
type storedEventWriter struct {
	w      *bufio.Writer
	csv    *csv.Writer
	format string
	n      int
}

func newStoredEventWriter(w io.Writer, format string) (*storedEventWriter, error) {
	sw := &storedEventWriter{w: bufio.NewWriter(w), format: format}
	switch format {
	case "table":
		fmt.Fprintf(sw.w, "%-10s %-8s %-8s %-4s %1s %5s %3s  %s\n", "DATE", "SOURCE", "TARGET", "CODE", "Q", "GOLD", "N", "EVIDENCE")
	case "csv":
		sw.csv = csv.NewWriter(sw.w)
		sw.csv.Write(csvHeader)
	case "tsv":
		fmt.Fprintln(sw.w, strings.Join(csvHeader, "\t"))
	case "json", "plover":
	default:
		return nil, formatError(format, "table", "json", "csv", "tsv", "plover")
	}
	return sw, nil
}

// The table fits 80 columns: 10+1+8+1+8+1+4+1+1+1+5+1+3+2 = 47, and 33 for
// the evidence (the predicate, then the sentence).
func (sw *storedEventWriter) write(e *store.Event) error {
	sw.n++
	switch sw.format {
	case "table":
		ev := e.Predicate
		if e.SentenceText != "" {
			ev += ": " + e.SentenceText
		}
		_, err := fmt.Fprintf(sw.w, "%-10s %s %s %-4s %1d %5.1f %3d  %s\n", e.Date, pad(e.Source.Code, 8), pad(e.Target.Code, 8),
			e.Code, e.Quad, e.Goldstein, e.Stories, fit(ev, 33))
		return err
	case "csv":
		return sw.csv.Write(csvRow(e))
	case "tsv":
		row := csvRow(e)
		for i := range row {
			row[i] = tsvField(row[i])
		}
		_, err := fmt.Fprintln(sw.w, strings.Join(row, "\t"))
		return err
	case "plover":
		return writeJSON(sw.w, ploverOf(e))
	}
	return writeJSON(sw.w, storedEventJSON{eventJSON: toJSON(&e.Event), ID: e.ID, DistinctID: e.DistinctID, Article: e.ArticleID,
		Mentions: e.Mentions, Stories: e.Stories, Outlets: e.Outlets, URL: e.URL, Outlet: e.Outlet, Title: e.Title})
}

// ploverOf is a stored event as a PLOVER record; its id is the distinct
// event's (or the mention's) and stable across runs of the same store.
func ploverOf(e *store.Event) ploverJSON {
	id := "farabi-" + strconv.FormatInt(e.DistinctID, 10)
	if e.DistinctID == 0 {
		id = "farabi-m" + strconv.FormatInt(e.ID, 10)
	}
	return ploverJSON{ID: id, Date: e.Date, EventType: e.Plover, Mode: e.Mode, Context: e.Context,
		Actor: e.Source.Code, Recipient: e.Target.Code, ActorText: e.Source.Text, RecText: e.Target.Text,
		CAMEO: e.Code, Text: e.SentenceText, Conf: e.Confidence}
}

func (sw *storedEventWriter) flush() error {
	if sw.csv != nil {
		sw.csv.Flush()
		if err := sw.csv.Error(); err != nil {
			return err
		}
	}
	return sw.w.Flush()
}
