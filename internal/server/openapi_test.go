package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"farabi/internal/event"
)

// apiDoc is the part of an OpenAPI document the test reads.
type apiDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas    map[string]*schema     `json:"schemas"`
		Parameters map[string]param       `json:"parameters"`
		Responses  map[string]apiResponse `json:"responses"`
	} `json:"components"`
}

type operation struct {
	Parameters []param                `json:"parameters"`
	Responses  map[string]apiResponse `json:"responses"`
}

type param struct {
	Ref      string `json:"$ref"`
	Name     string `json:"name"`
	In       string `json:"in"`
	Required bool   `json:"required"`
}

type apiResponse struct {
	Ref     string `json:"$ref"`
	Content map[string]struct {
		Schema *schema `json:"schema"`
	} `json:"content"`
}

type schema struct {
	Ref        string             `json:"$ref"`
	Type       string             `json:"type"`
	Properties map[string]*schema `json:"properties"`
	Required   []string           `json:"required"`
	Items      *schema            `json:"items"`
	Enum       []any              `json:"enum"`
	Nullable   bool               `json:"nullable"`
}

func loadDoc(t *testing.T) *apiDoc {
	t.Helper()
	var d apiDoc
	if err := json.Unmarshal(openAPI, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(d.OpenAPI, "3.") {
		t.Fatalf("openapi %q", d.OpenAPI)
	}
	return &d
}

func (d *apiDoc) op(t *testing.T, path, method string) *operation {
	t.Helper()
	raw, ok := d.Paths[path][strings.ToLower(method)]
	if !ok {
		return nil
	}
	var o operation
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	for i, p := range o.Parameters {
		if p.Ref != "" {
			o.Parameters[i] = d.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
		}
	}
	for k, r := range o.Responses {
		if r.Ref != "" {
			o.Responses[k] = d.Components.Responses[strings.TrimPrefix(r.Ref, "#/components/responses/")]
		}
	}
	return &o
}

func (d *apiDoc) resolve(s *schema) *schema {
	for s != nil && s.Ref != "" {
		s = d.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")]
	}
	return s
}

// check validates v against s: types, required properties, no property
// the document does not name, enums.
func (d *apiDoc) check(s *schema, v any, at string) []string {
	s = d.resolve(s)
	if s == nil {
		return []string{at + ": no schema"}
	}
	if v == nil {
		if s.Nullable {
			return nil
		}
		return []string{at + ": null"}
	}
	var errs []string
	if len(s.Enum) > 0 {
		ok := false
		for _, e := range s.Enum {
			if e == v {
				ok = true
			}
		}
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: %v not in %v", at, v, s.Enum))
		}
	}
	switch s.Type {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: %T, want an object", at, v))
		}
		if s.Properties == nil {
			return errs // free-form
		}
		for _, r := range s.Required {
			if _, ok := m[r]; !ok {
				errs = append(errs, fmt.Sprintf("%s: required %q missing", at, r))
			}
		}
		for k, x := range m {
			p, ok := s.Properties[k]
			if !ok {
				errs = append(errs, fmt.Sprintf("%s: %q is not in the document", at, k))
				continue
			}
			errs = append(errs, d.check(p, x, at+"."+k)...)
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: %T, want an array", at, v))
		}
		for i, x := range a {
			if i >= 20 {
				break
			}
			errs = append(errs, d.check(s.Items, x, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		if _, ok := v.(string); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want a string", at, v))
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			errs = append(errs, fmt.Sprintf("%s: %v, want an integer", at, v))
		}
	case "number":
		if _, ok := v.(float64); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want a number", at, v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want a boolean", at, v))
		}
	}
	return errs
}

// TestOpenAPIRoutes checks that the document and the route table name the
// same routes and the same parameters.
func TestOpenAPIRoutes(t *testing.T) {
	d := loadDoc(t)
	s, err := New(Deps{Store: seeded(t)})
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for path, ops := range d.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+path] = true
		}
	}
	for _, rt := range s.routes() {
		key := rt.method + " " + rt.path
		o := d.op(t, rt.path, rt.method)
		if o == nil {
			t.Errorf("%s is not documented", key)
			continue
		}
		delete(documented, key)
		var query, path []string
		for _, p := range o.Parameters {
			switch p.In {
			case "query":
				query = append(query, p.Name)
			case "path":
				path = append(path, p.Name)
			}
		}
		want := append([]string(nil), rt.params...)
		sort.Strings(want)
		sort.Strings(query)
		if strings.Join(want, ",") != strings.Join(query, ",") {
			t.Errorf("%s: the handler takes %v, the document says %v", key, want, query)
		}
		for _, p := range path {
			if !strings.Contains(rt.path, "{"+p+"}") {
				t.Errorf("%s: path parameter %q not in the path", key, p)
			}
		}
		if o.Responses["200"].Content == nil || o.Responses["400"].Content == nil {
			t.Errorf("%s: no 200 or 400 response documented", key)
		}
	}
	for k := range documented {
		t.Errorf("%s is documented but not served", k)
	}
}

