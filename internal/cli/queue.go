package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"farabi/internal/engine"
	"farabi/internal/fetch"
	"farabi/internal/ingest"
	"farabi/internal/queue"
	"farabi/internal/store"
)

// The queue commands: "ingest --queue" and "recode --queue" publish,
// "worker" consumes, "queue status" watches. The work is in package queue.

func workerCommand() *Command {
	return &Command{
		Name: "worker",
		Usage: "worker (--queue nats://HOST:4222 | --embedded-nats DIR [--listen ADDR]) [--db DB] [--dict DIR] [--workers N] " +
			"[--batch N] [--max-ack-pending N] [--max-deliver N] [--ack-wait D] [--replicas N] [--drain]",
		Short: "code the articles and re-code requests of a NATS JetStream work queue into the store, until stopped",
		Run:   runWorker,
	}
}

func queueCommand() *Command {
	return &Command{
		Name:  "queue",
		Usage: "queue status|dead --queue nats://HOST:4222 [--interval D] [--limit N]",
		Short: "show the work queue: pending, in flight, done, failed and rate (status), or the dead letters with their reasons (dead)",
		Run:   runQueue,
	}
}

// queueFlags are the flags of every command that talks to the queue.
type queueFlags struct {
	url      *string
	replicas *int
}

func defineQueueFlags(fs *flag.FlagSet) *queueFlags {
	return &queueFlags{
		url:      fs.String("queue", "", "the NATS `URL` of the work queue, nats://HOST:4222 (a comma-separated list for a cluster)"),
		replicas: fs.Int("replicas", 1, "when the streams are made: how many cluster `nodes` keep them (3 in a three-node cluster)"),
	}
}

// connect connects to the queue and makes its streams when they are
// missing.
func (qf *queueFlags) connect(ctx context.Context, name string, c queue.Config, log *slog.Logger, opts ...nats.Option) (*nats.Conn, jetstream.JetStream, error) {
	c.Replicas = *qf.replicas
	nc, err := queue.Connect(*qf.url, name, log, opts...)
	if err != nil {
		return nil, nil, err
	}
	js, err := queue.Setup(ctx, nc, c)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return nc, js, nil
}

// runIngestQueue is "ingest --queue": the documents go to the work queue,
// for workers to code and store.
func runIngestQueue(ctx context.Context, env *Env, qf *queueFlags, sf *sourceFlags, ix *ingest.Index, sources []string) error {
	statePath, err := fetchStatePath(env, *sf.state, "")
	if err != nil {
		return err
	}
	state, err := fetch.OpenFileState(statePath)
	if err != nil {
		return err
	}
	nc, js, err := qf.connect(ctx, "farabi ingest", queue.Config{}, stderrLog(env))
	if err != nil {
		return err
	}
	defer nc.Close()
	client := fetch.New(fetch.Options{UserAgent: "farabi/" + engine.Version, AllowPrivate: *sf.allowPrivate, State: state})
	rd := ingest.NewReader(ingest.Options{Index: ix, Fetch: client, MaxBytes: *sf.maxSize << 20,
		FollowBelow: *sf.followBelow, Stdin: env.Stdin})
	var lines []string
	p := queue.NewPublisher(js, queue.PublishOptions{Problem: func(line string) {
		lines = append(lines, line)
		fmt.Fprintln(env.Stderr, "farabi ingest: "+line)
	}})
	start := time.Now()
	err = p.PublishRead(ctx, rd.Read(ctx, sources))
	c := p.Counts()
	d := time.Since(start)
	fmt.Fprintf(env.Stdout, "ingest: %d articles published to %s, %d already there, %d too large, %d sources unread, in %s (%.1f/s); %d publishes retried\n",
		c.Published, queue.Stream, c.Duplicates, c.Failed, c.Unread, d.Round(time.Millisecond), float64(c.Published)/max(d.Seconds(), 1e-9), c.Retried)
	switch {
	case errors.Is(err, context.Canceled):
		return errors.New("interrupted: what was published stays in the queue; run the same command again to go on (copies are dropped)")
	case err != nil:
		return err
	case c.Published+c.Duplicates == 0:
		return errors.New("nothing went in")
	}
	return nil
}

// runRecodeQueue is "recode --queue": a re-code request for every stale
// article goes to the work queue.
func runRecodeQueue(ctx context.Context, env *Env, qf *queueFlags, s store.Store, eng *engine.Engine, limit int) error {
	nc, js, err := qf.connect(ctx, "farabi recode", queue.Config{}, stderrLog(env))
	if err != nil {
		return err
	}
	defer nc.Close()
	v := engineVersions(eng)
	p := queue.NewPublisher(js, queue.PublishOptions{})
	start := time.Now()
	n, err := p.PublishStale(ctx, s, v, limit)
	c := p.Counts()
	fmt.Fprintf(env.Stderr, "recode: %d re-code requests published (%d new, %d already queued) in %.1fs (%s)\n",
		n, c.Published, c.Duplicates, time.Since(start).Seconds(), versionsText(v))
	return err
}

