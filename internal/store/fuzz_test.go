package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// FuzzSearch feeds arbitrary user text to the full-text searches and the
// cursor parser: whatever is typed, a search answers (perhaps nothing) and
// never fails with a query-syntax error, and a bad cursor is an error, not
// a crash.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"wheat", `"grain partnership"`, "AND OR NOT", "NEAR(a b)", "*", "title:x", `"`, "a-b 'c'", "ü ß 中国", "2025.12"} {
		f.Add(s)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	docs, copyOf := storetest.Synthetic(20, storetest.Options{Seed: 3})
	if _, err := storetest.Put(ctx, s, docs, copyOf, 20); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := s.Search(ctx, store.SearchQuery{Text: text}); err != nil && strings.TrimSpace(text) != "" {
			t.Errorf("Search(%q): %v", text, err)
		}
		if _, _, err := s.Quotes(ctx, store.QuoteFilter{Search: text}); err != nil {
			t.Errorf("Quotes(search %q): %v", text, err)
		}
		s.Events(ctx, store.EventFilter{After: text, Limit: 1})
	})
}
