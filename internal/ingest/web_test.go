package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"farabi/internal/fetch"
)

// memState is a fetch.State in memory.
type memState struct {
	mu sync.Mutex
	m  map[string][2]string
}

func (s *memState) Lookup(_ context.Context, u string) (string, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.m[u]
	return v[0], v[1], nil
}

func (s *memState) Save(_ context.Context, u, etag, lm string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string][2]string{}
	}
	s.m[u] = [2]string{etag, lm}
	return nil
}

// newsSite serves a feed whose first item carries only a summary, the
// page it links to, and a broken feed.
func newsSite(t *testing.T) (*httptest.Server, *int) {
	page, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	pageGets := 0
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"f1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"f1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Wire</title><link>/</link>
<item><title>Kazakhstan and Japan expand ties</title><link>/2025/05/29/ties</link><description>The ministers met…</description><pubDate>Thu, 29 May 2025 08:00:00 +0500</pubDate></item>
<item><title>Full item</title><link>/full</link><description><![CDATA[<p>`+strings.Repeat("Officials of both countries discussed trade and transport at length. ", 20)+`</p>]]></description></item>
</channel></rss>`)
	})
	mux.HandleFunc("/2025/05/29/ties", func(w http.ResponseWriter, r *http.Request) {
		pageGets++
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><entry><title>One</title><content type="text">`+
			strings.Repeat("The first entry is complete and has enough words. ", 20)+`</content></entry><entry><title>Two</title><content>cut he`)
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &pageGets
}

func TestFeedURL(t *testing.T) {
	srv, pageGets := newsSite(t)
	st := &memState{}
	client := fetch.New(fetch.Options{AllowPrivate: true, State: st, PerHost: -1})
	rd := NewReader(Options{Now: now, Fetch: client})
	docs, probs := readAll(t, rd, srv.URL+"/feed.xml")
	if len(probs) != 0 || len(docs) != 2 {
		t.Fatalf("%d docs, problems %v", len(docs), probs)
	}
	d := docs[0]
	if d.URL != srv.URL+"/2025/05/29/ties" || d.Outlet != "Steppe Wire" || d.DateBasis != DateMetadata ||
		!strings.Contains(d.Text, "Central Asia plus Japan") || strings.Contains(d.Text, "Most read") {
		t.Errorf("followed item: %+v", d)
	}
	if *pageGets != 1 {
		t.Errorf("page fetched %d times", *pageGets)
	}
	if docs[0].Commit == nil || docs[1].Commit == nil {
		t.Fatal("no Commit on the followed item or on the feed's last item")
	}
	// Nothing remembered until the documents are committed.
	if _, err := readAllCount(rd, srv.URL+"/feed.xml"); err != nil || *pageGets != 2 {
		t.Errorf("second read before commit: %v, %d page gets", err, *pageGets)
	}
	for _, d := range docs {
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := readAllCount(rd, srv.URL+"/feed.xml"); n != 0 || *pageGets != 2 {
		t.Errorf("after commit: %d docs read again, %d page gets", n, *pageGets)
	}
}

func readAllCount(rd *Reader, src string) (int, error) {
	n := 0
	for d, err := range rd.Read(context.Background(), []string{src}) {
		if err != nil {
			return n, err
		}
		if d != nil {
			n++
		}
	}
	return n, nil
}

func TestBrokenFeedURL(t *testing.T) {
	srv, _ := newsSite(t)
	rd := NewReader(Options{Now: now, Fetch: fetch.New(fetch.Options{AllowPrivate: true, State: &memState{}, PerHost: -1})})
	docs, probs := readAll(t, rd, srv.URL+"/broken.xml", srv.URL+"/redirect", srv.URL+"/missing")
	if len(docs) != 1 || docs[0].Title != "One" || docs[0].Commit != nil {
		t.Errorf("broken feed: %d docs (the complete entry expected, without Commit)", len(docs))
	}
	want := []string{"/broken.xml: feed: broken at line 1", "/redirect: fetch", "/missing: fetch"}
	if len(probs) != len(want) {
		t.Fatalf("problems %v", probs)
	}
	for i, p := range probs {
		if !strings.HasPrefix(p.Error(), srv.URL+want[i]) {
			t.Errorf("problem %q, want %q…", p, want[i])
		}
	}
	if !strings.Contains(probs[1].Error(), "only http and https") {
		t.Errorf("redirect to file:// not refused: %v", probs[1])
	}
}

func TestURLRefused(t *testing.T) {
	srv, _ := newsSite(t)
	rd := NewReader(Options{Now: now, Fetch: fetch.New(fetch.Options{PerHost: -1})})
	_, probs := readAll(t, rd, srv.URL+"/feed.xml")
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "non-public address") {
		t.Errorf("loopback not refused: %v", probs)
	}
}
