package queue

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"farabi/internal/engine"
	"farabi/internal/ingest"
	"farabi/internal/intake"
	"farabi/internal/store"
)

// WorkerOptions configure a Worker. The zero value is usable.
type WorkerOptions struct {
	// Config sets the consumers' AckWait, MaxDeliver and MaxAckPending.
	Config
	// Workers is the number of coding goroutines (default GOMAXPROCS).
	Workers int
	// Batch is the most articles written in one transaction (default 32).
	Batch int
	// Fetch is how many messages one pull asks for (default Batch).
	Fetch int
	// Round is the longest stretch of work recorded as one run in the
	// store (default 5 minutes); a round also ends after Idle without
	// messages (default 10 s). Articles of a round carry its start as
	// their ingest time.
	Round, Idle time.Duration
	// Name names the worker in the runs it records (default host:pid).
	Name string
	// Log hears of rounds, problems and the store's failures (default:
	// nothing is logged).
	Log *slog.Logger
}

// WorkerCounts say what a Worker did since it started.
type WorkerCounts struct {
	Stored     int64 // articles stored
	Duplicates int64 // articles already stored (a message delivered again, a copy)
	Skipped    int64 // articles not for the store (not English)
	Recoded    int64 // articles re-coded
	Dead       int64 // messages sent to the dead-letter stream
	Naked      int64 // messages handed back for another delivery (store down, shutdown)
}

// Worker pulls articles and re-code requests from the queue, codes them
// and writes them to a store. It runs until its context ends.
type Worker struct {
	js   jetstream.JetStream
	st   store.Store
	eng  *engine.Engine
	opts WorkerOptions
	log  *slog.Logger
	held tracker // messages delivered and not yet settled

	stored, dups, skipped, recoded, dead, naked atomic.Int64
	latMu                                       sync.Mutex
	roundLat, allLat                            latencies // publish to stored: this round, since the start
}

// NewWorker returns a Worker on the queue of js (made by [Setup]) writing
// to st with the coder of eng.
func NewWorker(js jetstream.JetStream, st store.Store, eng *engine.Engine, opts WorkerOptions) *Worker {
	opts.Config = opts.Config.withDefaults()
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Batch <= 0 {
		opts.Batch = 32
	}
	if opts.Fetch <= 0 {
		opts.Fetch = opts.Batch
	}
	if opts.Round <= 0 {
		opts.Round = 5 * time.Minute
	}
	if opts.Idle <= 0 {
		opts.Idle = 10 * time.Second
	}
	if opts.Name == "" {
		host, _ := os.Hostname()
		opts.Name = host + ":" + strconv.Itoa(os.Getpid())
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{js: js, st: st, eng: eng, opts: opts, log: log, held: tracker{msgs: map[uint64]jetstream.Msg{}}}
}

// Counts returns what the Worker did so far.
func (w *Worker) Counts() WorkerCounts {
	return WorkerCounts{Stored: w.stored.Load(), Duplicates: w.dups.Load(), Skipped: w.skipped.Load(),
		Recoded: w.recoded.Load(), Dead: w.dead.Load(), Naked: w.naked.Load()}
}

// Run works until ctx ends: it returns nil then, after writing what was
// being coded and handing back what was not. A store that fails makes it
// hand its messages back and wait for the store; a lost queue server, wait
// for the server. It returns an error only when the consumers cannot be
// made.
func (w *Worker) Run(ctx context.Context) error {
	arts, err := consumer(ctx, w.js, ConsumerArticles, SubjectArticles, w.opts.Config)
	if err != nil {
		return err
	}
	recs, err := consumer(ctx, w.js, ConsumerRecode, SubjectRecode, w.opts.Config)
	if err != nil {
		return err
	}
	// Progress for every message held keeps its ack deadline away while
	// it waits to be coded: only a dead or stuck worker's messages expire.
	beat := time.NewTicker(max(w.opts.AckWait/3, 100*time.Millisecond))
	defer beat.Stop()
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-beat.C:
				w.held.each(func(m jetstream.Msg) { m.InProgress() })
			}
		}
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.recodeLoop(ctx, recs)
	}()
	w.articleLoop(ctx, arts)
	wg.Wait()
	// Whatever is still held goes back at once for the other workers.
	w.held.each(func(m jetstream.Msg) { w.handBack(m, 0) })
	return nil
}

