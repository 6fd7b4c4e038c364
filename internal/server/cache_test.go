package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"farabi/internal/event"
	"farabi/internal/store"
)

func TestAnswerCache(t *testing.T) {
	c := newAnswerCache(time.Minute, 2)
	now := time.Now()
	c.put("a", 0, []byte("1"), now)
	c.put("b", 0, []byte("2"), now)
	if _, ok := c.get("a", 0, now); !ok {
		t.Fatal("a is gone")
	}
	c.put("c", 0, []byte("3"), now) // b is the least recently used
	if _, ok := c.get("b", 0, now); ok {
		t.Error("b kept beyond the limit")
	}
	if v, ok := c.get("a", 0, now.Add(59*time.Second)); !ok || string(v) != "1" {
		t.Errorf("a = %q, %v", v, ok)
	}
	if _, ok := c.get("a", 0, now.Add(61*time.Second)); ok {
		t.Error("a kept beyond its time")
	}
	c.clear()
	if _, ok := c.get("c", 0, now); ok {
		t.Error("c kept after clear")
	}
	// Generations: a newer one empties the cache; an answer made from an
	// older one is neither given nor kept.
	c.put("d", 1, []byte("4"), now)
	if _, ok := c.get("d", 1, now); !ok {
		t.Error("d is gone")
	}
	if _, ok := c.get("d", 2, now); ok {
		t.Error("d given in a newer generation")
	}
	c.put("e", 1, []byte("5"), now) // made before the write of generation 2
	if _, ok := c.get("e", 2, now); ok {
		t.Error("an answer of an older generation was kept")
	}
	if _, ok := c.get("d", 1, now); ok {
		t.Error("d given to a request that read an older generation")
	}
	var none *answerCache
	none.put("x", 0, nil, now)
	if _, ok := none.get("x", 0, now); ok {
		t.Error("a nil cache keeps answers")
	}
}

func TestServerCache(t *testing.T) {
	ing := func(ctx context.Context, body io.Reader) (*Ingested, error) { return &Ingested{}, nil }
	st := seeded(t)
	h := newTestServer(t, Deps{Store: st, Ingest: ing, Token: "t", Limits: Limits{CacheTTL: time.Minute}})
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
	// A write to the store by another writer (not through the API): the
	// next answer is made again, with the new events.
	const dyad = "/api/v1/timeseries?actor=KAZ&partner=TKM&since=2025-01-01&until=2025-12-31"
	before := body(t, h, dyad)
	if got := get(dyad); got != "hit" {
		t.Fatalf("dyad: %q, want hit", got)
	}
	ev := event.Event{Date: "2025-06-03", Source: event.Actor{Code: "KAZ"}, Target: event.Actor{Code: "TKM"},
		Code: "042", Root: "04", Quad: 1, Goldstein: 1.9}
	if _, err := st.Put(context.Background(), &store.Doc{Article: store.Article{Published: "2025-06-03", Text: "A visit."},
		Coding: store.Coding{Events: []event.Event{ev}}}); err != nil {
		t.Fatal(err)
	}
	if got := get(dyad); got != "miss" {
		t.Errorf("after a write to the store: %q, want miss", got)
	}
	if after := body(t, h, dyad); after == before || !strings.Contains(after, `"events":1,`) {
		t.Errorf("the answer did not change with the store:\n%s\n%s", before, after)
	}
}

func body(t *testing.T, h http.Handler, target string) string {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
	if w.Code != 200 {
		t.Fatalf("%s: %d %s", target, w.Code, w.Body.String())
	}
	return w.Body.String()
}
