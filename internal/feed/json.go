package feed

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strings"
)

// jsonFeed is the part of JSON Feed 1.0/1.1 that farabi reads.
type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            any    `json:"id"` // a string by the spec; numbers are seen
	URL           string `json:"url"`
	ExternalURL   string `json:"external_url"`
	Title         string `json:"title"`
	ContentHTML   string `json:"content_html"`
	ContentText   string `json:"content_text"`
	Summary       string `json:"summary"`
	DatePublished string `json:"date_published"`
	DateModified  string `json:"date_modified"`
	Author        *struct {
		Name string `json:"name"`
	} `json:"author"`
	Authors []struct {
		Name string `json:"name"`
	} `json:"authors"`
}

func parseJSON(data []byte) (*Feed, error) {
	var jf jsonFeed
	if err := json.Unmarshal(data, &jf); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, &SyntaxError{Line: lineAt(data, se.Offset), Err: err}
		}
		return nil, fmt.Errorf("feed: JSON Feed: %w", err)
	}
	if !strings.Contains(jf.Version, "jsonfeed.org") {
		return nil, fmt.Errorf("%w: JSON without a jsonfeed.org version", ErrNotFeed)
	}
	f := &Feed{Format: "json", Title: strings.TrimSpace(jf.Title), Link: jf.HomePageURL}
	for i := range jf.Items {
		if len(f.Items) == maxItems {
			break
		}
		ji := &jf.Items[i]
		it := Item{Link: ji.URL, Title: strings.Join(strings.Fields(ji.Title), " "), Summary: html.EscapeString(ji.Summary)}
		if it.Link == "" {
			it.Link = ji.ExternalURL
		}
		switch id := ji.ID.(type) {
		case string:
			it.ID = id
		case float64:
			it.ID = fmt.Sprint(id)
		}
		if ji.ContentHTML != "" {
			it.Content = ji.ContentHTML
		} else {
			it.Content = html.EscapeString(ji.ContentText)
		}
		if ji.Author != nil {
			it.Author = ji.Author.Name
		} else if len(ji.Authors) > 0 {
			it.Author = ji.Authors[0].Name
		}
		it.setDate(ji.DatePublished, ji.DateModified)
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	n := 1
	for _, c := range data[:off] {
		if c == '\n' {
			n++
		}
	}
	return n
}
