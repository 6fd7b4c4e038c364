package queue

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	"farabi/internal/ingest"
	"farabi/internal/intake"
	"farabi/internal/store"
)

// TestScaleBenchmark measures the queue with worker processes (one core
// each: GOMAXPROCS=1, --workers 1) writing to PostgreSQL on loopback:
// throughput with 1, 2 and 4 workers over FARABI_QUEUE_BENCH articles
// published before the workers start, the CPU per article of the workers
// and of PostgreSQL, publish-to-stored latency with articles published at
// a steady rate below capacity, and PostgreSQL's write rate for articles
// coded beforehand. It runs only when FARABI_QUEUE_BENCH is set:
//
//	FARABI_QUEUE_BENCH=1500 go test ./internal/queue -run TestScaleBenchmark -v -timeout 1h
func TestScaleBenchmark(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FARABI_QUEUE_BENCH"))
	if n <= 0 {
		t.Skip("set FARABI_QUEUE_BENCH=ARTICLES to run")
	}
	pg := startPostgres(t)
	farabi, natsServer := binaries(t)
	dir := t.TempDir()
	input := filepath.Join(dir, "news.jsonl")
	jsonlStories(t, input, n, 99)
	for _, k := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("workers=%d", k), func(t *testing.T) {
			db := pg.database(t, fmt.Sprintf("bench%d", k))
			url, js, stop := startNATS(t, natsServer, filepath.Join(dir, fmt.Sprintf("nats%d", k)))
			defer stop()
			runFarabi(t, "ingest", "--queue", url, input)
			pgBefore := pg.cpu(t)
			start := time.Now()
			var ws []*proc
			for i := range k {
				ws = append(ws, startProcEnv(t, dir, fmt.Sprintf("bench%d-w%d", k, i), []string{"GOMAXPROCS=1"}, farabi,
					"worker", "--queue", url, "--db", db, "--workers", "1", "--drain"))
			}
			// The rate between 10% and 90% done leaves out the engine's load
			// and the last stragglers.
			var t10, t90 time.Time
			for {
				st, err := ReadStatus(context.Background(), js)
				if err == nil {
					if t10.IsZero() && st.Done >= uint64(n/10) {
						t10 = time.Now()
					}
					if t90.IsZero() && st.Done >= uint64(n*9/10) {
						t90 = time.Now()
					}
					if st.Waiting == 0 {
						break
					}
				}
				if time.Since(start) > 30*time.Minute {
					t.Fatalf("not done in 30 minutes: %+v", st)
				}
				time.Sleep(100 * time.Millisecond)
			}
			wall := time.Since(start)
			var cpu time.Duration
			for _, w := range ws {
				select {
				case <-w.done:
				case <-time.After(time.Minute):
					t.Fatalf("%s did not stop", w.name)
				}
				cpu += procCPU(w)
			}
			time.Sleep(500 * time.Millisecond) // the workers' backends end and are counted
			pgCPU := pg.cpu(t) - pgBefore
			rate := float64(n*8/10) / t90.Sub(t10).Seconds()
			t.Logf("%d worker processes: %d articles in %v (engine loads included), %.1f articles/s between 10%% and 90%%; workers' CPU %.2f ms/article (%.0f articles per CPU-second), PostgreSQL's %.2f ms/article",
				k, n, wall.Round(time.Millisecond), rate, cpu.Seconds()*1000/float64(n), float64(n)/cpu.Seconds(), pgCPU.Seconds()*1000/float64(n))
		})
	}
	t.Run("latency", func(t *testing.T) {
		db := pg.database(t, "latency")
		url, js, stop := startNATS(t, natsServer, filepath.Join(dir, "natslat"))
		defer stop()
		w := startProcEnv(t, dir, "latency-w", nil, farabi, "worker", "--queue", url, "--db", db)
		time.Sleep(3 * time.Second) // the engine loads
		docs := stories(600, 11)
		const perSecond = 10
		p := NewPublisher(js, PublishOptions{Window: 1})
		tick := time.NewTicker(time.Second / perSecond)
		for _, d := range docs {
			<-tick.C
			if err := p.Article(context.Background(), d); err != nil {
				t.Fatal(err)
			}
		}
		tick.Stop()
		p.Flush(context.Background())
		if err := WaitEmpty(context.Background(), js, 100*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		w.stop()
		m := regexp.MustCompile(`publish to stored p50 (\S+), p99 (\S+) over (\d+) articles`).FindStringSubmatch(w.output())
		if m == nil {
			t.Fatalf("no latency in the worker's output:\n%s", tail(w.output(), 10))
		}
		t.Logf("one worker (2 cores), %d articles published at %d/s: publish to stored p50 %s, p99 %s", len(docs), perSecond, m[1], m[2])
	})
	t.Run("postgres-writes", func(t *testing.T) {
		// Articles coded beforehand (newsgen stories, every third a wire
		// copy), written by 1 and 4 writers in batches of 32 through
		// PutNear, as workers write them.
		docs, near := codedDocs(t, stories(n, 12))
		if os.Getenv("FARABI_QUEUE_BENCH_SLOWLOG") != "" {
			c, _ := pgxConnect(pg)
			c.Exec(context.Background(), "ALTER SYSTEM SET log_min_duration_statement = 20")
			c.Exec(context.Background(), "SELECT pg_reload_conf()")
			t.Cleanup(func() {
				b, _ := os.ReadFile(filepath.Join(pg.dir, "server.log"))
				os.WriteFile("/tmp/scale/pgslow.log", b, 0o644)
			})
		}
		for _, writers := range []int{1, 4} {
			db := pg.database(t, fmt.Sprintf("writes%d", writers))
			st, err := store.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			pgBefore := pg.cpu(t)
			start := time.Now()
			errs := make(chan error, writers)
			for wi := range writers {
				go func() {
					for i := wi * 32; i < len(docs); i += 32 * writers {
						if _, err := store.PutNear(context.Background(), st, near, docs[i:min(i+32, len(docs))]...); err != nil {
							errs <- err
							return
						}
					}
					errs <- nil
				}()
			}
			for range writers {
				if err := <-errs; err != nil {
					t.Fatal(err)
				}
			}
			d := time.Since(start)
			stats, _ := st.Stats(context.Background())
			st.Close()
			time.Sleep(300 * time.Millisecond) // the backends end and are counted
			t.Logf("%d writers: %d articles (%d events, %d clusters) in %v: %.0f articles/s, %.0f events/s; PostgreSQL CPU %.2f ms/article",
				writers, stats.Articles, stats.Events, stats.Clusters, d.Round(time.Millisecond), float64(stats.Articles)/d.Seconds(),
				float64(stats.Events)/d.Seconds(), (pg.cpu(t)-pgBefore).Seconds()*1000/float64(stats.Articles))
		}
	})
}

