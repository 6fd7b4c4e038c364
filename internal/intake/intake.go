// Package intake takes documents into a store: it codes them on all cores
// and writes them with one writer goroutine, with their dedup cluster.
//
// The documents come from package ingest in order. A document whose text
// (by [store.ContentHash]) is already stored is counted and skipped before
// it is coded, so a rerun over the same sources costs little and changes
// nothing. The others are coded by [Options.Workers] goroutines (each runs
// the whole pipeline on one story), signed by package dedup, and handed to
// the writer, which puts them in input order, a few articles per
// transaction: a process killed at any moment leaves whole articles only,
// and a rerun codes what was not stored. Each article joins the cluster of
// its most similar stored near-duplicate ([dedup.Best] over the store's
// band-key candidates), or starts its own.
//
// A cancelled context stops the reading at once; the articles being coded
// are finished and written, and the run ends cleanly: nothing is half
// written and the next run picks up the rest.
package intake

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"farabi/internal/dedup"
	"farabi/internal/engine"
	"farabi/internal/ingest"
	"farabi/internal/pipeline"
	"farabi/internal/store"
)

// Options configure an Intake. The zero value is usable.
type Options struct {
	// Workers is the number of coding goroutines; default GOMAXPROCS.
	Workers int
	// Batch is the most articles written in one transaction; default 32.
	Batch int
	// Now is the ingest time; default the time Run starts.
	Now time.Time
	// Progress, when set, is called by the writer after each document is
	// done (stored, skipped or failed), with the counts so far.
	Progress func(Counts)
	// Problem, when set, is called with every document that failed or
	// was skipped and every warning, one line each, as they happen.
	Problem func(kind Kind, line string)
}

// Kind sorts what Problem reports.
type Kind int

// Kinds of problem.
const (
	Warning Kind = iota // the document was stored, with this remark
	Skipped             // not a story: empty, binary, not English…
	Failed              // could not be read, fetched or stored
)

// Counts say what a run did so far.
type Counts struct {
	Read       int // documents read
	Articles   int // stored
	Duplicates int // already stored (same text)
	Sentences  int // of the stored articles
	Events     int
	Quotes     int
	Skipped    int
	Failed     int
	Clustered  int // stored articles that joined an earlier story's cluster
}

// Intake codes documents and writes them to a store.
type Intake struct {
	st   store.Store
	eng  *engine.Engine
	v    store.Versions
	opts Options
}

// New returns an Intake writing to st with the coder of eng.
func New(st store.Store, eng *engine.Engine, opts Options) *Intake {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Batch <= 0 {
		opts.Batch = 32
	}
	v := store.Versions{Coder: eng.Coding.CoderVersion, Dict: eng.Coding.DictVersion, Model: eng.Coding.ModelVersion}
	return &Intake{st: st, eng: eng, v: v, opts: opts}
}

// Versions are the versions stamped on what this Intake stores.
func (in *Intake) Versions() store.Versions { return in.v }

// job is one document on its way from the reader to the writer.
type job struct {
	seq  int
	doc  *ingest.Document
	err  error // a reading problem: passed through in order
	hash string
	// Filled by the coding workers.
	dup       bool
	coded     *store.Doc
	sig       dedup.Signature
	cancelled bool
	fail      error
}

// Run reads docs, codes and stores them, and returns the counts. runID is
// stamped on every stored article. It returns an error only when the store
// fails (the articles written before stay) or ctx is cancelled (after
// writing what was coded); reading problems are counted and reported
// through Options.Problem.
func (in *Intake) Run(ctx context.Context, docs iter.Seq2[*ingest.Document, error], runID int64) (Counts, error) {
	now := in.opts.Now
	if now.IsZero() {
		now = time.Now().UTC()
	}
	// Writes use a context that is not cancelled, so that the articles
	// being coded when a signal comes are written whole. The workers stop
	// early on a signal or when the writer fails.
	wctx := context.WithoutCancel(ctx)
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan *job, 2*in.opts.Workers)
	done := make(chan *job, 2*in.opts.Workers)
	var wg sync.WaitGroup
	lang := *in.eng.Lang
	lang.Workers = 1 // one story per goroutine: the stories are the parallel unit
	for range in.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				in.code(ctx, wctx, &lang, j, now, runID)
				done <- j
			}
		}()
	}
	go func() {
		defer close(work)
		seq := 0
		for d, err := range docs {
			if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				return
			}
			work <- &job{seq: seq, doc: d, err: err}
			seq++
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	w := &writer{in: in, ctx: wctx, pending: map[int]*job{}, stop: cancel}
	err := w.loop(done)
	if err == nil && parent.Err() != nil {
		err = parent.Err()
	}
	return w.counts, err
}

// code checks a document against the store, codes and signs it. It runs
// on a worker goroutine.
func (in *Intake) code(ctx, wctx context.Context, lang *pipeline.Pipeline, j *job, now time.Time, runID int64) {
	if j.err != nil {
		return
	}
	if ctx.Err() != nil {
		j.cancelled = true
		return
	}
	d := j.doc
	if d.Language != "" && d.Language != "en" {
		j.err = &ingest.Problem{Source: d.Source, Skipped: true, Err: fmt.Errorf("in language %q: farabi codes English", d.Language)}
		return
	}
	j.hash = store.ContentHash(d.Text)
	if _, err := in.st.ArticleByHash(wctx, j.hash); err == nil {
		j.dup = true
		return
	} else if !errors.Is(err, store.ErrNotFound) {
		j.fail = err
		return
	}
	st := &pipeline.Story{ID: d.ID, Date: d.Published, Text: d.Text}
	if d.DateBasis == ingest.DateNone {
		st.Date = now
	}
	r := lang.Code(in.eng.Coding, st)
	j.sig = dedup.Sign(d.Text)
	j.coded = &store.Doc{
		Article: store.Article{URL: d.URL, Outlet: d.Outlet, Title: d.Title, Published: st.Date.Format("2006-01-02"),
			DateGuessed: d.DateBasis == ingest.DateNone, Language: d.Language, Text: d.Text, Hash: j.hash,
			IngestedAt: now, Source: d.Source, RunID: runID},
		Coding:    store.CodingOf(r, in.eng.Coref, in.v),
		Signature: j.sig.Bytes(),
		Bands:     j.sig.Bands(),
	}
}

