package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"farabi/internal/newsgen"
	"farabi/internal/store"
)

func storeStats(t *testing.T, db string) store.Stats {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Runs, s.Bytes = 0, 0 // runs and file size differ between runs that store the same
	return s
}

func TestIngestCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	arts := filepath.Join(dir, "articles")
	os.MkdirAll(arts, 0o755)
	var b strings.Builder
	newsgen.Write(&b, 40, 5)
	for i, s := range strings.Split(strings.TrimSpace(b.String()), "\n\n") {
		os.WriteFile(filepath.Join(arts, fmt.Sprintf("%02d.txt", i)), []byte(s), 0o644)
	}
	os.WriteFile(filepath.Join(arts, "scan.pdf"), []byte("%PDF-1.5 \x00\x01"), 0o644)
	os.WriteFile(filepath.Join(arts, "index.jsonl"), []byte(`{"file":"00.txt","url":"https://a.example/0","outlet":"A","date":"2024-02-03"}`+"\n"), 0o644)
	code, out, errs := runCLI(t, "", "ingest", "--db", db, "--index", filepath.Join(arts, "index.jsonl"), arts)
	if code != 0 || !strings.Contains(out, "articles stored") || !strings.Contains(out, "1 skipped") || !strings.Contains(errs, "scan.pdf: binary data") {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	first := storeStats(t, db)
	code, out, _ = runCLI(t, "", "ingest", "--db", db, arts)
	if code != 0 || !strings.Contains(out, "0 articles stored") || !strings.Contains(out, fmt.Sprintf("%d already stored", first.Articles)) {
		t.Errorf("rerun: exit %d\n%s", code, out)
	}
	if got := storeStats(t, db); got != first {
		t.Errorf("rerun changed the store: %+v → %+v", first, got)
	}
	st, _ := store.Open(context.Background(), db)
	a, err := st.ArticleByURL(context.Background(), "https://a.example/0")
	st.Close()
	if err != nil || a.Outlet != "A" || a.Published != "2024-02-03" || a.DateGuessed {
		t.Errorf("indexed article: %+v, %v", a, err)
	}
	// Standard input, JSON lines.
	code, out, errs = runCLI(t, `{"id":"s1","text":"Kazakhstan and China signed an agreement on gas supplies on Monday.","date":"2025-01-02"}`+"\n", "ingest", "--db", db, "-")
	if code != 0 || !strings.Contains(out, "1 articles stored") {
		t.Errorf("stdin: exit %d\n%s\n%s", code, out, errs)
	}
	// Nothing readable: exit status 1.
	code, _, errs = runCLI(t, "", "ingest", "--db", db, filepath.Join(arts, "scan.pdf"))
	if code != 1 || !strings.Contains(errs, "nothing went in") {
		t.Errorf("only bad input: exit %d\n%s", code, errs)
	}
}

func TestWatchOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	var itemGets atomic.Int32
	body := strings.Repeat("The foreign ministers of Kazakhstan and Japan met in Astana and agreed to expand trade. ", 3)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed" {
			itemGets.Add(1)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<html><body><article><p>%s</p><p>%s</p></article></body></html>", body, r.URL.Path)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, `<rss><channel><title>Test Wire</title>
<item><title>One</title><link>/one</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>Short summary.</description></item>
<item><title>Two</title><link>/two</link><pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate><description>Another summary.</description></item>
</channel></rss>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte("# test feeds\n"+srv.URL+"/feed\n"), 0o644)
	args := []string{"watch", "--db", db, "--feeds", feeds, "--once", "--allow-private", "--log-format", "json"}
	code, _, errs := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("watch: exit %d\n%s", code, errs)
	}
	var done map[string]any
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", l)
		}
		if m["msg"] == "poll done" {
			done = m
		}
	}
	if done == nil || done["articles"] != 2.0 {
		t.Errorf("poll: %v\n%s", done, errs)
	}
	if itemGets.Load() != 2 {
		t.Errorf("%d item pages fetched, want 2", itemGets.Load())
	}
	// The second poll gets 304 for the feed and fetches nothing else.
	code, _, errs = runCLI(t, "", args...)
	if code != 0 || itemGets.Load() != 2 || !strings.Contains(errs, `"articles":0`) {
		t.Errorf("second poll: exit %d, %d item gets\n%s", code, itemGets.Load(), errs)
	}
	if s := storeStats(t, db); s.Articles != 2 {
		t.Errorf("%d articles stored", s.Articles)
	}
	code, _, errs = runCLI(t, "", "watch", "--db", db, "--feeds", feeds, "--every", "1s")
	if code != 2 || !strings.Contains(errs, "too often") {
		t.Errorf("--every 1s: exit %d %s", code, errs)
	}
}

