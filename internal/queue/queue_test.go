package queue

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"farabi/internal/engine"
	"farabi/internal/ingest"
	"farabi/internal/intake"
	"farabi/internal/newsgen"
	"farabi/internal/store"
	"farabi/internal/store/storetest"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

func loadEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engOnce.Do(func() { eng, engErr = engine.Load("", io.Discard) })
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng
}

// stories returns n synthetic stories as documents, every third a wire
// copy of an earlier one with a byline (a near-duplicate).
func stories(n int, seed uint64) []*ingest.Document {
	var b strings.Builder
	newsgen.Write(&b, n*6, seed)
	var docs []*ingest.Document
	for i, text := range strings.Split(strings.TrimSpace(b.String()), "\n\n") {
		if len(docs) == n {
			break
		}
		if i%3 == 2 {
			text = "By Staff Reporter\n\n" + docs[i/2].Text + "\n\nRead more on our site."
		}
		docs = append(docs, &ingest.Document{Source: fmt.Sprintf("gen:%d", i), ID: fmt.Sprint(i), Text: text,
			URL: fmt.Sprintf("https://example.org/%d", i), Outlet: []string{"wire", "post", "daily"}[i%3],
			Published: time.Date(2025, 5, 20+i%9, 0, 0, 0, 0, time.UTC), DateBasis: ingest.DateMetadata, Language: "en"})
	}
	return docs
}

