package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"
)

// logKey keys a request's extra log attributes in its context.
type logKey struct{}

type logNotes struct{ attrs []any }

// logAttr adds key and value to the request's access-log line.
func logAttr(r *http.Request, key string, value any) {
	if n, ok := r.Context().Value(logKey{}).(*logNotes); ok {
		n.attrs = append(n.attrs, key, value)
	}
}

// recorder notes the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// logged wraps h with security headers, panic recovery and one structured
// access-log line per request: method, path, query, status, bytes,
// duration and the client's address.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		notes := &logNotes{}
		r = r.WithContext(context.WithValue(r.Context(), logKey{}, notes))
		rec := &recorder{ResponseWriter: w}
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.d.Log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if rec.status == 0 {
					writeJSON(rec, http.StatusInternalServerError, map[string]*Error{"error": errorf(500, "internal", "internal error")})
				}
			}
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelError
			}
			attrs := []any{"method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery, "status", status,
				"bytes", rec.bytes, "ms", float64(time.Since(start).Microseconds()) / 1000, "remote", r.RemoteAddr}
			s.d.Log.Log(r.Context(), level, "http", append(attrs, notes.attrs...)...)
		}()
		h.ServeHTTP(rec, r)
	})
}