// writer puts coded documents into the store in input order.
type writer struct {
	in      *Intake
	ctx     context.Context
	next    int
	pending map[int]*job // done, waiting for the ones before them
	batch   []*job       // in order, not yet written
	commits []func() error
	counts  Counts
	stopped bool   // a job was cancelled: nothing after it is written
	stop    func() // cancels the workers' context
}

func (w *writer) loop(done <-chan *job) error {
	var err error
	// A batch is written when it is full, or maxWait after its first
	// article: few transactions while the workers keep up, and a slow
	// source does not hold stored articles back for long.
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case j, ok := <-done:
			if !ok {
				if err == nil {
					err = w.flush()
				}
				return err
			}
			if err != nil {
				continue // drain the workers
			}
			w.pending[j.seq] = j
			had := len(w.batch)
			for {
				j, ok := w.pending[w.next]
				if !ok {
					break
				}
				delete(w.pending, w.next)
				w.next++
				if err = w.take(j); err != nil {
					w.stop()
					break
				}
			}
			switch {
			case err != nil:
			case len(w.batch) >= w.in.opts.Batch || (len(w.batch) == 0 && len(w.commits) > 0):
				if err = w.flush(); err != nil {
					w.stop()
				}
				timer.Stop()
			case had == 0 && len(w.batch) > 0:
				timer.Reset(maxWait)
			}
		case <-timer.C:
			if err == nil {
				if err = w.flush(); err != nil {
					w.stop()
				}
			}
		}
	}
}

// maxWait is the longest a coded article waits for its batch to fill.
const maxWait = 500 * time.Millisecond

// take handles the next document in input order.
func (w *writer) take(j *job) error {
	in := w.in
	if w.stopped || j.cancelled {
		w.stopped = true
		return nil
	}
	if j.err != nil {
		kind := Failed
		var p *ingest.Problem
		if errors.As(j.err, &p) && p.Skipped {
			kind = Skipped
			w.counts.Skipped++
		} else {
			w.counts.Failed++
		}
		in.report(kind, j.err.Error())
		w.progress()
		return nil
	}
	w.counts.Read++
	for _, warn := range j.doc.Warnings {
		in.report(Warning, j.doc.Source+": "+warn)
	}
	switch {
	case j.fail != nil:
		return j.fail // the store failed
	case j.dup:
		w.counts.Duplicates++
		w.addCommit(j.doc.Commit)
		w.progress()
		return nil
	}
	// A near-duplicate of an article still in the batch needs that
	// article's ID: write the batch first.
	for _, b := range w.batch {
		if dedup.Duplicate(&j.sig, &b.sig) {
			if err := w.flush(); err != nil {
				return err
			}
			break
		}
	}
	cands, err := in.st.Similar(w.ctx, j.coded.Bands)
	if err != nil {
		return err
	}
	sigs := make([]dedup.Signature, 0, len(cands))
	ids := make([]int, 0, len(cands))
	for i, c := range cands {
		s, derr := dedup.Decode(c.Signature)
		if derr != nil {
			continue
		}
		sigs, ids = append(sigs, s), append(ids, i)
	}
	if b, _ := dedup.Best(&j.sig, sigs); b >= 0 {
		j.coded.Article.Cluster = cands[ids[b]].Cluster
		w.counts.Clustered++
	}
	w.batch = append(w.batch, j)
	w.addCommit(j.doc.Commit)
	return nil
}

func (w *writer) addCommit(c func() error) {
	if c != nil {
		w.commits = append(w.commits, c)
	}
}

// flush writes the batch in one transaction, then runs the commits of the
// documents handled so far.
func (w *writer) flush() error {
	if len(w.batch) > 0 {
		docs := make([]*store.Doc, len(w.batch))
		for i, j := range w.batch {
			docs[i] = j.coded
		}
		res, err := w.in.st.Put(w.ctx, docs...)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		for i, r := range res {
			j := w.batch[i]
			switch {
			case r.Err != nil:
				w.counts.Failed++
				w.in.report(Failed, r.Err.Error())
			case r.Duplicate:
				w.counts.Duplicates++
			default:
				w.counts.Articles++
				w.counts.Sentences += j.coded.Coding.Sentences
				w.counts.Events += r.Events
				w.counts.Quotes += len(j.coded.Coding.Quotes)
			}
			w.progress()
		}
		w.batch = w.batch[:0]
	}
	for _, c := range w.commits {
		if err := c(); err != nil {
			w.in.report(Warning, fmt.Sprintf("remembering a fetch: %v", err))
		}
	}
	w.commits = w.commits[:0]
	return nil
}

func (w *writer) progress() {
	if w.in.opts.Progress != nil {
		w.in.opts.Progress(w.counts)
	}
}

func (in *Intake) report(k Kind, line string) {
	if in.opts.Problem != nil {
		in.opts.Problem(k, line)
	}
}