// articleLoop runs rounds of ingest while messages come.
func (w *Worker) articleLoop(ctx context.Context, cons jetstream.Consumer) {
	for ctx.Err() == nil {
		if !w.storeReady(ctx) {
			return
		}
		first := w.next(ctx, cons)
		if first == nil {
			return
		}
		if err := w.round(ctx, cons, first); err != nil && ctx.Err() == nil {
			w.log.Error("round failed: messages handed back", "err", err)
		}
	}
}

// next waits for a message.
func (w *Worker) next(ctx context.Context, cons jetstream.Consumer) jetstream.Msg {
	for ctx.Err() == nil {
		b, err := cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			pause(ctx, time.Second)
			continue
		}
		for m := range b.Messages() {
			return m
		}
	}
	return nil
}

// storeReady waits until the store answers, and reports false when ctx
// ends first.
func (w *Worker) storeReady(ctx context.Context) bool {
	wait := 250 * time.Millisecond
	for ctx.Err() == nil {
		_, err := w.st.ArticleByHash(ctx, "")
		if err == nil || errors.Is(err, store.ErrNotFound) {
			return true
		}
		w.log.Warn("store unavailable", "err", err, "retry_in", wait)
		pause(ctx, wait)
		wait = min(2*wait, 5*time.Second)
	}
	return false
}

func pause(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// errRoundOver ends a round's reading when it has run its time.
var errRoundOver = errors.New("round over")

// round codes and stores articles from first on, through intake, until
// the round's time is up, messages stop coming, the store fails or ctx
// ends. It is one run in the store.
func (w *Worker) round(ctx context.Context, cons jetstream.Consumer, first jetstream.Msg) error {
	rctx, cancel := context.WithTimeoutCause(ctx, w.opts.Round, errRoundOver)
	defer cancel()
	r := &round{w: w, failed: map[string]error{}}
	rctx, r.stop = context.WithCancelCause(rctx)
	defer r.stop(nil)
	eng := w.eng
	run := &store.Run{Command: "worker", Args: w.opts.Name,
		Versions: store.Versions{Coder: eng.Coding.CoderVersion, Dict: eng.Coding.DictVersion, Model: eng.Coding.ModelVersion}}
	if _, err := w.st.StartRun(ctx, run); err != nil {
		w.handBack(first, time.Second)
		return err
	}
	in := intake.New(watched{Store: w.st, r: r}, eng, intake.Options{Workers: w.opts.Workers, Batch: w.opts.Batch,
		Problem: func(k intake.Kind, line string) {
			switch k {
			case intake.Warning:
				w.log.Warn(line)
			case intake.Skipped:
				w.log.Info("skipped: " + line)
			default:
				w.log.Warn("failed: " + line)
			}
		}})
	start := time.Now()
	counts, err := in.Run(ctx, r.docs(rctx, cons, first), run.ID)
	if err == nil {
		err = r.err()
	}
	// What was read and not stored goes back: soon after a store failure
	// (the next round waits for the store), at once on shutdown.
	back := r.handBack(time.Second)
	w.stored.Add(int64(counts.Articles))
	w.dups.Add(int64(counts.Duplicates))
	w.skipped.Add(int64(counts.Skipped))
	run.Articles, run.Duplicates, run.Sentences, run.Events = counts.Articles, counts.Duplicates, counts.Sentences, counts.Events
	run.Skipped, run.Failed = counts.Skipped, counts.Failed
	switch {
	case ctx.Err() != nil:
		run.Status = "interrupted"
	case err != nil:
		run.Status, run.Errors = "failed", err.Error()
	}
	if ferr := w.st.FinishRun(context.WithoutCancel(ctx), run); ferr != nil && err == nil {
		err = ferr
	}
	p50, p99 := w.takeLatencies()
	w.log.Info("round done", "run", run.ID, "articles", counts.Articles, "duplicates", counts.Duplicates,
		"events", counts.Events, "skipped", counts.Skipped, "failed", counts.Failed, "handed_back", back,
		"seconds", time.Since(start).Seconds(), "latency_p50", p50.Seconds(), "latency_p99", p99.Seconds())
	return err
}

// round is the state of one round of ingest.
type round struct {
	w    *Worker
	stop context.CancelCauseFunc // ends the reading (the store failed)
	mu   sync.Mutex
	fail error
	// failed holds the articles the store refused, by content hash, for
	// their messages' Commit; only the writer goroutine touches it.
	failed map[string]error
	mine   []uint64 // stream sequences of the messages read this round
}

// storeFailed stops the round's reading: the store failed.
func (r *round) storeFailed(err error) {
	r.mu.Lock()
	if r.fail == nil {
		r.fail = err
	}
	r.mu.Unlock()
	r.stop(err)
}

func (r *round) err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.fail
}

