package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// memState is a State in memory.
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

func TestGet(t *testing.T) {
	var gets, conditional int
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gets++
		ua = r.UserAgent()
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	st := &memState{}
	c := New(Options{AllowPrivate: true, State: st, UserAgent: "farabi/test", PerHost: -1})
	ctx := context.Background()
	r, err := c.Get(ctx, srv.URL+"/feed")
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Body) != "<rss/>" || r.ContentType != "application/rss+xml" || r.Charset != "utf-8" || r.NotModified {
		t.Errorf("first get: %+v", r)
	}
	if ua != "farabi/test" {
		t.Errorf("User-Agent %q", ua)
	}
	// Not remembered yet: the second get is unconditional.
	if r, err = c.Get(ctx, srv.URL+"/feed"); err != nil || r.NotModified {
		t.Fatalf("second get before Remember: %v %+v", err, r)
	}
	if err := c.Remember(ctx, r); err != nil {
		t.Fatal(err)
	}
	if r, err = c.Get(ctx, srv.URL+"/feed"); err != nil || !r.NotModified || len(r.Body) != 0 {
		t.Fatalf("third get after Remember: %v %+v", err, r)
	}
	if gets != 3 || conditional != 1 {
		t.Errorf("%d gets, %d conditional; want 3, 1", gets, conditional)
	}
}

func TestLimitsAndGzip(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			// An endless body: the client must stop at its limit.
			chunk := []byte(strings.Repeat("x", 1<<16))
			for {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "/gzip":
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			fmt.Fprint(zw, strings.Repeat("news ", 100))
			zw.Close()
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/missing":
			http.NotFound(w, r)
		case "/slow":
			time.Sleep(time.Second)
		}
	}))
	defer srv.Close()
	c := New(Options{AllowPrivate: true, MaxBytes: 1 << 20, Timeout: 500 * time.Millisecond, PerHost: -1})
	ctx := context.Background()
	r, err := c.Get(ctx, srv.URL+"/big")
	if err != nil {
		t.Fatal(err)
	}
	if !r.Truncated || len(r.Body) != 1<<20 {
		t.Errorf("big: truncated %v, %d bytes", r.Truncated, len(r.Body))
	}
	r, err = c.Get(ctx, srv.URL+"/gzip")
	if err != nil || string(r.Body) != strings.Repeat("news ", 100) {
		t.Errorf("gzip: %v %q", err, r.Body)
	}
	if _, err := c.Get(ctx, srv.URL+"/loop"); !errors.Is(err, ErrRedirects) {
		t.Errorf("loop: %v", err)
	}
	var se *StatusError
	if _, err := c.Get(ctx, srv.URL+"/missing"); !errors.As(err, &se) || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing: %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/slow"); err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Errorf("slow: %v", err)
	}
}

func TestRefused(t *testing.T) {
	local := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secret")
	}))
	defer local.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	}))
	defer redirector.Close()
	ctx := context.Background()
	c := New(Options{PerHost: -1})
	ru, _ := url.Parse(redirector.URL)
	c.exempt = ru.Host // the first hop only
	for _, tc := range []struct {
		url  string
		want error
	}{
		{local.URL, ErrForbidden},
		{"http://localhost:1/", ErrForbidden},
		{"http://[::1]:1/", ErrForbidden},
		{"http://10.1.2.3/", ErrForbidden},
		{"file:///etc/passwd", ErrScheme},
		{"ftp://example.org/", ErrScheme},
		{redirector.URL + "/?to=" + url.QueryEscape("file:///etc/passwd"), ErrScheme},
		{redirector.URL + "/?to=" + url.QueryEscape(local.URL), ErrForbidden},
		{redirector.URL + "/?to=" + url.QueryEscape("http://169.254.169.254/latest/meta-data/"), ErrForbidden},
	} {
		if _, err := c.Get(ctx, tc.url); !errors.Is(err, tc.want) {
			t.Errorf("Get(%s): %v, want %v", tc.url, err, tc.want)
		}
	}
}

func TestRefusePrivate(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:80", false}, {"127.1.2.3:80", false}, {"[::1]:443", false}, {"10.0.0.1:80", false},
		{"172.16.5.4:80", false}, {"192.168.1.1:80", false}, {"169.254.169.254:80", false}, {"100.64.0.1:80", false},
		{"0.0.0.0:80", false}, {"[::ffff:127.0.0.1]:80", false}, {"[fe80::1]:80", false}, {"[fc00::1]:80", false},
		{"8.8.8.8:53", true}, {"[2a00:1450::1]:443", true}, {"93.184.216.34:80", true},
	} {
		err := refusePrivate(tc.addr)
		if (err == nil) != tc.ok {
			t.Errorf("refusePrivate(%s) = %v, want ok %v", tc.addr, err, tc.ok)
		}
	}
}

func TestPerHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	c := New(Options{AllowPrivate: true, PerHost: 100 * time.Millisecond})
	start := time.Now()
	for range 3 {
		if _, err := c.Get(context.Background(), srv.URL); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("3 requests to one host took %v, want ≥ 200ms", d)
	}
}

func TestFileState(t *testing.T) {
	p := t.TempDir() + "/sub/state.json"
	ctx := context.Background()
	s, err := OpenFileState(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(ctx, "https://a.example/feed", `"e1"`, "Mon, 02 Jan 2006 15:04:05 GMT"); err != nil {
		t.Fatal(err)
	}
	s2, err := OpenFileState(p)
	if err != nil {
		t.Fatal(err)
	}
	if e, lm, _ := s2.Lookup(ctx, "https://a.example/feed"); e != `"e1"` || lm == "" {
		t.Errorf("reopened state: %q %q", e, lm)
	}
	if err := os.WriteFile(p, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenFileState(p); err == nil || !strings.Contains(err.Error(), "not a fetch state") {
		t.Errorf("bad state file: %v", err)
	}
}
