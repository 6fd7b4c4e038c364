package analytics

import (
	"context"

	"farabi/internal/store"
)

// SeriesPoint is one period of a series.
type SeriesPoint struct {
	Period string `json:"period"`
	Tally
}

// Series is the events of an actor (with a partner: of a dyad, both
// directions) period by period, by quad class, with Goldstein sums and
// means.
type Series struct {
	Actor   string        `json:"actor,omitempty"`
	Partner string        `json:"partner,omitempty"`
	Window  Window        `json:"window"`
	Total   Tally         `json:"total"`
	Points  []SeriesPoint `json:"points"` // every period of the window, in order
}

// SeriesFilter narrows a series to some events: a CAMEO root ("04") or a
// quad class. Without them the series reads the store's dyad-day table.
type SeriesFilter struct {
	Root string
	Quad int
}

// Series computes the series of actor's events with partner (either may
// be empty: all actors) over w, resolved first.
func (a *Analyzer) Series(ctx context.Context, actor, partner string, w Window, sf SeriesFilter) (*Series, error) {
	if err := w.Resolve(ctx, a.src); err != nil {
		return nil, err
	}
	f := w.filter(actor, partner)
	f.Root, f.Quad = sf.Root, sf.Quad
	buckets, err := a.src.Aggregate(ctx, store.AggFilter{EventFilter: f, By: []store.Dim{w.Period.dim(), store.ByQuad}})
	if err != nil {
		return nil, err
	}
	s := &Series{Actor: actor, Partner: partner, Window: w}
	names := w.periods()
	s.Points = make([]SeriesPoint, len(names))
	index := make(map[string]int, len(names))
	for i, p := range names {
		index[p] = i
		s.Points[i].Period = p
	}
	for _, b := range buckets {
		if i, ok := index[b.Period]; ok {
			s.Points[i].Add(b)
			s.Total.Add(b)
		}
	}
	return s, nil
}
