package queue

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"farabi/internal/ingest"
	"farabi/internal/store"
)

// PublishOptions configure a Publisher. The zero value is usable.
type PublishOptions struct {
	// Window is how many publishes may wait for JetStream's ack at once
	// (default 256).
	Window int
	// RetryFor is how long a publish is retried after failures — a server
	// restarting, a full stream — before the publisher gives up (default
	// 2 minutes).
	RetryFor time.Duration
	// Problem, when set, hears of every document that could not be read
	// or published, one line each.
	Problem func(line string)
}

// PublishCounts say what a Publisher did so far.
type PublishCounts struct {
	Published  int // new messages in the stream
	Duplicates int // dropped by JetStream as already published (same content hash within the window)
	Failed     int // not published: too large for the server
	Retried    int // publishes sent again after a failure
	Unread     int // sources or records that gave no document (PublishRead)
}

// Publisher puts articles and re-code requests on the work queue. It
// keeps up to Window publishes in flight and runs a document's Commit once
// it and every document before it are safely in the stream. A Publisher
// is for one goroutine's use.
type Publisher struct {
	js      jetstream.JetStream
	nc      *nats.Conn
	opts    PublishOptions
	pending []*outgoing
	counts  PublishCounts
}

// outgoing is a publish waiting for its ack.
type outgoing struct {
	msg    *nats.Msg
	id     string
	fut    jetstream.PubAckFuture
	commit func() error
}

// NewPublisher returns a Publisher on the connection of js (made by
// [Setup]).
func NewPublisher(js jetstream.JetStream, opts PublishOptions) *Publisher {
	if opts.Window <= 0 {
		opts.Window = 256
	}
	if opts.RetryFor <= 0 {
		opts.RetryFor = 2 * time.Minute
	}
	return &Publisher{js: js, nc: js.Conn(), opts: opts}
}

// Counts returns what the Publisher did so far; call it after Flush for
// the final counts.
func (p *Publisher) Counts() PublishCounts { return p.counts }

// Article publishes a document read by ingest, with the content hash of
// its text as the message ID. It returns an error only when the queue
// fails for longer than RetryFor; a document too large for the server is
// counted, reported and skipped.
func (p *Publisher) Article(ctx context.Context, d *ingest.Document) error {
	data, id, err := encodeArticle(d)
	if err != nil {
		return err
	}
	if max := p.nc.MaxPayload(); int64(len(data)) > max-1024 {
		p.counts.Failed++
		if p.opts.Problem != nil {
			p.opts.Problem(fmt.Sprintf("%s: %.1f MB of article is more than the queue server takes (max_payload %.1f MB)",
				d.Source, float64(len(data))/1e6, float64(max)/1e6))
		}
		return p.commitWhenDone(ctx, d.Commit)
	}
	return p.send(ctx, SubjectArticles, data, id, d.Commit)
}

// Recode publishes a request to re-code stored article id (with
// versions v, those of the publisher's farabi).
func (p *Publisher) Recode(ctx context.Context, id int64, v store.Versions) error {
	data, msgID, err := encodeRecode(id, v)
	if err != nil {
		return err
	}
	return p.send(ctx, SubjectRecode, data, msgID, nil)
}

// commitWhenDone runs commit once every publish before it is acked.
func (p *Publisher) commitWhenDone(ctx context.Context, commit func() error) error {
	if commit == nil {
		return nil
	}
	if err := p.Flush(ctx); err != nil {
		return err
	}
	return commit()
}

func (p *Publisher) send(ctx context.Context, subject string, data []byte, id string, commit func() error) error {
	msg := nats.NewMsg(subject)
	msg.Data = data
	msg.Header.Set(HeaderPublished, time.Now().UTC().Format(time.RFC3339Nano))
	o := &outgoing{msg: msg, id: id, commit: commit}
	for len(p.pending) >= p.opts.Window {
		if err := p.settle(ctx); err != nil {
			return err
		}
	}
	var err error
	if o.fut, err = p.js.PublishMsgAsync(msg, jetstream.WithMsgID(id), jetstream.WithExpectStream(Stream)); err != nil {
		o.fut = nil // sent again by settle
	}
	p.pending = append(p.pending, o)
	return nil
}

// settle waits for the oldest publish's ack, publishing it again until
// it is acked or RetryFor has passed.
func (p *Publisher) settle(ctx context.Context) error {
	o := p.pending[0]
	deadline := time.Now().Add(p.opts.RetryFor)
	wait := 100 * time.Millisecond
	var last error
	for {
		var ack *jetstream.PubAck
		if o.fut != nil {
			select {
			case ack = <-o.fut.Ok():
			case last = <-o.fut.Err():
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if ack != nil {
			if ack.Duplicate {
				p.counts.Duplicates++
			} else {
				p.counts.Published++
			}
			p.pending = p.pending[1:]
			if o.commit != nil {
				return o.commit()
			}
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("queue: publishing %s: %w", o.msg.Subject, errors.Join(last, errors.New("gave up after "+p.opts.RetryFor.String())))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
		// The same message ID again: JetStream keeps one copy if the first
		// attempt did get in.
		p.counts.Retried++
		var err error
		if o.fut, err = p.js.PublishMsgAsync(o.msg, jetstream.WithMsgID(o.id), jetstream.WithExpectStream(Stream)); err != nil {
			o.fut, last = nil, err
		}
	}
}

// Flush waits until every publish is acked (retrying failed ones).
func (p *Publisher) Flush(ctx context.Context) error {
	for len(p.pending) > 0 {
		if err := p.settle(ctx); err != nil {
			return err
		}
	}
	return nil
}

// PublishRead publishes every document of docs (as package ingest reads
// them) and waits for the last ack. A reading problem is counted in
// Unread and told to Problem; a cancelled ctx or a queue that fails for
// longer than RetryFor ends it with the error.
func (p *Publisher) PublishRead(ctx context.Context, docs iter.Seq2[*ingest.Document, error]) error {
	for d, err := range docs {
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			p.counts.Unread++
			if p.opts.Problem != nil {
				p.opts.Problem(err.Error())
			}
			continue
		}
		if err := p.Article(ctx, d); err != nil {
			return err
		}
	}
	return p.Flush(ctx)
}

// PublishStale publishes a re-code request for every article of st not
// coded with versions v, up to limit (0: all), and returns how many it
// published.
func (p *Publisher) PublishStale(ctx context.Context, st store.Store, v store.Versions, limit int) (int, error) {
	var after int64
	n := 0
	for limit == 0 || n < limit {
		page := 1000
		if limit > 0 {
			page = min(page, limit-n)
		}
		arts, err := st.Stale(ctx, v, after, page)
		if err != nil {
			return n, err
		}
		if len(arts) == 0 {
			break
		}
		for _, a := range arts {
			after = a.ID
			if err := p.Recode(ctx, a.ID, v); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, p.Flush(ctx)
}
