package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// A migration is one step of a backend's schema. Migrations run in order,
// each in a transaction that also records its version in
// schema_migrations, so a store is never left between two versions. New
// steps are appended; a step once released is never edited.
type migration struct {
	version int
	name    string
	sql     string // statements separated by ";\n"
}

// The schema, written once for both backends with a few words that differ:
// {id} an integer key, {int} a 64-bit integer, {real} a float, {bool} a
// boolean, {blob} bytes.
const schemaV1 = `
CREATE TABLE runs (
	id {id},
	command TEXT NOT NULL,
	args TEXT NOT NULL DEFAULT '',
	started TEXT NOT NULL,
	finished TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	coder_version TEXT NOT NULL DEFAULT '',
	dict_version TEXT NOT NULL DEFAULT '',
	model_version TEXT NOT NULL DEFAULT '',
	articles {int} NOT NULL DEFAULT 0,
	duplicates {int} NOT NULL DEFAULT 0,
	sentences {int} NOT NULL DEFAULT 0,
	events {int} NOT NULL DEFAULT 0,
	skipped {int} NOT NULL DEFAULT 0,
	failed {int} NOT NULL DEFAULT 0,
	errors TEXT NOT NULL DEFAULT ''
);
CREATE TABLE articles (
	id {id},
	url TEXT NOT NULL DEFAULT '',
	outlet TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL,
	date_guessed {bool} NOT NULL DEFAULT {false},
	language TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	hash TEXT NOT NULL UNIQUE,
	ingested_at TEXT NOT NULL,
	cluster {int} NOT NULL,
	source TEXT NOT NULL DEFAULT '',
	run_id {int} NOT NULL DEFAULT 0,
	sentences {int} NOT NULL DEFAULT 0,
	coder_version TEXT NOT NULL DEFAULT '',
	dict_version TEXT NOT NULL DEFAULT '',
	model_version TEXT NOT NULL DEFAULT '',
	signature {blob}
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_cluster ON articles (cluster);
CREATE TABLE article_bands (
	band {int} NOT NULL,
	article_id {int} NOT NULL,
	PRIMARY KEY (band, article_id)
);
CREATE INDEX article_bands_article ON article_bands (article_id);
CREATE TABLE events (
	id {id},
	article_id {int} NOT NULL,
	de_id {int},
	sentence {int} NOT NULL,
	date TEXT NOT NULL,
	when_text TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL,
	source_root TEXT NOT NULL,
	source_text TEXT NOT NULL DEFAULT '',
	source_name TEXT NOT NULL DEFAULT '',
	source_id TEXT NOT NULL DEFAULT '',
	source_start {int} NOT NULL DEFAULT 0,
	source_end {int} NOT NULL DEFAULT 0,
	target TEXT NOT NULL,
	target_root TEXT NOT NULL,
	target_text TEXT NOT NULL DEFAULT '',
	target_name TEXT NOT NULL DEFAULT '',
	target_id TEXT NOT NULL DEFAULT '',
	target_start {int} NOT NULL DEFAULT 0,
	target_end {int} NOT NULL DEFAULT 0,
	code TEXT NOT NULL,
	root TEXT NOT NULL,
	plover TEXT NOT NULL DEFAULT '',
	plover_mode TEXT NOT NULL DEFAULT '',
	plover_context TEXT NOT NULL DEFAULT '',
	quad {int} NOT NULL,
	goldstein {real} NOT NULL,
	rule TEXT NOT NULL DEFAULT '',
	confidence {real} NOT NULL DEFAULT 0,
	predicate TEXT NOT NULL DEFAULT '',
	predicate_start {int} NOT NULL DEFAULT 0,
	predicate_end {int} NOT NULL DEFAULT 0,
	notes TEXT NOT NULL DEFAULT '',
	sentence_text TEXT NOT NULL DEFAULT '',
	coder_version TEXT NOT NULL DEFAULT '',
	dict_version TEXT NOT NULL DEFAULT '',
	model_version TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_de ON events (de_id);
CREATE INDEX events_source ON events (source_root, date, id);
CREATE INDEX events_target ON events (target_root, date, id);
CREATE INDEX events_date ON events (date, id);
CREATE TABLE distinct_events (
	id {id},
	date TEXT NOT NULL,
	source TEXT NOT NULL,
	target TEXT NOT NULL,
	code TEXT NOT NULL,
	source_root TEXT NOT NULL,
	target_root TEXT NOT NULL,
	root TEXT NOT NULL,
	quad {int} NOT NULL,
	goldstein {real} NOT NULL,
	mentions {int} NOT NULL DEFAULT 0,
	stories {int} NOT NULL DEFAULT 0,
	outlets {int} NOT NULL DEFAULT 0,
	first_event {int} NOT NULL DEFAULT 0,
	UNIQUE (date, source, target, code)
);
CREATE INDEX distinct_source ON distinct_events (source_root, date, id);
CREATE INDEX distinct_target ON distinct_events (target_root, date, id);
CREATE INDEX distinct_date ON distinct_events (date, id);
CREATE TABLE dyad_days (
	source_root TEXT NOT NULL,
	target_root TEXT NOT NULL,
	day TEXT NOT NULL,
	week TEXT NOT NULL,
	quad {int} NOT NULL,
	events {int} NOT NULL,
	goldstein {real} NOT NULL,
	PRIMARY KEY (source_root, target_root, day, quad)
);
CREATE INDEX dyad_days_target ON dyad_days (target_root, source_root, day);
CREATE INDEX dyad_days_day ON dyad_days (day);
CREATE TABLE quotes (
	id {id},
	article_id {int} NOT NULL,
	date TEXT NOT NULL,
	sentence {int} NOT NULL,
	text TEXT NOT NULL,
	start_off {int} NOT NULL,
	end_off {int} NOT NULL,
	speaker_code TEXT NOT NULL DEFAULT '',
	speaker_root TEXT NOT NULL DEFAULT '',
	speaker_text TEXT NOT NULL DEFAULT '',
	speaker_name TEXT NOT NULL DEFAULT '',
	speaker_start {int} NOT NULL DEFAULT 0,
	speaker_end {int} NOT NULL DEFAULT 0
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_root, date, id);
CREATE INDEX quotes_date ON quotes (date, id);
CREATE TABLE mentions (
	id {id},
	article_id {int} NOT NULL,
	sentence {int} NOT NULL,
	code TEXT NOT NULL DEFAULT '',
	actor_id TEXT NOT NULL DEFAULT '',
	name TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL DEFAULT '',
	start_off {int} NOT NULL,
	end_off {int} NOT NULL,
	role TEXT NOT NULL DEFAULT '',
	method TEXT NOT NULL DEFAULT '',
	confidence {real} NOT NULL DEFAULT 0
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_code ON mentions (code)
`

