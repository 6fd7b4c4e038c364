package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"farabi/internal/fetch"
)

// Kinds of input.
const (
	kindText  = "text"
	kindJSONL = "jsonl"
	kindHTML  = "html"
	kindFeed  = "feed"
)

// Options configure a Reader. The zero value reads local files only.
type Options struct {
	// Index gives files their URLs, outlets and dates.
	Index *Index
	// Now is the ingest date given to documents without one; default the
	// current time.
	Now time.Time
	// Fetch fetches URLs and feed items' links; nil refuses URLs.
	Fetch *fetch.Client
	// MaxBytes is the most bytes of text one document keeps (longer texts
	// are cut, with a warning); default 4 MiB. Files of HTML and feeds may
	// be four times larger.
	MaxBytes int
	// FollowBelow is the number of words under which a feed item's own
	// text counts as a summary, so that its link is fetched for the full
	// story; default 150. Negative never follows.
	FollowBelow int
	// Seen, when set, says whether a URL is already stored, so that a feed
	// item is not fetched again (watch uses the store's lookup).
	Seen func(ctx context.Context, url string) bool
	// Stdin is read for the source "-".
	Stdin io.Reader
}

// Reader reads documents from sources. It is for one goroutine's use.
type Reader struct {
	opts Options
}

// NewReader returns a reader with opts.
func NewReader(opts Options) *Reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 4 << 20
	}
	if opts.FollowBelow == 0 {
		opts.FollowBelow = 150
	}
	return &Reader{opts: opts}
}

func (rd *Reader) maxBytes() int { return rd.opts.MaxBytes }

func (rd *Reader) now() time.Time {
	if rd.opts.Now.IsZero() {
		return time.Now().UTC()
	}
	return rd.opts.Now
}

// IsURL reports whether a source is an http or https URL.
func IsURL(src string) bool {
	return strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://")
}

// Read yields the documents of the sources in order: each source is a
// file, a folder (read recursively, hidden entries skipped), a glob, "-"
// for standard input, or an http(s) URL. A source or record that gives no
// document yields a *Problem instead, and reading goes on; a cancelled ctx
// ends the sequence with ctx.Err().
func (rd *Reader) Read(ctx context.Context, sources []string) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		emit := func(d *Document, err error) bool {
			if ctx.Err() != nil {
				return false
			}
			return yield(d, err)
		}
		for _, src := range sources {
			if !rd.source(ctx, src, emit) {
				break
			}
		}
		if err := ctx.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// source reads one source; it returns false when the consumer stopped.
func (rd *Reader) source(ctx context.Context, src string, emit func(*Document, error) bool) bool {
	switch {
	case src == "-":
		if rd.opts.Stdin == nil {
			return emit(nil, &Problem{Source: "stdin", Err: errors.New("no standard input")})
		}
		return rd.stream(ctx, "stdin", "", rd.opts.Stdin, emit)
	case IsURL(src):
		return rd.url(ctx, src, emit)
	}
	info, err := os.Stat(src)
	if err != nil {
		matches, gerr := filepath.Glob(src)
		if gerr != nil || len(matches) == 0 {
			return emit(nil, &Problem{Source: src, Err: cleanPathError(err)})
		}
		sort.Strings(matches)
		for _, m := range matches {
			if !rd.path(ctx, m, filepath.Dir(m), emit) {
				return false
			}
		}
		return true
	}
	if info.IsDir() {
		return rd.path(ctx, src, src, emit)
	}
	return rd.path(ctx, src, filepath.Dir(src), emit)
}

// path reads a file, or every file under a folder, with names relative
// to root for the index.
func (rd *Reader) path(ctx context.Context, p, root string, emit func(*Document, error) bool) bool {
	info, err := os.Stat(p)
	if err != nil {
		return emit(nil, &Problem{Source: p, Err: cleanPathError(err)})
	}
	if !info.IsDir() {
		return rd.file(ctx, p, root, emit)
	}
	cont := true
	werr := filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
		if err != nil {
			if !emit(nil, &Problem{Source: q, Err: cleanPathError(err)}) {
				cont = false
				return filepath.SkipAll
			}
			return nil
		}
		if q != p && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() || !e.Type().IsRegular() {
			return nil
		}
		if !rd.file(ctx, q, p, emit) {
			cont = false
			return filepath.SkipAll
		}
		return nil
	})
	if werr != nil && cont {
		return emit(nil, &Problem{Source: p, Err: werr})
	}
	return cont
}