// handBack naks the messages of this round still held and returns how
// many there were.
func (r *round) handBack(delay time.Duration) int {
	n := 0
	for _, seq := range r.mine {
		if m := r.w.held.take(seq); m != nil {
			r.w.handBack(m, delay)
			n++
		}
	}
	return n
}

// docs reads messages as documents, first then what the consumer
// delivers, until rctx ends or no message came for Idle.
func (r *round) docs(rctx context.Context, cons jetstream.Consumer, first jetstream.Msg) iter.Seq2[*ingest.Document, error] {
	return func(yield func(*ingest.Document, error) bool) {
		w := r.w
		last := time.Now()
		take := func(m jetstream.Msg) bool {
			last = time.Now()
			if d := r.accept(rctx, m); d != nil {
				return yield(d, nil)
			}
			return true
		}
		if !take(first) {
			return
		}
		for rctx.Err() == nil && time.Since(last) < w.opts.Idle {
			b, err := cons.Fetch(w.opts.Fetch, jetstream.FetchMaxWait(time.Second))
			if err != nil {
				pause(rctx, 250*time.Millisecond)
				continue
			}
			for m := range b.Messages() {
				if !take(m) {
					return
				}
			}
		}
	}
}

// accept turns a message into a document to code, or sends it to the
// dead-letter stream and returns nil. The document's Commit acknowledges
// the message once intake has stored the article (or found it stored).
func (r *round) accept(ctx context.Context, m jetstream.Msg) *ingest.Document {
	w := r.w
	md, err := m.Metadata()
	if err != nil {
		m.Term()
		return nil
	}
	if int(md.NumDelivered) > w.opts.MaxDeliver {
		w.deadLetter(ctx, m, md, fmt.Sprintf("delivered %d times without an acknowledgement: a worker died, timed out or could not store it each time", md.NumDelivered-1))
		return nil
	}
	d, err := decodeArticle(m.Data())
	if err != nil {
		w.deadLetter(ctx, m, md, err.Error())
		return nil
	}
	hash := store.ContentHash(d.Text)
	seq := md.Sequence.Stream
	w.held.add(seq, m)
	r.mine = append(r.mine, seq)
	d.Commit = func() error {
		if w.held.take(seq) == nil {
			return nil // handed back already
		}
		if err := r.failed[hash]; err != nil {
			w.deadLetter(ctx, m, md, "the store refused it: "+err.Error())
			return nil
		}
		if err := m.Ack(); err != nil {
			w.log.Warn("ack failed: the message will come again and be found stored", "seq", seq, "err", err)
		}
		w.noteLatency(m)
		return nil
	}
	return d
}

// watched is the store a round's intake writes to: it tells the round
// when the store fails and which articles it refused.
type watched struct {
	store.Store
	r *round
}

func (s watched) ArticleByHash(ctx context.Context, hash string) (*store.Article, error) {
	a, err := s.Store.ArticleByHash(ctx, hash)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.r.storeFailed(err)
	}
	return a, err
}

