package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestPost(t *testing.T) {
	for _, tc := range []struct {
		name     string
		statuses []int // answers in turn; the last repeats
		slow     bool  // the first answer comes after the timeout
		want     int   // attempts
		wantErr  int   // the final status, 0 for success, -1 for a timeout
	}{
		{"ok", []int{200}, false, 1, 0},
		{"retried", []int{503, 502, 204}, false, 3, 0},
		{"gives up", []int{500}, false, 3, 500},
		{"refused", []int{400, 200}, false, 1, 400},
		{"rate limited", []int{429, 200}, false, 2, 0},
		{"timeout then ok", []int{200}, true, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				i := int(n.Add(1)) - 1
				var v map[string]int
				if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" ||
					json.NewDecoder(r.Body).Decode(&v) != nil || v["x"] != 1 {
					t.Errorf("bad request %s %v", r.Method, v)
				}
				if tc.slow && i == 0 {
					time.Sleep(300 * time.Millisecond)
				}
				w.WriteHeader(tc.statuses[min(i, len(tc.statuses)-1)])
			}))
			defer srv.Close()
			c := &Client{URL: srv.URL, Timeout: 100 * time.Millisecond, Retries: 2, Backoff: time.Millisecond}
			err := c.Post(context.Background(), map[string]int{"x": 1})
			var se *StatusError
			switch {
			case tc.wantErr == 0 && err != nil:
				t.Errorf("error %v", err)
			case tc.wantErr > 0 && (!errors.As(err, &se) || se.Status != tc.wantErr):
				t.Errorf("error %v, want status %d", err, tc.wantErr)
			}
			if got := int(n.Load()); got != tc.want {
				t.Errorf("%d attempts, want %d", got, tc.want)
			}
		})
	}
}

func TestPostCancelled(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	c := &Client{URL: srv.URL, Retries: 5, Backoff: time.Second}
	start := time.Now()
	if err := c.Post(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want the context's", err)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("took %v after the context ended", d)
	}
}
