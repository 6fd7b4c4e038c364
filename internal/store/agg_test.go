package store_test

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"testing"

	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// TestAggregatePlans checks that an aggregate gives the same answer from
// each of the tables that can give it: the actor tables, the dyad tables
// and the distinct events themselves, over a seeded store written in
// batches (the tables kept write by write), again after re-coding some
// articles, and after a Rebuild.
func TestAggregatePlans(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "plans.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		checkPlans(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		postgresDSN(t)
		s, err := store.Open(context.Background(), freshPostgres(t))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		checkPlans(t, s)
	})
}

func checkPlans(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs, copyOf := storetest.Synthetic(600, storetest.Options{Seed: 11, Copies: 0.3, Focal: 0.4})
	if _, err := storetest.Put(ctx, s, docs, copyOf, 150); err != nil {
		t.Fatal(err)
	}
	comparePlans(t, s, "put")
	// Re-code every fifth article with its events moved a day on and
	// another partner, every fourth event without a quad class: rows
	// leave some dyads and days and join others.
	for i, d := range docs {
		if i%5 != 0 || copyOf[i] >= 0 {
			continue
		}
		c := d.Coding
		c.Events = append(c.Events[:0:0], c.Events...)
		for k := range c.Events {
			e := &c.Events[k]
			e.Date = "2025-03-1" + fmt.Sprint(k%10)
			e.Target.Code = storetest.Partners[(i+k)%len(storetest.Partners)]
			if e.Target.Code == e.Source.Code {
				e.Target.Code += "GOV"
			}
			if k%4 == 3 {
				e.Quad = 0 // no quad class, as for a malformed code
			}
		}
		if err := s.Recode(ctx, d.Article.ID, &c); err != nil {
			t.Fatal(err)
		}
	}
	comparePlans(t, s, "recode")
	if err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	comparePlans(t, s, "rebuild")
}

func comparePlans(t *testing.T, s store.Store, stage string) {
	t.Helper()
	ctx := context.Background()
	windows := [][2]string{{"", ""}, {"2024-01-01", "2024-12-31"}, {"2024-03-04", "2025-02-23"}, {"2024-03-13", "2025-02-17"},
		{"2025-03-01", "2025-03-31"}, {"2025-03-12", "2025-03-14"}, {"2025-03-02", "2025-03-27"}, {"2025-03-12", "2025-04-20"},
		{"2024-12-30", "2025-12-28"}, {"2024-07-01", ""}, {"", "2024-05-19"}}
	actors := [][2]string{{"KAZ", ""}, {"RUS", ""}, {"KAZ", "CHN"}, {"CHN", "KAZ"}, {"KAZ", "KAZ"}, {"", "USA"}}
	bys := [][]store.Dim{{store.ByPartner}, {store.ByPartner, store.ByQuad}, {store.ByMonth, store.ByPartner, store.ByQuad},
		{store.ByWeek, store.ByPartner}, {store.ByWeek, store.ByQuad}, {store.ByDay}, {store.ByYear}, {store.ByQuad}, {store.ByPartner, store.ByQuad, store.ByMonth}, {}}
	n := 0
	for _, w := range windows {
		for _, a := range actors {
			for _, quad := range []int{0, 3} {
				for _, by := range bys {
					f := store.AggFilter{EventFilter: store.EventFilter{Actor: a[0], Partner: a[1], Since: w[0], Until: w[1], Quad: quad}, By: by}
					rows, err := store.AggregateFrom(ctx, s, f, "rows")
					if err != nil {
						t.Fatalf("%s %+v: %v", stage, f, err)
					}
					for _, plan := range []string{"best", "dyads"} {
						got, err := store.AggregateFrom(ctx, s, f, plan)
						if err != nil {
							t.Fatalf("%s %s %+v: %v", stage, plan, f, err)
						}
						if !sameBuckets(got, rows) {
							t.Errorf("%s: %+v from the %s tables:\n%v\nfrom the rows:\n%v", stage, f, plan, got, rows)
						}
					}
					n += len(rows)
				}
			}
		}
	}
	if n == 0 {
		t.Fatalf("%s: every aggregate empty", stage)
	}
}

// sameBuckets compares buckets in order, Goldstein sums to rounding.
func sameBuckets(a, b []store.Bucket) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if math.Abs(x.Sum-y.Sum) > 1e-6 {
			return false
		}
		x.Sum, y.Sum = 0, 0
		if x != y {
			return false
		}
	}
	return true
}
