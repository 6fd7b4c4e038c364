package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"farabi/internal/store"
)

// quoteStoreFlags are the flags of "farabi quotes" without FILEs, which
// reads the store.
type quoteStoreFlags struct {
	db, speaker, search, since, until, format, after *string
	limit                                            *int
}

func defineQuoteStoreFlags(fs *flag.FlagSet) *quoteStoreFlags {
	return &quoteStoreFlags{
		db:      dbFlag(fs),
		speaker: fs.String("speaker", "", "(store) quotes by this `ACTOR`: KAZ (every KAZ… code) or a full code"),
		search:  fs.String("search", "", "(store) quotes whose words match this full-text `query`"),
		since:   fs.String("since", "", "(store) quotes in articles published on or after this `day`"),
		until:   fs.String("until", "", "(store) … on or before this `day`"),
		format:  fs.String("format", "table", "(store) output: table, json (one object a line) or csv"),
		limit:   fs.Int("limit", 100, "(store) at most `N` quotes (0: all)"),
		after:   fs.String("after", "", "(store) continue after this `CURSOR`"),
	}
}

// set says whether any store-only flag was given.
func (q *quoteStoreFlags) set(fs *flag.FlagSet) bool {
	found := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "db", "speaker", "search", "since", "until", "format", "limit", "after":
			found = true
		}
	})
	return found
}

// quoteCSVHeader is the columns of "farabi quotes --format csv"; new
// columns are only ever appended.
var quoteCSVHeader = []string{"id", "article", "date", "speaker_code", "speaker", "quote", "start", "end", "url", "outlet"}

func storedQuotes(ctx context.Context, env *Env, q *quoteStoreFlags) error {
	switch *q.format {
	case "table", "json", "csv":
	default:
		return formatError(*q.format, "table", "json", "csv")
	}
	for _, d := range []string{*q.since, *q.until} {
		if _, err := parseDay(d); err != nil {
			return err
		}
	}
	s, err := openStore(ctx, env, *q.db)
	if err != nil {
		return err
	}
	defer s.Close()
	f := store.QuoteFilter{Speaker: strings.ToUpper(*q.speaker), Search: *q.search, Since: *q.since, Until: *q.until, After: *q.after}
	w := bufio.NewWriter(env.Stdout)
	var cw *csv.Writer
	switch *q.format {
	case "csv":
		cw = csv.NewWriter(w)
		cw.Write(quoteCSVHeader)
	case "table":
		fmt.Fprintf(w, "%-10s %-8s %s\n", "DATE", "SPEAKER", "QUOTE")
	}
	n := 0
	for {
		f.Limit = 10000
		if *q.limit > 0 {
			f.Limit = min(10000, *q.limit-n)
		}
		qs, next, err := s.Quotes(ctx, f)
		if err != nil {
			return err
		}
		for _, qt := range qs {
			n++
			switch *q.format {
			case "json":
				err = writeJSON(w, qt)
			case "csv":
				err = cw.Write([]string{strconv.FormatInt(qt.ID, 10), strconv.FormatInt(qt.ArticleID, 10), qt.Date, qt.SpeakerCode,
					qt.SpeakerText, qt.Text, strconv.Itoa(qt.Start), strconv.Itoa(qt.End), qt.URL, qt.Outlet})
			default:
				sp := qt.SpeakerCode
				if sp == "" {
					sp = "?"
				}
				_, err = fmt.Fprintf(w, "%-10s %s “%s”\n", qt.Date, pad(sp, 8), fit(qt.Text, 58))
			}
			if err != nil {
				return err
			}
		}
		if next == "" {
			break
		}
		if *q.limit > 0 && n >= *q.limit {
			fmt.Fprintf(env.Stderr, "more: farabi quotes … --after %s\n", next)
			break
		}
		f.After = next
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	}
	if n == 0 && *q.format == "table" {
		fmt.Fprintln(env.Stderr, "no quotes match")
	}
	return w.Flush()
}
