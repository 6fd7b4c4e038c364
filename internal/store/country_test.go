package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

var countryCases = []struct{ code, want string }{
	{"KAZ", "KAZ"}, {"KAZGOV", "KAZ"}, {"KAZGOVMIL", "KAZ"}, {"CAS", "CAS"}, {"---", "---"}, {"", ""}, {"US", "US"},
	{"IGOEUREEC", "EU"}, {"IGOEUREECLEG", "EU"}, {"IGOUNO", "UN"}, {"IGOUNOSEC", "UN"}, {"IGOUNODEVWBK", "WB"},
	{"IGOWSTNAT", "NATO"}, {"IGOEURSCE", "OSCE"}, {"IGOEURCOE", "IGOEURCOE"}, {"IGOEURCOEJUD", "IGOEURCOE"},
	{"NGOWEF", "NGOWEF"}, {"IGO", "IGO"}, {"OSCE", "OSCE"}, {"OSCEPA", "OSCE"}, {"EAEU", "EAEU"}, {"SCO", "SCO"},
	{"GCC", "GCC"}, {"ARAB_LEAGUE", "ARAB_LEAGUE"}, {"UNESCO", "UNESCO"}, {"NATO", "NATO"},
}

func TestCountry(t *testing.T) {
	for k := range shortNames {
		if len(k) > maxShortName || len(k) < 4 {
			t.Errorf("short name %q: longer than maxShortName or shorter than four", k)
		}
	}
	for k := range groupAliases {
		if len(k) > maxAlias {
			t.Errorf("alias %q longer than maxAlias", k)
		}
	}
	for _, tc := range countryCases {
		if got := Country(tc.code); got != tc.want {
			t.Errorf("Country(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

// TestCountrySQL checks that the migration's SQL computes what Country
// does.
func TestCountrySQL(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range countryCases {
		var got string
		if err := db.QueryRowContext(context.Background(), "SELECT "+countrySQL("c")+" FROM (SELECT ? AS c)", tc.code).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("countrySQL(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

func BenchmarkCountry(b *testing.B) {
	for b.Loop() {
		for _, tc := range countryCases {
			Country(tc.code)
		}
	}
}
