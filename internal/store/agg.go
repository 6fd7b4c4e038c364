package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Aggregate implements [Store.Aggregate]. Without root, code or article
// filters and with countries as actors it sums the dyad tables (by day,
// week and month), whose size grows with dyads and periods, not with
// events, or, around an actor in both directions, the actor tables that
// hold them seen from each side; otherwise it counts the distinct events
// (or the events, with AllMentions).
func (b *backend) Aggregate(ctx context.Context, f AggFilter) ([]Bucket, error) {
	return b.aggregate(ctx, f, planBest)
}

// aggPlan says which tables an aggregate may read: the tests compare the
// answers of each.
type aggPlan int

const (
	planBest  aggPlan = iota // the actor tables, else the dyad tables, else the rows
	planDyads                // not the actor tables
	planRows                 // the distinct events (or events) alone
)

func (b *backend) aggregate(ctx context.Context, f AggFilter, plan aggPlan) ([]Bucket, error) {
	rollup := plan != planRows && !f.AllMentions && f.Root == "" && f.Code == "" && f.ArticleID == 0 && Country(f.Actor) == f.Actor && Country(f.Partner) == f.Partner
	// Around an actor in both directions the actor tables answer in one
	// branch. Their quad classes are columns: a filter reads one, and
	// grouping by quad class (last) turns each row into a bucket per class.
	focal := plan == planBest && f.Dir == Both && (f.Actor != "" || f.Partner != "") && f.Quad >= 0 && f.Quad <= 4
	for i, d := range f.By {
		switch d {
		case ByPartner, ByDay, ByWeek, ByMonth, ByYear:
		case ByQuad:
			focal = focal && i == len(f.By)-1
		case BySource, ByTarget:
			focal = false
		case ByActor, ByRoot, ByCode:
			rollup = false
		default:
			return nil, fmt.Errorf("unknown aggregate dimension %q", d)
		}
		if (d == ByPartner || d == ByActor) && f.Actor == "" && f.Partner == "" {
			return nil, fmt.Errorf("aggregate by %s needs an actor", d)
		}
	}
	focal = focal && rollup
	// unpack: the query returns the ten quad columns, each row a bucket
	// per quad class with events.
	unpack := focal && f.Quad == 0 && len(f.By) > 0 && f.By[len(f.By)-1] == ByQuad
	var srcs []aggSource
	if rollup {
		for _, src := range rollupSources(&f) {
			if focal {
				src.focal = true
				src.table = strings.Replace(src.table, "dyad_", "actor_", 1)
				if src.table == "actor_days" {
					src.week = b.week("day") // the table has no week column
				}
			}
			srcs = append(srcs, src)
		}
	} else {
		src := aggSource{table: "distinct_events", date: "date", week: b.week("date"), month: "substr(date, 1, 7)", n: "1",
			since: f.Since, until: f.Until}
		if f.AllMentions {
			src.table = "events"
		}
		srcs = []aggSource{src}
	}
	by := f.By
	if unpack {
		by = by[:len(by)-1]
	}
	vals := aggValues(unpack)
	var parts []string
	var args []any
	for _, src := range srcs {
		p, a := b.aggParts(&f, src, by, vals, false)
		parts, args = append(parts, p...), append(args, a...)
	}
	var q string
	if len(parts) == 1 {
		// One branch of one table (an actor table over whole periods,
		// the common question) is the query itself, read in the order of
		// its groups when an index has it: no second grouping, no sort.
		ps, a := b.aggParts(&f, srcs[0], by, vals, true)
		q, args = ps[0], a
	} else {
		dims := make([]string, len(by))
		for i, d := range by {
			dims[i] = string(d)
		}
		cols := make([]string, 0, len(vals)+len(dims))
		for _, v := range vals {
			cols = append(cols, v.total(v.name))
		}
		q = "SELECT " + strings.Join(append(cols, dims...), ", ") + " FROM (" + strings.Join(parts, " UNION ALL ") + ") x"
		if len(dims) > 0 {
			q += " GROUP BY " + strings.Join(dims, ", ") + " ORDER BY " + strings.Join(dims, ", ")
		}
	}
	rs, err := b.db.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	// One bucket is scanned into, through pointers made once, and copied
	// out: an aggregate may have thousands of rows.
	var bk Bucket
	var counts [5]int
	var sums [5]float64
	dest := []any{&bk.Events, &bk.Sum}
	if unpack {
		dest = dest[:0]
		for q := range counts {
			dest = append(dest, &counts[q])
		}
		for q := range sums {
			dest = append(dest, &sums[q])
		}
	}
	for _, d := range by {
		switch d {
		case ByPartner:
			dest = append(dest, &bk.Partner)
		case ByActor:
			dest = append(dest, &bk.Actor)
		case BySource:
			dest = append(dest, &bk.Source)
		case ByTarget:
			dest = append(dest, &bk.Target)
		case ByQuad:
			dest = append(dest, &bk.Quad)
		case ByRoot:
			dest = append(dest, &bk.Root)
		case ByCode:
			dest = append(dest, &bk.Code)
		default:
			dest = append(dest, &bk.Period)
		}
	}
	out := make([]Bucket, 0, 64)
	for rs.Next() {
		if err := rs.Scan(dest...); err != nil {
			return nil, err
		}
		if unpack {
			for q, n := range counts {
				if n != 0 {
					bk.Quad, bk.Events, bk.Sum = q, n, sums[q]
					out = append(out, bk)
				}
			}
			continue
		}
		if len(f.By) == 0 && bk.Events == 0 {
			continue
		}
		out = append(out, bk)
	}
	if len(out) == 0 {
		out = nil
	}
	return out, rs.Err()
}