// file reads one file; root is the folder its index name is relative to.
func (rd *Reader) file(ctx context.Context, p, root string, emit func(*Document, error) bool) bool {
	if rd.opts.Index.isIndex(p) {
		return true
	}
	f, err := os.Open(p)
	if err != nil {
		return emit(nil, &Problem{Source: p, Err: cleanPathError(err)})
	}
	defer f.Close()
	rel, err := filepath.Rel(root, p)
	if err != nil {
		rel = filepath.Base(p)
	}
	return rd.stream(ctx, p, rel, f, emit)
}

// stream reads one file or standard input of any kind, by its extension
// and first bytes.
func (rd *Reader) stream(ctx context.Context, name, rel string, r io.Reader, emit func(*Document, error) bool) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".jsonl" || ext == ".ndjson" {
		return rd.readJSONL(name, r, emit) == nil && ctx.Err() == nil
	}
	// Read the head to tell the kind, then the rest up to the limit of
	// that kind.
	head := make([]byte, 1024)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err != nil && err != io.EOF && !errors.Is(err, io.ErrUnexpectedEOF) {
		return emit(nil, &Problem{Source: name, Err: cleanPathError(err)})
	}
	kind := sniffKind(head)
	switch {
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		if kind != kindFeed {
			kind = kindHTML
		}
	case kind == kindJSONL:
		// A text file may start with a brace: JSON lines start with a
		// whole JSON object (or, past the head, at least with a key).
		first, _, found := strings.Cut(string(head), "\n")
		isJSONL := json.Valid([]byte(first)) || !found && strings.HasPrefix(strings.TrimLeft(first, " \t\ufeff"), `{"`)
		switch {
		case !isJSONL && ext == ".json":
			return emit(nil, &Problem{Source: name, Skipped: true, Err: errors.New("JSON that is neither JSON lines (a record a line) nor a JSON Feed")})
		case !isJSONL:
			kind = kindText
		}
	}
	rest := io.MultiReader(strings.NewReader(string(head)), r)
	if kind == kindJSONL {
		return rd.readJSONL(name, rest, emit) == nil && ctx.Err() == nil
	}
	limit := rd.maxBytes()
	if kind != kindText {
		limit *= 4
	}
	data, truncated, err := readAllLimit(rest, limit)
	if err != nil {
		return emit(nil, &Problem{Source: name, Err: cleanPathError(err)})
	}
	var warn []string
	if truncated {
		warn = append(warn, fmt.Sprintf("file cut at %s", sizeName(limit)))
	}
	switch kind {
	case kindFeed:
		return rd.feed(ctx, name, "", data, warn, emit)
	case kindHTML:
		return rd.page(name, "", "", rel, data, warn, emit)
	}
	return rd.text(name, rel, "", data, warn, emit)
}

// text reads a plain-text story; pageURL is where it was fetched, or "".
func (rd *Reader) text(name, rel, pageURL string, data []byte, warn []string, emit func(*Document, error) bool) bool {
	s, w, err := decodeText(data)
	if err != nil {
		return emit(nil, &Problem{Source: name, Skipped: true, Err: err})
	}
	if w != "" {
		warn = append(warn, w)
	}
	d := &Document{Source: name, ID: name, URL: pageURL, Warnings: warn}
	d.Title, d.Text = splitTitle(s)
	d.Text = strings.TrimSpace(d.Text)
	if t, cutOff := cut(d.Text, rd.maxBytes()); cutOff {
		d.Text = t
		if len(warn) == 0 { // the file's own cut already said it
			d.Warnings = append(d.Warnings, fmt.Sprintf("text cut at %s", sizeName(rd.maxBytes())))
		}
	}
	if rel != "" {
		rd.opts.Index.Lookup(rel).apply(d)
	}
	d.Language = guessLanguage(d.Text)
	d.finishDate(rd.now())
	return emit(d, nil)
}

