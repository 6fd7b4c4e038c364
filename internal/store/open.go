package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Location returns where the store is: flag when given (the --db flag),
// else $FARABI_DB, else farabi.db in the user's data directory:
// $XDG_DATA_HOME/farabi, or ~/.local/share/farabi on Linux and the BSDs,
// ~/Library/Application Support/farabi on macOS, %AppData%\farabi on
// Windows. A location starting postgres:// or postgresql:// is a
// PostgreSQL server; anything else is a SQLite file.
func Location(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if v := getenv("FARABI_DB"); v != "" {
		return v, nil
	}
	dir, err := dataDir(getenv)
	if err != nil {
		return "", fmt.Errorf("no --db given, FARABI_DB unset, and %w", err)
	}
	return filepath.Join(dir, "farabi", "farabi.db"), nil
}

func dataDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "darwin", "windows", "ios", "plan9":
		return os.UserConfigDir()
	}
	home := getenv("HOME")
	if home == "" {
		return "", fmt.Errorf("no home directory for the default store")
	}
	return filepath.Join(home, ".local", "share"), nil
}

// IsPostgres says whether a location names a PostgreSQL server.
func IsPostgres(loc string) bool {
	return strings.HasPrefix(loc, "postgres://") || strings.HasPrefix(loc, "postgresql://")
}

// Open opens (creating and migrating when needed) the store at loc: a
// PostgreSQL server for a postgres:// URL, else a SQLite file, whose
// directory is created.
func Open(ctx context.Context, loc string) (Store, error) {
	if IsPostgres(loc) {
		return openPostgres(ctx, loc)
	}
	return openSQLite(ctx, loc)
}