// aggSource is a table an aggregate sums, with the SQL of its columns and
// the days it covers.
type aggSource struct {
	table                   string
	date, week, month, n    string // SQL for the day (or period), week, month and count
	since, until            string // days, YYYY-MM-DD, "" for open
	periodFrom, periodUntil string // for weekly and monthly tables: the periods, inclusive
	// focal marks an actor table (actor, partner): one branch, the
	// filter's actor (or, without one, its partner) as the actor.
	focal bool
}

// aggValue is a value an aggregate sums: a count of events or a sum of
// Goldstein scores, named in the inner queries of a union.
type aggValue struct {
	name  string
	count bool
}

// total is the SQL of the value's sum over expr: a count a BIGINT, an
// empty sum 0.
func (v aggValue) total(expr string) string {
	if v.count {
		return "CAST(coalesce(sum(" + expr + "), 0) AS BIGINT)"
	}
	return "coalesce(sum(" + expr + "), 0)"
}

// aggValues are the values an aggregate sums: a count n and a Goldstein
// sum g, or the actor tables' ten quad columns when unpack is set.
func aggValues(unpack bool) []aggValue {
	if !unpack {
		return []aggValue{{"n", true}, {"g", false}}
	}
	var vals []aggValue
	for _, c := range quadColumns() {
		vals = append(vals, aggValue{c, c[0] == 'e'})
	}
	return vals
}

// expr is the SQL of a value in src's rows. The actor tables' counts and
// sums are their quad columns: one class's under a quad filter, all five
// added up otherwise.
func (v aggValue) expr(src aggSource, quad int) string {
	switch {
	case !src.focal && v.count:
		return src.n
	case !src.focal:
		return "goldstein"
	case v.name != "n" && v.name != "g":
		return v.name
	}
	col := quadSum
	if v.count {
		col = quadCount
	}
	if quad != 0 {
		return col(quad)
	}
	var terms []string
	for q := 0; q <= 4; q++ {
		terms = append(terms, col(q))
	}
	return "(" + strings.Join(terms, " + ") + ")"
}

