package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"farabi/internal/store"
)

// route is one API endpoint: its method and path, the query parameters it
// accepts (any other is refused, and the OpenAPI test compares these with
// the document), and its handler.
type route struct {
	method, path string
	params       []string
	// post marks a route that codes text: its own body limit and timeout,
	// and a turn among the coders.
	post    bool
	maxBody int64
	// cache marks a read route whose answers may be kept (Limits.CacheTTL).
	cache  bool
	handle func(r *request) (any, error)
}

// request is what a handler reads: the HTTP request with its validated
// query.
type request struct {
	*http.Request
	ctx context.Context
	q   query
}

// Error is an API error: its HTTP status, a short code for programs and a
// message for people.
type Error struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

func errorf(status int, code, format string, a ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, a...)}
}

// badRequest is a 400 for a bad parameter or body.
func badRequest(format string, a ...any) *Error {
	return errorf(http.StatusBadRequest, "bad_request", format, a...)
}

// asError maps an error to the API error answered for it: API errors as
// they are, a missing record to 404, a timeout to 504, a cancelled request
// to 499, and anything else to 500 with a message that reveals nothing.
func asError(err error) *Error {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e
	case errors.Is(err, store.ErrNotFound):
		return errorf(http.StatusNotFound, "not_found", "not found")
	case errors.Is(err, context.DeadlineExceeded):
		return errorf(http.StatusGatewayTimeout, "timeout", "the request took too long; narrow it (a shorter window, a smaller page)")
	case errors.Is(err, context.Canceled):
		return errorf(499, "cancelled", "the request was cancelled")
	}
	return errorf(http.StatusInternalServerError, "internal", "internal error; the server's log has the details")
}

// wrap turns a route into a handler: it checks the query and the body's
// size, bounds the handler's time, and writes its value or error as JSON.
func (s *Server) wrap(rt *route) http.Handler {
	allowed := map[string]bool{}
	for _, p := range rt.params {
		allowed[p] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.Path + "?" + r.URL.RawQuery
		cache := rt.cache && s.cache != nil
		var gen int64
		if cache {
			// The store's generation before the answer is made: an answer
			// is kept for the store as it was then, or newer.
			var err error
			if gen, err = s.generation(r.Context()); err != nil {
				logAttr(r, "cache", err.Error())
				cache = false
			}
		}
		if cache {
			if body, ok := s.cache.get(key, gen, time.Now()); ok {
				w.Header().Set("X-Cache", "hit")
				writeBody(w, http.StatusOK, body)
				return
			}
		}
		v, err := s.serve(rt, allowed, w, r)
		if err != nil {
			e := asError(err)
			if e.Status >= 500 {
				logAttr(r, "err", err.Error())
			}
			writeJSON(w, e.Status, map[string]*Error{"error": e})
			return
		}
		body, status := encode(v)
		if cache && status == http.StatusOK {
			s.cache.put(key, gen, body, time.Now())
			w.Header().Set("X-Cache", "miss")
		}
		writeBody(w, status, body)
	})
}

func (s *Server) serve(rt *route, allowed map[string]bool, w http.ResponseWriter, r *http.Request) (any, error) {
	q, err := parseQuery(r, allowed)
	if err != nil {
		return nil, err
	}
	timeout := s.d.Limits.Timeout
	if rt.post {
		timeout = s.d.Limits.CodeTimeout
	}
	if rt.maxBody > 0 {
		r.Body = http.MaxBytesReader(w, r.Body, rt.maxBody)
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	if rt.post {
		wait := time.NewTimer(s.d.Limits.Timeout)
		defer wait.Stop()
		select {
		case s.coders <- struct{}{}:
			defer func() { <-s.coders }()
		case <-wait.C:
			return nil, errorf(http.StatusServiceUnavailable, "busy", "every coder is busy; try again shortly")
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return rt.handle(&request{Request: r, ctx: ctx, q: q})
}

// writeJSON writes v as the response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, st := encode(v)
	if st != http.StatusOK {
		status = st
	}
	writeBody(w, status, body)
}

// encode encodes v as JSON; a value that cannot be encoded becomes a 500.
func encode(v any) ([]byte, int) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte(`{"error":{"status":500,"code":"internal","message":"cannot encode the answer"}}` + "\n"), http.StatusInternalServerError
	}
	return buf.Bytes(), http.StatusOK
}

// writeBody writes an encoded JSON answer.
func writeBody(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if status == http.StatusOK {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	w.Write(body)
}
