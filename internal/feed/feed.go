// Package feed reads news feeds: RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom
// 1.0 (and 0.3) and JSON Feed 1.x, into one [Feed] of [Item]s.
//
// It is written over encoding/xml and encoding/json rather than taken from
// a feed library (docs/ingest.md says why). Namespaces are matched by URI,
// or by the usual prefix when a feed forgets to declare it; CDATA, HTML
// entities, content:encoded, dc:date, dc:creator and declared charsets
// (ISO-8859-1, Windows-1252, …) are handled. Item texts are returned as
// HTML, the form most feeds give them in.
//
// Broken input never panics: XML that breaks off or is malformed gives the
// items that were complete before the break together with a *SyntaxError
// naming the line, so a truncated feed loses only its last item. Parse does
// no I/O and is safe for concurrent use.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"farabi/internal/newsdate"
)

// Feed is a parsed feed.
type Feed struct {
	Format string // "rss", "rdf", "atom" or "json"
	Title  string
	Link   string // the site's page, when the feed names one
	Items  []Item
}

// Item is one entry of a feed.
type Item struct {
	ID    string // guid, atom:id or JSON id; may be empty
	Link  string // the story's page
	Title string
	// Published is the item's date (publication, else update); zero when
	// the feed gives none or one that cannot be read, in which case
	// DateError says why.
	Published time.Time
	DateError error
	Author    string
	// Summary is the item's description or summary, Content its full
	// text (content:encoded, atom:content, content_html); either may be
	// empty. Both are HTML: a feed's plain text comes escaped.
	Summary, Content string
}

// ErrNotFeed reports input that is neither an XML feed nor a JSON Feed.
var ErrNotFeed = errors.New("feed: not an RSS, RDF, Atom or JSON feed")

// SyntaxError reports XML or JSON that cannot be read to its end.
type SyntaxError struct {
	Line int // 1-based line of the input where reading stopped
	Err  error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("feed: broken at line %d: %v", e.Line, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Limits on what one feed may hold, so that a hostile feed cannot exhaust
// memory beyond a small multiple of its size.
const (
	maxDepth = 64
	maxItems = 10000
)

// Parse reads a feed of any supported format. On a *SyntaxError the
// returned Feed still holds the items read before the break (it is nil
// only when nothing could be read).
func Parse(data []byte) (*Feed, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrNotFeed)
	}
	if trimmed[0] == '{' {
		return parseJSON(trimmed)
	}
	if trimmed[0] != '<' {
		return nil, ErrNotFeed
	}
	return parseXML(data)
}

// setDate fills the item's date from the first non-empty of raw.
func (it *Item) setDate(raw ...string) {
	for _, r := range raw {
		if r == "" {
			continue
		}
		t, err := newsdate.Parse(r)
		if err != nil {
			it.DateError = err
			return
		}
		it.Published, it.DateError = t, nil
		return
	}
}
