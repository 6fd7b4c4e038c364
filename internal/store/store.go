// Package store keeps what farabi reads: articles, the events coded from
// them, their quotations and actor mentions, and the ingest runs that put
// them there. One interface, [Store], has two backends: embedded SQLite
// (the default, a file) and PostgreSQL (for teams), opened by [Open] from a
// location such as "farabi.db" or "postgres://user@host/db".
//
// # Writes
//
// Every write is atomic per article: [Store.Put] stores an article with all
// its events, quotes and mentions in one transaction, or nothing of it, so
// a process killed at any moment leaves no half-written article. Writes are
// idempotent: an article whose [ContentHash] is already stored is not
// stored again (the result says so). [Store.Recode] swaps an article's
// coding (events, quotes, mentions and the versions that made them) in one
// transaction.
//
// # Distinct events
//
// The same event is often reported by many stories: wire copies, re-posts
// and other outlets. An event's identity is its [Key]: (date, source code,
// target code, CAMEO code). The store keeps one row per key, a distinct
// event, with how many stored events (mentions) share the key and how many
// distinct stories (dedup clusters) and outlets report it. Queries and
// aggregates count distinct events unless their filter asks for all
// mentions. Each distinct event shows the evidence of one of its mentions
// (the first stored).
//
// Aggregates over a focal actor (counts and Goldstein sums by partner, quad
// class, day, week or month) read maintained tables of distinct events per
// dyad and day, week and month, whose size grows with dyads and periods,
// not with events, so they stay fast over millions of events.
//
// # Actors in filters
//
// An actor filter that is a country — its own [Country]: "KAZ", "EU",
// "OSCE" — matches every code of that country or organisation (KAZ,
// KAZGOV, KAZMIL…; IGOEUREEC, IGOEUREECLEG…); another code ("KAZGOV")
// matches that code exactly. Partners in aggregates are countries.
//
// # Dates
//
// Dates are days written YYYY-MM-DD (UTC); weeks are named by their Monday
// (YYYY-MM-DD) and months as YYYY-MM. Instants (ingested at, run times) are
// UTC.
package store

import (
	"context"
	"errors"
	"time"

	"farabi/internal/event"
)

