package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// Namespaces farabi reads. A feed that uses a prefix without declaring it
// gets the prefix as its namespace from encoding/xml, so each is matched by
// URI or by its usual prefix.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsAtom03  = "http://purl.org/atom/ns#"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// node is an element of the XML tree, kept only until its item is read.
type node struct {
	name  xml.Name
	attrs []xml.Attr
	text  strings.Builder // character data directly inside, CDATA included
	kids  []*node
}

func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child with the local name in one of the spaces
// (any space when none is given).
func (n *node) child(local string, spaces ...string) *node {
	for _, k := range n.kids {
		if k.name.Local == local && inSpace(k.name.Space, spaces) {
			return k
		}
	}
	return nil
}

// childText returns the trimmed text of child(local, spaces...).
func (n *node) childText(local string, spaces ...string) string {
	if k := n.child(local, spaces...); k != nil {
		return strings.TrimSpace(k.text.String())
	}
	return ""
}

func inSpace(space string, spaces []string) bool {
	if len(spaces) == 0 {
		return true
	}
	for _, s := range spaces {
		if space == s {
			return true
		}
	}
	return false
}

// parseXML streams the XML, reads each item or entry as soon as it closes
// and forgets its elements, so memory stays near the size of one item.
func parseXML(data []byte) (*Feed, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		r, err := charset.NewReaderLabel(label, in)
		if err != nil {
			return nil, fmt.Errorf("feed: unsupported charset %q", label)
		}
		return r, nil
	}
	var f *Feed
	var stack []*node
	var root *node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if f == nil {
				return nil, ErrNotFeed
			}
			if len(stack) > 0 {
				line, _ := d.InputPos()
				return f, &SyntaxError{Line: line, Err: errors.New("unexpected end of input (truncated feed?)")}
			}
			return f, nil
		}
		if err != nil {
			if f == nil {
				if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
					return nil, &SyntaxError{Line: se.Line, Err: errors.New(se.Msg)}
				}
				return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
			}
			line, _ := d.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				err = errors.New(se.Msg)
			}
			return f, &SyntaxError{Line: line, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attrs: t.Attr}
			if root == nil {
				root = n
				f = &Feed{}
				switch {
				case t.Name.Local == "rss":
					f.Format = "rss"
				case t.Name.Local == "RDF":
					f.Format = "rdf"
				case t.Name.Local == "feed":
					f.Format = "atom"
				default:
					return nil, fmt.Errorf("%w: XML whose root is <%s>", ErrNotFeed, t.Name.Local)
				}
			} else {
				if len(stack) == 0 {
					line, _ := d.InputPos()
					return f, &SyntaxError{Line: line, Err: fmt.Errorf("element <%s> after the end of the feed", t.Name.Local)}
				}
				if len(stack) >= maxDepth {
					line, _ := d.InputPos()
					return f, &SyntaxError{Line: line, Err: fmt.Errorf("elements nested deeper than %d", maxDepth)}
				}
				parent := stack[len(stack)-1]
				parent.kids = append(parent.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if isItem(f.Format, n, len(stack)) {
				if len(f.Items) < maxItems {
					f.Items = append(f.Items, readItem(f.Format, n))
				}
				// Forget the item's elements: only the channel's stay.
				parent := stack[len(stack)-1]
				parent.kids = parent.kids[:len(parent.kids)-1]
			}
			if len(stack) > 0 {
				if parent := stack[len(stack)-1]; parent == root || parent.name.Local == "channel" {
					readChannel(f, n)
				}
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
}

// isItem reports whether n, just closed with depth elements still open
// above it, is an item of the feed.
func isItem(format string, n *node, depth int) bool {
	switch format {
	case "rss":
		return n.name.Local == "item" && depth >= 1 && depth <= 2 // rss>channel>item, or rss>item
	case "rdf":
		return n.name.Local == "item" && depth == 1
	default:
		return n.name.Local == "entry" && depth == 1
	}
}

// readChannel picks the feed's title and link from a closed child of the
// channel (RSS, RDF) or feed (Atom).
func readChannel(f *Feed, n *node) {
	switch n.name.Local {
	case "title":
		if f.Title == "" {
			f.Title = plainText(n)
		}
	case "link":
		if f.Link != "" {
			return
		}
		if href := n.attr("href"); href != "" {
			if rel := n.attr("rel"); rel == "" || rel == "alternate" {
				f.Link = href
			}
		} else {
			f.Link = strings.TrimSpace(n.text.String())
		}
	case "channel":
		// RSS 2.0 channel elements close before the channel itself when
		// items come last; when they came first they were read already.
		if f.Title == "" {
			if t := n.child("title"); t != nil {
				f.Title = plainText(t)
			}
		}
		if f.Link == "" {
			f.Link = n.childText("link", "", nsRDF, "http://purl.org/rss/1.0/")
		}
	}
}

func readItem(format string, n *node) Item {
	if format == "atom" {
		return readEntry(n)
	}
	it := Item{
		ID:      n.childText("guid"),
		Link:    n.childText("link", "", "http://purl.org/rss/1.0/", "http://backend.userland.com/rss2"),
		Summary: n.childText("description"),
		Content: n.childText("encoded", nsContent, "content"),
		Author:  n.childText("author"),
	}
	if t := n.child("title"); t != nil {
		it.Title = plainText(t)
	}
	if it.ID == "" {
		it.ID = n.attr("about")
	}
	if it.Link == "" {
		// An Atom link inside RSS, or a permalink guid.
		if l := n.child("link", nsAtom); l != nil {
			it.Link = l.attr("href")
		} else if g := n.child("guid"); g != nil && !strings.EqualFold(g.attr("isPermaLink"), "false") && strings.HasPrefix(it.ID, "http") {
			it.Link = it.ID
		}
	}
	if it.Author == "" {
		it.Author = n.childText("creator", nsDC, "dc")
	}
	it.setDate(n.childText("pubDate"), n.childText("date", nsDC, "dc"),
		n.childText("published", nsAtom, "atom"), n.childText("updated", nsAtom, "atom"))
	return it
}

func readEntry(n *node) Item {
	atom := []string{nsAtom, nsAtom03, ""}
	it := Item{ID: n.childText("id", atom...)}
	if t := n.child("title", atom...); t != nil {
		it.Title = plainText(t)
	}
	for _, k := range n.kids {
		if k.name.Local != "link" || !inSpace(k.name.Space, atom) {
			continue
		}
		if rel := k.attr("rel"); (rel == "" || rel == "alternate") && it.Link == "" {
			it.Link = k.attr("href")
		}
	}
	if s := n.child("summary", atom...); s != nil {
		it.Summary = markup(s)
	}
	if c := n.child("content", atom...); c != nil {
		it.Content = markup(c)
		if it.Link == "" {
			it.Link = c.attr("src")
		}
	}
	if a := n.child("author", atom...); a != nil {
		it.Author = a.childText("name")
	}
	it.setDate(n.childText("published", atom...), n.childText("issued", atom...),
		n.childText("updated", atom...), n.childText("modified", atom...), n.childText("date", nsDC, "dc"))
	return it
}

// markup returns an Atom text construct as HTML: type="html" as given,
// type="xhtml" re-serialized from its elements, plain text escaped.
func markup(n *node) string {
	switch strings.ToLower(n.attr("type")) {
	case "html", "text/html":
		return strings.TrimSpace(n.text.String())
	case "xhtml", "application/xhtml+xml":
		var b strings.Builder
		writeXHTML(&b, n)
		return strings.TrimSpace(b.String())
	default:
		return html.EscapeString(strings.TrimSpace(n.text.String()))
	}
}

// writeXHTML writes the elements under n as HTML. Text interleaved with
// child elements keeps its place only approximately (before the children):
// enough for text extraction, which is all farabi needs.
func writeXHTML(b *strings.Builder, n *node) {
	b.WriteString(html.EscapeString(n.text.String()))
	for _, k := range n.kids {
		b.WriteString("<" + k.name.Local + ">")
		writeXHTML(b, k)
		b.WriteString("</" + k.name.Local + ">")
	}
}

// plainText returns a title as plain text: Atom titles of type html or
// xhtml lose their tags and entities.
func plainText(n *node) string {
	t := strings.ToLower(n.attr("type"))
	if t == "html" || t == "xhtml" || t == "text/html" {
		return strings.Join(strings.Fields(html.UnescapeString(stripTags(markup(n)))), " ")
	}
	return strings.Join(strings.Fields(n.text.String()), " ")
}

// stripTags removes everything between < and >.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