// schemaRollups adds the weekly and monthly dyad tables that aggregates
// over long windows read (migration 4); {rowid} ends a table SQLite keeps
// without row IDs, {cover} lists the columns an index carries for
// index-only scans. The tables are filled from dyad_days.
const schemaRollups = `
CREATE TABLE dyad_weeks (
	source_root TEXT NOT NULL,
	target_root TEXT NOT NULL,
	week TEXT NOT NULL,
	quad {int} NOT NULL,
	events {int} NOT NULL,
	goldstein {real} NOT NULL,
	PRIMARY KEY (source_root, target_root, week, quad)
){rowid};
CREATE INDEX dyad_weeks_source ON dyad_weeks (source_root, week{cover:target_root, quad, events, goldstein});
CREATE INDEX dyad_weeks_target ON dyad_weeks (target_root, week{cover:source_root, quad, events, goldstein});
CREATE TABLE dyad_months (
	source_root TEXT NOT NULL,
	target_root TEXT NOT NULL,
	month TEXT NOT NULL,
	quad {int} NOT NULL,
	events {int} NOT NULL,
	goldstein {real} NOT NULL,
	PRIMARY KEY (source_root, target_root, month, quad)
){rowid};
CREATE INDEX dyad_months_source ON dyad_months (source_root, month{cover:target_root, quad, events, goldstein});
CREATE INDEX dyad_months_target ON dyad_months (target_root, month{cover:source_root, quad, events, goldstein});
INSERT INTO dyad_weeks (source_root, target_root, week, quad, events, goldstein)
	SELECT source_root, target_root, week, quad, sum(events), sum(goldstein) FROM dyad_days GROUP BY source_root, target_root, week, quad;
INSERT INTO dyad_months (source_root, target_root, month, quad, events, goldstein)
	SELECT source_root, target_root, substr(day, 1, 7), quad, sum(events), sum(goldstein) FROM dyad_days
	GROUP BY source_root, target_root, substr(day, 1, 7), quad
`

