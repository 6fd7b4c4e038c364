package server

import (
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestAnswerCache(t *testing.T) {
	c := newAnswerCache(time.Minute, 2)
	now := time.Now()
	c.put("a", []byte("1"), now)
	c.put("b", []byte("2"), now)
	if _, ok := c.get("a", now); !ok {
		t.Fatal("a is gone")
	}
	c.put("c", []byte("3"), now) // b is the least recently used
	if _, ok := c.get("b", now); ok {
		t.Error("b kept beyond the limit")
	}
	if v, ok := c.get("a", now.Add(59*time.Second)); !ok || string(v) != "1" {
		t.Errorf("a = %q, %v", v, ok)
	}
	if _, ok := c.get("a", now.Add(61*time.Second)); ok {
		t.Error("a kept beyond its time")
	}
	c.clear()
	if _, ok := c.get("c", now); ok {
		t.Error("c kept after clear")
	}
	var none *answerCache
	none.put("x", nil, now)
	if _, ok := none.get("x", now); ok {
		t.Error("a nil cache keeps answers")
	}
}

func TestServerCache(t *testing.T) {
	ing := func(ctx context.Context, body io.Reader) (*Ingested, error) { return &Ingested{}, nil }
	h := newTestServer(t, Deps{Ingest: ing, Token: "t", Limits: Limits{CacheTTL: time.Minute}})
	get := func(target string) string {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		return w.Header().Get("X-Cache")
	}
	const u = "/api/v1/vectors?actor=KAZ&since=2025-01-01"
	if a, b := get(u), get(u); a != "miss" || b != "hit" {
		t.Errorf("first %q, second %q; want miss, hit", a, b)
	}
	if got := get("/api/v1/vectors?actor=KAZ&since=2025-02-01"); got != "miss" {
		t.Errorf("another window: %q", got)
	}
	if got := get("/api/v1/vectors?actor=KAZ&period=day"); got != "" {
		t.Errorf("an error was cached: %q", got)
	}
	req := httptest.NewRequest("POST", "/api/v1/ingest", strings.NewReader("x"))
	req.Header.Set("Authorization", "Bearer t")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if got := get(u); got != "miss" {
		t.Errorf("after an ingest: %q, want miss", got)
	}
}
