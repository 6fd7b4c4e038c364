package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"farabi/internal/event"
)

// backend is the SQL both stores share; the fields hold what differs.
type backend struct {
	kind string
	db   queryer
	// begin starts a write transaction holding the writer's lock, with the
	// scratch tables batch_articles, touched and touched_days empty.
	begin func(ctx context.Context) (tx, error)
	// week is the SQL for the Monday of a YYYY-MM-DD text column; addDays
	// for the day n days after it.
	week    func(col string) string
	addDays func(col string, n int) string
	// searchArticles and quoteMatch hold the full-text search SQL.
	searchArticles func(ctx context.Context, q SearchQuery) ([]Hit, error)
	quoteMatch     func(text string) (cond string, args []any)
	// analyze tells the planner how big a scratch table now is: without
	// it PostgreSQL takes them for large and scans whole tables.
	analyze func(ctx context.Context, t tx, table string) error
	// sizeSQL returns the store's size in bytes.
	sizeSQL string
	// allocIDs reserves n new article IDs, in the writer's transaction.
	allocIDs func(ctx context.Context, t tx, n int) ([]int64, error)
	close    func() error
}

func (b *backend) Kind() string { return b.kind }
func (b *backend) Close() error { return b.close() }

func nowText() string { return time.Now().UTC().Format(time.RFC3339Nano) }

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// isNoRows says whether err is a query's "no rows" from either backend.
func isNoRows(err error) bool {
	return errors.Is(err, sql.ErrNoRows) || errors.Is(err, pgx.ErrNoRows)
}

// actorRoot is the country of an actor code ([Country]) that filters and
// aggregates group by.
func actorRoot(code string) string {
	return Country(code)
}

var (
	eventCols = []string{"article_id", "sentence", "date", "when_text",
		"source", "source_root", "source_text", "source_name", "source_id", "source_start", "source_end",
		"target", "target_root", "target_text", "target_name", "target_id", "target_start", "target_end",
		"code", "root", "plover", "plover_mode", "plover_context", "quad", "goldstein", "rule", "confidence",
		"predicate", "predicate_start", "predicate_end", "notes", "sentence_text",
		"coder_version", "dict_version", "model_version",
		"place", "place_country", "place_start", "place_end"}
	quoteCols = []string{"article_id", "date", "sentence", "text", "start_off", "end_off",
		"speaker_code", "speaker_root", "speaker_text", "speaker_name", "speaker_start", "speaker_end"}
	mentionCols = []string{"article_id", "sentence", "code", "actor_id", "name", "text", "start_off", "end_off",
		"role", "method", "confidence"}
	bandCols          = []string{"band", "article_id"}
	articleInsertCols = []string{"id", "url", "outlet", "title", "published", "date_guessed", "language", "text", "hash",
		"ingested_at", "cluster", "source", "run_id", "sentences", "coder_version", "dict_version", "model_version", "signature"}
)

// rowsOf turns a coding into the rows of the events, quotes and mentions
// tables.
func rowsOf(id int64, date string, c *Coding) (evs, qs, ms [][]any) {
	for i := range c.Events {
		e := &c.Events[i]
		d := e.Date
		if d == "" {
			d = date
		}
		evs = append(evs, []any{id, e.Sentence, d, e.When,
			e.Source.Code, actorRoot(e.Source.Code), e.Source.Text, e.Source.Name, e.Source.ID, e.Source.Start, e.Source.End,
			e.Target.Code, actorRoot(e.Target.Code), e.Target.Text, e.Target.Name, e.Target.ID, e.Target.Start, e.Target.End,
			e.Code, event.Root(e.Code), e.Plover, e.Mode, e.Context, e.Quad, e.Goldstein, e.Rule, e.Confidence,
			e.Predicate, e.PredicateStart, e.PredicateEnd, strings.Join(e.Notes, "; "), e.SentenceText,
			orDefault(e.CoderVersion, c.Versions.Coder), orDefault(e.DictVersion, c.Versions.Dict), orDefault(e.ModelVersion, c.Versions.Model),
			e.Place.Text, e.Place.Code, e.Place.Start, e.Place.End})
	}
	for _, q := range c.Quotes {
		qs = append(qs, []any{id, date, q.Sentence, q.Text, q.Start, q.End,
			q.SpeakerCode, actorRoot(q.SpeakerCode), q.SpeakerText, q.SpeakerName, q.SpeakerStart, q.SpeakerEnd})
	}
	for _, m := range c.Mentions {
		ms = append(ms, []any{id, m.Sentence, m.Code, m.ActorID, m.Name, m.Text, m.Start, m.End, m.Role, m.Method, m.Confidence})
	}
	return evs, qs, ms
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// docName names an article in errors: its source, URL or title.
func docName(a *Article) string {
	for _, s := range []string{a.Source, a.URL, a.Title} {
		if s != "" {
			return s
		}
	}
	if a.ID != 0 {
		return fmt.Sprintf("article %d", a.ID)
	}
	return "article"
}

// checkText says what is wrong with a string the store would keep.
func checkText(field, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", field)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%s holds a NUL byte", field)
	}
	return nil
}