func pgxConnect(p *pgServer) (*pgx.Conn, error) {
	return pgx.Connect(context.Background(), fmt.Sprintf("postgres://farabi@127.0.0.1:%d/postgres?sslmode=disable", p.port))
}

// codedDocs codes docs with intake as a worker would and returns what
// intake gave the store to write, with its cluster chooser, unwritten.
func codedDocs(t *testing.T, docs []*ingest.Document) ([]*store.Doc, store.Nearest) {
	t.Helper()
	c := &capture{Store: openSQLite(t)}
	if _, err := intake.New(c, loadEngine(t), intake.Options{}).Run(context.Background(), func(yield func(*ingest.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}, 0); err != nil {
		t.Fatal(err)
	}
	return c.docs, c.near
}

// capture is a store that keeps what it is given to write and writes
// nothing.
type capture struct {
	store.Store
	docs []*store.Doc
	near store.Nearest
}

func (c *capture) PutNear(_ context.Context, near store.Nearest, docs ...*store.Doc) ([]store.PutResult, error) {
	c.near = near
	res := make([]store.PutResult, len(docs))
	for i, d := range docs {
		c.docs = append(c.docs, d)
		res[i].ID = int64(len(c.docs))
	}
	return res, nil
}

// startNATS starts a nats-server process with JetStream under dir and
// returns its URL, a JetStream context with the streams made, and a stop.
func startNATS(t *testing.T, natsServer, dir string) (string, jetstream.JetStream, func()) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	port := freePort(t)
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	srv := startProc(t, dir, "nats-server", natsServer, "-c", natsConfig(t, dir, "nats", port, 0, nil))
	nc, err := Connect(url, "bench", nil)
	for try := 0; err != nil && try < 50; try++ {
		time.Sleep(100 * time.Millisecond)
		nc, err = Connect(url, "bench", nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	js, err := Setup(context.Background(), nc, Config{})
	if err != nil {
		t.Fatal(err)
	}
	return url, js, func() { nc.Close(); srv.stop() }
}

// procCPU is the user and system CPU time of an ended process.
func procCPU(p *proc) time.Duration {
	if p.cmd.ProcessState == nil {
		return 0
	}
	if ru, ok := p.cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return 0
}

// cpu is the CPU time PostgreSQL's server and its ended backends have
// used (utime+stime+cutime+cstime of the postmaster).
func (p *pgServer) cpu(t *testing.T) time.Duration {
	t.Helper()
	pidFile, err := os.ReadFile(filepath.Join(p.dir, "data", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid := strings.SplitN(string(pidFile), "\n", 2)[0]
	stat, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		t.Fatal(err)
	}
	s := string(stat)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	var ticks int64
	for _, i := range []int{11, 12, 13, 14} { // fields 14–17 of stat, after pid and comm
		v, _ := strconv.ParseInt(f[i], 10, 64)
		ticks += v
	}
	return time.Duration(ticks) * 10 * time.Millisecond // USER_HZ 100
}