// embedded starts an in-process server and returns a JetStream context on
// it with the streams made.
func embedded(t *testing.T, c Config) (*Embedded, jetstream.JetStream) {
	t.Helper()
	e, err := StartEmbedded(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	nc, err := Connect("", "test", nil, e.ConnOption())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := Setup(context.Background(), nc, c)
	if err != nil {
		t.Fatal(err)
	}
	return e, js
}

func openSQLite(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func snapshot(t *testing.T, st store.Store) string {
	t.Helper()
	s, err := storetest.Snapshot(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// reference stores docs with one process's intake, as "farabi ingest"
// does, and returns the store's snapshot.
func reference(t *testing.T, docs []*ingest.Document) string {
	t.Helper()
	st := openSQLite(t)
	if _, err := intake.New(st, loadEngine(t), intake.Options{Workers: 2}).Run(context.Background(), func(yield func(*ingest.Document, error) bool) {
		for _, d := range docs {
			c := *d
			if !yield(&c, nil) {
				return
			}
		}
	}, 0); err != nil {
		t.Fatal(err)
	}
	return snapshot(t, st)
}

func publish(t *testing.T, js jetstream.JetStream, docs []*ingest.Document) PublishCounts {
	t.Helper()
	p := NewPublisher(js, PublishOptions{})
	ctx := context.Background()
	for _, d := range docs {
		if err := p.Article(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return p.Counts()
}

// drain runs workers until the queue has no message left, then stops
// them.
func drain(t *testing.T, js jetstream.JetStream, ws ...*Worker) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.Run(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	waitEmpty(t, js, drainLimit)
	cancel()
	wg.Wait()
}

// drainLimit is how long drain waits for the queue to empty.
var drainLimit = 3 * time.Minute

func waitEmpty(t *testing.T, js jetstream.JetStream, limit time.Duration) Status {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		st, err := ReadStatus(context.Background(), js)
		if err == nil && st.Waiting == 0 && st.Published > 0 {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not empty after %v: %+v (%v)", limit, st, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func testLog(t *testing.T) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return nil
}

func TestMessages(t *testing.T) {
	d := stories(1, 1)[0]
	d.Warnings = []string{"cut at 4 MiB"}
	data, id, err := encodeArticle(d)
	if err != nil || id != store.ContentHash(d.Text) {
		t.Fatalf("encode: %v, id %s", err, id)
	}
	got, err := decodeArticle(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != d.Text || !got.Published.Equal(d.Published) || got.URL != d.URL || got.DateBasis != d.DateBasis || got.Warnings[0] != "cut at 4 MiB" {
		t.Errorf("round trip: %+v", got)
	}
	for _, bad := range []string{``, `{`, `{"text":""}`, `{"text":"x","date_basis":"moon","published":"2025-01-01T00:00:00Z"}`,
		`{"text":"x","date_basis":"url"}`, "\xff"} {
		if _, err := decodeArticle([]byte(bad)); err == nil {
			t.Errorf("decodeArticle(%q): no error", bad)
		}
	}
	if _, err := decodeRecode([]byte(`{"article":0}`)); err == nil {
		t.Error("recode of article 0 accepted")
	}
}

func FuzzDecode(f *testing.F) {
	d := stories(1, 1)[0]
	data, _, _ := encodeArticle(d)
	f.Add(data)
	f.Add([]byte(`{"article":12,"versions":{"coder":"1"}}`))
	f.Add([]byte(`{"text":"x","date_basis":"none","published":"2025-01-01T00:00:00Z"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if d, err := decodeArticle(data); err == nil {
			if d.Text == "" || d.Published.IsZero() {
				t.Errorf("accepted an article without text or date: %+v", d)
			}
			again, _, err := encodeArticle(d)
			if err != nil {
				t.Fatal(err)
			}
			d2, err := decodeArticle(again)
			if err != nil || d2.Text != d.Text || !d2.Published.Equal(d.Published) {
				t.Errorf("round trip: %v", err)
			}
		}
		if id, err := decodeRecode(data); err == nil && id <= 0 {
			t.Errorf("recode of article %d accepted", id)
		}
	})
}

func TestPublishDuplicates(t *testing.T) {
	_, js := embedded(t, Config{})
	docs := stories(12, 2)
	committed := 0
	docs[11].Commit = func() error { committed++; return nil }
	c := publish(t, js, docs)
	if c.Published != 12 || c.Duplicates != 0 || committed != 1 {
		t.Errorf("first: %+v, committed %d", c, committed)
	}
	// The same texts again, under other sources: JetStream drops them by
	// content hash.
	for _, d := range docs {
		d.Source += "-again"
	}
	c = publish(t, js, docs)
	if c.Published != 0 || c.Duplicates != 12 || committed != 2 {
		t.Errorf("again: %+v, committed %d", c, committed)
	}
	st, err := ReadStatus(context.Background(), js)
	if err != nil || st.Published != 12 || st.Waiting != 12 || st.Done != 0 {
		t.Errorf("status %+v, %v", st, err)
	}
}

// TestWorker runs two workers over published stories, a few bad
// messages among them, and checks that the store is what one process's
// ingest makes of the good ones, and that the bad ones are dead letters
// with their reasons.
func TestWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("codes stories")
	}
	e := loadEngine(t)
	_, js := embedded(t, Config{})
	docs := stories(30, 3)
	want := reference(t, docs)
	german := &ingest.Document{Source: "de.html", Text: "Die Minister trafen sich am Donnerstag in Astana.", Language: "de",
		Published: time.Now(), DateBasis: ingest.DateMetadata}
	nul := &ingest.Document{Source: "nul.txt", Text: "Kazakhstan and China signed a deal.\x00", Published: time.Now(), DateBasis: ingest.DateMetadata}
	publish(t, js, append(append([]*ingest.Document{german, nul}, docs...), docs[:5]...))
	// Not farabi's: no JSON.
	if _, err := js.Publish(context.Background(), SubjectArticles, []byte("<html>not a message</html>")); err != nil {
		t.Fatal(err)
	}
	st := openSQLite(t)
	opts := WorkerOptions{Workers: 1, Batch: 4, Idle: 500 * time.Millisecond, Log: testLog(t)}
	w1, w2 := NewWorker(js, st, e, opts), NewWorker(js, st, e, opts)
	drain(t, js, w1, w2)
	if got := snapshot(t, st); got != want {
		t.Errorf("the store differs from one process's ingest:\n%s", firstDiff(want, got))
	}
	c1, c2 := w1.Counts(), w2.Counts()
	if c1.Stored+c2.Stored != 30 || c1.Dead+c2.Dead != 2 || c1.Skipped+c2.Skipped != 1 {
		t.Errorf("counts %+v and %+v", c1, c2)
	}
	dead, err := DeadLetters(context.Background(), js, 10)
	if err != nil || len(dead) != 2 {
		t.Fatalf("dead letters %+v, %v", dead, err)
	}
	reasons := dead[0].Reason + " | " + dead[1].Reason
	if !strings.Contains(reasons, "holds a NUL byte") || !strings.Contains(reasons, "not a farabi message") {
		t.Errorf("reasons: %s", reasons)
	}
	s, _ := ReadStatus(context.Background(), js)
	// The five copies never got in: JetStream dropped them by message ID.
	if s.Published != 33 || s.Done != 31 || s.Failed != 2 || s.Waiting != 0 {
		t.Errorf("status %+v", s)
	}
}

// TestDeadAfterDeliveries: a message delivered MaxDeliver times without
// an ack (its workers died on it) goes to the dead-letter stream.
func TestDeadAfterDeliveries(t *testing.T) {
	c := Config{AckWait: 200 * time.Millisecond, MaxDeliver: 3}
	_, js := embedded(t, c)
	publish(t, js, stories(1, 4))
	cons, err := consumer(context.Background(), js, ConsumerArticles, SubjectArticles, c)
	if err != nil {
		t.Fatal(err)
	}
	for got := 0; got < 3; {
		b, err := cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for range b.Messages() {
			got++ // and die: no ack
		}
	}
	w := NewWorker(js, openSQLite(t), loadEngine(t), WorkerOptions{Config: c, Idle: 300 * time.Millisecond, Log: testLog(t)})
	drain(t, js, w)
	dead, err := DeadLetters(context.Background(), js, 10)
	if err != nil || len(dead) != 1 || !strings.Contains(dead[0].Reason, "delivered 3 times without an acknowledgement") {
		t.Fatalf("dead letters %+v, %v", dead, err)
	}
}

// TestRecode re-codes stored articles through the queue.
func TestRecode(t *testing.T) {
	if testing.Short() {
		t.Skip("codes stories")
	}
	e := loadEngine(t)
	_, js := embedded(t, Config{})
	st := openSQLite(t)
	ctx := context.Background()
	if _, err := intake.New(st, e, intake.Options{Workers: 2}).Run(ctx, func(yield func(*ingest.Document, error) bool) {
		for _, d := range stories(9, 5) {
			yield(d, nil)
		}
	}, 0); err != nil {
		t.Fatal(err)
	}
	want := snapshot(t, st)
	// Make them stale: another coder's versions and no events.
	old := store.Versions{Coder: "0.0.1", Dict: "old", Model: "old"}
	arts, err := st.Stale(ctx, store.Versions{}, 0, 100)
	if err != nil || len(arts) != 9 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	p := NewPublisher(js, PublishOptions{})
	for _, a := range arts {
		if err := st.Recode(ctx, a.ID, &store.Coding{Versions: old}); err != nil {
			t.Fatal(err)
		}
		if err := p.Recode(ctx, a.ID, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Recode(ctx, 999999, old); err != nil { // gone: acknowledged
		t.Fatal(err)
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	w := NewWorker(js, st, e, WorkerOptions{Workers: 2, Idle: 300 * time.Millisecond, Log: testLog(t)})
	drain(t, js, w)
	v := store.Versions{Coder: e.Coding.CoderVersion, Dict: e.Coding.DictVersion, Model: e.Coding.ModelVersion}
	if stale, _ := st.Stale(ctx, v, 0, 100); len(stale) != 0 || w.Counts().Recoded != 9 {
		t.Errorf("%d stale after the re-code, %+v", len(stale), w.Counts())
	}
	if got := snapshot(t, st); got != want {
		t.Errorf("re-coded store differs:\n%s", firstDiff(want, got))
	}
}

// firstDiff shows the first lines where two snapshots differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(wl), len(gl)) && n < 8; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, w, g)
			n++
		}
	}
	return b.String()
}

func TestLatencies(t *testing.T) {
	var l latencies
	if l.quantile(0.5) != 0 {
		t.Error("empty histogram has a median")
	}
	for i := 1; i <= 1000; i++ {
		l.add(time.Duration(i) * time.Millisecond)
	}
	l.add(-time.Second)     // clock skew: the first bucket
	l.add(1000 * time.Hour) // the last bucket
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 500 * time.Millisecond}, {0.99, 990 * time.Millisecond}, {0.001, time.Millisecond}} {
		got := l.quantile(c.q)
		if r := float64(got) / float64(c.want); r < 0.95 || r > 1.05 {
			t.Errorf("quantile %v = %v, want %v within 5%%", c.q, got, c.want)
		}
	}
}
