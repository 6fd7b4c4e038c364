// Package demo holds farabi's sample corpus: 23 short reports of
// Kazakhstan's ties with Russia, China, the European Union, the United
// States, Turkey and its neighbours over 2025. The reports are
// illustrative: written for farabi by its authors, in their own words,
// about plausible but invented events; the people and offices named are
// real, the quotations are not. "farabi demo" codes them into a store.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

//go:embed stories/*.txt
var files embed.FS

// Story is one sample report.
type Story struct {
	File   string // e.g. "stories/01-china-trade.txt"
	Date   time.Time
	Outlet string // an invented outlet
	Title  string
	Text   string
}

// Focal is the country the sample corpus is about.
const Focal = "KAZ"

// Stories returns the sample reports in date order. Each file is a header
// of "key: value" lines (date, outlet, title), a blank line and the text.
func Stories() ([]Story, error) {
	names, err := fs.Glob(files, "stories/*.txt")
	if err != nil {
		return nil, err
	}
	var out []Story
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		st, err := parse(name, string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func parse(name, data string) (Story, error) {
	st := Story{File: name}
	head, text, ok := strings.Cut(data, "\n\n")
	if !ok {
		return st, fmt.Errorf("%s: no blank line after the header", name)
	}
	for i, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return st, fmt.Errorf("%s:%d: want key: value", name, i+1)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "date":
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return st, fmt.Errorf("%s:%d: bad date %q", name, i+1, v)
			}
			st.Date = d
		case "outlet":
			st.Outlet = v
		case "title":
			st.Title = v
		default:
			return st, fmt.Errorf("%s:%d: unknown key %q", name, i+1, k)
		}
	}
	if st.Date.IsZero() {
		return st, fmt.Errorf("%s: no date", name)
	}
	st.Text = strings.TrimSpace(text)
	return st, nil
}
