// Package web is farabi's dashboard.
package web

import "net/http"

// Options configure the dashboard.
type Options struct{}

// New returns the dashboard's handler.
func New(o Options) (http.Handler, error) { return http.NotFoundHandler(), nil }