// schemaActors adds the dyad tables seen from each side (migration 8):
// per country (actor), partner country, period and quad class, the
// distinct events with the actor on either side, an event inside one
// country once. An aggregate around a focal country in both directions,
// the analytics' question, then reads one range of one index in the order
// of its groups instead of the two sides of the dyad tables and a sort.
// They are kept from the dyad tables by [actorSteps], which also fills
// them in the migration. {pkcover} lists the columns PostgreSQL's primary
// key carries for index-only scans (SQLite's tables without row IDs are
// their key's index).
const schemaActors = `
CREATE TABLE actor_days (
	actor TEXT NOT NULL,
	partner TEXT NOT NULL,
	day TEXT NOT NULL,
	quad {int} NOT NULL,
	events {int} NOT NULL,
	goldstein {real} NOT NULL,
	PRIMARY KEY (actor, day, partner, quad){pkcover}
){rowid};
CREATE INDEX actor_days_partner ON actor_days (actor, partner, day{cover:quad, events, goldstein});
CREATE TABLE actor_weeks (
	actor TEXT NOT NULL,
	partner TEXT NOT NULL,
	week TEXT NOT NULL,
	quad {int} NOT NULL,
	events {int} NOT NULL,
	goldstein {real} NOT NULL,
	PRIMARY KEY (actor, week, partner, quad){pkcover}
){rowid};
CREATE INDEX actor_weeks_partner ON actor_weeks (actor, partner, week{cover:quad, events, goldstein});
CREATE TABLE actor_months (
	actor TEXT NOT NULL,
	partner TEXT NOT NULL,
	month TEXT NOT NULL,
	quad {int} NOT NULL,
	events {int} NOT NULL,
	goldstein {real} NOT NULL,
	PRIMARY KEY (actor, month, partner, quad){pkcover}
){rowid};
CREATE INDEX actor_months_partner ON actor_months (actor, partner, month{cover:quad, events, goldstein})
`

// analyzeActors has the planner count the actor tables.
const analyzeActors = ";\nANALYZE actor_days;\nANALYZE actor_weeks;\nANALYZE actor_months"

// actorMigration creates the actor tables, fills them from the dyad
// tables and has the planner count them; include says how to write {cover}
// (see [cover]).
func actorMigration(version int, include bool, words map[string]string) migration {
	return migration{version, "dyad tables by actor",
		expand(cover(schemaActors, include), words) + ";\n" + strings.Join(actorSteps(nil, true, false), ";\n") + analyzeActors}
}

// schemaActorQuads makes an actor table (actor_days, actor_weeks,
// actor_months: {period} is day, week or month) one row per (actor,
// period, partner) with the quad classes as columns (migration 9): e0–e4
// count the distinct events of quad class 0 (none) to 4, g0–g4 sum their
// Goldstein scores. A row holds what four rows held, so an aggregate
// around an actor reads a quarter of the rows, and one grouped by period
// and partner (a country's vectors, a dyad's series) reads its answer
// row by row without grouping. {quaddefs} declares the ten columns,
// {quads} lists them.
const schemaActorQuads = `
DROP TABLE actor_{period}s;
CREATE TABLE actor_{period}s (
	actor TEXT NOT NULL,
	partner TEXT NOT NULL,
	{period} TEXT NOT NULL,
	{quaddefs},
	PRIMARY KEY (actor, {period}, partner){pkcover}
){rowid};
CREATE INDEX actor_{period}s_partner ON actor_{period}s (actor, partner, {period}{cover:{quads}})`

