package server

import (
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"farabi/internal/analytics"
	"farabi/internal/store"
)

//go:embed openapi.json
var openAPI []byte

// routes is the API's table: the OpenAPI document describes exactly these
// (a test checks it).
func (s *Server) routes() []*route {
	window := []string{"since", "until", "period"}
	return []*route{
		{method: "GET", path: "/api/v1/status", handle: s.status},
		{method: "GET", path: "/api/v1/openapi.json", handle: func(*request) (any, error) { return json.RawMessage(openAPI), nil }},
		{method: "GET", path: "/api/v1/events", params: []string{"actor", "partner", "direction", "since", "until", "root", "code",
			"quad", "all_mentions", "limit", "after"}, cache: true, handle: s.events},
		{method: "GET", path: "/api/v1/articles/{id}", handle: s.article},
		{method: "GET", path: "/api/v1/actors", params: []string{"q"}, handle: s.actors},
		{method: "GET", path: "/api/v1/dyads", params: []string{"actor", "since", "until", "limit"}, cache: true, handle: s.dyads},
		{method: "GET", path: "/api/v1/network", params: []string{"actor", "since", "until", "size"}, cache: true, handle: s.network},
		{method: "GET", path: "/api/v1/vectors", params: append([]string{"actor"}, window...), cache: true, handle: s.vectors},
		{method: "GET", path: "/api/v1/timeseries", params: append([]string{"actor", "partner", "root", "quad"}, window...), cache: true, handle: s.timeseries},
		{method: "GET", path: "/api/v1/quotes", params: []string{"speaker", "search", "since", "until", "article", "limit", "after"}, cache: true, handle: s.quotes},
		{method: "GET", path: "/api/v1/search", params: []string{"q", "since", "until", "limit"}, cache: true, handle: s.search},
		{method: "GET", path: "/api/v1/alerts", params: []string{"actor", "since", "until", "baseline", "sd", "min"}, cache: true, handle: s.alerts},
		{method: "POST", path: "/api/v1/code", params: []string{"date"}, post: true, maxBody: s.d.Limits.CodeBytes, handle: s.code},
		{method: "POST", path: "/api/v1/ingest", post: true, maxBody: s.d.Limits.IngestBytes, handle: s.ingest},
	}
}

// status says what the server serves: the store's kind and span, the
// version and the blocs.
func (s *Server) status(r *request) (any, error) {
	first, last, err := s.d.Store.Span(r.ctx)
	if err != nil {
		return nil, err
	}
	return map[string]any{"store": s.d.Store.Kind(), "first_day": first, "last_day": last, "version": s.d.Version,
		"coding": s.d.Code != nil, "ingest": s.d.Ingest != nil && s.d.Token != ""}, nil
}

func (s *Server) events(r *request) (any, error) {
	f := r.q.eventFilter()
	if err := r.q.err(); err != nil {
		return nil, err
	}
	evs, next, err := s.d.Store.Events(r.ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]eventJSON, len(evs))
	for i := range evs {
		out[i] = storedJSON(&evs[i])
	}
	return map[string]any{"events": out, "next": next}, nil
}

// articleJSON is an article with its text cut to a preview.
type articleJSON struct {
	store.Article
	Truncated bool `json:"truncated,omitempty"`
}

// maxArticleText caps the text /articles/{id} returns.
const maxArticleText = 256 << 10

func (s *Server) article(r *request) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, badRequest("article id %q: want a positive number", r.PathValue("id"))
	}
	a, err := s.d.Store.Article(r.ctx, id)
	if err != nil {
		return nil, err
	}
	out := articleJSON{Article: *a}
	if len(out.Text) > maxArticleText {
		cut := maxArticleText
		for cut > 0 && !utf8.RuneStart(out.Text[cut]) {
			cut--
		}
		out.Text, out.Truncated = out.Text[:cut], true
	}
	return out, nil
}

// actorJSON is a country or organisation with its name, tile and bloc.
type actorJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Row  int    `json:"row"`
	Col  int    `json:"col"`
	Bloc string `json:"bloc"`
}

func (s *Server) actors(r *request) (any, error) {
	q := strings.ToLower(r.q.str("q"))
	bl := s.analyzer.Blocs()
	var out []actorJSON
	for _, p := range s.d.World {
		if q != "" && !strings.Contains(strings.ToLower(p.Code), q) && !strings.Contains(strings.ToLower(p.Name), q) {
			continue
		}
		out = append(out, actorJSON{Code: p.Code, Name: p.Name, Row: p.Row, Col: p.Col, Bloc: bl.List[bl.Of(p.Code)].ID})
	}
	return map[string]any{"actors": out, "blocs": bl.List}, nil
}

