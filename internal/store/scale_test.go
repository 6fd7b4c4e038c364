package store_test

import (
	"context"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// TestScale fills a store with synthetic events and times the queries the
// CLI and the analytics make. It runs only when FARABI_SCALE_EVENTS is set
// (e.g. 1000000); FARABI_SCALE_DB names the store (a SQLite file or a
// postgres:// URL; default a temporary file). A store that already holds
// the events is reused, so the queries can be timed again.
//
//	FARABI_SCALE_EVENTS=1000000 FARABI_SCALE_DB=/tmp/scale.db go test ./internal/store -run TestScale -v -timeout 2h
func TestScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FARABI_SCALE_EVENTS"))
	if n == 0 {
		t.Skip("set FARABI_SCALE_EVENTS (and FARABI_SCALE_DB) to fill a big store and time its queries")
	}
	loc := os.Getenv("FARABI_SCALE_DB")
	if loc == "" {
		loc = t.TempDir() + "/scale.db"
	}
	ctx := context.Background()
	s, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// FARABI_SCALE_BULK=1 fills with store.Load and one Rebuild instead of Put.
	bulk := os.Getenv("FARABI_SCALE_BULK") != ""
	st, _ := s.Stats(ctx)
	if st.Events < n {
		const chunk, perStory = 5000, 4
		start := time.Now()
		stored := st.Events
		for k := st.Articles / chunk; stored < n; k++ {
			docs, copyOf := storetest.Synthetic(chunk, storetest.Options{Seed: uint64(k + 1), Copies: 0.2, Focal: 0.3, Events: perStory})
			for _, d := range docs {
				d.Article.URL += "/" + strconv.Itoa(k)
				d.Article.Text += " Chunk " + strconv.Itoa(k) + "."
			}
			put := s.Put
			if bulk {
				put = func(ctx context.Context, docs ...*store.Doc) ([]store.PutResult, error) {
					return store.Load(ctx, s, docs...)
				}
			}
			res, err := storetest.PutWith(ctx, put, docs, copyOf, 500)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				stored += r.Events
			}
			if k%10 == 0 {
				t.Logf("%d events stored, %.0f events/s", stored, float64(stored-st.Events)/time.Since(start).Seconds())
			}
		}
		if bulk {
			t0 := time.Now()
			if err := s.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			t.Logf("rebuild of distinct events and dyad tables: %.1fs", time.Since(t0).Seconds())
		}
		el := time.Since(start)
		after, _ := s.Stats(ctx)
		t.Logf("filled %s (bulk %v): %d articles, %d events (%d distinct) in %.1fs: %.0f articles/s, %.0f events/s",
			s.Kind(), bulk, after.Articles-st.Articles, after.Events-st.Events, after.DistinctEvents, el.Seconds(),
			float64(after.Articles-st.Articles)/el.Seconds(), float64(after.Events-st.Events)/el.Seconds())
	}
	st, _ = s.Stats(ctx)
	t.Logf("%s store: %d articles, %d events, %d distinct events, %d quotes, %.0f MB", s.Kind(), st.Articles, st.Events, st.DistinctEvents, st.Quotes, float64(st.Bytes)/1e6)
	queries := []struct {
		name string
		f    func() (int, error)
	}{
		{"events --actor KAZ --since 2025-01-01 (first page of 100)", func() (int, error) {
			evs, _, err := s.Events(ctx, store.EventFilter{Actor: "KAZ", Since: "2025-01-01", Limit: 100})
			return len(evs), err
		}},
		{"events --actor KAZ --partner CHN --since 2025-06-01 --all-mentions (100)", func() (int, error) {
			evs, _, err := s.Events(ctx, store.EventFilter{Actor: "KAZ", Partner: "CHN", Since: "2025-06-01", AllMentions: true, Limit: 100})
			return len(evs), err
		}},
		{"dyad KAZ-CHN by month and quad", func() (int, error) {
			b, err := s.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ", Partner: "CHN"}, By: []store.Dim{store.ByMonth, store.ByQuad}})
			return len(b), err
		}},
		{"KAZ by partner and quad, 2025", func() (int, error) {
			b, err := s.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ", Since: "2025-01-01", Until: "2025-12-31"},
				By: []store.Dim{store.ByPartner, store.ByQuad}})
			return len(b), err
		}},
		{"KAZ by week and partner, all time", func() (int, error) {
			b, err := s.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ"}, By: []store.Dim{store.ByWeek, store.ByPartner}})
			return len(b), err
		}},
		{"KAZ by root, 2025 (distinct-event table)", func() (int, error) {
			b, err := s.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ", Since: "2025-01-01", Code: "042"},
				By: []store.Dim{store.ByMonth}})
			return len(b), err
		}},
	}
	for _, q := range queries {
		var times []time.Duration
		rows := 0
		for range 15 {
			t0 := time.Now()
			n, err := q.f()
			if err != nil {
				t.Fatalf("%s: %v", q.name, err)
			}
			times = append(times, time.Since(t0))
			rows = n
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		t.Logf("%-72s %5d rows  median %6.1f ms  max %6.1f ms", q.name, rows,
			float64(times[len(times)/2].Microseconds())/1000, float64(times[len(times)-1].Microseconds())/1000)
	}
}
