package cli

import (
	"context"
	"flag"
	"strings"
	"time"
	"unicode/utf8"

	"farabi/internal/store"
)

// dbFlag defines --db, the store every store command reads or writes.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the store: a SQLite `FILE` or postgres://… (default $FARABI_DB, else farabi.db in the user's data directory)")
}

// openStore opens the store named by --db, $FARABI_DB or the default.
func openStore(ctx context.Context, env *Env, db string) (store.Store, error) {
	loc, err := store.Location(db, env.Getenv)
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, loc)
}

// eventFlags are the filters that events and export share.
type eventFlags struct {
	actor, partner, since, until, root, code, dir *string
	quad                                          *int
	all                                           *bool
}

func defineEventFlags(fs *flag.FlagSet) *eventFlags {
	return &eventFlags{
		actor:   fs.String("actor", "", "events with this `ACTOR` on either side: KAZ (every KAZ… code) or a full code, KAZGOV"),
		partner: fs.String("partner", "", "and this `ACTOR` on the other side"),
		dir:     fs.String("direction", "both", "which side --actor is on: both, out (source) or in (target)"),
		since:   fs.String("since", "", "events on or after this `day` (YYYY-MM-DD)"),
		until:   fs.String("until", "", "events on or before this `day` (YYYY-MM-DD)"),
		root:    fs.String("root", "", "CAMEO `root` code, 01–20"),
		code:    fs.String("code", "", "CAMEO event `code`, e.g. 042"),
		quad:    fs.Int("quad", 0, "quad `class`: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
		all:     fs.Bool("all-mentions", false, "every stored mention, not one row per distinct event (date, source, target, code)"),
	}
}

// filter checks the flags and returns the filter they make.
func (e *eventFlags) filter() (store.EventFilter, error) {
	f := store.EventFilter{Actor: strings.ToUpper(*e.actor), Partner: strings.ToUpper(*e.partner), Since: *e.since, Until: *e.until,
		Root: *e.root, Code: *e.code, Quad: *e.quad, AllMentions: *e.all}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return f, usageError("bad --%s %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Root != "" && (len(f.Root) != 2 || !digits(f.Root)) {
		return f, usageError("bad --root %q: want two digits, 01–20", f.Root)
	}
	if f.Code != "" && (len(f.Code) < 2 || len(f.Code) > 4 || !digits(f.Code)) {
		return f, usageError("bad --code %q: want a CAMEO code of digits, e.g. 042", f.Code)
	}
	if f.Quad < 0 || f.Quad > 4 {
		return f, usageError("bad --quad %d: want 1–4", f.Quad)
	}
	switch *e.dir {
	case "both", "":
	case "out":
		f.Dir = store.Out
	case "in":
		f.Dir = store.In
	default:
		return f, usageError("bad --direction %q: want both, out or in", *e.dir)
	}
	return f, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// fit cuts s to at most n runes, ending in "…" when cut, with its white
// space made single spaces.
func fit(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// pad writes s clipped and padded to n columns.
func pad(s string, n int) string {
	s = fit(s, n)
	return s + strings.Repeat(" ", n-utf8.RuneCountInString(s))
}

// eachEvent pages through the events that pass f, calling fn for each;
// limit 0 means all.
func eachEvent(ctx context.Context, s store.Store, f store.EventFilter, limit int, fn func(*store.Event) error) (more string, err error) {
	n := 0
	for {
		f.Limit = 10000
		if limit > 0 {
			f.Limit = min(10000, limit-n)
		}
		evs, next, err := s.Events(ctx, f)
		if err != nil {
			return "", err
		}
		for i := range evs {
			if err := fn(&evs[i]); err != nil {
				return "", err
			}
		}
		n += len(evs)
		if next == "" {
			return "", nil
		}
		if limit > 0 && n >= limit {
			return next, nil
		}
		if err := ctx.Err(); err != nil {
			return "", err
		}
		f.After = next
	}
}

// formatError is the usage error for a --format value a command lacks.
func formatError(got string, want ...string) error {
	return usageError("--format must be %s, not %q", strings.Join(want, ", "), got)
}