// page reads an HTML page from a file or a URL.
func (rd *Reader) page(name, pageURL, contentType, rel string, data []byte, warn []string, emit func(*Document, error) bool) bool {
	if _, _, err := decodeText(data[:min(len(data), 8192)]); errors.Is(err, ErrBinary) || errors.Is(err, ErrEmpty) {
		return emit(nil, &Problem{Source: name, Skipped: true, Err: err})
	}
	d, err := extractHTML(data, pageURL, contentType)
	if err != nil {
		return emit(nil, &Problem{Source: name, Skipped: errors.Is(err, ErrNoArticle), Err: err})
	}
	d.Source, d.ID, d.Warnings = name, name, append(warn, d.Warnings...)
	if t, cutOff := cut(d.Text, rd.maxBytes()); cutOff {
		d.Text = t
		d.Warnings = append(d.Warnings, fmt.Sprintf("text cut at %s", sizeName(rd.maxBytes())))
	}
	if rel != "" {
		rd.opts.Index.Lookup(rel).apply(d)
	}
	if d.Language == "" {
		d.Language = guessLanguage(d.Text)
	}
	d.finishDate(rd.now())
	return emit(d, nil)
}

// url fetches a page or a feed.
func (rd *Reader) url(ctx context.Context, src string, emit func(*Document, error) bool) bool {
	if rd.opts.Fetch == nil {
		return emit(nil, &Problem{Source: src, Err: errors.New("fetching URLs is off")})
	}
	resp, err := rd.opts.Fetch.Get(ctx, src)
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return emit(nil, &Problem{Source: src, Err: err})
	}
	if resp.NotModified {
		return true // unchanged since its content was stored
	}
	var warn []string
	if resp.Truncated {
		warn = append(warn, fmt.Sprintf("response cut at %s", sizeName(int(rd.opts.Fetch.MaxBytes()))))
	}
	// The body's first bytes decide (servers often send feeds as
	// text/plain or text/html); the Content-Type only for what they leave
	// as plain text.
	kind := sniffKind(resp.Body)
	if ct := kindFromContentType(resp.ContentType); kind == kindText && ct != "" {
		kind = ct
	}
	commit := func() error { return rd.opts.Fetch.Remember(context.WithoutCancel(ctx), resp) }
	switch kind {
	case kindFeed:
		return rd.feedWithCommit(ctx, src, resp.URL, resp.Body, warn, commit, emit)
	case kindHTML:
		return rd.withCommit(commit, emit, func(emit func(*Document, error) bool) bool {
			return rd.page(src, resp.URL, resp.ContentType+"; charset="+resp.Charset, "", resp.Body, warn, emit)
		})
	case kindJSONL:
		return emit(nil, &Problem{Source: src, Skipped: true, Err: errors.New("JSON that is not a JSON Feed")})
	}
	return rd.withCommit(commit, emit, func(emit func(*Document, error) bool) bool {
		return rd.text(src, "", resp.URL, resp.Body, warn, emit)
	})
}

// withCommit runs read and sets commit on the last document it emits; when
// it emits none (or a problem after the last document), commit runs only
// if nothing failed.
func (rd *Reader) withCommit(commit func() error, emit func(*Document, error) bool, read func(func(*Document, error) bool) bool) bool {
	var last *Document
	failed := false
	cont := read(func(d *Document, err error) bool {
		if last != nil {
			if !emit(last, nil) {
				return false
			}
			last = nil
		}
		if err != nil {
			var p *Problem
			if !errors.As(err, &p) || !p.Skipped {
				failed = true
			}
			return emit(nil, err)
		}
		last = d
		return true
	})
	if last != nil {
		if !failed {
			if prev := last.Commit; prev != nil {
				last.Commit = func() error {
					if err := prev(); err != nil {
						return err
					}
					return commit()
				}
			} else {
				last.Commit = commit
			}
		}
		return emit(last, nil) && cont
	}
	if cont && !failed {
		_ = commit() // nothing to store: remembering loses nothing
	}
	return cont
}

func kindFromContentType(ct string) string {
	switch {
	case ct == "text/html" || ct == "application/xhtml+xml":
		return kindHTML
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || ct == "application/feed+json" || strings.Contains(ct, "rdf"):
		return kindFeed
	case ct == "text/plain":
		return kindText
	}
	return "" // application/xml, application/json, …: sniff
}

// cleanPathError drops the Op of a *fs.PathError ("open x: no such file")
// since messages name the source already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
