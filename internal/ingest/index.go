package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"
	"time"

	"farabi/internal/newsdate"
)

// Index is a sidecar of JSON lines {"file","url","outlet","date"} that
// gives files their URLs, outlets and dates. A file name is relative to the
// folder being ingested; a file read on its own matches by its base name.
type Index struct {
	byPath map[string]*IndexEntry
	byBase map[string][]*IndexEntry
	path   string // the index file itself, never ingested as a story
}

// IndexEntry is one line of an index.
type IndexEntry struct {
	File   string
	URL    string
	Outlet string
	Date   time.Time // zero when the line has none
}

type indexLine struct {
	File   string  `json:"file"`
	URL    string  `json:"url"`
	Outlet string  `json:"outlet"`
	Date   *string `json:"date"`
}

// ReadIndex reads an index from r, named name in errors. Bad lines are
// returned together (each naming its line) beside the index of the good
// ones.
func ReadIndex(name string, r io.Reader) (*Index, error) {
	ix := &Index{byPath: map[string]*IndexEntry{}, byBase: map[string][]*IndexEntry{}}
	if abs, err := filepath.Abs(name); err == nil {
		ix.path = abs
	}
	var errs []error
	err := eachLine(r, maxLineBytes, func(line int, b []byte, tooLong bool) error {
		if tooLong {
			errs = append(errs, fmt.Errorf("%s:%d: line longer than %d MiB", name, line, maxLineBytes>>20))
			return nil
		}
		if len(strings.TrimSpace(string(b))) == 0 {
			return nil
		}
		var l indexLine
		if err := json.Unmarshal(b, &l); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, line, err))
			return nil
		}
		if l.File == "" {
			errs = append(errs, fmt.Errorf("%s:%d: no \"file\"", name, line))
			return nil
		}
		e := &IndexEntry{File: path.Clean(filepath.ToSlash(l.File)), URL: l.URL, Outlet: l.Outlet}
		if l.Date != nil && *l.Date != "" {
			t, err := newsdate.Parse(*l.Date)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %w", name, line, err))
			} else {
				e.Date = t
			}
		}
		ix.byPath[e.File] = e
		base := path.Base(e.File)
		ix.byBase[base] = append(ix.byBase[base], e)
		return nil
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	return ix, errors.Join(errs...)
}

// Len is the number of entries.
func (ix *Index) Len() int { return len(ix.byPath) }

// Lookup finds the entry of the file at rel, its path relative to the
// folder being ingested (or its base name for a file read on its own).
func (ix *Index) Lookup(rel string) *IndexEntry {
	if ix == nil {
		return nil
	}
	rel = path.Clean(filepath.ToSlash(rel))
	if e := ix.byPath[rel]; e != nil {
		return e
	}
	if es := ix.byBase[path.Base(rel)]; len(es) == 1 {
		return es[0]
	}
	return nil
}

// isIndex reports whether the file at p is the index itself.
func (ix *Index) isIndex(p string) bool {
	if ix == nil || ix.path == "" {
		return false
	}
	abs, err := filepath.Abs(p)
	return err == nil && abs == ix.path
}

// apply gives d the entry's URL, outlet and date.
func (e *IndexEntry) apply(d *Document) {
	if e == nil {
		return
	}
	if e.URL != "" {
		d.URL = e.URL
	}
	if e.Outlet != "" {
		d.Outlet = e.Outlet
	}
	if !e.Date.IsZero() {
		d.Published, d.DateBasis = e.Date, DateIndex
	}
}
