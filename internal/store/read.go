package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// articleCols are the columns of an Article without its text.
const articleCols = `a.id, a.url, a.outlet, a.title, a.published, a.date_guessed, a.language, a.hash, a.ingested_at,
	a.cluster, a.source, a.run_id, a.sentences, a.coder_version, a.dict_version, a.model_version`

func scanArticle(s scanner, a *Article, extra ...any) error {
	var ingested string
	dest := []any{&a.ID, &a.URL, &a.Outlet, &a.Title, &a.Published, &a.DateGuessed, &a.Language, &a.Hash, &ingested,
		&a.Cluster, &a.Source, &a.RunID, &a.Sentences, &a.Versions.Coder, &a.Versions.Dict, &a.Versions.Model}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return err
	}
	a.IngestedAt = parseTime(ingested)
	return nil
}

func (b *backend) articleWhere(ctx context.Context, where string, arg any) (*Article, error) {
	var a Article
	err := scanArticle(b.db.queryRow(ctx, `SELECT `+articleCols+`, a.text FROM articles a WHERE `+where+` ORDER BY a.id DESC LIMIT 1`, arg), &a, &a.Text)
	if isNoRows(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// Article implements [Store.Article].
func (b *backend) Article(ctx context.Context, id int64) (*Article, error) {
	return b.articleWhere(ctx, "a.id = ?", id)
}

// ArticleByHash implements [Store.ArticleByHash].
func (b *backend) ArticleByHash(ctx context.Context, hash string) (*Article, error) {
	return b.articleWhere(ctx, "a.hash = ?", hash)
}

// ArticleByURL implements [Store.ArticleByURL].
func (b *backend) ArticleByURL(ctx context.Context, url string) (*Article, error) {
	if url == "" {
		return nil, ErrNotFound
	}
	return b.articleWhere(ctx, "a.url = ?", url)
}

// Similar implements [Store.Similar].
func (b *backend) Similar(ctx context.Context, bands []uint64) ([]Candidate, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	args := make([]any, len(bands))
	for i, band := range bands {
		args[i] = int64(band)
	}
	rs, err := b.db.query(ctx, `SELECT a.id, a.cluster, a.signature FROM articles a WHERE a.id IN
		(SELECT article_id FROM article_bands WHERE band IN (`+marks(len(bands))+`)) ORDER BY a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Candidate
	for rs.Next() {
		var c Candidate
		if err := rs.Scan(&c.ArticleID, &c.Cluster, &c.Signature); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rs.Err()
}

// marks returns n comma-separated placeholders.
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// Stale implements [Store.Stale].
func (b *backend) Stale(ctx context.Context, v Versions, after int64, limit int) ([]Article, error) {
	if limit <= 0 {
		limit = 100
	}
	rs, err := b.db.query(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id > ?
		AND NOT (a.coder_version = ? AND a.dict_version = ? AND a.model_version = ?) ORDER BY a.id LIMIT ?`,
		after, v.Coder, v.Dict, v.Model, limit)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Article
	for rs.Next() {
		var a Article
		if err := scanArticle(rs, &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rs.Err()
}

// Stats implements [Store.Stats].
func (b *backend) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := b.db.queryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT cluster) FROM articles),
		(SELECT count(*) FROM events), (SELECT count(*) FROM distinct_events), (SELECT count(*) FROM quotes),
		(SELECT count(*) FROM mentions), (SELECT count(*) FROM runs)`).Scan(
		&s.Articles, &s.Clusters, &s.Events, &s.DistinctEvents, &s.Quotes, &s.Mentions, &s.Runs)
	if err != nil {
		return s, err
	}
	err = b.db.queryRow(ctx, b.sizeSQL).Scan(&s.Bytes)
	return s, err
}

// Span implements [Store.Span]. Each of min and max is a query of its own
// so that both backends answer it from the index that leads with the
// distinct events' date (distinct_date), reading one entry at each end.
func (b *backend) Span(ctx context.Context) (string, string, error) {
	var first, last string
	err := b.db.queryRow(ctx, `SELECT coalesce((SELECT min(date) FROM distinct_events), ''),
		coalesce((SELECT max(date) FROM distinct_events), '')`).Scan(&first, &last)
	return first, last, err
}

// cursor is a position in a listing ordered by (date, id).
type cursor struct {
	date string
	id   int64
}

func (c cursor) String() string { return c.date + "." + strconv.FormatInt(c.id, 10) }

func parseCursor(s string) (cursor, error) {
	if s == "" {
		return cursor{}, nil
	}
	d, id, ok := strings.Cut(s, ".")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil {
		return cursor{}, fmt.Errorf("bad cursor %q", s)
	}
	return cursor{d, n}, nil
}

// pageSize is a listing's limit with its default and cap.
func pageSize(n int) int {
	switch {
	case n <= 0:
		return 100
	case n > 10000:
		return 10000
	}
	return n
}

// match returns the SQL condition that an actor filter puts on a side of
// an event, with its argument: a country ("KAZ", "EU", "OSCE": an actor
// that is its own [Country]) matches the root column, another code
// ("KAZGOV", "IGOEUREEC") the code column.
func match(side, actor string) (string, any) {
	if Country(actor) == actor {
		return side + "_root = ?", actor
	}
	return side + " = ?", actor
}

// where collects SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "true"
	}
	return strings.Join(w.conds, " AND ")
}

// branches returns the conditions of the sides an event filter selects:
// one for no actor or a single direction, two for Both (the actor as
// source; the actor as target and not also as source, so no event counts
// twice). Each branch says which column is the partner's.
type branch struct {
	w            where
	partner, act string // columns of the partner's root and the actor's code
}

func branches(f *EventFilter, common func(w *where)) []branch {
	actor, partner := f.Actor, f.Partner
	if actor == "" && partner != "" {
		actor, partner = partner, ""
	}
	if actor == "" {
		var br branch
		common(&br.w)
		br.partner, br.act = "target_root", "source"
		return []branch{br}
	}
	mk := func(self, other string, exclude bool) branch {
		var br branch
		c, a := match(self, actor)
		br.w.add(c, a)
		if partner != "" {
			c, a := match(other, partner)
			br.w.add(c, a)
		}
		if exclude {
			c, a := match(other, actor)
			br.w.add("NOT ("+c+")", a)
		}
		common(&br.w)
		br.partner, br.act = other+"_root", self
		return br
	}
	switch f.Dir {
	case Out:
		return []branch{mk("source", "target", false)}
	case In:
		return []branch{mk("target", "source", false)}
	}
	return []branch{mk("source", "target", false), mk("target", "source", true)}
}

// eventConds adds the filter's conditions other than actors.
func eventConds(f *EventFilter, w *where, dateCol string) {
	if f.Since != "" {
		w.add(dateCol+" >= ?", f.Since)
	}
	if f.Until != "" {
		w.add(dateCol+" <= ?", f.Until)
	}
	if f.Root != "" {
		w.add("root = ?", f.Root)
	}
	if f.Code != "" {
		w.add("code = ?", f.Code)
	}
	if f.Quad != 0 {
		w.add("quad = ?", f.Quad)
	}
}

// eventSelect is the columns of a listed event; e is the events table, a
// articles, d the distinct event's counts. The article's source (stored
// after its text, which SQLite would walk through to reach it) is read
// only when the article has no URL: it stands in for one.
const eventSelect = `e.id, e.article_id, e.sentence, e.date, e.when_text,
	e.source, e.source_text, e.source_name, e.source_id, e.source_start, e.source_end,
	e.target, e.target_text, e.target_name, e.target_id, e.target_start, e.target_end,
	e.code, e.root, e.plover, e.plover_mode, e.plover_context, e.quad, e.goldstein, e.rule, e.confidence,
	e.predicate, e.predicate_start, e.predicate_end, e.notes, e.sentence_text,
	e.coder_version, e.dict_version, e.model_version, e.place, e.place_country, e.place_start, e.place_end,
	a.url, a.outlet, a.title, CASE WHEN a.url = '' THEN a.source ELSE '' END,
	coalesce(d.mentions, 1), coalesce(d.stories, 1), coalesce(d.outlets, 1), coalesce(d.id, 0)`

func scanEvent(s scanner, ev *Event) error {
	var notes, doc string
	err := s.Scan(&ev.ID, &ev.ArticleID, &ev.Sentence, &ev.Date, &ev.When,
		&ev.Source.Code, &ev.Source.Text, &ev.Source.Name, &ev.Source.ID, &ev.Source.Start, &ev.Source.End,
		&ev.Target.Code, &ev.Target.Text, &ev.Target.Name, &ev.Target.ID, &ev.Target.Start, &ev.Target.End,
		&ev.Code, &ev.Root, &ev.Plover, &ev.Mode, &ev.Context, &ev.Quad, &ev.Goldstein, &ev.Rule, &ev.Confidence,
		&ev.Predicate, &ev.PredicateStart, &ev.PredicateEnd, &notes, &ev.SentenceText,
		&ev.CoderVersion, &ev.DictVersion, &ev.ModelVersion, &ev.Place.Text, &ev.Place.Code, &ev.Place.Start, &ev.Place.End, &ev.URL, &ev.Outlet, &ev.Title, &doc,
		&ev.Mentions, &ev.Stories, &ev.Outlets, &ev.DistinctID)
	if notes != "" {
		ev.Notes = strings.Split(notes, "; ")
	}
	ev.Doc = orDefault(ev.URL, doc)
	return err
}

// Events implements [Store.Events]. Each branch of the filter is read in
// (date, id) order up to the page size from its index, and the branches
// are merged, so a page costs the same however many events match.
func (b *backend) Events(ctx context.Context, f EventFilter) ([]Event, string, error) {
	n := pageSize(f.Limit)
	cur, err := parseCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	table := "distinct_events"
	if f.AllMentions || f.ArticleID != 0 {
		table = "events"
	}
	common := func(w *where) {
		eventConds(&f, w, "date")
		if f.ArticleID != 0 {
			w.add("article_id = ?", f.ArticleID)
		}
		if f.After != "" {
			w.add("(date > ? OR (date = ? AND id > ?))", cur.date, cur.date, cur.id)
		}
	}
	var parts []string
	var args []any
	for _, br := range branches(&f, common) {
		parts = append(parts, `SELECT * FROM (SELECT id, date FROM `+table+` WHERE `+br.w.sql()+` ORDER BY date, id LIMIT ?) p`)
		args = append(args, br.w.args...)
		args = append(args, n+1)
	}
	// The branches' keys are merged and cut to the page before the joins:
	// only the page's events are looked up.
	keys := `(SELECT id, date FROM (` + strings.Join(parts, " UNION ALL ") + `) u ORDER BY date, id LIMIT ?) k`
	args = append(args, n+1)
	var q string
	if table == "events" {
		q = `SELECT ` + eventSelect + ` FROM ` + keys + `
			JOIN events e ON e.id = k.id JOIN articles a ON a.id = e.article_id
			LEFT JOIN distinct_events d ON d.id = e.de_id ORDER BY k.date, k.id`
	} else {
		q = `SELECT ` + eventSelect + ` FROM ` + keys + `
			JOIN distinct_events d ON d.id = k.id JOIN events e ON e.id = d.first_event JOIN articles a ON a.id = e.article_id
			ORDER BY k.date, k.id`
	}
	rs, err := b.db.query(ctx, q, args...)
	if err != nil {
		return nil, "", err
	}
	defer rs.Close()
	var out []Event
	for rs.Next() {
		if len(out) == n {
			last := out[n-1]
			c := cursor{last.Date, last.DistinctID}
			if table == "events" {
				c.id = last.ID
			}
			return out, c.String(), nil
		}
		var ev Event
		if err := scanEvent(rs, &ev); err != nil {
			return nil, "", err
		}
		out = append(out, ev)
	}
	return out, "", rs.Err()
}
