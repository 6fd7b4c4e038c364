// Package fetch gets web pages and feeds politely and safely. A [Client]
// sends a User-Agent naming farabi, waits between requests to one host,
// times out, follows a few redirects, accepts gzip, reads at most a set
// number of bytes (cutting the body there and saying so), and makes
// conditional requests (ETag, Last-Modified) from a [State] so that a feed
// polled again is not downloaded again when it has not changed.
//
// It fetches only http and https URLs, and refuses to connect to loopback,
// private, link-local and other non-public addresses unless
// [Options.AllowPrivate] is set: the check is made on the address actually
// dialled, after name resolution and on every redirect, so neither a
// hostname that resolves to 127.0.0.1 nor a redirect to one gets through.
//
// A Client is safe for concurrent use.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Options configure a Client. The zero value is usable: every field has a
// default.
type Options struct {
	// UserAgent names the client and its version, e.g. "farabi/0.1.0";
	// default "farabi".
	UserAgent string
	// Timeout bounds a whole request, body included; default 30 s.
	Timeout time.Duration
	// MaxBytes is the most bytes of a body read (after decompression);
	// default 16 MiB. A longer body is cut and Response.Truncated set.
	MaxBytes int64
	// MaxRedirects is how many redirects one request follows; default 5.
	MaxRedirects int
	// PerHost is the least time between two requests to one host;
	// default 1 s. Negative means no wait.
	PerHost time.Duration
	// AllowPrivate lets the client connect to loopback and private
	// addresses: for tests against a local server, never for remote
	// input.
	AllowPrivate bool
	// State remembers validators for conditional requests; nil means
	// every request is unconditional.
	State State
}

// State keeps the validators of fetched URLs. Lookup returns what Save
// stored for a URL, or empty strings.
type State interface {
	Lookup(ctx context.Context, url string) (etag, lastModified string, err error)
	Save(ctx context.Context, url, etag, lastModified string) error
}

// Client fetches URLs. Create it with New.
type Client struct {
	opts Options
	hc   *http.Client

	mu   sync.Mutex
	next map[string]time.Time // host → earliest time of its next request

	// exempt is a host:port let through the address checks: tests use it
	// to reach a first local server and see redirects from it refused.
	exempt string
}

// Errors a fetch can return, wrapped with the URL.
var (
	ErrScheme    = errors.New("fetch: only http and https URLs are fetched")
	ErrForbidden = errors.New("fetch: refused to connect to a non-public address")
	ErrRedirects = errors.New("fetch: too many redirects")
)

// StatusError reports a response whose status is not 200 or 304.
type StatusError struct {
	URL    string
	Status string
}

func (e *StatusError) Error() string { return fmt.Sprintf("fetch %s: %s", e.URL, e.Status) }

// New returns a client with opts' settings (defaults for zero fields).
func New(opts Options) *Client {
	if opts.UserAgent == "" {
		opts.UserAgent = "farabi"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 16 << 20
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = 5
	}
	if opts.PerHost == 0 {
		opts.PerHost = time.Second
	}
	c := &Client{opts: opts, next: map[string]time.Time{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			if address == c.exempt {
				return nil
			}
			return refusePrivate(address)
		}
	}
	tr := &http.Transport{
		// No proxy from the environment: the address check must see the
		// server's own address.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
	}
	c.hc = &http.Client{
		Transport: tr,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("%w (more than %d)", ErrRedirects, opts.MaxRedirects)
			}
			if err := c.checkURL(req.URL); err != nil {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
			}
			return nil
		},
	}
	return c
}

// refusePrivate checks the dialer's address: the IP and port about to be
// connected, after name resolution.
func refusePrivate(address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrForbidden, address)
	}
	if !public(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrForbidden, ap.Addr())
	}
	return nil
}

// public reports whether a is an address on the public internet.
func public(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsMulticast() || a.IsUnspecified() || a.IsInterfaceLocalMulticast() || !a.IsValid() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// nonPublic lists ranges that are not the public internet beyond what
// netip's predicates cover: shared address space (carrier NAT), the
// benchmarking and documentation ranges, 0/8, 240/4, NAT64 and 6to4 relays.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("2002::/16"),
}

// checkURL refuses schemes other than http and https, and literal
// non-public addresses (the dialler checks resolved names).
func (c *Client) checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w, not %q", ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("fetch: no host in %s", u.Redacted())
	}
	if c.opts.AllowPrivate || u.Host == c.exempt {
		return nil
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return fmt.Errorf("%w: %s", ErrForbidden, host)
	}
	if a, err := netip.ParseAddr(host); err == nil && !public(a) {
		return fmt.Errorf("%w: %s", ErrForbidden, a)
	}
	return nil
}

// Response is a fetched body.
type Response struct {
	URL         string // the final URL, after redirects
	Status      int
	ContentType string // media type only, lower case: "text/html"
	Charset     string // from Content-Type, may be empty
	Body        []byte
	// Truncated reports a body longer than MaxBytes, cut there.
	Truncated bool
	// NotModified reports a 304 answer to a conditional request: Body is
	// empty and the caller has the content from before.
	NotModified bool
	// Validators to pass to Remember once the content has been used.
	ETag, LastModified string
	requested          string
}

// Get fetches rawURL. With a State, the request is conditional on the
// validators saved for the URL; the new validators are saved only when
// the caller calls Remember, so content that was fetched but not stored
// (a crash, a cancelled run) is fetched again next time.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", rawURL, err)
	}
	if err := c.checkURL(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	if err := c.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5")
	if c.opts.State != nil {
		etag, lm, err := c.opts.State.Lookup(ctx, rawURL)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: state: %w", u.Redacted(), err)
		}
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		if lm != "" {
			req.Header.Set("If-Modified-Since", lm)
		}
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), unwrapURLError(err))
	}
	defer resp.Body.Close()
	r := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, requested: rawURL,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if mt, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil {
		r.ContentType, r.Charset = strings.ToLower(mt), params["charset"]
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		r.NotModified = true
		return r, nil
	default:
		return nil, &StatusError{URL: u.Redacted(), Status: resp.Status}
	}
	// Go's transport asks for gzip and decompresses it; the limit counts
	// the decompressed bytes, so a gzip bomb is cut like any long body.
	r.Body, err = io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: reading the body: %w", u.Redacted(), unwrapURLError(err))
	}
	if int64(len(r.Body)) > c.opts.MaxBytes {
		r.Body, r.Truncated = r.Body[:c.opts.MaxBytes], true
	}
	return r, nil
}

// MaxBytes returns the body limit in force.
func (c *Client) MaxBytes() int64 { return c.opts.MaxBytes }

// Remember saves r's validators for its URL, so that the next Get of the
// URL is conditional. It does nothing without a State or validators.
func (c *Client) Remember(ctx context.Context, r *Response) error {
	if c.opts.State == nil || r == nil || r.NotModified || (r.ETag == "" && r.LastModified == "") {
		return nil
	}
	return c.opts.State.Save(ctx, r.requested, r.ETag, r.LastModified)
}

// wait blocks until a request to host is allowed, and books the slot.
func (c *Client) wait(ctx context.Context, host string) error {
	if c.opts.PerHost < 0 {
		return nil
	}
	c.mu.Lock()
	now := time.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(c.opts.PerHost)
	c.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// unwrapURLError drops url.Error's "Get \"…\":" prefix, since callers
// name the URL themselves.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
