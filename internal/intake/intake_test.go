package intake

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"farabi/internal/engine"
	"farabi/internal/ingest"
	"farabi/internal/newsgen"
	"farabi/internal/store"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

func loadEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engOnce.Do(func() { eng, engErr = engine.Load("", io.Discard) })
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng
}

func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// stories returns n synthetic stories as documents.
func stories(n int, seed uint64) []*ingest.Document {
	var b strings.Builder
	newsgen.Write(&b, n*6, seed)
	var docs []*ingest.Document
	for i, text := range strings.Split(strings.TrimSpace(b.String()), "\n\n") {
		if len(docs) == n {
			break
		}
		docs = append(docs, &ingest.Document{Source: fmt.Sprintf("gen:%d", i), ID: fmt.Sprint(i), Text: text,
			Published: time.Date(2025, 5, 29, 0, 0, 0, 0, time.UTC), DateBasis: ingest.DateMetadata, Language: "en"})
	}
	return docs
}

func seq(docs []*ingest.Document, errs ...error) iter.Seq2[*ingest.Document, error] {
	return func(yield func(*ingest.Document, error) bool) {
		for _, e := range errs {
			if !yield(nil, e) {
				return
			}
		}
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

func TestRun(t *testing.T) {
	e := loadEngine(t)
	st := openStore(t)
	ctx := context.Background()
	docs := stories(40, 1)
	var problems []string
	in := New(st, e, Options{Workers: 2, Problem: func(k Kind, line string) { problems = append(problems, line) }})
	bad := []error{&ingest.Problem{Source: "x.pdf", Skipped: true, Err: ingest.ErrBinary}, &ingest.Problem{Source: "y.txt", Err: errors.New("permission denied")}}
	c, err := in.Run(ctx, seq(docs, bad...), 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != 40 || c.Skipped != 1 || c.Failed != 1 || c.Sentences == 0 || c.Events == 0 || c.Duplicates != 0 {
		t.Errorf("first run: %+v", c)
	}
	if len(problems) != 2 || !strings.HasPrefix(problems[0], "x.pdf: binary") {
		t.Errorf("problems: %q", problems)
	}
	stats1, _ := st.Stats(ctx)
	// The same texts again change nothing.
	c2, err := in.Run(ctx, seq(stories(40, 1)), 0)
	if err != nil {
		t.Fatal(err)
	}
	if c2.Articles != 0 || c2.Duplicates != 40 {
		t.Errorf("second run: %+v", c2)
	}
	stats2, _ := st.Stats(ctx)
	stats1.Bytes, stats2.Bytes = 0, 0 // the file may grow by a page without new rows
	if stats1 != stats2 {
		t.Errorf("second run changed the store: %+v → %+v", stats1, stats2)
	}
	if stats1.Articles != 40 || stats1.Events != c.Events {
		t.Errorf("stats %+v, counts %+v", stats1, c)
	}
}

func TestUndatedAndClusters(t *testing.T) {
	e := loadEngine(t)
	st := openStore(t)
	ctx := context.Background()
	base := stories(3, 7)
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	undated := &ingest.Document{Source: "u", ID: "u", Text: base[0].Text, Published: now, DateBasis: ingest.DateNone}
	copyDoc := &ingest.Document{Source: "c", ID: "c", Text: "By Staff Reporter\n\n" + base[0].Text + "\n\nRead more on our site.",
		Published: base[0].Published, DateBasis: ingest.DateMetadata}
	committed := 0
	copyDoc.Commit = func() error { committed++; return nil }
	in := New(st, e, Options{Workers: 2, Now: now})
	c, err := in.Run(ctx, seq([]*ingest.Document{undated, base[1], copyDoc, base[2]}), 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != 4 || c.Clustered != 1 || committed != 1 {
		t.Errorf("counts %+v, committed %d", c, committed)
	}
	a1, err := st.ArticleByHash(ctx, store.ContentHash(undated.Text))
	if err != nil {
		t.Fatal(err)
	}
	if !a1.DateGuessed || a1.Published != "2026-03-04" {
		t.Errorf("undated article: published %s, guessed %v", a1.Published, a1.DateGuessed)
	}
	a3, err := st.ArticleByHash(ctx, store.ContentHash(copyDoc.Text))
	if err != nil {
		t.Fatal(err)
	}
	if a3.Cluster != a1.ID || a3.ID == a1.ID {
		t.Errorf("copy in cluster %d, original is %d", a3.Cluster, a1.ID)
	}
}

func TestNotEnglish(t *testing.T) {
	e := loadEngine(t)
	st := openStore(t)
	d := &ingest.Document{Source: "de.html", Text: "Die Minister trafen sich am Donnerstag in Astana.", Language: "de",
		Published: time.Now(), DateBasis: ingest.DateMetadata}
	c, err := New(st, e, Options{}).Run(context.Background(), seq([]*ingest.Document{d}), 0)
	if err != nil || c.Skipped != 1 || c.Articles != 0 {
		t.Errorf("German page: %+v, %v", c, err)
	}
}

// TestCancel stops a run half way: what is stored is whole, and a second
// run stores the rest, ending with the store a clean run makes.
func TestCancel(t *testing.T) {
	e := loadEngine(t)
	ctx := context.Background()
	clean := openStore(t)
	if _, err := New(clean, e, Options{Workers: 2}).Run(ctx, seq(stories(60, 3)), 0); err != nil {
		t.Fatal(err)
	}
	want, _ := clean.Stats(ctx)

	st := openStore(t)
	cctx, cancel := context.WithCancel(ctx)
	in := New(st, e, Options{Workers: 2, Progress: func(c Counts) {
		if c.Articles >= 10 {
			cancel()
		}
	}})
	c, err := in.Run(cctx, seq(stories(60, 3)), 0)
	if !errors.Is(err, context.Canceled) || c.Articles < 10 || c.Articles >= 60 {
		t.Fatalf("cancelled run: %+v, %v", c, err)
	}
	if _, err := New(st, e, Options{Workers: 2}).Run(ctx, seq(stories(60, 3)), 0); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Stats(ctx)
	got.Runs, want.Runs, got.Bytes, want.Bytes = 0, 0, 0, 0
	if got != want {
		t.Errorf("after cancel and rerun %+v, clean run %+v", got, want)
	}
}
