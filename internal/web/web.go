// Package web is farabi's dashboard: a few server-rendered pages — a
// country's balance of ties, a dyad, search, and a world map of tiles —
// whose charts are drawn in the browser by our own small SVG modules from
// the JSON of /api/v1, the API every client uses. Templates, styles and
// scripts are embedded (no Node, no bundler, no third-party code); static
// files are served under a path named by a hash of their content, so
// browsers may keep them for good. Pages are usable with the keyboard and a
// screen reader: landmarks, labels, buttons and links for everything that
// acts, and every chart has a text alternative and its data as a table.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

//go:embed templates static
var files embed.FS

// Options configure the dashboard. The zero value is usable.
type Options struct {
	// Focal is the country "/" opens on (default KAZ).
	Focal string
}

// pageView is what every page template gets.
type pageView struct {
	Title  string
	Page   string // "country", "dyad", "world", "search": the script and the current nav item
	Static string // the prefix of static files, /static/HASH
	Focal  string
	Actor  string // the page's actor (country, world)
	A, B   string // a dyad's actors
	Query  string // search
	Since  string
	Until  string
	Period string
}

// handler serves the pages and static files.
type handler struct {
	opts   Options
	pages  map[string]*template.Template
	static map[string][]byte // by path under static/
	prefix string            // /static/HASH
	mux    *http.ServeMux
}

// New returns the dashboard's handler. It fails only when an embedded
// template does not parse, which a test catches.
func New(o Options) (http.Handler, error) {
	if o.Focal == "" {
		o.Focal = "KAZ"
	}
	h := &handler{opts: o, pages: map[string]*template.Template{}, static: map[string][]byte{}, mux: http.NewServeMux()}
	// One hash over every static file: modules import one another by
	// relative paths, so they share one prefix.
	sum := sha256.New()
	var names []string
	err := fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, p := range names {
		b, err := files.ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel := strings.TrimPrefix(p, "static/")
		h.static[rel] = b
		fmt.Fprintf(sum, "%s\x00%d\x00", rel, len(b))
		sum.Write(b)
	}
	h.prefix = "/static/" + hex.EncodeToString(sum.Sum(nil))[:12]
	for _, page := range []string{"country", "dyad", "world", "search"} {
		t, err := template.New("layout.html").ParseFS(files, "templates/layout.html", "templates/window.html", "templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", page, err)
		}
		h.pages[page] = t
	}
	h.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/country/"+o.Focal, http.StatusFound)
	})
	h.mux.HandleFunc("GET /country/{code}", h.country)
	h.mux.HandleFunc("GET /dyad/{a}/{b}", h.dyad)
	h.mux.HandleFunc("GET /world", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/world/"+o.Focal, http.StatusFound)
	})
	h.mux.HandleFunc("GET /world/{code}", h.world)
	h.mux.HandleFunc("GET /search", h.search)
	h.mux.HandleFunc("GET /static/{hash}/{file...}", h.file)
	h.mux.HandleFunc("GET /go/{page}", h.goTo)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.notFound(w, "There is no page here.")
	})
	return h, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

var codeRE = regexp.MustCompile(`^[A-Z0-9_]{2,16}$`)

var dayRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// view reads the window of a page's query string, keeping only what is
// well formed (the API checks the rest and the page shows its errors).
func (h *handler) view(r *http.Request, page, title string) pageView {
	q := r.URL.Query()
	v := pageView{Title: title, Page: page, Static: h.prefix, Focal: h.opts.Focal}
	if s := q.Get("since"); dayRE.MatchString(s) {
		v.Since = s
	}
	if s := q.Get("until"); dayRE.MatchString(s) {
		v.Until = s
	}
	if p := q.Get("period"); p == "week" || p == "month" {
		v.Period = p
	}
	return v
}

func (h *handler) country(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(r.PathValue("code"))
	if !codeRE.MatchString(code) {
		h.notFound(w, "A country is named by its code, such as KAZ.")
		return
	}
	v := h.view(r, "country", code)
	v.Actor = code
	h.render(w, v)
}

func (h *handler) dyad(w http.ResponseWriter, r *http.Request) {
	a, b := strings.ToUpper(r.PathValue("a")), strings.ToUpper(r.PathValue("b"))
	if !codeRE.MatchString(a) || !codeRE.MatchString(b) {
		h.notFound(w, "A dyad is named by two codes, such as KAZ and CHN.")
		return
	}
	v := h.view(r, "dyad", a+" and "+b)
	v.A, v.B = a, b
	h.render(w, v)
}

func (h *handler) world(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(r.PathValue("code"))
	if !codeRE.MatchString(code) {
		h.notFound(w, "The world view is seen from a country named by its code, such as KAZ.")
		return
	}
	v := h.view(r, "world", "The world seen from "+code)
	v.Actor = code
	h.render(w, v)
}

func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	v := h.view(r, "search", "Search")
	v.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	if len(v.Query) > 200 {
		v.Query = v.Query[:200]
	}
	if v.Query != "" {
		v.Title = "Search: " + v.Query
	}
	h.render(w, v)
}

// goTo sends the country pickers' forms, which work without scripts, to
// their pages.
func (h *handler) goTo(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	code := strings.ToUpper(strings.TrimSpace(q.Get("code")))
	a, b := strings.ToUpper(strings.TrimSpace(q.Get("a"))), strings.ToUpper(strings.TrimSpace(q.Get("b")))
	var to string
	switch r.PathValue("page") {
	case "country", "world":
		if codeRE.MatchString(code) {
			to = "/" + r.PathValue("page") + "/" + code
		}
	case "dyad":
		if codeRE.MatchString(a) && codeRE.MatchString(b) {
			to = "/dyad/" + a + "/" + b
		}
	}
	if to == "" {
		h.notFound(w, "Name a country by its code, such as KAZ.")
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

func (h *handler) render(w http.ResponseWriter, v pageView) {
	var buf bytes.Buffer
	if err := h.pages[v.Page].Execute(&buf, v); err != nil {
		http.Error(w, "cannot render the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(buf.Bytes())
}

func (h *handler) notFound(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found — farabi</title>`+
		`<link rel="stylesheet" href="%s/css/app.css"></head><body><main id="main"><h1>Not found</h1><p>%s</p>`+
		`<p><a href="/">Back to the dashboard</a></p></main></body></html>`, h.prefix, template.HTMLEscapeString(msg))
}

// file serves a static file. Under the current hash it may be cached for
// good; under an old one it is still served, briefly cacheable, so a page
// loaded before a restart keeps working.
func (h *handler) file(w http.ResponseWriter, r *http.Request) {
	name := path.Clean(r.PathValue("file"))
	b, ok := h.static[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	if "/static/"+r.PathValue("hash") == h.prefix {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=60")
	}
	w.Write(b)
}

// Paths lists the pages' paths for a focal country, for tests and docs.
func Paths(focal, partner string) []string {
	return []string{"/country/" + focal, "/dyad/" + focal + "/" + partner, "/world/" + focal,
		"/search?q=" + url.QueryEscape("agreement")}
}
