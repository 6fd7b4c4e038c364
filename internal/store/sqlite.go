package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, "sqlite"
)

// sqliteMigrations are the SQLite schema's versions.
func sqliteMigrations() []migration {
	words := map[string]string{"{id}": "INTEGER PRIMARY KEY", "{int}": "INTEGER", "{real}": "REAL",
		"{bool}": "INTEGER", "{false}": "0", "{blob}": "BLOB"}
	return []migration{
		{1, "tables", expand(schemaV1, words)},
		{2, "full-text search", `
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text); END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END`},
		{3, "covering indexes for aggregates", `
CREATE TABLE dyad_days_new (
	source_root TEXT NOT NULL,
	target_root TEXT NOT NULL,
	day TEXT NOT NULL,
	week TEXT NOT NULL,
	quad INTEGER NOT NULL,
	events INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	PRIMARY KEY (source_root, target_root, day, quad)
) WITHOUT ROWID;
INSERT INTO dyad_days_new SELECT source_root, target_root, day, week, quad, events, goldstein FROM dyad_days;
DROP TABLE dyad_days;
ALTER TABLE dyad_days_new RENAME TO dyad_days;
CREATE INDEX dyad_days_source_day ON dyad_days (source_root, day, target_root, quad, week, events, goldstein);
CREATE INDEX dyad_days_target_day ON dyad_days (target_root, day, source_root, quad, week, events, goldstein);
DROP INDEX distinct_source;
DROP INDEX distinct_target;
CREATE INDEX distinct_source ON distinct_events (source_root, date, id, target_root, source, target, root, code, quad, goldstein);
CREATE INDEX distinct_target ON distinct_events (target_root, date, id, source_root, source, target, root, code, quad, goldstein)`},
		{4, "weekly and monthly dyad tables", expand(cover(schemaRollups, false), map[string]string{
			"{int}": "INTEGER", "{real}": "REAL", "{rowid}": " WITHOUT ROWID"})},
		{5, "clusters and outlets of distinct events", expand(schemaPairs, map[string]string{"{int}": "INTEGER", "{rowid}": " WITHOUT ROWID"})},
		countryMigration(6, sqliteWeek),
		{7, "event places", expand(schemaPlace, map[string]string{"{int}": "INTEGER"})},
		actorMigration(8, false, map[string]string{"{int}": "INTEGER", "{real}": "REAL", "{rowid}": " WITHOUT ROWID", "{pkcover}": ""}),
		sampled(quadMigration(9, false, map[string]string{"{int}": "INTEGER", "{real}": "REAL", "{rowid}": " WITHOUT ROWID", "{pkcover}": ""})),
		{10, "store generation", expand(schemaGeneration, words)},
	}
}

// sampled has a migration's ANALYZE sample its tables (analysis_limit), as
// PRAGMA optimize does, and so write no sqlite_stat4 rows for them. With
// those rows the driver's SQLite (built with STAT4) prepares a statement
// again each time a range's bound values are bound: a tenth of the CPU of
// an aggregate over the actor tables.
func sampled(m migration) migration {
	m.sql = "PRAGMA analysis_limit = 2000;\n" + m.sql + ";\nPRAGMA analysis_limit = 0"
	return m
}

// sqliteWeek is the Monday of the week of a date column.
func sqliteWeek(col string) string { return "date(" + col + ", '-6 days', 'weekday 1')" }