// aggParts returns one SELECT per branch of the filter over src, each
// row the values (vals: a count n and a Goldstein sum g, or the quad
// columns) and the dimensions by; final makes them the aggregate's answer
// (counts BIGINTs, empty sums 0, ordered).
func (b *backend) aggParts(f *AggFilter, src aggSource, by []Dim, vals []aggValue, final bool) ([]string, []any) {
	common := func(w *where) {
		ef := f.EventFilter
		ef.Since, ef.Until = src.since, src.until
		if src.focal && ef.Quad != 0 {
			// The class's column, in rows with events of the class.
			w.add(quadCount(ef.Quad) + " > 0")
			ef.Quad = 0
		}
		eventConds(&ef, w, src.date)
		if src.periodFrom != "" {
			w.add(src.date+" >= ?", src.periodFrom)
		}
		if src.periodUntil != "" {
			w.add(src.date+" <= ?", src.periodUntil)
		}
		if f.ArticleID != 0 {
			w.add("article_id = ?", f.ArticleID)
		}
	}
	var parts []string
	var args []any
	var brs []branch
	if src.focal {
		actor, partner := f.Actor, f.Partner
		if actor == "" {
			actor, partner = partner, ""
		}
		br := branch{partner: "partner"}
		br.w.add("actor = ?", actor)
		if partner != "" {
			br.w.add("partner = ?", partner)
		}
		common(&br.w)
		brs = []branch{br}
	} else {
		brs = branches(&f.EventFilter, common)
	}
	// An actor table's row is its own group when the groups are its
	// period and partner (or its period, the partner fixed): it is read
	// as the answer, in index order, without grouping.
	own := src.focal && final && len(by) > 0
	if own {
		period, partner := false, f.Actor != "" && f.Partner != ""
		for _, d := range by {
			switch {
			case d == ByPartner:
				partner = true
			case d == ByDay && src.table == "actor_days", d == ByWeek && src.table == "actor_weeks",
				d == ByMonth && src.table == "actor_months":
				period = true
			case d == ByQuad: // a constant under the quad filter
			default:
				own = false
			}
		}
		own = own && period && partner
	}
	for _, br := range brs {
		// Each branch sums its own groups first: a branch read from an
		// index in the order of its groups (the dyad tables by actor and
		// period) needs no sort, and the outer query then regroups a few
		// hundred rows instead of sorting every row of both branches.
		var cols []string
		for _, v := range vals {
			e := v.expr(src, f.Quad)
			switch {
			case own:
				cols = append(cols, e)
			case final:
				cols = append(cols, v.total(e))
			default:
				cols = append(cols, "sum("+e+") AS "+v.name)
			}
		}
		groups := make([]string, len(by))
		for i, d := range by {
			groups[i] = strconv.Itoa(i + len(vals) + 1)
			var expr string
			switch d {
			case ByPartner:
				expr = br.partner
			case ByActor:
				expr = br.act
			case BySource:
				expr = "source_root"
			case ByTarget:
				expr = "target_root"
			case ByQuad:
				expr = "quad"
				if src.focal {
					expr = strconv.Itoa(f.Quad) // the filter's class: no quad column
				}
			case ByRoot:
				expr = "root"
			case ByCode:
				expr = "code"
			case ByDay:
				expr = src.date
			case ByWeek:
				expr = src.week
			case ByMonth:
				expr = src.month
			case ByYear:
				expr = "substr(" + src.month + ", 1, 4)"
			}
			cols = append(cols, expr+" AS "+string(d))
		}
		part := "SELECT " + strings.Join(cols, ", ") + " FROM " + src.table + " WHERE " + br.w.sql()
		if len(groups) > 0 && !own {
			part += " GROUP BY " + strings.Join(groups, ", ")
		}
		if len(groups) > 0 && final {
			part += " ORDER BY " + strings.Join(groups, ", ")
		}
		parts = append(parts, part)
		args = append(args, br.w.args...)
	}
	return parts, args
}

