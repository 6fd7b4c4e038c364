package intake

import (
	"context"
	"errors"
	"strconv"
	"time"

	"farabi/internal/engine"
	"farabi/internal/pipeline"
	"farabi/internal/store"
)

// Recoded says what became of one article given to a [Recoder].
type Recoded struct {
	ID        int64
	Sentences int
	Events    int
	// Current is set when the article was already coded by the Recoder's
	// versions: nothing was done.
	Current bool
	// Err is why the article's coding was not swapped: [store.ErrNotFound]
	// when it is gone, the store's refusal otherwise.
	Err error
}

// Recoder re-codes stored articles on all cores with an engine and swaps
// each article's coding in its own transaction ([store.Store.Recode]) as
// its result comes, in the order the articles were added. A Recoder is for
// one goroutine's use.
type Recoder struct {
	ctx   context.Context
	st    store.Store
	v     store.Versions
	batch *pipeline.Batch
	cb    *store.CodingBuilder
	done  func(Recoded) error
}

// NewRecoder returns a Recoder writing to st with the coder of eng; done
// hears of every article added, once it is re-coded (or why not). An
// error from done stops the Recoder and is returned by Add or Flush.
func NewRecoder(ctx context.Context, st store.Store, eng *engine.Engine, done func(Recoded) error) *Recoder {
	r := &Recoder{ctx: ctx, st: st, done: done,
		v: store.Versions{Coder: eng.Coding.CoderVersion, Dict: eng.Coding.DictVersion, Model: eng.Coding.ModelVersion}}
	r.batch = eng.Lang.NewBatch(eng.Coding, pipeline.SinkFuncs{
		SentenceFunc: func(sr *pipeline.SentenceResult) error {
			if r.cb == nil {
				r.cb = store.NewCodingBuilder(sr.Story.Text, eng.Coref, r.v)
			}
			r.cb.Add(sr)
			return nil
		},
		StoryFunc: func(sum *pipeline.Summary) error {
			c := store.NewCodingBuilder(sum.Story.Text, eng.Coref, r.v).Coding()
			if r.cb != nil {
				c = r.cb.Coding()
			}
			r.cb = nil
			id, _ := strconv.ParseInt(sum.Story.ID, 10, 64)
			err := r.st.Recode(r.ctx, id, &c)
			return r.done(Recoded{ID: id, Sentences: c.Sentences, Events: len(c.Events), Err: err})
		},
	})
	return r
}

// Versions are the versions the Recoder codes with.
func (r *Recoder) Versions() store.Versions { return r.v }

// Add reads a stored article and queues it for re-coding; every few
// articles the queue is coded and written. An article that is gone, or
// already coded by the Recoder's versions, goes to done at once. Add
// returns an error when the store cannot be read or done failed.
func (r *Recoder) Add(id int64) error {
	a, err := r.st.Article(r.ctx, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return r.done(Recoded{ID: id, Err: err})
	case err != nil:
		return err
	case a.Versions == r.v:
		return r.done(Recoded{ID: id, Current: true})
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	day, _ := time.Parse("2006-01-02", a.Published)
	return r.batch.Add(&pipeline.Story{ID: strconv.FormatInt(id, 10), Date: day, Text: a.Text})
}

// Flush codes and writes the articles queued.
func (r *Recoder) Flush() error { return r.batch.Flush() }
