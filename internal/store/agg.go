package store

import (
	"context"
	"fmt"
	"strings"
)

// Aggregate implements [Store.Aggregate]. Without root, code or article
// filters and with countries as actors it sums the dyad-day table, whose
// size grows with dyads and days, not with events; otherwise it counts the
// distinct events (or the events, with AllMentions).
func (b *backend) Aggregate(ctx context.Context, f AggFilter) ([]Bucket, error) {
	rollup := !f.AllMentions && f.Root == "" && f.Code == "" && f.ArticleID == 0 && Country(f.Actor) == f.Actor && Country(f.Partner) == f.Partner
	for _, d := range f.By {
		switch d {
		case ByPartner, BySource, ByTarget, ByQuad, ByDay, ByWeek, ByMonth, ByYear:
		case ByActor, ByRoot, ByCode:
			rollup = false
		default:
			return nil, fmt.Errorf("unknown aggregate dimension %q", d)
		}
		if (d == ByPartner || d == ByActor) && f.Actor == "" && f.Partner == "" {
			return nil, fmt.Errorf("aggregate by %s needs an actor", d)
		}
	}
	table, date, week, n, g := "distinct_events", "date", b.week("date"), "1", "goldstein"
	switch {
	case rollup:
		table, date, week, n = "dyad_days", "day", "week", "events"
	case f.AllMentions:
		table = "events"
	}
	common := func(w *where) {
		eventConds(&f.EventFilter, w, date)
		if f.ArticleID != 0 {
			w.add("article_id = ?", f.ArticleID)
		}
	}
	var parts []string
	var args []any
	for _, br := range branches(&f.EventFilter, common) {
		cols := []string{n + " AS n", g + " AS g"}
		for _, d := range f.By {
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
			case ByRoot:
				expr = "root"
			case ByCode:
				expr = "code"
			case ByDay:
				expr = date
			case ByWeek:
				expr = week
			case ByMonth:
				expr = "substr(" + date + ", 1, 7)"
			case ByYear:
				expr = "substr(" + date + ", 1, 4)"
			}
			cols = append(cols, expr+" AS "+string(d))
		}
		parts = append(parts, "SELECT "+strings.Join(cols, ", ")+" FROM "+table+" WHERE "+br.w.sql())
		args = append(args, br.w.args...)
	}
	dims := make([]string, len(f.By))
	for i, d := range f.By {
		dims[i] = string(d)
	}
	q := "SELECT CAST(coalesce(sum(n), 0) AS BIGINT), coalesce(sum(g), 0)"
	if len(dims) > 0 {
		q += ", " + strings.Join(dims, ", ")
	}
	q += " FROM (" + strings.Join(parts, " UNION ALL ") + ") x"
	if len(dims) > 0 {
		q += " GROUP BY " + strings.Join(dims, ", ") + " ORDER BY " + strings.Join(dims, ", ")
	}
	rs, err := b.db.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Bucket
	for rs.Next() {
		var bk Bucket
		dest := []any{&bk.Events, &bk.Sum}
		for _, d := range f.By {
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
		if err := rs.Scan(dest...); err != nil {
			return nil, err
		}
		if len(dims) == 0 && bk.Events == 0 {
			continue
		}
		out = append(out, bk)
	}
	return out, rs.Err()
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
		w.add(c, a)
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
