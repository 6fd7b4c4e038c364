package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFiles(t *testing.T) {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(sub, "css/app.css", "js/common.js", "js/charts.js", "js/events.js", "js/country.js",
		"js/dyad.js", "js/world.js", "js/search.js"); err != nil {
		t.Fatal(err)
	}
}

func TestPages(t *testing.T) {
	h, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	prefix := h.(*handler).prefix
	for _, tc := range []struct {
		path, want string
		status     int
	}{
		{"/country/kaz?since=2025-01-01&period=week", `data-actor="KAZ"`, 200},
		{"/country/KAZ?since=<script>", `data-since=""`, 200},
		{"/dyad/KAZ/CHN", `data-b="CHN"`, 200},
		{"/world/KAZ", `<script type="module" src="` + prefix + `/js/world.js">`, 200},
		{"/search?q=%22rail+freight%22", `value="&#34;rail freight&#34;"`, 200},
		{"/country/K%3CZ", "Not found", 404},
		{"/nothing", "Not found", 404},
		{"/go/country?code=chn", "", 303},
		{"/go/dyad?a=KAZ&b=", "Not found", 404},
		{"/", "", 302},
		{prefix + "/js/country.js", "import", 200},
		{"/static/0ld/js/country.js", "import", 200},
		{prefix + "/js/none.js", "", 404},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", tc.path, nil))
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("%s: %d, want %d with %q:\n%.300s", tc.path, w.Code, tc.status, tc.want, w.Body.String())
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", prefix+"/css/app.css", nil))
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") {
		t.Errorf("static: %q %q", cc, w.Header().Get("Content-Type"))
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/go/world?code=chn", nil))
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != "/world/CHN" {
		t.Errorf("go: %d %q", w.Code, loc)
	}
}
