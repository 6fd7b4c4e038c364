// Package queue spreads farabi's work over many processes and machines
// through a NATS JetStream work queue, with the store (PostgreSQL) as the
// one place results meet.
//
// A publisher ([Publisher], "farabi ingest --queue") puts each article
// read by package ingest on the stream [Stream] under [SubjectArticles],
// with the content hash of its text as the message ID, so JetStream drops
// a copy published again within the duplicate window; "farabi recode
// --queue" puts the IDs of stale articles under [SubjectRecode]. Workers
// ([Worker], "farabi worker") pull messages with explicit acks through
// durable consumers, code them on all cores with package intake, write
// them in batches, and acknowledge each message only once its article is
// committed. Writes are idempotent — an article whose content hash is
// stored is not stored again, a re-code to the versions an article
// already has does nothing — so a message delivered again after a worker
// died, or after an ack was lost, changes nothing.
//
// Each consumer's MaxAckPending bounds the messages in flight over all
// workers (back-pressure: a slow store slows delivery, it does not pile
// messages up in workers). A message that cannot be read, that the store
// refuses, or that was delivered more than MaxDeliver times without an
// ack goes to the dead-letter stream [DeadStream] (subjects
// farabi.dead.KIND) with a header saying why, and leaves the work queue.
//
// [StartEmbedded] runs a JetStream server inside the process, with file
// storage, for one machine and for tests. [ReadStatus] reports what the
// queue holds. See docs/scale.md.
package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the streams, subjects and consumers.
const (
	// Stream is the work queue: a message is removed once acknowledged.
	Stream          = "FARABI"
	SubjectArticles = "farabi.articles" // an article to code and store
	SubjectRecode   = "farabi.recode"   // a stored article to re-code
	// DeadStream keeps the messages no worker could handle, with the
	// reason, under farabi.dead.articles and farabi.dead.recode.
	DeadStream  = "FARABI_DEAD"
	deadSubject = "farabi.dead."
	// Durable consumers, one per subject, shared by all workers.
	ConsumerArticles = "articles"
	ConsumerRecode   = "recode"
)

// Message headers beside JetStream's Nats-Msg-Id.
const (
	// HeaderPublished is when the message was first published (RFC 3339
	// with nanoseconds): workers measure publish-to-stored latency by it.
	HeaderPublished = "Farabi-Published"
	// HeaderReason says why a message is in the dead-letter stream;
	// HeaderDeliveries how often it had been delivered, HeaderSeq its
	// sequence in the work stream.
	HeaderReason     = "Farabi-Reason"
	HeaderDeliveries = "Farabi-Deliveries"
	HeaderSeq        = "Farabi-Seq"
)

// Config is how the streams and consumers are made. The zero value is
// usable.
type Config struct {
	// Replicas is how many servers of a cluster keep each stream (1; 3 in
	// a three-node cluster, so that one node's loss loses nothing).
	Replicas int
	// DuplicateWindow is how long the stream remembers message IDs to
	// drop copies (default 1h). Copies later than that are dropped by the
	// store instead, by content hash.
	DuplicateWindow time.Duration
	// MaxBytes caps the work stream (default unlimited); a full stream
	// refuses publishes, which the publisher retries: back-pressure on
	// the readers.
	MaxBytes int64
	// MaxMsgSize is the largest message (default 8 MiB, the server's
	// max_payload must allow it).
	MaxMsgSize int32
	// AckWait is how long a delivered message waits for its ack before it
	// is delivered again (default 30s). Workers send progress for the
	// messages they hold, so only a dead or stuck worker's messages
	// expire.
	AckWait time.Duration
	// MaxDeliver is how many deliveries a message gets before it goes to
	// the dead-letter stream (default 5).
	MaxDeliver int
	// MaxAckPending bounds the messages delivered and not yet
	// acknowledged, over all workers of a consumer (default 1000).
	MaxAckPending int
}

