package analytics

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"farabi/internal/store"
)

// AlertOptions say which dyads to watch, over which weeks, and how far a
// week must depart from its baseline to alert. Zero fields take the
// defaults.
type AlertOptions struct {
	// Actor is the focal actor, whose dyads with each partner are watched;
	// "" watches every dyad.
	Actor string
	// Since and Until bound the weeks that may alert (the weeks of those
	// days); Until defaults to the last day with events, Since to four
	// weeks before Until.
	Since, Until string
	// Baseline is the number of trailing weeks a week is compared with
	// (default 12, at most 104).
	Baseline int
	// SD is how many standard deviations from the baseline's mean a week's
	// count must be to alert (default 3). The standard deviation is taken
	// as at least 1 event, so a steady series does not alert on one event
	// more.
	SD float64
	// Min is the least count that alerts: a week's count for a rise, the
	// baseline's mean for a fall (default 5).
	Min int
}

func (o *AlertOptions) defaults() {
	if o.Baseline <= 0 {
		o.Baseline = 12
	}
	o.Baseline = min(o.Baseline, 104)
	if o.SD <= 0 {
		o.SD = 3
	}
	if o.Min <= 0 {
		o.Min = 5
	}
}

// Kinds of alerts.
const (
	Rise       = "rise"        // a class of events well above its baseline
	Fall       = "fall"        // well below
	NewPartner = "new-partner" // a dyad's first events
)

// Classes of events that alerts watch.
const (
	Cooperation = "cooperation" // quad classes 1 and 2
	Conflict    = "conflict"    // quad classes 3 and 4
)

// Alert is a dyad's week that departs from the dyad's own past: a rise or
// fall of its cooperation or conflict beyond the baseline, or the first
// events between two actors.
type Alert struct {
	// ID names the alert stably ("rise:KAZ-CHN:conflict:2025-03-03"), so a
	// watcher can tell the alerts it has already sent.
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Week    string `json:"week"` // its Monday
	Actor   string `json:"actor"`
	Partner string `json:"partner"`
	Class   string `json:"class,omitempty"` // for rises and falls
	Count   int    `json:"count"`           // the week's events of the class (all events for a new partner)
	// Mean and SD describe the baseline weeks; Z is (Count-Mean)/max(SD,1).
	Mean    float64 `json:"baseline_mean"`
	SD      float64 `json:"baseline_sd"`
	Z       float64 `json:"z"`
	Message string  `json:"message"`
}

// dyadWeeks holds a dyad's cooperation and conflict counts week by week.
type dyadWeeks map[string]*[2]int