// validate checks an article and its coding before they are written.
func validate(a *Article, c *Coding) error {
	for _, f := range []struct{ name, v string }{{"url", a.URL}, {"outlet", a.Outlet}, {"title", a.Title},
		{"text", a.Text}, {"source", a.Source}, {"language", a.Language}} {
		if err := checkText(f.name, f.v); err != nil {
			return err
		}
	}
	if a.Published != "" {
		if _, err := time.Parse("2006-01-02", a.Published); err != nil {
			return fmt.Errorf("published date %q is not YYYY-MM-DD", a.Published)
		}
	}
	return validateCoding(len(a.Text), c)
}

func validateCoding(n int, c *Coding) error {
	span := func(what string, i, start, end int) error {
		if start < 0 || end < start || end > n {
			return fmt.Errorf("%s %d: offsets %d:%d outside the text (%d bytes)", what, i+1, start, end, n)
		}
		return nil
	}
	for i := range c.Events {
		e := &c.Events[i]
		if e.Code == "" || len(e.Code) < 2 {
			return fmt.Errorf("event %d: no CAMEO code", i+1)
		}
		if e.Quad < 0 || e.Quad > 4 {
			return fmt.Errorf("event %d: quad class %d, want 0 (none) to 4", i+1, e.Quad)
		}
		if e.Date != "" {
			if _, err := time.Parse("2006-01-02", e.Date); err != nil {
				return fmt.Errorf("event %d: date %q is not YYYY-MM-DD", i+1, e.Date)
			}
		}
		for _, s := range []string{e.Source.Code, e.Target.Code, e.Source.Text, e.Target.Text, e.Predicate, e.SentenceText, e.Rule, e.Place.Text, e.Place.Code} {
			if err := checkText(fmt.Sprintf("event %d", i+1), s); err != nil {
				return err
			}
		}
		if err := span("event", i, e.PredicateStart, e.PredicateEnd); err != nil {
			return err
		}
	}
	for i, q := range c.Quotes {
		if err := span("quote", i, q.Start, q.End); err != nil {
			return err
		}
		if err := checkText(fmt.Sprintf("quote %d", i+1), q.Text+q.SpeakerText+q.SpeakerCode); err != nil {
			return err
		}
	}
	for i, m := range c.Mentions {
		if err := span("mention", i, m.Start, m.End); err != nil {
			return err
		}
		if err := checkText(fmt.Sprintf("mention %d", i+1), m.Text+m.Name+m.Code); err != nil {
			return err
		}
	}
	return nil
}

// Put implements [Store.Put].
func (b *backend) Put(ctx context.Context, docs ...*Doc) ([]PutResult, error) {
	return b.put(ctx, docs, true, nil)
}

// Load stores docs as [Store.Put] does but leaves the distinct events and
// the dyad tables alone: a bulk load that ends with [Store.Rebuild], much
// faster than Put for millions of events. Until the rebuild, listings and
// aggregates of distinct events miss what Load stored.
func Load(ctx context.Context, s Store, docs ...*Doc) ([]PutResult, error) {
	b, ok := s.(*backend)
	if !ok {
		return s.Put(ctx, docs...)
	}
	return b.put(ctx, docs, false, nil)
}

