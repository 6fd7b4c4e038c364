// Package storetest holds the conformance suite that every [store.Store]
// backend passes ([Run]) and synthetic stories with known events for it
// and for benchmarks ([Synthetic]).
package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"farabi/internal/event"
	"farabi/internal/store"
)

// Partners are the actor roots the synthetic stories use; the first is the
// focal country.
var Partners = []string{"KAZ", "RUS", "CHN", "USA", "TUR", "UZB", "KGZ", "EUR", "DEU", "FRA", "GBR", "IND", "JPN", "KOR", "IRN", "AZE"}

var agents = []string{"", "GOV", "MIL", "BUS", "COP"}

// codes are CAMEO codes with their Goldstein scores.
var codes = []struct {
	code string
	g    float64
}{{"010", 0}, {"020", 3}, {"036", 4}, {"042", 1.9}, {"043", 2.8}, {"046", 7}, {"051", 3.4}, {"057", 8},
	{"061", 6.4}, {"071", 7.4}, {"073", 7.4}, {"081", 5}, {"112", -2}, {"120", -4}, {"130", -4.4}, {"163", -8},
	{"172", -5}, {"190", -10}}

// Options shape synthetic stories.
type Options struct {
	Seed   uint64
	Start  time.Time // first day (default 2024-01-01)
	Days   int       // spread over this many days (default 730)
	Events int       // events per story (default 4)
	// Copies is the chance that a story repeats an earlier story's events
	// (a wire copy in another outlet, same cluster).
	Copies float64
	// Focal is the share of events with the first partner on one side.
	Focal float64
}

// Synthetic returns n stories with events, quotes and mentions, each
// text long enough for the offsets it carries, and for each story the
// index of the earlier story it copies (-1 for none): a copy belongs to
// that story's cluster, so its Article.Cluster must be set to the stored
// ID of the original before it is put (see [Put]). The result is the same
// for the same options.
func Synthetic(n int, o Options) ([]*store.Doc, []int) {
	if o.Start.IsZero() {
		o.Start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.Days == 0 {
		o.Days = 730
	}
	if o.Events == 0 {
		o.Events = 4
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x5bd1e995))
	v := store.Versions{Coder: "0.1.0", Dict: "test", Model: "m1"}
	outlets := []string{"astana-times", "wire-one", "eurasia-daily", "steppe-post", "capital-news"}
	docs := make([]*store.Doc, 0, n)
	copyOf := make([]int, n)
	for i := 0; i < n; i++ {
		day := o.Start.AddDate(0, 0, r.IntN(o.Days)).Format("2006-01-02")
		d := &store.Doc{Article: store.Article{
			URL: fmt.Sprintf("https://example.org/%d", i), Outlet: outlets[r.IntN(len(outlets))],
			Title: fmt.Sprintf("Story %d", i), Published: day, Language: "en", Source: fmt.Sprintf("synthetic:%d", i),
		}}
		var text strings.Builder
		copyOf[i] = -1
		if i > 0 && r.Float64() < o.Copies {
			// A copy: the same events as an earlier story, another outlet.
			j := r.IntN(len(docs))
			for copyOf[j] >= 0 {
				j = copyOf[j]
			}
			copyOf[i] = j
			src := docs[j]
			d.Article.Published = src.Article.Published
			d.Coding = src.Coding
			d.Coding.Events = append([]event.Event(nil), src.Coding.Events...)
			text.WriteString(src.Article.Text)
			fmt.Fprintf(&text, " Copy %d.", i)
		} else {
			d.Coding = store.Coding{Versions: v}
			for k := 0; k < o.Events; k++ {
				a, b := pick(r, o.Focal), pick(r, 0)
				for b == a {
					b = pick(r, 0)
				}
				if r.IntN(2) == 0 {
					a, b = b, a
				}
				c := codes[r.IntN(len(codes))]
				start := text.Len()
				sent := fmt.Sprintf("%s met %s about matter %d on day %s. ", a, b, r.IntN(1000), day)
				text.WriteString(sent)
				date := day
				if r.IntN(5) == 0 {
					t, _ := time.Parse("2006-01-02", day)
					date = t.AddDate(0, 0, -1).Format("2006-01-02")
				}
				d.Coding.Events = append(d.Coding.Events, event.Event{
					Sentence: k, Date: date,
					Source: event.Actor{Code: a, Text: a[:3], Start: start, End: start + 3},
					Target: event.Actor{Code: b, Text: b[:3], Start: start + len(a) + 5, End: start + len(a) + 8},
					Code:   c.code, Root: event.Root(c.code), Quad: event.Quad(c.code), Goldstein: c.g,
					Plover: "CONSULT", Rule: "synthetic", Confidence: 0.8, Predicate: "met",
					PredicateStart: start + len(a) + 1, PredicateEnd: start + len(a) + 4,
					Notes: []string{"synthetic"}, SentenceText: strings.TrimSpace(sent),
					CoderVersion: v.Coder, DictVersion: v.Dict, ModelVersion: v.Model,
				})
				d.Coding.Mentions = append(d.Coding.Mentions, store.Mention{Sentence: k, Code: a, Text: a[:3], Start: start, End: start + 3, Method: "name", Confidence: 1})
				if k == 0 {
					qs := text.Len()
					words := "We value our ties with " + b[:3]
					q := "“" + words + ",” the minister said. "
					text.WriteString(q)
					sp := qs + strings.Index(q, "the minister")
					d.Coding.Quotes = append(d.Coding.Quotes, store.Quote{Sentence: k, Text: words,
						Start: qs + len("“"), End: qs + len("“") + len(words), SpeakerCode: a, SpeakerText: "the minister",
						SpeakerStart: sp, SpeakerEnd: sp + len("the minister")})
				}
				d.Coding.Sentences = k + 1
			}
		}
		d.Article.Text = text.String()
		docs = append(docs, d)
	}
	return docs, copyOf
}

