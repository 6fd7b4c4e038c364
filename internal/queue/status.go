package queue

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Status is what the queue holds at a moment.
type Status struct {
	At       time.Time
	Replicas int
	Storage  string
	// Published is every message the work stream ever took (its last
	// sequence); Waiting those in it now: pending, in flight or stuck.
	Published uint64
	Waiting   uint64
	Bytes     uint64
	// Failed is the messages in the dead-letter stream.
	Failed uint64
	// Done is the messages handled and acknowledged: Published less
	// Waiting and Failed.
	Done      uint64
	Consumers []ConsumerStatus
	// Rate is Done per second over the interval [Sample] watched (0 when
	// read once).
	Rate float64
}

// ConsumerStatus is one durable consumer: the workers of one subject.
type ConsumerStatus struct {
	Name    string
	Subject string
	// Pending is the messages not yet delivered; InFlight delivered and
	// not yet acknowledged; Redelivered delivered more than once and not
	// yet acknowledged; Pulling the workers' open pull requests.
	Pending     uint64
	InFlight    int
	Redelivered int
	Pulling     int
}

// ReadStatus reads the queue's status. Consumers that no worker made yet
// are left out.
func ReadStatus(ctx context.Context, js jetstream.JetStream) (Status, error) {
	st := Status{At: time.Now()}
	s, err := js.Stream(ctx, Stream)
	if err != nil {
		return st, fmt.Errorf("queue: stream %s: %w", Stream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return st, err
	}
	st.Replicas, st.Storage = info.Config.Replicas, info.Config.Storage.String()
	st.Published, st.Waiting, st.Bytes = info.State.LastSeq, info.State.Msgs, info.State.Bytes
	if d, err := js.Stream(ctx, DeadStream); err == nil {
		if di, err := d.Info(ctx); err == nil {
			st.Failed = di.State.Msgs
		}
	}
	if st.Published >= st.Waiting+st.Failed {
		st.Done = st.Published - st.Waiting - st.Failed
	}
	for _, c := range []struct{ name, subject string }{{ConsumerArticles, SubjectArticles}, {ConsumerRecode, SubjectRecode}} {
		cons, err := s.Consumer(ctx, c.name)
		if errors.Is(err, jetstream.ErrConsumerNotFound) {
			continue
		}
		if err != nil {
			return st, err
		}
		ci, err := cons.Info(ctx)
		if err != nil {
			return st, err
		}
		st.Consumers = append(st.Consumers, ConsumerStatus{Name: c.name, Subject: c.subject, Pending: ci.NumPending,
			InFlight: ci.NumAckPending, Redelivered: ci.NumRedelivered, Pulling: ci.NumWaiting})
	}
	return st, nil
}

// Sample reads the status twice, interval apart, and sets the rate.
func Sample(ctx context.Context, js jetstream.JetStream, interval time.Duration) (Status, error) {
	a, err := ReadStatus(ctx, js)
	if err != nil || interval <= 0 {
		return a, err
	}
	select {
	case <-ctx.Done():
		return a, ctx.Err()
	case <-time.After(interval):
	}
	b, err := ReadStatus(ctx, js)
	if err != nil {
		return b, err
	}
	if b.Done >= a.Done {
		b.Rate = float64(b.Done-a.Done) / b.At.Sub(a.At).Seconds()
	}
	return b, nil
}

// Print writes the status as a small table.
func (st *Status) Print(w io.Writer) {
	fmt.Fprintf(w, "stream %s (%s storage, %d replica(s)): %d published, %d done, %d failed (dead letters), %d waiting (%.1f MB)\n",
		Stream, st.Storage, st.Replicas, st.Published, st.Done, st.Failed, st.Waiting, float64(st.Bytes)/1e6)
	rate := "-"
	if st.Rate > 0 {
		rate = strconv.FormatFloat(st.Rate, 'f', 1, 64) + "/s"
		var pending uint64
		for _, c := range st.Consumers {
			pending += c.Pending + uint64(c.InFlight)
		}
		if pending > 0 {
			rate += ", " + (time.Duration(float64(pending)/st.Rate) * time.Second).Round(time.Second).String() + " to go"
		}
	}
	fmt.Fprintf(w, "rate: %s\n", rate)
	fmt.Fprintf(w, "%-10s %-16s %10s %10s %12s %8s\n", "consumer", "subject", "pending", "in flight", "redelivered", "pulling")
	for _, c := range st.Consumers {
		fmt.Fprintf(w, "%-10s %-16s %10d %10d %12d %8d\n", c.Name, c.Subject, c.Pending, c.InFlight, c.Redelivered, c.Pulling)
	}
}

// DeadLetter is a message in the dead-letter stream.
type DeadLetter struct {
	Subject    string
	Seq        string // its sequence in the work stream
	Deliveries string
	Reason     string
	Data       []byte
}

// DeadLetters returns up to limit messages of the dead-letter stream,
// oldest first.
func DeadLetters(ctx context.Context, js jetstream.JetStream, limit int) ([]DeadLetter, error) {
	s, err := js.Stream(ctx, DeadStream)
	if err != nil {
		return nil, fmt.Errorf("queue: stream %s: %w", DeadStream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, err
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && len(out) < limit && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, DeadLetter{Subject: m.Subject, Seq: m.Header.Get(HeaderSeq), Deliveries: m.Header.Get(HeaderDeliveries),
			Reason: m.Header.Get(HeaderReason), Data: m.Data})
	}
	return out, nil
}

// WaitEmpty returns once the work stream holds no message (every one was
// acknowledged or sent to the dead letters), polling every poll, or when
// ctx ends.
func WaitEmpty(ctx context.Context, js jetstream.JetStream, poll time.Duration) error {
	for {
		st, err := ReadStatus(ctx, js)
		if err == nil && st.Waiting == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(poll):
		}
	}
}