// Alerts finds the alerts of the weeks in o's window. The week of the
// store's last day, unless that day is a Sunday, may rise but not fall:
// its news is not all in.
func (a *Analyzer) Alerts(ctx context.Context, o AlertOptions) ([]Alert, error) {
	o.defaults()
	w := Window{Since: o.Since, Until: o.Until, Period: Week}
	_, last, err := a.src.Span(ctx)
	if err != nil {
		return nil, err
	}
	if last == "" {
		return nil, nil
	}
	if w.Until == "" {
		w.Until = last
	}
	// A week the store has not seen to its end (the news of its last days
	// not in yet) has fewer events than a whole one: it may rise, not fall.
	lastDay, _ := time.Parse(day, last)
	partial := monday(lastDay).Format(day)
	if lastDay.Weekday() == time.Sunday {
		partial = ""
	}
	if w.Since == "" {
		until, err := time.Parse(day, w.Until)
		if err != nil {
			return nil, badQuestion("bad until %q: want YYYY-MM-DD", w.Until)
		}
		w.Since = monday(until).AddDate(0, 0, -21).Format(day)
	}
	if err := w.Resolve(ctx, a.src); err != nil {
		return nil, err
	}
	since, _ := time.Parse(day, w.Since)
	lead := Window{Since: monday(since).AddDate(0, 0, -7*o.Baseline).Format(day), Until: w.Until, Period: Week}
	weeks := lead.periods()
	before := since.AddDate(0, 0, -1).Format(day)

	dyads := map[[2]string]dyadWeeks{}
	known := map[[2]string]bool{}
	add := func(x, y, week string, quad, n int) {
		k := [2]string{x, y}
		dw := dyads[k]
		if dw == nil {
			dw = dyadWeeks{}
			dyads[k] = dw
		}
		c := dw[week]
		if c == nil {
			c = new([2]int)
			dw[week] = c
		}
		if quad <= 2 {
			c[0] += n
		} else {
			c[1] += n
		}
	}
	if o.Actor != "" {
		bs, err := a.src.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Actor: o.Actor, Since: lead.Since, Until: w.Until},
			By: []store.Dim{store.ByPartner, store.ByWeek, store.ByQuad}})
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			if foreign(o.Actor, b.Partner) {
				add(o.Actor, b.Partner, b.Period, b.Quad, b.Events)
			}
		}
		old, err := a.src.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Actor: o.Actor, Until: before},
			By: []store.Dim{store.ByPartner}})
		if err != nil {
			return nil, err
		}
		for _, b := range old {
			known[[2]string{o.Actor, b.Partner}] = true
		}
	} else {
		// Every dyad, both directions together: (x, y) with x < y.
		pair := func(s, t string) ([2]string, bool) {
			if s == t || !ValidCode(s) || !ValidCode(t) {
				return [2]string{}, false
			}
			if t < s {
				s, t = t, s
			}
			return [2]string{s, t}, true
		}
		bs, err := a.src.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Since: lead.Since, Until: w.Until},
			By: []store.Dim{store.BySource, store.ByTarget, store.ByWeek, store.ByQuad}})
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			if k, ok := pair(b.Source, b.Target); ok {
				add(k[0], k[1], b.Period, b.Quad, b.Events)
			}
		}
		old, err := a.src.Aggregate(ctx, store.AggFilter{EventFilter: store.EventFilter{Until: before},
			By: []store.Dim{store.BySource, store.ByTarget}})
		if err != nil {
			return nil, err
		}
		for _, b := range old {
			if k, ok := pair(b.Source, b.Target); ok {
				known[k] = true
			}
		}
	}

	var out []Alert
	first := o.Baseline // index in weeks of the first week that may alert
	for k, dw := range dyads {
		seen := known[k]
		series := [2][]int{make([]int, len(weeks)), make([]int, len(weeks))}
		for i, wk := range weeks {
			if c := dw[wk]; c != nil {
				series[0][i], series[1][i] = c[0], c[1]
			}
		}
		for i := first; i < len(weeks); i++ {
			n := series[0][i] + series[1][i]
			if !seen && n > 0 {
				seen = true
				out = append(out, Alert{ID: fmt.Sprintf("%s:%s-%s:%s", NewPartner, k[0], k[1], weeks[i]), Kind: NewPartner,
					Week: weeks[i], Actor: k[0], Partner: k[1], Count: n,
					Message: fmt.Sprintf("%s–%s: first events, %d in the week of %s", k[0], k[1], n, weeks[i])})
			}
			for c, class := range []string{Cooperation, Conflict} {
				x := series[c][i]
				mean, sd := meanSD(series[c][i-o.Baseline : i])
				z := (float64(x) - mean) / math.Max(sd, 1)
				kind := ""
				switch {
				case z > o.SD && x >= o.Min:
					kind = Rise
				case z < -o.SD && mean >= float64(o.Min) && weeks[i] != partial:
					kind = Fall
				default:
					continue
				}
				out = append(out, Alert{ID: fmt.Sprintf("%s:%s-%s:%s:%s", kind, k[0], k[1], class, weeks[i]), Kind: kind,
					Week: weeks[i], Actor: k[0], Partner: k[1], Class: class, Count: x, Mean: mean, SD: sd, Z: z,
					Message: fmt.Sprintf("%s–%s %s %s: %d events in the week of %s, baseline %.1f ± %.1f over %d weeks (z %+.1f)",
						k[0], k[1], class, kind, x, weeks[i], mean, sd, o.Baseline, z)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Week != y.Week {
			return x.Week < y.Week
		}
		if math.Abs(x.Z) != math.Abs(y.Z) {
			return math.Abs(x.Z) > math.Abs(y.Z)
		}
		return x.ID < y.ID
	})
	return out, nil
}
