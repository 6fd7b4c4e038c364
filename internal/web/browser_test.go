package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"farabi/internal/cli"
	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

// browserPath finds Chromium: FARABI_CHROMIUM, or chromium (Debian's
// package, which .ci/run installs) or Chrome on the PATH.
func browserPath() string {
	if p := os.Getenv("FARABI_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startServe runs "farabi serve" in process on a free loopback port and
// returns its base URL; it stops when the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		code := cli.Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--log-format", "json"}, args...), strings.NewReader(""), io.Discard, pw)
		pw.Close()
		done <- code
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		line := sc.Text()
		if _, rest, ok := strings.Cut(line, "listening on "); ok {
			base := strings.Fields(rest)[0]
			go io.Copy(io.Discard, pr) // the access log
			return base
		}
	}
	t.Fatalf("farabi serve did not start")
	return ""
}

// browserStore makes a store with the demo's coded stories (real
// sentences, rules and quotes) and synthetic stories for volume.
func browserStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "browser.db")
	var errs strings.Builder
	if code := cli.Main(context.Background(), []string{"demo", "--db", db}, strings.NewReader(""), io.Discard, &errs); code != 0 {
		t.Fatalf("demo: %s", errs.String())
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, copyOf := storetest.Synthetic(1500, storetest.Options{Seed: 9, Copies: 0.2, Focal: 0.4, Days: 365,
		Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if _, err := storetest.Put(context.Background(), s, docs, copyOf, 250); err != nil {
		t.Fatal(err)
	}
	return db
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("%s: %d %s", u, resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
}

// TestBrowser drives Chromium against "farabi serve" over a seeded store:
// it checks that the country page draws its charts with the API's numbers,
// that an event opens to its evidence, that the dyad, world and search
// pages draw, and that the keyboard reaches what acts; it saves a
// screenshot of each page (FARABI_SCREENSHOTS names the folder; else the
// test's artifact directory, kept with go test -artifacts).
func TestBrowser(t *testing.T) {
	bin := browserPath()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is missing in CI: .ci/run installs Debian's chromium")
		}
		t.Skip("browser test skipped: no Chromium (apt-get install chromium, or set FARABI_CHROMIUM)")
	}
	if testing.Short() {
		t.Skip("loads the models and a browser")
	}
	shots := os.Getenv("FARABI_SCREENSHOTS")
	if shots == "" {
		shots = t.ArtifactDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	base := startServe(t, "--db", browserStore(t), "--no-code")

	ctx := newBrowser(t, bin)
	window := "since=2025-01-01&until=2025-12-31"
	do := func(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	open := func(t *testing.T, path string) {
		t.Helper()
		do(t, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)))
	}
	shot := func(t *testing.T, name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("country", func(t *testing.T) {
		var v struct {
			Total struct{ Events int } `json:"total"`
			Blocs []struct {
				Bloc   string `json:"bloc"`
				Events int    `json:"events"`
			} `json:"blocs"`
		}
		getJSON(t, base+"/api/v1/vectors?actor=KAZ&"+window, &v)
		open(t, "/country/KAZ?"+window)
		firstRender := evalJS[float64](t, ctx, `performance.getEntriesByName('farabi-balance-drawn')[0].startTime`)
		complete := evalJS[float64](t, ctx, `performance.getEntriesByName('farabi-page-complete')[0].startTime`)
		total := evalJS[string](t, ctx, `document.querySelector('#total-events').textContent`)
		paths := evalJS[int](t, ctx, `document.querySelectorAll('#balance svg .bands path').length`)
		nodes := evalJS[int](t, ctx, `document.querySelectorAll('#network svg .nodes a').length`)
		dyadBars := evalJS[int](t, ctx, `[...document.querySelectorAll('#dyads figure')].filter(f => +f.dataset.bars > 0).length`)
		blocs := evalJS[[]map[string]string](t, ctx, `[...document.querySelectorAll('#shares li[data-bloc]')].map(li => ({bloc: li.dataset.bloc, events: li.querySelector('.events').textContent}))`)
		shot(t, "country")
		for _, part := range []string{"balance", "network", "shares", "dyads"} {
			buf, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#"+part)))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(shots, "country-"+part+".png"), buf, 0o644)
		}
		t.Logf("country page: balance drawn %.0f ms after navigation start, every panel by %.0f ms", firstRender, complete)
		if got := strings.ReplaceAll(total, ",", ""); got != strconv.Itoa(v.Total.Events) || v.Total.Events == 0 {
			t.Errorf("total on the page %q, API %d", total, v.Total.Events)
		}
		if paths < 3 || nodes < 5 || dyadBars < 3 {
			t.Errorf("charts: %d balance bands, %d network nodes, %d dyad timelines drawn", paths, nodes, dyadBars)
		}
		want := map[string]string{}
		for _, b := range v.Blocs {
			if b.Events > 0 {
				want[b.Bloc] = strconv.Itoa(b.Events)
			}
		}
		if len(blocs) != len(want) {
			t.Errorf("%d blocs on the page, %d in the API", len(blocs), len(want))
		}
		for _, b := range blocs {
			if strings.ReplaceAll(b["events"], ",", "") != want[b["bloc"]] {
				t.Errorf("bloc %s: page %s, API %s", b["bloc"], b["events"], want[b["bloc"]])
			}
		}
	})

	t.Run("evidence", func(t *testing.T) {
		// The demo's rail-freight story, coded with its sentence.
		q := url.Values{"actor": {"KAZ"}, "partner": {"CHN"}, "since": {"2025-01-16"}, "until": {"2025-01-16"}}
		var evs struct {
			Events []struct {
				Rule       string  `json:"rule"`
				Confidence float64 `json:"confidence"`
				Evidence   []struct{ Text, Role string }
			} `json:"events"`
		}
		getJSON(t, base+"/api/v1/events?"+q.Encode(), &evs)
		if len(evs.Events) == 0 {
			t.Fatal("no demo event on 2025-01-16")
		}
		want := map[string]string{}
		for _, p := range evs.Events[0].Evidence {
			if p.Role != "" {
				want[p.Role] = p.Text
			}
		}
		open(t, "/dyad/KAZ/CHN?since=2025-01-16&until=2025-01-16")
		do(t, chromedp.Click(chromedp.CSS(`#events tbody button`)), chromedp.WaitVisible(chromedp.CSS(`#events .evidence`)))
		expanded := evalJS[string](t, ctx, `document.querySelector('#events tbody button').getAttribute('aria-expanded')`)
		marks := evalJS[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#events .evidence mark')].map(m => [m.className, m.childNodes[1].textContent]))`)
		rule := evalJS[string](t, ctx, `document.querySelector('#events .evidence .rule').textContent`)
		conf := evalJS[string](t, ctx, `document.querySelector('#events .evidence .confidence').textContent`)
		shot(t, "evidence")
		if expanded != "true" {
			t.Errorf("the event's button says aria-expanded=%q", expanded)
		}
		for role, text := range want {
			if marks[role] != text {
				t.Errorf("%s marked %q, API %q", role, marks[role], text)
			}
		}
		if len(want) < 2 || rule != evs.Events[0].Rule || conf != fmt.Sprintf("%.2f", evs.Events[0].Confidence) {
			t.Errorf("evidence: marks %v, rule %q, confidence %q; API %+v", marks, rule, conf, evs.Events[0])
		}
	})

	t.Run("dyad", func(t *testing.T) {
		var s struct {
			Total struct{ Events int } `json:"total"`
		}
		getJSON(t, base+"/api/v1/timeseries?actor=KAZ&partner=RUS&period=week&"+window, &s)
		open(t, "/dyad/KAZ/RUS?period=week&"+window)
		total := evalJS[string](t, ctx, `document.querySelector('#total-events').textContent`)
		bars := evalJS[int](t, ctx, `+document.querySelector('#series').dataset.bars`)
		shot(t, "dyad")
		if strings.ReplaceAll(total, ",", "") != strconv.Itoa(s.Total.Events) || bars == 0 {
			t.Errorf("dyad: page total %q (%d bars), API %d", total, bars, s.Total.Events)
		}
	})

	t.Run("world", func(t *testing.T) {
		var d struct {
			Dyads []struct {
				Partner string `json:"partner"`
				Events  int    `json:"events"`
			} `json:"dyads"`
		}
		getJSON(t, base+"/api/v1/dyads?actor=KAZ&limit=1000&"+window, &d)
		open(t, "/world/KAZ?"+window)
		tiles := evalJS[int](t, ctx, `document.querySelectorAll('#map svg a').length`)
		chn := evalJS[string](t, ctx, `document.querySelector('#map a[data-code="CHN"]').getAttribute('data-count')`)
		shot(t, "world")
		want := "0"
		for _, x := range d.Dyads {
			if x.Partner == "CHN" {
				want = strconv.Itoa(x.Events)
			}
		}
		if tiles < 150 || chn != want {
			t.Errorf("world: %d tiles, China %s, API %s", tiles, chn, want)
		}
	})

	t.Run("search", func(t *testing.T) {
		open(t, "/search?q=corridor")
		hits := evalJS[int](t, ctx, `document.querySelectorAll('#hits li a').length + document.querySelectorAll('#quotes li blockquote').length`)
		shot(t, "search")
		if hits == 0 {
			t.Error("search for corridor found nothing on the page")
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		// Tab from the top: the skip link first, then the navigation; Enter
		// on an event's button opens it.
		open(t, "/country/KAZ?"+window)
		do(t, chromedp.KeyEvent(kb.Tab))
		first := evalJS[string](t, ctx, `document.activeElement.textContent.trim()`)
		do(t, chromedp.KeyEvent(kb.Tab))
		second := evalJS[string](t, ctx, `document.activeElement.textContent.trim()`)
		do(t, chromedp.Focus(chromedp.CSS(`#events tbody button`)), chromedp.KeyEvent(kb.Enter))
		opened := evalJS[string](t, ctx, `document.querySelector('#events tbody button').getAttribute('aria-expanded')`)
		// Every form control has a label; every link and button a name;
		// every picture a title.
		unlabelled := evalJS[[]string](t, ctx, `[
			...[...document.querySelectorAll('input, select')].filter(i => !(i.labels && i.labels.length)).map(i => 'input ' + i.id),
			...[...document.querySelectorAll('a, button')].filter(a => !(a.getAttribute('aria-label') || a.textContent.trim())).map(a => 'control ' + a.outerHTML.slice(0, 60)),
			...[...document.querySelectorAll('svg[role="img"]')].filter(s => !s.querySelector('title')).map(s => 'svg without title'),
		]`)
		if first != "Skip to the content" || second != "farabi" || opened != "true" {
			t.Errorf("keyboard: first %q, second %q, event opened %q", first, second, opened)
		}
		if len(unlabelled) > 0 {
			t.Errorf("without a label or name: %v", unlabelled)
		}
	})
	t.Logf("screenshots in %s", shots)
}

// evalJS evaluates a JavaScript expression in the page and decodes it.
func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// newBrowser starts headless Chromium with the flags that work on a
// machine without network or sandbox, and a fresh profile.
func newBrowser(t *testing.T, bin string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0],
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() {
		cancelT()
		cancel()
		cancelA()
	})
	return ctx
}

// TestFirstRender times the country page over the store of FARABI_LOAD_DB
// (see internal/server's TestLoad): the time from navigation to the
// balance chart drawn and to every panel filled, over FARABI_RENDER_RUNS
// loads (default 7), with a screenshot.
//
//	FARABI_LOAD_DB=/tmp/load.db go test ./internal/web -run TestFirstRender -v
func TestFirstRender(t *testing.T) {
	db := os.Getenv("FARABI_LOAD_DB")
	bin := browserPath()
	if db == "" || bin == "" {
		t.Skip("set FARABI_LOAD_DB to a filled store, and install Chromium, to time the country page")
	}
	runs := 7
	if n, err := strconv.Atoi(os.Getenv("FARABI_RENDER_RUNS")); err == nil && n > 0 {
		runs = n
	}
	// The server's answer cache is off unless FARABI_RENDER_CACHE gives
	// its time, so every load asks the store.
	ttl := os.Getenv("FARABI_RENDER_CACHE")
	if ttl == "" {
		ttl = "0"
	}
	base := startServe(t, "--db", db, "--no-code", "--cache-ttl", ttl)
	ctx := newBrowser(t, bin)
	var first, complete, html, vectors []float64
	for i := 0; i < runs; i++ {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/country/KAZ"), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`))); err != nil {
			t.Fatal(err)
		}
		first = append(first, evalJS[float64](t, ctx, `performance.getEntriesByName('farabi-balance-drawn')[0].startTime`))
		complete = append(complete, evalJS[float64](t, ctx, `performance.getEntriesByName('farabi-page-complete')[0].startTime`))
		html = append(html, evalJS[float64](t, ctx, `performance.getEntriesByType('navigation')[0].responseEnd`))
		vectors = append(vectors, evalJS[float64](t, ctx, `(e => e.responseEnd - e.startTime)(performance.getEntriesByType('resource').find(e => e.name.includes('/api/v1/vectors')))`))
	}
	if shots := os.Getenv("FARABI_SCREENSHOTS"); shots != "" {
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err == nil {
			os.MkdirAll(shots, 0o755)
			os.WriteFile(filepath.Join(shots, "country-load.png"), buf, 0o644)
		}
	}
	for _, xs := range [][]float64{first, complete, html, vectors} {
		sort.Float64s(xs)
	}
	t.Logf("country page over %s, cache %s, %d loads (median; min–max): page received %.0f ms (%.0f–%.0f); /api/v1/vectors took %.0f ms (%.0f–%.0f); "+
		"balance drawn %.0f ms (%.0f–%.0f); every panel %.0f ms (%.0f–%.0f) after navigation start",
		db, ttl, runs, html[runs/2], html[0], html[runs-1], vectors[runs/2], vectors[0], vectors[runs-1],
		first[runs/2], first[0], first[runs-1], complete[runs/2], complete[0], complete[runs-1])
}
