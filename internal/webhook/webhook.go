// Package webhook posts JSON documents to a URL, as "farabi watch" does
// with new alerts: each attempt has a timeout, and failures that may pass
// (a network error, a timeout, 408, 429 or a 5xx status) are retried with
// a doubling wait, while a refusal (another 4xx) is final. It keeps no
// state: remembering what was sent is the caller's.
package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Client posts to one URL. The zero value of each option takes its
// default; a Client is safe for concurrent use.
type Client struct {
	URL string
	// Timeout bounds each attempt (default 10 s); Retries is the number of
	// attempts after the first (default 3; -1 for none); Backoff is the
	// wait before the first retry, doubled for each next (default 1 s).
	Timeout time.Duration
	Retries int
	Backoff time.Duration
	// HTTP sends the requests (default http.DefaultClient, with Timeout
	// per attempt).
	HTTP *http.Client
	// UserAgent is sent with each request (default "farabi").
	UserAgent string
}

// StatusError is a response whose status says the post failed.
type StatusError struct {
	URL    string
	Status int
	Body   string // the start of the response's body
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("webhook %s: %d %s: %s", e.URL, e.Status, http.StatusText(e.Status), e.Body)
}

// retryable says whether a failed attempt may succeed if tried again.
func retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status == http.StatusRequestTimeout || se.Status == http.StatusTooManyRequests || se.Status >= 500
	}
	return true // network errors and timeouts
}

// Post sends v as JSON and returns nil when the server answers 2xx. It
// returns the last attempt's error otherwise, or ctx's error when ctx ends
// first.
func (c *Client) Post(ctx context.Context, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	retries, wait := c.Retries, c.Backoff
	if retries == 0 {
		retries = 3
	}
	if wait <= 0 {
		wait = time.Second
	}
	for attempt := 0; ; attempt++ {
		err = c.attempt(ctx, body)
		if err == nil || !retryable(err) || attempt >= retries {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		wait *= 2
	}
}

func (c *Client) attempt(ctx context.Context, body []byte) error {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	ua := c.UserAgent
	if ua == "" {
		ua = "farabi"
	}
	req.Header.Set("User-Agent", ua)
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("webhook %s: %w", c.URL, err)
	}
	defer resp.Body.Close()
	head, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20)) // let the connection be reused
	if resp.StatusCode/100 != 2 {
		return &StatusError{URL: c.URL, Status: resp.StatusCode, Body: string(bytes.TrimSpace(head))}
	}
	return nil
}