// Put stores docs in batches of batch, setting each copy's cluster to its
// original's, and returns the results in order.
func Put(ctx context.Context, s store.Store, docs []*store.Doc, copyOf []int, batch int) ([]store.PutResult, error) {
	return PutWith(ctx, s.Put, docs, copyOf, batch)
}

// PutWith is [Put] with another writer, such as [store.Load].
func PutWith(ctx context.Context, put func(context.Context, ...*store.Doc) ([]store.PutResult, error), docs []*store.Doc, copyOf []int, batch int) ([]store.PutResult, error) {
	out := make([]store.PutResult, 0, len(docs))
	for i := 0; i < len(docs); i += batch {
		part := docs[i:min(i+batch, len(docs))]
		for k, d := range part {
			if j := copyOf[i+k]; j >= 0 {
				d.Article.Cluster = docs[j].Article.Cluster
			}
		}
		res, err := put(ctx, part...)
		if err != nil {
			return out, err
		}
		out = append(out, res...)
	}
	return out, nil
}

// pick returns an actor code: the focal country with probability focal,
// else any partner, with an agent suffix now and then.
func pick(r *rand.Rand, focal float64) string {
	root := Partners[r.IntN(len(Partners))]
	if r.Float64() < focal {
		root = Partners[0]
	}
	return root + agents[r.IntN(len(agents))]
}

// Snapshot summarizes what a store holds without its IDs or times, so two
// stores holding the same data give the same text: the counts, every
// distinct event with its counts, every mention with its article's URL,
// and the aggregates by partner and quad.
func Snapshot(ctx context.Context, s store.Store) (string, error) {
	var b strings.Builder
	st, err := s.Stats(ctx)
	if err != nil {
		return "", err
	}
	st.Runs, st.Bytes = 0, 0
	fmt.Fprintf(&b, "%+v\n", st)
	for _, all := range []bool{false, true} {
		var lines []string
		f := store.EventFilter{AllMentions: all, Limit: 10000}
		for {
			evs, next, err := s.Events(ctx, f)
			if err != nil {
				return "", err
			}
			for _, e := range evs {
				if all {
					lines = append(lines, fmt.Sprintf("m %s %s %s %s %s %d %s", e.Date, e.Source.Code, e.Target.Code, e.Code, e.URL, e.Sentence, e.CoderVersion))
				} else {
					lines = append(lines, fmt.Sprintf("d %s %s %s %s %d %d %d", e.Date, e.Source.Code, e.Target.Code, e.Code, e.Mentions, e.Stories, e.Outlets))
				}
			}
			if next == "" {
				break
			}
			f.After = next
		}
		sort.Strings(lines)
		b.WriteString(strings.Join(lines, "\n") + "\n")
	}
	for _, actor := range Partners[:3] {
		bk, err := s.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Actor: actor}, By: []store.Dim{store.ByPartner, store.ByQuad, store.ByMonth}})
		if err != nil {
			return "", err
		}
		for _, x := range bk {
			fmt.Fprintf(&b, "a %s %s %d %s %d %.3f\n", actor, x.Partner, x.Quad, x.Period, x.Events, x.Sum)
		}
	}
	return b.String(), nil
}