// quadCount and quadSum name the columns of the actor tables that count
// the distinct events of quad class q (0–4) and sum their Goldstein
// scores.
func quadCount(q int) string { return "e" + strconv.Itoa(q) }
func quadSum(q int) string   { return "g" + strconv.Itoa(q) }

// quadColumns lists the actor tables' ten quad columns, counts first.
func quadColumns() []string {
	var cols []string
	for q := 0; q <= 4; q++ {
		cols = append(cols, quadCount(q))
	}
	for q := 0; q <= 4; q++ {
		cols = append(cols, quadSum(q))
	}
	return cols
}

// quadMigration makes the actor tables' quad classes columns and fills
// them from the dyad tables (see [schemaActorQuads]).
func quadMigration(version int, include bool, words map[string]string) migration {
	var defs []string
	for q := 0; q <= 4; q++ {
		defs = append(defs, quadCount(q)+" {int} NOT NULL")
	}
	for q := 0; q <= 4; q++ {
		defs = append(defs, quadSum(q)+" {real} NOT NULL")
	}
	var tables []string
	for _, period := range []string{"day", "week", "month"} {
		tables = append(tables, strings.ReplaceAll(schemaActorQuads, "{period}", period))
	}
	schema := strings.ReplaceAll(strings.Join(tables, ";\n"), "{quaddefs}", strings.Join(defs, ",\n\t"))
	schema = strings.ReplaceAll(schema, "{quads}", strings.Join(quadColumns(), ", "))
	return migration{version, "quad classes of the actor tables as columns",
		expand(cover(schema, include), words) + ";\n" + strings.Join(actorSteps(nil, true, true), ";\n") + analyzeActors}
}

// schemaGeneration counts the writes committed to the store (migration
// 10): one row whose n each write transaction adds one to (see
// [Store.Generation]).
const schemaGeneration = `
CREATE TABLE store_generation (
	id {int} PRIMARY KEY,
	n {int} NOT NULL
);
INSERT INTO store_generation (id, n) VALUES (1, 0)
`

// actorSteps keeps the actor tables from the dyad tables: the rows of the
// dyads and periods that touched_days holds (both ways round) are
// computed again, or all rows when all is set; week is the SQL of a day's
// Monday (unused when all is set). They run after the dyad tables are
// written. wide writes the tables of migration 9 (quad classes as
// columns), else those of migration 8 (a row per quad class).
func actorSteps(week func(string) string, all, wide bool) []string {
	var steps []string
	for _, r := range []struct{ table, dyads, period, expr string }{
		{"actor_days", "dyad_days", "day", "d.day"},
		{"actor_weeks", "dyad_weeks", "week", "week"},
		{"actor_months", "dyad_months", "month", "substr(d.day, 1, 7)"}} {
		del, cond := "DELETE FROM "+r.table, "true"
		if !all {
			expr := r.expr
			if expr == "week" {
				expr = week("d.day")
			}
			keys := "(SELECT d.source_root, d.target_root, " + expr + " FROM touched_days d UNION SELECT d.target_root, d.source_root, " +
				expr + " FROM touched_days d)"
			del += " WHERE (actor, partner, " + r.period + ") IN " + keys
			cond = "(source_root, target_root, " + r.period + ") IN " + keys
		}
		cols, sums, group := "quad, events, goldstein", "quad, sum(e), sum(g)", ", quad"
		if wide {
			// Quad classes 1–4 to their columns, anything else (0) to e0
			// and g0: Put refuses other classes.
			var vals []string
			for _, v := range []string{"e", "g"} {
				vals = append(vals, "sum(CASE WHEN quad BETWEEN 1 AND 4 THEN 0 ELSE "+v+" END)")
				for q := 1; q <= 4; q++ {
					vals = append(vals, "sum(CASE WHEN quad = "+strconv.Itoa(q)+" THEN "+v+" ELSE 0 END)")
				}
			}
			cols, sums, group = strings.Join(quadColumns(), ", "), strings.Join(vals, ", "), ""
		}
		steps = append(steps, del, `INSERT INTO `+r.table+` (actor, partner, `+r.period+`, `+cols+`)
			SELECT a, p, x, `+sums+` FROM (
				SELECT source_root AS a, target_root AS p, `+r.period+` AS x, quad, events AS e, goldstein AS g FROM `+r.dyads+` WHERE `+cond+`
				UNION ALL
				SELECT target_root, source_root, `+r.period+`, quad, events, goldstein FROM `+r.dyads+` WHERE source_root <> target_root AND `+cond+`
			) y GROUP BY a, p, x`+group)
	}
	return steps
}