// openSQLite opens a SQLite store in WAL mode with synchronous=NORMAL: a
// killed process loses nothing committed and never leaves a transaction
// half applied; a power cut may lose the last transactions, never
// consistency. Writers take the lock at BEGIN (IMMEDIATE) and wait up to
// 30 s for one another.
func openSQLite(ctx context.Context, path string) (Store, error) {
	path = strings.TrimPrefix(path, "sqlite:")
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(30000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(0)",
		"cache_size(-32000)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	if strconv.IntSize == 64 {
		// Pages read through a memory map, not a read(2) each: a fifth
		// of a listing's CPU over a store larger than the page cache.
		// Each connection maps the file; 32-bit address spaces are too
		// small for eight of them.
		q.Add("_pragma", "mmap_size(4294967296)")
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	// Readers run side by side in WAL mode, each on a connection of its
	// own; idle connections are kept (database/sql keeps two by default),
	// so a burst of requests does not open new ones, each with a cold page
	// cache and no prepared statements.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	reads := newStmtCache(db)
	b := &backend{kind: "sqlite", db: reads,
		sizeSQL: `SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`,
		close: func() error {
			reads.close()
			db.Exec("PRAGMA optimize") // keeps the planner's statistics fresh
			return db.Close()
		},
		analyze: func(context.Context, tx, string) error { return nil },
		// The writer holds the database's lock from BEGIN IMMEDIATE, and
		// articles are never deleted, so the next IDs are free.
		allocIDs: func(ctx context.Context, t tx, n int) ([]int64, error) {
			var last int64
			if err := t.queryRow(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&last); err != nil {
				return nil, err
			}
			ids := make([]int64, n)
			for i := range ids {
				ids[i] = last + 1 + int64(i)
			}
			return ids, nil
		},
		week:    sqliteWeek,
		addDays: func(col string, n int) string { return "date(" + col + ", '" + strconv.Itoa(n) + " days')" }}
	b.begin = func(ctx context.Context) (tx, error) {
		t, err := db.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		st := &sqliteTx{sqlQueryer{t}, t}
		for _, s := range []string{
			`CREATE TEMP TABLE IF NOT EXISTS batch_articles (id INTEGER PRIMARY KEY)`,
			`CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)`,
			`CREATE TEMP TABLE IF NOT EXISTS touched_days (source_root TEXT, target_root TEXT, day TEXT, PRIMARY KEY (source_root, target_root, day))`,
			`DELETE FROM batch_articles`, `DELETE FROM touched`, `DELETE FROM touched_days`,
			`CREATE TEMP TABLE IF NOT EXISTS pairs_c (de_id INTEGER, cluster INTEGER, k INTEGER, PRIMARY KEY (de_id, cluster))`,
			`CREATE TEMP TABLE IF NOT EXISTS pairs_o (de_id INTEGER, outlet TEXT, k INTEGER, PRIMARY KEY (de_id, outlet))`,
			`DELETE FROM pairs_c`, `DELETE FROM pairs_o`,
		} {
			if _, err := t.ExecContext(ctx, s); err != nil {
				t.Rollback()
				return nil, err
			}
		}
		return st, nil
	}
	b.quoteMatch = func(text string) (string, []any) {
		q := ftsQuery(text)
		if q == "" {
			return "false", nil // no words: nothing matches
		}
		return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", []any{q}
	}
	b.searchArticles = func(ctx context.Context, sq SearchQuery) ([]Hit, error) {
		fq := ftsQuery(sq.Text)
		if fq == "" {
			return nil, nil // no words: nothing matches
		}
		var w where
		w.add("articles_fts MATCH ?", fq)
		if sq.Since != "" {
			w.add("a.published >= ?", sq.Since)
		}
		if sq.Until != "" {
			w.add("a.published <= ?", sq.Until)
		}
		rs, err := b.db.query(ctx, `SELECT `+articleCols+`, snippet(articles_fts, 1, '[', ']', '…', 16), -bm25(articles_fts)
			FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE `+w.sql()+` ORDER BY bm25(articles_fts) LIMIT ?`,
			append(w.args, sq.Limit)...)
		if err != nil {
			return nil, err
		}
		return scanHits(rs)
	}
	if err := migrate(ctx, b, sqliteMigrations()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return b, nil
}

func scanHits(rs rows) ([]Hit, error) {
	defer rs.Close()
	var out []Hit
	for rs.Next() {
		var h Hit
		if err := scanArticle(rs, &h.Article, &h.Snippet, &h.Rank); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rs.Err()
}

// sqliteTx is a write transaction on SQLite.
type sqliteTx struct {
	sqlQueryer
	t *sql.Tx
}

func (t *sqliteTx) commit(context.Context) error   { return t.t.Commit() }
func (t *sqliteTx) rollback(context.Context) error { return t.t.Rollback() }

// insert adds rows with one prepared statement.
func (t *sqliteTx) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	st, err := t.t.PrepareContext(ctx, "INSERT INTO "+table+" ("+strings.Join(cols, ", ")+") VALUES ("+marks(len(cols))+")")
	if err != nil {
		return err
	}
	defer st.Close()
	for _, r := range rows {
		if _, err := st.ExecContext(ctx, r...); err != nil {
			return err
		}
	}
	return nil
}