// TestOpenAPIResponses calls every route and checks its answers, and its
// errors, against the document's schemas.
func TestOpenAPIResponses(t *testing.T) {
	d := loadDoc(t)
	coder := func(ctx context.Context, text, day string) (*Coded, error) {
		return &Coded{Sentences: 1, Events: []event.Event{{Date: day, Code: "036", Root: "03", Quad: 1, SentenceText: text,
			Source: event.Actor{Code: "KAZ", Text: "Kazakhstan"}, Target: event.Actor{Code: "CHN", Text: "China"}}}}, nil
	}
	ing := func(ctx context.Context, body io.Reader) (*Ingested, error) {
		return &Ingested{Read: 1, Articles: 1}, nil
	}
	h := newTestServer(t, Deps{Code: coder, Ingest: ing, Token: "tok"})
	for _, tc := range []struct {
		method, path, target, body string
		status                     int
	}{
		{"GET", "/api/v1/status", "/api/v1/status", "", 200},
		{"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", 200},
		{"GET", "/api/v1/events", "/api/v1/events?actor=KAZ&limit=30", "", 200},
		{"GET", "/api/v1/events", "/api/v1/events?all_mentions=true&quad=4&direction=out&actor=KAZ", "", 200},
		{"GET", "/api/v1/articles/{id}", "/api/v1/articles/1", "", 200},
		{"GET", "/api/v1/articles/{id}", "/api/v1/articles/99999", "", 404},
		{"GET", "/api/v1/actors", "/api/v1/actors", "", 200},
		{"GET", "/api/v1/dyads", "/api/v1/dyads?actor=KAZ", "", 200},
		{"GET", "/api/v1/dyads", "/api/v1/dyads?since=2025-06-01", "", 200},
		{"GET", "/api/v1/network", "/api/v1/network?actor=KAZ&size=5", "", 200},
		{"GET", "/api/v1/vectors", "/api/v1/vectors?actor=KAZ&period=week&since=2025-03-01", "", 200},
		{"GET", "/api/v1/vectors", "/api/v1/vectors?actor=KAZ&period=year", "", 400},
		{"GET", "/api/v1/timeseries", "/api/v1/timeseries?actor=KAZ&partner=CHN", "", 200},
		{"GET", "/api/v1/timeseries", "/api/v1/timeseries?since=2025-06-01&root=04", "", 200},
		{"GET", "/api/v1/quotes", "/api/v1/quotes?speaker=KAZ&limit=5", "", 200},
		{"GET", "/api/v1/search", "/api/v1/search?q=Japan", "", 200},
		{"GET", "/api/v1/alerts", "/api/v1/alerts?actor=KAZ&since=2025-01-01&min=2", "", 200},
		{"GET", "/api/v1/alerts", "/api/v1/alerts", "", 200},
		{"POST", "/api/v1/code", "/api/v1/code", "Kazakhstan and China met.", 200},
		{"POST", "/api/v1/ingest", "/api/v1/ingest", "x", 401},
	} {
		req := httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != tc.status {
			t.Errorf("%s %s: %d, want %d: %.300s", tc.method, tc.target, w.Code, tc.status, w.Body.String())
			continue
		}
		o := d.op(t, tc.path, tc.method)
		resp, ok := o.Responses[fmt.Sprint(tc.status)]
		if !ok {
			t.Errorf("%s %s: status %d is not documented", tc.method, tc.path, tc.status)
			continue
		}
		var v any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", tc.target, err)
		}
		for _, e := range d.check(resp.Content["application/json"].Schema, v, tc.target) {
			t.Error(e)
		}
	}
	// A token-bearing ingest, and an answer with every event field set.
	req := httptest.NewRequest("POST", "/api/v1/ingest", strings.NewReader("x"))
	req.Header.Set("Authorization", "Bearer tok")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var v any
	json.Unmarshal(w.Body.Bytes(), &v)
	if w.Code != http.StatusOK {
		t.Fatalf("ingest: %d", w.Code)
	}
	for _, e := range d.check(d.op(t, "/api/v1/ingest", "POST").Responses["200"].Content["application/json"].Schema, v, "ingest") {
		t.Error(e)
	}
}
