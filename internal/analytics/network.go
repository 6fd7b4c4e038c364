package analytics

import (
	"context"
	"sort"

	"farabi/internal/store"
)

// Node is an actor of a partner network.
type Node struct {
	ID     string `json:"id"`
	Bloc   string `json:"bloc"`
	Events int    `json:"events"` // with the focal actor (the focal actor's own: all its events with partners)
}

// Edge is the events between two actors of a network, both directions.
type Edge struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	Events int     `json:"events"`
	Mean   float64 `json:"mean"` // Goldstein
}

// Network is a focal actor, its leading partners and the ties among them.
type Network struct {
	Actor  string `json:"actor"`
	Window Window `json:"window"`
	Nodes  []Node `json:"nodes"` // the focal actor first, then partners by events
	Edges  []Edge `json:"edges"`
}

// MaxNetwork caps the partners of a network: each costs one aggregate.
const MaxNetwork = 24

// Network returns actor's n leading partners over w (at most
// [MaxNetwork]) with the focal actor's ties to each and the partners' ties
// to one another.
func (a *Analyzer) Network(ctx context.Context, actor string, w Window, n int) (*Network, error) {
	if err := w.Resolve(ctx, a.src); err != nil {
		return nil, err
	}
	n = max(1, min(n, MaxNetwork))
	tallies, err := a.partnerTallies(ctx, actor, w)
	if err != nil {
		return nil, err
	}
	if len(tallies) > n {
		tallies = tallies[:n]
	}
	focal := store.Country(actor)
	net := &Network{Actor: actor, Window: w, Nodes: []Node{{ID: focal, Bloc: a.blocs.List[a.blocs.Of(focal)].ID}}}
	in := map[string]bool{}
	for _, t := range tallies {
		net.Nodes = append(net.Nodes, Node{ID: t.Partner, Bloc: t.Bloc, Events: t.Events})
		net.Nodes[0].Events += t.Events
		net.Edges = append(net.Edges, Edge{A: focal, B: t.Partner, Events: t.Events, Mean: t.Mean})
		in[t.Partner] = true
	}
	for _, t := range tallies {
		bs, err := a.src.Aggregate(ctx, store.AggFilter{EventFilter: w.filter(t.Partner, ""), By: []store.Dim{store.ByPartner}})
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			// Each tie is read from both of its ends: keep it once.
			if in[b.Partner] && t.Partner < b.Partner {
				net.Edges = append(net.Edges, Edge{A: t.Partner, B: b.Partner, Events: b.Events, Mean: b.Mean()})
			}
		}
	}
	return net, nil
}

// Partners returns actor's partners over w (resolved first), most events
// first, each with its tally and bloc (shares are left at zero).
func (a *Analyzer) Partners(ctx context.Context, actor string, w Window) ([]PartnerTally, error) {
	if actor == "" {
		return nil, badQuestion("partners need an actor")
	}
	if err := w.Resolve(ctx, a.src); err != nil {
		return nil, err
	}
	return a.partnerTallies(ctx, actor, w)
}

// partnerTallies returns actor's partners over a resolved window, most
// events first.
func (a *Analyzer) partnerTallies(ctx context.Context, actor string, w Window) ([]PartnerTally, error) {
	bs, err := a.src.Aggregate(ctx, store.AggFilter{EventFilter: w.filter(actor, ""), By: []store.Dim{store.ByPartner, store.ByQuad}})
	if err != nil {
		return nil, err
	}
	return a.talliesOf(actor, bs), nil
}

// talliesOf folds buckets with a partner (and a quad class) into the
// partners' tallies, most events first.
func (a *Analyzer) talliesOf(actor string, bs []store.Bucket) []PartnerTally {
	byCode := map[string]*PartnerTally{}
	var order []string
	for _, b := range bs {
		if !foreign(actor, b.Partner) {
			continue
		}
		p := byCode[b.Partner]
		if p == nil {
			p = &PartnerTally{Partner: b.Partner, Bloc: a.blocs.List[a.blocs.Of(b.Partner)].ID}
			byCode[b.Partner] = p
			order = append(order, b.Partner)
		}
		p.Add(b)
	}
	out := make([]PartnerTally, len(order))
	for i, c := range order {
		out[i] = *byCode[c]
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Partner < out[j].Partner
	})
	return out
}