func (s watched) PutNear(ctx context.Context, near store.Nearest, docs ...*store.Doc) ([]store.PutResult, error) {
	res, err := store.PutNear(ctx, s.Store, near, docs...)
	if err != nil {
		s.r.storeFailed(err)
		return res, err
	}
	for i, pr := range res {
		if pr.Err != nil {
			s.r.failed[docs[i].Article.Hash] = pr.Err
		}
	}
	return res, nil
}

// recodeLoop re-codes the articles named by re-code messages, a fetch at
// a time.
func (w *Worker) recodeLoop(ctx context.Context, cons jetstream.Consumer) {
	type held struct {
		m  jetstream.Msg
		md *jetstream.MsgMetadata
	}
	byID := map[int64][]held{}
	rec := intake.NewRecoder(ctx, w.st, w.eng, func(r intake.Recoded) error {
		for _, h := range byID[r.ID] {
			if w.held.take(h.md.Sequence.Stream) == nil {
				continue
			}
			switch {
			case r.Err == nil || errors.Is(r.Err, store.ErrNotFound):
				if r.Err == nil && !r.Current {
					w.recoded.Add(1)
				}
				h.m.Ack()
			case ctx.Err() != nil:
				w.handBack(h.m, 0)
			case int(h.md.NumDelivered) >= w.opts.MaxDeliver:
				w.deadLetter(ctx, h.m, h.md, "re-coding failed: "+r.Err.Error())
			default:
				w.log.Warn("re-coding failed: the message will come again", "article", r.ID, "err", r.Err)
				w.handBack(h.m, 2*time.Second)
			}
		}
		delete(byID, r.ID)
		return nil
	})
	for ctx.Err() == nil {
		if !w.storeReady(ctx) {
			return
		}
		b, err := cons.Fetch(w.opts.Fetch, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			pause(ctx, time.Second)
			continue
		}
		for m := range b.Messages() {
			md, err := m.Metadata()
			if err != nil {
				m.Term()
				continue
			}
			if int(md.NumDelivered) > w.opts.MaxDeliver {
				w.deadLetter(ctx, m, md, fmt.Sprintf("delivered %d times without an acknowledgement", md.NumDelivered-1))
				continue
			}
			id, err := decodeRecode(m.Data())
			if err != nil {
				w.deadLetter(ctx, m, md, err.Error())
				continue
			}
			w.held.add(md.Sequence.Stream, m)
			byID[id] = append(byID[id], held{m, md})
			if len(byID[id]) > 1 {
				continue // the same article twice: one re-code answers both
			}
			if err := rec.Add(id); err != nil {
				w.log.Error("re-coding stopped: messages handed back", "err", err)
				for m := range b.Messages() { // the rest of the pull
					w.handBack(m, time.Second)
				}
				break
			}
		}
		if err := rec.Flush(); err != nil {
			w.log.Error("re-coding stopped: messages handed back", "err", err)
		}
		for id, hs := range byID { // not done: the store failed
			for _, h := range hs {
				if w.held.take(h.md.Sequence.Stream) != nil {
					w.handBack(h.m, time.Second)
				}
			}
			delete(byID, id)
		}
	}
}

// deadLetter copies a message to the dead-letter stream with the reason
// and removes it from the work queue. When the copy fails the message is
// handed back, to be tried again.
func (w *Worker) deadLetter(ctx context.Context, m jetstream.Msg, md *jetstream.MsgMetadata, reason string) {
	w.held.take(md.Sequence.Stream)
	kind := "articles"
	if m.Subject() == SubjectRecode {
		kind = "recode"
	}
	dm := nats.NewMsg(deadSubject + kind)
	dm.Data = m.Data()
	for k, vs := range m.Headers() {
		// Not JetStream's own (message ID, expected stream): they would
		// make the dead-letter stream drop or refuse the copy.
		if !strings.HasPrefix(k, "Nats-") {
			dm.Header[k] = vs
		}
	}
	seq := strconv.FormatUint(md.Sequence.Stream, 10)
	dm.Header.Set(HeaderReason, reason)
	dm.Header.Set(HeaderDeliveries, strconv.FormatUint(md.NumDelivered, 10))
	dm.Header.Set(HeaderSeq, seq)
	// One copy however many workers get here for the same delivery.
	if _, err := w.js.PublishMsg(context.WithoutCancel(ctx), dm, jetstream.WithMsgID("dead:"+seq)); err != nil {
		w.log.Warn("dead-letter failed: message handed back", "seq", seq, "err", err)
		w.handBack(m, 5*time.Second)
		return
	}
	if len(reason) > 200 {
		reason = reason[:200]
	}
	m.TermWithReason(reason)
	w.dead.Add(1)
	w.log.Warn("dead letter", "subject", m.Subject(), "seq", seq, "deliveries", md.NumDelivered, "reason", reason)
}

