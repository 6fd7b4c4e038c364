package store

import (
	"context"
	"database/sql"
)

// The two backends share their SQL through these small interfaces: SQLite
// goes through database/sql, PostgreSQL through pgx directly (for COPY).

// rows is a result set.
type rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// queryer runs statements, in or out of a transaction. Queries are written
// with ? placeholders; the PostgreSQL backend numbers them.
type queryer interface {
	exec(ctx context.Context, q string, args ...any) (int64, error)
	query(ctx context.Context, q string, args ...any) (rows, error)
	queryRow(ctx context.Context, q string, args ...any) scanner
}

// tx is a transaction that can also bulk-insert rows.
type tx interface {
	queryer
	// insert adds rows to table (COPY on PostgreSQL).
	insert(ctx context.Context, table string, cols []string, rows [][]any) error
	commit(ctx context.Context) error
	rollback(ctx context.Context) error
}

type scanner interface{ Scan(dest ...any) error }

// sqlRows adapts *sql.Rows.
type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

// sqlQueryer adapts a *sql.DB or *sql.Tx.
type sqlQueryer struct {
	q interface {
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
		QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
		QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	}
}

func (s sqlQueryer) exec(ctx context.Context, q string, args ...any) (int64, error) {
	r, err := s.q.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

func (s sqlQueryer) query(ctx context.Context, q string, args ...any) (rows, error) {
	r, err := s.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

func (s sqlQueryer) queryRow(ctx context.Context, q string, args ...any) scanner {
	return s.q.QueryRowContext(ctx, q, args...)
}
