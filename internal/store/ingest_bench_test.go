package store_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"farabi/internal/engine"
	"farabi/internal/newsgen"
	"farabi/internal/pipeline"
	"farabi/internal/store"
)

// TestIngestThroughput codes synthetic news (internal/newsgen) on all
// cores and stores it through Put in batches of 64, as ingest does, and
// reports articles and sentences per second. It runs only when
// FARABI_INGEST_ARTICLES is set; FARABI_INGEST_DB names the store (default
// a temporary SQLite file).
//
//	FARABI_INGEST_ARTICLES=10000 go test ./internal/store -run TestIngestThroughput -v -timeout 1h
func TestIngestThroughput(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FARABI_INGEST_ARTICLES"))
	if n == 0 {
		t.Skip("set FARABI_INGEST_ARTICLES (and FARABI_INGEST_DB) to time coding and storing synthetic news")
	}
	loc := os.Getenv("FARABI_INGEST_DB")
	if loc == "" {
		loc = t.TempDir() + "/ingest.db"
	}
	ctx := context.Background()
	var buf bytes.Buffer
	if _, err := newsgen.WriteJSONL(&buf, n*7, 1); err != nil {
		t.Fatal(err)
	}
	var stories []*pipeline.Story
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && len(stories) < n {
		var rec struct{ ID, Date, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		day, _ := time.Parse("2006-01-02", rec.Date)
		stories = append(stories, &pipeline.Story{ID: rec.ID, Date: day, Text: rec.Text})
	}
	if len(stories) < n {
		t.Fatalf("newsgen gave %d stories, want %d", len(stories), n)
	}
	eng, err := engine.Load("", os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v := store.Versions{Coder: eng.Coding.CoderVersion, Dict: eng.Coding.DictVersion, Model: eng.Coding.ModelVersion}
	var pending []*store.Doc
	var cb *store.CodingBuilder
	var sentences, events int
	var storeTime time.Duration
	flush := func() error {
		t0 := time.Now()
		res, err := s.Put(ctx, pending...)
		storeTime += time.Since(t0)
		pending = pending[:0]
		for _, r := range res {
			if r.Err != nil {
				return r.Err
			}
			events += r.Events
		}
		return err
	}
	batch := eng.Lang.NewBatch(eng.Coding, pipeline.SinkFuncs{
		SentenceFunc: func(r *pipeline.SentenceResult) error {
			if cb == nil {
				cb = store.NewCodingBuilder(r.Story.Text, eng.Coref, v)
			}
			cb.Add(r)
			return nil
		},
		StoryFunc: func(sum *pipeline.Summary) error {
			c := cb.Coding()
			cb = nil
			sentences += sum.Sentences
			pending = append(pending, &store.Doc{Article: store.Article{URL: "https://example.org/" + sum.Story.ID,
				Published: sum.Story.Date.Format("2006-01-02"), Text: sum.Story.Text, Source: "newsgen:" + sum.Story.ID}, Coding: c})
			if len(pending) == 64 {
				return flush()
			}
			return nil
		},
	})
	start := time.Now()
	for _, st := range stories {
		if err := batch.Add(st); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := flush(); err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	st, _ := s.Stats(ctx)
	size := fmt.Sprintf(", %.1f MB (%.2f MB per 1,000 articles)", float64(st.Bytes)/1e6, float64(st.Bytes)/1e6/float64(st.Articles)*1000)
	if !store.IsPostgres(loc) {
		s.Close() // checkpoints the WAL into the file
		if fi, err := os.Stat(loc); err == nil {
			size += fmt.Sprintf("; file after checkpoint %.1f MB (%.2f MB per 1,000 articles)", float64(fi.Size())/1e6, float64(fi.Size())/1e6/float64(st.Articles)*1000)
		}
	}
	t.Logf("%s, GOMAXPROCS=%d: %d articles, %d sentences, %d events (%d distinct) in %.1fs: %.0f articles/s, %.0f sentences/s; Put %.1fs (%.0f%%)%s",
		s.Kind(), eng.Lang.Workers, st.Articles, sentences, events, st.DistinctEvents, el.Seconds(), float64(n)/el.Seconds(),
		float64(sentences)/el.Seconds(), storeTime.Seconds(), 100*storeTime.Seconds()/el.Seconds(), size)
}