func runWorker(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "worker")
	qf := defineQueueFlags(fs)
	embedded := fs.String("embedded-nats", "", "run the queue server in this process, keeping its streams in `DIR`")
	listen := fs.String("listen", "127.0.0.1:4222", "with --embedded-nats: where other processes reach the server (`ADDR`; \"\" for nowhere)")
	db := dbFlag(fs)
	dictSpec := dictFlag(fs)
	workers := fs.Int("workers", 0, "coding goroutines (default: one per core)")
	batch := fs.Int("batch", 32, "the most articles written in one transaction")
	maxAck := fs.Int("max-ack-pending", 1000, "the most messages delivered and not yet acknowledged over all workers (back-pressure)")
	maxDeliver := fs.Int("max-deliver", 5, "deliveries of a message before it goes to the dead letters")
	ackWait := fs.Duration("ack-wait", 30*time.Second, "how long a delivered message waits for its ack before another worker gets it")
	drain := fs.Bool("drain", false, "stop once the queue is empty")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	if (*qf.url == "") == (*embedded == "") {
		return usageError("give one of --queue URL and --embedded-nats DIR")
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := stderrLog(env)
	var opts []nats.Option
	if *embedded != "" {
		srv, err := queue.StartEmbedded(*embedded, *listen)
		if err != nil {
			return err
		}
		defer srv.Shutdown()
		opts = append(opts, srv.ConnOption())
		if u := srv.URL(); u != "" {
			log.Info("queue server running", "url", u, "dir", *embedded)
		}
	}
	s, err := openStoreWaiting(ctx, env, *db, log)
	if err != nil {
		return err
	}
	defer s.Close()
	eng, err := engine.Load(*dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	c := queue.Config{MaxAckPending: *maxAck, MaxDeliver: *maxDeliver, AckWait: *ackWait}
	// A worker waits for a queue server that is not up yet.
	opts = append(opts, nats.RetryOnFailedConnect(true))
	nc, js, err := qf.connect(ctx, "farabi worker", c, log, opts...)
	if err != nil {
		return err
	}
	defer nc.Close()
	w := queue.NewWorker(js, s, eng, queue.WorkerOptions{Config: c, Workers: *workers, Batch: *batch, Log: log})
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if *drain {
		go func() {
			queue.WaitEmpty(wctx, js, time.Second)
			cancel()
		}()
	}
	start := time.Now()
	err = w.Run(wctx)
	n := w.Counts()
	d := time.Since(start)
	fmt.Fprintf(env.Stdout, "worker: %d articles stored, %d already stored, %d skipped, %d re-coded, %d dead letters, %d handed back, in %s (%.2f articles/s)\n",
		n.Stored, n.Duplicates, n.Skipped, n.Recoded, n.Dead, n.Naked, d.Round(time.Millisecond), float64(n.Stored)/max(d.Seconds(), 1e-9))
	if p50, p99, k := w.Latency(); k > 0 {
		fmt.Fprintf(env.Stdout, "worker: publish to stored p50 %s, p99 %s over %d articles\n", p50.Round(time.Millisecond), p99.Round(time.Millisecond), k)
	}
	return err
}

func runQueue(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "status" && args[0] != "dead") {
		return usageError("want status or dead")
	}
	sub := args[0]
	fs := newFlags(env, "queue "+sub)
	qf := defineQueueFlags(fs)
	interval := fs.Duration("interval", 2*time.Second, "status: watch for this long to measure the rate (0: read once)")
	limit := fs.Int("limit", 20, "dead: show at most `N` dead letters")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *qf.url == "" {
		return usageError("no --queue URL")
	}
	nc, err := queue.Connect(*qf.url, "farabi queue", nil, nats.MaxReconnects(0))
	if err != nil {
		return &subError{"queue " + sub, err}
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	if sub == "dead" {
		dead, err := queue.DeadLetters(ctx, js, *limit)
		if err != nil {
			return &subError{"queue dead", err}
		}
		for _, d := range dead {
			fmt.Fprintf(env.Stdout, "%s seq %s, %s deliveries, %d bytes: %s\n", d.Subject, d.Seq, d.Deliveries, len(d.Data), d.Reason)
		}
		return nil
	}
	st, err := queue.Sample(ctx, js, *interval)
	if err != nil {
		return &subError{"queue status", err}
	}
	st.Print(env.Stdout)
	return nil
}

// openStoreWaiting opens the store, trying again for two minutes: a
// worker may start before its database is up, or beside other workers
// making the store's tables in a new database.
func openStoreWaiting(ctx context.Context, env *Env, db string, log *slog.Logger) (store.Store, error) {
	deadline := time.Now().Add(2 * time.Minute)
	wait := 250 * time.Millisecond
	for {
		s, err := openStore(ctx, env, db)
		if err == nil || time.Now().After(deadline) {
			return s, err
		}
		log.Warn("store unavailable", "err", err, "retry_in", wait)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// stderrLog logs to the command's standard error.
func stderrLog(env *Env) *slog.Logger {
	return slog.New(slog.NewTextHandler(env.Stderr, nil))
}

// queueOnly reports the flags given with --queue that only a store
// command uses.
func queueOnly(fs *flag.FlagSet, storeFlags ...string) error {
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		for _, n := range storeFlags {
			if f.Name == n {
				bad = append(bad, "--"+n)
			}
		}
	})
	if len(bad) > 0 {
		return usageError("%s: with --queue the workers code and store", strings.Join(bad, ", "))
	}
	return nil
}
