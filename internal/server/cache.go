package server

import (
	"container/list"
	"sync"
	"time"
)

// answerCache keeps encoded answers of read routes for a while, most
// recently used first, at most max of them, each at most ttl old. Answers
// belong to a generation of the store (see [store.Store.Generation]): a
// request that has read a newer one empties the cache, so no answer
// computed before a write is given after it, whoever wrote. It is safe for
// concurrent use.
type answerCache struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	gen   int64 // the newest generation seen
	items map[string]*list.Element
	order *list.List // of *cached, most recent first
}

type cached struct {
	key  string
	body []byte
	at   time.Time
}

func newAnswerCache(ttl time.Duration, max int) *answerCache {
	return &answerCache{ttl: ttl, max: max, items: map[string]*list.Element{}, order: list.New()}
}

// seen notes that a request read generation gen and says whether the
// cache's answers belong to it; the caller holds c.mu.
func (c *answerCache) seen(gen int64) bool {
	if gen > c.gen {
		c.gen = gen
		c.items = map[string]*list.Element{}
		c.order.Init()
	}
	return gen == c.gen
}

// get returns the answer kept for key, if it is fresh and of generation
// gen.
func (c *answerCache) get(key string, gen int64, now time.Time) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.seen(gen) {
		return nil, false
	}
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	v := e.Value.(*cached)
	if now.Sub(v.at) > c.ttl {
		c.order.Remove(e)
		delete(c.items, key)
		return nil, false
	}
	c.order.MoveToFront(e)
	return v.body, true
}

// put keeps an answer computed after reading generation gen, dropping the
// least recently used beyond max.
func (c *answerCache) put(key string, gen int64, body []byte, now time.Time) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.seen(gen) {
		return // the store changed while the answer was made
	}
	if e, ok := c.items[key]; ok {
		e.Value = &cached{key, body, now}
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&cached{key, body, now})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*cached).key)
	}
}

// clear forgets every answer: the store changed.
func (c *answerCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = map[string]*list.Element{}
	c.order.Init()
}
