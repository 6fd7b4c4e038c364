package analytics

import (
	"context"
	"fmt"
	"time"

	"farabi/internal/store"
)

// Period is the step of a series: a week (named by its Monday, as the
// store names weeks) or a month (YYYY-MM).
type Period string

// Periods.
const (
	Week  Period = "week"
	Month Period = "month"
)

const day = "2006-01-02"

// QuestionError is a question the analytics cannot answer as asked: a bad
// day or period, a window backwards or too long, a missing actor.
type QuestionError struct{ Msg string }

func (e *QuestionError) Error() string { return e.Msg }

func badQuestion(format string, a ...any) error {
	return &QuestionError{Msg: fmt.Sprintf(format, a...)}
}

// ParsePeriod checks a period's name; "" is a month.
func ParsePeriod(s string) (Period, error) {
	switch Period(s) {
	case Week:
		return Week, nil
	case Month, "":
		return Month, nil
	}
	return "", badQuestion("bad period %q: want week or month", s)
}

func (p Period) dim() store.Dim {
	if p == Week {
		return store.ByWeek
	}
	return store.ByMonth
}

// Of returns the name of the period a day (YYYY-MM-DD) falls in.
func (p Period) Of(d time.Time) string {
	if p == Week {
		return monday(d).Format(day)
	}
	return d.Format("2006-01")
}

// start returns the first day of the period a day falls in.
func (p Period) start(d time.Time) time.Time {
	if p == Week {
		return monday(d)
	}
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func (p Period) next(d time.Time) time.Time {
	if p == Week {
		return d.AddDate(0, 0, 7)
	}
	return d.AddDate(0, 1, 0)
}

func monday(d time.Time) time.Time {
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// Window is the time a question is asked over: the days from Since to
// Until (both included, YYYY-MM-DD) in steps of Period. Empty days are
// filled by [Window.Resolve].
type Window struct {
	Since  string `json:"since"`
	Until  string `json:"until"`
	Period Period `json:"period"`
}

// MaxPeriods caps the periods of a series, so one question cannot ask for
// an unbounded answer: ten years of weeks.
const MaxPeriods = 530

// Spanner reports the first and last days with events: [store.Store]'s
// Span.
type Spanner interface {
	Span(ctx context.Context) (first, last string, err error)
}

// Resolve checks the window and fills what it lacks: Until defaults to the
// end of the period of the last day with events (today when there are
// none), Since to the first day of a year of whole periods ending with
// Until's (twelve months, or 52 weeks), Period to a month. It fails with a [*QuestionError] on a
// bad day, Since after Until, or more than [MaxPeriods] periods.
func (w *Window) Resolve(ctx context.Context, s Spanner) error {
	if w.Period == "" {
		w.Period = Month
	}
	if _, err := ParsePeriod(string(w.Period)); err != nil {
		return err
	}
	for _, d := range []struct{ name, v string }{{"since", w.Since}, {"until", w.Until}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(day, d.v); err != nil {
			return badQuestion("bad %s %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if w.Until == "" {
		_, last, err := s.Span(ctx)
		if err != nil {
			return err
		}
		if last == "" {
			last = time.Now().UTC().Format(day)
		}
		// To the end of the last day's period: no event lies beyond it, so
		// the answer is the same, and the store sums whole periods only.
		d, _ := time.Parse(day, last)
		w.Until = w.Period.next(w.Period.start(d)).AddDate(0, 0, -1).Format(day)
	}
	until, _ := time.Parse(day, w.Until)
	if w.Since == "" {
		// A year of whole periods, so the store sums its weekly or monthly
		// tables and no days at the start.
		if w.Period == Week {
			w.Since = monday(until).AddDate(0, 0, -7*51).Format(day)
		} else {
			w.Since = Month.start(until).AddDate(0, -11, 0).Format(day)
		}
	}
	since, _ := time.Parse(day, w.Since)
	if since.After(until) {
		return badQuestion("since %s is after until %s", w.Since, w.Until)
	}
	if n := len(w.periods()); n > MaxPeriods {
		return badQuestion("%s to %s is %d %ss: at most %d", w.Since, w.Until, n, w.Period, MaxPeriods)
	}
	return nil
}

// periods returns the names of the window's periods in order; the first
// and last may be partly outside the window.
func (w *Window) periods() []string {
	since, err1 := time.Parse(day, w.Since)
	until, err2 := time.Parse(day, w.Until)
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []string
	for d := w.Period.start(since); !d.After(until); d = w.Period.next(d) {
		out = append(out, w.Period.Of(d))
	}
	return out
}

// filter is the store filter of the window.
func (w *Window) filter(actor, partner string) store.EventFilter {
	return store.EventFilter{Actor: actor, Partner: partner, Since: w.Since, Until: w.Until}
}