// schemaPairs keeps, for each distinct event, how many of its mentions
// come from each dedup cluster and each outlet (migration 5), so that a
// write changes a key's story and outlet counts by the pairs it adds or
// empties instead of counting all the key's mentions again.
const schemaPairs = `
CREATE TABLE de_clusters (
	de_id {int} NOT NULL,
	cluster {int} NOT NULL,
	n {int} NOT NULL,
	PRIMARY KEY (de_id, cluster)
){rowid};
CREATE TABLE de_outlets (
	de_id {int} NOT NULL,
	outlet TEXT NOT NULL,
	n {int} NOT NULL,
	PRIMARY KEY (de_id, outlet)
){rowid};
INSERT INTO de_clusters (de_id, cluster, n) SELECT e.de_id, a.cluster, count(*)
	FROM events e JOIN articles a ON a.id = e.article_id WHERE e.de_id IS NOT NULL GROUP BY e.de_id, a.cluster;
INSERT INTO de_outlets (de_id, outlet, n) SELECT e.de_id, a.outlet, count(*)
	FROM events e JOIN articles a ON a.id = e.article_id WHERE e.de_id IS NOT NULL GROUP BY e.de_id, a.outlet
`

// schemaPlace adds where an event happened (migration 7): the place's
// words, the country it lies in and its offsets, as the coder found them
// ("in Astana", "at the Kremlin"); empty for events stored before.
const schemaPlace = `
ALTER TABLE events ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_country TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_start {int} NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN place_end {int} NOT NULL DEFAULT 0
`

// cover writes {cover:cols} as SQLite's extra index columns (sqlite) or
// PostgreSQL's INCLUDE.
func cover(schema string, include bool) string {
	for {
		i := strings.Index(schema, "{cover:")
		if i < 0 {
			return schema
		}
		j := i + strings.Index(schema[i:], "}")
		cols := schema[i+len("{cover:") : j]
		if include {
			schema = schema[:i] + ") INCLUDE (" + cols + schema[j+1:]
		} else {
			schema = schema[:i] + ", " + cols + schema[j+1:]
		}
	}
}

// expand writes the schema's placeholders in a backend's words.
func expand(schema string, words map[string]string) string {
	for k, v := range words {
		schema = strings.ReplaceAll(schema, k, v)
	}
	return schema
}

// migrate applies the migrations a store lacks. It holds the writer's
// lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL) so two
// processes opening a new store do not both create it.
func migrate(ctx context.Context, b *backend, ms []migration) error {
	if _, err := b.db.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	// A store that is up to date is seen with one read, without taking the
	// writer's lock.
	var have int
	if err := b.db.queryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	if len(ms) > 0 && have >= ms[len(ms)-1].version {
		return nil
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		t, err := b.begin(ctx)
		if err != nil {
			return err
		}
		var n int
		if err := t.queryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
			t.rollback(ctx)
			return err
		}
		if n > 0 {
			t.rollback(ctx)
			continue
		}
		for _, stmt := range strings.Split(m.sql, ";\n") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			if _, err := t.exec(ctx, stmt); err != nil {
				t.rollback(ctx)
				return fmt.Errorf("migration %d (%s): %w\n%s", m.version, m.name, err, stmt)
			}
		}
		if _, err := t.exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, nowText()); err != nil {
			t.rollback(ctx)
			return err
		}
		if err := t.commit(ctx); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}