// dyadJSON is a dyad's events over a window.
type dyadJSON struct {
	Actor   string `json:"actor"`
	Partner string `json:"partner"`
	Name    string `json:"name,omitempty"` // the partner's
	analytics.Tally
}

// maxUnfocused caps the window of questions over every actor, which read
// every dyad of every day in it.
const maxUnfocused = 366

func (s *Server) dyads(r *request) (any, error) {
	actor := r.q.actor("actor", false)
	w := r.q.window()
	limit := r.q.int("limit", 50, 1, 1000)
	if err := r.q.err(); err != nil {
		return nil, err
	}
	if err := w.Resolve(r.ctx, s.d.Store); err != nil {
		return analyticsErr(w, err)
	}
	var out []dyadJSON
	if actor != "" {
		ps, err := s.analyzer.Partners(r.ctx, actor, w)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out = append(out, dyadJSON{Actor: actor, Partner: p.Partner, Name: s.names[p.Partner], Tally: p.Tally})
		}
	} else {
		if days(w) > maxUnfocused {
			return nil, badRequest("without an actor the window is at most %d days", maxUnfocused)
		}
		bs, err := s.d.Store.Aggregate(r.ctx, store.AggFilter{EventFilter: store.EventFilter{Since: w.Since, Until: w.Until},
			By: []store.Dim{store.BySource, store.ByTarget, store.ByQuad}})
		if err != nil {
			return nil, err
		}
		pairs := map[[2]string]*dyadJSON{}
		for _, b := range bs {
			x, y := b.Source, b.Target
			if x == y || !analytics.ValidCode(x) || !analytics.ValidCode(y) {
				continue
			}
			if y < x {
				x, y = y, x
			}
			d := pairs[[2]string{x, y}]
			if d == nil {
				d = &dyadJSON{Actor: x, Partner: y, Name: s.names[y]}
				pairs[[2]string{x, y}] = d
			}
			d.Tally.Add(b)
		}
		for _, d := range pairs {
			out = append(out, *d)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Events != out[j].Events {
				return out[i].Events > out[j].Events
			}
			return out[i].Actor+out[i].Partner < out[j].Actor+out[j].Partner
		})
	}
	if len(out) > limit {
		out = out[:limit]
	}
	if out == nil {
		out = []dyadJSON{}
	}
	return map[string]any{"window": w, "dyads": out}, nil
}

func days(w analytics.Window) int {
	a, _ := time.Parse("2006-01-02", w.Since)
	b, _ := time.Parse("2006-01-02", w.Until)
	return int(b.Sub(a).Hours()/24) + 1
}

func (s *Server) network(r *request) (any, error) {
	actor := r.q.actor("actor", true)
	w := r.q.window()
	size := r.q.int("size", 12, 1, analytics.MaxNetwork)
	if err := r.q.err(); err != nil {
		return nil, err
	}
	return analyticsErr(s.analyzer.Network(r.ctx, actor, w, size))
}

func (s *Server) vectors(r *request) (any, error) {
	actor := r.q.actor("actor", true)
	w := r.q.window()
	if err := r.q.err(); err != nil {
		return nil, err
	}
	return analyticsErr(s.analyzer.Vectors(r.ctx, actor, w))
}

func (s *Server) timeseries(r *request) (any, error) {
	actor, partner := r.q.actor("actor", false), r.q.actor("partner", false)
	w := r.q.window()
	sf := analytics.SeriesFilter{Root: r.q.str("root"), Quad: r.q.int("quad", 0, 1, 4)}
	if sf.Root != "" && (len(sf.Root) != 2 || !digits(sf.Root)) {
		r.q.bad("root=%q: want two digits, 01–20", sf.Root)
	}
	if err := r.q.err(); err != nil {
		return nil, err
	}
	if actor == "" && partner == "" {
		if err := w.Resolve(r.ctx, s.d.Store); err != nil {
			return analyticsErr(w, err)
		}
		if days(w) > maxUnfocused {
			return nil, badRequest("without an actor the window is at most %d days", maxUnfocused)
		}
	}
	return analyticsErr(s.analyzer.Series(r.ctx, actor, partner, w, sf))
}