// Nearest chooses the near-duplicate an article joins: given the
// article's signature and the candidates that share a band key with it
// (in ID order), it returns the index of the candidate whose cluster the
// article joins, or -1 for none.
type Nearest func(sig []byte, cands []Candidate) int

// PutNear stores docs as [Store.Put] does, choosing the dedup cluster of
// every new article whose Cluster is zero inside the write transaction,
// under the writer's lock: near picks among the stored articles that
// share a band key with it and the articles before it in docs. Many
// processes writing to one store at once then cluster as one writer
// would: none misses a near-duplicate another stored a moment before.
// A Store with a PutNear method of its own (one that wraps another) is
// called through it.
func PutNear(ctx context.Context, s Store, near Nearest, docs ...*Doc) ([]PutResult, error) {
	if p, ok := s.(interface {
		PutNear(context.Context, Nearest, ...*Doc) ([]PutResult, error)
	}); ok {
		return p.PutNear(ctx, near, docs...)
	}
	for _, d := range docs { // another Store: outside its transaction
		if d.Article.Cluster != 0 {
			continue
		}
		cands, err := s.Similar(ctx, d.Bands)
		if err != nil {
			return nil, err
		}
		if i := near(d.Signature, cands); i >= 0 {
			d.Article.Cluster = cands[i].Cluster
		}
	}
	return s.Put(ctx, docs...)
}

// PutNear implements [PutNear].
func (b *backend) PutNear(ctx context.Context, near Nearest, docs ...*Doc) ([]PutResult, error) {
	return b.put(ctx, docs, true, near)
}

// put stores docs, linking their events to distinct events when link is
// set and choosing clusters with near when it is not nil.
func (b *backend) put(ctx context.Context, docs []*Doc, link bool, near Nearest) ([]PutResult, error) {
	res := make([]PutResult, len(docs))
	today := time.Now().UTC().Format("2006-01-02")
	ok := false
	for i, d := range docs {
		a := &d.Article
		if a.Hash == "" {
			a.Hash = ContentHash(a.Text)
		}
		if a.IngestedAt.IsZero() {
			a.IngestedAt = time.Now().UTC()
		}
		if a.Published == "" {
			a.Published, a.DateGuessed = today, true
		}
		if err := validate(a, &d.Coding); err != nil {
			res[i].Err = fmt.Errorf("%s: %w", docName(a), err)
			continue
		}
		ok = true
	}
	if !ok {
		return res, nil
	}
	t, err := b.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer t.rollback(ctx)
	// The texts already stored, looked up a few hundred hashes at a time.
	stored := map[string][2]int64{} // hash → id, cluster
	var hashes []any
	for i, d := range docs {
		if res[i].Err == nil {
			hashes = append(hashes, d.Article.Hash)
		}
	}
	for len(hashes) > 0 {
		part := hashes[:min(len(hashes), 500)]
		hashes = hashes[len(part):]
		rs, err := t.query(ctx, `SELECT hash, id, cluster FROM articles WHERE hash IN (`+marks(len(part))+`)`, part...)
		if err != nil {
			return nil, err
		}
		for rs.Next() {
			var h string
			var v [2]int64
			if err := rs.Scan(&h, &v[0], &v[1]); err != nil {
				rs.Close()
				return nil, err
			}
			stored[h] = v
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return nil, err
		}
	}
	fresh := 0
	for i, d := range docs {
		if res[i].Err == nil {
			if _, dup := stored[d.Article.Hash]; !dup {
				stored[d.Article.Hash] = [2]int64{} // a later copy in the batch is a duplicate
				fresh++
			}
		}
	}
	ids, err := b.allocIDs(ctx, t, fresh)
	if err != nil {
		return nil, err
	}
	var byBand map[uint64][]Candidate // stored articles by band key, for near
	if near != nil {
		if byBand, err = b.bandCandidates(ctx, t, docs, res, stored); err != nil {
			return nil, err
		}
	}
	var arts, batch, evs, qs, ms, bands [][]any
	for i, d := range docs {
		if res[i].Err != nil {
			continue
		}
		a := &d.Article
		if v := stored[a.Hash]; v[0] != 0 {
			res[i] = PutResult{ID: v[0], Cluster: v[1], Duplicate: true}
			continue
		}
		id := ids[0]
		ids = ids[1:]
		cluster := a.Cluster
		if cluster == 0 && near != nil {
			cluster = nearCluster(near, d, byBand)
		}
		if cluster == 0 {
			cluster = id
		}
		if near != nil {
			for _, band := range d.Bands { // a later article of the call may join it
				byBand[band] = append(byBand[band], Candidate{ArticleID: id, Cluster: cluster, Signature: d.Signature})
			}
		}
		stored[a.Hash] = [2]int64{id, cluster}
		arts = append(arts, []any{id, a.URL, a.Outlet, a.Title, a.Published, a.DateGuessed, a.Language, a.Text, a.Hash,
			timeText(a.IngestedAt), cluster, a.Source, a.RunID, d.Coding.Sentences,
			d.Coding.Versions.Coder, d.Coding.Versions.Dict, d.Coding.Versions.Model, d.Signature})
		batch = append(batch, []any{id})
		e, q, m := rowsOf(id, a.Published, &d.Coding)
		evs, qs, ms = append(evs, e...), append(qs, q...), append(ms, m...)
		seen := map[uint64]bool{}
		for _, band := range d.Bands {
			if !seen[band] {
				seen[band] = true
				bands = append(bands, []any{int64(band), id})
			}
		}
		res[i] = PutResult{ID: id, Cluster: cluster, Events: len(e)}
	}
	if err := t.insert(ctx, "articles", articleInsertCols, arts); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	if err := t.insert(ctx, "batch_articles", []string{"id"}, batch); err != nil {
		return nil, err
	}
	if err := b.analyze(ctx, t, "batch_articles"); err != nil {
		return nil, err
	}
	if err := b.writeRows(ctx, t, evs, qs, ms); err != nil {
		return nil, err
	}
	if err := t.insert(ctx, "article_bands", bandCols, bands); err != nil {
		return nil, fmt.Errorf("article_bands: %w", err)
	}
	if link {
		if err := b.link(ctx, t); err != nil {
			return nil, err
		}
	}
	if len(arts) > 0 {
		if err := bump(ctx, t); err != nil {
			return nil, err
		}
	}
	if err := t.commit(ctx); err != nil {
		return nil, err
	}
	for i, d := range docs {
		if res[i].Err == nil {
			d.Article.ID, d.Article.Cluster = res[i].ID, res[i].Cluster
		}
	}
	return res, nil
}