// TestCrashChild is the child of TestIngestCrash: it runs farabi with the
// arguments in FARABI_CRASH_ARGS.
func TestCrashChild(t *testing.T) {
	args := os.Getenv("FARABI_CRASH_ARGS")
	if args == "" {
		t.Skip("run by TestIngestCrash")
	}
	os.Exit(Main(context.Background(), strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
}

// TestIngestCrash kills "farabi ingest" with SIGKILL at random moments,
// reruns it to the end, and checks that the store then holds exactly what
// a clean run stores: no partial article, no duplicate, nothing lost.
// FARABI_CRASH_RUNS sets the number of kills (default 3; the report's
// figure is 20).
func TestIngestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("runs farabi ingest many times")
	}
	runs := 3
	if s := os.Getenv("FARABI_CRASH_RUNS"); s != "" {
		runs, _ = strconv.Atoi(s)
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "news.jsonl")
	f, _ := os.Create(input)
	w := bufio.NewWriter(f)
	newsgen.WriteJSONL(w, 1500, 11)
	w.Flush()
	f.Close()
	ingest := func(db string, killAfter time.Duration) (killed bool, out string) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "FARABI_CRASH_ARGS="+strings.Join([]string{"ingest", "--db", db, "--workers", "2", input}, "\x1f"))
		var b strings.Builder
		cmd.Stdout, cmd.Stderr = &b, &b
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		if killAfter > 0 {
			select {
			case <-exited:
				return false, b.String()
			case <-time.After(killAfter):
				cmd.Process.Kill() // SIGKILL: no cleanup of any kind
				<-exited
				return true, b.String()
			}
		}
		if err := <-exited; err != nil {
			t.Fatalf("ingest: %v\n%s", err, b.String())
		}
		return false, b.String()
	}
	start := time.Now()
	ingest(filepath.Join(dir, "clean.db"), 0)
	cleanTime := time.Since(start)
	want := storeStats(t, filepath.Join(dir, "clean.db"))
	t.Logf("clean run: %v, %+v", cleanTime.Round(time.Millisecond), want)
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	kills := 0
	for i := range runs {
		db := filepath.Join(dir, fmt.Sprintf("crash%d.db", i))
		at := time.Duration(r.Int64N(int64(cleanTime)))
		killed, _ := ingest(db, at)
		partial := storeStats(t, db)
		ingest(db, 0)
		got := storeStats(t, db)
		if killed {
			kills++
		}
		t.Logf("run %d: killed %v after %v with %d articles stored; after the rerun %d articles, %d events", i+1, killed,
			at.Round(time.Millisecond), partial.Articles, got.Articles, got.Events)
		if got != want {
			t.Errorf("run %d (killed at %v): after the rerun %+v, clean run %+v", i+1, at, got, want)
		}
	}
	t.Logf("%d runs, %d killed mid-way, every rerun equal to the clean run", runs, kills)
}

// TestIngestBenchmark measures farabi ingest end to end over
// FARABI_BENCH_ARTICLES synthetic articles (newsgen, JSON lines) into
// FARABI_BENCH_DB (default a new SQLite file; a postgres:// URL for
// PostgreSQL), and keeps the input at FARABI_BENCH_INPUT when set. It is
// skipped unless FARABI_BENCH_ARTICLES is set:
//
//	FARABI_BENCH_ARTICLES=10000 go test -run TestIngestBenchmark -v -timeout 1h ./internal/cli
func TestIngestBenchmark(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FARABI_BENCH_ARTICLES"))
	if n <= 0 {
		t.Skip("set FARABI_BENCH_ARTICLES to run")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "news.jsonl")
	var b strings.Builder
	newsgen.WriteJSONL(&b, n*7, 2025)
	lines := strings.SplitAfter(b.String(), "\n")
	if len(lines) < n {
		t.Fatalf("newsgen wrote %d stories, want %d", len(lines), n)
	}
	if keep := os.Getenv("FARABI_BENCH_INPUT"); keep != "" {
		input = keep // keep the input for runs of the binary under /usr/bin/time
	}
	if err := os.WriteFile(input, []byte(strings.Join(lines[:n], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	db := os.Getenv("FARABI_BENCH_DB")
	if db == "" {
		db = filepath.Join(dir, "bench.db")
	}
	start := time.Now()
	code, out, errs := runCLI(t, "", "ingest", "--db", db, input)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	t.Logf("%d articles into %s in %v (engine load included)\n%s", n, db, time.Since(start).Round(time.Millisecond), out)
	if info, err := os.Stat(db); err == nil {
		t.Logf("store size %.1f MB (%.2f MB per 1,000 articles)", float64(info.Size())/1e6, float64(info.Size())/1e6/float64(n)*1000)
	}
}

// TestWatchSignal stops "farabi watch" with SIGTERM in the middle of a
// poll: it exits 0 after storing the items being coded, and a second poll
// stores the rest, so that every item is stored once.
func TestWatchSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs farabi watch")
	}
	var b strings.Builder
	newsgen.Write(&b, 4000, 21)
	reports := strings.Split(strings.TrimSpace(b.String()), "\n\n")
	var feed strings.Builder
	feed.WriteString("<rss><channel><title>Signal Wire</title>\n")
	for i, r := range reports {
		fmt.Fprintf(&feed, "<item><title>Report %d</title><link>https://signal.example/%d</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description><![CDATA[%s]]></description></item>\n", i, i, r)
	}
	feed.WriteString("</channel></rss>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, feed.String())
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte(srv.URL+"/feed\n"), 0o644)
	args := []string{"watch", "--db", db, "--feeds", feeds, "--allow-private", "--follow-below", "-1", "--every", "1h", "--log-format", "json"}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), "FARABI_CRASH_ARGS="+strings.Join(args, "\x1f"))
	var out strings.Builder
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	started := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			out.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "watch started") {
				started <- true
			}
		}
		close(started)
	}()
	<-started
	time.Sleep(time.Second) // into the poll
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("watch after SIGTERM: %v", err)
	}
	for range started { // the log's end
	}
	if !strings.Contains(out.String(), "watch stopped") {
		t.Errorf("no clean stop in the log:\n%s", out.String())
	}
	partial := storeStats(t, db)
	code, _, errs := runCLI(t, "", append(args, "--once")...)
	if code != 0 {
		t.Fatalf("second poll: exit %d\n%s", code, errs)
	}
	got := storeStats(t, db)
	t.Logf("%d items: %d stored before SIGTERM, %d after the second poll", len(reports), partial.Articles, got.Articles)
	if got.Articles != len(reports) {
		t.Errorf("%d articles stored, want %d", got.Articles, len(reports))
	}
}
