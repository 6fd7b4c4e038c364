package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"farabi/internal/analytics"
	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// syntheticStore fills a SQLite store with synthetic stories (no models
// needed) and returns its path.
func syntheticStore(t *testing.T, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "synth.db")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, copyOf := storetest.Synthetic(n, storetest.Options{Seed: 3, Copies: 0.2, Focal: 0.5, Days: 365,
		Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if _, err := storetest.Put(context.Background(), s, docs, copyOf, 100); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestAnalyticsCommands checks vectors, dyad and alerts against golden
// tables (run with -update to rewrite them), their JSON and their width.
func TestAnalyticsCommands(t *testing.T) {
	if testing.Short() {
		// The commands start no goroutines; the race step runs -short, and
		// under the race detector the store takes a minute or more to fill.
		t.Skip("-short: filling the synthetic store is slow under the race detector")
	}
	db := syntheticStore(t, 600)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"vectors", []string{"vectors", "KAZ", "--db", db, "--since", "2025-01-01", "--until", "2025-06-30"}},
		{"vectors-week", []string{"vectors", "--db", db, "--by", "week", "--since", "2025-03-01", "--until", "2025-04-30", "--top", "3", "kaz"}},
		{"dyad", []string{"dyad", "KAZ", "CHN", "--db", db, "--since", "2025-01-01"}},
		{"dyad-week", []string{"dyad", "--db", db, "--by", "week", "--since", "2025-01-01", "--until", "2025-03-31", "KAZ", "RUS"}},
		{"alerts", []string{"alerts", "--db", db, "--since", "2025-03-01", "--until", "2025-12-31", "--min", "3", "--sd", "2.5"}},
		{"alerts-kaz", []string{"alerts", "--db", db, "--actor", "KAZ", "--since", "2025-03-01", "--min", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, l := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(l); n > 80 {
					t.Errorf("line of %d columns: %q", n, l)
				}
			}
			golden := filepath.Join("testdata", "analytics", tc.name+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if diff := cmp.Diff(string(want), out); diff != "" {
				t.Errorf("%v (-want +got):\n%s", tc.args, diff)
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		code, out, errs := runCLI(t, "", "vectors", "KAZ", "--db", db, "--format", "json")
		var v analytics.Vectors
		if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Total.Events == 0 || len(v.Series) != 12 {
			t.Fatalf("vectors json: exit %d %s: %.200s", code, errs, out)
		}
		code, out, _ = runCLI(t, "", "dyad", "KAZ", "CHN", "--db", db, "--format", "json", "--by", "week")
		var s analytics.Series
		if code != 0 || json.Unmarshal([]byte(out), &s) != nil || s.Total.Events == 0 || len(s.Points) < 52 {
			t.Fatalf("dyad json: exit %d: %.200s", code, out)
		}
		code, out, _ = runCLI(t, "", "alerts", "--db", db, "--format", "json", "--since", "2025-01-01", "--min", "2")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		for _, l := range lines {
			var a analytics.Alert
			if err := json.Unmarshal([]byte(l), &a); err != nil || a.ID == "" {
				t.Errorf("alert line %q: %v", l, err)
			}
		}
		if code != 0 || len(lines) < 2 {
			t.Errorf("alerts json: exit %d, %d lines", code, len(lines))
		}
	})

	t.Run("bad", func(t *testing.T) {
		for _, args := range [][]string{
			{"vectors", "--db", db},
			{"vectors", "--db", db, "KAZ", "CHN"},
			{"vectors", "--db", db, "--by", "day", "KAZ"},
			{"vectors", "--db", db, "--format", "csv", "KAZ"},
			{"vectors", "--db", db, "K@Z"},
			{"dyad", "--db", db, "KAZ"},
			{"alerts", "--db", db, "KAZ"},
		} {
			if code, _, errs := runCLI(t, "", args...); code != 2 || !strings.Contains(errs, "usage:") {
				t.Errorf("%v: exit %d, %q; want a usage error", args, code, errs)
			}
		}
		if code, _, errs := runCLI(t, "", "vectors", "--db", db, "--since", "2025-02-30", "KAZ"); code != 1 || !strings.Contains(errs, "bad since") {
			t.Errorf("bad day: exit %d, %q", code, errs)
		}
		blocs := filepath.Join(t.TempDir(), "blocs.txt")
		os.WriteFile(blocs, []byte("[a] A\nKAZGOV\n"), 0o644)
		if code, _, errs := runCLI(t, "", "vectors", "--db", db, "--blocs", blocs, "KAZ"); code != 1 || !strings.Contains(errs, "blocs.txt:2: KAZGOV is not a country") {
			t.Errorf("bad blocs: exit %d, %q", code, errs)
		}
	})

	t.Run("blocs", func(t *testing.T) {
		blocs := filepath.Join(t.TempDir(), "blocs.txt")
		os.WriteFile(blocs, []byte("[big] Big neighbours\nRUS CHN\n[far] Far away\nUSA GBR JPN\n"), 0o644)
		code, out, errs := runCLI(t, "", "vectors", "--db", db, "--blocs", blocs, "KAZ")
		if code != 0 || !strings.Contains(out, "Big neighbours") || !strings.Contains(out, "(of 3 blocs)") {
			t.Errorf("exit %d %s:\n%s", code, errs, out)
		}
	})
}
