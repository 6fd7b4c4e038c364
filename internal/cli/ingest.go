package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"farabi/internal/engine"
	"farabi/internal/fetch"
	"farabi/internal/ingest"
	"farabi/internal/intake"
	"farabi/internal/store"
)

func ingestCommand() *Command {
	return &Command{
		Name:  "ingest",
		Usage: "ingest [--db DB | --queue nats://HOST:4222] [--index FILE] [--dict DIR] [--workers N] [--max-size MB] [--follow-below WORDS] [--state FILE] SRC...",
		Short: "read files, folders, globs, JSON lines, HTML pages, feeds and URLs (or - for stdin), code them and keep them in the store (or put them on a work queue for workers)",
		Run:   runIngest,
	}
}

// sourceFlags are the flags of the commands that read news into the store.
type sourceFlags struct {
	db, dict, state  *string
	workers, maxSize *int
	followBelow      *int
	allowPrivate     *bool
}

func defineSourceFlags(fs *flag.FlagSet) *sourceFlags {
	return &sourceFlags{
		db:          dbFlag(fs),
		dict:        dictFlag(fs),
		state:       fs.String("state", "", "remember feeds' ETag and Last-Modified in this `FILE` (default: beside a SQLite store, or in the data directory)"),
		workers:     fs.Int("workers", 0, "coding goroutines (default: one per core)"),
		maxSize:     fs.Int("max-size", 4, "keep at most this many `MB` of one story's text (longer ones are cut, and said so)"),
		followBelow: fs.Int("follow-below", 150, "fetch the page of a feed item whose own text has fewer `words`; -1 never"),
		allowPrivate: fs.Bool("allow-private", false,
			"allow fetching from loopback and private addresses (for tests; never for untrusted feeds)"),
	}
}

// intakeSetup is what ingest and watch open: the store, the coder and the
// fetcher.
type intakeSetup struct {
	st     store.Store
	eng    *engine.Engine
	client *fetch.Client
	state  string // the fetch state's file
}

func (sf *sourceFlags) open(ctx context.Context, env *Env) (*intakeSetup, error) {
	loc, err := store.Location(*sf.db, env.Getenv)
	if err != nil {
		return nil, err
	}
	statePath, err := fetchStatePath(env, *sf.state, loc)
	if err != nil {
		return nil, err
	}
	state, err := fetch.OpenFileState(statePath)
	if err != nil {
		return nil, err
	}
	eng, err := engine.Load(*sf.dict, env.Stderr)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, loc)
	if err != nil {
		return nil, err
	}
	client := fetch.New(fetch.Options{UserAgent: "farabi/" + engine.Version, AllowPrivate: *sf.allowPrivate, State: state})
	return &intakeSetup{st: st, eng: eng, client: client, state: statePath}, nil
}

// fetchStatePath is where feeds' validators are kept: the --state flag,
// else beside a SQLite store at loc, else (PostgreSQL, or no store: loc
// "") in the user's data directory.
func fetchStatePath(env *Env, flagState, loc string) (string, error) {
	if flagState != "" {
		return flagState, nil
	}
	if loc != "" && !store.IsPostgres(loc) {
		return loc + ".fetch.json", nil
	}
	def, err := store.Location("", func(k string) string {
		if k == "FARABI_DB" {
			return ""
		}
		return env.Getenv(k)
	})
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(def), "fetch-state.json"), nil
}

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "ingest")
	sf := defineSourceFlags(fs)
	qf := defineQueueFlags(fs)
	indexPath := fs.String("index", "", "a `FILE` of JSON lines {\"file\",\"url\",\"outlet\",\"date\"} giving files (relative to the folder ingested) their URL, outlet and date")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("no source: give files, folders, globs, URLs or - for stdin")
	}
	if *qf.url != "" {
		if err := queueOnly(fs, "db", "dict", "workers"); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var ix *ingest.Index
	if *indexPath != "" {
		f, err := os.Open(*indexPath)
		if err != nil {
			return err
		}
		ix, err = ingest.ReadIndex(*indexPath, f)
		f.Close()
		if err != nil {
			fmt.Fprintf(env.Stderr, "farabi ingest: some index lines were skipped:\n%v\n", err)
		}
	}
	if *qf.url != "" {
		return runIngestQueue(ctx, env, qf, sf, ix, fs.Args())
	}
	setup, err := sf.open(ctx, env)
	if err != nil {
		return err
	}
	defer setup.st.Close()
	total, exact := ingest.Count(fs.Args(), ix)
	if !exact {
		total = -1
	}
	prog := newProgress(env.Stderr, total)
	var lines []string
	opts := intake.Options{Workers: *sf.workers, Progress: prog.update, Problem: func(k intake.Kind, line string) {
		if k != intake.Warning {
			lines = append(lines, line)
		}
		prog.println(problemPrefix(k) + line)
	}}
	in := intake.New(setup.st, setup.eng, opts)
	rd := ingest.NewReader(ingest.Options{Index: ix, Fetch: setup.client, MaxBytes: *sf.maxSize << 20,
		FollowBelow: *sf.followBelow, Stdin: env.Stdin})
	run := &store.Run{Command: "ingest", Args: strings.Join(args, " "), Versions: in.Versions()}
	if _, err := setup.st.StartRun(context.WithoutCancel(ctx), run); err != nil {
		return err
	}
	start := time.Now()
	counts, err := in.Run(ctx, rd.Read(ctx, fs.Args()), run.ID)
	prog.done()
	run.Articles, run.Duplicates, run.Sentences, run.Events = counts.Articles, counts.Duplicates, counts.Sentences, counts.Events
	run.Skipped, run.Failed, run.Errors = counts.Skipped, counts.Failed, strings.Join(lines, "\n")
	interrupted := errors.Is(err, context.Canceled)
	switch {
	case interrupted:
		run.Status = "interrupted"
	case err != nil:
		run.Status = "failed"
	}
	if ferr := setup.st.FinishRun(context.WithoutCancel(ctx), run); ferr != nil && err == nil {
		err = ferr
	}
	printSummary(env.Stdout, counts, time.Since(start), lines)
	switch {
	case interrupted:
		return errors.New("interrupted: what was coded is stored; run the same command again to go on")
	case err != nil:
		return err
	case counts.Articles+counts.Duplicates == 0:
		return errors.New("nothing went in")
	}
	return nil
}

func problemPrefix(k intake.Kind) string {
	switch k {
	case intake.Skipped:
		return "skipped: "
	case intake.Failed:
		return "failed: "
	}
	return "warning: "
}

// printSummary says what a run did, with the reasons of what was skipped
// or failed.
func printSummary(w io.Writer, c intake.Counts, d time.Duration, lines []string) {
	secs := max(d.Seconds(), 1e-9)
	fmt.Fprintf(w, "ingest: %d articles stored (%d sentences, %d events, %d quotes), %d already stored, %d skipped, %d failed, in %s\n",
		c.Articles, c.Sentences, c.Events, c.Quotes, c.Duplicates, c.Skipped, c.Failed, d.Round(time.Millisecond))
	if c.Articles > 0 {
		fmt.Fprintf(w, "ingest: %.1f articles/s, %.1f sentences/s; %d joined the cluster of an earlier near-duplicate\n",
			float64(c.Articles)/secs, float64(c.Sentences)/secs, c.Clustered)
	}
	const show = 20
	for i, l := range lines {
		if i == show {
			fmt.Fprintf(w, "  … and %d more (farabi keeps them all in the run's record)\n", len(lines)-show)
			break
		}
		fmt.Fprintf(w, "  %s\n", l)
	}
}
