package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"farabi/internal/newsgen"
)

func TestQueueUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"worker"}, "give one of --queue URL and --embedded-nats DIR"},
		{[]string{"worker", "--queue", "nats://127.0.0.1:1", "--embedded-nats", "x"}, "give one of"},
		{[]string{"worker", "--queue", "nats://127.0.0.1:1", "extra"}, "unexpected arguments"},
		{[]string{"queue"}, "want status or dead"},
		{[]string{"queue", "peek"}, "want status or dead"},
		{[]string{"queue", "status"}, "no --queue URL"},
		{[]string{"ingest", "--queue", "nats://127.0.0.1:1", "--db", "x.db", "a.txt"}, "--db: with --queue the workers code and store"},
	} {
		code, _, errs := runCLI(t, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	// No server: a clear error naming the address, at once.
	code, _, errs := runCLI(t, "", "queue", "status", "--queue", "nats://127.0.0.1:1")
	if code != 1 || !strings.Contains(errs, "127.0.0.1:1") {
		t.Errorf("queue status without a server: exit %d, %q", code, errs)
	}
}

// TestWorkerEmbedded runs "farabi worker --embedded-nats" in the test's
// process, publishes stories to it with "farabi ingest --queue", and
// checks that they are stored and the queue says so.
func TestWorkerEmbedded(t *testing.T) {
	if testing.Short() {
		t.Skip("codes stories")
	}
	dir := t.TempDir()
	var b strings.Builder
	newsgen.WriteJSONL(&b, 80, 31)
	input := filepath.Join(dir, "news.jsonl")
	os.WriteFile(input, []byte(b.String()), 0o644)
	stories := strings.Count(b.String(), "\n")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	url := "nats://" + addr
	db := filepath.Join(dir, "w.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		code      int
		out, errs string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb strings.Builder
		code := Main(ctx, []string{"worker", "--embedded-nats", filepath.Join(dir, "q"), "--listen", addr, "--db", db, "--workers", "2"},
			strings.NewReader(""), &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	for try := 0; ; try++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if try == 100 {
			t.Fatal("the embedded server did not listen within 10 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	code, out, errs := runCLI(t, "", "ingest", "--queue", url, input)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d articles published", stories)) {
		t.Fatalf("ingest --queue: exit %d\n%s\n%s", code, out, errs)
	}
	for try := 0; ; try++ {
		_, out, _ = runCLI(t, "", "queue", "status", "--queue", url, "--interval", "0")
		if strings.Contains(out, fmt.Sprintf("%d published, %d done, 0 failed (dead letters), 0 waiting", stories, stories)) {
			break
		}
		if try == 600 {
			t.Fatalf("queue not done after a minute:\n%s", out)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	r := <-done
	if r.code != 0 || !strings.Contains(r.out, fmt.Sprintf("worker: %d articles stored", stories)) || !strings.Contains(r.out, "publish to stored p50") {
		t.Errorf("worker: exit %d\n%s\n%s", r.code, r.out, r.errs)
	}
	if st := storeStats(t, db); st.Articles != stories {
		t.Errorf("%d articles stored, want %d", st.Articles, stories)
	}
}
