package server

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"farabi/internal/analytics"
	"farabi/internal/store"
)

// query is a request's validated query string: every name allowed by its
// route, each given once.
type query struct {
	v    url.Values
	errs []string
}

func parseQuery(r *http.Request, allowed map[string]bool) (query, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return query{}, badRequest("bad query string: %v", err)
	}
	var unknown []string
	for k, vs := range v {
		if !allowed[k] {
			unknown = append(unknown, k)
			continue
		}
		if len(vs) > 1 {
			return query{}, badRequest("parameter %q given %d times", k, len(vs))
		}
		if len(vs[0]) > 1000 || !utf8.ValidString(vs[0]) {
			return query{}, badRequest("parameter %q is too long or not UTF-8", k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		names := make([]string, 0, len(allowed))
		for k := range allowed {
			names = append(names, k)
		}
		sort.Strings(names)
		return query{}, badRequest("unknown parameter %s; this route takes: %s", strings.Join(unknown, ", "), strings.Join(names, ", "))
	}
	return query{v: v}, nil
}

func (q *query) bad(format string, a ...any) {
	q.errs = append(q.errs, badRequest(format, a...).Message)
}

// err returns the problems found while reading the query, all at once.
func (q *query) err() error {
	if len(q.errs) == 0 {
		return nil
	}
	return badRequest("%s", strings.Join(q.errs, "; "))
}

func (q *query) str(name string) string { return strings.TrimSpace(q.v.Get(name)) }

// day reads a YYYY-MM-DD parameter.
func (q *query) day(name string) string {
	s := q.str(name)
	if s == "" {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		q.bad("%s=%q: want a day, YYYY-MM-DD", name, s)
	}
	return s
}

// int reads an integer parameter within [lo, hi], def when absent.
func (q *query) int(name string, def, lo, hi int) int {
	s := q.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		q.bad("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

// float reads a number parameter within [lo, hi], def when absent.
func (q *query) float(name string, def, lo, hi float64) float64 {
	s := q.str(name)
	if s == "" {
		return def
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x < lo || x > hi {
		q.bad("%s=%q: want a number from %g to %g", name, s, lo, hi)
		return def
	}
	return x
}

func (q *query) bool(name string) bool {
	switch s := q.str(name); s {
	case "", "false", "0":
		return false
	case "true", "1":
		return true
	default:
		q.bad("%s=%q: want true or false", name, s)
		return false
	}
}

// actor reads an actor code (KAZ, KAZGOV, EU…), upper-cased.
func (q *query) actor(name string, required bool) string {
	s := strings.ToUpper(q.str(name))
	switch {
	case s == "" && required:
		q.bad("%s is required: an actor code such as KAZ", name)
	case s != "" && !analytics.ValidCode(s):
		q.bad("%s=%q: want an actor code such as KAZ, KAZGOV or EU", name, q.str(name))
		return ""
	}
	return s
}

// window reads since, until and period.
func (q *query) window() analytics.Window {
	w := analytics.Window{Since: q.day("since"), Until: q.day("until")}
	p, err := analytics.ParsePeriod(q.str("period"))
	if err != nil {
		q.bad("period=%q: want week or month", q.str("period"))
	}
	w.Period = p
	return w
}

// cursor reads an opaque paging cursor, as the previous page's next.
func (q *query) cursor() string {
	s := q.str("after")
	if s == "" {
		return ""
	}
	d, id, ok := strings.Cut(s, ".")
	if _, err := time.Parse("2006-01-02", d); !ok || err != nil {
		q.bad("after=%q: not a cursor this API gave", s)
		return ""
	}
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		q.bad("after=%q: not a cursor this API gave", s)
		return ""
	}
	return s
}

// eventFilter reads the filters of events, as "farabi events" takes them.
func (q *query) eventFilter() store.EventFilter {
	f := store.EventFilter{Actor: q.actor("actor", false), Partner: q.actor("partner", false),
		Since: q.day("since"), Until: q.day("until"), Root: q.str("root"), Code: q.str("code"),
		Quad: q.int("quad", 0, 1, 4), AllMentions: q.bool("all_mentions"), Limit: q.int("limit", 50, 1, 1000), After: q.cursor()}
	switch d := q.str("direction"); d {
	case "", "both":
	case "out":
		f.Dir = store.Out
	case "in":
		f.Dir = store.In
	default:
		q.bad("direction=%q: want both, out or in", d)
	}
	if f.Root != "" && (len(f.Root) != 2 || !digits(f.Root)) {
		q.bad("root=%q: want two digits, 01–20", f.Root)
	}
	if f.Code != "" && (len(f.Code) < 2 || len(f.Code) > 4 || !digits(f.Code)) {
		q.bad("code=%q: want a CAMEO code of digits, e.g. 042", f.Code)
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		q.bad("since %s is after until %s", f.Since, f.Until)
	}
	return f
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
