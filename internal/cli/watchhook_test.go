package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestWatchWebhook ingests a feed whose stories are the first events of
// Kazakhstan and Japan, and checks that watch posts that new partner to a
// webhook that fails once, and not again on the next run.
func TestWatchWebhook(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	var mu sync.Mutex
	var posts []hookPayload
	failures := 1
	body := strings.Repeat("The foreign ministers of Kazakhstan and Japan met in Astana and agreed to expand trade. ", 3)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hook":
			mu.Lock()
			defer mu.Unlock()
			if failures > 0 {
				failures--
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			var p hookPayload
			if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
				t.Errorf("webhook body: %v", err)
			}
			posts = append(posts, p)
		case "/feed":
			fmt.Fprint(w, `<rss><channel><title>Test Wire</title>
<item><title>One</title><link>/one</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>Short.</description></item>
</channel></rss>`)
		default:
			fmt.Fprintf(w, "<html><body><article><p>%s</p></article></body></html>", body)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte(srv.URL+"/feed\n"), 0o644)
	args := []string{"watch", "--db", db, "--feeds", feeds, "--once", "--allow-private", "--webhook", srv.URL + "/hook",
		"--webhook-timeout", "2s", "--alert-actor", "KAZ"}
	code, _, errs := runCLI(t, "", args...)
	if code != 0 || !strings.Contains(errs, "alerts sent") {
		t.Fatalf("watch: exit %d\n%s", code, errs)
	}
	if len(posts) != 1 || len(posts[0].Alerts) != 1 || posts[0].Alerts[0].ID != "new-partner:KAZ-JPN:2025-06-02" {
		t.Fatalf("posts: %+v", posts)
	}
	if _, err := os.Stat(filepath.Join(dir, "w.db.fetch.alerts-sent.json")); err != nil {
		t.Error(err)
	}
	code, _, errs = runCLI(t, "", args...)
	if code != 0 || len(posts) != 1 {
		t.Errorf("second run: exit %d, %d posts\n%s", code, len(posts), errs)
	}
	for _, bad := range [][]string{{"--webhook", "ftp://x"}, {"--webhook", srv.URL, "--webhook-retries", "-1"}, {"--webhook", srv.URL, "--alert-actor", "k z"}} {
		code, _, errs := runCLI(t, "", append([]string{"watch", "--db", db, "--feeds", feeds, "--once"}, bad...)...)
		if code != 2 {
			t.Errorf("%v: exit %d %s", bad, code, errs)
		}
	}
}
