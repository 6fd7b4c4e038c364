package store

import (
	"context"
	"errors"
)

// The backends follow this commit; Open reports them missing until then.

func openPostgres(ctx context.Context, loc string) (Store, error) {
	return nil, errors.New("store: PostgreSQL backend not built yet")
}

func openSQLite(ctx context.Context, loc string) (Store, error) {
	return nil, errors.New("store: SQLite backend not built yet")
}