func (c Config) withDefaults() Config {
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.DuplicateWindow <= 0 {
		c.DuplicateWindow = time.Hour
	}
	if c.MaxBytes == 0 {
		c.MaxBytes = -1
	}
	if c.MaxMsgSize <= 0 {
		c.MaxMsgSize = 8 << 20
	}
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 1000
	}
	return c
}

// Connect connects to the NATS server at url ("nats://host:4222", a
// comma-separated list for a cluster) for the named client, reconnecting
// for ever after a loss; log, when set, hears of disconnections.
// Extra options (such as nats.InProcessServer) come last.
func Connect(url, name string, log *slog.Logger, opts ...nats.Option) (*nats.Conn, error) {
	o := []nats.Option{nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(250 * time.Millisecond),
		nats.ReconnectBufSize(64 << 20)}
	if log != nil {
		o = append(o,
			nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
				if err != nil {
					log.Warn("queue disconnected", "err", err)
				}
			}),
			nats.ReconnectHandler(func(c *nats.Conn) { log.Info("queue reconnected", "server", c.ConnectedUrlRedacted()) }))
	}
	nc, err := nats.Connect(url, append(o, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", url, err)
	}
	return nc, nil
}

// Setup makes the work and dead-letter streams when they do not exist
// (an existing stream keeps its configuration) and returns the
// JetStream context.
func Setup(ctx context.Context, nc *nats.Conn, c Config) (jetstream.JetStream, error) {
	c = c.withDefaults()
	// An ack lost in a server restart fails its publish after 10 s, and
	// the publisher sends it again.
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncTimeout(10*time.Second))
	if err != nil {
		return nil, err
	}
	for _, cfg := range []jetstream.StreamConfig{
		{Name: Stream, Subjects: []string{SubjectArticles, SubjectRecode}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Replicas: c.Replicas, Duplicates: c.DuplicateWindow, MaxBytes: c.MaxBytes,
			Discard: jetstream.DiscardNew, MaxMsgSize: c.MaxMsgSize,
			Description: "farabi: articles to code and stored articles to re-code"},
		{Name: DeadStream, Subjects: []string{deadSubject + ">"}, Retention: jetstream.LimitsPolicy,
			Storage: jetstream.FileStorage, Replicas: c.Replicas, Duplicates: time.Hour, MaxAge: 30 * 24 * time.Hour,
			MaxMsgSize: c.MaxMsgSize, Description: "farabi: messages no worker could handle, with the reason"},
	} {
		if err := ensureStream(ctx, js, cfg); err != nil {
			return nil, err
		}
	}
	return js, nil
}

func ensureStream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) error {
	// A server just (re)started may answer "JetStream not ready" or time
	// out for a few seconds.
	var err error
	for try := 0; try < 30; try++ {
		if _, err = js.Stream(ctx, cfg.Name); err == nil {
			return nil
		}
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			if _, err = js.CreateStream(ctx, cfg); err == nil || errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	return fmt.Errorf("queue: stream %s: %w", cfg.Name, err)
}

// consumer makes (or updates) the durable consumer name over subject.
func consumer(ctx context.Context, js jetstream.JetStream, name, subject string, c Config) (jetstream.Consumer, error) {
	c = c.withDefaults()
	cfg := jetstream.ConsumerConfig{Durable: name, FilterSubject: subject, AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: c.AckWait, MaxAckPending: c.MaxAckPending,
		// Workers count deliveries themselves and dead-letter a message
		// past MaxDeliver with the reason; the server would only stop
		// delivering it and leave it in the work queue.
		MaxDeliver:  -1,
		Description: "farabi workers"}
	var err error
	for try := 0; try < 30; try++ {
		var cons jetstream.Consumer
		if cons, err = js.CreateOrUpdateConsumer(ctx, Stream, cfg); err == nil {
			return cons, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	return nil, fmt.Errorf("queue: consumer %s: %w", name, err)
}
