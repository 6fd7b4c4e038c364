package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"farabi/internal/newsdate"
)

// ErrNoArticle reports a page in which no article text was found.
var ErrNoArticle = errors.New("no article text found in the page")

// maxElements bounds the elements of a page handed to readability, whose
// scoring is slow on huge pages.
const maxElements = 200000

// minWords is the fewest words a page's main text must have to be a
// story: fewer is a menu or a notice.
const minWords = 8

// pageMeta is what a page's head and markup say about the story.
type pageMeta struct {
	title, outlet, lang string
	published           time.Time
}

// extractHTML reads an HTML page: its metadata (Open Graph, article:
// tags, JSON-LD, <meta name=date>, <time datetime>, <html lang>) and its
// main text without navigation and boilerplate (readability). pageURL may
// be "" for a file. contentType is the HTTP Content-Type, "" for a file.
func extractHTML(data []byte, pageURL, contentType string) (*Document, error) {
	r, err := charset.NewReader(bytes.NewReader(data), contentType)
	if err != nil {
		r = bytes.NewReader(data)
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	meta := readMeta(root)
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	art, err := p.ParseAndMutate(root, u)
	if err != nil {
		return nil, err
	}
	d := &Document{URL: pageURL, Title: valid(meta.title), Outlet: valid(meta.outlet), Language: normLanguage(meta.lang)}
	if d.Title == "" {
		d.Title = oneLine(valid(art.Title()))
	}
	if d.Outlet == "" {
		d.Outlet = oneLine(valid(art.SiteName()))
	}
	if d.Outlet == "" && u != nil {
		d.Outlet = strings.TrimPrefix(u.Hostname(), "www.")
	}
	if d.Language == "" {
		d.Language = normLanguage(art.Language())
	}
	if !meta.published.IsZero() {
		d.Published, d.DateBasis = meta.published, DateMetadata
	} else if t, err := art.PublishedTime(); err == nil && t.Year() >= 1900 && t.Year() <= 2200 {
		d.Published, d.DateBasis = t, DateMetadata
	}
	if art.Node == nil {
		return nil, ErrNoArticle
	}
	d.Text = cleanText(valid(render.InnerText(art.Node)))
	if d.Title != "" {
		d.Text = strings.TrimSpace(strings.TrimPrefix(d.Text, d.Title))
	}
	if len(strings.Fields(d.Text)) < minWords {
		return nil, ErrNoArticle
	}
	return d, nil
}

// htmlToText returns the text of an HTML fragment (a feed item's
// content), paragraphs apart.
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return cleanText(valid(s))
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return cleanText(valid(s))
	}
	return cleanText(valid(render.InnerText(root)))
}

// readMeta walks the page for its metadata.
func readMeta(root *html.Node) pageMeta {
	var m pageMeta
	var timeTag, metaDate string
	var ld []string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 200 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				m.lang = attr(n, "lang")
			case "meta":
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					m.title = oneLine(content)
				case "og:site_name":
					m.outlet = oneLine(content)
				case "article:published_time", "og:published_time", "datepublished":
					if metaDate == "" || key == "article:published_time" {
						metaDate = content
					}
				case "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date":
					if metaDate == "" {
						metaDate = content
					}
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					ld = append(ld, n.FirstChild.Data)
				}
			case "time":
				if timeTag == "" {
					timeTag = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	var ldDate string
	for _, s := range ld {
		headline, date, publisher := readJSONLD(s)
		if m.title == "" {
			m.title = oneLine(headline)
		}
		if m.outlet == "" {
			m.outlet = oneLine(publisher)
		}
		if ldDate == "" {
			ldDate = date
		}
	}
	for _, s := range []string{metaDate, ldDate, timeTag} {
		if s == "" {
			continue
		}
		if t, err := newsdate.Parse(s); err == nil {
			m.published = t
			break
		}
	}
	return m
}

// readJSONLD takes the headline, publication date and publisher of the
// first article-like object of a JSON-LD script.
func readJSONLD(s string) (headline, date, publisher string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
		return
	}
	var visit func(v any, depth int) bool
	visit = func(v any, depth int) bool {
		if depth > 8 {
			return false
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if visit(e, depth+1) {
					return true
				}
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok && visit(g, depth+1) {
				return true
			}
			if !articleType(x["@type"]) {
				return false
			}
			headline, _ = x["headline"].(string)
			date, _ = x["datePublished"].(string)
			if p, ok := x["publisher"].(map[string]any); ok {
				publisher, _ = p["name"].(string)
			}
			return true
		}
		return false
	}
	visit(v, 0)
	return
}

func articleType(t any) bool {
	is := func(s string) bool {
		return strings.HasSuffix(s, "Article") || s == "BlogPosting" || s == "Report"
	}
	switch x := t.(type) {
	case string:
		return is(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && is(s) {
				return true
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// valid makes s valid UTF-8.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// oneLine collapses white space to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanText trims each line, turns no-break spaces into spaces and keeps at
// most one blank line between paragraphs.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	var b strings.Builder
	blank := 0
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// sniffKind tells a feed, an HTML page and plain text apart by their first
// bytes.
func sniffKind(data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 1024)], " \t\r\n\xef\xbb\xbf")
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")), bytes.HasPrefix(lower, []byte("<rss")),
		bytes.HasPrefix(lower, []byte("<feed")), bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return kindFeed
		}
		if bytes.Contains(lower, []byte("<html")) {
			return kindHTML
		}
		return kindFeed
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")),
		bytes.HasPrefix(lower, []byte("<head")), bytes.HasPrefix(lower, []byte("<body")),
		bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(lower, []byte("<html")):
		return kindHTML
	case bytes.HasPrefix(head, []byte("{")):
		if bytes.Contains(head, []byte("jsonfeed.org")) {
			return kindFeed
		}
		return kindJSONL
	}
	return kindText
}

// readAllLimit reads at most max bytes of r, and says whether there was
// more.
func readAllLimit(r io.Reader, max int) ([]byte, bool, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, false, err
	}
	if len(data) > max {
		return data[:max], true, nil
	}
	return data, false, nil
}
