package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"farabi/internal/event"
	"farabi/internal/store"
)

// Run is the conformance suite: every backend's tests call it with a
// function that opens a new, empty store for a subtest.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		f    func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"BadArticle", testBadArticle},
		{"DistinctCounts", testDistinctCounts},
		{"Filters", testFilters},
		{"Paging", testPaging},
		{"Aggregates", testAggregates},
		{"Recode", testRecode},
		{"Similar", testSimilar},
		{"PutNear", testPutNear},
		{"QuotesAndSearch", testQuotesAndSearch},
		{"Runs", testRuns},
		{"Countries", testCountries},
		{"Span", testSpan},
		{"Generation", testGeneration},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.f(t, s)
		})
	}
}

func ctx() context.Context { return context.Background() }

func mustPut(t *testing.T, s store.Store, docs ...*store.Doc) []store.PutResult {
	t.Helper()
	res, err := s.Put(ctx(), docs...)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("Put: %v", r.Err)
		}
	}
	return res
}

// fill stores n synthetic stories and returns them.
func fill(t *testing.T, s store.Store, n int, o Options) []*store.Doc {
	t.Helper()
	docs, copyOf := Synthetic(n, o)
	res, err := Put(ctx(), s, docs, copyOf, 7)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("Put: %v", r.Err)
		}
	}
	return docs
}

