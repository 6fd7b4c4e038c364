package analytics

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"farabi/internal/event"
	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// refKey is a distinct event of the reference model.
type refKey struct {
	date, src, tgt, code string
}

type refEvent struct {
	quad int
	g    float64
}

// reference collects the distinct events of docs, as the store should.
func reference(docs []*store.Doc) map[refKey]refEvent {
	out := map[refKey]refEvent{}
	for _, d := range docs {
		for _, e := range d.Coding.Events {
			out[refKey{e.Date, e.Source.Code, e.Target.Code, e.Code}] = refEvent{e.Quad, e.Goldstein}
		}
	}
	return out
}

// refPartners counts actor's distinct events by partner within [since,
// until], as Vectors should.
func refPartners(ref map[refKey]refEvent, actor, since, until string) map[string]Tally {
	out := map[string]Tally{}
	for k, e := range ref {
		if k.date < since || k.date > until {
			continue
		}
		var partner string
		switch {
		case store.Country(k.src) == actor:
			partner = store.Country(k.tgt)
		case store.Country(k.tgt) == actor:
			partner = store.Country(k.src)
		default:
			continue
		}
		if partner == actor {
			continue
		}
		t := out[partner]
		t.Add(store.Bucket{Quad: e.quad, Events: 1, Sum: e.g})
		out[partner] = t
	}
	return out
}