// Store is a place where farabi keeps articles and what was coded from
// them. Implementations are safe for concurrent use; writes may be
// serialized by the backend (SQLite has one writer at a time).
type Store interface {
	// Put stores articles with their coding in one transaction: an
	// article is either wholly stored or not at all. An article whose Hash
	// is already stored is skipped: its result has Duplicate set and the
	// stored article's ID. Put fills Hash when empty, IngestedAt when zero,
	// Published (the ingest day, with DateGuessed) when empty and Cluster
	// (the article's own ID) when zero. A bad article (text that is not
	// UTF-8 or holds NUL bytes, an event without a code, offsets outside
	// the text) is not stored and its result's Err says why, naming it;
	// the others are stored. Put returns an error only when the store
	// fails, and then nothing of the call is stored. After a successful
	// call each Doc's Article.ID and Cluster are those stored.
	Put(ctx context.Context, docs ...*Doc) ([]PutResult, error)

	// Recode replaces the coding of a stored article — its events, quotes,
	// mentions, sentence count and versions — in one transaction. The
	// article's text, metadata and dedup signature are kept.
	Recode(ctx context.Context, articleID int64, c *Coding) error

	// Article returns a stored article with its text. It returns
	// [ErrNotFound] when there is none.
	Article(ctx context.Context, id int64) (*Article, error)
	// ArticleByHash returns the article stored with a content hash, or
	// [ErrNotFound]: ingest uses it to skip text it has already coded.
	ArticleByHash(ctx context.Context, hash string) (*Article, error)
	// ArticleByURL returns the latest article stored from a URL, or
	// [ErrNotFound]: feed polling uses it to skip items it has seen.
	ArticleByURL(ctx context.Context, url string) (*Article, error)

	// Similar returns the articles that share at least one LSH band key
	// with bands, with their cluster and signature, for near-duplicate
	// detection. Articles stored without bands are never returned.
	Similar(ctx context.Context, bands []uint64) ([]Candidate, error)

	// Stale lists, by increasing ID and after the ID after, up to limit
	// articles (without their text) whose coding was made by other versions
	// than v: the work list of a re-code. Re-coding them takes them off the
	// list, so an interrupted re-code resumes where it stopped.
	Stale(ctx context.Context, v Versions, after int64, limit int) ([]Article, error)

	// Events lists events that pass f, ordered by date then ID, a page at a
	// time: distinct events (one per Key, with its counts) unless
	// f.AllMentions. The cursor continues the listing; it is "" on the last
	// page.
	Events(ctx context.Context, f EventFilter) (events []Event, next string, err error)
	// Aggregate counts the events that pass f.EventFilter, grouped by the
	// dimensions f.By, with Goldstein sums. Buckets come sorted by their
	// dimensions in the order given.
	Aggregate(ctx context.Context, f AggFilter) ([]Bucket, error)

	// Generation is a number that changes whenever a write that changes
	// what the store holds commits (Put storing an article, Recode,
	// Rebuild), in this process or another: an answer computed from the
	// store after reading a generation holds while the generation stays.
	Generation(ctx context.Context) (int64, error)

	// Quotes lists quotations that pass f, ordered by article date then ID,
	// a page at a time like Events.
	Quotes(ctx context.Context, f QuoteFilter) (quotes []Quote, next string, err error)
	// Search finds articles whose title or text match a full-text query
	// (words, all required; "quoted phrases"), best first, without their
	// text but with a snippet.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)

	// StartRun records the start of an ingest (or re-code) run and returns
	// its ID; FinishRun records its end and counts.
	StartRun(ctx context.Context, r *Run) (int64, error)
	FinishRun(ctx context.Context, r *Run) error
	// Runs lists the latest runs, newest first.
	Runs(ctx context.Context, limit int) ([]Run, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Span returns the first and last days of the distinct events, both ""
	// when there are none: the default window of analytics. It reads an
	// index, so it is cheap however many events there are.
	Span(ctx context.Context) (first, last string, err error)

	// Rebuild recomputes the distinct events and the dyad-day table from
	// the stored events: after a bulk load that bypassed Put, or to repair.
	Rebuild(ctx context.Context) error

	// Kind names the backend: "sqlite" or "postgres".
	Kind() string
	// Close releases the store.
	Close() error
}

// ErrNotFound is returned by lookups that find nothing.
var ErrNotFound = errors.New("not found")

// Versions are the versions of what coded an article: farabi's coder
// (engine.Version), the dictionaries (dict.Manifest().Version, or the
// directory given) and the models (engine.ModelVersion()).
type Versions struct {
	Coder string `json:"coder"`
	Dict  string `json:"dict"`
	Model string `json:"model"`
}

// Article is one stored story.
type Article struct {
	ID     int64  `json:"id"`
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"` // e.g. "reuters.com" or a feed's title
	Title  string `json:"title,omitempty"`
	// Published is the story's day, YYYY-MM-DD. When the story gave none
	// it is the ingest day and DateGuessed is set.
	Published   string `json:"published"`
	DateGuessed bool   `json:"date_guessed,omitempty"`
	Language    string `json:"language,omitempty"` // ISO 639-1, "en"
	Text        string `json:"text,omitempty"`
	// Hash is the content hash, [ContentHash] of Text: the key that makes
	// ingest idempotent.
	Hash       string    `json:"hash"`
	IngestedAt time.Time `json:"ingested_at"`
	// Cluster is the dedup cluster: the ID of the first stored article of
	// the near-duplicates this one belongs to (its own ID when it has none).
	Cluster int64 `json:"cluster"`
	// Source is where the text was read from: a path, a URL, "stdin", a
	// JSONL file and line.
	Source string `json:"source,omitempty"`
	RunID  int64  `json:"run,omitempty"` // the ingest run that stored it
	// Sentences is the number of sentences coded; Versions what coded them.
	Sentences int      `json:"sentences"`
	Versions  Versions `json:"versions"`
}

// Doc is what Put stores: an article, its coding and its dedup data.
type Doc struct {
	Article Article
	Coding  Coding
	// Signature is the article's MinHash signature (opaque to the store,
	// returned by Similar); Bands its LSH band keys, indexed for Similar.
	Signature []byte
	Bands     []uint64
}

// Coding is what the coder made of an article. Offsets in it are byte
// offsets into the article's Text.
type Coding struct {
	Sentences int
	Versions  Versions
	Events    []event.Event // Doc, Sentence, Date… as the pipeline fills them
	Quotes    []Quote       // ID, ArticleID and Date are ignored on write
	Mentions  []Mention     // ID and ArticleID are ignored on write
}

// PutResult says what Put did with one Doc.
type PutResult struct {
	ID        int64 // the stored article (the earlier one for a duplicate)
	Cluster   int64
	Duplicate bool // the same text was already stored; nothing was written
	Events    int  // events stored
	Err       error
}

// Key is the identity of a distinct event: the same key reported by many
// stories is one event.
type Key struct {
	Date   string `json:"date"`
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// Event is a stored event: the coder's event with the store's IDs and, for
// distinct events, how often it is reported.
type Event struct {
	event.Event
	ID        int64 `json:"id"` // the mention shown (the first stored)
	ArticleID int64 `json:"article"`
	// DistinctID is the ID of the event's Key in the store (0 before the
	// event is linked).
	DistinctID int64 `json:"distinct_id"`
	// Mentions is how many stored events share the Key; Stories how many
	// dedup clusters and Outlets how many outlets they come from. Listed
	// with AllMentions, each event still carries its key's counts.
	Mentions int `json:"mentions"`
	Stories  int `json:"stories"`
	Outlets  int `json:"outlets"`
	// URL, Outlet and Title are the article's.
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
}

// Key returns the event's identity.
func (e *Event) Key() Key {
	return Key{Date: e.Date, Source: e.Source.Code, Target: e.Target.Code, Code: e.Code}
}

// Quote is a quotation in an article with the actor who says it.
type Quote struct {
	ID        int64  `json:"id"`
	ArticleID int64  `json:"article"`
	Date      string `json:"date"` // the article's published day
	Sentence  int    `json:"sentence"`
	Text      string `json:"text"` // the words inside the quotation marks
	Start     int    `json:"start"`
	End       int    `json:"end"`
	// SpeakerCode is the speaker's actor code; empty when the sentence
	// names no actor as the speaker.
	SpeakerCode  string `json:"speaker_code,omitempty"`
	SpeakerText  string `json:"speaker,omitempty"` // as the sentence writes it
	SpeakerName  string `json:"speaker_name,omitempty"`
	SpeakerStart int    `json:"speaker_start,omitempty"`
	SpeakerEnd   int    `json:"speaker_end,omitempty"`
	URL          string `json:"url,omitempty"` // the article's, on reads
	Outlet       string `json:"outlet,omitempty"`
}

// Mention is an actor found in an article's sentence.
type Mention struct {
	ID         int64   `json:"id"`
	ArticleID  int64   `json:"article"`
	Sentence   int     `json:"sentence"`
	Code       string  `json:"code,omitempty"` // CAMEO actor code on the story's day
	ActorID    string  `json:"actor_id,omitempty"`
	Name       string  `json:"name,omitempty"` // the dictionary's name
	Text       string  `json:"text"`           // as the sentence writes it
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Role       string  `json:"role,omitempty"`
	Method     string  `json:"method,omitempty"` // how it was recognized (actor.Method)
	Confidence float64 `json:"confidence"`
}

// Candidate is an article that shares a band key with a query, for dedup.
type Candidate struct {
	ArticleID int64
	Cluster   int64
	Signature []byte
}

// Run is one ingest (or re-code, or watch) run.
type Run struct {
	ID       int64     `json:"id"`
	Command  string    `json:"command"` // "ingest", "recode", "watch", "demo"
	Args     string    `json:"args,omitempty"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished,omitzero"` // zero while running or when killed
	Status   string    `json:"status"`            // "running", "done", "failed", "interrupted"
	Versions Versions  `json:"versions"`
	// Counts.
	Articles   int `json:"articles"`   // stored
	Duplicates int `json:"duplicates"` // same text already stored
	Sentences  int `json:"sentences"`
	Events     int `json:"events"`
	Skipped    int `json:"skipped"`
	Failed     int `json:"failed"`
	// Errors holds a line per failure, as reported to the user.
	Errors string `json:"errors,omitempty"`
}

// Direction says which side of an event the focal actor is on.
type Direction int

// Directions.
const (
	Both Direction = iota // the actor is the source or the target
	Out                   // the actor is the source
	In                    // the actor is the target
)

// EventFilter selects events. Zero fields select everything.
type EventFilter struct {
	Actor   string // the focal actor: source or target (see Direction)
	Partner string // the other side
	Dir     Direction
	Since   string // first day included, YYYY-MM-DD
	Until   string // last day included
	Root    string // CAMEO root, "04"
	Code    string // CAMEO code, "042" (an exact code)
	Quad    int    // 1–4
	// ArticleID keeps the events of one article.
	ArticleID int64
	// AllMentions lists (or counts) every stored event instead of one per
	// Key.
	AllMentions bool
	// Limit caps a page (default 100, at most 10,000); After is the cursor
	// from the previous page.
	Limit int
	After string
}

// Dim is a dimension of an aggregate.
type Dim string

// Dimensions of aggregates.
const (
	ByPartner Dim = "partner" // the other side's Country (needs Actor)
	ByActor   Dim = "actor"   // the focal side's full code (needs Actor)
	BySource  Dim = "source"  // the source's Country
	ByTarget  Dim = "target"  // the target's Country
	ByQuad    Dim = "quad"
	ByRoot    Dim = "root"
	ByCode    Dim = "code"
	ByDay     Dim = "day"   // YYYY-MM-DD
	ByWeek    Dim = "week"  // the Monday, YYYY-MM-DD
	ByMonth   Dim = "month" // YYYY-MM
	ByYear    Dim = "year"  // YYYY
)

// AggFilter selects the events to count and how to group them.
type AggFilter struct {
	EventFilter
	By []Dim
}

// Bucket is one group of an aggregate. Only the fields of the dimensions
// asked for are set.
type Bucket struct {
	Partner string  `json:"partner,omitempty"`
	Actor   string  `json:"actor,omitempty"`
	Source  string  `json:"source,omitempty"`
	Target  string  `json:"target,omitempty"`
	Quad    int     `json:"quad,omitempty"`
	Root    string  `json:"root,omitempty"`
	Code    string  `json:"code,omitempty"`
	Period  string  `json:"period,omitempty"` // day, week or month
	Events  int     `json:"events"`           // distinct events, or mentions with AllMentions
	Sum     float64 `json:"goldstein_sum"`
}

// Mean is the bucket's mean Goldstein score, 0 for an empty bucket.
func (b Bucket) Mean() float64 {
	if b.Events == 0 {
		return 0
	}
	return b.Sum / float64(b.Events)
}

// QuoteFilter selects quotations.
type QuoteFilter struct {
	Speaker string // actor code, with the same prefix rule as actors in events
	Search  string // full-text query over the quotation's words
	Since   string
	Until   string
	// ArticleID keeps the quotes of one article.
	ArticleID int64
	Limit     int
	After     string
}

// SearchQuery is a full-text search over articles.
type SearchQuery struct {
	Text  string
	Since string
	Until string
	Limit int // default 20
}

// Hit is an article found by Search.
type Hit struct {
	Article Article `json:"article"` // without Text
	Snippet string  `json:"snippet"` // words around the match
	Rank    float64 `json:"rank"`    // higher is better; comparable within one search
}

// Stats counts what a store holds.
type Stats struct {
	Articles       int `json:"articles"`
	Clusters       int `json:"clusters"`
	Events         int `json:"events"`          // mentions
	DistinctEvents int `json:"distinct_events"` // keys
	Quotes         int `json:"quotes"`
	Mentions       int `json:"mentions"`
	Runs           int `json:"runs"`
	// Bytes is the store's size: the SQLite file's pages, or the
	// PostgreSQL schema's tables with their indexes and TOAST.
	Bytes int64 `json:"bytes"`
}
