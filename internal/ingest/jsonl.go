package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"farabi/internal/newsdate"
)

// maxLineBytes is the longest JSON line read; longer lines are skipped
// with a message (a story is rarely over a few hundred KB).
const maxLineBytes = 8 << 20

// record is one line of a JSON lines input. Source is the outlet.
type record struct {
	ID     string `json:"id"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// eachLine calls f with each line of r (without its end of line) and its
// 1-based number. A line longer than max is not kept: f gets it empty with
// tooLong set, and reading goes on after it, so one huge line costs only
// itself.
func eachLine(r io.Reader, max int, f func(line int, b []byte, tooLong bool) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	for line := 1; ; line++ {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > max+2 { // +2: the end of line
					tooLong, buf = true, buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		if err == io.EOF && len(buf) == 0 && !tooLong {
			return nil
		}
		var b []byte
		if !tooLong {
			b = trimEOL(buf)
		}
		if ferr := f(line, b, tooLong); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
		if cap(buf) > 1<<20 {
			buf = nil // do not keep one long line's buffer for the rest
		}
	}
}

func trimEOL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// readJSONL reads a JSON lines stream named name and calls emit with each
// story or problem. Bad lines are problems naming their line.
func (rd *Reader) readJSONL(name string, r io.Reader, emit func(*Document, error) bool) error {
	stop := errors.New("stop")
	err := eachLine(r, maxLineBytes, func(line int, b []byte, tooLong bool) error {
		var d *Document
		var perr error
		switch {
		case tooLong:
			perr = &Problem{Source: name, Line: line, Skipped: true, Err: fmt.Errorf("line longer than %d MiB", maxLineBytes>>20)}
		case len(strings.TrimSpace(string(b))) == 0:
			return nil
		default:
			d, perr = rd.record(name, line, b)
		}
		if !emit(d, perr) {
			return stop
		}
		return nil
	})
	if err == stop {
		return nil
	}
	if err != nil {
		emit(nil, &Problem{Source: name, Err: err})
	}
	return nil
}

// record turns one JSON line into a document.
func (rd *Reader) record(name string, line int, b []byte) (*Document, error) {
	problem := func(skipped bool, err error) error {
		return &Problem{Source: name, Line: line, Skipped: skipped, Err: err}
	}
	if !utf8.Valid(b) {
		b = []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, problem(false, fmt.Errorf("not a JSON record: %w", err))
	}
	src := fmt.Sprintf("%s:%d", name, line)
	d := &Document{Source: src, ID: rec.ID, URL: rec.URL, Title: strings.TrimSpace(rec.Title), Outlet: rec.Source}
	if d.ID == "" {
		d.ID = src
	}
	text := strings.TrimSpace(rec.Text)
	if text == "" {
		return nil, problem(true, ErrEmpty)
	}
	if t, cutOff := cut(text, rd.maxBytes()); cutOff {
		text = t
		d.Warnings = append(d.Warnings, fmt.Sprintf("text cut at %s", sizeName(rd.maxBytes())))
	}
	d.Text = text
	if rec.Date != "" {
		t, err := newsdate.Parse(rec.Date)
		if err != nil {
			d.Warnings = append(d.Warnings, fmt.Sprintf("bad date %q: dated otherwise", rec.Date))
		} else {
			d.Published, d.DateBasis = t, DateMetadata
		}
	}
	d.Language = guessLanguage(d.Text)
	d.finishDate(rd.now())
	return d, nil
}

// sizeName writes a byte count as "4 MiB" or "512 KiB".
func sizeName(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
