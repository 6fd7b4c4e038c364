package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"farabi/internal/store"
)

// TestStoreCommands fills a store with the demo and reads it back with
// every store command and format.
func TestStoreCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errs := runCLI(t, "", "demo", "--db", db)
	if code != 0 || !strings.Contains(out, "Kazakhstan's partners") || !strings.Contains(out, "CHN China") {
		t.Fatalf("demo: exit %d\n%s\n%s", code, out, errs)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, db) {
			continue
		}
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("demo line of %d columns: %q", n, line)
		}
	}

	t.Run("events", func(t *testing.T) {
		code, out, errs := runCLI(t, "", "events", "--db", db, "--actor", "kaz", "--partner", "CHN", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 5 {
			t.Fatalf("%d events", len(lines))
		}
		for _, l := range lines {
			var e storedEventJSON
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatal(err)
			}
			if !(strings.HasPrefix(e.Source, "KAZ") && strings.HasPrefix(e.Target, "CHN") ||
				strings.HasPrefix(e.Source, "CHN") && strings.HasPrefix(e.Target, "KAZ")) || e.Mentions < 1 || e.DistinctID == 0 {
				t.Errorf("event %s", l)
			}
		}
		code, out, _ = runCLI(t, "", "events", "--db", db, "--actor", "KAZ")
		if code != 0 {
			t.Fatal(code)
		}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if n := utf8.RuneCountInString(l); n > 80 {
				t.Errorf("table line of %d columns: %q", n, l)
			}
		}
		code, out, _ = runCLI(t, "", "events", "--db", db, "--format", "csv", "--root", "05", "--all-mentions")
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(recs) < 2 || strings.Join(recs[0], ",") != strings.Join(csvHeader, ",") {
			t.Fatalf("csv: exit %d, %v, %q", code, err, out)
		}
		for _, r := range recs[1:] {
			if r[6] != "05" {
				t.Errorf("root filter: %v", r)
			}
		}
		code, out, _ = runCLI(t, "", "events", "--db", db, "--format", "tsv", "--quad", "3")
		for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			if f := strings.Split(l, "\t"); code != 0 || len(f) != len(csvHeader) || f[7] != "3" {
				t.Errorf("tsv: %q", l)
			}
		}
		code, out, errs = runCLI(t, "", "events", "--db", db, "--format", "plover", "--limit", "2")
		if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(errs, "--after") {
			t.Errorf("plover page: exit %d, %q, %q", code, out, errs)
		}
	})

	t.Run("quotes", func(t *testing.T) {
		code, out, errs := runCLI(t, "", "quotes", "--db", db, "--speaker", "KAZ", "--format", "csv")
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(recs) < 3 {
			t.Fatalf("exit %d, %v, %q %s", code, err, out, errs)
		}
		code, out, _ = runCLI(t, "", "quotes", "--db", db, "--search", "corridor", "--format", "json")
		if code != 0 || strings.Count(out, "\n") != 2 {
			t.Errorf("search corridor: %q", out)
		}
		if code, _, errs := runCLI(t, "", "quotes", "--speaker", "KAZ", "some-file.txt"); code != 2 {
			t.Errorf("store flags with a FILE: exit %d, %s", code, errs)
		}
	})

	t.Run("search", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "search", "--db", db, "hydrogen")
		if code != 0 || !strings.Contains(out, "German firms plan hydrogen project") {
			t.Errorf("exit %d: %q", code, out)
		}
	})

	t.Run("export", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "export", "--db", db, "--format", "gdelt-tsv", "--actor", "KAZ")
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if code != 0 || len(lines) < 10 {
			t.Fatalf("exit %d, %d lines", code, len(lines))
		}
		for _, l := range lines {
			f := strings.Split(l, "\t")
			if len(f) != 61 || len(f[1]) != 8 || f[26] == "" {
				t.Errorf("gdelt row of %d columns: %q", len(f), l)
			}
		}
		if code, _, _ := runCLI(t, "", "export", "--db", db, "--format", "xml"); code != 2 {
			t.Errorf("bad format: exit %d", code)
		}
	})

	t.Run("recode", func(t *testing.T) {
		code, _, errs := runCLI(t, "", "recode", "--db", db)
		if code != 0 || !strings.Contains(errs, "recode: 0 articles") {
			t.Fatalf("nothing stale: exit %d, %s", code, errs)
		}
		// Make two articles stale, as an older coder would have left them.
		s, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		before, _ := s.Stats(context.Background())
		for _, id := range []int64{1, 5} {
			evs, _, _ := s.Events(context.Background(), store.EventFilter{ArticleID: id})
			c := store.Coding{Versions: store.Versions{Coder: "0.0.1", Dict: "old", Model: "old"}}
			for _, e := range evs[:1] {
				c.Events = append(c.Events, e.Event)
			}
			if err := s.Recode(context.Background(), id, &c); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		code, _, errs = runCLI(t, "", "recode", "--db", db)
		if code != 0 || !strings.Contains(errs, "recode: 2 articles") {
			t.Fatalf("exit %d, %s", code, errs)
		}
		s, _ = store.Open(context.Background(), db)
		defer s.Close()
		after, _ := s.Stats(context.Background())
		before.Runs, after.Runs = 0, 0
		before.Bytes, after.Bytes = 0, 0
		if before != after {
			t.Errorf("after recode %+v, want %+v", after, before)
		}
	})

	t.Run("bad flags", func(t *testing.T) {
		for _, args := range [][]string{
			{"events", "--db", db, "--quad", "9"},
			{"events", "--db", db, "--since", "May"},
			{"events", "--db", db, "--root", "4"},
			{"events", "--db", db, "--format", "xml"},
			{"events", "--db", db, "--direction", "up"},
			{"search", "--db", db},
		} {
			if code, _, errs := runCLI(t, "", args...); code != 2 || strings.Count(errs, "\n") > 3 {
				t.Errorf("%v: exit %d, %q", args, code, errs)
			}
		}
		if code, _, errs := runCLI(t, "", "events", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2"); code != 1 || !strings.Contains(errs, "127.0.0.1:1") {
			t.Errorf("unreachable store: exit %d, %q", code, errs)
		}
	})
}
