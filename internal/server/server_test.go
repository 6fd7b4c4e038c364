package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"farabi/internal/event"
	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// seedFile is the store that seeded copies, written once for the
// package's tests (filling it takes most of a minute under the race
// detector); TestMain removes it.
var (
	seedOnce sync.Once
	seedFile string
	seedErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if seedFile != "" {
		os.RemoveAll(filepath.Dir(seedFile))
	}
	os.Exit(code)
}

// seeded returns a SQLite store of its own with synthetic stories and one
// story whose event has real evidence: a copy of seedFile.
func seeded(t testing.TB) store.Store {
	t.Helper()
	seedOnce.Do(func() { seedFile, seedErr = writeSeed() })
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	b, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	if err := os.WriteFile(db, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// writeSeed writes the store seeded copies and closes it, so that its
// write-ahead log is folded into the file.
func writeSeed() (string, error) {
	dir, err := os.MkdirTemp("", "farabi-server-seed")
	if err != nil {
		return "", err
	}
	db := filepath.Join(dir, "s.db")
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		return "", err
	}
	defer s.Close()
	docs, copyOf := storetest.Synthetic(400, storetest.Options{Seed: 5, Copies: 0.2, Focal: 0.5, Days: 365,
		Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if _, err := storetest.Put(ctx, s, docs, copyOf, 100); err != nil {
		return "", err
	}
	text := "Astana, June 2. Kazakhstan and Japan signed a trade agreement. “We value this,” said Tokayev."
	sent := "Kazakhstan and Japan signed a trade agreement."
	at := strings.Index(text, sent)
	ev := event.Event{Sentence: 1, Date: "2025-06-02", Code: "057", Root: "05", Quad: 1, Goldstein: 8, Rule: "sign-agreement",
		Confidence: 0.9, Predicate: "signed", PredicateStart: at + strings.Index(sent, "signed"), PredicateEnd: at + strings.Index(sent, "signed") + 6,
		Source: event.Actor{Code: "KAZGOV", Text: "Kazakhstan", Start: at, End: at + 10},
		Target: event.Actor{Code: "JPN", Text: "Japan", Start: at + 15, End: at + 20}, SentenceText: sent}
	q := strings.Index(text, "We value")
	res, err := s.Put(ctx, &store.Doc{Article: store.Article{URL: "https://example.org/kaz-jpn", Outlet: "wire", Title: "Kazakhstan and Japan",
		Published: "2025-06-02", Text: text}, Coding: store.Coding{Sentences: 3, Events: []event.Event{ev},
		Quotes: []store.Quote{{Sentence: 2, Text: "We value this", Start: q, End: q + 13, SpeakerCode: "KAZGOV", SpeakerText: "Tokayev"}}}})
	if err != nil {
		return "", err
	}
	if res[0].Err != nil {
		return "", res[0].Err
	}
	return db, nil // the deferred Close folds the log into the file
}

func newTestServer(t testing.TB, d Deps) http.Handler {
	t.Helper()
	if d.Store == nil {
		d.Store = seeded(t)
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	s, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler()
}

// call makes a request and decodes its JSON answer.
func call(t testing.TB, h http.Handler, method, target string, body io.Reader, hdr ...string) (int, map[string]any, http.Header) {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s %s: content type %q: %s", method, target, ct, w.Body.String())
	}
	var v map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("%s %s: %v: %s", method, target, err, w.Body.String())
	}
	return w.Code, v, w.Header()
}

func TestEvents(t *testing.T) {
	h := newTestServer(t, Deps{})
	code, v, _ := call(t, h, "GET", "/api/v1/events?actor=kaz&partner=JPN&since=2025-06-02&until=2025-06-02&limit=1000", nil)
	if code != 200 {
		t.Fatalf("%d %v", code, v)
	}
	evs := v["events"].([]any)
	var found map[string]any
	for _, e := range evs {
		if e.(map[string]any)["rule"] == "sign-agreement" {
			found = e.(map[string]any)
		}
	}
	if found == nil {
		t.Fatalf("the agreement is not among %d events", len(evs))
	}
	var parts []Part
	b, _ := json.Marshal(found["evidence"])
	json.Unmarshal(b, &parts)
	want := []Part{{"Kazakhstan", "source"}, {" and ", ""}, {"Japan", "target"}, {" ", ""}, {"signed", "predicate"}, {" a trade agreement.", ""}}
	if !equalParts(parts, want) {
		t.Errorf("evidence %+v, want %+v", parts, want)
	}
	// Paging: pages of 7 cover the listing once, in order.
	seen := map[float64]bool{}
	next, pages := "", 0
	for {
		code, v, _ := call(t, h, "GET", "/api/v1/events?actor=KAZ&partner=CHN&limit=7&after="+next, nil)
		if code != 200 {
			t.Fatalf("page %d: %d %v", pages, code, v)
		}
		for _, e := range v["events"].([]any) {
			id := e.(map[string]any)["distinct_id"].(float64)
			if seen[id] {
				t.Fatalf("event %v twice", id)
			}
			seen[id] = true
		}
		pages++
		next = v["next"].(string)
		if next == "" {
			break
		}
	}
	if pages < 3 {
		t.Errorf("%d pages", pages)
	}
}

func equalParts(a, b []Part) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestErrors(t *testing.T) {
	h := newTestServer(t, Deps{Token: "secret"})
	for _, tc := range []struct {
		method, target string
		body           string
		hdr            []string
		status         int
		code           string
	}{
		{"GET", "/api/v1/events?limit=5000", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/events?color=red", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/events?since=2025-02-30", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/events?actor=K%40Z", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/events?after=garbage", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/events?limit=1&limit=2", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/vectors", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/vectors?actor=KAZ&period=day", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/vectors?actor=KAZ&since=1900-01-01&period=week", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/vectors?actor=KAZ&since=2025-05-01&until=2025-01-01", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/timeseries?since=2020-01-01", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/dyads?since=2020-01-01", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/network?actor=KAZ&size=100", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/alerts?since=2020-01-01", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/search", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/articles/999999", "", nil, 404, "not_found"},
		{"GET", "/api/v1/articles/x", "", nil, 400, "bad_request"},
		{"GET", "/api/v1/nothing", "", nil, 404, "not_found"},
		{"DELETE", "/api/v1/events", "", nil, 405, "method_not_allowed"},
		{"POST", "/api/v1/code", "Kazakhstan and China met.", nil, 503, "unavailable"},
		{"POST", "/api/v1/ingest", "x", nil, 401, "unauthorized"},
		{"POST", "/api/v1/ingest", "x", []string{"Authorization", "Bearer wrong"}, 401, "unauthorized"},
		{"POST", "/api/v1/ingest", "x", []string{"Authorization", "Bearer secret"}, 503, "unavailable"},
	} {
		code, v, _ := call(t, h, tc.method, tc.target, strings.NewReader(tc.body), tc.hdr...)
		e, _ := v["error"].(map[string]any)
		if code != tc.status || e == nil || e["code"] != tc.code || e["status"] != float64(tc.status) || e["message"] == "" {
			t.Errorf("%s %s: %d %v; want %d %s", tc.method, tc.target, code, v, tc.status, tc.code)
		}
	}
	// Without a token, ingest is refused whatever the header.
	h = newTestServer(t, Deps{})
	if code, v, _ := call(t, h, "POST", "/api/v1/ingest", strings.NewReader("x"), "Authorization", "Bearer "); code != 403 {
		t.Errorf("ingest without a token: %d %v", code, v)
	}
}

func TestCodeAndIngest(t *testing.T) {
	var gotDay string
	coder := func(ctx context.Context, text, day string) (*Coded, error) {
		gotDay = day
		sent := strings.TrimSpace(text)
		return &Coded{Sentences: 1, Events: []event.Event{{Date: day, Code: "036", Root: "03", Quad: 1, Rule: "r", Confidence: 0.5,
			Source: event.Actor{Code: "KAZ", Text: "Kazakhstan", Start: 0, End: 10}, Target: event.Actor{Code: "CHN", Text: "China", Start: 15, End: 20},
			Predicate: "met", PredicateStart: 21, PredicateEnd: 24, SentenceText: sent}}}, nil
	}
	var ingested string
	ing := func(ctx context.Context, body io.Reader) (*Ingested, error) {
		b, err := io.ReadAll(body)
		ingested = string(b)
		return &Ingested{Read: 1, Articles: 1}, err
	}
	h := newTestServer(t, Deps{Code: coder, Ingest: ing, Token: "tok", Limits: Limits{CodeBytes: 100}})
	code, v, _ := call(t, h, "POST", "/api/v1/code?date=2025-03-01", strings.NewReader("Kazakhstan and China met."))
	if code != 200 || gotDay != "2025-03-01" || len(v["events"].([]any)) != 1 {
		t.Fatalf("code: %d %v", code, v)
	}
	code, v, _ = call(t, h, "POST", "/api/v1/code", strings.NewReader(`{"text":"Kazakhstan and China met.","date":"2025-04-01"}`), "Content-Type", "application/json")
	if code != 200 || gotDay != "2025-04-01" {
		t.Errorf("code JSON: %d %v", code, v)
	}
	for _, tc := range []struct {
		body   string
		status int
	}{{strings.Repeat("x", 101), 413}, {"  ", 400}, {"bad \xff", 400}} {
		if code, v, _ := call(t, h, "POST", "/api/v1/code", strings.NewReader(tc.body)); code != tc.status {
			t.Errorf("code %q: %d %v, want %d", tc.body[:min(10, len(tc.body))], code, v, tc.status)
		}
	}
	code, v, _ = call(t, h, "POST", "/api/v1/ingest", strings.NewReader(`{"text":"x"}`), "Authorization", "Bearer tok")
	if code != 200 || v["articles"] != 1.0 || ingested != `{"text":"x"}` {
		t.Errorf("ingest: %d %v %q", code, v, ingested)
	}
}

func TestEvidence(t *testing.T) {
	sent := "Президент Токаев встретился с Си Цзиньпином в Астане."
	base := 100
	at := func(s string) int { return base + strings.Index(sent, s) }
	for _, tc := range []struct {
		name string
		e    event.Event
		want []Part
	}{
		{"offsets", event.Event{SentenceText: sent, Predicate: "встретился", PredicateStart: at("встретился"), PredicateEnd: at("встретился") + len("встретился"),
			Source: event.Actor{Text: "Токаев", Start: at("Токаев"), End: at("Токаев") + len("Токаев")},
			Target: event.Actor{Text: "Си Цзиньпином", Start: at("Си"), End: at("Си") + len("Си Цзиньпином")}},
			[]Part{{"Президент ", ""}, {"Токаев", "source"}, {" ", ""}, {"встретился", "predicate"}, {" с ", ""}, {"Си Цзиньпином", "target"}, {" в Астане.", ""}}},
		{"actor from the story", event.Event{SentenceText: sent, Predicate: "встретился", PredicateStart: at("встретился"), PredicateEnd: at("встретился") + len("встретился"),
			Source: event.Actor{Text: "Kazakhstan", Start: 3, End: 13}},
			[]Part{{"Президент Токаев ", ""}, {"встретился", "predicate"}, {" с Си Цзиньпином в Астане.", ""}}},
		{"no offsets", event.Event{SentenceText: sent, Predicate: "встретился", Source: event.Actor{Text: "Токаев"}},
			[]Part{{"Президент ", ""}, {"Токаев", "source"}, {" ", ""}, {"встретился", "predicate"}, {" с Си Цзиньпином в Астане.", ""}}},
		{"empty", event.Event{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Evidence(&tc.e)
			if !equalParts(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
			var b strings.Builder
			for _, p := range got {
				b.WriteString(p.Text)
			}
			if b.String() != tc.e.SentenceText {
				t.Errorf("parts join to %q", b.String())
			}
		})
	}
}

func FuzzEvidence(f *testing.F) {
	f.Add("Kazakhstan and China met.", "met", 20, 23, "Kazakhstan", 0, 10)
	f.Fuzz(func(t *testing.T, sent, pred string, ps, pe int, src string, ss, se int) {
		e := event.Event{SentenceText: sent, Predicate: pred, PredicateStart: ps, PredicateEnd: pe, Source: event.Actor{Text: src, Start: ss, End: se}}
		var b strings.Builder
		for _, p := range Evidence(&e) {
			b.WriteString(p.Text)
		}
		if b.String() != sent {
			t.Fatalf("parts join to %q, not %q", b.String(), sent)
		}
	})
}

func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	h := newTestServer(t, Deps{Log: slog.New(slog.NewJSONHandler(&buf, nil))})
	call(t, h, "GET", "/api/v1/vectors?actor=KAZ&since=2025-01-01", nil)
	var line map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(buf.Bytes()), &line); err != nil {
		t.Fatalf("%v: %q", err, buf.String())
	}
	for _, k := range []string{"method", "path", "query", "status", "bytes", "ms", "remote"} {
		if _, ok := line[k]; !ok {
			t.Errorf("no %q in %v", k, line)
		}
	}
	if line["status"] != 200.0 || line["path"] != "/api/v1/vectors" {
		t.Errorf("log %v", line)
	}
}