func testRoundTrip(t *testing.T, s store.Store) {
	docs, _ := Synthetic(1, Options{Seed: 1, Events: 3})
	d := docs[0]
	d.Article.Title = "Astana and Beijing sign “a deal”"
	d.Signature = []byte{1, 2, 3}
	d.Bands = []uint64{42, 1 << 63}
	// where the first event happened: its source's words stand in
	src := d.Coding.Events[0].Source
	d.Coding.Events[0].Place = event.Actor{Text: src.Text, Code: "KAZ", Start: src.Start, End: src.End}
	res := mustPut(t, s, d)
	if res[0].Duplicate || res[0].ID == 0 || res[0].Cluster != res[0].ID || res[0].Events != 3 {
		t.Fatalf("result = %+v", res[0])
	}
	a, err := s.Article(ctx(), res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := d.Article
	want.ID, want.Cluster, want.Sentences, want.Versions = res[0].ID, res[0].ID, d.Coding.Sentences, d.Coding.Versions
	if !a.IngestedAt.Equal(want.IngestedAt) {
		t.Errorf("ingested at %v, want %v", a.IngestedAt, want.IngestedAt)
	}
	a.IngestedAt = want.IngestedAt
	if !reflect.DeepEqual(*a, want) {
		t.Errorf("article:\n got %+v\nwant %+v", *a, want)
	}
	for _, lookup := range []func() (*store.Article, error){
		func() (*store.Article, error) { return s.ArticleByHash(ctx(), store.ContentHash(d.Article.Text)) },
		func() (*store.Article, error) { return s.ArticleByURL(ctx(), d.Article.URL) },
	} {
		if b, err := lookup(); err != nil || b.ID != a.ID {
			t.Errorf("lookup: %v, %v", b, err)
		}
	}
	if _, err := s.Article(ctx(), 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	evs, _, err := s.Events(ctx(), store.EventFilter{ArticleID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 {
		t.Fatalf("%d events, want 3", len(evs))
	}
	for i, ev := range evs {
		w := d.Coding.Events[i]
		w.Doc = d.Article.URL
		if !reflect.DeepEqual(ev.Event, w) {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, ev.Event, w)
		}
		if ev.ArticleID != a.ID || ev.Mentions < 1 || ev.Stories < 1 || ev.Outlets < 1 || ev.Outlet != d.Article.Outlet {
			t.Errorf("event %d: %+v", i, ev)
		}
	}
	qs, _, err := s.Quotes(ctx(), store.QuoteFilter{ArticleID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 {
		t.Fatalf("%d quotes, want 1", len(qs))
	}
	q, wq := qs[0], d.Coding.Quotes[0]
	if q.Text != wq.Text || q.Start != wq.Start || q.End != wq.End || q.SpeakerCode != wq.SpeakerCode ||
		q.SpeakerText != wq.SpeakerText || q.SpeakerStart != wq.SpeakerStart || q.Date != d.Article.Published || q.URL != d.Article.URL {
		t.Errorf("quote:\n got %+v\nwant %+v", q, wq)
	}
	if d.Article.Text[q.Start:q.End] != q.Text {
		t.Errorf("quote offsets %d:%d give %q", q.Start, q.End, d.Article.Text[q.Start:q.End])
	}
	st, err := s.Stats(ctx())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Events != 3 || st.Quotes != 1 || st.Mentions != 3 || st.Clusters != 1 || st.Bytes <= 0 {
		t.Errorf("stats = %+v", st)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	docs := fill(t, s, 20, Options{Seed: 2})
	before, _ := s.Stats(ctx())
	again, _ := Synthetic(20, Options{Seed: 2})
	for _, d := range again {
		d.Article.Text = "  " + strings.ReplaceAll(d.Article.Text, " ", "\n ") + "\n" // same words, other spacing
	}
	res := mustPut(t, s, again...)
	for i, r := range res {
		if !r.Duplicate || r.ID != docs[i].Article.ID {
			t.Errorf("doc %d: %+v, want duplicate of %d", i, r, docs[i].Article.ID)
		}
	}
	after, _ := s.Stats(ctx())
	before.Bytes, after.Bytes = 0, 0
	if before != after {
		t.Errorf("stats changed: %+v → %+v", before, after)
	}
}

func testBadArticle(t *testing.T, s store.Store) {
	docs, _ := Synthetic(5, Options{Seed: 3})
	docs[1].Article.Text = "bad \xff bytes"
	docs[1].Article.Source = "bad.txt"
	docs[2].Coding.Events[0].PredicateEnd = 1 << 20
	docs[2].Article.Source = "offsets.txt"
	docs[4].Coding.Events[0].Quad = 7
	docs[4].Article.Source = "quad.txt"
	res, err := s.Put(ctx(), docs...)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[3].Err != nil {
		t.Errorf("good articles failed: %v, %v", res[0].Err, res[3].Err)
	}
	for i, name := range map[int]string{1: "bad.txt", 2: "offsets.txt", 4: "quad.txt"} {
		if res[i].Err == nil || !strings.Contains(res[i].Err.Error(), name) {
			t.Errorf("doc %d: error %v, want one naming %s", i, res[i].Err, name)
		}
	}
	st, _ := s.Stats(ctx())
	if st.Articles != 2 || st.Events != len(docs[0].Coding.Events)+len(docs[3].Coding.Events) {
		t.Errorf("stats = %+v", st)
	}
}

// doc returns a story with one event per key given as "SRC TGT CODE DATE".
func doc(url, outlet string, keys ...string) *store.Doc {
	d := &store.Doc{Article: store.Article{URL: url, Outlet: outlet, Published: "2025-03-03", Source: url}}
	var text strings.Builder
	for i, k := range keys {
		f := strings.Fields(k)
		text.WriteString(k + ". ")
		d.Coding.Events = append(d.Coding.Events, event.Event{Sentence: i, Date: f[3], Source: event.Actor{Code: f[0]},
			Target: event.Actor{Code: f[1]}, Code: f[2], Root: event.Root(f[2]), Quad: event.Quad(f[2]), Goldstein: goldstein(f[2])})
	}
	d.Article.Text = text.String() + url
	d.Coding.Versions = store.Versions{Coder: "1", Dict: "d", Model: "m"}
	return d
}

func goldstein(code string) float64 {
	for _, c := range codes {
		if c.code == code {
			return c.g
		}
	}
	return 1
}

func testDistinctCounts(t *testing.T, s store.Store) {
	a := doc("a", "wire", "KAZGOV CHN 042 2025-03-01", "KAZ RUS 120 2025-03-02")
	mustPut(t, s, a)
	b := doc("b", "daily", "KAZGOV CHN 042 2025-03-01")
	b.Article.Cluster = a.Article.Cluster // a copy of a in another outlet
	c := doc("c", "daily", "KAZGOV CHN 042 2025-03-01", "KAZGOV CHN 042 2025-03-01")
	mustPut(t, s, b, c)
	evs, _, err := s.Events(ctx(), store.EventFilter{Actor: "KAZ", Partner: "CHN"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d distinct events, want 1: %+v", len(evs), evs)
	}
	if e := evs[0]; e.Mentions != 4 || e.Stories != 2 || e.Outlets != 2 || e.ArticleID != a.Article.ID {
		t.Errorf("counts: mentions %d stories %d outlets %d article %d; want 4 2 2 %d", e.Mentions, e.Stories, e.Outlets, e.ArticleID, a.Article.ID)
	}
	all, _, err := s.Events(ctx(), store.EventFilter{Actor: "KAZ", Partner: "CHN", AllMentions: true})
	if err != nil || len(all) != 4 {
		t.Fatalf("all mentions: %d, %v", len(all), err)
	}
	bk, err := s.Aggregate(ctx(), store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ"}})
	if err != nil || len(bk) != 1 || bk[0].Events != 2 || math.Abs(bk[0].Sum-(1.9-4)) > 1e-9 {
		t.Errorf("total = %+v, %v", bk, err)
	}
	bk, err = s.Aggregate(ctx(), store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ", AllMentions: true}})
	if err != nil || len(bk) != 1 || bk[0].Events != 5 {
		t.Errorf("total mentions = %+v, %v", bk, err)
	}
}

// ref is a reference model of the distinct events, computed in Go.
type ref struct {
	keys map[store.Key]*refEvent
}

type refEvent struct {
	key               store.Key
	quad              int
	root              string
	g                 float64
	mentions          int
	clusters, outlets map[string]bool
}

func newRef(docs []*store.Doc) *ref {
	r := &ref{keys: map[store.Key]*refEvent{}}
	for _, d := range docs {
		for _, e := range d.Coding.Events {
			k := store.Key{Date: e.Date, Source: e.Source.Code, Target: e.Target.Code, Code: e.Code}
			re := r.keys[k]
			if re == nil {
				re = &refEvent{key: k, quad: e.Quad, root: e.Root, g: e.Goldstein, clusters: map[string]bool{}, outlets: map[string]bool{}}
				r.keys[k] = re
			}
			re.mentions++
			re.clusters[fmt.Sprint(d.Article.Cluster)] = true
			re.outlets[d.Article.Outlet] = true
		}
	}
	return r
}

// passes says whether a key passes a filter, and who the partner is.
func (re *refEvent) passes(f store.EventFilter) (bool, string) {
	k := re.key
	m := func(code, actor string) bool {
		if store.Country(actor) == actor {
			return store.Country(code) == actor
		}
		return code == actor
	}
	if f.Since != "" && k.Date < f.Since || f.Until != "" && k.Date > f.Until || f.Root != "" && re.root != f.Root ||
		f.Code != "" && k.Code != f.Code || f.Quad != 0 && re.quad != f.Quad {
		return false, ""
	}
	if f.Actor == "" && f.Partner != "" {
		f.Actor, f.Partner = f.Partner, ""
	}
	if f.Actor == "" {
		return true, store.Country(k.Target)
	}
	out := m(k.Source, f.Actor) && (f.Partner == "" || m(k.Target, f.Partner))
	in := m(k.Target, f.Actor) && (f.Partner == "" || m(k.Source, f.Partner))
	switch {
	case out && f.Dir != store.In:
		return true, store.Country(k.Target)
	case in && f.Dir != store.Out:
		return true, store.Country(k.Source)
	}
	return false, ""
}

var filters = []store.EventFilter{
	{},
	{Actor: "KAZ"},
	{Actor: "KAZ", Partner: "CHN"},
	{Actor: "KAZGOV"},
	{Actor: "KAZ", Dir: store.Out},
	{Actor: "KAZ", Dir: store.In, Partner: "RUS"},
	{Actor: "KAZ", Since: "2024-06-01", Until: "2024-12-31"},
	{Actor: "KAZ", Since: "2024-03-13", Until: "2025-02-17"},
	{Actor: "KAZ", Since: "2024-03-04", Until: "2025-02-16"},
	{Actor: "RUS", Partner: "CHN", Since: "2024-05-05", Until: "2024-05-20"},
	{Actor: "CHN", Since: "2025-01-09"},
	{Actor: "CHN", Until: "2024-10-30", Dir: store.Out},
	{Actor: "RUS", Root: "04"},
	{Actor: "KAZ", Code: "042"},
	{Actor: "KAZ", Quad: 4},
	{Partner: "USA", Quad: 1},
}

func testFilters(t *testing.T, s store.Store) {
	docs := fill(t, s, 150, Options{Seed: 4, Copies: 0.3, Focal: 0.5})
	r := newRef(docs)
	for _, f := range filters {
		want := map[store.Key]*refEvent{}
		for k, re := range r.keys {
			if ok, _ := re.passes(f); ok {
				want[k] = re
			}
		}
		f.Limit = 10000
		got, next, err := s.Events(ctx(), f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if next != "" {
			t.Errorf("%+v: cursor on a complete page", f)
		}
		if len(got) != len(want) {
			t.Errorf("%+v: %d events, want %d", f, len(got), len(want))
		}
		for _, e := range got {
			re := want[e.Key()]
			if re == nil {
				t.Errorf("%+v: unexpected %+v", f, e.Key())
				continue
			}
			if e.Mentions != re.mentions || e.Stories != len(re.clusters) || e.Outlets != len(re.outlets) {
				t.Errorf("%+v: %v counts %d/%d/%d, want %d/%d/%d", f, e.Key(), e.Mentions, e.Stories, e.Outlets,
					re.mentions, len(re.clusters), len(re.outlets))
			}
		}
		for i := 1; i < len(got); i++ {
			if got[i].Date < got[i-1].Date {
				t.Errorf("%+v: not in date order", f)
				break
			}
		}
	}
}

func testPaging(t *testing.T, s store.Store) {
	fill(t, s, 80, Options{Seed: 5, Focal: 0.5})
	for _, all := range []bool{false, true} {
		f := store.EventFilter{Actor: "KAZ", AllMentions: all}
		f.Limit = 10000
		whole, _, err := s.Events(ctx(), f)
		if err != nil {
			t.Fatal(err)
		}
		var paged []store.Event
		f.Limit = 7
		for pages := 0; ; pages++ {
			evs, next, err := s.Events(ctx(), f)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, evs...)
			if next == "" {
				break
			}
			if pages > 1000 {
				t.Fatal("paging does not end")
			}
			f.After = next
		}
		if len(paged) != len(whole) {
			t.Fatalf("all=%v: paged %d, whole %d", all, len(paged), len(whole))
		}
		for i := range paged {
			if paged[i].ID != whole[i].ID || paged[i].DistinctID != whole[i].DistinctID {
				t.Fatalf("all=%v: event %d differs", all, i)
			}
		}
	}
	if _, _, err := s.Events(ctx(), store.EventFilter{After: "garbage"}); err == nil {
		t.Error("bad cursor accepted")
	}
}

// refAggregate computes an aggregate from the reference model.
func refAggregate(r *ref, f store.AggFilter) map[string][2]float64 {
	out := map[string][2]float64{}
	for _, re := range r.keys {
		ok, partner := re.passes(f.EventFilter)
		if !ok {
			continue
		}
		var parts []string
		for _, d := range f.By {
			switch d {
			case store.ByPartner:
				parts = append(parts, partner)
			case store.ByQuad:
				parts = append(parts, fmt.Sprint(re.quad))
			case store.ByRoot:
				parts = append(parts, re.root)
			case store.ByMonth:
				parts = append(parts, re.key.Date[:7])
			case store.ByDay:
				parts = append(parts, re.key.Date)
			case store.ByYear:
				parts = append(parts, re.key.Date[:4])
			case store.ByWeek:
				day, _ := time.Parse("2006-01-02", re.key.Date)
				off := (int(day.Weekday()) + 6) % 7
				parts = append(parts, day.AddDate(0, 0, -off).Format("2006-01-02"))
			}
		}
		k := strings.Join(parts, "|")
		v := out[k]
		v[0]++
		v[1] += re.g
		out[k] = v
	}
	return out
}

func bucketKey(b store.Bucket, by []store.Dim) string {
	var parts []string
	for _, d := range by {
		switch d {
		case store.ByPartner:
			parts = append(parts, b.Partner)
		case store.ByQuad:
			parts = append(parts, fmt.Sprint(b.Quad))
		case store.ByRoot:
			parts = append(parts, b.Root)
		default:
			parts = append(parts, b.Period)
		}
	}
	return strings.Join(parts, "|")
}

func testAggregates(t *testing.T, s store.Store) {
	docs := fill(t, s, 200, Options{Seed: 6, Copies: 0.3, Focal: 0.5})
	checkAggregates(t, s, newRef(docs))
}

func checkAggregates(t *testing.T, s store.Store, r *ref) {
	t.Helper()
	bys := [][]store.Dim{{store.ByPartner}, {store.ByPartner, store.ByQuad}, {store.ByQuad}, {store.ByMonth},
		{store.ByWeek, store.ByQuad}, {store.ByRoot}, {store.ByDay}, {store.ByYear}, {}}
	for _, f := range filters {
		for _, by := range bys {
			if len(by) > 0 && by[0] == store.ByPartner && f.Actor == "" && f.Partner == "" {
				continue
			}
			af := store.AggFilter{EventFilter: f, By: by}
			got, err := s.Aggregate(ctx(), af)
			if err != nil {
				t.Fatalf("%+v: %v", af, err)
			}
			want := refAggregate(r, af)
			if len(got) != len(want) {
				t.Errorf("%+v by %v: %d buckets, want %d", f, by, len(got), len(want))
			}
			keys := make([]string, 0, len(got))
			for _, b := range got {
				k := bucketKey(b, by)
				keys = append(keys, k)
				w, ok := want[k]
				if !ok || float64(b.Events) != w[0] || math.Abs(b.Sum-w[1]) > 1e-6 {
					t.Errorf("%+v by %v: bucket %q = %d, %.2f; want %v", f, by, k, b.Events, b.Sum, w)
				}
			}
			if len(by) == 1 && by[0] != store.ByQuad && !sort.StringsAreSorted(keys) {
				t.Errorf("%+v by %v: buckets not sorted: %v", f, by, keys)
			}
		}
	}
}

func testRecode(t *testing.T, s store.Store) {
	docs := fill(t, s, 60, Options{Seed: 7, Copies: 0.3, Focal: 0.5})
	v2 := store.Versions{Coder: "0.2.0", Dict: "test", Model: "m1"}
	stale, err := s.Stale(ctx(), v2, 0, 25)
	if err != nil || len(stale) != 25 || stale[0].ID != docs[0].Article.ID {
		t.Fatalf("stale: %d, %v", len(stale), err)
	}
	// Re-code every third article with other events: the last event goes,
	// the first changes code; the others get nothing new.
	for i, d := range docs {
		c := d.Coding
		c.Versions = v2
		c.Events = append([]event.Event(nil), c.Events...)
		for k := range c.Events {
			c.Events[k].CoderVersion = v2.Coder
		}
		if i%3 == 0 && len(c.Events) > 1 {
			c.Events = c.Events[:len(c.Events)-1]
			c.Events[0].Code, c.Events[0].Root, c.Events[0].Quad, c.Events[0].Goldstein = "190", "19", 4, -10
		}
		if err := s.Recode(ctx(), d.Article.ID, &c); err != nil {
			t.Fatal(err)
		}
		d.Coding = c
	}
	if stale, err := s.Stale(ctx(), v2, 0, 100); err != nil || len(stale) != 0 {
		t.Errorf("after recode, stale: %d, %v", len(stale), err)
	}
	r := newRef(docs)
	checkAggregates(t, s, r)
	st, _ := s.Stats(ctx())
	if st.DistinctEvents != len(r.keys) {
		t.Errorf("%d distinct events, want %d", st.DistinctEvents, len(r.keys))
	}
	evs, _, _ := s.Events(ctx(), store.EventFilter{ArticleID: docs[0].Article.ID})
	if len(evs) != len(docs[0].Coding.Events) || evs[0].Code != "190" || evs[0].CoderVersion != "0.2.0" {
		t.Errorf("recoded events: %+v", evs)
	}
	// Rebuild must give the same distinct events and aggregates.
	if err := s.Rebuild(ctx()); err != nil {
		t.Fatal(err)
	}
	checkAggregates(t, s, r)
	if err := s.Recode(ctx(), 424242, &store.Coding{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("recode of a missing article: %v", err)
	}
	bad := docs[1].Coding
	bad.Events = append([]event.Event{{Code: ""}}, bad.Events...)
	if err := s.Recode(ctx(), docs[1].Article.ID, &bad); err == nil {
		t.Error("recode with a bad event accepted")
	}
	if evs, _, _ := s.Events(ctx(), store.EventFilter{ArticleID: docs[1].Article.ID}); len(evs) != len(docs[1].Coding.Events) {
		t.Errorf("a failed recode changed the events: %d, want %d", len(evs), len(docs[1].Coding.Events))
	}
}

func testSimilar(t *testing.T, s store.Store) {
	docs, _ := Synthetic(3, Options{Seed: 8})
	docs[0].Bands, docs[0].Signature = []uint64{1, 2, 3}, []byte("sig0")
	docs[1].Bands, docs[1].Signature = []uint64{3, 4, 1 << 63}, []byte("sig1")
	docs[2].Bands = nil
	mustPut(t, s, docs...)
	got, err := s.Similar(ctx(), []uint64{3, 99})
	if err != nil || len(got) != 2 || got[0].ArticleID != docs[0].Article.ID || string(got[1].Signature) != "sig1" {
		t.Errorf("similar: %+v, %v", got, err)
	}
	got, err = s.Similar(ctx(), []uint64{1 << 63})
	if err != nil || len(got) != 1 || got[0].ArticleID != docs[1].Article.ID {
		t.Errorf("similar, high band: %+v, %v", got, err)
	}
	if got, err := s.Similar(ctx(), []uint64{77}); err != nil || len(got) != 0 {
		t.Errorf("similar, no match: %+v, %v", got, err)
	}
}

// testPutNear stores near-duplicates with clusters chosen in the write
// transaction: among stored articles and those before in the same call.
func testPutNear(t *testing.T, s store.Store) {
	docs, _ := Synthetic(5, Options{Seed: 9})
	docs[0].Bands, docs[0].Signature = []uint64{1, 2}, []byte("a")
	docs[1].Bands, docs[1].Signature = []uint64{2, 3}, []byte("b") // joins docs[0], same call
	docs[2].Bands, docs[2].Signature = []uint64{7}, []byte("c")    // joins nothing
	docs[3].Bands, docs[3].Signature = []uint64{3}, []byte("d")    // next call: joins docs[1]'s cluster
	docs[4].Bands, docs[4].Signature = []uint64{1}, []byte("e")    // next call: rejected by near
	var seen [][]string
	near := func(sig []byte, cands []store.Candidate) int {
		var names []string
		for _, c := range cands {
			names = append(names, string(c.Signature))
		}
		seen = append(seen, append([]string{string(sig)}, names...))
		if len(cands) == 0 || string(sig) == "e" {
			return -1
		}
		return len(cands) - 1
	}
	put := func(ds ...*store.Doc) {
		t.Helper()
		res, err := store.PutNear(ctx(), s, near, ds...)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
	}
	put(docs[0], docs[1], docs[2])
	put(docs[3], docs[4])
	want := [][]string{{"a"}, {"b", "a"}, {"c"}, {"d", "b"}, {"e", "a"}}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("candidates %q, want %q", seen, want)
	}
	id := func(i int) int64 { return docs[i].Article.ID }
	for i, w := range []int64{id(0), id(0), id(2), id(0), id(4)} {
		a, err := s.Article(ctx(), id(i))
		if err != nil || a.Cluster != w {
			t.Errorf("doc %d: cluster %d, want %d (%v)", i, a.Cluster, w, err)
		}
	}
}

func testQuotesAndSearch(t *testing.T, s store.Store) {
	a := doc("https://example.org/wheat", "wire", "KAZ CHN 042 2025-03-01")
	a.Article.Title = "Kazakhstan ships wheat"
	a.Article.Text = "Kazakhstan will ship more wheat to China, officials said on Monday. “We value our grain partnership,” the minister said."
	i := strings.Index(a.Article.Text, "We value")
	j := strings.Index(a.Article.Text, ",”")
	sp := strings.Index(a.Article.Text, "the minister")
	a.Coding.Quotes = []store.Quote{{Sentence: 1, Text: a.Article.Text[i:j], Start: i, End: j, SpeakerCode: "KAZGOV",
		SpeakerText: "the minister", SpeakerStart: sp, SpeakerEnd: sp + 12}}
	b := doc("https://example.org/oil", "daily", "RUS KAZ 120 2025-04-01")
	b.Article.Published = "2025-04-01"
	b.Article.Title = "Pipeline talks stall"
	b.Article.Text = "Russian and Kazakh negotiators failed to agree on oil transit fees. “No deal on transit yet,” a Russian official said."
	i = strings.Index(b.Article.Text, "No deal")
	j = strings.Index(b.Article.Text, ",”")
	b.Coding.Quotes = []store.Quote{{Sentence: 1, Text: b.Article.Text[i:j], Start: i, End: j, SpeakerCode: "RUSGOV"}}
	mustPut(t, s, a, b)
	cases := []struct {
		f    store.QuoteFilter
		want []string
	}{
		{store.QuoteFilter{}, []string{"We", "No"}},
		{store.QuoteFilter{Speaker: "KAZ"}, []string{"We"}},
		{store.QuoteFilter{Speaker: "RUSGOV"}, []string{"No"}},
		{store.QuoteFilter{Search: "grain"}, []string{"We"}},
		{store.QuoteFilter{Search: "transit deal"}, []string{"No"}},
		{store.QuoteFilter{Search: `"grain partnership"`}, []string{"We"}},
		{store.QuoteFilter{Search: "AND OR NOT * ("}, nil},
		{store.QuoteFilter{Since: "2025-03-15"}, []string{"No"}},
	}
	for _, c := range cases {
		got, _, err := s.Quotes(ctx(), c.f)
		if err != nil {
			t.Errorf("%+v: %v", c.f, err)
			continue
		}
		var texts []string
		for _, q := range got {
			texts = append(texts, strings.Fields(q.Text)[0])
		}
		if !reflect.DeepEqual(texts, c.want) {
			t.Errorf("%+v: %q, want %q", c.f, texts, c.want)
		}
	}
	hits, err := s.Search(ctx(), store.SearchQuery{Text: "wheat"})
	if err != nil || len(hits) != 1 || hits[0].Article.ID != a.Article.ID || !strings.Contains(hits[0].Snippet, "wheat") {
		t.Errorf("search wheat: %+v, %v", hits, err)
	}
	hits, err = s.Search(ctx(), store.SearchQuery{Text: "transit fees"})
	if err != nil || len(hits) != 1 || hits[0].Article.ID != b.Article.ID {
		t.Errorf("search transit: %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx(), store.SearchQuery{Text: "wheat", Since: "2025-04-01"}); err != nil || len(hits) != 0 {
		t.Errorf("search since: %+v, %v", hits, err)
	}
	if _, err := s.Search(ctx(), store.SearchQuery{Text: "NEAR( \" OR"}); err != nil {
		t.Errorf("search with operators: %v", err)
	}
}

func testRuns(t *testing.T, s store.Store) {
	r := &store.Run{Command: "ingest", Args: "dir/", Versions: store.Versions{Coder: "1"}}
	id, err := s.StartRun(ctx(), r)
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	r.Articles, r.Events, r.Failed, r.Errors = 3, 9, 1, "bad.txt: not UTF-8"
	if err := s.FinishRun(ctx(), r); err != nil {
		t.Fatal(err)
	}
	r2 := &store.Run{Command: "recode"}
	if _, err := s.StartRun(ctx(), r2); err != nil {
		t.Fatal(err)
	}
	runs, err := s.Runs(ctx(), 10)
	if err != nil || len(runs) != 2 {
		t.Fatal(runs, err)
	}
	if runs[0].Command != "recode" || runs[0].Status != "running" || !runs[0].Finished.IsZero() {
		t.Errorf("latest run: %+v", runs[0])
	}
	if g := runs[1]; g.Status != "done" || g.Articles != 3 || g.Events != 9 || g.Failed != 1 || g.Errors != r.Errors || g.Finished.IsZero() {
		t.Errorf("finished run: %+v", g)
	}
}

// testCountries checks that organisations are partners of their own, by
// their short names: IGOEUREEC… is the EU, not IGO like the UN.
func testCountries(t *testing.T, s store.Store) {
	mustPut(t, s, doc("orgs", "wire", "KAZGOV IGOEUREECLEG 042 2025-03-01", "IGOUNO KAZ 010 2025-03-01",
		"KAZ OSCE 036 2025-03-02", "KAZMIL IGOWSTNAT 043 2025-03-02", "KAZ IGOEURCOEJUD 010 2025-03-03",
		"IGOEURCOE KAZGOV 020 2025-03-04", "EAEU KAZ 057 2025-03-04", "IGOEUREEC RUS 112 2025-03-05"))
	got, err := s.Aggregate(ctx(), store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ"}, By: []store.Dim{store.ByPartner}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"EAEU": 1, "EU": 1, "IGOEURCOE": 2, "NATO": 1, "OSCE": 1, "UN": 1}
	if len(got) != len(want) {
		t.Errorf("partners of KAZ = %+v, want %v", got, want)
	}
	for _, b := range got {
		if want[b.Partner] != b.Events {
			t.Errorf("partner %s: %d events, want %d", b.Partner, b.Events, want[b.Partner])
		}
	}
	for _, tc := range []struct {
		f    store.EventFilter
		want int
	}{
		{store.EventFilter{Actor: "EU"}, 2},
		{store.EventFilter{Actor: "EU", Partner: "KAZ"}, 1},
		{store.EventFilter{Actor: "IGOEUREECLEG"}, 1},
		{store.EventFilter{Actor: "IGOEUREEC"}, 1},
		{store.EventFilter{Actor: "OSCE"}, 1},
		{store.EventFilter{Actor: "IGOEURCOE"}, 2}, // with its court, IGOEURCOEJUD
		{store.EventFilter{Actor: "IGOEURCOEJUD"}, 1},
		{store.EventFilter{Partner: "NATO"}, 1},
	} {
		evs, _, err := s.Events(ctx(), tc.f)
		if err != nil || len(evs) != tc.want {
			t.Errorf("%+v: %d events (%v), want %d", tc.f, len(evs), err, tc.want)
		}
		bk, err := s.Aggregate(ctx(), store.AggFilter{EventFilter: tc.f})
		if err != nil || len(bk) != 1 || bk[0].Events != tc.want {
			t.Errorf("%+v: aggregate %+v (%v), want %d", tc.f, bk, err, tc.want)
		}
	}
}

func testSpan(t *testing.T, s store.Store) {
	if first, last, err := s.Span(ctx()); err != nil || first != "" || last != "" {
		t.Errorf("empty store: span %q %q, %v", first, last, err)
	}
	mustPut(t, s, doc("span", "wire", "KAZ CHN 042 2025-03-04", "KAZ RUS 120 2024-11-30", "USA KAZ 010 2025-01-02"))
	if first, last, err := s.Span(ctx()); err != nil || first != "2024-11-30" || last != "2025-03-04" {
		t.Errorf("span %q %q, %v; want 2024-11-30 2025-03-04", first, last, err)
	}
}

// testGeneration checks that the generation changes with every write that
// changes the store, and only then, as seen by another connection.
func testGeneration(t *testing.T, s store.Store) {
	gen := func() int64 {
		t.Helper()
		g, err := s.Generation(ctx())
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	g := gen()
	docs, _ := Synthetic(3, Options{Seed: 9})
	step := func(what string, changes bool, write func() error) {
		t.Helper()
		if err := write(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if n := gen(); (n != g) != changes {
			t.Errorf("%s: generation %d -> %d", what, g, n)
		} else {
			g = n
		}
	}
	step("put", true, func() error { _, err := s.Put(ctx(), docs...); return err })
	step("put of stored texts", false, func() error { _, err := s.Put(ctx(), docs...); return err })
	step("aggregate", false, func() error {
		_, err := s.Aggregate(ctx(), store.AggFilter{EventFilter: store.EventFilter{Actor: "KAZ"}, By: []store.Dim{store.ByPartner}})
		return err
	})
	c := docs[0].Coding
	c.Events = c.Events[:1]
	step("recode", true, func() error { return s.Recode(ctx(), docs[0].Article.ID, &c) })
	step("rebuild", true, func() error { return s.Rebuild(ctx()) })
}
