package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"farabi/internal/demo"
	"farabi/internal/engine"
	"farabi/internal/event"
	"farabi/internal/pipeline"
	"farabi/internal/store"
)

func demoCommand() *Command {
	return &Command{
		Name:  "demo",
		Usage: "demo [--db DB]",
		Short: "code the embedded sample reports (illustrative, about Kazakhstan in 2025) into a store and show partners, codes and quotes",
		Run:   runDemo,
	}
}

// demoNames names the actor prefixes of the sample corpus for the demo's
// tables.
var demoNames = map[string]string{"KAZ": "Kazakhstan", "RUS": "Russia", "CHN": "China", "USA": "United States",
	"TUR": "Turkey", "UZB": "Uzbekistan", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan", "DEU": "Germany",
	"AZE": "Azerbaijan", "EUR": "Europe", "BEL": "Belgium", "IGO": "organisations", "CAS": "Central Asia"}

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "demo")
	db := fs.String("db", "", "keep the store in this SQLite `FILE` or postgres://… (default: a temporary file, removed at the end)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	loc := *db
	if loc == "" {
		dir, err := os.MkdirTemp("", "farabi-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		loc = filepath.Join(dir, "demo.db")
	}
	s, err := store.Open(ctx, loc)
	if err != nil {
		return err
	}
	defer s.Close()
	eng, err := engine.Load("", env.Stderr)
	if err != nil {
		return err
	}
	stories, err := demo.Stories()
	if err != nil {
		return err
	}
	v := engineVersions(eng)
	run := &store.Run{Command: "demo", Versions: v}
	if _, err := s.StartRun(ctx, run); err != nil {
		return err
	}
	byID := map[string]demo.Story{}
	var cb *store.CodingBuilder
	batch := eng.Lang.NewBatch(eng.Coding, pipeline.SinkFuncs{
		SentenceFunc: func(r *pipeline.SentenceResult) error {
			if cb == nil {
				cb = store.NewCodingBuilder(r.Story.Text, eng.Coref, v)
			}
			cb.Add(r)
			return nil
		},
		StoryFunc: func(sum *pipeline.Summary) error {
			st := byID[sum.Story.ID]
			c := store.NewCodingBuilder(st.Text, eng.Coref, v).Coding()
			if cb != nil {
				c = cb.Coding()
			}
			cb = nil
			res, err := s.Put(ctx, &store.Doc{
				Article: store.Article{Title: st.Title, Outlet: st.Outlet, Published: st.Date.Format("2006-01-02"), Language: "en",
					Text: st.Text, Source: "demo:" + st.File, RunID: run.ID},
				Coding: c})
			if err != nil {
				return err
			}
			if res[0].Err != nil {
				return res[0].Err
			}
			if res[0].Duplicate {
				run.Duplicates++
				return nil
			}
			run.Articles++
			run.Sentences += sum.Sentences
			run.Events += res[0].Events
			return nil
		},
	})
	for _, st := range stories {
		byID[st.File] = st
		if err := batch.Add(&pipeline.Story{ID: st.File, Date: st.Date, Text: st.Text}); err != nil {
			return err
		}
	}
	if err := batch.Flush(); err != nil {
		return err
	}
	if err := s.FinishRun(ctx, run); err != nil {
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	if err := demoReport(ctx, w, s, eng.Ont, run, len(stories)); err != nil {
		return err
	}
	if *db == "" {
		fmt.Fprintf(w, "\nThe store was temporary. Keep one with: farabi demo --db demo.db\n")
	} else {
		fmt.Fprintf(w, "\nThe store is %s:\n  farabi events --db %s --actor KAZ --partner CHN\n", *db, *db)
	}
	fmt.Fprint(w, `
Your own news:
  farabi ingest --db news.db ./articles/       a folder (.txt, .html, .jsonl)
  farabi ingest --db news.db https://example.org/feed.xml     a feed or a page
  farabi events --db news.db --actor KAZ --since 2025-01-01
  farabi quotes --db news.db --speaker KAZ
  farabi export --db news.db --format gdelt-tsv > events.tsv
`)
	return w.Flush()
}

// demoReport prints the focal country's partners, codes and quotes.
func demoReport(ctx context.Context, w *bufio.Writer, s store.Store, ont *event.Ontology, run *store.Run, n int) error {
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "farabi demo: %d illustrative reports on %s in 2025, written for farabi\n", n, demoNames[demo.Focal])
	fmt.Fprintf(w, "(the events are invented), coded into a %s store:\n", s.Kind())
	fmt.Fprintf(w, "%d sentences, %d events (%d distinct), %d quotes, %d actor mentions\n\n",
		run.Sentences, st.Events, st.DistinctEvents, st.Quotes, st.Mentions)

	f := store.EventFilter{Actor: demo.Focal}
	parts, err := s.Aggregate(ctx, store.AggFilter{EventFilter: f, By: []store.Dim{store.ByPartner, store.ByQuad}})
	if err != nil {
		return err
	}
	type row struct {
		partner string
		quad    [5]int
		n       int
		sum     float64
	}
	rows := map[string]*row{}
	var order []string
	for _, b := range parts {
		r := rows[b.Partner]
		if r == nil {
			r = &row{partner: b.Partner}
			rows[b.Partner] = r
			order = append(order, b.Partner)
		}
		r.quad[b.Quad] += b.Events
		r.n += b.Events
		r.sum += b.Sum
	}
	sortByCount(order, func(p string) int { return rows[p].n })
	fmt.Fprintf(w, "%s's partners (distinct events, both directions)\n", demoNames[demo.Focal])
	fmt.Fprintf(w, "  %-22s %6s %5s %5s %5s %5s %6s  %s\n", "PARTNER", "EVENTS", "VCOOP", "MCOOP", "VCONF", "MCONF", "GOLD", "")
	for _, p := range order {
		r := rows[p]
		name := p
		if demoNames[p] != "" {
			name = p + " " + demoNames[p]
		}
		fmt.Fprintf(w, "  %-22s %6d %5d %5d %5d %5d %6.1f  %s\n", fit(name, 22), r.n, r.quad[1], r.quad[2], r.quad[3], r.quad[4],
			r.sum/float64(r.n), strings.Repeat("■", min(r.n, 12)))
	}

	codes, err := s.Aggregate(ctx, store.AggFilter{EventFilter: f, By: []store.Dim{store.ByCode}})
	if err != nil {
		return err
	}
	var cs []string
	count := map[string]int{}
	for _, b := range codes {
		cs = append(cs, b.Code)
		count[b.Code] = b.Events
	}
	sortByCount(cs, func(c string) int { return count[c] })
	fmt.Fprintf(w, "\nWhat they did (CAMEO codes)\n")
	for _, c := range cs {
		name := ""
		if x, ok := ont.Lookup(c); ok {
			name = x.Name
		}
		fmt.Fprintf(w, "  %-4s %3d  %s\n", c, count[c], fit(name, 68))
	}

	qs, _, err := s.Quotes(ctx, store.QuoteFilter{Limit: 20})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nQuotes\n")
	for _, q := range qs {
		sp := q.SpeakerCode
		if sp == "" {
			sp = "?"
		}
		fmt.Fprintf(w, "  %s %s “%s”\n", q.Date, pad(sp, 7), fit(q.Text, 56))
	}
	return nil
}

// sortByCount orders keys by decreasing count, then by key.
func sortByCount(keys []string, count func(string) int) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0; j-- {
			a, b := keys[j-1], keys[j]
			if count(a) > count(b) || count(a) == count(b) && a < b {
				break
			}
			keys[j-1], keys[j] = b, a
		}
	}
}