func fill(t *testing.T, s store.Store, n int) []*store.Doc {
	t.Helper()
	docs, copyOf := storetest.Synthetic(n, storetest.Options{Seed: 11, Copies: 0.3, Focal: 0.5, Days: 400,
		Start: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	res, err := storetest.Put(context.Background(), s, docs, copyOf, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	return docs
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestVectors(t *testing.T) {
	s := openStore(t)
	ref := reference(fill(t, s, 400))
	a := New(s, nil)
	w := Window{Since: "2024-09-01", Until: "2025-03-31", Period: Month}
	v, err := a.Vectors(context.Background(), "KAZ", w)
	if err != nil {
		t.Fatal(err)
	}
	want := refPartners(ref, "KAZ", w.Since, w.Until)
	if len(v.Partners) != len(want) {
		t.Fatalf("%d partners, want %d", len(v.Partners), len(want))
	}
	total := 0
	for _, p := range v.Partners {
		wt := want[p.Partner]
		if p.Events != wt.Events || p.Quad != wt.Quad || !near(p.Goldstein, wt.Goldstein) {
			t.Errorf("partner %s: %+v, want %+v", p.Partner, p.Tally, wt)
		}
		total += wt.Events
	}
	if v.Total.Events != total {
		t.Errorf("total %d, want %d", v.Total.Events, total)
	}
	if !sort.SliceIsSorted(v.Partners, func(i, j int) bool { return v.Partners[i].Events > v.Partners[j].Events }) {
		t.Error("partners not sorted by events")
	}
	// Blocs add up to the total; shares to one; each partner is in its bloc.
	sum, shares := 0, 0.0
	for _, b := range v.Blocs {
		sum += b.Events
		shares += b.Share
	}
	if sum != total || !near(shares, 1) {
		t.Errorf("blocs add up to %d events and %.6f shares; want %d and 1", sum, shares, total)
	}
	if got := v.Blocs[0]; got.Bloc != "russia" || got.Events != want["RUS"].Events {
		t.Errorf("first bloc %+v, want russia with %d events", got, want["RUS"].Events)
	}
	// The series adds up to the total over the window's months.
	if len(v.Series) != 7 || v.Series[0].Period != "2024-09" || v.Series[6].Period != "2025-03" {
		t.Fatalf("series periods %v", periodsOf(v.Series))
	}
	n := 0
	for _, p := range v.Series {
		n += p.Events
		if p.Events > 0 && (p.BlocConcentration.HHI <= 0 || p.BlocConcentration.HHI > 1) {
			t.Errorf("%s: HHI %v", p.Period, p.BlocConcentration.HHI)
		}
	}
	if n != total {
		t.Errorf("series adds up to %d, want %d", n, total)
	}
}

func periodsOf(ps []VectorPoint) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Period)
	}
	return out
}

func TestSeriesDyad(t *testing.T) {
	s := openStore(t)
	ref := reference(fill(t, s, 300))
	a := New(s, nil)
	w := Window{Since: "2024-06-03", Until: "2024-12-29", Period: Week}
	got, err := a.Series(context.Background(), "KAZ", "CHN", w, SeriesFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Tally{}
	for k, e := range ref {
		if k.date < w.Since || k.date > w.Until {
			continue
		}
		src, tgt := store.Country(k.src), store.Country(k.tgt)
		if !(src == "KAZ" && tgt == "CHN" || src == "CHN" && tgt == "KAZ") {
			continue
		}
		d, _ := time.Parse(day, k.date)
		wk := Week.Of(d)
		tl := want[wk]
		tl.Add(store.Bucket{Quad: e.quad, Events: 1, Sum: e.g})
		want[wk] = tl
	}
	if len(got.Points) != 30 {
		t.Errorf("%d weeks, want 30", len(got.Points))
	}
	for _, p := range got.Points {
		w := want[p.Period]
		if p.Events != w.Events || p.Quad != w.Quad || !near(p.Goldstein, w.Goldstein) {
			t.Errorf("week %s: %+v, want %+v", p.Period, p.Tally, w)
		}
	}
}

// put stores one story per day with the given events, "SRC TGT CODE".
func put(t *testing.T, s store.Store, date string, keys ...string) {
	t.Helper()
	d := &store.Doc{Article: store.Article{URL: "u:" + date + strings.Join(keys, ","), Published: date}}
	var text strings.Builder
	for i, k := range keys {
		f := strings.Fields(k)
		text.WriteString(k + ". ")
		d.Coding.Events = append(d.Coding.Events, event.Event{Sentence: i, Date: date, Source: event.Actor{Code: f[0]},
			Target: event.Actor{Code: f[1]}, Code: f[2], Root: event.Root(f[2]), Quad: event.Quad(f[2]), Goldstein: 1})
	}
	d.Article.Text = text.String() + date
	res, err := s.Put(context.Background(), d)
	if err != nil || res[0].Err != nil {
		t.Fatal(err, res)
	}
}

func TestAlerts(t *testing.T) {
	s := openStore(t)
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC) // a Monday
	// KAZ–CHN: one or two cooperation events a week for 14 weeks, then a
	// week of 9 conflict events. KAZ–RUS: steady. KAZ–ARM: first seen in
	// week 14.
	for wk := 0; wk < 15; wk++ {
		d := start.AddDate(0, 0, 7*wk+1).Format(day)
		keys := []string{"KAZ CHN 042", "KAZGOV RUS 036", "RUS KAZ 043"}
		if wk%2 == 0 {
			keys = append(keys, "CHN KAZ 057")
		}
		if wk == 14 {
			keys = append(keys, "KAZ ARM 036")
			for i := 0; i < 9; i++ {
				d2 := start.AddDate(0, 0, 7*wk+i%5).Format(day)
				put(t, s, d2, []string{"KAZ CHN 112", "CHN KAZ 120", "KAZGOV CHN 130", "CHNGOV KAZ 172", "CHN KAZGOV 163", "KAZMIL CHN 190", "CHNMIL KAZ 112", "KAZ CHNGOV 120", "CHN KAZMIL 130"}[i])
			}
		}
		put(t, s, d, keys...)
	}
	a := New(s, nil)
	last := start.AddDate(0, 0, 7*14).Format(day)
	got, err := a.Alerts(context.Background(), AlertOptions{Actor: "KAZ", Since: last})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, al := range got {
		ids = append(ids, al.ID)
	}
	want := []string{"rise:KAZ-CHN:conflict:2025-04-14", "new-partner:KAZ-ARM:2025-04-14"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("alerts (-want +got):\n%s\n%+v", diff, got)
	}
	if len(got) > 0 && (got[0].Count != 9 || got[0].Mean != 0 || got[0].Z != 9) {
		t.Errorf("rise: %+v", got[0])
	}
	// Every dyad: the same alerts, by pairs in order of their codes.
	all, err := a.Alerts(context.Background(), AlertOptions{Since: last})
	if err != nil {
		t.Fatal(err)
	}
	ids = ids[:0]
	for _, al := range all {
		ids = append(ids, al.ID)
	}
	want = []string{"rise:CHN-KAZ:conflict:2025-04-14", "new-partner:ARM-KAZ:2025-04-14"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("all dyads' alerts (-want +got):\n%s", diff)
	}
	// A lower minimum lets the smaller swings through; a higher one none.
	if none, _ := a.Alerts(context.Background(), AlertOptions{Actor: "KAZ", Since: last, Min: 10}); len(none) != 1 {
		t.Errorf("min 10: %+v, want only the new partner", none)
	}
}

func TestConcentration(t *testing.T) {
	for _, tc := range []struct {
		name   string
		counts []int
		n      int
		want   Concentration
	}{
		{"none", []int{0, 0}, 0, Concentration{}},
		{"one", []int{5, 0, 0}, 3, Concentration{HHI: 1, Effective: 1, N: 3}},
		{"even", []int{2, 2, 2, 2}, 4, Concentration{HHI: 0.25, Effective: 4, Entropy: 1, N: 4}},
		{"observed", []int{3, 3, 0}, 0, Concentration{HHI: 0.5, Effective: 2, Entropy: 1, N: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := concentration(tc.counts, tc.n)
			if !near(got.HHI, tc.want.HHI) || !near(got.Effective, tc.want.Effective) || !near(got.Entropy, tc.want.Entropy) || got.N != tc.want.N {
				t.Errorf("concentration(%v, %d) = %+v, want %+v", tc.counts, tc.n, got, tc.want)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	s := openStore(t)
	put(t, s, "2025-02-10", "KAZ CHN 042")
	for _, tc := range []struct {
		in      Window
		want    Window
		wantErr string
	}{
		{Window{}, Window{Since: "2024-03-01", Until: "2025-02-28", Period: Month}, ""},
		{Window{Period: Week}, Window{Since: "2024-02-19", Until: "2025-02-16", Period: Week}, ""},
		{Window{Since: "2025-01-01", Period: Week}, Window{Since: "2025-01-01", Until: "2025-02-16", Period: Week}, ""},
		{Window{Since: "2025-13-01"}, Window{}, "bad since"},
		{Window{Since: "2025-03-01", Until: "2025-02-01"}, Window{}, "after until"},
		{Window{Since: "1900-01-01", Period: Week}, Window{}, "at most 530"},
		{Window{Period: "day"}, Window{}, "bad period"},
	} {
		w := tc.in
		err := w.Resolve(context.Background(), s)
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%+v: error %v, want %q", tc.in, err, tc.wantErr)
			}
		case err != nil:
			t.Errorf("%+v: %v", tc.in, err)
		case w != tc.want:
			t.Errorf("%+v resolves to %+v, want %+v", tc.in, w, tc.want)
		}
	}
}

func TestNetwork(t *testing.T) {
	s := openStore(t)
	put(t, s, "2025-02-10", "KAZ CHN 042", "KAZ RUS 042", "KAZGOV RUS 036", "RUS CHN 057", "CHN USA 120", "KAZ USA 010")
	net, err := New(s, nil).Network(context.Background(), "KAZ", Window{Since: "2025-01-01"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := &Network{Actor: "KAZ", Window: Window{Since: "2025-01-01", Until: "2025-02-28", Period: Month},
		Nodes: []Node{{"KAZ", "central-asia", 3}, {"RUS", "russia", 2}, {"CHN", "china", 1}},
		Edges: []Edge{{"KAZ", "RUS", 2, 1}, {"KAZ", "CHN", 1, 1}, {"CHN", "RUS", 1, 1}}}
	if diff := cmp.Diff(want, net); diff != "" {
		t.Errorf("network (-want +got):\n%s", diff)
	}
}

// TestAlertsPartialWeek checks that the week of the store's last day
// does not fall for want of its last days, and does once it is whole.
func TestAlertsPartialWeek(t *testing.T) {
	s := openStore(t)
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC) // a Monday
	for wk := 0; wk < 13; wk++ {
		// Eight cooperation events a week, one code each.
		var keys []string
		for c := 0; c < 8; c++ {
			keys = append(keys, fmt.Sprintf("KAZ CHN 03%d", c))
		}
		put(t, s, start.AddDate(0, 0, 7*wk+2).Format(day), keys...)
	}
	a := New(s, nil)
	last := start.AddDate(0, 0, 7*13) // Monday of week 13
	put(t, s, last.Format(day), "KAZ RUS 042")
	got, err := a.Alerts(context.Background(), AlertOptions{Actor: "KAZ", Since: last.Format(day), Min: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, al := range got {
		if al.Kind == Fall {
			t.Errorf("a fall in a week the store has seen one day of: %+v", al)
		}
	}
	put(t, s, last.AddDate(0, 0, 6).Format(day), "KAZ RUS 043") // the Sunday: the week is whole
	got, err = a.Alerts(context.Background(), AlertOptions{Actor: "KAZ", Since: last.Format(day), Min: 3})
	if err != nil {
		t.Fatal(err)
	}
	falls := 0
	for _, al := range got {
		if al.Kind == Fall && al.Partner == "CHN" {
			falls++
		}
	}
	if falls != 1 {
		t.Errorf("%d falls of KAZ–CHN once the week is whole: %+v", falls, got)
	}
}