// analyticsErr passes a result on, making a question the analytics
// cannot answer a 400.
func analyticsErr[T any](v T, err error) (any, error) {
	var qe *analytics.QuestionError
	if errors.As(err, &qe) {
		return nil, badRequest("%s", qe.Msg)
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

func (s *Server) quotes(r *request) (any, error) {
	f := store.QuoteFilter{Speaker: r.q.actor("speaker", false), Search: r.q.str("search"), Since: r.q.day("since"),
		Until: r.q.day("until"), ArticleID: int64(r.q.int("article", 0, 1, 1<<62)), Limit: r.q.int("limit", 50, 1, 1000), After: r.q.cursor()}
	if err := r.q.err(); err != nil {
		return nil, err
	}
	qs, next, err := s.d.Store.Quotes(r.ctx, f)
	if err != nil {
		return nil, err
	}
	if qs == nil {
		qs = []store.Quote{}
	}
	return map[string]any{"quotes": qs, "next": next}, nil
}

func (s *Server) search(r *request) (any, error) {
	q := store.SearchQuery{Text: r.q.str("q"), Since: r.q.day("since"), Until: r.q.day("until"), Limit: r.q.int("limit", 20, 1, 100)}
	if strings.TrimSpace(q.Text) == "" {
		r.q.bad("q is required: the words to find")
	}
	if err := r.q.err(); err != nil {
		return nil, err
	}
	hits, err := s.d.Store.Search(r.ctx, q)
	if err != nil {
		return nil, err
	}
	if hits == nil {
		hits = []store.Hit{}
	}
	return map[string]any{"hits": hits}, nil
}

func (s *Server) alerts(r *request) (any, error) {
	o := analytics.AlertOptions{Actor: r.q.actor("actor", false), Since: r.q.day("since"), Until: r.q.day("until"),
		Baseline: r.q.int("baseline", 12, 2, 104), SD: r.q.float("sd", 3, 0.5, 20), Min: r.q.int("min", 5, 1, 1000)}
	if err := r.q.err(); err != nil {
		return nil, err
	}
	if o.Actor == "" && o.Since != "" {
		until := o.Until
		if until == "" {
			_, last, err := s.d.Store.Span(r.ctx)
			if err != nil {
				return nil, err
			}
			until = last
		}
		if until != "" && days(analytics.Window{Since: o.Since, Until: until}) > 26*7 {
			return nil, badRequest("without an actor, alerts look at most 26 weeks back")
		}
	}
	al, err := s.analyzer.Alerts(r.ctx, o)
	if err != nil {
		return analyticsErr(al, err)
	}
	if al == nil {
		al = []analytics.Alert{}
	}
	return map[string]any{"alerts": al}, nil
}

// codeRequest is the body of POST /code as JSON.
type codeRequest struct {
	Text string `json:"text"`
	Date string `json:"date"`
}

func (s *Server) code(r *request) (any, error) {
	if s.d.Code == nil {
		return nil, errorf(http.StatusServiceUnavailable, "unavailable", "this server does not code text")
	}
	day := r.q.day("date")
	if err := r.q.err(); err != nil {
		return nil, err
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, errorf(http.StatusRequestEntityTooLarge, "too_large", "the text is over %d bytes", mb.Limit)
		}
		return nil, badRequest("reading the body: %v", err)
	}
	text := string(body)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var cr codeRequest
		if err := json.Unmarshal(body, &cr); err != nil {
			return nil, badRequest("body: %v", err)
		}
		text = cr.Text
		if cr.Date != "" {
			if _, err := time.Parse("2006-01-02", cr.Date); err != nil {
				return nil, badRequest("date %q: want YYYY-MM-DD", cr.Date)
			}
			day = cr.Date
		}
	}
	if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
		return nil, badRequest("the text is not UTF-8 text")
	}
	if strings.TrimSpace(text) == "" {
		return nil, badRequest("no text: post it as text/plain or as JSON {\"text\", \"date\"}")
	}
	if day == "" {
		day = time.Now().UTC().Format("2006-01-02")
	}
	c, err := s.d.Code(r.ctx, text, day)
	if err != nil {
		return nil, err
	}
	evs := make([]eventJSON, len(c.Events))
	for i := range c.Events {
		evs[i] = codedJSON(&c.Events[i])
	}
	qs := c.Quotes
	if qs == nil {
		qs = []store.Quote{}
	}
	return map[string]any{"date": day, "sentences": c.Sentences, "events": evs, "quotes": qs}, nil
}

func (s *Server) ingest(r *request) (any, error) {
	if s.d.Token == "" {
		return nil, errorf(http.StatusForbidden, "no_token", "ingest over HTTP is off: start the server with FARABI_TOKEN set")
	}
	auth := r.Header.Get("Authorization")
	got, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.d.Token)) != 1 {
		return nil, errorf(http.StatusUnauthorized, "unauthorized", "ingest needs the header Authorization: Bearer $FARABI_TOKEN")
	}
	if s.d.Ingest == nil {
		return nil, errorf(http.StatusServiceUnavailable, "unavailable", "this server does not ingest")
	}
	res, err := s.d.Ingest(r.ctx, r.Body)
	s.cache.clear()
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, errorf(http.StatusRequestEntityTooLarge, "too_large", "the body is over %d bytes", mb.Limit)
		}
		return nil, err
	}
	return res, nil
}