// bandCandidates returns the stored articles that share a band key with
// the new articles of docs, by band key.
func (b *backend) bandCandidates(ctx context.Context, t tx, docs []*Doc, res []PutResult, stored map[string][2]int64) (map[uint64][]Candidate, error) {
	seen := map[uint64]bool{}
	var bands []any
	for i, d := range docs {
		if res[i].Err != nil || d.Article.Cluster != 0 || stored[d.Article.Hash][0] != 0 {
			continue
		}
		for _, band := range d.Bands {
			if !seen[band] {
				seen[band] = true
				bands = append(bands, int64(band))
			}
		}
	}
	out := map[uint64][]Candidate{}
	for len(bands) > 0 {
		part := bands[:min(len(bands), 500)]
		bands = bands[len(part):]
		rs, err := t.query(ctx, `SELECT ab.band, a.id, a.cluster, a.signature FROM article_bands ab
			JOIN articles a ON a.id = ab.article_id WHERE ab.band IN (`+marks(len(part))+`) ORDER BY a.id`, part...)
		if err != nil {
			return nil, err
		}
		for rs.Next() {
			var band int64
			var c Candidate
			if err := rs.Scan(&band, &c.ArticleID, &c.Cluster, &c.Signature); err != nil {
				rs.Close()
				return nil, err
			}
			out[uint64(band)] = append(out[uint64(band)], c)
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nearCluster returns the cluster near chooses for d among the articles
// sharing a band key with it, or 0.
func nearCluster(near Nearest, d *Doc, byBand map[uint64][]Candidate) int64 {
	seen := map[int64]bool{}
	var cands []Candidate
	for _, band := range d.Bands {
		for _, c := range byBand[band] {
			if !seen[c.ArticleID] {
				seen[c.ArticleID] = true
				cands = append(cands, c)
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].ArticleID < cands[j].ArticleID })
	if i := near(d.Signature, cands); i >= 0 {
		return cands[i].Cluster
	}
	return 0
}

func (b *backend) writeRows(ctx context.Context, t tx, evs, qs, ms [][]any) error {
	if err := t.insert(ctx, "events", eventCols, evs); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	if err := t.insert(ctx, "quotes", quoteCols, qs); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	if err := t.insert(ctx, "mentions", mentionCols, ms); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	return nil
}

// Recode implements [Store.Recode].
func (b *backend) Recode(ctx context.Context, id int64, c *Coding) error {
	t, err := b.begin(ctx)
	if err != nil {
		return err
	}
	defer t.rollback(ctx)
	var text, published, source string
	if err := t.queryRow(ctx, `SELECT text, published, source FROM articles WHERE id = ?`, id).Scan(&text, &published, &source); err != nil {
		if isNoRows(err) {
			return fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		return err
	}
	if err := validateCoding(len(text), c); err != nil {
		return fmt.Errorf("%s: %w", docName(&Article{ID: id, Source: source}), err)
	}
	steps := []string{
		`INSERT INTO batch_articles (id) VALUES (?)`,
		`INSERT INTO touched (id) SELECT DISTINCT de_id FROM events WHERE article_id = ? AND de_id IS NOT NULL`,
		pairsSQL("pairs_c", "cluster", "-", "e.article_id = ?"),
		pairsSQL("pairs_o", "outlet", "-", "e.article_id = ?"),
		`DELETE FROM events WHERE article_id = ?`,
		`DELETE FROM quotes WHERE article_id = ?`,
		`DELETE FROM mentions WHERE article_id = ?`,
	}
	for _, s := range steps {
		var args []any
		if strings.Contains(s, "?") {
			args = []any{id}
		}
		if _, err := t.exec(ctx, s, args...); err != nil {
			return fmt.Errorf("recode article %d: %w", id, err)
		}
	}
	if _, err := t.exec(ctx, `UPDATE articles SET sentences = ?, coder_version = ?, dict_version = ?, model_version = ? WHERE id = ?`,
		c.Sentences, c.Versions.Coder, c.Versions.Dict, c.Versions.Model, id); err != nil {
		return err
	}
	if err := b.analyze(ctx, t, "batch_articles"); err != nil {
		return err
	}
	evs, qs, ms := rowsOf(id, published, c)
	if err := b.writeRows(ctx, t, evs, qs, ms); err != nil {
		return err
	}
	if err := b.link(ctx, t); err != nil {
		return err
	}
	if err := bump(ctx, t); err != nil {
		return err
	}
	return t.commit(ctx)
}

// bump counts a write in the store's generation, in the write's
// transaction.
func bump(ctx context.Context, t tx) error {
	_, err := t.exec(ctx, `UPDATE store_generation SET n = n + 1 WHERE id = 1`)
	return err
}

// Generation implements [Store.Generation].
func (b *backend) Generation(ctx context.Context) (int64, error) {
	var n int64
	err := b.db.queryRow(ctx, `SELECT n FROM store_generation WHERE id = 1`).Scan(&n)
	return n, err
}

// link ties the events of the articles in batch_articles to their distinct
// events, creating those that are new, and recounts every distinct event
// they touch (with those already in touched).
func (b *backend) link(ctx context.Context, t tx) error {
	steps := []string{
		`INSERT INTO distinct_events (date, source, target, code, source_root, target_root, root, quad, goldstein)
		SELECT date, source, target, code, min(source_root), min(target_root), min(root), min(quad), min(goldstein)
		FROM events WHERE article_id IN (SELECT id FROM batch_articles)
		GROUP BY date, source, target, code
		ON CONFLICT (date, source, target, code) DO NOTHING`,
		`UPDATE events SET de_id = d.id FROM distinct_events d
		WHERE events.article_id IN (SELECT id FROM batch_articles)
		AND d.date = events.date AND d.source = events.source AND d.target = events.target AND d.code = events.code`,
		`INSERT INTO touched (id) SELECT DISTINCT de_id FROM events WHERE article_id IN (SELECT id FROM batch_articles)
		ON CONFLICT (id) DO NOTHING`,
		pairsSQL("pairs_c", "cluster", "", "e.article_id IN (SELECT id FROM batch_articles)"),
		pairsSQL("pairs_o", "outlet", "", "e.article_id IN (SELECT id FROM batch_articles)"),
	}
	for _, s := range steps {
		if _, err := t.exec(ctx, s); err != nil {
			return fmt.Errorf("distinct events: %w", err)
		}
	}
	for _, table := range []string{"touched", "pairs_c", "pairs_o"} {
		if err := b.analyze(ctx, t, table); err != nil {
			return err
		}
	}
	return b.recount(ctx, t, false)
}

// pairsSQL adds to a scratch table (pairs_c or pairs_o) how many mentions
// of each (distinct event, cluster or outlet) the events it selects make,
// with sign "-" for events about to go; cond selects the events.
func pairsSQL(table, col, sign, cond string) string {
	return `INSERT INTO ` + table + ` (de_id, ` + col + `, k)
		SELECT e.de_id, a.` + col + `, ` + sign + `count(*) FROM events e JOIN articles a ON a.id = e.article_id
		WHERE e.de_id IS NOT NULL AND ` + cond + `
		GROUP BY e.de_id, a.` + col + `
		ON CONFLICT (de_id, ` + col + `) DO UPDATE SET k = ` + table + `.k + excluded.k`
}

// recount recomputes the counts of the distinct events in touched (all of
// them when all is set), drops those left without mentions, and rewrites
// the dyad-day rows they fall in.
func (b *backend) recount(ctx context.Context, t tx, all bool) error {
	in := func(col string) string { return " AND " + col + " IN (SELECT id FROM touched)" }
	days := func(col string) string {
		return " WHERE (d.source_root, d.target_root, d." + col + ") IN (SELECT source_root, target_root, day FROM touched_days)"
	}
	if all {
		in = func(string) string { return "" }
		days = func(string) string { return "" }
	}
	steps := []string{
		`INSERT INTO touched_days (source_root, target_root, day)
		SELECT DISTINCT source_root, target_root, date FROM distinct_events WHERE true` + in("id") + `
		ON CONFLICT DO NOTHING`,
	}
	if all {
		steps = append(steps, `DELETE FROM de_clusters`, `DELETE FROM de_outlets`,
			`INSERT INTO de_clusters (de_id, cluster, n) SELECT e.de_id, a.cluster, count(*)
			FROM events e JOIN articles a ON a.id = e.article_id WHERE e.de_id IS NOT NULL GROUP BY e.de_id, a.cluster`,
			`INSERT INTO de_outlets (de_id, outlet, n) SELECT e.de_id, a.outlet, count(*)
			FROM events e JOIN articles a ON a.id = e.article_id WHERE e.de_id IS NOT NULL GROUP BY e.de_id, a.outlet`,
			// Rebuild has just inserted every distinct event with zero
			// counts.
			`UPDATE distinct_events SET mentions = x.m, stories = x.s
			FROM (SELECT de_id, sum(n) AS m, count(*) AS s FROM de_clusters GROUP BY de_id) x WHERE x.de_id = distinct_events.id`,
			`UPDATE distinct_events SET outlets = x.o
			FROM (SELECT de_id, count(*) AS o FROM de_outlets GROUP BY de_id) x WHERE x.de_id = distinct_events.id`,
			`UPDATE distinct_events SET first_event = x.f
			FROM (SELECT de_id, min(id) AS f FROM events WHERE de_id IS NOT NULL GROUP BY de_id) x WHERE x.de_id = distinct_events.id`)
	} else {
		// Counts change by what the scratch pairs say: mentions by their
		// sum, stories (outlets) by the pairs that appear or vanish; a
		// key's cost is its few changed pairs, not its mentions.
		for _, p := range []struct{ pairs, counts, col, field string }{{"pairs_c", "de_clusters", "cluster", "stories"}, {"pairs_o", "de_outlets", "outlet", "outlets"}} {
			steps = append(steps,
				`UPDATE distinct_events SET `+p.field+` = `+p.field+` + x.d
				FROM (SELECT p.de_id, sum(CASE WHEN c.n IS NULL AND p.k > 0 THEN 1 WHEN c.n IS NOT NULL AND c.n + p.k <= 0 THEN -1 ELSE 0 END) AS d
					FROM `+p.pairs+` p LEFT JOIN `+p.counts+` c ON c.de_id = p.de_id AND c.`+p.col+` = p.`+p.col+`
					GROUP BY p.de_id) x
				WHERE x.de_id = distinct_events.id AND x.d <> 0`,
				`INSERT INTO `+p.counts+` (de_id, `+p.col+`, n) SELECT de_id, `+p.col+`, k FROM `+p.pairs+` WHERE k <> 0
				ON CONFLICT (de_id, `+p.col+`) DO UPDATE SET n = `+p.counts+`.n + excluded.n`,
				`DELETE FROM `+p.counts+` WHERE n <= 0 AND de_id IN (SELECT de_id FROM `+p.pairs+`)`)
		}
		steps = append(steps,
			`UPDATE distinct_events SET mentions = mentions + x.k
			FROM (SELECT de_id, sum(k) AS k FROM pairs_c GROUP BY de_id) x WHERE x.de_id = distinct_events.id AND x.k <> 0`,
			`UPDATE distinct_events SET first_event = coalesce((SELECT min(e.id) FROM events e WHERE e.de_id = distinct_events.id), 0)
			WHERE id IN (SELECT id FROM touched)`)
	}
	steps = append(steps, `DELETE FROM distinct_events WHERE mentions <= 0`+in("id"))
	// The touched days' rows of dyad_days are computed again from
	// distinct_events. Weeks and months change by the difference: the old
	// rows are taken away from them before, the new ones added after.
	touchedDays := days("day")
	rollups := []struct{ table, period, expr string }{
		{"dyad_weeks", "week", "d.week"}, {"dyad_months", "month", "substr(d.day, 1, 7)"}}
	if !all {
		for _, r := range rollups {
			steps = append(steps, `UPDATE `+r.table+` SET events = `+r.table+`.events - x.e, goldstein = `+r.table+`.goldstein - x.g
				FROM (SELECT d.source_root, d.target_root, `+r.expr+` AS p, d.quad, sum(d.events) AS e, sum(d.goldstein) AS g
					FROM dyad_days d`+touchedDays+` GROUP BY d.source_root, d.target_root, `+r.expr+`, d.quad) x
				WHERE `+r.table+`.source_root = x.source_root AND `+r.table+`.target_root = x.target_root
					AND `+r.table+`.`+r.period+` = x.p AND `+r.table+`.quad = x.quad`)
		}
	} else {
		steps = append(steps, `DELETE FROM dyad_weeks`, `DELETE FROM dyad_months`)
	}
	steps = append(steps,
		`DELETE FROM dyad_days AS d`+touchedDays,
		`INSERT INTO dyad_days (source_root, target_root, day, week, quad, events, goldstein)
		SELECT d.source_root, d.target_root, d.date, `+b.week("d.date")+`, d.quad, count(*), sum(d.goldstein)
		FROM distinct_events d`+days("date")+`
		GROUP BY d.source_root, d.target_root, d.date, d.quad`)
	for _, r := range rollups {
		steps = append(steps, `INSERT INTO `+r.table+` (source_root, target_root, `+r.period+`, quad, events, goldstein)
			SELECT d.source_root, d.target_root, `+r.expr+`, d.quad, sum(d.events), sum(d.goldstein)
			FROM dyad_days d`+touchedDays+` GROUP BY d.source_root, d.target_root, `+r.expr+`, d.quad
			ON CONFLICT (source_root, target_root, `+r.period+`, quad) DO UPDATE
			SET events = `+r.table+`.events + excluded.events, goldstein = `+r.table+`.goldstein + excluded.goldstein`)
		if !all {
			steps = append(steps, `DELETE FROM `+r.table+` WHERE events <= 0 AND (source_root, target_root, `+r.period+`) IN
				(SELECT DISTINCT d.source_root, d.target_root, `+strings.Replace(r.expr, "d.week", b.week("d.day"), 1)+` FROM touched_days d)`)
		}
	}
	steps = append(steps, actorSteps(b.week, all, true)...)
	for i, s := range steps {
		if _, err := t.exec(ctx, s); err != nil {
			return fmt.Errorf("recount distinct events: %w", err)
		}
		table := ""
		switch {
		case i == 0:
			table = "touched_days"
		case all && strings.HasPrefix(s, "INSERT INTO "):
			// A rebuild fills whole tables: the planner must know.
			table = strings.Fields(s)[2]
		}
		if table != "" {
			if err := b.analyze(ctx, t, table); err != nil {
				return err
			}
		}
	}
	return nil
}

// Rebuild implements [Store.Rebuild].
func (b *backend) Rebuild(ctx context.Context) error {
	t, err := b.begin(ctx)
	if err != nil {
		return err
	}
	defer t.rollback(ctx)
	for _, table := range []string{"articles", "events"} {
		if err := b.analyze(ctx, t, table); err != nil {
			return err
		}
	}
	steps := []string{
		`DELETE FROM distinct_events`,
		`DELETE FROM dyad_days`,
		`INSERT INTO distinct_events (date, source, target, code, source_root, target_root, root, quad, goldstein)
		SELECT date, source, target, code, min(source_root), min(target_root), min(root), min(quad), min(goldstein)
		FROM events GROUP BY date, source, target, code`,
		`UPDATE events SET de_id = d.id FROM distinct_events d
		WHERE d.date = events.date AND d.source = events.source AND d.target = events.target AND d.code = events.code`,
	}
	for _, s := range steps {
		if _, err := t.exec(ctx, s); err != nil {
			return fmt.Errorf("rebuild: %w", err)
		}
		if strings.HasPrefix(s, "INSERT INTO distinct_events") {
			if err := b.analyze(ctx, t, "distinct_events"); err != nil {
				return err
			}
		}
	}
	if err := b.recount(ctx, t, true); err != nil {
		return err
	}
	if err := bump(ctx, t); err != nil {
		return err
	}
	return t.commit(ctx)
}

// StartRun implements [Store.StartRun].
func (b *backend) StartRun(ctx context.Context, r *Run) (int64, error) {
	if r.Started.IsZero() {
		r.Started = time.Now().UTC()
	}
	if r.Status == "" {
		r.Status = "running"
	}
	err := b.db.queryRow(ctx, `INSERT INTO runs (command, args, started, status, coder_version, dict_version, model_version)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, r.Command, r.Args, timeText(r.Started), r.Status,
		r.Versions.Coder, r.Versions.Dict, r.Versions.Model).Scan(&r.ID)
	return r.ID, err
}

// FinishRun implements [Store.FinishRun].
func (b *backend) FinishRun(ctx context.Context, r *Run) error {
	if r.Finished.IsZero() {
		r.Finished = time.Now().UTC()
	}
	if r.Status == "" || r.Status == "running" {
		r.Status = "done"
	}
	_, err := b.db.exec(ctx, `UPDATE runs SET finished = ?, status = ?, articles = ?, duplicates = ?, sentences = ?,
		events = ?, skipped = ?, failed = ?, errors = ? WHERE id = ?`, timeText(r.Finished), r.Status, r.Articles,
		r.Duplicates, r.Sentences, r.Events, r.Skipped, r.Failed, r.Errors, r.ID)
	return err
}

// Runs implements [Store.Runs].
func (b *backend) Runs(ctx context.Context, limit int) ([]Run, error) {
	if limit <= 0 {
		limit = 20
	}
	rs, err := b.db.query(ctx, `SELECT id, command, args, started, finished, status, coder_version, dict_version,
		model_version, articles, duplicates, sentences, events, skipped, failed, errors FROM runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Run
	for rs.Next() {
		var r Run
		var started, finished string
		if err := rs.Scan(&r.ID, &r.Command, &r.Args, &started, &finished, &r.Status, &r.Versions.Coder, &r.Versions.Dict,
			&r.Versions.Model, &r.Articles, &r.Duplicates, &r.Sentences, &r.Events, &r.Skipped, &r.Failed, &r.Errors); err != nil {
			return nil, err
		}
		r.Started, r.Finished = parseTime(started), parseTime(finished)
		out = append(out, r)
	}
	return out, rs.Err()
}
