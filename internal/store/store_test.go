package store_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "sub", "farabi.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// postgresDSN returns the test server's URL from FARABI_TEST_POSTGRES. The
// suite skips without one, except in CI (CI=true), where it fails: .ci/run
// starts a server and sets the variable.
func postgresDSN(t *testing.T) string {
	dsn := os.Getenv("FARABI_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("FARABI_TEST_POSTGRES is unset in CI: .ci/run should start PostgreSQL and set it")
		}
		t.Skip("PostgreSQL conformance suite skipped: set FARABI_TEST_POSTGRES=postgres://… (bash .ci/run starts a server)")
	}
	return dsn
}

var schemaSeq atomic.Int64

// freshPostgres returns the URL of an empty schema of its own on the test
// server, dropped when the test ends.
func freshPostgres(t *testing.T) string {
	dsn := postgresDSN(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("FARABI_TEST_POSTGRES: %v", err)
	}
	schema := fmt.Sprintf("farabi_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE; CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
		conn.Close(ctx)
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestPostgres(t *testing.T) {
	postgresDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.Open(context.Background(), freshPostgres(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestLocation(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"x.db", map[string]string{"FARABI_DB": "y.db"}, "x.db"},
		{"", map[string]string{"FARABI_DB": "postgres://h/db"}, "postgres://h/db"},
		{"", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/u"}, "/data/farabi/farabi.db"},
	}
	for _, c := range cases {
		got, err := store.Location(c.flag, env(c.env))
		if err != nil || got != c.want {
			t.Errorf("Location(%q, %v) = %q, %v; want %q", c.flag, c.env, got, err, c.want)
		}
	}
	if !store.IsPostgres("postgresql://x") || store.IsPostgres("farabi.db") {
		t.Error("IsPostgres")
	}
}

func TestOpenErrors(t *testing.T) {
	_, err := store.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("unreachable server: %v", err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "not-a-db")
	os.WriteFile(bad, []byte("this is not a SQLite file, just text that is long enough to have a header"), 0o644)
	if _, err := store.Open(context.Background(), bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("not a database: %v", err)
	}
}

func TestContentHash(t *testing.T) {
	a := store.ContentHash("Astana,  May 5 –\nKazakhstan and China\r\n signed.")
	b := store.ContentHash("  Astana, May 5 – Kazakhstan and China signed.\n")
	if a != b {
		t.Error("white space changes the hash")
	}
	if a == store.ContentHash("Astana, May 5 – Kazakhstan and Russia signed.") {
		t.Error("other words, same hash")
	}
}
