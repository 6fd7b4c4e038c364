package store_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"farabi/internal/crashtest"
	"farabi/internal/event"
	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// crashStories is how many stories the crash test's writer stores:
// FARABI_CRASH_STORIES, default 300.
func crashStories() int {
	if n, _ := strconv.Atoi(os.Getenv("FARABI_CRASH_STORIES")); n > 0 {
		return n
	}
	return 300
}

// TestCrashChild is the writer the crash test kills: it stores synthetic
// stories in batches (a bulk ingest), then re-codes every article with
// other versions and events (a recode). Run again, it skips what is done.
func TestCrashChild(t *testing.T) {
	loc := os.Getenv("FARABI_CRASH_CHILD")
	if loc == "" {
		t.Skip("the crash test's writer; TestCrash runs it")
	}
	ctx := context.Background()
	s, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, copyOf := storetest.Synthetic(crashStories(), storetest.Options{Seed: 11, Copies: 0.25, Focal: 0.4})
	if _, err := storetest.Put(ctx, s, docs, copyOf, 20); err != nil {
		t.Fatal(err)
	}
	byURL := map[string]int{}
	for i, d := range docs {
		byURL[d.Article.URL] = i
	}
	v2 := store.Versions{Coder: "0.2.0", Dict: "test", Model: "m2"}
	var after int64
	for {
		arts, err := s.Stale(ctx, v2, after, 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) == 0 {
			return
		}
		for _, a := range arts {
			after = a.ID
			k := byURL[a.URL] // not a.ID: PostgreSQL's IDs skip what a killed run took
			c := docs[k].Coding
			c.Versions = v2
			c.Events = append([]event.Event(nil), c.Events...)
			for k := range c.Events {
				c.Events[k].CoderVersion, c.Events[k].ModelVersion = v2.Coder, v2.Model
			}
			if k%3 == 0 && len(c.Events) > 1 {
				c.Events = c.Events[1:]
			}
			if err := s.Recode(ctx, a.ID, &c); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestCrash kills the writer above with SIGKILL at random moments, reruns
// it, and compares the store with a clean run's: FARABI_CRASH_RUNS runs
// (default 3; the report's numbers use 20 runs of 1500 stories) on SQLite, and on PostgreSQL
// when FARABI_TEST_POSTGRES is set.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and reruns a writer")
	}
	runs, _ := strconv.Atoi(os.Getenv("FARABI_CRASH_RUNS"))
	if runs == 0 {
		runs = 3
	}
	snapshot := func(loc string) (string, error) {
		s, err := store.Open(context.Background(), loc)
		if err != nil {
			return "", err
		}
		defer s.Close()
		return storetest.Snapshot(context.Background(), s)
	}
	command := func(loc string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashChild$")
		cmd.Env = append(os.Environ(), "FARABI_CRASH_CHILD="+loc)
		return cmd
	}
	t.Run("sqlite", func(t *testing.T) {
		crashtest.Run(t, crashtest.Case{Runs: runs, Seed: 1, Command: command, Snapshot: snapshot,
			Prepare: func(dir string) (string, error) { return filepath.Join(dir, "crash.db"), nil }})
	})
	t.Run("postgres", func(t *testing.T) {
		postgresDSN(t)
		crashtest.Run(t, crashtest.Case{Runs: runs, Seed: 2, Command: command, Snapshot: snapshot,
			Prepare: func(string) (string, error) { return freshPostgres(t), nil }})
	})
}