// rollupSources splits an aggregate's window over the dyad tables: whole
// months from dyad_months (whole weeks from dyad_weeks when grouping by
// week) and the days at either end from dyad_weeks, for the whole weeks
// among them, and dyad_days; grouping by day reads dyad_days alone.
func rollupSources(f *AggFilter) []aggSource {
	days := aggSource{table: "dyad_days", date: "day", week: "week", month: "substr(day, 1, 7)", n: "events",
		since: f.Since, until: f.Until}
	level := "month"
	for _, d := range f.By {
		switch d {
		case ByDay:
			return []aggSource{days}
		case ByWeek:
			level = "week"
		}
	}
	// first and last are the first and last days of the whole periods in
	// the window; "" for an open end.
	var first, last time.Time
	start := func(t time.Time) time.Time { // the period holding t
		if level == "week" {
			return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		}
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	next := func(t time.Time) time.Time { // the period after the one starting t
		if level == "week" {
			return t.AddDate(0, 0, 7)
		}
		return t.AddDate(0, 1, 0)
	}
	name := func(t time.Time) string {
		if level == "week" {
			return t.Format("2006-01-02")
		}
		return t.Format("2006-01")
	}
	whole := aggSource{table: "dyad_months", date: "month", week: "''", month: "month", n: "events"}
	if level == "week" {
		whole = aggSource{table: "dyad_weeks", date: "week", week: "week", month: "substr(week, 1, 7)", n: "events"}
	}
	var out []aggSource
	if f.Since != "" {
		s, err := time.Parse("2006-01-02", f.Since)
		if err != nil {
			return []aggSource{days}
		}
		first = start(s)
		if !first.Equal(s) {
			first = next(first)
		}
		whole.periodFrom = name(first)
	}
	if f.Until != "" {
		u, err := time.Parse("2006-01-02", f.Until)
		if err != nil {
			return []aggSource{days}
		}
		end := next(start(u)) // the day after u's period
		last = start(u)
		if !end.Equal(u.AddDate(0, 0, 1)) {
			last = start(last.AddDate(0, 0, -1)) // u's period is not whole: stop one before
		}
		whole.periodUntil = name(last)
	}
	// part covers the days from since to until, both inside one month
	// when level is month: the whole weeks among them from the weekly
	// table, the rest from days. Weekly rows then fall in the month (and
	// year) of their days.
	part := func(since, until string) []aggSource {
		if level != "month" || since[:7] != until[:7] {
			d := days
			d.since, d.until = since, until
			return []aggSource{d}
		}
		return weeksAndDays(days, since, until)
	}
	if !first.IsZero() && !last.IsZero() && last.Before(first) {
		return part(f.Since, f.Until) // no whole period inside the window
	}
	out = append(out, whole)
	if !first.IsZero() && f.Since < first.Format("2006-01-02") {
		out = append(out, part(f.Since, first.AddDate(0, 0, -1).Format("2006-01-02"))...)
	}
	if !last.IsZero() {
		after := next(last).Format("2006-01-02")
		if f.Until >= after {
			out = append(out, part(after, f.Until)...)
		}
	}
	return out
}

// weeksAndDays covers the days from since to until with the whole weeks
// among them, from dyad_weeks, and the days before and after, from days
// (dyad_days).
func weeksAndDays(days aggSource, since, until string) []aggSource {
	s, err1 := time.Parse("2006-01-02", since)
	u, err2 := time.Parse("2006-01-02", until)
	mon := s.AddDate(0, 0, (7-(int(s.Weekday())+6)%7)%7) // the first Monday from s
	sun := u.AddDate(0, 0, -int(u.Weekday()))            // the last Sunday up to u
	if err1 != nil || err2 != nil || sun.Before(mon) {
		d := days
		d.since, d.until = since, until
		return []aggSource{d}
	}
	weeks := aggSource{table: "dyad_weeks", date: "week", week: "week", month: "substr(week, 1, 7)", n: "events",
		periodFrom: mon.Format("2006-01-02"), periodUntil: sun.AddDate(0, 0, -6).Format("2006-01-02")}
	out := []aggSource{weeks}
	if s.Before(mon) {
		d := days
		d.since, d.until = since, mon.AddDate(0, 0, -1).Format("2006-01-02")
		out = append(out, d)
	}
	if sun.Before(u) {
		d := days
		d.since, d.until = sun.AddDate(0, 0, 1).Format("2006-01-02"), until
		out = append(out, d)
	}
	return out
}

// Quotes implements [Store.Quotes].
func (b *backend) Quotes(ctx context.Context, f QuoteFilter) ([]Quote, string, error) {
	n := pageSize(f.Limit)
	cur, err := parseCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	var w where
	if f.Speaker != "" {
		if Country(f.Speaker) == f.Speaker {
			w.add("q.speaker_root = ?", f.Speaker)
		} else {
			w.add("q.speaker_code = ?", f.Speaker)
		}
	}
	if f.Search != "" {
		c, a := b.quoteMatch(f.Search)
		w.add(c, a...)
	}
	if f.Since != "" {
		w.add("q.date >= ?", f.Since)
	}
	if f.Until != "" {
		w.add("q.date <= ?", f.Until)
	}
	if f.ArticleID != 0 {
		w.add("q.article_id = ?", f.ArticleID)
	}
	if f.After != "" {
		w.add("(q.date > ? OR (q.date = ? AND q.id > ?))", cur.date, cur.date, cur.id)
	}
	rs, err := b.db.query(ctx, `SELECT q.id, q.article_id, q.date, q.sentence, q.text, q.start_off, q.end_off, q.speaker_code,
		q.speaker_text, q.speaker_name, q.speaker_start, q.speaker_end, a.url, a.outlet
		FROM quotes q JOIN articles a ON a.id = q.article_id WHERE `+w.sql()+` ORDER BY q.date, q.id LIMIT ?`, append(w.args, n+1)...)
	if err != nil {
		return nil, "", err
	}
	defer rs.Close()
	var out []Quote
	for rs.Next() {
		if len(out) == n {
			last := out[n-1]
			return out, cursor{last.Date, last.ID}.String(), nil
		}
		var q Quote
		if err := rs.Scan(&q.ID, &q.ArticleID, &q.Date, &q.Sentence, &q.Text, &q.Start, &q.End, &q.SpeakerCode,
			&q.SpeakerText, &q.SpeakerName, &q.SpeakerStart, &q.SpeakerEnd, &q.URL, &q.Outlet); err != nil {
			return nil, "", err
		}
		out = append(out, q)
	}
	return out, "", rs.Err()
}

// Search implements [Store.Search].
func (b *backend) Search(ctx context.Context, q SearchQuery) ([]Hit, error) {
	if strings.TrimSpace(q.Text) == "" {
		return nil, fmt.Errorf("empty search")
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	return b.searchArticles(ctx, q)
}

// ftsQuery turns what a user typed into an FTS5 query: every word and
// "quoted phrase" required, with FTS5's operators taken as plain words.
func ftsQuery(s string) string {
	var out []string
	for i, part := range strings.Split(s, `"`) {
		if i%2 == 1 {
			if p := strings.Join(strings.FieldsFunc(part, notWordRune), " "); p != "" {
				out = append(out, `"`+p+`"`)
			}
			continue
		}
		for _, w := range strings.FieldsFunc(part, notWordRune) {
			out = append(out, `"`+w+`"`)
		}
	}
	return strings.Join(out, " ")
}

func notWordRune(r rune) bool {
	return !(r == '\'' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80)
}
