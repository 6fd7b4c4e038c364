// Package ingest reads news into [Document]s: plain-text files, folders
// (recursively) and globs, standard input, JSON lines, HTML pages (files or
// URLs, main text extracted), and RSS, RDF, Atom and JSON feeds (files or
// URLs, following each item's link when the feed carries only a summary).
// A sidecar index ([ReadIndex]) gives files their URLs, outlets and dates.
//
// Each document says where it came from and how its date was known
// ([DateBasis]); a document without a date gets the ingest date, marked
// [DateNone]. Bad input — binary files, empty files, over-long lines,
// broken HTML, feeds or dates, failed fetches — becomes a [*Problem]
// naming the source and the reason, and reading goes on with the next
// source: one bad file never costs the others.
//
// ingest does not code or store: package intake does. It fetches URLs
// only through a [fetch.Client], which refuses non-public addresses.
package ingest

import (
	"fmt"
	"time"
)

// DateBasis says how a document's date was known.
type DateBasis string

// The ways a date is known, most trusted first.
const (
	DateIndex    DateBasis = "index"    // the sidecar index
	DateMetadata DateBasis = "metadata" // the record, feed item or page metadata
	DateText     DateBasis = "text"     // a date written near the top of the text
	DateURL      DateBasis = "url"      // the URL's path (/2025/05/29/)
	DateNone     DateBasis = "none"     // none found: Published is the ingest date
)

// Document is one story read from a source.
type Document struct {
	// Source names where the story was read, for messages: a path, a URL,
	// "stdin", or a file and line ("news.jsonl:12").
	Source string
	// ID is the story's own identifier when the source gives one (a JSON
	// record's id, a feed item's guid), else Source.
	ID     string
	URL    string
	Outlet string
	Title  string
	// Published is the story's date; DateBasis says how it was known.
	Published time.Time
	DateBasis DateBasis
	// Language is an ISO 639-1 code ("en") from the page or a guess from
	// the text, or "" when unknown.
	Language string
	// Text is the story's body: UTF-8, without the title when the source
	// gives the title apart.
	Text string
	// Warnings are things the reader fixed or cut, each one line ("cut at
	// 4 MiB", "not UTF-8: read as Windows-1252").
	Warnings []string
	// Commit, when set, is to be called once this document and every one
	// read before it have been stored (or skipped: already stored, or not
	// for the store): a feed's reader uses it to remember the feed's
	// validators only when all its items are safe, a queue worker to
	// acknowledge the message.
	Commit func() error
}

// Problem is a source, or part of one, that gave no document.
type Problem struct {
	Source string // path, URL, "stdin"
	Line   int    // the line of a JSON lines file, 0 otherwise
	// Skipped is set for input that is not a story (empty, binary, too
	// long); otherwise reading failed (unreadable file, failed fetch,
	// broken feed).
	Skipped bool
	Err     error
}

func (p *Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.Source, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Source, p.Err)
}

func (p *Problem) Unwrap() error { return p.Err }

// finishDate sets the document's date when it has none yet: from the text,
// then the URL, else now, marked DateNone.
func (d *Document) finishDate(now time.Time) {
	if d.DateBasis != "" && !d.Published.IsZero() {
		return
	}
	if t, ok := dateInText(d.Title + "\n" + d.Text); ok {
		d.Published, d.DateBasis = t, DateText
		return
	}
	if t, ok := dateInURL(d.URL); ok {
		d.Published, d.DateBasis = t, DateURL
		return
	}
	d.Published, d.DateBasis = now, DateNone
}
