package store

import (
	"context"
	"database/sql"
	"sync"
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

// stmtCache runs a database's reads through prepared statements kept by
// their SQL, so a query asked again (each API request asks the same few
// shapes with other arguments) skips SQLite's parser and planner: the
// statements are prepared once on each connection and reused. It keeps at
// most maxStmts statements; queries beyond them run unprepared. Writes
// (exec) are not cached.
type stmtCache struct {
	sqlQueryer
	db *sql.DB

	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// maxStmts caps a stmtCache: the shapes of the reads are few (filters
// that are set or not), but some (IN lists) vary with their arguments.
const maxStmts = 256

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{sqlQueryer: sqlQueryer{db}, db: db, stmts: map[string]*sql.Stmt{}}
}

// stmt returns the prepared statement of q, nil when the cache is full or
// the statement cannot be prepared (the caller then runs q unprepared and
// gets its error).
func (c *stmtCache) stmt(ctx context.Context, q string) *sql.Stmt {
	c.mu.Lock()
	st, ok := c.stmts[q]
	full := c.stmts == nil || len(c.stmts) >= maxStmts
	c.mu.Unlock()
	if ok || full {
		return st
	}
	// Prepared without the lock: preparing waits for a free connection,
	// and the other readers must not wait with it.
	st, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.stmts[q]; ok || c.stmts == nil || len(c.stmts) >= maxStmts {
		st.Close() // another reader was first, or the cache closed or filled
		return old
	}
	c.stmts[q] = st
	return st
}

func (c *stmtCache) query(ctx context.Context, q string, args ...any) (rows, error) {
	st := c.stmt(ctx, q)
	if st == nil {
		return c.sqlQueryer.query(ctx, q, args...)
	}
	r, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

func (c *stmtCache) queryRow(ctx context.Context, q string, args ...any) scanner {
	st := c.stmt(ctx, q)
	if st == nil {
		return c.sqlQueryer.queryRow(ctx, q, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// close closes the statements; the cache prepares no more.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}
