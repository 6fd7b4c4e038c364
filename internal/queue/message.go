package queue

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"farabi/internal/ingest"
	"farabi/internal/store"
)

// article is an article on the queue: a document as ingest read it. The
// text goes whole; the worker codes it.
type article struct {
	Source    string    `json:"source"`
	ID        string    `json:"id,omitempty"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published"`
	DateBasis string    `json:"date_basis"`
	Language  string    `json:"language,omitempty"`
	Text      string    `json:"text"`
	Warnings  []string  `json:"warnings,omitempty"`
}

// recodeMsg asks for one stored article to be re-coded.
type recodeMsg struct {
	Article int64 `json:"article"`
	// Versions are those the publisher's farabi codes with; a worker
	// re-codes with its own and leaves an article already coded by them.
	Versions store.Versions `json:"versions"`
}

// ErrMessage says a message is not one of farabi's: it goes to the
// dead-letter subject at once, since no delivery will read it better.
var ErrMessage = errors.New("queue: not a farabi message")

// encodeArticle returns the message of a document and its ID, the
// content hash of its text ([store.ContentHash]), which JetStream uses to
// drop a copy published again within the stream's duplicate window.
func encodeArticle(d *ingest.Document) (data []byte, id string, err error) {
	data, err = json.Marshal(article{Source: d.Source, ID: d.ID, URL: d.URL, Outlet: d.Outlet, Title: d.Title,
		Published: d.Published, DateBasis: string(d.DateBasis), Language: d.Language, Text: d.Text, Warnings: d.Warnings})
	return data, store.ContentHash(d.Text), err
}

// decodeArticle reads an article message. A message that is not JSON,
// lacks text, or names an unknown date basis is an [ErrMessage].
func decodeArticle(data []byte) (*ingest.Document, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%w: not UTF-8", ErrMessage)
	}
	var a article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMessage, err)
	}
	if a.Text == "" {
		return nil, fmt.Errorf("%w: an article without text", ErrMessage)
	}
	switch b := ingest.DateBasis(a.DateBasis); b {
	case ingest.DateIndex, ingest.DateMetadata, ingest.DateText, ingest.DateURL, ingest.DateNone:
	default:
		return nil, fmt.Errorf("%w: unknown date basis %q", ErrMessage, a.DateBasis)
	}
	if a.Published.IsZero() {
		return nil, fmt.Errorf("%w: an article without a date", ErrMessage)
	}
	if a.Source == "" {
		a.Source = "queue"
	}
	return &ingest.Document{Source: a.Source, ID: a.ID, URL: a.URL, Outlet: a.Outlet, Title: a.Title,
		Published: a.Published.UTC(), DateBasis: ingest.DateBasis(a.DateBasis), Language: a.Language, Text: a.Text,
		Warnings: a.Warnings}, nil
}

// encodeRecode returns the message asking for article id to be re-coded
// with versions v, and its ID: the article and the versions, so that the
// same request published twice is one message.
func encodeRecode(id int64, v store.Versions) (data []byte, msgID string, err error) {
	data, err = json.Marshal(recodeMsg{Article: id, Versions: v})
	return data, "recode:" + strconv.FormatInt(id, 10) + ":" + v.Coder + "/" + v.Dict + "/" + v.Model, err
}

// decodeRecode reads a re-code message.
func decodeRecode(data []byte) (int64, error) {
	var m recodeMsg
	if err := json.Unmarshal(data, &m); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrMessage, err)
	}
	if m.Article <= 0 {
		return 0, fmt.Errorf("%w: no article to re-code", ErrMessage)
	}
	return m.Article, nil
}
