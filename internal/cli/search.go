package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"farabi/internal/store"
)

func searchCommand() *Command {
	return &Command{
		Name:  "search",
		Usage: "search [--db DB] [--since D] [--until D] [--limit N] [--format table|json] TEXT...",
		Short: "full-text search over the stored articles (every word required; \"quoted phrases\")",
		Run:   runSearch,
	}
}

// hitJSON is one line of "farabi search --format json".
type hitJSON struct {
	ID        int64   `json:"id"`
	Published string  `json:"published"`
	Outlet    string  `json:"outlet,omitempty"`
	Title     string  `json:"title,omitempty"`
	URL       string  `json:"url,omitempty"`
	Source    string  `json:"source,omitempty"`
	Snippet   string  `json:"snippet"`
	Rank      float64 `json:"rank"`
}

func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "search")
	db := dbFlag(fs)
	since := fs.String("since", "", "articles published on or after this `day`")
	until := fs.String("until", "", "articles published on or before this `day`")
	limit := fs.Int("limit", 20, "at most `N` articles")
	format := fs.String("format", "table", "output: table or json (one object a line)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		return usageError("no search text")
	}
	if *format != "table" && *format != "json" {
		return formatError(*format, "table", "json")
	}
	for _, d := range []string{*since, *until} {
		if _, err := parseDay(d); err != nil {
			return err
		}
	}
	s, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	hits, err := s.Search(ctx, store.SearchQuery{Text: text, Since: *since, Until: *until, Limit: *limit})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	for _, h := range hits {
		a := h.Article
		if *format == "json" {
			if err := writeJSON(w, hitJSON{ID: a.ID, Published: a.Published, Outlet: a.Outlet, Title: a.Title, URL: a.URL,
				Source: a.Source, Snippet: h.Snippet, Rank: h.Rank}); err != nil {
				return err
			}
			continue
		}
		title := a.Title
		if title == "" {
			title = orName(a.URL, a.Source)
		}
		fmt.Fprintf(w, "%-10s %s %s\n", a.Published, pad(a.Outlet, 14), fit(title, 54))
		fmt.Fprintf(w, "%11s%s\n", "", fit(h.Snippet, 69))
	}
	if len(hits) == 0 && *format == "table" {
		fmt.Fprintln(env.Stderr, "no articles match")
	}
	return w.Flush()
}
