package pipeline

import (
	"sync"
	"sync/atomic"
)

// Sink receives what a [Batch] makes of its stories, in the order they
// were added: each sentence of a story in order, then the story's summary,
// then the next story. Its methods are called from the goroutine that
// calls [Batch.Add] and [Batch.Flush], one at a time. An error stops the
// batch and is returned by Add or Flush.
type Sink interface {
	Sentence(*SentenceResult) error
	Story(*Summary) error
}

// SinkFuncs is a [Sink] made of two functions; a nil one ignores its calls.
type SinkFuncs struct {
	SentenceFunc func(*SentenceResult) error
	StoryFunc    func(*Summary) error
}

// Sentence calls SentenceFunc.
func (f SinkFuncs) Sentence(r *SentenceResult) error {
	if f.SentenceFunc == nil {
		return nil
	}
	return f.SentenceFunc(r)
}

// Story calls StoryFunc.
func (f SinkFuncs) Story(s *Summary) error {
	if f.StoryFunc == nil {
		return nil
	}
	return f.StoryFunc(s)
}

// Limits on what a Batch holds, so its memory stays bounded whatever the
// stories: a story longer than aloneBytes is coded by itself, its sentences
// on the workers, and streamed to the sink; shorter ones are queued, at most
// 8 per worker and queueBytes of text, and coded a story per worker, their
// results held until the stories before them are sent.
const (
	aloneBytes = 256 << 10
	queueBytes = 1 << 20
)

// Batch codes stories in parallel, one goroutine per story up to the
// pipeline's Workers, and hands the results to a [Sink] in the order the
// stories were added. The results do not depend on the number of workers.
// A Batch is for one goroutine's use.
type Batch struct {
	p       *Pipeline
	c       *Coding
	sink    Sink
	stories []*Story
	size    int // bytes of text queued
}

// NewBatch returns a Batch that sends each story's results to sink.
func (p *Pipeline) NewBatch(c *Coding, sink Sink) *Batch {
	return &Batch{p: p, c: c, sink: sink}
}

// Add queues a story; every few stories the queue is coded and flushed. A
// long story flushes the queue and is coded at once.
func (b *Batch) Add(st *Story) error {
	if len(st.Text) > aloneBytes {
		if err := b.Flush(); err != nil {
			return err
		}
		return b.stream(b.p, st)
	}
	b.stories = append(b.stories, st)
	b.size += len(st.Text)
	if len(b.stories) >= 8*max(1, b.p.Workers) || b.size >= queueBytes {
		return b.Flush()
	}
	return nil
}

// stream codes one story with p and sends it to the sink as it goes.
func (b *Batch) stream(p *Pipeline, st *Story) error {
	sum, err := p.CodeStream(b.c, st, b.sink.Sentence)
	if err != nil {
		return err
	}
	return b.sink.Story(sum)
}

// coded is one queued story's results, held until its turn.
type coded struct {
	sents []*SentenceResult
	sum   *Summary
	done  chan struct{}
}

// Flush codes the queued stories and sends their results to the sink. A
// lone story is coded with the pipeline's own workers over its sentences;
// several share the workers one story each, and each story's results are
// sent as soon as it and the stories before it are done.
func (b *Batch) Flush() error {
	stories := b.stories
	b.stories, b.size = nil, 0
	if len(stories) == 0 {
		return nil
	}
	if len(stories) == 1 || b.p.Workers <= 1 {
		for _, st := range stories {
			if err := b.stream(b.p, st); err != nil {
				return err
			}
		}
		return nil
	}
	one := *b.p
	one.Workers = 1
	out := make([]coded, len(stories))
	for i := range out {
		out[i].done = make(chan struct{})
	}
	var stop atomic.Bool // the sink failed: code no more
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(b.p.Workers, len(stories)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o := &out[i]
				if !stop.Load() {
					o.sum, _ = one.CodeStream(b.c, stories[i], func(r *SentenceResult) error {
						o.sents = append(o.sents, r)
						return nil
					})
				}
				close(o.done)
			}
		}()
	}
	go func() {
		for i := range stories {
			next <- i
		}
		close(next)
	}()
	var err error
	for i := range out {
		<-out[i].done
		if err == nil {
			err = b.send(&out[i])
			if err != nil {
				stop.Store(true)
			}
		}
		out[i] = coded{} // its results are sent: let them go
	}
	wg.Wait()
	return err
}

// send hands one coded story to the sink.
func (b *Batch) send(o *coded) error {
	for _, r := range o.sents {
		if err := b.sink.Sentence(r); err != nil {
			return err
		}
	}
	return b.sink.Story(o.sum)
}
