package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"farabi/internal/feed"
)

// feed reads the items of a feed file.
func (rd *Reader) feed(ctx context.Context, name, feedURL string, data []byte, warn []string, emit func(*Document, error) bool) bool {
	return rd.feedWithCommit(ctx, name, feedURL, data, warn, nil, emit)
}

// feedWithCommit reads the items of a feed; commit (may be nil) is run
// once they are all stored, and not at all when the feed was broken or an
// item failed, so that the next poll reads the feed again.
func (rd *Reader) feedWithCommit(ctx context.Context, name, feedURL string, data []byte, warn []string, commit func() error, emit func(*Document, error) bool) bool {
	read := func(emit func(*Document, error) bool) bool {
		f, err := feed.Parse(data)
		if f == nil {
			return emit(nil, &Problem{Source: name, Err: err})
		}
		outlet := f.Title
		base := feedURL
		if base == "" {
			base = f.Link
		}
		if outlet == "" {
			if u, perr := url.Parse(base); perr == nil && u.Host != "" {
				outlet = strings.TrimPrefix(u.Hostname(), "www.")
			}
		}
		for i := range f.Items {
			d, perr := rd.item(ctx, name, outlet, base, i, &f.Items[i])
			if d == nil && perr == nil {
				continue // seen before
			}
			if d != nil {
				d.Warnings = append(append([]string(nil), warn...), d.Warnings...)
			}
			if !emit(d, perr) {
				return false
			}
		}
		if err != nil {
			return emit(nil, &Problem{Source: name, Err: fmt.Errorf("%w (the %d items before it were read)", err, len(f.Items))})
		}
		return true
	}
	if commit == nil {
		return read(emit)
	}
	return rd.withCommit(commit, emit, read)
}

// item turns a feed item into a document, fetching its link when the feed
// gives only a summary. It returns neither document nor error for an item
// whose link is already stored.
func (rd *Reader) item(ctx context.Context, feedName, outlet, base string, i int, it *feed.Item) (*Document, error) {
	link := resolveLink(base, it.Link)
	label := fmt.Sprintf("%s item %d", feedName, i+1)
	if link != "" {
		label = fmt.Sprintf("%s item %s", feedName, link)
	}
	if link != "" && rd.opts.Seen != nil && rd.opts.Seen(ctx, link) {
		return nil, nil
	}
	d := &Document{Source: label, ID: it.ID, URL: link, Outlet: outlet, Title: it.Title}
	if d.ID == "" {
		d.ID = link
	}
	if !it.Published.IsZero() {
		d.Published, d.DateBasis = it.Published, DateMetadata
	} else if it.DateError != nil {
		d.Warnings = append(d.Warnings, it.DateError.Error())
	}
	text := htmlToText(it.Content)
	if s := htmlToText(it.Summary); len(strings.Fields(s)) > len(strings.Fields(text)) {
		text = s
	}
	if rd.opts.FollowBelow >= 0 && len(strings.Fields(text)) < rd.opts.FollowBelow && IsURL(link) && rd.opts.Fetch != nil {
		page, err := rd.follow(ctx, link)
		switch {
		case errors.Is(err, errNotModified):
			return nil, nil
		case err != nil && text == "":
			return nil, &Problem{Source: label, Err: fmt.Errorf("no text in the feed and the page failed: %w", err)}
		case err != nil:
			d.Warnings = append(d.Warnings, fmt.Sprintf("summary kept: the full story failed: %v", err))
		case len(strings.Fields(page.Text)) > len(strings.Fields(text)):
			text = page.Text
			d.Commit = page.Commit
			if d.Title == "" {
				d.Title = page.Title
			}
			if d.Outlet == "" {
				d.Outlet = page.Outlet
			}
			d.Language = page.Language
			if d.DateBasis == "" && page.DateBasis == DateMetadata {
				d.Published, d.DateBasis = page.Published, DateMetadata
			}
			d.Warnings = append(d.Warnings, page.Warnings...)
		}
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, &Problem{Source: label, Skipped: true, Err: errors.New("item has no text and no link to follow")}
	}
	if t, cutOff := cut(text, rd.maxBytes()); cutOff {
		text = t
		d.Warnings = append(d.Warnings, fmt.Sprintf("text cut at %s", sizeName(rd.maxBytes())))
	}
	d.Text = text
	if d.Language == "" {
		d.Language = guessLanguage(text)
	}
	d.finishDate(rd.now())
	return d, nil
}

var errNotModified = errors.New("not modified")

// follow fetches an item's page and extracts its story. The page's
// validators are remembered through the document's Commit.
func (rd *Reader) follow(ctx context.Context, link string) (*Document, error) {
	resp, err := rd.opts.Fetch.Get(ctx, link)
	if err != nil {
		return nil, err
	}
	if resp.NotModified {
		return nil, errNotModified
	}
	d, err := extractHTML(resp.Body, resp.URL, resp.ContentType+"; charset="+resp.Charset)
	if err != nil {
		return nil, err
	}
	if resp.Truncated {
		d.Warnings = append(d.Warnings, fmt.Sprintf("page cut at %s", sizeName(int(rd.opts.Fetch.MaxBytes()))))
	}
	d.Commit = func() error { return rd.opts.Fetch.Remember(context.WithoutCancel(ctx), resp) }
	return d, nil
}

// resolveLink makes a relative item link absolute against the feed's URL.
func resolveLink(base, link string) string {
	link = strings.TrimSpace(link)
	if link == "" || base == "" || IsURL(link) {
		return link
	}
	b, err := url.Parse(base)
	if err != nil {
		return link
	}
	l, err := url.Parse(link)
	if err != nil {
		return link
	}
	return b.ResolveReference(l).String()
}
