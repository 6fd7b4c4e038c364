package pipeline

import "sync"

// Batch codes stories in parallel, one goroutine per story up to the
// pipeline's Workers, and hands the results to a sink in the order the
// stories were added. A Batch is for one goroutine's use.
type Batch struct {
	p       *Pipeline
	c       *Coding
	sink    func(*Result) error
	stories []*Story
}

// NewBatch returns a Batch that sends each story's result to sink.
func (p *Pipeline) NewBatch(c *Coding, sink func(*Result) error) *Batch {
	return &Batch{p: p, c: c, sink: sink}
}

// Add queues a story; every few stories the queue is coded and flushed.
func (b *Batch) Add(st *Story) error {
	b.stories = append(b.stories, st)
	if len(b.stories) >= 8*max(1, b.p.Workers) {
		return b.Flush()
	}
	return nil
}

// Flush codes the queued stories and sends their results to the sink. A
// lone story is coded with the pipeline's own workers over its sentences;
// several share the workers one story each.
func (b *Batch) Flush() error {
	if len(b.stories) == 0 {
		return nil
	}
	results := make([]*Result, len(b.stories))
	if len(b.stories) == 1 || b.p.Workers <= 1 {
		for i, st := range b.stories {
			results[i] = b.p.Code(b.c, st)
		}
	} else {
		one := *b.p
		one.Workers = 1
		var wg sync.WaitGroup
		next := make(chan int)
		for range b.p.Workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					results[i] = one.Code(b.c, b.stories[i])
				}
			}()
		}
		for i := range b.stories {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	b.stories = b.stories[:0]
	for _, r := range results {
		if err := b.sink(r); err != nil {
			return err
		}
	}
	return nil
}
