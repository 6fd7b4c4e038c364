// Package server is farabi's HTTP API: JSON under /api/v1 over a store —
// events with the CLI's filters and cursor paging, actors, dyads, a
// country's vectors, time series, quotes, search and alerts — plus coding
// posted text and ingesting posted documents, documented by an OpenAPI 3
// document it serves at /api/v1/openapi.json (docs/api.md).
//
// Every answer is JSON, errors included ({"error": {"status", "code",
// "message"}} with a matching status). Requests are bounded: bodies by
// size, queries by cost (page sizes, windows, networks), handlers by a
// timeout, and coding by the number of cores. Each request is logged once
// with log/slog. The dashboard (package web) is mounted beside the API and
// shares its logging and limits. The server holds no global state; it
// reads the store through the small interface [Store] and codes and
// ingests through functions it is given.
package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"farabi/geo"
	"farabi/internal/analytics"
	"farabi/internal/event"
	"farabi/internal/store"
)

// Store is what the API reads from a store; [store.Store] is one.
type Store interface {
	Events(ctx context.Context, f store.EventFilter) ([]store.Event, string, error)
	Aggregate(ctx context.Context, f store.AggFilter) ([]store.Bucket, error)
	Quotes(ctx context.Context, f store.QuoteFilter) ([]store.Quote, string, error)
	Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error)
	Article(ctx context.Context, id int64) (*store.Article, error)
	Span(ctx context.Context) (first, last string, err error)
	Kind() string
}

// Coded is what the coder made of a posted text.
type Coded struct {
	Sentences int
	Events    []event.Event
	Quotes    []store.Quote
}

// Coder codes one text as a story of the given day (YYYY-MM-DD).
type Coder func(ctx context.Context, text, day string) (*Coded, error)

// Ingested says what an ingest of posted documents did.
type Ingested struct {
	Read       int      `json:"read"`
	Articles   int      `json:"articles"`
	Duplicates int      `json:"duplicates"`
	Sentences  int      `json:"sentences"`
	Events     int      `json:"events"`
	Quotes     int      `json:"quotes"`
	Skipped    int      `json:"skipped"`
	Failed     int      `json:"failed"`
	Problems   []string `json:"problems,omitempty"`
}

// Ingester ingests the documents of a request body (JSON lines, HTML or
// plain text, as "farabi ingest -" reads them) into the store.
type Ingester func(ctx context.Context, body io.Reader) (*Ingested, error)

// Limits bound what one request may cost. Zero fields take the defaults.
type Limits struct {
	// CodeBytes and IngestBytes cap the bodies of POST /code (default
	// 1 MiB) and POST /ingest (default 32 MiB).
	CodeBytes, IngestBytes int64
	// Timeout bounds a read request's handler (default 10 s); CodeTimeout
	// a POST's (default 2 min).
	Timeout, CodeTimeout time.Duration
	// Coders is how many texts may be coded at once (default GOMAXPROCS);
	// a request waits up to Timeout for its turn, then gets 503.
	Coders int
	// CacheTTL keeps the answers of the analytics and listing routes for
	// this long (0: no cache), at most CacheEntries of them (default
	// 4096). A store that reports its generation ([store.Store] does)
	// has them dropped as soon as a write commits, by this process or
	// another; other stores' changes show through within CacheTTL, and an
	// ingest through the API clears them.
	CacheTTL     time.Duration
	CacheEntries int
}

func (l *Limits) defaults() {
	if l.CodeBytes <= 0 {
		l.CodeBytes = 1 << 20
	}
	if l.IngestBytes <= 0 {
		l.IngestBytes = 32 << 20
	}
	if l.Timeout <= 0 {
		l.Timeout = 10 * time.Second
	}
	if l.CodeTimeout <= 0 {
		l.CodeTimeout = 2 * time.Minute
	}
	if l.Coders <= 0 {
		l.Coders = runtime.GOMAXPROCS(0)
	}
	if l.CacheEntries <= 0 {
		l.CacheEntries = 4096
	}
}

// Deps is what a Server needs. Store is required; without Code or Ingest
// those routes answer 503.
type Deps struct {
	Store  Store
	Blocs  *analytics.Blocs // default: analytics.DefaultBlocs
	World  geo.World        // names and tiles; default: the embedded world
	Code   Coder
	Ingest Ingester
	// Token is the bearer token POST /ingest requires (FARABI_TOKEN);
	// without one ingest is refused.
	Token string
	// UI, when set, serves every path outside /api/ (the dashboard).
	UI     http.Handler
	Log    *slog.Logger // default: discard
	Limits Limits
	// Version is reported by /api/v1/status.
	Version string
}

// Server serves the API.
type Server struct {
	d        Deps
	analyzer *analytics.Analyzer
	names    map[string]string
	coders   chan struct{}
	cache    *answerCache // nil without Limits.CacheTTL
	mux      *http.ServeMux
}

// generationer is a store that says when it changed: [store.Store] is one.
type generationer interface {
	Generation(ctx context.Context) (int64, error)
}

// generation returns the store's generation, 0 for a store that has none
// (its cached answers then live their time, Limits.CacheTTL).
func (s *Server) generation(ctx context.Context) (int64, error) {
	if g, ok := s.d.Store.(generationer); ok {
		return g.Generation(ctx)
	}
	return 0, nil
}

// New returns a server over d.
func New(d Deps) (*Server, error) {
	d.Limits.defaults()
	if d.Blocs == nil {
		d.Blocs = analytics.DefaultBlocs()
	}
	if d.World == nil {
		w, err := geo.LoadWorld()
		if err != nil {
			return nil, err
		}
		d.World = w
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{d: d, analyzer: analytics.New(d.Store, d.Blocs), names: d.World.Names(),
		coders: make(chan struct{}, d.Limits.Coders), mux: http.NewServeMux()}
	if d.Limits.CacheTTL > 0 {
		s.cache = newAnswerCache(d.Limits.CacheTTL, d.Limits.CacheEntries)
	}
	paths := map[string]bool{}
	for _, rt := range s.routes() {
		s.mux.Handle(rt.method+" "+rt.path, s.wrap(rt))
		if !paths[rt.path] {
			paths[rt.path] = true
			// Other methods on a known path: a JSON 405, not ServeMux's text.
			s.mux.Handle(rt.path, s.wrap(&route{handle: func(*request) (any, error) {
				return nil, errorf(http.StatusMethodNotAllowed, "method_not_allowed", "this route takes %s", methodsOf(s.routes(), rt.path))
			}}))
		}
	}
	s.mux.Handle("/api/", s.wrap(&route{handle: func(*request) (any, error) {
		return nil, errorf(http.StatusNotFound, "not_found", "no such API route; see /api/v1/openapi.json")
	}}))
	if d.UI != nil {
		s.mux.Handle("/", d.UI)
	}
	return s, nil
}

// Handler returns the server's handler: the API, the UI, and around both
// access logs, panic recovery and security headers.
func (s *Server) Handler() http.Handler {
	return s.logged(s.mux)
}

// HTTPServer returns an http.Server for addr with timeouts that bound slow
// clients: headers within 5 s, a request within a minute, the response
// within the longest handler's time.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      s.d.Limits.CodeTimeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

func methodsOf(rs []*route, path string) string {
	var ms []string
	for _, r := range rs {
		if r.path == path {
			ms = append(ms, r.method)
		}
	}
	return strings.Join(ms, ", ")
}