// handBack naks a message so that it is delivered again after delay.
func (w *Worker) handBack(m jetstream.Msg, delay time.Duration) {
	w.naked.Add(1)
	if delay > 0 {
		m.NakWithDelay(delay)
		return
	}
	m.Nak()
}

// noteLatency records how long a message took from publish to stored.
func (w *Worker) noteLatency(m jetstream.Msg) {
	t, err := time.Parse(time.RFC3339Nano, m.Headers().Get(HeaderPublished))
	if err != nil {
		return
	}
	d := time.Since(t)
	w.latMu.Lock()
	w.roundLat.add(d)
	w.allLat.add(d)
	w.latMu.Unlock()
}

// takeLatencies returns the median and 99th percentile of the latencies
// noted since the last call, and forgets them.
func (w *Worker) takeLatencies() (p50, p99 time.Duration) {
	w.latMu.Lock()
	defer w.latMu.Unlock()
	p50, p99 = w.roundLat.quantile(0.5), w.roundLat.quantile(0.99)
	w.roundLat = latencies{}
	return p50, p99
}

// Latency returns the median and 99th percentile of the time from
// publish to stored over the articles this Worker stored (or found
// stored), within 5%, and how many there were.
func (w *Worker) Latency() (p50, p99 time.Duration, n int64) {
	w.latMu.Lock()
	defer w.latMu.Unlock()
	return w.allLat.quantile(0.5), w.allLat.quantile(0.99), w.allLat.n
}

// latencies is a histogram of durations in buckets 2^(1/16) apart (4.4%)
// from 1 ms to about 9 hours, so that a long-running worker keeps its
// percentiles in constant space.
type latencies struct {
	n      int64
	bucket [latBuckets]int64
}

const latBuckets = 16 * 25

func (l *latencies) add(d time.Duration) {
	i := 0
	if ms := float64(d) / float64(time.Millisecond); ms > 1 {
		i = min(int(16*math.Log2(ms))+1, latBuckets-1)
	}
	l.bucket[i]++
	l.n++
}

// quantile returns the q-quantile (0 < q < 1) at the middle of its bucket,
// 0 when nothing was added.
func (l *latencies) quantile(q float64) time.Duration {
	if l.n == 0 {
		return 0
	}
	rank := int64(math.Ceil(q * float64(l.n)))
	var seen int64
	for i, c := range l.bucket {
		if seen += c; seen >= rank {
			if i == 0 {
				return time.Millisecond
			}
			return time.Duration(math.Exp2((float64(i)-0.5)/16) * float64(time.Millisecond))
		}
	}
	return 0
}

// tracker holds the messages a worker has and has not settled, by stream
// sequence, for progress beats and hand-backs.
type tracker struct {
	mu   sync.Mutex
	msgs map[uint64]jetstream.Msg
}

func (t *tracker) add(seq uint64, m jetstream.Msg) {
	t.mu.Lock()
	t.msgs[seq] = m
	t.mu.Unlock()
}

// take removes a message and returns it, or nil when it is not held.
func (t *tracker) take(seq uint64) jetstream.Msg {
	t.mu.Lock()
	defer t.mu.Unlock()
	m := t.msgs[seq]
	delete(t.msgs, seq)
	return m
}

func (t *tracker) each(f func(jetstream.Msg)) {
	t.mu.Lock()
	ms := make([]jetstream.Msg, 0, len(t.msgs))
	for _, m := range t.msgs {
		ms = append(ms, m)
	}
	t.mu.Unlock()
	for _, m := range ms {
		f(m)
	}
}
